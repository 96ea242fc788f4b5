//! Kazakh, Russian and English: the catalogues complete and translated, numbers and dates per
//! language, the reports in three languages, and the draft order (.docx, HTML) with its annex
//! (`order_annex.parquet`) holding the run's quota.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use kvota::i18n::{Lang, keys, source};

use crate::support::{parquet_batches, repo, stderr};

/// The `{ $name }` arguments of every message of a catalogue source.
fn arguments(src: &str) -> BTreeMap<String, (String, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    for line in src.lines() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with(' ') {
            continue;
        }
        let Some((key, value)) = line.split_once(" = ") else { continue };
        let mut vars = BTreeSet::new();
        for part in value.split("{ $").skip(1) {
            vars.insert(part.split([' ', '}']).next().unwrap_or("").to_string());
        }
        out.insert(key.trim().to_string(), (value.to_string(), vars));
    }
    out
}

fn cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c))
}

/// What is wrong with catalogue `other` (language `lang`) against the English one: missing or
/// extra keys, keys twice, arguments that differ, texts left in English.
fn problems(en: &str, other: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (ke, ko) = (keys(en), keys(other));
    let mut seen = BTreeSet::new();
    for k in &ko {
        if !seen.insert(k) {
            out.push(format!("{lang}: `{k}` twice"));
        }
    }
    let (se, so): (BTreeSet<&String>, BTreeSet<&String>) = (ke.iter().collect(), ko.iter().collect());
    for k in se.difference(&so) {
        out.push(format!("{lang}: `{k}` missing"));
    }
    for k in so.difference(&se) {
        out.push(format!("{lang}: `{k}` not in en.ftl"));
    }
    let (ae, ao) = (arguments(en), arguments(other));
    for (k, (text, vars)) in &ao {
        let Some((en_text, en_vars)) = ae.get(k) else { continue };
        if vars != en_vars {
            out.push(format!("{lang}: `{k}` has arguments {vars:?}, en.ftl {en_vars:?}"));
        }
        if text == en_text || !cyrillic(text) {
            out.push(format!("{lang}: `{k}` is not translated: `{text}`"));
        }
    }
    out
}

#[test]
fn catalogues_are_complete_and_translated() {
    let en = source(Lang::En);
    assert!(keys(en).len() > 150, "the English catalogue holds the messages");
    let mut all = Vec::new();
    for lang in [Lang::Kk, Lang::Ru] {
        all.extend(problems(en, source(lang), lang.code()));
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
    // The Kazakh catalogue is Kazakh, not a copy of the Russian one: the texts differ and use
    // the letters Russian does not have.
    let (kk, ru) = (arguments(source(Lang::Kk)), arguments(source(Lang::Ru)));
    // Words Kazakh takes from Russian as they are (параметр, квота, секция, элемент) may be equal.
    let same: Vec<&str> =
        kk.iter().filter(|(k, v)| ru.get(*k).map(|r| &r.0) == Some(&v.0)).map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        same,
        ["cli-col-quota-a", "cli-col-quota-b", "cli-col-section", "th-item", "th-parameter", "th-quota", "th-section"],
        "kk and ru texts identical"
    );
    let kazakh = kk.values().filter(|(t, _)| t.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c))).count();
    assert!(kazakh * 2 > kk.len(), "only {kazakh} of {} Kazakh texts use a Kazakh letter", kk.len());
    // Every message formats in every language without an error (a debug build panics on one).
    for lang in Lang::ALL {
        let t = lang.texts();
        for k in keys(source(lang)) {
            assert!(t.has(&k), "{lang}: `{k}` not loaded");
        }
        // Keys the code builds rather than names in full: the stages of the progress display.
        for stage in kvota::progress::Stage::ALL {
            assert!(t.has(stage.key()), "{lang}: `{}` missing", stage.key());
        }
    }

    // The check itself finds a missing key, an English fallback and a lost argument.
    let bad_en = "a = one\nb = two { $n }\nc = three\n";
    let bad_ru = "a = один\nb = two { $n }\nc = три\nc = три\nd = четыре\n";
    let found = problems(bad_en, bad_ru, "ru").join("\n");
    for expected in ["`b` is not translated", "`c` twice", "`d` not in en.ftl"] {
        assert!(found.contains(expected), "`{expected}` not caught: {found}");
    }
    let found = problems(bad_en, "a = один\nb = два { $m }\n", "ru").join("\n");
    assert!(found.contains("`c` missing") && found.contains("`b` has arguments"), "{found}");
}

