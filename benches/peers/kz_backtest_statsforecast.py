"""statsforecast 2.1.1 on exactly the origins of `benches/forecast_heldout.rs` (issue 20).

    cargo bench --bench forecast_heldout -- --tasks target/heldout_tasks.csv
    python benches/peers/kz_backtest_statsforecast.py target/heldout_tasks.csv target/heldout_sf.csv
    cargo bench --bench forecast_heldout -- --peer target/heldout_sf.csv

Reads the tasks (set, task, series, origin, m, h, training values, test values), fits
AutoETS, DynamicOptimizedTheta and Theta with the season length of the set to each training
series, and writes set, task, model, step, mean, lo-80, hi-80, lo-95, hi-95. The bench scores
these with the same code as kvota's own forecasts. statsforecast's own intervals are kept (it
has no cross-series calibration).
"""
import sys
import time

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS, DynamicOptimizedTheta, Theta


def main(tasks_path, out_path):
    tasks = pd.read_csv(tasks_path, dtype={"series": str})
    rows = []
    for (name, m, h), group in tasks.groupby(["set", "m", "h"], sort=False):
        frames = []
        for _, t in group.iterrows():
            y = np.array([float(v) for v in str(t["train"]).split()])
            frames.append(pd.DataFrame({"unique_id": str(t["task"]), "ds": np.arange(len(y)), "y": y}))
        df = pd.concat(frames, ignore_index=True)
        models = [AutoETS(season_length=int(m)), DynamicOptimizedTheta(season_length=int(m)), Theta(season_length=int(m))]
        sf = StatsForecast(models=models, freq=1, n_jobs=2)
        t0 = time.time()
        fc = sf.forecast(df=df, h=int(h), level=[80, 95])
        print(f"{name}: {len(group)} tasks, {time.time() - t0:.1f} s", file=sys.stderr)
        fc = fc.reset_index() if "unique_id" not in fc.columns else fc
        for model in ["AutoETS", "DynamicOptimizedTheta", "Theta"]:
            for uid, g in fc.groupby("unique_id", sort=False):
                g = g.sort_values("ds")
                for step, (_, r) in enumerate(g.iterrows(), start=1):
                    rows.append(
                        (name, uid, model, step, r[model], r[f"{model}-lo-80"], r[f"{model}-hi-80"],
                         r[f"{model}-lo-95"], r[f"{model}-hi-95"])
                    )
    out = pd.DataFrame(rows, columns=["set", "task", "model", "step", "mean", "lo80", "hi80", "lo95", "hi95"])
    out.to_csv(out_path, index=False)
    print(f"wrote {len(out)} rows to {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
