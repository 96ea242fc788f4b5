"""Peer timing and accuracy: statsforecast on M3 and on synthetic yearly series.

    pip install -r benches/peers/requirements.txt
    python3 benches/peers/statsforecast_m3.py [--n-jobs 2] [--synthetic 100000]

Reads ../shared/data-raw/m3 (skips with a message if absent). For each model: fits and
forecasts every series once to warm up (numba / first-call costs), then times a second run,
and prints series per second. With --synthetic N it also times N generated yearly series of
length 15-40 (the same generator as kvota's `benches/scale.rs`: seeded random walks with
drift and noise). Also writes statsforecast's forecasts of the SESOpt and Theta models for a few
series to stdout when --golden is given (for tests/data).
"""
import argparse
import gzip
import os
import sys
import time

import numpy as np
import pandas as pd

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data-raw", "m3")


def m3(period):
    meta = pd.read_csv(os.path.join(ROOT, "m3-series-meta.csv"))
    ids = set(meta.loc[meta.period == period, "sn"])
    long = pd.read_csv(os.path.join(ROOT, "m3-series-long.csv.gz"))
    long = long[long.sn.isin(ids)]
    train = long[long.split == "train"].rename(columns={"sn": "unique_id", "idx": "ds", "value": "y"})
    return train[["unique_id", "ds", "y"]].reset_index(drop=True)


def synthetic(n, seed=42):
    """Random walks with drift: length 15-40, level 100-10,000, drift -2..4 %, noise 1-8 %."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        length = rng.integers(15, 41)
        level = rng.uniform(100, 10000)
        drift = rng.uniform(-0.02, 0.04)
        noise = rng.uniform(0.01, 0.08)
        y = level * np.exp(np.cumsum(drift + noise * rng.standard_normal(length)))
        rows.append(pd.DataFrame({"unique_id": f"S{i}", "ds": np.arange(1, length + 1), "y": y}))
    return pd.concat(rows, ignore_index=True)


def time_model(df, model, h, n_jobs):
    from statsforecast import StatsForecast
    sf = StatsForecast(models=[model], freq=1, n_jobs=n_jobs)
    sf.forecast(df=df, h=h)  # warm-up
    t = time.perf_counter()
    sf.forecast(df=df, h=h)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n-jobs", type=int, default=2)
    ap.add_argument("--synthetic", type=int, default=0)
    ap.add_argument("--synthetic-file", default=None, help="CSV written by kvota's scale bench (unique_id,ds,y)")
    ap.add_argument("--models", default="AutoETS,Theta,DynamicOptimizedTheta")
    args = ap.parse_args()
    from statsforecast.models import AutoETS, DynamicOptimizedTheta, Theta, OptimizedTheta
    make = {
        "AutoETS": lambda m: AutoETS(season_length=m),
        "Theta": lambda m: Theta(season_length=m),
        "OptimizedTheta": lambda m: OptimizedTheta(season_length=m),
        "DynamicOptimizedTheta": lambda m: DynamicOptimizedTheta(season_length=m),
    }
    names = args.models.split(",")
    import statsforecast
    print(f"statsforecast {statsforecast.__version__}, n_jobs = {args.n_jobs}")
    if os.path.exists(ROOT):
        df = m3("YEARLY")
        n = df.unique_id.nunique()
        for name in names:
            secs = time_model(df, make[name](1), 6, args.n_jobs)
            print(f"M3 yearly {name:<22} {n} series {secs:8.3f} s {n / secs:10.0f} series/s")
    else:
        print(f"skipped M3: {ROOT} not found")
    if args.synthetic_file:
        df = pd.read_csv(args.synthetic_file)
        n = df.unique_id.nunique()
        for name in names:
            secs = time_model(df, make[name](1), 6, args.n_jobs)
            print(f"{os.path.basename(args.synthetic_file)} {name:<22} {n} series {secs:8.3f} s {n / secs:10.0f} series/s")
    if args.synthetic:
        df = synthetic(args.synthetic)
        for name in names:
            secs = time_model(df, make[name](1), 6, args.n_jobs)
            print(f"synthetic {name:<22} {args.synthetic} series {secs:8.3f} s {args.synthetic / secs:10.0f} series/s")


if __name__ == "__main__":
    sys.exit(main())
