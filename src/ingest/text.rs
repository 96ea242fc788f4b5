//! Numbers and period labels as statistical offices print them.
//!
//! A BNS cell holds either a number — with a comma or point decimal, space, no-break-space
//! (U+00A0), narrow no-break-space (U+202F) or thin-space (U+2009) thousands separators, and
//! possibly a footnote mark glued to it (`78,8*`, `12,5 1)`, `3¹`) — or a symbol standing for
//! no number: `-` (no such phenomenon, or the unit did not exist), `x` (confidential), `...`
//! (not available). [`parse_cell`] tells these apart and never guesses: anything else is an
//! error for the caller to place in its file, row and column.

use std::fmt;

use crate::error::Msg;

/// What a cell said.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A number, with the footnote mark that was glued to it, if any (`*`, `1)`).
    Number(f64, Option<String>),
    /// A symbol in place of a number, normalised: `-`, `x`, `...`.
    Flag(&'static str),
    /// Nothing at all.
    Empty,
}

impl Cell {
    /// The value and the flag column of the long table for this cell.
    pub fn value_and_flag(&self) -> (Option<f64>, Option<String>) {
        match self {
            Cell::Number(v, None) => (Some(*v), None),
            Cell::Number(v, Some(mark)) => (Some(*v), Some(format!("footnote {mark}"))),
            Cell::Flag(f) => (None, Some((*f).to_string())),
            Cell::Empty => (None, Some("empty".to_string())),
        }
    }
}

/// Why a text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotANumber(pub String);

impl fmt::Display for NotANumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Msg::from(self.clone()))
    }
}

impl From<NotANumber> for Msg {
    fn from(e: NotANumber) -> Msg {
        Msg::new("err-not-a-cell").arg("value", e.0)
    }
}

/// Characters used as thousands separators in official tables.
pub(crate) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

/// Trims ordinary and typographic spaces.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_group_space(c) || c == '\u{feff}')
}

/// Parses one cell of text (see the module documentation).
pub fn parse_cell(raw: &str) -> Result<Cell, NotANumber> {
    let s = trim(raw);
    if s.is_empty() {
        return Ok(Cell::Empty);
    }
    match s {
        "-" | "–" | "—" | "−" | "--" => return Ok(Cell::Flag("-")),
        "x" | "X" | "х" | "Х" => return Ok(Cell::Flag("x")),
        "..." | "…" | ".." | "…." => return Ok(Cell::Flag("...")),
        _ => {}
    }
    let (body, mark) = split_footnote(s);
    let body = trim(body);
    if body.is_empty() {
        return Err(NotANumber(raw.to_string()));
    }
    let v = parse_number_text(body).ok_or_else(|| NotANumber(raw.to_string()))?;
    Ok(Cell::Number(v, mark))
}

