"""Seeded synthetic fixtures for `kvota select` and `kvota contract` (pseudonymous ids only).

    python3 tests/data/people/make_fixtures.py

Writes applicants.csv (60 applicants under the 2026 pilot rules), quota.csv, families.csv,
payments.csv and moves.csv beside this script. Nothing here describes a real person.
"""
import random
from pathlib import Path

here = Path(__file__).parent
rng = random.Random(20261204)
regions = ["KZ-55", "KZ-39", "KZ-11", "KZ-59", "KZ-71"]
edu = ["none", "general_secondary", "specialised_secondary", "higher", "postgraduate"]
lvl = ["none", "a1", "a2", "b1", "b2", "c1"]
comp = ["none", "basic", "certified", "in_demand"]
rows = ["applicant_id,submitted_at,route,region,kz_test_listening,kz_test_reading,age,education,kazakh_level,russian_level,english_level,work_experience_years,study_experience_years,professional_competence,health,relatives_in_kazakhstan,lived_in_kazakhstan,checks_passed,interview_passed"]
for i in range(60):
    route = "foreign" if rng.randrange(3) == 0 else "kandas"
    rows.append(",".join([
        f"a{i:04d}",
        f"2026-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z",
        route, rng.choice(regions),
        f"{0.1 + rng.randrange(90) / 100:.2f}", f"{0.1 + rng.randrange(90) / 100:.2f}",
        str(18 + rng.randrange(50)), rng.choice(edu), rng.choice(lvl), rng.choice(lvl), rng.choice(lvl),
        str(rng.randrange(25)), str(rng.randrange(6)), rng.choice(comp),
        "limited" if rng.randrange(10) == 0 else "fit",
        rng.choice(["true", "false"]), rng.choice(["true", "false"]),
        "false" if rng.randrange(20) == 0 else "true",
        "false" if rng.randrange(10) == 0 else "true",
    ]))
(here / "applicants.csv").write_text("\n".join(rows) + "\n")
q = ["route,region,slots"] + [f"kandas,{r},{2 + rng.randrange(4)}" for r in regions] + [f"foreign,{r},2" for r in regions]
(here / "quota.csv").write_text("\n".join(q) + "\n")
fam = ["family_id,arrival_date,host_region,members"]
pay = ["family_id,item,paid_date,amount_mci,amount_kzt"]
mov = ["family_id,move_date,to_region"]
for i in range(24):
    fid = f"f{i:03d}"
    y = 2021 + rng.randrange(5)
    m = 1 + rng.randrange(12)
    members = 1 + rng.randrange(6)
    host = rng.choice(regions[:4])
    fam.append(f"{fid},{y}-{m:02d}-01,{host},{members}")
    pay.append(f"{fid},relocation,{y}-{m:02d}-15,{70 * members},")
    for k in range(rng.randrange(12)):
        mm = m + k
        yy, mm = y + (mm - 1) // 12, (mm - 1) % 12 + 1
        pay.append(f"{fid},rent,{yy}-{mm:02d}-10,{rng.choice([15, 20, 30])},")
    if rng.randrange(4) == 0:
        pay.append(f"{fid},housing_certificate,{y}-{m:02d}-20,,{rng.choice([3000000, 4000000, 4560000])}")
    if rng.randrange(5) == 0:
        ym = y + 1 + rng.randrange(3)
        mov.append(f"{fid},{ym}-{1 + rng.randrange(12):02d}-05,KZ-71")
(here / "families.csv").write_text("\n".join(fam) + "\n")
(here / "payments.csv").write_text("\n".join(pay) + "\n")
(here / "moves.csv").write_text("\n".join(mov) + "\n")
