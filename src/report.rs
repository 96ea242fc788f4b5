//! The run's report: charts drawn with plotters (SVG always; PNG on request, with the DejaVu
//! Sans font compiled in so that no system font is needed) and one self-contained HTML file
//! (`report.html`: inline SVG, no script, no external resource) built from the run's own
//! Parquet outputs and manifest. Every sentence is generated from the numbers.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Once;

use plotters::prelude::*;

use crate::codes::{OkedSection, Region};
use crate::error::{Error, Result};
use crate::evidence::Evidence;
use crate::export::{ParquetColumn, read_parquet_columns};
use crate::i18n::{Arg, Lang, Texts};
use crate::manifest::Manifest;

/// DejaVu Sans 2.37 (Bitstream Vera licence, `assets/fonts/DejaVuSans.LICENSE`).
static FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is compiled in, so registration cannot meet a missing file; a malformed
        // font would be a build defect caught by the tests.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT);
    });
}

fn strs(c: &ParquetColumn) -> Vec<String> {
    c.texts().into_iter().map(Option::unwrap_or_default).collect()
}

/// What the report shows, read from a run's outputs.
pub struct ReportData {
    /// Region -> foreign-labour quota (all sections and categories).
    pub quota_by_region: BTreeMap<String, i64>,
    /// (region, section) -> (score, rating, shortage persons, quota).
    pub cells: BTreeMap<(String, String), (f64, String, i64, i64)>,
    /// (region, section) -> the weakest evidence grade behind the cell's rating and gap.
    pub cell_grades: BTreeMap<(String, String), String>,
    /// (region, section) -> the draws' quota P10, P50, P90 and the shares of the draws that rate
    /// the cell surplus and shortage (`uncertainty.parquet`; empty without the simulation).
    pub draws: BTreeMap<(String, String), ([i64; 3], f64, f64)>,
    /// Kandas rows: region, families, persons, cost, explanation (kk, ru, en).
    pub kandas: Vec<(String, i64, i64, f64, [String; 3])>,
    /// (region, section) -> explanation of the cell's quota row with the largest quota (kk, ru, en).
    pub explanations: BTreeMap<(String, String), [String; 3]>,
    /// `reality.parquet`, row by row.
    pub reality: Vec<RealityLine>,
    /// `employer_flags.parquet`: employer, flag, severity, evidence in English, Russian and
    /// Kazakh (empty without request lines).
    pub employer_flags: Vec<[String; 6]>,
    /// Project -> (request lines, workers asked, quota), from `requests_vetted.parquet`.
    pub projects: BTreeMap<String, (i64, i64, i64)>,
}

/// One row of `reality.parquet` as the report shows it.
pub struct RealityLine {
    pub measure: String,
    pub item: String,
    pub kvota: f64,
    pub published: f64,
    pub kvota_share: f64,
    pub published_share: f64,
    pub distance: f64,
    pub calibrated: bool,
    /// What the comparison shows, in English, Russian and Kazakh.
    pub note: [String; 3],
}

impl ReportData {
    /// Reads `shortage.parquet`, `quota_foreign.parquet` and `quota_kandas.parquet` in `dir`.
    pub fn read(dir: &Path) -> Result<ReportData> {
        let sh = read_parquet_columns(
            &dir.join("shortage.parquet"),
            &["region_code", "oked_section", "score", "rating", "shortage_persons", "evidence_grade"],
        )?;
        let (r, s, score, rating, gap) = (strs(&sh[0]), strs(&sh[1]), sh[2].numbers(), strs(&sh[3]), sh[4].numbers());
        let grade = strs(&sh[5]);
        let mut cells = BTreeMap::new();
        let mut cell_grades = BTreeMap::new();
        for i in 0..r.len() {
            cells.insert((r[i].clone(), s[i].clone()), (score[i], rating[i].clone(), gap[i] as i64, 0i64));
            cell_grades.insert((r[i].clone(), s[i].clone()), grade[i].clone());
        }
        let q = read_parquet_columns(
            &dir.join("quota_foreign.parquet"),
            &["region_code", "oked_section", "quota", "explanation_kk", "explanation_ru", "explanation"],
        )?;
        let (qr, qs, qq) = (strs(&q[0]), strs(&q[1]), q[2].numbers());
        let qe = [strs(&q[3]), strs(&q[4]), strs(&q[5])];
        let mut quota_by_region: BTreeMap<String, i64> = Region::all().map(|r| (r.iso().to_string(), 0)).collect();
        let mut explanations = BTreeMap::new();
        for i in 0..qr.len() {
            *quota_by_region.entry(qr[i].clone()).or_default() += qq[i] as i64;
            if let Some(c) = cells.get_mut(&(qr[i].clone(), qs[i].clone())) {
                c.3 += qq[i] as i64;
            }
            // The cell's sentence from its row with the largest quota (the first of equals): a
            // category nobody asked for ("0 of 0 requested") says nothing about the cell.
            let e = [qe[0][i].clone(), qe[1][i].clone(), qe[2][i].clone()];
            match explanations.entry((qr[i].clone(), qs[i].clone())) {
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert((qq[i], e));
                }
                std::collections::btree_map::Entry::Occupied(mut o) if qq[i] > o.get().0 => {
                    o.insert((qq[i], e));
                }
                _ => {}
            }
        }
        let k = read_parquet_columns(
            &dir.join("quota_kandas.parquet"),
            &["region_code", "families", "persons", "cost_kzt", "explanation_kk", "explanation_ru", "explanation"],
        )?;
        let (kr, kf, kp, kc) = (strs(&k[0]), k[1].numbers(), k[2].numbers(), k[3].numbers());
        let ke = [strs(&k[4]), strs(&k[5]), strs(&k[6])];
        let kandas = (0..kr.len())
            .map(|i| {
                (
                    kr[i].clone(),
                    kf[i] as i64,
                    kp[i] as i64,
                    kc[i],
                    [ke[0][i].clone(), ke[1][i].clone(), ke[2][i].clone()],
                )
            })
            .collect();
        let rp = dir.join("reality.parquet");
        let reality = if rp.exists() {
            let c = read_parquet_columns(
                &rp,
                &[
                    "measure",
                    "item",
                    "kvota",
                    "published",
                    "kvota_share",
                    "published_share",
                    "distance",
                    "calibrated",
                    "note",
                    "note_ru",
                    "note_kk",
                ],
            )?;
            let (m, it) = (strs(&c[0]), strs(&c[1]));
            let notes: Vec<Vec<String>> = c[8..11].iter().map(strs).collect();
            let num: Vec<Vec<f64>> = c[2..8].iter().map(|x| x.numbers()).collect();
            (0..m.len())
                .map(|i| RealityLine {
                    measure: m[i].clone(),
                    item: it[i].clone(),
                    kvota: num[0][i],
                    published: num[1][i],
                    kvota_share: num[2][i],
                    published_share: num[3][i],
                    distance: num[4][i],
                    calibrated: num[5][i] != 0.0,
                    note: [notes[0][i].clone(), notes[1][i].clone(), notes[2][i].clone()],
                })
                .collect()
        } else {
            Vec::new()
        };
        let (employer_flags, projects) = Self::read_requests(dir)?;
        let up = dir.join("uncertainty.parquet");
        let mut draws = BTreeMap::new();
        if up.exists() {
            let c = read_parquet_columns(
                &up,
                &[
                    "region_code",
                    "oked_section",
                    "quota_p10",
                    "quota_p50",
                    "quota_p90",
                    "share_surplus",
                    "share_shortage",
                ],
            )?;
            let (r, sec) = (strs(&c[0]), strs(&c[1]));
            let num: Vec<Vec<f64>> = c[2..7].iter().map(|x| x.numbers()).collect();
            for i in 0..r.len() {
                let q = [num[0][i] as i64, num[1][i] as i64, num[2][i] as i64];
                draws.insert((r[i].clone(), sec[i].clone()), (q, num[3][i], num[4][i]));
            }
        }
        let explanations = explanations.into_iter().map(|(k, (_, e))| (k, e)).collect();
        Ok(ReportData {
            quota_by_region,
            cells,
            cell_grades,
            draws,
            kandas,
            explanations,
            reality,
            employer_flags,
            projects,
        })
    }

    #[allow(clippy::type_complexity)]
    fn read_requests(dir: &Path) -> Result<(Vec<[String; 6]>, BTreeMap<String, (i64, i64, i64)>)> {
        let fp = dir.join("employer_flags.parquet");
        let rp = dir.join("requests_vetted.parquet");
        if !fp.exists() || !rp.exists() {
            return Ok((Vec::new(), BTreeMap::new()));
        }
        let c =
            read_parquet_columns(&fp, &["employer_id", "flag", "severity", "evidence", "evidence_ru", "evidence_kk"])?;
        let c: Vec<Vec<String>> = c.iter().map(strs).collect();
        let flags = (0..c[0].len()).map(|i| std::array::from_fn(|j| c[j][i].clone())).collect();
        let r = read_parquet_columns(&rp, &["project_id", "workers", "quota"])?;
        let (p, w, q) = (strs(&r[0]), r[1].numbers(), r[2].numbers());
        let mut projects: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
        for i in 0..p.len() {
            if !p[i].is_empty() {
                let e = projects.entry(p[i].clone()).or_default();
                e.0 += 1;
                e.1 += w[i] as i64;
                e.2 += q[i] as i64;
            }
        }
        Ok((flags, projects))
    }
}

