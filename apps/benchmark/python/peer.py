"""The PyTorch and SciPy side of `pnpm bench`.

    python3 peer.py probe        prints which of numpy, torch and scipy import, with versions
    python3 peer.py run          reads {"budget": {...}, "tasks": [...]} on stdin, prints
                                 {"results": {id: {...}}, "errors": {id: message}} on stdout
    python3 peer.py serve        the same, one request per line and one answer per line, until
                                 stdin closes (so that torch is imported once per benchmark)

Every task mirrors one measurement of the TypeScript sections: same sizes, same data (sent in
the request or read from the same file), same timing rule (warm-up, runs until both a minimum
count and a time budget have passed, median and quartiles). Nothing else is printed on stdout.
"""

import gzip
import json
import math
import sys
import time


def probe():
    out = {"python": sys.version.split()[0]}
    for name in ("numpy", "torch", "scipy"):
        try:
            module = __import__(name)
            out[name] = module.__version__
        except Exception as error:  # any failure to import means "absent", with the reason
            out[name] = None
            out[name + "_error"] = f"{type(error).__name__}: {error}"
    return out


# ---- timing: the same rule as src/harness.ts --------------------------------------------------


def quantile(values, q):
    s = sorted(values)
    position = q * (len(s) - 1)
    below = int(math.floor(position))
    above = min(below + 1, len(s) - 1)
    return s[below] + (s[above] - s[below]) * (position - below)


def measure(fn, budget):
    warm_start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        fn()
        last_ms = (time.perf_counter() - t0) * 1e3
        if (time.perf_counter() - warm_start) * 1e3 >= budget["warmupMs"]:
            break
    calls = max(1, math.ceil(budget["minRunMs"] / max(last_ms, 1e-3)))
    samples = []
    start = time.perf_counter()
    while len(samples) < budget["maxRuns"] and (
        len(samples) < budget["minRuns"] or (time.perf_counter() - start) * 1e3 < budget["budgetMs"]
    ):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        samples.append((time.perf_counter() - t0) * 1e3 / calls)
    return {
        "medianMs": quantile(samples, 0.5),
        "q1Ms": quantile(samples, 0.25),
        "q3Ms": quantile(samples, 0.75),
        "runs": len(samples),
        "callsPerRun": calls,
    }


# ---- speed tasks (torch) -----------------------------------------------------------------------


def torch_threads(task):
    import torch

    torch.set_num_threads(task.get("threads", 1))
    return torch


def task_matmul(task, budget):
    torch = torch_threads(task)
    dtype = {"float32": torch.float32, "float64": torch.float64}[task["dtype"]]
    n = task["n"]
    a = torch.randn(n, n, dtype=dtype)
    b = torch.randn(n, n, dtype=dtype)
    return measure(lambda: torch.matmul(a, b), budget)


def task_elementwise(task, budget):
    torch = torch_threads(task)
    size = task["size"]
    a = torch.rand(size) + 0.5
    b = torch.rand(size) + 0.5
    ops = {
        "add": lambda: torch.add(a, b),
        "mul": lambda: torch.mul(a, b),
        "exp": lambda: torch.exp(a),
        "relu": lambda: torch.relu(a),
        "sum": lambda: torch.sum(a),
        "max": lambda: torch.max(a),
    }
    return measure(ops[task["op"]], budget)


def task_copy(task, budget):
    torch = torch_threads(task)
    src = torch.rand(task["size"])
    dst = torch.empty_like(src)
    return measure(lambda: dst.copy_(src), budget)


