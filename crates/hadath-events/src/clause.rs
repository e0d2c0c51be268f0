//! A sentence's view for role reading: its tokens, clause limits, and actor groups as token ranges.

use crate::words::word_set;
use hadath_text::{normalize_for_match, Actor, Document, Entity, EntityKind, Span, Token, TokenKind};

/// Words that open an oblique phrase: an actor right after them is not a subject.
const PREPOSITIONS: &[&str] = &["علي", "ضد", "الي", "مع", "من", "عن", "في", "لدي", "نحو", "تجاه", "بحق", "امام"];

/// An actor mention as token indexes (sentence-relative) with its entity.
#[derive(Debug, Clone)]
pub struct ActorRef<'a> {
    pub first: usize,
    pub last: usize,
    pub entity: &'a Entity,
}

/// Actors joined by و or a comma, read as one role filler.
#[derive(Debug, Clone)]
pub struct ActorGroup<'a> {
    pub first: usize,
    pub last: usize,
    pub members: Vec<ActorRef<'a>>,
}

impl ActorGroup<'_> {
    pub fn actors(&self) -> Vec<Actor> {
        self.members.iter().map(|m| Actor::from_entity(m.entity)).collect()
    }
}

/// One sentence prepared for role reading.
pub struct SentenceView<'a> {
    pub text: &'a str,
    pub span: Span,
    pub tokens: &'a [Token],
    /// Clause id of each token (punctuation splits clauses, except commas around a time).
    pub clause: Vec<usize>,
    /// Clause id of each token with every punctuation mark splitting (for dates: a time set
    /// off by commas belongs to neither side).
    pub strict_clause: Vec<usize>,
    pub groups: Vec<ActorGroup<'a>>,
    pub places: Vec<ActorRef<'a>>,
    /// Spans of the sentence's temporal expressions.
    pub times: Vec<Span>,
}

fn is_clause_break(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "," | ";" | ":" | "(" | ")" | "-" | "." | "?" | "!")
}

/// Whether an entity kind can fill an actor role.
pub fn is_actor_kind(k: EntityKind) -> bool {
    matches!(k, EntityKind::Person | EntityKind::Country | EntityKind::Organisation | EntityKind::Group)
}

impl<'a> SentenceView<'a> {
    pub fn new(doc: &'a Document, span: Span) -> SentenceView<'a> {
        let lo = doc.tokens.partition_point(|t| t.span.start < span.start);
        let hi = doc.tokens.partition_point(|t| t.span.start < span.end);
        let tokens = &doc.tokens[lo..hi.max(lo)];
        let mut clause = Vec::with_capacity(tokens.len());
        let mut strict_clause = Vec::with_capacity(tokens.len());
        let mut c = 0;
        let mut strict = 0;
        // A time set off by commas ("استضاف لافروف، اليوم الثلاثاء، نظيريه") does not split
        // its clause: both commas are skipped.
        let times: Vec<Span> = doc.times.iter().map(|x| x.span).filter(|x| span.contains(*x)).collect();
        let in_time = |t: &Token| times.iter().any(|x| x.start <= t.span.start && t.span.end <= x.end);
        let mut skip_until = 0;
        for (k, t) in tokens.iter().enumerate() {
            if is_clause_break(t) {
                strict += 1;
            }
            strict_clause.push(strict);
            if k >= skip_until && is_clause_break(t) {
                // Only a comma can open an aside: the next break must be a comma too.
                let close = if t.norm == "," {
                    tokens[k + 1..].iter().position(is_clause_break).map(|p| k + 1 + p)
                } else {
                    None
                };
                // "سقط 17 قرويا، بينهم نساء، في القصف": who is among a counted group is an aside too.
                let among = |j: usize| {
                    j <= k + 5 && matches!(tokens[k + 1].norm.as_str(), "بينهم" | "بينهن" | "منهم" | "بينها")
                };
                let aside = close.is_some_and(|j| {
                    j > k + 1 && tokens[j].norm == "," && (tokens[k + 1..j].iter().all(&in_time) || among(j))
                });
                match close {
                    Some(j) if aside => skip_until = j + 1,
                    _ => c += 1,
                }
            }
            clause.push(c);
        }
        let elo = doc.entities.partition_point(|e| e.span.end <= span.start);
        let mut actors = Vec::new();
        let mut places = Vec::new();
        for e in doc.entities[elo..].iter().take_while(|e| e.span.start < span.end) {
            let first = tokens.partition_point(|t| t.span.end <= e.span.start);
            let last = tokens.partition_point(|t| t.span.start < e.span.end);
            if first >= last {
                continue;
            }
            let r = ActorRef { first, last, entity: e };
            if is_actor_kind(e.kind) {
                actors.push(r.clone());
            }
            if matches!(e.kind, EntityKind::Place | EntityKind::Country) {
                places.push(r);
            }
        }
        let mut groups: Vec<ActorGroup> = Vec::new();
        for a in actors {
            if let Some(g) = groups.last_mut() {
                if joins(tokens, g.last, a.first) && clause.get(g.first) == clause.get(a.first).or(clause.get(g.first))
                {
                    g.last = a.last;
                    g.members.push(a);
                    continue;
                }
            }
            groups.push(ActorGroup { first: a.first, last: a.last, members: vec![a] });
        }
        SentenceView { text: &doc.text, span, tokens, clause, strict_clause, groups, places, times }
    }

    /// Normalised form of token `i`, empty when out of range.
    pub fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

    /// Whether token `i` is part of a temporal expression ("قبل يومين"، "بعد ظهر الأحد").
    pub fn in_time(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| self.times.iter().any(|x| x.start <= t.span.start && t.span.end <= x.end))
    }

    pub fn same_clause(&self, a: usize, b: usize) -> bool {
        self.clause.get(a).is_some() && self.clause.get(a) == self.clause.get(b)
    }

    /// The preposition introducing an actor mention (so it is not a subject), if any.
    pub fn preposition_before(&self, r: &ActorRef) -> Option<String> {
        let first = r.first;
        // A proclitic left outside the entity span, such as the ب of "بنظيره".
        if let Some(t) = self.tokens.get(first) {
            let lead =
                normalize_for_match(self.text.get(t.span.start..r.entity.span.start.max(t.span.start)).unwrap_or(""));
            let lead = lead.strip_prefix('و').or_else(|| lead.strip_prefix('ف')).unwrap_or(&lead);
            if lead.starts_with('ب') {
                return Some("ب".into());
            }
            if lead.starts_with('ل') {
                return Some("ل".into());
            }
        }
        if first == 0 {
            return None;
        }
        let prev = self.norm(first - 1);
        let bare = prev.strip_prefix('و').unwrap_or(prev);
        // "كل من X و Y" is "both X and Y", no preposition.
        if bare == "من" && first >= 2 && matches!(self.norm(first - 2), "كل" | "كلا") {
            return None;
        }
        if word_set!(PREPOSITIONS).contains(bare) {
            return Some(bare.to_string());
        }
        // "من قبل X", "على يد X", "بين X".
        if first >= 2 {
            let p2 = self.norm(first - 2);
            if (p2 == "من" && prev == "قبل") || (p2 == "علي" && prev == "يد") {
                return Some("by".into());
            }
        }
        None
    }
}

/// Whether only و, a comma or nothing stands between two token positions.
fn joins(tokens: &[Token], end: usize, next: usize) -> bool {
    if next < end {
        return false;
    }
    let between = &tokens[end..next];
    match between {
        [] => tokens.get(next).is_some_and(|t| t.norm.starts_with('و')),
        [t] => t.norm == "و" || t.norm == ",",
        _ => false,
    }
}
