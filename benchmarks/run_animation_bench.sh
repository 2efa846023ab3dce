#!/usr/bin/env bash
# Renders the gd-locus (101 frames) and logistic (200 frames) animations with matplotlib and
# with Frameplot (release build), side by side, and prints the speed-ups against the targets
# (gd-locus >= 50x, logistic >= 10x, peak memory < 64 MB).
# Usage: benchmarks/run_animation_bench.sh   (from the repository root; needs python3 + matplotlib)
set -euo pipefail
cd "$(dirname "$0")/.."
out=Output/bench
mkdir -p "$out"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

python3 -c "import matplotlib" 2>/dev/null || { echo "matplotlib missing: pip install matplotlib" >&2; exit 1; }
echo "== building frameplot-bench (release)"
swift build -c release --product frameplot-bench >/dev/null

echo "== matplotlib"
rm -rf "$out/gd-locus-matplotlib" "$out/logistic-matplotlib"
python3 benchmarks/gd_locus_matplotlib.py "$out/gd-locus-matplotlib" | tee -a "$log"
python3 benchmarks/logistic_matplotlib.py "$out/logistic-matplotlib" 200 | tee -a "$log"

echo "== Frameplot"
"$(swift build -c release --show-bin-path)/frameplot-bench" animation | tee -a "$log"

echo "== speed-up (frames/s, training included on both sides)"
awk '/^FPS / { fps[$2 " " $3] = $4 }
     END {
       split("gd-locus:50 logistic:10", targets, " ")
       for (i in targets) {
         split(targets[i], t, ":")
         m = fps[t[1] " matplotlib"]; f = fps[t[1] " frameplot"]
         if (m > 0 && f > 0) printf "%-9s matplotlib %7.2f  frameplot %8.2f  = %6.1fx (target %dx)\n", t[1], m, f, f / m, t[2]
       }
     }' "$log"
