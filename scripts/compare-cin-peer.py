#!/usr/bin/env python3
"""Compares Safeguard's CIN census findings with the community validator's, rule by rule.

The community validator (data-to-insight/csc-validator-be-cin) is not shipped: clone it yourself
(see docs/returns/cin-differences.md, "Rerunning the comparison"). It runs with Debian's
python3-pandas and python3-click.

Usage: scripts/compare-cin-peer.py PEER_REPO CENSUS.xml [BUILD_DIR]
Prints, for every rule either side reports, the rule/child pairs both report, only the peer
reports and only Safeguard reports; then the totals. Findings about the file as a whole (no
child) are left out, as the peer reports findings by child.
"""
import collections
import csv
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


def peer_pairs(repo, path):
    sys.path.insert(0, repo)
    from cin_validator.cin_validator import CinValidator, convert_data, process_data
    from cin_validator.rules.cin2025_26 import registry

    data = process_data(convert_data(ET.parse(path).getroot()))
    issues = CinValidator(data, registry).full_issue_df
    return set(zip(issues["rule_code"].astype(str), issues["child_id"].astype(str)))


def our_pairs(build, path):
    r = subprocess.run([os.path.join(build, "safeguard"), "validate", "cin", path, "--format",
                        "csv"], stdout=subprocess.PIPE, text=True)
    if r.returncode > 1:
        sys.exit(f"safeguard validate failed (exit {r.returncode})")
    pairs = set()
    for row in csv.DictReader(io.StringIO(r.stdout)):
        if row["child"] and row["rule"] not in ("XSD", "XML"):
            pairs.add((row["rule"], row["child"]))
    return pairs


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    repo, path = sys.argv[1], sys.argv[2]
    build = sys.argv[3] if len(sys.argv) > 3 else "build"
    peer, ours = peer_pairs(repo, path), our_pairs(build, path)
    rules = collections.defaultdict(lambda: [0, 0, 0])
    for p in peer | ours:
        k = rules[p[0]]
        k[0 if (p in peer and p in ours) else 1 if p in peer else 2] += 1
    print(f"{'rule':8s} {'both':>7s} {'peer only':>10s} {'ours only':>10s}")
    for rule in sorted(rules, key=lambda r: (int("".join(c for c in r if c.isdigit()) or 0), r)):
        both, p, o = rules[rule]
        print(f"{rule:8s} {both:7d} {p:10d} {o:10d}")
    both = len(peer & ours)
    print(f"total: {both} pairs agree, {len(peer - ours)} peer only, {len(ours - peer)} ours only")


if __name__ == "__main__":
    main()
