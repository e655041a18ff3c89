"""Closeness, harmonic, eigenvector, hubs and authorities, coreness, Burt's
constraint and effective size, and edge betweenness, against python-igraph
and networkx on random graphs (directed and undirected, weighted and not,
disconnected) and on the real networks of tests/data.

Values agree to 1e-9 wherever the definitions agree. Where they do not,
the test says how, and doc/measures.md says why:
- closeness: netan (like igraph) gives NaN to a vertex that reaches no
  other vertex; networkx gives 0. networkx's closeness_centrality is the
  normalized, reachable-only one only with wf_improved=False, and it reads
  *incoming* distances on directed graphs (netan mode="in").
- harmonic: networkx reads incoming distances (netan mode="in").
- eigenvector: networkx scales to Euclidean length 1 (netan
  normalized=True), igraph and netan to max 1.
- hubs/authorities: networkx scales to sum 1 (netan normalized=True). When
  the leading eigenvalue of A^T A is not simple (bipartite or disconnected
  graphs) the scores are not unique; only python-igraph, which runs the same
  computation from the same start, is then an oracle.
- constraint and effective size on directed graphs: networkx gives NaN to a
  vertex without out-links (it tests G[v], the successors); netan and
  igraph use the links of both directions.
"""
import math
import random
from fractions import Fraction

import networkx as nx
import numpy as np
import pytest

import netan
import oracles
from oracles import NETWORKS

TOL = 1e-9

# networkx 2.8 warns about its own scipy use
pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning", "ignore::DeprecationWarning")


# ---------------------------------------------------------------- helpers

def assert_same(got, want, tol=TOL, what="value"):
    """Same keys; every value within tol (absolute, or relative for big
    values); NaN only where the oracle has NaN."""
    assert set(got) == set(want), f"{what}: keys differ: {set(got) ^ set(want)}"
    bad = {}
    for k, w in want.items():
        g = got[k]
        if isinstance(w, float) and math.isnan(w):
            if not math.isnan(g):
                bad[k] = (g, w)
        elif math.isnan(g) or abs(g - w) > tol * max(1.0, abs(w)):
            bad[k] = (g, w)
    assert not bad, f"{what}: {len(bad)} of {len(want)} differ (netan, oracle): {dict(list(bad.items())[:5])}"


def values(res):
    return {r["key"]: r["value"] for r in res}


def random_case(n, m, seed, directed, weights=(1, 2, 3, 4, 5)):
    """(case, keys, rows): G(n, m) with random weights, some links repeated
    (views merge them) and the isolated vertices present in the case."""
    rnd = random.Random(seed)
    g = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    rows = [(f"v{a}", f"v{b}", float(rnd.choice(weights))) for a, b in g.edges()]
    rows += [(a, b, w) for a, b, w in rows[::7]]
    keys = [f"v{i}" for i in range(n)]
    case = netan.Case()
    ids = {k: case.add_entity("person", k) for k in keys}
    for a, b, w in rows:
        case.add_link(ids[a], ids[b], weight=w)
    return case, keys, rows


def nx_full(keys, rows, directed, unweighted=False):
    g = oracles.nx_graph(rows, directed, unweighted)
    g.add_nodes_from(keys)
    return g


def ig_full(keys, rows, directed, unweighted=False):
    """python-igraph graph over every key (isolated ones too)."""
    import igraph
    names = sorted(keys)
    index = {k: i for i, k in enumerate(names)}
    merged = oracles.merge(rows, directed)
    ends = [oracles._ends(p) for p in merged]
    g = igraph.Graph(n=len(names), edges=[(index[a], index[b]) for a, b in ends], directed=directed)
    g.vs["name"] = names
    g.es["strength"] = list(merged.values())
    g.es["length"] = [1.0 if unweighted else 1.0 / s for s in merged.values()]
    return g


def by_name(g, scores):
    return dict(zip(g.vs["name"], scores))


# (n, m, seed, directed): dense, sparse, disconnected (several have
# isolated vertices), both kinds
RANDOM_GRAPHS = [
    (30, 90, 1, False), (40, 35, 2, False), (25, 15, 3, False), (50, 200, 4, False),
    (30, 90, 5, True), (40, 50, 6, True), (20, 12, 7, True), (35, 140, 8, True),
]
RANDOM_IDS = [f"n{n}-m{m}-{'dir' if d else 'undir'}" for n, m, _, d in RANDOM_GRAPHS]
REAL = list(NETWORKS)


