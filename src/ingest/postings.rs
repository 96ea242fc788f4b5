//! Raw vacancy postings (one row per posting, as exported from Enbek.kz or hh.kz),
//! aggregated to region x OKED section x month: number of postings, number with a salary in
//! tenge, and the median offered salary.
//!
//! The file is streamed: records are parsed from a fixed buffer by a byte-level CSV state
//! machine and folded into the cell totals at once, so memory grows with the number of cells
//! and of stated salaries (8 bytes each, for the exact median), not with the file.
//!
//! Columns are found by name (case-insensitive, English or Russian), any others are ignored:
//!
//! | role | accepted names | required |
//! |---|---|---|
//! | date | `date`, `published_at`, `created_at`, `posted_at`, `дата`, `дата публикации` | unless `--month` gives a snapshot month |
//! | region | `region`, `area`, `city`, `регион`, `область`, `город` | unless a link column gives the job-board subdomain |
//! | link | `link`, `url`, `alternate_url`, `ссылка` | — |
//! | industry | `oked`, `oked_section`, `industry`, `section`, `отрасль`, `окэд` | no: postings without one count under a null section |
//! | salary | `salary`, `зарплата`, `заработная плата` | no |
//! | experience | `experience`, `опыт`, `опыт работы` | no |

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::text::Period;
use super::{IngestReport, Ingested, LongRow, Problem};
use crate::codes::{Area, OkedSection};
use crate::error::{Error, Location, Msg as Message, Result};

/// Currency of a salary text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Currency {
    Kzt,
    Rub,
    Usd,
    Eur,
}

impl Currency {
    fn code(self) -> &'static str {
        match self {
            Currency::Kzt => "KZT",
            Currency::Rub => "RUB",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
        }
    }
}

/// An offered salary as printed: a range, an open bound, gross or net.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Salary {
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    pub currency: Currency,
    /// `Some(true)` before tax (`до вычета налогов`), `Some(false)` net (`на руки`).
    pub gross: Option<bool>,
}

impl Salary {
    /// The middle of the range, or the one bound given.
    pub fn point(&self) -> f64 {
        match (self.lo, self.hi) {
            (Some(a), Some(b)) => (a + b) / 2.0,
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => unreachable!("a salary has at least one bound"),
        }
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || super::text::is_group_space(c)
}

/// Parses a salary text: `150 000 – 350 000 ₸ до вычета налогов`, `от 200 000 ₸ на руки`,
/// `до 1 500 $`, `300000`; `Not specified`, `не указана`, `договорная` and an empty text are
/// no salary (`Ok(None)`). A text with no amount otherwise, or more than two amounts, is an
/// error. Without a currency sign the amount is taken as tenge.
pub fn parse_salary(text: &str) -> std::result::Result<Option<Salary>, String> {
    let lower = text.replace("&nbsp;", " ").to_lowercase();
    let t = lower.trim_matches(is_space);
    if t.is_empty()
        || ["not specified", "не указан", "договорн", "по договоренности", "negotiable", "көрсетілмеген"]
            .iter()
            .any(|p| t.contains(p))
    {
        return Ok(None);
    }
    // Amounts: digits, with single spaces of any kind separating groups of three.
    let chars: Vec<char> = t.chars().collect();
    let mut amounts: Vec<(f64, usize)> = Vec::new(); // (value, char index of start)
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        while i < chars.len() && chars[i].is_ascii_digit() {
            digits.push(chars[i]);
            i += 1;
        }
        loop {
            let group = i + 1 < chars.len()
                && is_space(chars[i])
                && chars[i + 1..].iter().take(3).all(char::is_ascii_digit)
                && chars.len() >= i + 4
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
            if !group {
                break;
            }
            digits.extend(&chars[i + 1..i + 4]);
            i += 4;
        }
        amounts.push((digits.parse::<f64>().map_err(|_| format!("`{text}`: bad amount"))?, start));
    }
    let before = |pos: usize| -> String {
        let head: String = chars[..pos].iter().collect();
        head.split(is_space).rfind(|w| !w.is_empty()).unwrap_or("").to_string()
    };
    let (lo, hi) = match amounts.as_slice() {
        [] => return Err(format!("`{text}` states no amount")),
        [(a, p)] => match before(*p).as_str() {
            "от" | "from" | "бастап" => (Some(*a), None),
            "до" | "to" | "дейін" => (None, Some(*a)),
            _ => (Some(*a), Some(*a)),
        },
        [(a, _), (b, _)] if a <= b => (Some(*a), Some(*b)),
        [(a, _), (b, _)] => return Err(format!("`{text}`: the range runs backwards ({a} > {b})")),
        _ => return Err(format!("`{text}` states more than two amounts")),
    };
    let currency = if t.contains('₽') || t.contains("руб") || t.contains("rub") {
        Currency::Rub
    } else if t.contains('$') || t.contains("usd") {
        Currency::Usd
    } else if t.contains('€') || t.contains("eur") {
        Currency::Eur
    } else {
        Currency::Kzt
    };
    let gross = if t.contains("до вычета") || t.contains("gross") || t.contains("before tax") {
        Some(true)
    } else if t.contains("на руки") || t.contains("net") || t.contains("after tax") {
        Some(false)
    } else {
        None
    };
    Ok(Some(Salary { lo, hi, currency, gross }))
}