/// A region's name in the language of `t` (the names of `codes`), or its code when unknown.
pub fn region_name(code: &str, t: &Texts) -> String {
    Region::from_iso(code).map(|r| region_label(r, t.lang()).to_string()).unwrap_or_else(|| code.to_string())
}

/// A region's official name in `lang`.
pub fn region_label(r: Region, lang: Lang) -> &'static str {
    r.name_in(lang)
}

/// An OKED section's name in `lang`.
pub fn section_label(s: OkedSection, lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => s.name_kk(),
        Lang::Ru => s.name_ru(),
        Lang::En => s.name_en(),
    }
}

fn section_name(code: &str, t: &Texts) -> String {
    code.chars()
        .next()
        .and_then(OkedSection::from_letter)
        .map(|s| section_label(s, t.lang()).to_string())
        .unwrap_or_else(|| code.to_string())
}

fn draw_err(e: impl std::fmt::Display) -> Error {
    Error::output("chart", e)
}

/// Horizontal bars, one per labelled row, on any plotters backend: `x` is the value axis,
/// `label_width` the room for the row labels (0: none), `colour` gives each bar its colour.
struct Bars<'a> {
    caption: &'a str,
    caption_size: u32,
    rows: &'a [(String, i64)],
    x: std::ops::Range<i64>,
    label_width: u32,
    colour: &'a dyn Fn(i64) -> RGBColor,
}

fn draw_bars<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, b: &Bars<'_>) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let n = b.rows.len();
    let mut chart = ChartBuilder::on(area)
        .caption(b.caption, ("sans-serif", b.caption_size))
        .margin(10)
        .x_label_area_size(30)
        .y_label_area_size(b.label_width.max(10))
        .build_cartesian_2d(b.x.clone(), (0..n).into_segmented())
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .x_labels(5)
        .x_label_formatter(&|v| int(*v))
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) if b.label_width > 0 => b.rows.get(*i).map(|r| r.0.clone()).unwrap_or_default(),
            _ => String::new(),
        })
        .label_style(("sans-serif", 12))
        .draw()
        .map_err(draw_err)?;
    chart
        .draw_series(b.rows.iter().enumerate().map(|(i, (_, v))| {
            let mut bar = Rectangle::new(
                [(0, SegmentValue::Exact(i)), (*v, SegmentValue::Exact(i + 1))],
                (b.colour)(*v).filled(),
            );
            bar.set_margin(2, 2, 0, 0);
            bar
        }))
        .map_err(draw_err)?;
    Ok(())
}

const BLUE: RGBColor = RGBColor(31, 119, 180);
const RED: RGBColor = RGBColor(214, 39, 40);

/// Horizontal bars of the foreign-labour quota by region, on any plotters backend.
fn draw_quota_by_region<DB: DrawingBackend>(
    root: DrawingArea<DB, plotters::coord::Shift>,
    data: &ReportData,
    t: &Texts,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let mut rows: Vec<(String, i64)> = data.quota_by_region.iter().map(|(r, q)| (region_name(r, t), *q)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    root.fill(&WHITE).map_err(draw_err)?;
    let caption = t.t("chart-quota-by-region");
    let bars = Bars {
        caption: &caption,
        caption_size: 18,
        rows: &rows,
        x: 0..(max + max / 8),
        label_width: 190,
        colour: &|_| BLUE,
    };
    draw_bars(&root, &bars)?;
    root.present().map_err(draw_err)?;
    Ok(())
}

/// The quota bar chart as SVG text.
pub fn quota_by_region_svg(data: &ReportData, t: &Texts) -> Result<String> {
    register_font();
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, (760, 560)).into_drawing_area();
        draw_quota_by_region(root, data, t)?;
    }
    Ok(s)
}

/// The quota bar chart as a PNG file (text drawn with the compiled-in font).
pub fn quota_by_region_png(data: &ReportData, path: &Path, t: &Texts) -> Result<()> {
    register_font();
    let root = BitMapBackend::new(path, (760, 560)).into_drawing_area();
    draw_quota_by_region(root, data, t)
}

/// One forecast fan: a series' history and its forecast with the 80 % and 95 % intervals.
#[derive(Debug, Clone)]
pub struct Fan {
    /// The cell whose employment the panel shows.
    pub region: Region,
    pub section: OkedSection,
    /// (year, observed value).
    pub history: Vec<(i32, f64)>,
    /// (year, mean, lo_80, hi_80, lo_95, hi_95).
    pub forecast: Vec<(i32, f64, f64, f64, f64, f64)>,
}

