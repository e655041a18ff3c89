#!/usr/bin/python3
"""Derives the edge lists in this folder from ../shared/data (real networks).

Run from the repository top: /usr/bin/python3 tests/data/derive.py [SHARED_DATA]
Every output is `source,target,weight` with a header row:
- square matrices: one row per non-zero cell above the diagonal (symmetric
  matrices) or per non-zero off-diagonal cell (directed ones), weight = cell;
- whitespace edge lists: every line kept in file order, so pairs listed twice
  (Montagna lists some in both orientations) appear twice and a view adds
  their weights;
- self-loops are dropped (none of these studies uses them) and counted.
"""
import csv
import os
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data")
OUT = os.path.dirname(os.path.abspath(__file__))


def write(name, rows):
    loops = sum(1 for a, b, _ in rows if a == b)
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight"])
        for a, b, x in rows:
            if a != b:
                w.writerow([a, b, x])
    print(f"{name}: {len(rows) - loops} edges ({loops} self-loops dropped)")


def matrix(path, directed):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    labels = rows[0][1:]
    out = []
    for i, row in enumerate(rows[1:]):
        for j, cell in enumerate(row[1:]):
            x = float(cell)
            if x == 0 or (not directed and j <= i):
                continue
            out.append((row[0], labels[j], int(x) if x.is_integer() else x))
    return out


def whitespace(path, names=None):
    out = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            p = line.split()
            if not p or p[0].startswith("#"):
                continue
            a, b = (names[p[0]], names[p[1]]) if names else (p[0], p[1])
            out.append((a, b, p[2] if len(p) > 2 else 1))
    return out


d = SRC
write("siren.csv", matrix(f"{d}/siren/morselli_siren.csv", False))
write("cielnet_directed.csv", matrix(f"{d}/cielnet/morselli_cielnet.csv", True))
write("french_connection.csv", matrix(f"{d}/french_connection/macdonald_tfc.csv", False))
write("london_gang.csv", matrix(f"{d}/london_gang/LONDON_GANG.csv", False))
write("montagna_meetings.csv", whitespace(f"{d}/montagna_sicilian_mafia/Montagna_meetings_edgelist.csv"))
write("montagna_phonecalls.csv", whitespace(f"{d}/montagna_sicilian_mafia/Montagna_phonecalls_edgelist.csv"))
with open(f"{d}/human_trafficking_mexico/labels.csv", encoding="utf-8-sig") as f:
    ht = {r[0]: r[1].strip() for r in csv.reader(f)}
write("human_trafficking_mexico.csv", whitespace(f"{d}/human_trafficking_mexico/Data.txt", ht))
