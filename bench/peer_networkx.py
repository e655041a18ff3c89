#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark steps with networkx 2.8 (Debian's python3-networkx),
written the way its documentation suggests:

load         csv.reader, then for each row the recipe of the networkx docs
             for collapsing a multigraph into a weighted graph:
             ``if G.has_edge(u, v): G[u][v]["weight"] += w`` else
             ``G.add_edge(u, v, weight=w)``; edge attribute "length" =
             1/weight; self-loops are skipped (netan rejects them)
degree       dict(G.degree())
betweenness  nx.betweenness_centrality(G, weight="length", normalized=False),
             exact, or with k=K sampled sources (networkx scales the result
             by n/k; the time is scaled the same way in "estimate_full_s")
pagerank     nx.pagerank(G, alpha=0.85, weight="weight") (scipy backend)
closeness    nx.closeness_centrality(G, distance="length"), or, for K
             sampled vertices, nx.closeness_centrality(G, u=v, distance="length")
louvain      nx.community.louvain_communities(G, weight="weight", seed=seed)
             (modularity is computed after the timed step)

Prints JSON lines (bench/benchlib.py).
"""
import csv
import random
import sys

import networkx as nx

from benchlib import Bench, parser, top5, wants


def main():
    a = parser(__doc__.splitlines()[0]).parse_args()
    b = Bench("networkx")
    b.info(networkx_version=nx.__version__, python=sys.version.split()[0])

    with b.step("load") as s:
        G = nx.Graph()
        rows = loops = 0
        with open(a.edges, newline="") as f:
            r = csv.reader(f)
            header = next(r)
            weighted = len(header) >= 3
            for row in r:
                rows += 1
                u, v = row[0], row[1]
                w = float(row[2]) if weighted and row[2] else 1.0
                if u == v:
                    loops += 1
                    continue
                if G.has_edge(u, v):
                    G[u][v]["weight"] += w
                else:
                    G.add_edge(u, v, weight=w)
        for _, _, d in G.edges(data=True):
            d["length"] = 1.0 / d["weight"]
        s.extra.update(rows=rows, vertices=G.number_of_nodes(), edges=G.number_of_edges(),
                       self_loops_skipped=loops)
    n = G.number_of_nodes()

    if wants(a.steps, "degree"):
        with b.step("degree") as s:
            d = dict(G.degree())
        s.extra.update(max=max(d.values()) if d else 0)

    if wants(a.steps, "betweenness"):
        k = a.btw_sources if a.btw_sources and a.btw_sources < n else None
        with b.step("betweenness") as s:
            bt = nx.betweenness_centrality(G, k=k, normalized=False, weight="length", seed=a.seed)
        if k:
            s.extra.update(mode="sampled", sources=k, vertices=n, estimate_full_s=s.wall * n / k,
                           weights="length=1/strength", sum=sum(bt.values()), top=top5(bt))
        else:
            s.extra.update(mode="exact", sources=n, vertices=n, weights="length=1/strength",
                           sum=sum(bt.values()), top=top5(bt))

    if wants(a.steps, "pagerank"):
        with b.step("pagerank") as s:
            pr = nx.pagerank(G, alpha=0.85, weight="weight")
        s.extra.update(weights="strength", damping=0.85, top=top5(pr))

    if wants(a.steps, "closeness"):
        if a.closeness_sources and a.closeness_sources < n:
            nodes = list(G)
            sample = [nodes[i] for i in sorted(random.Random(a.seed).sample(range(n), a.closeness_sources))]
            with b.step("closeness") as s:
                cl = {u: nx.closeness_centrality(G, u=u, distance="length") for u in sample}
            s.extra.update(mode="sampled", sources=len(sample), vertices=n,
                           estimate_full_s=s.wall * n / len(sample), weights="length=1/strength",
                           top=top5(cl))
        else:
            with b.step("closeness") as s:
                cl = nx.closeness_centrality(G, distance="length")
            s.extra.update(mode="exact", sources=n, vertices=n, weights="length=1/strength", top=top5(cl))

    if wants(a.steps, "louvain"):
        with b.step("louvain") as s:
            comms = nx.community.louvain_communities(G, weight="weight", seed=a.seed)
        s.extra.update(weights="strength", seed=a.seed, communities=len(comms),
                       modularity=nx.community.modularity(G, comms, weight="weight"))

    for step in ("chart_dot", "chart_render"):
        if wants(a.steps, step):
            b.skip(step, "networkx is not asked to draw (its docs defer to matplotlib or Graphviz): "
                   "the layout floor (Graphviz on netan's DOT) is the peer for charts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
