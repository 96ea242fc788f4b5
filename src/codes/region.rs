//! Regions of Kazakhstan keyed on ISO 3166-2:KZ, their names in Kazakh, Russian and English,
//! the spelling variants found in real statistical files, and the territorial changes of 2018
//! and 2022 that older series must be mapped through.

use crate::error::Msg;
use crate::i18n::Lang;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Whether an administrative unit is an oblast or a city of republican significance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Oblast,
    City,
}

struct RegionInfo {
    iso: &'static str,
    en: &'static str,
    ru: &'static str,
    kk: &'static str,
    kind: Kind,
    /// Spellings seen in BNS spreadsheets, open-data exports, Enbek/hh files and GitHub
    /// re-publications. Matching is also insensitive to case, punctuation, footnote marks,
    /// Cyrillic/Latin script and the usual transliteration pairs (q/k, y/i, j/zh).
    variants: &'static [&'static str],
}

/// The 20 first-level units since 8 June 2022: 17 oblasts and 3 cities of republican
/// significance, in the order of their ISO 3166-2:KZ codes.
const REGIONS: [RegionInfo; 20] = [
    RegionInfo {
        iso: "KZ-10",
        en: "Abai Region",
        ru: "Абайская область",
        kk: "Абай облысы",
        kind: Kind::Oblast,
        variants: &["ABY", "Abai", "Abay", "Abay Region", "Абай", "область Абай", "Абайская", "ABAI OBLYSY"],
    },
    RegionInfo {
        iso: "KZ-11",
        en: "Akmola Region",
        ru: "Акмолинская область",
        kk: "Ақмола облысы",
        kind: Kind::Oblast,
        variants: &["AKM", "Akmola", "Aqmola", "Akmolinskaya", "Акмолинская", "Ақмола", "AKMOLA OBLYSY", "Akmolinsk"],
    },
    RegionInfo {
        iso: "KZ-15",
        en: "Aktobe Region",
        ru: "Актюбинская область",
        kk: "Ақтөбе облысы",
        kind: Kind::Oblast,
        variants: &[
            "AKT",
            "Aktobe",
            "Aqtobe",
            "Aktubinskaya",
            "Aktyubinskaya",
            "Aktyubinsk",
            "Актюбинская",
            "Ақтөбе",
            "AKTOBE OBLYSY",
        ],
    },
    RegionInfo {
        iso: "KZ-19",
        en: "Almaty Region",
        ru: "Алматинская область",
        kk: "Алматы облысы",
        kind: Kind::Oblast,
        variants: &[
            "ALM",
            "Almaty Region",
            "Almatinskaya",
            "Алматинская",
            "Alma-Ata's region",
            "Alma-Ata region",
            "ALMATY OBLYSY",
        ],
    },
    RegionInfo {
        iso: "KZ-23",
        en: "Atyrau Region",
        ru: "Атырауская область",
        kk: "Атырау облысы",
        kind: Kind::Oblast,
        variants: &["ATY", "Atyrau", "Atyrauskaya", "Атырауская", "Атырау", "ATYRAU OBLYSY"],
    },
    RegionInfo {
        iso: "KZ-27",
        en: "West Kazakhstan Region",
        ru: "Западно-Казахстанская область",
        kk: "Батыс Қазақстан облысы",
        kind: Kind::Oblast,
        variants: &[
            "ZKO",
            "West Kazakhstan",
            "Western Kazakhstan",
            "Western-Kazakhstan",
            "Zapadno-Kazakhstanskaya",
            "Западно-Казахстанская",
            "ЗКО",
            "Батыс Қазақстан",
            "BATYS KAZAKHSTAN",
            "BATYS QAZAQSTAN",
        ],
    },
    RegionInfo {
        iso: "KZ-31",
        en: "Zhambyl Region",
        ru: "Жамбылская область",
        kk: "Жамбыл облысы",
        kind: Kind::Oblast,
        variants: &["ZHM", "Zhambyl", "Jambyl", "Zhambylskaya", "Жамбылская", "Жамбыл", "Dzhambul", "ZHAMBYL OBLYSY"],
    },
    RegionInfo {
        iso: "KZ-33",
        en: "Zhetysu Region",
        ru: "область Жетісу",
        kk: "Жетісу облысы",
        kind: Kind::Oblast,
        variants: &["ZHT", "Zhetysu", "Zhetisu", "Jetisu", "Жетісу", "Жетысу", "Жетысуская", "ZHETISU OBLYSY"],
    },
    RegionInfo {
        iso: "KZ-35",
        en: "Karaganda Region",
        ru: "Карагандинская область",
        kk: "Қарағанды облысы",
        kind: Kind::Oblast,
        variants: &[
            "KRG",
            "Karaganda",
            "Qaraganda",
            "Karagandinskaya",
            "Карагандинская",
            "Қарағанды",
            "KARAGANDY OBLYSY",
        ],
    },
    RegionInfo {
        iso: "KZ-39",
        en: "Kostanay Region",
        ru: "Костанайская область",
        kk: "Қостанай облысы",
        kind: Kind::Oblast,
        variants: &[
            "KST",
            "Kostanay",
            "Kostanai",
            "Qostanay",
            "Kostanaiskaya",
            "Kostanayskaya",
            "Костанайская",
            "Қостанай",
            "KOSTANAY OBLYSY",
        ],
    },
    RegionInfo {
        iso: "KZ-43",
        en: "Kyzylorda Region",
        ru: "Кызылординская область",
        kk: "Қызылорда облысы",
        kind: Kind::Oblast,
        variants: &[
            "KZL",
            "Kyzylorda",
            "Qyzylorda",
            "Kyzylordinskaya",
            "Кызылординская",
            "Қызылорда",
            "KYZYLORDA OBLYSY",
        ],
    },
    RegionInfo {
        iso: "KZ-47",
        en: "Mangystau Region",
        ru: "Мангистауская область",
        kk: "Маңғыстау облысы",
        kind: Kind::Oblast,
        variants: &[
            "MNG",
            "Mangystau",
            "Mangistau",
            "Mangistauskaya",
            "Мангистауская",
            "Маңғыстау",
            "MANGYSTAU OBLYSY",
        ],
    },
    RegionInfo {
        iso: "KZ-55",
        en: "Pavlodar Region",
        ru: "Павлодарская область",
        kk: "Павлодар облысы",
        kind: Kind::Oblast,
        variants: &["PVL", "Pavlodar", "Pavlodarskaya", "Павлодарская", "PAVLODAR OBLYSY"],
    },
    RegionInfo {
        iso: "KZ-59",
        en: "North Kazakhstan Region",
        ru: "Северо-Казахстанская область",
        kk: "Солтүстік Қазақстан облысы",
        kind: Kind::Oblast,
        variants: &[
            "SKO",
            "North Kazakhstan",
            "North-Kazakhstan",
            "Northern Kazakhstan",
            "Severo-Kazakhstanskaya",
            "Северо-Казахстанская",
            "СКО",
            "Солтүстік Қазақстан",
            "SOLTUSTIK KAZAKHSTAN",
            "SOLTUSTIK QAZAQSTAN",
        ],
    },
    RegionInfo {
        iso: "KZ-61",
        en: "Turkistan Region",
        ru: "Туркестанская область",
        kk: "Түркістан облысы",
        kind: Kind::Oblast,
        variants: &[
            "TRK",
            "Turkistan",
            "Turkestan",
            "Turkestanskaya",
            "Туркестанская",
            "Түркістан",
            "TURKISTAN OBLYSY",
        ],
    },
    RegionInfo {
        iso: "KZ-62",
        en: "Ulytau Region",
        ru: "область Ұлытау",
        kk: "Ұлытау облысы",
        kind: Kind::Oblast,
        variants: &["ULT", "Ulytau", "Ulutau", "Ulutay", "Ұлытау", "Улытау", "Улытауская", "ULYTAU OBLYSY"],
    },
    RegionInfo {
        iso: "KZ-63",
        en: "East Kazakhstan Region",
        ru: "Восточно-Казахстанская область",
        kk: "Шығыс Қазақстан облысы",
        kind: Kind::Oblast,
        variants: &[
            "VKO",
            "East Kazakhstan",
            "Eastern Kazakhstan",
            "East-Kazakhstan",
            "Vostochno-Kazakhstanskaya",
            "Восточно-Казахстанская",
            "ВКО",
            "Шығыс Қазақстан",
            "SHYGYS KAZAKHSTAN",
            "SHYGYS QAZAQSTAN",
        ],
    },
    RegionInfo {
        iso: "KZ-71",
        en: "Astana",
        ru: "г. Астана",
        kk: "Астана қаласы",
        kind: Kind::City,
        variants: &[
            "AST",
            "Astana",
            "Astana city",
            "город Астана",
            "Nur-Sultan",
            "Nur-Sultan city",
            "г. Нур-Султан",
            "город Нур-Султан",
            "Нұр-Сұлтан қаласы",
            "ASTANA QALASY",
        ],
    },
    RegionInfo {
        iso: "KZ-75",
        en: "Almaty",
        ru: "г. Алматы",
        kk: "Алматы қаласы",
        kind: Kind::City,
        variants: &["ALA", "Almaty city", "город Алматы", "Alma-Ata city", "ALMATY QALASY"],
    },
    RegionInfo {
        iso: "KZ-79",
        en: "Shymkent",
        ru: "г. Шымкент",
        kk: "Шымкент қаласы",
        kind: Kind::City,
        variants: &[
            "SHM",
            "Shymkent",
            "Shymkent city",
            "Shimkent",
            "Shimkent city",
            "город Шымкент",
            "SHYMKENT QALASY",
        ],
    },
];

