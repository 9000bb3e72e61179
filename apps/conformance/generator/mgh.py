"""The Moré–Garbow–Hillstrom (1981) test problems of SCHEMA.md, in residual form.

J. J. Moré, B. S. Garbow, K. E. Hillstrom, "Testing Unconstrained Optimization Software",
ACM TOMS 7(1), 1981. Each problem is a residual function r(x) written once in torch
(float64); f(x) = sum r_i(x)^2. Its derivatives are exact, taken by torch autograd from
that one definition (no finite differences, no second hand-written copy to drift):
the Jacobian J for least_squares, the gradient of f for minimize, and the Hessian of f
for Newton-CG and trust-ncg. `check_derivatives` compares them with central differences.

Problem data and standard starting points follow the paper; where SCHEMA.md fixes a
choice the paper leaves open (m for gulf / chebyquad / linear_full_rank / watson, the
gulf misprint, helical valley's theta) it is SCHEMA.md's choice.
"""
import math
import warnings

import numpy as np
import torch
from torch.autograd.functional import hessian, jacobian

torch.set_default_dtype(torch.float64)
# vectorize=True batches autograd's backward passes with vmap (same numbers, 3-4x faster);
# torch 1.13 warns that this path is experimental.
warnings.filterwarnings("ignore", message=".*vmap.*")
warnings.filterwarnings("ignore", message=".*vectorize.*")

T = torch.tensor


def rosenbrock(x, m):
    odd, even = x[0::2], x[1::2]
    return torch.stack([10 * (even - odd ** 2), 1 - odd], dim=1).reshape(-1)


def freudenstein_roth(x, m):
    x1, x2 = x[0], x[1]
    return torch.stack([-13 + x1 + ((5 - x2) * x2 - 2) * x2, -29 + x1 + ((x2 + 1) * x2 - 14) * x2])


def powell_badly_scaled(x, m):
    x1, x2 = x[0], x[1]
    return torch.stack([1e4 * x1 * x2 - 1, torch.exp(-x1) + torch.exp(-x2) - 1.0001])


def brown_badly_scaled(x, m):
    x1, x2 = x[0], x[1]
    return torch.stack([x1 - 1e6, x2 - 2e-6, x1 * x2 - 2])


def beale(x, m):
    y = T([1.5, 2.25, 2.625])
    i = T([1.0, 2.0, 3.0])
    return y - x[0] * (1 - x[1] ** i)


def jennrich_sampson(x, m):
    i = torch.arange(1, m + 1, dtype=torch.float64)
    return 2 + 2 * i - (torch.exp(i * x[0]) + torch.exp(i * x[1]))


def helical_valley(x, m):
    x1, x2, x3 = x[0], x[1], x[2]
    theta = torch.atan(x2 / x1) / (2 * math.pi)
    theta = torch.where(x1 < 0, theta + 0.5, theta)
    return torch.stack([10 * (x3 - 10 * theta), 10 * (torch.sqrt(x1 ** 2 + x2 ** 2) - 1), x3])


BARD_Y = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39]


def bard(x, m):
    u = torch.arange(1, 16, dtype=torch.float64)
    v = 16 - u
    w = torch.minimum(u, v)
    return T(BARD_Y) - (x[0] + u / (v * x[1] + w * x[2]))


GAUSSIAN_Y = [0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
              0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009]


def gaussian(x, m):
    t = (8 - torch.arange(1, 16, dtype=torch.float64)) / 2
    return x[0] * torch.exp(-x[1] * (t - x[2]) ** 2 / 2) - T(GAUSSIAN_Y)


MEYER_Y = [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872]


def meyer(x, m):
    t = 45 + 5 * torch.arange(1, 17, dtype=torch.float64)
    return x[0] * torch.exp(x[1] / (t + x[2])) - T(MEYER_Y, dtype=torch.float64)


def gulf(x, m):
    t = torch.arange(1, m + 1, dtype=torch.float64) / 100
    y = 25 + (-50 * torch.log(t)) ** (2 / 3)
    return torch.exp(-torch.abs(y - x[1]) ** x[2] / x[0]) - t