def make_mlp(torch, sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def task_mlp(task, budget):
    """Forward + backward ("fwd-bwd"), forward alone ("forward") or a full Adam step ("train-step")."""
    torch = torch_threads(task)
    torch.manual_seed(0)
    sizes, batch = task["sizes"], task["batch"]
    model = make_mlp(torch, sizes)
    x = torch.randn(batch, sizes[0])
    y = torch.randint(0, sizes[-1], (batch,))
    loss_fn = torch.nn.CrossEntropyLoss()
    mode = task["mode"]
    if mode == "forward":

        def step():
            with torch.no_grad():
                model(x)

    elif mode == "fwd-bwd":

        def step():
            model.zero_grad(set_to_none=True)
            loss_fn(model(x), y).backward()

    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=task.get("lr", 1e-3))

        def step():
            optimizer.zero_grad(set_to_none=True)
            loss_fn(model(x), y).backward()
            optimizer.step()

    return measure(step, budget)


OPTIMIZERS = {
    "sgd": ("SGD", {}),
    "adam": ("Adam", {}),
    "adamw": ("AdamW", {}),
    "adamax": ("Adamax", {}),
    "adadelta": ("Adadelta", {}),
    "adagrad": ("Adagrad", {}),
    "rmsprop": ("RMSprop", {}),
    "nadam": ("NAdam", {}),
    "radam": ("RAdam", {}),
    "asgd": ("ASGD", {}),
    "rprop": ("Rprop", {}),
}


def make_optimizer(torch, params, spec):
    cls, defaults = OPTIMIZERS[spec["optimizer"]]
    options = dict(defaults)
    options.update(spec.get("options", {}))
    if "betas" in options:
        options["betas"] = tuple(options["betas"])
    if "etas" in options:
        options["etas"] = tuple(options["etas"])
    if "step_sizes" in options:
        options["step_sizes"] = tuple(options["step_sizes"])
    return getattr(torch.optim, cls)(params, **options)


def task_optimizer_step(task, budget):
    torch = torch_threads(task)
    size = task["size"]
    param = torch.nn.Parameter(torch.rand(size) - 0.5)
    param.grad = (torch.rand(size) - 0.5) * 1e-3
    optimizer = make_optimizer(torch, [param], task)
    # A torch.no_grad step over one tensor: PyTorch's single-tensor path (one tensor, so the
    # foreach path would not change anything).
    return measure(optimizer.step, budget)


# ---- training epochs ------------------------------------------------------------------------


def load_digits(path):
    import numpy as np

    with gzip.open(path, "rt") as f:
        rows = np.loadtxt(f, delimiter=",", dtype=np.float64)
    return (rows[:, :-1] / 16.0).astype(np.float32), rows[:, -1].astype(np.int64)


def read_idx(path):
    import numpy as np

    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    nd = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(nd)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * nd).reshape(dims)


def load_dataset(spec):
    """(x_train, y_train, x_test, y_test) as the TypeScript side built them (see src/data/)."""
    import numpy as np

    if spec["kind"] == "digits":
        x, y = load_digits(spec["path"])
        train, test = np.array(spec["train"]), np.array(spec["test"])
        return x[train], y[train], x[test], y[test]
    images = lambda key: (read_idx(spec[key]).reshape(-1, 784) / 255.0).astype(np.float32)
    labels = lambda key: read_idx(spec[key]).astype(np.int64)
    return images("trainImages"), labels("trainLabels"), images("testImages"), labels("testLabels")


def task_train(task, budget):
    """Epochs of minibatch Adam in the batch orders the TypeScript side sent; epoch times and test accuracy."""
    torch = torch_threads(task)
    torch.manual_seed(task.get("seed", 0))
    x_train, y_train, x_test, y_test = (torch.from_numpy(a) for a in load_dataset(task["dataset"]))
    model = make_mlp(torch, task["sizes"])
    optimizer = torch.optim.Adam(model.parameters(), lr=task["lr"])
    loss_fn = torch.nn.CrossEntropyLoss()
    batch = task["batch"]
    epoch_ms = []
    for order in task["orders"]:
        t0 = time.perf_counter()
        order = torch.tensor(order)
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            optimizer.zero_grad(set_to_none=True)
            loss_fn(model(x_train[idx]), y_train[idx]).backward()
            optimizer.step()
        epoch_ms.append((time.perf_counter() - t0) * 1e3)
    with torch.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).double().mean().item()
    return {"epochMs": epoch_ms, "accuracy": accuracy}


