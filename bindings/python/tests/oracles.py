"""Independent oracles: graphs built straight from the CSV files with the
csv module (never through netan), for networkx and python-igraph.

The rule they implement is DESIGN.md §5 as the view documents it: all links
between the same pair (the same ordered pair when directed) become one edge
whose strength is the sum of their weights; path measures read
length = 1/strength, or 1 when unweighted.
"""
import csv
import os
from fractions import Fraction

import igraph
import networkx as nx

DATA = os.environ.get("NETAN_TEST_DATA", "")

# name -> directed?  (tests/data/README.md)
NETWORKS = {
    "siren": False,
    "cielnet_directed": True,
    "french_connection": False,
    "london_gang": False,
    "montagna_meetings": False,
    "montagna_phonecalls": False,
    "human_trafficking_mexico": False,
}


def data_path(name):
    return os.path.join(DATA, name + ".csv")


def read_rows(path):
    """[(source, target, weight)] as written (ids stripped like netan's keys)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["source", "target", "weight"], rows[0]
    return [(a.strip(), b.strip(), float(w) if w.strip() else 1.0) for a, b, w in rows[1:]]


def merge(rows, directed):
    """{pair: total strength}; pair is (a, b) when directed, else a frozenset."""
    out = {}
    for a, b, w in rows:
        key = (a, b) if directed else frozenset((a, b))
        out[key] = out.get(key, 0.0) + w
    return out


def _ends(pair):
    return tuple(pair) if isinstance(pair, tuple) else tuple(sorted(pair))


def nx_graph(rows, directed, unweighted=False):
    """networkx graph keyed by entity key; edge attrs weight (= strength),
    length (float) and exact_length (a Fraction).

    networkx compares path lengths with ==, so float lengths such as 1/3 make
    it miss equally short paths (1/3 + 1/3 + 1/3 != 1.0); igraph and netan
    compare with a tolerance. Exact rational lengths give networkx the true
    ties, so it is an oracle of the mathematics, not of rounding."""
    g = nx.DiGraph() if directed else nx.Graph()
    for a, b, _ in rows:
        g.add_node(a)
        g.add_node(b)
    for pair, s in merge(rows, directed).items():
        a, b = _ends(pair)
        exact = Fraction(1) if unweighted else 1 / Fraction(s)
        g.add_edge(a, b, weight=s, length=float(exact), exact_length=exact)
    return g


def ig_graph(rows, directed, unweighted=False):
    """python-igraph graph with vertex attr name (= key), edge attrs strength and length."""
    names = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    index = {k: i for i, k in enumerate(names)}
    merged = merge(rows, directed)
    edges = [_ends(p) for p in merged]
    g = igraph.Graph(n=len(names), edges=[(index[a], index[b]) for a, b in edges], directed=directed)
    g.vs["name"] = names
    g.es["strength"] = list(merged.values())
    g.es["length"] = [1.0 if unweighted else 1.0 / s for s in merged.values()]
    return g


def symmetrised(rows):
    """The undirected graph netan's Louvain works on for a directed view:
    strengths of a->b and b->a added."""
    return ig_graph(rows, directed=False)


def assert_close_maps(got, want, tol=1e-9, what="value"):
    """Same keys, every value within tol (absolute, or relative for big values)."""
    assert set(got) == set(want), f"{what}: keys differ: {set(got) ^ set(want)}"
    bad = {k: (got[k], want[k]) for k in want
           if abs(got[k] - want[k]) > tol * max(1.0, abs(want[k]))}
    assert not bad, f"{what}: {len(bad)} differ (netan, oracle): {dict(list(bad.items())[:5])}"
