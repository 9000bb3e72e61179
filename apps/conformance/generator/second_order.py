"""kind `second-order`: SciPy minimize / least_squares(method='lm') on the MGH problems.

`reference` is SciPy's own result: minimize is given f and its exact gradient (Newton-CG
and trust-ncg also the exact Hessian); least_squares is given r and its exact Jacobian.
For lm, `fun` is 2·cost = sum r_i^2 and `nit` is null. Every lm case is followed by a
`gauss-newton` case with the same problem, x0, options and reference (SCHEMA.md).

Cases: the variable-dimension problems at other n from the standard x0, and every problem
from 10·x0 and 100·x0 (the paper's suggestion; none for watson, whose x0 is 0) where
SciPy's lm converges from there. A case is dropped when its result is not finite, or when
re-running it with derivatives rounded differently does not pass against it (a run that
ends away from a minimum can hang on one rounding; such a case would test luck).
"""
import warnings

import numpy as np
from scipy.optimize import least_squares, minimize

from common import is_finite_tree, scipy_source
from mgh import Problem, check_derivatives

KIND = "second-order"
SOURCE = scipy_source()

METHODS = ("Newton-CG", "BFGS", "L-BFGS-B", "CG", "trust-ncg", "lm")


def default_options(method, n):
    """The public cases' options: maxiter 200·n, max_nfev 100·n."""
    if method == "Newton-CG":
        return {"xtol": 1e-9, "maxiter": 200 * n}
    if method in ("BFGS", "CG"):
        return {"gtol": 1e-7, "maxiter": 200 * n}
    if method == "L-BFGS-B":
        return {"ftol": 1e-12, "gtol": 1e-7, "maxcor": 10, "maxiter": 15000, "maxfun": 15000}
    if method == "trust-ncg":
        return {"gtol": 1e-8, "maxiter": 200 * n}
    if method in ("lm", "gauss-newton"):
        return {"ftol": 1e-10, "xtol": 1e-10, "gtol": 1e-10, "max_nfev": 100 * n}
    raise ValueError(method)


def solve(problem, method, x0, options):
    x0 = np.asarray(x0, dtype=np.float64)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        if method in ("lm", "gauss-newton"):
            res = least_squares(problem.residuals, x0, jac=problem.jacobian, method="lm", **options)
            return {"x": [float(v) for v in res.x], "fun": float(2 * res.cost), "nit": None,
                    "nfev": int(res.nfev), "njev": int(res.njev), "success": bool(res.success)}
        hess = problem.hess if method in ("Newton-CG", "trust-ncg") else None
        res = minimize(problem.fun, x0, jac=problem.grad, hess=hess, method=method, options=options)
        return {"x": [float(v) for v in res.x], "fun": float(res.fun), "nit": int(res.nit),
                "nfev": int(res.nfev), "njev": int(res.njev), "success": bool(res.success)}


def run_case(spec):
    """Runs the case's inputs (id, method, problem, n, m, x0, options) through SciPy."""
    problem = Problem(spec["problem"], spec["n"])
    if problem.m != spec["m"]:
        raise ValueError(f"{spec['id']}: m = {spec['m']} but {spec['problem']} has m = {problem.m}")
    reference = solve(problem, spec["method"], spec["x0"], spec["options"])
    return dict(spec, reference=reference)


OUTPUT_FIELDS = ("reference",)


# ---------------------------------------------------------------- building the inputs

