#!/usr/bin/env bash
# Every performance goal of issue 15 in one go, Frameplot next to matplotlib, whole processes:
#   1. logistic, 200 frames at 800x600      frames/s       >= 280 frames/s and >= 30x matplotlib (artists created once)
#   2. gd-locus, 101 frames at 800x400      frames/s       >= 150x the textbook's own code
#   3. 1,000,000-point learning curve, PNG  time, peak RSS  faster than matplotlib, < 200 MB
#   4. 1,000,000-point scatter, PDF         time, RSS, size < 5 s, < 300 MB
#   5. gd-locus, 10,000 frames              peak RSS       < 64 MB
# Wall time and peak RSS come from /usr/bin/time -v. matplotlib (and pandas) are installed into
# Output/bench/venv from PyPI when missing; Frameplot is built in release once. Results and
# the machine's load (uptime) are printed at the end; a shared machine inflates wall times.
#
# Usage: benchmarks/run_all.sh [--skip-long]   (from anywhere; --skip-long skips item 5)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=Output/bench/all
mkdir -p "$out"
skip_long=false
[ "${1:-}" = "--skip-long" ] && skip_long=true

echo "== load before: $(uptime)"

# matplotlib in a venv of our own (the system Python may lack it).
venv=Output/bench/venv
if ! "$venv/bin/python" -c "import matplotlib, pandas, numpy" 2>/dev/null; then
    echo "== installing matplotlib and pandas into $venv (PyPI)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check matplotlib pandas numpy
fi
py="$root/$venv/bin/python"
echo "== $("$py" -c 'import matplotlib, numpy, pandas, sys; print("python", sys.version.split()[0], "matplotlib", matplotlib.__version__, "numpy", numpy.__version__, "pandas", pandas.__version__)')"

echo "== building Frameplot (release)"
swift build -c release --product frameplot >/dev/null
swift build -c release --product frameplot-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
frameplot="$bin/frameplot"

echo "== input data (seeded, 1,000,000 rows each; made once)"
"$py" benchmarks/bench_data.py "$out/data" 1000000