/// One of the 20 first-level administrative units of Kazakhstan (borders since 8 June 2022).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Region(u8);

impl Region {
    pub const ABAI: Region = Region(0);
    pub const AKMOLA: Region = Region(1);
    pub const AKTOBE: Region = Region(2);
    pub const ALMATY_REGION: Region = Region(3);
    pub const ATYRAU: Region = Region(4);
    pub const WEST_KAZAKHSTAN: Region = Region(5);
    pub const ZHAMBYL: Region = Region(6);
    pub const ZHETYSU: Region = Region(7);
    pub const KARAGANDA: Region = Region(8);
    pub const KOSTANAY: Region = Region(9);
    pub const KYZYLORDA: Region = Region(10);
    pub const MANGYSTAU: Region = Region(11);
    pub const PAVLODAR: Region = Region(12);
    pub const NORTH_KAZAKHSTAN: Region = Region(13);
    pub const TURKISTAN: Region = Region(14);
    pub const ULYTAU: Region = Region(15);
    pub const EAST_KAZAKHSTAN: Region = Region(16);
    pub const ASTANA: Region = Region(17);
    pub const ALMATY_CITY: Region = Region(18);
    pub const SHYMKENT: Region = Region(19);

    /// All 20 regions in ISO-code order.
    pub fn all() -> impl Iterator<Item = Region> {
        (0..REGIONS.len() as u8).map(Region)
    }