/// Experience band of a posting: `none`, `1-3`, `3-6`, `6+`, or `None` if not recognised.
pub fn experience_band(text: &str) -> Option<&'static str> {
    let t = text.replace("&nbsp;", " ").to_lowercase();
    let t = t.replace(['–', '—'], "-");
    if t.contains("без опыта")
        || t.contains("no experience")
        || t.contains("not required")
        || t.contains("не требуется")
    {
        Some("none")
    } else if t.contains("1-3") || t.contains("1 - 3") || t.contains("от 1 до 3") {
        Some("1-3")
    } else if t.contains("3-6") || t.contains("3 - 6") || t.contains("от 3 до 6") {
        Some("3-6")
    } else if t.contains("более 6") || t.contains("6+") || t.contains("more than 6") || t.contains("over 6") {
        Some("6+")
    } else {
        None
    }
}

/// Month of a date: `2024-11-05`, `2024-11-05T10:00:00+05:00`, `05.11.2024`, `2024-11`.
pub fn parse_month(s: &str) -> Option<Period> {
    month_of_bytes(s.as_bytes())
}

/// Region of a job-board link: `https://almaty.hh.kz/vacancy/1` -> Almaty city. The board's
/// city sites are cities (`almaty`, `astana`, `shymkent` are the cities of republican
/// significance; `karaganda.hh.kz` is a city of Karaganda Region).
pub fn link_region(link: &str) -> Option<Area> {
    let host = link.split("://").nth(1)?.split('/').next()?;
    let sub = host.split('.').next()?;
    if host.split('.').count() < 3 || matches!(sub, "www" | "hh" | "enbek" | "m") {
        return None;
    }
    let label = match sub {
        "almaty" | "astana" | "shymkent" => format!("{sub} city"),
        other => other.to_string(),
    };
    super::region_code(&label).ok()
}

