//! What a person reads, as snapshots (insta): the message of each class of bad input, with its
//! exit code. The summaries of the commands and the report's text are snapshots of the golden
//! run (`golden.rs`). Review a change with `cargo insta review` (or `INSTA_UPDATE=always`).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::support::{kvota_in, repo};

/// `text` with the temporary folder and the repository written as `<tmp>` and `<repo>`.
pub fn redact(text: &str, tmp: &Path) -> String {
    text.replace(&tmp.display().to_string(), "<tmp>").replace(&repo().display().to_string(), "<repo>")
}

/// One bad-input case: a name, the files it writes into the temporary folder, the arguments.
struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static str)],
    args: &'static [&'static str],
}

const FAMILIES: &str = "family_id,arrival_date,host_region,members\nf1,2025-03-01,KZ-55,4\n";
const PAYMENTS: &str = "family_id,item,paid_date,amount_mci\nf1,relocation,2025-03-10,280\n";

/// `kvota contract` on the case's `f.csv` and `p.csv`.
const CONTRACT: &[&str] = &[
    "contract",
    "--families",
    "<tmp>/f.csv",
    "--payments",
    "<tmp>/p.csv",
    "--as-of",
    "2026-12-31",
    "--out",
    "<tmp>/out",
];

const CASES: &[Case] = &[
    Case { name: "usage: unknown flag", files: &[], args: &["run", "--scenaro", "x.toml"] },
    Case {
        name: "usage: bad value of a flag",
        files: &[],
        args: &["contract", "--families", "f.csv", "--payments", "p.csv", "--as-of", "31.12.2026"],
    },
    Case {
        name: "missing input file",
        files: &[],
        args: &["run", "--scenario", "<tmp>/missing.toml", "--out", "<tmp>/out"],
    },
    Case { name: "missing panel folder", files: &[], args: &["run", "--data", "<tmp>/nowhere", "--out", "<tmp>/out"] },
    Case {
        name: "missing parameter folder",
        files: &[],
        args: &["run", "--params", "<tmp>/nowhere", "--out", "<tmp>/out"],
    },
    Case {
        name: "scenario: a file it names is missing",
        files: &[(
            "s.toml",
            "id = \"s\"\ntarget_year = 2026\n[data]\nemployer_requests = \"requests.csv\"\n[kandas]\nbudget_kzt = 1e9\nfamily_size = 4\nworking_members_per_family = 1\nrent_mci_per_month = 30\ninclude_housing_certificate = true\n",
        )],
        args: &["run", "--scenario", "<tmp>/s.toml", "--out", "<tmp>/out"],
    },
    Case {
        name: "scenario: extends a missing file",
        files: &[("s.toml", "extends = \"base.toml\"\nid = \"s\"\n")],
        args: &["run", "--scenario", "<tmp>/s.toml", "--out", "<tmp>/out"],
    },
    Case {
        name: "scenario: unknown key",
        files: &[(
            "s.toml",
            "id = \"s\"\ntarget_year = 2026\n[kandas]\nbudget_kzt = 1e9\nfamily_size = 4\nworking_members_per_family = 1\nrent_mci_per_month = 30\ninclude_housing_certificate = true\nhousing = 3\n",
        )],
        args: &["run", "--scenario", "<tmp>/s.toml", "--out", "<tmp>/out"],
    },
    Case {
        name: "scenario: value out of range",
        files: &[(
            "s.toml",
            "id = \"s\"\ntarget_year = 2026\n[foreign]\nreserve_share = 1.5\n[kandas]\nbudget_kzt = 1e9\nfamily_size = 4\nworking_members_per_family = 1\nrent_mci_per_month = 30\ninclude_housing_certificate = true\n",
        )],
        args: &["run", "--scenario", "<tmp>/s.toml", "--out", "<tmp>/out"],
    },
    Case {
        name: "scenario: unknown region code",
        files: &[(
            "s.toml",
            "id = \"s\"\ntarget_year = 2026\n[kandas]\nbudget_kzt = 1e9\nfamily_size = 4\nworking_members_per_family = 1\nrent_mci_per_month = 30\ninclude_housing_certificate = true\nhousing_capacity = { \"KZ-99\" = 3 }\n",
        )],
        args: &["run", "--scenario", "<tmp>/s.toml", "--out", "<tmp>/out"],
    },
    Case {
        name: "table: text in a number column",
        files: &[
            ("f.csv", "family_id,arrival_date,host_region,members\nf1,2025-03-01,KZ-55,four\n"),
            ("p.csv", PAYMENTS),
        ],
        args: CONTRACT,
    },
    Case {
        name: "table: missing column",
        files: &[("f.csv", "family_id,arrival_date,members\nf1,2025-03-01,4\n"), ("p.csv", PAYMENTS)],
        args: CONTRACT,
    },
    Case {
        name: "table: duplicate key",
        files: &[
            ("f.csv", "family_id,arrival_date,host_region,members\nf1,2025-03-01,KZ-55,4\nf1,2025-04-01,KZ-55,3\n"),
            ("p.csv", PAYMENTS),
        ],
        args: CONTRACT,
    },
    Case {
        name: "table: personal data column",
        files: &[
            ("f.csv", FAMILIES),
            ("p.csv", "family_id,iin,item,paid_date,amount_mci\nf1,900101300123,relocation,2025-03-10,280\n"),
        ],
        args: CONTRACT,
    },
    Case {
        name: "table: an id shaped like an IIN",
        files: &[
            ("f.csv", "family_id,arrival_date,host_region,members\n900101300123,2025-03-01,KZ-55,4\n"),
            ("p.csv", PAYMENTS),
        ],
        args: CONTRACT,
    },
    Case {
        name: "tables that contradict each other",
        files: &[("f.csv", FAMILIES), ("p.csv", "family_id,item,paid_date,amount_mci\nf9,relocation,2025-03-10,280\n")],
        args: CONTRACT,
    },
    Case {
        name: "long table: not a number",
        files: &[("s.csv", "series_id,period,value\na,2020,1\na,2021,x\n")],
        args: &["forecast", "--input", "<tmp>/s.csv", "--horizon", "2", "--out", "<tmp>/f.csv"],
    },
    Case {
        name: "published file: unknown region",
        files: &[("o.csv", "NAM,DAT,PERIOD,ӘАОЖ(каталог бойынша),VAL\nx,2023 год,202312,Атлантида,5\n")],
        args: &["ingest", "bns-open-data", "<tmp>/o.csv", "--out", "<tmp>/o.parquet"],
    },
    Case {
        name: "apportionment: a tie a human must decide",
        files: &[("u.csv", "unit,weight\na,1\nb,1\n")],
        args: &["apportion", "--input", "<tmp>/u.csv", "--seats", "1"],
    },
    Case {
        name: "apportionment: minimums above the seats",
        files: &[("u.csv", "unit,weight\na,1\nb,1\nc,1\n")],
        args: &["apportion", "--input", "<tmp>/u.csv", "--seats", "2", "--min", "1"],
    },
    Case {
        name: "parameters: malformed file",
        files: &[
            (
                "params/mci.toml",
                "[kzt]\ndescription = \"x\"\nunit = \"kzt_per_mci\"\n[[kzt.values]]\neffective = 2026-01-01\nvalue = \"many\"\nstatus = \"verified\"\nreference = \"r\"\n",
            ),
            ("f.csv", FAMILIES),
            ("p.csv", PAYMENTS),
        ],
        args: &[
            "contract",
            "--families",
            "<tmp>/f.csv",
            "--payments",
            "<tmp>/p.csv",
            "--as-of",
            "2026-12-31",
            "--params",
            "<tmp>/params",
            "--out",
            "<tmp>/out",
        ],
    },
];

