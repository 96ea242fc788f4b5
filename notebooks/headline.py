"""Headline figures of a kvota run, read from the exported Parquet with DuckDB.

    pip install duckdb==2.0.1
    cargo run --release -- run            # writes reports/baseline/
    python3 notebooks/headline.py reports/baseline
"""
import json
import sys
from pathlib import Path

import duckdb

out = Path(sys.argv[1] if len(sys.argv) > 1 else "reports/baseline")
manifest = json.loads((out / "manifest.json").read_text())
s = manifest["summary"]
print(f"scenario {manifest['scenario']['id']}, target year {manifest['scenario']['target_year']}")
print(f"ceiling {s['ceiling']:,}  reserve {s['reserve']:,}  distributed {s['distributed']:,}")

con = duckdb.connect()
q = out.as_posix()
total = con.execute(f"select sum(quota) from '{q}/quota_foreign.parquet'").fetchone()[0]
assert total == s["distributed"], (total, s["distributed"])
print("foreign quota by region:")
for code, name, quota in con.execute(
    f"select region_code, any_value(region_name_en), sum(quota) q from '{q}/quota_foreign.parquet' "
    "group by 1 order by q desc"
).fetchall():
    print(f"  {code} {name:<26} {quota:>6,}")
print("shortage gap by region (persons, + = shortage):")
for code, gap in con.execute(
    f"select region_code, round(sum(gap)) g from '{q}/shortage.parquet' group by 1 order by g desc"
).fetchall():
    print(f"  {code} {gap:>9,.0f}")
k = con.execute(f"select sum(families), sum(persons) from '{q}/quota_kandas.parquet'").fetchone()
print(f"kandas quota: {k[0]} families, {k[1]} persons")
