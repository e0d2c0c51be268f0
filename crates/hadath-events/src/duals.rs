//! "البلدين"، "الجانبين"، "الطرفين": the two countries named last before them in the article.
//!
//! A dual reference ("وزيري خارجية البلدين"، "زعيمي البلدين"، "بين الطرفين") becomes one
//! placeholder entity while the coder reads roles, so that clause reading sees one actor
//! group; the coder then expands it into one actor for each country.

use hadath_text::{Actor, Document, Entity, EntityKind, Span};

/// Marks the placeholder entities the coder adds and removes again.
const PLACEHOLDER_ID: &str = "hadath-events:dual";

/// Dual nouns for "the two countries" or "the two sides", after their proclitics are removed.
const DUAL_NOUNS: &[&str] =
    &["البلدين", "البلدان", "الجانبين", "الجانبان", "الطرفين", "الطرفان", "الدولتين", "الدولتان"];

/// A dual reference resolved to the actors it stands for.
pub struct DualRef {
    pub span: Span,
    pub actors: Vec<Actor>,
}

/// Office named by dual titles before the noun: (title words, lexicon role, sector).
const DUAL_TITLES: &[(&[&str], Option<&str>, &str)] = &[
    (&["وزيري", "خارجيه"], Some("foreign-minister"), "GOV"),
    (&["وزيرا", "خارجيه"], Some("foreign-minister"), "GOV"),
    (&["وزيري", "دفاع"], Some("defence-minister"), "MIL"),
    (&["وزيرا", "دفاع"], Some("defence-minister"), "MIL"),
    (&["زعيمي"], None, "GOV"),
    (&["زعيما"], None, "GOV"),
    (&["رئيسي"], None, "GOV"),
    (&["رئيسا"], None, "GOV"),
    (&["قاده"], None, "GOV"),
    (&["قادتي"], None, "GOV"),
    (&["حكومتي"], None, "GOV"),
    (&["جيشي"], None, "MIL"),
    (&["جيشا"], None, "MIL"),
];

/// A normalised token without a conjunction and a preposition before the article, with the
/// number of letters removed: "وللبلدين" → ("لبلدين" read as "البلدين", 2).
fn without_proclitics(w: &str) -> (String, usize) {
    let mut rest = w;
    let mut removed = 0;
    if rest.chars().count() > 4 {
        if let Some(r) = rest.strip_prefix('و').or_else(|| rest.strip_prefix('ف')) {
            rest = r;
            removed += 1;
        }
    }
    if let Some(r) = rest.strip_prefix("لل") {
        // "للبلدين": the alif of the article falls after ل.
        return (format!("ال{r}"), removed + 1);
    }
    for p in ['ب', 'ك', 'ل'] {
        if let Some(r) = rest.strip_prefix(p) {
            if r.starts_with("ال") {
                return (r.to_string(), removed + 1);
            }
        }
    }
    (rest.to_string(), removed)
}

/// Whether a token is a title word with or without proclitics ("و"، "ب"، "وب").
fn title_lead(tok: &str, word: &str) -> Option<()> {
    ["", "و", "ف", "ب", "ل", "وب", "ول"].iter().any(|p| tok.strip_prefix(*p) == Some(word)).then_some(())
}

/// Byte offset in `text` after `letters` letters (marks such as diacritics and tatweel do
/// not count).
fn after_letters(text: &str, letters: usize) -> usize {
    let mut seen = 0;
    for (i, ch) in text.char_indices() {
        if seen == letters && !is_mark(ch) {
            return i;
        }
        if !is_mark(ch) {
            seen += 1;
        }
    }
    text.len()
}

