"""The bundled sample case, ingested through its mapping specs, against the
ground truth its generator wrote (examples/sample-case/case/TRUTH.json):
rows reconcile file by file, every planted bad row and only those are
rejected at the planted line, and the good rows hold what the generator put
in them (events by type, distinct identifiers, amounts by currency)."""
import json
import math
import os
from collections import Counter
from pathlib import Path

import pytest

import netan

SAMPLE = Path(os.environ["abs_top_srcdir"]) / "examples" / "sample-case"
TRUTH = json.loads((SAMPLE / "case" / "TRUTH.json").read_text(encoding="utf-8"))
FILES = list(TRUTH["files"])


@pytest.fixture(scope="module")
def sample():
    case = netan.Case()
    reports = {}
    for name in FILES:
        spec = SAMPLE / "specs" / (Path(name).stem + ".ini")
        reports[name] = case.ingest(SAMPLE / "case" / name, spec=spec)
    return case, reports


@pytest.mark.parametrize("name", FILES)
def test_rows_reconcile_with_the_planted_counts(sample, name):
    _, reports = sample
    r, t = reports[name], TRUTH["files"][name]
    assert r.rows_read == t["records"]
    assert r.rows_ingested == t["good_records"]
    assert r.rows_rejected == t["bad_records"]
    assert r.rows_read == r.rows_ingested + r.rows_rejected


@pytest.mark.parametrize("name", FILES)
def test_exactly_the_planted_bad_rows_are_rejected(sample, name):
    _, reports = sample
    planted = {b["line"] for b in TRUTH["files"][name]["bad_rows"]}
    rejected = {r["line"] for r in reports[name].rejects}
    assert rejected == planted
    for r in reports[name].rejects:
        assert r["file"].endswith(name) and r["reason"]


def test_sources_carry_grading_and_sha256(sample):
    case, _ = sample
    for s in case.sources():
        t = TRUTH["files"][s["name"]]
        assert s["sha256"] == t["sha256"]
        assert s["jurisdiction"] and s["grading"] and s["agency"]
        assert s["rows_read"] == t["records"]


def test_events_by_type(sample):
    case, _ = sample
    want = Counter()
    for t in TRUTH["files"].values():
        want.update(t["good_records_hold"].get("events", {}))
    got = Counter(e["type"] for e in case.events())
    assert got == want


def test_distinct_identifiers(sample):
    case, _ = sample
    ents = case.entities()
    by_type = Counter(e["type"] for e in ents)
    hold = TRUTH["files"]["transfers.csv"]["good_records_hold"]
    assert by_type["account"] == hold["distinct_ibans"]
    phones_in_truth = {p for p in TRUTH["phones"]} if isinstance(TRUTH["phones"], dict) else set()
    # every phone of the ring's organisers is there, in E.164
    keys = {e["key"] for e in ents if e["type"] == "phone"}
    for o in TRUTH["organisers"]:
        for p in o["phones"]:
            assert p in keys
    assert not phones_in_truth or keys <= phones_in_truth | keys


def test_transfer_amounts_by_currency(sample):
    case, _ = sample
    want = TRUTH["files"]["transfers.csv"]["good_records_hold"]["amount_by_currency"]
    got = Counter()
    for e in case.events():
        if e["type"] == "transfer":
            got[e["currency"]] += e["amount"]
    assert set(got) == set(want)
    for cur, total in want.items():
        assert math.isclose(got[cur], total, rel_tol=1e-12)


def test_the_collector_account_fans_in(sample):
    case, _ = sample
    collector = TRUTH["collector_account"]
    acc = case.find_entity("account", collector["iban"])
    assert acc >= 0
    incoming = [e for e in case.events() if e["type"] == "transfer" and e["to"] == acc]
    assert len(incoming) == collector["incoming_transfers_in_good_records"]
    assert len({e["from"] for e in incoming}) == collector["distinct_senders_in_good_records"]


def test_spelling_variants_are_suggested_not_merged(sample):
    case, _ = sample
    hoxha = [e for e in case.entities() if e["type"] == "person" and "hoxha" in e["key"] and "dritan" in e["key"]]
    assert hoxha, "Dritan Hoxha is in the case"
    suggestions = case.suggest_merges()
    assert all(m["active"] is False for m in case.merges())  # nothing merged by itself
    pairs = {(s["a_key"], s["b_key"]) for s in suggestions}
    assert ("dritan hodza", "dritan hoxha") in pairs or ("dritan hoxha", "dritan hodza") in pairs


def test_case_file_round_trip(sample, tmp_path):
    case, _ = sample
    path = tmp_path / "sample.netan"
    case.save(path)
    again = netan.Case.open(path)
    assert again.n_entities == case.n_entities and again.n_links == case.n_links
    assert len(again.events()) == len(case.events())
    assert again.sources() == case.sources()
    a = case.view(entity_type="phone", drop_isolates=True).betweenness()
    b = again.view(entity_type="phone", drop_isolates=True).betweenness()
    assert a.by_key() == b.by_key()
