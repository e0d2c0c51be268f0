//! Article extraction from HTML pages: drops page chrome, scores text blocks by density,
//! and reads the title and the publication date from metadata.
//!
//! The walk over the DOM is iterative, so deeply nested pages cannot overflow the stack.

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use hadath_text::Date;
use scraper::{Html, Node};
use std::collections::HashMap;

/// What an HTML page yields: the article text (one block a line), its title and date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// Title line, then the article's blocks, separated by blank lines.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<Date>,
}

/// Elements whose whole subtree is page chrome or not text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select", "textarea", "option",
    "nav", "aside", "footer", "form", "object", "embed", "video", "audio", "map", "menu", "dialog",
];

/// Elements that start a new block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "center",
];

/// Blocks that hold one paragraph; their score goes to the element around them.
const LEAF_BLOCKS: &[&str] = &["p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "td", "dd", "dt"];

/// class or id words that name page chrome.
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "share",
    "shares",
    "social",
    "related",
    "comment",
    "comments",
    "newsletter",
    "cookie",
    "cookies",
    "consent",
    "footer",
    "breadcrumb",
    "breadcrumbs",
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "sponsor",
    "sponsored",
    "promo",
    "sidebar",
    "subscribe",
    "subscription",
    "popup",
    "modal",
    "banner",
    "widget",
    "tags",
    "login",
    "signup",
    "masthead",
    "toolbar",
    "pagination",
    "outbrain",
    "taboola",
];

/// Parts of class or id values that name page chrome inside longer words.
const CHROME_PARTS: &[&str] = &[
    "navigation",
    "breadcrumb",
    "newsletter",
    "cookie",
    "comment",
    "social",
    "sharing",
    "share-",
    "sidebar",
    "related",
    "advert",
    "subscribe",
    "mainmenu",
    "-menu",
    "menu-",
];

fn is_chrome_attr(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| CHROME_WORDS.contains(&t))
        || CHROME_PARTS.iter().any(|p| lower.contains(p))
}

struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
    /// Element whose score this block feeds, and the one above it.
    target: Option<NodeId>,
    upper: Option<NodeId>,
    seq: u32,
    heading: u8,
}

/// Publication-date sources, best first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "parsely-pub-date",
    "sailthru.date",
    "date",
];

struct Walker {
    blocks: Vec<Block>,
    buf: String,
    buf_chars: usize,
    buf_link_chars: usize,
    link_depth: usize,
    /// Open block elements: node, tag, whether it is a leaf block.
    stack: Vec<(NodeId, bool)>,
    ranges: HashMap<NodeId, (u32, u32)>,
    seq: u32,
    heading: u8,
}

impl Walker {
    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            let ws = c.is_whitespace();
            if ws {
                if !self.buf.is_empty() && !self.buf.ends_with(' ') {
                    self.buf.push(' ');
                }
                continue;
            }
            if c.is_control() {
                continue;
            }
            self.buf.push(c);
            self.buf_chars += 1;
            if self.link_depth > 0 {
                self.buf_link_chars += 1;
            }
        }
    }

    fn flush(&mut self) {
        self.seq += 1;
        let text = self.buf.trim();
        if !text.is_empty() {
            let n = self.stack.len();
            let (target, upper) = match self.stack.last() {
                Some(&(_, true)) => {
                    (n.checked_sub(2).map(|i| self.stack[i].0), n.checked_sub(3).map(|i| self.stack[i].0))
                }
                Some(&(id, false)) => (Some(id), n.checked_sub(2).map(|i| self.stack[i].0)),
                None => (None, None),
            };
            self.blocks.push(Block {
                text: text.to_string(),
                chars: self.buf_chars,
                link_chars: self.buf_link_chars,
                target,
                upper,
                seq: self.seq,
                heading: self.heading,
            });
        }
        self.buf.clear();
        self.buf_chars = 0;
        self.buf_link_chars = 0;
    }
}

/// Nesting beyond which a page is read by plain tag stripping: the HTML tree builder slows
/// down quadratically on pathological nesting, and no real article page comes near it.
const MAX_NESTING: usize = 400;

