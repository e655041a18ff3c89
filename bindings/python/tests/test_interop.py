"""networkx and python-igraph interop: views out, networkx graphs in."""
from fractions import Fraction

import igraph
import networkx as nx
import pytest

import netan
import oracles
from oracles import NETWORKS, assert_close_maps


@pytest.mark.parametrize("name", ["siren", "cielnet_directed", "montagna_meetings"])
def test_to_networkx_has_the_views_vertices_edges_and_attributes(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    view = case.view(directed=directed)
    g = view.to_networkx()
    assert isinstance(g, nx.DiGraph if directed else nx.Graph)
    assert g.is_directed() == directed
    assert (g.number_of_nodes(), g.number_of_edges()) == (view.n_vertices, view.n_edges)
    oracle = oracles.nx_graph(rows, directed)
    assert set(g.nodes) == set(oracle.nodes)
    for a, b, data in oracle.edges(data=True):
        got = g.edges[a, b]
        assert got["strength"] == pytest.approx(data["weight"], rel=1e-12)
        assert got["length"] == pytest.approx(1 / data["weight"], rel=1e-12)
        assert got["links"] >= 1
    for key, data in g.nodes(data=True):
        assert data["type"] == "person" and data["label"] == key
        assert case.entity(key) == data["entity"]


@pytest.mark.parametrize("name", ["siren", "cielnet_directed", "montagna_phonecalls"])
def test_to_igraph_keeps_vertex_order_and_attributes(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    view = case.view(directed=directed)
    g = view.to_igraph()
    assert isinstance(g, igraph.Graph)
    assert (g.vcount(), g.ecount(), g.is_directed()) == (view.n_vertices, view.n_edges, directed)
    keys = {e["id"]: e["key"] for e in case.entities()}
    assert g.vs["name"] == [keys[i] for i in g.vs["entity"]]
    merged = oracles.merge(rows, directed)
    for e in g.es:
        a, b = g.vs[e.source]["name"], g.vs[e.target]["name"]
        pair = (a, b) if directed else frozenset((a, b))
        assert e["strength"] == pytest.approx(merged[pair], rel=1e-12)
        assert e["length"] == pytest.approx(1 / merged[pair], rel=1e-12)
    assert sum(g.es["links"]) == len(rows)
    # igraph's betweenness on the exported lengths is netan's
    assert_close_maps(view.betweenness().by_key(),
                      dict(zip(g.vs["name"], g.betweenness(weights="length", directed=directed))))


def test_unweighted_view_exports_length_one(real_cases):
    g = real_cases["montagna_phonecalls"][0].view(unweighted=True).to_igraph()
    assert set(g.es["length"]) == {1.0}
    assert max(g.es["strength"]) > 1


@pytest.mark.parametrize("name", ["siren", "cielnet_directed", "london_gang"])
def test_networkx_round_trip_gives_the_same_view(real_cases, name):
    case, _ = real_cases[name]
    directed = NETWORKS[name]
    view = case.view(directed=directed)
    back = netan.from_networkx(view.to_networkx(), weight="strength").view(directed=directed)
    assert (back.n_vertices, back.n_edges) == (view.n_vertices, view.n_edges)
    assert back.degree(strength=True).by_key() == pytest.approx(view.degree(strength=True).by_key())
    assert_close_maps(back.betweenness().by_key(), view.betweenness().by_key())


def karate_betweenness(length):
    g = nx.karate_club_graph()
    for a, b, d in g.edges(data=True):
        d["length"] = length(d["weight"])
    return {str(k): float(v) for k, v in
            nx.betweenness_centrality(g, normalized=False, weight="length").items()}


def test_from_networkx_karate_club_betweenness_equals_networkx():
    g = nx.karate_club_graph()
    case = netan.from_networkx(g)
    assert (case.n_entities, case.n_links) == (34, 78)
    # weighted: karate_club_graph's 'weight' is a strength (interaction count)
    assert_close_maps(case.view().betweenness().by_key(),
                      karate_betweenness(lambda w: 1 / Fraction(w)), what="weighted")
    assert_close_maps(case.view(unweighted=True).betweenness().by_key(),
                      karate_betweenness(lambda w: 1), what="unweighted")
    norm = nx.betweenness_centrality(g, normalized=True)
    assert_close_maps(case.view(unweighted=True).betweenness(normalized=True).by_key(),
                      {str(k): v for k, v in norm.items()}, what="normalized")


def test_from_networkx_keeps_labels_types_and_isolates():
    g = nx.Graph()
    g.add_node("p1", label="Pierre")
    g.add_node("+33600", type="phone")
    g.add_node("lonely")
    g.add_edge("p1", "+33600", weight=4)
    case = netan.from_networkx(g)
    ents = {e["key"]: e for e in case.entities()}
    assert ents["p1"]["label"] == "Pierre" and ents["p1"]["type"] == "person"
    assert ents["+33600"]["type"] == "phone"
    assert "lonely" in ents
    assert case.links()[0]["weight"] == 4.0
    assert case.view().degree().by_key()["lonely"] == 0


def test_from_networkx_multigraph_parallel_edges_add_up():
    g = nx.MultiGraph()
    g.add_edge("a", "b", weight=1)
    g.add_edge("a", "b", weight=2)
    g.add_edge("b", "c")
    case = netan.from_networkx(g)
    assert case.n_links == 3
    (ab,) = [e for e in case.view().edges() if {e["a"], e["b"]} == {case.entity("a"), case.entity("b")}]
    assert (ab["strength"], ab["links"]) == (3.0, 2)


def test_from_networkx_digraph_keeps_direction():
    g = nx.DiGraph([("a", "b"), ("b", "c")])
    view = netan.from_networkx(g).view(directed=True)
    assert view.degree(mode="out").by_key() == {"a": 1.0, "b": 1.0, "c": 0.0}
    assert view.betweenness().by_key() == {"a": 0.0, "b": 1.0, "c": 0.0}
