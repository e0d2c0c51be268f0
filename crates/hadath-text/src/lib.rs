//! Text core of hadath: the document model, Arabic normalisation, tokens, sentences and languages.
//!
//! Every annotation in hadath is a [`Span`] of byte offsets into a [`Document`]'s original
//! text. Output layers convert byte offsets to character offsets with [`Document::char_offset`].

pub mod doc;
pub mod lang;
pub mod normalize;
pub mod segment;
pub mod span;
pub mod tokenize;

pub use doc::*;
pub use lang::Lang;
pub use normalize::{normalize, normalize_for_match, NormText, Normalizer};
pub use span::Span;
pub use tokenize::{tokenize, Token, TokenKind};