fn section_of(text: &str) -> Option<OkedSection> {
    let t = text.trim();
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some(s) = OkedSection::from_letter(c.to_ascii_uppercase())
    {
        return Some(s);
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() >= 2 {
        return OkedSection::from_division(digits[..2].parse().ok()?);
    }
    let lower = t.to_lowercase();
    OkedSection::all().find(|s| {
        s.name_en().to_lowercase() == lower
            || s.name_ru().to_lowercase() == lower
            || s.name_kk().to_lowercase() == lower
    })
}

/// A streaming reader of delimited records from a fixed-size buffer.
struct Records<R: Read> {
    src: R,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    sep: u8,
}

enum Next {
    Record,
    End,
    /// End of file inside a quoted field.
    Unterminated,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum St {
    /// Nothing of the record read yet (blank lines are skipped here).
    Start,
    /// A field is open and empty.
    FieldStart,
    Unquoted,
    Quoted,
    /// Inside a quoted field, just after a quote: a second quote is a literal one.
    QuoteSeen,
}

impl<R: Read> Records<R> {
    fn new(src: R, sep: u8) -> Self {
        Records { src, buf: vec![0; 1 << 20], pos: 0, len: 0, eof: false, sep }
    }

    /// Refills the buffer when it is used up; false at the end of the input.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.pos < self.len {
            return Ok(true);
        }
        if self.eof {
            return Ok(false);
        }
        self.len = self.src.read(&mut self.buf)?;
        self.pos = 0;
        if self.len == 0 {
            self.eof = true;
        }
        Ok(self.len > 0)
    }

    /// Reads one record into `fields[..used]`; `start` gets the 1-based line where it begins.
    /// `lines` counts the lines consumed. Blank lines are skipped.
    fn next(
        &mut self,
        fields: &mut Vec<Vec<u8>>,
        used: &mut usize,
        lines: &mut usize,
        start: &mut usize,
    ) -> std::io::Result<Next> {
        *used = 0;
        let open = |fields: &mut Vec<Vec<u8>>, used: &mut usize| {
            if *used == fields.len() {
                fields.push(Vec::new());
            }
            fields[*used].clear();
            *used += 1;
        };
        let sep = self.sep;
        let mut st = St::Start;
        loop {
            if !self.fill()? {
                return Ok(match st {
                    St::Start => Next::End,
                    St::Quoted => Next::Unterminated,
                    _ => Next::Record,
                });
            }
            // Unquoted text up to the next separator, line end or quote is copied in one go.
            if matches!(st, St::Unquoted | St::FieldStart) {
                let chunk = &self.buf[self.pos..self.len];
                let run = chunk
                    .iter()
                    .position(|&b| b == sep || b == b'\n' || b == b'\r' || b == b'"')
                    .unwrap_or(chunk.len());
                let quote_opens = st == St::FieldStart && run == 0 && chunk.first() == Some(&b'"');
                if run > 0 || !quote_opens {
                    fields[*used - 1].extend_from_slice(&chunk[..run]);
                    self.pos += run;
                    if run > 0 {
                        st = St::Unquoted;
                    }
                    if self.pos == self.len {
                        continue;
                    }
                }
            } else if st == St::Quoted {
                let chunk = &self.buf[self.pos..self.len];
                let run = chunk.iter().position(|&b| b == b'"' || b == b'\n').unwrap_or(chunk.len());
                fields[*used - 1].extend_from_slice(&chunk[..run]);
                self.pos += run;
                if self.pos == self.len {
                    continue;
                }
            }
            let b = self.buf[self.pos];
            self.pos += 1;
            match (st, b) {
                (St::Start, b'\n') => *lines += 1,
                (St::Start, b'\r') => {}
                (St::Start, _) => {
                    *start = *lines;
                    open(fields, used);
                    st = St::FieldStart;
                    self.pos -= 1; // read the byte again as the field's first
                }
                (St::FieldStart, b'"') => st = St::Quoted,
                (St::FieldStart | St::Unquoted | St::QuoteSeen, x) if x == sep => {
                    open(fields, used);
                    st = St::FieldStart;
                }
                (St::FieldStart | St::Unquoted | St::QuoteSeen, b'\n') => {
                    *lines += 1;
                    return Ok(Next::Record);
                }
                (St::FieldStart | St::Unquoted | St::QuoteSeen, b'\r') => {}
                (St::Quoted, b'"') => st = St::QuoteSeen,
                (St::Quoted, x) => {
                    if x == b'\n' {
                        *lines += 1;
                    }
                    fields[*used - 1].push(x);
                }
                (St::QuoteSeen, b'"') => {
                    fields[*used - 1].push(b'"');
                    st = St::Quoted;
                }
                // A stray quote in an unquoted field, or text after a closing quote: kept.
                (St::FieldStart | St::Unquoted | St::QuoteSeen, x) => {
                    fields[*used - 1].push(x);
                    st = St::Unquoted;
                }
            }
        }
    }
}

#[derive(Default)]
struct CellAgg {
    postings: u64,
    salaries: Vec<f64>,
}

const MAX_PROBLEMS: usize = 100;
/// Distinct salary texts remembered with their parse (job boards repeat a few thousand forms).
const SALARY_CACHE: usize = 1 << 16;
const BATCH: usize = 4096;

/// The columns kvota uses, by role.
const ROLES: usize = 6;
const DATE: usize = 0;
const REGION: usize = 1;
const LINK: usize = 2;
const INDUSTRY: usize = 3;
const SALARY: usize = 4;
const EXPERIENCE: usize = 5;

