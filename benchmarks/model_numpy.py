"""The numpy twin of `frameplot-bench model`: the same work, for a side-by-side comparison.

Run: python3 benchmarks/model_numpy.py
(Data are generated with numpy's own generator, same sizes and recipes as ModelBench.swift.)
"""
import time

import numpy as np

POINTS = 1000
rng = np.random.default_rng(1)


def best(repeats, fn):
    result = float("inf")
    out = None
    for _ in range(repeats):
        # CPU time of the process (all threads): the machine is shared, wall time is noisy.
        start = time.process_time()
        out = fn()
        result = min(result, time.process_time() - start)
    return result, out


def report(name, steps, seconds):
    print(f"numpy: {name:<34} {steps / seconds:10.0f} steps/s  ({steps} steps in {seconds:.3f} s)")


# Linear regression y = a x + b, full-batch gradient descent on the mean squared error.
x = rng.uniform(0, 10, POINTS)
y = 0.5 * x + 3 + rng.normal(size=POINTS)
X = np.column_stack([x, np.ones(POINTS)])
GD_STEPS = 20_000


def linear_gd():
    w = np.zeros(2)
    for _ in range(GD_STEPS):
        r = X @ w - y
        w = w - 0.01 * (2 / POINTS) * (X.T @ r)
    return w


t, _ = best(3, linear_gd)
report("linear regression GD (1000 pts)", GD_STEPS, t)

# Logistic regression, one-sample SGD in a shuffled order each epoch.
angles = np.array([0.0, np.pi])
labels = np.arange(POINTS) % 2
centres = np.column_stack([2.5 * np.cos(angles), 2.5 * np.sin(angles)])
F = centres[labels] + 0.6 * rng.normal(size=(POINTS, 2))
F1 = np.column_stack([np.ones(POINTS), F])
SGD_STEPS = 200_000


def logistic_sgd():
    w = np.zeros(3)
    order = np.arange(POINTS)
    for t in range(SGD_STEPS):
        pos = t % POINTS
        if pos == 0:
            rng.shuffle(order)
        i = order[pos]
        xi = F1[i]
        p = 1 / (1 + np.exp(-(xi @ w)))
        w = w - 0.05 * (p - labels[i]) * xi
    return w


t, _ = best(3, logistic_sgd)
report("logistic SGD (1000 pts)", SGD_STEPS, t)

# Two-layer network: 2 inputs -> 16 sigmoid hidden -> 3 softmax outputs, full batch.
means = np.array([[-0.5, -0.5], [0.5, 1.0], [1, -0.5]])
sigmas = np.array([[0.7, 0.7], [0.8, 0.3], [0.3, 0.8]])
u = rng.uniform(size=POINTS)
cls = np.searchsorted(np.array([0.4, 0.8, 1.0]), u, side="right")
P = rng.normal(size=(POINTS, 2)) * sigmas[cls] + means[cls]
T = np.eye(3)[cls]
M, K = 16, 3
NET_STEPS = 500


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def train_net():
    W = rng.normal(size=(2, M)) / np.sqrt(2)
    b1 = np.zeros(M)
    V = rng.normal(size=(M, K)) / np.sqrt(M)
    b2 = np.zeros(K)
    for _ in range(NET_STEPS):
        z = sigmoid(P @ W + b1)
        a = z @ V + b2
        a = a - a.max(axis=1, keepdims=True)
        e = np.exp(a)
        yk = e / e.sum(axis=1, keepdims=True)
        d2 = (yk - T) / POINTS
        gV = z.T @ d2
        gb2 = d2.sum(axis=0)
        d1 = (d2 @ V.T) * z * (1 - z)
        gW = P.T @ d1
        gb1 = d1.sum(axis=0)
        W -= 0.5 * gW
        b1 -= 0.5 * gb1
        V -= 0.5 * gV
        b2 -= 0.5 * gb2
    return W, b1, V, b2


t, params = best(3, train_net)
report("two-layer net 16 hidden (1000 pts)", NET_STEPS, t)

# 800x800 grid prediction: class index and max probability per cell.
W, b1, V, b2 = params
gx = -3 + (np.arange(800) + 0.5) * 6 / 800
GX, GY = np.meshgrid(gx, gx)
G = np.column_stack([GX.ravel(), GY.ravel()])


def predict_grid():
    z = sigmoid(G @ W + b1)
    a = z @ V + b2
    a = a - a.max(axis=1, keepdims=True)
    e = np.exp(a)
    p = e / e.sum(axis=1, keepdims=True)
    return p.argmax(axis=1), p.max(axis=1)


t, (k, _) = best(5, predict_grid)
print(f"numpy: grid prediction 800x800, 16 hidden  {t * 1000:8.2f} ms  (class sum {int(k.sum())})")
