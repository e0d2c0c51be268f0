//! Ingestion: turns files, folders and stdin in every supported format (txt, html, jsonl,
//! warc, each optionally gzipped) into laid-out documents, one at a time.
//!
//! [`open`] streams documents from paths; [`read_bytes`] reads one in-memory input;
//! [`prepare`] lays out a document's paragraphs (body, title, dateline, boilerplate, meta).
//! A document that cannot be read still comes out, with its id and an error diagnostic.

pub mod html;
mod jsonl;
pub mod layout;
mod sniff;
mod vocab;
pub mod warc;

pub use layout::{dateline_prefix, finish_layout, prepare, prepare_in_order, prepare_with, RepeatedLines};

use flate2::read::MultiGzDecoder;
use hadath_text::{Diagnostic, Document};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Input formats of interfaces.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Txt,
    Html,
    Jsonl,
    Warc,
}

impl InputFormat {
    /// The name used on the command line and in `meta.format`.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Txt => "txt",
            InputFormat::Html => "html",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Warc => "warc",
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "txt" | "text" => Ok(InputFormat::Txt),
            "html" | "htm" => Ok(InputFormat::Html),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "warc" => Ok(InputFormat::Warc),
            other => Err(format!("unknown input format {other:?} (expected txt, html, jsonl or warc)")),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Forced format; detected from extension and content when `None`.
    pub format: Option<InputFormat>,
    /// Turns off marking lines repeated across documents of one source as boilerplate.
    pub no_repeated_lines: bool,
    /// Leaves the page layout (paragraphs, title, dateline, normalised text) to the caller:
    /// the stream does only what must run in input order (repeated lines, see
    /// [`prepare_in_order`]), and [`finish_layout`] must be called on each document, on any
    /// thread, before analysis. The result is the same as without this option.
    pub defer_layout: bool,
}

/// A path that cannot be read at all (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {path}: {source}")]
    Unreadable { path: PathBuf, source: std::io::Error },
}

/// Buffer size of file readers.
const READ_BUFFER: usize = 64 * 1024;
/// A line buffer grown past this is released after use, so one huge line does not pin memory.
const KEEP_LINE_CAPACITY: usize = 4 * 1024 * 1024;

/// One input of a stream.
enum Input {
    Stdin,
    File(PathBuf),
    Bytes(String, Vec<u8>),
}

/// An open input holding several documents.
enum Multi {
    Jsonl { reader: Box<dyn BufRead>, name: String, line_no: usize, buf: Vec<u8>, done: bool },
    Warc(warc::WarcReader<Box<dyn BufRead>>),
}

impl Multi {
    fn next_doc(&mut self) -> Option<Document> {
        match self {
            Multi::Warc(w) => w.next(),
            Multi::Jsonl { reader, name, line_no, buf, done } => loop {
                if *done {
                    return None;
                }
                buf.clear();
                let read = reader.read_until(b'\n', buf);
                match read {
                    Ok(0) => {
                        *done = true;
                        return None;
                    }
                    Ok(_) => {
                        *line_no += 1;
                        let line = trim_ascii(buf);
                        if line.is_empty() {
                            continue;
                        }
                        let doc = jsonl::parse_line(line, &format!("{name}#{line_no}"));
                        if buf.capacity() > KEEP_LINE_CAPACITY {
                            *buf = Vec::new();
                        }
                        return Some(doc);
                    }
                    Err(e) => {
                        *done = true;
                        let mut doc = Document::new(format!("{name}#{}", *line_no + 1), "");
                        doc.meta.format = "jsonl".into();
                        doc.diagnostics.push(Diagnostic::error(
                            "read-error",
                            format!("input broke off (truncated or corrupt compression?): {e}"),
                        ));
                        return Some(doc);
                    }
                }
            },
        }
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(start, |e| e + 1);
    &b[start..end.max(start)]
}

/// The multi-document input being read, with warnings for its first document.
struct Current {
    multi: Multi,
    name: String,
    source: String,
    warnings: Vec<Diagnostic>,
}

/// A stream of documents from paths (`-` or none is stdin), in sorted order.
///
/// Inputs are opened one at a time and multi-document inputs (JSON Lines, WARC) are read one
/// record at a time, so memory stays flat however large the corpus.
pub struct DocumentStream {
    inputs: VecDeque<Input>,
    current: Option<Current>,
    opts: IngestOptions,
    repeats: RepeatedLines,
}

impl DocumentStream {
    fn new(inputs: VecDeque<Input>, opts: &IngestOptions) -> Self {
        DocumentStream { inputs, current: None, opts: opts.clone(), repeats: RepeatedLines::new() }
    }