def box3d(x, m):
    t = 0.1 * torch.arange(1, m + 1, dtype=torch.float64)
    return torch.exp(-t * x[0]) - torch.exp(-t * x[1]) - x[2] * (torch.exp(-t) - torch.exp(-10 * t))


def powell_singular(x, m):
    return extended_powell(x, m)


def wood(x, m):
    x1, x2, x3, x4 = x[0], x[1], x[2], x[3]
    return torch.stack([10 * (x2 - x1 ** 2), 1 - x1, math.sqrt(90) * (x4 - x3 ** 2), 1 - x3,
                        math.sqrt(10) * (x2 + x4 - 2), (x2 - x4) / math.sqrt(10)])


KOWALIK_Y = [0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246]
KOWALIK_U = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625]


def kowalik_osborne(x, m):
    u = T(KOWALIK_U, dtype=torch.float64)
    return T(KOWALIK_Y) - x[0] * (u ** 2 + u * x[1]) / (u ** 2 + u * x[2] + x[3])


def brown_dennis(x, m):
    t = torch.arange(1, m + 1, dtype=torch.float64) / 5
    return (x[0] + t * x[1] - torch.exp(t)) ** 2 + (x[2] + x[3] * torch.sin(t) - torch.cos(t)) ** 2


OSBORNE1_Y = [0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751, 0.718,
              0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467,
              0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406]


def osborne1(x, m):
    t = 10 * torch.arange(0, 33, dtype=torch.float64)
    return T(OSBORNE1_Y) - (x[0] + x[1] * torch.exp(-t * x[3]) + x[2] * torch.exp(-t * x[4]))


def biggs_exp6(x, m):
    t = 0.1 * torch.arange(1, m + 1, dtype=torch.float64)
    y = torch.exp(-t) - 5 * torch.exp(-10 * t) + 3 * torch.exp(-4 * t)
    return x[2] * torch.exp(-t * x[0]) - x[3] * torch.exp(-t * x[1]) + x[5] * torch.exp(-t * x[4]) - y


OSBORNE2_Y = [1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679,
              0.608, 0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644,
              0.624, 0.661, 0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375, 0.372, 0.391,
              0.396, 0.405, 0.428, 0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668,
              0.645, 0.632, 0.591, 0.559, 0.597, 0.625, 0.739, 0.710, 0.729, 0.720, 0.636, 0.581,
              0.428, 0.292, 0.162, 0.098, 0.054]


def osborne2(x, m):
    t = torch.arange(0, 65, dtype=torch.float64) / 10
    model = (x[0] * torch.exp(-t * x[4]) + x[1] * torch.exp(-(t - x[8]) ** 2 * x[5])
             + x[2] * torch.exp(-(t - x[9]) ** 2 * x[6]) + x[3] * torch.exp(-(t - x[10]) ** 2 * x[7]))
    return T(OSBORNE2_Y) - model


def watson(x, m):
    n = x.shape[0]
    t = torch.arange(1, 30, dtype=torch.float64) / 29
    j = torch.arange(1, n + 1, dtype=torch.float64)
    powers = t[:, None] ** (j[None, :] - 1)  # t_i^(j-1), j = 1..n
    s1 = (powers[:, :-1] * (j[1:] - 1) * x[1:]).sum(dim=1)  # sum_{j>=2} (j-1) x_j t^(j-2)
    s2 = (powers * x).sum(dim=1)
    return torch.cat([s1 - s2 ** 2 - 1, torch.stack([x[0], x[1] - x[0] ** 2 - 1])])


def extended_powell(x, m):
    a, b, c, d = x[0::4], x[1::4], x[2::4], x[3::4]
    return torch.stack([a + 10 * b, math.sqrt(5) * (c - d), (b - 2 * c) ** 2, math.sqrt(10) * (a - d) ** 2], dim=1).reshape(-1)


