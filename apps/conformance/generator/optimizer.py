"""kind `optimizer`: torch.optim trajectories on quartic / noisy-quartic / rosenbrock objectives.

Every trajectory comes from running the torch 1.13 optimizer class itself (float64), except
NAdam, which runs `nadam_fixed.NAdamFixed` (torch 2.0's bias correction, SCHEMA.md).
The objective's gradient is the closed form SCHEMA.md defines (quartic: Ax - b + 4c x^3;
rosenbrock: the chained sum's gradient); `check_gradient` compares it with torch autograd
for every generated case, and the public cases are reproduced bit for bit with it.
"""
import torch

from common import TORCH_SOURCE, flat, from_json, generator, randn, uniform
from nadam_fixed import NAdamFixed

KIND = "optimizer"
SOURCE = TORCH_SOURCE + " (NAdam: torch>=2.0 bias correction)"
SEEDS = (2024, 7)

# Execution-only flags SCHEMA.md leaves out of `options`.
LEFT_OUT = {"foreach", "differentiable", "capturable", "fused"}
TUPLE_OPTIONS = {"betas", "etas", "step_sizes"}


# ---------------------------------------------------------------- objectives

def objective_value(obj, x):
    if obj["type"] == "rosenbrock":
        return (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum()
    A, b, c = torch.tensor(obj["A"]), torch.tensor(obj["b"]), obj["c"]
    return 0.5 * x @ (A @ x) - b @ x + c * (x ** 4).sum()


def objective_gradient(obj, x, k):
    """The gradient at x for step k (0-based): noisy-quartic adds noise[k]."""
    if obj["type"] == "rosenbrock":
        g = torch.zeros_like(x)
        d = x[1:] - x[:-1] ** 2
        g[:-1] += -400 * x[:-1] * d - 2 * (1 - x[:-1])
        g[1:] += 200 * d
        return g
    A, b, c = torch.tensor(obj["A"]), torch.tensor(obj["b"]), obj["c"]
    g = A @ x - b + 4 * c * x ** 3
    if obj["type"] == "noisy-quartic":
        g = g + torch.tensor(obj["noise"][k])
    return g


def autograd_gradient(obj, x, k):
    """The same gradient by torch autograd: equal up to rounding, used to test sensitivity."""
    xa = x.detach().clone().requires_grad_(True)
    clean = dict(obj, type="quartic") if obj["type"] == "noisy-quartic" else obj
    (g,) = torch.autograd.grad(objective_value(clean, xa), xa)
    if obj["type"] == "noisy-quartic":
        g = g + torch.tensor(obj["noise"][k])
    return g


def check_gradient(obj, x):
    """The closed-form gradient must agree with torch autograd (noise aside)."""
    xa = x.detach().clone().requires_grad_(True)
    (auto,) = torch.autograd.grad(objective_value(obj, xa), xa)
    clean = dict(obj, type="quartic") if obj["type"] == "noisy-quartic" else obj
    closed = objective_gradient(clean, x, 0)
    err = (auto - closed).abs().max().item()
    if err > 1e-12 * max(1.0, auto.abs().max().item()):
        raise AssertionError(f"objective gradient disagrees with autograd by {err}")


# ---------------------------------------------------------------- running a case

def make_optimizer(name, groups, options):
    kwargs = {k: tuple(v) if k in TUPLE_OPTIONS else v for k, v in options.items()}
    if name == "NAdam":
        return NAdamFixed(groups, **kwargs)
    return getattr(torch.optim, name)(groups, **kwargs)


def resolved_options(opt):
    return {k: list(v) if isinstance(v, tuple) else v
            for k, v in opt.defaults.items() if k not in LEFT_OUT}


def run_case(spec, gradient=objective_gradient):
    """Runs the case's inputs (id, optimizer, options, param_groups, params, objective,
    steps) through torch and returns the full case with options resolved and the
    trajectory (and ASGD's averages)."""
    params = [from_json(p).clone().requires_grad_(True) for p in spec["params"]]
    if spec["param_groups"] is None:
        groups = params
    else:
        groups = []
        for g in spec["param_groups"]:
            overrides = {k: tuple(v) if k in TUPLE_OPTIONS else v for k, v in g["options"].items()}
            groups.append(dict(params=[params[i] for i in g["params"]], **overrides))
    opt = make_optimizer(spec["optimizer"], groups, spec["options"])
    obj = spec["objective"]

    def flat_params():
        return torch.cat([p.detach().reshape(-1) for p in params])

    def write_gradient(k):
        g = gradient(obj, flat_params(), k)
        offset = 0
        for p in params:
            p.grad = g[offset:offset + p.numel()].reshape(p.shape).clone()
            offset += p.numel()

    trajectory, averages = [], []
    for k in range(spec["steps"]):
        if spec["optimizer"] == "LBFGS":
            def closure():
                write_gradient(k)
                return objective_value(obj, flat_params())
            opt.step(closure)
        else:
            write_gradient(k)
            opt.step()
        trajectory.append([flat(p) for p in params])
        if spec["optimizer"] == "ASGD":
            averages.append([flat(opt.state[p]["ax"]) for p in params])

    case = {
        "id": spec["id"], "optimizer": spec["optimizer"], "options": resolved_options(opt),
        "param_groups": spec["param_groups"], "params": spec["params"], "objective": obj,
        "steps": spec["steps"], "trajectory": trajectory,
    }
    if spec["optimizer"] == "ASGD":
        case["averages"] = averages
    return case


OUTPUT_FIELDS = ("trajectory", "averages")


# ---------------------------------------------------------------- building the inputs

SHAPES = ([[5]], [[2, 2], [1]], [[3], [2]], [[3, 2], [4]])


def rounded(t, digits=4):
    """Inputs are free: rounding them keeps the files small (outputs stay full precision)."""
    return [round(float(v), digits) for v in t.reshape(-1).tolist()]


def make_params(g, shapes, low=-1.5, high=1.5):
    return [{"shape": s, "data": rounded(uniform(g, low, high, *s))} for s in shapes]


def make_objective(g, kind, n, steps, c):
    if kind == "rosenbrock":
        return {"type": "rosenbrock"}
    m = randn(g, n, n)
    a = m @ m.T * (3.0 / n) + torch.eye(n)
    upper = [[round(float(a[i, j]), 4) for j in range(n)] for i in range(n)]
    A = [[upper[min(i, j)][max(i, j)] for j in range(n)] for i in range(n)]
    b = rounded(randn(g, n))
    concave = kind.startswith("concave")
    if concave:
        A = [[-v for v in row] for row in A]
        c = -c
    obj = {"type": "quartic", "A": A, "b": b, "c": c}
    if kind.endswith("noisy"):
        obj["type"] = "noisy-quartic"
        obj["noise"] = [rounded(randn(g, n, scale=0.3), 3) for _ in range(steps)]
    return obj


# (variant, options passed, param-group overrides or None, objective, c, steps)
# objective: quartic | noisy | concave | concave-noisy | rosenbrock.
CONFIGS = {
    "SGD": [
        ("plain", {"lr": 0.02}, None, "quartic", 0.1, 12),
        ("momentum0.9", {"lr": 0.01, "momentum": 0.9}, None, "noisy", 0.05, 12),
        ("momentum+dampening0.3+wd", {"lr": 0.01, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.05}, None, "quartic", 0.05, 12),
        ("nesterov+wd/rosenbrock", {"lr": 0.0004, "momentum": 0.7, "nesterov": True, "weight_decay": 0.01}, None, "rosenbrock", 0, 12),
        ("maximize+nesterov", {"lr": 0.01, "momentum": 0.6, "nesterov": True, "maximize": True}, None, "concave-noisy", 0.05, 12),
        ("maximize+wd", {"lr": 0.02, "weight_decay": 0.1, "maximize": True}, None, "concave", 0.02, 12),
        ("2groups", {"lr": 0.01, "momentum": 0.5},
         [{"lr": 0.02, "dampening": 0.5}, {"momentum": 0.9, "weight_decay": 0.02}], "quartic", 0.05, 12),
    ],
    "Adam": [
        ("default", {"lr": 0.03}, None, "quartic", 0.1, 12),
        ("amsgrad", {"lr": 0.05, "amsgrad": True}, None, "noisy", 0.05, 12),
        ("wd+betas+eps", {"lr": 0.02, "betas": [0.5, 0.9], "eps": 1e-4, "weight_decay": 0.05}, None, "quartic", 0.02, 12),
        ("maximize+amsgrad+wd", {"lr": 0.03, "amsgrad": True, "weight_decay": 0.02, "maximize": True}, None, "concave", 0.05, 12),
        ("2groups/rosenbrock", {"lr": 0.02},
         [{"betas": [0.8, 0.99]}, {"lr": 0.01, "amsgrad": True}], "rosenbrock", 0, 12),
    ],
    "AdamW": [
        ("default", {"lr": 0.03}, None, "noisy", 0.05, 12),
        ("wd0.2+amsgrad", {"lr": 0.05, "weight_decay": 0.2, "amsgrad": True}, None, "quartic", 0.1, 12),
        ("maximize+amsgrad", {"lr": 0.02, "amsgrad": True, "maximize": True}, None, "concave-noisy", 0.05, 12),
        ("2groups", {"lr": 0.02, "weight_decay": 0.05},
         [{"weight_decay": 0.0}, {"lr": 0.04, "betas": [0.7, 0.95]}], "quartic", 0.05, 12),
    ],
    "Adamax": [
        ("default", {"lr": 0.05}, None, "noisy", 0.1, 12),
        ("wd+eps", {"lr": 0.03, "eps": 1e-3, "weight_decay": 0.05}, None, "rosenbrock", 0, 12),
        ("maximize+wd+betas", {"lr": 0.02, "betas": [0.8, 0.95], "weight_decay": 0.02, "maximize": True}, None, "concave", 0.05, 12),
        ("2groups", {"lr": 0.02}, [{"lr": 0.04}, {"betas": [0.5, 0.9], "weight_decay": 0.1}], "quartic", 0.05, 12),
    ],
    "Adadelta": [
        ("default", {}, None, "quartic", 0.05, 12),
        ("rho0.5+eps+wd", {"lr": 0.5, "rho": 0.5, "eps": 1e-4, "weight_decay": 0.05}, None, "noisy", 0.05, 12),
        ("maximize+wd", {"lr": 2.0, "weight_decay": 0.01, "maximize": True}, None, "concave", 0.02, 12),
        ("2groups", {"lr": 1.0}, [{"rho": 0.8}, {"lr": 3.0, "eps": 1e-5}], "rosenbrock", 0, 12),
    ],
    "Adagrad": [
        ("default", {"lr": 0.1}, None, "noisy", 0.05, 12),
        ("lr_decay0.05", {"lr": 0.3, "lr_decay": 0.05}, None, "quartic", 0.1, 12),
        ("init_acc0.5+eps+wd", {"lr": 0.2, "initial_accumulator_value": 0.5, "eps": 1e-3, "weight_decay": 0.05}, None, "quartic", 0.05, 12),
        ("maximize+lr_decay+init_acc", {"lr": 0.2, "lr_decay": 0.02, "initial_accumulator_value": 0.1, "maximize": True}, None, "concave-noisy", 0.05, 12),
        # No per-group initial_accumulator_value: torch 1.13 fills every state from the
        # constructor's argument and ignores a group's own value.
        ("2groups", {"lr": 0.1, "initial_accumulator_value": 0.2},
         [{"lr_decay": 0.1}, {"eps": 1e-3, "lr": 0.3, "weight_decay": 0.05}], "rosenbrock", 0, 12),
    ],
    "RMSprop": [
        ("default", {"lr": 0.01}, None, "noisy", 0.05, 12),
        ("centered", {"lr": 0.005, "centered": True}, None, "quartic", 0.1, 12),
        ("momentum0.9+wd", {"lr": 0.002, "momentum": 0.9, "weight_decay": 0.05, "alpha": 0.9}, None, "rosenbrock", 0, 12),
        ("centered+momentum+eps", {"lr": 0.003, "centered": True, "momentum": 0.7, "eps": 1e-3}, None, "noisy", 0.05, 12),
        ("maximize+centered+wd", {"lr": 0.005, "centered": True, "weight_decay": 0.02, "maximize": True}, None, "concave", 0.05, 12),
        ("2groups", {"lr": 0.005}, [{"centered": True}, {"momentum": 0.5, "alpha": 0.8}], "quartic", 0.05, 12),
    ],
    "NAdam": [
        ("default", {"lr": 0.03}, None, "quartic", 0.05, 12),
        ("momentum_decay0.02+wd", {"lr": 0.02, "momentum_decay": 0.02, "weight_decay": 0.05}, None, "noisy", 0.1, 12),
        ("betas+eps", {"lr": 0.01, "betas": [0.8, 0.95], "eps": 1e-4}, None, "rosenbrock", 0, 12),
        ("2groups", {"lr": 0.02}, [{"momentum_decay": 0.1}, {"lr": 0.05, "betas": [0.95, 0.999]}], "quartic", 0.05, 12),
    ],
    "RAdam": [
        ("default", {"lr": 0.03}, None, "noisy", 0.05, 12),
        ("wd+eps", {"lr": 0.05, "weight_decay": 0.05, "eps": 1e-4}, None, "quartic", 0.1, 12),
        ("betas0.7,0.9/rosenbrock", {"lr": 0.0005, "betas": [0.7, 0.9]}, None, "rosenbrock", 0, 12),
        ("2groups", {"lr": 0.02}, [{"betas": [0.5, 0.8]}, {"lr": 0.04, "weight_decay": 0.1}], "quartic", 0.05, 12),
    ],
    "ASGD": [
        ("default", {"lr": 0.02}, None, "quartic", 0.05, 12),
        ("t0=2+lambd+alpha", {"lr": 0.03, "lambd": 0.01, "alpha": 0.6, "t0": 2}, None, "noisy", 0.05, 15),
        ("t0=0+wd", {"lr": 0.02, "lambd": 0.001, "t0": 0, "weight_decay": 0.05}, None, "quartic", 0.1, 12),
        ("maximize/t0=4+wd", {"lr": 0.02, "lambd": 0.005, "t0": 4, "weight_decay": 0.02, "maximize": True}, None, "concave-noisy", 0.05, 15),
        ("2groups/rosenbrock", {"lr": 0.0004, "t0": 3},
         [{"t0": 1, "lambd": 0.01}, {"alpha": 0.5, "lr": 0.0003}], "rosenbrock", 0, 15),
    ],
    "Rprop": [
        ("default", {"lr": 0.01}, None, "noisy", 0.05, 12),
        ("etas0.3,1.5+step_sizes", {"lr": 0.05, "etas": [0.3, 1.5], "step_sizes": [1e-3, 0.2]}, None, "quartic", 0.1, 12),
        ("maximize+step_sizes", {"lr": 0.1, "step_sizes": [1e-4, 0.3], "maximize": True}, None, "concave", 0.05, 12),
        ("2groups/rosenbrock", {"lr": 0.02}, [{"etas": [0.6, 1.1]}, {"lr": 0.05, "step_sizes": [1e-5, 0.05]}], "rosenbrock", 0, 12),
    ],
    "LBFGS": [
        ("default/quartic", {"max_iter": 4}, None, "quartic", 0.1, 4),
        ("default/rosenbrock", {"max_iter": 6}, None, "rosenbrock", 0, 4),
        ("strong_wolfe/quartic", {"max_iter": 6, "line_search_fn": "strong_wolfe"}, None, "quartic", 0.1, 3),
        ("strong_wolfe/rosenbrock", {"max_iter": 8, "history_size": 4, "line_search_fn": "strong_wolfe"}, None, "rosenbrock", 0, 4),
        ("lr0.5+history2+tol", {"lr": 0.5, "max_iter": 5, "history_size": 2, "tolerance_grad": 1e-4, "tolerance_change": 1e-6}, None, "quartic", 0.05, 4),
        ("max_eval+strong_wolfe/rosenbrock", {"lr": 0.8, "max_iter": 10, "max_eval": 7, "line_search_fn": "strong_wolfe"}, None, "rosenbrock", 0, 4),
    ],
}


def group_indices(shapes):
    """Two groups: the first parameter tensor, then the rest (a single tensor is split)."""
    return [[0], list(range(1, len(shapes)))]


def build_spec(name, variant, options, overrides, objective, c, steps, seed, index):
    g = generator(seed * 1000 + index)
    shapes = SHAPES[(index + seed) % len(SHAPES)]
    if overrides is not None and len(shapes) == 1:
        shapes = [[3], [2]]
    n = sum(torch.Size(s).numel() for s in shapes)
    low, high = (-1.2, 1.2) if objective == "rosenbrock" else (-1.5, 1.5)
    params = make_params(g, shapes, low, high)
    obj = make_objective(g, objective, n, steps, c)
    param_groups = None
    if overrides is not None:
        param_groups = [{"params": idx, "options": o} for idx, o in zip(group_indices(shapes), overrides)]
    return {
        "id": f"{name.lower()}/{variant}/seed{seed}", "optimizer": name, "options": options,
        "param_groups": param_groups, "params": params, "objective": obj, "steps": steps,
    }


def check_case(case):
    x0 = torch.cat([from_json(p).reshape(-1) for p in case["params"]])
    check_gradient(case["objective"], x0)
    biggest = max(abs(v) for step in case["trajectory"] for p in step for v in p)
    if biggest > 50:
        raise AssertionError(f"{case['id']}: trajectory wanders to |x| = {biggest}")


def rounding_sensitivity(spec, case):
    """Per step, how far the outputs move, relative to SCHEMA.md's tolerance, when the
    gradient is rounded differently (autograd instead of the closed form)."""
    other = run_case(spec, gradient=autograd_gradient)
    tolerance = 1e-7 if case["optimizer"] == "LBFGS" else 1e-9
    per_step = [0.0] * case["steps"]
    for field in OUTPUT_FIELDS:
        for k, (step_a, step_b) in enumerate(zip(case.get(field, []), other.get(field, []))):
            for pa, pb in zip(step_a, step_b):
                for a, b in zip(pa, pb):
                    per_step[k] = max(per_step[k], abs(a - b) / max(1.0, abs(b)) / tolerance)
    return per_step


def truncated(case, steps):
    out = dict(case, steps=steps, trajectory=case["trajectory"][:steps])
    if "averages" in case:
        out["averages"] = case["averages"][:steps]
    if case["objective"]["type"] == "noisy-quartic":
        out["objective"] = dict(case["objective"], noise=case["objective"]["noise"][:steps])
    return out


DROPPED = []
SENSITIVITY_LIMIT = 0.01


def build_cases():
    """Every config with every seed. Where a rounding-level change of the gradient moves the
    trajectory by more than 1% of the tolerance, the case keeps only the steps before that
    (or is dropped if fewer than 2 remain): later steps would pin rounding luck."""
    cases = []
    index = 0
    for name, configs in CONFIGS.items():
        for variant, options, overrides, objective, c, steps in configs:
            index += 1
            for seed in SEEDS:
                spec = build_spec(name, variant, options, overrides, objective, c, steps, seed, index)
                case = run_case(spec)
                check_case(case)
                per_step = rounding_sensitivity(spec, case)
                stable = next((k for k, s in enumerate(per_step) if s > SENSITIVITY_LIMIT), len(per_step))
                if stable < len(per_step):
                    what = f"step {stable + 1} moves by {per_step[stable]:.3g}x the tolerance under rounding"
                    if stable < 2:
                        DROPPED.append((case["id"], what))
                        continue
                    DROPPED.append((case["id"], f"{what}: kept steps 1-{stable}"))
                    case = truncated(case, stable)
                cases.append(case)
    return cases