/// Records handed from the parsing thread to the aggregating one: the bytes of the used
/// fields, and per record its line, field count and the spans of its role fields.
#[derive(Default)]
struct Batch {
    data: Vec<u8>,
    recs: Vec<RecMeta>,
}

/// A record's first line, its number of fields, and the byte spans of its role fields.
type RecMeta = (usize, usize, [(u32, u32); ROLES]);

enum Msg {
    Batch(Batch),
    Unterminated(Batch, usize),
    Failed(Batch, std::io::Error),
}

/// Month of a date written as bytes (see [`parse_month`]).
fn month_of_bytes(b: &[u8]) -> Option<Period> {
    let b = b.trim_ascii();
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        let d = b.get(r)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(d.iter().fold(0i32, |a, &c| a * 10 + i32::from(c - b'0')))
    };
    let (y, m) = if b.len() >= 7 && b[4] == b'-' {
        (num(0..4)?, num(5..7)?)
    } else if b.len() >= 10 && b[2] == b'.' && b[5] == b'.' {
        (num(6..10)?, num(3..5)?)
    } else {
        return None;
    };
    ((1..=12).contains(&m) && (1900..=2100).contains(&y)).then_some(Period::Month(y, m as u8))
}

/// Reads and aggregates a postings file. `month` is the snapshot month of a file without a
/// date column. Two threads: one splits the file into records, the other parses and adds
/// them up.
pub fn read(path: &Path, month: Option<Period>) -> Result<Ingested> {
    let (mut rec, header, utf8, lines) = open(path)?;
    let cols = columns(path, &header, month)?;
    let width = header.len();
    let mut agg = Aggregator::new(path, cols, header, utf8, month, width);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Msg>(4);
    std::thread::scope(|scope| {
        scope.spawn(move || split_records(&mut rec, lines, &cols, tx));
        for msg in rx {
            let batch = match msg {
                Msg::Batch(b) => b,
                Msg::Unterminated(b, line) => {
                    agg.ending = Some((line, Message::new("pst-unterminated")));
                    b
                }
                Msg::Failed(b, e) => {
                    agg.ending = Some((0, Message::new("pst-read-error").arg("detail", e)));
                    b
                }
            };
            for &(row, nfields, spans) in &batch.recs {
                agg.record(row, nfields, &batch.data, &spans);
            }
        }
    });
    Ok(agg.finish())
}

fn decode_with(utf8: bool, b: &[u8]) -> Cow<'_, str> {
    if utf8 { String::from_utf8_lossy(b) } else { encoding_rs::WINDOWS_1251.decode_without_bom_handling(b).0 }
}

type Source = std::io::Chain<std::io::Cursor<Vec<u8>>, File>;

/// Opens the file, detects the encoding and separator from its first 64 KiB, and reads the
/// header: the record splitter positioned after it, the lowercased column names, and whether
/// the text is UTF-8 (else Windows-1251), and the line count after the header.
fn open(path: &Path) -> Result<(Records<Source>, Vec<String>, bool, usize)> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut head = vec![0u8; 64 * 1024];
    let n = read_full(&mut file, &mut head).map_err(|e| Error::io(path, e))?;
    head.truncate(n);
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::input(Location::file(path), Message::new("err-file-empty")));
    }
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    let utf8 = bom
        || match std::str::from_utf8(&head) {
            Ok(_) => true,
            Err(e) => e.error_len().is_none() && n == 64 * 1024,
        };
    if !utf8 && head.contains(&0) {
        return Err(Error::input(Location::file(path), Message::new("pst-binary")));
    }
    let body = if bom { &head[3..] } else { &head[..] };
    let header_line = body.split(|&b| b == b'\n').next().unwrap_or(b"");
    let sep = if header_line.iter().filter(|&&b| b == b';').count() > header_line.iter().filter(|&&b| b == b',').count()
    {
        b';'
    } else {
        b','
    };
    let src = std::io::Cursor::new(body.to_vec()).chain(file);
    let mut rec = Records::new(src, sep);
    let mut fields: Vec<Vec<u8>> = Vec::new();
    let (mut used, mut lines, mut start) = (0, 1usize, 1usize);
    match rec.next(&mut fields, &mut used, &mut lines, &mut start).map_err(|e| Error::io(path, e))? {
        Next::Record => {}
        _ => return Err(Error::input(Location::file(path), Message::new("pst-no-header"))),
    }
    let header: Vec<String> = fields[..used].iter().map(|f| decode_with(utf8, f).trim().to_lowercase()).collect();
    Ok((rec, header, utf8, lines))
}

