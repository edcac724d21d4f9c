#!/usr/bin/python3
"""PyTorch CPU training-loop baseline for dlplay's recurrent configurations G, H and I
(bench/engine_bench.cpp), timed as bench/torch_cnn_bench.py times the CNNs, so that the ratios in
scripts/bench.sh compare like with like.

usage: /usr/bin/python3 torch_seq_bench.py --threads T [--configs G,H] [--reps 3] [--target S] [--tag torch]
G: nn.LSTM(2, 64), H: nn.GRU(2, 64), batch_first, the last step's hidden state to nn.Linear(64, 1), on
the adding problem (T = 50, N = 3200, a value and a marker per step), mean squared error, Adam 0.001,
batch 32. I: a character model, nn.Embedding(96, 32) -> nn.LSTM(32, 128) -> nn.Linear(128, 96) at
every step, cross-entropy over all 64 steps of each window, Adam 0.003, batch 32, on 96 symbols drawn
at random (the speed does not depend on the text); it also reports tokens per second. Timed region = the full training loop: per-epoch shuffle (randperm + gather), slicing,
zero_grad, forward, mse_loss, backward, Adam step. float32. Median of `reps` after a 200-step warm-up
and a 200-step calibration. Output: one CSV line per config, as the other scripts:
RESULT,tag,config,threads,0,steps_s_median,samples_s,epochs_s,spread%,nsteps,runs,loss=...
The loop, its timing and the line are bench/torch_timing.py's, shared with torch_cnn_bench.py.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from torch_timing import epoch_loop, parse_args, print_result, time_steps

T_STEPS, N, BATCH, HIDDEN = 50, 3200, 32, 64


def adding_problem(n, t, g):
    """Values U[0,1) and a marker at one step of each half; the target is the sum of the two marked."""
    values = torch.rand(n, t, generator=g)
    marks = torch.zeros(n, t)
    first = torch.randint(0, t // 2, (n,), generator=g)
    second = torch.randint(t // 2, t, (n,), generator=g)
    rows = torch.arange(n)
    marks[rows, first] = 1
    marks[rows, second] = 1
    X = torch.stack([values, marks], dim=2)  # (N, T, 2)
    y = (values[rows, first] + values[rows, second]).unsqueeze(1)
    return X, y


class ManyToOne(nn.Module):
    def __init__(self, cell):
        super().__init__()
        self.rnn = cell(2, HIDDEN, batch_first=True)
        self.out = nn.Linear(HIDDEN, 1)

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.out(h[:, -1, :])


class CharModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(96, 32)
        self.rnn = nn.LSTM(32, 128, batch_first=True)
        self.out = nn.Linear(128, 96)

    def forward(self, x):
        h, _ = self.rnn(self.emb(x))
        return self.out(h)  # (B, T, 96)


CONFIGS = {
    "G": (nn.LSTM, "LSTM 64, adding problem T=50, many-to-one, Adam 0.001, N=3200, bs=32"),
    "H": (nn.GRU, "GRU 64, adding problem T=50, many-to-one, Adam 0.001, N=3200, bs=32"),
    "I": (None, "character model: embedding 32 of 96 symbols, LSTM 128, a 96-way softmax at each of T=64 steps, "
                "Adam 0.003, bs=32"),
}
CHAR_T, CHAR_N = 64, 3200


def run(cfg, target_s, reps):
    cell, desc = CONFIGS[cfg]
    g = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    if cfg == "I":
        ids = torch.randint(0, 96, (CHAR_N, CHAR_T + 1), generator=g)
        X, y = ids[:, :-1].contiguous(), ids[:, 1:].contiguous()
        n = CHAR_N
        model = CharModel()
        opt = torch.optim.Adam(model.parameters(), lr=0.003)

        def loss_of(xb, yb):
            return F.cross_entropy(model(xb).reshape(-1, 96), yb.reshape(-1))
    else:
        X, y = adding_problem(N, T_STEPS, g)
        n = N
        model = ManyToOne(cell)
        opt = torch.optim.Adam(model.parameters(), lr=0.001)

        def loss_of(xb, yb):
            return F.mse_loss(model(xb), yb)
    steps_per_epoch = math.ceil(n / BATCH)
    r = time_steps(epoch_loop(X, y, BATCH, opt, loss_of), target_s, reps)
    return dict(r, desc=desc, samples_s=r["steps_s"] * BATCH, epochs_s=r["steps_s"] / steps_per_epoch)


def main():
    a = parse_args("G,H")
    for cfg in a.configs.split(","):
        r = run(cfg, a.target, a.reps)
        print_result(a, cfg, r, f", {r['steps_s'] * BATCH * CHAR_T:.0f} tokens/s" if cfg == "I" else "")


if __name__ == "__main__":
    main()
