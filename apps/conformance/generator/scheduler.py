"""kind `scheduler`: learning rates (and cycled momenta) of torch.optim.lr_scheduler, step by step.

Every number is read from the torch 1.13 optimizer's param_groups after constructing the
scheduler and after each `scheduler.step()`. The named `lr_lambda` functions of SCHEMA.md
become Python lambdas written as below (the public cases are reproduced with these forms).
"""
import math
import warnings

import torch
from torch.optim import lr_scheduler

from common import TORCH_SOURCE

KIND = "scheduler"
SOURCE = TORCH_SOURCE


def lr_lambda(spec):
    fn = spec["fn"]
    if fn == "exp":
        return lambda epoch: spec["gamma"] ** epoch
    if fn == "inverse_time":
        return lambda epoch: 1 / (1 + spec["k"] * epoch)
    if fn == "inverse_sqrt":
        return lambda epoch: 1 / math.sqrt(1 + spec["k"] * epoch)
    if fn == "constant":
        return lambda epoch: spec["value"]
    raise ValueError(f"unknown lr_lambda {fn}")


def make_scheduler(name, options, opt):
    kwargs = dict(options)
    if "lr_lambda" in kwargs:
        kwargs["lr_lambda"] = lr_lambda(kwargs["lr_lambda"])
    if name in ("SequentialLR", "ChainedScheduler"):
        kwargs["schedulers"] = [make_scheduler(s["scheduler"], s["options"], opt) for s in options["schedulers"]]
        if name == "SequentialLR":
            return lr_scheduler.SequentialLR(opt, **kwargs)
        return lr_scheduler.ChainedScheduler(kwargs["schedulers"])
    return getattr(lr_scheduler, name)(opt, **kwargs)


def make_optimizer(spec):
    params = [torch.zeros((), requires_grad=True) for _ in spec["lrs"]]
    groups = [{"params": [p], "lr": lr} for p, lr in zip(params, spec["lrs"])]
    if spec["type"] == "SGD":
        return torch.optim.SGD(groups, lr=spec["lrs"][0], momentum=spec.get("momentum", 0))
    if spec["type"] == "Adam":
        return torch.optim.Adam(groups, lr=spec["lrs"][0], betas=tuple(spec["betas"]))
    raise ValueError(f"unknown optimizer type {spec['type']}")


def cycles_momentum(case):
    return case["scheduler"] in ("CyclicLR", "OneCycleLR") and case["options"].get("cycle_momentum", True)


def momentum_of(opt_type, group):
    return group["momentum"] if opt_type == "SGD" else group["betas"][0]


