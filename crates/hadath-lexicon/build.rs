//! Build script: compiles every `data/lexicon/**/*.tsv` into normalised entries (`lexicon.compiled`)
//! and those into the image of flat tables the binary loads (`lexicon.image`).

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/source.rs"]
mod source;

use hadath_text::fxhash;

#[allow(dead_code)]
#[path = "src/image.rs"]
mod image;

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect(&p, base, out);
        } else if p.extension().is_some_and(|e| e == "tsv") {
            let rel = p.strip_prefix(base).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            out.push((rel, p));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let data = manifest.join("../../data/lexicon");
    println!("cargo:rerun-if-changed={}", data.display());
    println!("cargo:rerun-if-changed=src/source.rs");
    println!("cargo:rerun-if-changed=src/image.rs");
    let mut files = Vec::new();
    collect(&data, &data, &mut files);
    files.sort();
    let mut sources = source::Sources::default();
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        match std::fs::read_to_string(path) {
            Ok(text) => sources.add_file(rel, &text),
            Err(e) => println!("cargo:warning=lexicon: cannot read {rel}: {e}"),
        }
    }
    for w in sources.warnings.iter().take(20) {
        println!("cargo:warning=lexicon: {w}");
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let compiled = sources.compile();
    let image = match image::Image::build(&compiled) {
        Ok((image, _)) => image.to_bytes(),
        Err((line, message)) => panic!("compiled lexicon line {line}: {message}"),
    };
    for (name, bytes) in [("lexicon.compiled", compiled.as_bytes()), ("lexicon.image", image.as_slice())] {
        let out = out_dir.join(name);
        if let Err(e) = std::fs::write(&out, bytes) {
            panic!("cannot write {}: {e}", out.display());
        }
    }
}
