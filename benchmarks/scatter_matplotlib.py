#!/usr/bin/env python3
"""matplotlib's side of `frameplot scatter` to PDF: a dense scatter from a CSV.

matplotlib's best idiom for dense points in a PDF: the points rasterized (an embedded image,
`rasterized=True`) under vector axes, at the figure's 100 dpi; small markers, half transparent.

Usage: scatter_matplotlib.py POINTS.csv OUT.pdf
"""
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def main():
    t0 = time.perf_counter()
    points = pd.read_csv(sys.argv[1])
    t1 = time.perf_counter()
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.scatter(points["x"].to_numpy(), points["y"].to_numpy(), s=2, alpha=0.5, linewidths=0, rasterized=True)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    fig.savefig(sys.argv[2])
    t2 = time.perf_counter()
    print("matplotlib scatter: %d points, read %.2f s, plot and save %.2f s" % (len(points), t1 - t0, t2 - t1))


if __name__ == "__main__":
    main()
