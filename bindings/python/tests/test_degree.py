"""Degree and strength against networkx and python-igraph on the real networks."""
import pytest

import netan
import oracles
from oracles import NETWORKS, assert_close_maps


@pytest.mark.parametrize("name", list(NETWORKS))
def test_degree_is_distinct_neighbours_as_networkx_and_igraph(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    view = case.view(directed=directed)
    g = oracles.nx_graph(rows, directed)
    ig = oracles.ig_graph(rows, directed)
    got = view.degree().by_key()
    assert_close_maps(got, {k: float(d) for k, d in g.degree()}, what="degree vs networkx")
    assert_close_maps(got, dict(zip(ig.vs["name"], map(float, ig.degree()))),
                      what="degree vs igraph")


@pytest.mark.parametrize("name", list(NETWORKS))
def test_strength_is_sum_of_link_weights_as_networkx_and_igraph(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    view = case.view(directed=directed)
    g = oracles.nx_graph(rows, directed)
    ig = oracles.ig_graph(rows, directed)
    got = view.degree(strength=True).by_key()
    assert_close_maps(got, dict(g.degree(weight="weight")), what="strength vs networkx")
    assert_close_maps(got, dict(zip(ig.vs["name"], ig.strength(weights="strength"))),
                      what="strength vs igraph")
    # and the total is the sum of every weight in the file, counted at both ends
    assert sum(got.values()) == pytest.approx(2 * sum(w for _, _, w in rows), rel=1e-12)


@pytest.mark.parametrize("mode", ["in", "out"])
def test_directed_in_and_out_degree_and_strength_on_cielnet(real_cases, mode):
    case, rows = real_cases["cielnet_directed"]
    view = case.view(directed=True)
    g = oracles.nx_graph(rows, directed=True)
    nx_deg = g.in_degree if mode == "in" else g.out_degree
    assert_close_maps(view.degree(mode=mode).by_key(), {k: float(d) for k, d in nx_deg()},
                      what=f"{mode}-degree")
    assert_close_maps(view.degree(mode=mode, strength=True).by_key(),
                      dict(nx_deg(weight="weight")), what=f"{mode}-strength")


def test_in_and_out_equal_all_on_undirected_views(real_cases):
    view = real_cases["siren"][0].view()
    everything = view.degree().by_key()
    assert view.degree(mode="in").by_key() == everything
    assert view.degree(mode="out").by_key() == everything


def test_directed_all_degree_counts_reciprocal_arcs_twice_like_igraph(real_cases):
    # igraph's mode="all" degree on a directed graph counts a->b and b->a as
    # two incident edges; the view keeps them as two edges.
    case, rows = real_cases["cielnet_directed"]
    ig = oracles.ig_graph(rows, directed=True)
    assert_close_maps(case.view(directed=True).degree().by_key(),
                      dict(zip(ig.vs["name"], map(float, ig.degree(mode="all")))))


def test_montagna_meetings_published_top_degree(real_cases):
    # tests/data/README.md (Cavallaro et al. 2020): unweighted top degree 18 = 24
    top = real_cases["montagna_meetings"][0].view(unweighted=True).degree().top(1)[0]
    assert (top["key"], top["value"], top["rank"]) == ("18", 24.0, 1)


def test_siren_published_degree_of_entity_1(real_cases):
    assert real_cases["siren"][0].view().degree().by_key()["1"] == 33


def test_degree_table_is_sorted_with_shared_ranks(real_cases):
    rows = real_cases["london_gang"][0].view().degree()
    values = [r["value"] for r in rows]
    assert values == sorted(values, reverse=True)
    for i, r in enumerate(rows):
        # "1224" ranking: rank = 1 + number of strictly higher values
        assert r["rank"] == 1 + sum(1 for v in values if v > r["value"]), (i, r)
    ties = [r["key"] for r in rows if r["value"] == values[-1]]
    assert ties == sorted(ties), "ties are ordered by key"
    assert rows.columns == ["entity", "key", "label", "type", "value", "rank"]
    assert rows.meta["measure"] == "degree"


def test_bad_degree_mode_is_a_value_error_naming_the_mode(real_cases):
    view = real_cases["siren"][0].view()
    with pytest.raises(ValueError) as e:
        view.degree(mode="sideways")
    assert "sideways" in str(e.value)


def test_degree_result_maps_to_pandas(real_cases):
    res = real_cases["siren"][0].view().degree()
    df = res.to_pandas()
    assert list(df.columns) == res.columns
    assert len(df) == 44
    assert df.attrs["measure"] == "degree"
    assert df.loc[df["key"] == "1", "value"].item() == 33
