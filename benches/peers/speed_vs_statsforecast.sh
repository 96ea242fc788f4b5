#!/usr/bin/env bash
# kvota against statsforecast on the same machine in one run (issue 8's speed targets):
#
#     benches/peers/speed_vs_statsforecast.sh [N_SERIES]     # default 100000
#
# 1. installs statsforecast 2.1.1 from PyPI into target/peer-venv (once);
# 2. times kvota's Theta, DOTM, AutoETS and the automatic method on N synthetic yearly series
#    (crates/forecast/benches/scale.rs, 2 threads, warm run; it writes the series to
#    target/synthetic_yearly_N.csv) and on the 645 M3 yearly series (benches/m3.rs);
# 3. times statsforecast's Theta, DynamicOptimizedTheta and AutoETS on the same CSV and on M3
#    yearly with n_jobs = 2, each after a first (warm-up) call;
# 4. prints seconds and the ratio for each model.
# Needs ../shared/data-raw/m3 for the M3 part. Release build of kvota-forecast only (a minute).
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100000}"
venv=target/peer-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import statsforecast" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r benches/peers/requirements.txt
fi
log=target/speed_vs_statsforecast
mkdir -p "$log"
cargo bench -q -p kvota-forecast --bench scale -- "$n" theta dotm autoets auto | tee "$log/kvota_scale.txt"
cargo bench -q -p kvota-forecast --bench m3 -- yearly theta dotm autoets auto | tee "$log/kvota_m3.txt"
"$venv/bin/python" benches/peers/statsforecast_m3.py --n-jobs 2 \
  --synthetic-file "target/synthetic_yearly_$n.csv" --models Theta,DynamicOptimizedTheta,AutoETS | tee "$log/statsforecast.txt"
echo
echo "model: kvota s | statsforecast s | ratio  ($n synthetic yearly series, 2 threads / n_jobs = 2)"
for pair in theta:Theta dotm:DynamicOptimizedTheta autoets:AutoETS; do
  k="${pair%%:*}"; s="${pair##*:}"
  ks=$(awk -v m="$k" '$1 == m && $3 == "s" {print $2}' "$log/kvota_scale.txt")
  ss=$(awk -v m="$s" '$1 ~ /synthetic/ && $2 == m {print $5}' "$log/statsforecast.txt")
  awk -v k="$k" -v a="$ks" -v b="$ss" 'BEGIN { printf "  %-8s %8.2f | %8.2f | %5.1fx\n", k, a, b, b / a }'
done
echo "M3 yearly series/s: kvota (m3 bench, one run) | statsforecast (warm)"
for pair in theta:Theta dotm:DynamicOptimizedTheta autoets:AutoETS; do
  k="${pair%%:*}"; s="${pair##*:}"
  kr=$(awk -v m="$k" '$1 == m {print $(NF-2)}' "$log/kvota_m3.txt" | tail -1)
  sr=$(awk -v m="$s" '$1 == "M3" && $3 == m {print $8}' "$log/statsforecast.txt")
  awk -v k="$k" -v a="$kr" -v b="$sr" 'BEGIN { printf "  %-8s %8.0f | %8.0f | %5.1fx\n", k, a, b, a / b }'
done