    /// Position in [`Region::all`], for dense arrays.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    fn info(self) -> &'static RegionInfo {
        &REGIONS[self.0 as usize]
    }

    /// ISO 3166-2:KZ code, e.g. `KZ-55`.
    pub fn iso(self) -> &'static str {
        self.info().iso
    }
    /// The official name in `lang`.
    pub fn name_in(self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Kk => self.name_kk(),
            crate::i18n::Lang::Ru => self.name_ru(),
            crate::i18n::Lang::En => self.name_en(),
        }
    }

    pub fn name_en(self) -> &'static str {
        self.info().en
    }
    pub fn name_ru(self) -> &'static str {
        self.info().ru
    }
    pub fn name_kk(self) -> &'static str {
        self.info().kk
    }

    /// Cities of republican significance: Astana, Almaty, Shymkent.
    pub fn is_city(self) -> bool {
        self.info().kind == Kind::City
    }

    /// Looks a region up by its ISO 3166-2:KZ code.
    pub fn from_iso(code: &str) -> Option<Region> {
        let code = code.trim();
        REGIONS.iter().position(|r| r.iso.eq_ignore_ascii_case(code)).map(|i| Region(i as u8))
    }

    /// Date from which the unit exists within its current borders, if it was created or
    /// changed by a reform covered here.
    pub fn established(self) -> Option<NaiveDate> {
        RegionChange::all().iter().find(|c| c.new_units.contains(&self)).map(|c| c.date)
    }

    /// Whether the unit existed as a separate region in the given calendar year
    /// (a unit created during a year counts from that year, as BNS publishes it).
    pub fn exists_in(self, year: i32) -> bool {
        self.established().is_none_or(|d| year >= d.year())
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.iso())
    }
}

