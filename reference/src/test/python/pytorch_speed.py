"""The PyTorch side of the speed table of issue 20: the rows of SpeedTable (DsmWorkloads, EbmWorkloads) ported one to
one, float64 on the CPU, timed the same way: the warm-up steps, then 5 repeats of the row's steps; printed are the
median, the fastest and the slowest repeat in ms per step, tab-separated after '#' lines of facts (torch, its build,
the BLAS it has loaded and that BLAS's thread count). reference/bench/speed-table.sh runs both sides.

Run: /usr/bin/python3 reference/src/test/python/pytorch_speed.py THREADS [quick] [row-name prefix ...]
THREADS is torch's intra-op thread count and OpenBLAS's (set here through OPENBLAS_NUM_THREADS and OMP_NUM_THREADS,
before torch loads). quick: one repeat of a tenth of the steps, to check that it runs.

A fair comparison needs a fast BLAS: Debian's python3-torch calls whatever libblas.so.3 the system's alternatives
point to, and with only libblas3 installed that is the slow reference BLAS. Install libopenblas0-pthread and check
the '# loaded:' and '# OpenBLAS:' lines."""
import ctypes
import math
import os
import sys
import time

THREADS = int(sys.argv[1])
QUICK = len(sys.argv) > 2 and sys.argv[2] == "quick"
ONLY = sys.argv[3 if QUICK else 2:]
os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = str(THREADS)
import torch  # noqa: E402  (after the thread variables, which OpenBLAS reads when it loads)
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(THREADS)
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
REPEATS = 1 if QUICK else 5
DATA = 10_000


def randint(high, n):
    return torch.randint(0, high, (n,))


def mlp(inputs, outputs, activation):
    """Linear-activation-Linear-activation-Linear, widths 64, PyTorch's initialisation (the kit's Mlp copies it)."""
    return torch.nn.Sequential(torch.nn.Linear(inputs, 64), activation(), torch.nn.Linear(64, 64), activation(),
                               torch.nn.Linear(64, outputs))


def adam_step(opt, loss):
    """Optimizer.step(closure) of the kit: zero the gradients, back-propagate, update; the loss read as a number."""
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


# ---- dsm: DsmWorkloads (the sheet's mixture, EnergyNetwork, NoiseSchedule, DenoisingScoreMatching, Sampling) ----
SIGMA_1, SIGMA_L, L = 0.01, 1.0, 10
LEVELS = [SIGMA_1 * math.exp(math.log(SIGMA_L / SIGMA_1) / (L - 1) * i) for i in range(L)]
LOG_SIGMA_CENTRE = (math.log(SIGMA_1) + math.log(SIGMA_L)) / 2
LOG_SIGMA_SCALE = 4 / math.log(SIGMA_L / SIGMA_1)


def mixture(n):
    """GaussianMixture.sample: exact thirds around (0.25, 0.25), (0.75, 0.25), (0.5, 0.75), std 0.1, shuffled."""
    mu = torch.tensor([[0.25, 0.25], [0.75, 0.25], [0.5, 0.75]])
    return (mu[torch.arange(n) % 3] + 0.1 * torch.randn(n, 2))[torch.randperm(n)]


def energy(net, x, sigma):
    """EnergyNetwork.energy: g(4 (x - 0.5), 4 (log sigma - m) / log(sigma_L / sigma_1)) / sigma."""
    return net(torch.cat([(x - 0.5) * 4, (torch.log(sigma) - LOG_SIGMA_CENTRE) * LOG_SIGMA_SCALE], 1)) / sigma


def dsm_loss(net, x, noisy, sigma):
    """DenoisingScoreMatching.loss, eq. (6): mean sigma^2 ||-grad f(x~, sigma) - (x - x~) / sigma^2||^2."""
    target = (x - noisy) / (sigma * sigma)
    point = noisy.requires_grad_(True)
    score = -torch.autograd.grad(energy(net, point, sigma).sum(), point, create_graph=True)[0]
    return ((score - target) ** 2).sum(1, keepdim=True).mul(sigma ** 2).mean()


def dsm_step(batch):
    """DenoisingScoreMatching.train's iteration: antithetic batch, Adam (3e-3), moving average (0.99)."""
    data, net, levels, half = mixture(DATA), mlp(3, 1, torch.nn.ELU), torch.tensor(LEVELS), batch // 2
    opt = torch.optim.Adam(net.parameters(), lr=3e-3)
    average = [p.detach().clone() for p in net.parameters()]

    def step():
        points = data[randint(DATA, half)]
        sigma = levels[randint(L, half)].repeat(2)[:, None]
        z = torch.randn(half, 2)
        x = torch.cat([points, points])
        adam_step(opt, dsm_loss(net, x, x + torch.cat([z, -z]) * sigma, sigma))
        with torch.no_grad():
            for a, p in zip(average, net.parameters()):
                a.mul_(0.99).add_(p * (1 - 0.99))
    return step


