"""kind `batchnorm`: torch.nn.BatchNorm1d / BatchNorm2d forward, backward and buffers, call by call.

One module per case (float64); each call zeroes the gradients, runs forward in the call's
mode, backpropagates `dy`, and records y, dx, dweight, dbias and the buffers after the call.
"""
import torch

from common import TORCH_SOURCE, flat, from_json, generator, randn, tensor_json, uniform

KIND = "batchnorm"
SOURCE = TORCH_SOURCE
SEEDS = (31, 32)


def make_module(name, options, weight, bias):
    module = getattr(torch.nn, name)(**options)
    if options["affine"]:
        with torch.no_grad():
            module.weight.copy_(torch.tensor(weight))
            module.bias.copy_(torch.tensor(bias))
    return module


def run_call(module, affine, call):
    module.train(call["mode"] == "train")
    module.zero_grad(set_to_none=True)
    x = from_json(call["x"]).requires_grad_(True)
    y = module(x)
    y.backward(from_json(call["dy"]))
    tracked = module.track_running_stats
    return {
        "mode": call["mode"], "x": call["x"], "dy": call["dy"],
        "y": tensor_json(y), "dx": tensor_json(x.grad),
        "dweight": flat(module.weight.grad) if affine else None,
        "dbias": flat(module.bias.grad) if affine else None,
        "running_mean": flat(module.running_mean) if tracked else None,
        "running_var": flat(module.running_var) if tracked else None,
        "num_batches_tracked": int(module.num_batches_tracked.item()) if tracked else None,
    }


def run_case(spec):
    """Runs the case's inputs (id, module, options, weight, bias, calls[mode, x, dy])."""
    module = make_module(spec["module"], spec["options"], spec["weight"], spec["bias"])
    calls = [run_call(module, spec["options"]["affine"], call) for call in spec["calls"]]
    return {"id": spec["id"], "module": spec["module"], "options": spec["options"],
            "weight": spec["weight"], "bias": spec["bias"], "calls": calls}


OUTPUT_FIELDS = ("calls",)


# ---------------------------------------------------------------- building the inputs

def rounded(t, digits=4):
    return {"shape": list(t.shape), "data": [round(float(v), digits) for v in t.reshape(-1).tolist()]}


# (variant, module, num_features, eps, momentum, affine, track, calls as (mode, shape-after-C))
# The second dimension of every shape is num_features; the tuples list N then spatial sizes.
CONFIGS = [
    ("bn1d/2d/m0.2/train-eval-train", "BatchNorm1d", 4, 1e-5, 0.2, True, True,
     [("train", (6,)), ("eval", (3,)), ("train", (2,)), ("eval", (5,)), ("train", (4,))]),
    ("bn1d/2d/momentum-null/affine-false", "BatchNorm1d", 3, 1e-3, None, False, True,
     [("train", (5,)), ("train", (3,)), ("eval", (4,)), ("train", (6,)), ("eval", (2,))]),
    ("bn1d/2d/no-track/eval-first", "BatchNorm1d", 3, 1e-5, 0.1, True, False,
     [("eval", (4,)), ("train", (5,)), ("eval", (3,))]),
    ("bn1d/3d/m0.5/alternating", "BatchNorm1d", 2, 1e-5, 0.5, True, True,
     [("train", (3, 4)), ("eval", (2, 5)), ("train", (4, 1)), ("eval", (3, 2)), ("train", (2, 3))]),
    ("bn1d/3d/momentum-null/eps0.01", "BatchNorm1d", 3, 0.01, None, True, True,
     [("train", (2, 3)), ("train", (4, 2)), ("eval", (3, 3)), ("train", (3, 1)), ("eval", (2, 2))]),
    ("bn1d/3d/no-track/no-affine", "BatchNorm1d", 4, 1e-5, 0.1, False, False,
     [("train", (3, 2)), ("eval", (2, 3)), ("train", (4, 2))]),
    ("bn2d/m0.05/alternating", "BatchNorm2d", 3, 1e-5, 0.05, True, True,
     [("train", (2, 2, 3)), ("eval", (3, 2, 2)), ("train", (3, 3, 1)), ("eval", (2, 1, 3))]),
    ("bn2d/momentum-null/no-affine", "BatchNorm2d", 2, 1e-5, None, False, True,
     [("train", (3, 2, 2)), ("train", (2, 3, 2)), ("eval", (2, 2, 2)), ("train", (4, 1, 2))]),
    ("bn2d/no-track/eps0.1", "BatchNorm2d", 2, 0.1, 0.1, True, False,
     [("train", (2, 3, 2)), ("eval", (3, 2, 2)), ("eval", (1, 2, 3))]),
    ("bn2d/batch1-spatial", "BatchNorm2d", 3, 1e-5, 0.1, True, True,
     [("train", (1, 3, 3)), ("eval", (2, 2, 2)), ("train", (2, 2, 1))]),
]


def build_spec(config, seed, index):
    variant, name, c, eps, momentum, affine, track, calls = config
    g = generator(seed * 100 + index)
    weight = [round(float(v), 4) for v in uniform(g, 0.5, 1.5, c)] if affine else None
    bias = [round(float(v), 4) for v in randn(g, c, scale=0.5)] if affine else None
    call_specs = []
    for mode, sizes in calls:
        shape = (sizes[0], c) + tuple(sizes[1:])
        # A per-channel offset and scale, so the running statistics move visibly.
        shift = randn(g, c, scale=2.0).reshape((1, c) + (1,) * (len(shape) - 2))
        x = randn(g, *shape) * uniform(g, 0.5, 3.0, 1).item() + shift
        call_specs.append({"mode": mode, "x": rounded(x), "dy": rounded(randn(g, *shape))})
    options = {"num_features": c, "eps": eps, "momentum": momentum, "affine": affine, "track_running_stats": track}
    return {"id": f"{variant}/seed{seed}", "module": name, "options": options,
            "weight": weight, "bias": bias, "calls": call_specs}


def build_cases():
    cases = []
    for index, config in enumerate(CONFIGS):
        for seed in SEEDS:
            cases.append(run_case(build_spec(config, seed, index)))
    return cases