# ---- convergence -----------------------------------------------------------------------------


def make_scheduler(torch, optimizer, spec):
    if spec is None or spec["kind"] == "constant":
        return None
    s = torch.optim.lr_scheduler
    kind = spec["kind"]
    if kind == "step":
        return s.StepLR(optimizer, step_size=spec["stepSize"], gamma=spec["gamma"])
    if kind == "exponential":
        return s.ExponentialLR(optimizer, gamma=spec["gamma"])
    if kind == "cosine":
        return s.CosineAnnealingLR(optimizer, T_max=spec["tMax"], eta_min=spec.get("etaMin", 0))
    if kind == "warmup-cosine":
        warm = s.LinearLR(optimizer, start_factor=spec["startFactor"], total_iters=spec["warmupSteps"])
        cos = s.CosineAnnealingLR(optimizer, T_max=spec["tMax"], eta_min=spec.get("etaMin", 0))
        return s.SequentialLR(optimizer, [warm, cos], milestones=[spec["warmupSteps"]])
    if kind == "onecycle":
        return s.OneCycleLR(optimizer, max_lr=spec["maxLr"], total_steps=spec["totalSteps"])
    raise ValueError(f"unknown schedule {kind}")


def quadratic_eigenvalues(torch, n, condition):
    return torch.tensor([condition ** (i / (n - 1)) for i in range(n)], dtype=torch.float64)


