#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Deterministic benchmark workloads for netan (bench/README.md).

Two kinds of workload, all written as CSV into a work directory:

graph  A phone-call network: heavy-tailed degrees, planted communities
       (a degree-corrected stochastic block model sampled edge by edge, in
       the manner of Chung-Lu), every phone with at least one contact.
       One row per unordered pair of phones, ``source,target,weight`` where
       weight is the number of calls between the two (heavy-tailed, higher
       inside communities). Pairs are unique and never self-loops.

calls  Call detail records drawn from a graph workload's network: one row
       per call, ``caller,callee,start,duration`` (ISO 8601 UTC start,
       duration in seconds), in time order. Pairs are drawn in proportion to
       their call count, direction at random. Beside it goes the same calls
       as an edge list ``source,target`` (one row per call, no weight
       column, so every row weighs 1), which is what netan_ingest_edgelist
       reads today; aggregating it gives back a weighted call graph.

Same seed and generator version => byte-identical files. Only the Python
standard library is used. A manifest NAME.json beside the files records the
parameters and the actual counts; generation is skipped when it says the
files are already there.
"""

import argparse
import bisect
import calendar
import itertools
import json
import os
import random
import sys
import time
import zlib

GENERATOR_VERSION = 1

# name -> parameters. Sizes are targets: graph workloads hit n and m
# exactly (n phones that all appear, m unique pairs).
WORKLOADS = {
    "chart50": {"kind": "graph", "n": 50,     "m": 150},
    "tiny":   {"kind": "graph", "n": 200,     "m": 1_000},
    "small":  {"kind": "graph", "n": 2_000,   "m": 10_000},
    "medium": {"kind": "graph", "n": 20_000,  "m": 100_000},
    "large":  {"kind": "graph", "n": 200_000, "m": 1_000_000},
    "calls-tiny": {"kind": "calls", "base": "tiny",   "rows": 5_000},
    "calls-100k": {"kind": "calls", "base": "medium", "rows": 100_000},
    "calls-1m":   {"kind": "calls", "base": "large",  "rows": 1_000_000},
    "calls-10m":  {"kind": "calls", "base": "large",  "rows": 10_000_000},
}

# Shape of the graph workloads (the same for every size).
SHAPE = {
    "theta_shape": 1.6,   # Pareto shape of a phone's activity: P(theta > x) = x^-1.6
    "theta_cap_sqrt_n": 2.0,  # activity capped at 2*sqrt(n) (the busiest phone)
    "comm_exponent": 2.0, # community sizes ~ s^-2 ...
    "comm_min": 8,        # ... between 8 and
    "comm_max_frac": 0.01,# 1% of n (at least 40)
    "mixing": 0.15,       # share of pairs drawn across the whole network
    "w_intra_shape": 1.2, # call count per pair: Pareto, heavier inside communities
    "w_inter_shape": 1.8,
    "w_cap": 5000,
}

CALLS_SHAPE = {
    "start": "2024-01-01T00:00:00Z",
    "days": 90,
    "duration_lognormal_mu": 4.0,   # median call ~ 55 s
    "duration_lognormal_sigma": 1.1,
    "duration_cap": 7200,
}


def workload_seed(seed, name):
    """A seed per workload, stable across Python versions (no hash())."""
    return (seed * 1_000_003 + zlib.crc32(name.encode())) & 0xFFFFFFFF


def phone_key(i):
    """A unique phone-number-like key for vertex i (a bijection mod 10^9)."""
    return "+3556%09d" % ((i * 7919 + 104729) % 1_000_000_000)


def gen_graph(n, m, seed):
    """Returns (pairs, weights, n_communities): pairs as a list of (a, b)."""
    if m < n // 2 or m > n * (n - 1) // 4:
        raise ValueError("m=%d is not reachable with n=%d" % (m, n))
    s = SHAPE
    rng = random.Random(seed)
    cap = s["theta_cap_sqrt_n"] * n ** 0.5
    theta = [min(rng.paretovariate(s["theta_shape"]), cap) for _ in range(n)]

    # community sizes, power law by inverse transform, contiguous blocks
    cmin = s["comm_min"]
    cmax = max(40, int(n * s["comm_max_frac"]))
    a = 1.0 - s["comm_exponent"]
    lo, hi = cmin ** a, (cmax + 1) ** a
    bounds = [0]
    while bounds[-1] < n:
        size = int((lo + (hi - lo) * rng.random()) ** (1.0 / a))
        size = max(cmin, min(cmax, size))
        bounds.append(min(n, bounds[-1] + size))
    if len(bounds) > 2 and bounds[-1] - bounds[-2] < 2:
        del bounds[-2]          # no community of one phone
    bounds[-1] = n
    ncomm = len(bounds) - 1
    comm_of = [0] * n
    for c in range(ncomm):
        for i in range(bounds[c], bounds[c + 1]):
            comm_of[i] = c

    cum = list(itertools.accumulate(theta))
    total = cum[-1]
    ccum = list(itertools.accumulate(
        cum[bounds[c + 1] - 1] - (cum[bounds[c] - 1] if bounds[c] else 0.0)
        for c in range(ncomm)))
    br = bisect.bisect_right
    rand = rng.random

    def pick_global():
        return min(br(cum, rand() * total), n - 1)

    def pick_in(c):
        lo_i, hi_i = bounds[c], bounds[c + 1]
        base = cum[lo_i - 1] if lo_i else 0.0
        x = base + rand() * (cum[hi_i - 1] - base)
        return min(br(cum, x, lo_i, hi_i), hi_i - 1)

    seen = set()
    pairs = []
    intra = []
    deg = [0] * n

    def add(u, v):
        if u == v:
            return False
        if u > v:
            u, v = v, u
        key = u * n + v
        if key in seen:
            return False
        seen.add(key)
        pairs.append((u, v))
        intra.append(comm_of[u] == comm_of[v])
        deg[u] += 1
        deg[v] += 1
        return True

    # every phone calls at least one phone of its own community
    for i in range(n):
        if deg[i]:
            continue
        c = comm_of[i]
        for _ in range(50):
            if add(i, pick_in(c)):
                break
        else:
            while not add(i, pick_global()):
                pass
    mixing = s["mixing"]
    while len(pairs) < m:
        if rand() < mixing:
            add(pick_global(), pick_global())
        else:
            c = min(br(ccum, rand() * ccum[-1]), ncomm - 1)
            add(pick_in(c), pick_in(c))
    del pairs[m:]
    del intra[m:]

    wi, wo, wcap = s["w_intra_shape"], s["w_inter_shape"], s["w_cap"]
    pv = rng.paretovariate
    weights = [min(int(pv(wi if intra[k] else wo)), wcap) for k in range(len(pairs))]
    order = list(range(len(pairs)))
    rng.shuffle(order)
    flips = [rand() < 0.5 for _ in range(len(pairs))]
    out_pairs = []
    out_w = []
    for k in order:
        u, v = pairs[k]
        out_pairs.append((v, u) if flips[k] else (u, v))
        out_w.append(weights[k])
    return out_pairs, out_w, ncomm


def write_lines(path, header, lines_iter):
    tmp = path + ".tmp"
    nbytes = 0
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        f.write(header)
        nbytes += len(header)
        for chunk in lines_iter:
            f.write(chunk)
            nbytes += len(chunk)
    os.replace(tmp, path)
    return nbytes


def chunked(seq, size=65536):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def make_graph(name, params, seed, workdir):
    n, m = params["n"], params["m"]
    pairs, weights, ncomm = gen_graph(n, m, workload_seed(seed, name))
    keys = [phone_key(i) for i in range(n)]
    path = os.path.join(workdir, name + ".csv")

    def lines():
        for ch in chunked(range(len(pairs))):
            yield "".join("%s,%s,%d\n" % (keys[pairs[k][0]], keys[pairs[k][1]], weights[k])
                          for k in ch)
    nbytes = write_lines(path, "source,target,weight\n", lines())
    degree = [0] * n
    for u, v in pairs:
        degree[u] += 1
        degree[v] += 1
    return {
        "files": {"edges": name + ".csv"},
        "columns": "source,target,weight",
        "nodes": sum(1 for d in degree if d),
        "edges": len(pairs),
        "rows": len(pairs),
        "bytes": {"edges": nbytes},
        "planted_communities": ncomm,
        "max_degree": max(degree),
        "mean_degree": 2.0 * len(pairs) / n,
        "total_calls": sum(weights),
    }


def make_calls(name, params, seed, workdir):
    base = params["base"]
    bp = WORKLOADS[base]
    pairs, weights, _ = gen_graph(bp["n"], bp["m"], workload_seed(seed, base))
    keys = [phone_key(i) for i in range(bp["n"])]
    rows = params["rows"]
    cs = CALLS_SHAPE
    rng = random.Random(workload_seed(seed, name))
    cumw = list(itertools.accumulate(weights))
    span = cs["days"] * 86400.0
    mean_gap = span / rows
    t0 = calendar.timegm(time.strptime(cs["start"], "%Y-%m-%dT%H:%M:%SZ"))
    days = [time.strftime("%Y-%m-%d", time.gmtime(t0 + d * 86400)) for d in range(cs["days"] + 2)]
    mu, sigma, dcap = cs["duration_lognormal_mu"], cs["duration_lognormal_sigma"], cs["duration_cap"]
    cdr_path = os.path.join(workdir, name + ".csv")
    edges_path = os.path.join(workdir, name + ".edges.csv")
    cdr_tmp, edges_tmp = cdr_path + ".tmp", edges_path + ".tmp"
    nb_cdr = nb_edges = 0
    distinct = set()
    t = 0.0
    npairs = len(pairs)
    with open(cdr_tmp, "w", encoding="ascii", newline="\n") as fc, \
         open(edges_tmp, "w", encoding="ascii", newline="\n") as fe:
        h1, h2 = "caller,callee,start,duration\n", "source,target\n"
        fc.write(h1)
        fe.write(h2)
        nb_cdr += len(h1)
        nb_edges += len(h2)
        done = 0
        expo, rand, lnv = rng.expovariate, rng.random, rng.lognormvariate
        while done < rows:
            k = min(65536, rows - done)
            picks = rng.choices(range(npairs), cum_weights=cumw, k=k)
            out_c = []
            out_e = []
            for p in picks:
                u, v = pairs[p]
                if rand() < 0.5:
                    u, v = v, u
                distinct.add(p)
                t += expo(1.0 / mean_gap)
                if t >= span:
                    t = span - 1.0
                sec = int(t)
                d, r = divmod(sec, 86400)
                hh, r = divmod(r, 3600)
                mi, ss = divmod(r, 60)
                dur = min(int(lnv(mu, sigma)) + 1, dcap)
                ku, kv = keys[u], keys[v]
                out_c.append("%s,%s,%sT%02d:%02d:%02dZ,%d\n" % (ku, kv, days[d], hh, mi, ss, dur))
                out_e.append("%s,%s\n" % (ku, kv))
            s1, s2 = "".join(out_c), "".join(out_e)
            fc.write(s1)
            fe.write(s2)
            nb_cdr += len(s1)
            nb_edges += len(s2)
            done += k
    os.replace(cdr_tmp, cdr_path)
    os.replace(edges_tmp, edges_path)
    nodes = set()
    for p in distinct:
        nodes.add(pairs[p][0])
        nodes.add(pairs[p][1])
    return {
        "files": {"cdr": name + ".csv", "edges": name + ".edges.csv"},
        "columns": "caller,callee,start,duration (cdr); source,target (edges)",
        "rows": rows,
        "nodes": len(nodes),
        "edges": len(distinct),
        "bytes": {"cdr": nb_cdr, "edges": nb_edges},
        "base": base,
    }


def manifest_path(workdir, name):
    return os.path.join(workdir, name + ".json")


def expected_header(name, seed):
    p = dict(WORKLOADS[name])
    if p["kind"] == "calls":
        p["base_params"] = WORKLOADS[p["base"]]
        p["calls_shape"] = CALLS_SHAPE
    p["shape"] = SHAPE
    return {"name": name, "generator_version": GENERATOR_VERSION, "seed": seed, "params": p}


def up_to_date(workdir, name, seed):
    mp = manifest_path(workdir, name)
    try:
        with open(mp) as f:
            man = json.load(f)
    except (OSError, ValueError):
        return None
    hdr = expected_header(name, seed)
    if any(man.get(k) != v for k, v in hdr.items()):
        return None
    for role, fn in man.get("files", {}).items():
        try:
            if os.path.getsize(os.path.join(workdir, fn)) != man["bytes"][role]:
                return None
        except (OSError, KeyError):
            return None
    return man


def ensure(workdir, name, seed, force=False, quiet=False):
    """Generates workload @name unless it is already there. Returns its manifest."""
    if name not in WORKLOADS:
        raise KeyError("unknown workload %r (known: %s)" % (name, ", ".join(WORKLOADS)))
    os.makedirs(workdir, exist_ok=True)
    if not force:
        man = up_to_date(workdir, name, seed)
        if man:
            return man
    t = time.monotonic()
    if not quiet:
        print("gen_workload: generating %s ..." % name, file=sys.stderr, flush=True)
    p = WORKLOADS[name]
    info = (make_graph if p["kind"] == "graph" else make_calls)(name, p, seed, workdir)
    man = expected_header(name, seed)
    man.update(info)
    man["kind"] = p["kind"]
    man["generation_seconds"] = round(time.monotonic() - t, 2)
    tmp = manifest_path(workdir, name) + ".tmp"
    with open(tmp, "w") as f:
        json.dump(man, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(tmp, manifest_path(workdir, name))
    if not quiet:
        print("gen_workload: %s done in %.1f s" % (name, man["generation_seconds"]),
              file=sys.stderr, flush=True)
    return man


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="workloads to generate (default: all); see --list")
    ap.add_argument("--workdir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "work"),
                    help="where files go (default: bench/work next to this script)")
    ap.add_argument("--seed", type=int, default=1, help="master seed (default 1)")
    ap.add_argument("--force", action="store_true", help="regenerate even if up to date")
    ap.add_argument("--list", action="store_true", help="print the workload table as JSON and exit")
    a = ap.parse_args(argv)
    if a.list:
        json.dump(WORKLOADS, sys.stdout, indent=1)
        print()
        return 0
    names = a.names or list(WORKLOADS)
    for name in names:
        if name not in WORKLOADS:
            ap.error("unknown workload %r (known: %s)" % (name, ", ".join(WORKLOADS)))
    for name in names:
        man = ensure(a.workdir, name, a.seed, a.force)
        print(json.dumps({k: man[k] for k in ("name", "kind", "nodes", "edges", "rows", "files")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
