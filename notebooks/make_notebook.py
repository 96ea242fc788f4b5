"""Writes headline.ipynb (the notebook is generated so that its cells stay reviewable as code here).

    python3 notebooks/make_notebook.py
"""
from pathlib import Path

import nbformat as nbf
nb = nbf.v4.new_notebook()
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
nb.cells = [
md("""# kvota: the headline figures from the exported Parquet

This notebook reads a kvota run's outputs with DuckDB, checks the headline figures against the
run's `manifest.json`, and redraws the quota-by-region chart. It needs only the files the run
wrote, not kvota.

    cargo run --release -- run                 # writes reports/baseline/ and reports/dataset/
    pip install -r notebooks/requirements.txt
    notebooks/execute.sh reports/baseline      # runs this notebook headlessly

`KVOTA_OUT` names the run folder (default `reports/baseline`, relative to the repository root)."""),
code("""import json
import os
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

OUT = Path(os.environ.get("KVOTA_OUT", Path.cwd().parent / "reports" / "baseline")).resolve()
DATASET = OUT.parent / "dataset"
manifest = json.loads((OUT / "manifest.json").read_text())
summary = manifest["summary"]
con = duckdb.connect()
q = OUT.as_posix()
print(f"run {manifest['run_id']}: scenario {manifest['scenario']['id']}, target year {manifest['scenario']['target_year']}")"""),
md("""## The foreign-labour quota

The ceiling is a share of the labour force; the reserve is held back; the rest is distributed to
shortage cells. The Parquet must give the same totals as the manifest."""),
code("""distributed, demand_cells = con.execute(
    f"select sum(quota), count(distinct region_code || oked_section) from '{q}/quota_foreign.parquet'"
).fetchone()
by_category = dict(
    con.execute(
        f"select category, sum(quota) from '{q}/quota_foreign.parquet' group by 1 order by 1"
    ).fetchall()
)
assert distributed == summary["distributed"], (distributed, summary["distributed"])
assert summary["ceiling"] == summary["reserve"] + summary["distributable"]
for k, v in summary["foreign_by_category"].items():
    assert by_category.get(k, 0) == v, (k, by_category.get(k), v)
print(
    f"foreign-labour quota: ceiling {summary['ceiling']} ({summary['ceiling_pct']} % of "
    f"{summary['labour_force_basis']} labour force in {summary['labour_force_year']}), reserve "
    f"{summary['reserve']}, distributed {distributed} of {summary['justified_demand']} justified demand"
)
print("  by category: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_category.items())))"""),
md("## Shortage ratings and the gap"),
code("""ratings = dict(
    con.execute(f"select rating, count(*) from '{q}/shortage.parquet' group by 1 order by 1").fetchall()
)
assert ratings == {k: v for k, v in summary["cells_by_rating"].items() if v}, ratings
shortage_gap = con.execute(
    f"select sum(shortage_persons) from '{q}/shortage.parquet' where rating = 'shortage'"
).fetchone()[0]
assert shortage_gap == summary["shortage_gap"], (shortage_gap, summary["shortage_gap"])
print("cells: " + ", ".join(f"{k} {v}" for k, v in ratings.items()))
print(f"shortage gap in shortage cells: {shortage_gap} persons (manifest: {summary['shortage_gap']})")
con.execute(
    f\"\"\"select region_name_en, section_name_en, round(gap) gap, rating
       from '{q}/shortage.parquet' where rating = 'shortage' order by gap desc limit 5\"\"\"
).fetchall()"""),
md("## Kandas resettlement quota"),
code("""families, persons, cost = con.execute(
    f"select sum(families), sum(persons), sum(cost_kzt) from '{q}/quota_kandas.parquet'"
).fetchone()
assert (families, persons) == (summary["kandas_families"], summary["kandas_persons"])
assert round(cost) == round(summary["kandas_cost_kzt"])
print(
    f"kandas quota: {families} families, {persons} persons over "
    f"{len(summary['kandas_regions'])} regions (cost {cost:.0f} of {summary['kandas_budget_kzt']:.0f} tenge)"
)"""),
md("""## Quota by region (chart)

The same figure as `charts/quota_by_region.svg`, drawn here from the Parquet."""),
code("""rows = con.execute(
    f\"\"\"select any_value(region_name_en), sum(quota) q from '{q}/quota_foreign.parquet'
       group by region_code order by q\"\"\"
).fetchall()
names, quotas = [r[0] for r in rows], [r[1] for r in rows]
assert sum(quotas) == summary["distributed"]
fig, ax = plt.subplots(figsize=(8, 6))
ax.barh(names, quotas, color="#1f77b4")
ax.set_xlabel("permits")
ax.set_title(f"Foreign-labour quota by region, {manifest['scenario']['target_year']}")
fig.tight_layout()
chart = Path(os.environ.get("KVOTA_NOTEBOOK_CHART", OUT / "notebook_quota_by_region.png"))
fig.savefig(chart, dpi=100)
print(f"chart: {chart.name}, {len(names)} regions, {sum(quotas)} permits")"""),
md("""## All scenarios as one table (Hive-partitioned dataset)

`reports/dataset/<table>/scenario=<id>/year=<y>/part-0.parquet`: DuckDB reads the partition keys
as columns."""),
code("""if DATASET.exists():
    totals = con.execute(
        f\"\"\"select scenario, year, sum(quota) from read_parquet('{DATASET.as_posix()}/quota_foreign/*/*/*.parquet',
           hive_partitioning = true) group by all order by all\"\"\"
    ).fetchall()
    for scenario, year, total in totals:
        print(f"{scenario} {year}: {total} permits distributed")
    mine = [t for s, y, t in totals if s == manifest["scenario"]["id"] and y == manifest["scenario"]["target_year"]]
    assert mine == [summary["distributed"]], mine
else:
    print(f"no dataset beside {OUT}")"""),
]
nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
nb.metadata["language_info"] = {"name": "python"}
nbf.validate(nb)
nbf.write(nb, str(Path(__file__).with_name("headline.ipynb")))
