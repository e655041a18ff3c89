#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Chart benchmark (issue 5, "Speed"): netan's chart against Graphviz itself.

For call graphs of 500, 2,000 and 10,000 phones (bench/gen_workload.py's
generator: heavy-tailed degrees, planted communities, 5 links per phone),
in one run:

  netan chart      `netan chart EDGES.csv -o x.svg --size-by degree`, end to
                   end (ingest, view, Louvain for the colours, degree, DOT
                   build, netan-render), as an analyst runs it
  netan chart .dot the same with `-o x.dot`: everything but the render
  chart_dot        bench/chart_dot.c: the same library calls, each timed
                   alone; its chart_dot step is the DOT build
                   (netan_chart_new)
  netan-render     the render alone: `netan-render -T svg -I ICONS < x.dot`,
                   the program and arguments netan runs, on netan's DOT
  Graphviz         `ENGINE -Tsvg -Gimagepath=ICONS x.dot` on the very same
                   DOT, ENGINE the one the DOT names (neato up to 1,000
                   nodes, sfdp above) — the reference the issue's ≤ 20%
                   overhead is measured against; and the other engine for
                   reference (sfdp at 500, neato at 2,000; a copy of the DOT
                   with only its layout attribute changed)

each on a default chart (legend, title block and footer; the page is as
large as the layout needs) and an A3 landscape page (`--page A3
--landscape`: the network is scaled to the page). Runs are interleaved and
rotated; wall, CPU (user + system, children included) and peak RSS come
from GNU /usr/bin/time (wait4 without it). Then, once per chart, an
LD_PRELOAD shim (bench/chart_passes.c) times netan-render's Graphviz calls
one by one, and the 2,000-node A3 SVG is checked for legibility (printed
label size; overlapping node shapes).

Writes CHARTS.md and charts.json into --outdir (default: bench/). Asserts
no timing. Usage:
  /usr/bin/python3 bench/chart_bench.py [--builddir _build] [--repeats 3]
      [--repeats-10k 1] [--sizes 500,2000,10000] [--outdir DIR] [--workdir DIR]
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_workload  # noqa: E402

SIZES = {500: "charts-500", 2000: "charts-2k", 10000: "charts-10k"}
LINKS_PER_NODE = 5
VARIANTS = {"default": [], "A3": ["--page", "A3", "--landscape"]}
A3_LANDSCAPE_PT = (420 / 25.4 * 72, 297 / 25.4 * 72)
GNU_TIME = "/usr/bin/time"


def log(*a):
    print("chart_bench:", *a, file=sys.stderr, flush=True)


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return [float(x) for x in f.read().split()[:3]]
    except OSError:
        return None


# ------------------------------------------------------------------ machine
def machine_info():
    cpu, mem = "", 0
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name") and not cpu:
                    cpu = line.split(":", 1)[1].strip()
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {"cpu_model": cpu or platform.processor(), "logical_cpus": os.cpu_count(),
            "memory_gib": round(mem / 2 ** 30, 1), "kernel": platform.release()}


