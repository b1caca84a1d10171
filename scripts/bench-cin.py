#!/usr/bin/env python3
"""CIN census benchmarks: `safeguard validate cin` (parse, schema, every rule, CSV report).

1. A county-sized census of about 20,000 children, generated here (Kent at 0.65 of its volume,
   one reporting year): the median of three runs. Target: under 1 second.
2. A national census, every council's 2024-25 census from the England generation joined into
   one file (about 940,000 children). Target: under 20 seconds and 4 GiB.

Each run is timed against a baseline measured in the same run on the same file: libxml2's own
`xmllint --stream --schema`, which parses and checks the schema only, with no rules and no
report. Peak memory is the process's maximum resident set size.

Usage: scripts/bench-cin.py BUILD_DIR [--england DIR]   (DIR: files of `generate --like England
  --out DIR`; without it the national run is skipped and says so)
"""
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd):
    """Runs cmd in a wrapper that reports the peak memory of cmd alone; (seconds, MiB, rc)."""
    code = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "sys.stderr.write(r.stderr.decode()[-500:] if r.returncode > 1 else '')\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n"
    )
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-c", code] + cmd, stdout=subprocess.PIPE, text=True)
    return time.monotonic() - start, int(r.stdout.strip() or 0) / 1024, r.returncode


def children(path):
    n = 0
    with open(path, "rb") as f:
        for line in f:
            if line.strip() == b"<Child>":
                n += 1
    return n


def bench(binary, path, label, runs):
    size = os.path.getsize(path) / 2**20
    kids = children(path)
    ours = [timed([binary, "validate", "cin", path, "--format", "csv"]) for _ in range(runs)]
    for _, _, rc in ours:
        if rc > 1:
            sys.exit(f"bench-cin: validate failed on {path} (exit {rc})")
    schema = os.path.join(ROOT, "data", "schemas", "CIN_schema_2025.xsd")
    base = [timed(["xmllint", "--stream", "--noout", "--schema", schema, path])
            for _ in range(runs)]
    t = statistics.median(s for s, _, _ in ours)
    peak = max(m for _, m, _ in ours)
    tb = statistics.median(s for s, _, _ in base)
    print(f"  {label:30s} {kids:>9,} children {size:8.1f} MiB   validate {t:7.2f} s "
          f"peak {peak:7,.0f} MiB   xmllint schema only {tb:7.2f} s   ratio {t / tb:5.2f}",
          flush=True)
    return t, peak


def national(england, out):
    """Joins every council's 2024-25 census into one national file."""
    files = sorted(glob.glob(os.path.join(england, "*", "cin_census_2024-25.xml")))
    if not files:
        return None
    with open(out, "wb") as o:
        first = True
        for path in files:
            with open(path, "rb") as f:
                lines = f.readlines()
            start = lines.index(b"  <Children>\n")
            end = len(lines) - 1 - lines[::-1].index(b"  </Children>\n")
            if first:
                o.writelines(lines[: start + 1])
                first = False
            o.writelines(lines[start + 1:end])
        o.write(b"  </Children>\n</Message>\n")
    return len(files)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    binary = os.path.join(build, "safeguard")
    england = sys.argv[sys.argv.index("--england") + 1] if "--england" in sys.argv else None
    if shutil.which("xmllint") is None:
        sys.exit("bench-cin: xmllint (Debian package libxml2-utils) is missing")
    work = tempfile.mkdtemp(prefix="sgbench-cin-")
    try:
        print("CIN census validation (parse + schema + 109 rules + CSV report)", flush=True)
        subprocess.run([binary, "generate", "--like", "Kent", "--scale", "0.65", "--years", "1",
                        "--seed", "42", "--out", work], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        county = glob.glob(os.path.join(work, "cin_census_*.xml"))[0]
        bench(binary, county, "county (Kent x0.65)", 3)
        if england:
            path = os.path.join(work, "national.xml")
            n = national(england, path)
            if n:
                bench(binary, path, f"national ({n} councils)", 1)
            else:
                print(f"  national: no 2024-25 census files under {england}")
        else:
            print("  national: skipped (no --england DIR)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
