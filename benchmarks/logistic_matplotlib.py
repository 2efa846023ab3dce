#!/usr/bin/env python3
"""The best matplotlib code we could write for the 200-frame logistic scene (800x600).

Binary logistic regression by one-sample SGD on two seeded Gaussian blobs. Left: the
probability background (imshow of p(y=1|x) on a grid), the exact decision line, the
points; right: the loss curve growing. Every artist is created once; each frame only
updates data (set_data / set_array) and saves a PNG, the fastest pattern matplotlib
offers short of blitting (savefig redraws the whole figure anyway).

Usage: logistic_matplotlib.py OUTDIR [FRAMES]
"""
import os
import resource
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def data(seed=1, n=100):
    rng = np.random.default_rng(seed)
    x0 = rng.normal([-1.0, -0.5], 0.8, size=(n, 2))
    x1 = rng.normal([1.2, 1.0], 0.8, size=(n, 2))
    X = np.vstack([x0, x1])
    y = np.concatenate([np.zeros(n), np.ones(n)])
    return X, y


def train(X, y, frames, every=5, eta=0.05, seed=2):
    rng = np.random.default_rng(seed)
    w = np.array([0.0, 0.0, 0.0])  # bias, w1, w2
    states = []
    n = len(y)
    Xb = np.hstack([np.ones((n, 1)), X])

    def loss(w):
        z = Xb @ w
        return np.mean(np.logaddexp(0, z) - y * z)

    step = 0
    while len(states) < frames:
        if step % every == 0:
            states.append((step, w.copy(), loss(w)))
        i = rng.integers(n)
        p = 1 / (1 + np.exp(-Xb[i] @ w))
        w -= eta * (p - y[i]) * Xb[i]
        step += 1
    return states


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "Output/bench/logistic-matplotlib"
    frames = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    os.makedirs(outdir, exist_ok=True)
    t0 = time.perf_counter()
    X, y = data()
    states = train(X, y, frames)
    t1 = time.perf_counter()

    lo, hi = -4.0, 4.0
    g = np.linspace(lo, hi, 200)
    GX, GY = np.meshgrid(g, g)
    fig, (ax, axl) = plt.subplots(1, 2, figsize=(8, 6), dpi=100)
    image = ax.imshow(np.zeros_like(GX), extent=(lo, hi, lo, hi), origin="lower", cmap="RdBu_r",
                      vmin=0, vmax=1, alpha=0.6, interpolation="bilinear")
    (boundary,) = ax.plot([], [], color="k", linewidth=1.5)
    ax.scatter(X[y == 0, 0], X[y == 0, 1], c="tab:blue", edgecolors="w", s=25, label="class 0")
    ax.scatter(X[y == 1, 0], X[y == 1, 1], c="tab:red", edgecolors="w", s=25, label="class 1")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.legend(loc="upper left")
    title = ax.set_title("")
    steps = [s for s, _, _ in states]
    losses = [l for _, _, l in states]
    (curve,) = axl.plot([], [], color="tab:blue")
    axl.set_xlim(0, steps[-1])
    axl.set_ylim(0, max(losses) * 1.05)
    axl.set_xlabel("step")
    axl.set_ylabel("loss")
    fig.tight_layout()

    t2 = time.perf_counter()
    for i, (step, w, l) in enumerate(states):
        z = w[0] + w[1] * GX + w[2] * GY
        image.set_data(1 / (1 + np.exp(-z)))
        if abs(w[2]) > 1e-12:
            boundary.set_data([lo, hi], [-(w[0] + w[1] * lo) / w[2], -(w[0] + w[1] * hi) / w[2]])
        elif abs(w[1]) > 1e-12:
            boundary.set_data([-w[0] / w[1]] * 2, [lo, hi])
        else:
            boundary.set_data([], [])
        curve.set_data(steps[:i + 1], losses[:i + 1])
        title.set_text("step %d: loss %.4f" % (step, l))
        fig.savefig(os.path.join(outdir, "frame_%05d.png" % i), dpi=100)
    t3 = time.perf_counter()

    n = len(states)
    total = t3 - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("FPS logistic matplotlib %.2f" % (n / total))
    print("matplotlib logistic: %d frames in %.2f s = %.1f frames/s (training %.3f s, setup %.2f s, "
          "frames %.2f s = %.1f ms/frame), peak memory %.0f MB"
          % (n, total, n / total, t1 - t0, t2 - t1, t3 - t2, 1000 * (t3 - t2) / n, peak_mb))


if __name__ == "__main__":
    main()
