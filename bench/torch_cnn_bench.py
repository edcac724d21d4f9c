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
The loop, its timing and the line are bench/torch_timing.py's, shared with torch_seq_bench.py.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from torch_timing import epoch_loop, parse_args, print_result, time_steps


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


def run(cfg, target_s, reps):
    data_fn, model_fn, bs, lr, desc = CONFIGS[cfg]
    g = torch.Generator().manual_seed(0)
    X, y = data_fn(g)
    N = X.shape[0]
    torch.manual_seed(0)
    model = model_fn()
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps_per_epoch = math.ceil(N / bs)
    r = time_steps(epoch_loop(X, y, bs, opt, lambda xb, yb: F.cross_entropy(model(xb), yb)), target_s, reps)
    return dict(r, desc=desc, bs=bs, samples_s=r["steps_s"] * bs, epochs_s=r["steps_s"] / steps_per_epoch)


def main():
    a = parse_args("E,F")
    for cfg in a.configs.split(","):
        print_result(a, cfg, run(cfg, a.target, a.reps))


if __name__ == "__main__":
    main()
