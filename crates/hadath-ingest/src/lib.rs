//! Ingestion: turns files, folders and stdin in every supported format into documents.

use hadath_text::{Document, Paragraph, ParagraphKind, Span};
use std::path::PathBuf;

/// Input formats of interfaces.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Txt,
    Html,
    Jsonl,
    Warc,
}

#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Forced format; detected from extension and content when `None`.
    pub format: Option<InputFormat>,
}

/// A path that cannot be read at all (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {path}: {source}")]
    Unreadable { path: PathBuf, source: std::io::Error },
}

/// A stream of documents from paths (`-` or none is stdin), in sorted order.
pub struct DocumentStream {
    docs: std::vec::IntoIter<Document>,
}

impl Iterator for DocumentStream {
    type Item = Document;
    fn next(&mut self) -> Option<Document> {
        self.docs.next()
    }
}

/// Opens the inputs. Fails only when a path cannot be read at all.
pub fn open(paths: &[PathBuf], _opts: &IngestOptions) -> Result<DocumentStream, IngestError> {
    let mut docs = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).map_err(|source| IngestError::Unreadable { path: p.clone(), source })?;
        let id = p.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let mut doc = Document::new(id, text);
        prepare(&mut doc);
        docs.push(doc);
    }
    Ok(DocumentStream { docs: docs.into_iter() })
}

/// Lays out a document read as plain text: paragraphs, boilerplate, title, dateline, languages.
pub fn prepare(doc: &mut Document) {
    doc.paragraphs = hadath_text::segment::lines(&doc.text)
        .into_iter()
        .map(|span: Span| Paragraph { span, kind: ParagraphKind::Body, lang: hadath_text::lang::detect(span.slice(&doc.text)) })
        .collect();
}