# measure NAME COMMAND...: runs COMMAND under /usr/bin/time -v and records wall seconds, CPU
# seconds and peak RSS (MB) in $out/NAME.time; the command's own output goes to $out/NAME.log.
measure() {
    local name=$1; shift
    /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || {
        echo "FAILED: $name ($*); see $out/$name.log" >&2; tail -5 "$out/$name.log" >&2; return 1; }
    awk -v name="$name" '
        /Elapsed \(wall clock\) time/ { n = split($NF, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
        /User time \(seconds\)/ { cpu += $NF }
        /System time \(seconds\)/ { cpu += $NF }
        /Maximum resident set size/ { rss = $NF / 1024 }
        END { printf "%s %.3f %.3f %.1f\n", name, wall, cpu, rss }' "$out/$name.time" >>"$out/results.txt"
    tail -1 "$out/results.txt" | awk '{ printf "   %-26s wall %7.2f s   cpu %7.2f s   peak %7.1f MB\n", $1, $2, $3, $4 }'
}
: >"$out/results.txt"

echo "== 1. logistic, 200 frames at 800x600"
rm -rf "$out/logistic-frameplot" "$out/logistic-matplotlib"
measure logistic-frameplot "$frameplot" animate logistic -o "$out/logistic-frameplot" --quiet
measure logistic-matplotlib "$py" benchmarks/logistic_matplotlib.py "$out/logistic-matplotlib" 200

echo "== 2. gd-locus, 101 frames at 800x400"
rm -rf "$out/gd-locus-frameplot" "$out/gd-locus-matplotlib"
measure gd-locus-frameplot "$frameplot" animate gd-locus -o "$out/gd-locus-frameplot" --quiet
measure gd-locus-matplotlib "$py" benchmarks/gd_locus_matplotlib.py "$out/gd-locus-matplotlib"

echo "== 3. learning curve of 1,000,000 points to PNG"
measure curve-frameplot "$frameplot" curve "$out/data/curve-1000000.csv" -o "$out/curve-frameplot.png" --quiet
measure curve-matplotlib "$py" benchmarks/figures_matplotlib.py curve "$out/data/curve-1000000.csv" "$out/curve-matplotlib.png"

echo "== 4. scatter of 1,000,000 points to PDF"
measure scatter-frameplot "$frameplot" scatter "$out/data/cloud-1000000.csv" --x x --y y -o "$out/scatter-frameplot.pdf" --quiet
measure scatter-matplotlib "$py" benchmarks/figures_matplotlib.py scatter "$out/data/cloud-1000000.csv" "$out/scatter-matplotlib.pdf"

if ! $skip_long; then
    echo "== 5. gd-locus, 10,000 frames (peak memory)"
    rm -rf "$out/gd-locus-10000"
    measure gd-locus-10000-frameplot "$frameplot" animate gd-locus --steps 19998 --every 2 -o "$out/gd-locus-10000" --quiet
    frames=$(find "$out/gd-locus-10000" -name 'frame_*.png' | wc -l)
    echo "   frames written: $frames"
    rm -rf "$out/gd-locus-10000"
fi

echo "== in-process split (frameplot-bench: one core, CPU ms per frame)"
"$bin/frameplot-bench" animation split | sed 's/^/   /'

echo
echo "== results (whole processes; load after: $(uptime | sed 's/.*load average/load average/'))"
echo "   Wall time decides the targets. On a loaded machine it is inflated (Frameplot's two worker"
echo "   threads get less than two cores); CPU time (user + system, all threads) is the steadier"
echo "   figure: on a quiet machine Frameplot's wall time is about its CPU time / 2, matplotlib's its CPU time."
size_kb() { [ -f "$1" ] && echo $(( $(stat -c %s "$1") / 1024 )) || echo 0; }
awk -v curve_fp="$(size_kb "$out/curve-frameplot.png")" -v curve_mpl="$(size_kb "$out/curve-matplotlib.png")" \
    -v pdf_fp="$(size_kb "$out/scatter-frameplot.pdf")" -v pdf_mpl="$(size_kb "$out/scatter-matplotlib.pdf")" '
    { wall[$1] = $2; cpu[$1] = $3; rss[$1] = $4 }
    function verdict(ok) { return ok ? "met" : "MISSED" }
    # One row: name, then Frameplot and matplotlib wall/CPU seconds and peak MB, the wall and CPU ratios.
    function row(label, key) {
        f = key "-frameplot"; m = key "-matplotlib"
        if (m in wall) {
            printf "%-32s %7.2f s %7.2f s %6.1f MB | %7.2f s %7.2f s %6.1f MB | %6.1fx %6.1fx\n", label,
                wall[f], cpu[f], rss[f], wall[m], cpu[m], rss[m], wall[m] / wall[f], cpu[m] / cpu[f]
        } else {
            printf "%-32s %7.2f s %7.2f s %6.1f MB | %31s |\n", label, wall[f], cpu[f], rss[f], "-"
        }
    }
    END {
        printf "%-32s %29s | %29s | %s\n", "", "Frameplot: wall, CPU, peak", "matplotlib: wall, CPU, peak", "ratio: wall, CPU"
        if ("logistic-frameplot" in wall) row("logistic 200 frames 800x600", "logistic")
        if ("gd-locus-frameplot" in wall) row("gd-locus 101 frames 800x400", "gd-locus")
        if ("curve-frameplot" in wall) row("curve 1,000,000 points, PNG", "curve")
        if ("scatter-frameplot" in wall) row("scatter 1,000,000 points, PDF", "scatter")
        if ("gd-locus-10000-frameplot" in wall) row("gd-locus 10,000 frames", "gd-locus-10000")
        print ""
        print "targets (wall time):"
        if ("logistic-frameplot" in wall) {
            f = 200 / wall["logistic-frameplot"]; r = wall["logistic-matplotlib"] / wall["logistic-frameplot"]
            printf "  logistic: %.1f frames/s (>= 280: %s), %.1fx matplotlib (>= 30x: %s)\n", f, verdict(f >= 280), r, verdict(r >= 30)
        }
        if ("gd-locus-frameplot" in wall) {
            r = wall["gd-locus-matplotlib"] / wall["gd-locus-frameplot"]
            printf "  gd-locus: %.1f frames/s, %.1fx the textbook code (>= 150x: %s)\n", 101 / wall["gd-locus-frameplot"], r, verdict(r >= 150)
        }
        if ("curve-frameplot" in wall)
            printf "  curve: %.2f s vs %.2f s (faster: %s), %.1f MB (< 200 MB: %s); PNG %d kB vs %d kB\n",
                wall["curve-frameplot"], wall["curve-matplotlib"], verdict(wall["curve-frameplot"] < wall["curve-matplotlib"]),
                rss["curve-frameplot"], verdict(rss["curve-frameplot"] < 200), curve_fp, curve_mpl
        if ("scatter-frameplot" in wall)
            printf "  scatter: %.2f s (< 5 s: %s), %.1f MB (< 300 MB: %s); PDF %d kB vs %d kB\n",
                wall["scatter-frameplot"], verdict(wall["scatter-frameplot"] < 5), rss["scatter-frameplot"],
                verdict(rss["scatter-frameplot"] < 300), pdf_fp, pdf_mpl
        if ("gd-locus-10000-frameplot" in wall)
            printf "  gd-locus 10,000 frames: peak %.1f MB (< 64 MB: %s)\n", rss["gd-locus-10000-frameplot"],
                verdict(rss["gd-locus-10000-frameplot"] < 64)
    }' "$out/results.txt"
