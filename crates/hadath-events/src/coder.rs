//! The event coder: triggers to events with roles, status, date, place and casualties.

use crate::clause::{ActorGroup, SentenceView};
use crate::duals::{expand, DualRef};
use crate::own_side::OwnRole;
use crate::patterns::{Frame, Pattern, PatternSet, TriggerMatch};
use crate::quotes::SpeakerTrack;
use crate::words::word_set;
use hadath_text::{
    Actor, Casualties, Counted, DateBasis, Document, EntityKind, Event, EventDate, EventLocation, EventStatus,
    Precision, Quote, Span, TimeKind, TimexValue,
};

/// Words before a trigger that deny it.
const NEGATORS: &[&str] =
    &["لم", "لن", "لا", "ما", "ليس", "لما", "غير", "عدم", "دون", "بدون", "ولم", "ولن", "ولا", "فلم", "لعدم"];
/// Words in the clause before a trigger that deny it.
const DENIAL_VERBS: &[&str] = &[
    "نفي",
    "نفت",
    "ينفي",
    "تنفي",
    "نفوا",
    "نفيا",
    "منع",
    "منعت",
    "تمنع",
    "يمنع",
    "حظر",
    "حظرت",
    "نافيا",
    "نافيه",
    "كذب",
    "كذبت",
    // A foiled attack did not take place: "أحبطت الشرطة هجوما".
    "احبط",
    "احبطت",
    "احبطوا",
    "يحبط",
    "تحبط",
    "احباط",
    "اجهض",
    "اجهضت",
    "اجهضوا",
    "يجهض",
    "تجهض",
    "اجهاض",
];
const CANCEL_WORDS: &[&str] = &[
    "الغي",
    "الغيت",
    "الغت",
    "الغاء",
    "ارجي",
    "ارجيت",
    "ارجا",
    "ارجات",
    "تاجيل",
    "تاجل",
    "تاجلت",
    "اجل",
    "اجلت",
    "الغي",
];
const PLAN_WORDS: &[&str] = &[
    "سوف",
    "حذر",
    "حذرت",
    "يحذر",
    "تحذر",
    "تحذير",
    "تحذيرا",
    "تحذيرها",
    "تحذيره",
    "اوامر",
    "تعليمات",
    "المقرر",
    "مقرر",
    "مقررا",
    "المنتظر",
    "المرتقب",
    "مرتقب",
    "يعتزم",
    "تعتزم",
    "يعتزمان",
    "المزمع",
    "مزمع",
    "المتوقع",
    "يتوقع",
    "ويتوقع",
    "يرتقب",
    "ينتظر",
    "تنوي",
    "ينوي",
    "سيعقد",
    "ستعقد",
    "سيجري",
    "ستجري",
    "يزمع",
    "قرر",
    "قررت",
    "تقرر",
    "يجب",
    "ينبغي",
    "يمكن",
    "قد",
    "ربما",
    "احتمال",
    "امكانيه",
    "محتمل",
    "محتمله",
    "مخاوف",
    "خشيه",
    "خطط",
    "خطه",
    "يخطط",
    "تخطط",
    "استعداد",
    "استعدادا",
    "تحضيرا",
    "لمنع",
];
/// Words of hope, wish and commitment: what they govern is wanted, not done ("يأملان الحفاظ
/// على تنسيق"، "رغبتهما في"، "ملتزمة بمفاوضات").
const WISH_WORDS: &[&str] = &[
    "يامل",
    "تامل",
    "ياملان",
    "تاملان",
    "يامله",
    "نامل",
    "امل",
    "املها",
    "امله",
    "املهما",
    "رغبه",
    "رغبته",
    "رغبتها",
    "رغبتهما",
    "رغبتهم",
    "ملتزم",
    "ملتزمه",
    "ملتزمون",
    "ملتزمان",
    "يتطلع",
    "تتطلع",
    "يتطلعان",
    "نتطلع",
];

const CONDITION_WORDS: &[&str] = &["اذا", "حال", "شرط", "شريطه", "لو", "لولا", "ان", "حاله", "حاله"];
/// Verbs saying a meeting takes place: "يعقد"، "تتم".
const HELD_VERBS: &[&str] = &["يعقد", "تعقد", "ينعقد", "تنعقد", "يتم", "تتم", "يجري", "تجري", "يحدث", "تحدث"];
/// Words after a planned trigger that place it in the future.
const FUTURE_AFTER: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه", "قريبا", "غدا"];

/// A trigger with what was read around it, before events are finalised.
struct Candidate {
    m: TriggerMatch,
    status: EventStatus,
    mode: Option<String>,
    source: Vec<Actor>,
    target: Vec<Actor>,
    mediator: Vec<Actor>,
    /// The source hosts two guests from two other countries: it mediates between them
    /// (CAMEO 045, mode third-party), as the host of the interfaces.md example does.
    third_party: bool,
    absorbed: bool,
    /// The first token of the trigger that governs this one ("دعا إلى وقف إطلاق النار").
    governor: Option<usize>,
    /// A meeting noun that points back at a meeting already told ("هذا اللقاء"، "خلال
    /// الاجتماع"): it adds a place to that meeting at most, and is no event of its own.
    refers_back: Option<BackReference>,
}

/// How a meeting noun points back at a meeting already told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BackReference {
    /// A demonstrative, "المذكور" or "نفسه", or a definite noun after a preposition of time or
    /// occasion ("خلال الاجتماع"، "قبيل القمة"، "على هامش اللقاء"): never a new meeting.
    Marked,
    /// A definite noun with no actor of its own ("وانعقد الاجتماع في ..."): the meeting told
    /// before, when the article has told one.
    Definite,
}

pub(crate) fn strip_conj(w: &str) -> &str {
    // Only from more than three chars; they are counted only after a conjunction.
    match w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
        Some(rest) if rest.chars().nth(2).is_some() => rest,
        _ => w,
    }
}

/// Status of a trigger from the words around it in its clause.
fn read_status(v: &SentenceView, m: &TriggerMatch, p: &Pattern, question: bool) -> EventStatus {
    let first = m.first;
    let trig = v.norm(first);
    // A future prefix on the verb itself: سيعقد، وستبحث.
    let verbal = !matches!(p.frame, Frame::Noun | Frame::Complement);
    if verbal && m.prefix_len > 0 {
        let pre = &trig[..m.prefix_len.min(trig.len())];
        if pre.ends_with('س') {
            return EventStatus::Planned;
        }
    }
    // "لقتل"، "بهدف اغتيال": a purpose, not a deed.
    if p.event_type == "ASSAULT" {
        let pre = &trig[..m.prefix_len.min(trig.len())];
        let prev = if first > 0 { strip_conj(v.norm(first - 1)) } else { "" };
        // "تعرض الوزير لمحاولة اغتيال": what someone suffered happened.
        // The sufferer may be named at length, with commas, between: "تعرض المدير فلان، ابن
        // عم ...، لمحاولة اغتيال"; "بتعرض" is the verbal noun.
        let suffered_verb = |i: usize| {
            let w = strip_conj(v.norm(i));
            let w = w.strip_prefix('ب').unwrap_or(w);
            w.starts_with("تعرض")
        };
        let suffered_before = (first.saturating_sub(3)..first).any(|i| suffered_verb(i) && v.same_clause(i, first))
            || (first.saturating_sub(25)..first).any(|i| {
                suffered_verb(i) && strip_conj(v.norm(first - 1)) == "لمحاوله"
                    || suffered_verb(i) && pre == "ل" && v.norm(first).starts_with("لمحاوله")
            });
        if (pre == "ل" || pre == "ول") && !suffered_before {
            return EventStatus::Planned;
        }
        let purpose = |w: &str| {
            matches!(w, "محاوله" | "بهدف" | "قصد" | "لمحاوله" | "بمحاوله" | "خطه" | "مخطط" | "موامره" | "مخاوف")
        };
        // "بمحاولة شن هجوم": the attempt governs a support verb and its noun.
        let prev2 = if first > 1 { strip_conj(v.norm(first - 2)) } else { "" };
        // "تعرض لمحاولة اغتيال": an attempt that was made is an attack.
        let suffered = first > 1 && strip_conj(v.norm(first - 2)).starts_with("تعرض");
        if (purpose(prev) && !suffered) || purpose(prev2) && word_set!(SUPPORT_VERBS).contains(prev) {
            return EventStatus::Planned;
        }
    }
    // "جائزة لمن يقتل"، "ومن يعتدي": whoever would do it, no deed done.
    if crate::own_side::whoever_does(v, m, p) {
        return EventStatus::Conditional;
    }
    let lo = first.saturating_sub(7);
    let mut status = EventStatus::Occurred;
    for i in (lo..first).rev() {
        if !v.same_clause(i, first) {
            break;
        }
        let w = v.norm(i);
        let bare = strip_conj(w);
        let near = first - i <= 2;
        if near && word_set!(NEGATORS).contains(w) && !undeterred(v.norm(i + 1)) {
            // "لن يعقد" about a meeting: cancelled, not denied.
            if (w == "لن" || w == "ولن") && p.event_type == "CONSULT" {
                return EventStatus::Cancelled;
            }
            return EventStatus::Denied;
        }
        if word_set!(CANCEL_WORDS).contains(bare) {
            return EventStatus::Cancelled;
        }
        if word_set!(DENIAL_VERBS).contains(bare) {
            return EventStatus::Denied;
        }
        // "قد توصلتا" (have reached) is done; "قد يتوصلان" (may reach) is not.
        // "وكان ... قد شهد" is the pluperfect of background, which is left as it was read.
        let pluperfect = || {
            (i.saturating_sub(6)..i)
                .any(|k| matches!(strip_conj(v.norm(k)), "كان" | "كانت" | "كانوا" | "كانا") && v.same_clause(k, i))
        };
        let done = bare == "قد" && past_after_qad(v.norm(i + 1)) && !pluperfect();
        if (word_set!(PLAN_WORDS).contains(bare) && !done)
            || (bare.starts_with('س') && is_future_verb(bare))
            || (WISH_WORDS.contains(&bare)
                && !(i + 1..first).any(|k| {
                    let w = strip_conj(v.norm(k));
                    OCCASION_WORDS.contains(&w) || DETACHING.contains(&w)
                }))
        {
            status = EventStatus::Planned;
        }
        if CONDITION_WORDS.contains(&bare) && bare != "ان" {
            return EventStatus::Conditional;
        }
        if bare == "في" && v.norm(i + 1) == "حال" {
            return EventStatus::Conditional;
        }
    }
    // Cancellation or future time after the trigger: "الاجتماع ألغي"، "القمة المقبلة".
    for i in m.last..(m.last + 4).min(v.tokens.len()) {
        if !v.same_clause(i, first) {
            break;
        }
        let bare = strip_conj(v.norm(i));
        // "الاجتماع ألغي" but not "احتجاجا على إلغاء".
        if word_set!(CANCEL_WORDS).contains(bare) && matches!(p.event_type.as_str(), "CONSULT" | "AGREE") {
            return EventStatus::Cancelled;
        }
        if FUTURE_AFTER.contains(&bare) || (i == m.last && word_set!(PLAN_WORDS).contains(bare)) {
            status = EventStatus::Planned;
        }
    }
    // A meeting that "لن يعقد" or "ألغي" later in the sentence: "إن اللقاء المقرر ... لن يعقد".
    if p.event_type == "CONSULT" && m.nominal {
        for i in m.last..(m.last + 16).min(v.tokens.len()) {
            let bare = strip_conj(v.norm(i));
            let next = v.norm(i + 1);
            if word_set!(CANCEL_WORDS).contains(bare) || (bare == "لن" && word_set!(HELD_VERBS).contains(next)) {
                return EventStatus::Cancelled;
            }
        }
    }
    if question && status == EventStatus::Occurred {
        return EventStatus::Conditional;
    }
    status
}

/// Whether the verb after قد is in the past tense: a present verb starts with ي، ن or ت, and
/// one that starts with ت is read as past only with a past ending (توصلتا، تعرضوا).
fn past_after_qad(w: &str) -> bool {
    match w.chars().next() {
        Some('ي' | 'ن') | None => false,
        Some('ت') => w == "تم" || ((w.ends_with("تا") || w.ends_with("وا")) && !w.starts_with("تت")),
        Some(_) => true,
    }
}

/// Whether a word is "يتورع" or "يتوانى" (refrain, hesitate), which after لم or لا affirm what
/// follows: "لم يتوان المحتجون عن قطع الطريق" says they did.
fn undeterred(w: &str) -> bool {
    let w = strip_conj(w);
    ["يتورع", "تتورع", "يتوان", "تتوان", "يتردد", "تتردد"].iter().any(|s| w.starts_with(s))
}

/// Whether "لم يتورع" or "لم يتوان" stands before a trigger in its clause: the deed was done.
fn done_without_hesitation(v: &SentenceView, m: &TriggerMatch) -> bool {
    (m.first.saturating_sub(8)..m.first)
        .any(|i| matches!(v.norm(i), "لم" | "ولم" | "فلم") && undeterred(v.norm(i + 1)) && v.same_clause(i, m.first))
}

/// Verbs of dispersing a crowd: "فرقت الشرطة مظاهرة"، "فض اعتصام"، "تفرق المتظاهرون".
const DISPERSE_VERBS: &[&str] = &[
    "فرق",
    "فرقت",
    "فرقوا",
    "يفرق",
    "تفرق",
    "تفريق",
    "لتفريق",
    "بتفريق",
    "فض",
    "فضت",
    "فضوا",
    "يفض",
    "تفض",
    "لفض",
    "بفض",
];

/// Whether a protest noun is what police or a crowd dispersed: a protest that took place.
/// Dispersing protesters ("لتفريق المتظاهرين") tells what was done to them, not a protest.
fn dispersed(v: &SentenceView, m: &TriggerMatch) -> bool {
    let crowd = v.norm(m.first).contains("متظاهر") || v.norm(m.first).contains("محتج");
    !crowd
        && ((m.first.saturating_sub(8)..m.first).any(|i| {
            // "فرقت" must not lose its ف to the conjunction stripper.
            let w = v.norm(i);
            (word_set!(DISPERSE_VERBS).contains(w) || word_set!(DISPERSE_VERBS).contains(strip_conj(w)))
                && v.same_clause(i, m.first)
        }) || (m.last..(m.last + 2).min(v.tokens.len()))
            .any(|i| matches!(strip_conj(v.norm(i)), "تفرقوا" | "تفرق" | "تفرقت") && v.same_clause(i, m.first)))
}

/// Future verbs with the س prefix that announce an event: سيعقد، ستجري.
fn is_future_verb(w: &str) -> bool {
    ["سيعقد", "ستعقد", "سيجري", "ستجري", "سيلتقي", "ستلتقي", "سيتم", "ستتم", "سيشارك", "سيزور", "ستشهد", "سيشهد"]
        .contains(&w)
}

/// Whether a sentence is a question.
fn is_question(v: &SentenceView) -> bool {
    v.tokens.last().is_some_and(|t| t.norm == "?")
        || v.tokens.first().is_some_and(|t| t.norm == "هل" || t.norm == "وهل")
}