/// The column of each role, found by its usual names in Russian and English.
fn columns(path: &Path, header: &[String], month: Option<Period>) -> Result<[Option<usize>; ROLES]> {
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let mut cols: [Option<usize>; ROLES] = [None; ROLES];
    cols[DATE] = find(&["date", "published_at", "created_at", "posted_at", "дата", "дата публикации"]);
    cols[REGION] = find(&["region", "area", "city", "регион", "область", "город"]);
    cols[LINK] = find(&["link", "url", "alternate_url", "ссылка"]);
    cols[INDUSTRY] = find(&["oked", "oked_section", "industry", "section", "отрасль", "окэд"]);
    cols[SALARY] = find(&["salary", "зарплата", "заработная плата"]);
    cols[EXPERIENCE] = find(&["experience", "опыт", "опыт работы"]);
    if cols[DATE].is_none() && month.is_none() {
        return Err(Error::input(Location::row(path, 1), Message::new("pst-no-date-column")));
    }
    if cols[REGION].is_none() && cols[LINK].is_none() {
        return Err(Error::input(Location::row(path, 1), Message::new("pst-no-region-column")));
    }
    Ok(cols)
}

/// The splitting thread: records in batches of the role fields' bytes, sent to the parser.
fn split_records(
    rec: &mut Records<Source>,
    mut lines: usize,
    cols: &[Option<usize>; ROLES],
    tx: std::sync::mpsc::SyncSender<Msg>,
) {
    let mut fields: Vec<Vec<u8>> = Vec::new();
    let (mut used, mut start) = (0, 1usize);
    let mut batch = Batch::default();
    loop {
        match rec.next(&mut fields, &mut used, &mut lines, &mut start) {
            Ok(Next::Record) => {
                let mut spans = [(0u32, 0u32); ROLES];
                for (role, col) in cols.iter().enumerate() {
                    if let Some(c) = *col
                        && c < used
                    {
                        let a = batch.data.len() as u32;
                        batch.data.extend_from_slice(&fields[c]);
                        spans[role] = (a, batch.data.len() as u32);
                    }
                }
                batch.recs.push((start, used, spans));
                let full = batch.recs.len() == BATCH || batch.data.len() > (u32::MAX as usize) / 2;
                if full && tx.send(Msg::Batch(std::mem::take(&mut batch))).is_err() {
                    return;
                }
            }
            Ok(Next::End) => {
                let _ = tx.send(Msg::Batch(batch));
                return;
            }
            Ok(Next::Unterminated) => {
                let _ = tx.send(Msg::Unterminated(batch, start));
                return;
            }
            Err(e) => {
                let _ = tx.send(Msg::Failed(batch, e));
                return;
            }
        }
    }
}

/// The parsing side: caches keyed on bytes, the cells, the counts and the problems.
struct Aggregator<'p> {
    path: &'p Path,
    cols: [Option<usize>; ROLES],
    header: Vec<String>,
    utf8: bool,
    month: Option<Period>,
    width: usize,
    report: IngestReport,
    more_problems: usize,
    cells: HashMap<(&'static str, Option<OkedSection>, Period), CellAgg>,
    region_cache: HashMap<Vec<u8>, std::result::Result<&'static str, Message>>,
    link_cache: HashMap<Vec<u8>, std::result::Result<&'static str, Message>>,
    section_cache: HashMap<Vec<u8>, Option<OkedSection>>,
    salary_cache: HashMap<Vec<u8>, std::result::Result<Option<Salary>, String>>,
    band_cache: HashMap<Vec<u8>, &'static str>,
    unclassified: u64,
    no_salary: u64,
    bad_salary: u64,
    non_kzt: BTreeMap<&'static str, u64>,
    bad_salary_examples: Vec<String>,
    gross: u64,
    net: u64,
    bands: BTreeMap<&'static str, u64>,
    ending: Option<(usize, Message)>,
}

