"""Edge-list ingest: good input, every kind of bad row, strict mode, and the
reconciliation rows_read == rows_ingested + rows_rejected."""
import hashlib
import os

import pytest

import netan
import oracles
from oracles import NETWORKS

HEADER = "source,target,weight\n"


def reconciles(report):
    return (report["rows_read"] == report["rows_ingested"] + report["rows_rejected"]
            and report["rows_rejected"] == len(report["rejects"]))


def ingest(path, **options):
    case = netan.Case()
    return case, case.ingest_edgelist(path, **options)


@pytest.mark.parametrize("name", list(NETWORKS))
def test_real_networks_load_completely(real_cases, name):
    case, rows = real_cases[name]
    report = case.last_report
    assert reconciles(report)
    assert report["rows_read"] == len(rows) and report["rows_rejected"] == 0
    assert case.n_links == len(rows)
    keys = {a for a, _, _ in rows} | {b for _, b, _ in rows}
    assert {e["key"] for e in case.entities()} == keys
    # every link keeps its weight and its row (line 1 is the header)
    got = sorted((case.entities()[l["a"]]["key"], case.entities()[l["b"]]["key"], l["weight"], l["row"])
                 for l in case.links())
    assert got == sorted((a, b, w, i + 2) for i, (a, b, w) in enumerate(rows))


def test_source_records_file_name_and_sha256(real_cases):
    case, _ = real_cases["siren"]
    (src,) = case.sources()
    path = oracles.data_path("siren")
    assert src["name"] == path
    with open(path, "rb") as f:
        assert src["sha256"] == hashlib.sha256(f.read()).hexdigest()
    assert case.last_report["source_id"] == src["id"] == 0
    assert all(l["source"] == 0 for l in case.links())


def test_montagna_pairs_listed_twice_merge_into_one_edge_with_summed_strength(real_cases):
    case, rows = real_cases["montagna_meetings"]
    view = case.view()
    merged = oracles.merge(rows, directed=False)
    assert case.n_links == len(rows)
    assert view.n_edges == len(merged) == len(rows) - 33  # README: 33 pairs listed twice
    keys = {e["id"]: e["key"] for e in case.entities()}
    for e in view.edges():
        pair = frozenset((keys[e["a"]], keys[e["b"]]))
        assert e["strength"] == pytest.approx(merged[pair], rel=1e-12)
        assert e["length"] == pytest.approx(1 / merged[pair], rel=1e-12)
    assert sum(e["links"] for e in view.edges()) == len(rows)
    assert max(e["links"] for e in view.edges()) == 2


BAD_ROWS = [
    # (row text, column, words expected in the reason)
    ("a,b,1,extra\n", 0, "fields"),
    ("a,b\n", 0, "fields"),
    (",b,1\n", 1, "empty"),
    ("a,,1\n", 2, "empty"),
    ("  ,b,1\n", 1, "empty"),
    ("a,b,lots\n", 3, "weight"),
    ("a,b,-2\n", 3, "weight"),
    ("a,b,0\n", 3, "weight"),
    ("a,b,nan\n", 3, "weight"),
    ("a,b,NaN\n", 3, "weight"),
    ("a,b,inf\n", 3, "weight"),
    ("a,b,1e999\n", 3, "weight"),
    ("a,b,2x\n", 3, "weight"),
    ('"a"x,b,1\n', 1, "quote"),
    ("a,b,1e-400\n", 3, "weight"),  # underflows to 0
    ("a,b,1_000\n", 3, "weight"),
    ("a,b,a\x00\n", 3, "3"),
    ("a,a,1\n", 2, "same"),
]


@pytest.mark.parametrize("row,column,reason", BAD_ROWS, ids=[repr(r[0]) for r in BAD_ROWS])
def test_bad_row_is_rejected_with_line_column_and_reason_and_the_rest_loads(
        write_csv, row, column, reason):
    path = write_csv(HEADER + "p,q,1\n" + row + "r,s,2\n")
    case, report = ingest(path)
    assert reconciles(report)
    assert (report["rows_read"], report["rows_ingested"], report["rows_rejected"]) == (3, 2, 1)
    (rej,) = report["rejects"]
    assert rej["file"] == path and rej["line"] == 3 and rej["column"] == column
    assert rej["reason"] and reason in rej["reason"]
    assert {e["key"] for e in case.entities()} >= {"p", "q", "r", "s"}
    assert [l["row"] for l in case.links()] == [2, 4]


