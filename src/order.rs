//! The draft quota order a ministry lawyer opens and edits: its text in one language, built from
//! the catalogue and the run's figures, and written as a Word document (`order.<lang>.docx`,
//! with `docx-rs`) and as an A4-printable HTML page (`order.<lang>.html`). Annex 1 is the quota
//! by region and worker category with totals (the same numbers as `order_annex.parquet`),
//! Annex 2 the kandas regional quota.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::codes::{Region, WorkerCategory};
use crate::error::{Error, Result};
use crate::i18n::Texts;
use crate::report::region_label;

/// What the order states, from one run.
#[derive(Debug, Clone)]
pub struct OrderFacts {
    pub scenario: String,
    pub run_id: String,
    pub year: i32,
    pub ceiling: u64,
    /// Percent of the labour force (0.25 means 0.25 %).
    pub ceiling_pct: f64,
    pub labour_force: u64,
    pub labour_force_year: i32,
    pub reserve: u64,
    pub distributed: u64,
    /// Quota by region and category of the last edition; every region appears in the annex,
    /// at 0 where it has none.
    pub annex: BTreeMap<(Region, WorkerCategory), u64>,
    /// Designated regions with their kandas families and persons.
    pub kandas: Vec<(Region, u64, u64)>,
    /// The act the preamble cites, by language (`foreign_labour.order_legal_basis`).
    pub legal_basis: BTreeMap<String, String>,
    /// What the figures rest on: the quota from request lines (true) or from modelled gaps,
    /// and the evidence grade of that basis (`synthetic`, `ingested`, ...).
    pub from_requests: bool,
    pub evidence: String,
    /// What the kandas split rests on: the year of the previous order whose shares it follows
    /// (`None`: split by the modelled shortage, whose cells' weakest grade is `kandas_grade`).
    pub kandas_previous_order: Option<i32>,
    pub kandas_grade: String,
    pub edition: String,
    pub edition_date: NaiveDate,
    pub in_force: NaiveDate,
}

/// The order's text in one language, rendered by [`docx`] and [`html`].
#[derive(Debug, Clone)]
pub struct OrderText {
    pub lang: &'static str,
    pub mark: String,
    pub authority: String,
    pub title: String,
    pub place_date: String,
    pub preamble: String,
    pub points: Vec<String>,
    pub signature: String,
    pub annex1_title: String,
    /// Header row, then one row per region, then the total row.
    pub annex1: Vec<Vec<String>>,
    pub annex2_title: String,
    pub annex2: Vec<Vec<String>>,
}

