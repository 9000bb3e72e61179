"""kind `autograd`: outputs and vector-Jacobian products of torch ops, and Hessian-vector products.

For an op case, torch computes `output = op(*inputs)` and the gradients of
`sum(output * grad_output)` by `output.backward(grad_output)`. For an hvp case, torch
computes the gradient with `create_graph=True` and differentiates `gradient . v` again
(double backward), which is what the public cases hold.
"""
import torch
import torch.nn.functional as F

from common import TORCH_SOURCE, from_json, generator, randn, tensor_json, uniform

KIND = "autograd"
SOURCE = TORCH_SOURCE
SEEDS = (41, 42)


def apply_op(op, attrs, xs):
    if op == "add":
        return xs[0] + xs[1]
    if op == "sub":
        return xs[0] - xs[1]
    if op == "mul":
        return xs[0] * xs[1]
    if op == "div":
        return xs[0] / xs[1]
    if op == "matmul":
        return xs[0] @ xs[1]
    if op == "pow":
        return xs[0] ** attrs["exponent"]
    if op in ("exp", "log", "tanh", "sigmoid", "relu", "sqrt", "abs"):
        return getattr(torch, op)(xs[0])
    if op in ("sum", "mean"):
        fn = getattr(torch, op)
        if attrs["dim"] is None:
            if attrs["keepdim"]:
                return fn(xs[0], dim=tuple(range(xs[0].dim())), keepdim=True)
            return fn(xs[0])
        return fn(xs[0], dim=attrs["dim"], keepdim=attrs["keepdim"])
    if op == "max":
        if attrs["dim"] is None:
            return torch.max(xs[0])
        return torch.max(xs[0], dim=attrs["dim"], keepdim=attrs["keepdim"]).values
    if op == "softmax":
        return torch.softmax(xs[0], dim=attrs["dim"])
    if op == "log_softmax":
        return torch.log_softmax(xs[0], dim=attrs["dim"])
    if op == "cross_entropy":
        return F.cross_entropy(xs[0], xs[1].long(), reduction=attrs["reduction"])
    if op == "mse_loss":
        return F.mse_loss(xs[0], xs[1], reduction=attrs["reduction"])
    if op == "transpose":
        return xs[0].t()
    if op == "reshape":
        return xs[0].reshape(attrs["shape"])
    raise ValueError(f"unknown op {op}")


def differentiable(op, i):
    return not (op == "cross_entropy" and i == 1)


# ---------------------------------------------------------------- hvp functions

