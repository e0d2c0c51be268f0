//! Tagging tests on sentences written for these tests, CoNLL round-trips and odd input.

use hadath_tagger::{tag_conll, Tagger};

fn tags(sentence: &str) -> Vec<&'static str> {
    let toks: Vec<&str> = sentence.split_whitespace().collect();
    Tagger::get().tag(&toks)
}

#[test]
fn person_and_city_are_found() {
    let t = tags("وصل الرئيس الأمريكي جورج بوش إلى بغداد صباح اليوم في زيارة مفاجئة .");
    assert_eq!(t.len(), 13);
    if !Tagger::get().is_trained() {
        return;
    }
    assert_eq!(t[3], "B-PER", "{t:?}");
    assert_eq!(t[4], "I-PER", "{t:?}");
    assert_eq!(t[6], "B-LOC", "{t:?}");
    assert_eq!(t[0], "O");
}

#[test]
fn country_is_a_location() {
    let t = tags("أعلنت وزارة الخارجية في مصر عن فتح معبر جديد مع ليبيا .");
    if Tagger::get().is_trained() {
        assert_eq!(t[4], "B-LOC", "{t:?}");
    }
}

#[test]
fn tags_are_valid_bio() {
    let t = tags("قال مسؤول في الأمم المتحدة إن المنظمة سترسل فريقا إلى دارفور خلال أيام .");
    let mut prev = "O";
    for tag in &t {
        if let Some(kind) = tag.strip_prefix("I-") {
            assert!(prev.ends_with(kind), "{t:?}");
        }
        prev = tag;
    }
}

fn run(input: &str) -> String {
    let mut out = Vec::new();
    tag_conll(input.as_bytes(), &mut out).expect("tagging in memory cannot fail");
    String::from_utf8(out).expect("output is UTF-8")
}

#[test]
fn conll_round_trip_keeps_lines() {
    let input = "التقى\tO\textra\r\nالوزير\r\n\r\n\r\nفي\nالقاهرة\tB-LOC\n";
    let out = run(input);
    let lines: Vec<&str> = out.split('\n').collect();
    assert_eq!(lines.len(), 7, "{out:?}");
    assert!(lines[0].starts_with("التقى\t"));
    assert!(lines[1].starts_with("الوزير\t"));
    assert_eq!(lines[2], "");
    assert_eq!(lines[3], "");
    assert!(lines[4].starts_with("في\t"));
    assert!(lines[5].starts_with("القاهرة\t"));
    assert_eq!(lines[6], "");
    for l in lines.iter().filter(|l| !l.is_empty()) {
        assert_eq!(l.split('\t').count(), 2, "{l:?}");
        assert!(!l.contains('\r'));
    }
}

#[test]
fn empty_and_odd_input_do_not_panic() {
    assert_eq!(run(""), "");
    assert_eq!(run("\n\n"), "\n\n");
    let odd = "\t\tx\n \n\u{200f}\n???\nhttp://a.b/c\n12,5\n😀\n\u{0651}\u{0651}\nABC\tB-ORG\n";
    let out = run(odd);
    assert!(out.lines().count() >= 8);
    let long: String = (0..20_000).map(|i| format!("كلمة{}\n", i % 7)).collect();
    let out = run(&long);
    assert_eq!(out.lines().count(), 20_000);
    let mut out = Vec::new();
    tag_conll(&b"ok\n\xff\xfe\nbad\n"[..], &mut out).expect("invalid UTF-8 is replaced");
    assert_eq!(String::from_utf8_lossy(&out).lines().count(), 3);
    assert!(Tagger::get().tag(&[]).is_empty());
    assert_eq!(Tagger::get().tag(&["", " ", "\u{0640}"]).len(), 3);
}
