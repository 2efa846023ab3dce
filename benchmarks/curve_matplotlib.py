#!/usr/bin/env python3
"""matplotlib's side of `frameplot curve`: a learning curve from a CSV to an 800x600 PNG.

What a matplotlib user writes: read the log with pandas, plot the loss against the step,
label the axes, save. (matplotlib simplifies long paths by itself: path.simplify is on.)

Usage: curve_matplotlib.py LOG.csv OUT.png
"""
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def main():
    t0 = time.perf_counter()
    log = pd.read_csv(sys.argv[1])
    t1 = time.perf_counter()
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.plot(log["step"].to_numpy(), log["loss"].to_numpy(), linewidth=1.5)
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    fig.savefig(sys.argv[2])
    t2 = time.perf_counter()
    print("matplotlib curve: %d points, read %.2f s, plot and save %.2f s" % (len(log), t1 - t0, t2 - t1))


if __name__ == "__main__":
    main()
