#!/usr/bin/env bash
# The held-out forecasting figures of issue 20 in one run (protocol: docs/methods.md §3):
#
#     benches/peers/heldout.sh
#
# 1. writes the tasks of every held-out set (M1 yearly, quarterly, monthly; Kazakhstan K1-K5 by
#    rolling origin, K6 since point 2a; K7 and U1-U3 since point 2b) to target/heldout_tasks.csv;
# 2. installs statsforecast 2.1.1 from PyPI into target/peer-venv (once) and forecasts the same
#    tasks with AutoETS, DynamicOptimizedTheta and Theta (target/heldout_sf.csv);
# 3. runs every model of kvota on every set, scores statsforecast's forecasts with the same
#    code and prints the tables of benches/results/heldout.md (every set, K6 included).
# The searches on the choice data: cargo bench -p kvota-forecast --bench choice / calib_small.
# Needs ../shared/data-raw (M1 and the BNS unemployment spreadsheet; the sets print `skipped`
# without them). A release build of kvota the first time (see docs/tech.md for how long).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/peer-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import statsforecast" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r benches/peers/requirements.txt
fi
cargo bench -q --bench forecast_heldout -- --tasks target/heldout_tasks.csv
"$venv/bin/python" benches/peers/kz_backtest_statsforecast.py target/heldout_tasks.csv target/heldout_sf.csv
KVOTA_COMMIT="$(git rev-parse --short HEAD)" cargo bench -q --bench forecast_heldout -- --peer target/heldout_sf.csv