def rosenbrock(x):
    return (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum()


def mlp_ce(attrs):
    X = torch.tensor(attrs["X"])
    y = torch.tensor(attrs["y"], dtype=torch.long)
    shapes = attrs["shapes"]

    def f(x):
        parts, offset = [], 0
        for s in shapes:
            n = torch.Size(s).numel()
            parts.append(x[offset:offset + n].reshape(s))
            offset += n
        w1, b1, w2, b2 = parts
        logits = torch.tanh(X @ w1 + b1) @ w2 + b2
        return F.cross_entropy(logits, y)

    return f


def hvp_function(attrs):
    return rosenbrock if attrs["fn"] == "rosenbrock" else mlp_ce(attrs)


def run_hvp(spec):
    f = hvp_function(spec["attrs"])
    x = from_json(spec["inputs"][0]).requires_grad_(True)
    v = from_json(spec["inputs"][1])
    (g,) = torch.autograd.grad(f(x), x, create_graph=True)
    (hv,) = torch.autograd.grad(g @ v, x)
    return dict(spec, output=tensor_json(hv), grad_output=None, grads=None, gradient=tensor_json(g))


def run_case(spec):
    """Runs the case's inputs (id, op, attrs, inputs, and grad_output for an op case)."""
    if spec["op"] == "hvp":
        return run_hvp(spec)
    xs = [from_json(t).requires_grad_(differentiable(spec["op"], i)) for i, t in enumerate(spec["inputs"])]
    out = apply_op(spec["op"], spec["attrs"], xs)
    out.backward(from_json(spec["grad_output"]))
    grads = [tensor_json(x.grad) if differentiable(spec["op"], i) else None for i, x in enumerate(xs)]
    return {"id": spec["id"], "op": spec["op"], "attrs": spec["attrs"], "inputs": spec["inputs"],
            "output": tensor_json(out.detach()), "grad_output": spec["grad_output"], "grads": grads}


OUTPUT_FIELDS = ("output", "grads", "gradient")


# ---------------------------------------------------------------- building the inputs

def rounded(t, digits=6):
    return {"shape": list(t.shape), "data": [round(float(v), digits) for v in t.reshape(-1).tolist()]}


def away_from_zero(g, *shape):
    """Entries with |v| in [0.2, 2]: no kinks for relu / abs, no blow-up for div."""
    sign = torch.where(torch.rand(tuple(shape), generator=g) < 0.5, -1.0, 1.0)
    return sign * uniform(g, 0.2, 2.0, *shape)


def distinct(g, *shape):
    """A random permutation of well-separated values: max never ties."""
    n = torch.Size(shape).numel()
    values = torch.linspace(-2, 2, n) + uniform(g, -0.05, 0.05, n)
    return values[torch.randperm(n, generator=g)].reshape(shape)


# (id suffix, op, attrs, input makers); a maker is (kind, shape): randn | pos | nonzero | distinct | classes:C
OP_CONFIGS = [
    ("add/2x1x3+4x1", "add", {}, [("randn", [2, 1, 3]), ("randn", [4, 1])]),
    ("add/scalar-shaped+2x2", "add", {}, [("randn", []), ("randn", [2, 2])]),
    ("sub/3+2x3", "sub", {}, [("randn", [3]), ("randn", [2, 3])]),
    ("sub/2x3x1-1x4", "sub", {}, [("randn", [2, 3, 1]), ("randn", [1, 4])]),
    ("mul/4x1*4x3", "mul", {}, [("randn", [4, 1]), ("randn", [4, 3])]),
    ("mul/1x3x2*2x1x2", "mul", {}, [("randn", [1, 3, 2]), ("randn", [2, 1, 2])]),
    ("div/4x1/4x3", "div", {}, [("randn", [4, 1]), ("nonzero", [4, 3])]),
    ("div/3/2x3", "div", {}, [("randn", [3]), ("nonzero", [2, 3])]),
    ("div/2x3/1", "div", {}, [("randn", [2, 3]), ("nonzero", [1])]),
    ("matmul/2x5@5x4", "matmul", {}, [("randn", [2, 5]), ("randn", [5, 4])]),
    ("matmul/4x1@1x3", "matmul", {}, [("randn", [4, 1]), ("randn", [1, 3])]),
    ("pow/4", "pow", {"exponent": 4}, [("randn", [3, 2])]),
    ("pow/1.5", "pow", {"exponent": 1.5}, [("pos", [4])]),
    ("pow/-2", "pow", {"exponent": -2}, [("nonzero", [2, 3])]),
    ("pow/0", "pow", {"exponent": 0}, [("randn", [3])]),
    ("exp/3x2", "exp", {}, [("randn", [3, 2])]),
    ("log/4", "log", {}, [("pos", [4])]),
    ("tanh/2x2x2", "tanh", {}, [("randn", [2, 2, 2])]),
    ("sigmoid/5", "sigmoid", {}, [("randn", [5])]),
    ("relu/2x3x2", "relu", {}, [("nonzero", [2, 3, 2])]),
    ("sqrt/3x2", "sqrt", {}, [("pos", [3, 2])]),
    ("abs/5", "abs", {}, [("nonzero", [5])]),
    ("sum/dim-1", "sum", {"dim": -1, "keepdim": False}, [("randn", [3, 4])]),
    ("sum/dim1-of-3d-keepdim", "sum", {"dim": 1, "keepdim": True}, [("randn", [2, 3, 2])]),
    ("sum/all-keepdim", "sum", {"dim": None, "keepdim": True}, [("randn", [2, 3])]),
    ("sum/dim-3", "sum", {"dim": -3, "keepdim": False}, [("randn", [2, 2, 3])]),
    ("mean/dim-2-keepdim", "mean", {"dim": -2, "keepdim": True}, [("randn", [4, 3])]),
    ("mean/dim2-of-3d", "mean", {"dim": 2, "keepdim": False}, [("randn", [2, 3, 4])]),
    ("mean/all-keepdim", "mean", {"dim": None, "keepdim": True}, [("randn", [3, 2])]),
    ("mean/all-1d", "mean", {"dim": None, "keepdim": False}, [("randn", [6])]),
    ("max/dim-1", "max", {"dim": -1, "keepdim": False}, [("distinct", [4, 3])]),
    ("max/dim1-of-3d-keepdim", "max", {"dim": 1, "keepdim": True}, [("distinct", [2, 4, 2])]),
    ("max/dim-2", "max", {"dim": -2, "keepdim": False}, [("distinct", [3, 5])]),
    ("max/all-3d", "max", {"dim": None, "keepdim": False}, [("distinct", [2, 3, 2])]),
    ("softmax/dim-1", "softmax", {"dim": -1}, [("randn", [2, 5])]),
    ("softmax/dim1-of-3d", "softmax", {"dim": 1}, [("randn", [2, 3, 2])]),
    ("softmax/dim0-1d", "softmax", {"dim": 0}, [("randn", [4])]),
    ("log_softmax/dim-1", "log_softmax", {"dim": -1}, [("randn", [3, 4])]),
    ("log_softmax/dim-2", "log_softmax", {"dim": -2}, [("randn", [3, 4])]),
    ("log_softmax/dim2-of-3d", "log_softmax", {"dim": 2}, [("randn", [2, 2, 3])]),
    ("cross_entropy/mean/n6c4", "cross_entropy", {"reduction": "mean"}, [("randn", [6, 4]), ("classes:4", [6])]),
    ("cross_entropy/sum/n3c5", "cross_entropy", {"reduction": "sum"}, [("randn", [3, 5]), ("classes:5", [3])]),
    ("cross_entropy/none/n4c3", "cross_entropy", {"reduction": "none"}, [("randn", [4, 3]), ("classes:3", [4])]),
    ("cross_entropy/mean/n1c2", "cross_entropy", {"reduction": "mean"}, [("randn", [1, 2]), ("classes:2", [1])]),
    ("mse_loss/mean/2x2x2", "mse_loss", {"reduction": "mean"}, [("randn", [2, 2, 2]), ("randn", [2, 2, 2])]),
    ("mse_loss/sum/3x2", "mse_loss", {"reduction": "sum"}, [("randn", [3, 2]), ("randn", [3, 2])]),
    ("transpose/2x5", "transpose", {}, [("randn", [2, 5])]),
    ("transpose/1x3", "transpose", {}, [("randn", [1, 3])]),
    ("reshape/2x6-to--1x3", "reshape", {"shape": [-1, 3]}, [("randn", [2, 6])]),
    ("reshape/4x3-to-2x-1x2", "reshape", {"shape": [2, -1, 2]}, [("randn", [4, 3])]),
    ("reshape/2x3x2-to-12", "reshape", {"shape": [12]}, [("randn", [2, 3, 2])]),
]


def make_input(g, kind, shape):
    if kind == "randn":
        return randn(g, *shape)
    if kind == "pos":
        return uniform(g, 0.2, 3.0, *shape)
    if kind == "nonzero":
        return away_from_zero(g, *shape)
    if kind == "distinct":
        return distinct(g, *shape)
    if kind.startswith("classes:"):
        return torch.randint(0, int(kind.split(":")[1]), shape, generator=g).to(torch.float64)
    raise ValueError(kind)


def build_op_spec(config, seed, index):
    suffix, op, attrs, makers = config
    g = generator(seed * 1000 + index)
    inputs = [rounded(make_input(g, kind, shape)) for kind, shape in makers]
    xs = [from_json(t) for t in inputs]
    out_shape = list(apply_op(op, attrs, xs).shape)
    return {"id": f"{suffix}/seed{seed}", "op": op, "attrs": attrs, "inputs": inputs,
            "grad_output": rounded(randn(g, *out_shape))}


# (id suffix, fn, n or (d, h, k, samples))
HVP_CONFIGS = [
    ("hvp/rosenbrock-3", "rosenbrock", 3),
    ("hvp/rosenbrock-5", "rosenbrock", 5),
    ("hvp/rosenbrock-9", "rosenbrock", 9),
    ("hvp/rosenbrock-2", "rosenbrock", 2),
    ("hvp/mlp_ce/d4-h3-k3-n7", "mlp_ce", (4, 3, 3, 7)),
    ("hvp/mlp_ce/d2-h5-k4-n4", "mlp_ce", (2, 5, 4, 4)),
    ("hvp/mlp_ce/d3-h2-k2-n3", "mlp_ce", (3, 2, 2, 3)),
]


def build_hvp_spec(config, seed, index):
    suffix, fn, size = config
    g = generator(seed * 1000 + 500 + index)
    attrs = {"fn": fn}
    if fn == "rosenbrock":
        n = size
    else:
        d, h, k, samples = size
        attrs["X"] = [[round(float(v), 6) for v in row] for row in randn(g, samples, d).tolist()]
        attrs["y"] = torch.randint(0, k, (samples,), generator=g).tolist()
        attrs["shapes"] = [[d, h], [h], [h, k], [k]]
        n = d * h + h + h * k + k
    x = rounded(uniform(g, -1.5, 1.5, n) if fn == "rosenbrock" else randn(g, n))
    v = rounded(randn(g, n))
    return {"id": f"{suffix}/seed{seed}", "op": "hvp", "attrs": attrs, "inputs": [x, v],
            "output": None, "grad_output": None, "grads": None}


def build_cases():
    cases = []
    for seed in SEEDS:
        for index, config in enumerate(OP_CONFIGS):
            cases.append(run_case(build_op_spec(config, seed, index)))
        for index, config in enumerate(HVP_CONFIGS):
            cases.append(run_case(build_hvp_spec(config, seed, index)))
    return cases
