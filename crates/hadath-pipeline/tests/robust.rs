//! Whole-pipeline robustness: every layer's spans are exact, and no input makes a layer panic.

use hadath_pipeline::analyze_text;
use hadath_text::{Date, Severity};
use proptest::prelude::*;
use std::path::Path;

fn assert_sound(id: &str, text: &str, published: Option<Date>) {
    let doc = analyze_text(id, text, published);
    if let Err(e) = doc.check_spans() {
        panic!("{id}: {e}");
    }
    let internal: Vec<_> = doc.diagnostics.iter().filter(|d| d.code == "internal-error").collect();
    assert!(internal.is_empty(), "{id}: a layer panicked: {internal:?}");
    assert!(doc.diagnostics.iter().all(|d| d.severity != Severity::Error), "{id}: {:?}", doc.diagnostics);
}

#[test]
fn examples_have_exact_spans() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for entry in std::fs::read_dir(dir).expect("examples folder").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("example text");
            let id = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            assert_sound(&id, &text, Date::new(2023, 10, 17));
            assert_sound(&id, &text, None);
        }
    }
}

#[test]
fn seeds_have_exact_spans() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("skipped: data pack not found");
        return;
    };
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("seed text");
        assert_sound(&entry.file_name().to_string_lossy(), &text, Date::new(2022, 11, 25));
    }
}

/// Pieces of news text that stress every layer when shuffled together.
const PIECES: &[&str] = &[
    "قال",
    "الرئيس",
    "الروسي",
    "فلاديمير بوتين",
    "إن",
    "أكثر من",
    "6500",
    "قتيل",
    "على الأقل",
    "نحو 30 ألف",
    "مساء الأربعاء",
    "في 7 ديسمبر",
    "الشهر الماضي",
    "تشرين الثاني/نوفمبر",
    "15 رمضان 1444 هـ",
    "«",
    "»",
    "\"",
    "اتهمت باكو",
    "يريفان",
    "بوساطة",
    "الاتحاد الأوروبي",
    "لن يُعقد",
    "اشتباكات",
    "في موسكو",
    "نظيريه",
    "الأذربيجاني",
    "والأرميني",
    ".",
    "،",
    "؟",
    "\n",
    " ",
    "ـ",
    "\u{200f}",
    "ً",
    "٢٠٢٢",
    "9-10-2020 | 22:35",
    "@handle",
    "#وسم",
    "https://example.org/a?b=c",
    "Jamais nous",
    "December 16, 2021",
    "٫",
    "ال",
    "و",
    "ب",
    "لل",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn shuffled_news_pieces_never_break_a_layer(idx in proptest::collection::vec(0..PIECES.len(), 0..60), day in 1u32..28) {
        let text: String = idx.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        assert_sound("prop", &text, Date::new(2022, 11, day));
    }

    #[test]
    fn arbitrary_strings_never_break_a_layer(text in "\\PC{0,300}") {
        assert_sound("arbitrary", &text, None);
    }
}
