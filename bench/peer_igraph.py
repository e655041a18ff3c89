#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark steps with python-igraph 0.10 (Debian's python3-igraph),
written the way its tutorial and API docs suggest:

load         csv.reader -> Graph.TupleList(..., weights=True), then
             Graph.simplify(combine_edges={"weight": "sum"}) to merge the
             rows of one unordered pair (as a netan view does);
             edge attribute "length" = 1/weight
degree       Graph.degree()
betweenness  Graph.betweenness(weights="length") -- exact only: 0.10.2 has
             no sources= argument, so a sampled run is reported as skipped
pagerank     Graph.pagerank(weights="weight", damping=0.85)
closeness    Graph.closeness(vertices=..., weights="length")
louvain      Graph.community_multilevel(weights="weight") after
             random.seed(seed) (python-igraph draws from Python's random)

Prints JSON lines (bench/benchlib.py).
"""
import csv
import random
import sys

import igraph as ig

from benchlib import Bench, parser, top5, wants


def main():
    a = parser(__doc__.splitlines()[0]).parse_args()
    b = Bench("python_igraph")
    b.info(python_igraph_version=ig.__version__, python=sys.version.split()[0])

    with b.step("load") as s:
        with open(a.edges, newline="") as f:
            r = csv.reader(f)
            header = next(r)
            if len(header) >= 3:
                g = ig.Graph.TupleList(((row[0], row[1], float(row[2]) if row[2] else 1.0) for row in r),
                                       directed=False, weights=True)
            else:
                g = ig.Graph.TupleList(r, directed=False)
                g.es["weight"] = 1.0
        rows = g.ecount()
        g.simplify(multiple=True, loops=True, combine_edges={"weight": "sum"})
        g.es["length"] = [1.0 / w for w in g.es["weight"]]
        s.extra.update(rows=rows, vertices=g.vcount(), edges=g.ecount())
    n = g.vcount()
    names = g.vs["name"]

    if wants(a.steps, "degree"):
        with b.step("degree") as s:
            d = g.degree()
        s.extra.update(max=max(d) if d else 0)

    if wants(a.steps, "betweenness"):
        if a.btw_sources and a.btw_sources < n:
            b.skip("betweenness", "python-igraph 0.10.2 Graph.betweenness() has no sources= argument "
                   "(only cutoff=), so it cannot be sampled; exact is too slow at this size")
        else:
            with b.step("betweenness") as s:
                bt = g.betweenness(directed=False, weights="length")
            s.extra.update(mode="exact", sources=n, vertices=n, weights="length=1/strength",
                           sum=sum(bt), top=top5(bt, names))

    if wants(a.steps, "pagerank"):
        with b.step("pagerank") as s:
            pr = g.pagerank(directed=False, damping=0.85, weights="weight")
        s.extra.update(weights="strength", damping=0.85, top=top5(pr, names))

    if wants(a.steps, "closeness"):
        if a.closeness_sources and a.closeness_sources < n:
            vids = sorted(random.Random(a.seed).sample(range(n), a.closeness_sources))
            with b.step("closeness") as s:
                cl = g.closeness(vertices=vids, weights="length", normalized=True)
            s.extra.update(mode="sampled", sources=len(vids), vertices=n,
                           estimate_full_s=s.wall * n / len(vids), weights="length=1/strength",
                           top=top5(cl, [names[v] for v in vids]))
        else:
            with b.step("closeness") as s:
                cl = g.closeness(weights="length", normalized=True)
            s.extra.update(mode="exact", sources=n, vertices=n, weights="length=1/strength",
                           top=top5(cl, names))

    if wants(a.steps, "louvain"):
        with b.step("louvain") as s:
            random.seed(a.seed)
            comm = g.community_multilevel(weights="weight")
        s.extra.update(weights="strength", seed=a.seed, communities=len(comm),
                       modularity=g.modularity(comm.membership, weights="weight"))

    for step in ("chart_dot", "chart_render"):
        if wants(a.steps, step):
            b.skip(step, "python-igraph is not asked to draw: the layout floor "
                   "(Graphviz on netan's DOT) is the peer for charts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