impl<'p> Aggregator<'p> {
    fn new(
        path: &'p Path,
        cols: [Option<usize>; ROLES],
        header: Vec<String>,
        utf8: bool,
        month: Option<Period>,
        width: usize,
    ) -> Self {
        Aggregator {
            path,
            cols,
            header,
            utf8,
            month,
            width,
            report: IngestReport { file: path.to_path_buf(), format: "postings", ..Default::default() },
            more_problems: 0,
            cells: HashMap::new(),
            region_cache: HashMap::new(),
            link_cache: HashMap::new(),
            section_cache: HashMap::new(),
            salary_cache: HashMap::new(),
            band_cache: HashMap::new(),
            unclassified: 0,
            no_salary: 0,
            bad_salary: 0,
            non_kzt: BTreeMap::new(),
            bad_salary_examples: Vec::new(),
            gross: 0,
            net: 0,
            bands: BTreeMap::new(),
            ending: None,
        }
    }

    fn col_name(&self, role: usize) -> String {
        self.cols[role].map(|c| self.header[c].clone()).unwrap_or_default()
    }

    fn problem(&mut self, row: usize, col: String, message: Message) {
        if self.report.problems.len() < MAX_PROBLEMS {
            let location =
                if col.is_empty() { Location::row(self.path, row) } else { Location::cell(self.path, row, col) };
            self.report.problems.push(Problem { location, message });
        } else {
            self.more_problems += 1;
        }
    }

    /// Parses one record and adds it to its cell.
    fn record(&mut self, row: usize, nfields: usize, data: &[u8], spans: &[(u32, u32); ROLES]) {
        let cols = self.cols;
        let field = |role: usize| -> Option<&[u8]> {
            cols[role].map(|_| &data[spans[role].0 as usize..spans[role].1 as usize])
        };
        if nfields != self.width {
            let w = self.width;
            self.problem(row, String::new(), Message::new("pst-fields").arg("fields", nfields).arg("width", w));
            return;
        }
        self.report.rows_read += 1;
        let period = match field(DATE) {
            Some(d) => match month_of_bytes(d) {
                Some(p) => p,
                None => {
                    let shown = decode_with(self.utf8, d).into_owned();
                    self.problem(row, self.col_name(DATE), Message::new("pst-date").arg("value", shown));
                    return;
                }
            },
            None => self.month.expect("checked"),
        };
        let Some(region) = self.region(row, field(REGION), field(LINK)) else { return };
        let section = self.section(field(INDUSTRY));
        let salary = field(SALARY).and_then(|f| self.salary(row, f));
        let cell = self.cells.entry((region, section, period)).or_default();
        cell.postings += 1;
        if let Some(p) = salary {
            cell.salaries.push(p);
        }
        if let Some(f) = field(EXPERIENCE) {
            let band = match self.band_cache.get(f) {
                Some(b) => *b,
                None => {
                    let b = experience_band(&decode_with(self.utf8, f)).unwrap_or("unrecognised");
                    self.band_cache.insert(f.to_vec(), b);
                    b
                }
            };
            *self.bands.entry(band).or_default() += 1;
        }
    }

