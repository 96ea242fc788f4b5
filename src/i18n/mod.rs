//! What a person reads, in Kazakh, Russian and English: message catalogues (Fluent, one file
//! per language, `src/i18n/{kk,ru,en}.ftl`, compiled into the binary) and numbers formatted per
//! language. Below every stage: anything may use it, it uses nothing of kvota.
//!
//! Messages may hold simple HTML (`<b>`, `<code>`) where the report needs it; arguments are
//! plain text and are escaped by the caller when the text goes into HTML. A key missing from a
//! catalogue is a defect: the test `i18n::catalogues_are_complete` compares the three files key
//! by key, and in a debug build asking for a missing key panics so that every test that prints
//! or writes text catches it; a release build prints the key itself.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language kvota writes in. The order is the order of the outputs: Kazakh (the state
/// language, Cyrillic script), Russian, English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The ISO 639-1 code, as in file names (`report.kk.html`) and `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        // `ru_RU.UTF-8`, `kk-KZ`: the language part.
        let head = s.split(['_', '-', '.', '@']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| l.code() == head)
    }

    /// A comma-separated list (`kk,ru,en`), each language once, in the order given.
    pub fn parse_list(s: &str) -> Result<Vec<Lang>, String> {
        let mut out = Vec::new();
        for part in s.split(',') {
            let lang = Lang::parse(part)
                .filter(|_| !part.trim().is_empty())
                .ok_or_else(|| format!("`{}` is not a language kvota writes (kk, ru or en)", part.trim()))?;
            if !out.contains(&lang) {
                out.push(lang);
            }
        }
        Ok(out)
    }

    /// The language of messages on this machine: `KVOTA_LANG`, else the locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`), else English.
    pub fn from_env() -> Lang {
        Self::from_vars(|k| std::env::var(k).ok())
    }

    /// As [`Lang::from_env`], with the variables given by `var` (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        for key in ["KVOTA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = var(key).filter(|v| !v.trim().is_empty()) {
                // The first set variable decides: `LANG=C` means English even if a later one is set.
                return Lang::parse(&v).unwrap_or(Lang::En);
            }
        }
        Lang::En
    }

    /// This language's messages.
    pub fn texts(self) -> &'static Texts {
        static KK: OnceLock<Texts> = OnceLock::new();
        static RU: OnceLock<Texts> = OnceLock::new();
        static EN: OnceLock<Texts> = OnceLock::new();
        let cell = match self {
            Lang::Kk => &KK,
            Lang::Ru => &RU,
            Lang::En => &EN,
        };
        cell.get_or_init(|| Texts::new(self))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The catalogue source of a language, as compiled in.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => include_str!("kk.ftl"),
        Lang::Ru => include_str!("ru.ftl"),
        Lang::En => include_str!("en.ftl"),
    }
}

