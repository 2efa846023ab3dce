# Gradient descent on a line fit, written as a numpy user would; records a history for
# `frameplot render history.csv --scene gd-locus --data study.csv --x hours --y score`.
import numpy as np
x, y = np.loadtxt("study.csv", delimiter=",", skiprows=1, unpack=True)
a, b, lr, rows = 0.0, 0.0, 0.01, []
for step in range(2001):
    r = a * x + b - y                                  # residuals at (a, b)
    if step % 20 == 0: rows.append([step, np.mean(r ** 2), b, a])
    a, b = a - lr * np.mean(2 * r * x), b - lr * np.mean(2 * r)
np.savetxt("history.csv", rows, delimiter=",", header="step,loss,b,a", comments="")