    /// The region of a record, from its region column or else its job-board link.
    fn region(&mut self, row: usize, region: Option<&[u8]>, link: Option<&[u8]>) -> Option<&'static str> {
        let named = region.filter(|r| !r.is_empty());
        let (role, key) = match (named, link) {
            (Some(_), _) | (None, None) => (REGION, named.or(region).unwrap_or(b"")),
            (None, Some(l)) => (LINK, l),
        };
        let cache = if role == LINK { &mut self.link_cache } else { &mut self.region_cache };
        let got = match cache.get(key) {
            Some(g) => g.clone(),
            None => {
                let text = decode_with(self.utf8, key);
                let g = if role == LINK {
                    link_region(&text)
                        .map(Area::code)
                        .ok_or_else(|| Message::new("pst-link-region").arg("value", &text))
                } else {
                    super::region_code(&text).map(Area::code).map_err(Message::from)
                };
                cache.insert(key.to_vec(), g.clone());
                g
            }
        };
        match got {
            Ok(code) => Some(code),
            Err(m) => {
                self.problem(row, self.col_name(role), m);
                None
            }
        }
    }

    /// The OKED section of a record (`None`, counted, when it names none).
    fn section(&mut self, industry: Option<&[u8]>) -> Option<OkedSection> {
        let s = match industry.filter(|f| !f.is_empty()) {
            Some(f) => match self.section_cache.get(f) {
                Some(s) => *s,
                None => {
                    let s = section_of(&decode_with(self.utf8, f));
                    self.section_cache.insert(f.to_vec(), s);
                    s
                }
            },
            None => None,
        };
        if s.is_none() {
            self.unclassified += 1;
        }
        s
    }

    /// A record's salary in tenge (for the cell's median), counting what is stated how.
    fn salary(&mut self, row: usize, f: &[u8]) -> Option<f64> {
        let parsed = match self.salary_cache.get(f) {
            Some(p) => p.clone(),
            None => {
                let p = parse_salary(&decode_with(self.utf8, f));
                if self.salary_cache.len() < SALARY_CACHE {
                    self.salary_cache.insert(f.to_vec(), p.clone());
                }
                p
            }
        };
        match parsed {
            Ok(Some(s)) if s.currency == Currency::Kzt => {
                match s.gross {
                    Some(true) => self.gross += 1,
                    Some(false) => self.net += 1,
                    None => {}
                }
                return Some(s.point());
            }
            Ok(Some(s)) => *self.non_kzt.entry(s.currency.code()).or_insert(0) += 1,
            Ok(None) => self.no_salary += 1,
            Err(m) => {
                self.bad_salary += 1;
                if self.bad_salary_examples.len() < 5 {
                    self.bad_salary_examples.push(format!("row {row}: {m}"));
                }
            }
        }
        None
    }

    /// The report's notes and the long table's rows: counts, counts with a salary, median.
    fn finish(mut self) -> Ingested {
        let path = self.path;
        let report = &mut self.report;
        if let Some((line, message)) = self.ending.take() {
            let location = if line > 0 { Location::row(path, line) } else { Location::file(path) };
            report.problems.push(Problem { location, message });
        }
        if self.more_problems > 0 {
            report.skipped.push(Message::new("pst-more-problems").arg("count", self.more_problems));
        }
        if self.unclassified > 0 {
            report.skipped.push(Message::new("pst-unclassified").arg("count", self.unclassified));
        }
        if self.cols[SALARY].is_some() {
            report.skipped.push(
                Message::new("pst-salaries")
                    .arg("kzt", self.cells.values().map(|c| c.salaries.len() as u64).sum::<u64>())
                    .arg("gross", self.gross)
                    .arg("net", self.net)
                    .arg("none", self.no_salary),
            );
            for (cur, n) in &self.non_kzt {
                report.skipped.push(Message::new("pst-currency").arg("count", n).arg("currency", cur));
            }
            if self.bad_salary > 0 {
                report.skipped.push(
                    Message::new("pst-bad-salaries")
                        .arg("count", self.bad_salary)
                        .arg("examples", self.bad_salary_examples.join("; ")),
                );
            }
        }
        if !self.bands.is_empty() {
            let b: Vec<String> = self.bands.iter().map(|(k, v)| format!("{k} {v}")).collect();
            report.skipped.push(Message::new("pst-bands").arg("bands", b.join(", ")));
        }
        let mut keys: Vec<_> = self.cells.keys().copied().collect();
        keys.sort();
        let mut rows = Vec::with_capacity(keys.len() * 3);
        for key in keys {
            let cell = self.cells.get_mut(&key).expect("key");
            let (region, section, period) = key;
            let mk = |indicator: &str, value: Option<f64>, flag: Option<&str>| LongRow {
                indicator: indicator.to_string(),
                region_code: region.to_string(),
                oked_section: section.map(|s| s.code().to_string()),
                period,
                value,
                flag: flag.map(str::to_string),
                source: Location::file(path),
            };
            rows.push(mk("vacancy postings", Some(cell.postings as f64), None));
            rows.push(mk("vacancy postings with a salary in tenge", Some(cell.salaries.len() as f64), None));
            let med = median(&mut cell.salaries);
            rows.push(mk(
                "median offered salary, tenge per month",
                med,
                if med.is_none() { Some("no salary stated") } else { None },
            ));
        }
        Ingested::finish(rows, std::mem::take(&mut self.report))
    }
}

