"""Writes the project's own reference cases, generated-<kind>.json, in descent-conformance/1.

Usage (from the repository root):
  /usr/bin/python3 apps/conformance/generator/generate.py --out apps/conformance/cases
  /usr/bin/python3 apps/conformance/generator/generate.py --out apps/conformance/cases --kind optimizer
Deterministic: every random input comes from a fixed seed, so a rerun writes the same files.
"""
import argparse
import json
import os
import sys
import time

import autograd
import batchnorm
import init
import optimizer
import scheduler
import second_order
from common import write_case_file

MODULES = {m.KIND: m for m in (optimizer, scheduler, batchnorm, autograd, init, second_order)}


def public_ids(out_dir, kind):
    """Ids of the public file of this kind, if present: a generated id must not repeat one."""
    path = os.path.join(out_dir, f"{kind}.json")
    if not os.path.exists(path):
        return set()
    with open(path) as f:
        return {c["id"] for c in json.load(f)["cases"]}


def generate(kind, out_dir):
    module = MODULES[kind]
    started = time.time()
    cases = module.build_cases()
    clashes = public_ids(out_dir, kind) & {c["id"] for c in cases}
    if clashes:
        raise ValueError(f"generated {kind} ids repeat public ones: {sorted(clashes)}")
    path = os.path.join(out_dir, f"generated-{kind}.json")
    size = write_case_file(path, kind, module.SOURCE, cases)
    print(f"{path}: {len(cases)} cases, {size / 1000:.0f} kB, {time.time() - started:.0f} s")
    dropped = getattr(module, "DROPPED", [])
    if dropped:
        print(f"  dropped or shortened {len(dropped)} candidate cases:")
        for case_id, why in dropped:
            print(f"    {case_id}: {why}")


def main():
    parser = argparse.ArgumentParser(description="Generate reference cases from torch / SciPy.")
    parser.add_argument("--out", required=True, help="directory for generated-<kind>.json")
    parser.add_argument("--kind", action="append", choices=sorted(MODULES),
                        help="only this kind (repeatable); default: every kind")
    args = parser.parse_args()
    for kind in args.kind or list(MODULES):
        generate(kind, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