fn is_mark(ch: char) -> bool {
    matches!(ch, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Whether an entity names a country: a country, or an actor of a country.
fn names_country(e: &Entity) -> Option<&str> {
    match e.kind {
        EntityKind::Place => None,
        _ if e.lexicon_id.as_deref() == Some(PLACEHOLDER_ID) => None,
        _ => e.country.as_deref(),
    }
}

/// The two countries of one stretch of entities: the last two named together ("أرمينيا
/// وأذربيجان"، "نظيريه الأذربيجاني والأرميني"), else the last two distinct ones.
fn pair_in(doc: &Document, entities: &[&Entity]) -> Option<(String, String)> {
    for pair in entities.windows(2).rev() {
        let (Some(a), Some(b)) = (pair.first(), pair.get(1)) else { continue };
        let (Some(ca), Some(cb)) = (names_country(a), names_country(b)) else { continue };
        let gap = doc.text.get(a.span.end..b.span.start).unwrap_or("").trim();
        if ca != cb && matches!(gap, "" | "و" | "،" | "," | "، و" | ", و") {
            return Some((ca.to_string(), cb.to_string()));
        }
    }
    let mut found: Vec<&str> = Vec::new();
    for c in entities.iter().rev().filter_map(|e| names_country(e)) {
        if !found.contains(&c) {
            found.push(c);
        }
        if found.len() == 2 {
            break;
        }
    }
    match found.as_slice() {
        [b, a] => Some((a.to_string(), b.to_string())),
        _ => None,
    }
}

/// The two countries a dual reference at byte `at` stands for: those of its own sentence
/// before it when it names two, else those of the closest sentence before that names two.
/// The country of a third party (the subject whose object the reference is) is left out.
fn two_countries(doc: &Document, at: usize, sentence: usize, third: Option<&str>) -> Option<(String, String)> {
    let before: Vec<&Entity> = doc
        .entities
        .iter()
        .take_while(|e| e.span.end <= at)
        .filter(|e| names_country(e).is_some_and(|c| Some(c) != third))
        .collect();
    for k in (0..=sentence).rev() {
        let Some(s) = doc.sentences.get(k) else { continue };
        let inside: Vec<&Entity> =
            before.iter().copied().filter(|e| s.start <= e.span.start && e.span.end <= s.end).collect();
        if let Some(pair) = pair_in(doc, &inside) {
            return Some(pair);
        }
    }
    pair_in(doc, &before)
}

/// The actor a dual reference gives for one country: the holder of the office when the
/// title names one, else the country or its government.
fn actor_for(doc: &Document, span: Span, country: &str, role: Option<&str>, sector: Option<&str>) -> Actor {
    let lex = hadath_lexicon::Lexicon::get();
    let person = role
        .and_then(|r| lex.holder(country, r, doc.published.value))
        .and_then(|(p, _)| lex.entry(p))
        .map(|e| e.name.clone());
    let country_name = lex.country(country).map(|e| e.name.clone());
    Actor {
        span,
        kind: if person.is_some() { EntityKind::Person } else { EntityKind::Country },
        name: person.or(country_name),
        code: Some(format!("{country}{}", sector.unwrap_or(""))),
        country: Some(country.to_string()),
        sector: sector.map(str::to_string),
    }
}

/// Finds the dual references of a document and resolves each to its two countries.
pub fn find_duals(doc: &Document) -> Vec<DualRef> {
    let mut found = Vec::new();
    let mut sentence = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        // Most tokens are no dual noun: every one is at least 14 bytes long and ends in a stem
        // and ين or ان (cheap byte tests), tested before any allocation.
        let n = t.norm.as_str();
        let stem = n.strip_suffix("ين").or_else(|| n.strip_suffix("ان")).filter(|_| n.len() >= 14);
        if !stem.is_some_and(|s| ["بلد", "جانب", "طرف", "دولت"].iter().any(|x| s.ends_with(x))) {
            continue;
        }
        let (bare, clitic_letters) = without_proclitics(n);
        if !DUAL_NOUNS.contains(&bare.as_str()) {
            continue;
        }
        while doc.sentences.get(sentence).is_some_and(|s| s.end <= t.span.start) {
            sentence += 1;
        }
        // A title before the noun: "وزيري خارجية البلدين"، "بزعيمي البلدين".
        let title = DUAL_TITLES.iter().find_map(|(words, role, sector)| {
            let k = i.checked_sub(words.len())?;
            title_lead(doc.tokens.get(k).map_or("", |t| t.norm.as_str()), words.first()?)?;
            let rest_matches = words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(j, w)| doc.tokens.get(k + j).is_some_and(|t| t.norm.as_str() == *w));
            rest_matches.then_some((k, *role, *sector))
        });
        // An actor right before the phrase is the subject of a verb that takes it as object
        // ("ودعا لافروف الطرفين"، "استضاف بلينكن وزيري خارجية البلدين"): a third party.
        let phrase_first = title.map_or(i, |(k, _, _)| k);
        let third = phrase_first
            .checked_sub(1)
            .and_then(|j| doc.tokens.get(j))
            .and_then(|prev| doc.entities.iter().find(|e| e.span.end == prev.span.end))
            .and_then(names_country);
        // The mention is the noun alone: a title starting with و ("وزيري") would otherwise
        // read as a conjunction joining it to the actor before.
        let first = t;
        let lead_letters = clitic_letters;
        let start = first.span.start
            + doc.text.get(first.span.start..first.span.end).map_or(0, |s| after_letters(s, lead_letters));
        let span = Span::new(start, t.span.end);
        if start >= t.span.end || doc.entities.iter().any(|e| e.span.start < span.end && span.start < e.span.end) {
            continue;
        }
        let Some((a, b)) = two_countries(doc, span.start, sentence, third) else { continue };
        let (role, sector) = match title {
            Some((_, role, sector)) => (role, Some(sector)),
            None => (None, None),
        };
        let actors = vec![actor_for(doc, span, &a, role, sector), actor_for(doc, span, &b, role, sector)];
        found.push(DualRef { span, actors });
    }
    found
}

/// Adds one placeholder entity for each dual reference, keeping the entities in order.
pub fn add_placeholders(doc: &mut Document, duals: &[DualRef]) {
    for d in duals {
        let at = doc.entities.partition_point(|e| e.span.start < d.span.start);
        let entity = Entity {
            span: d.span,
            kind: EntityKind::Group,
            name: "the two sides".to_string(),
            code: None,
            country: None,
            sector: None,
            role: None,
            lat: None,
            lon: None,
            lexicon_id: Some(PLACEHOLDER_ID.to_string()),
        };
        doc.entities.insert(at, entity);
    }
}

/// Removes the placeholder entities again.
pub fn remove_placeholders(doc: &mut Document) {
    doc.entities.retain(|e| e.lexicon_id.as_deref() != Some(PLACEHOLDER_ID));
}

/// Replaces each placeholder actor by the actors its dual reference stands for.
pub fn expand(actors: Vec<Actor>, duals: &[DualRef]) -> Vec<Actor> {
    if duals.is_empty() {
        return actors;
    }
    let mut out = Vec::with_capacity(actors.len() + 1);
    for a in actors {
        let placeholder = a.code.is_none() && a.kind == EntityKind::Group;
        match duals.iter().find(|d| placeholder && d.span == a.span) {
            Some(d) => out.extend(d.actors.iter().cloned()),
            None => out.push(a),
        }
    }
    out
}