/// Roles from clause structure around a trigger.
fn read_roles(
    v: &SentenceView,
    m: &TriggerMatch,
    p: &Pattern,
    c: &mut Candidate,
    others: &[TriggerMatch],
    duals: &[DualRef],
) {
    let in_clause = |g: &ActorGroup| v.same_clause(g.first, m.first);
    let violent = matches!(p.event_type.as_str(), "ASSAULT" | "PROTEST");
    let first_person = FIRST_PERSON.contains(&strip_conj(v.norm(m.first))) || (!violent && we_before(v, m));
    // An actor in a relative clause on another event ("تنسيق ... بعد قمة براغ التي جمعت X و
    // Y") took part in that event: it is none of this trigger's roles.
    let after: Vec<&ActorGroup> = v
        .groups
        .iter()
        .filter(|g| g.first >= m.last && in_clause(g) && !in_other_event_relative(v, m, p, others, g.first))
        .collect();
    let before: Vec<&ActorGroup> = v.groups.iter().filter(|g| g.last <= m.first && in_clause(g)).collect();
    let prep = |g: &ActorGroup| g.members.first().and_then(|r| v.preposition_before(r));

    // "بين X و Y": both sides of a meeting or a fight, when "بين" belongs to the trigger.
    let after_between = |g: &ActorGroup| g.first >= 1 && matches!(v.norm(g.first - 1), "بين" | "وبين");
    let first_between = after.iter().copied().find(|g| after_between(g) && g.first - m.last <= 8);
    let between = first_between.filter(|g| between_attaches(v, m, p, g.first - 1, others));
    let mut between_pair: Option<(Vec<Actor>, Vec<Actor>)> = None;
    if let Some(g) = between {
        let mut acts = actors_of(g, duals);
        if acts.len() >= 2 {
            let rest = acts.split_off(1);
            between_pair = Some((acts, rest));
        } else if let Some(next) = after.iter().find(|h| {
            // "بين X ونظرائهم في Y": X's counterparts in Y are the other side.
            let counterparts = COUNTERPARTS.contains(&v.norm(g.last)) && matches!(v.norm(g.last + 1), "في" | "من");
            h.first > g.last && (h.first - g.last <= 2 || (counterparts && h.first - g.last <= 4))
        }) {
            between_pair = Some((acts, actors_of(next, duals)));
        }
    }

    match p.frame {
        Frame::Passive => {
            for g in &after {
                match prep(g).as_deref() {
                    Some("by") => c.source = actors_of(g, duals),
                    Some(_) => {}
                    None if c.target.is_empty() => c.target = actors_of(g, duals),
                    None => {}
                }
            }
            if c.target.is_empty() {
                if let Some(g) = before.last().filter(|g| m.first - g.last <= 3) {
                    c.target = actors_of(g, duals);
                }
            }
        }
        Frame::Kill => {
            // An object follows its verb with no prepositional phrase between them: in "قتل
            // جندي في هجوم انتحاري" the bomber is not the victim.
            let bare: Vec<&&ActorGroup> =
                after.iter().filter(|g| prep(g).is_none() && (!obstructed(v, m.last, g.first))).collect();
            // A verbal noun's genitive is its victim: "مقتل 15 جنديا".
            if bare.len() >= 2 && bare[0].first - m.last <= 2 && !m.nominal {
                c.source = actors_of(bare[0], duals);
                c.target = actors_of(bare[1], duals);
            } else if let Some(g) = bare.first() {
                c.target = actors_of(g, duals);
            }
            for g in &after {
                if prep(g).as_deref() == Some("by") {
                    c.source = actors_of(g, duals);
                }
            }
            if c.source.is_empty() && c.target.is_empty() {
                if let Some(g) = before.last().filter(|g| m.first - g.last <= 3) {
                    // "خمسة جنود قتلوا"، "لقي الحارس مصرعه": with no object after it, a verb
                    // after its subject is passive or intransitive, and the subject its victim;
                    // an object pronoun ("قتلوه"، "قتلتهم") or the present tense of a headline
                    // ("إسرائيل تغتال ...") makes the subject the killer.
                    let trig = v.norm(m.first);
                    let stem = trig.get(m.prefix_len.min(trig.len())..).unwrap_or("");
                    let present = stem.starts_with('ي') || stem.starts_with('ت');
                    if !m.nominal && (present || has_object_pronoun(v.norm(m.last - 1))) {
                        c.source = actors_of(g, duals);
                    } else {
                        c.target = actors_of(g, duals);
                    }
                }
            }
            // "دارت بين X و Y حرب ... وأسفرت عن مقتل": the toll of a war or fight between two
            // sides in the clause is theirs; both are its sources, as for a clash.
            let result =
                m.first >= 2 && v.norm(m.first - 1) == "عن" && RESULT_VERBS.contains(&strip_conj(v.norm(m.first - 2)));
            if c.source.is_empty() && c.target.is_empty() && m.nominal && result {
                let war = |i: usize| WAR_NOUNS.contains(&strip_conj(v.norm(i)));
                let sides = before.iter().find(|g| {
                    g.first >= 1
                        && matches!(v.norm(g.first - 1), "بين" | "وبين")
                        && (war(g.first.saturating_sub(2)) || war(g.last))
                        && g.members.len() >= 2
                });
                if let Some(g) = sides {
                    c.source = actors_of(g, duals);
                }
            }
        }
        Frame::Verb | Frame::Host => {
            let mut rest = after.iter().copied();
            let mut subject_after = false;
            // Subject right before the verb: "لافروف استضاف نظيريه".
            let adjacent_before = before.last().filter(|g| m.first - g.last <= 1 && prep(g).is_none());
            // A participle ("داعيا أرمينيا إلى") has its subject earlier; what follows is its object.
            let participle = word_set!(PARTICIPLES).contains(strip_conj(v.norm(m.first)));
            // A subject inside a split trigger: "أطلق جنود النار".
            let inner = v.groups.iter().find(|g| g.first > m.first && g.last < m.last && in_clause(g));
            // A pronoun before the verb ("ظهر فيه وهو يستقبل X") is its subject, standing for
            // the last actor before it: who follows is the object.
            let pronoun = m.first >= 1 && {
                let w = v.norm(m.first - 1);
                matches!(w.strip_prefix('و').unwrap_or(w), "هو" | "هي" | "هما" | "هم")
            };
            // A city as the subject of hosting ("استضافت الدوحة قمة"، "القمة التي استضافتها
            // X") is where the meeting was held: no actor hosts it, and who was hosted are its
            // parties.
            let place_host = p.frame == Frame::Host
                && !v.groups.iter().any(|g| g.first == m.last || g.last == m.first)
                && v.places.iter().any(|r| {
                    r.entity.kind == hadath_text::EntityKind::Place && (r.first == m.last || r.last == m.first)
                });
            // A first-person verb ("أدعو كلا من X و Y") has the speaker as subject: who
            // follows is its object, and the speaker is read from the quotation.
            if first_person || place_host {
                subject_after = true;
            } else if pronoun {
                subject_after = true;
                if let Some(g) = v.groups.iter().rev().find(|g| g.last < m.first) {
                    c.source = actors_of(g, duals);
                }
            } else if let Some(g) = inner.filter(|g| prep(g).is_none()) {
                c.source = actors_of(g, duals);
                subject_after = true;
            } else if participle {
                subject_after = true;
                if let Some(g) = v.groups.iter().find(|g| g.last <= m.first) {
                    c.source = actors_of(g, duals);
                }
            } else if let Some(g) = adjacent_before {
                c.source = actors_of(g, duals);
                subject_after = true;
            } else if let Some(g) = after.first().filter(|g| prep(g).is_none() && g.first - m.last <= 3) {
                c.source = actors_of(g, duals);
                subject_after = true;
                rest.next();
            }
            if !subject_after {
                if let Some(g) = before.last() {
                    c.source = actors_of(g, duals);
                }
            }
            for g in rest {
                // Sides "بين X و Y" of the trigger, or of another noun, are not its object.
                if between.is_some_and(|b| std::ptr::eq(b, g)) || first_between.is_some_and(|b| std::ptr::eq(b, g)) {
                    break;
                }
                // "شن X عملية ... بعد أن هاجم Y": the subject of a clause of time after it.
                if (m.last..g.first)
                    .any(|i| v.norm(i) == "ان" && i >= 1 && matches!(strip_conj(v.norm(i - 1)), "بعد" | "قبل" | "عقب"))
                {
                    break;
                }
                match prep(g).as_deref() {
                    Some("by") | Some("عن") | Some("في") | Some("من") if p.event_type != "ASSAULT" => continue,
                    _ => {}
                }
                c.target = actors_of(g, duals);
                // "استضاف لافروف نظيريه الأذربيجاني والأرميني"، "جمع ماكرون زعيمي البلدين": a
                // host of two guests from two other countries mediates their talks. It stays
                // the source, the guests the targets (CAMEO 045 has the mediator as source).
                if p.frame == Frame::Host && prep(g).is_none() && between.is_none() && two_guests(&c.source, &c.target)
                {
                    c.third_party = true;
                    c.mode = Some("third-party".to_string());
                }
                break;
            }
            if place_host && c.source.is_empty() {
                c.source = std::mem::take(&mut c.target);
            }
        }
        Frame::Noun | Frame::Complement => {
            // "هجوم إسرائيلي على ..."، "قصف القوات الأذربيجانية": an actor right after the noun.
            for g in &after {
                // "اتصال هاتفي أجراه الرئيس مساء الإثنين مع نظيره": a meeting's partner after
                // "مع" may stand past the holder and a time.
                let partner = p.event_type == "CONSULT" && prep(g).as_deref() == Some("مع") && g.first - m.last <= 10;
                if g.first - m.last > 4 && !c.source.is_empty() && !partner {
                    break;
                }
                match prep(g).as_deref() {
                    None if c.source.is_empty() && g.first - m.last <= 2 => c.source = actors_of(g, duals),
                    Some("علي") | Some("ضد") | Some("مع") | Some("ل") | Some("الي") if c.target.is_empty() => {
                        c.target = actors_of(g, duals)
                    }
                    Some("by") => c.source = actors_of(g, duals),
                    _ => {}
                }
            }
            // "على هامش القمة الأوروبية": the occasion of a meeting is not who holds it.
            let margin = |g: &ActorGroup| g.first >= 1 && strip_conj(v.norm(g.first - 1)) == "هامش";
            // "لقاء X الذي ضم في مايو A و B": those it brought together took part in it.
            if let Some(k) = gathered_in_relative(v, m).filter(|_| p.event_type == "CONSULT") {
                let party = after.iter().find(|g| g.first > k && g.first - k <= 8 && prep(g).is_none());
                if let Some(g) = party {
                    c.source = actors_of(g, duals);
                    c.target.clear();
                }
            }
            // "أجرى الوزير ... محادثات مع ...": the subject of the verb that holds the meeting,
            // however far a phrase of place or time sets it from the noun.
            if c.source.is_empty() && p.event_type == "CONSULT" {
                let holder = before.iter().rev().find(|g| {
                    g.first >= 1 && word_set!(HOLD_VERBS_PAST).contains(strip_conj(v.norm(g.first - 1))) && !margin(g)
                });
                if let Some(g) = holder {
                    c.source = actors_of(g, duals);
                }
            }
            if c.source.is_empty() {
                if let Some(g) = before.last().filter(|g| m.first - g.last <= 6 && !margin(g)) {
                    c.source = actors_of(g, duals);
                }
            }
            // "تلقى X ونظيره Y دعوة"، "X تلقى اتصالا": who receives a call or a warning is its
            // target. The noun must be the verb's object: "تلقي خطابا في مؤتمر" is a speech.
            if let Some(g) = before.last() {
                let receives = |i: usize| RECEIVE_VERBS.contains(&strip_conj(v.norm(i)));
                let verb_first = g.first >= 1 && receives(g.first - 1) && m.first - g.last <= 1;
                let subject_first = m.first == g.last + 1 && receives(g.last);
                if verb_first || subject_first {
                    let acts = actors_of(g, duals);
                    c.source.retain(|a| !acts.iter().any(|b| b.span == a.span));
                    c.target = acts;
                    // "دعوة من الرئيس الروسي": the sender.
                    if c.source.is_empty() {
                        if let Some(h) =
                            after.iter().find(|h| h.first - m.last <= 2 && prep(h).as_deref() == Some("من"))
                        {
                            c.source = actors_of(h, duals);
                        }
                    }
                }
            }
        }
    }
    if let Some((a, b)) = between_pair {
        // "روسيا تستضيف محادثات بين A و B": a host of talks between two others of two other
        // countries is coded as a host of two guests ("استضاف X نظيريه"): the host the source
        // of a third-party consultation (CAMEO 045), the two the targets.
        let guests: Vec<Actor> = a.iter().chain(&b).cloned().collect();
        if p.id == "consult.host" && two_guests(&c.source, &guests) {
            c.target = guests;
            c.third_party = true;
            c.mode = Some("third-party".to_string());
        } else if p.frame == Frame::Host
            || (matches!(p.frame, Frame::Verb) && p.event_type == "CONSULT" && !c.source.is_empty())
        {
            // A host of talks between two others mediates them.
            c.mediator = std::mem::take(&mut c.source);
            c.source = a;
            c.target = b;
        } else {
            c.source = a;
            c.target = b;
        }
    }
    // Mediators named anywhere in the clause: بوساطة، برعاية، بحضور.
    for (i, t) in v.tokens.iter().enumerate() {
        // Only talks, agreements and concessions have mediators.
        if !matches!(p.event_type.as_str(), "CONSULT" | "AGREE" | "CONCEDE" | "COOPERATE" | "RETREAT") {
            break;
        }
        if !v.same_clause(i, m.first) && p.event_type != "CONSULT" {
            continue;
        }
        let w = t.norm.as_str();
        let w = strip_conj(w);
        // "جمع بوتين بين علييف وباشينيان": who brings two others together mediates.
        let brings_together = matches!(w, "جمع" | "جمعت" | "يجمع" | "تجمع")
            && v.groups.iter().any(|g| g.first > i && g.first - i <= 3 && v.norm(g.last) == "بين");
        let in_presence = w == "حضور" && i > 0 && matches!(v.norm(i - 1), "في" | "وفي");
        let is_med = matches!(w, "بوساطه" | "برعايه" | "بحضور" | "بمشاركه" | "وساطه" | "رعايه" | "بتدبير")
            || brings_together
            || in_presence;
        // A cue belongs to the nearest verb trigger on its side: in "اجتمع X و Y برعاية Z،
        // كما اجتمع A و B بتدبير من W", Z mediates the first meeting only (a noun between,
        // "اجتمعا في جولة مفاوضات بوساطة"، names the same meeting).
        let mediable = |o: &TriggerMatch| {
            let ty = PatternSet::get().patterns[o.pattern].event_type.as_str();
            matches!(ty, "CONSULT" | "AGREE" | "CONCEDE" | "COOPERATE" | "RETREAT")
                && !o.nominal
                && o.first != i
                && o.first != m.first
        };
        let (lo, hi) = if i < m.first { (i, m.first) } else { (m.last, i) };
        let nearer = others.iter().any(|o| mediable(o) && o.first > lo && o.first < hi);
        if is_med && !nearer {
            if let Some(g) = v.groups.iter().find(|g| g.first > i && g.first - i <= 3) {
                let meds = actors_of(g, duals);
                c.source.retain(|a| !meds.iter().any(|b| b.span == a.span));
                c.target.retain(|a| !meds.iter().any(|b| b.span == a.span));
                c.mediator = meds;
            } else if let Some(a) = adjective_country(v, i + 1, None).filter(|_| c.mediator.is_empty()) {
                // "بوساطة روسية"، "برعاية قطرية": the country of the adjective mediates.
                c.mediator = vec![a];
            }
        }
    }
    // A verb with no subject in its clause continues the sentence's last actors: "فيما تعهدا".
    if c.source.is_empty()
        && matches!(p.frame, Frame::Verb)
        && !matches!(p.event_type.as_str(), "ASSAULT" | "PROTEST")
        && !first_person
    {
        if let Some(g) = v.groups.iter().rev().find(|g| g.last <= m.first && m.first - g.last <= 25) {
            let acts = actors_of(g, duals);
            if !acts
                .iter()
                .any(|a| c.target.iter().any(|b| b.span == a.span) || c.mediator.iter().any(|b| b.span == a.span))
            {
                c.source = acts;
            }
        }
    }
    // "اتفق X و Y ...، في لقاء مع Z": a meeting noun with a partner and no subject of its own
    // is held by the sentence's last actors before it.
    if c.source.is_empty() && !c.target.is_empty() && m.nominal && p.event_type == "CONSULT" {
        let with = |g: &&ActorGroup| g.first >= 1 && v.norm(g.first - 1) == "مع";
        if v.groups.iter().any(|g| g.first >= m.last && with(&g)) {
            if let Some(g) = v.groups.iter().rev().find(|g| g.last <= m.first && m.first - g.last <= 25) {
                let acts = actors_of(g, duals);
                if !acts.iter().any(|a| c.target.iter().chain(&c.mediator).any(|b| b.span == a.span)) {
                    c.source = acts;
                }
            }
        }
    }
    // A target of the source's code is the source again, unless it is an organisation of
    // another name ("بين قادة الاتحاد ونظرائهم في الشراكة الشرقية").
    c.target.retain(|a| {
        !c.source.iter().any(|b| {
            let other_body = a.kind == EntityKind::Organisation && a.name.is_some() && a.name != b.name;
            // The two countries of "البلدين" share its span: a span is one actor only with
            // one code.
            (b.span == a.span && b.code == a.code) || (b.code.is_some() && b.code == a.code && !other_body)
        })
    });
    // "التقيا ... زعيما أذربيجان وأرمينيا": a meeting of two with no subject; one side each.
    if c.source.is_empty() && c.target.len() >= 2 && p.event_type == "CONSULT" {
        let rest = c.target.split_off(1);
        c.source = std::mem::replace(&mut c.target, rest);
    }
    // "التقى X و Y" is coded as "التقى X بـ Y": of a meeting between two parties with no
    // target, the first is the source and the other the target. A visit has both visitors as
    // its source; three or more parties stay together. Violence of two countries with no
    // target ("دارت بين X و Y حرب أسفرت عن مقتل ...") is a clash of the two, one side each.
    let two_countries = p.event_type == "ASSAULT" && c.source.iter().all(|a| a.kind == EntityKind::Country);
    if (p.event_type == "CONSULT" && p.id != "consult.visit" || p.id == "assault.clash" || two_countries)
        && c.target.is_empty()
        && c.source.len() == 2
        && c.source[0].code.is_some()
        && c.source[0].code != c.source[1].code
    {
        c.target = c.source.split_off(1);
    }
}

/// Words that open a phrase or clause of their own between a trigger and "بين": "وجاءت
/// المحادثات عقب مناوشات اندلعت بين ...".
const DETACHING: &[&str] = &["بعد", "قبل", "عقب", "اثر", "منذ", "بشان", "حول", "حيال", "ازاء", "رغم", "بسبب", "جراء"];

/// Nouns that a following "بين" belongs to: the border, the relations, the war between two.
const BETWEEN_HEADS: &[&str] = &[
    "الحدود",
    "حدود",
    "الحدوديه",
    "العلاقات",
    "علاقات",
    "العلاقه",
    "الصراع",
    "النزاع",
    "التوتر",
    "التوترات",
    "الخلاف",
    "الخلافات",
    "الحرب",
    "العداء",
    "النقل",
    "الطريق",
    "الطرق",
    "الممر",
    "التجاره",
    "التبادل",
    "الفجوه",
    "الهوه",
    "الثقه",
    "المسافه",
    "الربط",
    "التطبيع",
    "الفصل",
];

/// Whether "بين" at token `bain` gives the trigger its two sides: it follows the trigger or
/// its modifiers, with no other event noun, no relative clause on another noun, no phrase
/// of time or cause, and (but for a fight) no noun that takes "بين" itself ("ترسيم الحدود
/// بين") between them.
fn between_attaches(v: &SentenceView, m: &TriggerMatch, p: &Pattern, bain: usize, others: &[TriggerMatch]) -> bool {
    let set = PatternSet::get();
    (m.last..bain).all(|i| {
        let w = strip_conj(v.norm(i));
        let other_event = others.iter().any(|o| {
            o.first == i
                && o.first != m.first
                && set.patterns.get(o.pattern).is_some_and(|q| q.event_type != p.event_type)
        });
        // A relative clause right after the trigger describes it ("الاجتماع الذي عقد بين ..."),
        // one after another noun describes that noun.
        let late_relative = RELATIVES.contains(&w) && i > m.last + 1;
        // A fight "على الحدود بين X و Y" is still one between X and Y.
        let other_head = BETWEEN_HEADS.contains(&w) && !matches!(p.event_type.as_str(), "ASSAULT" | "PROTEST");
        !(other_event || late_relative || DETACHING.contains(&w) || other_head)
    })
}

/// Actors of a group, with each dual reference ("البلدين") expanded into its two countries.
fn actors_of(g: &ActorGroup, duals: &[DualRef]) -> Vec<Actor> {
    expand(g.actors(), duals)
}

/// Whether a host's object names two guests of two countries, neither the host's own.
fn two_guests(host: &[Actor], guests: &[Actor]) -> bool {
    let countries: Vec<&str> = guests.iter().filter_map(|a| a.country.as_deref()).collect();
    let host_countries: Vec<&str> = host.iter().filter_map(|a| a.country.as_deref()).collect();
    guests.len() >= 2
        && countries.len() == guests.len()
        && countries.iter().skip(1).any(|c| Some(c) != countries.first())
        && !host.is_empty()
        && !countries.iter().any(|c| host_countries.contains(c))
}

/// Verbs that a toll is the result of: "أسفرت عن مقتل"، "خلفت".
const RESULT_VERBS: &[&str] = &["اسفر", "اسفرت", "اسفرا", "تسفر", "يسفر"];

/// Nouns of war and fighting that "بين X و Y" gives two sides to.
const WAR_NOUNS: &[&str] = &["حرب", "الحرب", "معارك", "المعارك", "قتال", "القتال", "اشتباكات", "مواجهات", "نزاع"];

/// First-person pronouns that are a subject: "نحن"، "إننا"، "أنا".
const WE: &[&str] = &["نحن", "اننا", "انا", "انني", "اني"];

/// Whether a first-person pronoun stands within four words before the trigger in its clause
/// ("ونحن مسرورون لدعم ذلك"، "إننا مستعدون للتعاون"): who speaks is its subject.
fn we_before(v: &SentenceView, m: &TriggerMatch) -> bool {
    (m.first.saturating_sub(4)..m.first).any(|i| {
        let w = v.norm(i);
        let w = w.strip_prefix('و').filter(|r| WE.contains(r)).unwrap_or(w);
        WE.contains(&w) && v.same_clause(i, m.first)
    })
}

/// The country of a nationality adjective at token `i` ("روسية"، "أرمينية"، "أمريكيا") as an
/// actor of that token, with `sector` after the country in its code when given.
fn adjective_country(v: &SentenceView, i: usize, sector: Option<&str>) -> Option<Actor> {
    let t = v.tokens.get(i)?;
    let w = t.norm.as_str();
    let c = country_of_adjective(w)?;
    Some(Actor {
        span: t.span,
        name: None,
        code: Some(format!("{c}{}", sector.unwrap_or(""))),
        country: Some(c.to_string()),
        sector: sector.map(str::to_string),
        kind: if sector.is_some() { EntityKind::Group } else { EntityKind::Country },
    })
}

/// A group of one country and sector named by token `i` ("طائرات"، "المحتجون"): the
/// country's military, civilians, ….
pub(crate) fn group_of_token(v: &SentenceView, i: usize, country: String, sector: &str) -> Actor {
    Actor {
        span: v.tokens[i].span,
        name: Some(v.tokens[i].norm.to_string()),
        code: Some(format!("{country}{sector}")),
        country: Some(country),
        sector: Some(sector.to_string()),
        kind: EntityKind::Group,
    }
}

/// The country of a normalised nationality adjective, also in the indefinite accusative,
/// which adds an alif ("أميركيا").
fn country_of_adjective(w: &str) -> Option<&'static str> {
    let lex = hadath_lexicon::Lexicon::get();
    lex.country_of_adjective(w).or_else(|| w.strip_suffix('ا').and_then(|s| lex.country_of_adjective(s)))
}

/// Nouns of military positions: "مواقع أرمينية" are the positions of that country's forces.
const POSITION_NOUNS: &[&str] =
    &["مواقع", "موقع", "مراكز", "مركز", "قواعد", "قاعده", "ثكنات", "ثكنه", "نقاط", "نقطه", "تحصينات", "خنادق"];

/// "فتحت النار على مواقع أرمينية": an attack on positions named by a nationality adjective,
/// within four words after the trigger in its clause, targets that country's military.
fn positions_target(v: &SentenceView, m: &TriggerMatch) -> Option<Actor> {
    (m.last..(m.last + 4).min(v.tokens.len())).find_map(|i| {
        let w = v.norm(i);
        (POSITION_NOUNS.contains(&w) && v.same_clause(i, m.first) && i >= 1 && matches!(v.norm(i - 1), "علي" | "ضد"))
            .then(|| adjective_country(v, i + 1, Some("MIL")))
            .flatten()
    })
}

/// "ونظيره"، "ونظرائهم": who holds the same office elsewhere.
const COUNTERPARTS: &[&str] =
    &["ونظيره", "ونظيرها", "ونظرائه", "ونظرائها", "ونظرائهم", "ونظيريهم", "ونظراوهم", "ونظرايهم"];

/// Trigger forms in the first person: their subject is who speaks.
const FIRST_PERSON: &[&str] = &["ادعو", "ندعو", "اناشد", "نناشد"];