#[test]
fn numbers_and_dates_per_language() {
    let (kk, ru, en) = (Lang::Kk.texts(), Lang::Ru.texts(), Lang::En.texts());
    assert_eq!(ru.int(24423), "24\u{202f}423");
    assert_eq!(ru.int(-1234567), "−1\u{202f}234\u{202f}567");
    assert_eq!(ru.dec(1234.5, 1), "1\u{202f}234,5");
    assert_eq!(kk.dec(0.25, 2), "0,25");
    assert_eq!(en.dec(0.25, 2), "0.25");
    // No negative zero, in any language.
    for t in [kk, ru, en] {
        assert_eq!(t.dec(-0.001, 2).trim_start_matches('0').trim_start_matches([',', '.']), "00");
        assert!(!t.dec(-0.4, 0).contains('−'), "{}", t.dec(-0.4, 0));
        assert_eq!(t.int(0), "0");
    }
    assert_eq!(ru.pct(0.253, 0), "25\u{a0}%");
    let d = chrono::NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
    assert_eq!(ru.date(d), "2 января 2026 года");
    assert_eq!(kk.date(d), "2026 жылғы 2 қаңтар");
    assert_eq!(en.date(d), "2 January 2026");
    // Choosing the language: the list, the variable, the locale.
    assert_eq!(Lang::parse_list("ru, kk,ru").unwrap(), vec![Lang::Ru, Lang::Kk]);
    assert!(Lang::parse_list("ru,de").unwrap_err().contains("`de`"));
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| pairs.iter().find(|p| p.0 == k).map(|p| p.1.to_string())
    };
    assert_eq!(Lang::from_vars(env(&[("KVOTA_LANG", "kk"), ("LANG", "ru_RU.UTF-8")])), Lang::Kk);
    assert_eq!(Lang::from_vars(env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
    assert_eq!(Lang::from_vars(env(&[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")])), Lang::En);
    assert_eq!(Lang::from_vars(env(&[])), Lang::En);
}

/// The texts of the headings and table headers of an HTML page.
fn headings(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in ["h1", "h2", "h3", "th"] {
        for part in html.split(&format!("<{tag}>")).skip(1) {
            let text = part.split(&format!("</{tag}>")).next().unwrap_or("");
            out.push(text.to_string());
        }
    }
    out
}

/// The text runs (`<w:t>`) of a .docx's main document, in order.
fn docx_texts(path: &std::path::Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    let mut out = Vec::new();
    for part in xml.split("<w:t").skip(1) {
        // `<w:t>` or `<w:t xml:space=...>`, not `<w:tc>`, `<w:tbl>`, `<w:tr>`.
        if !(part.starts_with('>') || part.starts_with(' ')) {
            continue;
        }
        let Some((_, rest)) = part.split_once('>') else { continue };
        let text = rest.split("</w:t>").next().unwrap_or("");
        out.push(text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\""));
    }
    out
}

fn number(s: &str) -> i64 {
    s.replace('\u{202f}', "").parse().unwrap_or_else(|_| panic!("`{s}` is not a number"))
}

#[test]
fn three_reports_and_the_draft_order_hold_the_runs_quota() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kvota"))
        .args(["run", "--out", out.to_str().unwrap(), "-q"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let run = out.join("baseline");

    // The annex: every region x category, totals that add up, the quota of quota_foreign.
    let mut foreign: BTreeMap<(String, String), i64> = BTreeMap::new();
    for b in parquet_batches(&run.join("quota_foreign.parquet")) {
        use arrow::array::AsArray;
        let r = b.column_by_name("region_code").unwrap().as_string::<i32>();
        let c = b.column_by_name("category").unwrap().as_string::<i32>();
        let q = b.column_by_name("quota").unwrap().as_primitive::<arrow::datatypes::Int64Type>();
        for i in 0..b.num_rows() {
            *foreign.entry((r.value(i).to_string(), c.value(i).to_string())).or_default() += q.value(i);
        }
    }
    let mut annex: BTreeMap<(String, String, String), i64> = BTreeMap::new();
    let mut names: BTreeMap<String, [String; 3]> = BTreeMap::new();
    for b in parquet_batches(&run.join("order_annex.parquet")) {
        use arrow::array::AsArray;
        let col = |n: &str| b.column_by_name(n).unwrap().as_string::<i32>().clone();
        let (r, c, k) = (col("region_code"), col("category"), col("row_kind"));
        let (kk, ru, en) = (col("region_name_kk"), col("region_name_ru"), col("region_name_en"));
        let q = b.column_by_name("quota").unwrap().as_primitive::<arrow::datatypes::Int64Type>();
        for i in 0..b.num_rows() {
            annex.insert((k.value(i).into(), r.value(i).into(), c.value(i).into()), q.value(i));
            names.insert(r.value(i).into(), [kk.value(i).into(), ru.value(i).into(), en.value(i).into()]);
        }
    }
    let cats = ["1", "2", "3", "4", "seasonal"];
    let regions: Vec<&str> = kvota::codes::Region::all().map(|r| r.iso()).collect();
    assert_eq!(annex.keys().filter(|k| k.0 == "cell").count(), 20 * 5, "every region x category a row");
    let m: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("manifest.json")).unwrap()).unwrap();
    let distributed = m["summary"]["distributed"].as_i64().unwrap();
    let mut grand = 0;
    for c in cats {
        let from_cells: i64 = regions.iter().map(|r| annex[&("cell".into(), r.to_string(), c.into())]).sum();
        let from_foreign: i64 = foreign.iter().filter(|(k, _)| k.1 == c).map(|(_, v)| v).sum();
        assert_eq!(from_cells, from_foreign, "category {c}");
        assert_eq!(annex[&("category_total".into(), "KZ".into(), c.into())], from_cells, "category {c} total");
        assert_eq!(from_cells, m["summary"]["foreign_by_category"][c].as_i64().unwrap_or(0), "category {c}");
        grand += from_cells;
    }
    for r in &regions {
        let cells: i64 = cats.iter().map(|c| annex[&("cell".into(), r.to_string(), c.to_string())]).sum();
        let from_foreign: i64 = foreign.iter().filter(|(k, _)| k.0 == *r).map(|(_, v)| v).sum();
        assert_eq!(cells, from_foreign, "region {r}");
        assert_eq!(annex[&("region_total".into(), r.to_string(), "total".into())], cells, "region {r} total");
    }
    assert_eq!(grand, distributed);
    assert_eq!(annex[&("grand_total".into(), "KZ".into(), "total".into())], distributed);

    // The draft order in each language: its annex table holds the numbers of the parquet, its
    // preamble the legal basis of the parameters, its totals the distributed quota.
    let basis = fs::read_to_string(repo().join("data/params/foreign_labour.toml")).unwrap();
    for (li, lang) in ["kk", "ru", "en"].iter().enumerate() {
        let texts = docx_texts(&run.join(format!("order.{lang}.docx")));
        let joined = texts.join("\n");
        let quoted = basis.split(&format!("{lang} = \"")).nth(1).unwrap().split('"').next().unwrap();
        assert!(joined.contains(quoted), "{lang}: the legal basis `{quoted}` is not in the order");
        // It says what each quota rests on: the requests' grade, and the order whose shares
        // split the kandas quota (the run's, from its manifest).
        let t = kvota::i18n::Lang::parse(lang).unwrap().texts();
        let year = m["summary"]["kandas_previous_order_year"].as_i64().unwrap();
        assert_eq!(m["summary"]["kandas_split"], "previous_order");
        let kandas = t.fs(
            "order-basis-kandas-order",
            &[
                ("year", year.to_string()),
                ("evidence", t.name("evidence", m["summary"]["kandas_basis"].as_str().unwrap())),
            ],
        );
        assert!(joined.contains(&kandas), "{lang}: the order does not say what the kandas quota rests on: {kandas}");
        assert!(joined.contains(&t.name("evidence", "synthetic")), "{lang}: the requests' grade");
        for r in &regions {
            let name = &names[*r][li];
            let at = texts.iter().position(|t| t == name).unwrap_or_else(|| panic!("{lang}: {name} not in the annex"));
            let row: Vec<i64> = texts[at + 1..at + 7].iter().map(|t| number(t)).collect();
            let mut expected: Vec<i64> =
                cats.iter().map(|c| annex[&("cell".into(), r.to_string(), c.to_string())]).collect();
            expected.push(annex[&("region_total".into(), r.to_string(), "total".into())]);
            assert_eq!(row, expected, "{lang}: annex row of {r}");
        }
        assert!(joined.contains(&kvota::i18n::Lang::parse(lang).unwrap().texts().int(distributed)), "{lang}: total");
        let html = fs::read_to_string(run.join(format!("order.{lang}.html"))).unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")) && html.contains("@page{size:A4"));
        for r in &regions {
            assert!(html.contains(&names[*r][li]), "{lang}: {r} not in the printable order");
        }
    }

    // The explanations of the quota and kandas rows in three languages: translated, and saying
    // the same numbers in every language (grouping aside).
    // The numbers of a sentence, in any order (a language may say them in another order):
    // English groups thousands with commas, Kazakh and Russian with a narrow no-break space and
    // write decimals with a comma.
    let digits = |s: &str, english: bool| -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let mut norm = String::new();
        for (i, c) in chars.iter().enumerate() {
            let between =
                i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit());
            match c {
                ',' if between && english => {}
                ',' if between => norm.push('.'),
                '\u{202f}' if between => {}
                c => norm.push(*c),
            }
        }
        let mut v: Vec<String> =
            norm.split(|c: char| !c.is_ascii_digit()).filter(|x| !x.is_empty()).map(str::to_string).collect();
        v.sort();
        v
    };
    for (file, column) in [
        ("quota_foreign.parquet", "explanation"),
        ("quota_kandas.parquet", "explanation"),
        ("shortage.parquet", "reason"),
    ] {
        let mut rows = 0;
        for b in parquet_batches(&run.join(file)) {
            use arrow::array::AsArray;
            let col = |n: &str| b.column_by_name(n).unwrap().as_string::<i32>().clone();
            let (en, ru, kk) = (col(column), col(&format!("{column}_ru")), col(&format!("{column}_kk")));
            for i in 0..b.num_rows() {
                let (e, r, k) = (en.value(i), ru.value(i), kk.value(i));
                assert!(cyrillic(r) && cyrillic(k) && !cyrillic(e), "{file}: {e} | {r} | {k}");
                assert_eq!(digits(r, false), digits(e, true), "{file}: `{r}` against `{e}`");
                assert_eq!(digits(k, false), digits(e, true), "{file}: `{k}` against `{e}`");
                rows += 1;
            }
        }
        assert!(rows >= 8, "{file}: {rows} rows");
    }

    // Three reports; the Kazakh and Russian ones have no English heading.
    let en = fs::read_to_string(run.join("report.en.html")).unwrap();
    let en_headings: BTreeSet<String> = headings(&en).into_iter().collect();
    assert!(en_headings.contains("Summary") && en_headings.len() > 40, "{en_headings:?}");
    for lang in ["kk", "ru"] {
        let html = fs::read_to_string(run.join(format!("report.{lang}.html"))).unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        let hs = headings(&html);
        assert_eq!(hs.len(), headings(&en).len(), "{lang}: the same structure as the English report");
        let english: Vec<&String> = hs.iter().filter(|h| en_headings.contains(*h) || !cyrillic(h)).collect();
        // Product and file names stay as they are: `kvota report: baseline (2026)` is the title's
        // scenario, so only headings with a word of the catalogue count.
        assert!(english.is_empty(), "{lang}: English headings {english:?}");
        for name in &names {
            if name.0 != "KZ" && html.contains(&name.1[2]) && !name.1[2].is_empty() {
                panic!("{lang}: the English region name `{}` is in the report", name.1[2]);
            }
        }
    }
    // report.html is the first language, Kazakh by default.
    assert_eq!(fs::read(run.join("report.html")).unwrap(), fs::read(run.join("report.kk.html")).unwrap());
}

/// Every unit of the dated parameters has a name in each language (the report's parameter table).
#[test]
fn every_parameter_unit_is_named() {
    let params = kvota::params::Params::load(&crate::support::repo().join("data/params")).unwrap();
    for p in params.all() {
        let code = serde_json::to_value(p.unit).unwrap().as_str().unwrap().replace('_', "-");
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            assert!(lang.texts().has(&format!("unit-{code}")), "{}: unit {code} has no {lang:?} name", p.name);
        }
    }
}

#[test]
fn counts_agree_with_their_nouns() {
    // PLURAL picks the noun's form by the language's CLDR rules, from the count as printed.
    let ru = Lang::Ru.texts();
    let families = |n: &str| {
        let s =
            ru.fs("order-point-kandas", &[("year", "2026".into()), ("families", n.into()), ("persons", "4".into())]);
        s.split("составляет ").nth(1).unwrap().split(" (").next().unwrap().to_string()
    };
    for (n, said) in [
        ("1", "1 семья"),
        ("2", "2 семьи"),
        ("5", "5 семей"),
        ("11", "11 семей"),
        ("21", "21 семья"),
        ("22", "22 семьи"),
        ("574", "574 семьи"),
        ("1\u{202f}021", "1\u{202f}021 семья"),
        ("1\u{202f}000", "1\u{202f}000 семей"),
    ] {
        assert_eq!(families(n), said, "{n}");
    }
    // The reserve's verb agrees with its count, too.
    let reserve =
        |n: &str| ru.fs("order-point-distribution", &[("distributed", "18\u{202f}451".into()), ("reserve", n.into())]);
    assert!(reserve("1").contains("1 человек составляет резерв"), "{}", reserve("1"));
    assert!(reserve("2\u{202f}443").contains("2\u{202f}443 человека составляют резерв"), "{}", reserve("2\u{202f}443"));
    assert!(reserve("5").contains("квоту в количестве 18\u{202f}451 человека"), "{}", reserve("5"));
    // English: one day, two days; a count printed with commas.
    let en = Lang::En.texts();
    assert_eq!(en.fs("rl-posted-before", &[("days", "1".into())]), "posted 1 day before");
    assert_eq!(en.fs("rl-posted-before", &[("days", "0".into())]), "posted 0 days before");
    assert_eq!(en.fs("rl-posted-before", &[("days", "21".into())]), "posted 21 days before");
    let why = en.fs("basis-kandas-alt-order", &[("year", "2025".into()), ("moved", "1,001".into())]);
    assert!(why.contains("1,001 families would"), "{why}");
    // Kazakh nouns stay singular after a number: no PLURAL in its catalogue.
    assert!(!source(Lang::Kk).contains("PLURAL("));
}

/// Every catalogue key the library's messages name in its source (`Msg::new("key")`, and the
/// `what-` descriptions of expected values) is in the catalogues, so that an error no test
/// provokes is still said in each language rather than as its key.
#[test]
fn every_message_key_in_the_source_is_in_the_catalogues() {
    let en: BTreeSet<String> = keys(source(Lang::En)).into_iter().collect();
    let mut files = Vec::new();
    crate::architecture::rust_files(&repo().join("src"), &mut files);
    let mut named = BTreeSet::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        for (i, _) in text.match_indices("Msg::new(\"").chain(text.match_indices("\"what-")) {
            let start = text[i..].find('"').unwrap() + i + 1;
            let key: String = text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            named.insert((key, f.strip_prefix(repo()).unwrap().display().to_string()));
        }
    }
    assert!(named.len() > 150, "the library names its messages by key: {}", named.len());
    let missing: Vec<String> =
        named.iter().filter(|(k, _)| !en.contains(k)).map(|(k, f)| format!("`{k}` ({f})")).collect();
    assert!(missing.is_empty(), "keys not in en.ftl: {}", missing.join(", "));
    // Said in every language, each key formats without an error (a debug build panics on one).
    let msg = kvota::error::Msg::new("err-not-number").arg("value", "x");
    assert_eq!(msg.to_string(), "`x` is not a number");
    assert_eq!(msg.say(Lang::Ru.texts()), "`x` — не число");
    assert!(msg.is_translated() && !kvota::error::Msg::text("x").is_translated());
}