def annealed_langevin():
    """Sampling.generate: 5,000 points from U[0, 1]^2, Algorithm 1 with epsilon = 5e-5, T = 100, the learned score."""
    net, n = mlp(3, 1, torch.nn.ELU), 5_000

    def run():
        x = torch.rand(n, 2)
        for i in reversed(range(L)):
            alpha = 5e-5 * LEVELS[i] ** 2 / LEVELS[0] ** 2
            for _ in range(100):
                point = x.detach().requires_grad_(True)
                score = -torch.autograd.grad(energy(net, point, torch.full((n, 1), LEVELS[i])).sum(), point)[0]
                x.add_(score * (alpha / 2)).add_(torch.randn(n, 2) * math.sqrt(alpha))
    return run


# ---- ebm: EbmWorkloads (ToyData, MlpEnergy / MlpScore 2-64-64-{1,2} SiLU, the four training loops) ----
def swiss_roll(n):
    t = 1.5 * math.pi * (1 + 2 * torch.rand(n))
    return (torch.stack([t * torch.cos(t), t * torch.sin(t)], 1) + torch.randn(n, 2)) / 5


def gaussians(n):
    angle = randint(8, n) * math.pi / 4
    return (4 * torch.stack([torch.cos(angle), torch.sin(angle)], 1) + 0.5 * torch.randn(n, 2)) / 1.414


def rings(n):
    quarter = n // 4
    points = []
    for radius, count in zip([3, 2.25, 1.5, 0.75], [quarter] * 3 + [n - 3 * quarter]):
        angle = torch.arange(count) * 2 * math.pi / count
        points.append(radius * torch.stack([torch.cos(angle), torch.sin(angle)], 1))
    return torch.cat(points)[torch.randperm(n)] + 0.08 * torch.randn(n, 2)


class Gaussian:
    """data.Gaussian.fittedTo: the data's mean and (unbiased) std times widen; sample and log-density."""

    def __init__(self, data, widen):
        self.mean, self.std = data.mean(0), data.std(0) * widen
        self.constant = -math.log(2 * math.pi) - math.log(self.std[0]) - math.log(self.std[1])

    def sample(self, n):
        return torch.randn(n, 2) * self.std + self.mean

    def log_density(self, u):
        z = (u - self.mean) / self.std
        return -0.5 * (z * z).sum(1, keepdim=True) + self.constant


def ism_step(batch):
    """ImplicitScoreMatchingTraining: mean 1/2 ||s||^2 + tr(ds/dx), one vector-Jacobian product per dimension."""
    data, model = rings(DATA), mlp(2, 2, torch.nn.SiLU)
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)

    def step():
        point = data[randint(DATA, batch)].requires_grad_(True)
        s = model(point)
        trace = sum(torch.autograd.grad(s[:, i].sum(), point, create_graph=True)[0][:, i:i + 1] for i in range(2))
        adam_step(opt, (s ** 2).sum(1, keepdim=True).mul(0.5).add(trace).mean())
    return step


def ebm_dsm_step(batch):
    """DenoisingScoreMatchingTraining: mean 1/2 ||s(y) - (x - y) / sigma^2||^2, sigma = 0.1, fresh noise."""
    data, model = rings(DATA), mlp(2, 2, torch.nn.SiLU)
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)

    def step():
        x = data[randint(DATA, batch)]
        noisy = x + torch.randn(batch, 2) * 0.1
        target = (x - noisy) / (0.1 * 0.1)
        adam_step(opt, (model(noisy) - target).pow(2).sum(1, keepdim=True).mul(0.5).mean())
    return step


def nce_step(batch):
    """NoiseContrastiveEstimation: G = -f + c - log q, loss -mean logsigmoid(G(x)) - mean logsigmoid(-G(y))."""
    data, f = gaussians(DATA), mlp(2, 1, torch.nn.SiLU)
    c = torch.zeros(1, 1, requires_grad=True)
    q = Gaussian(data, 1.5)
    opt = torch.optim.Adam(list(f.parameters()) + [c], lr=2e-3)

    def log_ratio(u):
        return -f(u) + c - q.log_density(u)

    def step():
        x, y = data[randint(DATA, batch)], q.sample(batch)
        adam_step(opt, -(F.logsigmoid(log_ratio(x)).mean() + F.logsigmoid(-log_ratio(y)).mean()))
    return step