/// Verbs of receiving: their subject is the target of the noun they take ("تلقى دعوة").
const RECEIVE_VERBS: &[&str] =
    &["تلقي", "تلقت", "تلقيا", "تلقوا", "يتلقي", "تتلقي", "تسلم", "تسلمت", "استلم", "استلمت", "تسلما"];

/// Prepositions that open a phrase an object cannot stand behind.
const PHRASE_PREPOSITIONS: &[&str] =
    &["في", "علي", "الي", "من", "عن", "خلال", "اثر", "جراء", "اثناء", "لدي", "عند", "قرب"];

/// Words before من or عن that qualify a count.
const QUALIFIERS: &[&str] = &["اكثر", "اقل", "يقل", "تقل", "يزيد", "تزيد"];

/// Whether a prepositional phrase stands between two token positions: "في هجوم"، "بانفجار".
fn obstructed(v: &SentenceView, from: usize, to: usize) -> bool {
    (from..to).any(|i| {
        let w = strip_conj(v.norm(i));
        // "ما لا يقل عن 12 شرطيا"، "أكثر من عشرة مدنيين" qualify a count.
        let count = matches!(w, "عن" | "من") && i > 0 && QUALIFIERS.contains(&strip_conj(v.norm(i - 1)));
        !count && (word_set!(PHRASE_PREPOSITIONS).contains(w) || (w.starts_with('ب') && w.chars().count() > 4))
    })
}

/// Whether a verb form ends in an object pronoun: "قتلوه"، "قتلتهم"، "اغتالوها".
pub(crate) fn has_object_pronoun(w: &str) -> bool {
    let stem_len = |suffix: &str| w.strip_suffix(suffix).map_or(0, |s| s.chars().count());
    ["هم", "هما", "ها", "ه", "هن"].iter().any(|s| stem_len(s) >= 3) && !w.contains("مصرع") && !w.contains("حتف")
}

/// Words that open a phrase naming an earlier or later event: "منذ بدء المواجهات" (not
/// خلال or أثناء, whose event shares the date).
const EMBEDDING: &[&str] = &["منذ", "بعد", "قبل", "عقب", "اثر", "غداه", "اعقاب"];

/// Whether a time after the trigger dates another event named in a phrase between them:
/// in "أول لقاء للوزيرين منذ اندلاع القتال في مطلع مارس" March dates the fighting, not the
/// meeting. A word that is part of a time ("بعد ظهر الأربعاء"، "منذ يومين") opens
/// no such phrase.
fn dates_embedded_event(doc: &Document, v: &SentenceView, m: &TriggerMatch, time: Span) -> bool {
    let in_time = |s: Span| doc.times.iter().any(|t| v.span.contains(t.span) && t.span.contains(s));
    let Some(end) = v.tokens.iter().position(|t| t.span.start >= time.start) else { return false };
    (m.last..end).any(|i| {
        let opens = v.tokens.get(i).is_some_and(|t| !in_time(t.span)) && EMBEDDING.contains(&strip_conj(v.norm(i)));
        // The phrase names something before the time: "منذ بدء المواجهات في".
        let named = v.tokens.get(i + 1).is_some_and(|t| !in_time(t.span)) && i + 1 < end;
        opens && named && v.same_clause(i, m.first)
    })
}

/// Words within nine after a trigger in its clause that make it a repeated deed: "التقيا عدة
/// مرات"، "مرارا"، "أكثر من مرة". Many meetings told at once have no one date, and the
/// publication date would be invented.
fn repeated(v: &SentenceView, m: &TriggerMatch) -> bool {
    let after = |i: usize| v.tokens.get(i).filter(|_| v.same_clause(i, m.first)).map(|t| t.norm.as_str());
    (m.last + 1..m.last + 10).any(|i| match after(i) {
        Some("مرارا" | "تكرارا") => true,
        Some("مرات") => {
            matches!(after(i + 1), Some("عده" | "عديده" | "كثيره"))
                || matches!(after(i.wrapping_sub(1)), Some("عده" | "عشرات"))
        }
        Some("مره") => i >= 2 && matches!(after(i - 1), Some("من")) && matches!(after(i - 2), Some("اكثر")),
        _ => false,
    })
}

/// Whether the trigger's clause counts deeds up to now ("قتلوا في المعارك حتى الآن"): a
/// tally has no one date, and the date of the sentence that reports it is not its date.
fn tally_so_far(v: &SentenceView, m: &TriggerMatch) -> bool {
    let so_far = |i: usize| i + 1 < v.tokens.len() && v.norm(i) == "حتي" && matches!(v.norm(i + 1), "الان" | "اللحظه");
    // "حتى" opens a clause of its own, so after the trigger the word before it must be in
    // the trigger's; before it, the tally stands right between a verb and its noun
    // ("أسفرت حتى اللحظة عن مقتل").
    (m.first + 1..m.last + 12).any(|i| so_far(i) && v.same_clause(i - 1, m.first))
        || (m.first.saturating_sub(4)..m.first.saturating_sub(1)).any(so_far)
}

/// Relative pronouns that open a clause of its own deed: "نظيره الذي اتهم موسكو".
const RELATIVE_PRONOUNS: &[&str] = &["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"];

/// Where the relative clause holding the trigger opens, when the trigger's verb follows a
/// relative pronoun ("الذي اتهم"، "التي قد شنتها"): a time before it dates the sentence's
/// main deed, not this one.
fn relative_clause_start(v: &SentenceView, m: &TriggerMatch) -> Option<usize> {
    let at = |i: usize| v.tokens.get(i).map(|_| v.norm(i));
    let before = m.first.checked_sub(1)?;
    if at(before).is_some_and(|w| RELATIVE_PRONOUNS.contains(&w)) {
        return Some(before);
    }
    let pronoun = before.checked_sub(1)?;
    (at(before) == Some("قد") && at(pronoun).is_some_and(|w| RELATIVE_PRONOUNS.contains(&w))).then_some(pronoun)
}

/// Date of an event: the closest time in its clause, else the sentence's first (main) time,
/// else the publication date.
/// `others` are the first and last tokens of the sentence's other events, of other types:
/// a time after one of them that stands between it and the trigger dates that one ("دعا
/// إلى ... وفق اتفاق ... الموقع برعاية قطرية في مارس 2019": March dates the deal).
fn read_date(doc: &Document, v: &SentenceView, m: &TriggerMatch, others: &[(usize, usize)]) -> EventDate {
    let unknown = EventDate { value: None, precision: Precision::Unknown, basis: DateBasis::Unknown, span: None };
    if tally_so_far(v, m) {
        return unknown;
    }
    // Times before a relative clause's pronoun date the main clause, not the deed inside.
    let relative_from = relative_clause_start(v, m).and_then(|i| v.tokens.get(i)).map(|t| t.span.start);
    let trig = v.tokens.get(m.first).map(|t| t.span).unwrap_or(v.span);
    let nearer_event = |time: Span| {
        let at = v.tokens.iter().position(|t| t.span.start >= time.start).unwrap_or(v.tokens.len());
        others.iter().any(|&(first, last)| first >= m.last && last <= at)
    };
    let usable: Vec<(&hadath_text::TimeMention, Option<(String, Precision)>)> = doc
        .times
        .iter()
        .filter(|t| v.span.contains(t.span))
        .filter(|t| !matches!(t.kind, TimeKind::Duration | TimeKind::Set))
        .filter(|t| !dates_embedded_event(doc, v, m, t.span) && !nearer_event(t.span))
        .filter(|t| relative_from.is_none_or(|from| t.span.start >= from))
        .map(|t| (t, date_of(t.value.as_ref(), t.precision)))
        .filter(|(_, d)| d.is_some())
        .collect();
    let clause_of =
        |s: Span| v.tokens.iter().position(|t| t.span.overlaps(s)).and_then(|i| v.strict_clause.get(i).copied());
    let trig_clause = v.strict_clause.get(m.first).copied();
    let best = usable
        .iter()
        .filter(|(t, _)| clause_of(t.span) == trig_clause)
        .min_by_key(|(t, _)| t.span.distance(trig))
        // A time before the trigger in another clause governs the sentence ("في 12 نوفمبر،
        // أجرى ..."), as does one set off by commas in its clause ("اتهمت X، اليوم الجمعة،
        // Y"); one in a later clause dates that clause ("والتقى X في بروكسل، وسبق لـ Y أن
        // التقيا خلال سبتمبر").
        .or_else(|| {
            let loose_clause = |s: Span| v.tokens.iter().position(|t| t.span.overlaps(s)).and_then(|i| v.clause.get(i));
            let in_time = |s: Span| usable.iter().any(|(t, _)| t.span.contains(s));
            // A clause of a time alone: "، يوم 3 مارس،".
            let time_alone = |s: Span| {
                let c = clause_of(s);
                v.tokens.iter().zip(&v.strict_clause).filter(|(_, k)| Some(**k) == c).all(|(t, _)| {
                    t.kind == hadath_text::TokenKind::Punct
                        || in_time(t.span)
                        || matches!(t.norm.as_str(), "يوم" | "مساء" | "صباح" | "ليل" | "ليله" | "ظهر" | "فجر")
                })
            };
            usable
                .iter()
                .filter(|(t, _)| {
                    t.span.end <= trig.start || loose_clause(t.span) == v.clause.get(m.first) || time_alone(t.span)
                })
                .min_by_key(|(t, _)| t.span.start)
        });
    if let Some((t, Some((value, precision)))) = best {
        // "في 3 مايو، عندما شن X هجوما بعد أن هاجم Y": a time before "بعد أن" dates the later
        // deed; the earlier one is before it, on a day the text does not give.
        let opener = (m.first >= 2
            && matches!(strip_conj(v.norm(m.first - 2)), "بعد" | "عقب" | "قبل")
            && v.norm(m.first - 1) == "ان")
            .then(|| v.tokens[m.first - 2].span.start);
        if opener.is_some_and(|o| t.span.end <= o) {
            return EventDate { value: None, precision: Precision::Unknown, basis: DateBasis::Unknown, span: None };
        }
        // "مطلع التسعينيات": an interval of several years gives no one date the output can
        // hold (YYYY at most); the text dates the event, to no value.
        if let Some(TimexValue::Interval { from, to }) = t.value.as_ref() {
            let year = |y: &str| y.parse::<i32>().ok().filter(|_| y.len() == 4);
            let years = year(from).zip(year(to)).filter(|_| t.precision == Precision::Year);
            if years.is_some_and(|(a, b)| b - a >= 2) {
                return EventDate { value: None, precision: Precision::Unknown, basis: t.basis, span: Some(t.span) };
            }
        }
        return EventDate { value: Some(value.clone()), precision: *precision, basis: t.basis, span: Some(t.span) };
    }
    // "في مايو من ذلك العام" left unresolved: the text dates the event, but not to a day we
    // know, so the publication date would be invented.
    let unresolved_date = doc.times.iter().any(|t| {
        v.span.contains(t.span) && t.kind == TimeKind::Date && t.value.is_none() && t.precision != Precision::Unknown
    });
    // A deed told in a relative clause with no time of its own is earlier than the sentence,
    // by how much the text does not say.
    if unresolved_date || repeated(v, m) || relative_from.is_some() {
        return unknown;
    }
    match doc.published.value {
        Some(d) => {
            EventDate { value: Some(d.iso()), precision: Precision::Day, basis: DateBasis::Publication, span: None }
        }
        None => EventDate { value: None, precision: Precision::Unknown, basis: DateBasis::Unknown, span: None },
    }
}

/// A calendar value and precision from a TIMEX value, when it names a date.
fn date_of(v: Option<&TimexValue>, p: Precision) -> Option<(String, Precision)> {
    let s = match v? {
        TimexValue::Single(s) => s.as_str(),
        TimexValue::Interval { from, .. } => from.as_str(),
    };
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        return None;
    }
    if b.len() >= 10 && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) {
        let prec = if p == Precision::Month || p == Precision::Year { p } else { Precision::Day };
        let v = match prec {
            Precision::Month => s[..7].to_string(),
            Precision::Year => s[..4].to_string(),
            _ => s[..10].to_string(),
        };
        return Some((v, prec));
    }
    if b.len() >= 7 && b[4] == b'-' && digits(5..7) {
        return Some((s[..7].to_string(), Precision::Month));
    }
    if b.len() == 4 {
        return Some((s.to_string(), Precision::Year));
    }
    // A season ("خريف 2020" is 2020-FA) dates the event to its year.
    if b.get(4) == Some(&b'-') && matches!(&s[5..], "SP" | "SU" | "FA" | "WI") {
        return Some((s[..4].to_string(), Precision::Year));
    }
    None
}

/// Whether a place phrase at tokens `first..last` belongs to the trigger and not to another
/// event or phrase between them. A phrase opened by a word of time, cause or topic stands
/// between ("بعد ساعات من تبادل الاتهامات"، "رغم وجود قوات في X"، "بشأن X"); a place
/// after the trigger with another event's trigger between belongs to that one ("دعا ...
/// وباكو تتهم" keeps the place of "للقاء في موسكو" for the meeting), unless the trigger
/// governs it ("دعا الطرفين للاجتماع في روسيا": the call is for a meeting there); a place
/// before the trigger belongs to the nearest trigger before it in its clause.
fn place_belongs(
    v: &SentenceView,
    m: &TriggerMatch,
    first: usize,
    last: usize,
    others: &[TriggerMatch],
    governed: &[usize],
) -> bool {
    let set = PatternSet::get();
    let ty = &set.patterns[m.pattern].event_type;
    let (lo, hi) = if first >= m.last { (m.last, first) } else { (last, m.first) };
    // "ما بعد" is a prefix ("فضاء ما بعد الاتحاد السوفيتي"), not a phrase of time.
    let compound = |i: usize| i > 0 && v.norm(i - 1) == "ما";
    let detaching = |i: usize| DETACHING.contains(&strip_conj(v.norm(i))) && !v.in_time(i) && !compound(i);
    if (lo..hi).any(detaching) {
        return false;
    }
    let other = |o: &&TriggerMatch| o.first != m.first && set.patterns[o.pattern].event_type != *ty;
    // An event noun in a phrase of time or occasion ("تعهدا قبيل الاجتماع ...، خلال قمة في
    // روسيا") sets the trigger within it and shares its place.
    let during = |o: &TriggerMatch| {
        o.first >= 1 && {
            let w = strip_conj(v.norm(o.first - 1));
            w == "في" || OCCASION_WORDS.contains(&w)
        }
    };
    if first >= m.last {
        !others
            .iter()
            .filter(other)
            .any(|o| o.first >= m.last && o.last <= first && !governed.contains(&o.first) && !during(o))
    } else {
        let nearest = others
            .iter()
            .filter(|o| o.last <= first && v.same_clause(o.first, first) && !(o.last..first).any(detaching))
            .max_by_key(|o| o.last);
        // A place in a phrase of cause or time of an earlier clause ("استمرت رغم وجود قوات
        // في X، ... حين سقط") is that phrase's.
        let start = (0..first).rev().find(|&i| !v.same_clause(i, first)).map_or(0, |i| i + 1);
        // A relative clause on a noun of that phrase ("منذ حرب في X، ... والتي قتل فيها")
        // goes on with it.
        let m_start = (0..m.first).rev().find(|&i| !v.same_clause(i, m.first)).map_or(0, |i| i + 1);
        let relative =
            (m_start..m.first).find(|&i| v.tokens[i].kind != hadath_text::TokenKind::Punct).is_some_and(|i| {
                let w = v.norm(i);
                RELATIVES.contains(&w.strip_prefix('و').unwrap_or(w))
            });
        let detached = !v.same_clause(first, m.first) && !relative && (start..first).any(detaching);
        !detached && nearest.is_none_or(|o| o.first == m.first || !other(&o))
    }
}

/// The place governed by في or ب nearest the trigger, preferring its own clause.
fn read_place(
    v: &SentenceView,
    m: &TriggerMatch,
    used: &[Actor],
    others: &[TriggerMatch],
    governed: &[usize],
) -> Option<EventLocation> {
    let mut best: Option<(usize, EventLocation)> = None;
    for r in &v.places {
        if used.iter().any(|a| a.span == r.entity.span) {
            continue;
        }
        if !place_belongs(v, m, r.first, r.last, others, governed) || in_accused_deed(v, m, r.first) {
            continue;
        }
        let governed = match v.preposition_before(r).as_deref() {
            Some("في") | Some("ب") => true,
            _ => {
                r.first >= 2
                    && matches!(v.norm(r.first - 2), "في" | "وفي")
                    && (v.norm(r.first - 1).starts_with("ال") || word_set!(PLACE_NOUNS).contains(v.norm(r.first - 1)))
                    || r.first >= 1 && PLACE_NOUNS.iter().any(|n| v.norm(r.first - 1).strip_prefix('ب') == Some(n))
            }
        };
        let is_place = r.entity.kind == hadath_text::EntityKind::Place;
        let right_after = is_place && r.entity.lat.is_some() && r.first >= m.last && r.first - m.last <= 2;
        if !(governed || right_after) {
            continue;
        }
        let dist = if r.first >= m.last { r.first - m.last } else { m.first.saturating_sub(r.last) };
        let dist = dist + if v.same_clause(r.first, m.first) { 0 } else { 50 };
        if best.as_ref().is_none_or(|(d, _)| dist < *d) {
            let e = r.entity;
            best = Some((
                dist,
                EventLocation {
                    span: e.span,
                    name: Some(e.name.clone()),
                    country: e.country.clone(),
                    lat: e.lat,
                    lon: e.lon,
                },
            ));
        }
    }
    best.map(|(_, l)| l).or_else(|| named_after_place_noun(v, m, others, governed)).or_else(|| meeting_of_a_city(v, m))
}

/// Whether a place after an accusation lies in what is imputed ("اتهم X بالسعي إلى زعزعة
/// الوضع في المنطقة"): a definite verbal noun with ب between the trigger and the place opens
/// the deed accused of, whose place is not where the accusation was made.
/// A place before the accusation in another clause is another event's too.
fn in_accused_deed(v: &SentenceView, m: &TriggerMatch, place: usize) -> bool {
    PatternSet::get().patterns[m.pattern].event_type == "ACCUSE"
        && ((place > m.last && (m.last..place).any(|j| v.norm(j).starts_with("بال") && v.same_clause(j, m.first)))
            || (place < m.first && !v.same_clause(place, m.first)))
}

/// A place the lexicon would not read alone (a smaller city with a one-word name needs a cue
/// of its own), named after "في" and a place noun: "في مدينة X"، "في ميناء X".
fn named_after_place_noun(
    v: &SentenceView,
    m: &TriggerMatch,
    others: &[TriggerMatch],
    governed: &[usize],
) -> Option<EventLocation> {
    let n = v.tokens.len();
    (2..n)
        .filter(|&i| matches!(v.norm(i - 2), "في" | "وفي") && word_set!(PLACE_NOUNS).contains(v.norm(i - 1)))
        .filter(|&i| v.same_clause(i, m.first) && place_belongs(v, m, i, i + 1, others, governed))
        .filter_map(|i| lexicon_place(v, i).map(|l| (if i >= m.last { i - m.last } else { m.first - i }, l)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, l)| l)
}

/// A meeting named after the city that holds it: "قمة X"، "محادثات X" (a construct with a
/// city name right after the noun).
fn meeting_of_a_city(v: &SentenceView, m: &TriggerMatch) -> Option<EventLocation> {
    let set = PatternSet::get();
    if set.patterns[m.pattern].event_type != "CONSULT" || !m.nominal {
        return None;
    }
    // A place written with its article is a region or an adjective, not a construct city.
    if v.norm(m.last).starts_with("ال") {
        return None;
    }
    lexicon_place(v, m.last)
}

/// The city, capital or region the lexicon names at token `i` (one or two words).
fn lexicon_place(v: &SentenceView, i: usize) -> Option<EventLocation> {
    let lex = hadath_lexicon::Lexicon::get();
    let t = v.tokens.get(i)?;
    if t.kind != hadath_text::TokenKind::Arabic {
        return None;
    }
    let mut spans = vec![t.span];
    if let Some(t2) = v.tokens.get(i + 1).filter(|t2| t2.kind == hadath_text::TokenKind::Arabic) {
        spans.insert(0, Span::new(t.span.start, t2.span.end));
    }
    for span in spans {
        let text = v.text.get(span.start..span.end)?;
        let hit = lex.lookup(text).into_iter().find(|e| {
            matches!(e.kind, hadath_lexicon::EntryKind::Place | hadath_lexicon::EntryKind::Capital) && e.lat.is_some()
        });
        if let Some(e) = hit {
            return Some(EventLocation {
                span,
                name: Some(e.name.clone()),
                country: e.country.clone(),
                lat: e.lat,
                lon: e.lon,
            });
        }
    }
    None
}

