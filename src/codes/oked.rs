use crate::error::Msg;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A section of the General Classifier of Economic Activities (OKED, NK RK 03-2019),
/// harmonised with NACE Rev. 2: 21 sections `A` to `U`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OkedSection(u8);

/// (code, English, Russian, Kazakh). Russian and Kazakh names as in the BNS classifier
/// (element 197); English names as in NACE Rev. 2.
const SECTIONS: [(char, &str, &str, &str); 21] = [
    (
        'A',
        "Agriculture, forestry and fishing",
        "Сельское, лесное и рыбное хозяйство",
        "Ауыл, орман және балық шаруашылығы",
    ),
    (
        'B',
        "Mining and quarrying",
        "Горнодобывающая промышленность и разработка карьеров",
        "Тау-кен өндіру өнеркәсібі және карьерлерді қазу",
    ),
    ('C', "Manufacturing", "Обрабатывающая промышленность", "Өңдеу өнеркәсібі"),
    (
        'D',
        "Electricity, gas, steam and air conditioning supply",
        "Снабжение электроэнергией, газом, паром, горячей водой и кондиционированным воздухом",
        "Электр энергиясымен, газбен, бумен, ыстық сумен және ауаны кондициялаумен жабдықтау",
    ),
    (
        'E',
        "Water supply; sewerage, waste management and remediation",
        "Водоснабжение; водоотведение; сбор, обработка и удаление отходов, деятельность по ликвидации загрязнений",
        "Сумен жабдықтау; су бұру; қалдықтарды жинау, өңдеу және жою, ластануды жою бойынша қызмет",
    ),
    ('F', "Construction", "Строительство", "Құрылыс"),
    (
        'G',
        "Wholesale and retail trade; repair of motor vehicles",
        "Оптовая и розничная торговля; ремонт автомобилей и мотоциклов",
        "Көтерме және бөлшек саудада сату; автомобильдерді және мотоциклдерді жөндеу",
    ),
    ('H', "Transportation and storage", "Транспорт и складирование", "Көлік және жинақтау"),
    (
        'I',
        "Accommodation and food service activities",
        "Предоставление услуг по проживанию и питанию",
        "Тұру және тамақтану бойынша қызмет көрсету",
    ),
    ('J', "Information and communication", "Информация и связь", "Ақпарат және байланыс"),
    ('K', "Financial and insurance activities", "Финансовая и страховая деятельность", "Қаржы және сақтандыру қызметі"),
    ('L', "Real estate activities", "Операции с недвижимым имуществом", "Жылжымайтын мүлікпен операциялар"),
    (
        'M',
        "Professional, scientific and technical activities",
        "Профессиональная, научная и техническая деятельность",
        "Кәсіби, ғылыми және техникалық қызмет",
    ),
    (
        'N',
        "Administrative and support service activities",
        "Деятельность в области административного и вспомогательного обслуживания",
        "Әкімшілік және қосалқы қызмет көрсету саласындағы қызмет",
    ),
    (
        'O',
        "Public administration and defence; compulsory social security",
        "Государственное управление и оборона; обязательное социальное обеспечение",
        "Мемлекеттік басқару және қорғаныс; міндетті әлеуметтік қамсыздандыру",
    ),
    ('P', "Education", "Образование", "Білім беру"),
    (
        'Q',
        "Human health and social work activities",
        "Здравоохранение и социальное обслуживание населения",
        "Денсаулық сақтау және халыққа әлеуметтік қызмет көрсету",
    ),
    ('R', "Arts, entertainment and recreation", "Искусство, развлечения и отдых", "Өнер, ойын-сауық және демалыс"),
    (
        'S',
        "Other service activities",
        "Предоставление прочих видов услуг",
        "Көрсетілетін қызметтердің өзге де түрлерін ұсыну",
    ),
    (
        'T',
        "Activities of households as employers",
        "Деятельность домашних хозяйств, нанимающих домашнюю прислугу",
        "Үй қызметшісін жалдайтын үй шаруашылықтарының қызметі",
    ),
    (
        'U',
        "Activities of extraterritorial organisations and bodies",
        "Деятельность экстерриториальных организаций и органов",
        "Аумақтан тыс ұйымдар мен органдардың қызметі",
    ),
];

impl OkedSection {
    /// All 21 sections in classifier order.
    pub fn all() -> impl Iterator<Item = OkedSection> {
        (0..SECTIONS.len() as u8).map(OkedSection)
    }

    /// The section for a letter `A`..`U` (case-insensitive).
    pub fn from_letter(c: char) -> Option<OkedSection> {
        let c = c.to_ascii_uppercase();
        SECTIONS.iter().position(|s| s.0 == c).map(|i| OkedSection(i as u8))
    }

    /// The section of a two-digit OKED (NACE Rev. 2) division: 01-03 A, 05-09 B, 10-33 C, 35 D,
    /// 36-39 E, 41-43 F, 45-47 G, 49-53 H, 55-56 I, 58-63 J, 64-66 K, 68 L, 69-75 M, 77-82 N,
    /// 84 O, 85 P, 86-88 Q, 90-93 R, 94-96 S, 97-98 T, 99 U. Unused numbers (04, 34, ...) are none.
    pub fn from_division(d: u8) -> Option<OkedSection> {
        let letter = match d {
            1..=3 => 'A',
            5..=9 => 'B',
            10..=33 => 'C',
            35 => 'D',
            36..=39 => 'E',
            41..=43 => 'F',
            45..=47 => 'G',
            49..=53 => 'H',
            55..=56 => 'I',
            58..=63 => 'J',
            64..=66 => 'K',
            68 => 'L',
            69..=75 => 'M',
            77..=82 => 'N',
            84 => 'O',
            85 => 'P',
            86..=88 => 'Q',
            90..=93 => 'R',
            94..=96 => 'S',
            97..=98 => 'T',
            99 => 'U',
            _ => return None,
        };
        OkedSection::from_letter(letter)
    }

    /// The section letter, e.g. `F`.
    pub fn code(self) -> &'static str {
        // One-letter codes as static strings so they can be borrowed without allocation.
        const CODES: [&str; 21] =
            ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"];
        CODES[self.0 as usize]
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn name_en(self) -> &'static str {
        SECTIONS[self.0 as usize].1
    }
    pub fn name_ru(self) -> &'static str {
        SECTIONS[self.0 as usize].2
    }
    pub fn name_kk(self) -> &'static str {
        SECTIONS[self.0 as usize].3
    }
}

impl fmt::Display for OkedSection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for OkedSection {
    type Err = Msg;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => OkedSection::from_letter(c).ok_or_else(|| Msg::new("err-oked-section").arg("value", t)),
            _ => Err(Msg::new("err-oked-section").arg("value", t)),
        }
    }
}

impl TryFrom<String> for OkedSection {
    type Error = Msg;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<OkedSection> for String {
    fn from(s: OkedSection) -> String {
        s.code().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_one_sections_a_to_u() {
        let codes: String = OkedSection::all().map(|s| s.code()).collect();
        assert_eq!(codes, "ABCDEFGHIJKLMNOPQRSTU");
        assert_eq!("f".parse::<OkedSection>().unwrap().name_en(), "Construction");
        assert!("V".parse::<OkedSection>().is_err());
        assert!("AB".parse::<OkedSection>().is_err());
    }
}