def penalty1(x, m):
    return torch.cat([math.sqrt(1e-5) * (x - 1), ((x ** 2).sum() - 0.25).reshape(1)])


def penalty2(x, m):
    n = x.shape[0]
    a = math.sqrt(1e-5)
    i = torch.arange(2, n + 1, dtype=torch.float64)
    y = torch.exp(i / 10) + torch.exp((i - 1) / 10)
    middle = a * (torch.exp(x[1:] / 10) + torch.exp(x[:-1] / 10) - y)
    tail = a * (torch.exp(x[1:] / 10) - math.exp(-0.1))
    weights = torch.arange(n, 0, -1, dtype=torch.float64)
    last = (weights * x ** 2).sum() - 1
    return torch.cat([(x[0] - 0.2).reshape(1), middle, tail, last.reshape(1)])


def variably_dimensioned(x, m):
    n = x.shape[0]
    s = (torch.arange(1, n + 1, dtype=torch.float64) * (x - 1)).sum()
    return torch.cat([x - 1, s.reshape(1), (s ** 2).reshape(1)])


def trigonometric(x, m):
    n = x.shape[0]
    i = torch.arange(1, n + 1, dtype=torch.float64)
    return n - torch.cos(x).sum() + i * (1 - torch.cos(x)) - torch.sin(x)


def brown_almost_linear(x, m):
    n = x.shape[0]
    return torch.cat([x[:-1] + x.sum() - (n + 1), (torch.prod(x) - 1).reshape(1)])


def discrete_boundary(x, m):
    n = x.shape[0]
    h = 1 / (n + 1)
    t = torch.arange(1, n + 1, dtype=torch.float64) * h
    padded = torch.cat([x.new_zeros(1), x, x.new_zeros(1)])
    return 2 * x - padded[:-2] - padded[2:] + h ** 2 * (x + t + 1) ** 3 / 2


def discrete_integral(x, m):
    n = x.shape[0]
    h = 1 / (n + 1)
    t = torch.arange(1, n + 1, dtype=torch.float64) * h
    cube = (x + t + 1) ** 3
    lower = torch.cumsum(t * cube, dim=0)  # sum_{j<=i} t_j (x_j + t_j + 1)^3
    upper_all = torch.cumsum(((1 - t) * cube).flip(0), dim=0).flip(0)  # sum_{j>=i}
    upper = torch.cat([upper_all[1:], x.new_zeros(1)])  # sum_{j>i}
    return x + h * ((1 - t) * lower + t * upper) / 2


def broyden_tridiagonal(x, m):
    padded = torch.cat([x.new_zeros(1), x, x.new_zeros(1)])
    return (3 - 2 * x) * x - padded[:-2] - 2 * padded[2:] + 1


def broyden_banded(x, m):
    n = x.shape[0]
    rows = []
    for i in range(n):
        band = [j for j in range(max(0, i - 5), min(n - 1, i + 1) + 1) if j != i]
        s = (x[band] * (1 + x[band])).sum() if band else x.new_zeros(())
        rows.append(x[i] * (2 + 5 * x[i] ** 2) + 1 - s)
    return torch.stack(rows)


def linear_full_rank(x, m):
    n = x.shape[0]
    s = x.sum()
    return torch.cat([x - 2 / m * s - 1, (-2 / m * s - 1).expand(m - n)])


def chebyquad(x, m):
    n = x.shape[0]
    y = 2 * x - 1
    prev, cur = torch.ones_like(x), y
    rows = []
    for i in range(1, m + 1):
        integral = -1 / (i * i - 1) if i % 2 == 0 else 0.0
        rows.append(cur.sum() / n - integral)
        prev, cur = cur, 2 * y * cur - prev
    return torch.stack(rows)


def boundary_x0(n):
    """x0_j = t_j (t_j - 1) with t_j = j·h, h = 1/(n+1), as the residuals compute t."""
    h = 1 / (n + 1)
    return [(j * h) * (j * h - 1) for j in range(1, n + 1)]


