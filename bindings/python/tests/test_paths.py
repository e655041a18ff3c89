"""Paths and neighbourhoods against networkx: shortest path lengths
(weight = length, i.e. 1/strength, or unweighted), all shortest paths,
k shortest loopless paths (shortest_simple_paths), ego networks
(ego_graph + hop counts) and common contacts, on the real networks of
tests/data and on random graphs (directed, undirected, disconnected); the
connecting network's invariants and i2's documented example; errors.

View methods under test (entities are entity ids):
  view.shortest_path(a, b, k=1), view.all_shortest_paths(a, b)
      -> Result of path-step rows: path, step, from, from_key, to, to_key,
         length, strength, n_records, evidence, path_length
  view.connect(entities) -> the same, plus .entities (Result of entity rows:
         entity, key, label, type, role, network, n_paths)
  view.ego(entity, hops=1) -> Result: entity, key, label, type, hops
  view.common_contacts(entities) -> Result, one row per (contact, named
         entity): entity, key, label, type, total_strength, with, with_key,
         strength, n_records, evidence
"""
import random
from fractions import Fraction

import networkx as nx
import pytest

import netan
import oracles
from oracles import NETWORKS


TOL = 1e-9


# ---------------------------------------------------------------- helpers

def paths_of(res):
    """[(keys along the path, path_length)] from a path table, checking that
    its rows are well formed: steps numbered from 1, each step starting
    where the last ended, path_length the sum of the step lengths."""
    out = {}
    for r in res:
        out.setdefault(r["path"], []).append(r)
    assert sorted(out) == list(range(1, len(out) + 1))
    paths = []
    for p in sorted(out):
        steps = out[p]
        assert [s["step"] for s in steps] == list(range(1, len(steps) + 1))
        for s, t in zip(steps, steps[1:]):
            assert s["to"] == t["from"] and s["to_key"] == t["from_key"]
        total = sum(s["length"] for s in steps)
        assert all(abs(s["path_length"] - total) <= TOL * max(1, total) for s in steps)
        assert all(s["n_records"] >= 1 and s["evidence"] for s in steps)
        paths.append(([steps[0]["from_key"]] + [s["to_key"] for s in steps], total))
    return paths


def check_steps_are_edges(res, g):
    """Every step is an edge of the oracle graph (in its direction when
    directed) with the oracle's strength and length."""
    for r in res:
        a, b = r["from_key"], r["to_key"]
        assert g.has_edge(a, b), (a, b)
        assert r["strength"] == pytest.approx(g[a][b]["weight"], rel=TOL)
        assert r["length"] == pytest.approx(g[a][b]["length"], rel=TOL)


def exact_length(g, keys, weight):
    if weight is None:
        return len(keys) - 1
    return sum((g[a][b][weight] for a, b in zip(keys, keys[1:])), Fraction(0))


def sample_pairs(nodes, n, seed):
    rnd = random.Random(seed)
    nodes = sorted(nodes)
    return [tuple(rnd.sample(nodes, 2)) for _ in range(n)]


def case_from_rows(keys, rows):
    case = netan.Case()
    ids = {k: case.add_entity("person", k) for k in keys}
    for a, b, w in rows:
        case.add_link(ids[a], ids[b], weight=w)
    return case


def random_rows(n, m, seed, directed, weights=(1, 2, 3, 4, 5)):
    rnd = random.Random(seed)
    g = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    rows = [(f"v{a}", f"v{b}", float(rnd.choice(weights))) for a, b in g.edges()]
    rows += rows[::7]  # repeated links: the view must add them up
    return [f"v{i}" for i in range(n)], rows


RANDOM_GRAPHS = [
    # (n, m, seed, directed): dense, sparse and disconnected, both kinds
    (30, 90, 1, False), (40, 35, 2, False), (25, 20, 3, False),
    (30, 90, 5, True), (40, 60, 6, True), (20, 15, 7, True),
]


def oracle_graph(keys, rows, directed, unweighted):
    g = oracles.nx_graph(rows, directed, unweighted)
    g.add_nodes_from(keys)  # isolated entities are in the view too
    return g


def compare_shortest(view, case, g, pairs, directed):
    for a, b in pairs:
        res = view.shortest_path(case.entity(a), case.entity(b))
        if not nx.has_path(g, a, b):
            assert len(res) == 0 and res.meta["reachable"] == "false", (a, b)
            continue
        assert res.meta["reachable"] == "true"
        ((keys, total),) = paths_of(res)
        assert keys[0] == a and keys[-1] == b
        want = float(nx.shortest_path_length(g, a, b, weight="exact_length"))
        assert total == pytest.approx(want, rel=TOL), (a, b)
        assert float(res.meta["distance"]) == pytest.approx(want, rel=TOL)
        check_steps_are_edges(res, g)


