//! Turning lexicon matches into entities: titles with nationality adjectives, dated roles,
//! counterparts ("نظيريه الأذربيجاني والأرميني"), capitals as government metonyms, عمان.

use crate::fxhash::{FxMap, FxSet};
use crate::{EntryKind, LexMatch, Lexicon};
use hadath_text::tokenize::tokenize_range;
use hadath_text::{normalize_for_match, Date, Document, Entity, EntityKind, Span, Token};
use std::sync::LazyLock;

/// Verbs (normalised, past tense) that make a following capital the government.
const METONYM_VERBS_BEFORE: &[&str] = &[
    "اتهمت",
    "اعلنت",
    "قالت",
    "رفضت",
    "دعت",
    "طالبت",
    "نفت",
    "اكدت",
    "حذرت",
    "هددت",
    "ادانت",
    "نددت",
    "رحبت",
    "وافقت",
    "استدعت",
    "طردت",
    "ردت",
    "اقترحت",
    "شنت",
    "قصفت",
    "وقعت",
    "ابلغت",
    "اعربت",
    "ارسلت",
    "قررت",
    "فرضت",
    "منعت",
    "احتجت",
    "سحبت",
    "علقت",
    "تعهدت",
    "استضافت",
    "اعترضت",
    "انتقدت",
    "هاجمت",
    "اتهم",
    "اعلن",
    "رفض",
    "دعا",
    "طالب",
    "نفي",
    "اكد",
    "حذر",
    "هدد",
    "ادان",
    "ندد",
    "رحب",
    "وافق",
    "استدعي",
    "طرد",
    "اقترح",
    "قرر",
    "فرض",
    "استضاف",
    "انتقد",
    "تتهم",
    "يتهم",
    "ترفض",
    "يرفض",
    "تدعو",
    "يدعو",
    "تطالب",
    "تنفي",
    "تؤكد",
    "تحذر",
    "تهدد",
    "تدين",
    "ترحب",
    "توافق",
];

/// Countries whose government is led by a prime minister or chancellor: their "زعيم".
const PM_LED: &[&str] = &[
    "GBR", "DEU", "ISR", "IND", "JPN", "ITA", "ESP", "CAN", "AUS", "NLD", "BEL", "SWE", "NOR", "DNK", "IRQ", "ARM",
    "PAK", "GRC", "HUN", "POL", "CZE", "AUT", "NZL", "IRL", "PRT", "LBN", "GEO", "BGD", "NPL", "THA", "MYS",
];

/// A word list as a set, for lists looked up on every capital or place mention.
fn word_set(words: &'static [&'static str]) -> FxSet<&'static str> {
    words.iter().copied().collect()
}

static METONYM_VERBS: LazyLock<FxSet<&'static str>> = LazyLock::new(|| word_set(METONYM_VERBS_BEFORE));
static PLACE_PREPS: LazyLock<FxSet<&'static str>> = LazyLock::new(|| word_set(PLACE_PREPOSITIONS));
static LOCATIVES: LazyLock<FxSet<&'static str>> = LazyLock::new(|| word_set(LOCATIVE_CUES));

/// Offices a "زعيم" (leader) of a country may hold, most likely first.
const LEADER_ROLES: &[&str] =
    &["supreme-leader", "king", "emir", "sultan", "president", "head-of-state", "prime-minister", "chancellor"];

/// Words before a capital that make it the government: complementisers before a subject
/// ("أن واشنطن ستفرض") and relational prepositions ("مع موسكو", "ضد طهران").
const METONYM_CUES_BEFORE: &[&str] = &["ان", "بان", "لكن", "فان", "لان", "مع", "ضد", "حلفاء", "حليفه"];

/// Words between a title and a name that keep them together.
const MODIFIERS: &[&str] =
    &["السابق", "السابقه", "الاسبق", "الحالي", "الحاليه", "المؤقت", "الانتقالي", "المنتهيه", "ولايته", "ولايتها", "الراحل"];

/// Words right after a title that make it a former holder.
const FORMER: &[&str] = &["السابق", "السابقه", "الاسبق", "الراحل", "المنتهيه"];

/// Prepositions before which a capital is a place.
const PLACE_PREPOSITIONS: &[&str] =
    &["في", "من", "الي", "الى", "عن", "علي", "حول", "نحو", "قرب", "داخل", "خارج", "بين", "مدينه", "العاصمه", "عاصمه"];

/// Words before a place name that mark it as a place ("في حلب", "مدينة حمص", "ريف إدلب").
const LOCATIVE_CUES: &[&str] = &[
    "في",
    "من",
    "الي",
    "عن",
    "قرب",
    "نحو",
    "داخل",
    "خارج",
    "حول",
    "مدينه",
    "بلده",
    "قريه",
    "محافظه",
    "ولايه",
    "اقليم",
    "منطقه",
    "مدن",
    "بلدات",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "وسط",
    "ريف",
    "انحاء",
    "حي",
    "مخيم",
    "ضواحي",
    "مطار",
    "ميناء",
    "عاصمه",
    "العاصمه",
    "مدينتي",
    "بلدتي",
    "بمدينه",
    "بلديه",
    "مقاطعه",
];

