#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bench peer: the same call-record ingest the way an analyst does it today
in Python: pandas.read_csv, python3-phonenumbers on the unique numbers
(E.164 + validity), pandas time parsing, a groupby to one weighted edge per
pair, and a python-igraph graph. Prints one JSON object with step times and
the process's peak RSS."""
import json
import resource
import sys
import time

import igraph
import pandas as pd
import phonenumbers


def e164(raw, region):
    try:
        n = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(n):
        return None
    return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)


def main():
    path, region = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    df = pd.read_csv(path, dtype={"caller": str, "callee": str, "type": str, "start": str})
    t1 = time.perf_counter()
    uniq = pd.unique(pd.concat([df["caller"], df["callee"]]).dropna())
    mapping = {raw: e164(raw, region) for raw in uniq}
    df["a"] = df["caller"].map(mapping)
    df["b"] = df["callee"].map(mapping)
    t2 = time.perf_counter()
    df["t"] = pd.to_datetime(df["start"], utc=True, errors="coerce")
    df["d"] = pd.to_numeric(df["duration"], errors="coerce")
    good = df.dropna(subset=["a", "b", "t"])
    t3 = time.perf_counter()
    a, b = good["a"].where(good["a"] < good["b"], good["b"]), good["b"].where(good["a"] < good["b"], good["a"])
    edges = pd.DataFrame({"a": a, "b": b}).groupby(["a", "b"]).size().reset_index(name="calls")
    g = igraph.Graph.TupleList(edges.itertuples(index=False), directed=False, edge_attrs=["calls"])
    t4 = time.perf_counter()
    print(json.dumps({"rows_read": len(df), "rows_ingested": len(good), "vertices": g.vcount(),
                      "edges": g.ecount(), "read_s": t1 - t0, "phones_s": t2 - t1, "times_s": t3 - t2,
                      "graph_s": t4 - t3, "ingest_s": t4 - t0,
                      "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    main()
