//! Text core of hadath: the document model, Arabic normalisation, tokens, sentences and languages.
//!
//! Every annotation in hadath is a [`Span`] of byte offsets into a [`Document`]'s original
//! text. Output layers convert byte offsets to character offsets with [`Document::char_offset`].
//!
//! - [`normalize`](mod@normalize): a chain of named character filters ([`normalize_for_match`] for lexicons
//!   and patterns, [`normalize`](fn@normalize) for reading) and [`normalize::normalize_mapped`],
//!   whose offset map takes any normalised range back to an original span.
//! - [`tokenize`](mod@tokenize): words, numbers, URLs, e-mails, handles, hashtags and
//!   punctuation, and clitic analysis ([`tokenize::clitic_analyses`],
//!   [`tokenize::lookup_forms`]) for lexicon lookup.
//! - [`segment`]: lines, sentences ([`segment::sentences_in`]) and datelines
//!   ([`segment::dateline_prefix`]).
//! - [`lang`]: the language of a paragraph.
//!
//! Invariant: every span produced here slices its text on char boundaries; property tests
//! and fuzz targets check it on any input, and [`Document::check_spans`] checks a document.

pub mod doc;
pub mod fxhash;
pub mod lang;
pub mod normalize;
pub mod phrases;
pub mod scan;
pub mod segment;
pub mod span;
pub mod tokenize;

pub use doc::*;
pub use lang::Lang;
pub use normalize::{normalize, normalize_for_match, NormText, NormView, Normalizer};
pub use segment::{dateline_parts, dateline_parts_norm, dateline_prefix, Dateline};
pub use span::Span;
pub use tokenize::{tokenize, NormStr, Token, TokenKind};
