"""Writes the ingest fixtures of tests/it/ingest.rs. Run from this folder:
    python3 make_fixtures.py
The spreadsheets imitate BNS layouts (title row, merged year header over quarter columns,
footnote marks, `-`, `x`, `...`, comma decimals as text, no-break-space thousands, block
titles, footnote rows). The numbers are made up; only the layout matters."""
import openpyxl

NBSP = "\u00a0"


def quarterly():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Регионы"
    ws["A2"] = "Уровень безработицы 1)"
    ws["A4"] = "Регион"
    years = [2017, 2018]
    col = 2
    for y in years:
        ws.cell(row=4, column=col, value=f"{y} год")
        ws.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + 4)
        for i, q in enumerate(["I квартал", "II квартал", "III квартал", "IV квартал", "год"]):
            ws.cell(row=5, column=col + i, value=q)
        col += 5
    rows = [
        ("Республика Казахстан", ["4,9", 4.9, 4.9, 4.8, 4.9, 4.9, 4.8, 4.8, 4.8, 4.8]),
        ("Абай", ["-"] * 10),
        ("Акмолинская 2)", [5.0, 4.9, "4,9*", 4.8, 4.9, 4.8, 4.8, 4.7, 4.7, 4.8]),
        ("Алматинская", [4.8, 4.8, 4.7, 4.7, 4.8, 4.8, 4.7, 4.7, 4.6, 4.7]),
        ("Туркестанская 3)", [5.2, 5.1, 5.0, 5.0, 5.1, 5.2, 5.1, 5.0, 5.0, 5.1]),
        ("Восточно-Казахстанская", [4.8, 4.8, 4.7, 4.7, 4.8, 4.8, 4.7, 4.7, 4.7, 4.7]),
        ("г. Алматы", [5.3, 5.3, 5.2, 5.2, 5.3, 5.2, 5.2, 5.1, 5.1, 5.2]),
        ("г. Шымкент 3)", ["-", "-", "-", "-", "-", 5.2, 5.1, 5.0, 5.0, 5.1]),
        ("Костанайская", ["x", "x", "...", 4.6, None, 4.7, 4.6, 4.6, 4.5, 4.6]),
    ]
    r = 6
    for name, vals in rows:
        ws.cell(row=r, column=1, value=name)
        for i, v in enumerate(vals):
            if v is not None:
                ws.cell(row=r, column=2 + i, value=v)
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="1) По данным выборочного обследования занятости населения.")
    ws.cell(row=r + 1, column=1, value="2) Данные пересчитаны.")
    ws.cell(row=r + 2, column=1, value="3) До 2018 года - Южно-Казахстанская область.")
    wb.save("bns_quarterly.xlsx")