def compare_all_shortest(view, case, g, pairs):
    for a, b in pairs:
        res = view.all_shortest_paths(case.entity(a), case.entity(b))
        if not nx.has_path(g, a, b):
            assert len(res) == 0 and res.meta["reachable"] == "false"
            continue
        want = {tuple(p) for p in nx.all_shortest_paths(g, a, b, weight="exact_length")}
        if len(want) > 1000:
            continue  # beyond the default max_paths
        got = [tuple(k) for k, _ in paths_of(res)]
        assert len(got) == len(set(got)), "a path listed twice"
        assert set(got) == want, (a, b)
        assert got == sorted(got, key=lambda p: [case.entity(k) for k in p]), "not in vertex order"
        assert res.meta["truncated"] == "false"


def compare_k_shortest(view, case, g, pairs, k, unweighted):
    weight = None if unweighted else "exact_length"
    for a, b in pairs:
        res = view.shortest_path(case.entity(a), case.entity(b), k=k)
        if not nx.has_path(g, a, b):
            assert len(res) == 0 and res.meta["reachable"] == "false"
            continue
        want = []
        for p in nx.shortest_simple_paths(g, a, b, weight=weight):
            want.append(exact_length(g, p, weight))
            if len(want) == k:
                break
        got = paths_of(res)
        assert len(got) == len(want), (a, b)
        for (keys, total), w in zip(got, want):
            assert total == pytest.approx(float(w), rel=TOL), (a, b)
            assert len(set(keys)) == len(keys), "not loopless"
            assert float(exact_length(g, keys, weight)) == pytest.approx(total, rel=TOL)
        assert len({tuple(k) for k, _ in got}) == len(got), "a path listed twice"
        check_steps_are_edges(res, g)
        assert res.meta["k"] == str(k)


def compare_ego(view, case, g, centers):
    for c in centers:
        for hops in (0, 1, 2, 3):
            res = view.ego(case.entity(c), hops=hops)
            got = {r["key"]: r["hops"] for r in res}
            want = nx.single_source_shortest_path_length(g, c, cutoff=hops)
            assert got == want, (c, hops)
            assert set(got) == set(nx.ego_graph(g, c, radius=hops).nodes)
            assert [(r["hops"], r["key"]) for r in res] == sorted((r["hops"], r["key"]) for r in res)
            assert res.meta["n_entities"] == str(len(res))


def neighbours(g, k):
    return set(g.successors(k)) if g.is_directed() else set(g.neighbors(k))


def compare_common(view, case, g, groups):
    for group in groups:
        res = view.common_contacts([case.entity(k) for k in group])
        want = set.intersection(*(neighbours(g, k) for k in group)) - set(group)
        got = {}
        for r in res:
            got.setdefault(r["key"], []).append(r)
        assert set(got) == want, group
        for key, rows in got.items():
            assert [r["with_key"] for r in rows] == list(group)
            for r in rows:
                assert r["strength"] == pytest.approx(g[r["with_key"]][key]["weight"], rel=TOL)
            assert rows[0]["total_strength"] == pytest.approx(sum(r["strength"] for r in rows), rel=TOL)
        assert res.meta["n_contacts"] == str(len(want))


# ---------------------------------------------------------------- real networks

@pytest.mark.parametrize("unweighted", [False, True], ids=["length=1/strength", "unweighted"])
@pytest.mark.parametrize("name", list(NETWORKS))
def test_shortest_and_all_shortest_paths_equal_networkx(real_cases, name, unweighted):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    g = oracles.nx_graph(rows, directed, unweighted)
    view = case.view(directed=directed, unweighted=unweighted)
    pairs = sample_pairs(g.nodes, 40, seed=len(name))
    compare_shortest(view, case, g, pairs, directed)
    compare_all_shortest(view, case, g, pairs)
    res = view.shortest_path(case.entity(pairs[0][0]), case.entity(pairs[0][1]))
    assert ("1/strength" in res.meta["weights"]) != unweighted
    assert res.meta["directed"] == ("true" if directed else "false")


@pytest.mark.parametrize("unweighted", [False, True], ids=["length=1/strength", "unweighted"])
@pytest.mark.parametrize("name", list(NETWORKS))
def test_k_shortest_paths_equal_networkx_shortest_simple_paths(real_cases, name, unweighted):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    g = oracles.nx_graph(rows, directed, unweighted)
    view = case.view(directed=directed, unweighted=unweighted)
    compare_k_shortest(view, case, g, sample_pairs(g.nodes, 8, seed=7), k=6, unweighted=unweighted)