/// The cases run in `lang`, as the snapshots hold them.
fn bad_input_text(lang: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for c in CASES {
        let dir = tmp.path().join(c.name.replace([' ', ':'], "_"));
        for (name, body) in c.files {
            let p = dir.join(name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, body).unwrap();
        }
        fs::create_dir_all(&dir).unwrap();
        let args: Vec<String> = c.args.iter().map(|a| a.replace("<tmp>", &dir.display().to_string())).collect();
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = kvota_in(lang, &refs);
        let err = redact(&String::from_utf8_lossy(&o.stderr), &dir);
        let _ = writeln!(
            text,
            "## {}\n$ kvota {}\nexit {:?}\n{}",
            c.name,
            c.args.join(" "),
            o.status.code(),
            err.trim_end()
        );
        assert_ne!(o.status.code(), Some(0), "{}: {err}", c.name);
        assert!(!err.contains("900101300123"), "{}: a personal value in a message", c.name);
        assert!(!dir.join("out").exists(), "{}: outputs written", c.name);
    }
    text
}

#[test]
fn messages_of_bad_input() {
    insta::assert_snapshot!("bad_input_messages", bad_input_text("en"));
}

/// The cases of a snapshot text by name: the lines after `$ kvota ...` and `exit ...`.
fn cases_of(text: &str) -> Vec<(String, Vec<String>)> {
    text.split("## ")
        .filter(|s| !s.is_empty())
        .map(|s| {
            let mut lines = s.lines();
            let name = lines.next().unwrap_or("").to_string();
            (name, lines.skip(2).map(str::to_string).collect())
        })
        .collect()
}