/// Extracts the article of an HTML page.
pub fn extract(html: &str) -> Extracted {
    if max_nesting(html, MAX_NESTING) > MAX_NESTING {
        return strip_tags(html);
    }
    let page = Html::parse_document(html);
    let mut w = Walker {
        blocks: Vec::new(),
        buf: String::new(),
        buf_chars: 0,
        buf_link_chars: 0,
        link_depth: 0,
        stack: Vec::new(),
        ranges: HashMap::new(),
        seq: 0,
        heading: 0,
    };
    let mut skip_until: Option<NodeId> = None;
    let mut article_depth = 0usize;
    let mut page_title: Option<String> = None;
    let mut og_title: Option<String> = None;
    let mut dates: Vec<(usize, Date)> = Vec::new();
    let mut time_text: Option<String> = None;

    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => w.push_text(&t.text),
                    Node::Element(el) => {
                        let name = el.name();
                        match name {
                            "title" => {
                                let t: String = node
                                    .children()
                                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                                    .collect();
                                let t = collapse(&t);
                                if page_title.is_none() && !t.is_empty() {
                                    page_title = Some(t);
                                }
                                skip_until = Some(node.id());
                                continue;
                            }
                            "meta" => {
                                let key = el
                                    .attr("property")
                                    .or(el.attr("name"))
                                    .or(el.attr("itemprop"))
                                    .unwrap_or("")
                                    .to_ascii_lowercase();
                                if let Some(content) = el.attr("content") {
                                    if key == "og:title" && og_title.is_none() {
                                        og_title = Some(collapse(content)).filter(|t| !t.is_empty());
                                    }
                                    if let Some(rank) = DATE_META.iter().position(|k| *k == key) {
                                        if let Some(d) = parse_meta_date(content) {
                                            dates.push((rank, d));
                                        }
                                    }
                                }
                                continue;
                            }
                            "script" => {
                                if el.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) {
                                    let body: String = node
                                        .children()
                                        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                                        .collect();
                                    if let Some(d) = json_ld_date(&body) {
                                        dates.push((3, d));
                                    }
                                }
                                skip_until = Some(node.id());
                                continue;
                            }
                            "time" => {
                                let published =
                                    el.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
                                        || el.attr("pubdate").is_some();
                                if let Some(d) = el.attr("datetime").filter(|_| published).and_then(parse_meta_date) {
                                    dates.push((3, d));
                                }
                                if time_text.is_none() {
                                    let t: String = node
                                        .descendants()
                                        .take(64)
                                        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                                        .collect();
                                    time_text = Some(collapse(&t)).filter(|t| !t.is_empty() && t.chars().count() <= 80);
                                }
                            }
                            _ => {}
                        }
                        let structural = matches!(name, "html" | "body" | "article" | "main" | "head");
                        let chrome = !structural
                            && (SKIP_TAGS.contains(&name)
                                || (name == "header" && article_depth == 0)
                                || el.attr("class").is_some_and(is_chrome_attr)
                                || el.attr("id").is_some_and(is_chrome_attr)
                                || el.attr("role").is_some_and(|r| {
                                    matches!(r, "navigation" | "banner" | "contentinfo" | "complementary")
                                })
                                || el.attr("aria-hidden") == Some("true")
                                || el.attr("hidden").is_some());
                        if chrome {
                            skip_until = Some(node.id());
                            continue;
                        }
                        if matches!(name, "article" | "main") {
                            article_depth += 1;
                        }
                        if name == "a" {
                            w.link_depth += 1;
                        }
                        if name == "br" {
                            w.flush();
                        }
                        if BLOCK_TAGS.contains(&name) {
                            w.flush();
                            if let Some(level) = heading_level(name) {
                                w.heading = level;
                            }
                            w.stack.push((node.id(), LEAF_BLOCKS.contains(&name)));
                            w.ranges.insert(node.id(), (w.seq, u32::MAX));
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip_until {
                    if id == node.id() {
                        skip_until = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if matches!(name, "article" | "main") {
                        article_depth = article_depth.saturating_sub(1);
                    }
                    if name == "a" {
                        w.link_depth = w.link_depth.saturating_sub(1);
                    }
                    if BLOCK_TAGS.contains(&name) {
                        w.flush();
                        if heading_level(name).is_some() {
                            w.heading = 0;
                        }
                        w.stack.pop();
                        let seq = w.seq;
                        if let Some(r) = w.ranges.get_mut(&node.id()) {
                            r.1 = seq;
                        }
                    }
                }
            }
        }
    }
    w.flush();

    // Score the elements around paragraphs by the text they hold.
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    // Scores from the element's own paragraphs only, not from those of its descendants.
    let mut direct: HashMap<NodeId, f64> = HashMap::new();
    for b in &w.blocks {
        if b.heading > 0 || b.chars < 25 || b.link_chars * 2 >= b.chars {
            continue;
        }
        let commas = b.text.chars().filter(|c| matches!(c, ',' | '،')).count() as f64;
        let s = 1.0 + commas + (b.chars as f64 / 100.0).min(3.0);
        if let Some(t) = b.target {
            *scores.entry(t).or_default() += s;
            *direct.entry(t).or_default() += s;
        }
        if let Some(u) = b.upper {
            *scores.entry(u).or_default() += s / 2.0;
        }
    }
    let best = scores
        .iter()
        .max_by(|a, b| a.1.partial_cmp(b.1).unwrap_or(std::cmp::Ordering::Equal).then(b.0.cmp(a.0)))
        .map(|(id, score)| (*id, *score));
    let best_range = best.and_then(|(id, _)| w.ranges.get(&id).copied());
    let best_score = best.map_or(0.0, |(_, s)| s);

    let h1 = w.blocks.iter().find(|b| b.heading == 1 && b.chars <= 300).map(|b| b.text.clone());
    let title = h1.or(og_title).or(page_title);

    let mut body = String::new();
    for b in &w.blocks {
        let inside = match best_range {
            Some((open, close)) => b.seq > open && b.seq <= close,
            None => true,
        };
        // Article text split over sibling containers: a container scoring near the best.
        let strong = b.target.and_then(|t| direct.get(&t)).is_some_and(|&s| s >= best_score * 0.5 && s >= 3.0);
        let linky = b.link_chars * 2 >= b.chars && b.chars > 0;
        if !(inside || strong) || linky || Some(&b.text) == title.as_ref() {
            continue;
        }
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(&b.text);
    }
    dates.sort_by_key(|(rank, _)| *rank);
    let published = dates.first().map(|(_, d)| *d);
    // The page's visible date, kept for dating when metadata gives none.
    let time_line = time_text.filter(|t| published.is_none() && !body.contains(t.as_str()));
    let text = [title.as_deref(), time_line.as_deref(), Some(body.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    Extracted { text, title, published }
}

const VOID_TAGS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// The name of the tag starting at `b[i]` (just after `<` or `</`), lowercased.
fn tag_name(b: &[u8], i: usize) -> String {
    b[i..].iter().take_while(|c| c.is_ascii_alphanumeric()).take(16).map(|c| c.to_ascii_lowercase() as char).collect()
}

/// Elements that an open tag of the same name closes implicitly (`<p>…<p>`, `<li>…<li>`).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "option", "tr", "td", "th"];

/// An estimate of the deepest element nesting the HTML tree builder will build, in one pass
/// over the bytes, stopping as soon as it passes `limit`.
///
/// It keeps a stack of open tag names as the tree builder does: an end tag closes up to the
/// nearest open element of its name and is ignored when none is open; `/>` closes only inside
/// SVG or MathML (an HTML element stays open); `<p>`, `<li>` and the like close an open sibling
/// of the same name; script and style bodies and comments are skipped.
fn max_nesting(html: &str, limit: usize) -> usize {
    let b = html.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut max = 0usize;
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if b[i + 1] == b'!' {
            // Comments and doctypes open nothing.
            let skip = if b[i..].starts_with(b"<!--") { find(b, i + 4, b"-->") } else { find(b, i + 2, b">") };
            i = skip.unwrap_or(b.len());
            continue;
        }
        if b[i + 1] == b'/' {
            let name = tag_name(b, i + 2);
            if let Some(k) = stack.iter().rposition(|n| *n == name) {
                stack.truncate(k);
            }
            i += 2;
            continue;
        }
        if !b[i + 1].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let name = tag_name(b, i + 1);
        let Some(gt) = find(b, i + 1, b">") else { break };
        let self_closed = gt > i + 1 && b[gt - 1] == b'/';
        let foreign = stack.iter().any(|n| n == "svg" || n == "math");
        i = gt + 1;
        if VOID_TAGS.contains(&name.as_str()) || (self_closed && (foreign || name == "svg" || name == "math")) {
            continue;
        }
        if name == "script" || name == "style" {
            let close = if name == "script" { b"</script".as_slice() } else { b"</style".as_slice() };
            i = find_ascii_ci(b, i, close).unwrap_or(b.len());
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name.as_str()) {
            if let Some(k) = stack.iter().rposition(|n| *n == name) {
                if stack.len() - k <= 3 {
                    stack.truncate(k);
                }
            }
        }
        stack.push(name);
        max = max.max(stack.len());
        if max > limit {
            break;
        }
    }
    max
}

