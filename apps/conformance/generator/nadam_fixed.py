"""NAdam with the torch >= 2.0 bias correction, the one place the cases leave torch 1.13.

torch 1.13's `_single_tensor_nadam` computes `mu_product_next = mu_product * mu * mu_next`,
multiplying mu_t in twice; torch 2.0 fixed it to `mu_product * mu_next` (Dozat's
algorithm), and SCHEMA.md says the cases follow the fixed form while pinning torch 1.13's
arithmetic everywhere else. Running the installed torch 1.13 NAdam would pin the bug, so
this class re-implements NAdam in torch tensor arithmetic (float64), in three variants:

- "fixed" (used for the cases): torch 1.13's `_single_tensor_nadam` line for line, with
  only `mu_product_next` replaced by torch 2.0's `mu_product * mu_next`. This reproduces
  the public nadam cases bit for bit.
- "torch-2.0": torch 2.0's `_single_tensor_nadam` (non-differentiable branch, read from
  pytorch/pytorch torch/optim/nadam.py), which also switched the first moment to
  `exp_avg.lerp_(grad, 1 - beta1)`; it differs from "fixed" only by rounding (~1e-16).
- "torch-1.13": the unfixed code, kept so verify.py can prove, bit for bit against the
  installed torch.optim.NAdam, that the rest of the arithmetic is torch's.

The state is created as torch 1.13 creates it: `step` and `mu_product` are 0-d tensors of
the default dtype, float64 here.
"""
import torch


class NAdamFixed(torch.optim.Optimizer):
    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 momentum_decay=4e-3, variant="fixed"):
        # The same defaults dict (and key order) as torch.optim.NAdam, minus `foreach`.
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                        momentum_decay=momentum_decay)
        super().__init__(params, defaults)
        if variant not in ("fixed", "torch-2.0", "torch-1.13"):
            raise ValueError(f"unknown NAdam variant {variant!r}")
        self.variant = variant

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, eps = group["lr"], group["eps"]
            weight_decay, momentum_decay = group["weight_decay"], group["momentum_decay"]
            for param in group["params"]:
                if param.grad is None:
                    continue
                state = self.state[param]
                if len(state) == 0:
                    state["step"] = torch.tensor(0.)
                    state["mu_product"] = torch.tensor(1.)
                    state["exp_avg"] = torch.zeros_like(param, memory_format=torch.preserve_format)
                    state["exp_avg_sq"] = torch.zeros_like(param, memory_format=torch.preserve_format)
                self._update(param, param.grad, state, beta1, beta2, lr, eps, weight_decay, momentum_decay)
        return loss

    def _update(self, param, grad, state, beta1, beta2, lr, eps, weight_decay, momentum_decay):
        exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
        mu_product, step_t = state["mu_product"], state["step"]
        step_t += 1
        step = step_t.item()
        bias_correction2 = 1 - beta2 ** step
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product *= mu
        if self.variant == "torch-2.0":
            exp_avg.lerp_(grad, 1 - beta1)
        else:
            exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        if self.variant == "torch-1.13":
            mu_product_next = (mu_product * mu * mu_next).item()  # the 1.13 bug: mu_t twice
        elif self.variant == "fixed":
            mu_product_next = (mu_product * mu_next).item()
        else:
            mu_product_next = mu_product.item() * mu_next
        denom = exp_avg_sq.div(bias_correction2).sqrt()
        denom.add_(eps)
        param.addcdiv_(grad, denom, value=(-lr * (1. - mu) / (1. - mu_product.item())))
        param.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1. - mu_product_next))