def test_the_random_graphs_cover_disconnected_and_isolated_cases():
    pieces, isolated = 0, 0
    for n, m, s, d in RANDOM_GRAPHS:
        g = nx.gnm_random_graph(n, m, seed=s, directed=d)
        k = nx.number_weakly_connected_components(g) if d else nx.number_connected_components(g)
        pieces += k > 1
        isolated += any(deg == 0 for _, deg in g.degree())
    assert pieces >= 4 and isolated >= 3


# ---------------------------------------------------------------- path measures

def exact_distances(g, source, cutoff=None):
    """networkx shortest path lengths from source with exact rational lengths."""
    d = nx.single_source_dijkstra_path_length(g, source, weight="exact_length")
    if cutoff is not None:
        d = {k: v for k, v in d.items() if v <= Fraction(cutoff)}
    return d


def oriented(g, mode):
    """The graph whose distances *from* a vertex are the ones a mode reads:
    out = as is; in = reversed; all = direction ignored (a multigraph, so
    that a->b and b->a of different lengths both stay)."""
    if not g.is_directed() or mode == "out":
        return g
    if mode == "in":
        return g.reverse(copy=True)
    u = nx.MultiGraph()
    u.add_nodes_from(g)
    u.add_edges_from(g.edges(data=True))
    return u


def networkx_closeness(g, mode, normalized, cutoff=None):
    """igraph's reachable-only closeness computed from networkx's distances:
    1/sum(d) or r/sum(d) over the r vertices reached; NaN if none."""
    g = oriented(g, mode)
    out = {}
    for v in g:
        d = exact_distances(g, v, cutoff)
        s, r = sum(d.values()), len(d) - 1
        out[v] = float("nan") if r == 0 else float((r if normalized else 1) / s)
    return out


def networkx_harmonic(g, mode, normalized, cutoff=None):
    g = oriented(g, mode)
    n = g.number_of_nodes()
    out = {}
    for v in g:
        h = sum((1 / x for k, x in exact_distances(g, v, cutoff).items() if k != v), Fraction(0))
        out[v] = float(h / (n - 1)) if normalized and n > 1 else float(h)
    return out


def igraph_path_measure(g, name, mode, normalized, unweighted):
    w = None if unweighted else "length"
    if name == "closeness":
        return by_name(g, g.closeness(mode=mode, weights=w, normalized=normalized))
    return by_name(g, g.harmonic_centrality(mode=mode, weights=w, normalized=normalized))


PATH_ORACLES = {"closeness": networkx_closeness, "harmonic": networkx_harmonic}


def igraph_distance_measure(g, name, mode, normalized, unweighted, cutoff):
    """The path measures from python-igraph's distance matrix. python-igraph
    0.10.2 passes cutoff and normalized to the C core in the wrong order
    when a cutoff is given (python-igraph issue #811, fixed by PR #812), so
    with a cutoff its closeness()/harmonic_centrality() are no oracle."""
    d = g.distances(weights=None if unweighted else "length", mode=mode)
    n = g.vcount()
    out = []
    for i in range(n):
        reach = [x for j, x in enumerate(d[i]) if j != i and x <= cutoff]
        if name == "harmonic":
            h = sum(1 / x for x in reach)
            out.append(h / (n - 1) if normalized and n > 1 else h)
        else:
            out.append(float("nan") if not reach else (len(reach) if normalized else 1) / sum(reach))
    return by_name(g, out)


@pytest.mark.parametrize("measure", ["closeness", "harmonic"])
@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS, ids=RANDOM_IDS)
def test_path_measures_on_random_graphs(measure, n, m, seed, directed):
    case, keys, rows = random_case(n, m, seed, directed)
    modes = ["all", "in", "out"] if directed else ["all"]
    for unweighted in (False, True):
        view = case.view(directed=directed, unweighted=unweighted)
        g_nx = nx_full(keys, rows, directed, unweighted)
        g_ig = ig_full(keys, rows, directed, unweighted)
        for mode in modes:
            for normalized in (False, True):
                res = view.centrality(measure, mode=mode, normalized=normalized)
                what = f"{measure} unweighted={unweighted} mode={mode} normalized={normalized}"
                assert_same(values(res), igraph_path_measure(g_ig, measure, mode, normalized, unweighted),
                            what=what + " vs igraph")
                assert_same(values(res), PATH_ORACLES[measure](g_nx, mode, normalized),
                            what=what + " vs networkx")
                assert res.meta["mode"] == (mode if directed else "all")