/// Small multiples of forecast fans (two per row): history in black, the forecast mean dashed,
/// the 80 % interval dark and the 95 % interval light, joined to the last observation.
fn draw_fans<DB: DrawingBackend>(root: DrawingArea<DB, plotters::coord::Shift>, fans: &[Fan], t: &Texts) -> Result<()>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE).map_err(draw_err)?;
    let root = root.titled(&t.t("chart-fans"), ("sans-serif", 18)).map_err(draw_err)?;
    let rows = fans.len().div_ceil(2).max(1);
    let panels = root.split_evenly((rows, 2));
    let band = |a: f64, b: f64, c: f64| RGBColor((a * 255.0) as u8, (b * 255.0) as u8, (c * 255.0) as u8);
    for (fan, area) in fans.iter().zip(panels.iter()) {
        let (Some(first), Some(last_obs)) = (fan.history.first(), fan.history.last()) else { continue };
        let last_year = fan.forecast.last().map_or(last_obs.0, |f| f.0);
        let hi = fan.history.iter().map(|h| h.1).chain(fan.forecast.iter().map(|f| f.5)).fold(0.0, f64::max).max(1.0);
        let lo = fan.history.iter().map(|h| h.1).chain(fan.forecast.iter().map(|f| f.4)).fold(f64::INFINITY, f64::min);
        let lo = (lo - 0.05 * (hi - lo)).max(0.0);
        let title = t.f(
            "chart-fan-panel",
            &[
                ("region", Arg::Str(region_label(fan.region, t.lang()))),
                ("section", Arg::Str(fan.section.code())),
                ("section_name", Arg::Str(section_label(fan.section, t.lang()))),
            ],
        );
        let mut chart = ChartBuilder::on(area)
            .caption(&title, ("sans-serif", 13))
            .margin(8)
            .x_label_area_size(24)
            .y_label_area_size(60)
            .build_cartesian_2d(first.0..last_year, lo..hi * 1.05)
            .map_err(draw_err)?;
        chart
            .configure_mesh()
            .x_labels(6)
            .y_labels(5)
            .x_label_formatter(&|y| y.to_string())
            .y_label_formatter(&|v| int(v.round() as i64))
            .label_style(("sans-serif", 11))
            .draw()
            .map_err(draw_err)?;
        // The bands start at the last observation so that the fan opens from it.
        let anchor = (last_obs.0, last_obs.1, last_obs.1, last_obs.1, last_obs.1, last_obs.1);
        let steps: Vec<_> = std::iter::once(anchor).chain(fan.forecast.iter().copied()).collect();
        for (lo_of, hi_of, colour) in [(4usize, 5usize, band(0.80, 0.87, 0.95)), (2, 3, band(0.55, 0.70, 0.88))] {
            let pick = |t: &(i32, f64, f64, f64, f64, f64), i: usize| [t.1, t.1, t.2, t.3, t.4, t.5][i];
            let mut poly: Vec<(i32, f64)> = steps.iter().map(|t| (t.0, pick(t, hi_of))).collect();
            poly.extend(steps.iter().rev().map(|t| (t.0, pick(t, lo_of))));
            chart.draw_series(std::iter::once(Polygon::new(poly, colour.filled()))).map_err(draw_err)?;
        }
        chart
            .draw_series(DashedLineSeries::new(
                steps.iter().map(|t| (t.0, t.1)),
                5,
                3,
                RGBColor(31, 119, 180).stroke_width(2),
            ))
            .map_err(draw_err)?;
        chart.draw_series(LineSeries::new(fan.history.iter().copied(), BLACK.stroke_width(2))).map_err(draw_err)?;
    }
    root.present().map_err(draw_err)?;
    Ok(())
}

fn fans_size(fans: &[Fan]) -> (u32, u32) {
    (900, 40 + 260 * fans.len().div_ceil(2).max(1) as u32)
}

/// The fans of the cells named by `[output] fan_cells`, or of the four largest shortages: the
/// panel's employment history and its forecast with the 80 % and 95 % intervals.
pub fn fans(
    chosen: &[(Region, OkedSection)],
    panel: &crate::panel::Panel,
    forecasts: &crate::series::PanelForecasts,
    outlooks: &[crate::shortage::CellOutlook],
) -> Vec<Fan> {
    let mut cells = chosen.to_vec();
    if cells.is_empty() {
        let mut top: Vec<&crate::shortage::CellOutlook> =
            outlooks.iter().filter(|o| o.shortage_persons() > 0).collect();
        top.sort_by(|a, b| {
            b.shortage_persons()
                .cmp(&a.shortage_persons())
                .then_with(|| (a.region, a.section).cmp(&(b.region, b.section)))
        });
        cells = top.iter().take(4).map(|o| (o.region, o.section)).collect();
    }
    let last = panel.last_year();
    let mut fans = Vec::with_capacity(cells.len());
    for (r, s) in cells {
        let f = forecasts.get(r, Some(s), "employed");
        // The last ten observed years: enough to judge the fan against the series' own swings.
        let mut history: Vec<(i32, f64)> =
            panel.years.iter().copied().zip(panel.cell_series(r, s, |c| c.employed)).collect();
        history.drain(..history.len().saturating_sub(10));
        let (i80, i95) = (f.fc.interval(80.0).expect("80 % level"), f.fc.interval(95.0).expect("95 % level"));
        let forecast = (0..f.fc.point.len())
            .map(|k| (last + 1 + k as i32, f.fc.point[k], i80.lower[k], i80.upper[k], i95.lower[k], i95.upper[k]))
            .collect();
        fans.push(Fan { region: r, section: s, history, forecast });
    }
    fans
}

/// The forecast fans as SVG text.
pub fn fans_svg(fans: &[Fan], t: &Texts) -> Result<String> {
    register_font();
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, fans_size(fans)).into_drawing_area();
        draw_fans(root, fans, t)?;
    }
    Ok(s)
}

/// The forecast fans as a PNG file.
pub fn fans_png(fans: &[Fan], path: &Path, t: &Texts) -> Result<()> {
    register_font();
    let root = BitMapBackend::new(path, fans_size(fans)).into_drawing_area();
    draw_fans(root, fans, t)
}

/// Scenario deltas by region (B minus A): the foreign-labour quota and the shortage gap, as
/// diverging bars (blue: more in B, red: less), one panel each; regions without change are
/// listed with a zero bar so both panels share the same rows.
pub fn compare_svg(cmp: &crate::compare::Comparison, t: &Texts) -> Result<String> {
    register_font();
    let mut by_region: BTreeMap<String, (i64, i64)> = Region::all().map(|r| (r.iso().to_string(), (0, 0))).collect();
    for c in &cmp.cells {
        let e = by_region.entry(c.region.clone()).or_default();
        e.0 += c.quota_b - c.quota_a;
        e.1 += c.gap_b - c.gap_a;
    }
    let rows: Vec<(String, i64, i64)> = by_region.into_iter().map(|(r, (q, g))| (region_name(&r, t), q, g)).collect();
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, (960, 600)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let title = t.f("chart-compare", &[("a", Arg::Str(&cmp.a)), ("b", Arg::Str(&cmp.b))]);
        let root = root.titled(&title, ("sans-serif", 18)).map_err(draw_err)?;
        let (left, right) = root.split_horizontally(560);
        let (quota, gap) = (t.t("chart-compare-quota"), t.t("chart-compare-gap"));
        for (area, caption, pick, label_width) in [(&left, quota.as_str(), 0usize, 190), (&right, gap.as_str(), 1, 0)] {
            let bars: Vec<(String, i64)> =
                rows.iter().map(|r| (r.0.clone(), if pick == 0 { r.1 } else { r.2 })).collect();
            let m = bars.iter().map(|r| r.1.abs()).max().unwrap_or(0).max(1);
            let m = m + m / 8 + 1;
            let colour = |v: i64| if v >= 0 { BLUE } else { RED };
            draw_bars(area, &Bars { caption, caption_size: 14, rows: &bars, x: -m..m, label_width, colour: &colour })?;
        }
        root.present().map_err(draw_err)?;
    }
    Ok(s)
}