/// One-word person forms (normalised) that name the person only after a title: "ماي" is also a
/// month, "كيم" and "عباس" are common names, "مون" a common word in other languages.
const TITLE_ONLY_NAMES: &[&str] = &["ماي", "مي", "كيم", "عباس", "مون"];

/// Normalised forms too ambiguous to stand alone as a name ("امام" is both imam and "in front of").
const NEVER_ALONE: &[&str] = &["امام"];

/// Plural and dual heads of titles ("القادة", "الرئيسان"): several people, never one earlier holder.
const PLURAL_TITLE_HEADS: &[&str] = &[
    "القاده",
    "قاده",
    "الزعماء",
    "زعماء",
    "الرءساء",
    "رءساء",
    "الرؤساء",
    "رؤساء",
    "وزراء",
    "الوزراء",
    "ملوك",
    "الملوك",
    "الرئيسان",
    "الرئيسين",
    "الزعيمان",
    "الزعيمين",
    "زعيما",
    "زعيمي",
    "قائدا",
    "قائدي",
    "وزيرا",
    "وزيري",
    "رئيسا",
    "رئيسي",
    "القادة",
    "الملكين",
    "المسؤولين",
    "المسؤولون",
];

/// Whether a normalised title head names several people.
fn is_plural_title(head: &str) -> bool {
    PLURAL_TITLE_HEADS.contains(&head)
}

/// Whether a normalised token is a counterpart word: نظيره، نظيرته، نظيريه، نظراؤه…
fn is_counterpart(norm: &str) -> bool {
    let stem = &norm[counterpart_clitic_len(norm)..];
    stem.starts_with("نظير") || stem.starts_with("نظراو") || stem.starts_with("نظراي") || stem.starts_with("نظرا")
}

/// Normalised bytes of proclitics before a counterpart word: "وبنظيره" has two (و، ب).
fn counterpart_clitic_len(norm: &str) -> usize {
    for p in ["وب", "فب", "ول", "فل", "و", "ف", "ب", "ل"] {
        if norm.strip_prefix(p).is_some_and(|rest| rest.starts_with("نظ")) {
            return p.len();
        }
    }
    0
}

/// Whether a matched token carries the article after its proclitics ("الروسي", "بالروسي", "للروسي").
fn is_definite(tok: &Token, m: &LexMatch) -> bool {
    let norm = tok.norm.as_str();
    let stem = norm.get(m.prefix_len.min(norm.len())..).unwrap_or("");
    let clitic = norm.get(..m.prefix_len.min(norm.len())).unwrap_or("");
    stem.starts_with("ال") || (clitic.ends_with('ل') && stem.starts_with('ل'))
}

fn strip_conj(norm: &str) -> &str {
    norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف')).filter(|s| s.chars().count() >= 2).unwrap_or(norm)
}

/// Normalised byte length of each char U+0600 … U+06FF alone (the chain works char by char
/// here), so that skipping proclitics normalises nothing.
static ARABIC_NORM_LEN: LazyLock<[u8; 256]> = LazyLock::new(|| {
    let mut t = [0u8; 256];
    for (k, slot) in t.iter_mut().enumerate() {
        if let Some(c) = char::from_u32(0x600 + k as u32) {
            let mut buf = [0u8; 4];
            *slot = normalize_for_match(c.encode_utf8(&mut buf)).len().min(255) as u8;
        }
    }
    t
});

/// Normalised byte length of one char alone.
fn norm_len_of(c: char, table: &[u8; 256]) -> usize {
    match (c as u32).checked_sub(0x600) {
        Some(k) if k < 256 => table[k as usize] as usize,
        _ => {
            let mut buf = [0u8; 4];
            normalize_for_match(c.encode_utf8(&mut buf)).len()
        }
    }
}

/// Byte offset in `orig` after the characters that normalise to `norm_len` bytes.
fn skip_normalised(orig: &str, norm_len: usize) -> usize {
    if norm_len == 0 {
        return 0;
    }
    let table = &*ARABIC_NORM_LEN;
    let mut n = 0;
    for (i, c) in orig.char_indices() {
        n += norm_len_of(c, table);
        if n >= norm_len {
            // Marks after the last clitic letter stay with it.
            let mut end = i + c.len_utf8();
            for d in orig[end..].chars() {
                if norm_len_of(d, table) == 0 {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            return end;
        }
    }
    orig.len()
}

struct Sentence<'t> {
    tokens: std::borrow::Cow<'t, [Token]>,
    /// The sentence's matches: a range of the document's match vector.
    matches: std::ops::Range<usize>,
}

fn code_of(country: &str, sector: &str) -> Option<String> {
    match (country.is_empty(), sector.is_empty()) {
        (false, false) if !sector.starts_with("IGO") => {
            let mut code = String::with_capacity(country.len() + sector.len());
            code.push_str(country);
            code.push_str(sector);
            Some(code)
        }
        (false, _) => Some(country.to_string()),
        (true, false) => Some(sector.to_string()),
        (true, true) => None,
    }
}

fn sector_field(sector: &str) -> Option<String> {
    if sector.is_empty() {
        None
    } else if sector.starts_with("IGO") {
        Some("IGO".into())
    } else {
        // The first three chars; sector codes are ASCII, whose chars are bytes.
        match sector.get(..3) {
            Some(head) if head.is_ascii() => Some(head.to_string()),
            _ => Some(sector.chars().take(3).collect()),
        }
    }
}

struct Resolver<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    date: Option<Date>,
    /// Countries named anywhere in the document (by name, adjective or capital), with counts.
    mentioned: FxMap<&'a str, usize>,
    /// Person entries the document names, with counts.
    people: FxMap<u32, usize>,
    /// The last resolved person seen with each role key, for a bare "الرئيس".
    last_by_role: FxMap<String, Entity>,
    /// The last role key seen on a person, for "نظيره".
    last_role: Option<String>,
    out: Vec<Entity>,
}