def test_invalid_utf8_is_rejected_in_the_right_column(write_csv):
    path = write_csv(HEADER.encode() + b"p,q,1\nok,\xc3\x28bad,1\n\xff\xfe,x,1\nr,s,2\n")
    case, report = ingest(path)
    assert reconciles(report)
    assert [(r["line"], r["column"]) for r in report["rejects"]] == [(3, 2), (4, 1)]
    assert all("UTF-8" in r["reason"] for r in report["rejects"])
    # no entity key holds anything but valid text
    for e in case.entities():
        e["key"].encode("utf-8")


def test_unclosed_quote_is_rejected_and_reported_where_it_opened(write_csv):
    path = write_csv(HEADER + "p,q,1\n\"open,b,1\nr,s,2\n")
    case, report = ingest(path)
    assert reconciles(report)
    (rej,) = report["rejects"]
    assert (rej["line"], rej["column"]) == (3, 1)
    assert "quote" in rej["reason"]
    # the row before is kept; whether the reader resynchronises at the next
    # line (and keeps r,s) is its choice, but nothing is lost silently
    assert case.links()[0]["row"] == 2
    assert report["rows_ingested"] == case.n_links


def test_rfc4180_quoting_bom_crlf_and_multiline_fields(write_csv):
    text = ('\ufeffsource,target,weight\r\n'
            '"Smith, John","He said ""hi""",2\r\n'
            '"two\r\nlines",  padded  ,1.5\r\n'
            'x,y,\r\n')
    case, report = ingest(write_csv(text))
    assert reconciles(report) and report["rows_rejected"] == 0
    keys = [e["key"] for e in case.entities()]
    assert keys == ["Smith, John", 'He said "hi"', "two\r\nlines", "padded", "x", "y"]
    assert [(l["weight"], l["row"]) for l in case.links()] == [(2.0, 2), (1.5, 3), (1.0, 5)]


def test_two_column_file_gets_weight_one(write_csv):
    case, report = ingest(write_csv("source,target\na,b\nb,c\n"))
    assert report["rows_ingested"] == 2
    assert [l["weight"] for l in case.links()] == [1.0, 1.0]


def test_other_delimiters(write_csv):
    case, report = ingest(write_csv("source\ttarget\tweight\na\tb\t3\n"), delimiter="\t")
    assert report["rows_ingested"] == 1 and case.links()[0]["weight"] == 3.0
    case, report = ingest(write_csv("source;target;weight\na;b;3\n"), delimiter=";")
    assert report["rows_ingested"] == 1
    with pytest.raises(ValueError):
        netan.Case().ingest_edgelist(write_csv(HEADER), delimiter=";;")


def test_types_of_entities_and_links(write_csv):
    case, _ = ingest(write_csv(HEADER + "a,b,1\n"), entity_type="phone", link_type="call")
    assert {e["type"] for e in case.entities()} == {"phone"}
    assert case.links()[0]["type"] == "call"
    assert case.entity("a", type="phone") == 0
    with pytest.raises(KeyError):
        case.entity("a")  # there is no *person* a


def test_header_only_file_reads_zero_rows(write_csv):
    case, report = ingest(write_csv(HEADER))
    assert (report["rows_read"], report["rows_ingested"], report["rows_rejected"]) == (0, 0, 0)
    assert case.n_entities == 0


def test_empty_file_is_a_parse_error(write_csv):
    with pytest.raises(netan.ParseError) as e:
        netan.Case().ingest_edgelist(write_csv(b""))
    assert isinstance(e.value, ValueError)
    assert "empty" in e.value.args[0]


def test_bad_header_is_a_parse_error(write_csv):
    path = write_csv("only\na\n")
    with pytest.raises(netan.ParseError) as e:
        netan.Case().ingest_edgelist(path)
    assert f"{path}:1:" in e.value.args[0]


def test_missing_file_is_not_found_and_a_lookup_error(tmp_path):
    path = str(tmp_path / "nowhere.csv")
    case = netan.Case()
    with pytest.raises(netan.NotFoundError) as e:
        case.ingest_edgelist(path)
    assert isinstance(e.value, LookupError) and isinstance(e.value, netan.Error)
    assert path in e.value.args[0]
    assert case.sources() == [] and case.n_entities == 0


