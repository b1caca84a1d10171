#!/usr/bin/env python3
"""SSDA903 benchmark: `safeguard validate 903` (read the CSV tables, every 2025/26 rule, CSV
report) on a return of 27,000 children.

The return is the shipped fixture (test/fixtures/ssda903/fixtures: 2,675 children, 5,050
episodes, 12,582 reviews) repeated ten times with each copy's CHILD ids made distinct: 26,750
children, 50,500 episodes, 125,820 reviews, with the fixture's faults (about 1.4 million
findings' worth of rows to report). Target: under 0.5 seconds and 500 MiB.

The time is the median of five runs, against a baseline measured in the same run on the same
files: Python's csv module reading every table into lists (the first step of any validator,
with no rules and no report). Peak memory is the process's maximum resident set size.

Usage: scripts/bench-903.py BUILD_DIR
"""
import csv
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "test", "fixtures", "ssda903", "fixtures")
COPIES = 10


def timed(cmd):
    """Runs cmd in a wrapper that reports the peak memory of cmd alone and its time (measured
    in the wrapper, so the wrapper's own start-up is not counted); (seconds, MiB, rc)."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.monotonic()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "t = time.monotonic() - t\n"
        "sys.stderr.write(r.stderr.decode()[-500:] if r.returncode > 1 else '')\n"
        "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n"
    )
    r = subprocess.run([sys.executable, "-c", code] + cmd, stdout=subprocess.PIPE, text=True)
    seconds, kib = r.stdout.split() if r.stdout.strip() else ("0", "0")
    return float(seconds), int(kib) / 1024, r.returncode


def replicate(out):
    """Writes the fixture's tables COPIES times over, CHILD ids suffixed per copy."""
    counts = {}
    for path in sorted(glob.glob(os.path.join(FIXTURES, "*.csv"))):
        name = os.path.basename(path)
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        child = [h.strip().upper() for h in header].index("CHILD")
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for k in range(COPIES):
                for row in body:
                    row = list(row)
                    row[child] = f"{row[child]}-{k}"
                    w.writerow(row)
        counts[name] = len(body) * COPIES
    return counts


def read_all(directory):
    for path in glob.glob(os.path.join(directory, "*.csv")):
        with open(path, newline="", encoding="utf-8-sig") as f:
            list(csv.reader(f))


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    binary = os.path.join(build, "safeguard")
    root = tempfile.mkdtemp(prefix="sgbench-903-")
    work = os.path.join(root, "tables")
    report = os.path.join(root, "report.csv")  # outside the tables' folder
    os.mkdir(work)
    try:
        counts = replicate(work)
        print(f"SSDA903 validation (read 12 tables + every 2025/26 rule + CSV report): "
              f"{counts['header.csv']:,} children, {counts['episodes.csv']:,} episodes, "
              f"{counts['reviews.csv']:,} reviews", flush=True)
        cmd = [binary, "validate", "903", work, "--year", "2025-26", "--format", "csv",
               "--out", report]
        runs = [timed(cmd) for _ in range(5)]
        for _, _, rc in runs:
            if rc > 1:
                sys.exit(f"bench-903: validate failed (exit {rc})")
        t = statistics.median(s for s, _, _ in runs)
        peak = max(m for _, m, _ in runs)
        with open(report, newline="") as f:
            findings = sum(1 for _ in f) - 1
        base = []
        for _ in range(5):
            start = time.monotonic()
            read_all(work)
            base.append(time.monotonic() - start)
        tb = statistics.median(base)
        print(f"  validate {t:6.3f} s   peak {peak:6,.0f} MiB   {findings:,} report rows   "
              f"Python csv reading the tables only {tb:6.3f} s   ratio {t / tb:5.2f}   "
              f"(targets: 0.5 s, 500 MiB: {'met' if t < 0.5 and peak < 500 else 'NOT met'})",
              flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
