# SPDX-License-Identifier: GPL-3.0-or-later
"""Step timing and JSON-lines output for the Python bench peers.

The same record format as bench/bench_util.h: one JSON object per line,
"type" = "step" | "skip" | "info" | "warning". wall_s is time.perf_counter,
cpu_s is time.process_time (all threads of the process), peak_rss_kb is the
resident high-water mark during the step (reset through
/proc/self/clear_refs before the step when the kernel allows it).
"""

import argparse
import atexit
import json
import sys
import time


def _status_kb(field):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def _reset_hwm():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


class Bench:
    """Steps are written when the next record starts or the program ends,
    so that results (sums, top entities) can be added to a step's record
    after its timed block: ``with b.step("x") as s: ...`` then
    ``s.extra.update(...)``."""

    def __init__(self, tool):
        self.tool = tool
        self.pending = None
        self.max_hwm_kb = 0   # peak RSS of the process across the HWM resets
        atexit.register(self.close)

    def note_hwm(self, kb):
        self.max_hwm_kb = max(self.max_hwm_kb, kb)

    def close(self):
        """Writes the last step and the process's true peak RSS (resetting
        VmHWM also lowers the ru_maxrss the parent sees)."""
        self.flush()
        self.note_hwm(_status_kb("VmHWM"))
        self._write({"type": "info", "process_peak_rss_kb": self.max_hwm_kb})

    def flush(self):
        p, self.pending = self.pending, None
        if p is not None:
            rec = dict(p.rec)
            rec.update(p.extra)
            self._write(rec)

    def emit(self, rec):
        self.flush()
        self._write(rec)

    def _write(self, rec):
        rec = dict(rec)
        rec.setdefault("tool", self.tool)
        sys.stdout.write(json.dumps(rec) + "\n")
        sys.stdout.flush()

    def info(self, **kw):
        self.emit(dict(type="info", **kw))

    def skip(self, step, reason):
        self.emit({"type": "skip", "step": step, "reason": reason})

    def warning(self, message):
        self.emit({"type": "warning", "message": message})

    def step(self, name):
        self.flush()
        return _Step(self, name)


class _Step:
    def __init__(self, bench, name):
        self.bench = bench
        self.name = name
        self.extra = {}

    def __enter__(self):
        sys.stdout.flush()
        self.bench.note_hwm(_status_kb("VmHWM"))
        self.rss_reset = _reset_hwm()
        self.cpu0 = time.process_time()
        self.wall0 = time.perf_counter()
        return self

    def __exit__(self, exc_type, exc, tb):
        wall = time.perf_counter() - self.wall0
        cpu = time.process_time() - self.cpu0
        if exc_type is not None:
            return False
        self.wall = wall
        peak = _status_kb("VmHWM")
        self.bench.note_hwm(peak)
        self.rec = {"type": "step", "step": self.name, "wall_s": round(wall, 6), "cpu_s": round(cpu, 6),
                    "peak_rss_kb": peak, "rss_kb": _status_kb("VmRSS"),
                    "rss_reset": self.rss_reset}
        self.bench.pending = self
        return False


def top5(scores, keys=None):
    """[[key, value] x 5], highest first, ties by key (as netan sorts)."""
    if keys is None:
        items = scores.items() if isinstance(scores, dict) else enumerate(scores)
    else:
        items = zip(keys, scores)
    best = sorted(items, key=lambda kv: (-kv[1], str(kv[0])))[:5]
    return [[str(k), float(v)] for k, v in best]


def parser(description):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("edges", help="edge list CSV: header, then source,target[,weight]")
    ap.add_argument("--steps", default="all", help="comma-separated steps, or all")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--btw-sources", type=int, default=0,
                    help="betweenness from K sampled sources, scaled (0 = exact)")
    ap.add_argument("--closeness-sources", type=int, default=0,
                    help="closeness of K sampled vertices (0 = all)")
    return ap


def wants(steps, name):
    return steps == "all" or name in steps.split(",")
