"""Louvain communities: determinism, the reported modularity recomputed by
python-igraph and networkx on netan's own partition, and quality compared
with python-igraph's community_multilevel.

Directed views are symmetrised before Louvain (the strengths of a->b and
b->a are added: netan-analysis.h), so on cielnet the oracles use the
undirected graph with summed strengths.
"""
import random

import pytest
from networkx.algorithms import community as nx_community

import netan
import oracles
from oracles import NETWORKS


def membership(result, graph):
    """netan's partition as an igraph membership list over graph's vertices."""
    index = {name: i for i, name in enumerate(graph.vs["name"])}
    mem = [None] * graph.vcount()
    for row in result:
        mem[index[row["key"]]] = row["community"]
    assert None not in mem, "every vertex of the oracle graph has a community"
    return mem


def communities(result):
    """netan's partition as a list of sets of keys."""
    out = {}
    for row in result:
        out.setdefault(row["community"], set()).add(row["key"])
    return list(out.values())


@pytest.mark.parametrize("name", list(NETWORKS))
def test_reported_modularity_equals_igraph_and_networkx_on_its_partition(real_cases, name):
    case, rows = real_cases[name]
    res = case.view(directed=NETWORKS[name]).louvain(seed=7)
    ig = oracles.symmetrised(rows)
    g = oracles.nx_graph(rows, directed=False)
    q = float(res.meta["modularity"])
    assert q == pytest.approx(ig.modularity(membership(res, ig), weights="strength"), abs=1e-9)
    assert q == pytest.approx(nx_community.modularity(g, communities(res), weight="weight"),
                              abs=1e-9)
    assert res.meta["weights"].startswith("strength")


@pytest.mark.parametrize("name", ["siren", "london_gang", "cielnet_directed"])
def test_unweighted_louvain_modularity_ignores_strengths(real_cases, name):
    case, rows = real_cases[name]
    res = case.view(directed=NETWORKS[name]).louvain(seed=3, weighted=False)
    ig = oracles.symmetrised(rows)
    # symmetrising a->b and b->a gives one undirected edge of weight 1
    assert float(res.meta["modularity"]) == pytest.approx(ig.modularity(membership(res, ig)),
                                                          abs=1e-9)


@pytest.mark.parametrize("resolution", [0.5, 2.0])
def test_modularity_at_another_resolution_is_the_generalised_one(real_cases, resolution):
    # python-igraph 0.10.2's Graph.modularity ignores its resolution
    # argument, so networkx is the oracle here.
    case, rows = real_cases["montagna_meetings"]
    res = case.view().louvain(seed=5, resolution=resolution)
    assert float(res.meta["resolution"]) == resolution
    g = oracles.nx_graph(rows, directed=False)
    want = nx_community.modularity(g, communities(res), weight="weight", resolution=resolution)
    assert float(res.meta["modularity"]) == pytest.approx(want, abs=1e-9)


def test_higher_resolution_finds_more_communities(real_cases):
    view = real_cases["french_connection"][0].view()
    low = int(view.louvain(seed=1, resolution=0.3).meta["communities"])
    high = int(view.louvain(seed=1, resolution=3.0).meta["communities"])
    assert low < high


@pytest.mark.parametrize("name", list(NETWORKS))
def test_netan_louvain_is_as_good_as_igraph_multilevel(real_cases, name):
    case, rows = real_cases[name]
    view = case.view(directed=NETWORKS[name])
    ours = max(float(view.louvain(seed=s).meta["modularity"]) for s in range(1, 11))
    ig = oracles.symmetrised(rows)
    theirs = []
    for s in range(1, 11):
        random.seed(s)  # python-igraph draws from Python's random module
        theirs.append(ig.community_multilevel(weights="strength").modularity)
    assert ours >= max(theirs) - 0.02, (ours, max(theirs))


def test_same_seed_same_partition_and_modularity(real_cases):
    view = real_cases["montagna_phonecalls"][0].view()
    a, b = view.louvain(seed=11), view.louvain(seed=11)
    assert list(a) == list(b)
    assert a.meta == b.meta
    # and a fresh view of the same case gives the same result
    assert list(real_cases["montagna_phonecalls"][0].view().louvain(seed=11)) == list(a)


def test_seed_is_recorded_and_seeds_can_differ(real_cases):
    view = real_cases["french_connection"][0].view()
    results = {s: view.louvain(seed=s) for s in range(1, 11)}
    assert results[3].meta["seed"] == "3"
    assert len({tuple(r["community"] for r in res) for res in results.values()}) > 1, \
        "ten seeds on 112 vertices should not all give the same partition"


def test_communities_are_numbered_by_size_and_rows_sorted(real_cases):
    res = real_cases["montagna_meetings"][0].view().louvain(seed=42)
    assert res.columns == ["entity", "key", "label", "type", "community", "community_size"]
    sizes = {}
    for r in res:
        sizes[r["community"]] = sizes.get(r["community"], 0) + 1
    assert all(r["community_size"] == sizes[r["community"]] for r in res)
    assert sorted(sizes) == list(range(len(sizes))), "communities are 0..k-1"
    assert int(res.meta["communities"]) == len(sizes)
    by_number = [sizes[c] for c in sorted(sizes)]
    assert by_number == sorted(by_number, reverse=True), "largest community first"
    order = [(r["community"], r["key"]) for r in res]
    assert order == sorted(order), "rows sorted by community, then key"
    assert len(res) == real_cases["montagna_meetings"][0].n_entities


def test_louvain_on_a_view_of_isolated_vertices_only():
    case = netan.Case()
    for k in "abc":
        case.add_entity("person", k)
    res = case.view().louvain()
    assert len(res) == 3
    assert len({r["community"] for r in res}) == 3


@pytest.mark.parametrize("resolution", [0.0, -1.0])
def test_non_positive_resolution_is_an_invalid_argument(real_cases, resolution):
    with pytest.raises(netan.InvalidArgumentError):
        real_cases["siren"][0].view().louvain(resolution=resolution)
