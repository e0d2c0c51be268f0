//! Reading lexicon TSV files and compiling them into normalised, line-based entries.
//!
//! This module is shared by `build.rs` (which compiles `data/lexicon` into the binary) and by
//! [`crate::Lexicon::from_sources`] (which compiles files given at run time, as tests do). It
//! depends only on `std` and `hadath_text`, so the build script can include it by path.

use hadath_text::tokenize;
use std::fmt::Write as _;

/// What a lexicon entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Country,
    /// A country's capital: a place, or the government as a metonym.
    Capital,
    Place,
    Region,
    Organisation,
    /// A named armed group, party or movement (organisations.tsv kind `group`).
    Group,
    Person,
    Title,
    Agent,
    /// A nationality adjective; `country` says which.
    Adjective,
}

impl EntryKind {
    pub fn tag(self) -> &'static str {
        match self {
            EntryKind::Country => "country",
            EntryKind::Capital => "capital",
            EntryKind::Place => "place",
            EntryKind::Region => "region",
            EntryKind::Organisation => "organisation",
            EntryKind::Group => "group",
            EntryKind::Person => "person",
            EntryKind::Title => "title",
            EntryKind::Agent => "agent",
            EntryKind::Adjective => "adjective",
        }
    }
    pub fn from_tag(s: &str) -> Option<EntryKind> {
        Some(match s {
            "country" => EntryKind::Country,
            "capital" => EntryKind::Capital,
            "place" => EntryKind::Place,
            "region" => EntryKind::Region,
            "organisation" => EntryKind::Organisation,
            "group" => EntryKind::Group,
            "person" => EntryKind::Person,
            "title" => EntryKind::Title,
            "agent" => EntryKind::Agent,
            "adjective" => EntryKind::Adjective,
            _ => return None,
        })
    }
}

/// One entry with its forms already normalised and tokenised (tokens joined by one space).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceEntry {
    pub kind: Option<EntryKind>,
    pub id: String,
    pub name: String,
    pub code: String,
    pub country: String,
    pub sector: String,
    /// Role key for titles; agent kind (group or organisation) for agents.
    pub role: String,
    pub lat: String,
    pub lon: String,
    pub population: u64,
    pub forms: Vec<String>,
}

/// One dated role of a person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceRole {
    pub person: String,
    pub country: String,
    pub sector: String,
    pub role: String,
    pub from: String,
    pub to: String,
}

/// The normalised, tokenised form of a lexicon form, or `None` when nothing is left.
pub fn norm_form(form: &str) -> Option<String> {
    let form = form.trim();
    if form.is_empty() {
        return None;
    }
    let toks: Vec<String> = tokenize(form).into_iter().map(|t| t.norm.to_string()).collect();
    if toks.is_empty() {
        None
    } else {
        Some(toks.join(" "))
    }
}