/// Splits a trailing footnote mark off a number: `*`, `**`, `1)`, ` 3)`, superscript digits.
/// A mark of digits needs the closing bracket, so `12,5 1` stays a malformed number rather
/// than becoming 12.5 with footnote 1.
fn split_footnote(s: &str) -> (&str, Option<String>) {
    let stars = s.len() - s.trim_end_matches('*').len();
    if stars > 0 {
        return (&s[..s.len() - stars], Some("*".repeat(stars)));
    }
    if let Some(head) = s.strip_suffix(')') {
        let run = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let spaced = head[..head.len() - run].ends_with(|c: char| c.is_whitespace() || is_group_space(c));
        // `12,5 1)`: the mark is the (one or two) digits after the space. `12,51)`: a mark
        // glued to the number is its last digit only.
        let digits = if spaced && run <= 2 { run } else { run.min(1) };
        if digits > 0 {
            let body = &head[..head.len() - digits];
            if !trim(body).is_empty() {
                return (body, Some(format!("{})", &head[head.len() - digits..])));
            }
        }
    }
    let sup = s.len() - s.trim_end_matches(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰']).len();
    if sup > 0 {
        return (&s[..s.len() - sup], Some(s[s.len() - sup..].to_string()));
    }
    (s, None)
}

/// A number with optional sign, group separators and a comma or point decimal.
///
/// Rules (BNS practice): spaces of any kind separate thousands; a lone comma is the decimal
/// mark; when both `.` and `,` occur the later one is the decimal mark and the other groups
/// thousands (`1.234,5`, `1,234.5`). Group separators must split the integer part into groups
/// of three, so `1 23` is refused.
pub fn parse_number_text(s: &str) -> Option<f64> {
    let s = trim(s);
    let (neg, rest) = match s.chars().next()? {
        '-' | '−' | '–' => (true, &s[s.chars().next()?.len_utf8()..]),
        '+' => (false, &s[1..]),
        _ => (false, s),
    };
    let rest = trim(rest);
    let last_comma = rest.rfind(',');
    let last_point = rest.rfind('.');
    let decimal = match (last_comma, last_point) {
        (Some(c), Some(p)) => Some(if c > p { ',' } else { '.' }),
        (Some(_), None) => {
            if rest.matches(',').count() == 1 {
                Some(',')
            } else {
                None
            }
        }
        (None, Some(_)) => {
            if rest.matches('.').count() == 1 {
                Some('.')
            } else {
                None
            }
        }
        (None, None) => None,
    };
    let group_mark = match decimal {
        Some(',') if last_point.is_some() => Some('.'),
        Some('.') if last_comma.is_some() => Some(','),
        None if last_comma.is_some() => Some(','),
        None if last_point.is_some() => Some('.'),
        _ => None,
    };
    let (int_part, frac_part) = match decimal {
        Some(d) => {
            let i = rest.rfind(d).expect("present");
            (&rest[..i], Some(&rest[i + 1..]))
        }
        None => (rest, None),
    };
    // Integer part: digits in groups of three after the first when separated.
    let groups: Vec<&str> = int_part.split(|c: char| is_group_space(c) || Some(c) == group_mark).collect();
    if groups.iter().any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit())) {
        // `,5` (no integer digits) is accepted as 0,5 only when nothing else is wrong.
        if !(groups.len() == 1 && groups[0].is_empty() && frac_part.is_some_and(|f| !f.is_empty())) {
            return None;
        }
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let mut text = String::with_capacity(rest.len() + 1);
    if neg {
        text.push('-');
    }
    for g in &groups {
        text.push_str(g);
    }
    if text.is_empty() || text == "-" {
        text.push('0');
    }
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.push('.');
        text.push_str(f);
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A statistical period, printed as `2023`, `2023Q2` or `2023-05`.
///
/// Periods sort by their last month, and a shorter period before a longer one ending the
/// same month: `2023-03 < 2023Q1 < 2023Q2 < … < 2023Q4 < 2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u8),
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |p: &Period| {
            let len = match p {
                Period::Month(..) => 0,
                Period::Quarter(..) => 1,
                Period::Year(_) => 2,
            };
            (p.last_month(), len)
        };
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Period {
    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
        }
    }

    /// The last month of the period as `YYYYMM` (the `PERIOD` column of BNS open data).
    pub fn last_month(self) -> i32 {
        match self {
            Period::Year(y) => y * 100 + 12,
            Period::Quarter(y, q) => y * 100 + i32::from(q) * 3,
            Period::Month(y, m) => y * 100 + i32::from(m),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

/// A label without the footnote mark glued to its end: `year2)` -> `year`, `2015*` -> `2015`,
/// `Unemployment rate1)` -> `Unemployment rate`.
pub fn strip_mark(s: &str) -> &str {
    let t = trim(s).trim_end_matches('*');
    match t.strip_suffix(')') {
        Some(h) if !h.contains('(') => {
            let run = h.len() - h.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if (1..=2).contains(&run) { trim(&h[..h.len() - run]) } else { t }
        }
        _ => t,
    }
}

/// A year written alone in a header cell: `2001`, `2001 год`, `2001 г.`, `2001 жыл`,
/// `2001 year`, `2001*`. Years outside 1950-2100 are not taken for years.
pub fn parse_year_label(s: &str) -> Option<i32> {
    let s = trim(s).to_lowercase();
    let s = s.trim_end_matches(['*', '.', ')']);
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let rest = trim(&s[digits.len()..]);
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ')');
    let ok = matches!(trim(rest), "" | "год" | "г" | "г." | "жыл" | "ж" | "ж." | "year" | "годы");
    let y: i32 = digits.parse().ok()?;
    (ok && (1950..=2100).contains(&y)).then_some(y)
}

/// A sub-period header under a year: `I quarter`, `II квартал`, `3 квартал`, `IV тоқсан`,
/// `year`/`год`/`жыл` (the annual column), or a month name in English, Russian or Kazakh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubPeriod {
    Quarter(u8),
    Month(u8),
    WholeYear,
}