/// The English words of a line of a message: runs of three or more Latin letters, leaving out
/// what is quoted (`code`, "text", 'value'), keys (`[data] panel`, `method = "lp"`), file names and paths, options (`--break-ties`), keys (`amount_mci`) and
/// upper-case codes (ISO, DAT, VAL), which are the same in every language.
pub(crate) fn english_words(line: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut quoted = None;
    for ch in line.chars() {
        match (quoted, ch) {
            (None, '`' | '"' | '\'') => quoted = Some(ch),
            (Some(q), c) if c == q => quoted = None,
            (None, c) => plain.push(c),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut after_table = false;
    let words: Vec<&str> = plain.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| "(),;:".contains(c));
        // A key after its table (`[data] panel`) or before its value (`method = "lp"`) is a
        // name, as `[data]` itself is.
        let table = std::mem::replace(&mut after_table, w.starts_with('[') && w.ends_with(']'));
        let key = table || words.get(i + 1) == Some(&"=");
        let file = w.trim_end_matches(|c: char| !c.is_alphanumeric()).contains('.');
        if key || file || w.contains('/') || w.contains('_') || w.starts_with("--") || w.starts_with('[') {
            continue;
        }
        for part in w.split(|c: char| !c.is_ascii_alphabetic()) {
            if part.len() >= 3 && part.chars().any(|c| c.is_ascii_lowercase()) && part != "kvota" {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// Every message of bad input is said in Kazakh and Russian as well, usage errors included: the
/// place, what is wrong there and what to do. Only names stay as they are: flags, keys, values.
#[test]
fn messages_of_bad_input_in_kazakh_and_russian() {
    let en = cases_of(&bad_input_text("en"));
    assert_eq!(en.len(), CASES.len());
    // The check itself: it finds the English of an English message and passes a Russian one.
    assert_eq!(
        english_words("f.csv, row 2, column `members`: `four` is not a number"),
        ["row", "column", "not", "number"]
    );
    assert!(
        english_words(
            "f.csv, строка 2, столбец `members`: `four` — не число (--break-ties, amount_mci, ISO, method = \"lp\")"
        )
        .is_empty()
    );
    for lang in ["ru", "kk"] {
        let text = bad_input_text(lang);
        let said = cases_of(&text);
        assert_eq!(said.len(), en.len(), "{lang}");
        for ((name, en_lines), (_, lines)) in en.iter().zip(&said) {
            assert_eq!(lines.len(), en_lines.len(), "{lang}, {name}: {lines:?}");
            for (e, l) in en_lines.iter().zip(lines) {
                assert_ne!(e, l, "{lang}, {name}: said in English");
                let words = english_words(l);
                assert!(words.is_empty(), "{lang}, {name}: English words {words:?} in `{l}`");
            }
        }
        insta::assert_snapshot!(format!("bad_input_messages_{lang}"), text);
    }
}

/// The error's frame and what to do next follow the language of the command line.
#[test]
fn errors_say_what_to_do_in_the_users_language() {
    for (lang, error, missing, hint) in [
        ("en", "error:", "not found (the scenario file)", "what to do:"),
        ("ru", "ошибка:", "не найдено (файл сценария)", "что сделать:"),
        ("kk", "қате:", "табылмады (сценарий файлы)", "не істеу керек:"),
    ] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_kvota"))
            .args(["run", "--scenario", "no/such.toml"])
            .env("KVOTA_LANG", lang)
            .current_dir(repo())
            .output()
            .unwrap();
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1));
        let lines: Vec<&str> = e.lines().collect();
        assert_eq!(lines.len(), 2, "{lang}: one line for the error, one for what to do: {e}");
        assert!(
            lines[0].starts_with(error) && lines[0].contains("no/such.toml") && lines[0].contains(missing),
            "{lang}: {e}"
        );
        assert!(lines[1].trim_start().starts_with(hint) && lines[1].contains("scenarios/baseline.toml"), "{lang}: {e}");
    }
}

/// The summaries of `kvota contract` and `kvota select` follow the language too, with the
/// same figures.
#[test]
fn summaries_follow_the_users_language() {
    let tmp = tempfile::tempdir().unwrap();
    let people = repo().join("tests/data/people");
    let p = |f: &str| people.join(f).display().to_string();
    let run = |lang: &str, args: &[String]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_kvota"))
            .args(args)
            .env("KVOTA_LANG", lang)
            .current_dir(repo())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let out = |name: &str| tmp.path().join(name).display().to_string();
    let contract = |lang: &str| {
        let args = ["contract", "--families", &p("families.csv"), "--payments", &p("payments.csv"), "--moves"];
        let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        a.extend([p("moves.csv"), "--as-of".into(), "2026-12-31".into(), "--out".into(), out(lang)]);
        run(lang, &a)
    };
    let (en, ru, kk) = (contract("en"), contract("ru"), contract("kk"));
    assert!(en.contains("24 families on 2026-12-31: breached 6, fulfilled 2, in_force 16"), "{en}");
    assert!(ru.contains("семей на 2026-12-31: 24; нарушен 6, исполнен 2, действует 16"), "{ru}");
    assert!(kk.contains("2026-12-31 күнгі отбасылар: 24; бұзылды 6, орындалды 2, қолданыста 16"), "{kk}");
    // The same amounts, with the decimal comma of Russian and Kazakh.
    assert!(en.contains("owed 10237580 tenge") && en.contains("72.1 %"), "{en}");
    assert!(ru.contains("задолженность 10237580 тенге") && ru.contains("72,1 %"), "{ru}");
    assert!(kk.contains("берешек 10237580 теңге") && kk.contains("72,1 %"), "{kk}");
    let select = |lang: &str| {
        let rules = repo().join("data/rules/kz_2026_pilot.toml").display().to_string();
        let args = ["select", "--rules", &rules, "--applicants", &p("applicants.csv"), "--quota", &p("quota.csv")];
        let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        a.extend(["--out".into(), out(&format!("s{lang}"))]);
        run(lang, &a)
    };
    let (en, kk) = (select("en"), select("kk"));
    assert!(en.contains(" applicants: ") && en.contains("entered"), "{en}");
    assert!(kk.contains("өтініш берушілер") && kk.contains("іріктелді") && kk.contains("кірді"), "{kk}");
}

/// `kvota forecast backtest` speaks the user's language around its figures, which stay the same.
#[test]
fn backtest_summary_follows_the_users_language() {
    let run = |lang: &str| {
        let args = ["forecast", "backtest", "--input", "tests/data/series_mixed.csv", "--horizon", "2"];
        let o = kvota_in(lang, &[&args[..], &["--models", "naive", "--origins", "3"]].concat());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let row = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("naive"))
            .map(|l| l.split_whitespace().take(7).collect::<Vec<_>>().join(" "))
    };
    let (en, ru, kk) = (run("en"), run("ru"), run("kk"));
    assert!(en.starts_with("14 series, 10 used, horizon 2, up to 3 origins each") && en.contains("3 of 3"), "{en}");
    assert!(
        ru.starts_with("рядов 14, использовано 10, горизонт 2") && ru.contains("3 из 3") && ru.contains("пропущен DUP"),
        "{ru}"
    );
    assert!(
        kk.starts_with("қатар 14, пайдаланылғаны 10, көкжиек 2")
            && kk.contains("3 ішінен 3")
            && kk.contains("өткізілді DUP"),
        "{kk}"
    );
    assert!(row(&en).is_some_and(|r| r.starts_with("naive 30 ")), "{en}");
    assert_eq!(row(&en), row(&ru));
    assert_eq!(row(&en), row(&kk));
    // Why each series was left out, in the user's language too.
    assert!(en.contains("skipped DUP: duplicate period 2001") && en.contains("gap: no value between 2001 and 2003"));
    assert!(ru.contains("пропущен DUP: период 2001 повторяется") && ru.contains("нет значения между 2001 и 2003"));
    assert!(kk.contains("өткізілді DUP: 2001 кезеңі қайталанады") && kk.contains("2001 мен 2003 арасында мән жоқ"));
    assert!(ru.contains("ретропроверки с горизонтом 2") && kk.contains("2 қадамға ретроспективті"), "{ru}\n{kk}");
}