impl FromStr for Region {
    type Err = UnknownName;
    /// Accepts an ISO code or any known name; see [`RegionResolver`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match RegionResolver::global().resolve(s)? {
            Area::Region(r) => Ok(r),
            other => Err(UnknownName {
                input: s.to_string(),
                reason: Msg::new("err-region-not-current").arg("value", s).arg_msg("area", other.label()),
                suggestions: Vec::new(),
                nearest: Vec::new(),
            }),
        }
    }
}

impl TryFrom<String> for Region {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse().map_err(|e: UnknownName| e.to_string())
    }
}

impl From<Region> for String {
    fn from(r: Region) -> String {
        r.iso().to_string()
    }
}

/// A first-level unit that no longer exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HistoricalRegion {
    /// South Kazakhstan Region (ISO 3166-2 `KZ-YUZ`), until 19 June 2018, when it became the
    /// Turkistan Region and Shymkent became a city of republican significance.
    SouthKazakhstan,
}

impl HistoricalRegion {
    pub fn code(self) -> &'static str {
        match self {
            HistoricalRegion::SouthKazakhstan => "KZ-YUZ",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            HistoricalRegion::SouthKazakhstan => "South Kazakhstan Region (until 2018)",
        }
    }
}

/// What a name in a statistical file refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    /// The whole republic (national total rows).
    Republic,
    Region(Region),
    Historical(HistoricalRegion),
}

impl Area {
    /// Code used in files: ISO code of the region, `KZ` for the republic, the former ISO
    /// code for a historical region.
    pub fn code(self) -> &'static str {
        match self {
            Area::Republic => "KZ",
            Area::Region(r) => r.iso(),
            Area::Historical(h) => h.code(),
        }
    }

    /// The area as each language names it: "Akmola Region (KZ-11)", "Акмолинская область (KZ-11)".
    pub fn label(self) -> Msg {
        match self {
            Area::Republic => Msg::new("area-republic"),
            Area::Region(r) => {
                let [kk, ru, en] = Lang::ALL.map(|l| format!("{} ({})", r.name_in(l), r.iso()));
                Msg::names(kk, ru, en)
            }
            Area::Historical(HistoricalRegion::SouthKazakhstan) => {
                Msg::new("area-south-kazakhstan").arg("code", self.code())
            }
        }
    }

    pub fn label_en(self) -> String {
        match self {
            Area::Republic => "the Republic of Kazakhstan (national total)".to_string(),
            Area::Region(r) => format!("{} ({})", r.name_en(), r.iso()),
            Area::Historical(h) => format!("{} ({})", h.name_en(), h.code()),
        }
    }

    /// The current regions whose territory this area covered in `year`: how a value
    /// published for this area in that year maps onto today's borders.
    ///
    /// East Kazakhstan in 2021 covered today's East Kazakhstan and Abai; South Kazakhstan
    /// (any year) covered today's Turkistan Region and Shymkent.
    pub fn territory_in(self, year: i32) -> Vec<Region> {
        match self {
            Area::Republic => Region::all().collect(),
            Area::Historical(HistoricalRegion::SouthKazakhstan) => {
                vec![Region::TURKISTAN, Region::SHYMKENT]
            }
            Area::Region(r) => {
                let mut out = vec![r];
                for change in RegionChange::all() {
                    if change.parent == Area::Region(r) && year < change.date.year() {
                        out.extend(change.new_units.iter().copied().filter(|u| *u != r));
                    }
                }
                out
            }
        }
    }
}

/// A territorial reform: units created out of a parent on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionChange {
    pub date: NaiveDate,
    pub parent: Area,
    /// The units that took over the parent's territory (may include the parent itself
    /// where it continued with smaller borders).
    pub new_units: &'static [Region],
    pub legal_basis: &'static str,
}

