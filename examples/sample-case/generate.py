#!/usr/bin/python3
"""Generates the bundled sample case: calls.csv, a synthetic edge list.

A migrant-smuggling ring on the Western Balkan route, four cells (Albania,
North Macedonia, Serbia, Bosnia and Herzegovina) of 10-14 people each who
call each other often, joined by a few brokers. The numbers are invented;
the structure is what analysts meet. Deterministic: same script, same file.

    /usr/bin/python3 examples/sample-case/generate.py > examples/sample-case/calls.csv

Planted truth (see README.md): the brokers Arben Krasniqi (AL <-> MK),
Goran Petrović (MK <-> RS) and Dragan Marković (RS <-> BA) connect the cells;
the organiser Ilir Hoxha calls every cell leader.
"""
import csv
import random
import sys

rng = random.Random(2026)

cells = {
    "AL": ["Ilir Hoxha", "Dritan Hoxha", "Besnik Gashi", "Erion Shehu", "Artan Leka", "Gentian Dervishi",
           "Klodian Muça", "Fatmir Berisha", "Agron Kola", "Elton Brahimi", "Blerim Hysa", "Saimir Kurti"],
    "MK": ["Arben Krasniqi", "Zoran Stojanovski", "Goce Trajkovski", "Nikola Ristovski", "Dejan Angelovski",
           "Bojan Nikolovski", "Igor Jovanovski", "Vlatko Dimitrovski", "Sašo Petrovski", "Toni Ilievski"],
    "RS": ["Goran Petrović", "Dragan Marković", "Милош Јовановић", "Небојша Илић", "Saša Đorđević",
           "Vladimir Stanković", "Marko Nikolić", "Ivan Pavlović", "Dušan Kovačević", "Stefan Popović",
           "Nenad Živković"],
    "BA": ["Emir Hodžić", "Adnan Begić", "Haris Mehmedović", "Mirza Kovač", "Jasmin Hasanović",
           "Senad Delić", "Dino Salihović", "Amel Softić", "Kenan Alić", "Edin Mujić", "Almir Ibrahimović"],
}
leaders = {"AL": "Dritan Hoxha", "MK": "Zoran Stojanovski", "RS": "Милош Јовановић", "BA": "Emir Hodžić"}
brokers = [("Arben Krasniqi", "AL"), ("Goran Petrović", "MK"), ("Dragan Marković", "BA")]

rows = []
for cc, people in cells.items():
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            if rng.random() < 0.35:
                rows.append((a, b, rng.randint(1, 40)))
    for p in people:  # everyone talks to their cell leader
        if p != leaders[cc] and rng.random() < 0.6:
            rows.append((p, leaders[cc], rng.randint(5, 60)))
# brokers reach into the neighbouring cell
for broker, other in brokers:
    for p in rng.sample(cells[other], 4):
        if p != broker:
            rows.append((broker, p, rng.randint(3, 30)))
# the organiser calls each cell leader
for cc, leader in leaders.items():
    if leader != "Ilir Hoxha":
        rows.append(("Ilir Hoxha", leader, rng.randint(10, 50)))
rng.shuffle(rows)

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["caller", "callee", "calls"])
for a, b, n in rows:
    w.writerow([a, b, n])
# A few bad rows, as every real export has: they are reported, not lost.
sys.stdout.write("Besnik Gashi,,3\n")                 # empty callee
sys.stdout.write("Erion Shehu,Artan Leka,three\n")    # calls is not a number
sys.stdout.write("Toni Ilievski,Igor Jovanovski\n")   # a field missing
