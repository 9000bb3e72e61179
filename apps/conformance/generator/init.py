"""kind `init`: torch.nn.init functions: fans, gains and the distribution each one draws from.

Nothing is computed here by formula: fans come from torch's `_calculate_fan_in_and_fan_out`,
gains from `calculate_gain`, and the distribution's parameters are the arguments torch
itself passes to `Tensor.uniform_` / `Tensor.normal_`, recorded while the init function
runs on a float64 tensor (constant fills are read back from the filled tensor; trunc_normal_
and sparse_ parameters are the call's arguments with torch's defaults bound).
"""
import contextlib
import inspect
import math

import torch
from torch.nn import init as nn_init

from common import TORCH_SOURCE

KIND = "init"
SOURCE = TORCH_SOURCE
SEED = 51


@contextlib.contextmanager
def recorded_draws():
    """Records every Tensor.uniform_ / Tensor.normal_ call (name, args) made inside."""
    calls = []
    originals = {name: getattr(torch.Tensor, name) for name in ("uniform_", "normal_")}

    def recorder(name):
        original = originals[name]

        def draw(self, *args, **kwargs):
            calls.append((name, args, kwargs))
            return original(self, *args, **kwargs)

        return draw

    for name in originals:
        setattr(torch.Tensor, name, recorder(name))
    try:
        yield calls
    finally:
        for name, original in originals.items():
            setattr(torch.Tensor, name, original)


def bound_arguments(fn, tensor, options):
    """The call's keyword arguments with torch's defaults filled in."""
    bound = inspect.signature(fn).bind(tensor, **options)
    bound.apply_defaults()
    return {k: v for k, v in bound.arguments.items() if k != "tensor"}


def draw_arguments(call):
    name, args, kwargs = call
    keys = ("from", "to") if name == "uniform_" else ("mean", "std")
    values = dict(zip(keys, args))
    values.update(kwargs)
    return [float(values[k]) for k in keys]


def run_gain(spec):
    gain = nn_init.calculate_gain(spec["options"]["nonlinearity"], spec["options"]["param"])
    return dict(spec, shape=None, fan_in=None, fan_out=None, gain=float(gain), distribution=None)


def run_case(spec):
    """Runs the case's inputs (id, init, shape, options) through torch.nn.init."""
    if spec["init"] == "calculate_gain":
        return run_gain(spec)
    name, options = spec["init"], spec["options"]
    fn = getattr(nn_init, name)
    tensor = torch.empty(spec["shape"], dtype=torch.float64)
    torch.manual_seed(SEED)
    with recorded_draws() as calls:
        fn(tensor, **options)
    args = bound_arguments(fn, tensor, options)
    fan_in = fan_out = gain = None
    if name.startswith(("xavier", "kaiming")):
        fan_in, fan_out = nn_init._calculate_fan_in_and_fan_out(tensor)
    if name.startswith("xavier") or name == "orthogonal_":
        gain = float(args["gain"])
    elif name.startswith("kaiming"):
        gain = float(nn_init.calculate_gain(args["nonlinearity"], args["a"]))

    if name in ("uniform_", "xavier_uniform_", "kaiming_uniform_"):
        low, high = draw_arguments(calls[0])
        distribution = {"type": "uniform", "low": low, "high": high}
    elif name in ("normal_", "xavier_normal_", "kaiming_normal_"):
        mean, std = draw_arguments(calls[0])
        distribution = {"type": "normal", "mean": mean, "std": std}
    elif name == "trunc_normal_":
        distribution = {"type": "trunc_normal", **{k: float(args[k]) for k in ("mean", "std", "a", "b")}}
    elif name in ("constant_", "ones_", "zeros_"):
        values = set(tensor.reshape(-1).tolist())
        assert len(values) == 1, f"{name} filled more than one value"
        distribution = {"type": "constant", "value": float(values.pop())}
    elif name == "orthogonal_":
        distribution = {"type": "orthogonal", "gain": gain}
        check_orthogonal(tensor, gain)
    elif name == "sparse_":
        distribution = {"type": "sparse", "sparsity": float(args["sparsity"]), "std": float(args["std"])}
        check_sparse(tensor, args["sparsity"])
    elif name in ("eye_", "dirac_"):
        distribution = {"type": name[:-1]}
    else:
        raise ValueError(f"unknown init {name}")
    return {"id": spec["id"], "init": name, "shape": spec["shape"], "options": options,
            "fan_in": fan_in, "fan_out": fan_out, "gain": gain, "distribution": distribution}