/// Region outlines (OpenStreetMap, ODbL; see `data/geo/README.md`), compiled into the binary like
/// the font so that a map needs no file at run time.
static REGION_OUTLINES: &str = include_str!("../data/geo/kz_regions.json");

/// One region's outline: its rings in the map plane and where its label goes.
#[derive(Debug, Clone)]
pub struct RegionShape {
    pub region: Region,
    pub rings: Vec<Vec<(f64, f64)>>,
    pub label_at: (f64, f64),
}

/// The 20 region outlines, oblasts first and the three cities last (the cities lie in holes of
/// the oblasts around them, so drawing them last keeps them visible). Paths use only absolute
/// `M`, `L` and `Z` commands.
pub fn region_shapes() -> Result<Vec<RegionShape>> {
    let bad = |m: String| Error::Output { context: "data/geo/kz_regions.json".into(), message: m };
    let doc: serde_json::Value = serde_json::from_str(REGION_OUTLINES).map_err(|e| bad(e.to_string()))?;
    let mut out = Vec::new();
    for r in doc["regions"].as_array().into_iter().flatten() {
        let code = r["code"].as_str().unwrap_or("");
        let region = Region::from_iso(code).ok_or_else(|| bad(format!("unknown region `{code}`")))?;
        let path = r["path"].as_str().ok_or_else(|| bad(format!("{code}: no path")))?;
        let mut rings = Vec::new();
        for sub in path.split('M').filter(|s| !s.is_empty()) {
            let mut ring = Vec::new();
            for pair in sub.trim_end_matches('Z').split('L') {
                let (x, y) = pair.split_once(',').ok_or_else(|| bad(format!("{code}: `{pair}` is not x,y")))?;
                let num = |t: &str| t.parse::<f64>().map_err(|_| bad(format!("{code}: `{t}` is not a number")));
                ring.push((num(x)?, num(y)?));
            }
            rings.push(ring);
        }
        let at = &r["label_at"];
        let label_at = (at[0].as_f64().unwrap_or(0.0), at[1].as_f64().unwrap_or(0.0));
        out.push(RegionShape { region, rings, label_at });
    }
    out.sort_by_key(|s| (s.region.is_city(), s.region.index()));
    Ok(out)
}

/// A map of the 20 regions coloured by `values` (ISO code -> value; a region without a value is
/// grey), each labelled with its value; a five-step legend below.
pub fn region_map_svg(values: &BTreeMap<String, i64>, title: &str, t: &Texts) -> Result<String> {
    register_font();
    let shapes = region_shapes()?;
    let max = values.values().copied().max().unwrap_or(0).max(1);
    let colour = |v: i64| {
        // Light to dark blue in proportion to the value.
        let t = (v.max(0) as f64 / max as f64).clamp(0.0, 1.0);
        let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
        RGBColor(mix(235.0, 8.0), mix(243.0, 69.0), mix(251.0, 148.0))
    };
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, (900, 600)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let root = root.titled(title, ("sans-serif", 18)).map_err(draw_err)?;
        let (map_area, legend_area) = root.split_vertically(520);
        let mut chart = ChartBuilder::on(&map_area)
            .margin(10)
            .build_cartesian_2d(0f64..1000f64, 580f64..-10f64)
            .map_err(draw_err)?;
        for sh in &shapes {
            let fill = match values.get(sh.region.iso()) {
                Some(v) => colour(*v),
                None => RGBColor(220, 220, 220),
            };
            for ring in &sh.rings {
                chart.draw_series(std::iter::once(Polygon::new(ring.clone(), fill.filled()))).map_err(draw_err)?;
                let mut closed = ring.clone();
                closed.push(ring[0]);
                chart
                    .draw_series(std::iter::once(PathElement::new(closed, RGBColor(90, 90, 90).stroke_width(1))))
                    .map_err(draw_err)?;
            }
        }
        for sh in &shapes {
            let Some(v) = values.get(sh.region.iso()) else { continue };
            // White on dark fills; the cities' labels stand beside them, on the background.
            let dark = !sh.region.is_city() && (*v as f64 / max as f64) > 0.55;
            let style = ("sans-serif", if sh.region.is_city() { 10 } else { 12 })
                .into_font()
                .color(if dark { &WHITE } else { &BLACK })
                .pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Center,
                    plotters::style::text_anchor::VPos::Center,
                ));
            // The cities are too small to hold their label: it goes beside them.
            let (x, y) = if sh.region.is_city() { (sh.label_at.0 + 14.0, sh.label_at.1 - 8.0) } else { sh.label_at };
            let text = if sh.region.is_city() {
                format!("{} {}", region_label(sh.region, t.lang()), int(*v))
            } else {
                int(*v)
            };
            chart.draw_series(std::iter::once(Text::new(text, (x, y), style))).map_err(draw_err)?;
        }
        // Legend: five steps from 0 to the largest value.
        let (w, _) = legend_area.dim_in_pixel();
        let x0 = (w as i32 - 5 * 90) / 2;
        for k in 0..5 {
            let v = max * k / 4;
            let x = x0 + 90 * k as i32;
            legend_area.draw(&Rectangle::new([(x, 10), (x + 80, 28)], colour(v).filled())).map_err(draw_err)?;
            legend_area
                .draw(&Text::new(
                    int(v),
                    (x + 40, 44),
                    TextStyle::from(("sans-serif", 11).into_font()).pos(plotters::style::text_anchor::Pos::new(
                        plotters::style::text_anchor::HPos::Center,
                        plotters::style::text_anchor::VPos::Center,
                    )),
                ))
                .map_err(draw_err)?;
        }
        legend_area.draw(&Text::new(t.t("chart-map-credit"), (10, 66), ("sans-serif", 10))).map_err(draw_err)?;
        root.present().map_err(draw_err)?;
    }
    Ok(s)
}

/// The map of the foreign-labour quota by region (every region, 0 where it has none).
pub fn quota_map_svg(data: &ReportData, t: &Texts) -> Result<String> {
    let mut values: BTreeMap<String, i64> = Region::all().map(|r| (r.iso().to_string(), 0)).collect();
    for (r, q) in &data.quota_by_region {
        values.insert(r.clone(), *q);
    }
    region_map_svg(&values, &t.t("chart-quota-by-region"), t)
}