const KILL_WORDS: &[&str] = &[
    "قتل",
    "مقتل",
    "قتلي",
    "قتيل",
    "قتيلا",
    "مصرع",
    "حتفه",
    "حتفهم",
    "قتلوا",
    "لقوا",
    "لقي",
    "ضحايا",
    "اعدام",
    "سقط",
    "سقوط",
    "قتلت",
];
const INJURY_WORDS: &[&str] = &["اصيب", "اصيبوا", "جرح", "جرحي", "جريح", "اصابه", "بجروح", "اصابات", "مصابين", "مصابا"];

/// Killed and injured counts in a sentence, from the numbers layer.
///
/// Counts joined by و ("79 أذربيجانيا و135 جنديا أرمنيا") are added up.
fn read_casualties(doc: &Document, v: &SentenceView) -> (Option<Casualties>, Option<Casualties>) {
    let mut killed: Vec<(usize, Casualties)> = Vec::new();
    let mut injured: Vec<(usize, Casualties)> = Vec::new();
    for n in doc.numbers.iter().filter(|n| v.span.contains(n.span)) {
        let Some(min) = n.min.or_else(|| (n.value.is_finite() && n.value >= 0.0).then_some(n.value as i64)) else {
            continue;
        };
        let c = Casualties { min, max: n.max, span: n.span };
        let class = n.counted.map(|(_, k)| k);
        let pos = v.tokens.iter().position(|t| t.span.overlaps(n.span)).unwrap_or(0);
        // Whether a killing word and an injury word stand within eight tokens of the number.
        let near = || {
            let (mut kill, mut injury) = (false, false);
            for i in pos.saturating_sub(8)..(pos + 8).min(v.tokens.len()) {
                let w = strip_conj(v.norm(i));
                for form in [Some(w), w.strip_prefix('ب'), w.strip_prefix("ال")].into_iter().flatten() {
                    kill |= word_set!(KILL_WORDS).contains(form);
                    injury |= word_set!(INJURY_WORDS).contains(form);
                }
            }
            (kill, injury)
        };
        match class {
            Some(Counted::Killed) | Some(Counted::Victims) => killed.push((pos, c)),
            Some(Counted::Injured) => injured.push((pos, c)),
            Some(Counted::People)
            | Some(Counted::Soldiers)
            | Some(Counted::Civilians)
            | None
            | Some(Counted::Other) => {
                if class == Some(Counted::Other) {
                    // "4 سنوات": the number counts something else.
                    continue;
                }
                let (kill_near, injury_near) = near();
                if class.is_none() {
                    // A bare number counts casualties only right next to the casualty word.
                    if !kill_near && !injury_near || n.kind != hadath_text::NumberKind::Cardinal {
                        continue;
                    }
                }
                if kill_near && (!injury_near || kill_first(v, pos)) {
                    killed.push((pos, c));
                } else if injury_near {
                    injured.push((pos, c));
                }
            }
        }
    }
    (combine_counts(v, killed), combine_counts(v, injured))
}

/// The first count, with the counts joined to it by و added.
fn combine_counts(v: &SentenceView, counts: Vec<(usize, Casualties)>) -> Option<Casualties> {
    let mut it = counts.into_iter();
    let (mut last_pos, mut total) = it.next()?;
    for (pos, c) in it {
        let joined = pos > last_pos && pos - last_pos <= 8 && (last_pos + 1..=pos).any(|i| v.norm(i).starts_with('و'));
        if !joined {
            break;
        }
        total.min += c.min;
        total.max = match (total.max, c.max) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
        total.span = total.span.cover(c.span);
        last_pos = pos;
    }
    Some(total)
}

/// Whether the nearest casualty word to a number is about killing rather than injury.
fn kill_first(v: &SentenceView, pos: usize) -> bool {
    let mut best = (usize::MAX, true);
    for i in pos.saturating_sub(4)..(pos + 6).min(v.tokens.len()) {
        let w = strip_conj(v.norm(i));
        let d = i.abs_diff(pos);
        if word_set!(KILL_WORDS).contains(w) && d < best.0 {
            best = (d, true);
        }
        if word_set!(INJURY_WORDS).contains(w) && d < best.0 {
            best = (d, false);
        }
    }
    best.1
}

/// "مقتل 40 جنديا صربيا و25 جنديا كرواتيا": a toll of a clash between two sides that counts
/// each side's dead by its nationality is two counts, each told of the side that lost them.
/// The event of one side each (source one country, target the other) becomes two: each side's
/// dead have that side as target and the other as source. A toll with one nationality, more than
/// two counts, or nationalities other than the two sides stays one event.
fn split_two_sided_toll(doc: &Document, v: &SentenceView, e: Event) -> Vec<Event> {
    let Some(killed) = e.killed.as_ref() else { return vec![e] };
    // The source all of one country, the target all of another.
    let country_of = |role: &[Actor]| {
        let first = role.first()?.country.clone()?;
        role.iter().all(|x| x.country.as_ref() == Some(&first)).then_some(first)
    };
    if e.event_type != "ASSAULT" {
        return vec![e];
    }
    let (Some(a), Some(b)) = (country_of(&e.source), country_of(&e.target)) else { return vec![e] };
    if a == b {
        return vec![e];
    }
    // Each count with the country of the nationality adjective right after it or after
    // its counted noun ("79 أذربيجانيا"، "135 جنديا أرمنيا").
    // The dead are of the sector their counted noun names ("جنديا": MIL, "مدنيا": CVL); a
    // nationality alone ("79 أذربيجانيا") names the country and no sector.
    let mut counts: Vec<(Casualties, String, Actor)> = Vec::new();
    for n in doc.numbers.iter().filter(|n| killed.span.overlaps(n.span)) {
        // The last word of the count ("ما لا يقل عن 135"), or of its counted noun.
        let Some(pos) = v.tokens.iter().rposition(|t| t.span.overlaps(n.span)) else { return vec![e] };
        let sector = match n.counted.map(|(_, k)| k) {
            Some(Counted::Soldiers) => Some("MIL"),
            Some(Counted::Civilians) => Some("CVL"),
            _ => None,
        };
        let Some((at, c)) =
            (pos + 1..=pos + 2).find_map(|i| adjective_country(v, i, None).and_then(|x| x.country).map(|c| (i, c)))
        else {
            return vec![e];
        };
        // The adjective right after the number is the counted noun itself: no sector.
        let sector = if at == pos + 1 { None } else { sector };
        let Some(victims) = adjective_country(v, at, sector) else { return vec![e] };
        let min = n.min.or_else(|| (n.value.is_finite() && n.value >= 0.0).then_some(n.value as i64));
        let Some(min) = min else { return vec![e] };
        counts.push((Casualties { min, max: n.max, span: n.span }, c, victims));
    }
    if counts.len() != 2 || counts[0].1 == counts[1].1 || counts.iter().any(|(_, c, _)| *c != a && *c != b) {
        return vec![e];
    }
    counts
        .into_iter()
        .map(|(count, country, victims)| {
            let source = if country == b { e.source.clone() } else { e.target.clone() };
            Event { source, target: vec![victims], killed: Some(count), ..e.clone() }
        })
        .collect()
}

/// Verbs that make a violence or protest noun an event: "شن هجوما"، "اندلعت مظاهرات".
const SUPPORT_VERBS: &[&str] = &[
    "شن",
    "شنت",
    "شنوا",
    "نفذ",
    "نفذت",
    "نفذوا",
    "وقع",
    "وقعت",
    "اسفر",
    "اسفرت",
    "ادي",
    "ادت",
    "خلف",
    "خلفت",
    "استهدف",
    "استهدفت",
    "تعرض",
    "تعرضت",
    "تعرضوا",
    "اندلع",
    "اندلعت",
    "دارت",
    "دار",
    "سقط",
    "سقطت",
    "انفجر",
    "انفجرت",
    "هز",
    "هزت",
    "قام",
    "قامت",
    "قاموا",
    "ارتكب",
    "ارتكبت",
    "لقي",
    "لقوا",
    "جراء",
    "اثر",
    "حصيله",
    "خرج",
    "خرجت",
    "خرجوا",
    "نظم",
    "نظمت",
    "نظموا",
    "جرت",
    "جري",
    "شهدت",
    "شهد",
    "انطلقت",
    "انطلق",
    "عمت",
    "سار",
    "سارت",
    "شارك",
    "شاركوا",
    "تواصلت",
    "تجددت",
    "اقام",
    "اقاموا",
    "بدات",
    "بدا",
    "بداوا",
    "نجا",
    "نجت",
    "اصاب",
    "اصابت",
    "ادت",
    "ودت",
    "اوقع",
    "اوقعت",
    "تسبب",
    "تسببت",
    "اعلن",
    "اكد",
    "افاد",
    "افادت",
    "اعلنت",
    "اكدت",
    "قتل",
    "مقتل",
    "اصيب",
    "نزل",
    "نزلوا",
    "نزلت",
    "خرجت",
    "رشق",
    "رشقوا",
    "اغلق",
    "اغلقوا",
    "قطع",
    "قطعوا",
    "احرق",
    "احرقوا",
    "تظاهر",
    "وقوع",
    "تبني",
    "تبنت",
    "اطلقت",
    "اطلق",
];
/// Words that date a report to the recent past: "أمس"، "اليوم".
const RECENT_WORDS: &[&str] = &[
    "امس",
    "اليوم",
    "الليله",
    "صباح",
    "مساء",
    "ليل",
    "فجر",
    "ظهر",
    "السبت",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
];
/// Words that count people before a protester noun: "آلاف المتظاهرين".
const CROWD_WORDS: &[&str] =
    &["الاف", "الالاف", "ميات", "الميات", "عشرات", "العشرات", "الوف", "حشود", "الاف من", "نحو", "الاف", "ميات من"];

/// Whether a nominal violence or protest trigger reports an event rather than mentioning one.
fn supported(
    v: &SentenceView,
    m: &TriggerMatch,
    others: &[TriggerMatch],
    set: &PatternSet,
    has_casualties: bool,
) -> bool {
    let p = &set.patterns[m.pattern];
    if !m.nominal && !p.needs_support {
        return true;
    }
    if p.event_type == "ASSAULT" && has_casualties {
        return true;
    }
    if p.event_type == "PROTEST" && (dispersed(v, m) || crowd_in_protest(v, m)) {
        return true;
    }
    // A definite noun points back at an event told before: "الهجوم"، "الانفجار".
    let bare = strip_conj(v.norm(m.first));
    let bare = bare.strip_prefix('ب').filter(|b| b.starts_with("ال")).unwrap_or(bare);
    let agent_noun = bare.contains("متظاهر") || bare.contains("محتج");
    if m.nominal && !agent_noun && (bare.starts_with("ال") || bare.starts_with("لل")) {
        return false;
    }
    // Another trigger of the same type that is a verb.
    if others.iter().any(|o| {
        (!o.nominal || p.needs_support && o.pattern != m.pattern)
            && o.first != m.first
            && set.patterns[o.pattern].event_type == p.event_type
    }) {
        return true;
    }
    let trig = v.norm(m.first);
    if p.event_type == "PROTEST" {
        // "تجمع مئات من ..."، "تجمع عشرات الطلاب": a gathering of a counted crowd.
        if !m.nominal && word_set!(CROWD_WORDS).contains(strip_conj(v.norm(m.last))) {
            return true;
        }
        // "احتجاجا على": someone acted in protest.
        if trig.ends_with("احتجاجا")
            || trig.ends_with("احتجاج") && v.norm(m.first + 1) == "علي" && trig.starts_with('ل')
        {
            return true;
        }
        // A crowd noun in the nominative is the subject of what the crowd did: a protest
        // only when a verb of gathering or marching stands near it.
        if trig.ends_with("ون") {
            return near_protest_act(v, m);
        }
        // "مئات المتظاهرين"، "عدة مئات من المتظاهرين"، "500 متظاهر".
        let mut k = m.first;
        if k > 0 && v.norm(k - 1) == "من" {
            k -= 1;
        }
        if k > 0 {
            let prev = strip_conj(v.norm(k - 1));
            if word_set!(CROWD_WORDS).contains(prev) || v.tokens[k - 1].kind == hadath_text::TokenKind::Number {
                return true;
            }
        }
        // Otherwise protesters in the oblique case are who something was done to.
        if trig.contains("متظاهر") || trig.contains("محتج") {
            return false;
        }
    }
    near_support(v, m)
}

/// Acts that make a crowd a protest: gathering, marching, chanting, demanding.
const PROTEST_ACTS: &[&str] = &[
    "تجمع",
    "تجمعوا",
    "احتشد",
    "احتشدوا",
    "خرج",
    "خرجوا",
    "سار",
    "ساروا",
    "نزل",
    "نزلوا",
    "هتف",
    "هتفوا",
    "يهتفون",
    "ردد",
    "رددوا",
    "يرددون",
    "طالب",
    "طالبوا",
    "يطالبون",
    "رفع",
    "رفعوا",
    "يرفعون",
    "تظاهر",
    "اعتصم",
    "اعتصموا",
    "نظم",
    "نظموا",
    "شارك",
    "شاركوا",
    "احتج",
    "احتجوا",
    "تدفق",
    "تدفقوا",
    "امس",
    "اليوم",
    "هتافات",
    "شعارات",
    "بالاحتجاج",
    "احتجاجا",
    "الاحتجاجيه",
    "احتجاجيه",
    "مظاهرات",
    "المظاهرات",
];

/// Whether a counted crowd acts "in protest" in one clause: "توافد آلاف الفلاحين على الساحة
/// للاحتجاج على"، "وقف مئات العمال صامتين احتجاجا على". What a crowd does for a protest is
/// the protest.
fn crowd_in_protest(v: &SentenceView, m: &TriggerMatch) -> bool {
    let trig = strip_conj(v.norm(m.first));
    let purpose = (trig == "احتجاجا" || trig == "للاحتجاج") && v.norm(m.last) == "علي";
    purpose
        && (0..m.first).any(|i| {
            v.same_clause(i, m.first)
                && (word_set!(CROWD_WORDS).contains(strip_conj(v.norm(i)))
                    || v.tokens[i].kind == hadath_text::TokenKind::Number
                        && v.norm(i)
                            .parse::<u64>()
                            .is_ok_and(|n| (10..100_000_000).contains(&n) && !(1900..2100).contains(&n)))
        })
}

/// Whether a protest act stands in the sentence of a crowd noun: "تجمع المتظاهرون".
fn near_protest_act(v: &SentenceView, m: &TriggerMatch) -> bool {
    (0..v.tokens.len())
        .filter(|&i| i < m.first || i >= m.last)
        .any(|i| word_set!(PROTEST_ACTS).contains(strip_conj(v.norm(i))))
}

/// Whether a supporting verb or a recent-time word stands within four tokens of a trigger.
fn near_support(v: &SentenceView, m: &TriggerMatch) -> bool {
    let lo = m.first.saturating_sub(4);
    let hi = (m.last + 4).min(v.tokens.len());
    (lo..hi).filter(|&i| i < m.first || i >= m.last).any(|i| {
        let w = strip_conj(v.norm(i));
        let w2 = w.strip_prefix('ل').unwrap_or(w);
        v.same_clause(i, m.first)
            && (word_set!(SUPPORT_VERBS).contains(w)
                || word_set!(SUPPORT_VERBS).contains(w2)
                || word_set!(RECENT_WORDS).contains(w))
    })
}

/// Words naming who carries out violence or protest: "مسلحون"، "انتحاري"، "متظاهرون".
const AGENT_WORDS: &[&str] = &[
    "مسلحون",
    "مسلحين",
    "مسلح",
    "مسلحا",
    "انتحاري",
    "انتحاريه",
    "مهاجم",
    "مهاجمون",
    "مهاجمين",
    "القوات",
    "قوات",
    "الجيش",
    "جيش",
    "الشرطه",
    "طايرات",
    "طايره",
    "دبابه",
    "دبابات",
    "المسلحون",
    "مجهولون",
    "مجهولين",
    "متمردون",
    "المتمردون",
    "متمردين",
    "عناصر",
    "دوريه",
    "قافله",
    "حافله",
    "موقع",
    "مواقع",
    "منزل",
    "مقر",
    "حاجز",
    "نقطه",
    "سياره",
    "مركز",
    "مقاتلون",
    "مقاتلين",
    "ميليشيا",
    "مليشيا",
    "الطيران",
    "مروحيه",
    "المتظاهرون",
    "متظاهرون",
    "محتجون",
    "المحتجون",
    "المتظاهرين",
    "متظاهرين",
    "المحتجين",
    "طلاب",
    "عمال",
    "الاف",
    "ميات",
    "عشرات",
    "الالاف",
    "انصار",
    "مسلحي",
    "المسلحين",
    "حرس",
    "جنود",
    "الجنود",
    "جنديا",
    "جندي",
    "شرطيا",
    "مدنيين",
];

/// How strongly a sentence reports a concrete violent or protest event: a verb, a toll, a
/// recent time, a place, a named agent each add one.
fn eventive_score(
    v: &SentenceView,
    doc: &Document,
    m: &TriggerMatch,
    others: &[TriggerMatch],
    set: &PatternSet,
    has_casualties: bool,
) -> u32 {
    let t = &set.patterns[m.pattern].event_type;
    let near_support = (m.first.saturating_sub(4)..(m.last + 4).min(v.tokens.len()))
        .any(|i| v.same_clause(i, m.first) && word_set!(SUPPORT_VERBS).contains(strip_conj(v.norm(i))));
    let verbal = near_support || others.iter().any(|o| !o.nominal && set.patterns[o.pattern].event_type == *t);
    let recent = v.tokens.iter().any(|x| word_set!(RECENT_WORDS).contains(strip_conj(&x.norm)))
        || doc.times.iter().any(|x| v.span.contains(x.span));
    let place = v.places.iter().any(|r| matches!(v.preposition_before(r).as_deref(), Some("في") | Some("ب")))
        || v.tokens.iter().any(|x| word_set!(PLACE_WORDS).contains(strip_conj(&x.norm)));
    let agent = v.tokens.iter().any(|x| word_set!(AGENT_WORDS).contains(strip_conj(&x.norm))) || !v.groups.is_empty();
    let score = u32::from(verbal) + u32::from(has_casualties) + u32::from(recent) + u32::from(place) + u32::from(agent);
    // Trials, inquiries, anniversaries and long-past dates speak about an event, not of it.
    let about = v.tokens.iter().any(|x| word_set!(ABOUT_WORDS).contains(strip_conj(&x.norm)));
    let long_past = match doc.published.value {
        Some(p) => doc
            .times
            .iter()
            .filter(|x| v.span.contains(x.span))
            .any(|x| x.range.is_some_and(|(_, to)| to.to_days() < p.to_days() - 60)),
        None => false,
    };
    score.saturating_sub(u32::from(about) + u32::from(long_past))
}

/// Reaction words that govern a violence or protest noun without reporting it: "أدان الهجوم".
const REACTION_WORDS: &[&str] = &[
    "ادان",
    "ادانت",
    "يدين",
    "تدين",
    "ادانوا",
    "استنكر",
    "استنكرت",
    "يستنكر",
    "تستنكر",
    "استنكار",
    "ندد",
    "نددت",
    "يندد",
    "تندد",
    "تنديد",
    "تنديدا",
    "شجب",
    "شجبت",
    "يشجب",
    "تشجب",
];

/// Whether a reaction word stands before the trigger in its clause: "استنكر ... تفجيرات".
/// A noun may stand further away, past an inserted phrase.
fn under_reaction(v: &SentenceView, m: &TriggerMatch) -> bool {
    let reach = if m.nominal { 20 } else { 6 };
    (m.first.saturating_sub(reach)..m.first).any(|i| {
        let w = strip_conj(v.norm(i));
        let w = w.strip_prefix('ل').filter(|r| r.chars().count() >= 3).unwrap_or(w);
        (m.nominal || v.same_clause(i, m.first)) && word_set!(REACTION_WORDS).contains(w)
    })
}

/// Words that show an attack is made with words: "قائلا"، "تصريحات".
const SPEECH_WORDS: &[&str] = &[
    "قايلا",
    "قايله",
    "قال",
    "قالت",
    "تصريح",
    "تصريحات",
    "تصريحاته",
    "خطاب",
    "خطابه",
    "كلمه",
    "كلمته",
    "انتقد",
    "انتقدت",
    "انتقادات",
    "مقابله",
    "مناظره",
    "المرشح",
    "مرشح",
    "الانتخابيه",
];