fn norm_forms(field: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in field.split('|') {
        if let Some(n) = norm_form(f) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// Adds dual forms of multi-word titles: "وزير الخارجية" gives "وزيرا الخارجية" and
/// "وزيري الخارجية"; "الرئيس الفرنسي"-style article forms give "الرئيسان" and "الرئيسين".
fn with_duals(forms: Vec<String>) -> Vec<String> {
    let mut out = forms.clone();
    for f in &forms {
        let (first, rest) = match f.split_once(' ') {
            Some((a, b)) => (a, Some(b)),
            None => (f.as_str(), None),
        };
        // Only masculine heads: a feminine (ه) head makes its dual differently.
        if first.ends_with('ه') || first.chars().count() < 3 {
            continue;
        }
        let duals: Vec<String> = if first.starts_with("ال") {
            vec![format!("{first}ان"), format!("{first}ين")]
        } else if rest.is_some() {
            vec![format!("{first}ا"), format!("{first}ي")]
        } else {
            Vec::new()
        };
        for d in duals {
            let form = match rest {
                Some(r) => format!("{d} {r}"),
                None => d,
            };
            if !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}

fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn col<'a>(c: &[&'a str], i: usize) -> &'a str {
    c.get(i).copied().unwrap_or("")
}

/// Everything read from a set of lexicon files.
#[derive(Debug, Default)]
pub struct Sources {
    pub entries: Vec<SourceEntry>,
    pub roles: Vec<SourceRole>,
    pub warnings: Vec<String>,
}

impl Sources {
    /// Reads one file, dispatched on its path relative to `data/lexicon` (such as `people/europe.tsv`).
    pub fn add_file(&mut self, rel_path: &str, text: &str) {
        let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
        if rel_path.starts_with("people/") || rel_path.contains("/people/") {
            self.add_people(rel_path, text);
            return;
        }
        match name {
            "countries.tsv" => self.add_countries(text),
            "places.tsv" | "regions.tsv" => self.add_places(text, name == "regions.tsv"),
            "organisations.tsv" => self.add_organisations(rel_path, text),
            "titles.tsv" => self.add_titles(text),
            "agents.tsv" => self.add_agents(text),
            _ => self.warnings.push(format!("{rel_path}: unknown lexicon file, ignored")),
        }
    }

    fn add_countries(&mut self, text: &str) {
        for (_, c) in rows(text) {
            let iso3 = col(&c, 0);
            if iso3.len() != 3 {
                continue;
            }
            let (lat, lon) = (col(&c, 7).to_string(), col(&c, 8).to_string());
            self.entries.push(SourceEntry {
                kind: Some(EntryKind::Country),
                id: iso3.to_lowercase(),
                name: col(&c, 2).to_string(),
                code: iso3.to_string(),
                country: iso3.to_string(),
                lat: lat.clone(),
                lon: lon.clone(),
                forms: norm_forms(col(&c, 3)),
                ..Default::default()
            });
            let caps = norm_forms(col(&c, 5));
            if !caps.is_empty() {
                self.entries.push(SourceEntry {
                    kind: Some(EntryKind::Capital),
                    id: format!("capital-{}", iso3.to_lowercase()),
                    name: col(&c, 4).to_string(),
                    code: format!("{iso3}GOV"),
                    country: iso3.to_string(),
                    sector: "GOV".into(),
                    lat,
                    lon,
                    forms: caps,
                    ..Default::default()
                });
            }
            let mut adj = norm_forms(col(&c, 6));
            // The article goes with every adjective form: الأذربيجاني، الأرمن.
            let with_article: Vec<String> =
                adj.iter().filter(|f| !f.starts_with("ال") && !f.contains(' ')).map(|f| format!("ال{f}")).collect();
            let with_article_multi: Vec<String> = adj
                .iter()
                .filter(|f| f.contains(' ') && !f.starts_with("ال"))
                .map(|f| f.split(' ').map(|w| format!("ال{w}")).collect::<Vec<_>>().join(" "))
                .collect();
            adj.extend(with_article);
            adj.extend(with_article_multi);
            if !adj.is_empty() {
                self.entries.push(SourceEntry {
                    kind: Some(EntryKind::Adjective),
                    id: format!("adj-{}", iso3.to_lowercase()),
                    name: col(&c, 2).to_string(),
                    code: iso3.to_string(),
                    country: iso3.to_string(),
                    forms: adj,
                    ..Default::default()
                });
            }
        }
    }

    fn add_places(&mut self, text: &str, curated: bool) {
        for (line, c) in rows(text) {
            let id = col(&c, 0);
            if id.is_empty() {
                continue;
            }
            let kind = match col(&c, 4) {
                "capital" | "city" => EntryKind::Place,
                "region" | "disputed" => EntryKind::Region,
                "" if curated => EntryKind::Region,
                "" => EntryKind::Place,
                other => {
                    self.warnings.push(format!("places line {line}: unknown kind {other}, read as place"));
                    EntryKind::Place
                }
            };
            self.entries.push(SourceEntry {
                kind: Some(kind),
                id: id.to_string(),
                name: col(&c, 1).to_string(),
                country: col(&c, 3).to_string(),
                lat: col(&c, 5).to_string(),
                lon: col(&c, 6).to_string(),
                population: col(&c, 7).parse().unwrap_or(0),
                role: col(&c, 4).to_string(),
                forms: norm_forms(col(&c, 2)),
                ..Default::default()
            });
        }
    }

    fn add_organisations(&mut self, path: &str, text: &str) {
        for (line, c) in rows(text) {
            let id = col(&c, 0);
            if id.is_empty() {
                continue;
            }
            let kind = if col(&c, 6) == "group" { EntryKind::Group } else { EntryKind::Organisation };
            let forms = norm_forms(col(&c, 2));
            if forms.is_empty() {
                self.warnings.push(format!("{path} line {line}: no forms"));
            }
            self.entries.push(SourceEntry {
                kind: Some(kind),
                id: id.to_string(),
                name: col(&c, 1).to_string(),
                code: col(&c, 3).to_string(),
                country: col(&c, 4).to_string(),
                sector: col(&c, 5).to_string(),
                forms,
                ..Default::default()
            });
        }
    }

    fn add_titles(&mut self, text: &str) {
        for (_, c) in rows(text) {
            let role = col(&c, 0);
            if role.is_empty() {
                continue;
            }
            self.entries.push(SourceEntry {
                kind: Some(EntryKind::Title),
                id: format!("title-{role}"),
                name: col(&c, 2).to_string(),
                sector: col(&c, 3).to_string(),
                // A label role's body: the organisation id whose leader it names.
                code: col(&c, 4).to_string(),
                role: role.to_string(),
                forms: with_duals(norm_forms(col(&c, 1))),
                ..Default::default()
            });
        }
    }

    fn add_agents(&mut self, text: &str) {
        for (line, c) in rows(text) {
            let forms = norm_forms(col(&c, 0));
            if forms.is_empty() {
                continue;
            }
            self.entries.push(SourceEntry {
                kind: Some(EntryKind::Agent),
                id: format!("agent-{line}"),
                name: col(&c, 3).to_string(),
                sector: col(&c, 1).to_string(),
                role: col(&c, 2).to_string(),
                forms,
                ..Default::default()
            });
        }
    }

    fn add_people(&mut self, path: &str, text: &str) {
        for (line, c) in rows(text) {
            let id = col(&c, 0);
            if id.is_empty() {
                continue;
            }
            let forms = norm_forms(col(&c, 2));
            let existing = self.entries.iter().position(|e| e.kind == Some(EntryKind::Person) && e.id == id);
            match existing {
                Some(i) => {
                    for f in forms {
                        if !self.entries[i].forms.contains(&f) {
                            self.entries[i].forms.push(f);
                        }
                    }
                }
                None => {
                    if forms.is_empty() {
                        self.warnings.push(format!("{path} line {line}: person {id} has no forms yet"));
                    }
                    self.entries.push(SourceEntry {
                        kind: Some(EntryKind::Person),
                        id: id.to_string(),
                        name: col(&c, 1).to_string(),
                        country: col(&c, 3).to_string(),
                        sector: col(&c, 4).to_string(),
                        forms,
                        ..Default::default()
                    });
                }
            }
            if !col(&c, 5).is_empty() {
                self.roles.push(SourceRole {
                    person: id.to_string(),
                    country: col(&c, 3).to_string(),
                    sector: col(&c, 4).to_string(),
                    role: col(&c, 5).to_string(),
                    from: col(&c, 6).to_string(),
                    to: col(&c, 7).to_string(),
                });
            }
        }
    }

    /// The compiled line format: `E` lines for entries, `R` lines for roles.
    pub fn compile(&self) -> String {
        let mut out = String::new();
        for e in &self.entries {
            let Some(kind) = e.kind else { continue };
            // People and label-only titles are kept without forms: they are looked up by id or role.
            if e.forms.is_empty() && !matches!(kind, EntryKind::Person | EntryKind::Title) {
                continue;
            }
            let _ = writeln!(
                out,
                "E\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                kind.tag(),
                clean(&e.id),
                clean(&e.name),
                clean(&e.code),
                clean(&e.country),
                clean(&e.sector),
                clean(&e.role),
                clean(&e.lat),
                clean(&e.lon),
                e.population,
                e.forms.iter().map(|f| clean(f)).collect::<Vec<_>>().join("|")
            );
        }
        for r in &self.roles {
            let _ = writeln!(
                out,
                "R\t{}\t{}\t{}\t{}\t{}\t{}",
                clean(&r.person),
                clean(&r.country),
                clean(&r.sector),
                clean(&r.role),
                clean(&r.from),
                clean(&r.to)
            );
        }
        out
    }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r', '|'], " ")
}