/// The message keys of a catalogue source, in file order (terms `-x` and attributes excluded).
pub fn keys(src: &str) -> Vec<String> {
    let res = match FluentResource::try_new(src.to_string()) {
        Ok(r) | Err((r, _)) => r,
    };
    res.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The messages of one language and its number formats.
pub struct Texts {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

/// One argument of a message: text, already formatted (numbers are formatted per language by
/// [`Texts`] before they go in).
pub enum Arg<'a> {
    Str(&'a str),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

/// A closure as the catalogue's functions are typed (the result may borrow the arguments).
fn fluent_function<F>(f: F) -> F
where
    F: for<'a> Fn(&[FluentValue<'a>], &FluentArgs) -> FluentValue<'a> + Sync + Send + 'static,
{
    f
}

/// The number a count is printed as ("1 234", "21,980", "−3"): its digits, without the
/// grouping; `None` when it holds no digit.
fn plural_operand(printed: &str) -> Option<f64> {
    let digits: String = printed.chars().filter(char::is_ascii_digit).collect();
    let n: f64 = digits.parse().ok()?;
    Some(if printed.starts_with(['−', '-']) { -n } else { n })
}

impl Texts {
    fn new(lang: Lang) -> Texts {
        let src = source(lang);
        // The catalogues are compiled in; a syntax error is a build defect the tests catch.
        let res = match FluentResource::try_new(src.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                debug_assert!(errors.is_empty(), "{}.ftl: {errors:?}", lang.code());
                r
            }
        };
        let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language code");
        let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
        // No Unicode isolation marks around arguments: the texts go into HTML, .docx and terminals.
        bundle.set_use_isolating(false);
        // PLURAL($n, one: "...", few: "...", many: "...", other: "..."): the form of a noun after
        // the count `n` (given as the text it is printed as, digits grouped) by the language's
        // CLDR plural rules, so that a sentence can say "1 day", "2 дня", "5 дней". A form the
        // message does not give falls back to `other`.
        let rules = intl_pluralrules::PluralRules::create(id.clone(), intl_pluralrules::PluralRuleType::CARDINAL)
            .expect("CLDR plural rules for kk, ru and en");
        let plural = fluent_function(move |positional, named| {
            let form = |name: &str| match named.get(name) {
                Some(FluentValue::String(s)) => Some(s.to_string()),
                _ => None,
            };
            let count = match positional.first() {
                Some(FluentValue::String(s)) => plural_operand(s),
                Some(FluentValue::Number(n)) => Some(n.value),
                _ => None,
            };
            let category = count.and_then(|n| rules.select(n).ok());
            let key = match category {
                Some(intl_pluralrules::PluralCategory::ZERO) => "zero",
                Some(intl_pluralrules::PluralCategory::ONE) => "one",
                Some(intl_pluralrules::PluralCategory::TWO) => "two",
                Some(intl_pluralrules::PluralCategory::FEW) => "few",
                Some(intl_pluralrules::PluralCategory::MANY) => "many",
                _ => "other",
            };
            FluentValue::String(form(key).or_else(|| form("other")).unwrap_or_default().into())
        });
        if let Err(e) = bundle.add_function("PLURAL", plural) {
            debug_assert!(false, "PLURAL: {e:?}");
        }
        if let Err(errors) = bundle.add_resource(res) {
            debug_assert!(errors.is_empty(), "{}.ftl: {errors:?}", lang.code());
        }
        Texts { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the catalogue holds `key`.
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    /// The message `key` without arguments.
    pub fn t(&self, key: &str) -> String {
        self.f(key, &[])
    }

    /// The message `key` with its arguments.
    pub fn f(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            debug_assert!(false, "message `{key}` is missing from {}.ftl", self.lang.code());
            return key.to_string();
        };
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            let Arg::Str(s) = value;
            fa.set(*name, FluentValue::from(*s));
        }
        let mut errors = Vec::new();
        let out = self.bundle.format_pattern(pattern, Some(&fa), &mut errors);
        debug_assert!(errors.is_empty(), "message `{key}` in {}.ftl: {errors:?}", self.lang.code());
        out.into_owned()
    }

    /// The message `key` with owned text arguments (the common case of generated sentences).
    pub fn fs(&self, key: &str, args: &[(&str, String)]) -> String {
        let a: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::Str(v.as_str()))).collect();
        self.f(key, &a)
    }

    /// The message `prefix-code` when the catalogue has it, else `code` as it is (codes such as
    /// file names and section letters are not translated).
    pub fn name(&self, prefix: &str, code: &str) -> String {
        let key = format!("{prefix}-{}", code.replace('_', "-"));
        if self.has(&key) { self.t(&key) } else { code.to_string() }
    }

    /// The thousands separator: a narrow no-break space (kk, ru, and the report's English).
    fn group(&self) -> char {
        '\u{202f}'
    }

    /// The decimal mark: a comma in Kazakh and Russian, a point in English.
    fn decimal(&self) -> char {
        match self.lang {
            Lang::Kk | Lang::Ru => ',',
            Lang::En => '.',
        }
    }

    /// An integer with its digits grouped and a true minus sign; never a negative zero.
    pub fn int(&self, n: i64) -> String {
        let out = crate::fmt::group_digits(n.unsigned_abs(), self.group());
        if n < 0 { format!("−{out}") } else { out }
    }

    /// A count inside a generated sentence: commas between thousands in English (`21,980`, as
    /// the explanations have always read), a narrow no-break space in Kazakh and Russian.
    pub fn count(&self, n: u64) -> String {
        match self.lang {
            Lang::En => crate::fmt::group_digits(n, ','),
            Lang::Kk | Lang::Ru => crate::fmt::group_digits(n, self.group()),
        }
    }

    /// A number with `digits` decimals and the language's decimal mark, without grouping, as
    /// a generated sentence writes scores and rates (`0.84`, `0,84`); never a negative zero.
    pub fn fixed(&self, x: f64, digits: usize) -> String {
        let s = format!("{:.*}", digits, x);
        let s = if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') { s[1..].to_string() } else { s };
        s.replace('.', &self.decimal().to_string())
    }

    /// As [`Texts::fixed`] with a sign always (`+6.1`, `-2.0`, `+0.0`).
    pub fn signed(&self, x: f64, digits: usize) -> String {
        let s = self.fixed(x, digits);
        if s.starts_with('-') { s } else { format!("+{s}") }
    }

    /// A number with `digits` decimals and the language's decimal mark; a value that rounds to
    /// zero is printed without a sign.
    pub fn dec(&self, x: f64, digits: usize) -> String {
        if !x.is_finite() {
            return String::new();
        }
        let s = format!("{:.*}", digits, x.abs());
        let zero = s.chars().all(|c| c == '0' || c == '.');
        let (int_part, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s.as_str(), None),
        };
        let mut out = String::new();
        if x < 0.0 && !zero {
            out.push('−');
        }
        out.push_str(&crate::fmt::group_digits(int_part.parse().unwrap_or(0), self.group()));
        if let Some(f) = frac {
            out.push(self.decimal());
            out.push_str(f);
        }
        out
    }

    /// A share as a percentage with `digits` decimals (`0.253` -> `25 %`).
    pub fn pct(&self, share: f64, digits: usize) -> String {
        format!("{}\u{a0}%", self.dec(100.0 * share, digits))
    }

    /// A date as the language writes it in documents (`2026 жылғы 5 желтоқсан`, `5 декабря
    /// 2026 г.`, `5 December 2026`): the pattern and the month names are in the catalogue.
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.t(&format!("month-{}", d.month()));
        let (day, year) = (d.day().to_string(), d.year().to_string());
        self.f("date-long", &[("day", Arg::Str(&day)), ("month", Arg::Str(&month)), ("year", Arg::Str(&year))])
    }
}