/// Whether an attack verb is a verbal attack: speech words in the sentence, no toll and no
/// weapon or armed agent.
fn verbal_attack(v: &SentenceView, m: &TriggerMatch, p: &Pattern, has_casualties: bool) -> bool {
    if p.id != "assault.attack" || has_casualties {
        return false;
    }
    let speech = v.tokens.iter().any(|t| word_set!(SPEECH_WORDS).contains(strip_conj(&t.norm)));
    let armed = v.tokens.iter().any(|t| word_set!(ARMED_WORDS).contains(strip_conj(&t.norm)));
    speech && !armed && !m.nominal
}

/// Objects that make a kidnapping or killing verb figurative: "خطفت الأنظار" (caught the eye),
/// "قتلت كل بصيص أمل" (killed every glimmer of hope).
const FIGURATIVE_OBJECTS: &[&str] = &[
    "الانظار",
    "انظار",
    "الاضواء",
    "الاهتمام",
    "اهتمام",
    "الالباب",
    "قلوب",
    "القلوب",
    "بصيص",
    "الامل",
    "امل",
    "الاحلام",
    "الحلم",
    "حلم",
    "الفرحه",
    "فرحه",
    "الطموح",
];

/// Whether a kidnapping or killing verb takes a figurative object within its clause.
/// Objects an attack verb takes only in words: a wish, a policy, a stance, a state's being.
const ABSTRACT_TARGETS: &[&str] = &[
    "رغبه",
    "سياسه",
    "سياسات",
    "موقف",
    "مواقف",
    "قرار",
    "قرارات",
    "فكره",
    "افكار",
    "اقتراح",
    "مقترح",
    "مبادره",
    "برنامج",
    "اداء",
    "نهج",
    "وجود",
    "كيان",
    "الكيان",
    "استقرار",
    "سياده",
    "هويه",
    "وحده",
    "سمعه",
    "مصداقيه",
    "بشده",
    "بعنف",
];

/// "هاجم المرشح رغبة منافسه في ..."، "عملية تستهدف وجود الدولة": an attack verb whose object,
/// within a few words after it in its clause, is a stance, a policy or a state's being.
fn abstract_target(v: &SentenceView, m: &TriggerMatch, p: &Pattern, has_casualties: bool) -> bool {
    if has_casualties || p.id != "assault.attack" || m.nominal {
        return false;
    }
    (m.last..(m.last + 6).min(v.tokens.len()))
        .any(|i| v.same_clause(i, m.first) && ABSTRACT_TARGETS.contains(&strip_conj(v.norm(i))))
}

/// "مواجهات بين قوات الأمن والمحتجين": protesters named as one side of a clash are the
/// clash's, which is coded as violence; the protest is told elsewhere.
/// What they protest against, right after them ("ومحتجين يرفضون ..."، "والمحتجين،
/// احتجاجا على"), belongs to the clash too.
fn protesters_in_a_clash(v: &SentenceView, m: &TriggerMatch) -> bool {
    let side_of_clash = |k: usize| {
        let w = strip_conj(v.norm(k));
        let protesters = ["المتظاهر", "متظاهر", "المحتج", "محتج"].iter().any(|p| w.starts_with(p));
        protesters && (k.saturating_sub(4)..k).any(|i| v.norm(i) == "بين" && v.same_clause(i, k))
    };
    (m.first.saturating_sub(3)..=m.first).any(side_of_clash)
}

/// Verbs that open what a protester says: "وقال أحد المتظاهرين"، "وعلق المتظاهر".
const PROTESTER_SPEECH: &[&str] = &["قال", "اوضح", "اضاف", "علق", "اكد", "صرح", "ذكر", "تابع", "اعتبر", "يقول", "قالت"];

/// Whether the sentence opens with what a protester said: its protest is told elsewhere. A
/// protester's words after a report of the protest ("ردد الآلاف ...، وقال المتظاهرون") do not
/// count.
fn protester_speaks(v: &SentenceView) -> bool {
    (0..v.tokens.len().min(2)).any(|i| {
        PROTESTER_SPEECH.contains(&strip_conj(v.norm(i))) && {
            let next = if v.norm(i + 1) == "احد" { i + 2 } else { i + 1 };
            let w = v.norm(next);
            matches!(
                w,
                "المتظاهر"
                    | "متظاهر"
                    | "المتظاهرين"
                    | "المتظاهرون"
                    | "محتج"
                    | "المحتج"
                    | "المحتجين"
                    | "المحتجون"
            )
        }
    })
}

fn figurative(v: &SentenceView, m: &TriggerMatch, p: &Pattern, has_casualties: bool) -> bool {
    if has_casualties || !matches!(p.id.as_str(), "assault.abduct" | "assault.kill" | "assault.assassinate") {
        return false;
    }
    (m.last..(m.last + 12).min(v.tokens.len()))
        .any(|i| v.same_clause(i, m.first) && word_set!(FIGURATIVE_OBJECTS).contains(strip_conj(v.norm(i))))
}

/// Words of weapons and armed agents that make an attack physical.
const ARMED_WORDS: &[&str] = &[
    "مسلحون",
    "مسلحين",
    "المسلحون",
    "مسلح",
    "قوات",
    "القوات",
    "الجيش",
    "جنود",
    "طايره",
    "طايرات",
    "صاروخ",
    "صواريخ",
    "قذيفه",
    "قذايف",
    "عبوه",
    "سياره",
    "انتحاري",
    "النار",
    "بالرصاص",
    "مسلحه",
    "دبابات",
    "مدفعيه",
    "الشرطه",
    "مجهولون",
];

/// Words of sentences that talk about violence rather than report it.
const ABOUT_WORDS: &[&str] = &[
    "محاكمه",
    "المحاكمه",
    "محكمه",
    "المحكمه",
    "قضيه",
    "القضيه",
    "التحقيق",
    "تحقيق",
    "التحقيقات",
    "ذكري",
    "الذكري",
    "تقرير",
    "التقرير",
    "ملف",
    "ملفات",
    "جرايم",
    "جريمه",
    "الجريمه",
    "القانون",
    "قانون",
    "عقوبه",
    "اتهام",
    "متهم",
    "المتهمين",
    "ادانه",
    "مكافحه",
    "ظاهره",
    "فيلم",
    "روايه",
    "كتاب",
    "مسلسل",
    "اتهم",
    "اتهمت",
    "يتهم",
    "تتهم",
    "اتهامات",
    "المتهمون",
    "اعترف",
    "اعترفت",
    "اعترافات",
    "المعترفين",
];

/// Participles used as circumstantial verbs: "داعيا"، "متعهدا".
const PARTICIPLES: &[&str] = &[
    "داعيا",
    "داعيه",
    "داعين",
    "متعهدا",
    "مطالبا",
    "مطالبه",
    "محذرا",
    "محذره",
    "متهما",
    "متهمه",
    "مهددا",
    "رافضا",
    "موكدا",
    "مشددا",
];

/// Nouns between في and a place name: "في مدينة سوتشي"، "في منتجع سوتشي".
const PLACE_NOUNS: &[&str] = &[
    "مدينه",
    "منتجع",
    "العاصمه",
    "عاصمه",
    "بلده",
    "قريه",
    "منطقه",
    "اقليم",
    "ولايه",
    "محافظه",
    "جزيره",
    "ميناء",
    "مخيم",
];

/// Words that place a report somewhere: "في مدينة"، "شمال".
const PLACE_WORDS: &[&str] = &[
    "مدينه",
    "المدينه",
    "بمدينه",
    "بلده",
    "البلده",
    "ببلده",
    "قريه",
    "القريه",
    "بقريه",
    "منطقه",
    "المنطقه",
    "بمنطقه",
    "حي",
    "احياء",
    "محيط",
    "الطريق",
    "طريق",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "قرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "ضواحي",
    "العاصمه",
];

/// Whether a violence or protest trigger reports an event: a verb (the trigger's own or a
/// supporting one) with one more cue, or a bare noun with two more.
fn is_eventive(
    v: &SentenceView,
    doc: &Document,
    m: &TriggerMatch,
    others: &[TriggerMatch],
    set: &PatternSet,
    has_casualties: bool,
) -> bool {
    let near_support = (m.first.saturating_sub(4)..(m.last + 4).min(v.tokens.len()))
        .any(|i| v.same_clause(i, m.first) && word_set!(SUPPORT_VERBS).contains(strip_conj(v.norm(i))));
    // Present-tense violence verbs ("تستهدف"، "يقتلون") are often habitual or generic.
    let trig = v.norm(m.first);
    let stem = trig.get(m.prefix_len.min(trig.len())..).unwrap_or("");
    let present = set.patterns[m.pattern].event_type == "ASSAULT" && (stem.starts_with('ي') || stem.starts_with('ت'))
        // "تظاهر"، "تجمع" are past: a protest verb is present with its plural or its ي.
        || set.patterns[m.pattern].event_type == "PROTEST" && stem.starts_with('ي');
    // A dispersed protest, or a deed done "without hesitation", is told as having happened.
    let protest = set.patterns[m.pattern].event_type == "PROTEST";
    if (protest && dispersed(v, m)) || done_without_hesitation(v, m) || crowd_in_protest(v, m) {
        return true;
    }
    let verbal_like = (!m.nominal && !present) || near_support;
    eventive_score(v, doc, m, others, set, has_casualties) >= MIN_SCORE.saturating_sub(u32::from(verbal_like))
}

/// Words before a bare verb form that make it a verbal noun: "عملية خطف"، "تهم قتل"، "إلى قتل".
const MASDAR_CUES: &[&str] = &[
    "عمليه",
    "عمليات",
    "تهم",
    "تهمه",
    "بتهمه",
    "جرايم",
    "جريمه",
    "قضيه",
    "حادث",
    "حوادث",
    "محاوله",
    "في",
    "الي",
    "عن",
    "من",
    "علي",
    "بعد",
    "قبل",
    "تكرار",
    "ضد",
    "اعمال",
    "حالات",
    "حاله",
    "خلال",
    "اثناء",
    "بين",
    "وراء",
    "مسووليه",
    "ميدان",
    "قايمه",
];

/// Reads a bare verb form as a verbal noun after a noun or a preposition ("عملية خطف").
fn masdar_reading(v: &SentenceView, mut m: TriggerMatch) -> TriggerMatch {
    if !m.nominal
        && m.prefix_len == 0
        && m.first > 0
        && word_set!(MASDAR_CUES).contains(strip_conj(v.norm(m.first - 1)))
    {
        m.nominal = true;
    }
    m
}

/// Reads "سيطرة"، "سيطرتها" as the noun of control: the verb سيطر takes no object pronoun.
fn control_noun_reading(v: &SentenceView, mut m: TriggerMatch, set: &PatternSet) -> TriggerMatch {
    if set.patterns[m.pattern].id == "assault.occupy" {
        let w = strip_conj(v.norm(m.first));
        if w.starts_with("سيطره") || w.starts_with("سيطرت") && w.chars().count() > 5 {
            m.nominal = true;
        }
    }
    m
}

/// Minimum eventive score for violence and protest triggers (tuned on half A of the dev file).
const MIN_SCORE: u32 = 3;

/// Relative pronouns: what follows them in their clause describes someone or something.
const RELATIVES: &[&str] = &["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"];

/// Words that open a background phrase: what follows in the clause happened before the news.
const BACKGROUND_LEADS: &[&str] =
    &["بعد", "عقب", "منذ", "غداه", "اعقاب", "ابان", "خلفيه", "قبل", "عندما", "حين", "حينما", "لدي"];

/// Whether a trigger sits in a relative clause about someone or something: "الذي اغتيل",
/// "المحافظ الذي قتل بعبوة زرعت في سيارته".
/// A relative clause on a trigger ("الهجوم الذي خلف قتلى") or on "الأمر" tells the
/// event's own outcome, so it does not count.
fn in_relative_clause(v: &SentenceView, m: &TriggerMatch, others: &[TriggerMatch], set: &PatternSet) -> bool {
    let ty = &set.patterns[m.pattern].event_type;
    let on_trigger =
        |i: usize| others.iter().any(|o| o.last <= i && i - o.last <= 3 && set.patterns[o.pattern].event_type == *ty);
    (m.first.saturating_sub(12)..m.first).any(|i| {
        RELATIVES.contains(&v.norm(i))
            && v.same_clause(i, m.first)
            && !(i > 0 && (v.norm(i - 1) == "الامر" || on_trigger(i)))
    })
}

/// Whether token `at`, after the trigger, is inside a relative clause that describes another
/// event's noun (of another type; one of its own type tells this event): a relative pronoun between them follows another trigger within three words
/// (its name or city between: "قمة براغ التي جمعت"), in the trigger's clause. A trigger that
/// governs the deed it is about still takes the deed's doer, the subject right after the
/// relative verb ("أدانت X الهجوم الذي شنه Y": Y is accused).
fn in_other_event_relative(
    v: &SentenceView,
    m: &TriggerMatch,
    p: &Pattern,
    others: &[TriggerMatch],
    at: usize,
) -> bool {
    (m.last..at).any(|r| {
        RELATIVES.contains(&v.norm(r))
            && v.same_clause(r, m.first)
            && others.iter().any(|o| {
                o.first >= m.last
                    && o.last <= r
                    && r - o.last <= 3
                    && PatternSet::get().patterns[o.pattern].event_type != p.event_type
            })
            && !(governs(&p.event_type, &p.id) && at == r + 2)
    })
}

/// Verbs of bringing together: "جمعت"، "ضمت".
const GATHER_VERBS: &[&str] = &["جمع", "جمعت", "ضم", "ضمت", "يجمع", "تجمع", "تضم", "يضم"];

/// The token of a verb of bringing together in a relative clause right after a meeting noun
/// ("لقاء X الذي ضم"، "المؤتمر الذي جمع"), when there is one.
fn gathered_in_relative(v: &SentenceView, m: &TriggerMatch) -> Option<usize> {
    (m.last..m.last + 3).find_map(|i| {
        (RELATIVES.contains(&v.norm(i)) && v.same_clause(i, m.first) && GATHER_VERBS.contains(&v.norm(i + 1)))
            .then_some(i + 1)
    })
}

/// Verbs whose subject holds the meeting they take as object: "عقد X اجتماعا"، "أجرى X محادثات".
const HOLD_VERBS_PAST: &[&str] = &["عقد", "عقدت", "عقدا", "عقدتا", "عقدوا", "اجري", "اجرت", "اجريا", "اجرتا", "اجروا"];

/// Words after a meeting noun that point back at it: "اللقاء المذكور"، "الاجتماع نفسه".
const POINTING_AFTER: &[&str] =
    &["هذا", "هذه", "ذلك", "تلك", "المذكور", "المذكوره", "نفسه", "نفسها", "ذاته", "ذاتها", "المشار"];

/// Prepositions of time or occasion before a meeting noun: "خلال"، "قبيل"، "على هامش".
const OCCASION_WORDS: &[&str] = &[
    "خلال",
    "اثناء",
    "قبل",
    "قبيل",
    "بعد",
    "بعيد",
    "عقب",
    "عشيه",
    "غداه",
    "اثر",
    "هامش",
    "ختام",
    "اعقاب",
    "مستهل",
    "بدايه",
    "نهايه",
    "بدء",
    "انتهاء",
    "مطلع",
];

/// Words that open a clause of their own: what follows them is not a noun's phrase.
const SUBORDINATORS: &[&str] = &["ان", "انه", "انها", "انهم", "اذا", "لو", "حيث", "بينما", "لان", "كي", "حتي"];

/// Words before "من" that make a comparison of a predicate: "كان أقل من مفاوضات".
const COMPARATIVES: &[&str] = &["اقل", "اكثر", "ابعد", "اقرب"];

/// Copulas that a comparison is the predicate of.
const COPULAS: &[&str] =
    &["كان", "كانت", "كانا", "كانوا", "يكون", "تكون", "ليس", "ليست", "ليسا", "بدا", "بدت", "يبدو", "تبدو"];

/// Whether a nominal trigger is what something is compared with, not an event: "كان اللقاء
/// أقل من مفاوضات"، "بدت الجلسة أشبه بمحادثات"، "بمثابة قمة". "عقدا أكثر من اجتماع" counts
/// meetings and is not one: there is no copula before the comparative.
fn compared(v: &SentenceView, m: &TriggerMatch) -> bool {
    if !m.nominal || m.first == 0 {
        return false;
    }
    let before = strip_conj(v.norm(m.first - 1));
    if matches!(before, "اشبه" | "بمثابه" | "شبيه" | "شبيهه" | "يشبه" | "تشبه" | "مثل") {
        return true;
    }
    before == "من"
        && m.first >= 2
        && COMPARATIVES.contains(&strip_conj(v.norm(m.first - 2)))
        && (m.first.saturating_sub(6)..m.first - 2).any(|i| COPULAS.contains(&strip_conj(v.norm(i))))
}

/// Disclosure words after "طلب عدم": "طلب عدم ذكر اسمه" is how an anonymous source is named.
const DISCLOSURE: &[&str] = &["ذكر", "كشف", "الكشف", "نشر", "الافصاح", "افصاح", "تسميته", "تسميتها", "الاشاره"];

/// Whether a request is the formula of an anonymous source ("موظف طلب عدم نشر اسمه").
fn anonymity(v: &SentenceView, m: &TriggerMatch) -> bool {
    v.norm(m.last) == "عدم" && DISCLOSURE.contains(&v.norm(m.last + 1))
}

/// Whether a noun is definite: its article, with a proclitic or not ("الاجتماع"، "بالقمة"، "للقاء").
fn definite(w: &str) -> bool {
    let w = w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).unwrap_or(w);
    let w = w.strip_prefix('ب').or_else(|| w.strip_prefix('ك')).unwrap_or(w);
    w.starts_with("ال") || (w.starts_with("لل") && w.chars().count() > 4)
}

/// Whether a meeting noun points back at a meeting already told: after a demonstrative or
/// before one ("هذا اللقاء"، "الاجتماع المذكور"); definite after a preposition of time or
/// occasion ("قبيل الاجتماع"، "عشية المفاوضات"; a city in construct makes it definite too:
/// "بعد لقاء X"); or definite with no actor of its own in its phrase ("وانعقد الاجتماع في").
/// An indefinite noun ("أثناء اجتماع للحكومة") tells a meeting of its own.
fn back_reference(v: &SentenceView, m: &TriggerMatch) -> Option<BackReference> {
    let before = if m.first >= 1 { strip_conj(v.norm(m.first - 1)) } else { "" };
    // "على هامش القمة": the occasion of what the sentence tells, not the event told.
    if DEMONSTRATIVES.contains(&before) || POINTING_AFTER.contains(&v.norm(m.last)) || before == "هامش" {
        return Some(BackReference::Marked);
    }
    // "هذا كان أول لقاء": the meeting told before, when the article has told one.
    if predicate_of_pointer(v, m) {
        return Some(BackReference::Definite);
    }
    // A relative clause describes the meeting: "لقاء X الذي ضم ..." tells it.
    if (m.last..m.last + 3).any(|i| RELATIVES.contains(&v.norm(i)) && v.same_clause(i, m.first)) {
        return None;
    }
    // A construct is as definite as its last word: "جهود الوساطة".
    let head = v.norm(m.last - 1);
    // Actors of the noun's own phrase: right before it, or among the three words after it
    // with no clause of its own opening between ("قبل الاجتماع إن X"، "الاجتماع إذا حضره X").
    let opens_clause = |i: usize| SUBORDINATORS.contains(&strip_conj(v.norm(i)));
    let own_actor = v.groups.iter().any(|g| {
        (g.first >= m.last
            && g.first - m.last <= 3
            && (m.last..=g.first).all(|i| v.same_clause(i, m.first))
            && !(m.last..g.first).any(opens_clause))
            || g.last == m.first
    });
    // The lexicon is asked last: "قمة بروكسل" names its city.
    let city_named = || v.places.iter().any(|r| r.first == m.last) || lexicon_place(v, m.last).is_some();
    if own_actor || !(definite(head) || city_named()) {
        return None;
    }
    if OCCASION_WORDS.contains(&before) {
        return Some(BackReference::Marked);
    }
    definite(head).then_some(BackReference::Definite)
}