def convergence_run(torch, problem, data, start, run, budgets):
    """One optimizer (and schedule) from one start; the loss after each budget."""
    losses = []
    last = budgets[-1]
    if problem["kind"] in ("quadratic", "rosenbrock"):
        p = torch.tensor(start["x0"], dtype=torch.float64, requires_grad=True)
        if problem["kind"] == "quadratic":
            lam = quadratic_eigenvalues(torch, len(start["x0"]), problem["condition"])
            loss_of = lambda v: 0.5 * torch.sum(lam * v * v)
        else:
            loss_of = lambda v: (1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2
        optimizer = make_optimizer(torch, [p], run)
        scheduler = make_scheduler(torch, optimizer, run.get("schedule"))
        for step in range(1, last + 1):
            optimizer.zero_grad(set_to_none=True)
            loss_of(p).backward()
            optimizer.step()
            if scheduler is not None:
                scheduler.step()
            if step in budgets:
                with torch.no_grad():
                    losses.append(loss_of(p).item())
        return losses
    x, y = data
    model = make_mlp(torch, problem["sizes"])
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    with torch.no_grad():
        for layer, w in zip(linears, start["weights"]):
            layer.weight.copy_(torch.tensor(w["weight"], dtype=torch.float32).reshape(layer.weight.shape))
            layer.bias.copy_(torch.tensor(w["bias"], dtype=torch.float32))
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = make_optimizer(torch, model.parameters(), run)
    scheduler = make_scheduler(torch, optimizer, run.get("schedule"))
    batches = torch.tensor(start["batches"]).reshape(last, -1)
    for step in range(1, last + 1):
        idx = batches[step - 1]
        optimizer.zero_grad(set_to_none=True)
        loss_fn(model(x[idx]), y[idx]).backward()
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        if step in budgets:
            with torch.no_grad():
                losses.append(loss_fn(model(x), y).item())
    return losses


def task_convergence(task, budget):
    """Every run (optimizer + schedule) from every start of one problem: {"runs": {id: [losses per start]}}."""
    torch = torch_threads(task)
    problem = task["problem"]
    data = None
    if problem["kind"] == "digits-mlp":
        x_train, y_train, _, _ = load_dataset(problem["dataset"])
        data = (torch.from_numpy(x_train), torch.from_numpy(y_train))
    out = {}
    for run in task["runs"]:
        out[run["id"]] = [convergence_run(torch, problem, data, start, run, task["budgets"]) for start in task["starts"]]
    return {"runs": out}


# ---- second order (scipy) --------------------------------------------------------------------


def extended_rosenbrock(np):
    """Moré, Garbow & Hillstrom problem 21: Σ over pairs 100 (x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)²."""

    def fun(x):
        odd, even = x[0::2], x[1::2]
        t = even - odd * odd
        u = 1 - odd
        f = float(np.sum(100 * t * t + u * u))
        g = np.empty_like(x)
        g[0::2] = -400 * odd * t - 2 * u
        g[1::2] = 200 * t
        return f, g

    return fun


def task_rosenbrock(task, budget):
    import numpy as np
    from scipy.optimize import minimize

    n = task["n"]
    x0 = np.tile([-1.2, 1.0], n // 2)
    fun = extended_rosenbrock(np)
    method = task["method"]

    def solve():
        return minimize(fun, x0, jac=True, method=method)

    result = solve()
    timing = measure(solve, budget)
    return {
        "nit": int(result.nit),
        "nfev": int(result.nfev),
        "njev": int(getattr(result, "njev", result.nfev)),
        "fun": float(result.fun),
        "success": bool(result.success),
        "timing": timing,
    }


def mgh_problem(np, name):
    """Residuals r(x) of the Moré–Garbow–Hillstrom problems the TypeScript side uses; f = Σ r²."""
    if name == "rosenbrock":
        return lambda x: np.array([10 * (x[1] - x[0] ** 2), 1 - x[0]])
    if name == "freudenstein-roth":
        return lambda x: np.array(
            [-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1], -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]]
        )
    if name == "powell-badly-scaled":
        return lambda x: np.array([1e4 * x[0] * x[1] - 1, np.exp(-x[0]) + np.exp(-x[1]) - 1.0001])
    if name == "brown-badly-scaled":
        return lambda x: np.array([x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2])
    if name == "beale":
        return lambda x: np.array([c - x[0] * (1 - x[1] ** i) for i, c in ((1, 1.5), (2, 2.25), (3, 2.625))])
    if name == "helical-valley":

        def r(x):
            theta = np.arctan(x[1] / x[0]) / (2 * np.pi) + (0.5 if x[0].real < 0 else 0.0)
            return np.array([10 * (x[2] - 10 * theta), 10 * (np.sqrt(x[0] ** 2 + x[1] ** 2) - 1), x[2]])

        return r
    if name == "bard":
        ys = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39]

        def r(x):
            out = []
            for i in range(1, 16):
                u, v = i, 16 - i
                w = min(u, v)
                out.append(ys[i - 1] - (x[0] + u / (v * x[1] + w * x[2])))
            return np.array(out)

        return r
    if name == "box-3d":

        def r(x):
            out = []
            for i in range(1, 11):
                t = 0.1 * i
                out.append(np.exp(-t * x[0]) - np.exp(-t * x[1]) - x[2] * (np.exp(-t) - np.exp(-10 * t)))
            return np.array(out)

        return r
    if name == "powell-singular":
        return lambda x: np.array(
            [x[0] + 10 * x[1], math.sqrt(5) * (x[2] - x[3]), (x[1] - 2 * x[2]) ** 2, math.sqrt(10) * (x[0] - x[3]) ** 2]
        )
    if name == "wood":
        return lambda x: np.array(
            [
                10 * (x[1] - x[0] ** 2),
                1 - x[0],
                math.sqrt(90) * (x[3] - x[2] ** 2),
                1 - x[2],
                math.sqrt(10) * (x[1] + x[3] - 2),
                (x[1] - x[3]) / math.sqrt(10),
            ]
        )
    if name == "kowalik-osborne":
        ys = [0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246]
        us = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625]
        return lambda x: np.array(
            [y - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]) for y, u in zip(ys, us)]
        )
    if name == "biggs-exp6":

        def r(x):
            out = []
            for i in range(1, 14):
                t = 0.1 * i
                y = math.exp(-t) - 5 * math.exp(-10 * t) + 3 * math.exp(-4 * t)
                out.append(
                    x[2] * np.exp(-t * x[0]) - x[3] * np.exp(-t * x[1]) + x[5] * np.exp(-t * x[4]) - y
                )
            return np.array(out)

        return r
    if name == "watson":

        def r(x):
            n = len(x)
            out = []
            for i in range(1, 30):
                t = i / 29
                s1 = sum(j * x[j] * t ** (j - 1) for j in range(1, n))
                s2 = sum(x[j] * t**j for j in range(n))
                out.append(s1 - s2 * s2 - 1)
            out.append(x[0])
            out.append(x[1] - x[0] ** 2 - 1)
            return np.array(out)

        return r
    if name == "variably-dimensioned":

        def r(x):
            n = len(x)
            s = sum((j + 1) * (x[j] - 1) for j in range(n))
            return np.array([x[j] - 1 for j in range(n)] + [s, s * s])

        return r
    if name == "trigonometric":

        def r(x):
            n = len(x)
            c = np.cos(x)
            total = np.sum(c)
            return np.array([n - total + (j + 1) * (1 - c[j]) - np.sin(x[j]) for j in range(n)])

        return r
    if name == "penalty-1":

        def r(x):
            n = len(x)
            a = math.sqrt(1e-5)
            return np.array([a * (x[j] - 1) for j in range(n)] + [np.sum(x * x) - 0.25])

        return r
    raise ValueError(f"unknown MGH problem {name}")