pub fn parse_sub_period(s: &str) -> Option<SubPeriod> {
    let s = trim(strip_mark(s)).to_lowercase();
    let s = s.trim_end_matches(['*', '.']);
    if matches!(s, "year" | "год" | "жыл" | "за год" | "annual" | "total year") {
        return Some(SubPeriod::WholeYear);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() == 2 && matches!(words[1], "quarter" | "квартал" | "кв" | "тоқсан" | "токсан") {
        return parse_quarter_number(words[0]).map(SubPeriod::Quarter);
    }
    if words.len() == 2 && words[0] == "quarter" {
        return parse_quarter_number(words[1]).map(SubPeriod::Quarter);
    }
    if words.len() == 1 {
        if let Some(q) = s.strip_prefix('q').and_then(parse_quarter_number) {
            return Some(SubPeriod::Quarter(q));
        }
        return month_number(s).map(SubPeriod::Month);
    }
    None
}

fn parse_quarter_number(s: &str) -> Option<u8> {
    match s.trim_end_matches(['-', '.']) {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

/// Month number from an English, Russian (nominative or genitive) or Kazakh month name.
pub fn month_number(s: &str) -> Option<u8> {
    const NAMES: [&[&str]; 12] = [
        &["january", "jan", "январь", "января", "қаңтар"],
        &["february", "feb", "февраль", "февраля", "ақпан"],
        &["march", "mar", "март", "марта", "наурыз"],
        &["april", "apr", "апрель", "апреля", "сәуір"],
        &["may", "май", "мая", "мамыр"],
        &["june", "jun", "июнь", "июня", "маусым"],
        &["july", "jul", "июль", "июля", "шілде"],
        &["august", "aug", "август", "августа", "тамыз"],
        &["september", "sep", "sept", "сентябрь", "сентября", "қыркүйек"],
        &["october", "oct", "октябрь", "октября", "қазан"],
        &["november", "nov", "ноябрь", "ноября", "қараша"],
        &["december", "dec", "декабрь", "декабря", "желтоқсан"],
    ];
    let s = trim(s).to_lowercase();
    NAMES.iter().position(|names| names.contains(&s.as_str())).map(|i| i as u8 + 1)
}

/// A period label of BNS open data (`DAT`): `2006 год`, `2006`, `3 квартал 2015 г.`,
/// `III квартал 2015`, `Q3 2015`, `январь 2020`, `2020 январь`, `2015Q3`, `2020-01`.
pub fn parse_period_label(s: &str) -> Option<Period> {
    let t = trim(s).to_lowercase();
    if let Some(y) = parse_year_label(&t) {
        return Some(Period::Year(y));
    }
    if let Some((y, q)) = t.split_once('q')
        && let (Ok(y), Ok(q)) = (y.parse::<i32>(), q.parse::<u8>())
        && (1..=4).contains(&q)
    {
        return Some(Period::Quarter(y, q));
    }
    if let Some((y, m)) = t.split_once('-')
        && let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u8>())
        && (1..=12).contains(&m)
        && y > 1900
    {
        return Some(Period::Month(y, m));
    }
    let words: Vec<&str> = t
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !matches!(*w, "г" | "год" | "жыл" | "ж"))
        .collect();
    let year_pos = words.iter().position(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))?;
    let year: i32 = words[year_pos].parse().ok()?;
    let rest: Vec<&str> = words.iter().enumerate().filter(|(i, _)| *i != year_pos).map(|(_, w)| *w).collect();
    match rest.as_slice() {
        [n, "квартал" | "quarter" | "тоқсан" | "кв"] => {
            parse_quarter_number(n).map(|q| Period::Quarter(year, q))
        }
        ["q1"] => Some(Period::Quarter(year, 1)),
        ["q2"] => Some(Period::Quarter(year, 2)),
        ["q3"] => Some(Period::Quarter(year, 3)),
        ["q4"] => Some(Period::Quarter(year, 4)),
        [m] => month_number(m).map(|m| Period::Month(year, m)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> f64 {
        match parse_cell(s).unwrap() {
            Cell::Number(v, _) => v,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn numbers_as_printed() {
        assert_eq!(num("14 602"), 14602.0);
        assert_eq!(num("332\u{a0}720"), 332720.0);
        assert_eq!(num("150\u{202f}000"), 150000.0);
        assert_eq!(num("78,8"), 78.8);
        assert_eq!(num("1.234,5"), 1234.5);
        assert_eq!(num("1,234.5"), 1234.5);
        assert_eq!(num("-3,2"), -3.2);
        assert_eq!(num("1 234 567,25"), 1234567.25);
        assert_eq!(num("7"), 7.0);
        assert_eq!(num(" 12.5 "), 12.5);
    }

    #[test]
    fn footnotes_are_split_and_kept() {
        assert_eq!(parse_cell("78,8*").unwrap(), Cell::Number(78.8, Some("*".into())));
        assert_eq!(parse_cell("12,5 1)").unwrap(), Cell::Number(12.5, Some("1)".into())));
        assert_eq!(parse_cell("4,1²").unwrap(), Cell::Number(4.1, Some("²".into())));
        assert_eq!(parse_cell("78,8*").unwrap().value_and_flag().1.as_deref(), Some("footnote *"));
    }

    #[test]
    fn symbols_are_flags_and_garbage_is_refused() {
        assert_eq!(parse_cell("-").unwrap(), Cell::Flag("-"));
        assert_eq!(parse_cell("х").unwrap(), Cell::Flag("x"));
        assert_eq!(parse_cell("…").unwrap(), Cell::Flag("..."));
        assert_eq!(parse_cell("  ").unwrap(), Cell::Empty);
        for bad in ["abc", "1 23", "12,5 1", "1,2,3.4.5", "1e5", "--5", "NaN", "inf", ")", "*"] {
            assert!(parse_cell(bad).is_err(), "{bad} accepted as {:?}", parse_cell(bad));
        }
    }

    #[test]
    fn periods() {
        assert_eq!(parse_period_label("2006 год"), Some(Period::Year(2006)));
        assert_eq!(parse_period_label("3 квартал 2015 г."), Some(Period::Quarter(2015, 3)));
        assert_eq!(parse_period_label("IV квартал 2015"), Some(Period::Quarter(2015, 4)));
        assert_eq!(parse_period_label("январь 2020"), Some(Period::Month(2020, 1)));
        assert_eq!(parse_period_label("2023Q2"), Some(Period::Quarter(2023, 2)));
        assert_eq!(parse_period_label("2023-05"), Some(Period::Month(2023, 5)));
        assert_eq!(parse_period_label("весна 2020"), None);
        assert_eq!(Period::Quarter(2015, 3).last_month(), 201509);
        assert_eq!(Period::Month(2023, 5).to_string(), "2023-05");
        assert_eq!(parse_sub_period("III quarter"), Some(SubPeriod::Quarter(3)));
        assert_eq!(parse_sub_period("year"), Some(SubPeriod::WholeYear));
        assert_eq!(parse_sub_period("2 квартал"), Some(SubPeriod::Quarter(2)));
        assert_eq!(parse_year_label("2001"), Some(2001));
        assert_eq!(parse_year_label("2001 г."), Some(2001));
        assert_eq!(parse_year_label("12345"), None);
        assert_eq!(parse_sub_period("year2)"), Some(SubPeriod::WholeYear));
        assert_eq!(parse_sub_period("III квартал"), Some(SubPeriod::Quarter(3)));
        assert_eq!(strip_mark("Unemployment rate1)"), "Unemployment rate");
        assert_eq!(strip_mark("Shimkent city 3)"), "Shimkent city");
        assert_eq!(strip_mark("(2015)"), "(2015)");
    }
}