/// Heat map of the composite shortage score, region x section; shortage cells are outlined.
pub fn shortage_heatmap_svg(data: &ReportData, t: &Texts) -> Result<String> {
    register_font();
    let regions: Vec<String> = Region::all().map(|r| r.iso().to_string()).collect();
    let sections: Vec<String> = {
        let mut v: Vec<String> = data.cells.keys().map(|k| k.1.clone()).collect();
        v.sort();
        v.dedup();
        v
    };
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, (760, 620)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(t.t("chart-heatmap"), ("sans-serif", 16))
            .margin(10)
            .x_label_area_size(30)
            .y_label_area_size(190)
            .build_cartesian_2d(0..sections.len(), 0..regions.len())
            .map_err(draw_err)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(sections.len())
            .y_labels(regions.len())
            .x_label_formatter(&|i| sections.get(*i).cloned().unwrap_or_default())
            .y_label_formatter(&|i| regions.get(*i).map(|r| region_name(r, t)).unwrap_or_default())
            .label_style(("sans-serif", 11))
            .draw()
            .map_err(draw_err)?;
        let colour = |z: f64| -> RGBColor {
            if !z.is_finite() {
                return RGBColor(220, 220, 220);
            }
            let t = (z / 2.0).clamp(-1.0, 1.0);
            let mix = |a: u8, b: u8, w: f64| (f64::from(a) + (f64::from(b) - f64::from(a)) * w).round() as u8;
            if t >= 0.0 {
                RGBColor(mix(255, 178, t), mix(255, 24, t), mix(255, 43, t))
            } else {
                RGBColor(mix(255, 33, -t), mix(255, 102, -t), mix(255, 172, -t))
            }
        };
        for (yi, r) in regions.iter().enumerate() {
            for (xi, sec) in sections.iter().enumerate() {
                let Some((score, rating, _, _)) = data.cells.get(&(r.clone(), sec.clone())) else { continue };
                chart
                    .draw_series(std::iter::once(Rectangle::new([(xi, yi), (xi + 1, yi + 1)], colour(*score).filled())))
                    .map_err(draw_err)?;
                if rating == "shortage" {
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(xi, yi), (xi + 1, yi + 1)],
                            BLACK.stroke_width(2),
                        )))
                        .map_err(draw_err)?;
                }
            }
        }
        root.present().map_err(draw_err)?;
    }
    Ok(s)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

use crate::fmt::signed_grouped as int;

/// A message with arguments given as (name, text) pairs; the texts are escaped for HTML.
fn m(t: &Texts, key: &str, args: &[(&str, String)]) -> String {
    let escaped: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, esc(v))).collect();
    t.fs(key, &escaped)
}

/// A table header row from message keys.
fn header(h: &mut String, t: &Texts, keys: &[&str]) {
    h.push_str("<table><tr>");
    for k in keys {
        let _ = write!(h, "<th>{}</th>", t.t(k));
    }
    h.push_str("</tr>\n");
}

/// The self-contained HTML report of a run in the language of `t` (`report.<lang>.html`), with
/// `charts` (SVG text, drawn in the same language) inline.
pub fn html(m_: &Manifest, data: &ReportData, charts: &[String], t: &Texts) -> Result<String> {
    let sc = &m_.scenario;
    let mut h = String::new();
    let title = t.f("report-title", &[("scenario", Arg::Str(&sc.id)), ("year", Arg::Str(&sc.target_year.to_string()))]);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>\
         body{{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}}\
         table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #bbb;padding:2px 6px;font-size:90%}}td.w{{overflow-wrap:anywhere}}\
         td.n{{text-align:right}}h2{{border-bottom:1px solid #ccc}}\
         </style></head><body>\n<h1>{}</h1>\n<p>{}</p>\n",
        t.lang().code(),
        esc(&title),
        esc(&title),
        m(
            t,
            "report-intro",
            &[
                ("title", sc.title.clone()),
                ("run", m_.run_id.clone()),
                ("year", sc.last_data_year.to_string()),
                ("version", m_.version.clone()),
            ]
        )
    );
    data_basis(&mut h, m_, t);
    summary_section(&mut h, m_, data, t);
    largest_shortages(&mut h, data, t);
    let _ = writeln!(h, "<h2>{}</h2>", t.t("report-charts"));
    for svg in charts {
        h.push_str(svg);
        h.push('\n');
    }
    quota_tables(&mut h, data, t);
    requests_section(&mut h, m_, data, t);
    reality_section(&mut h, m_, data, t);
    parameters_section(&mut h, m_, t);
    let _ = writeln!(h, "<h2>{}</h2>", t.t("report-overrides"));
    if m_.overrides.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", t.t("report-no-overrides"));
    } else {
        h.push_str("<ul>\n");
        for x in &m_.overrides {
            let _ = writeln!(h, "<li>{}</li>", esc(x));
        }
        h.push_str("</ul>\n");
    }
    let _ = writeln!(h, "<h2>{}</h2>", t.t("report-warnings"));
    let mut warnings: Vec<String> = m_.warnings.iter().map(|w| w.text(t)).collect();
    warnings.dedup();
    if warnings.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", t.t("report-none"));
    } else {
        h.push_str("<ul>\n");
        for w in warnings {
            let _ = writeln!(h, "<li>{}</li>", esc(&w));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body></html>\n");
    Ok(h)
}

/// What the quotas rest on, before any figure: the shares of the distributed quota that rest on
/// synthetic and estimated values, and every input that moved it.
fn data_basis(h: &mut String, m_: &Manifest, t: &Texts) {
    let e = &m_.summary.evidence;
    let pct = |x: f64| t.pct(x, 0);
    let _ = writeln!(
        h,
        "<section style=\"border:2px solid #b85;padding:0 1em;margin:1em 0\"><h2>{}</h2>",
        t.t("basis-heading")
    );
    if let Some(r) = &m_.summary.requests {
        let key = if r.evidence == "synthetic" { "basis-requests-synthetic" } else { "basis-requests" };
        let _ = writeln!(
            h,
            "<p>{}</p>",
            m(t, key, &[("lines", t.int(r.lines as i64)), ("evidence", t.name("evidence", &r.evidence))])
        );
    }
    kandas_basis(h, &m_.summary, t);
    let grades = e
        .distributed_by_grade
        .iter()
        .map(|(k, v)| format!("{} {}", t.name("evidence", k), t.int(*v as i64)))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(
        h,
        "<p>{}</p>",
        m(
            t,
            "basis-shares",
            &[
                ("open_syn", pct(e.distributed_openings_synthetic)),
                ("open_est", pct(e.distributed_openings_estimated)),
                ("supply_syn", pct(e.distributed_supply_synthetic)),
                ("score_syn", pct(e.distributed_score_synthetic)),
                ("score_est", pct(e.distributed_score_estimated)),
                ("grades", grades),
            ]
        )
    );
    let moved: Vec<&crate::manifest::InputBasis> =
        e.inputs.iter().filter(|i| i.status != "official" && i.share_behind_quota > 0.0).collect();
    if !moved.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", t.t("basis-moved"));
        header(h, t, &["th-input", "th-basis", "th-role", "th-share-behind", "th-how-made"]);
        for i in moved {
            let _ = writeln!(
                h,
                "<tr><td>{} {}</td><td>{}</td><td>{}</td><td class=n>{}</td><td class=w>{}</td></tr>",
                esc(&i.file),
                esc(&i.column),
                esc(&t.name("evidence", &i.status)),
                esc(&t.name("role", &i.role)),
                pct(i.share_behind_quota),
                esc(&i.method)
            );
        }
        h.push_str("</table>\n");
    }
    forecast_skill(h, &e.forecast_skill, t);
    let _ = writeln!(h, "<p>{}</p></section>", t.t("basis-footer"));
}