/// `kvota forecast` says what it forecast, how its intervals were made and what it left out in
/// the user's language, with the same figures; the file of reasons stays in English (a table
/// with a fixed contract, like the other output tables' English columns).
#[test]
fn forecast_summary_follows_the_users_language() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |lang: &str| {
        let out = tmp.path().join(format!("f_{lang}.parquet"));
        let args = ["forecast", "--input", "tests/data/series_mixed.csv", "--horizon", "2", "--out"];
        let o = kvota_in(lang, &[&args[..], &[out.to_str().unwrap()]].concat());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let reasons = fs::read_to_string(tmp.path().join(format!("f_{lang}.skipped.csv"))).unwrap();
        (redact(&String::from_utf8_lossy(&o.stdout), tmp.path()), reasons)
    };
    let ((en, en_file), (ru, ru_file), (kk, kk_file)) = (run("en"), run("ru"), run("kk"));
    assert_eq!(
        en,
        "forecast 11 of 14 series with auto (1 fell back to a simpler model), horizon 2\n\
         intervals calibrated on 40 hold-out windows of 10 series (rolling origins)\n\
         skipped 3 series (reasons in <tmp>/f_en.skipped.csv)\n\
         wrote <tmp>/f_en.parquet\n"
    );
    assert_eq!(
        ru,
        "прогноз для рядов: 11 из 14, модель auto (перешли на более простую модель: 1), горизонт 2\n\
         интервалы откалиброваны по проверочным окнам (скользящие точки отсчёта): окон 40, рядов 10\n\
         пропущено рядов: 3 (причины в <tmp>/f_ru.skipped.csv)\n\
         записан <tmp>/f_ru.parquet\n"
    );
    assert_eq!(
        kk,
        "14 қатардың 11 қатарына auto үлгісімен болжам жасалды (қарапайым үлгіге ауысқаны: 1), көкжиек 2\n\
         интервалдар 10 қатардың 40 тексеру терезесі бойынша калибрленді (жылжымалы бастапқы нүктелер)\n\
         өткізілген қатарлар: 3 (себептері <tmp>/f_kk.skipped.csv файлында)\n\
         жазылды: <tmp>/f_kk.parquet\n"
    );
    assert!(en_file.contains("DUP,duplicate period 2001\n"), "{en_file}");
    assert_eq!((&en_file, &en_file), (&ru_file, &kk_file));
}