def blocks():
    """Annual counts as text with no-break-space thousands, two blocks."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Численность"
    ws["A1"] = "Численность населения, человек"
    for i, y in enumerate(range(2020, 2024)):
        ws.cell(row=3, column=2 + i, value=y)
    data = {
        "Все население": [
            ("Республика Казахстан", ["18 879 552", "19 002 586", "19 186 015", "19 766 807"]),
            ("Восточно-Казахстанская", ["1 369 597", "1 363 797", "732 966", "730 236"]),
            ("Абай", ["-", "-", "611 888", "610 205"]),
            ("Алматинская", ["2 055 724", "2 097 167", "1 491 720", "1 528 238"]),
            ("Жетісу", ["-", "-", "683 410", "689 040"]),
        ],
        "Городское население": [
            ("Республика Казахстан", [f"11{NBSP}185{NBSP}001", f"11{NBSP}340{NBSP}200", "11 540 000", "12 010 000"]),
            ("Восточно-Казахстанская", ["850 100", "848 000", "470 000", "469 000"]),
            ("Абай", ["-", "-", "380 000", "381 000"]),
        ],
    }
    r = 4
    for block, rows in data.items():
        ws.cell(row=r, column=1, value=block)
        r += 1
        for name, vals in rows:
            ws.cell(row=r, column=1, value=name)
            for i, v in enumerate(vals):
                ws.cell(row=r, column=2 + i, value=v)
            r += 1
    wb.save("bns_blocks.xlsx")


def bad(name, label, value):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws["A1"] = "Число безработных"
    for i, y in enumerate([2021, 2022]):
        ws.cell(row=3, column=2 + i, value=y)
    ws["A4"] = "Республика Казахстан"
    ws["B4"] = 440
    ws["C4"] = 441
    ws["A5"] = label
    ws["B5"] = 12
    ws["C5"] = value
    wb.save(name)


quarterly()
blocks()
bad("bad_region.xlsx", "Семипалатинская", 13)
bad("bad_number.xlsx", "Павлодарская", "13,4 тыс")
bad("ambiguous_almaty.xlsx", "Алматы", 13)

header = "NAM,DAT,PERIOD,ӘАОЖ(каталог бойынша),LӘАОЖ(каталог бойынша),VAL\n"
rows = [
    ("Численность безработных", "2006 год", "200612", "SHYGYS KAZAKHSTAN REGION", "631000000", "45 102"),
    ("Численность безработных", "3 квартал 2015 г.", "201509", "South-Kazakhstan region", "511000000", "46 650"),
    ("Численность безработных", "2006 год", "200612", "Республика Казахстан", "000000000", "640 700"),
    ("Численность безработных", "2 квартал 2015 г.", "201506", "South-Kazakhstan region", "511000000", "x"),
    ("Численность безработных", "2006 год", "200612", "ALMATY QALASY", "751000000", "58 021"),
    ("Численность безработных", "2006 год", "200612", "ALMATY OBLYSY", "191000000", "61 300"),
    ("Численность безработных", "1 квартал 2015 г.", "201503", "South-Kazakhstan region", "511000000", "47 010"),
]
with open("open_data_bom.csv", "w", encoding="utf-8-sig", newline="") as f:
    f.write(header)
    for r in rows:
        f.write(",".join(f'"{c}"' if "," in c else c for c in r) + "\n")
# Windows-1251 has no Ә: such exports carry the Russian acronym КАТО in the header.
ru = {
    "SHYGYS KAZAKHSTAN REGION": "Восточно-Казахстанская область",
    "South-Kazakhstan region": "Южно-Казахстанская область",
    "Республика Казахстан": "Республика Казахстан",
    "ALMATY QALASY": "г. Алматы",
    "ALMATY OBLYSY": "Алматинская область",
}
with open("open_data_cp1251.csv", "w", encoding="cp1251", newline="") as f:
    f.write(header.replace("ӘАОЖ", "КАТО").replace(",", ";"))
    for r in rows:
        f.write(";".join((r[0], r[1], r[2], ru[r[3]], r[4], r[5])) + "\n")
with open("open_data_bad_period.csv", "w", encoding="utf-8", newline="") as f:
    f.write(header)
    f.write("Численность безработных,3 квартал 2015 г.,201512,Павлодарская,,12 000\n")

# Vacancy postings: Enbek-style columns, region variants, OKED as class code, division with a
# dot, letter or free text, hh.kz salary texts with U+202F separators, a dollar salary, a
# quoted field holding the separator.
postings = [
    ("2025-03-04", "г. Алматы", "62011", "Программист", "300 000 – 500 000 ₸ на руки", "Опыт 1-3 года"),
    ("2025-03-15", "Almaty city", "62.01", "Аналитик", "от 400 000 ₸ до вычета налогов", "Опыт 3-6 лет"),
    ("2025-03-20", "KZ-75", "J", "Тестировщик", "Not specified", "Без опыта"),
    ("05.03.2025", "Павлодарская область", "24101", "Сварщик", "до 350 000 ₸ на руки", "Опыт более 6&nbsp;лет"),
    ("2025-04-01", "Павлодарская область", "24101", "Сварщик", "1 200 $ на руки", "Опыт 1-3 года"),
    ("2025-04-02", "Павлодарская область", "", "Разнорабочий", "", ""),
    ("2025-04-03", "Павлодарская область", "Строительство", "Каменщик; плиточник", "200 000 ₸", "Опыт 1-3 года"),
]
NNBSP = "\u202f"


def quote(x, sep):
    return '"' + x.replace('"', '""') + '"' if (sep in x or '"' in x or "\n" in x) else x


with open("postings.csv", "w", encoding="utf-8", newline="") as f:
    f.write("date,region,oked,occupation,salary,experience\n")
    for r in postings:
        r = list(r)
        if r[4] and (r[4][0].isdigit() or r[4].startswith(("от", "до"))):
            r[4] = r[4].replace(" ", NNBSP)
        f.write(",".join(quote(x, ",") for x in r) + "\n")
# The same postings as a Windows-1251 `;` export with Russian headers and CRLF (no ₸ there:
# `тг`).
with open("postings_cp1251.csv", "w", encoding="cp1251", newline="") as f:
    f.write("Дата;Регион;Отрасль;Профессия;Зарплата;Опыт\r\n")
    for r in postings:
        r = [x.replace("₸", "тг") for x in r]
        f.write(";".join(quote(x, ";") for x in r) + "\r\n")
with open("postings_bad_region.csv", "w", encoding="utf-8", newline="") as f:
    f.write("date,region,salary\n2025-03-04,г. Алматы,100000\n2025-03-05,Семипалатинская область,120000\n")
with open("postings_truncated.csv", "w", encoding="utf-8", newline="") as f:
    f.write('date,region,salary\n2025-03-04,г. Алматы,100000\n2025-03-05,"г. Алм')

# An export whose catalogue column holds KATO ids rather than names (Russian header).
with open("open_data_kato.csv", "w", encoding="utf-8", newline="") as f:
    f.write("NAM;DAT;PERIOD;КАТО(по каталогу);VAL\n")
    f.write("Численность безработных;2023 год;202312;551000000;12 300\n")
    f.write("Численность безработных;2023 год;202312;100000000;9 870\n")
    f.write("Численность безработных;2017 год;201712;511000000;41 000\n")
