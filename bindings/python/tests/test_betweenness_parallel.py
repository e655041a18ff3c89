"""netan's own parallel Brandes betweenness against python-igraph: the same
values (to 1e-9) whatever the number of threads, with cutoffs, weighted and
unweighted, directed and undirected, on the real networks and on random
graphs; the sampled estimate (seeded, k = n is exact, its error estimate in
the metadata). Options reach betweenness through View.centrality()."""
import random

import pytest

import netan
import oracles
from oracles import NETWORKS, assert_close_maps


def ig_betweenness(rows, directed, unweighted, cutoff=None, keys=()):
    g = oracles.ig_graph(rows, directed, unweighted)
    got = dict(zip(g.vs["name"], g.betweenness(weights="length", directed=directed, cutoff=cutoff)))
    for k in keys:  # entities without links are in the view with betweenness 0
        got.setdefault(k, 0.0)
    return got


def btw(view, **options):
    return view.centrality("betweenness", **options)


@pytest.mark.parametrize("unweighted", [False, True], ids=["length=1/strength", "unweighted"])
@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("name", list(NETWORKS))
def test_threads_give_igraphs_values_bit_for_bit_alike(real_cases, name, directed, unweighted):
    case, rows = real_cases[name]
    view = case.view(directed=directed, unweighted=unweighted)
    want = ig_betweenness(rows, directed, unweighted)
    results = {t: btw(view, threads=t) for t in (1, 2, 3, 4)}
    for t, res in results.items():
        assert_close_maps(res.by_key(), want, what=f"{t} threads vs python-igraph")
        assert res.meta["threads"] == str(t)
        assert res.meta["method"] == "exact (Brandes)"
        assert res.meta["cutoff"] == "none"
        # same floats, not just close ones
        assert res.by_key() == results[1].by_key()
    # the plain call (one thread per core) is the same
    assert view.betweenness().by_key() == results[1].by_key()


@pytest.mark.parametrize("cutoff", [0.0, 0.5, 1.0, 2.0, 3.0])
@pytest.mark.parametrize("name", ["siren", "cielnet_directed", "london_gang", "montagna_phonecalls"])
def test_cutoff_equals_igraph(real_cases, name, cutoff):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    for unweighted in (False, True):
        res = btw(case.view(directed=directed, unweighted=unweighted), cutoff=cutoff, threads=2)
        assert_close_maps(res.by_key(), ig_betweenness(rows, directed, unweighted, cutoff=cutoff),
                          what=f"cutoff {cutoff} unweighted={unweighted}")
        assert float(res.meta["cutoff"]) == cutoff


def test_weighted_false_ignores_lengths(real_cases):
    case, rows = real_cases["montagna_phonecalls"]
    res = btw(case.view(), weighted=False)
    assert_close_maps(res.by_key(), ig_betweenness(rows, False, True))
    assert "unweighted" in res.meta["weights"]


def random_case(n, m, seed, directed):
    rnd = random.Random(seed)
    keys = [f"v{i}" for i in range(n)]
    rows = []
    for _ in range(m):
        a = rnd.randrange(n - 3)  # the last three people have no calls
        b = rnd.randrange(n - 3) if rnd.random() < 0.2 else min(n - 4, a // 8 * 8 + rnd.randrange(8))
        if a != b:
            rows.append((keys[a], keys[b], float(rnd.randint(1, 5))))
    case = netan.Case()
    ids = {k: case.add_entity("person", k) for k in keys}
    for a, b, w in rows:
        case.add_link(ids[a], ids[b], weight=w)
    return case, rows, keys


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_random_graphs_equal_igraph_for_any_thread_count(seed, directed):
    case, rows, keys = random_case(300, 700, seed, directed)
    for unweighted in (False, True):
        view = case.view(directed=directed, unweighted=unweighted)
        want = ig_betweenness(rows, directed, unweighted, keys=keys)
        one = btw(view, threads=1).by_key()
        assert_close_maps(one, want, what=f"unweighted={unweighted}")
        for t in (2, 4, 7):
            assert btw(view, threads=t).by_key() == one


def test_sampled_with_every_source_is_exact(real_cases):
    case, _ = real_cases["french_connection"]
    view = case.view()
    n = len(view.betweenness())
    exact = btw(view, threads=2)
    for k in (n, n + 5):
        res = btw(view, samples=k, seed=9, threads=3)
        assert res.by_key() == exact.by_key()
        assert res.meta["method"] == "exact (Brandes)"


def test_sampled_estimate_is_seeded_and_reports_its_error():
    case, rows, keys = random_case(600, 2400, 4, False)
    view = case.view()
    want = ig_betweenness(rows, False, False, keys=keys)
    a = btw(view, samples=120, seed=5, threads=1)
    b = btw(view, samples=120, seed=5, threads=4)
    c = btw(view, samples=120, seed=6, threads=2)
    assert a.by_key() == b.by_key(), "same seed, same estimate, whatever the threads"
    assert a.by_key() != c.by_key()
    assert a.meta["samples"] == "120" and a.meta["seed"] == "5"
    assert a.meta["method"].startswith("sampled (Brandes-Pich, linear scaling): 120 of 600 sources")
    directed = btw(case.view(directed=True), samples=120, seed=5)
    assert directed.meta["method"].startswith("sampled (Brandes-Pich): 120 of 600 sources")
    assert float(a.meta["stderr_max"]) > 0
    rel = float(a.meta["relative_stderr_top100"])
    assert 0 < rel < 1
    # the estimate is near the truth: the sum within 10%, the top entity in the exact top 5
    assert abs(sum(a.by_key().values()) - sum(want.values())) < 0.1 * sum(want.values())
    top5 = sorted(want, key=want.get, reverse=True)[:5]
    assert a[0]["key"] in top5


def test_bad_options_raise_invalid_argument(real_cases):
    view = real_cases["siren"][0].view()
    with pytest.raises(netan.InvalidArgumentError):
        btw(view, samples=-1)
    with pytest.raises(netan.InvalidArgumentError):
        btw(view, threads=-1)
    with pytest.raises(netan.InvalidArgumentError):
        btw(view, cutoff=float("nan"))


def test_progress_and_cancel_with_threads(real_cases):
    view = real_cases["french_connection"][0].view()
    seen = []
    btw(view, threads=2, progress=lambda f: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    assert len(seen) <= 110
    with pytest.raises(netan.CancelledError):
        btw(view, threads=2, progress=lambda f: True)
