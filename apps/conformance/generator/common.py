"""Shared helpers: float64 torch, tensor <-> {shape, data}, the case-file writer.

Every kind module imports this first, so `torch.set_default_dtype(torch.float64)` is in
force before any tensor or optimizer state is created (SCHEMA.md: the scalar state
torch keeps in tensors is float64 too).
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)

SCHEMA = "descent-conformance/1"
TORCH_SOURCE = f"torch {torch.__version__}"


def scipy_source():
    import scipy

    return f"scipy {scipy.__version__}"


def tensor_json(t):
    """A torch tensor (or array-like) as the schema's {shape, data}, data flat row-major."""
    t = torch.as_tensor(t, dtype=torch.float64).detach()
    return {"shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


def from_json(obj):
    """The schema's {shape, data} as a float64 torch tensor."""
    return torch.tensor(obj["data"], dtype=torch.float64).reshape(obj["shape"])


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def generator(seed):
    """A seeded torch generator: every random input of a case comes from one of these."""
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def randn(g, *shape, scale=1.0):
    return torch.randn(tuple(shape), generator=g, dtype=torch.float64) * scale


def uniform(g, low, high, *shape):
    return low + (high - low) * torch.rand(tuple(shape), generator=g, dtype=torch.float64)


def check_finite(value, where):
    """JSON has no NaN/Infinity; a case with one is a generator bug, not a case."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"non-finite number in {where}")
    if isinstance(value, dict):
        for k, v in value.items():
            check_finite(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            check_finite(v, f"{where}[{i}]")


def is_finite_tree(value):
    try:
        check_finite(value, "")
        return True
    except ValueError:
        return False


def write_case_file(path, kind, source, cases):
    """Writes the file in the public files' layout: one case per line, unique ids."""
    ids = [c["id"] for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate case ids in {kind}: {duplicates}")
    for c in cases:
        check_finite(c, c["id"])
    head = json.dumps({"schema": SCHEMA, "kind": kind, "source": source})[:-1]
    lines = [json.dumps(c, allow_nan=False) for c in cases]
    text = head + ', "cases": [\n' + ",\n".join(lines) + "\n]}\n"
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return len(text)
