"""Faithfulness check: regenerate the public cases from their own inputs and compare.

For every case of the public files (apps/conformance/cases/<kind>.json, never modified),
the outputs are dropped, the inputs are run through this generator's `run_case`, and the
regenerated numbers are compared with the public ones: each value's error is
|got - want| / max(1, |want|); integers, booleans, nulls and strings must be equal.
A case "reproduces" when every error is <= 1e-12.

second-order runs SciPy's iterative methods, where one rounding difference in a
derivative can change an ill-conditioned run's path; for those cases the check also
reports whether the regenerated `fun` passes the schema's rule against the public one.

Usage: /usr/bin/python3 apps/conformance/generator/verify.py [--kind KIND ...] [--cases DIR]
"""
import argparse
import json
import os
import sys

import torch

import autograd
import batchnorm
import init
import optimizer
import scheduler
import second_order
from nadam_fixed import NAdamFixed

MODULES = {m.KIND: m for m in (optimizer, scheduler, batchnorm, autograd, init, second_order)}
HERE = os.path.dirname(os.path.abspath(__file__))
TOLERANCE = 1e-12


def differences(got, want, path=""):
    """Yields (path, error) for numbers and (path, None) for any structural mismatch."""
    if isinstance(want, bool) or want is None or isinstance(want, str):
        if got != want:
            yield path, None
    elif isinstance(want, (int, float)):
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            yield path, None
        elif isinstance(want, int) and isinstance(got, int) and got != want:
            yield path, None
        else:
            yield path, abs(got - want) / max(1.0, abs(want))
    elif isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            yield path, None
        else:
            for i, (g, w) in enumerate(zip(got, want)):
                yield from differences(g, w, f"{path}[{i}]")
    elif isinstance(want, dict):
        if not isinstance(got, dict) or set(got) != set(want):
            yield path, None
        else:
            for k in want:
                yield from differences(got[k], want[k], f"{path}.{k}")


def inputs_of(module, case):
    spec = {k: v for k, v in case.items() if k not in module.OUTPUT_FIELDS}
    if module.KIND == "second-order" and case["method"] == "gauss-newton":
        spec["method"] = "lm"  # a gauss-newton case holds its lm twin's reference
    if module.KIND == "autograd" and case["op"] == "hvp":
        spec.update(output=None, grads=None)
    if module.KIND == "batchnorm":
        spec["calls"] = [{"mode": c["mode"], "x": c["x"], "dy": c["dy"]} for c in case["calls"]]
    return spec


def outputs_of(module, case):
    if module.KIND == "batchnorm":
        return case["calls"]
    return {k: case[k] for k in module.OUTPUT_FIELDS if k in case}


def verify_kind(kind, cases_dir):
    module = MODULES[kind]
    path = os.path.join(cases_dir, f"{kind}.json")
    with open(path) as f:
        public = json.load(f)["cases"]
    reproduced, worst, failures = 0, 0.0, []
    for case in public:
        regenerated = module.run_case(inputs_of(module, case))
        if kind == "second-order" and case["method"] == "gauss-newton":
            regenerated = dict(regenerated, method="gauss-newton")
        diffs = list(differences(regenerated, case))
        structural = [p for p, e in diffs if e is None]
        error = max([e for _, e in diffs if e is not None], default=0.0)
        if not structural and error <= TOLERANCE:
            reproduced += 1
            worst = max(worst, error)
        else:
            failures.append((case, regenerated, structural, error))
    print(f"{kind}: {reproduced} of {len(public)} public cases reproduced within {TOLERANCE:g} "
          f"(largest error among them {worst:.3g})")
    for case, regenerated, structural, error in failures:
        detail = f"fields differ: {structural[:4]}" if structural else f"largest error {error:.3g}"
        if kind == "second-order":
            detail += second_order_note(regenerated["reference"], case["reference"])
        print(f"  not reproduced: {case['id']}: {detail}")
    return reproduced, len(public)


def second_order_note(got, want):
    bound = want["fun"] + 1e-8 * max(1.0, abs(want["fun"]))
    passes = got["fun"] <= bound and (got["success"] or not want["success"])
    counts = ", ".join(f"{k} {got[k]} vs {want[k]}" for k in ("nit", "nfev", "njev", "success") if got[k] != want[k])
    return (f"; fun {got['fun']:.6g} vs public {want['fun']:.6g} "
            f"({'passes' if passes else 'FAILS'} the schema rule against it){'; ' + counts if counts else ''}")


def verify_nadam():
    """NAdamFixed("torch-1.13") must equal torch.optim.NAdam bit for bit, and "torch-2.0"
    must agree with "fixed" to rounding."""
    def trajectory(make):
        torch.manual_seed(0)
        a = torch.randn(6, 6)
        a = a @ a.T / 6 + torch.eye(6)
        p = torch.nn.Parameter(torch.randn(6))
        opt = make([p])
        out = []
        for _ in range(40):
            p.grad = (a @ p - 1 + 0.1 * p ** 3).detach()
            opt.step()
            out.append(p.detach().clone())
        return torch.stack(out)

    kwargs = dict(lr=0.05, betas=(0.85, 0.99), weight_decay=0.01, momentum_decay=0.01)
    torch_113 = trajectory(lambda ps: torch.optim.NAdam(ps, **kwargs))
    ours_113 = trajectory(lambda ps: NAdamFixed(ps, variant="torch-1.13", **kwargs))
    fixed = trajectory(lambda ps: NAdamFixed(ps, **kwargs))
    torch_20 = trajectory(lambda ps: NAdamFixed(ps, variant="torch-2.0", **kwargs))
    same = torch.equal(torch_113, ours_113)
    drift = (fixed - torch_20).abs().max().item()
    fix_size = (fixed - torch_113).abs().max().item()
    print(f"nadam: torch-1.13 variant equals torch.optim.NAdam bit for bit: {same}; "
          f"fixed vs torch-2.0 arithmetic: {drift:.3g}; fixed vs buggy 1.13: {fix_size:.3g}")
    return same


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kind", action="append", choices=sorted(MODULES))
    parser.add_argument("--cases", default=os.path.join(HERE, "..", "cases"))
    args = parser.parse_args()
    kinds = args.kind or list(MODULES)
    ok = True
    if "optimizer" in kinds:
        ok = verify_nadam() and ok
    for kind in kinds:
        reproduced, total = verify_kind(kind, args.cases)
        ok = ok and (reproduced == total or kind == "second-order")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