    /// Lays out a read document, with repeated-line detection per source.
    fn finish(&mut self, mut doc: Document, fallback_source: &str) -> Document {
        if doc.failed() {
            return doc;
        }
        if self.opts.no_repeated_lines {
            if self.opts.defer_layout {
                prepare_in_order(&mut doc, None);
            } else {
                prepare(&mut doc);
            }
        } else {
            let source = doc
                .meta
                .source
                .clone()
                .or_else(|| doc.meta.url.as_deref().and_then(url_host))
                .unwrap_or_else(|| fallback_source.to_string());
            if self.opts.defer_layout {
                prepare_in_order(&mut doc, Some((&mut self.repeats, &source)));
            } else {
                prepare_with(&mut doc, Some((&mut self.repeats, &source)));
            }
        }
        doc
    }

    /// Opens one input: a finished document, or a multi-document reader now current.
    fn start(&mut self, input: Input) -> Option<(Document, String)> {
        let (name, source, raw): (String, String, Box<dyn Read>) = match input {
            Input::Stdin => ("stdin".into(), "stdin".into(), Box::new(std::io::stdin())),
            Input::Bytes(name, bytes) => (name.clone(), name, Box::new(std::io::Cursor::new(bytes))),
            Input::File(path) => {
                let name = path
                    .file_name()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string());
                let source = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
                match std::fs::File::open(&path) {
                    Ok(f) => (name, source, Box::new(f)),
                    Err(e) => {
                        let mut doc = Document::new(name, "");
                        doc.diagnostics
                            .push(Diagnostic::error("unreadable", format!("cannot open {}: {e}", path.display())));
                        return Some((doc, source));
                    }
                }
            }
        };
        let mut warnings = Vec::new();
        let mut reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(READ_BUFFER, raw));
        let gz_name = sniff::is_gz_name(&name);
        let head = match reader.fill_buf() {
            Ok(h) => h.to_vec(),
            Err(e) => return Some((error_doc(&name, "unreadable", format!("cannot read: {e}")), source)),
        };
        if head.starts_with(&sniff::GZIP_MAGIC) {
            reader = Box::new(BufReader::with_capacity(READ_BUFFER, MultiGzDecoder::new(reader)));
        } else if gz_name && !head.is_empty() {
            warnings
                .push(Diagnostic::warning("not-gzip", "the name ends in .gz but the content is not gzip; read as is"));
        }
        let head = match reader.fill_buf() {
            Ok(h) => h.to_vec(),
            Err(e) => {
                let mut doc = error_doc(&name, "bad-gzip", format!("cannot decompress: {e}"));
                doc.diagnostics.splice(0..0, warnings);
                return Some((doc, source));
            }
        };
        let format = self
            .opts
            .format
            .or_else(|| sniff::format_from_name(&name))
            .unwrap_or_else(|| sniff::format_from_content(&head));
        match format {
            InputFormat::Jsonl => {
                let multi = Multi::Jsonl { reader, name: name.clone(), line_no: 0, buf: Vec::new(), done: false };
                self.current = Some(Current { multi, name, source, warnings });
                None
            }
            InputFormat::Warc => {
                let multi = Multi::Warc(warc::WarcReader::new(reader, name.clone()));
                self.current = Some(Current { multi, name, source, warnings });
                None
            }
            InputFormat::Txt | InputFormat::Html => {
                let mut bytes = Vec::new();
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    if bytes.is_empty() {
                        let mut doc = error_doc(&name, "read-error", format!("cannot read: {e}"));
                        doc.diagnostics.splice(0..0, warnings);
                        return Some((doc, source));
                    }
                    warnings.push(Diagnostic::warning(
                        "truncated",
                        format!(
                            "input broke off (truncated or corrupt compression?); kept the {} bytes read: {e}",
                            bytes.len()
                        ),
                    ));
                }
                Some((body_document(name, bytes, format, None, warnings), source))
            }
        }
    }
}

