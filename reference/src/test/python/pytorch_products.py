"""The matrix products in PyTorch's side of the speed table (pytorch_speed.py): per row, the calls of aten::mm and
aten::addmm per step, their multiply-adds (torch.profiler's FLOP count / 2) and the time the profiler puts in them
(self CPU time; the profiler adds its own cost to every operation, so read the times as upper bounds).

These multiply-adds are what any implementation of the row's algorithm computes, and at the BLAS's speed they are a
floor under the step's time: docs/performance.md compares them with the kit's.

Run (one thread, as the table): /usr/bin/python3 reference/src/test/python/pytorch_products.py [row-name prefix ...]"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ONLY = sys.argv[1:]
sys.argv = [os.path.join(HERE, "pytorch_speed.py"), "1"]  # pytorch_speed reads its thread count at import
import pytorch_speed  # noqa: E402
from torch.profiler import ProfilerActivity, profile  # noqa: E402

PRODUCTS = ("aten::mm", "aten::addmm")


def main():
    print("# workload\tproduct calls per step\tmillion multiply-adds per step\tms in products per step (profiled)")
    for name, steps, warm_up, step in pytorch_speed.workloads():
        if ONLY and not any(name.startswith(prefix) for prefix in ONLY):
            continue
        for _ in range(min(warm_up, 20)):
            step()
        runs = min(steps, 50)
        with profile(activities=[ProfilerActivity.CPU], with_flops=True) as prof:
            for _ in range(runs):
                step()
        calls = flops = microseconds = 0
        for event in prof.key_averages():
            if event.key in PRODUCTS:
                calls += event.count
                flops += event.flops
                microseconds += event.self_cpu_time_total
        print(f"{name}\t{calls / runs:.1f}\t{flops / 2 / 1e6 / runs:.2f}\t{microseconds / 1e3 / runs:.3f}", flush=True)


if __name__ == "__main__":
    main()