def maximum_likelihood():
    """MaximumLikelihoodTraining's iteration (256 data points, 256 chains of the replay buffer, 20 Langevin steps of
    0.005, 5% restarts, penalty 0.01, Adam 1e-3), then its two parts: one Langevin step, the Adam step given samples."""
    data, f, batch, step_size = swiss_roll(DATA), mlp(2, 1, torch.nn.SiLU), 256, 0.005
    start = Gaussian(data, 1.5)
    states = start.sample(10_000)
    opt = torch.optim.Adam(f.parameters(), lr=1e-3)

    def draw(count):
        index = randint(len(states), count)
        restarts = torch.rand(count, 1) < 0.05
        return index, torch.where(restarts, start.sample(count), states[index])

    def langevin(x, steps):
        """Langevin.sample: x + (tau / 2) s(x) + sqrt(tau) z with s = -grad_x f."""
        x = x.clone()
        for _ in range(steps):
            point = x.detach().requires_grad_(True)
            score = -torch.autograd.grad(f(point).sum(), point)[0]
            x.add_(score * (step_size / 2)).add_(torch.randn(len(x), 2) * math.sqrt(step_size))
        return x

    def loss(x, samples):
        f_data, f_model = f(x), f(samples)
        penalty = (f_data.square().mean() + f_model.square().mean()) * 0.01
        return f_data.mean() - f_model.mean() + penalty

    def iteration():
        x = data[randint(DATA, batch)]
        index, chains = draw(batch)
        samples = langevin(chains, 20)
        states[index] = samples
        adam_step(opt, loss(x, samples))

    x, (_, chains) = data[randint(DATA, batch)], draw(batch)
    return [("ml_iteration_b256", 20, 20, iteration),
            ("ml_part_langevin_step_b256", 200, 200, lambda: langevin(chains, 1)),
            ("ml_part_loss_step_b256", 200, 200, lambda: adam_step(opt, loss(x, chains)))]


def workloads():
    """(name, steps per repeat, warm-up steps, step) in SpeedTable's order and with its step counts."""
    rows = [(f"dsm_step_b{b}", k, k, dsm_step(b)) for b, k in [(128, 200), (1_000, 50), (10_000, 10)]]
    rows.append(("annealed_langevin_5000x10x100", 1, 0, annealed_langevin()))
    for b, k in [(128, 200), (1_000, 50)]:
        rows += [(f"ism_step_b{b}", k, k, ism_step(b)), (f"ebm_dsm_step_b{b}", k, k, ebm_dsm_step(b)),
                 (f"nce_step_b{b}", k, k, nce_step(b))]
    return rows + maximum_likelihood()


def time_row(step, warm_up, steps):
    """(median, fastest, slowest) ms per step over the repeats, after warm_up steps."""
    for _ in range(warm_up):
        step()
    ms = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        for _ in range(steps):
            step()
        ms.append((time.perf_counter() - t) * 1e3 / steps)
    ms.sort()
    return ms[len(ms) // 2], ms[0], ms[-1]


def facts():
    """torch and its build, the thread counts, libblas.so.3's alternative and the BLAS libraries loaded."""
    yield f"torch {torch.__version__}, Python {sys.version.split()[0]}, intra-op threads {torch.get_num_threads()}"
    yield from ("torch config: " + line.strip() for line in torch.__config__.show().splitlines() if line.strip())
    alternative = "/usr/lib/x86_64-linux-gnu/libblas.so.3"
    if os.path.exists(alternative):
        yield f"{alternative} -> {os.path.realpath(alternative)}"
    with open("/proc/self/maps") as maps:
        loaded = sorted({line.split()[-1] for line in maps if "blas" in os.path.basename(line.split()[-1]).lower()})
    yield from (f"loaded: {path}" for path in loaded)
    for lib in (ctypes.CDLL(path) for path in loaded):
        if hasattr(lib, "openblas_get_config"):
            lib.openblas_get_config.restype = ctypes.c_char_p
            yield f"OpenBLAS: {lib.openblas_get_config().decode()}, threads {lib.openblas_get_num_threads()}"
            break


def main():
    for fact in facts():
        print("#", fact)
    print("# workload\tmedian ms per step\tfastest\tslowest\tsteps x repeats", flush=True)
    for name, steps, warm_up, step in workloads():
        if ONLY and not any(name.startswith(prefix) for prefix in ONLY):
            continue
        steps, warm_up = (max(1, steps // 10), (warm_up + 9) // 10) if QUICK else (steps, warm_up)
        median, fastest, slowest = time_row(step, warm_up, steps)
        print(f"{name}\t{median:.3f}\t{fastest:.3f}\t{slowest:.3f}\t{steps} x {REPEATS}", flush=True)


if __name__ == "__main__":
    main()
