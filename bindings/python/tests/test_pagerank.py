"""PageRank against networkx and python-igraph; strengths weigh the walk."""
import networkx as nx
import pytest

import netan
import oracles
from oracles import NETWORKS, assert_close_maps

# networkx 2.8's own pagerank calls its deprecated pagerank_scipy
pytestmark = pytest.mark.filterwarnings("ignore:networkx.pagerank_scipy:DeprecationWarning")


def networkx_pagerank(rows, directed, weighted, damping=0.85):
    g = oracles.nx_graph(rows, directed)
    # power iteration: a tight tolerance makes it an oracle to ~1e-14
    return nx.pagerank(g, alpha=damping, weight="weight" if weighted else None,
                       tol=1e-15, max_iter=100000)


def igraph_pagerank(rows, directed, weighted, damping=0.85):
    g = oracles.ig_graph(rows, directed)
    return dict(zip(g.vs["name"], g.pagerank(damping=damping, directed=directed,
                                             weights="strength" if weighted else None)))


@pytest.mark.parametrize("weighted", [True, False], ids=["strength", "unweighted"])
@pytest.mark.parametrize("name", list(NETWORKS))
def test_pagerank_equals_networkx_and_igraph(real_cases, name, weighted):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    res = case.view(directed=directed).pagerank(weighted=weighted)
    got = res.by_key()
    assert_close_maps(got, networkx_pagerank(rows, directed, weighted), what="vs networkx")
    assert_close_maps(got, igraph_pagerank(rows, directed, weighted), what="vs igraph")
    assert sum(got.values()) == pytest.approx(1.0, abs=1e-12)
    assert res.meta["measure"] == "pagerank"
    assert res.meta["weights"].startswith("strength") == weighted


def test_pagerank_damping(real_cases):
    case, rows = real_cases["cielnet_directed"]
    got = case.view(directed=True).pagerank(damping=0.5).by_key()
    assert_close_maps(got, networkx_pagerank(rows, True, True, damping=0.5))
    assert float(case.view().pagerank(damping=0.5).meta["damping"]) == 0.5


def test_strengths_change_pagerank_on_montagna_phonecalls(real_cases):
    view = real_cases["montagna_phonecalls"][0].view()
    assert view.pagerank().by_key() != pytest.approx(view.pagerank(weighted=False).by_key())


def test_pagerank_ignores_the_length_transform(real_cases):
    case, _ = real_cases["london_gang"]
    assert case.view().pagerank().by_key() == case.view(unweighted=True).pagerank().by_key()


@pytest.mark.parametrize("damping", [1.5, -0.1, float("nan")])
def test_bad_damping_is_an_invalid_argument(real_cases, damping):
    with pytest.raises(netan.InvalidArgumentError):
        real_cases["siren"][0].view().pagerank(damping=damping)


def test_pagerank_of_isolated_vertices_is_uniform():
    case = netan.Case()
    for k in "abcd":
        case.add_entity("person", k)
    assert case.view().pagerank().by_key() == pytest.approx(dict.fromkeys("abcd", 0.25))