/// Ordinals and superlatives that rank a meeting: "أول اجتماع"، "ثاني لقاء"، "آخر قمة".
const RANKS: &[&str] = &["اول", "ثاني", "ثالث", "رابع", "خامس", "اخر", "اهم", "ابرز", "اطول", "اعلي"];

/// Whether a meeting noun is the predicate of a subject that points back ("هذا كان أول لقاء
/// بينهم"، "وهي ثالث قمة"، "كان ذلك آخر لقاء"): it says something of the meeting told, and
/// tells no new one when one was told. The pointer stands within four words before the noun, with only a copula
/// or a rank between, and at least one of them ("هذا اللقاء" is a demonstrative already).
fn predicate_of_pointer(v: &SentenceView, m: &TriggerMatch) -> bool {
    let mut pointer = false;
    let mut linked = false;
    for i in (m.first.saturating_sub(4)..m.first).rev() {
        let w = strip_conj(v.norm(i));
        let w = match w {
            "وهو" => "هو",
            "وهي" => "هي",
            _ => w,
        };
        if !v.same_clause(i, m.first) {
            break;
        }
        if DEMONSTRATIVES.contains(&w) || matches!(w, "هو" | "هي") {
            pointer = true;
        } else if COPULAS.contains(&w) || RANKS.contains(&w) {
            linked = true;
        } else {
            break;
        }
    }
    pointer && linked
}

/// Decades and spans that place violence in history or count it over a long period.
const HISTORY_WORDS: &[&str] = &[
    "الخمسينات",
    "الستينات",
    "السبعينات",
    "الثمانينات",
    "التسعينات",
    "الخمسينيات",
    "الستينيات",
    "السبعينيات",
    "الثمانينيات",
    "التسعينيات",
    "يوميا",
    "سنويا",
    "شهريا",
];

/// Words that point back at an event told before: "هذا الهجوم"، "الحادث".
const DEMONSTRATIVES: &[&str] = &["هذا", "ذلك", "هذه", "تلك"];
const INCIDENT_NOUNS: &[&str] =
    &["الهجوم", "التفجير", "الانفجار", "العمليه", "الاعتداء", "الحادث", "الحادثه", "الهجمات", "التفجيرات", "الاعتداءات"];

/// Whether a sentence refers back to an attack told before ("سقطوا في هذا الهجوم"، "قتل في
/// الحادث"): it adds detail to that event rather than reporting a new one.
fn told_before(v: &SentenceView) -> bool {
    (0..v.tokens.len()).any(|i| {
        let w = strip_conj(v.norm(i));
        let w = w.strip_prefix('ب').filter(|r| r.starts_with("ال")).unwrap_or(w);
        let pointed =
            i > 0 && DEMONSTRATIVES.contains(&strip_conj(v.norm(i - 1))) && word_set!(INCIDENT_NOUNS).contains(w)
                || word_set!(INCIDENT_NOUNS).contains(w) && DEMONSTRATIVES.contains(&v.norm(i + 1));
        let incident = matches!(w, "الحادث" | "الحادثه") && i > 0 && matches!(strip_conj(v.norm(i - 1)), "في" | "خلال");
        pointed || incident
    })
}

/// Whether a sentence is about a trial, an inquiry, a report, a law, a charge or a confession
/// (ABOUT_WORDS): it speaks about violence rather than reporting a new attack.
fn about_violence(v: &SentenceView) -> bool {
    let (verb, end) = attribution(v);
    // The speaker itself may be what the sentence is about: "وذكر التقرير أن".
    (0..v.tokens.len())
        .filter(|&i| i >= end || i == verb + 1)
        .any(|i| word_set!(ABOUT_WORDS).contains(strip_conj(v.norm(i))))
}

/// Verbs that open an attribution: "قال المتحدث باسم ... إن".
const ATTRIBUTION_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "ذكر",
    "ذكرت",
    "اعلن",
    "اعلنت",
    "اكد",
    "اكدت",
    "افاد",
    "افادت",
    "اوضح",
    "اوضحت",
    "اضاف",
    "اضافت",
    "صرح",
    "اشار",
    "اشارت",
];

/// The verb and the token after the attribution a sentence opens with ("وقال المتحدث باسم
/// محكمة الجنايات في المدينة، إن"): the title of who speaks names their office, not what the
/// sentence is about. (0, 0) when the sentence opens with no attribution.
fn attribution(v: &SentenceView) -> (usize, usize) {
    let Some(verb) = (0..v.tokens.len().min(3)).find(|&i| ATTRIBUTION_VERBS.contains(&strip_conj(v.norm(i)))) else {
        return (0, 0);
    };
    let end = (verb + 1..v.tokens.len().min(25)).find(|&i| matches!(strip_conj(v.norm(i)), "ان" | "بان"));
    end.map_or((0, 0), |i| (verb, i + 1))
}

/// Whether a concession governs the trigger ("على الرغم من مقتل"، "رغم الهجمات"): the violence
/// is background to what the sentence says.
fn concessive(v: &SentenceView, m: &TriggerMatch) -> bool {
    (m.first.saturating_sub(6)..m.first).any(|i| {
        let w = strip_conj(v.norm(i));
        matches!(w, "رغم" | "الرغم" | "برغم") && v.same_clause(i, m.first)
    })
}

/// Whether a sentence counts over a year ("هذا العام"، "العام الماضي"): a tally, not the news.
fn over_a_year(v: &SentenceView) -> bool {
    (1..v.tokens.len()).any(|i| {
        let (a, b) = (strip_conj(v.norm(i - 1)), v.norm(i));
        (a == "هذا" && b == "العام")
            || (a == "العام" && matches!(b, "الماضي" | "الحالي" | "الجاري"))
            || (matches!(a, "مطلع" | "خلال" | "منذ" | "بدايه") && b == "العام")
    })
}

/// "اعتدى القراصنة حتى الآن على سفن ..."، "لكثرة ما عرفه الطريق من كمائن": a tally or a habit.
/// With a toll ("قتل 53 مدنيا حتى الآن") it still reports the fighting.
fn tally(v: &SentenceView) -> bool {
    (1..v.tokens.len()).any(|i| {
        let (a, b) = (strip_conj(v.norm(i - 1)), v.norm(i));
        (a == "حتي" && b == "الان") || (a == "لكثره" && b == "ما")
    })
}

/// Whether the trigger tells what someone is responsible for ("المسؤولة عن مقتل"): it
/// describes an actor by past deeds.
fn responsible_for(v: &SentenceView, m: &TriggerMatch) -> bool {
    m.first >= 2
        && v.norm(m.first - 1) == "عن"
        && strip_conj(v.norm(m.first - 2)).trim_start_matches("ال").starts_with("مسوول")
}

/// Whether a sentence names a year before the year of publication ("في يوليو 2005"، "عام
/// 2003") away from its opening: it tells background, not the news. A sentence that opens with
/// its date ("29 أغسطس 2003 قتل ...") is an entry of a chronology and is still coded.
fn earlier_year(v: &SentenceView, doc: &Document) -> bool {
    let Some(p) = doc.published.value else { return false };
    // "في 3 مايو 2005 اغتيل ..." narrates the past; a chronology entry opens with the date itself.
    let narrated =
        v.tokens.iter().find(|t| t.kind != hadath_text::TokenKind::Punct).is_some_and(|t| strip_conj(&t.norm) == "في");
    let mut words = if narrated { 6 } else { 0 };
    v.tokens.iter().any(|t| {
        let w = t.norm.as_str();
        let year = (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse::<i32>().unwrap_or(0));
        // Opening: a place, a day and a month in two calendars at most ("روسيا 24 مارس آذار 2001").
        let opening = words <= 5;
        if t.kind != hadath_text::TokenKind::Punct {
            words += 1;
        }
        year.is_some_and(|y| (1900..p.year).contains(&y)) && !opening
    })
}

/// Whether a trigger's clause dates it more than a year before publication ("عام 1981",
/// "قبل ثلاثة أعوام") or counts violence over years ("في الثمانينات"، "يوميا"). Such a
/// mention is still coded, with its own date, when it has a toll or a verb of occurrence.
fn historical(v: &SentenceView, doc: &Document, m: &TriggerMatch) -> bool {
    let history = (0..v.tokens.len())
        .any(|i| v.same_clause(i, m.first) && word_set!(HISTORY_WORDS).contains(strip_conj(v.norm(i))));
    let Some(p) = doc.published.value else { return history };
    history
        || doc.times.iter().filter(|x| v.span.contains(x.span)).any(|x| {
            let at = v.tokens.iter().position(|t| t.span.overlaps(x.span)).unwrap_or(usize::MAX);
            v.same_clause(at, m.first) && x.range.is_some_and(|(_, to)| to.to_days() < p.to_days() - 365)
        })
}

/// Whether a verb that makes violence or protest an event stands within four tokens: "شن"، "اندلعت".
fn support_verb_near(v: &SentenceView, m: &TriggerMatch) -> bool {
    (m.first.saturating_sub(4)..(m.last + 4).min(v.tokens.len()))
        .any(|i| v.same_clause(i, m.first) && word_set!(SUPPORT_VERBS).contains(strip_conj(v.norm(i))))
}

/// Armed groups that carry out executions outside the law: "أعدم مسلحون رهينة".
const EXECUTIONERS: &[&str] = &[
    "مسلحون",
    "مسلحين",
    "المسلحون",
    "المسلحين",
    "خاطفون",
    "الخاطفون",
    "الخاطفين",
    "خاطفيه",
    "متمردون",
    "المتمردون",
    "ميليشيا",
    "مليشيا",
    "ميليشيات",
    "تنظيم",
];

/// Whether an execution trigger ("إعدام"، "أعدموا") is a sentence carried out by a state rather
/// than a killing by an armed group: no armed group is named in the sentence.
fn judicial_execution(v: &SentenceView, m: &TriggerMatch) -> bool {
    let trig = v.norm(m.first);
    (trig.contains("اعدام") || trig.contains("اعدم"))
        && !v.tokens.iter().any(|t| word_set!(EXECUTIONERS).contains(strip_conj(&t.norm)))
}

/// Verbs that say something happened: "حصل"، "وقعت"، "اندلعت".
const OCCURRENCE_VERBS: &[&str] = &["حصل", "حدث", "جري", "وقعت", "وقع", "اندلعت", "اندلع"];

/// Whether a trigger sits in a background phrase: "بعد تفجير انتحاري قتل فيه"، "عندما اغتيل".
fn in_background_phrase(v: &SentenceView, m: &TriggerMatch) -> bool {
    (m.first.saturating_sub(10)..m.first).any(|i| {
        let w = strip_conj(v.norm(i));
        // "كما جرى في مارس، حين قتل"، "اندلعت الاشتباكات عندما تجمع"، "اندلعت في 3 مايو
        // 1998، عندما هاجم": a when-clause that tells what happened.
        let told = matches!(w, "حين" | "عندما")
            && (i.saturating_sub(8)..i)
                .any(|k| [v.norm(k), strip_conj(v.norm(k))].iter().any(|w| OCCURRENCE_VERBS.contains(w)));
        word_set!(BACKGROUND_LEADS).contains(w) && v.same_clause(i, m.first) && !told
    })
}

/// The when-word ("عندما"، "حين") right before a trigger that follows an occurrence verb
/// dated to the day: "الحرب التي اندلعت في 3 مايو 1998، عندما هاجم X". Its index.
fn when_of_dated_outbreak(v: &SentenceView, doc: &Document, m: &TriggerMatch) -> Option<usize> {
    let w = (m.first.saturating_sub(2)..m.first).rev().find(|&i| matches!(v.norm(i), "عندما" | "حين" | "حينما"))?;
    let verb = (w.saturating_sub(9)..w).find(|&k| OCCURRENCE_VERBS.contains(&strip_conj(v.norm(k))))?;
    let (from, to) = (v.tokens[verb].span.end, v.tokens[w].span.start);
    doc.times
        .iter()
        .any(|t| {
            from <= t.span.start
                && t.span.end <= to
                && t.precision == Precision::Day
                && t.basis == DateBasis::Explicit
                && t.kind == TimeKind::Date
        })
        .then_some(w)
}

/// Whether a trigger tells the outbreak of a war dated to the day in the text ("اندلعت في 3
/// مايو 1998، عندما شن X هجوما"): however long ago, the article tells it with its own date.
fn own_dated_outbreak(v: &SentenceView, doc: &Document, m: &TriggerMatch) -> bool {
    // "عندما شن الجيش ... بعد أن هاجم": the deed that came before it is told too.
    when_of_dated_outbreak(v, doc, m).is_some() || after_dated_outbreak(v, doc, m)
}

/// Whether a trigger right after "بعد أن" tells what came before a dated outbreak told in
/// the same clause: "عندما شن X هجوما بعد أن هاجم Y القرى".
fn after_dated_outbreak(v: &SentenceView, doc: &Document, m: &TriggerMatch) -> bool {
    let after_that = m.first >= 2 && matches!(v.norm(m.first - 2), "بعد" | "وبعد") && v.norm(m.first - 1) == "ان";
    after_that
        && (0..m.first.saturating_sub(2)).any(|i| {
            matches!(v.norm(i), "عندما" | "حين" | "حينما")
                && v.same_clause(i, m.first)
                && when_of_dated_outbreak(v, doc, &TriggerMatch { first: i + 1, last: i + 2, ..*m }).is_some()
        })
}

/// Verbs that make an agreement or a ceasefire happen: "أبرم"، "توصل"، "دخلت حيز التنفيذ".
const COMPLEMENT_SUPPORT: &[&str] = &[
    "وقع",
    "وقعت",
    "وقعا",
    "وقعوا",
    "ابرم",
    "ابرمت",
    "ابرما",
    "ابرام",
    "توقيع",
    "توصل",
    "توصلت",
    "توصلا",
    "توصلوا",
    "توصلتا",
    "يتوصل",
    "تتوصل",
    "يتوصلان",
    "تتوصلان",
    "التوصل",
    "ابرمتا",
    "وقعتا",
    "اعلنتا",
    "تم",
    "دخل",
    "دخلت",
    "اعلن",
    "اعلنت",
    "اعلنا",
    "انتهت",
    "انتهي",
    "صمد",
    "صمدت",
    "خرق",
    "خرقت",
    "انتهاك",
    "سريان",
    "بدء",
    "بدا",
    "بدات",
];

/// Whether a complement trigger has a verb nearby that makes it an event.
fn complement_supported(v: &SentenceView, m: &TriggerMatch) -> bool {
    (m.first.saturating_sub(4)..(m.last + 4).min(v.tokens.len()))
        .filter(|&i| i < m.first || i >= m.last)
        .any(|i| v.same_clause(i, m.first) && word_set!(COMPLEMENT_SUPPORT).contains(strip_conj(v.norm(i))))
}

/// Words between a governing trigger and the noun it governs, not counting the names of
/// who is asked or accused and times: "دعا المستشار الألماني رئيس صربيا ... ورئيس حكومة
/// كوسوفو ... للاجتماع" governs the meeting however long the names.
fn governed_gap(v: &SentenceView, from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&i| !v.groups.iter().any(|g| g.first <= i && i < g.last) && !v.in_time(i))
        .filter(|&i| v.tokens[i].kind != hadath_text::TokenKind::Punct)
        .count()
}

/// Whether a governed noun is in its governor's clause, or after a comma that only closes a
/// name or a time and opens the complement ("ودعت المفوضة ... اليوم الجمعة، إلى وقف").
fn governed_clause(v: &SentenceView, from: usize, to: usize) -> bool {
    if v.same_clause(from.saturating_sub(1), to) {
        return true;
    }
    let breaks: Vec<usize> = (from..to).filter(|&i| i > 0 && v.clause.get(i - 1) != v.clause.get(i)).collect();
    let closes = |i: usize| i > 0 && (v.in_time(i - 1) || v.groups.iter().any(|g| g.last == i));
    let opens = |b: usize| b + 1 == to || (b + 2 == to && v.norm(b + 1) == "الي");
    breaks.len() == 1 && breaks.iter().all(|&b| v.norm(b) == "," && closes(b) && opens(b))
}

/// Types whose trigger governs a following event noun: the noun is what is asked, refused, ...
fn governs(event_type: &str, pattern_id: &str) -> bool {
    matches!(event_type, "REQUEST" | "REJECT" | "ACCUSE" | "THREATEN")
        || pattern_id == "consult.discuss"
        || pattern_id == "agree.pledge"
        || pattern_id == "agree.agree"
}

/// Codes the events of one document.
pub fn code_document(doc: &mut Document) {
    code_document_traced(doc, &mut Vec::new());
}