@pytest.mark.parametrize("name", list(NETWORKS))
def test_ego_and_common_contacts_equal_networkx(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    g = oracles.nx_graph(rows, directed)
    view = case.view(directed=directed)
    rnd = random.Random(11)
    nodes = sorted(g.nodes)
    compare_ego(view, case, g, rnd.sample(nodes, 6))
    # pairs and triples, some of them with common contacts for sure
    groups = [tuple(rnd.sample(nodes, 2)) for _ in range(15)] + [tuple(rnd.sample(nodes, 3)) for _ in range(5)]
    hub = max(nodes, key=lambda k: len(neighbours(g, k)))
    if not directed:
        groups += [tuple(sorted(neighbours(g, hub))[:2]), tuple(sorted(neighbours(g, hub))[:3])]
    compare_common(view, case, g, groups)


def test_weights_change_the_route_on_montagna_phonecalls(real_cases):
    # strengths matter: somewhere the strongest chain of calls is not the
    # one with the fewest steps, and netan follows the view's lengths
    case, rows = real_cases["montagna_phonecalls"]
    g = oracles.nx_graph(rows, False)
    weighted, hops = case.view(), case.view(unweighted=True)
    differ = 0
    for a, b in sample_pairs(g.nodes, 60, seed=3):
        if not nx.has_path(g, a, b):
            continue
        pw = paths_of(weighted.shortest_path(case.entity(a), case.entity(b)))[0][0]
        ph = paths_of(hops.shortest_path(case.entity(a), case.entity(b)))[0][0]
        assert len(ph) <= len(pw)
        differ += len(ph) < len(pw)
    assert differ > 0


def test_evidence_names_the_source_rows(real_cases, data_dir):
    case, rows = real_cases["siren"]
    res = case.view().shortest_path(case.entity("1"), case.entity("44"))
    assert len(res) >= 1
    links = case.links()
    for r in res:
        assert "contact link #" in r["evidence"] and "siren.csv:" in r["evidence"]
        # each listed link joins the step's two entities and names its own row
        for item in r["evidence"].split("; "):
            if item.startswith("and "):
                continue
            lid = int(item.split("#")[1].split()[0])
            link = links[lid]
            assert {link["a"], link["b"]} == {r["from"], r["to"]}
            assert item.endswith(f":{link['row']})")


# ---------------------------------------------------------------- random graphs

@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS)
def test_random_graphs_equal_networkx(n, m, seed, directed):
    keys, rows = random_rows(n, m, seed, directed)
    case = case_from_rows(keys, rows)
    for unweighted in (False, True):
        g = oracle_graph(keys, rows, directed, unweighted)
        view = case.view(directed=directed, unweighted=unweighted)
        pairs = sample_pairs(keys, 40, seed)
        compare_shortest(view, case, g, pairs, directed)
        compare_all_shortest(view, case, g, pairs)
        compare_k_shortest(view, case, g, pairs[:10], k=5, unweighted=unweighted)
    g = oracle_graph(keys, rows, directed, False)
    view = case.view(directed=directed)
    compare_ego(view, case, g, keys[:5])
    compare_common(view, case, g, [tuple(p) for p in sample_pairs(keys, 15, seed + 1)])


def test_random_graphs_include_disconnected_and_unreachable_pairs():
    unreachable = 0
    for n, m, seed, directed in RANDOM_GRAPHS:
        keys, rows = random_rows(n, m, seed, directed)
        g = oracle_graph(keys, rows, directed, False)
        unreachable += sum(not nx.has_path(g, a, b) for a, b in sample_pairs(keys, 40, seed))
    assert unreachable >= 20


# ---------------------------------------------------------------- connecting network