@pytest.mark.parametrize("measure", ["closeness", "harmonic"])
@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS[:3] + RANDOM_GRAPHS[4:7], ids=RANDOM_IDS[:3] + RANDOM_IDS[4:7])
def test_path_measures_with_a_cutoff(measure, n, m, seed, directed):
    # 0.77 is no sum of the lengths 1/1..1/5 (their denominators divide 60),
    # so no path sits on the cutoff where rounding could decide
    case, keys, rows = random_case(n, m, seed, directed)
    for unweighted, cutoff in ((False, 0.77), (True, 2)):
        view = case.view(directed=directed, unweighted=unweighted)
        g_nx = nx_full(keys, rows, directed, unweighted)
        g_ig = ig_full(keys, rows, directed, unweighted)
        mode = "out" if directed else "all"
        for normalized in (False, True):
            res = view.centrality(measure, mode=mode, normalized=normalized, cutoff=cutoff)
            assert float(res.meta["cutoff"]) == cutoff
            assert_same(values(res), igraph_distance_measure(g_ig, measure, mode, normalized, unweighted, cutoff),
                        what="vs igraph distances")
            assert_same(values(res), PATH_ORACLES[measure](g_nx, mode, normalized, cutoff), what="vs networkx")


@pytest.mark.parametrize("name", REAL)
def test_path_measures_on_real_networks(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    keys = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    for unweighted in (False, True):
        view = case.view(directed=directed, unweighted=unweighted)
        g_nx = nx_full(keys, rows, directed, unweighted)
        g_ig = ig_full(keys, rows, directed, unweighted)
        for mode in (["all", "in", "out"] if directed else ["all"]):
            for measure in ("closeness", "harmonic"):
                for normalized in (False, True):
                    got = values(view.centrality(measure, mode=mode, normalized=normalized))
                    what = f"{name} {measure} unweighted={unweighted} mode={mode} normalized={normalized}"
                    assert_same(got, igraph_path_measure(g_ig, measure, mode, normalized, unweighted),
                                what=what + " vs igraph")
                    assert_same(got, PATH_ORACLES[measure](g_nx, mode, normalized), what=what + " vs networkx")


@pytest.mark.parametrize("name", ["siren", "london_gang", "cielnet_directed", "montagna_meetings"])
def test_networkx_library_functions_agree_up_to_the_documented_differences(real_cases, name):
    """nx.closeness_centrality(wf_improved=False) is netan's normalized
    closeness with mode="in", except that networkx says 0 where netan and
    igraph say NaN (no vertex reached); nx.harmonic_centrality is netan's
    raw harmonic with mode="in"."""
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    view = case.view(directed=directed)
    g = oracles.nx_graph(rows, directed)
    got = values(view.centrality("closeness", mode="in", normalized=True))
    want = nx.closeness_centrality(g, distance="exact_length", wf_improved=False)
    nan = {k for k, v in got.items() if math.isnan(v)}
    assert all(want[k] == 0 for k in nan)
    assert_same({k: v for k, v in got.items() if k not in nan},
                {k: float(v) for k, v in want.items() if k not in nan})
    # networkx's default wf_improved=True scales by (r / (n-1)) once more
    n = g.number_of_nodes()
    improved = nx.closeness_centrality(g, distance="exact_length")
    reached = {v: len(nx.single_source_dijkstra_path_length(g.reverse() if directed else g, v)) - 1 for v in g}
    assert_same({k: v * reached[k] / (n - 1) for k, v in got.items() if k not in nan},
                {k: float(v) for k, v in improved.items() if k not in nan})
    harmonic = nx.harmonic_centrality(g, distance="exact_length")
    assert_same(values(view.centrality("harmonic", mode="in")), {k: float(v) for k, v in harmonic.items()})


def test_closeness_of_a_disconnected_graph_is_reachable_only():
    # two pieces: closeness inside each as if the other did not exist
    case = netan.Case()
    ids = [case.add_entity("person", k) for k in "abcdez"]
    for a, b in ("ab", "cd", "de"):
        case.add_link(ids["abcdez".index(a)], ids["abcdez".index(b)])
    res = case.view().centrality("closeness", normalized=True)
    got = values(res)
    assert got["a"] == 1.0 and got["d"] == 1.0 and got["c"] == pytest.approx(2 / 3)
    assert math.isnan(got["z"]) and res[-1]["key"] == "z"
    assert res.meta["all_reachable"] == "false"
    assert case.view().centrality("harmonic")[-1]["value"] == 0.0


# ---------------------------------------------------------------- spectral measures

def leading_gap(m):
    """Relative gap between the two largest eigenvalues of a symmetric matrix."""
    w = np.linalg.eigvalsh(m)
    return 1.0 if len(w) < 2 or w[-1] <= 0 else (w[-1] - w[-2]) / w[-1]


def adjacency(g, keys, weighted, symmetric):
    index = {k: i for i, k in enumerate(keys)}
    a = np.zeros((len(keys), len(keys)))
    for u, v, d in g.edges(data=True):
        w = d["weight"] if weighted else 1.0
        a[index[u], index[v]] += w
        if symmetric and u != v:
            a[index[v], index[u]] += w
    return a


def scaled(d, how):
    d = {k: max(float(v), 0.0) for k, v in d.items()}
    s = max(d.values()) if how == "max" else sum(d.values())
    return {k: v / s for k, v in d.items()}


def leading_is_simple(a):
    """The eigenvalue of largest real part of a is real, positive and simple:
    then the leading eigenvector is unique (up to scale)."""
    w = sorted(np.linalg.eigvals(a), key=lambda z: -z.real)
    return (len(w) > 0 and abs(w[0].imag) < 1e-9 and w[0].real > 1e-9
            and (len(w) < 2 or abs(w[1] - w[0]) > 1e-6 * abs(w[0])))


def check_eigenvector(view, keys, rows, directed, weighted, mode, what):
    """netan's eigenvector centrality against python-igraph and networkx;
    True if networkx could be compared (the leading eigenvector is unique)."""
    res = view.centrality("eigenvector", mode=mode, weighted=weighted)
    got = values(res)
    follow = directed and mode == "in"
    g = nx_full(keys, rows, follow)  # direction ignored: strengths of a->b and b->a added
    if not weighted:
        # each arc counts 1, so a pair linked both ways weighs 2 (A + A^T)
        arcs = oracles.merge(rows, True) if directed else oracles.merge(rows, False)
        nx.set_edge_attributes(g, 0.0, "weight")
        for pair in arcs:
            a, b = oracles._ends(pair)
            g[a][b]["weight"] += 1.0
    if not follow or nx.is_strongly_connected(g):
        # python-igraph runs the same ARPACK computation, but its start vector
        # is perturbed by Python's RNG; on a directed graph that is not
        # strongly connected it sometimes stops on a wrong vector (netan checks
        # the residual and retries), so it is no oracle there
        ig = ig_full(keys, rows, directed)
        want_ig = by_name(ig, ig.eigenvector_centrality(directed=follow, scale=True,
                                                        weights="strength" if weighted else None))
        assert_same(got, want_ig, what=what + " vs igraph")
    a = adjacency(g, sorted(keys), True, not follow)
    if not leading_is_simple(a.T if follow else a):
        return res, False   # not unique (pieces with the same leading eigenvalue, or acyclic)
    # for directed graphs networkx's numpy version is also the left eigenvector
    want_nx = nx.eigenvector_centrality_numpy(g, weight="weight", max_iter=10000, tol=0)
    assert_same(got, scaled(want_nx, "max"), what=what + " vs networkx")
    # normalized=True is networkx's own scaling, Euclidean length 1
    norm = values(view.centrality("eigenvector", mode=mode, weighted=weighted, normalized=True))
    assert_same(norm, {k: abs(float(v)) for k, v in want_nx.items()}, what=what + " normalized vs networkx")
    assert sum(x * x for x in norm.values()) == pytest.approx(1.0, abs=1e-12)
    return res, True


def test_directed_eigenvector_is_verified_on_many_random_graphs():
    """mode="in" on directed views that are mostly not strongly connected,
    where ARPACK's non-symmetric solver can stop on a wrong vector: netan
    checks every answer and retries, so it matches networkx (numpy) wherever
    the leading eigenvector is unique."""
    compared = 0
    for seed in range(100, 160):
        rnd = random.Random(seed)
        n = rnd.randint(5, 50)
        case, keys, rows = random_case(n, rnd.randint(n // 2, 3 * n), seed, True)
        g = nx_full(keys, rows, True)
        if not leading_is_simple(adjacency(g, sorted(keys), True, False).T):
            continue
        got = values(case.view(directed=True).centrality("eigenvector", mode="in"))
        assert_same(got, scaled(nx.eigenvector_centrality_numpy(g, weight="weight"), "max"), what=f"seed {seed}")
        compared += 1
    assert compared >= 40


def test_an_acyclic_directed_view_has_zero_in_link_eigenvector():
    # a DAG has no positive eigenvalue: igraph returns zeros and eigenvalue 0
    case = netan.Case()
    a, b, c = (case.add_entity("person", k) for k in "abc")
    case.add_link(a, b)
    case.add_link(b, c)
    res = case.view(directed=True).centrality("eigenvector", mode="in")
    assert values(res) == {"a": 0.0, "b": 0.0, "c": 0.0}
    assert float(res.meta["eigenvalue"]) == 0.0


@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS, ids=RANDOM_IDS)
def test_eigenvector_on_random_graphs(n, m, seed, directed):
    case, keys, rows = random_case(n, m, seed, directed)
    view = case.view(directed=directed)
    checked = 0
    for weighted in (True, False):
        for mode in (["all", "in"] if directed else ["all"]):
            res, by_nx = check_eigenvector(view, keys, rows, directed, weighted, mode,
                                           f"weighted={weighted} mode={mode}")
            checked += by_nx
            assert res.meta["weights"].startswith("strength") == weighted
    assert checked >= 1


@pytest.mark.parametrize("name", REAL)
def test_eigenvector_on_real_networks(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    keys = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    view = case.view(directed=directed)
    for weighted in (True, False):
        res, by_nx = check_eigenvector(view, keys, rows, directed, weighted, "all", f"{name} weighted={weighted}")
        assert by_nx, "the real networks have a simple leading eigenvalue"
        assert max(values(res).values()) == pytest.approx(1.0, abs=1e-12)
    if directed:
        check_eigenvector(view, keys, rows, directed, True, "in", f"{name} mode=in")


def test_eigenvector_on_a_directed_view_ignores_direction_by_default(real_cases):
    case, _ = real_cases["cielnet_directed"]
    d = case.view(directed=True).centrality("eigenvector")
    u = case.view(directed=False).centrality("eigenvector")
    assert_same(values(d), values(u), tol=1e-12)
    assert "ignored" in d.meta["direction"]
    with pytest.raises(netan.InvalidArgumentError, match="hubs"):
        case.view(directed=True).centrality("eigenvector", mode="out")


def check_hits(view, keys, rows, directed, weighted, what):
    hubs = values(view.centrality("hubs", weighted=weighted))
    auths = values(view.centrality("authorities", weighted=weighted))
    ig = ig_full(keys, rows, directed)
    w = "strength" if weighted else None
    assert_same(hubs, by_name(ig, ig.hub_score(weights=w, scale=True)), what=what + " hubs vs igraph")
    assert_same(auths, by_name(ig, ig.authority_score(weights=w, scale=True)), what=what + " authorities vs igraph")
    g = nx_full(keys, rows, directed)
    if not weighted:
        nx.set_edge_attributes(g, 1.0, "weight")
    a = adjacency(g, keys, True, not directed)
    if leading_gap(a.T @ a) < 1e-6:
        return False   # not unique (bipartite, or equal pieces)
    # nx.hits reads the "weight" attribute and scales to sum 1
    h, au = nx.hits(g, max_iter=100000, tol=0)
    assert_same(hubs, scaled(h, "max"), what=what + " hubs vs networkx")
    assert_same(auths, scaled(au, "max"), what=what + " authorities vs networkx")
    assert_same(values(view.centrality("hubs", weighted=weighted, normalized=True)), scaled(h, "sum"),
                what=what + " normalized hubs vs networkx")
    assert_same(values(view.centrality("authorities", weighted=weighted, normalized=True)), scaled(au, "sum"),
                what=what + " normalized authorities vs networkx")
    return True


@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS, ids=RANDOM_IDS)
def test_hubs_and_authorities_on_random_graphs(n, m, seed, directed):
    case, keys, rows = random_case(n, m, seed, directed)
    view = case.view(directed=directed)
    unique = [check_hits(view, keys, rows, directed, weighted, f"weighted={weighted}")
              for weighted in (True, False)]
    if (n, m) in ((30, 90), (50, 200), (35, 140)):   # connected enough for unique scores
        assert all(unique)


@pytest.mark.parametrize("name", REAL)
def test_hubs_and_authorities_on_real_networks(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    keys = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    view = case.view(directed=directed)
    for weighted in (True, False):
        check_hits(view, keys, rows, directed, weighted, f"{name} weighted={weighted}")


def test_hits_on_an_undirected_view_is_eigenvector_when_unique(real_cases):
    view = real_cases["siren"][0].view()
    ev = values(view.centrality("eigenvector"))
    assert_same(values(view.centrality("hubs")), ev, tol=1e-8)
    assert_same(values(view.centrality("authorities")), ev, tol=1e-8)


# ---------------------------------------------------------------- structure

@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS, ids=RANDOM_IDS)
def test_coreness_on_random_graphs(n, m, seed, directed):
    case, keys, rows = random_case(n, m, seed, directed)
    view = case.view(directed=directed)
    ig = ig_full(keys, rows, directed)
    for mode in (["all", "in", "out"] if directed else ["all"]):
        got = values(view.centrality("coreness", mode=mode))
        assert_same(got, by_name(ig, [float(x) for x in ig.coreness(mode=mode)]), what=f"mode={mode} vs igraph")
    # networkx counts in + out degree on directed graphs: mode "all"
    want = nx.core_number(nx_full(keys, rows, directed))
    assert_same(values(view.centrality("coreness")), {k: float(v) for k, v in want.items()}, what="vs networkx")


@pytest.mark.parametrize("name", REAL)
def test_coreness_on_real_networks(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    got = values(case.view(directed=directed).centrality("coreness"))
    assert_same(got, {k: float(v) for k, v in nx.core_number(oracles.nx_graph(rows, directed)).items()})
    ig = oracles.ig_graph(rows, directed)
    assert_same(got, by_name(ig, [float(x) for x in ig.coreness()]))


def nx_no_out_links(g):
    """Vertices networkx's structural-hole functions call isolated on a
    directed graph: those without successors (it tests G[v])."""
    return {v for v in g if g.is_directed() and len(g[v]) == 0 and g.degree(v) > 0}


def check_structural_holes(view, keys, rows, directed, weighted, what):
    g = nx_full(keys, rows, directed)
    w = "weight" if weighted else None
    skip = nx_no_out_links(g)
    con = values(view.centrality("constraint", weighted=weighted))
    ig = ig_full(keys, rows, directed)
    assert_same(con, by_name(ig, ig.constraint(weights="strength" if weighted else None)),
                what=what + " constraint vs igraph")
    want = nx.constraint(g, weight=w)
    assert_same({k: v for k, v in con.items() if k not in skip},
                {k: v for k, v in want.items() if k not in skip}, what=what + " constraint vs networkx")
    es = values(view.centrality("effective_size", weighted=weighted))
    want = nx.effective_size(g, weight=w)
    assert_same({k: v for k, v in es.items() if k not in skip},
                {k: v for k, v in want.items() if k not in skip}, what=what + " effective size vs networkx")
    # normalized: Burt's efficiency, effective size / number of contacts
    eff = values(view.centrality("effective_size", weighted=weighted, normalized=True))
    contacts = {v: len(set(nx.all_neighbors(g, v))) for v in g}
    assert_same(eff, {k: (v / contacts[k] if contacts[k] else float("nan")) for k, v in es.items()},
                tol=1e-12, what=what + " efficiency")
    return skip


@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS, ids=RANDOM_IDS)
def test_constraint_and_effective_size_on_random_graphs(n, m, seed, directed):
    case, keys, rows = random_case(n, m, seed, directed)
    view = case.view(directed=directed)
    for weighted in (True, False):
        check_structural_holes(view, keys, rows, directed, weighted, f"weighted={weighted}")


@pytest.mark.parametrize("name", REAL)
def test_constraint_and_effective_size_on_real_networks(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    keys = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    view = case.view(directed=directed)
    for weighted in (True, False):
        check_structural_holes(view, keys, rows, directed, weighted, f"{name} weighted={weighted}")


def test_directed_vertices_without_out_links_differ_from_networkx_only_there(real_cases):
    case, rows = real_cases["cielnet_directed"]
    g = oracles.nx_graph(rows, True)
    skip = nx_no_out_links(g)
    assert skip, "cielnet has receivers that never call"
    con = values(case.view(directed=True).centrality("constraint"))
    want = nx.constraint(g, weight="weight")
    assert all(math.isnan(want[k]) and not math.isnan(con[k]) for k in skip)


def test_effective_size_uses_borgatti_where_ties_weigh_the_same(real_cases):
    # Borgatti's n - 2t/n is Burt's formula when every tie weighs the same
    view = real_cases["montagna_phonecalls"][0].view()
    assert view.centrality("effective_size", weighted=False).meta["formula"].startswith("Borgatti")
    assert view.centrality("effective_size").meta["formula"].startswith("Burt")  # call counts vary
    directed = real_cases["cielnet_directed"][0].view(directed=True)
    assert directed.centrality("effective_size", weighted=False).meta["formula"].startswith("Burt")


def test_isolates_are_nan_and_last_for_ego_measures():
    case = netan.Case()
    a, b, c = (case.add_entity("person", k) for k in "abc")
    case.add_link(a, b)
    view = case.view()
    for measure in ("constraint", "effective_size", "closeness"):
        res = view.centrality(measure)
        assert res[-1]["key"] == "c" and math.isnan(res[-1]["value"]), measure
        assert res[-1]["rank"] == 3


# ---------------------------------------------------------------- edge betweenness

def edge_values(res, directed):
    return {((r["from_key"], r["to_key"]) if directed else frozenset((r["from_key"], r["to_key"]))): r["value"]
            for r in res}


def igraph_edge_betweenness(g, directed, unweighted, cutoff=None):
    scores = g.edge_betweenness(directed=directed, weights=None if unweighted else "length", cutoff=cutoff)
    names = g.vs["name"]
    return {((names[e.source], names[e.target]) if directed else frozenset((names[e.source], names[e.target]))): s
            for e, s in zip(g.es, scores)}


def networkx_edge_betweenness(g, directed, normalized):
    bc = nx.edge_betweenness_centrality(g, normalized=normalized, weight="exact_length")
    return {((u, v) if directed else frozenset((u, v))): float(s) for (u, v), s in bc.items()}


@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS, ids=RANDOM_IDS)
def test_edge_betweenness_on_random_graphs(n, m, seed, directed):
    case, keys, rows = random_case(n, m, seed, directed)
    for unweighted in (False, True):
        view = case.view(directed=directed, unweighted=unweighted)
        g_ig = ig_full(keys, rows, directed, unweighted)
        g_nx = nx_full(keys, rows, directed, unweighted)
        res = view.edge_betweenness()
        assert len(res) == view.n_edges
        got = edge_values(res, directed)
        assert_same(got, igraph_edge_betweenness(g_ig, directed, unweighted), what="vs igraph")
        assert_same(got, networkx_edge_betweenness(g_nx, directed, False), what="vs networkx")
        norm = edge_values(view.edge_betweenness(normalized=True), directed)
        assert_same(norm, networkx_edge_betweenness(g_nx, directed, True), what="normalized vs networkx")
        cutoff = 2 if unweighted else 0.77
        cut = edge_values(view.edge_betweenness(cutoff=cutoff), directed)
        assert_same(cut, igraph_edge_betweenness(g_ig, directed, unweighted, cutoff), what="cutoff vs igraph")


@pytest.mark.parametrize("name", REAL)
def test_edge_betweenness_on_real_networks(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    for unweighted in (False, True):
        res = case.view(directed=directed, unweighted=unweighted).edge_betweenness()
        got = edge_values(res, directed)
        assert_same(got, igraph_edge_betweenness(oracles.ig_graph(rows, directed, unweighted), directed, unweighted),
                    what=f"{name} unweighted={unweighted} vs igraph")
        assert_same(got, networkx_edge_betweenness(oracles.nx_graph(rows, directed, unweighted), directed, False),
                    what=f"{name} unweighted={unweighted} vs networkx")
        assert res.meta["measure"] == "edge_betweenness"
        assert ("1/strength" in res.meta["weights"]) != unweighted


def test_edge_table_shape_and_order(real_cases):
    case, _ = real_cases["siren"]
    view = case.view()
    res = view.edge_betweenness()
    assert res.columns == ["from", "from_key", "to", "to_key", "value", "rank"]
    vals = [r["value"] for r in res]
    assert vals == sorted(vals, reverse=True)
    assert res[0]["rank"] == 1
    for r in res:   # undirected: the smaller entity id first, ids match keys
        assert r["from"] < r["to"]
        assert case.entity(r["from_key"]) == r["from"] and case.entity(r["to_key"]) == r["to"]
    for prev, r in zip(res, res[1:]):
        assert r["rank"] == (prev["rank"] if r["value"] == prev["value"] else res.index(r) + 1)


# ---------------------------------------------------------------- options and metadata

MEASURES = ["closeness", "harmonic", "eigenvector", "hubs", "authorities", "coreness", "constraint",
            "effective_size"]


def test_the_new_measures_are_listed():
    assert set(MEASURES) <= set(netan.centrality_measures())


@pytest.mark.parametrize("measure", MEASURES)
def test_metadata_says_what_was_read(real_cases, measure):
    view = real_cases["montagna_phonecalls"][0].view()
    res = view.centrality(measure)
    assert res.meta["measure"] == measure
    assert res.meta["directed"] == "false"
    weights = res.meta["weights"]
    if measure in ("closeness", "harmonic"):
        assert "length=1/strength" in weights
        assert "none" in view.centrality(measure, weighted=False).meta["weights"]
    elif measure == "coreness":
        assert weights.startswith("none")
    else:
        assert weights.startswith("strength")
        assert view.centrality(measure, weighted=False).meta["weights"].startswith("none")
    assert "normalized" in res.meta
    assert len(res) == view.n_vertices


def test_weights_change_the_weighted_measures(real_cases):
    view = real_cases["montagna_phonecalls"][0].view()
    for measure in ("closeness", "harmonic", "eigenvector", "hubs", "constraint", "effective_size"):
        assert values(view.centrality(measure)) != pytest.approx(values(view.centrality(measure, weighted=False))), \
            measure
    assert values(view.centrality("coreness")) == values(view.centrality("coreness", weighted=False))


def test_path_measures_read_the_length_transform_and_spectral_ones_do_not(real_cases):
    case, _ = real_cases["montagna_phonecalls"]
    w, u = case.view(), case.view(unweighted=True)
    assert values(w.centrality("closeness")) != values(u.centrality("closeness"))
    for measure in ("eigenvector", "hubs", "constraint", "effective_size"):
        assert values(w.centrality(measure)) == values(u.centrality(measure)), measure


@pytest.mark.parametrize("measure", ["eigenvector", "hubs", "authorities"])
def test_spectral_measures_give_the_same_digits_every_time(real_cases, measure):
    # igraph perturbs ARPACK's start vector with its RNG; netan seeds it
    view = real_cases["montagna_meetings"][0].view()
    first = values(view.centrality(measure))
    import igraph  # the RNG state of python-igraph (a separate copy) must not matter either
    igraph.Graph.Erdos_Renyi(50, 0.1).eigenvector_centrality()
    for _ in range(3):
        assert values(view.centrality(measure)) == first


@pytest.mark.parametrize("measure", ["closeness", "harmonic"])
def test_bad_options_are_invalid_arguments(real_cases, measure):
    view = real_cases["siren"][0].view()
    with pytest.raises(netan.InvalidArgumentError):
        view.centrality(measure, cutoff=float("nan"))
    with pytest.raises(netan.InvalidArgumentError):
        view.edge_betweenness(cutoff=float("nan"))
    with pytest.raises(netan.NotFoundError):
        view.centrality("effective-size")


def test_stale_views_raise(real_cases):
    case = netan.Case.from_edgelist(oracles.data_path("siren"))
    view = case.view()
    case.add_entity("person", "newcomer")
    for measure in MEASURES:
        with pytest.raises(netan.StaleViewError):
            view.centrality(measure)
    with pytest.raises(netan.StaleViewError):
        view.edge_betweenness()