/// Codes the events of one document and lists every trigger kept, as (pattern id, status),
/// before events of one sentence are merged.
pub fn code_document_traced(doc: &mut Document, trace: &mut Vec<(String, EventStatus)>) {
    let set = PatternSet::get();
    let mut events = Vec::new();
    let mut quotes = crate::quotes::find_quotes(doc);
    // "وزيري خارجية البلدين": one placeholder actor while roles are read, two actors after.
    let duals = crate::duals::find_duals(doc);
    crate::duals::add_placeholders(doc, &duals);
    let mut speakers = SpeakerTrack::default();
    let sentences = doc.sentences.clone();
    let mut next_quote = 0;
    // Sentences that gave events, to tell a headline printed twice (as title and as the body's
    // first line) from a new report.
    let mut told: Vec<String> = Vec::new();
    for (k, &span) in sentences.iter().enumerate() {
        let previous = k.checked_sub(1).map(|j| sentences[j]);
        // Fast path: a sentence with no trigger and no reporting verb is skipped.
        let lo = doc.tokens.partition_point(|t| t.span.start < span.start);
        let hi = doc.tokens.partition_point(|t| t.span.start < span.end).max(lo);
        let matches = set.find(&doc.tokens[lo..hi]);
        while next_quote < quotes.len() && quotes[next_quote].span.start < span.start {
            next_quote += 1;
        }
        let verb = crate::quotes::report_verb(&doc.tokens[lo..hi]);
        // With no trigger the sentence only names speakers, and only with a reporting verb.
        if matches.is_empty() && verb.is_none() {
            for q in quotes[next_quote..].iter_mut().take_while(|q| q.span.start < span.end) {
                q.speaker = None;
            }
            continue;
        }
        let v = SentenceView::new(doc, span);
        let speaker = verb.and_then(|(vi, verb)| speakers.speaker_of(&v, vi, verb));
        for q in quotes[next_quote..].iter_mut().take_while(|q| q.span.start < span.end) {
            q.speaker = speaker.clone();
        }
        if matches.is_empty() {
            continue;
        }
        let question = is_question(&v);
        let (killed, injured) = read_casualties(doc, &v);
        let has_casualties = killed.is_some() || injured.is_some();
        let mut cands: Vec<Candidate> = Vec::with_capacity(matches.len());
        let matches: Vec<TriggerMatch> =
            matches.into_iter().map(|m| control_noun_reading(&v, masdar_reading(&v, m), set)).collect();
        for &m in &matches {
            let p = &set.patterns[m.pattern];
            // A mention that reports no event is kept only to give its mode to a trigger that
            // governs it ("تبادل الاتهامات بشأن قصف"), then dropped.
            let mention = matches!(p.event_type.as_str(), "ASSAULT" | "PROTEST")
                && (!supported(&v, &m, &matches, set, has_casualties)
                    || in_relative_clause(&v, &m, &matches, set)
                    || (in_background_phrase(&v, &m) && !after_dated_outbreak(&v, doc, &m))
                    || (historical(&v, doc, &m)
                        && !has_casualties
                        && !support_verb_near(&v, &m)
                        && !own_dated_outbreak(&v, doc, &m))
                    || (earlier_year(&v, doc) && !has_casualties && !own_dated_outbreak(&v, doc, &m))
                    || (p.event_type == "ASSAULT" && (told_before(&v) || about_violence(&v)))
                    || concessive(&v, &m)
                    || over_a_year(&v)
                    || (tally(&v) && !has_casualties)
                    || responsible_for(&v, &m)
                    || under_reaction(&v, &m)
                    || judicial_execution(&v, &m)
                    || verbal_attack(&v, &m, p, has_casualties)
                    || figurative(&v, &m, p, has_casualties)
                    || abstract_target(&v, &m, p, has_casualties)
                    || (p.event_type == "PROTEST" && (protester_speaks(&v) || protesters_in_a_clash(&v, &m)))
                    || crate::own_side::protesters_in_a_toll(&v, &m, p, has_casualties)
                    || !is_eventive(&v, doc, &m, &matches, set, has_casualties));
            if mention {
                cands.push(Candidate {
                    m,
                    status: EventStatus::Occurred,
                    mode: p.mode.clone(),
                    source: Vec::new(),
                    target: Vec::new(),
                    mediator: Vec::new(),
                    third_party: false,
                    absorbed: true,
                    governor: None,
                    refers_back: None,
                });
                continue;
            }
            if compared(&v, &m) || (p.event_type == "REQUEST" && anonymity(&v, &m)) {
                continue;
            }
            let status = read_status(&v, &m, p, question);
            let mut c = Candidate {
                m,
                status,
                mode: p.mode.clone(),
                source: Vec::new(),
                target: Vec::new(),
                mediator: Vec::new(),
                third_party: false,
                absorbed: false,
                governor: None,
                refers_back: None,
            };
            read_roles(&v, &m, p, &mut c, &matches, &duals);
            if p.event_type == "CONSULT" && m.nominal {
                c.refers_back = back_reference(&v, &m);
            }
            // "فضت الشرطة اعتصاما للعمال": who dispersed it is not who protested.
            if p.event_type == "PROTEST" && dispersed(&v, &m) {
                let trigger_end = v.tokens.get(m.last.saturating_sub(1)).map_or(0, |t| t.span.end);
                let after_trigger = |a: &Actor| a.span.start >= trigger_end;
                c.source.retain(after_trigger);
                if c.source.is_empty() {
                    c.source = std::mem::take(&mut c.target);
                }
            }
            // "جمع" brings two parties together only with a mediator: "جمع تبرعات" does not.
            // As a verbal noun ("يأمل في جمع الزعيمين"، "لجمع") it names an aim, not a meeting.
            let trig = v.norm(m.first);
            let to_prefix = trig.get(..m.prefix_len).is_some_and(|pre| pre.ends_with('ل'));
            let after_preposition = m.first >= 1 && matches!(v.norm(m.first - 1), "في" | "علي" | "الي" | "من" | "عن");
            // "اللقاء الذي جمع": the meeting brought them together, and is the event.
            let after_relative = m.first >= 1 && RELATIVES.contains(&v.norm(m.first - 1));
            if p.id == "consult.bring"
                && ((c.mediator.is_empty() && !c.third_party) || to_prefix || after_preposition || after_relative)
            {
                continue;
            }
            cands.push(c);
        }
        // Governed events: "دعا إلى وقف إطلاق النار" is a request, "هدد بقصف" a threat.
        for i in 0..cands.len() {
            let gp = &set.patterns[cands[i].m.pattern];
            if !governs(&gp.event_type, &gp.id) {
                continue;
            }
            for j in i + 1..cands.len() {
                let (gi_last, gj_first) = (cands[i].m.last, cands[j].m.first);
                // Past names, times and a comma only a noun is governed: a verb there is a
                // report of its own ("يدعو X و Y للقاء في موسكو وباكو تتهم ...").
                let near = gj_first >= gi_last
                    && gj_first - gi_last <= 8
                    && v.same_clause(gi_last.saturating_sub(1), gj_first);
                let noun = cands[j].m.nominal
                    && gj_first >= gi_last
                    && governed_gap(&v, gi_last, gj_first) <= 8
                    && governed_clause(&v, gi_last, gj_first);
                if !(near || noun) {
                    break;
                }
                let jp = &set.patterns[cands[j].m.pattern];
                if jp.event_type == gp.event_type && jp.frame != Frame::Complement {
                    continue;
                }
                if gp.event_type == "THREATEN" && jp.frame != Frame::Complement {
                    cands[j].status = EventStatus::Threatened;
                    if cands[j].source.is_empty() {
                        cands[j].source = cands[i].source.clone();
                    }
                } else {
                    cands[j].absorbed = true;
                    cands[j].governor = Some(cands[i].m.first);
                    if cands[i].mode.is_none() {
                        cands[i].mode = Some(jp.mode.clone().unwrap_or_else(|| jp.event_type.to_lowercase()));
                    }
                }
            }
        }
        // A complement nobody governs is an event only when a verb makes it one: "أبرم اتفاقا".
        for c in cands.iter_mut().filter(|c| !c.absorbed) {
            if set.patterns[c.m.pattern].frame == Frame::Complement && !complement_supported(&v, &c.m) {
                c.absorbed = true;
            }
        }
        let events_here: Vec<(usize, usize, &str)> = cands
            .iter()
            .filter(|c| !c.absorbed)
            .map(|c| (c.m.first, c.m.last, set.patterns[c.m.pattern].event_type.as_str()))
            .collect();
        let governed_by: Vec<(usize, usize)> =
            cands.iter().filter_map(|c| c.governor.map(|g| (g, c.m.first))).collect();
        let mut coded: Vec<Event> = Vec::new();
        for c in cands.into_iter().filter(|c| !c.absorbed) {
            let p = &set.patterns[c.m.pattern];
            if let Some(kind) = c.refers_back {
                let told = events.iter().chain(&coded).any(|e| e.event_type == "CONSULT");
                if told || kind == BackReference::Marked {
                    continue;
                }
            }
            trace.push((p.id.clone(), c.status));
            let mut source = c.source;
            // Reported speech: the speaker is the source of what they say.
            if source.is_empty() {
                let trig = v.tokens[c.m.first].span;
                let in_quote = quotes.iter().find(|q| q.span.contains(trig));
                let speech_type = matches!(p.event_type.as_str(), "ACCUSE" | "THREATEN" | "REQUEST" | "REJECT");
                // "قال X: \"ونحن مسرورون لدعم ذلك\"": who speaks in the first person.
                let violent = matches!(p.event_type.as_str(), "ASSAULT" | "PROTEST");
                let we = in_quote.is_some() && !violent && we_before(&v, &c.m);
                if let (Some(s), true) = (&speaker, speech_type && in_quote.is_none()) {
                    source = expand(vec![s.clone()], &duals);
                } else if let (Some(q), true) = (in_quote, speech_type || we) {
                    if let Some(s) = &q.speaker {
                        source = expand(vec![s.clone()], &duals);
                    }
                }
            }
            // "وبحث المسؤولون الثلاثة"، "ودعا القادة": a plural of leaders stands for the parties
            // of the last meeting told.
            let said = matches!(p.event_type.as_str(), "ASSAULT" | "PROTEST");
            if let Some((at, count)) = plural_leaders(&v, &c.m, &source).filter(|_| !said) {
                let met = events.iter().chain(&coded).rev().find(|e| e.event_type == "CONSULT");
                if let Some(e) = met {
                    let mut parties: Vec<Actor> = Vec::new();
                    for a in e.source.iter().chain(&e.target).chain(&e.mediator) {
                        if !parties.iter().any(|b| b.code == a.code) {
                            parties.push(Actor { span: v.tokens[at].span, ..a.clone() });
                        }
                    }
                    if parties.len() >= 2 && count.is_none_or(|n| n == parties.len()) {
                        source = parties;
                    }
                }
            }
            // "أدانت الوزارة في بيانها ... واستنكر البيان": the statement is who issued it, in
            // the last event told, when that event's sentence speaks of a statement.
            if source.is_empty() && the_statement(&v, &c.m) {
                let issued = events.last().filter(|e| {
                    !e.source.is_empty()
                        && doc.text.get(e.evidence.start..e.evidence.end).is_some_and(|t| t.contains("بيان"))
                });
                if let Some(e) = issued {
                    let at = v.tokens[c.m.last].span;
                    source = e.source.iter().map(|a| Actor { span: at, ..a.clone() }).collect();
                }
            }
            let trigger = Span::new(v.tokens[c.m.first].span.start, v.tokens[c.m.last - 1].span.end);
            let used: Vec<Actor> = source.iter().chain(&c.target).chain(&c.mediator).cloned().collect();
            let is_violent = p.event_type == "ASSAULT";
            let governed: Vec<usize> = governed_by.iter().filter(|(g, _)| *g == c.m.first).map(|(_, j)| *j).collect();
            let location = read_place(&v, &c.m, &used, &matches, &governed);
            let other_events: Vec<(usize, usize)> =
                events_here.iter().filter(|e| e.2 != p.event_type).map(|e| (e.0, e.1)).collect();
            let mut target = c.target;
            // "قال الجيش إن قواته قصفت"، "أعلن أن ثلاثة من جنوده قتلوا": the speaker's own
            // forces did or suffered what it reports.
            if let (Some((vi, _)), Some(s)) = (verb, &speaker) {
                match crate::own_side::speaker_role(&v, &c.m, p, vi, !target.is_empty()) {
                    // With its subject before it, a verb's first actor after it is its
                    // object: "إن طائراته قصفت مواقع للمتمردين".
                    Some(OwnRole::Source) if !target.iter().any(|a| a.code == s.code) => {
                        if target.is_empty() && p.frame == Frame::Verb {
                            target = std::mem::take(&mut source);
                        }
                        if source.is_empty() {
                            source = expand(vec![s.clone()], &duals);
                        }
                    }
                    Some(OwnRole::Target) if target.is_empty() && !source.iter().any(|a| a.code == s.code) => {
                        target = expand(vec![s.clone()], &duals)
                    }
                    _ => {}
                }
            }
            // "وهدد X قائلا: \"إذا خدعتنا (Y) ...\"": a threat or a demand whose quotation
            // follows it names who is threatened or asked in its own words.
            if target.is_empty() && matches!(p.event_type.as_str(), "THREATEN" | "REQUEST") {
                target = quoted_target(&v, &c.m, &quotes, &source, &duals);
            }
            // "قصفت طائرات إسرائيلية"، "غارة شنتها طائرة أميركية": the machine's country.
            if source.is_empty() {
                if let Some((k, country)) = crate::own_side::machine_of(&v, &c.m, p) {
                    source.push(group_of_token(&v, k, country, "MIL"));
                }
            }
            if matches!(p.event_type.as_str(), "ASSAULT" | "PROTEST") {
                fill_countries(&v, &mut source, &mut target);
            }
            if p.event_type == "PROTEST" {
                crate::crowds::protest_sides(&v, &c.m, &mut source, &mut target);
            }
            if p.event_type == "ASSAULT" && target.is_empty() {
                target.extend(positions_target(&v, &c.m));
            }
            if p.event_type == "ASSAULT" {
                if let Some(g) = sufferer(&v, &c.m) {
                    let victims = actors_of(g, &duals);
                    source.retain(|a| !victims.iter().any(|b| b.span == a.span));
                    target.retain(|a| !victims.iter().any(|b| b.span == a.span));
                    target.splice(0..0, victims);
                }
            }
            let mut mediator = c.mediator;
            for role in [&mut source, &mut target, &mut mediator] {
                expand_apposition(&v, role);
            }
            let heads = dual_heads_of_countries(doc, [&source, &target, &mediator]);
            for role in [&mut source, &mut target, &mut mediator] {
                governments_of_country(doc, span, previous, role);
                for a in role.iter_mut().filter(|a| heads.contains(&a.span)) {
                    a.code = a.country.as_ref().map(|c| format!("{c}GOV"));
                    a.sector = Some("GOV".to_string());
                }
            }
            let mut ev = Event {
                event_type: p.event_type.clone(),
                mode: c.mode,
                cameo: if c.third_party { "045".to_string() } else { p.cameo.clone() },
                intensity: p.intensity,
                source,
                target,
                mediator,
                date: read_date(doc, &v, &c.m, &other_events),
                location,
                killed: if is_violent { killed.clone() } else { None },
                injured: if is_violent { injured.clone() } else { None },
                status: c.status,
                evidence: span,
                trigger,
                pattern: p.id.clone(),
            };
            if ev.date.basis == DateBasis::Publication {
                if let Some(date) = eve_date(doc, &v, &events) {
                    ev.date = date;
                }
            }
            // "قال X: \"القوات يجب أن تنسحب\"": what a speaker says another must do is
            // the speaker's demand on it, besides the planned deed.
            let demanded = if ev.status == EventStatus::Planned && !speech_type_of(&ev.event_type) {
                obligation(&v, &c.m).and_then(|at| {
                    let trig = v.tokens[c.m.first].span;
                    let said_by = match quotes.iter().find(|q| q.span.contains(trig)) {
                        Some(q) => q.speaker.clone(),
                        None => speaker.clone(),
                    }?;
                    let own = ev.source.iter().any(|a| a.code == said_by.code);
                    (!ev.source.is_empty() && !own).then(|| demand_of(set, &v, at, said_by, &ev, &duals)).flatten()
                })
            } else {
                None
            };
            // "تلقى X و Y دعوة ..." told first, "وجه إليهما Z دعوة" a few sentences on: the same
            // invitation, whose sender is now known.
            if let Some(at) = sent_invitation(&v, &c.m).then(|| received_invitation(doc, &events, &ev, k)).flatten() {
                let earlier = &mut events[at];
                let span = earlier.trigger;
                earlier.source = ev.source.iter().map(|a| Actor { span, ..a.clone() }).collect();
                if earlier.mode.is_none() {
                    earlier.mode = ev.mode;
                }
                continue;
            }
            merge_or_push(&mut coded, ev);
            if let Some(d) = demanded {
                merge_or_push(&mut coded, d);
            }
        }
        // "خلال لقاء وزراء خارجية A و B و C في X": a meeting noun after a word of occasion
        // with the parties and the place of a meeting told before is that meeting.
        coded.retain(|e| !occasion_of_told_meeting(doc, &events, e));
        // "مطلع الشهر عقدت A و B محادثات برعاية C. واستضاف وزير C وزيري البلدين.": a meeting
        // with no time of its own, told right after a dated meeting of the same countries, is
        // that meeting retold and takes its date.
        if let Some(prev) = previous {
            for e in coded.iter_mut().filter(|e| e.event_type == "CONSULT" && e.date.basis == DateBasis::Publication) {
                let here = countries_of(e);
                let dated = events.iter().rev().take_while(|t| t.evidence.start >= prev.start).find(|t| {
                    t.event_type == "CONSULT"
                        && t.evidence == prev
                        && matches!(t.date.basis, DateBasis::Explicit | DateBasis::Relative)
                        && here.len() >= 2
                        && countries_of(t) == here
                });
                if let Some(t) = dated {
                    e.date = t.date.clone();
                }
            }
        }
        // A target of a code the event already targets (merged from another trigger of the
        // sentence, "الاشتباكات ... مقتل 135 جنديا أرمنيا") adds no party.
        for e in &mut coded {
            let mut seen: Vec<Option<String>> = Vec::new();
            e.target.retain(|a| {
                let again = a.code.is_some() && seen.contains(&a.code);
                seen.push(a.code.clone());
                !again
            });
        }
        coded = coded.into_iter().flat_map(|e| split_two_sided_toll(doc, &v, e)).collect();
        if !coded.is_empty() {
            let said = doc.text[span.start..span.end].trim().to_string();
            if told.contains(&said) {
                continue;
            }
            told.push(said);
        }
        events.extend(coded);
    }
    crate::duals::remove_placeholders(doc);
    drop_heading_repeats(doc, &mut events);
    doc.quotes = quotes;
    doc.events = events;
}

/// Pronouns and marks that open an apposition listing what a group is: "دول الرابطة وهي X
/// وY وZ"، "الأطراف الثلاثة: X وY وZ".
const APPOSITION_OPENERS: &[&str] = &["وهي", "وهم", "وهما", "وهن", "هي", "هم", "هما", ":"];

/// "قادة الاتحاد ونظراؤهم في دول الرابطة، وهي X وY وZ": an organisation or group followed by
/// an apposition that lists two or more countries stands for those countries.
fn expand_apposition(v: &SentenceView, role: &mut Vec<Actor>) {
    let mut out: Vec<Actor> = Vec::with_capacity(role.len());
    for a in role.drain(..) {
        let listed = matches!(a.kind, EntityKind::Organisation | EntityKind::Group)
            .then(|| v.tokens.iter().rposition(|t| t.span.start < a.span.end))
            .flatten()
            .and_then(|last| {
                let mut k = last + 1;
                // An adjective the name leaves out ("دول مجلس التعاون الخليجي وهي") and a comma
                // may stand before the pronoun.
                let word = v.tokens.get(k).is_some_and(|t| t.kind != hadath_text::TokenKind::Punct);
                if word && !APPOSITION_OPENERS.contains(&v.norm(k)) && APPOSITION_OPENERS.contains(&v.norm(k + 1)) {
                    k += 1;
                }
                if v.norm(k) == "," && v.norm(k + 1) != ":" {
                    k += 1;
                }
                APPOSITION_OPENERS.contains(&v.norm(k)).then_some(k + 1)
            })
            .and_then(|first| v.groups.iter().find(|g| g.first == first))
            .map(|g| g.actors())
            .filter(|list| list.len() >= 2 && list.iter().all(|x| x.kind == EntityKind::Country));
        match listed {
            Some(list) => {
                for x in list {
                    if !out.iter().any(|y| y.code == x.code) {
                        out.push(x);
                    }
                }
            }
            None => out.push(a),
        }
    }
    *role = out;
}

/// Verbs of sending an invitation or a message: "وجه إليه دعوة"، "أرسل دعوة".
const SEND_VERBS: &[&str] = &["وجه", "وجهت", "وجها", "وجهوا", "يوجه", "توجه", "ارسل", "ارسلت", "ارسلا", "ارسلوا"];

/// Whether an invitation noun is the object of a verb of sending before it in its clause,
/// with only names and a pronoun between ("وجه إليهما الرئيس الروسي دعوة").
fn sent_invitation(v: &SentenceView, m: &TriggerMatch) -> bool {
    if !m.nominal || !strip_conj(v.norm(m.first)).contains("دعوه") {
        return false;
    }
    (m.first.saturating_sub(8)..m.first).any(|i| {
        SEND_VERBS.contains(&strip_conj(v.norm(i))) && v.same_clause(i, m.first) && governed_gap(v, i + 1, m.first) <= 1
    })
}

/// An invitation received with no sender ("تلقى X و Y دعوة"), told in one of the three
/// sentences before sentence `k`, that a sent invitation `ev` with its sender and no other
/// addressee is the same as: its index in `events`.
fn received_invitation(doc: &Document, events: &[Event], ev: &Event, k: usize) -> Option<usize> {
    if ev.event_type != "REQUEST" || ev.source.is_empty() {
        return None;
    }
    let from = doc.sentences.get(k.saturating_sub(3)).map_or(0, |s| s.start);
    let (i, e) = events.iter().enumerate().rev().take_while(|(_, e)| e.evidence.start >= from).find(|(_, e)| {
        e.event_type == "REQUEST" && e.source.is_empty() && !e.target.is_empty() && normalize_invitation(doc, e.trigger)
    })?;
    let same_addressee = ev.target.is_empty() || ev.target.iter().all(|a| e.target.iter().any(|b| b.code == a.code));
    same_addressee.then_some(i)
}

/// Whether a trigger is the noun of invitation ("دعوة"، "بدعوة").
fn normalize_invitation(doc: &Document, trigger: Span) -> bool {
    let t = hadath_text::normalize_for_match(doc.text.get(trigger.start..trigger.end).unwrap_or(""));
    t.contains("دعوه")
}

/// The countries of an event's parties, sorted, once each.
fn countries_of(e: &Event) -> Vec<String> {
    let mut v: Vec<String> =
        e.source.iter().chain(&e.target).chain(&e.mediator).filter_map(|a| a.country.clone()).collect();
    v.sort();
    v.dedup();
    v
}

/// The codes of an event's parties, sorted, once each.
fn parties(e: &Event) -> Vec<String> {
    let mut v: Vec<String> =
        e.source.iter().chain(&e.target).chain(&e.mediator).filter_map(|a| a.code.clone()).collect();
    v.sort();
    v.dedup();
    v
}

/// Whether a meeting event's noun follows a word of occasion ("خلال"، "على هامش") and names
/// the parties and the place of a meeting told in an earlier sentence: it is that meeting.
fn occasion_of_told_meeting(doc: &Document, told: &[Event], e: &Event) -> bool {
    if e.event_type != "CONSULT" || e.location.is_none() {
        return false;
    }
    let at = doc.tokens.partition_point(|t| t.span.start < e.trigger.start);
    let Some(before) = at.checked_sub(1).and_then(|i| doc.tokens.get(i)) else { return false };
    if !OCCASION_WORDS.contains(&strip_conj(before.norm.as_str())) {
        return false;
    }
    let here = parties(e);
    let place = |x: &Event| x.location.as_ref().and_then(|l| l.name.clone());
    here.len() >= 2 && told.iter().any(|t| t.event_type == "CONSULT" && parties(t) == here && place(t) == place(e))
}

