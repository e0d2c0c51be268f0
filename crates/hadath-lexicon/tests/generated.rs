//! Checks that generated lexicon files carry provenance and are not stale against curated inputs.

use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// FNV-1a 64, as tools/gen-lexicon/gen_lexicon.py computes it.
fn fnv1a64(data: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

fn curated_hash() -> String {
    let mut data = Vec::new();
    for f in ["countries.tsv", "place_stopwords.txt", "place_forms.tsv"] {
        let p = repo().join("tools/gen-lexicon/curated").join(f);
        data.extend(std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())));
    }
    fnv1a64(&data)
}

#[test]
fn generated_files_are_fresh_and_attributed() {
    let want = curated_hash();
    for f in ["countries.tsv", "places.tsv"] {
        let p = repo().join("data/lexicon").join(f);
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
        assert!(header.iter().any(|l| l.contains("gen_lexicon.py")), "{f}: no generator command");
        assert!(header.iter().any(|l| l.contains("CC BY 4.0")), "{f}: no GeoNames attribution");
        let got = header
            .iter()
            .find_map(|l| l.strip_prefix("# inputs-fnv64: "))
            .and_then(|l| l.split_whitespace().next())
            .unwrap_or_else(|| panic!("{f}: no inputs hash"));
        assert_eq!(
            got, want,
            "{f} is stale: curated inputs changed; run: cd tools/gen-lexicon && npm install && pip install -r requirements.txt && python3 gen_lexicon.py"
        );
    }
}

#[test]
fn every_lexicon_file_has_a_provenance_header() {
    let dir = repo().join("data/lexicon");
    for name in ["countries.tsv", "places.tsv", "regions.tsv"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        let header: String = text.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
        assert!(header.to_lowercase().contains("licence"), "{name}: header names no licence");
        assert!(header.to_lowercase().contains("source"), "{name}: header names no source");
    }
}