def check_orthogonal(tensor, gain):
    """The schema's property, on torch's own draw: QQ^T = gain^2 I (rows <= cols) or Q^TQ."""
    q = tensor.reshape(tensor.shape[0], -1)
    rows, cols = q.shape
    product = q @ q.T if rows <= cols else q.T @ q
    err = (product - gain ** 2 * torch.eye(min(rows, cols))).abs().max().item()
    assert err < 1e-10, f"orthogonal_ draw is off by {err}"


def check_sparse(tensor, sparsity):
    zeros = (tensor == 0).sum(dim=0)
    assert (zeros == math.ceil(sparsity * tensor.shape[0])).all(), "sparse_ zero count"


OUTPUT_FIELDS = ("fan_in", "fan_out", "gain", "distribution")


# ---------------------------------------------------------------- the cases

# (id, init, shape, options): options are exactly the keyword arguments passed.
CONFIGS = [
    ("uniform_/-3..-1/3d", "uniform_", [10, 6, 5], {"a": -3.0, "b": -1.0}),
    ("uniform_/b-only", "uniform_", [40, 20], {"b": 0.25}),
    ("normal_/-1,0.1", "normal_", [25, 20], {"mean": -1.0, "std": 0.1}),
    ("normal_/std-only/5d", "normal_", [4, 3, 2, 5, 5], {"std": 3.0}),
    ("constant_/-2.5/3d", "constant_", [2, 3, 4], {"val": -2.5}),
    ("ones_/4d", "ones_", [2, 2, 1, 3], {}),
    ("zeros_/2x3", "zeros_", [2, 3], {}),
    ("eye_/3x3", "eye_", [3, 3], {}),
    ("eye_/1x4", "eye_", [1, 4], {}),
    ("eye_/7x2", "eye_", [7, 2], {}),
    ("dirac_/6x4x3", "dirac_", [6, 4, 3], {}),
    ("dirac_/3x5x3x3", "dirac_", [3, 5, 3, 3], {}),
    ("dirac_/6x2x3/groups3", "dirac_", [6, 2, 3], {"groups": 3}),
    ("dirac_/4x2x3x3x3/groups2", "dirac_", [4, 2, 3, 3, 3], {"groups": 2}),
    ("dirac_/5x5x1x2", "dirac_", [5, 5, 1, 2], {"groups": 1}),
    ("xavier_uniform_/50x20", "xavier_uniform_", [50, 20], {}),
    ("xavier_uniform_/conv1d/gain-tanh", "xavier_uniform_", [12, 6, 5], {"gain": 5.0 / 3}),
    ("xavier_uniform_/conv3d/gain0.1", "xavier_uniform_", [4, 3, 3, 3, 3], {"gain": 0.1}),
    ("xavier_normal_/20x80", "xavier_normal_", [20, 80], {}),
    ("xavier_normal_/conv2d/gain2", "xavier_normal_", [16, 4, 2, 3], {"gain": 2.0}),
    ("kaiming_uniform_/relu/fan_out/conv1d", "kaiming_uniform_", [32, 8, 3], {"a": 0, "mode": "fan_out", "nonlinearity": "relu"}),
    ("kaiming_uniform_/leaky0.01/fan_in", "kaiming_uniform_", [40, 30], {"a": 0.01, "mode": "fan_in", "nonlinearity": "leaky_relu"}),
    ("kaiming_uniform_/leaky-a0/fan_out", "kaiming_uniform_", [30, 15], {"a": 0, "mode": "fan_out", "nonlinearity": "leaky_relu"}),
    ("kaiming_uniform_/selu/conv2d", "kaiming_uniform_", [16, 8, 3, 3], {"a": 0, "mode": "fan_in", "nonlinearity": "selu"}),
    ("kaiming_uniform_/linear/fan_out", "kaiming_uniform_", [25, 50], {"a": 0, "mode": "fan_out", "nonlinearity": "linear"}),
    ("kaiming_uniform_/sigmoid/conv3d", "kaiming_uniform_", [6, 4, 2, 3, 3], {"a": 0, "mode": "fan_in", "nonlinearity": "sigmoid"}),
    ("kaiming_normal_/leaky0.3/fan_in/conv1d", "kaiming_normal_", [20, 10, 4], {"a": 0.3, "mode": "fan_in", "nonlinearity": "leaky_relu"}),
    ("kaiming_normal_/relu/fan_out", "kaiming_normal_", [60, 25], {"a": 0, "mode": "fan_out", "nonlinearity": "relu"}),
    ("kaiming_normal_/tanh/fan_out/conv2d", "kaiming_normal_", [8, 6, 3, 3], {"a": 0, "mode": "fan_out", "nonlinearity": "tanh"}),
    ("kaiming_normal_/conv2d-gain", "kaiming_normal_", [10, 5, 5, 5], {"a": 0, "mode": "fan_in", "nonlinearity": "conv2d"}),
    ("kaiming_normal_/leaky-sqrt5/fan_in", "kaiming_normal_", [30, 40], {"a": math.sqrt(5), "mode": "fan_in", "nonlinearity": "leaky_relu"}),
    ("trunc_normal_/asymmetric", "trunc_normal_", [30, 40], {"mean": 0.0, "std": 1.0, "a": -1.0, "b": 3.0}),
    ("trunc_normal_/one-tail", "trunc_normal_", [25, 25], {"mean": 1.0, "std": 0.5, "a": 1.2, "b": 10.0}),
    ("trunc_normal_/narrow", "trunc_normal_", [20, 30], {"mean": 1.0, "std": 2.0, "a": 0.9, "b": 1.1}),
    ("trunc_normal_/std0.02", "trunc_normal_", [16, 32, 2], {"mean": 0.0, "std": 0.02, "a": -0.04, "b": 0.04}),
    ("orthogonal_/5x10", "orthogonal_", [5, 10], {"gain": 1.0}),
    ("orthogonal_/12x3/gain3", "orthogonal_", [12, 3], {"gain": 3.0}),
    ("orthogonal_/7x7/gain-relu", "orthogonal_", [7, 7], {"gain": math.sqrt(2.0)}),
    ("orthogonal_/conv/6x3x2x2", "orthogonal_", [6, 3, 2, 2], {"gain": 1.0}),
    ("orthogonal_/conv/20x2x1", "orthogonal_", [20, 2, 1], {"gain": 0.8}),
    ("sparse_/12x6/0.5", "sparse_", [12, 6], {"sparsity": 0.5, "std": 0.01}),
    ("sparse_/10x10/0.25/std1", "sparse_", [10, 10], {"sparsity": 0.25, "std": 1.0}),
    ("sparse_/7x3/0.01", "sparse_", [7, 3], {"sparsity": 0.01, "std": 0.2}),
]

GAIN_CONFIGS = [
    ("leaky_relu", 0.1), ("leaky_relu", 0.3), ("leaky_relu", 0), ("leaky_relu", 1.0), ("leaky_relu", 0.01),
    ("relu", None), ("tanh", None), ("selu", None), ("sigmoid", None), ("linear", None),
    ("conv1d", None), ("conv2d", None), ("conv3d", None),
    ("conv_transpose1d", None), ("conv_transpose2d", None), ("conv_transpose3d", None),
]


def build_cases():
    cases = [run_case({"id": id_, "init": name, "shape": shape, "options": options})
             for id_, name, shape, options in CONFIGS]
    for nonlinearity, param in GAIN_CONFIGS:
        id_ = f"calculate_gain/{nonlinearity}/param-{'default' if param is None else param}"
        cases.append(run_case({"id": id_, "init": "calculate_gain", "shape": None,
                               "options": {"nonlinearity": nonlinearity, "param": param}}))
    return cases