/// The country of the government actors named in a span (people and bodies of sector GOV
/// with a country: a leader, a minister, a ministry): `Some(Some(c))` when they are all of one
/// country, `Some(None)` when of several, `None` when there are none.
fn government_country(doc: &Document, span: Span) -> Option<Option<String>> {
    let lo = doc.entities.partition_point(|e| e.span.start < span.start);
    let mut found: Option<Option<String>> = None;
    for e in doc.entities[lo..].iter().take_while(|e| e.span.end <= span.end) {
        if e.sector.as_deref() != Some("GOV") || !crate::clause::is_actor_kind(e.kind) {
            continue;
        }
        let Some(c) = &e.country else { continue };
        match &found {
            None => found = Some(Some(c.clone())),
            Some(Some(f)) if f == c => {}
            _ => found = Some(None),
        }
    }
    found
}

/// "وقال باشينيان لمجلس الوزراء"، "أعلن وزير الداخلية أن الحكومة": a government named with
/// no country ("الحكومة"، "مجلس الوزراء") is that of the one country whose leaders or
/// ministries the sentence names, else the previous sentence; none when they name several.
/// A government given its country is dropped when its role already has that government.
fn governments_of_country(doc: &Document, span: Span, previous: Option<Span>, role: &mut Vec<Actor>) {
    // Only a government or a cabinet: a delegation or an official is anyone's.
    let bare = |a: &Actor| {
        let named = hadath_text::normalize_for_match(doc.text.get(a.span.start..a.span.end).unwrap_or(""));
        a.code.as_deref() == Some("GOV")
            && a.country.is_none()
            && (named.contains("حكوم") || named.contains("مجلس الوزراء"))
    };
    if !role.iter().any(bare) {
        return;
    }
    let country = match government_country(doc, span) {
        Some(c) => c,
        None => previous.and_then(|p| government_country(doc, p)).flatten(),
    };
    let Some(c) = country else { return };
    let code = format!("{c}GOV");
    let had = role.iter().any(|a| a.code.as_deref() == Some(code.as_str()));
    role.retain(|a| !(had && bare(a)));
    let at: Vec<Span> = role.iter().filter(|a| bare(a)).map(|a| a.span).collect();
    for a in role.iter_mut().filter(|a| at.contains(&a.span) && a.code.as_deref() == Some("GOV")) {
        a.code = Some(code.clone());
        a.country = Some(c.clone());
    }
}

/// "عشية المحادثات": a deed on the eve of an event told before it in the article. The eve of
/// an event dated to the day is the day before; of one dated less precisely, or not found, no
/// day we know (the publication date would be invented). `None` when the sentence has no eve.
///
/// "قبيل الاجتماع" (shortly before the meeting) is read the same way but on the event's own
/// day, and "قبل الاجتماع" (before it, by how much the text does not say) gives no day, when
/// the noun names an event told before; a time after "قبل" ("قبل يومين") is no such phrase.
fn eve_date(doc: &Document, v: &SentenceView, events: &[Event]) -> Option<EventDate> {
    let unknown = EventDate { value: None, precision: Precision::Unknown, basis: DateBasis::Unknown, span: None };
    let in_time = |i: usize| v.tokens.get(i).is_some_and(|t| doc.times.iter().any(|m| m.span.contains(t.span)));
    let at = (0..v.tokens.len())
        .find(|&i| matches!(strip_conj(v.norm(i)), "عشيه" | "قبيل" | "قبل") && !in_time(i) && !in_time(i + 1))?;
    let (days_before, needs_told) = match strip_conj(v.norm(at)) {
        "عشيه" => (Some(1), false),
        "قبيل" => (Some(0), false),
        _ => (None, true),
    };
    let noun = v.tokens.get(at + 1)?.norm.as_str();
    if needs_told && !noun.starts_with("ال") {
        return None;
    }
    let stem = |w: &str| {
        let w = strip_conj(w);
        let w = w.strip_prefix('ب').filter(|r| r.starts_with("ال")).unwrap_or(w);
        w.strip_prefix("ال").unwrap_or(w).to_string()
    };
    let noun = stem(noun);
    let told = events.iter().rev().find(|e| {
        let trig = hadath_text::normalize_for_match(doc.text.get(e.trigger.start..e.trigger.end).unwrap_or(""));
        trig.split_whitespace().next().is_some_and(|w| stem(w) == noun)
    });
    let Some(e) = told else { return (!needs_told).then_some(unknown) };
    let day = (e.date.precision == Precision::Day)
        .then(|| e.date.value.as_deref().and_then(hadath_text::Date::parse_iso))
        .flatten();
    Some(match (day, days_before) {
        (Some(d), Some(n)) => {
            EventDate { value: Some(d.add_days(-n).iso()), precision: Precision::Day, basis: e.date.basis, span: None }
        }
        _ => unknown,
    })
}

/// Dual titles of heads before country names: "رئيسي صربيا وكرواتيا" are the two presidents.
const DUAL_HEADS: &[&str] = &["رئيسي", "رئيسا", "زعيمي", "زعيما", "حكومتي", "حكومتا"];

/// "اتصل بـرئيسي صربيا وكرواتيا": countries named after a dual title of their heads, the
/// first right after it and the second joined to it by و, are their governments, whichever
/// roles they were given. A country with no such title stays the country. Returns the spans
/// of the actors to be made governments.
fn dual_heads_of_countries(doc: &Document, roles: [&Vec<Actor>; 3]) -> Vec<Span> {
    let heads: Vec<String> = DUAL_HEADS.iter().map(|w| hadath_text::normalize_for_match(w)).collect();
    let last_word = |end: usize| {
        let before = doc.text.get(..end).unwrap_or("").trim_end();
        let w = before.rsplit(char::is_whitespace).next().unwrap_or("");
        hadath_text::normalize_for_match(w)
    };
    let bare_country =
        |a: &Actor| a.kind == EntityKind::Country && a.sector.is_none() && a.code.is_some() && a.code == a.country;
    let mut all: Vec<&Actor> = roles.iter().flat_map(|r| r.iter()).collect();
    all.sort_by_key(|a| a.span.start);
    let mut found: Vec<Span> = Vec::new();
    let mut prev_head: Option<Span> = None;
    for a in all {
        if !bare_country(a) {
            prev_head = None;
            continue;
        }
        let w = last_word(a.span.start);
        let w = w.strip_prefix('و').filter(|r| r.chars().count() > 3).unwrap_or(&w);
        let named = hadath_text::normalize_for_match(doc.text.get(a.span.start..a.span.end).unwrap_or(""));
        // The second country: "وكرواتيا" or "و كرواتيا" right after the first.
        let joined = prev_head.is_some_and(|p| {
            doc.text.get(p.end..a.span.start).is_some_and(|gap| match gap.trim() {
                "" => named.starts_with('و'),
                gap => gap == "و",
            })
        });
        if heads.iter().any(|h| h == w) || joined {
            found.push(a.span);
            prev_head = Some(a.span);
        } else {
            prev_head = None;
        }
    }
    found
}

/// Whether a paragraph is a heading: the title, or a line of at most six words that ends in a
/// letter or digit (no full stop, colon or quotation mark).
fn is_heading(doc: &Document, p: &hadath_text::Paragraph) -> bool {
    let text = doc.text.get(p.span.start..p.span.end).unwrap_or("").trim();
    match p.kind {
        hadath_text::ParagraphKind::Title => true,
        hadath_text::ParagraphKind::Body => {
            text.split_whitespace().count() <= 6 && text.chars().last().is_some_and(char::is_alphanumeric)
        }
        _ => false,
    }
}

/// "مباحثات في واشنطن" over "عقدت X و Y جلسة محادثات في واشنطن ...": an event of a heading
/// with no actor at all announces the event the text under it tells. When the sentences up to
/// the next heading code an event of the same type, the heading's is dropped; else it is kept.
fn drop_heading_repeats(doc: &Document, events: &mut Vec<Event>) {
    let headings: Vec<Span> = doc.paragraphs.iter().filter(|p| is_heading(doc, p)).map(|p| p.span).collect();
    let actorless = |e: &Event| e.source.is_empty() && e.target.is_empty() && e.mediator.is_empty();
    let mut drop = vec![false; events.len()];
    for (i, e) in events.iter().enumerate() {
        let Some(h) = headings.iter().find(|h| h.contains(e.evidence)) else { continue };
        if !actorless(e) {
            continue;
        }
        let end = headings.iter().map(|x| x.start).find(|&s| s >= h.end).unwrap_or(doc.text.len());
        drop[i] = events.iter().any(|o| {
            o.event_type == e.event_type && o.evidence.start >= h.end && o.evidence.start < end && !actorless(o)
        });
    }
    // "X يجمع زعيمي A و B" as the title, "جمع X ... رئيس A ورئيس B" in the body: a title's
    // meeting with actors is told again by a body meeting of its status whose sides name at
    // least the title's countries. The body's has the date and place; the title's goes. Only
    // meetings: one meeting of the same parties is one event, where an accusation or a call
    // in the title and in the body may be two statements (`meeting_references.rs`).
    let titles: Vec<Span> =
        doc.paragraphs.iter().filter(|p| p.kind == hadath_text::ParagraphKind::Title).map(|p| p.span).collect();
    let sides = |e: &Event| {
        let mut v: Vec<String> = e.source.iter().chain(&e.target).filter_map(|a| a.country.clone()).collect();
        v.sort();
        v.dedup();
        v
    };
    let in_title = |e: &Event| titles.iter().any(|t| t.contains(e.evidence));
    // The body's meeting with no place takes the title's ("X يجمع A و B في موسكو").
    let mut places: Vec<(usize, EventLocation)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let here = sides(e);
        if drop[i] || e.event_type != "CONSULT" || !in_title(e) || here.is_empty() {
            continue;
        }
        let body = events.iter().position(|o| {
            o.event_type == e.event_type
                && o.status == e.status
                && !in_title(o)
                && here.iter().all(|c| sides(o).contains(c))
        });
        if let Some(j) = body {
            drop[i] = true;
            if let (None, Some(place)) = (&events[j].location, &e.location) {
                places.push((j, place.clone()));
            }
        }
    }
    for (j, place) in places {
        if events[j].location.is_none() {
            events[j].location = Some(place);
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// The first actor named in a quotation that follows a trigger within four words ("هدد
/// قائلا:"، "حذر في كلمته:"), other than the trigger's source.
fn quoted_target(
    v: &SentenceView,
    m: &TriggerMatch,
    quotes: &[Quote],
    source: &[Actor],
    duals: &[DualRef],
) -> Vec<Actor> {
    let end = v.tokens[m.last - 1].span.end;
    let Some(q) = quotes.iter().find(|q| q.span.start >= end && q.span.start < v.span.end) else {
        return Vec::new();
    };
    // Words only: the colon and the opening quotation mark do not count.
    let between = v.tokens[m.last..]
        .iter()
        .take_while(|t| t.span.start < q.span.start)
        .filter(|t| t.norm.chars().any(char::is_alphabetic))
        .count();
    if between > 4 {
        return Vec::new();
    }
    let inside =
        |g: &&ActorGroup| v.tokens[g.first].span.start >= q.span.start && v.tokens[g.last - 1].span.end <= q.span.end;
    v.groups
        .iter()
        .filter(inside)
        .map(|g| actors_of(g, duals))
        .find(|acts| {
            // The speaker's own side (its country) is not who is threatened.
            let own =
                |a: &Actor| source.iter().any(|s| s.code == a.code || (s.country.is_some() && s.country == a.country));
            !acts.is_empty() && !acts.iter().any(own)
        })
        .unwrap_or_default()
}

/// Plural nouns of leaders and officials that refer back to people named before.
const PLURAL_LEADERS: &[&str] =
    &["القاده", "الزعماء", "الزعما", "المسوولون", "المسوولين", "المسؤولون", "المسؤولين", "الروساء", "الرؤساء"];

/// Number words after such a plural ("المسؤولون الثلاثة"), with their value.
const PLURAL_COUNTS: &[(&str, usize)] =
    &[("الثلاثه", 3), ("الثلاث", 3), ("الاربعه", 4), ("الاربع", 4), ("الخمسه", 5), ("الخمس", 5)];

/// The subject of a trigger when it is a plural of leaders with no country ("ودعا القادة"،
/// "وبحث المسؤولون الثلاثة"، "القادة دعوا"): its token and the number said with it.
fn plural_leaders(v: &SentenceView, m: &TriggerMatch, source: &[Actor]) -> Option<(usize, Option<usize>)> {
    if source.iter().any(|a| a.country.is_some()) {
        return None;
    }
    let near = (m.last..(m.last + 2).min(v.tokens.len())).chain(m.first.saturating_sub(1)..m.first);
    near.filter(|&i| v.same_clause(i, m.first)).find_map(|i| {
        if !PLURAL_LEADERS.contains(&strip_conj(v.norm(i))) {
            return None;
        }
        // Any source read must be this very mention.
        if source.iter().any(|a| a.span.start != v.tokens[i].span.start) {
            return None;
        }
        let count =
            v.tokens.get(i + 1).and_then(|_| PLURAL_COUNTS.iter().find(|(w, _)| *w == v.norm(i + 1)).map(|p| p.1));
        // Officials are anyone's: only with their number ("المسؤولون الثلاثة") are they the
        // people just named; leaders and presidents are.
        let officials = strip_conj(v.norm(i)).contains("مسو") || strip_conj(v.norm(i)).contains("مسؤ");
        (!officials || count.is_some()).then_some((i, count))
    })
}

/// Whether the subject right after a trigger is "البيان" (the statement told before).
fn the_statement(v: &SentenceView, m: &TriggerMatch) -> bool {
    m.last < v.tokens.len() && matches!(v.norm(m.last), "البيان" | "البيان،")
}

/// Whether an event type is something said (its source may be the speaker).
fn speech_type_of(t: &str) -> bool {
    matches!(t, "ACCUSE" | "THREATEN" | "REQUEST" | "REJECT")
}

/// Words of obligation: "يجب أن"، "ينبغي أن"، "يتعين أن"، "لا بد أن".
const OBLIGATION_WORDS: &[&str] = &["يجب", "ينبغي", "يتعين", "لابد", "بد"];

/// The token of an obligation that governs the trigger ("يجب أن تنسحب"، "ينبغي على القوات أن
/// تنسحب"): before it in its clause, followed by أن, not negated ("لا يجب" forbids).
fn obligation(v: &SentenceView, m: &TriggerMatch) -> Option<usize> {
    let lo = m.first.saturating_sub(6);
    (lo..m.first).rev().take_while(|&i| v.same_clause(i, m.first)).find(|&i| {
        let w = strip_conj(v.norm(i));
        let negated = i >= 1 && matches!(v.norm(i - 1), "لا" | "ولا") && w != "بد";
        let bd = w != "بد" || (i >= 1 && matches!(v.norm(i - 1), "لا" | "ولا"));
        OBLIGATION_WORDS.contains(&w) && bd && !negated && (i + 1..m.first).any(|j| matches!(v.norm(j), "ان" | "بان"))
    })
}

/// The demand a speaker makes on who must do an event: source the speaker, target the event's
/// source, mode the event's type. `None` only if the data has no `request.demand` pattern.
fn demand_of(
    set: &PatternSet,
    v: &SentenceView,
    at: usize,
    said_by: Actor,
    ev: &Event,
    duals: &[DualRef],
) -> Option<Event> {
    let p = set.patterns.iter().find(|p| p.id == "request.demand")?;
    Some(Event {
        event_type: p.event_type.clone(),
        mode: Some(ev.event_type.to_lowercase()),
        cameo: p.cameo.clone(),
        intensity: p.intensity,
        source: expand(vec![said_by], duals),
        target: ev.source.clone(),
        mediator: Vec::new(),
        date: ev.date.clone(),
        location: None,
        killed: None,
        injured: None,
        status: EventStatus::Occurred,
        evidence: ev.evidence,
        trigger: v.tokens[at].span,
        pattern: p.id.clone(),
    })
}

/// Who suffered an attack told with "تعرض" ("تعرضت دورية للجيش لهجوم"، "تعرض الوزير فلان،
/// مدير ...، لمحاولة اغتيال"): the first actor between the verb and the trigger, which
/// follows as "ل" + noun or "إلى" + noun. The sufferer is the target, not the source.
fn sufferer<'a>(v: &'a SentenceView, m: &TriggerMatch) -> Option<&'a ActorGroup<'a>> {
    let suffered_verb = |i: usize| {
        let w = strip_conj(v.norm(i));
        matches!(w.strip_prefix('ب').unwrap_or(w), "تعرض" | "تعرضت" | "تعرضوا" | "تعرضا" | "تعرضتا")
    };
    let trig = v.norm(m.first);
    let to_trigger = trig.get(..m.prefix_len).is_some_and(|pre| pre.ends_with('ل'))
        || (m.first >= 1 && matches!(strip_conj(v.norm(m.first - 1)), "الي" | "لمحاوله"));
    if !to_trigger {
        return None;
    }
    let verb = (m.first.saturating_sub(25)..m.first).rev().find(|&i| suffered_verb(i))?;
    v.groups.iter().find(|g| g.first > verb && g.last <= m.first)
}

/// Fills the country of actors that have none from a nationality adjective right after them:
/// "جنديا أميركيا"، "جنديين عراقيين".
fn fill_countries(v: &SentenceView, source: &mut [Actor], target: &mut [Actor]) {
    for a in source.iter_mut().chain(target.iter_mut()).filter(|a| a.country.is_none()) {
        let next = v.tokens.partition_point(|t| t.span.start < a.span.end);
        let adj = v.tokens.get(next).and_then(|t| country_of_adjective(&t.norm));
        if let Some(c) = adj {
            a.country = Some(c.to_string());
            // A bare sector code ("MIL") becomes the country's ("ARMMIL").
            if a.code.is_some() && a.code == a.sector {
                a.code = a.sector.as_ref().map(|s| format!("{c}{s}"));
            }
        }
    }
}

/// Merges an event into one of the same type and status in the same sentence, or adds it.
fn merge_or_push(coded: &mut Vec<Event>, ev: Event) {
    if let Some(prev) = coded.iter_mut().find(|e| e.event_type == ev.event_type && e.status == ev.status) {
        let violent = matches!(ev.event_type.as_str(), "ASSAULT" | "PROTEST");
        // Guests of a hosted meeting who hold talks in it are not a second meeting.
        let guests_talk = !violent && ev.source.iter().all(|b| prev.target.iter().any(|a| same_actor(a, b)));
        let conflicting = !prev.source.is_empty()
            && !ev.source.is_empty()
            && !guests_talk
            && prev.source.iter().all(|a| !ev.source.iter().any(|b| same_party(a, b)));
        if !conflicting {
            for a in ev.source {
                // A victim of the first trigger is not the agent of the second.
                let victim = violent && prev.target.iter().any(|b| same_actor(&a, b));
                // An actor already a target or mediator of the event keeps that role.
                let placed = prev.target.iter().chain(&prev.mediator).any(|b| same_actor(&a, b));
                if !prev.source.iter().any(|b| same_actor(&a, b)) && !victim && !placed {
                    prev.source.push(a);
                }
            }
            for a in ev.target {
                let placed = prev.target.iter().chain(&prev.source).chain(&prev.mediator).any(|b| same_actor(&a, b));
                if !placed {
                    prev.target.push(a);
                }
            }
            for a in ev.mediator {
                if !prev.mediator.iter().any(|b| same_actor(&a, b)) {
                    prev.mediator.push(a);
                }
            }
            if prev.location.is_none() {
                prev.location = ev.location;
            }
            if prev.date.span.is_none() && ev.date.span.is_some() {
                prev.date = ev.date;
            }
            if prev.mode.is_none() {
                prev.mode = ev.mode;
            }
            return;
        }
    }
    coded.push(ev);
}

/// Whether two actors are one party: the same code, and for two named people the same person
/// ("اجتمع مودي وشريف ...، وكان وزيرا خارجية البلدين قد اجتمعا" are two meetings).
fn same_party(a: &Actor, b: &Actor) -> bool {
    let people = a.kind == EntityKind::Person && b.kind == EntityKind::Person && a.name.is_some() && b.name.is_some();
    a.code == b.code && (!people || a.name == b.name)
}

/// Whether two actors are one: the same mention with the same code (a dual reference gives
/// two actors for one mention).
fn same_actor(a: &Actor, b: &Actor) -> bool {
    a.span == b.span && a.code == b.code
}
