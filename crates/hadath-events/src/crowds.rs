//! Who a protest is by and against, read from the words around its crowd: what follows
//! "ضد" or "احتجاجا على" is protested against ("تظاهروا ضد سياسة الحكومة")؛ a crowd counted
//! in a nationality plural ("خرج مئات السودانيين"، "المحتجون من اليمنيين") or named as the
//! residents of a place ("أهالي مدينة حمص") has that country.

use crate::clause::SentenceView;
use crate::coder::strip_conj;
use crate::patterns::TriggerMatch;
use hadath_text::Actor;

/// Words that count a crowd: "عشرات"، "مئات"، "آلاف"، "حشود" (normalised: ئ is ي, آ is ا).
const CROWD_COUNTS: &[&str] = &["عشرات", "ميات", "الاف", "الالاف", "الوف", "حشود", "حشد", "جموع", "العشرات", "الميات"];

/// Nouns of the people of a place: "سكان"، "أهالي"، "أبناء".
const RESIDENTS: &[&str] = &["سكان", "اهالي", "ابناء", "اهل"];

/// The words that open what a protest is against.
const AGAINST: &[&str] = &["ضد", "وضد"];

/// Token index of the first token of an actor's mention.
fn first_token(v: &SentenceView, a: &Actor) -> usize {
    v.tokens.partition_point(|t| t.span.end <= a.span.start)
}

/// Whether a word is a nationality adjective in the plural ("الفلسطينيين"، "يمنيون"), as a
/// noun for the people of a country, and that country.
fn nationality_plural(w: &str) -> Option<&'static str> {
    if !(w.ends_with("يين") || w.ends_with("يون")) {
        return None;
    }
    // Not strip_conj: "فلسطينيين" starts with the letter ف.
    let lex = hadath_lexicon::Lexicon::get();
    lex.country_of_adjective(w).or_else(|| w.strip_prefix('و').and_then(|r| lex.country_of_adjective(r)))
}

/// Whether token `i` counts a crowd: a number or a word of count.
fn counts(v: &SentenceView, i: usize) -> bool {
    let w = strip_conj(v.norm(i));
    CROWD_COUNTS.contains(&w) || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
}

/// Whether an actor stands in a phrase of what is protested against: right after "ضد" or
/// one noun after it ("ضد وجود القوات")، in the trigger's clause.
fn against(v: &SentenceView, i: usize) -> bool {
    (i.saturating_sub(2)..i).any(|k| AGAINST.contains(&v.norm(k)) && v.same_clause(k, i))
}

/// Whether a protest trigger is followed by "على" (what it is about): "احتجاجا على قرار
/// الحكومة"، "للاحتجاج على".
fn about_follows(v: &SentenceView, m: &TriggerMatch) -> bool {
    matches!(v.norm(m.last), "علي" | "ضد")
}

/// Sets the sides of a protest from the words around its crowd (see the module comment).
pub(crate) fn protest_sides(v: &SentenceView, m: &TriggerMatch, source: &mut Vec<Actor>, target: &mut Vec<Actor>) {
    let trigger_end = v.tokens.get(m.last.saturating_sub(1)).map_or(0, |t| t.span.end);
    // What the protest is against is not who protests.
    let mut moved: Vec<Actor> = Vec::new();
    source.retain(|a| {
        let i = first_token(v, a);
        let object = about_follows(v, m) && a.span.start >= trigger_end && v.same_clause(i, m.first);
        if against(v, i) || object {
            moved.push(a.clone());
            false
        } else {
            true
        }
    });
    if !moved.is_empty() {
        target.retain(|a| !moved.iter().any(|b| b.span == a.span));
        moved.append(target);
        *target = moved;
        // The crowd before the trigger protests: "خرج الطلاب احتجاجا على ...".
        if source.is_empty() {
            if let Some(g) = v.groups.iter().rev().find(|g| {
                g.last <= m.first
                    && v.same_clause(g.first, m.first)
                    && g.members.first().is_some_and(|r| v.preposition_before(r).is_none())
                    && !target.iter().any(|a| a.span == g.members[0].entity.span)
            }) {
                *source = g.actors();
            }
        }
    }
    if source.iter().any(|a| a.country.is_some()) {
        return;
    }
    let Some((at, country)) = crowd_country(v, m, source) else {
        return;
    };
    let empty = source.is_empty();
    let crowd = source.iter_mut().find(|a| a.sector.as_deref() == Some("CVL") || a.code.is_none());
    match crowd {
        Some(a) => {
            a.country = Some(country.clone());
            if a.code.is_some() && a.code == a.sector {
                a.code = a.sector.as_ref().map(|s| format!("{country}{s}"));
            }
        }
        None if empty => source.push(crate::coder::group_of_token(v, at, country, "CVL")),
        None => {}
    }
}

/// The country of a protest's crowd and the token that names it: a nationality plural
/// counted ("مئات السودانيين")، after "من" following the crowd ("المحتجون من اليمنيين")، or
/// right after the verb ("تظاهر الأردنيون")؛ or the place of which the crowd are the
/// residents ("أهالي مدينة حمص"). Only in the trigger's clause, near the trigger.
fn crowd_country(v: &SentenceView, m: &TriggerMatch, source: &[Actor]) -> Option<(usize, String)> {
    let lo = m.first.saturating_sub(8);
    let hi = (m.last + 6).min(v.tokens.len());
    let crowd_at = |i: usize| source.iter().any(|a| first_token(v, a) == i);
    for i in lo..hi {
        if !v.same_clause(i, m.first) {
            continue;
        }
        if let Some(c) = nationality_plural(v.norm(i)) {
            let counted = i >= 1 && counts(v, i - 1);
            let of_crowd = i >= 2 && v.norm(i - 1) == "من" && (crowd_at(i - 2) || counts(v, i - 2));
            let after_verb = i == m.last && !m.nominal;
            if counted || of_crowd || after_verb {
                return Some((i, c.to_string()));
            }
        }
        if RESIDENTS.contains(&strip_conj(v.norm(i))) {
            let place = v.places.iter().find(|r| r.first > i && r.first - i <= 4 && v.same_clause(r.first, i));
            if let Some(c) = place.and_then(|r| r.entity.country.clone()) {
                return Some((i, c));
            }
        }
    }
    None
}