impl Iterator for DocumentStream {
    type Item = Document;
    fn next(&mut self) -> Option<Document> {
        loop {
            if let Some(cur) = &mut self.current {
                match cur.multi.next_doc() {
                    Some(mut doc) => {
                        if !cur.warnings.is_empty() {
                            doc.diagnostics.splice(0..0, std::mem::take(&mut cur.warnings));
                        }
                        let source = cur.source.clone();
                        return Some(self.finish(doc, &source));
                    }
                    None => {
                        let cur = self.current.take();
                        if let Some(Current { name, warnings, .. }) = cur.filter(|c| !c.warnings.is_empty()) {
                            // An input without any record still reports its warnings.
                            let mut doc = Document::new(name, "");
                            doc.diagnostics = warnings;
                            return Some(doc);
                        }
                    }
                }
            }
            let input = self.inputs.pop_front()?;
            if let Some((doc, source)) = self.start(input) {
                return Some(self.finish(doc, &source));
            }
        }
    }
}

fn error_doc(id: &str, code: &str, msg: String) -> Document {
    let mut doc = Document::new(id, "");
    doc.diagnostics.push(Diagnostic::error(code, msg));
    doc
}

/// The host of a URL, for grouping documents by source.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// A document from the whole body of a txt or html input (file, WARC record).
///
/// Empty input gives a document without text and an `empty` warning; binary input gives an
/// `binary` error; text that is not UTF-8 is decoded from a declared or recognised legacy
/// charset (`legacy-encoding` warning) or else lossily (`invalid-utf8` warning).
pub(crate) fn body_document(
    id: String,
    bytes: Vec<u8>,
    format: InputFormat,
    charset: Option<&str>,
    warnings: Vec<Diagnostic>,
) -> Document {
    let mut doc = Document::new(id, "");
    doc.meta.format = format.name().into();
    doc.diagnostics = warnings;
    if sniff::looks_binary(&bytes) {
        doc.diagnostics.push(Diagnostic::error("binary", "the input is binary, not text"));
        return doc;
    }
    let text = sniff::decode_text(bytes, charset, &mut doc.diagnostics);
    if format == InputFormat::Html {
        let e = html::extract(&text);
        doc.text = e.text;
        doc.meta.title = e.title;
        doc.meta.published = e.published;
    } else {
        doc.text = text;
    }
    if doc.text.trim().is_empty() {
        doc.diagnostics.push(Diagnostic::warning("empty", "the document has no text"));
    }
    doc
}

/// Deepest folder nesting followed.
const MAX_FOLDER_DEPTH: usize = 64;

/// Files of a folder, recursively, in sorted order (folders where their names sort); only
/// names of a known format unless the format is forced; hidden entries are skipped.
fn walk(dir: &Path, forced: bool, depth: usize, out: &mut VecDeque<Input>) -> Result<(), IngestError> {
    let entries =
        std::fs::read_dir(dir).map_err(|source| IngestError::Unreadable { path: dir.to_path_buf(), source })?;
    let mut all: Vec<(PathBuf, bool)> = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if is_dir || forced || sniff::format_from_name(&name).is_some() {
            all.push((e.path(), is_dir));
        }
    }
    all.sort();
    for (p, is_dir) in all {
        if !is_dir {
            out.push_back(Input::File(p));
        } else if depth < MAX_FOLDER_DEPTH && walk(&p, forced, depth + 1, out).is_err() {
            // An unreadable sub-folder becomes an error document.
            out.push_back(Input::File(p));
        }
    }
    Ok(())
}

/// Opens the inputs: files, folders (read recursively in sorted order), `-` or nothing for
/// stdin. Fails only when a path cannot be read at all; documents are read lazily.
pub fn open(paths: &[PathBuf], opts: &IngestOptions) -> Result<DocumentStream, IngestError> {
    let mut inputs = VecDeque::new();
    if paths.is_empty() {
        inputs.push_back(Input::Stdin);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push_back(Input::Stdin);
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|source| IngestError::Unreadable { path: p.clone(), source })?;
        if meta.is_dir() {
            walk(p, opts.format.is_some(), 0, &mut inputs)?;
        } else {
            std::fs::File::open(p).map_err(|source| IngestError::Unreadable { path: p.clone(), source })?;
            inputs.push_back(Input::File(p.clone()));
        }
    }
    Ok(DocumentStream::new(inputs, opts))
}

/// Reads one in-memory input named `id`: format from the id's extension and the content,
/// gzip decompressed; every document it holds, laid out.
pub fn read_bytes(id: &str, bytes: &[u8], opts: &IngestOptions) -> Vec<Document> {
    let inputs = VecDeque::from([Input::Bytes(id.to_string(), bytes.to_vec())]);
    DocumentStream::new(inputs, opts).collect()
}