impl RegionChange {
    /// The splits of a current region into itself and a new one (the 2022 reform): (parent,
    /// new region), in the order of [`RegionChange::all`].
    pub fn splits_of_current_regions() -> Vec<(Region, Region)> {
        RegionChange::all()
            .iter()
            .filter_map(|c| match c.parent {
                Area::Region(p) => Some(c.new_units.iter().filter(move |&&u| u != p).map(move |&u| (p, u))),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// The reforms since 2018 that matter for the BNS series the tool reads.
    pub fn all() -> &'static [RegionChange] {
        static CHANGES: LazyLock<Vec<RegionChange>> = LazyLock::new(|| {
            let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("valid date");
            vec![
                RegionChange {
                    date: d(2018, 6, 19),
                    parent: Area::Historical(HistoricalRegion::SouthKazakhstan),
                    new_units: &[Region::TURKISTAN, Region::SHYMKENT],
                    legal_basis: "Presidential Decree No. 702 of 19 June 2018 (South Kazakhstan renamed Turkistan Region, centre moved to Turkistan; Shymkent a city of republican significance)",
                },
                RegionChange {
                    date: d(2022, 6, 8),
                    parent: Area::Region(Region::EAST_KAZAKHSTAN),
                    new_units: &[Region::ABAI],
                    legal_basis: "Presidential Decree No. 887 of 3 May 2022, in force 8 June 2022 (Abai Region formed from East Kazakhstan)",
                },
                RegionChange {
                    date: d(2022, 6, 8),
                    parent: Area::Region(Region::ALMATY_REGION),
                    new_units: &[Region::ZHETYSU],
                    legal_basis: "Presidential Decree No. 887 of 3 May 2022, in force 8 June 2022 (Zhetysu Region formed from Almaty Region)",
                },
                RegionChange {
                    date: d(2022, 6, 8),
                    parent: Area::Region(Region::KARAGANDA),
                    new_units: &[Region::ULYTAU],
                    legal_basis: "Presidential Decree No. 887 of 3 May 2022, in force 8 June 2022 (Ulytau Region formed from Karaganda Region)",
                },
            ]
        });
        &CHANGES
    }
}

/// A name that does not resolve, with the closest known names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}{}", suggestion_text(.suggestions))]
pub struct UnknownName {
    pub input: String,
    pub reason: Msg,
    /// Closest known units, best first, as `Name (code)`.
    pub suggestions: Vec<String>,
    /// The same units, to be named in the reader's language.
    pub nearest: Vec<Area>,
}

fn suggestion_text(s: &[String]) -> String {
    if s.is_empty() { String::new() } else { format!("; {}", closest(s)) }
}

/// "A or B or C" in the reader's language.
fn alternatives(areas: &[Area]) -> Msg {
    list(areas, |m, n| m.then(Msg::new("word-or")).then(n))
}

/// The areas joined by `join`, each named in the reader's language.
fn list(areas: &[Area], join: impl Fn(Msg, Msg) -> Msg) -> Msg {
    areas.iter().map(|a| a.label()).reduce(join).unwrap_or_else(|| Msg::text(""))
}

fn closest(s: &[String]) -> Msg {
    Msg::new("err-region-closest").arg("names", s.join(", "))
}

/// The reason and the closest names, said in the reader's language.
impl From<UnknownName> for Msg {
    fn from(e: UnknownName) -> Msg {
        if e.nearest.is_empty() {
            e.reason
        } else {
            let names = list(&e.nearest, |m, n| m.joined(", ", n));
            e.reason.joined("; ", Msg::new("err-region-closest").arg_msg("names", names))
        }
    }
}

/// Maps the region labels found in real files to [`Area`]s.
///
/// Matching ignores case, punctuation, footnote marks (`Shimkent city 3)`, `Туркестанская 1`,
/// `Abai*`), the script (Cyrillic names are transliterated) and the usual transliteration
/// pairs (`q`/`k`, `y`/`i`, `j`/`zh`), but keeps the difference between a city and an oblast:
/// `Almaty` alone is ambiguous and is refused rather than guessed.
pub struct RegionResolver {
    /// Normalised stem -> (area, kind marker the variant carried).
    index: HashMap<String, Vec<(Area, Option<Kind>)>>,
}

const REPUBLIC_VARIANTS: &[&str] = &[
    "KZ",
    "national",
    "Republic of Kazakhstan",
    "The Republic Of Kazakhstan",
    "Kazakhstan",
    "Республика Казахстан",
    "Казахстан",
    "Қазақстан Республикасы",
    "Қазақстан",
    "Total",
    "Всего",
    "Итого",
    "Барлығы",
    "REPUBLIC OF KAZAKHSTAN",
    "QAZAQSTAN RESPUBLIKASY",
    "Kazakhstan total",
];

const SOUTH_KAZAKHSTAN_VARIANTS: &[&str] = &[
    "KZ-YUZ",
    "YKO",
    "South Kazakhstan",
    "South-Kazakhstan",
    "Southern Kazakhstan",
    "Южно-Казахстанская",
    "Yuzhno-Kazakhstanskaya",
    "ЮКО",
    "Оңтүстік Қазақстан",
    "ONTUSTIK KAZAKHSTAN",
    "ONTUSTIK QAZAQSTAN",
];

impl RegionResolver {
    /// The resolver over every known name (built once).
    pub fn global() -> &'static RegionResolver {
        static R: LazyLock<RegionResolver> = LazyLock::new(RegionResolver::build);
        &R
    }

    fn build() -> RegionResolver {
        let mut index: HashMap<String, Vec<(Area, Option<Kind>)>> = HashMap::new();
        let mut add = |name: &str, area: Area| {
            let (stem, kind) = normalise(name);
            if stem.is_empty() {
                return;
            }
            let entry = index.entry(stem).or_default();
            if !entry.contains(&(area, kind)) {
                entry.push((area, kind));
            }
        };
        for r in Region::all() {
            let info = r.info();
            let area = Area::Region(r);
            for name in [info.iso, info.en, info.ru, info.kk].into_iter().chain(info.variants.iter().copied()) {
                add(name, area);
            }
        }
        for v in REPUBLIC_VARIANTS {
            add(v, Area::Republic);
        }
        for v in SOUTH_KAZAKHSTAN_VARIANTS {
            add(v, Area::Historical(HistoricalRegion::SouthKazakhstan));
        }
        RegionResolver { index }
    }

    /// Resolves a label to an area, or explains why it cannot, listing the closest names.
    pub fn resolve(&self, input: &str) -> Result<Area, UnknownName> {
        let trimmed = input.trim();
        if let Some(r) = Region::from_iso(trimmed) {
            return Ok(Area::Region(r));
        }
        // ISO 3166-1 `KZ` is the country: the national total of a long table.
        if trimmed.eq_ignore_ascii_case("KZ") {
            return Ok(Area::Republic);
        }
        let (stem, kind) = normalise(trimmed);
        if stem.is_empty() {
            return Err(UnknownName {
                input: input.to_string(),
                reason: Msg::new("err-region-empty"),
                suggestions: Vec::new(),
                nearest: Vec::new(),
            });
        }
        let candidates = self.index.get(&stem).map(Vec::as_slice).unwrap_or(&[]);
        let mut areas: Vec<Area> = Vec::new();
        for &(area, vkind) in candidates {
            let compatible = match (kind, vkind) {
                (None, _) => true,
                (Some(k), Some(vk)) => k == vk,
                // A variant without a marker (a code or an adjective) fits a marked query
                // only if the unit really is of that kind: "Akmola city" is not Akmola Region.
                (Some(k), None) => area_kind(area).is_none_or(|ak| ak == k),
            };
            if compatible && !areas.contains(&area) {
                areas.push(area);
            }
        }
        match areas.as_slice() {
            [one] => Ok(*one),
            // A code-shaped label matches every region through its `KZ-` prefix: it is an
            // unknown code, not an ambiguous name.
            [_, _, ..] if trimmed.len() > 3 && trimmed.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("KZ-")) => {
                Err(UnknownName {
                    input: input.to_string(),
                    reason: Msg::new("err-region-code").arg("value", trimmed),
                    suggestions: Vec::new(),
                    nearest: Vec::new(),
                })
            }
            [] => {
                let nearest = self.suggest(&stem);
                Err(UnknownName {
                    input: input.to_string(),
                    reason: Msg::new("err-region-unknown").arg("value", trimmed),
                    suggestions: nearest.iter().map(|a| a.label_en()).collect(),
                    nearest,
                })
            }
            many => Err(UnknownName {
                input: input.to_string(),
                reason: Msg::new("err-region-ambiguous").arg("value", trimmed).arg_msg("areas", alternatives(many)),
                suggestions: Vec::new(),
                nearest: Vec::new(),
            }),
        }
    }

