#!/usr/bin/env python3
"""Generation benchmarks: `safeguard generate` for a large county and for all of England.

Runs the real binary and reports, for each run, the records generated, the wall time, the
throughput (records/s) and the peak memory (maximum resident set size of the process, from
getrusage). Ratios compare runs made here, on this machine, in this run:
  - Kent to files vs Kent into SQLite (what the store costs);
  - England vs Kent: records and peak memory. England is generated council by council, so its
    peak memory stays near that of the largest councils (times the worker threads) while its
    records are some thirty times Kent's.

Usage: scripts/bench-generate.py BUILD_DIR [--quick] [--keep DIR]
  --quick     Kent at a quarter of its volume and England at a fiftieth (a few minutes)
  --keep DIR  write England's files to DIR and leave them (for scripts/bench-cin.py)
"""
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def run(binary, args, label):
    """Runs one generation in a fresh process; returns (records, seconds, peak MiB)."""
    # A wrapper process per run, so that each run's peak memory is its own
    # (RUSAGE_CHILDREN reports the largest of all children waited for).
    code = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE,"
        " text=True)\n"
        "sys.stdout.write(r.stdout)\n"
        "sys.stderr.write(r.stderr[-2000:])\n"
        "print('PEAK_KIB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n"
    )
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-c", code, binary, "generate"] + args,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - start
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(f"bench-generate: {label} failed (exit {r.returncode})")
    # The per-entity table of the command's output: "referral   633773".
    records = sum(int(n) for n in re.findall(r"^[a-z_]+\s+(\d+)$", r.stdout, re.M))
    peak = int(re.search(r"PEAK_KIB (\d+)", r.stdout).group(1)) / 1024
    print(f"  {label:38s} {records:>12,} records {seconds:8.1f} s "
          f"{records / seconds:>10,.0f} records/s   peak {peak:8,.0f} MiB", flush=True)
    return records, seconds, peak


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    quick = "--quick" in sys.argv
    binary = os.path.join(build, "safeguard")
    kent_scale = "0.25" if quick else "1"
    england_scale = "0.02" if quick else "1"
    jobs = os.cpu_count() or 1
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    work = tempfile.mkdtemp(prefix="sgbench-gen-")
    try:
        print(f"generation: 5 reporting years, seed 42, {jobs} worker threads for England"
              + (" (quick: Kent x0.25, England x0.02)" if quick else ""), flush=True)
        common = ["--years", "5", "--seed", "42"]
        kent = run(binary, ["--like", "Kent", "--scale", kent_scale, "--out",
                            os.path.join(work, "kent")] + common,
                   f"Kent x{kent_scale}, returns to files")
        shutil.rmtree(os.path.join(work, "kent"))
        kent_db = run(binary, ["--like", "Kent", "--scale", kent_scale, "--db",
                               os.path.join(work, "kent.db")] + common,
                      f"Kent x{kent_scale}, into SQLite")
        os.remove(os.path.join(work, "kent.db"))
        if keep:
            shutil.rmtree(keep, ignore_errors=True)
        england = run(binary, ["--like", "England", "--scale", england_scale, "--jobs",
                               str(jobs), "--out", keep or os.path.join(work, "england")] + common,
                      f"England x{england_scale}, returns to files")
        print("ratios (same machine, same run):")
        print(f"  Kent throughput, files / SQLite store     "
              f"{(kent[0] / kent[1]) / (kent_db[0] / kent_db[1]):8.2f}")
        print(f"  England / Kent (files): records            {england[0] / kent[0]:8.2f}")
        print(f"  England / Kent (files): peak memory        {england[2] / kent[2]:8.2f}")
        print(f"  England / Kent (files): throughput         "
              f"{(england[0] / england[1]) / (kent[0] / kent[1]):8.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
