//! Who the subject of a violence verb stands for: the speaker's own forces in what it
//! reports ("قال الجيش إن قواته قصفت"، "أعلن الحلف أنه قتل"، "ذكر الجيش أن ثلاثة من جنوده
//! قتلوا"), or no one in particular ("جائزة لمن يقتل").

use crate::clause::SentenceView;
use crate::coder::{has_object_pronoun, strip_conj};
use crate::patterns::{Frame, Pattern, TriggerMatch};

/// Nouns of armed forces that, with a possessive pronoun ("قواته"، "جنودها"، "طائراتهم"),
/// are the forces of whom the pronoun stands for. A ta marbuta before a suffix is a ت
/// ("قوته"، "طائرتها"), and ئ is folded to ي as in all matched text.
const FORCE_NOUNS: &[&str] = &[
    "قوات",
    "قوت",
    "جنود",
    "جيش",
    "طايرات",
    "طايرت",
    "مقاتلات",
    "مروحيات",
    "دبابات",
    "مدفعيت",
    "عناصر",
    "مقاتلي",
    "رجال",
    "افراد",
    "وحدات",
    "زوارق",
    "سفن",
    "قناصت",
];

/// Possessive pronouns of the third person.
const POSSESSIVES: &[&str] = &["ه", "ها", "هم", "هما"];

/// A subordinator with its pronoun as the subject of what follows: "أنه قتل".
const PRONOUN_SUBJECTS: &[&str] = &["انه", "انها", "انهم", "بانه", "بانها", "بانهم"];

/// Subordinators that open what a speaker says: "قال إن"، "أعلن أن"، "أفاد بأن".
const SUBORDINATORS: &[&str] = &["ان", "بان"];

/// How the speaker of a reported clause takes part in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnRole {
    /// The speaker's forces did it: "إن قواته قتلت خمسة مسلحين".
    Source,
    /// The speaker's forces suffered it: "إن ثلاثة من جنوده قتلوا".
    Target,
}

/// Whether a word is a force noun with a third-person possessive pronoun: "قواته".
fn own_forces(w: &str) -> bool {
    POSSESSIVES.iter().any(|s| w.strip_suffix(s).is_some_and(|stem| FORCE_NOUNS.contains(&stem)))
}

/// The role of the speaker of the reporting verb at `verb` in a violence trigger whose
/// subject, right before it, is the speaker's own forces ("قواته"، "جنوده") or the
/// speaker itself as a pronoun after the subordinator ("أنه قتل"). The subordinator must be
/// the first after the reporting verb, so the pronoun can stand for no one else. A past
/// killing verb with no object ("إن جنوده قتلوا") tells the forces as its victims; with an
/// object, or any other violence verb, as who did it. Nouns are left alone.
pub fn speaker_role(v: &SentenceView, m: &TriggerMatch, p: &Pattern, verb: usize, has_target: bool) -> Option<OwnRole> {
    if p.event_type != "ASSAULT" || m.nominal || m.first < 2 {
        return None;
    }
    if !matches!(p.frame, Frame::Kill | Frame::Verb) {
        return None;
    }
    let subject = strip_conj(v.norm(m.first - 1));
    let (sub, pronoun) = if PRONOUN_SUBJECTS.contains(&subject) {
        (m.first - 1, true)
    } else if own_forces(subject) && SUBORDINATORS.contains(&strip_conj(v.norm(m.first - 2))) {
        (m.first - 2, false)
    } else if own_forces(subject)
        && m.first >= 4
        && v.norm(m.first - 2) == "من"
        && SUBORDINATORS.contains(&strip_conj(v.norm(m.first - 4)))
    {
        // "إن ثلاثة من جنوده قتلوا": a count of the forces.
        (m.first - 4, false)
    } else {
        return None;
    };
    if verb >= sub || sub - verb > 25 {
        return None;
    }
    // The subordinator is the reporting verb's own: no other opens between them.
    let opened = (verb + 1..sub).any(|i| {
        let w = strip_conj(v.norm(i));
        SUBORDINATORS.contains(&w) || PRONOUN_SUBJECTS.contains(&w)
    });
    if opened {
        return None;
    }
    let trig = v.norm(m.first);
    let stem = trig.get(m.prefix_len.min(trig.len())..).unwrap_or("");
    let present = stem.starts_with('ي') || stem.starts_with('ت');
    if p.frame == Frame::Kill && !has_target && !present && !has_object_pronoun(v.norm(m.last - 1)) {
        // "أنه قتل" with no object may as well be passive: the speaker was killed, or killed.
        return (!pronoun).then_some(OwnRole::Target);
    }
    Some(OwnRole::Source)
}

/// Relatives of no one in particular before a verb: "من يقتل" (whoever kills), "لمن
/// يهاجم"، "كل من يتظاهر". Before a verb, "من" is no preposition.
const GENERIC_RELATIVES: &[&str] = &["من", "لمن", "ومن", "فمن", "ممن", "بمن"];

/// Whether a present-tense violence or protest verb has "whoever" as its subject ("جائزة
/// لمن يقتل ..."، "ومن يعتدي على ... سيعاقب"): a kind of deed named, not one done. A past
/// verb ("من قتلوا") may name the victims of a deed told, and is left alone. A form with ت
/// is present when the pattern has the same form with ي ("تهاجم" but not "تظاهر").
pub fn whoever_does(v: &SentenceView, m: &TriggerMatch, p: &Pattern) -> bool {
    if matches!(p.frame, Frame::Noun | Frame::Complement)
        || m.first == 0
        || m.prefix_len > 0
        || !matches!(p.event_type.as_str(), "ASSAULT" | "PROTEST")
    {
        return false;
    }
    let trig = v.norm(m.first);
    let present = trig.starts_with('ي')
        || trig.strip_prefix('ت').is_some_and(|rest| {
            let he = format!("ي{rest}");
            p.forms.iter().any(|(f, nominal)| !nominal && f.split(' ').next() == Some(he.as_str()))
        });
    present && GENERIC_RELATIVES.contains(&v.norm(m.first - 1))
}