impl<'a> Resolver<'a> {
    fn kinds<'m>(&self, m: &'m LexMatch<'_>) -> impl Iterator<Item = (u32, EntryKind)> + use<'m, 'a> {
        let lex = self.lex;
        m.entries.iter().filter_map(move |&i| lex.entry(i).map(|e| (i, e.kind)))
    }

    fn find(&self, m: &LexMatch, kind: EntryKind) -> Option<u32> {
        self.kinds(m).find(|&(_, k)| k == kind).map(|(i, _)| i)
    }

    fn span(&self, toks: &[Token], m: &LexMatch) -> Span {
        let first = &toks[m.first];
        let orig = first.span.slice(self.text);
        let start = first.span.start + skip_normalised(orig, m.span_prefix_len);
        Span::new(start.min(first.span.end), toks[m.end - 1].span.end)
    }

    fn role_name(&self, role: &str) -> String {
        self.lex.title(role).map(|t| t.name.clone()).unwrap_or_else(|| role.to_string())
    }

    fn person_entity(&self, span: Span, person: u32, role_hint: Option<&str>) -> Option<Entity> {
        let e = self.lex.entry(person)?;
        let date = self.date;
        // A bare "زعيم" names no office of its own: the office held on the date says more.
        let role_hint = role_hint.filter(|r| *r != "leader");
        let role = role_hint
            .and_then(|r| self.lex.roles_of(person).find(|p| p.role == r && self.lex.holds_on(p, date)))
            .or_else(|| self.lex.role_at(person, date));
        let (country, sector, role_name) = match role {
            Some(r) => (r.country.clone(), r.sector.clone(), Some(self.role_name(&r.role))),
            None => (e.country.clone().unwrap_or_default(), e.sector.clone().unwrap_or_default(), None),
        };
        Some(Entity {
            span,
            kind: EntityKind::Person,
            name: e.name.clone(),
            code: code_of(&country, &sector),
            country: (!country.is_empty()).then_some(country),
            sector: sector_field(&sector),
            role: role_name.or_else(|| role_hint.map(|r| self.role_name(r))),
            lat: None,
            lon: None,
            lexicon_id: Some(e.id.clone()),
        })
    }

    /// The holder of `role` for a country, IGO or organisation code on the document date, with the
    /// role key actually held. Falls back to the offices that fit when the title has no holder:
    /// a group's own leader role, and for heads of state the other head-of-state offices.
    fn find_holder(&self, role: &str, key: &str, org: Option<u32>) -> Option<(u32, String)> {
        let lex = self.lex;
        if let Some((p, r)) = lex.holder(key, role, self.date) {
            return Some((p, r.role.clone()));
        }
        let org_entry = org.and_then(|o| lex.entry(o));
        if let Some(org_entry) = org_entry {
            // "زعيم الحوثيين": label roles that name this body's leader, then the generic group roles
            // held in the group's country and sector ("الأمين العام لحزب الله").
            let (cc, sec) = if key.len() > 3 && key.is_char_boundary(3) { key.split_at(3) } else { (key, "") };
            let generic =
                matches!(role, "leader" | "group-leader" | "party-leader" | "secretary-general" | "commander");
            for label in lex.label_roles_of(&org_entry.id) {
                if role != "leader" && role != "group-leader" && !generic && !label.ends_with(role) {
                    continue;
                }
                for k in [cc, key] {
                    if let Some((p, r)) = lex.holder(k, label, self.date) {
                        return Some((p, r.role.clone()));
                    }
                }
            }
            let mut tries: Vec<&str> = vec![role];
            if generic {
                tries.extend(["group-leader", "party-leader", "secretary-general", "opposition-leader"]);
            }
            for r in tries {
                if let Some((p, period)) = lex.holder(cc, r, self.date) {
                    if sec.is_empty() || period.sector == sec {
                        return Some((p, period.role.clone()));
                    }
                }
            }
            return None;
        }
        if key.starts_with("IGO") {
            return None;
        }
        // A country: "زعيم إيران", or "نظيره السعودي" after a president (Saudi Arabia has a king).
        let fallbacks: &[&str] = match role {
            "leader" if PM_LED.contains(&key) => {
                &["prime-minister", "chancellor", "president", "king", "head-of-state"]
            }
            "leader" => LEADER_ROLES,
            "president" | "king" | "emir" | "sultan" | "head-of-state" => {
                &["supreme-leader", "president", "king", "emir", "sultan", "head-of-state"]
            }
            "prime-minister" => &["chancellor"],
            "chancellor" => &["prime-minister"],
            _ => &[],
        };
        let fallbacks: Vec<&str> = fallbacks.iter().copied().filter(|r| *r != role).collect();
        if role == "leader" {
            // The head of state or government whom the document names wins.
            for r in &fallbacks {
                if let Some((p, _)) = lex.holder(key, r, self.date) {
                    if self.people.contains_key(&p) {
                        return Some((p, (*r).to_string()));
                    }
                }
            }
        }
        // "supreme-leader" fits a president's counterpart only for "زعيم".
        for r in fallbacks.iter().filter(|r| role == "leader" || **r != "supreme-leader") {
            if let Some((p, _)) = lex.holder(key, r, self.date) {
                return Some((p, (*r).to_string()));
            }
        }
        None
    }

    /// A title with a country, IGO or organisation: the holder on the date, or an unresolved role.
    fn role_entity(&self, span: Span, role: &str, key: &str, title_sector: &str, org: Option<u32>) -> Entity {
        if let Some((person, held)) = self.find_holder(role, key, org) {
            if let Some(e) = self.person_entity(span, person, Some(&held)) {
                return e;
            }
        }
        // An armed group or party code such as YEMREB: the country and the group's sector.
        let (key, title_sector) = match org {
            Some(_) if key.len() > 3 && !key.starts_with("IGO") && key.is_char_boundary(3) => {
                let (cc, sec) = key.split_at(3);
                if self.lex.country(cc).is_some() {
                    (cc, sec)
                } else {
                    (key, title_sector)
                }
            }
            _ => (key, title_sector),
        };
        let is_igo = key.starts_with("IGO");
        let sector = if is_igo {
            key.to_string()
        } else if title_sector.is_empty() || title_sector.starts_with("IGO") {
            "GOV".into()
        } else {
            title_sector.to_string()
        };
        let country = if is_igo { String::new() } else { key.to_string() };
        let place = if is_igo {
            self.lex.organisation(key).map(|o| o.name.clone()).unwrap_or_else(|| key.to_string())
        } else {
            self.lex.country(key).map(|c| c.name.clone()).unwrap_or_else(|| key.to_string())
        };
        Entity {
            span,
            kind: EntityKind::Person,
            name: format!("{} of {}", self.role_name(role), place),
            code: code_of(&country, &sector),
            country: (!country.is_empty()).then_some(country),
            sector: sector_field(&sector),
            role: Some(self.role_name(role)),
            lat: None,
            lon: None,
            lexicon_id: None,
        }
    }

    /// A country named by an adjective or name in match `m`, if any.
    fn country_in(&self, m: &LexMatch) -> Option<String> {
        for (i, k) in self.kinds(m) {
            if matches!(k, EntryKind::Adjective | EntryKind::Country) {
                return self.lex.entry(i).and_then(|e| e.country.clone());
            }
        }
        None
    }

    fn sentence(&mut self, toks: &[Token], ms: &[LexMatch<'_>]) {
        let adjacent = |j: usize, k: usize| k < ms.len() && ms[k].first == ms[j].end;
        let mut chain_end: Option<usize> = None;
        let mut agent_chain: Option<(usize, u32)> = None;
        let mut metonym_end: Option<usize> = None;
        let mut j = 0;
        while j < ms.len() {
            let m = &ms[j];
            let Some(&best) = m.entries.first() else {
                j += 1;
                continue;
            };
            let Some(entry) = self.lex.entry(best) else {
                j += 1;
                continue;
            };
            let span = self.span(toks, m);
            // Lengths first: reading the token's text costs a memory access most matches skip.
            let stem_len = toks[m.first].norm.len().saturating_sub(m.prefix_len);
            if m.end - m.first == 1
                && NEVER_ALONE.iter().any(|w| w.len() == stem_len)
                && NEVER_ALONE.contains(&toks[m.first].norm.get(m.prefix_len..).unwrap_or(""))
            {
                j += 1;
                continue;
            }
            match entry.kind {
                EntryKind::Title => {
                    let role = entry.role.clone().unwrap_or_default();
                    let title_sector = entry.sector.clone().unwrap_or_default();
                    let mut k = j + 1;
                    let mut key: Option<String> = None;
                    let mut key_is_adjective = false;
                    let mut key_org: Option<u32> = None;
                    // "رئيس أذربيجان" is a construct; "الرئيس أذربيجان" is not, but "الأمين العام للأمم" is.
                    let construct = !toks[m.first].norm.get(m.prefix_len..).unwrap_or("").starts_with("ال");
                    if adjacent(j, k) {
                        let next = &ms[k];
                        let next_clitic = toks[next.first].norm.get(..next.prefix_len).unwrap_or("");
                        let genitive = construct || next_clitic.ends_with('ل');
                        // A definite title takes a definite adjective: "الأمير تركي" is a name, not Turkish.
                        let agrees = construct || is_definite(&toks[next.first], next);
                        if let Some(a) = self.find(next, EntryKind::Adjective).filter(|_| agrees) {
                            key = self.lex.entry(a).and_then(|e| e.country.clone());
                            key_is_adjective = true;
                            k += 1;
                        } else if genitive {
                            if let Some(c) = self.find(next, EntryKind::Country) {
                                key = self.lex.entry(c).and_then(|e| e.country.clone());
                                key_is_adjective = true;
                                k += 1;
                            } else if let Some(o) =
                                self.find(next, EntryKind::Organisation).or_else(|| self.find(next, EntryKind::Group))
                            {
                                key = self.lex.entry(o).and_then(|e| e.code.clone());
                                key_org = Some(o);
                                k += 1;
                            }
                        }
                    }
                    if key.is_none() && title_sector.starts_with("IGO") {
                        key = Some(title_sector.clone());
                    }
                    // The name may follow after a comma or modifiers: "وزير الخارجية الروسي، سيرغي
                    // لافروف", "الرئيس الأمريكي السابق باراك أوباما". A former holder is never
                    // resolved from the date.
                    let gap_end = ms.get(k).map(|x| x.first).unwrap_or(toks.len());
                    let gap_start = ms[k - 1].end;
                    let gap = toks.get(gap_start..gap_end.max(gap_start)).unwrap_or(&[]);
                    let former = toks
                        .get(gap_start..(gap_start + 2).min(toks.len()))
                        .unwrap_or(&[])
                        .iter()
                        .any(|t| FORMER.contains(&t.norm.as_str()));
                    let gap_ok =
                        gap.len() <= 3 && gap.iter().all(|t| t.norm == "," || MODIFIERS.contains(&t.norm.as_str()));
                    let person = if k < ms.len() && gap_ok { self.find(&ms[k], EntryKind::Person) } else { None };
                    // A name that is also a word or a common first name ("ماي", "عباس") must fit the
                    // title's country: "وزير الخارجية الإيراني عباس" is not the Palestinian president.
                    let person = person.filter(|&p| {
                        !self.title_only(toks, &ms[k])
                            || key
                                .as_deref()
                                .is_none_or(|c| self.lex.roles_of(p).any(|r| r.country == c || r.sector == c))
                    });
                    let last = if person.is_some() { k } else { k - 1 };
                    let full = span.cover(self.span(toks, &ms[last]));
                    let ent = match (person, &key) {
                        (Some(p), _) => self.person_entity(full, p, Some(&role)),
                        (None, Some(_)) if former => None,
                        (None, Some(key)) => Some(self.role_entity(full, &role, key, &title_sector, key_org)),
                        // "وأضاف الرئيس": the holder of that role the document named last.
                        (None, None)
                            if !construct
                                && !former
                                && !is_plural_title(toks[m.first].norm.get(m.prefix_len..).unwrap_or("")) =>
                        {
                            self.last_by_role.get(&role).map(|prev| Entity { span: full, ..prev.clone() })
                        }
                        (None, None) => None,
                    };
                    if let Some(e) = ent {
                        if e.lexicon_id.is_some() {
                            self.last_by_role.insert(role.clone(), e.clone());
                        }
                        self.last_role = Some(role);
                        self.out.push(e);
                        // "وزيرا الخارجية الأذربيجاني والأرميني": the next adjective gets the same role.
                        chain_end = (person.is_none() && key_is_adjective).then_some(ms[last].end);
                        agent_chain = None;
                        j = last + 1;
                    } else {
                        j += 1;
                    }
                    continue;
                }
                EntryKind::Agent => {
                    let sector = entry.sector.clone().unwrap_or_default();
                    let kind = if entry.role.as_deref() == Some("organisation") {
                        EntityKind::Organisation
                    } else {
                        EntityKind::Group
                    };
                    let country = if adjacent(j, j + 1) { self.country_in(&ms[j + 1]) } else { None };
                    // A form that already ends in an adjective ("الرئاسة الفرنسية") names its country.
                    let own = (m.end - m.first > 1)
                        .then(|| self.lex.country_of_adjective(&toks[m.end - 1].norm).map(str::to_string))
                        .flatten();
                    let (full, next, country) = match (country, own) {
                        (Some(c), _) => (span.cover(self.span(toks, &ms[j + 1])), j + 2, Some(c)),
                        (None, own) => (span, j + 1, own),
                    };
                    // "القوات الأرمينية والأذربيجانية": the next adjective names a second group.
                    agent_chain = country.is_some().then(|| (ms[next - 1].end, best));
                    chain_end = None;
                    let cname = country.as_deref().and_then(|c| self.lex.country(c)).map(|c| c.name.clone());
                    self.out.push(Entity {
                        span: full,
                        kind,
                        name: match &cname {
                            Some(c) => format!("{c} {}", entry.name),
                            None => entry.name.clone(),
                        },
                        code: code_of(country.as_deref().unwrap_or(""), &sector),
                        country: country.clone(),
                        sector: sector_field(&sector),
                        role: None,
                        lat: None,
                        lon: None,
                        lexicon_id: Some(entry.id.clone()),
                    });
                    j = next;
                    continue;
                }
                EntryKind::Adjective => {
                    if let Some((_, agent)) = agent_chain.filter(|&(end, _)| end == m.first) {
                        if let (Some(a), Some(c)) = (self.lex.entry(agent), entry.country.clone()) {
                            let sector = a.sector.clone().unwrap_or_default();
                            let cname = self.lex.country(&c).map(|x| x.name.clone()).unwrap_or_else(|| c.clone());
                            let kind = if a.role.as_deref() == Some("organisation") {
                                EntityKind::Organisation
                            } else {
                                EntityKind::Group
                            };
                            self.out.push(Entity {
                                span,
                                kind,
                                name: format!("{cname} {}", a.name),
                                code: code_of(&c, &sector),
                                country: Some(c),
                                sector: sector_field(&sector),
                                role: None,
                                lat: None,
                                lon: None,
                                lexicon_id: Some(a.id.clone()),
                            });
                            agent_chain = Some((m.end, agent));
                            j += 1;
                            continue;
                        }
                    }
                    let after_counterpart = m.first > 0 && is_counterpart(&toks[m.first - 1].norm);
                    let chained = chain_end == Some(m.first);
                    if let (true, Some(role)) = (after_counterpart || chained, self.last_role.clone()) {
                        if let Some(c) = entry.country.clone() {
                            let full = if after_counterpart {
                                let cp = &toks[m.first - 1];
                                let skip = skip_normalised(cp.span.slice(self.text), counterpart_clitic_len(&cp.norm));
                                span.cover(Span::new(cp.span.start + skip, cp.span.end))
                            } else {
                                span
                            };
                            let e = self.role_entity(full, &role, &c, "", None);
                            self.out.push(e);
                            chain_end = Some(m.end);
                        }
                    }
                    j += 1;
                    continue;
                }
                _ => {}
            }
            // "وزراء خارجية أذربيجان وأرمينيا": a country joined by و after a title gets the role too.
            if chain_end == Some(m.first) && toks[m.first].norm.starts_with('و') {
                if let (Some(c), Some(role)) = (self.find(m, EntryKind::Country), self.last_role.clone()) {
                    if let Some(cc) = self.lex.entry(c).and_then(|e| e.country.clone()) {
                        let e = self.role_entity(span, &role, &cc, "", None);
                        self.out.push(e);
                        chain_end = Some(m.end);
                        j += 1;
                        continue;
                    }
                }
            }
            // Names: choose between a country and a capital that share a form (عمان).
            let country_idx = self.find(m, EntryKind::Country);
            let capital_idx = self.find(m, EntryKind::Capital);
            let chosen = match (country_idx, capital_idx) {
                (Some(c), Some(cap)) => {
                    let own = self.lex.entry(c).and_then(|e| e.country.clone()).unwrap_or_default();
                    let other = self.lex.entry(cap).and_then(|e| e.country.clone()).unwrap_or_default();
                    let n_own = self.mentioned.get(own.as_str()).copied().unwrap_or(0);
                    let n_other = self.mentioned.get(other.as_str()).copied().unwrap_or(0);
                    if n_own > n_other {
                        c
                    } else {
                        cap
                    }
                }
                _ => best,
            };
            let forced_metonym = metonym_end == Some(m.first) && toks[m.first].norm.starts_with('و');
            let entity = if forced_metonym { self.capital_as_government(span, chosen) } else { None };
            if let Some(e) = entity.or_else(|| self.name_entity(toks, m, span, chosen)) {
                // "نظيريه الأذربيجاني جيهون بيراموف والأرميني": a name right after a title of
                // the same person widens that mention, and a chain of counterparts goes on.
                if e.kind == EntityKind::Person && self.extends_last_person(&e) {
                    if chain_end == Some(m.first) {
                        chain_end = Some(m.end);
                    }
                    j += 1;
                    continue;
                }
                // "موسكو وواشنطن": a capital joined by و to a government is one too.
                metonym_end = (e.kind == EntityKind::Country && e.sector.as_deref() == Some("GOV")).then_some(m.end);
                if e.kind == EntityKind::Person {
                    if let Some(r) = self.lex.role_at(chosen, self.date) {
                        self.last_role = Some(r.role.clone());
                        self.last_by_role.insert(r.role.clone(), e.clone());
                    }
                }
                self.out.push(e);
            }
            j += 1;
        }
    }

    /// Widens the last entity over `e` when both name the same person from the lexicon and
    /// only spaces stand between them.
    fn extends_last_person(&mut self, e: &Entity) -> bool {
        let text = self.text;
        let Some(prev) = self.out.last_mut() else { return false };
        let same = prev.kind == EntityKind::Person && prev.lexicon_id.is_some() && prev.lexicon_id == e.lexicon_id;
        let between = text.get(prev.span.end..e.span.start);
        if !same || !between.is_some_and(|b| b.chars().all(char::is_whitespace)) {
            return false;
        }
        prev.span = prev.span.cover(e.span);
        true
    }

    /// Whether a match is a one-word name that stands for a person only after a title.
    fn title_only(&self, toks: &[Token], m: &LexMatch) -> bool {
        let norm = toks[m.first].norm.as_str();
        m.end - m.first == 1 && TITLE_ONLY_NAMES.contains(&norm.get(m.prefix_len.min(norm.len())..).unwrap_or(""))
    }

    /// A capital entry read as its country's government.
    fn capital_as_government(&self, span: Span, idx: u32) -> Option<Entity> {
        let e = self.lex.entry(idx)?;
        if e.kind != EntryKind::Capital {
            return None;
        }
        let cc = e.country.clone().unwrap_or_default();
        let cname = self.lex.country(&cc).map(|c| c.name.clone()).unwrap_or_else(|| e.name.clone());
        Some(Entity {
            span,
            kind: EntityKind::Country,
            name: cname,
            code: Some(format!("{cc}GOV")),
            country: Some(cc),
            sector: Some("GOV".into()),
            role: None,
            lat: None,
            lon: None,
            lexicon_id: Some(e.id.clone()),
        })
    }

    fn name_entity(&self, toks: &[Token], m: &LexMatch, span: Span, idx: u32) -> Option<Entity> {
        let e = self.lex.entry(idx)?;
        // Built only once the entry is known to make an entity: its strings are allocations.
        let base = || Entity {
            span,
            kind: EntityKind::Place,
            name: e.name.clone(),
            code: None,
            country: e.country.clone(),
            sector: None,
            role: None,
            lat: e.lat,
            lon: e.lon,
            lexicon_id: Some(e.id.clone()),
        };
        Some(match e.kind {
            EntryKind::Person if self.title_only(toks, m) => return None,
            EntryKind::Person => return self.person_entity(span, idx, None),
            EntryKind::Country => {
                Entity { kind: EntityKind::Country, code: e.country.clone(), lat: None, lon: None, ..base() }
            }
            EntryKind::Capital => {
                if self.is_metonym(toks, m) {
                    return self.capital_as_government(span, idx);
                }
                base()
            }
            EntryKind::Region | EntryKind::Place if self.described_part(toks, m) => return None,
            EntryKind::Region => base(),
            EntryKind::Place => {
                // A smaller city with a one-word name needs a locative cue: many are also words.
                let capital = e.role.as_deref() == Some("capital");
                if !capital && m.end - m.first == 1 && e.population < 1_000_000 && !self.locative(toks, m) {
                    return None;
                }
                base()
            }
            EntryKind::Organisation | EntryKind::Group => {
                let country = e.country.as_deref().unwrap_or("");
                let sector = e.sector.as_deref().unwrap_or("");
                Entity {
                    kind: if e.kind == EntryKind::Group { EntityKind::Group } else { EntityKind::Organisation },
                    code: e.code.clone().filter(|c| !c.is_empty()).or_else(|| code_of(country, sector)),
                    sector: sector_field(sector),
                    lat: None,
                    lon: None,
                    ..base()
                }
            }
            EntryKind::Title | EntryKind::Agent | EntryKind::Adjective => return None,
        })
    }

    /// Whether a region named "المنطقة" + a direction is only a part of something else:
    /// "المنطقة الشرقية من الحدود" is the eastern part of a border, not the Eastern Province.
    fn described_part(&self, toks: &[Token], m: &LexMatch) -> bool {
        let Some(first) = toks.get(m.first) else { return false };
        if strip_conj(first.norm.as_str()) != "المنطقه" || m.end - m.first != 2 {
            return false;
        }
        toks.get(m.end).is_some_and(|next| {
            let n = next.norm.as_str();
            n == "من" || (n.starts_with("لل") && n.chars().count() > 3)
        })
    }

    /// Whether a place name is marked as a place: ب/ل proclitic, a locative word before it, or
    /// a nationality adjective after it ("حمص السورية").
    fn locative(&self, toks: &[Token], m: &LexMatch) -> bool {
        let first = &toks[m.first];
        let clitic = first.norm.get(..m.prefix_len).unwrap_or("");
        if clitic.contains('ب') || clitic.contains('ل') {
            return true;
        }
        if m.first > 0 && LOCATIVES.contains(strip_conj(&toks[m.first - 1].norm)) {
            return true;
        }
        toks.get(m.end).is_some_and(|t| t.norm.starts_with("ال") && self.lex.country_of_adjective(&t.norm).is_some())
    }

    /// Whether a capital stands for its government: subject or object of a political verb.
    fn is_metonym(&self, toks: &[Token], m: &LexMatch) -> bool {
        let first = &toks[m.first];
        let clitic = first.norm.get(..m.prefix_len).unwrap_or("");
        if clitic.contains('ب') || clitic.contains('ل') || clitic.contains('ك') {
            return false;
        }
        // A verb just before, or up to three words before with the subject between:
        // "اتهمت باكو", "اتهم الرئيس الفرنسي موسكو". A preposition or punctuation stops the look.
        for back in 1..=4 {
            let Some(t) = m.first.checked_sub(back).and_then(|i| toks.get(i)) else { break };
            let w = strip_conj(&t.norm);
            if PLACE_PREPS.contains(w) && back == 1 {
                return false;
            }
            if PLACE_PREPS.contains(w) || t.kind == hadath_text::TokenKind::Punct {
                break;
            }
            if METONYM_VERBS.contains(w) || (back == 1 && METONYM_CUES_BEFORE.contains(&w)) {
                return true;
            }
        }
        if let Some(next) = toks.get(m.end) {
            let n = strip_conj(&next.norm);
            if METONYM_VERBS.contains(n) {
                return true;
            }
            // A present-tense verb right after: "باكو تتهم".
            let letters = n.chars().count();
            if (n.starts_with('ت') || n.starts_with('ي')) && letters >= 4 && !n.ends_with('ه') && !n.ends_with("ات")
            {
                return true;
            }
        }
        false
    }
}

