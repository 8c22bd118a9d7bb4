"""Writes the PyTorch fixtures that ParametersTests reads; CI has no torch, so the outputs are committed.

Regenerate (needs torch and numpy; written with torch 1.13 and numpy 1.24) from anywhere with

    python3 src/kit/src/test/resources/nn/make_torch_mlp_fixture.py

It rewrites, beside this script:
  torch_mlp.npz      the state_dict of Sequential(Linear(3, 8), ELU(), Linear(8, 8), ELU(), Linear(8, 1)) in
                     float64, saved with numpy.savez: entries 0.weight, 0.bias, 2.weight, 2.bias, 4.weight, 4.bias
  torch_mlp_f32.npz  the same parameters rounded to float32
  torch_mlp_io.npz   x: an input batch [6, 3]; output: net(x) [6, 1]; grad_x: d sum(net(x)) / dx [6, 3]
"""
import pathlib

import numpy as np
import torch

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20240611


def main():
    torch.manual_seed(SEED)
    net = torch.nn.Sequential(
        torch.nn.Linear(3, 8), torch.nn.ELU(),
        torch.nn.Linear(8, 8), torch.nn.ELU(),
        torch.nn.Linear(8, 1),
    ).double()
    state = {name: p.detach().numpy() for name, p in net.state_dict().items()}
    np.savez(HERE / "torch_mlp.npz", **state)
    np.savez(HERE / "torch_mlp_f32.npz", **{name: v.astype(np.float32) for name, v in state.items()})

    # Inputs of scale 2, so that both branches of every ELU are used.
    x = (2.0 * torch.randn(6, 3, dtype=torch.float64)).requires_grad_()
    output = net(x)
    (grad_x,) = torch.autograd.grad(output.sum(), x)
    np.savez(HERE / "torch_mlp_io.npz",
             x=x.detach().numpy(), output=output.detach().numpy(), grad_x=grad_x.numpy())

    first = net[0](x)
    negative = (first < 0).double().mean().item()
    print(f"wrote torch_mlp.npz, torch_mlp_f32.npz, torch_mlp_io.npz in {HERE}; "
          f"{negative:.0%} of the first layer's pre-activations are negative")


if __name__ == "__main__":
    main()