/// Exact median (mean of the two middle values for an even count).
fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mid = v.len() / 2;
    let (_, m, _) = v.select_nth_unstable_by(mid, f64::total_cmp);
    let m = *m;
    if v.len() % 2 == 1 {
        Some(m)
    } else {
        let lower = v[..mid].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Some((lower + m) / 2.0)
    }
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        let k = r.read(&mut buf[n..])?;
        if k == 0 {
            break;
        }
        n += k;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sal(s: &str) -> Salary {
        parse_salary(s).unwrap().unwrap_or_else(|| panic!("{s}: no salary"))
    }

    #[test]
    fn salary_texts_of_hh_kz() {
        let s = sal("150\u{202f}000 – 350\u{202f}000 ₸ до вычета налогов");
        assert_eq!((s.lo, s.hi, s.currency, s.gross), (Some(150000.0), Some(350000.0), Currency::Kzt, Some(true)));
        assert_eq!(s.point(), 250000.0);
        let s = sal("от 200\u{202f}000 ₸ на руки");
        assert_eq!((s.lo, s.hi, s.gross), (Some(200000.0), None, Some(false)));
        let s = sal("до 1\u{202f}500 $ на руки");
        assert_eq!((s.lo, s.hi, s.currency), (None, Some(1500.0), Currency::Usd));
        let s = sal("500\u{202f}000 – 1\u{202f}200\u{202f}000 ₸ на руки");
        assert_eq!((s.lo, s.hi), (Some(500000.0), Some(1200000.0)));
        assert_eq!(sal("90\u{202f}000 – 120\u{202f}000 ₽ на руки").currency, Currency::Rub);
        assert_eq!(sal("300000").point(), 300000.0);
        assert_eq!(parse_salary("Not specified").unwrap(), None);
        assert_eq!(parse_salary("з/п не указана").unwrap(), None);
        assert!(parse_salary("высокая").is_err());
        assert!(parse_salary("500 000 – 100 000 ₸").is_err());
    }

    #[test]
    fn bands_months_links_sections() {
        assert_eq!(experience_band("Опыт более 6&nbsp;лет"), Some("6+"));
        assert_eq!(experience_band("Опыт 1-3 года"), Some("1-3"));
        assert_eq!(experience_band("Без опыта"), Some("none"));
        assert_eq!(parse_month("2024-11-05T10:00:00+05:00"), Some(Period::Month(2024, 11)));
        assert_eq!(parse_month("05.11.2024"), Some(Period::Month(2024, 11)));
        assert_eq!(parse_month("2024-13-01"), None);
        assert_eq!(link_region("https://almaty.hh.kz/vacancy/1?x=y").map(Area::code), Some("KZ-75"));
        assert_eq!(link_region("https://hh.kz/vacancy/1").map(Area::code), None);
        assert_eq!(section_of("62.01").map(|s| s.code()), Some("J"));
        assert_eq!(section_of("f").map(|s| s.code()), Some("F"));
        assert_eq!(section_of("Строительство").map(|s| s.code()), Some("F"));
        assert_eq!(section_of("IT"), None);
    }

    #[test]
    fn medians() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn records_with_quotes_and_blank_lines() {
        let text = b"a;b;c\n1;\"x;y\";3\n\n\"q\"\"q\";;\r\nlast;2;\"multi\nline\"";
        let mut r = Records::new(&text[..], b';');
        let (mut f, mut used, mut lines, mut start) = (Vec::new(), 0, 1, 0);
        let mut got = Vec::new();
        let mut starts = Vec::new();
        while let Next::Record = r.next(&mut f, &mut used, &mut lines, &mut start).unwrap() {
            got.push(f[..used].iter().map(|x| String::from_utf8(x.clone()).unwrap()).collect::<Vec<_>>());
            starts.push(start);
        }
        assert_eq!(starts, [1, 2, 4, 5]);
        assert_eq!(
            got,
            vec![vec!["a", "b", "c"], vec!["1", "x;y", "3"], vec!["q\"q", "", ""], vec!["last", "2", "multi\nline"],]
        );
    }
}