/// Entities of a document, sorted and non-overlapping, only inside sentences.
pub(crate) fn annotate(lex: &Lexicon, doc: &Document) -> Vec<Entity> {
    let text = doc.text.as_str();
    let whole = [Span::new(0, text.len())];
    let ranges: &[Span] = if doc.sentences.is_empty() { &whole } else { &doc.sentences };
    let mut sentences = Vec::with_capacity(ranges.len());
    let mut all_matches: Vec<LexMatch<'_>> = Vec::new();
    // Sentences come in text order: one walk over the tokens finds each sentence's tokens.
    let mut cursor = 0usize;
    for &r in ranges {
        let tokens: std::borrow::Cow<'_, [Token]> = if doc.tokens.is_empty() {
            let mut v = Vec::new();
            if text.get(r.start..r.end).is_some() {
                tokenize_range(text, r, &mut v);
            }
            v.into()
        } else {
            let all = &doc.tokens;
            if all.get(cursor.saturating_sub(1)).is_some_and(|t| t.span.start >= r.start) {
                cursor = all.partition_point(|t| t.span.start < r.start);
            }
            while all.get(cursor).is_some_and(|t| t.span.start < r.start) {
                cursor += 1;
            }
            let a = cursor;
            while all.get(cursor).is_some_and(|t| t.span.end <= r.end) {
                cursor += 1;
            }
            std::borrow::Cow::Borrowed(&all[a..cursor])
        };
        let first = all_matches.len();
        let t: &[Token] = &tokens;
        lex.match_into(t.len(), |i| t[i].norm.as_str(), &mut all_matches);
        sentences.push(Sentence { tokens, matches: first..all_matches.len() });
    }
    let mut mentioned: FxMap<&str, usize> = FxMap::default();
    for m in &all_matches {
        // A form shared by a country and a capital (عمان) is no evidence either way.
        if m.entries.len() > 1 {
            continue;
        }
        if let Some(e) = m.entries.first().and_then(|&i| lex.entry(i)) {
            if matches!(e.kind, EntryKind::Country | EntryKind::Adjective | EntryKind::Capital) {
                if let Some(c) = &e.country {
                    *mentioned.entry(c.as_str()).or_default() += 1;
                }
            }
        }
    }
    let mut people: FxMap<u32, usize> = FxMap::default();
    for m in &all_matches {
        if let Some(&p) = m.entries.iter().find(|&&i| lex.entry(i).is_some_and(|e| e.kind == EntryKind::Person)) {
            *people.entry(p).or_default() += 1;
        }
    }
    let mut r = Resolver {
        lex,
        text,
        date: doc.published.value,
        mentioned,
        people,
        last_by_role: FxMap::default(),
        last_role: None,
        out: Vec::new(),
    };
    for s in &sentences {
        r.sentence(&s.tokens, all_matches.get(s.matches.clone()).unwrap_or(&[]));
    }
    let mut out = r.out;
    // Entities mostly come in text order already.
    if !out.is_sorted_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end))) {
        out.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    }
    let mut kept: Vec<Entity> = Vec::with_capacity(out.len());
    for e in out {
        if e.span.is_empty() {
            continue;
        }
        if kept.last().is_some_and(|k| k.span.end > e.span.start) {
            continue;
        }
        kept.push(e);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`skip_normalised`] as it read before the per-char table: normalising each char.
    fn skip_by_normalising(orig: &str, norm_len: usize) -> usize {
        if norm_len == 0 {
            return 0;
        }
        let mut n = 0;
        let mut buf = [0u8; 4];
        for (i, c) in orig.char_indices() {
            n += normalize_for_match(c.encode_utf8(&mut buf)).len();
            if n >= norm_len {
                let mut end = i + c.len_utf8();
                for d in orig[end..].chars() {
                    if normalize_for_match(d.encode_utf8(&mut buf)).is_empty() {
                        end += d.len_utf8();
                    } else {
                        break;
                    }
                }
                return end;
            }
        }
        orig.len()
    }

    #[test]
    fn skipping_proclitics_agrees_with_normalising_each_char() {
        let words = ["وبالرئيس", "وَبِالرَّئِيسِ", "للأمم", "لـلأمم", "فـ", "كالعادة", "ﻻعب", "وAB", "وبـ😀", "ـ", ""];
        for w in words {
            for len in 0..=w.len() + 2 {
                assert_eq!(skip_normalised(w, len), skip_by_normalising(w, len), "{w} {len}");
            }
        }
    }
}