/// Machines of war whose nationality adjective names who used them: "طائرة أميركية"،
/// "مروحيات إسرائيلية"، "زوارق حربية" is no nationality. ئ and ة are folded (ي، ه).
const WAR_MACHINES: &[&str] = &[
    "طايره",
    "طايرات",
    "الطايره",
    "الطايرات",
    "مروحيه",
    "مروحيات",
    "المروحيات",
    "مقاتلات",
    "المقاتلات",
    "دبابه",
    "دبابات",
    "الدبابات",
    "بارجه",
    "بوارج",
    "زوارق",
    "الزوارق",
    "مدفعيه",
    "المدفعيه",
];

/// Verbs a raid or a shot is told as done with, with its object pronoun: "غارة شنتها طائرة".
const DONE_WITH_PRONOUN: &[&str] = &["شنتها", "شنها", "نفذتها", "نفذها", "اطلقتها", "اطلقها", "القتها", "القاها"];

/// The country of a machine of war that did a violent act, with the machine's token: right
/// after a verb as its subject ("قصفت طائرات إسرائيلية ..."), or after a raid noun and a verb
/// that takes it as object ("في غارة ليلية نفذتها طائرة أميركية"). A machine anywhere else
/// ("أسقط المسلحون طائرة أميركية") may be the target, and is not read.
pub fn machine_of(v: &SentenceView, m: &TriggerMatch, p: &Pattern) -> Option<(usize, String)> {
    if p.event_type != "ASSAULT" {
        return None;
    }
    let lex = hadath_lexicon::Lexicon::get();
    let at = |k: usize| -> Option<(usize, String)> {
        if !v.same_clause(k, m.first) || !WAR_MACHINES.contains(&v.norm(k)) {
            return None;
        }
        // "طائرة بدون طيار أميركية": the adjective may follow the unmanned phrase.
        let adj = [k + 1, k + 3].into_iter().find_map(|j| {
            let w = v.norm(j);
            (v.same_clause(j, m.first)).then(|| lex.country_of_adjective(w)).flatten()
        })?;
        Some((k, adj.to_string()))
    };
    // A verb with its subject in its ending ("استهدفوا طائرة أميركية") has the machine as
    // object.
    let plural = v.norm(m.last - 1).ends_with("وا");
    if !m.nominal && !plural && !matches!(p.frame, Frame::Noun | Frame::Complement) {
        if let Some(found) = at(m.last) {
            return Some(found);
        }
    }
    (m.last..(m.last + 3).min(v.tokens.len()))
        .find(|&j| DONE_WITH_PRONOUN.contains(&strip_conj(v.norm(j))))
        .and_then(|j| at(j + 1))
        .or_else(|| strike_of(v, m))
}

/// Nouns of strikes only an army makes: an air raid, a shelling.
const STRIKE_NOUNS: &[&str] = &["غاره", "غارات", "ضربه", "ضربات", "قصف"];

/// Words between a strike noun and its nationality adjective: "غارة جوية إسرائيلية".
const STRIKE_KINDS: &[&str] = &["جويه", "جوي", "مدفعي", "صاروخي", "ليليه", "ليلي"];

/// The country of a strike that a toll is told in, with the strike's token: "قتل خمسة في
/// غارة جوية روسية"، "أصيب ثلاثة بقصف تركي". The strike is a phrase after the trigger in
/// its clause (after في، جراء، إثر، خلال، or with ب on the noun).
fn strike_of(v: &SentenceView, m: &TriggerMatch) -> Option<(usize, String)> {
    let lex = hadath_lexicon::Lexicon::get();
    (m.last..(m.last + 10).min(v.tokens.len())).find_map(|j| {
        if !v.same_clause(j, m.first) {
            return None;
        }
        let w = strip_conj(v.norm(j));
        let with_ba = w.strip_prefix('ب').is_some_and(|r| STRIKE_NOUNS.contains(&r));
        let after_prep = j >= 1 && matches!(strip_conj(v.norm(j - 1)), "في" | "جراء" | "اثر" | "خلال");
        if !(with_ba || (after_prep && STRIKE_NOUNS.contains(&w))) {
            return None;
        }
        let k = if STRIKE_KINDS.contains(&v.norm(j + 1)) { j + 2 } else { j + 1 };
        let adj = v.same_clause(k, m.first).then(|| lex.country_of_adjective(v.norm(k))).flatten()?;
        Some((j, adj.to_string()))
    })
}

/// Whether protesters are counted among a toll ("إصابة 48 شخصا بينهم 20 من المتظاهرين"،
/// "مقتل عدد من المحتجين"): the sentence tells what was done to them, not a protest.
pub fn protesters_in_a_toll(v: &SentenceView, m: &TriggerMatch, p: &Pattern, has_casualties: bool) -> bool {
    if !has_casualties || p.event_type != "PROTEST" || m.first < 2 || v.norm(m.first - 1) != "من" {
        return false;
    }
    let w = v.norm(m.first);
    let crowd = w.contains("متظاهر") || w.contains("محتج");
    let count = v.tokens[m.first - 2].kind == hadath_text::TokenKind::Number
        || matches!(strip_conj(v.norm(m.first - 2)), "عدد" | "عشرات" | "مئات" | "العشرات" | "المئات");
    crowd && count
}
