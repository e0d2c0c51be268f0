//! Attacks in words, a protester speaking, protesters as a side of a clash, and tallies are no new assault or protest.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, Document, EventStatus};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2023, 3, 8))
}

fn occurred(doc: &Document, ty: &str) -> bool {
    doc.events.iter().any(|e| e.event_type == ty && e.status == EventStatus::Occurred)
}

#[test]
fn attack_on_a_stance_or_a_wish_is_no_assault() {
    for text in [
        "فهاجم زعيم الحزب المعارض رغبة الرئيس في إرسال مزيد من الجنود إلى أفغانستان.",
        "وبعد قصف المدينة بالصواريخ، هاجم رئيس الوزراء بشدة موقف المعارضة من الحرب.",
    ] {
        let doc = code(text);
        assert!(doc.events.iter().all(|e| e.pattern != "assault.attack"), "{text}: {:#?}", doc.events);
    }
    for text in ["هاجم مسلحون مركزا للشرطة في الموصل.", "استهدف انتحاري موكب الوزير في كابول."]
    {
        assert!(occurred(&code(text), "ASSAULT"), "{text}");
    }
}

#[test]
fn a_protester_speaking_is_no_new_protest() {
    for text in [
        "وعلق المتظاهر سامي خليل: «حتى لو تظاهر الملايين غدا، فلن تتغير سياسة الحكومة».",
        "وأوضح متظاهر آخر أن «تظاهرتنا اليوم رسالة غضب إلى الحكومة».",
    ] {
        let doc = code(text);
        assert!(!occurred(&doc, "PROTEST"), "{text}: {:#?}", doc.events);
    }
    // A report of the protest followed by what the protesters said is still a protest.
    let text = "تظاهر آلاف الطلاب أمام الجامعة في القاهرة، وقال المتظاهرون إنهم يرفضون القرار.";
    assert!(occurred(&code(text), "PROTEST"), "{text}");
}

#[test]
fn protesters_as_a_side_of_a_clash_are_no_new_protest() {
    for text in [
        "وأصيب عشرة أشخاص في مصادمات بين رجال الأمن ومتظاهرين يحتجون على نتائج الانتخابات البلدية.",
        "واستمرت الصدامات ليلة أخرى في بلدات الشمال بين رجال الدرك والمتظاهرين، احتجاجا على وفاة سائق دهسته دورية.",
        "ذكر شهود أن فتيين قتلا خلال اشتباكات بين الجنود ومحتجين يتظاهرون رفضا لاعتقال شيخ قبيلتهم.",
    ] {
        let doc = code(text);
        assert!(!occurred(&doc, "PROTEST"), "{text}: {:#?}", doc.events);
        // The clash itself is still coded.
        assert!(occurred(&doc, "ASSAULT") || text.contains("احتجاجا"), "{text}: {:#?}", doc.events);
    }
    let text = "تظاهر آلاف العمال في العاصمة احتجاجا على رفع أسعار الوقود.";
    assert!(occurred(&code(text), "PROTEST"), "{text}");
}

#[test]
fn a_tally_so_far_or_a_habit_is_no_new_assault() {
    for text in
        ["لقد هاجم القراصنة حتى الآن سفنا تجارية من عدة دول.", "وهجر المزارعون الوادي لكثرة ما عرفه من غارات ونهب."]
    {
        let doc = code(text);
        assert!(!occurred(&doc, "ASSAULT"), "{text}: {:#?}", doc.events);
    }
    let text = "هاجم القراصنة سفينة تجارية قبالة سواحل الصومال فجر اليوم.";
    assert!(occurred(&code(text), "ASSAULT"), "{text}");
}

#[test]
fn a_toll_so_far_is_still_reported() {
    let text = "وذكر الناطق أن 40 مدنيا قتلوا في المعارك الدائرة منذ الربيع حتى الآن.";
    assert!(occurred(&code(text), "ASSAULT"), "{text}");
}