def first_line(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        s = (r.stdout or r.stderr).strip()
        return s.splitlines()[0] if s else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def git_revision():
    try:
        rev = subprocess.run(["git", "-C", SRCDIR, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", SRCDIR, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
        return (rev or "no commit") + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "not a git checkout"


def makefile_var(builddir, name):
    try:
        with open(os.path.join(builddir, "Makefile")) as f:
            for line in f:
                m = re.match(r"^%s = ?(.*)$" % re.escape(name), line.rstrip("\n"))
                if m:
                    return m.group(1).strip()
    except OSError:
        pass
    return ""


def pkg(*args):
    return subprocess.run(["pkg-config", *args], check=True, capture_output=True, text=True).stdout.split()


# ------------------------------------------------------------------ build
def build(builddir, bindir):
    os.makedirs(bindir, exist_ok=True)
    cc = shlex.split(makefile_var(builddir, "CC") or "cc")
    libdir = os.path.join(builddir, "libnetan", ".libs")
    glib_cf = shlex.split(makefile_var(builddir, "GLIB_CFLAGS")) or pkg("--cflags", "glib-2.0")
    glib_lf = shlex.split(makefile_var(builddir, "GLIB_LIBS")) or pkg("--libs", "glib-2.0")
    out = {"chart_dot": os.path.join(bindir, "chart_dot"),
           "chart_passes": os.path.join(bindir, "chart_passes.so")}
    cmds = [
        cc + ["-std=gnu11", "-O2", "-g", "-Wall", "-Wextra", "-I" + HERE, "-I" + os.path.join(SRCDIR, "include"),
              "-I" + os.path.join(builddir, "include")] + glib_cf
        + ["-o", out["chart_dot"], os.path.join(HERE, "chart_dot.c"), "-L" + libdir, "-Wl,-rpath," + libdir,
           "-lnetan"] + glib_lf + ["-lm"],
        cc + ["-std=gnu11", "-O2", "-shared", "-fPIC", "-Wall", "-Wextra"] + pkg("--cflags", "libgvc")
        + ["-o", out["chart_passes"], os.path.join(HERE, "chart_passes.c"), "-ldl"],
    ]
    for argv in cmds:
        r = subprocess.run(argv, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("chart_bench: building failed:\n%s\n%s" % (" ".join(argv), r.stderr))
    return out


# ------------------------------------------------------------------ running
def run_measured(argv, stdin=None, stdout=None, env=None, timeout=3600):
    """Runs @argv under GNU time; returns wall, cpu (user+sys, children
    included), peak RSS (kB: the largest of the process and its waited-for
    children), exit status, stdout text (if not redirected), stderr tail."""
    tf = None
    cmd = list(argv)
    if os.access(GNU_TIME, os.X_OK):
        tf = os.path.join(os.environ.get("TMPDIR", "/tmp"), "chart_bench.time.%d" % os.getpid())
        cmd = [GNU_TIME, "-o", tf, "-f", "%e %U %S %M"] + cmd
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    fout = open(stdout, "wb") if stdout else subprocess.PIPE
    la0 = loadavg()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=fin, stdout=fout, stderr=subprocess.PIPE, env=env)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
    wall = time.perf_counter() - t0
    for f in (fin, fout):
        if hasattr(f, "close"):
            f.close()
    rec = {"argv": argv, "status": p.returncode, "wall_s": round(wall, 4), "load_before": la0}
    if tf and os.path.exists(tf):
        with open(tf) as f:
            parts = f.read().split()
        os.unlink(tf)
        try:
            e, u, s, m = (float(x) for x in parts[-4:])
            rec.update(cpu_s=round(u + s, 3), peak_rss_kb=int(m))
        except ValueError:
            pass
    if "cpu_s" not in rec:  # no GNU time: wait4 through the resource module of this process
        rec["cpu_s"] = None
    if p.returncode != 0:
        rec["stderr"] = (err or b"").decode(errors="replace")[-1500:]
    if out is not None and not stdout:
        rec["stdout"] = out.decode(errors="replace")
    return rec


def med(runs, key):
    xs = [r[key] for r in runs if r.get(key) is not None and r["status"] == 0]
    if not xs:
        return None
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "n": len(xs)}


# ------------------------------------------------------------------ SVG checks
def svg_legibility(svg_path, page_pt=None):
    """Printed font size of node labels and overlapping node shapes."""
    tree = ET.parse(svg_path)
    root = tree.getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    width_pt = float(re.match(r"[\d.]+", root.get("width")).group(0))
    height_pt = float(re.match(r"[\d.]+", root.get("height")).group(0))
    g0 = root.find("s:g", ns)
    m = re.search(r"scale\(([\d.eE+-]+)(?:[ ,]+([\d.eE+-]+))?\)", g0.get("transform", ""))
    scale_written = float(m.group(1)) if m else 1.0
    vb = [float(x) for x in root.get("viewBox").split()]
    # Graphviz prints the scale with few digits ("0.1"); the translation is
    # the drawing's height in layout units, so viewBox height / it is exact
    t = re.search(r"translate\(([\d.eE+-]+)[ ,]+([\d.eE+-]+)\)", g0.get("transform", ""))
    scale = vb[3] / float(t.group(2)) if t and float(t.group(2)) > 0 else scale_written
    # one SVG user unit is width_pt / viewBox width points on paper (Graphviz: 1)
    unit_pt = width_pt / vb[2] if vb[2] else 1.0
    shapes, sizes = [], []
    for g in g0.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("class") != "node" or not (g.get("id") or "").startswith("entity"):
            continue
        for t in g.iter("{http://www.w3.org/2000/svg}text"):
            if t.get("font-size"):
                sizes.append(float(t.get("font-size")))
        el = next(iter(g.iter("{http://www.w3.org/2000/svg}ellipse")), None)
        if el is not None:
            shapes.append(("e", float(el.get("cx")), float(el.get("cy")), float(el.get("rx")), float(el.get("ry"))))
            continue
        poly = next(iter(g.iter("{http://www.w3.org/2000/svg}polygon")), None)
        if poly is not None:
            pts = [tuple(map(float, p.split(","))) for p in poly.get("points").split()]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            shapes.append(("b", (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2,
                           (max(xs) - min(xs)) / 2, (max(ys) - min(ys)) / 2))

    def inside(p, s):
        kind, cx, cy, rx, ry = s
        dx, dy = (p[0] - cx) / rx, (p[1] - cy) / ry
        return dx * dx + dy * dy < 1 - 1e-9 if kind == "e" else abs(dx) < 1 - 1e-9 and abs(dy) < 1 - 1e-9

    def boundary(s, k=96):
        kind, cx, cy, rx, ry = s
        if kind == "e":
            return [(cx + rx * math.cos(2 * math.pi * i / k), cy + ry * math.sin(2 * math.pi * i / k)) for i in range(k)]
        q = k // 4
        pts = []
        for i in range(q):
            f = -1 + 2 * i / q
            pts += [(cx + f * rx, cy - ry), (cx + rx, cy + f * ry), (cx - f * rx, cy + ry), (cx - rx, cy - f * ry)]
        return pts

    order = sorted(range(len(shapes)), key=lambda i: shapes[i][1] - shapes[i][3])
    bbox_pairs, overlaps = 0, []
    for a_i, a in enumerate(order):
        sa = shapes[a]
        for b in order[a_i + 1:]:
            sb = shapes[b]
            if sb[1] - sb[3] >= sa[1] + sa[3]:
                break
            if abs(sa[2] - sb[2]) >= sa[4] + sb[4]:
                continue
            bbox_pairs += 1
            if (inside((sb[1], sb[2]), sa) or inside((sa[1], sa[2]), sb)
                    or any(inside(p, sb) for p in boundary(sa)) or any(inside(p, sa) for p in boundary(sb))):
                overlaps.append((a, b))
    fs = statistics.median(sizes) if sizes else None
    printed = fs * scale * unit_pt if fs else None
    if page_pt:
        # the SVG's own size is the page; if a viewer fits it to paper of @page_pt, scale again
        fit = min(page_pt[0] / width_pt, page_pt[1] / height_pt)
    else:
        fit = 1.0
    return {"svg": os.path.basename(svg_path), "svg_width_pt": width_pt, "svg_height_pt": height_pt,
            "transform_scale_written": scale_written, "transform_scale": round(scale, 5),
            "node_label_font_size": fs,
            "node_label_font_sizes": sorted(set(sizes)),
            "printed_label_pt": round(printed, 3) if printed else None,
            "fit_to_page_factor": round(fit, 4),
            "printed_label_pt_fitted": round(printed * fit, 3) if printed else None,
            "node_shapes": len(shapes), "bbox_overlapping_pairs": bbox_pairs,
            "overlapping_shape_pairs": len(overlaps)}


# ------------------------------------------------------------------ the run
class Bench:
    def __init__(self, a):
        self.a = a
        self.builddir = os.path.abspath(a.builddir)
        self.netan = os.path.join(self.builddir, "netan")
        self.render = os.path.join(self.builddir, "netan-render")
        for p in (self.netan, self.render):
            if not os.access(p, os.X_OK):
                sys.exit("chart_bench: no %s: build netan first (bench/README.md)" % p)
        self.icons = os.path.join(SRCDIR, "libnetan", "chart", "icons")
        self.work = os.path.abspath(a.workdir)
        os.makedirs(os.path.join(self.work, "out"), exist_ok=True)
        self.bins = build(self.builddir, os.path.join(self.work, "bin"))
        self.env = dict(os.environ, NETAN_RENDER=self.render, NETAN_ICON_DIR=self.icons,
                        SOURCE_DATE_EPOCH="1764288000", LC_ALL="C.UTF-8")

    def out(self, name):
        return os.path.join(self.work, "out", name)

    def workload(self, n):
        name = SIZES[n]
        gen_workload.WORKLOADS[name] = {"kind": "graph", "n": n, "m": LINKS_PER_NODE * n}
        man = gen_workload.ensure(self.work, name, self.a.seed)
        return os.path.join(self.work, man["files"]["edges"]), man

    def prepare_dot(self, csv, tag, variant, n):
        dot = self.out("%s.%s.netan.dot" % (tag, variant))
        r = run_measured([self.netan, "chart", csv, "-o", dot, "--size-by", "degree"] + VARIANTS[variant],
                         env=self.env)
        if r["status"] != 0:
            sys.exit("chart_bench: netan chart -o %s failed: %s" % (dot, r.get("stderr")))
        with open(dot) as f:
            text = f.read()
        engine = re.search(r"\blayout=(\w+)", text).group(1)
        other = "sfdp" if engine == "neato" else "neato"
        alt = None
        if other == "sfdp" or n <= self.a.neato_max:
            alt = self.out("%s.%s.%s.dot" % (tag, variant, other))
            with open(alt, "w") as f:
                f.write(re.sub(r"\blayout=%s\b" % engine, "layout=" + other, text, count=1))
        return dot, engine, other, alt

    def tools(self, csv, tag, variant, dot, engine, other, alt):
        v = VARIANTS[variant]
        t = {
            "netan_chart": ([self.netan, "chart", csv, "-o", self.out("%s.%s.netan.svg" % (tag, variant)),
                             "--size-by", "degree"] + v, {}),
            "netan_chart_dot": ([self.netan, "chart", csv, "-o", self.out("%s.%s.only.dot" % (tag, variant)),
                                 "--size-by", "degree"] + v, {}),
            "chart_dot": ([self.bins["chart_dot"], csv] + v, {}),
            "netan_render": ([self.render, "-T", "svg", "-I", self.icons],
                             {"stdin": dot, "stdout": self.out("%s.%s.render.svg" % (tag, variant))}),
            "graphviz": ([engine, "-Tsvg", "-Gimagepath=" + self.icons, dot,
                          "-o", self.out("%s.%s.%s.svg" % (tag, variant, engine))], {}),
        }
        if alt and variant == "default":
            t["graphviz_other"] = ([other, "-Tsvg", "-Gimagepath=" + self.icons, alt,
                                    "-o", self.out("%s.%s.%s.svg" % (tag, variant, other))], {})
        return t

    def profile(self, dot, tag, variant):
        logf = self.out("%s.%s.passes.jsonl" % (tag, variant))
        if os.path.exists(logf):
            os.unlink(logf)
        env = dict(self.env, LD_PRELOAD=self.bins["chart_passes"], CHART_PASSES_LOG=logf)
        r = run_measured([self.render, "-T", "svg", "-I", self.icons], stdin=dot,
                         stdout=self.out("%s.%s.profile.svg" % (tag, variant)), env=env)
        calls = []
        if os.path.exists(logf):
            with open(logf) as f:
                calls = [json.loads(x) for x in f if x.strip()]
        passes = {}

        def add(key, c):
            d = passes.setdefault(key, {"wall_s": 0.0, "cpu_s": 0.0})
            d["wall_s"] += c["wall_s"]
            d["cpu_s"] += c["cpu_s"]
            if c.get("peak_rss_kb") is not None:  # the process's peak RSS when the call returned
                d["peak_rss_after_kb"] = max(d.get("peak_rss_after_kb", 0), c["peak_rss_kb"])
        layouts = [c for c in calls if c["call"] == "gvLayout"]
        for c in calls:
            if c["call"] == "gvContext":
                add("gvContext (plugins)", c)
            elif c["call"] == "agmemread":
                add("parse DOT (agmemread)", c)
            elif c["call"] == "gvLayout" and c["graph"] == "measure":
                add("measure page items (dot layout)", c)
            elif c["call"] == "gvLayout" and c is layouts[-1] and len(layouts) > 2:
                add("second pass: place page items (neato -n2)", c)
            elif c["call"] == "gvLayout":
                add("network layout (%s)" % c["engine"], c)
            elif c["call"] == "gvRenderData" and c["engine"] == "dot":
                add("record layout (render to DOT)", c)
            elif c["call"] == "gvRenderData":
                add("render %s" % c["engine"], c)
            elif c["call"] == "gvFreeLayout":
                add("free layouts", c)
            elif c["call"] == "agclose" and c["graph"] in ("netan", "measure"):
                add("close graphs", c)
        # (/usr/bin/time, preloaded too, adds its own tiny "process" line)
        proc = max((c for c in calls if c["call"] == "process"), key=lambda c: c["cpu_s"], default=None)
        if proc:
            inside = sum(d["cpu_s"] for d in passes.values())
            inside_w = sum(d["wall_s"] for d in passes.values())
            passes["netan-render's own code (read, embed icons, write)"] = {
                "wall_s": max(0.0, proc["wall_s"] - inside_w), "cpu_s": max(0.0, proc["cpu_s"] - inside)}
            passes["total (netan-render process)"] = {"wall_s": proc["wall_s"], "cpu_s": proc["cpu_s"]}
            if proc.get("peak_rss_kb") is not None:
                passes["total (netan-render process)"]["peak_rss_after_kb"] = proc["peak_rss_kb"]
        for d in passes.values():
            d["wall_s"], d["cpu_s"] = round(d["wall_s"], 4), round(d["cpu_s"], 4)
        first = ["gvContext (plugins)", "parse DOT (agmemread)", "measure page items (dot layout)"]
        last = ["record layout (render to DOT)", "second pass: place page items (neato -n2)", "render svg",
                "free layouts", "close graphs", "netan-render's own code (read, embed icons, write)",
                "total (netan-render process)"]
        rank = {k: i for i, k in enumerate(first)}
        rank.update({k: 100 + i for i, k in enumerate(last)})
        passes = dict(sorted(passes.items(), key=lambda kv: rank.get(kv[0], 50)))
        return {"status": r["status"], "passes": passes, "load_before": r["load_before"]}

    def profile_graphviz(self, dot, engine, tag, variant):
        """One run of the Graphviz binary with the shim: layout, render, rest."""
        logf = self.out("%s.%s.gv-passes.jsonl" % (tag, variant))
        if os.path.exists(logf):
            os.unlink(logf)
        env = dict(self.env, LD_PRELOAD=self.bins["chart_passes"], CHART_PASSES_LOG=logf)
        r = run_measured([engine, "-Tsvg", "-Gimagepath=" + self.icons, dot,
                          "-o", self.out("%s.%s.gv-profile.svg" % (tag, variant))], env=env)
        calls = []
        if os.path.exists(logf):
            with open(logf) as f:
                calls = [json.loads(x) for x in f if x.strip()]
        out = {}
        names = {"gvLayoutJobs": "network layout (%s)" % engine, "gvRenderJobs": "render svg (to the file)"}
        for c in calls:
            if c["call"] in names:
                out[names[c["call"]]] = {"wall_s": round(c["wall_s"], 4), "cpu_s": round(c["cpu_s"], 4),
                                         "peak_rss_after_kb": c.get("peak_rss_kb")}
        proc = max((c for c in calls if c["call"] == "process"), key=lambda c: c["cpu_s"], default=None)
        if proc:
            out["the rest (start, read and parse the DOT, free)"] = {
                "wall_s": round(max(0.0, proc["wall_s"] - sum(x["wall_s"] for x in out.values())), 4),
                "cpu_s": round(max(0.0, proc["cpu_s"] - sum(x["cpu_s"] for x in out.values())), 4)}
            out["total (%s process)" % engine] = {"wall_s": round(proc["wall_s"], 4),
                                                   "cpu_s": round(proc["cpu_s"], 4),
                                                   "peak_rss_after_kb": proc.get("peak_rss_kb")}
        return {"status": r["status"], "passes": out, "load_before": r["load_before"]}

    def profile_only(self, res):
        """Adds (or redoes) the profiled runs of an earlier charts.json."""
        for s in res["sizes"]:
            for vname, v in s["variants"].items():
                dot = os.path.join(self.work, v["dot"])
                log("%s %s: profiling netan-render and %s" % (s["workload"], vname, v["engine"]))
                v["render_passes"] = self.profile(dot, s["workload"], vname)
                v["graphviz_passes"] = self.profile_graphviz(dot, v["engine"], s["workload"], vname)
        res["profiled"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        res["load_average_profiled"] = loadavg()
        return res

    def run(self):
        a = self.a
        res = {"started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
               "machine": machine_info(), "git_revision": git_revision(),
               "versions": {"graphviz": first_line(["sfdp", "-V"]),
                            "netan": first_line([self.netan, "--version"])},
               "load_average_start": loadavg(), "repeats": a.repeats, "repeats_10k": a.repeats_10k,
               "seed": a.seed, "sizes": []}
        t_start = time.perf_counter()
        for n in a.sizes:
            csv, man = self.workload(n)
            tag = SIZES[n]
            reps = a.repeats_10k if n >= 10000 else a.repeats
            size = {"n": n, "workload": tag, "manifest": {k: man.get(k) for k in (
                "nodes", "edges", "max_degree", "mean_degree", "planted_communities")}, "variants": {}}
            for variant in VARIANTS:
                dot, engine, other, alt = self.prepare_dot(csv, tag, variant, n)
                tools = self.tools(csv, tag, variant, dot, engine, other, alt)
                if n > a.neato_max:
                    tools.pop("graphviz_other", None)
                names = list(tools)
                runs = {k: [] for k in names}
                with open(csv, "rb") as f:  # warm the page cache
                    f.read()
                for rep in range(reps):
                    order = names[rep % len(names):] + names[:rep % len(names)]
                    for k in order:
                        argv, kw = tools[k]
                        log("%s %s run %d/%d: %s" % (tag, variant, rep + 1, reps, k))
                        r = run_measured(argv, env=self.env, **kw)
                        if k == "chart_dot" and r["status"] == 0:
                            steps = [json.loads(x) for x in r.pop("stdout", "").splitlines()
                                     if x.startswith("{")]
                            r["steps"] = {s["step"]: {"wall_s": s["wall_s"], "cpu_s": s["cpu_s"],
                                                      "peak_rss_kb": s["peak_rss_kb"]}
                                          for s in steps if s.get("type") == "step"}
                            r["process_peak_rss_kb"] = next((s["process_peak_rss_kb"] for s in steps
                                                             if "process_peak_rss_kb" in s), None)
                        r.pop("stdout", None)
                        runs[k].append(r)
                        if r["status"] != 0:
                            log("FAILED: %s" % r.get("stderr"))
                summ = {}
                for k in names:
                    summ[k] = {"wall_s": med(runs[k], "wall_s"), "cpu_s": med(runs[k], "cpu_s"),
                               "peak_rss_kb": med(runs[k], "peak_rss_kb")}
                steps = {}
                for s in ("ingest", "view", "louvain", "degree", "chart_dot"):
                    xs = [r["steps"][s] for r in runs["chart_dot"] if r["status"] == 0 and s in r.get("steps", {})]
                    if xs:
                        steps[s] = {key: statistics.median([x[key] for x in xs])
                                    for key in ("wall_s", "cpu_s", "peak_rss_kb")}
                ratios = {}
                g = summ["graphviz"]
                for k in ("netan_chart", "netan_render"):
                    ratios[k] = {key: (summ[k][key]["median"] / g[key]["median"]
                                       if summ[k][key] and g[key] and g[key]["median"] else None)
                                 for key in ("wall_s", "cpu_s", "peak_rss_kb")}
                log("%s %s: profiling netan-render's passes" % (tag, variant))
                prof = self.profile(dot, tag, variant)
                gprof = self.profile_graphviz(dot, engine, tag, variant)
                size["variants"][variant] = {
                    "engine": engine, "other_engine": other if "graphviz_other" in tools else None,
                    "dot": os.path.relpath(dot, self.work), "dot_bytes": os.path.getsize(dot),
                    "repeats": reps, "summary": summ, "chart_dot_steps": steps, "ratios": ratios,
                    "render_passes": prof, "graphviz_passes": gprof, "runs": runs}
            if n == 2000:
                size["legibility_A3"] = svg_legibility(self.out("%s.A3.netan.svg" % tag), A3_LANDSCAPE_PT)
                size["legibility_A3"]["graphviz_same_dot"] = svg_legibility(
                    self.out("%s.A3.%s.svg" % (tag, size["variants"]["A3"]["engine"])))
            res["sizes"].append(size)
        res["duration_s"] = round(time.perf_counter() - t_start, 1)
        res["load_average_end"] = loadavg()
        return res


# ------------------------------------------------------------------ report
def fs(x):
    return "—" if x is None else ("%.3f s" % x if x < 1 else "%.2f s" % x if x < 10 else "%.1f s" % x)


def fmb(kb):
    return "—" if kb is None else "%.0f MB" % (kb / 1024) if kb >= 10240 else "%.1f MB" % (kb / 1024)


def cell(d, key, f):
    s = d.get(key)
    if not s:
        return "failed"
    if s["n"] > 1 and key != "peak_rss_kb":
        return "%s [%s–%s]" % (f(s["median"]), f(s["min"]).replace(" s", ""), f(s["max"]))
    return f(s["median"])


def fr(r):
    return "—" if r is None else "%.2f" % r


LABELS = {
    "netan_chart": "netan chart → SVG (end to end)",
    "netan_chart_dot": "netan chart → DOT only (no render)",
    "chart_dot": "bench/chart_dot (library calls, no render)",
    "netan_render": "netan-render alone (on netan's DOT)",
    "graphviz": "Graphviz {engine} -Tsvg (same DOT)",
    "graphviz_other": "Graphviz {other} -Tsvg (reference)",
}


def verdict(r, limit=1.20):
    if r is None:
        return "no data"
    return "met" if r <= limit else "not met"


def write_md(res, path):
    L = []
    m = res["machine"]
    L += ["# Chart benchmark: netan's chart against Graphviz on the same DOT", "",
          "Issue 5, \"Speed\": *500, 2,000 and 10,000-node charts: time and memory of netan's chart "
          "(DOT build + render) against running Graphviz's `sfdp`/`neato` on the same DOT. Overhead at most "
          "20%.* Generated by `bench/chart_bench.py` (how to run it and what each row is: "
          "bench/README.md, \"Charts\"); every number below is also in `bench/charts.json` with every raw run.",
          "",
          "- **Date**: %s (run took %.0f s)" % (res["started"], res["duration_s"]),
          "- **Machine**: %s, %s logical CPUs, %s GiB, Linux %s" % (m["cpu_model"], m["logical_cpus"],
                                                                   m["memory_gib"], m["kernel"]),
          "- **Load average** (1/5/15 min) at start %s, at end %s — other agents were compiling on this "
          "2-core machine during the run, so wall times are inflated and noisy; CPU times are the steadier "
          "measure (see \"How to read it\")." % (res["load_average_start"], res["load_average_end"]),
          "- **Revision**: %s; %s; %s" % (res["git_revision"], res["versions"]["netan"],
                                          res["versions"]["graphviz"]),
          "- **Runs**: median of %d (10,000 nodes: %d), tools interleaved and rotated per run; "
          "workload seed %d." % (res["repeats"], res["repeats_10k"], res["seed"])]
    if res.get("profiled"):
        L.append("- **Profiled runs** (the pass tables) redone at %s with `--profile-only` (load average "
                 "then %s), after the timed runs." % (res["profiled"], res.get("load_average_profiled")))
    L.append("")
    # summary table
    L += ["## Summary: overhead of netan's chart over Graphviz on the same engine", "",
          "| nodes | page | engine | netan chart CPU | Graphviz CPU | **CPU ratio** | netan chart wall | "
          "Graphviz wall | wall ratio | peak RSS ratio | ≤ 20% CPU | ≤ 20% wall | ≤ 20% memory |",
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in res["sizes"]:
        for vname, v in s["variants"].items():
            sm, r = v["summary"], v["ratios"]["netan_chart"]
            L.append("| %s | %s | %s | %s | %s | **%s** | %s | %s | %s | %s | %s | %s | %s |" % (
                "{:,}".format(s["n"]), "A3 landscape" if vname == "A3" else "as needed", v["engine"],
                fs(sm["netan_chart"]["cpu_s"] and sm["netan_chart"]["cpu_s"]["median"]),
                fs(sm["graphviz"]["cpu_s"] and sm["graphviz"]["cpu_s"]["median"]), fr(r["cpu_s"]),
                fs(sm["netan_chart"]["wall_s"] and sm["netan_chart"]["wall_s"]["median"]),
                fs(sm["graphviz"]["wall_s"] and sm["graphviz"]["wall_s"]["median"]), fr(r["wall_s"]),
                fr(r["peak_rss_kb"]), verdict(r["cpu_s"]), verdict(r["wall_s"]), verdict(r["peak_rss_kb"])))
    L += ["", "Ratios are netan ÷ Graphviz of the medians: 1.00 = the same, 1.20 = the issue's limit "
          "(20% overhead). \"netan chart\" is the whole command an analyst runs (ingest, Louvain for the "
          "colours, degree, DOT build, netan-render); \"Graphviz\" is the engine binary alone on the DOT "
          "netan wrote for that chart, which lays out and renders once.", ""]
    L += verdict_section(res)
    # per size
    for s in res["sizes"]:
        mf = s["manifest"]
        L += ["## %s nodes (%s)" % ("{:,}".format(s["n"]), s["workload"]), "",
              "%s phones, %s links (max degree %s, %s planted communities)." % (
                  "{:,}".format(mf["nodes"]), "{:,}".format(mf["edges"]), mf["max_degree"],
                  mf["planted_communities"]), ""]
        for vname, v in s["variants"].items():
            L += ["### %s — layout %s, %d run%s" % (
                "A3 landscape page (`--page A3 --landscape`)" if vname == "A3" else "Default page",
                v["engine"], v["repeats"], "s" if v["repeats"] > 1 else ""), "",
                  "| what | wall [min–max] | CPU [min–max] | peak RSS | ÷ Graphviz (wall / CPU / RSS) |",
                  "|---|---|---|---|---|"]
            for k, d in v["summary"].items():
                lab = LABELS[k].format(engine=v["engine"], other=v["other_engine"])
                rt = v["ratios"].get(k)
                L.append("| %s | %s | %s | %s | %s |" % (
                    lab, cell(d, "wall_s", fs), cell(d, "cpu_s", fs), cell(d, "peak_rss_kb", fmb),
                    "%s / %s / %s" % (fr(rt["wall_s"]), fr(rt["cpu_s"]), fr(rt["peak_rss_kb"])) if rt else ""))
            st = v["chart_dot_steps"]
            if st:
                L += ["", "Before the render (bench/chart_dot, medians, CPU): " + ", ".join(
                    "%s %s" % (k if k != "chart_dot" else "**DOT build (netan_chart_new)**", fs(x["cpu_s"]))
                    for k, x in st.items()) + "; DOT %s kB." % "{:,}".format(v["dot_bytes"] // 1024)]
            p = v["render_passes"]["passes"]
            if p:
                L += ["", "netan-render's passes (one profiled run, LD_PRELOAD bench/chart_passes.c; \"peak "
                      "RSS after\" is the process's peak resident memory when the pass returned; the icon "
                      "embedding happens between \"render svg\" and \"free layouts\"):", "",
                      "| pass | CPU | wall | peak RSS after |", "|---|---|---|---|"]
                for k, x in p.items():
                    L.append("| %s | %s | %s | %s |" % (k, fs(x["cpu_s"]), fs(x["wall_s"]),
                                                        fmb(x.get("peak_rss_after_kb"))))
                gp = (v.get("graphviz_passes") or {}).get("passes")
                if gp:
                    L += ["", "Graphviz's `%s` binary on the same DOT, profiled the same way:" % v["engine"], "",
                          "| pass | CPU | wall | peak RSS after |", "|---|---|---|---|"]
                    for k, x in gp.items():
                        L.append("| %s | %s | %s | %s |" % (k, fs(x["cpu_s"]), fs(x["wall_s"]),
                                                            fmb(x.get("peak_rss_after_kb"))))
            L.append("")
        if "legibility_A3" in s:
            g = s["legibility_A3"]
            gg = g["graphviz_same_dot"]
            L += ["### Legibility of the 2,000-node A3 chart", "",
                  "Issue 5: \"a 2,000-node chart is legible at A3 (no overlapping node labels)\". Read from "
                  "netan's A3 SVG (`%s`):" % g["svg"], "",
                  "- SVG size %.0f × %.0f pt (A3 landscape is 1191 × 842 pt); Graphviz's transform "
                  "`scale(%g)` (exactly %g: viewBox height ÷ the translation); node labels are set at %s pt, "
                  "so they print at **%s pt** (%s pt × %g)." % (
                      g["svg_width_pt"], g["svg_height_pt"], g["transform_scale_written"], g["transform_scale"],
                      g["node_label_font_size"], g["printed_label_pt"], g["node_label_font_size"],
                      g["transform_scale"]),
                  "- Node shapes: %d; pairs whose bounding boxes overlap: %d; pairs whose shapes "
                  "(ellipses) overlap: **%d**." % (g["node_shapes"], g["bbox_overlapping_pairs"],
                                                   g["overlapping_shape_pairs"]),
                  "- For comparison, Graphviz's own %s on the same DOT (no page: drawn at scale %g): "
                  "%d overlapping shape pairs, labels at %s pt." % (
                      s["variants"]["A3"]["engine"], gg["transform_scale"], gg["overlapping_shape_pairs"],
                      gg["printed_label_pt"]),
                  "- So the issue's literal criterion (no overlapping node labels) holds — overlap "
                  "removal guarantees it. On charts of more than 500 nodes netan labels only the 150 most "
                  "prominent nodes (the others show their icon; doc/charts.md), set at %s pt, so that they "
                  "print at about %.1f pt here; every label at 6 pt would need a scale of %.2f, a drawing "
                  "of %.0f × %.0f pt, %.1f× A3's width. For reading names, chart a focus (ego, community, "
                  "path, connect) or collapse the communities." % (
                      g["node_label_font_size"], g["printed_label_pt"],
                      6.0 / float(g["node_label_font_size"]),
                      6.0 / float(g["node_label_font_size"]) * gg["svg_width_pt"],
                      6.0 / float(g["node_label_font_size"]) * gg["svg_height_pt"],
                      6.0 / float(g["node_label_font_size"]) * gg["svg_width_pt"] / A3_LANDSCAPE_PT[0]), ""]
    L += overhead_section(res)
    L += NOTES
    path_tmp = path + ".tmp"
    with open(path_tmp, "w") as f:
        f.write("\n".join(L) + "\n")
    os.replace(path_tmp, path)
    return L


def verdict_section(res):
    L = ["## Verdict per size (issue 5: overhead at most 20%)", ""]
    for s in res["sizes"]:
        parts = []
        for what, key in (("CPU", "cpu_s"), ("wall", "wall_s"), ("memory", "peak_rss_kb")):
            rs = [v["ratios"]["netan_chart"][key] for v in s["variants"].values()]
            rs = [r for r in rs if r is not None]
            if not rs:
                continue
            ok = all(r <= 1.20 for r in rs)
            parts.append("%s %s (%s)" % (what, "**met**" if ok else "**not met**",
                                         " and ".join("%.2f" % r for r in rs)))
        L.append("- **%s nodes**: %s — ratios for the default page and A3." % (
            "{:,}".format(s["n"]), "; ".join(parts)))
    def span(key):
        rs = [v["ratios"]["netan_chart"][key] for s in res["sizes"] for v in s["variants"].values()
              if v["ratios"]["netan_chart"].get(key) is not None]
        return ("%.2f–%.2f" % (min(rs), max(rs))) if rs else "—"
    L += ["", "*Reading:* netan's chart costs %s× Graphviz's CPU time, %s× its wall time and %s× its "
          "peak memory over these sizes (1.20 is the issue's limit). What netan does before the render "
          "(ingest, Louvain, degree, DOT build) is a small fraction of the layout; netan-render adds "
          "the measuring of the page items, recording the layout (attach_attrs), the second pass that "
          "places the items (neato -n2) and the icon embedding, which streams the SVG through a "
          "temporary file rather than holding copies of it (see \"What netan-render does beyond "
          "Graphviz's one pass\"). At 10,000 nodes the sfdp layout alone varies from run to run by "
          "more than the whole overhead, so a ratio there below 1.00 is noise, not a speed-up." % (
              span("cpu_s"), span("wall_s"), span("peak_rss_kb")), ""]
    return L


def _m(v, tool, key="cpu_s"):
    d = v["summary"].get(tool, {}).get(key)
    return d["median"] if d else None


def overhead_section(res):
    L = ["## Where the overhead goes", "",
         "CPU seconds, medians; Δ = netan − Graphviz on the same DOT. *Before render* is `netan chart -o "
         "x.dot` (process start, ingest, view, Louvain, degree, DOT build, writing the DOT); *netan-render "
         "− Graphviz* is the renderer's extra work on the same DOT; *pipe and rest* is what is left "
         "(starting netan-render, passing the DOT and the SVG through pipes, writing the file). The extra "
         "passes are from the profiled run of netan-render (one run, so a little noisier).", "",
         "| nodes | page | Δ CPU (netan chart − Graphviz) | before render | netan-render − Graphviz | "
         "pipe and rest | measure + record + second pass + own code (profiled) | network layout "
         "(profiled) vs Graphviz binary |",
         "|---|---|---|---|---|---|---|---|"]
    for s in res["sizes"]:
        for vname, v in s["variants"].items():
            nc, nd, nr, g = (_m(v, k) for k in ("netan_chart", "netan_chart_dot", "netan_render", "graphviz"))
            if None in (nc, nd, nr, g):
                continue
            p = v["render_passes"]["passes"]
            extra = sum(p.get(k, {}).get("cpu_s", 0) for k in (
                "measure page items (dot layout)", "record layout (render to DOT)",
                "second pass: place page items (neato -n2)", "netan-render's own code (read, embed icons, write)"))
            lay = next((x["cpu_s"] for k, x in p.items() if k.startswith("network layout")), None)
            gp = (v.get("graphviz_passes") or {}).get("passes") or {}
            glay = next((x["cpu_s"] for k, x in gp.items() if k.startswith("network layout")), None)
            if glay is not None:
                g_l = "%.2f s (its layout call)" % glay
            else:
                g_l = "%.2f s (its whole run)" % g
            L.append("| %s | %s | %+.2f s (%+.0f%%) | %.2f s | %+.2f s | %+.2f s | %.2f s | %s vs %s |" % (
                "{:,}".format(s["n"]), "A3" if vname == "A3" else "default", nc - g, 100 * (nc - g) / g, nd,
                nr - g, nc - nd - nr, extra, "%.2f s" % lay if lay is not None else "—", g_l))
    L += ["", "At 10,000 nodes the medians of separate runs differ by more than the whole overhead, so a "
          "negative Δ and *pipe and rest* there are noise; the profiled columns (the extra passes "
          "measured inside one process) are the reliable view of what netan-render adds.", ""]
    L += ["### Memory", "",
          "Peak resident memory of the netan-render process at each stage of the profiled run (the "
          "peak when the stage returned, so each column is what that stage added on top of the "
          "previous ones), against Graphviz's binary on the same DOT:", "",
          "| nodes | page | Graphviz peak | netan-render after layout | + record (DOT to memory) | "
          "+ SVG rendered to memory | + icon embedding (two more copies of the SVG) | netan-render peak |",
          "|---|---|---|---|---|---|---|---|"]
    for s in res["sizes"]:
        for vname, v in s["variants"].items():
            p = v["render_passes"]["passes"]
            gp = (v.get("graphviz_passes") or {}).get("passes") or {}
            pk = {k: x.get("peak_rss_after_kb") for k, x in p.items()}
            lay = next((x for k, x in pk.items() if k.startswith("network layout")), None)
            rec, sv = pk.get("record layout (render to DOT)"), pk.get("render svg")
            emb = pk.get("free layouts")
            gtot = next((x.get("peak_rss_after_kb") for k, x in gp.items() if k.startswith("total")), None)
            if None in (lay, rec, sv, emb, gtot):
                continue
            sec = pk.get("second pass: place page items (neato -n2)") or rec
            L.append("| %s | %s | %s | %s | +%s | +%s | +%s | %s |" % (
                "{:,}".format(s["n"]), "A3" if vname == "A3" else "default", fmb(gtot), fmb(lay),
                fmb(rec - lay), fmb(sv - sec), fmb(emb - sv),
                fmb(pk.get("total (netan-render process)"))))
    if L[-1].startswith("|---"):
        L[-2:] = ["The stages are not broken down for this run: netan-render now records the layout with "
                  "attach_attrs and streams the SVG with gvRender, calls bench/chart_passes.c does not "
                  "wrap. The peak RSS ratios in the summary and the size sections are the measure."]
    L.append("")
    return L


NOTES = [
    "## How to read it", "",
    "- **Which number is the verdict.** The issue asks for at most 20% overhead. The summary gives it on "
    "CPU time (user + system of the process and its children, from GNU time: what the work costs, "
    "least disturbed by the other jobs on this 2-core machine) and on wall time (what the analyst waits, "
    "but inflated and noisy when the machine is loaded; compare the [min–max] spreads). Where the two "
    "disagree, trust CPU and rerun on a quiet machine for wall.",
    "- **Peak RSS** of `netan chart` is the larger of netan's own peak and netan-render's (GNU time reads "
    "it through wait4, which reports the largest of a process and its waited-for children); "
    "`bench/chart_dot`'s row is netan's own process without the renderer.",
    "- **GNU time counts CPU in 10 ms steps**, so at 500 nodes the small rows are at its resolution.",
    "- **The 10,000-node rows** have as many runs as the header says; with one run there is no spread.",
    "",
    "## What netan-render does beyond Graphviz's one pass", "",
    "Graphviz's `sfdp`/`neato -Tsvg FILE` reads the DOT, lays the network out once and streams the SVG "
    "to the file. `netan chart` does more, and all of it is counted against it here:", "",
    "1. **Before the render**, in netan: ingest the edge list, build the view, run Louvain (the colours), "
    "compute the size measure (degree here: betweenness would dominate everything), build the DOT "
    "(netan_chart_new).",
    "2. **Start netan-render** (a separate program for licensing: libnetan is GPL, Graphviz EPL) and "
    "pipe the DOT to it; netan-render reads it whole and parses it with `agmemread`.",
    "3. **Measure the page items** (legend, title block, footer: HTML-like labels in the graph "
    "attributes `page_right`/`page_bottom`): a tiny `dot` layout of a separate graph.",
    "4. **Lay the network out** with the engine the DOT names — the same call Graphviz's binary makes.",
    "5. **Record the layout**: `attach_attrs(g)` stores every position and edge route as attributes, "
    "then the layout is freed.",
    "6. **Second pass**: place the page items at fixed positions around the network (and the page "
    "corners), and lay the whole graph out again with `neato` in `-n2` mode (keep positions and routes) "
    "— this redoes Graphviz's per-node and per-edge set-up (label sizes, shapes, edge clipping) for the "
    "whole network.",
    "7. **Render the SVG** to a temporary file (`gvRender`), then copy it to the pipe line by line, "
    "with every `<image>` of an icon file replaced by a `<use>` of one `<symbol>` per icon, put in "
    "`<defs>` after the root tag (a self-contained SVG); netan reads it into memory and writes the "
    "file (via a temporary file and rename).",
    "",
    "The SVGs differ for that reason: netan's is a page (network scaled, items around it, icons "
    "embedded), Graphviz's is the bare network at scale 1 with icons referenced by file path.",
    "",
    "## Memory: what was changed after the first run", "",
    "The first run of this benchmark (before commit 6f02f7d) found netan-render's peak at 1.27× (500), "
    "1.44× (2,000) and 1.75× (10,000 nodes) Graphviz's: it recorded the layout by rendering DOT text "
    "into memory, and held the rendered SVG three times while embedding the icons. netan-render now "
    "records the layout with `attach_attrs()` and streams the SVG through a temporary file with the "
    "icons embedded on the way, which brings the ratios to those in the summary above.",
    "",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--builddir", default=os.environ.get("NETAN_BUILDDIR", os.path.join(SRCDIR, "_build")))
    ap.add_argument("--workdir", default=os.path.join(HERE, "work", "charts"))
    ap.add_argument("--outdir", default=HERE)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--repeats-10k", type=int, default=1, dest="repeats_10k")
    ap.add_argument("--sizes", default="500,2000,10000")
    ap.add_argument("--neato-max", type=int, default=2000, dest="neato_max",
                    help="largest chart Graphviz's neato is run on for reference (default 2000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--report-only", metavar="JSON", help="rewrite CHARTS.md from a charts.json")
    ap.add_argument("--profile-only", metavar="JSON",
                    help="redo only the profiled runs of a charts.json (same workdir), then the report")
    a = ap.parse_args()
    a.sizes = [int(x) for x in a.sizes.split(",")]
    for n in a.sizes:
        if n not in SIZES:
            ap.error("sizes are among %s" % ",".join(map(str, SIZES)))
    os.makedirs(a.outdir, exist_ok=True)
    if a.report_only:
        with open(a.report_only) as f:
            res = json.load(f)
    elif a.profile_only:
        with open(a.profile_only) as f:
            res = Bench(a).profile_only(json.load(f))
        with open(os.path.join(a.outdir, "charts.json"), "w") as f:
            json.dump(res, f, indent=1, sort_keys=False)
            f.write("\n")
    else:
        res = Bench(a).run()
        with open(os.path.join(a.outdir, "charts.json"), "w") as f:
            json.dump(res, f, indent=1, sort_keys=False)
            f.write("\n")
    write_md(res, os.path.join(a.outdir, "CHARTS.md"))
    log("wrote %s" % os.path.join(a.outdir, "CHARTS.md"))
    failed = [(s["n"], v, k) for s in res["sizes"] for v, vv in s["variants"].items()
              for k, rr in vv["runs"].items() for r in rr if r["status"] != 0]
    if failed:
        log("failed runs: %s" % failed)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