def check_connecting_network(view, case, g, seeds):
    ids = [case.entity(k) for k in seeds]
    res = view.connect(ids)
    ents = res.entities
    paths = paths_of(res)
    # every chosen path is a shortest path between two seeds
    for keys, total in paths:
        assert keys[0] in seeds and keys[-1] in seeds and keys[0] != keys[-1]
        want = float(nx.shortest_path_length(g, keys[0], keys[-1], weight="exact_length"))
        assert total == pytest.approx(want, rel=TOL)
    check_steps_are_edges(res, g)
    # the entities: the seeds and every entity on a chosen path, nothing else
    on_paths = {k for keys, _ in paths for k in keys}
    assert {r["key"] for r in ents} == set(seeds) | on_paths
    # ordered by network; in each, the seeds in the order given come first
    net_of = {r["key"]: r["network"] for r in ents}
    assert [r["network"] for r in ents] == sorted(r["network"] for r in ents)
    assert [r["key"] for r in ents if r["role"] == "seed"] == sorted(seeds, key=lambda k: (net_of[k], seeds.index(k)))
    roles = {r["key"]: r["role"] for r in ents}
    assert all(roles[k] == "seed" for k in seeds)
    assert all(roles[k] == "intermediary" for k in on_paths - set(seeds))
    # seeds share a network exactly when a chain of seeds joins them, each
    # reaching the next (one way is enough on directed views); each chosen
    # path joins at least two pieces (more if it passes other seeds)
    reach = nx.Graph()
    reach.add_nodes_from(seeds)
    reach.add_edges_from((a, b) for a in seeds for b in seeds
                         if a != b and (nx.has_path(g, a, b) or nx.has_path(g, b, a)))
    net = {r["key"]: r["network"] for r in ents}
    for a in seeds:
        for b in seeds:
            assert (net[a] == net[b]) == nx.has_path(reach, a, b), (a, b)
    n_networks = len(set(net[k] for k in seeds))
    assert res.meta["n_networks"] == str(n_networks)
    assert len(paths) <= len(seeds) - n_networks
    assert res.meta["reachable"] == ("true" if n_networks == 1 else "false")
    # n_paths counts the chosen paths through each entity
    for r in ents:
        assert r["n_paths"] == sum(r["key"] in keys for keys, _ in paths)
    return res


@pytest.mark.parametrize("name", list(NETWORKS))
def test_connecting_network_invariants_on_real_networks(real_cases, name):
    case, rows = real_cases[name]
    directed = NETWORKS[name]
    rnd = random.Random(5)
    for unweighted in (False, True):
        g = oracles.nx_graph(rows, directed, unweighted)
        view = case.view(directed=directed, unweighted=unweighted)
        for size in (2, 3, 5, 8):
            check_connecting_network(view, case, g, rnd.sample(sorted(g.nodes), size))


@pytest.mark.parametrize("n,m,seed,directed", RANDOM_GRAPHS)
def test_connecting_network_invariants_on_random_graphs(n, m, seed, directed):
    keys, rows = random_rows(n, m, seed, directed)
    case = case_from_rows(keys, rows)
    g = oracle_graph(keys, rows, directed, False)
    rnd = random.Random(seed)
    for size in (2, 4, 6):
        check_connecting_network(case.view(directed=directed), case, g, rnd.sample(keys, size))


def test_connecting_network_prefers_the_shared_intermediary():
    # i2's documented example: two shortest paths join seeds 1 and 3, one
    # through an intermediary that the path of seeds 2 and 3 also uses;
    # 3 and 4 are joined by their direct link
    case = netan.Case()
    ids = {k: case.add_entity("person", k) for k in ["1", "2", "3", "4", "x", "y"]}
    for a, b in [("1", "x"), ("x", "3"), ("1", "y"), ("y", "3"), ("2", "y"), ("3", "4")]:
        case.add_link(ids[a], ids[b])
    res = case.view().connect([ids[k] for k in "1234"])
    keys = {r["key"] for r in res.entities}
    assert keys == {"1", "2", "3", "4", "y"}
    assert paths_of(res)[0][0] == ["3", "4"], "direct links come first"
    assert res.meta["reachable"] == "true"


# ---------------------------------------------------------------- errors and edge cases

def test_errors(real_cases):
    case, _ = real_cases["siren"]
    view = case.view()
    a, b = case.entity("1"), case.entity("2")
    with pytest.raises(netan.NotFoundError):
        view.shortest_path(a, 10**6)
    with pytest.raises(netan.NotFoundError):
        view.ego(-1)
    with pytest.raises(netan.InvalidArgumentError):
        view.shortest_path(a, b, k=0)
    with pytest.raises(netan.InvalidArgumentError):
        view.ego(a, hops=-1)
    with pytest.raises(netan.InvalidArgumentError):
        view.connect([a])
    with pytest.raises(netan.InvalidArgumentError):
        view.common_contacts([a, a])
    # an entity outside the view
    c2 = netan.Case()
    p = c2.add_entity("person", "p")
    ph = c2.add_entity("phone", "+38160")
    c2.add_link(p, ph)
    with pytest.raises(netan.NotFoundError):
        c2.view(entity_type="person").shortest_path(p, ph)


def test_no_path_is_an_empty_result_not_an_error():
    case = netan.Case()
    a, b, c, d = (case.add_entity("person", k) for k in "abcd")
    case.add_link(a, b)
    case.add_link(c, d)
    view = case.view()
    for res in (view.shortest_path(a, d), view.shortest_path(a, d, k=3), view.all_shortest_paths(a, d)):
        assert len(res) == 0
        assert res.meta["reachable"] == "false"
        assert res.meta["n_paths"] == "0"
    same = view.shortest_path(a, a)
    assert len(same) == 0 and same.meta["reachable"] == "true" and same.meta["distance"] == "0"