/// What the kandas quota's split rests on, and how far the other split would move it.
fn kandas_basis(h: &mut String, s: &crate::manifest::Summary, t: &Texts) {
    let grade = t.name("evidence", &s.kandas_shortage_grade);
    let moved = s.kandas_moved_by_other_split.map(|v| t.int(v as i64));
    let year = s.kandas_previous_order_year.map(|y| y.to_string());
    let p = match (s.kandas_split.as_str(), year, moved) {
        ("previous_order", Some(year), Some(moved)) => {
            m(t, "basis-kandas-order", &[("year", year), ("grade", grade), ("moved", moved)])
        }
        ("previous_order", Some(year), None) => m(t, "basis-kandas-order-alone", &[("year", year)]),
        (_, year, moved) => {
            let alt = match (year, moved) {
                (Some(year), Some(moved)) => m(t, "basis-kandas-alt-order", &[("year", year), ("moved", moved)]),
                _ => String::new(),
            };
            m(t, "basis-kandas-shortage", &[("grade", grade), ("alt", alt)])
        }
    };
    let _ = writeln!(h, "<p>{p}</p>");
}

/// How the run's model fared on each panel variable's own past, beside the random walk.
fn forecast_skill(h: &mut String, skill: &[crate::manifest::ForecastSkill], t: &Texts) {
    let Some(first) = skill.first() else { return };
    let s = &first.skill;
    let _ = writeln!(
        h,
        "<p>{}</p>",
        m(
            t,
            "skill-intro",
            &[
                ("model", s.model.to_string()),
                ("h", s.horizon.to_string()),
                ("origins", s.origins.to_string()),
                ("from", s.test_years.0.to_string()),
                ("to", s.test_years.1.to_string()),
            ]
        )
    );
    let calibrated = skill.iter().map(|r| r.skill.measured.calibrated_origins).min().unwrap_or(0);
    let uncalibrated = if calibrated < s.origins {
        format!(
            " {}",
            m(
                t,
                "skill-uncalibrated",
                &[("n", (s.origins - calibrated).to_string()), ("origins", s.origins.to_string())]
            )
        )
    } else {
        String::new()
    };
    let _ = writeln!(h, "<p>{}{uncalibrated}</p>", t.t("skill-intervals"));
    header(h, t, &["th-input", "th-basis", "th-forecasts", "th-mase-model", "th-mase-naive", "th-cov80", "th-cov95"]);
    for r in skill {
        let _ = writeln!(
            h,
            "<tr><td>{} {}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
            esc(&r.file),
            esc(r.skill.variable),
            esc(&t.name("evidence", &r.status)),
            t.int(r.skill.measured.forecasts as i64),
            t.dec(r.skill.measured.mase, 2),
            t.dec(r.skill.measured.naive_mase, 2),
            t.pct(r.skill.measured.coverage_80, 0),
            t.pct(r.skill.measured.coverage_95, 0)
        );
    }
    h.push_str("</table>\n");
}

/// Employers' requests: what the quota was built from, the flagged employers (by pseudonymous
/// id, with the evidence, the most severe first) and the quota by project.
fn requests_section(h: &mut String, m_: &Manifest, data: &ReportData, t: &Texts) {
    let Some(r) = &m_.summary.requests else { return };
    let _ = writeln!(h, "<h2>{}</h2>", t.t("requests-heading"));
    let n = |k: &str| t.int(r.decisions.get(k).copied().unwrap_or(0) as i64);
    let basis = if r.evidence == "synthetic" {
        t.t("requests-synthetic")
    } else {
        m(t, "requests-user", &[("evidence", t.name("evidence", &r.evidence))])
    };
    let body = m(
        t,
        "requests-body",
        &[
            ("lines", t.int(r.lines as i64)),
            ("employers", t.int(r.employers as i64)),
            ("workers", t.int(r.workers as i64)),
            ("justified", t.int(r.justified as i64)),
            ("quota", t.int(r.quota as i64)),
            ("approved", n("approved")),
            ("reduced", n("reduced")),
            ("rejected", n("rejected")),
            ("ict", t.int(r.ict_admitted as i64)),
        ],
    );
    let _ = writeln!(h, "<p>{basis}</p>\n<p>{body}</p>");
    // The most severe flags first, so that the table's rows are the ones to look at.
    let rank = |s: &str| match s {
        "high" => 0,
        "medium" => 1,
        _ => 2,
    };
    let mut serious: Vec<&[String; 6]> = data.employer_flags.iter().filter(|f| f[2] != "low").collect();
    let evidence = match t.lang() {
        Lang::En => 3,
        Lang::Ru => 4,
        Lang::Kk => 5,
    };
    serious.sort_by_key(|f| rank(&f[2]));
    let _ = writeln!(
        h,
        "<h3>{}</h3>\n<p>{}</p>",
        t.t("flags-heading"),
        m(
            t,
            "flags-body",
            &[("all", t.int(data.employer_flags.len() as i64)), ("serious", t.int(serious.len() as i64))]
        )
    );
    header(h, t, &["th-employer", "th-flag", "th-severity", "th-evidence"]);
    for f in serious.iter().take(60) {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=w>{}</td></tr>",
            esc(&f[0]),
            esc(&t.name("flag", &f[1])),
            esc(&t.name("severity", &f[2])),
            esc(&f[evidence])
        );
    }
    h.push_str("</table>\n");
    if serious.len() > 60 {
        let _ = writeln!(h, "<p>{}</p>", m(t, "flags-more", &[("more", t.int(serious.len() as i64 - 60))]));
    }
    if !data.projects.is_empty() {
        let _ = writeln!(h, "<h3>{}</h3>", t.t("projects-heading"));
        header(h, t, &["th-project", "th-request-lines", "th-workers-asked", "th-quota"]);
        for (p, (l, w, q)) in &data.projects {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
                esc(p),
                t.int(*l),
                t.int(*w),
                t.int(*q)
            );
        }
        h.push_str("</table>\n");
    }
}

/// The run beside the published decisions: each single figure, and each distribution with its
/// Duncan index and its items.
fn reality_section(h: &mut String, m_: &Manifest, data: &ReportData, t: &Texts) {
    let _ = writeln!(h, "<h2>{}</h2>", t.t("reality-heading"));
    if data.reality.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", m(t, "reality-nothing", &[("year", m_.scenario.target_year.to_string())]));
        return;
    }
    let _ = writeln!(h, "<p>{}</p>", t.t("reality-body"));
    header(
        h,
        t,
        &[
            "th-measure",
            "th-item",
            "th-kvota",
            "th-published",
            "th-kvota-share",
            "th-published-share",
            "th-distance",
            "th-calibrated",
            "th-note",
        ],
    );
    let num = |x: f64, m: &str| {
        if x.is_nan() {
            String::new()
        } else if m == "ceiling_pct" {
            format!("{}\u{a0}%", t.dec(x, 2))
        } else {
            t.int(x.round() as i64)
        }
    };
    let share = |x: f64| if x.is_nan() { String::new() } else { t.pct(x, 1) };
    for r in &data.reality {
        let measure = esc(&t.name("measure", &r.measure));
        let item = if r.item == "all" || r.item == "other" { t.name("item", &r.item) } else { r.item.clone() };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td>\
             <td class=n>{}</td><td>{}</td><td class=w>{}</td></tr>",
            if r.item == "all" { format!("<b>{measure}</b>") } else { measure },
            esc(&item),
            num(r.kvota, &r.measure),
            num(r.published, &r.measure),
            share(r.kvota_share),
            share(r.published_share),
            if r.distance.is_nan() { String::new() } else { t.dec(r.distance, 3) },
            if r.calibrated { t.t("yes") } else { String::new() },
            esc(&r.note[match t.lang() {
                Lang::En => 0,
                Lang::Ru => 1,
                Lang::Kk => 2,
            }])
        );
    }
    h.push_str("</table>\n");
}

