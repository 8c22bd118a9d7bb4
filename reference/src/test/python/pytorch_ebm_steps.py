"""The ebm reference's training steps in PyTorch on CPU (float64, MLP 2-64-64-{1,2} SiLU, Adam), timed the way
EbmStepProbe times the Java kit: ms per step, 200 steps after 20 warm-up steps.
Run: /usr/bin/python3 reference/src/test/python/pytorch_ebm_steps.py [batch]   (Debian: apt-get install python3-torch)"""
import sys, time, torch
torch.manual_seed(0); torch.set_num_threads(1)
batch = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
def mlp(out):
    return torch.nn.Sequential(torch.nn.Linear(2, 64), torch.nn.SiLU(), torch.nn.Linear(64, 64), torch.nn.SiLU(),
                               torch.nn.Linear(64, out)).double()
energy, score = mlp(1), mlp(2)
e_opt, s_opt = torch.optim.Adam(energy.parameters(), 1e-3), torch.optim.Adam(score.parameters(), 1e-3)
x = torch.randn(batch, 2, dtype=torch.float64); y = x + 0.1 * torch.randn_like(x)

def ism():  # 1/2 ||s||^2 + tr(ds/dx), one vector-Jacobian product per dimension
    p = x.clone().requires_grad_(True); s = score(p)
    trace = sum(torch.autograd.grad(s[:, i].sum(), p, create_graph=True)[0][:, i] for i in range(2))
    loss = (0.5 * (s ** 2).sum(1) + trace).mean()
    s_opt.zero_grad(); loss.backward(); s_opt.step()
def dsm():
    loss = 0.5 * ((score(y) - (x - y) / 0.01) ** 2).sum(1).mean()
    s_opt.zero_grad(); loss.backward(); s_opt.step()
def ml():
    loss = energy(x).mean() - energy(y).mean()
    e_opt.zero_grad(); loss.backward(); e_opt.step()
def langevin():
    p = x.clone().requires_grad_(True)
    g = torch.autograd.grad(energy(p).sum(), p)[0]
    return (p - 0.0005 * g + 0.03 * torch.randn_like(p)).detach()
for name, step in [("Langevin step on an MLP energy", langevin), ("ML training step", ml),
                   ("ISM training step", ism), ("DSM training step", dsm)]:
    for _ in range(20): step()
    t = time.time()
    for _ in range(200): step()
    print(f"{name:35s} batch {batch}: {(time.time() - t) / 200 * 1e3:.3f} ms")
