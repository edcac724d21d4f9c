"""The timing shared by the PyTorch reference scripts (bench/torch_cnn_bench.py, torch_seq_bench.py):
their command line, the shuffled mini-batch training loop, warm-up, calibration and timed repeats,
and the RESULT line that scripts/bench.sh parses. Each script keeps only its models and data.

Timed region = the full training loop: per-epoch shuffle (randperm + gather), slicing, zero_grad,
forward, loss, backward, optimiser step. A 200-step warm-up and a 200-step calibration pick the
steps of one repeat (about `target` seconds); the median of `reps` repeats is reported.
"""
import argparse
import statistics
import time

import torch


def epoch_loop(X, y, batch, opt, loss_of):
    """train_steps(nsteps): `nsteps` optimiser steps over (X, y) in mini-batches of `batch`, a new
    random permutation at each epoch start (an unfinished epoch is dropped); the last loss."""
    n = X.shape[0]

    def train_steps(nsteps):
        done = 0
        while done < nsteps:
            perm = torch.randperm(n)
            Xp, yp = X[perm], y[perm]
            for i in range(0, n, batch):
                xb, yb = Xp[i:i + batch], yp[i:i + batch]
                opt.zero_grad(set_to_none=True)
                loss = loss_of(xb, yb)
                loss.backward()
                opt.step()
                done += 1
                if done >= nsteps:
                    break
        return loss.item()

    return train_steps


def time_steps(train_steps, target_s, reps, warm_steps=200, calibration_steps=200):
    """Warm-up, calibration, then `reps` timed repeats of the calibrated step count: dict of nsteps,
    steps_s (median steps per second), spread (% of the median), runs (each repeat's rate), loss."""
    train_steps(warm_steps)
    t0 = time.perf_counter()
    train_steps(calibration_steps)
    dt = time.perf_counter() - t0
    nsteps = max(calibration_steps, int(calibration_steps * target_s / dt))
    rates = []
    for _ in range(reps):
        t0 = time.perf_counter()
        final_loss = train_steps(nsteps)
        rates.append(nsteps / (time.perf_counter() - t0))
    med = statistics.median(rates)
    spread = (max(rates) - min(rates)) / med * 100
    return dict(nsteps=nsteps, steps_s=med, spread=spread, runs=rates, loss=final_loss)


def parse_args(default_configs):
    """The scripts' common options; sets torch's thread count and prints the header line."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--configs", default=default_configs)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--target", type=float, default=3.0, help="seconds per timed rep")
    ap.add_argument("--tag", default="")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    print(f"# torch {torch.__version__} threads={torch.get_num_threads()} tag={a.tag}", flush=True)
    return a


def print_result(a, cfg, r, extra=""):
    """RESULT,tag,config,threads,0,steps_s_median,samples_s,epochs_s,spread%,nsteps,runs,loss=...  # desc
    (the 0 is the diagnostics column of the MLP lines: these configurations have none)."""
    print(f"RESULT,{a.tag},{cfg},{a.threads},0,{r['steps_s']:.1f},{r['samples_s']:.0f},"
          f"{r['epochs_s']:.2f},{r['spread']:.1f}%,{r['nsteps']},"
          f"{'/'.join(f'{x:.0f}' for x in r['runs'])},loss={r['loss']:.3f}  # {r['desc']}" + extra,
          flush=True)