    /// Up to three closest areas by normalised edit distance.
    fn suggest(&self, stem: &str) -> Vec<Area> {
        let mut best: HashMap<Area, f64> = HashMap::new();
        for (known, entries) in &self.index {
            let score = strsim::normalized_levenshtein(stem, known);
            for (area, _) in entries {
                let e = best.entry(*area).or_insert(0.0);
                if score > *e {
                    *e = score;
                }
            }
        }
        let mut ranked: Vec<(Area, f64)> = best.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.code().cmp(b.0.code())));
        ranked.into_iter().take(3).map(|(a, _)| a).collect()
    }
}

fn area_kind(area: Area) -> Option<Kind> {
    match area {
        Area::Region(r) => Some(r.info().kind),
        Area::Historical(_) => Some(Kind::Oblast),
        Area::Republic => None,
    }
}

/// Tokens that mark a city of republican significance or an oblast, in skeleton form (after
/// transliteration and the y -> i, q -> k replacements: "city" -> "citi", "qalasy" -> "kalasi").
const CITY_TOKENS: &[&str] = &["citi", "g", "gorod", "kalasi", "shahar", "shahari"];
const OBLAST_TOKENS: &[&str] = &["region", "oblast", "obl", "oblisi", "oblasti", "province", "reg"];

/// Normalises a label to a script-independent stem plus the city/oblast marker it carried.
fn normalise(input: &str) -> (String, Option<Kind>) {
    let mut latin = String::with_capacity(input.len());
    for ch in input.trim_start_matches('\u{feff}').chars() {
        for lc in ch.to_lowercase() {
            match transliterate(lc) {
                Some(s) => latin.push_str(s),
                None if lc.is_ascii_alphabetic() => latin.push(lc),
                // Digits, brackets and stars are footnote marks in BNS tables; the apostrophe
                // of "Alma-Ata's" is dropped rather than splitting the word.
                None if lc == '\'' || lc == '’' || lc == 'ʼ' => {}
                None => latin.push(' '),
            }
        }
    }
    // Transliteration-insensitive skeleton.
    let latin = latin.replace("kh", "h").replace('q', "k").replace('y', "i").replace('j', "zh");
    let mut kind = None;
    let mut words: Vec<&str> = Vec::new();
    for w in latin.split_whitespace() {
        if CITY_TOKENS.contains(&w) {
            kind = Some(Kind::City);
        } else if OBLAST_TOKENS.contains(&w) {
            kind = Some(Kind::Oblast);
        } else if w == "s" {
            // possessive remnant
        } else {
            words.push(w);
        }
    }
    (words.join(" "), kind)
}

fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ғ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' | 'і' | 'ы' => "i",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' => "u",
        'ф' => "f",
        'х' | 'һ' => "h",
        'ц' => "c",
        'ч' => "ch",
        'ш' | 'щ' => "sh",
        'ъ' | 'ь' => "",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> &'static str {
        RegionResolver::global().resolve(s).unwrap_or_else(|e| panic!("{s}: {e}")).code()
    }

    #[test]
    fn twenty_regions_with_unique_codes() {
        let codes: std::collections::HashSet<_> = Region::all().map(|r| r.iso()).collect();
        assert_eq!(codes.len(), 20);
        assert_eq!(Region::all().filter(|r| r.is_city()).count(), 3);
    }

    #[test]
    fn constants_match_table() {
        assert_eq!(Region::PAVLODAR.iso(), "KZ-55");
        assert_eq!(Region::SHYMKENT.iso(), "KZ-79");
        assert_eq!(Region::ABAI.iso(), "KZ-10");
        assert_eq!(Region::EAST_KAZAKHSTAN.iso(), "KZ-63");
    }

    #[test]
    fn normalise_strips_markers_and_script() {
        assert_eq!(normalise("Shimkent city 3)"), ("shimkent".into(), Some(Kind::City)));
        assert_eq!(normalise("Акмолинская область").0, normalise("Akmolinskaya").0);
        assert_eq!(normalise("Туркестанская 1").0, "turkestanskaia");
        assert_eq!(iso("Туркестанская 1"), "KZ-61");
        assert_eq!(iso("KZ-71"), "KZ-71");
        assert_eq!(iso("г. Алматы"), "KZ-75");
    }
}