/// A reader that goes away (`kvota ... | head -1`) ends the command quietly with success: no
/// panic, no message (`println!` used to panic with "failed printing to stdout: Broken pipe").
#[test]
fn a_closed_pipe_is_not_an_error() {
    let (reader, writer) = std::io::pipe().unwrap();
    // Closed before kvota writes its first line: every write fails with EPIPE.
    drop(reader);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kvota"))
        .args(["forecast", "backtest", "--input", "tests/data/series_mixed.csv", "--horizon", "2"])
        .args(["--models", "naive", "--origins", "3"])
        .env("KVOTA_LANG", "en")
        .stdout(writer)
        .current_dir(repo())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && err.is_empty(), "{:?}: {err}", o.status);
}

/// `kvota validate` lists the panel's files and checks in the user's language, with the same
/// figures in the same order.
#[test]
fn validation_follows_the_users_language() {
    let run = |lang: &str| {
        let o = kvota_in(lang, &["validate"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    // The digits of a text, in order (a decimal comma or point splits a number alike).
    let figures = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).map(str::to_string).collect()
    };
    let (en, ru, kk) = (run("en"), run("ru"), run("kk"));
    assert!(
        en.contains("  ok  20 regions x 16 years (2010-2025), no duplicate keys") && en.ends_with("valid: 8 files\n")
    );
    assert!(
        ru.contains("  верно  20 регионов x годы 2010-2025 (16)") && ru.ends_with("проверено без ошибок, файлов: 8\n")
    );
    assert!(kk.contains("  дұрыс  20 өңір x 16 жыл (2010-2025)") && kk.ends_with("қатесіз тексерілді: 8 файл\n"));
    for (lang, text) in [("ru", &ru), ("kk", &kk)] {
        assert_eq!(text.lines().count(), en.lines().count(), "{lang}: {text}");
        assert!(!text.contains(" rows") && !text.contains("  ok  "), "{lang}: {text}");
        let (mut a, mut b) = (figures(&en), figures(text));
        // Kazakh puts some figures in another order within a line ("16 of 16" -> "16 ішінен 16").
        a.sort();
        b.sort();
        assert_eq!(a, b, "{lang}: the same figures");
    }
}

/// `--help` of every command in Kazakh and Russian: the descriptions and the flags' help come
/// from the catalogues, so no sentence of the English help is left in them (a debug build also
/// stops on a key missing from a catalogue, and on an English text that differs from the code's
/// documentation).
#[test]
fn help_follows_the_users_language() {
    let commands: [&[&str]; 14] = [
        &[],
        &["run"],
        &["scenario"],
        &["scenario", "run"],
        &["scenario", "compare"],
        &["validate"],
        &["ingest"],
        &["apportion"],
        &["select"],
        &["contract"],
        &["dataset"],
        &["dataset", "build"],
        &["forecast"],
        &["forecast", "backtest"],
    ];
    for path in commands {
        let help = |lang: &str| {
            let mut args: Vec<&str> = path.to_vec();
            args.push("--help");
            let o = kvota_in(lang, &args);
            assert!(o.status.success(), "{lang} {path:?}: {}", String::from_utf8_lossy(&o.stderr));
            String::from_utf8(o.stdout).unwrap()
        };
        let en = help("en");
        // Sentences: lines of three or more English words (not clap's `[default: ...]` markers,
        // which list values).
        let sentences: Vec<&str> =
            en.lines().map(str::trim).filter(|l| !l.starts_with('[') && english_words(l).len() >= 3).collect();
        assert!(!sentences.is_empty(), "{path:?}: {en}");
        for lang in ["ru", "kk"] {
            let said = help(lang);
            for s in &sentences {
                assert!(!said.contains(s), "{lang} {path:?}: `{s}` left in English:\n{said}");
            }
            let heading = kvota::i18n::Lang::parse(lang).unwrap().texts().t("help-heading-usage");
            assert!(said.contains(&format!("{heading}: kvota")), "{lang} {path:?}: {said}");
        }
    }
}
