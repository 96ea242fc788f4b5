"""The peer of benches/postings.rs: the same aggregation of the same generated postings file
with DuckDB (2 threads), for the throughput comparison in benches/README.md.

    python3 benches/peers/postings_duckdb.py target/bench-postings/postings_1000000.csv [--check OUT.csv]

Same work as `kvota ingest postings`: region label -> ISO code (the generator's label table),
OKED division -> section, month of the date, salary text -> amounts (U+202F separators), tenge
only, midpoint of a range or the one bound, then per region x section x month the number of
postings, the number with a tenge salary and the exact median. With --check it compares its
result with kvota's CSV output cell by cell.
"""
import sys
import time

import duckdb

LABELS = {
    "Абайская область": "KZ-10", "Акмолинская область": "KZ-11", "Aktobe Region": "KZ-15",
    "Алматинская область": "KZ-19", "Атырауская область": "KZ-23", "West Kazakhstan Region": "KZ-27",
    "Жамбылская область": "KZ-31", "Жетісу облысы": "KZ-33", "Карагандинская область": "KZ-35",
    "Костанайская область": "KZ-39", "Кызылординская область": "KZ-43", "Мангистауская область": "KZ-47",
    "Павлодарская область": "KZ-55", "North Kazakhstan Region": "KZ-59", "Туркестанская область": "KZ-61",
    "Ұлытау облысы": "KZ-62", "Восточно-Казахстанская область": "KZ-63", "г. Астана": "KZ-71",
    "Astana city": "KZ-71", "г. Алматы": "KZ-75", "Almaty city": "KZ-75", "г. Шымкент": "KZ-79",
    "SHYGYS KAZAKHSTAN REGION": "KZ-63", "Pavlodar Region": "KZ-55",
}
SECTIONS = [(1, 3, "A"), (5, 9, "B"), (10, 33, "C"), (35, 35, "D"), (36, 39, "E"), (41, 43, "F"),
            (45, 47, "G"), (49, 53, "H"), (55, 56, "I"), (58, 63, "J"), (64, 66, "K"), (68, 68, "L"),
            (69, 75, "M"), (77, 82, "N"), (84, 84, "O"), (85, 85, "P"), (86, 88, "Q"), (90, 93, "R"),
            (94, 96, "S"), (97, 98, "T"), (99, 99, "U")]

QUERY = """
WITH p AS (
  SELECT l.code AS region_code, s.section AS oked_section, strftime(CAST(date AS DATE), '%Y-%m') AS period,
         replace(salary, chr(8239), '') AS sal
  FROM read_csv('{file}', header = true, all_varchar = true) t
  JOIN labels l ON l.label = t.region
  LEFT JOIN sections s ON CAST(substr(t.oked, 1, 2) AS INTEGER) BETWEEN s.lo AND s.hi
), q AS (
  SELECT region_code, oked_section, period,
         CASE WHEN sal LIKE '%₸%' THEN regexp_extract_all(sal, '[0-9]+') END AS nums,
         CASE WHEN sal LIKE 'от %' THEN 'lo' WHEN sal LIKE 'до %' THEN 'hi' ELSE 'range' END AS kind
  FROM p
), v AS (
  SELECT region_code, oked_section, period,
         CASE WHEN nums IS NULL OR len(nums) = 0 THEN NULL
              WHEN len(nums) = 2 THEN (CAST(nums[1] AS DOUBLE) + CAST(nums[2] AS DOUBLE)) / 2
              ELSE CAST(nums[1] AS DOUBLE) END AS amount
  FROM q
)
SELECT region_code, oked_section, period, count(*) AS postings, count(amount) AS with_salary,
       median(amount) AS median_salary
FROM v GROUP BY ALL ORDER BY ALL
"""


def main():
    file = sys.argv[1]
    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute("CREATE TABLE labels (label VARCHAR, code VARCHAR)")
    con.executemany("INSERT INTO labels VALUES (?, ?)", list(LABELS.items()))
    con.execute("CREATE TABLE sections (lo INTEGER, hi INTEGER, section VARCHAR)")
    con.executemany("INSERT INTO sections VALUES (?, ?, ?)", SECTIONS)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        rows = con.execute(QUERY.format(file=file)).fetchall()
        times.append(time.perf_counter() - t)
    times.sort()
    n = sum(r[3] for r in rows)
    print(f"duckdb {duckdb.__version__}: {n} rows, {len(rows)} cells: median {times[1]:.2f} s "
          f"(min {times[0]:.2f}, max {times[2]:.2f}), {n / times[1] / 1e6:.2f} M rows/s")
    if "--check" in sys.argv:
        out = sys.argv[sys.argv.index("--check") + 1]
        kv = {}
        for r in con.execute(f"SELECT * FROM read_csv('{out}', header = true, all_varchar = true)").fetchall():
            kv[(r[1], r[2] or None, r[3], r[0])] = float(r[4]) if r[4] else None
        bad = 0
        for region, section, period, postings, with_salary, median in rows:
            got = (kv.get((region, section, period, "vacancy postings")),
                   kv.get((region, section, period, "vacancy postings with a salary in tenge")),
                   kv.get((region, section, period, "median offered salary, tenge per month")))
            want = (float(postings), float(with_salary), float(median) if median is not None else None)
            if got != want:
                bad += 1
                if bad <= 5:
                    print("differs:", region, section, period, got, want)
        print(f"check: {len(rows)} cells compared, {bad} differ")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
