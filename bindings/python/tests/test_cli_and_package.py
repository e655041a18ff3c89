"""The package itself and the `netan` command (NETAN_CLI) against python-igraph."""
import json
import re
import subprocess

import pytest

import netan
import oracles


def run_cli(cli, *args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)


def test_version_is_a_version_string_and_matches_the_cli(cli):
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", netan.__version__)
    out = run_cli(cli, "--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"netan {netan.__version__}"


def test_public_names_are_exported():
    for name in netan.__all__:
        assert hasattr(netan, name), name


def test_cli_json_betweenness_and_degree_match_igraph_on_siren(cli):
    path = oracles.data_path("siren")
    out = run_cli(cli, "analyze", path, "--format", "json", "--top", "0")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    rows = doc["rows"]
    g = oracles.ig_graph(oracles.read_rows(path), directed=False)
    assert len(rows) == g.vcount() == 44
    want_btw = dict(zip(g.vs["name"], g.betweenness(weights="length")))
    want_deg = dict(zip(g.vs["name"], g.degree()))
    for r in rows:
        assert r["betweenness"] == pytest.approx(want_btw[r["key"]], abs=1e-9), r
        assert r["degree"] == want_deg[r["key"]], r
    assert [r["rank"] for r in rows][:2] == [1, 2] and rows[0]["key"] == "1"
    assert "1/strength" in doc["meta"]["betweenness"]
    assert "103 rows read, 103 ingested, 0 rejected" in out.stderr


def test_cli_json_unweighted_directed_matches_igraph_on_cielnet(cli):
    path = oracles.data_path("cielnet_directed")
    out = run_cli(cli, "analyze", path, "--format", "json", "--top", "0", "--directed",
                  "--unweighted")
    assert out.returncode == 0, out.stderr
    g = oracles.ig_graph(oracles.read_rows(path), directed=True, unweighted=True)
    want = dict(zip(g.vs["name"], g.betweenness(directed=True)))
    got = {r["key"]: r["betweenness"] for r in json.loads(out.stdout)["rows"]}
    oracles.assert_close_maps(got, want)


def test_cli_communities_match_the_python_louvain(cli, real_cases):
    path = oracles.data_path("montagna_meetings")
    out = run_cli(cli, "analyze", path, "--format", "json", "--top", "0", "--seed", "9")
    doc = json.loads(out.stdout)
    py = real_cases["montagna_meetings"][0].view().louvain(seed=9)
    assert {r["key"]: r["community"] for r in doc["rows"]} == py.by_key("community")
    assert py.meta["modularity"] in doc["meta"]["communities"]


def test_cli_reports_bad_rows_with_location_and_analyses_the_rest(cli, write_csv):
    path = write_csv("source,target,weight\na,b,1\nb,c,zero\nc,d,2\n")
    out = run_cli(cli, "analyze", path, "--format", "json")
    assert out.returncode == 0
    assert f"{path}:3:3:" in out.stderr
    assert {r["key"] for r in json.loads(out.stdout)["rows"]} == {"a", "b", "c", "d"}


def test_cli_missing_file_exits_1(cli, tmp_path):
    out = run_cli(cli, "analyze", str(tmp_path / "none.csv"), "--format", "json")
    assert out.returncode == 1 and "none.csv" in out.stderr
    assert out.stdout == ""