def task_mgh(task, budget):
    """SciPy's minimize on one MGH problem; the gradient by complex-step differentiation (exact to
    rounding, so the evaluation counts are those of an analytic gradient)."""
    import numpy as np
    from scipy.optimize import minimize

    residuals = mgh_problem(np, task["problem"])
    x0 = np.array(task["x0"], dtype=np.float64)
    n = len(x0)
    h = 1e-30

    def fun(x):
        r = residuals(x.astype(np.complex128))
        f = float(np.sum(r.real * r.real))
        g = np.empty(n)
        for j in range(n):
            e = x.astype(np.complex128)
            e[j] += 1j * h
            rj = residuals(e)
            g[j] = float(np.sum(rj * rj).imag) / h
        return f, g

    f0, g0 = fun(x0)
    options = {"maxiter": task.get("maxiter", 2000)}
    t0 = time.perf_counter()
    result = minimize(fun, x0, jac=True, method=task["method"], options=options)
    ms = (time.perf_counter() - t0) * 1e3
    return {
        "f0": f0,
        "g0": g0.tolist(),
        "nit": int(result.nit),
        "nfev": int(result.nfev),
        "fun": float(result.fun),
        "success": bool(result.success),
        "ms": ms,
    }


TASKS = {
    "matmul": task_matmul,
    "elementwise": task_elementwise,
    "copy": task_copy,
    "mlp": task_mlp,
    "optimizer-step": task_optimizer_step,
    "train": task_train,
    "convergence": task_convergence,
    "rosenbrock": task_rosenbrock,
    "mgh": task_mgh,
}


def run(request):
    results, errors = {}, {}
    budget = request["budget"]
    for task in request["tasks"]:
        try:
            results[task["id"]] = TASKS[task["kind"]](task, budget)
        except Exception as error:  # one failed task must not lose the others' numbers
            errors[task["id"]] = f"{type(error).__name__}: {error}"
    return {"results": results, "errors": errors}


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "probe":
        print(json.dumps(probe()))
    elif command == "run":
        print(json.dumps(run(json.load(sys.stdin))))
    elif command == "serve":
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(run(json.loads(line))), flush=True)
    else:
        print("usage: peer.py probe | run < request.json | serve", file=sys.stderr)
        sys.exit(2)
