#!/usr/bin/env bash
# Executes notebooks/headline.ipynb headlessly against a kvota run's outputs.
#
#   notebooks/execute.sh [RUN_DIR] [OUT_DIR]
#
# RUN_DIR: the run folder (default reports/baseline); OUT_DIR: where the executed notebook and its
# chart go (default RUN_DIR/notebook). PYTHON selects the interpreter (default python3); it needs
# notebooks/requirements.txt installed. Exits non-zero when a cell fails, e.g. when a figure in the
# Parquet disagrees with the run's manifest.
set -euo pipefail
cd "$(dirname "$0")/.."
run=$(realpath "${1:-reports/baseline}")
out=${2:-$run/notebook}
mkdir -p "$out"
out=$(realpath "$out")
KVOTA_OUT="$run" KVOTA_NOTEBOOK_CHART="$out/quota_by_region.png" "${PYTHON:-python3}" -m nbconvert \
  --to notebook --execute notebooks/headline.ipynb --output-dir "$out" \
  --ExecutePreprocessor.timeout=300 --ExecutePreprocessor.kernel_name=python3
echo "executed: $out/headline.ipynb"