def test_a_directory_is_a_file_error(tmp_path):
    with pytest.raises(netan.FileError) as e:
        netan.Case().ingest_edgelist(str(tmp_path))
    assert isinstance(e.value, OSError)


def test_huge_field_is_rejected_not_fatal(write_csv):
    path = write_csv(HEADER + "x" * (2 << 20) + ",b,1\nc,d,1\n")
    case, report = ingest(path)
    assert reconciles(report)
    assert report["rows_ingested"] == 1
    assert report["rejects"][0]["line"] == 2


def test_self_loops_are_rejected_unless_allowed(write_csv):
    path = write_csv(HEADER + "a,a,1\na,b,1\n")
    _, report = ingest(path)
    assert report["rows_rejected"] == 1
    case, report = ingest(path, allow_self_loops=True)
    assert report["rows_rejected"] == 0 and case.n_links == 2


def test_strict_mode_raises_with_file_line_column_and_leaves_the_case_unchanged(write_csv):
    good = write_csv(HEADER + "p,q,1\n", "good.csv")
    bad = write_csv(HEADER + "a,b,1\nc,d,1\ne,f,heavy\ng,h,1\n", "bad.csv")
    case = netan.Case()
    case.ingest_edgelist(good)
    before = (list(case.entities()), list(case.links()), list(case.sources()))
    with pytest.raises(netan.ParseError) as e:
        case.ingest_edgelist(bad, strict=True)
    assert f"{bad}:4:3:" in e.value.args[0]
    assert "heavy" in e.value.args[0]
    assert (list(case.entities()), list(case.links()), list(case.sources())) == before


@pytest.mark.parametrize("failure", ["strict", "missing file"])
def test_a_failed_ingest_leaves_views_of_the_case_usable(write_csv, failure):
    # the case is left as it was, so a view built before must not go stale
    case = netan.Case()
    case.ingest_edgelist(write_csv(HEADER + "p,q,1\n", "good.csv"))
    view = case.view()
    with pytest.raises(netan.Error):
        if failure == "strict":
            case.ingest_edgelist(write_csv(HEADER + "a,b,1\ne,f,heavy\n", "bad.csv"), strict=True)
        else:
            case.ingest_edgelist(write_csv(HEADER, "gone.csv") + ".missing")
    assert len(view.degree()) == 2


def test_strict_mode_on_a_clean_file_loads_it(real_cases):
    case = netan.Case.from_edgelist(oracles.data_path("siren"), strict=True)
    assert case.n_links == real_cases["siren"][0].n_links


def test_exception_message_is_the_error_text(write_csv):
    # str(error) is what a user sees: it must be the message itself,
    # e.g. "bad.csv:3:3: weight ...", not a tuple or an errno format
    bad = write_csv(HEADER + "a,b,1\ne,f,heavy\n", "bad.csv")
    with pytest.raises(netan.ParseError) as e:
        netan.Case().ingest_edgelist(bad, strict=True)
    assert str(e.value).startswith(f"{bad}:3:3:")


def test_file_error_message_is_the_error_text(tmp_path):
    with pytest.raises(netan.FileError) as e:
        netan.Case().ingest_edgelist(str(tmp_path))
    assert str(e.value).startswith(str(tmp_path)), str(e.value)


def test_rows_reconcile_on_a_mix_of_everything(write_csv):
    body = (HEADER.encode() + b"a,b,1\n,b,1\na,b,x\na,b\n\xff,b,1\nb,c,2\n\"q,r,1\n")
    case, report = ingest(write_csv(body))
    assert reconciles(report)
    assert report["rows_ingested"] == 2 and report["rows_rejected"] == 5
    lines = [r["line"] for r in report["rejects"]]
    assert lines == sorted(lines) == [3, 4, 5, 6, 8]


def test_two_ingests_add_two_sources_and_merge_entities(write_csv):
    case = netan.Case()
    r1 = case.ingest_edgelist(write_csv(HEADER + "a,b,1\n", "one.csv"))
    r2 = case.ingest_edgelist(write_csv(HEADER + "b,c,1\na,b,4\n", "two.csv"))
    assert (r1["source_id"], r2["source_id"]) == (0, 1)
    assert [os.path.basename(s["name"]) for s in case.sources()] == ["one.csv", "two.csv"]
    assert case.n_entities == 3 and case.n_links == 3
    strengths = {frozenset((e["a"], e["b"])): e["strength"] for e in case.view().edges()}
    assert strengths[frozenset((0, 1))] == 5.0