/// The smallest and largest of `values`, if any.
fn range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |a, x| Some(a.map_or((x, x), |(lo, hi): (f64, f64)| (lo.min(x), hi.max(x)))))
}

/// The summary first: ceiling, reserve, distributed, categories, kandas, uncertainty, ratings.
fn summary_section(h: &mut String, m_: &Manifest, data: &ReportData, t: &Texts) {
    let s = &m_.summary;
    let sc = &m_.scenario;
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<p>{}</p>",
        t.t("summary-heading"),
        m(
            t,
            "summary-ceiling",
            &[
                ("year", sc.target_year.to_string()),
                ("ceiling", t.int(s.ceiling as i64)),
                ("pct", t.dec(s.ceiling_pct, 2)),
                ("lf_year", s.labour_force_year.to_string()),
                ("lf", t.int(s.labour_force_basis as i64)),
                ("reserve", t.int(s.reserve as i64)),
                ("distributed", t.int(s.distributed as i64)),
                ("justified", t.int(s.justified_demand as i64)),
                ("method", s.allocation_method.clone()),
            ]
        )
    );
    let cats: Vec<String> =
        s.foreign_by_category.iter().map(|(k, v)| format!("{} {}", category_name(k, t), t.int(*v as i64))).collect();
    let _ = writeln!(h, "<p>{}</p>", m(t, "summary-categories", &[("list", cats.join(", "))]));
    let _ = writeln!(
        h,
        "<p>{}</p>",
        m(
            t,
            "summary-kandas",
            &[
                ("families", t.int(s.kandas_families as i64)),
                ("persons", t.int(s.kandas_persons as i64)),
                ("regions", s.kandas_regions.len().to_string()),
                ("cost", t.int(s.kandas_cost_kzt as i64)),
                ("budget", t.int(s.kandas_budget_kzt as i64)),
            ]
        )
    );
    if let Some(u) = &s.uncertainty {
        let (d, q) = (u.justified_demand_p10_p50_p90, u.distributed_p10_p50_p90);
        let skill = &s.evidence.forecast_skill;
        let rho = |r: &crate::manifest::ForecastSkill| r.skill.measured.error_correlation;
        // Independent draws, or shocks shared by a variable's series at the measured correlation.
        let rhos = range(skill.iter().map(rho).filter(|r| r.is_finite()));
        let joint = match rhos {
            Some((lo, hi)) if u.common_shocks => {
                m(t, "summary-uncertainty-common", &[("lo", t.dec(lo, 2)), ("hi", t.dec(hi, 2))])
            }
            _ => t.t("summary-uncertainty-independent"),
        };
        let _ = writeln!(
            h,
            "<p>{} {joint}</p>",
            m(
                t,
                "summary-uncertainty",
                &[
                    ("draws", u.draws.to_string()),
                    ("seed", (u.seed as i64).to_string()),
                    ("d10", t.int(d[0] as i64)),
                    ("d50", t.int(d[1] as i64)),
                    ("d90", t.int(d[2] as i64)),
                    ("q10", t.int(q[0] as i64)),
                    ("q90", t.int(q[2] as i64)),
                ]
            )
        );
        draws_apart(h, s.justified_demand, d, data, t);
        // What the draws rest on: the 80 % intervals, as the run's back-test measured them, on
        // every variable and on the observed ones.
        let cov = |r: &crate::manifest::ForecastSkill| r.skill.measured.coverage_80;
        let observed =
            |r: &&crate::manifest::ForecastSkill| Evidence::parse(&r.status).is_some_and(|e| e.is_observed());
        if let Some((lo, hi)) = range(skill.iter().map(cov)) {
            let mut p = m(t, "summary-uncertainty-coverage", &[("lo", t.pct(lo, 0)), ("hi", t.pct(hi, 0))]);
            if let Some((lo, hi)) = range(skill.iter().filter(observed).map(cov)) {
                p.push(' ');
                p.push_str(&m(
                    t,
                    "summary-uncertainty-coverage-observed",
                    &[("lo", t.pct(lo, 0)), ("hi", t.pct(hi, 0))],
                ));
            }
            let _ = writeln!(h, "<p>{p}</p>");
        }
        // What independent draws leave out: the errors of one year move together. With n series
        // of equal spread and correlation rho, the sum's standard deviation is sqrt(1 + (n - 1)
        // rho) times that of independent draws.
        let factor =
            |r: &crate::manifest::ForecastSkill| (1.0 + (r.skill.measured.series as f64 - 1.0) * rho(r)).sqrt();
        let top = skill.iter().filter(|r| rho(r).is_finite()).max_by(|a, b| factor(a).total_cmp(&factor(b)));
        if let (Some((lo, hi)), Some(k), false) = (rhos, top, u.common_shocks) {
            let _ = writeln!(
                h,
                "<p>{}</p>",
                m(
                    t,
                    "summary-uncertainty-correlation",
                    &[
                        ("lo", t.dec(lo, 2)),
                        ("hi", t.dec(hi, 2)),
                        ("variable", k.skill.variable.to_string()),
                        ("basis", t.name("evidence", &k.status)),
                        ("n", k.skill.measured.series.to_string()),
                        ("rho", t.dec(rho(k), 2)),
                        ("factor", t.dec(factor(k), 1)),
                    ]
                )
            );
        }
    }
    let ratings: Vec<String> =
        s.cells_by_rating.iter().map(|(k, v)| format!("{} {}", t.name("rating", k), t.int(*v as i64))).collect();
    let _ = writeln!(h, "<p>{}</p>", m(t, "summary-cells", &[("list", ratings.join(", "))]));
}

/// The place of the language of `t` in the (kk, ru, en) triples of the report's data.
fn lang_index(t: &Texts) -> usize {
    Lang::ALL.iter().position(|l| *l == t.lang()).unwrap_or(2)
}

/// A worker category's name in the language of `t` (`category-1` ... `category-seasonal`).
pub fn category_name(code: &str, t: &Texts) -> String {
    t.name("category", code)
}

