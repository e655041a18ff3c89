"""Betweenness against python-igraph and networkx, weighted (length =
1/strength) and unweighted, on the real networks and on random graphs;
the published Siren number; progress and cancellation."""
import random

import networkx as nx
import pytest

import netan
import oracles
from oracles import NETWORKS, assert_close_maps


def igraph_betweenness(rows, directed, unweighted):
    g = oracles.ig_graph(rows, directed, unweighted)
    return dict(zip(g.vs["name"], g.betweenness(weights="length", directed=directed)))


def networkx_betweenness(rows, directed, unweighted, normalized=False):
    # networkx halves undirected raw counts (each unordered pair once), which
    # is netan's and igraph's convention; directed counts are not halved.
    # Lengths are exact fractions (see oracles.nx_graph).
    g = oracles.nx_graph(rows, directed, unweighted)
    return {k: float(v) for k, v in
            nx.betweenness_centrality(g, normalized=normalized, weight="exact_length").items()}


@pytest.mark.parametrize("unweighted", [False, True], ids=["length=1/strength", "unweighted"])
@pytest.mark.parametrize("name", list(NETWORKS))
def test_raw_betweenness_equals_igraph_and_networkx(real_cases, name, unweighted):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    res = case.view(directed=directed, unweighted=unweighted).betweenness()
    got = res.by_key()
    assert_close_maps(got, igraph_betweenness(rows, directed, unweighted), what="vs igraph")
    assert_close_maps(got, networkx_betweenness(rows, directed, unweighted), what="vs networkx")
    assert res.meta["measure"] == "betweenness"
    assert res.meta["normalized"] == "false"
    assert res.meta["directed"] == ("true" if directed else "false")
    assert ("1/strength" in res.meta["weights"]) != unweighted


@pytest.mark.parametrize("name", list(NETWORKS))
def test_normalized_betweenness_equals_networkx_normalized(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    for unweighted in (False, True):
        got = case.view(directed=directed, unweighted=unweighted).betweenness(normalized=True)
        # the metadata names the divisor, e.g. "2/((n-1)(n-2))" undirected
        assert got.meta["normalized"].endswith("((n-1)(n-2))")
        assert_close_maps(got.by_key(),
                          networkx_betweenness(rows, directed, unweighted, normalized=True))


def test_directed_view_differs_from_undirected_on_cielnet(real_cases):
    # guards against the direction being ignored (the oracles above would
    # then disagree, but make it explicit)
    case, _ = real_cases["cielnet_directed"]
    assert case.view(directed=True).betweenness().by_key() != \
        case.view(directed=False).betweenness().by_key()


def test_weights_change_betweenness_on_montagna_phonecalls(real_cases):
    case, _ = real_cases["montagna_phonecalls"]
    assert case.view().betweenness().by_key() != case.view(unweighted=True).betweenness().by_key()


def test_siren_published_normalized_betweenness_of_entity_1(real_cases):
    # tests/data/README.md: Morselli (2009), unweighted, normalized
    top = real_cases["siren"][0].view(unweighted=True).betweenness(normalized=True)[0]
    assert top["key"] == "1" and top["rank"] == 1
    assert round(top["value"], 4) == 0.7980


def random_rows(n, m, seed, directed, weights=(1, 2, 3, 4, 5)):
    rnd = random.Random(seed)
    g = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    rows = [(f"v{a}", f"v{b}", float(rnd.choice(weights))) for a, b in g.edges()]
    # every vertex is named in some row only if it has an edge: isolated
    # vertices are added to the case explicitly below
    return [f"v{i}" for i in range(n)], rows


def case_from_rows(keys, rows):
    case = netan.Case()
    ids = {k: case.add_entity("person", k) for k in keys}
    for a, b, w in rows:
        case.add_link(ids[a], ids[b], weight=w)
    return case


RANDOM_GRAPHS = [
    # (n, m, seed, directed): dense, sparse and disconnected, both kinds
    (30, 90, 1, False), (40, 35, 2, False), (25, 15, 3, False), (50, 200, 4, False),
    (30, 90, 5, True), (40, 50, 6, True), (20, 12, 7, True),
]


@pytest.mark.parametrize("weights", [(1, 2, 3, 4, 5), (1, 2, 4, 8)], ids=["1-5", "powers-of-2"])
@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS)
def test_random_graph_betweenness_equals_igraph_and_networkx(n, m, seed, directed, weights):
    keys, rows = random_rows(n, m, seed, directed, weights)
    # repeat some rows so that views have to merge links
    rows = rows + [(a, b, w) for a, b, w in rows[::7]]
    case = case_from_rows(keys, rows)
    full_rows = rows
    for unweighted in (False, True):
        got = case.view(directed=directed, unweighted=unweighted).betweenness().by_key()
        ig = igraph_betweenness(full_rows, directed, unweighted)
        nxg = networkx_betweenness(full_rows, directed, unweighted)
        isolated = set(keys) - set(ig)
        # isolated vertices are in the view with betweenness 0
        assert all(got[k] == 0 for k in isolated)
        for k in isolated:
            ig[k] = nxg[k] = 0.0
        assert_close_maps(got, ig, what=f"unweighted={unweighted} vs igraph")
        assert_close_maps(got, nxg, what=f"unweighted={unweighted} vs networkx")


def test_random_graphs_include_disconnected_ones():
    # the parameter list above is meant to cover graphs in several pieces
    pieces = [nx.number_weakly_connected_components(nx.gnm_random_graph(n, m, seed=s, directed=True))
              if d else nx.number_connected_components(nx.gnm_random_graph(n, m, seed=s))
              for n, m, s, d in RANDOM_GRAPHS]
    assert sum(p > 1 for p in pieces) >= 3


def test_progress_reports_fractions_from_0_to_1(real_cases):
    seen = []
    res = real_cases["siren"][0].view().betweenness(progress=lambda f: seen.append(f))
    assert len(res) == 44
    assert seen, "the callback was never called"
    assert seen == sorted(seen)
    assert seen[0] >= 0.0 and seen[-1] == pytest.approx(1.0)


def test_progress_returning_true_cancels(real_cases):
    calls = []

    def stop(fraction):
        calls.append(fraction)
        return True

    with pytest.raises(netan.CancelledError):
        real_cases["siren"][0].view().betweenness(progress=stop)
    assert len(calls) == 1, "the work stops at the first request"


def test_progress_exception_propagates_unchanged(real_cases):
    class Interrupted(Exception):
        pass

    def boom(fraction):
        raise Interrupted("analyst pressed stop")

    view = real_cases["siren"][0].view()
    with pytest.raises(Interrupted, match="analyst pressed stop"):
        view.betweenness(progress=boom)
    # and the view is still usable afterwards
    assert len(view.betweenness()) == 44


def test_progress_must_be_callable(real_cases):
    with pytest.raises(TypeError):
        real_cases["siren"][0].view().betweenness(progress=42)


def test_betweenness_from_several_threads_gives_the_same_results(real_cases):
    # the GIL is released during the computation and libnetan serialises its
    # igraph calls (Debian's igraph is not thread-safe)
    from concurrent.futures import ThreadPoolExecutor
    names = ["siren", "french_connection", "london_gang", "montagna_meetings"] * 3
    views = [real_cases[n][0].view() for n in names]
    expected = [v.betweenness().by_key() for v in views]
    with ThreadPoolExecutor(max_workers=6) as pool:
        # with a progress callback too: it takes the GIL back from a worker thread
        got = list(pool.map(lambda v: v.betweenness(progress=lambda f: None).by_key(), views))
    assert got == expected
