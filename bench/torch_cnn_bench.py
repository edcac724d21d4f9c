#!/usr/bin/python3
"""PyTorch CPU training-loop baseline for dlplay's CNN configurations E and F (bench/engine_bench.cpp),
timed the way ../shared/perf/torch_mlp_bench.py times the MLP ones, so that the ratios in
scripts/bench.sh compare like with like.

usage: /usr/bin/python3 torch_cnn_bench.py --threads T [--configs E,F] [--reps 3] [--target S] [--tag torch]
Each config is timed `reps` times after a 200-step warm-up and a 200-step calibration; median reported.
Timed region = the full training loop: per-epoch shuffle (randperm + gather), slicing, zero_grad,
forward, cross_entropy, backward, Adam step. float32, no torch.no_grad.
Output: one CSV line per config:  RESULT,tag,config,threads,0,steps_s_median,samples_s,epochs_s,spread%,...
(the 0 is the diagnostics column of the MLP lines: the CNN configurations have none).
"""
import argparse
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def random_images(n, size, g):
    """Pixels U[0,1), labels uniform in 0..9: speed does not depend on the data."""
    X = torch.rand(n, 1, size, size, generator=g)
    y = torch.randint(0, 10, (n,), generator=g)
    return X, y


def digits_cnn():
    # 1×8×8 → conv 8@3×3 same → ReLU → pool 2 → 8×4×4 → conv 16@3×3 same → ReLU → pool 2 → 16×2×2 → 10
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(16 * 2 * 2, 10))


def lenet5():
    # 1×28×28 → conv 6@5×5 same → ReLU → pool 2 → 6×14×14 → conv 16@5×5 valid → 16×10×10 → ReLU
    # → pool 2 → 16×5×5 → 120 → ReLU → 84 → ReLU → 10
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(16 * 5 * 5, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


CONFIGS = {
    # name: (data_fn, model_fn, batch, lr, desc) — N a multiple of the batch, as in engine_bench.cpp
    "E": (lambda g: random_images(1280, 8, g), digits_cnn, 32, 0.003,
          "digits CNN 8x8: conv8@3 pool conv16@3 pool dense10, Adam 0.003, N=1280, bs=32"),
    "F": (lambda g: random_images(6400, 28, g), lenet5, 64, 0.001,
          "LeNet-5 28x28: conv6@5 pool conv16@5 pool 120-84-10, Adam 0.001, N=6400, bs=64"),
}


def run(cfg, target_s, reps, warm_steps=200):
    data_fn, model_fn, bs, lr, desc = CONFIGS[cfg]
    g = torch.Generator().manual_seed(0)
    X, y = data_fn(g)
    N = X.shape[0]
    torch.manual_seed(0)
    model = model_fn()
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps_per_epoch = math.ceil(N / bs)

    def train_steps(nsteps):
        done = 0
        while done < nsteps:
            perm = torch.randperm(N)
            Xp, yp = X[perm], y[perm]
            for i in range(0, N, bs):
                xb, yb = Xp[i:i + bs], yp[i:i + bs]
                opt.zero_grad(set_to_none=True)
                loss = F.cross_entropy(model(xb), yb)
                loss.backward()
                opt.step()
                done += 1
                if done >= nsteps:
                    break
        return loss.item()

    train_steps(warm_steps)
    t0 = time.perf_counter()
    train_steps(200)
    dt = time.perf_counter() - t0
    nsteps = max(200, int(200 * target_s / dt))
    rates = []
    for _ in range(reps):
        t0 = time.perf_counter()
        final_loss = train_steps(nsteps)
        rates.append(nsteps / (time.perf_counter() - t0))
    med = statistics.median(rates)
    spread = (max(rates) - min(rates)) / med * 100
    return dict(desc=desc, bs=bs, nsteps=nsteps, steps_s=med, samples_s=med * bs, epochs_s=med / steps_per_epoch,
                spread=spread, runs=rates, loss=final_loss)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--configs", default="E,F")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--target", type=float, default=3.0, help="seconds per timed rep")
    ap.add_argument("--tag", default="")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    print(f"# torch {torch.__version__} threads={torch.get_num_threads()} tag={a.tag}", flush=True)
    for cfg in a.configs.split(","):
        r = run(cfg, a.target, a.reps)
        print(f"RESULT,{a.tag},{cfg},{a.threads},0,{r['steps_s']:.1f},{r['samples_s']:.0f},"
              f"{r['epochs_s']:.2f},{r['spread']:.1f}%,{r['nsteps']},"
              f"{'/'.join(f'{x:.0f}' for x in r['runs'])},loss={r['loss']:.3f}  # {r['desc']}",
              flush=True)


if __name__ == "__main__":
    main()