/// The first position at or after `from` where `needle` starts.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = b.get(from..)?;
    hay.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

/// Like [`find`], ignoring ASCII case.
fn find_ascii_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = b.get(from..)?;
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
}

/// Plain text of a page by stripping tags: block tags break lines, scripts and styles go.
fn strip_tags(html: &str) -> Extracted {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let mut text_start = 0;
    let mut skip_to: Option<&'static str> = None;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if skip_to.is_none() {
            push_plain(&mut out, &html[text_start..i]);
        }
        let close = b.get(i + 1) == Some(&b'/');
        let name = tag_name(b, i + if close { 2 } else { 1 });
        let end = b[i..].iter().position(|&c| c == b'>').map_or(b.len(), |p| i + p + 1);
        match skip_to {
            Some(t) if close && name == t => skip_to = None,
            Some(_) => {}
            None => {
                if !close && matches!(name.as_str(), "script" | "style" | "title" | "noscript") {
                    skip_to = Some(match name.as_str() {
                        "script" => "script",
                        "style" => "style",
                        "title" => "title",
                        _ => "noscript",
                    });
                } else if name == "br" || BLOCK_TAGS.contains(&name.as_str()) {
                    out.push('\n');
                }
            }
        }
        i = end;
        text_start = end;
    }
    if skip_to.is_none() && text_start < b.len() {
        push_plain(&mut out, &html[text_start..]);
    }
    let text = out
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    Extracted { text, title: None, published: None }
}

