#!/usr/bin/env python3
"""matplotlib's side of the dense-figure benchmarks: what a matplotlib user writes.

  curve    LOG.csv OUT.png     `frameplot curve`: read the log with pandas, plot loss against
                               step (matplotlib simplifies long paths itself: path.simplify is on)
  scatter  POINTS.csv OUT.pdf  `frameplot scatter` to PDF, matplotlib's best idiom for dense
                               points: rasterized=True (an image at the figure's 100 dpi under
                               vector axes), small half-transparent markers

Both 800x600 (8x6 inches at 100 dpi). Usage: figures_matplotlib.py curve|scatter IN.csv OUT
"""
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def main():
    kind, source, target = sys.argv[1:4]
    t0 = time.perf_counter()
    table = pd.read_csv(source)
    t1 = time.perf_counter()
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    if kind == "curve":
        ax.plot(table["step"].to_numpy(), table["loss"].to_numpy(), linewidth=1.5)
        ax.set_xlabel("step")
        ax.set_ylabel("loss")
    else:
        ax.scatter(table["x"].to_numpy(), table["y"].to_numpy(), s=2, alpha=0.5, linewidths=0, rasterized=True)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
    fig.savefig(target)
    t2 = time.perf_counter()
    print("matplotlib %s: %d rows, read %.2f s, plot and save %.2f s" % (kind, len(table), t1 - t0, t2 - t1))


if __name__ == "__main__":
    main()
