#!/usr/bin/env python3
"""Writes the seeded CSV inputs of the dense-figure benchmarks (only when missing).

  curve.csv  step,loss    a noisy, decaying training loss (N rows)
  cloud.csv  x,y          correlated Gaussian points (N rows)

Usage: bench_data.py OUTDIR [N]   (N defaults to 1,000,000)
"""
import os
import sys

import numpy as np


def main():
    outdir = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    os.makedirs(outdir, exist_ok=True)
    rng = np.random.default_rng(15)
    curve = os.path.join(outdir, "curve-%d.csv" % n)
    if not os.path.exists(curve):
        step = np.arange(n)
        loss = (2 * np.exp(-step / n * 5) + 0.05) * (0.7 + 0.6 * rng.random(n))
        np.savetxt(curve + ".tmp", np.column_stack([step, loss]), fmt=["%d", "%.6g"], delimiter=",",
                   header="step,loss", comments="")
        os.replace(curve + ".tmp", curve)
    cloud = os.path.join(outdir, "cloud-%d.csv" % n)
    if not os.path.exists(cloud):
        x = rng.normal(size=n)
        y = 0.6 * x + 0.8 * rng.normal(size=n)
        np.savetxt(cloud + ".tmp", np.column_stack([x, y]), fmt="%.6g", delimiter=",", header="x,y", comments="")
        os.replace(cloud + ".tmp", cloud)


if __name__ == "__main__":
    main()
