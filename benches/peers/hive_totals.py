"""Reads kvota's Hive-partitioned dataset with DuckDB and prints the totals per scenario and
year as JSON (used by tests/it/scenario.rs; any dashboard reads it the same way).

    python3 benches/peers/hive_totals.py reports/dataset
"""
import json
import sys

import duckdb

root = sys.argv[1]
con = duckdb.connect()
out = {}
for table, expr in [("quota_foreign", "sum(quota)"), ("quota_kandas", "sum(families)"), ("shortage", "sum(shortage_persons)")]:
    rows = con.execute(
        f"SELECT scenario, CAST(year AS INTEGER), {expr}, count(*) FROM read_parquet('{root}/{table}/*/*/*.parquet', "
        "hive_partitioning = true) GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    for scenario, year, total, n in rows:
        out.setdefault(f"{scenario}/{year}", {})[table] = [int(total), int(n)]
print(json.dumps(out, sort_keys=True))