/// When the run's own justified demand lies outside the draws' P10-P90, why: the draws do not
/// rate every cell as the run does. Names the cell whose draws' median quota is farthest from
/// the run's quota, with how often the draws rate it surplus and shortage.
fn draws_apart(h: &mut String, point: u64, d: [u64; 3], data: &ReportData, t: &Texts) {
    if (d[0]..=d[2]).contains(&point) {
        return;
    }
    let apart = data
        .draws
        .iter()
        .filter_map(|(k, v)| data.cells.get(k).map(|c| (k, c, v)))
        .max_by(|a, b| (a.2.0[1] - a.1.3).abs().cmp(&(b.2.0[1] - b.1.3).abs()).then_with(|| b.0.cmp(a.0)));
    let Some(((r, sec), (_, rating, _, quota), (q, surplus, shortage))) = apart else { return };
    let _ = writeln!(
        h,
        "<p>{}</p>",
        m(
            t,
            "summary-uncertainty-apart",
            &[
                ("point", t.int(point as i64)),
                ("cell", format!("{} x {} {}", region_name(r, t), sec, section_name(sec, t))),
                ("rating", t.name("rating", rating)),
                ("quota", t.int(*quota)),
                ("surplus", t.pct(*surplus, 0)),
                ("shortage", t.pct(*shortage, 0)),
                ("p10", t.int(q[0])),
                ("p50", t.int(q[1])),
                ("p90", t.int(q[2])),
            ]
        )
    );
}

/// The ten largest shortages with the sentence behind each.
fn largest_shortages(h: &mut String, data: &ReportData, t: &Texts) {
    type Cell<'a> = (&'a (String, String), &'a (f64, String, i64, i64));
    let mut top: Vec<Cell> = data.cells.iter().filter(|(_, v)| v.1 == "shortage").collect();
    top.sort_by(|a, b| b.1.2.cmp(&a.1.2).then_with(|| a.0.cmp(b.0)));
    let _ = writeln!(h, "<h3>{}</h3>", t.t("shortages-heading"));
    header(h, t, &["th-region", "th-section", "th-gap", "th-basis", "th-quota", "th-why"]);
    for ((r, sec), (_, _, gap, quota)) in top.iter().take(10) {
        let key = (r.clone(), sec.clone());
        let why = data.explanations.get(&key).map(|e| e[lang_index(t)].clone()).unwrap_or_default();
        let grade = data.cell_grades.get(&key).map(|g| t.name("evidence", g)).unwrap_or_default();
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{} {}</td><td class=n>{}</td><td>{}</td><td class=n>{}</td><td>{}</td></tr>",
            esc(&region_name(r, t)),
            esc(sec),
            esc(&section_name(sec, t)),
            t.int(*gap),
            esc(&grade),
            t.int(*quota),
            esc(&why)
        );
    }
    h.push_str("</table>\n");
}

/// Quotas by region, and why each kandas region has its families.
fn quota_tables(h: &mut String, data: &ReportData, t: &Texts) {
    let _ = writeln!(h, "<h2>{}</h2>", t.t("quotas-heading"));
    header(h, t, &["th-region", "th-code", "th-foreign-quota", "th-kandas-families", "th-kandas-persons"]);
    let kandas: BTreeMap<&str, (i64, i64)> = data.kandas.iter().map(|k| (k.0.as_str(), (k.1, k.2))).collect();
    for (r, q) in &data.quota_by_region {
        let (fam, per) = kandas.get(r.as_str()).copied().unwrap_or((0, 0));
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
            esc(&region_name(r, t)),
            esc(r),
            t.int(*q),
            t.int(fam),
            t.int(per)
        );
    }
    let _ = writeln!(h, "</table>\n<h3>{}</h3>\n<ul>", t.t("kandas-why-heading"));
    for k in &data.kandas {
        let _ = writeln!(h, "<li>{}: {}</li>", esc(&region_name(&k.0, t)), esc(&k.4[lang_index(t)]));
    }
    h.push_str("</ul>\n");
}

/// The parameters in force on the dates used, with their legal references.
fn parameters_section(h: &mut String, m_: &Manifest, t: &Texts) {
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<p>{}</p>",
        t.t("params-heading"),
        m(t, "params-body", &[("version", m_.version.clone())])
    );
    header(h, t, &["th-parameter", "th-value", "th-unit", "th-in-force", "th-status", "th-reference"]);
    let mut last = None;
    for p in &m_.parameters {
        // The same parameter version used for two dates is printed once.
        let key = (&p.name, p.effective);
        if last == Some(key) {
            continue;
        }
        last = Some(key);
        let value = serde_json::to_value(&p.value).unwrap_or(serde_json::Value::Null);
        let _ = writeln!(
            h,
            "<tr><td class=w>{}</td><td class=\"n w\">{}</td><td class=w>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&p.name),
            esc(&param_value(&value)),
            esc(&t.name("unit", &serde_name(&p.unit))),
            p.effective,
            esc(&t.name("status", &serde_name(&p.status))),
            esc(&p.reference)
        );
    }
    h.push_str("</table>\n");
}

/// The name a unit enum serialises to (`percent_of_labour_force`, `reported`).
fn serde_name<T: serde::Serialize>(t: &T) -> String {
    serde_json::to_value(t).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// A parameter's value as the report prints it: numbers and texts as they are, lists and maps with
/// a space after each comma so that a table cell can wrap them.
fn param_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a.iter().map(param_value).collect::<Vec<_>>().join(", "),
        serde_json::Value::Object(o) => {
            o.iter().map(|(k, v)| format!("{k}: {}", param_value(v))).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Region, section, the run's rating and quota, the draws' quota P10-P50-P90 and share surplus.
    type Cell<'a> = (&'a str, &'a str, &'a str, i64, [i64; 3], f64);

    fn data(cells: &[Cell]) -> ReportData {
        let key = |r: &str, s: &str| (r.to_string(), s.to_string());
        ReportData {
            quota_by_region: BTreeMap::new(),
            cells: cells.iter().map(|c| (key(c.0, c.1), (0.0, c.2.to_string(), 0, c.3))).collect(),
            cell_grades: BTreeMap::new(),
            draws: cells.iter().map(|c| (key(c.0, c.1), (c.4, c.5, 0.0))).collect(),
            kandas: Vec::new(),
            explanations: BTreeMap::new(),
            reality: Vec::new(),
            employer_flags: Vec::new(),
            projects: BTreeMap::new(),
        }
    }

    #[test]
    fn the_cell_that_moves_the_draws_is_named_only_when_the_run_lies_outside_them() {
        let t = crate::i18n::Lang::En.texts();
        // Akmola x A: surplus in the run (quota 0), median 487 in the draws; Astana x F: 100 vs 90.
        let d = data(&[
            ("KZ-71", "F", "shortage", 100, [80, 90, 100], 0.0),
            ("KZ-11", "A", "surplus", 0, [0, 487, 524], 0.4),
        ]);
        let mut h = String::new();
        draws_apart(&mut h, 100, [101, 120, 130], &d, t);
        assert!(h.contains("The largest difference is Akmola Region x A"), "{h}");
        assert!(h.contains("surplus in 40\u{a0}%") && h.contains("median quota of 487"), "{h}");
        // Inside the range (either end included): nothing is said.
        for point in [101, 115, 130] {
            let mut h = String::new();
            draws_apart(&mut h, point, [101, 120, 130], &d, t);
            assert!(h.is_empty(), "{point}: {h}");
        }
    }
}