# Problems at the public n, plus other n for the variable-dimension ones.
CONFIGS = [(name, n) for name, n in [
    ("rosenbrock", 2), ("freudenstein_roth", 2), ("powell_badly_scaled", 2), ("brown_badly_scaled", 2),
    ("beale", 2), ("jennrich_sampson", 2), ("helical_valley", 3), ("bard", 3), ("gaussian", 3),
    ("meyer", 3), ("gulf", 3), ("box3d", 3), ("powell_singular", 4), ("wood", 4),
    ("kowalik_osborne", 4), ("brown_dennis", 4), ("osborne1", 5), ("biggs_exp6", 6), ("osborne2", 11),
    ("watson", 6), ("extended_powell", 4), ("penalty1", 4), ("penalty2", 4), ("variably_dimensioned", 6),
    ("trigonometric", 5), ("brown_almost_linear", 5), ("discrete_boundary", 6), ("discrete_integral", 6),
    ("broyden_tridiagonal", 6), ("broyden_banded", 6), ("linear_full_rank", 5), ("chebyquad", 5),
]]
OTHER_N = [("rosenbrock", 6), ("watson", 9), ("extended_powell", 8), ("penalty1", 10), ("penalty2", 10),
           ("variably_dimensioned", 10), ("trigonometric", 10), ("brown_almost_linear", 10),
           ("discrete_boundary", 10), ("discrete_integral", 10), ("broyden_tridiagonal", 9),
           ("broyden_banded", 9), ("linear_full_rank", 8), ("chebyquad", 7)]
SCALES = (10, 100)


def method_id(method):
    return method.lower()


def specs_for(problem, x0, tag):
    specs = []
    for method in METHODS:
        specs.append({"id": f"{method_id(method)}/{problem.name}-{problem.n}/{tag}", "method": method,
                      "problem": problem.name, "n": problem.n, "m": problem.m,
                      "x0": [float(v) for v in x0], "options": default_options(method, problem.n)})
    return specs


def starting_points(problem):
    """10·x0 and 100·x0 (the paper's suggestion); none for a zero x0 (watson), whose
    multiples are x0 itself."""
    base = np.asarray(problem.standard_x0, dtype=np.float64)
    if not base.any():
        return []
    return [(f"x0*{s}", base * s) for s in SCALES]


def converges(problem, x0):
    """The MGH paper's scaled starts are kept only where SciPy's lm gets there."""
    ref = solve(problem, "lm", x0, default_options("lm", problem.n))
    return ref["success"] and is_finite_tree(ref)


def build_cases(verbose=False):
    cases = []
    for name, n in OTHER_N:
        problem = Problem(name, n)
        check_derivatives(problem, np.asarray(problem.standard_x0) + 0.1)
        cases.extend(finish(problem, specs_for(problem, problem.standard_x0, "x0")))
    for name, n in CONFIGS:
        problem = Problem(name, n)
        for tag, x0 in starting_points(problem):
            if not converges(problem, x0):
                if verbose:
                    print(f"  skip {name}-{n} from {tag}: lm does not converge")
                continue
            cases.extend(finish(problem, specs_for(problem, x0, tag)))
    return cases


def passes(got, reference):
    """SCHEMA.md's rule: f(x) <= reference.fun + 1e-8·max(1, |reference.fun|), and success
    wherever SciPy reported success."""
    bound = reference["fun"] + 1e-8 * max(1.0, abs(reference["fun"]))
    return is_finite_tree(got) and got["fun"] <= bound and (got["success"] or not reference["success"])


def robust(case):
    """The same run with the derivatives rounded differently (mgh.Problem "perturbed") must
    pass against the reference: otherwise the case pins rounding luck, not the method."""
    perturbed = Problem(case["problem"], case["n"], arithmetic="perturbed")
    return passes(solve(perturbed, case["method"], case["x0"], case["options"]), case["reference"])


DROPPED = []


def finish(problem, specs):
    out = []
    for spec in specs:
        case = run_case(spec)
        if not is_finite_tree(case):
            DROPPED.append((spec["id"], "non-finite result"))
            continue
        if not robust(case):
            DROPPED.append((spec["id"], "outcome depends on rounding"))
            continue
        out.append(case)
        if spec["method"] == "lm":
            out.append(dict(case, id=case["id"].replace("lm/", "gauss-newton/", 1), method="gauss-newton"))
    return out