/// Appends text between tags with the common entities decoded.
fn push_plain(out: &mut String, s: &str) {
    if !s.contains('&') {
        out.push_str(s);
        return;
    }
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let known = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&nbsp;", ' ')];
        match known.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// A date from a meta tag: ISO 8601 / RFC 3339, or `YYYY/MM/DD` and `YYYY.MM.DD`.
fn parse_meta_date(s: &str) -> Option<Date> {
    let s = s.trim();
    Date::parse_iso(s).or_else(|| {
        let head: String = s.chars().take(10).map(|c| if c == '/' || c == '.' { '-' } else { c }).collect();
        Date::parse_iso(&head)
    })
}

/// White space runs as single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `datePublished` anywhere in a JSON-LD block, searched without recursion.
fn json_ld_date(body: &str) -> Option<Date> {
    let v: serde_json::Value = serde_json::from_str(body.trim()).ok()?;
    let mut stack = vec![&v];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(d) = m.get("datePublished").and_then(|d| d.as_str()).and_then(parse_meta_date) {
                    return Some(d);
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a.iter().rev()),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="ar"><head><title>الوزيران يبحثان التهدئة | موقع تجريبي</title>
<meta property="article:published_time" content="2025-03-04T09:30:00+03:00">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-05"}</script>
<style>p{color:red}</style></head><body>
<header><nav><a href="/">الرئيسية</a> | <a href="/s">سياسة</a> | <a href="/e">اقتصاد</a></nav></header>
<div class="share-bar"><a>فيسبوك</a><a>تويتر</a></div>
<article><h1>الوزيران يبحثان التهدئة</h1>
<p>عمّان: التقى وزيرا خارجية البلدين، صباح الثلاثاء، في العاصمة الأردنية لبحث سبل التهدئة على الحدود.</p>
<p>وقال أحد الوزيرين إن اللقاء كان «صريحاً ومثمراً»، مضيفاً أن جولة ثانية ستعقد قريباً.</p>
<div class="related-posts"><p><a href="/x">خبر آخر لا علاقة له بالموضوع هنا</a></p></div>
<p>وأكد الطرف الثاني استعداده لمواصلة الحوار<br>دون شروط مسبقة.</p>
</article>
<aside>الأكثر قراءة اليوم في الموقع</aside>
<footer>جميع الحقوق محفوظة 2025</footer></body></html>"#;

    #[test]
    fn nesting_counts_what_the_tree_builder_builds() {
        let deep = |unit: &str, n: usize| format!("<html><body>{}<p>نص</p></body></html>", unit.repeat(n));
        // An HTML element stays open after `/>`, and a stray end tag closes nothing.
        assert!(max_nesting(&deep("<div/>", 1000), MAX_NESTING) > MAX_NESTING);
        assert!(max_nesting(&deep("<div></x>", 1000), MAX_NESTING) > MAX_NESTING);
        assert!(max_nesting(&deep("<div>", 1000), MAX_NESTING) > MAX_NESTING);
        // Closed elements, void elements, unclosed paragraphs and list items, SVG `/>` stay flat.
        assert!(max_nesting(&deep("<div></div>", 1000), MAX_NESTING) < 10);
        assert!(max_nesting(&deep("<br><img src=x>", 1000), MAX_NESTING) < 10);
        assert!(max_nesting(&deep("<p>فقرة", 1000), MAX_NESTING) < 10);
        assert!(max_nesting(&format!("<ul>{}</ul>", "<li>بند".repeat(1000)), MAX_NESTING) < 10);
        assert!(max_nesting(&format!("<svg>{}</svg>", "<path d=\"M0\"/>".repeat(1000)), MAX_NESTING) < 10);
        assert!(max_nesting(&format!("<script>{}</script>", "<div>".repeat(1000)), MAX_NESTING) < 10);
        assert!(max_nesting(&format!("<!--{}-->", "<div>".repeat(1000)), MAX_NESTING) < 10);
        assert!(max_nesting(PAGE, MAX_NESTING) < 10);
    }

    #[test]
    fn pathological_nesting_is_fast() {
        for unit in ["<div/>", "<div></x>", "<span>"] {
            let page = format!("<html><body>{}<p>الخبر هنا.</p></body></html>", unit.repeat(100_000));
            let t = std::time::Instant::now();
            let e = extract(&page);
            assert!(e.text.contains("الخبر هنا."), "{unit}");
            assert!(t.elapsed().as_secs() < 20, "{unit}: {:?}", t.elapsed());
        }
    }

    #[test]
    fn extracts_article_title_and_date() {
        let e = extract(PAGE);
        assert_eq!(e.title.as_deref(), Some("الوزيران يبحثان التهدئة"));
        assert_eq!(e.published, Date::new(2025, 3, 4));
        let lines: Vec<&str> = e.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "الوزيران يبحثان التهدئة");
        assert!(lines[1].starts_with("عمّان: التقى"));
        assert!(e.text.contains("دون شروط مسبقة."));
        for chrome in ["الرئيسية", "فيسبوك", "خبر آخر", "الأكثر قراءة", "جميع الحقوق", "color"]
        {
            assert!(!e.text.contains(chrome), "{chrome} leaked into {}", e.text);
        }
    }

    #[test]
    fn visible_date_and_split_containers() {
        let page = r#"<html><body><h1>عنوان</h1><p class="byline"><time>الأحد 2 مارس 2025</time></p>
<div class="part"><p>الجزء الأول من المقال، وهو طويل بما يكفي، ويحمل فواصل كثيرة، ومعلومات.</p><p>فقرة ثانية من الجزء الأول، فيها تفاصيل، وأرقام، وأسماء.</p></div>
<div class="ad-slot"><p>إعلان ممول لا علاقة له بالخبر، ولا بالموضوع، ولا بالسياق.</p></div>
<div class="part"><p>الجزء الثاني من المقال بعد الإعلان، وفيه بقية القصة، والتصريحات، والخاتمة.</p><p>فقرة أخيرة، فيها موقف، ورد، وتعليق، وخلاصة.</p></div></body></html>"#;
        let e = extract(page);
        let lines: Vec<&str> = e.text.split("\n\n").collect();
        assert_eq!(lines[0], "عنوان");
        assert_eq!(lines[1], "الأحد 2 مارس 2025");
        assert!(e.text.contains("الجزء الأول") && e.text.contains("الجزء الثاني"));
        assert!(!e.text.contains("إعلان ممول"));
    }

    #[test]
    fn json_ld_and_fallback_titles() {
        let e = extract(
            r#"<html><head><meta property="og:title" content="عنوان"><script type="application/ld+json">[{"x":{"datePublished":"2024-01-02T10:00:00Z"}}]</script></head><body><p>نص قصير.</p></body></html>"#,
        );
        assert_eq!(e.title.as_deref(), Some("عنوان"));
        assert_eq!(e.published, Date::new(2024, 1, 2));
        let e = extract(
            r#"<html><head><meta name="pubdate" content="2019/08/07 10:00"></head><body><p>نص.</p></body></html>"#,
        );
        assert_eq!(e.published, Date::new(2019, 8, 7));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let mut s = String::with_capacity(depth * 11 + 100);
        s.push_str("<html><body>");
        for _ in 0..depth {
            s.push_str("<div>");
        }
        s.push_str("<p>نص في العمق، وهو طويل بما يكفي ليحسب فقرة.</p>");
        for _ in 0..depth {
            s.push_str("</div>");
        }
        let e = extract(&s);
        assert!(e.text.contains("نص في العمق"));
        let e = extract(&"<b><i>".repeat(50_000));
        assert!(e.text.is_empty());
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in ["", "<", "<<<>>>", "<p", "</p></div>", "<script>", "<title>", "&amp;&#xffffff;", "<meta content=x>"] {
            let _ = extract(s);
        }
    }
}