# name -> (residuals, m as a function of n, standard x0 as a function of n, allowed n)
PROBLEMS = {
    "rosenbrock": (rosenbrock, lambda n: n, lambda n: [-1.2, 1.0] * (n // 2), lambda n: n % 2 == 0),
    "freudenstein_roth": (freudenstein_roth, lambda n: 2, lambda n: [0.5, -2.0], lambda n: n == 2),
    "powell_badly_scaled": (powell_badly_scaled, lambda n: 2, lambda n: [0.0, 1.0], lambda n: n == 2),
    "brown_badly_scaled": (brown_badly_scaled, lambda n: 3, lambda n: [1.0, 1.0], lambda n: n == 2),
    "beale": (beale, lambda n: 3, lambda n: [1.0, 1.0], lambda n: n == 2),
    "jennrich_sampson": (jennrich_sampson, lambda n: 10, lambda n: [0.3, 0.4], lambda n: n == 2),
    "helical_valley": (helical_valley, lambda n: 3, lambda n: [-1.0, 0.0, 0.0], lambda n: n == 3),
    "bard": (bard, lambda n: 15, lambda n: [1.0, 1.0, 1.0], lambda n: n == 3),
    "gaussian": (gaussian, lambda n: 15, lambda n: [0.4, 1.0, 0.0], lambda n: n == 3),
    "meyer": (meyer, lambda n: 16, lambda n: [0.02, 4000.0, 250.0], lambda n: n == 3),
    "gulf": (gulf, lambda n: 99, lambda n: [5.0, 2.5, 0.15], lambda n: n == 3),
    "box3d": (box3d, lambda n: 10, lambda n: [0.0, 10.0, 20.0], lambda n: n == 3),
    "powell_singular": (powell_singular, lambda n: 4, lambda n: [3.0, -1.0, 0.0, 1.0], lambda n: n == 4),
    "wood": (wood, lambda n: 6, lambda n: [-3.0, -1.0, -3.0, -1.0], lambda n: n == 4),
    "kowalik_osborne": (kowalik_osborne, lambda n: 11, lambda n: [0.25, 0.39, 0.415, 0.39], lambda n: n == 4),
    "brown_dennis": (brown_dennis, lambda n: 20, lambda n: [25.0, 5.0, -5.0, -1.0], lambda n: n == 4),
    "osborne1": (osborne1, lambda n: 33, lambda n: [0.5, 1.5, -1.0, 0.01, 0.02], lambda n: n == 5),
    "biggs_exp6": (biggs_exp6, lambda n: 13, lambda n: [1.0, 2.0, 1.0, 1.0, 1.0, 1.0], lambda n: n == 6),
    "osborne2": (osborne2, lambda n: 65,
                 lambda n: [1.3, 0.65, 0.65, 0.7, 0.6, 3.0, 5.0, 7.0, 2.0, 4.5, 5.5], lambda n: n == 11),
    "watson": (watson, lambda n: 31, lambda n: [0.0] * n, lambda n: n in (6, 9)),
    "extended_powell": (extended_powell, lambda n: n, lambda n: [3.0, -1.0, 0.0, 1.0] * (n // 4), lambda n: n % 4 == 0),
    "penalty1": (penalty1, lambda n: n + 1, lambda n: [float(j) for j in range(1, n + 1)], lambda n: n >= 1),
    "penalty2": (penalty2, lambda n: 2 * n, lambda n: [0.5] * n, lambda n: n >= 2),
    "variably_dimensioned": (variably_dimensioned, lambda n: n + 2, lambda n: [1 - j / n for j in range(1, n + 1)], lambda n: n >= 1),
    "trigonometric": (trigonometric, lambda n: n, lambda n: [1 / n] * n, lambda n: n >= 1),
    "brown_almost_linear": (brown_almost_linear, lambda n: n, lambda n: [0.5] * n, lambda n: n >= 2),
    "discrete_boundary": (discrete_boundary, lambda n: n,
                          boundary_x0, lambda n: n >= 1),
    "discrete_integral": (discrete_integral, lambda n: n,
                          boundary_x0, lambda n: n >= 1),
    "broyden_tridiagonal": (broyden_tridiagonal, lambda n: n, lambda n: [-1.0] * n, lambda n: n >= 1),
    "broyden_banded": (broyden_banded, lambda n: n, lambda n: [-1.0] * n, lambda n: n >= 1),
    "linear_full_rank": (linear_full_rank, lambda n: 2 * n, lambda n: [1.0] * n, lambda n: n >= 1),
    "chebyquad": (chebyquad, lambda n: n, lambda n: [j / (n + 1) for j in range(1, n + 1)], lambda n: n >= 1),
}


class Problem:
    """One MGH problem at a given n, as numpy callables for SciPy.

    `arithmetic="perturbed"` computes the same exact derivatives in another order
    (forward-mode Jacobian, gradient by autograd of sum r_i^2, Hessian of r.r, f summed
    by torch): the results differ only by rounding. second_order.py uses it to drop cases
    whose outcome hangs on rounding rather than on the algorithm.
    """

    def __init__(self, name, n, arithmetic="reference"):
        residuals, m_of, x0_of, allowed = PROBLEMS[name]
        if not allowed(n):
            raise ValueError(f"{name} is not defined for n = {n}")
        self.name, self.n, self.m = name, n, m_of(n)
        self.standard_x0 = x0_of(n)
        self._r = lambda x: residuals(x, self.m)
        self.perturbed = arithmetic == "perturbed"
        self.strategy = "forward-mode" if self.perturbed else "reverse-mode"

    def _f(self, x):
        r = self._r(x)
        return (r * r).sum()

    def _f_dot(self, x):
        r = self._r(x)
        return torch.dot(r, r)

    def residuals(self, x):
        return self._r(torch.as_tensor(x, dtype=torch.float64)).detach().numpy()

    def jacobian(self, x):
        xt = torch.as_tensor(x, dtype=torch.float64)
        return jacobian(self._r, xt, vectorize=True, strategy=self.strategy).detach().numpy()

    def fun(self, x):
        if self.perturbed:
            return float(self._f(torch.as_tensor(x, dtype=torch.float64)))
        r = self.residuals(x)
        return float(np.dot(r, r))

    def grad(self, x):
        if self.perturbed:
            xt = torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=True)
            (g,) = torch.autograd.grad(self._f(xt), xt)
            return g.detach().numpy()
        return 2 * self.jacobian(x).T @ self.residuals(x)

    def hess(self, x):
        xt = torch.as_tensor(x, dtype=torch.float64)
        f = self._f_dot if self.perturbed else self._f
        return hessian(f, xt, vectorize=True).detach().numpy()


def central_difference(fn, x, h):
    x = np.asarray(x, dtype=np.float64)
    columns = []
    for i in range(x.size):
        e = np.zeros_like(x)
        e[i] = h * max(1.0, abs(x[i]))
        columns.append((np.asarray(fn(x + e)) - np.asarray(fn(x - e))) / (2 * e[i]))
    return np.stack(columns, axis=-1)


def check_derivatives(problem, x, rtol=1e-5, h=1e-6):
    """Autograd's J, gradient and Hessian against central differences at x. The allowed
    error adds the differences' own rounding, eps·|values|/h."""
    pairs = [
        ("jacobian", problem.jacobian(x), central_difference(problem.residuals, x, h), problem.residuals(x)),
        ("gradient", problem.grad(x), central_difference(problem.fun, x, h), problem.fun(x)),
        ("hessian", problem.hess(x), central_difference(problem.grad, x, h), problem.grad(x)),
    ]
    for what, exact, approx, values in pairs:
        scale = max(1.0, float(np.abs(exact).max()))
        rounding = 10 * np.finfo(np.float64).eps * float(np.abs(values).max()) / (h * max(1.0, float(np.abs(x).min())))
        err = float(np.abs(exact - approx).max())
        if err > rtol * scale + rounding:
            raise AssertionError(f"{problem.name}-{problem.n}: {what} differs from central differences by {err} (scale {scale})")