/// The order's text in the language of `t`.
pub fn text(f: &OrderFacts, t: &Texts) -> OrderText {
    let s = |v: &dyn ToString| v.to_string();
    let msg = |key: &str, pairs: &[(&str, String)]| t.fs(key, pairs);
    let year = s(&f.year);
    let basis = f.legal_basis.get(t.lang().code()).cloned().unwrap_or_default();
    let kandas_families: u64 = f.kandas.iter().map(|k| k.1).sum();
    let kandas_persons: u64 = f.kandas.iter().map(|k| k.2).sum();
    let foreign_rests_on = msg(
        if f.from_requests { "order-basis-requests" } else { "order-basis-gap" },
        &[("evidence", t.name("evidence", &f.evidence))],
    );
    let kandas_rests_on = match f.kandas_previous_order {
        Some(y) => msg("order-basis-kandas-order", &[("year", s(&y)), ("evidence", t.name("evidence", "official"))]),
        None => msg("order-basis-kandas-shortage", &[("evidence", t.name("evidence", &f.kandas_grade))]),
    };
    let rests_on = msg("order-basis-both", &[("foreign", foreign_rests_on), ("kandas", kandas_rests_on)]);
    let points = vec![
        msg(
            "order-point-ceiling",
            &[
                ("year", year.clone()),
                ("pct", t.dec(f.ceiling_pct, 2)),
                ("lf", t.int(f.labour_force as i64)),
                ("lf_year", s(&f.labour_force_year)),
                ("ceiling", t.int(f.ceiling as i64)),
            ],
        ),
        msg(
            "order-point-distribution",
            &[("distributed", t.int(f.distributed as i64)), ("reserve", t.int(f.reserve as i64))],
        ),
        t.t("order-point-ict"),
        msg(
            "order-point-kandas",
            &[
                ("year", year.clone()),
                ("families", t.int(kandas_families as i64)),
                ("persons", t.int(kandas_persons as i64)),
            ],
        ),
        msg("order-point-force", &[("date", t.date(f.in_force))]),
        msg(
            "order-point-basis",
            &[("basis", rests_on), ("edition", f.edition.clone()), ("edition_date", t.date(f.edition_date))],
        ),
    ];
    // Annex 1: every region, categories 1-4 and seasonal, with totals.
    let mut annex1 = vec![{
        let mut h = vec![t.t("order-th-no"), t.t("order-th-region")];
        h.extend(WorkerCategory::ALL.iter().map(|c| t.t(&format!("category-short-{}", c.code()))));
        h.push(t.t("order-th-total"));
        h
    }];
    let mut totals = [0u64; 5];
    for (k, r) in Region::all().enumerate() {
        let mut row = vec![s(&(k + 1)), region_label(r, t.lang()).to_string()];
        let mut sum = 0;
        for (i, c) in WorkerCategory::ALL.iter().enumerate() {
            let q = f.annex.get(&(r, *c)).copied().unwrap_or(0);
            totals[i] += q;
            sum += q;
            row.push(t.int(q as i64));
        }
        row.push(t.int(sum as i64));
        annex1.push(row);
    }
    let mut total_row = vec![String::new(), t.t("order-total-row")];
    total_row.extend(totals.iter().map(|q| t.int(*q as i64)));
    total_row.push(t.int(totals.iter().sum::<u64>() as i64));
    annex1.push(total_row);
    // Annex 2: the designated regions.
    let mut annex2 =
        vec![vec![t.t("order-th-no"), t.t("order-th-region"), t.t("order-th-families"), t.t("order-th-persons")]];
    for (k, (r, fam, per)) in f.kandas.iter().enumerate() {
        annex2.push(vec![s(&(k + 1)), region_label(*r, t.lang()).to_string(), t.int(*fam as i64), t.int(*per as i64)]);
    }
    annex2.push(vec![
        String::new(),
        t.t("order-total-row"),
        t.int(kandas_families as i64),
        t.int(kandas_persons as i64),
    ]);
    OrderText {
        lang: t.lang().code(),
        mark: msg("order-draft-mark", &[("run", f.run_id.clone()), ("scenario", f.scenario.clone())]),
        authority: t.t("order-authority"),
        title: msg("order-title", &[("year", year.clone())]),
        place_date: msg("order-place-date", &[("date", t.date(f.edition_date))]),
        preamble: msg("order-preamble", &[("basis", basis)]),
        points,
        signature: t.t("order-signature"),
        annex1_title: msg("order-annex1-title", &[("year", year.clone())]),
        annex1,
        annex2_title: msg("order-annex2-title", &[("year", year)]),
        annex2,
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The order as an A4-printable HTML page (no script, no external resource).
pub fn html(o: &OrderText, note: &str) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>\
         @page{{size:A4;margin:2cm 1.5cm 2cm 3cm}}\
         body{{font-family:'DejaVu Serif','Times New Roman',serif;font-size:12pt;max-width:17cm;margin:1em auto;color:#000}}\
         .mark{{border:1px solid #a00;color:#a00;padding:4px;font-size:10pt}}\
         .note{{color:#555;font-size:9pt}}@media print{{.note{{display:none}}}}\
         h1,h2{{text-align:center;font-size:13pt}}p{{text-align:justify}}\
         table{{border-collapse:collapse;width:100%;font-size:10pt;page-break-inside:auto}}tr{{page-break-inside:avoid}}\
         td,th{{border:1px solid #000;padding:2px 4px}}td.n{{text-align:right}}tr.total td{{font-weight:bold}}\
         .annex{{page-break-before:always}}\
         </style></head><body>\n<p class=note>{}</p>\n<p class=mark>{}</p>\n<h1>{}</h1>\n<h2>{}</h2>\n<p>{}</p>\n<p>{}</p>\n",
        o.lang,
        esc(&o.title),
        esc(note),
        esc(&o.mark),
        esc(&o.authority),
        esc(&o.title),
        esc(&o.place_date),
        esc(&o.preamble)
    );
    for p in &o.points {
        let _ = writeln!(h, "<p>{}</p>", esc(p));
    }
    let _ = writeln!(h, "<p><b>{}</b></p>", esc(&o.signature));
    for (title, rows) in [(&o.annex1_title, &o.annex1), (&o.annex2_title, &o.annex2)] {
        let _ = writeln!(h, "<section class=annex><h2>{}</h2>\n<table>", esc(title));
        for (i, row) in rows.iter().enumerate() {
            let last = i + 1 == rows.len() && i > 0;
            h.push_str(if last { "<tr class=total>" } else { "<tr>" });
            for (j, cell) in row.iter().enumerate() {
                if i == 0 {
                    let _ = write!(h, "<th>{}</th>", esc(cell));
                } else if j >= 2 {
                    let _ = write!(h, "<td class=n>{}</td>", esc(cell));
                } else {
                    let _ = write!(h, "<td>{}</td>", esc(cell));
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</table></section>\n");
    }
    h.push_str("</body></html>\n");
    h
}

/// The order as a Word document (.docx bytes): A4 portrait, Times New Roman 12 pt, the annexes
/// as tables with a header row. Built on a thread of its own so that docx-rs's paragraph ids
/// start from 1: the same run gives the same bytes.
pub fn docx(o: &OrderText) -> Result<Vec<u8>> {
    std::thread::scope(|s| s.spawn(|| build_docx(o)).join())
        .map_err(|_| Error::output("order.docx", "the document builder panicked"))?
}

fn build_docx(o: &OrderText) -> Result<Vec<u8>> {
    use docx_rs::{AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts, Table, TableCell, TableRow, WidthType};
    let font = RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").cs("Times New Roman");
    let run = |text: &str, bold: bool, size: usize| {
        let r = Run::new().add_text(text).fonts(font.clone()).size(size);
        if bold { r.bold() } else { r }
    };
    let para =
        |text: &str, bold: bool, align: AlignmentType| Paragraph::new().add_run(run(text, bold, 24)).align(align);
    // A4 in twentieths of a point: 210 x 297 mm; margins 3 cm left, 1.5 cm right, 2 cm top and bottom.
    let mut doc =
        Docx::new().page_size(11906, 16838).page_margin(PageMargin::new().top(1134).bottom(1134).left(1701).right(850));
    doc = doc
        .add_paragraph(Paragraph::new().add_run(run(&o.mark, false, 20).color("AA0000")).align(AlignmentType::Left))
        .add_paragraph(para(&o.authority, true, AlignmentType::Center))
        .add_paragraph(para(&o.title, true, AlignmentType::Center))
        .add_paragraph(para(&o.place_date, false, AlignmentType::Left))
        .add_paragraph(para(&o.preamble, false, AlignmentType::Both));
    for p in &o.points {
        doc = doc.add_paragraph(para(p, false, AlignmentType::Both));
    }
    doc = doc.add_paragraph(para(&o.signature, true, AlignmentType::Left));
    for (title, rows) in [(&o.annex1_title, &o.annex1), (&o.annex2_title, &o.annex2)] {
        doc = doc.add_paragraph(
            Paragraph::new().add_run(run(title, true, 24)).align(AlignmentType::Center).page_break_before(true),
        );
        let table_rows: Vec<TableRow> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let last = i + 1 == rows.len() && i > 0;
                TableRow::new(
                    row.iter()
                        .enumerate()
                        .map(|(j, cell)| {
                            let align = if i > 0 && j >= 2 { AlignmentType::Right } else { AlignmentType::Left };
                            TableCell::new()
                                .add_paragraph(Paragraph::new().add_run(run(cell, i == 0 || last, 20)).align(align))
                        })
                        .collect(),
                )
            })
            .collect();
        doc = doc.add_table(Table::new(table_rows).width(9355, WidthType::Dxa));
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| Error::output("order.docx", e))?;
    Ok(buf.into_inner())
}