def run_case(spec):
    """Runs the case's inputs (id, scheduler, options, optimizer, steps, metrics) through torch."""
    opt = make_optimizer(spec["optimizer"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sched = make_scheduler(spec["scheduler"], spec["options"], opt)
        with_momentum = cycles_momentum(spec)
        lrs = [[g["lr"] for g in opt.param_groups]]
        momentums = [[momentum_of(spec["optimizer"]["type"], g) for g in opt.param_groups]] if with_momentum else None
        for k in range(spec["steps"]):
            opt.step()
            if spec["scheduler"] == "ReduceLROnPlateau":
                sched.step(spec["metrics"][k])
            else:
                sched.step()
            lrs.append([g["lr"] for g in opt.param_groups])
            if with_momentum:
                momentums.append([momentum_of(spec["optimizer"]["type"], g) for g in opt.param_groups])
    return dict(spec, lrs=[[float(v) for v in row] for row in lrs],
                momentums=None if momentums is None else [[float(v) for v in row] for row in momentums])


OUTPUT_FIELDS = ("lrs", "momentums")


# ---------------------------------------------------------------- building the inputs

def sgd(*lrs, momentum=None):
    o = {"type": "SGD", "lrs": list(lrs)}
    if momentum is not None:
        o["momentum"] = momentum
    return o


def adam(*lrs, betas=(0.9, 0.999)):
    return {"type": "Adam", "lrs": list(lrs), "betas": list(betas)}


def plateau_metrics(seed, steps, mode, jitter):
    """A loss-like sequence: falls, plateaus with relative noise `jitter` (so threshold and
    threshold_mode decide what counts as an improvement), falls again, plateaus again."""
    g = torch.Generator()
    g.manual_seed(seed)
    noise = (2 * torch.rand(steps, generator=g, dtype=torch.float64) - 1).tolist()
    out, value = [], 1.0
    for k in range(steps):
        if k < 6 or 14 <= k < 18:
            value *= 0.8
        v = value * (1 + jitter * noise[k])
        out.append(round(v if mode == "min" else 2 - v, 10))
    return out


def case(id_, scheduler, options, optimizer, steps, metrics=None):
    return {"id": id_, "scheduler": scheduler, "options": options, "optimizer": optimizer,
            "steps": steps, "metrics": metrics}


def sub(scheduler, **options):
    return {"scheduler": scheduler, "options": options}


def specs():
    s = []
    # LambdaLR / MultiplicativeLR: every named function, three groups.
    s.append(case("lambda/inverse_sqrt/3groups", "LambdaLR", {"lr_lambda": {"fn": "inverse_sqrt", "k": 0.3}}, sgd(0.1, 0.05, 0.2), 25))
    s.append(case("lambda/constant", "LambdaLR", {"lr_lambda": {"fn": "constant", "value": 0.3}}, sgd(0.1, 0.02), 10))
    s.append(case("lambda/exp0.8/adam", "LambdaLR", {"lr_lambda": {"fn": "exp", "gamma": 0.8}}, adam(0.01, 0.003), 25))
    s.append(case("multiplicative/exp0.99", "MultiplicativeLR", {"lr_lambda": {"fn": "exp", "gamma": 0.99}}, sgd(0.1, 0.05), 25))
    s.append(case("multiplicative/inverse_time", "MultiplicativeLR", {"lr_lambda": {"fn": "inverse_time", "k": 0.05}}, sgd(0.3, 0.1, 0.01), 25))
    # StepLR / MultiStepLR.
    s.append(case("step/size3-gamma0.7/3groups", "StepLR", {"step_size": 3, "gamma": 0.7}, sgd(0.1, 0.2, 0.05), 25))
    s.append(case("step/size1-gamma0.95", "StepLR", {"step_size": 1, "gamma": 0.95}, sgd(0.5, 0.1), 20))
    s.append(case("multistep/default-gamma", "MultiStepLR", {"milestones": [3, 7, 12]}, sgd(1.0, 0.4), 20))
    s.append(case("multistep/thrice+past-end", "MultiStepLR", {"milestones": [4, 4, 4, 9, 40], "gamma": 0.8}, sgd(0.1, 0.05), 20))
    # ConstantLR / LinearLR.
    s.append(case("constant/factor0.7-iters3", "ConstantLR", {"factor": 0.7, "total_iters": 3}, sgd(0.1, 0.3), 10))
    s.append(case("linear/default", "LinearLR", {}, sgd(0.1, 0.05, 0.02), 12))
    s.append(case("linear/0.5-to-0.1-iters7", "LinearLR", {"start_factor": 0.5, "end_factor": 0.1, "total_iters": 7}, sgd(0.2, 0.1), 15))
    s.append(case("linear/warmup-iters1", "LinearLR", {"start_factor": 0.25, "end_factor": 1.0, "total_iters": 1}, sgd(0.2, 0.1), 6))
    # ExponentialLR / PolynomialLR.
    s.append(case("exponential/0.8/adam", "ExponentialLR", {"gamma": 0.8}, adam(0.01, 0.02), 20))
    s.append(case("polynomial/default", "PolynomialLR", {}, sgd(0.1, 0.05), 10))
    s.append(case("polynomial/p0.5-iters12", "PolynomialLR", {"total_iters": 12, "power": 0.5}, sgd(0.1, 0.05, 0.3), 20))
    s.append(case("polynomial/p3-iters8", "PolynomialLR", {"total_iters": 8, "power": 3.0}, sgd(0.2, 0.1), 12))
    # CosineAnnealingLR / CosineAnnealingWarmRestarts.
    s.append(case("cosine/tmax7-etamin-past", "CosineAnnealingLR", {"T_max": 7, "eta_min": 0.01}, sgd(0.1, 0.05), 30))
    s.append(case("cosine/tmax1", "CosineAnnealingLR", {"T_max": 1}, sgd(0.1, 0.05), 8))
    s.append(case("cosine/tmax20/3groups", "CosineAnnealingLR", {"T_max": 20, "eta_min": 1e-4}, sgd(0.1, 0.2, 0.05), 25))
    s.append(case("warm-restarts/t3-tmult3", "CosineAnnealingWarmRestarts", {"T_0": 3, "T_mult": 3, "eta_min": 0.002}, sgd(0.1, 0.05), 45))
    s.append(case("warm-restarts/default", "CosineAnnealingWarmRestarts", {"T_0": 7}, sgd(0.1, 0.04), 30))
    s.append(case("warm-restarts/t1-tmult2", "CosineAnnealingWarmRestarts", {"T_0": 1, "T_mult": 2, "eta_min": 0.01}, sgd(0.2, 0.1), 20))
    # CyclicLR: every mode, per-group lists, default momentum range, scale_mode iterations.
    s.append(case("cyclic/triangular/default-momentum", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 3},
                  sgd(0.05, 0.08, momentum=0.9), 20))
    s.append(case("cyclic/triangular2/lists/momentum-lists", "CyclicLR",
                  {"base_lr": [0.01, 0.005], "max_lr": [0.1, 0.02], "step_size_up": 2, "step_size_down": 5,
                   "mode": "triangular2", "base_momentum": [0.7, 0.8], "max_momentum": [0.9, 0.95]},
                  sgd(0.05, 0.08, momentum=0.9), 30))
    s.append(case("cyclic/exp_range/gamma0.9", "CyclicLR",
                  {"base_lr": 0.02, "max_lr": 0.3, "step_size_up": 4, "step_size_down": 2, "mode": "exp_range", "gamma": 0.9},
                  sgd(0.05, 0.08, momentum=0.85), 30))
    s.append(case("cyclic/exp_range/adam-no-momentum", "CyclicLR",
                  {"base_lr": [0.001, 0.002], "max_lr": 0.01, "step_size_up": 5, "mode": "exp_range", "gamma": 0.95,
                   "cycle_momentum": False},
                  adam(0.05, 0.01, betas=(0.9, 0.99)), 30))
    # OneCycleLR: cos / linear, three_phase, Adam betas, per-group max_lr, epochs x steps_per_epoch.
    s.append(case("onecycle/linear/three_phase", "OneCycleLR",
                  {"max_lr": 0.1, "total_steps": 30, "anneal_strategy": "linear", "three_phase": True},
                  sgd(0.01, 0.02, momentum=0.9), 29))
    s.append(case("onecycle/cos/three_phase/adam", "OneCycleLR",
                  {"max_lr": [0.05, 0.02], "total_steps": 25, "three_phase": True, "pct_start": 0.4,
                   "base_momentum": 0.8, "max_momentum": 0.9},
                  adam(0.01, 0.02, betas=(0.9, 0.999)), 24))
    s.append(case("onecycle/cos/no-momentum/divs", "OneCycleLR",
                  {"max_lr": 0.2, "total_steps": 20, "div_factor": 5.0, "final_div_factor": 50.0, "cycle_momentum": False},
                  sgd(0.01, 0.02, momentum=0.9), 19))
    # ReduceLROnPlateau: both modes and threshold modes, cooldown, per-group min_lr, eps.
    s.append(case("plateau/min-abs-cooldown2", "ReduceLROnPlateau",
                  {"mode": "min", "factor": 0.5, "patience": 1, "threshold": 0.01, "threshold_mode": "abs", "cooldown": 2},
                  sgd(0.1, 0.05), 30, plateau_metrics(1, 30, "min", 0.02)))
    s.append(case("plateau/max-rel-minlr-list", "ReduceLROnPlateau",
                  {"mode": "max", "factor": 0.2, "patience": 2, "threshold": 0.001, "min_lr": [0.001, 0.0005]},
                  sgd(0.1, 0.05), 30, plateau_metrics(2, 30, "max", 0.002)))
    s.append(case("plateau/min-rel-patience0-cooldown1", "ReduceLROnPlateau",
                  {"factor": 0.7, "patience": 0, "cooldown": 1, "threshold": 0.05},
                  sgd(0.1, 0.05, 0.2), 30, plateau_metrics(3, 30, "min", 0.03)))
    s.append(case("plateau/max-abs-eps", "ReduceLROnPlateau",
                  {"mode": "max", "threshold_mode": "abs", "threshold": 0.0, "patience": 3, "factor": 0.5, "eps": 0.01},
                  sgd(0.1, 0.02), 30, plateau_metrics(4, 30, "max", 1e-4)))
    s.append(case("plateau/default", "ReduceLROnPlateau", {}, sgd(0.1, 0.05), 30, plateau_metrics(5, 30, "min", 5e-5)))
    # SequentialLR / ChainedScheduler compositions.
    s.append(case("sequential/exp-cosine-warm-restarts", "SequentialLR",
                  {"schedulers": [sub("ExponentialLR", gamma=0.8), sub("CosineAnnealingWarmRestarts", T_0=4, eta_min=0.001)],
                   "milestones": [3]}, sgd(0.1, 0.05), 20))
    s.append(case("sequential/linear-step-multistep", "SequentialLR",
                  {"schedulers": [sub("LinearLR", start_factor=0.2, total_iters=4), sub("StepLR", step_size=2, gamma=0.5),
                                  sub("MultiStepLR", milestones=[2, 5], gamma=0.3)],
                   "milestones": [4, 10]}, sgd(0.1, 0.3), 20))
    s.append(case("sequential/constant-polynomial", "SequentialLR",
                  {"schedulers": [sub("ConstantLR", factor=0.1, total_iters=2), sub("PolynomialLR", total_iters=10, power=2.0)],
                   "milestones": [5]}, sgd(0.2, 0.1), 20))
    s.append(case("chained/exp-step-constant", "ChainedScheduler",
                  {"schedulers": [sub("ExponentialLR", gamma=0.95), sub("StepLR", step_size=4, gamma=0.5),
                                  sub("ConstantLR", factor=0.5, total_iters=3)]}, sgd(0.1, 0.05), 20))
    s.append(case("chained/cosine-linear", "ChainedScheduler",
                  {"schedulers": [sub("CosineAnnealingLR", T_max=10, eta_min=0.001), sub("LinearLR", start_factor=0.5, total_iters=5)]},
                  sgd(0.1, 0.05), 20))
    s.append(case("chained/lambda-multiplicative", "ChainedScheduler",
                  {"schedulers": [sub("MultiplicativeLR", lr_lambda={"fn": "constant", "value": 0.9}),
                                  sub("ExponentialLR", gamma=0.9)]}, sgd(0.1, 0.05), 15))
    return s


def build_cases():
    return [run_case(spec) for spec in specs()]
