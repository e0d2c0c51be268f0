//! Violence and protest told in shapes the earlier rules missed or over-read, on our own sentences.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, EventStatus};

/// Whether the sentence yields an occurred event of the type.
fn reports(ty: &str, text: &str) -> bool {
    let doc = analyse_text("t", text, Date::new(2012, 5, 20));
    doc.events.iter().any(|e| e.event_type == ty && e.status == EventStatus::Occurred)
}

fn check(ty: &str, yes: &[&str], no: &[&str]) {
    let mut failures = Vec::new();
    for s in yes {
        if !reports(ty, s) {
            failures.push(format!("missed: {s}"));
        }
    }
    for s in no {
        if reports(ty, s) {
            failures.push(format!("coded a mention: {s}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn attempt_suffered_by_someone_named_at_length_happened() {
    check(
        "ASSAULT",
        &[
            "تعرض مدير ميناء مصراتة، سالم الورفلي، وهو ابن عم أحد النواب، لمحاولة اغتيال في مدينة مصراتة أمس.",
            "وأقر المتحدث بتعرض قائد الشرطة في المدينة لمحاولة اغتيال قرب منزله أمس.",
        ],
        &[
            "وأعلنت الشرطة أنها أحبطت مخططا لمحاولة اغتيال قائد الشرطة في المدينة.",
            "وقال القائد إن التعرض للصحافيين ممنوع، وإن أي مسلح يسعى لاغتيال أحدهم سيعاقب.",
        ],
    );
}

#[test]
fn who_speaks_is_not_what_the_sentence_is_about() {
    check(
        "ASSAULT",
        &[
            "وقال المتحدث باسم محكمة الجنايات في طرابلس، إن ثلاثة أشخاص قتلوا أمس في انفجار عبوة ناسفة قرب السوق.",
            "وأكد مدير إدارة التحقيقات في شرطة بنغازي أن مسلحين اغتالوا ضابطا أمس أمام منزله.",
        ],
        &[
            "وقال المتحدث إن المحكمة ستنظر في قضية الهجوم الذي قتل فيه ثلاثة أشخاص.",
            "وذكر التقرير أن مسلحين قتلوا ضابطا أمام منزله في بنغازي.",
        ],
    );
}

#[test]
fn present_protest_verb_needs_more_than_itself() {
    check(
        "PROTEST",
        &[
            "احتج العمال على تأخر الأجور أمام مقر الشركة أمس.",
            "تظاهر مئات العمال أمام مقر الشركة في القاهرة أمس.",
            "يتظاهر آلاف العمال الآن أمام البرلمان في القاهرة احتجاجا على تأخر الأجور.",
        ],
        &[
            "العمال يحتجون على تأخر الأجور!",
            "وقال النقابي إن العمال يحتجون على تأخر الأجور.",
            "وقال النقابي إن المعلمين يتظاهرون ضد قرار الوزارة.",
        ],
    );
}
