#!/usr/bin/env python3
"""The textbook's gd-locus animation (mlnote front page, seeds section 000) in matplotlib.

Reproduces the code described in the seeds: gradient descent of y = a*x + b on the
four points D = {(1,3), (3,6), (6,5), (8,7)}, 20,000 steps, eta = 0.03/sqrt(t+1), a
snapshot every 200 steps (101 frames); left the loss surface as a pcolormesh of a
1024x1024 log-normed grid with red dashed contours, right the points and the line;
an ArtistAnimation whose frames are saved as a PNG sequence (800x400, 20 fps).

Usage: gd_locus_matplotlib.py OUTDIR [--sgd]
Prints one line: frames, seconds, frames/s, and the split training/drawing.
"""
import os
import resource
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.animation as animation  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.colors import LogNorm  # noqa: E402


class PNGSequenceWriter(animation.AbstractMovieWriter):
    """Saves each frame of an animation as frame_00000.png, ... (no external tool)."""

    def setup(self, fig, outfile, dpi=None):
        super().setup(fig, outfile, dpi=dpi)
        self.count = 0
        os.makedirs(outfile, exist_ok=True)

    def grab_frame(self, **savefig_kwargs):
        path = os.path.join(self.outfile, "frame_%05d.png" % self.count)
        self.fig.savefig(path, dpi=self.dpi, **savefig_kwargs)
        self.count += 1

    def finish(self):
        pass


def train(sgd, steps=20000, every=200, eta0=0.03, seed=0):
    D = np.array([[1, 3], [3, 6], [6, 5], [8, 7]], dtype=float)
    x, y = D[:, 0], D[:, 1]
    rng = np.random.default_rng(seed)
    a, b = 0.0, 0.0
    snapshots = []
    for t in range(steps + 1):
        if t % every == 0:
            snapshots.append((t, a, b, np.mean((a * x + b - y) ** 2)))
        if t == steps:
            break
        if sgd:
            i = rng.integers(len(x))
            xs, ys = x[i:i + 1], y[i:i + 1]
        else:
            xs, ys = x, y
        r = a * xs + b - ys
        eta = eta0 / np.sqrt(t + 1)
        a -= eta * np.mean(2 * r * xs)
        b -= eta * np.mean(2 * r)
    return x, y, snapshots


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "Output/bench/gd-locus-matplotlib"
    sgd = "--sgd" in sys.argv
    t0 = time.perf_counter()
    x, y, snapshots = train(sgd)
    t1 = time.perf_counter()

    fig, axes = plt.subplots(1, 2, figsize=(8, 4), dpi=100)
    ax0, ax1 = axes
    grid = np.linspace(-1, 7, 1024)
    A, B = np.meshgrid(grid, grid)
    L = np.mean((A[..., None] * x + B[..., None] - y) ** 2, axis=-1)
    ax0.pcolormesh(A, B, L, norm=LogNorm(), cmap="viridis", shading="auto")
    ax0.contour(A, B, L, levels=[2, 10, 50, 250], colors="r", linestyles="dashed", linewidths=0.5)
    a_star = 12.5 / 29
    b_star = 5.25 - 4.5 * a_star
    ax0.scatter([a_star], [b_star], marker="x", color="r")
    ax0.scatter([0], [0], marker="+", color="w")
    ax0.set_xlabel("$a$")
    ax0.set_ylabel("$b$")
    ax0.set_aspect("equal")
    ax1.scatter(x, y)
    ax1.set_xlim(0, 10)
    ax1.set_ylim(0, 10)
    ax1.set_aspect("equal")
    ax1.set_xlabel("$x$")
    ax1.set_ylabel("$y$")

    frames = []
    for i, (t, a, b, mse) in enumerate(snapshots):
        path_a = [s[1] for s in snapshots[:i + 1]]
        path_b = [s[2] for s in snapshots[:i + 1]]
        artists = ax0.plot(path_a, path_b, color="w")
        artists.append(ax0.text(3, -0.8, "Epoch #%d: MSE=%.5f" % (t, mse), ha="center"))
        artists += ax1.plot([0, 10], [b, 10 * a + b], color="k", linewidth=1)
        artists.append(ax1.text(5, 0.3, "(a, b) = (%.5f, %.5f)" % (a, b), ha="center"))
        frames.append(artists)
    anim = animation.ArtistAnimation(fig, frames, interval=50)
    t2 = time.perf_counter()
    anim.save(outdir, writer=PNGSequenceWriter(fps=20), dpi=100)
    t3 = time.perf_counter()

    n = len(snapshots)
    total = t3 - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("FPS gd-locus matplotlib %.2f" % (n / total))
    print("matplotlib gd-locus: %d frames in %.2f s = %.1f frames/s (training %.3f s, setup %.2f s, "
          "frames %.2f s = %.1f ms/frame), peak memory %.0f MB"
          % (n, total, n / total, t1 - t0, t2 - t1, t3 - t2, 1000 * (t3 - t2) / n, peak_mb))


if __name__ == "__main__":
    main()
