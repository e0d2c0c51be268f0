//! Violence and protest that a sentence reports versus violence it only mentions, on our own sentences.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, EventStatus};

/// Whether the sentence yields an occurred event of the type.
fn reports(ty: &str, text: &str) -> bool {
    let doc = analyse_text("t", text, Date::new(2022, 10, 14));
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
fn relative_clause_about_a_person_is_background() {
    check(
        "ASSAULT",
        &[
            "أسفر الهجوم الذي شنه مسلحون على حاجز للشرطة أمس عن مقتل ثلاثة جنود.",
            "أطلقت طائرة مسيرة صاروخا على سيارة في المدينة أمس، الأمر الذي أدى إلى مقتل سائقها.",
        ],
        &[
            "وصل إلى المدينة أمس شقيق المهندس الذي قتل بالرصاص في الكمين.",
            "التقى الوزير عائلات الجنود الذين خطفهم مسلحون في الجبال.",
        ],
    );
}

#[test]
fn background_phrase_after_a_time_word_is_background() {
    check(
        "ASSAULT",
        &[
            "قتل خمسة أشخاص في انفجار عبوة ناسفة في سوق المدينة أمس.",
            "وقعت المواجهات أمس عندما هاجم مسلحون دورية للشرطة في البلدة.",
        ],
        &[
            "تشهد المدينة إجراءات أمنية مشددة منذ اغتيال رئيس البلدية بالرصاص.",
            "عاد الهدوء إلى السوق أمس بعد تفجير سيارة مفخخة أسفر عن سقوط قتلى.",
            "عندما اغتيل الوزير في العاصمة أغلقت المتاجر أبوابها.",
        ],
    );
}

#[test]
fn violence_dated_years_back_is_history() {
    check(
        "ASSAULT",
        &["هاجم مسلحون مركزا للشرطة في المدينة يوم الأحد وقتلوا حارسين."],
        &["اغتيل الزعيم بالرصاص في العاصمة عام 1975.", "كانت القوافل هدفا لهجمات مسلحة في تلك المنطقة في الثمانينات."],
    );
}

#[test]
fn warnings_calls_and_condemnations_are_not_occurrences() {
    check(
        "ASSAULT",
        &["تعرض الوزير لمحاولة اغتيال في العاصمة أمس حين أطلق مسلح النار على سيارته."],
        &[
            "حذر الوزير من اغتيال سياسي آخر في البلاد.",
            "قال البيان: ندعو إلى اغتيال الوزير.",
            "استنكر رئيس الوزراء في بيان أصدره مكتبه مساء أمس ووزعه على الصحافيين في العاصمة، تفجيرات السوق.",
        ],
    );
}

#[test]
fn executions_after_a_sentence_are_not_attacks() {
    check(
        "ASSAULT",
        &["أعدم مسلحون ثلاثة رهائن في الصحراء أمس."],
        &["نفذت السلطات أمس حكم الإعدام في رجلين أدينا بتهريب المخدرات."],
    );
}

#[test]
fn a_sentence_naming_an_earlier_year_is_background_unless_it_opens_with_its_date() {
    check(
        "ASSAULT",
        &[
            "3 مايو 2019: قتل خمسة جنود في انفجار عبوة ناسفة قرب الحدود.",
            "قتل أربعة مدنيين أمس في انفجار سيارة مفخخة وسط المدينة.",
            // A toll keeps a past war coded, with its own date.
            "كانت أعنف المواجهات بين البلدين معارك عام 2016 التي خلفت أكثر من 300 قتيل.",
        ],
        &[
            "وكان المبنى نفسه قد تعرض في مارس 2016 لهجوم بسيارة مفخخة استهدف مدخله الرئيسي.",
            "وتتهم النيابة الرجلين بالمشاركة في تفجير استهدف موكبا رسميا عام 2011 في العاصمة.",
            "في 9 أبريل 2015 اغتيل رئيس البلدية أمام منزله في الضاحية الشرقية.",
        ],
    );
}

#[test]
fn a_sentence_pointing_back_at_an_attack_adds_detail() {
    check(
        "ASSAULT",
        &["قتل ثلاثة حراس أمس في هجوم مسلح على مصرف في وسط المدينة."],
        &[
            "وقال أحد السكان إن سبعة أشخاص قتلوا في هذا الهجوم بينهم طفلان.",
            "وأوضح المتحدث أن المهاجم قتل في الحادث وأصيب حارس بجروح طفيفة.",
        ],
    );
}

#[test]
fn a_sentence_about_a_trial_or_an_inquiry_reports_no_new_attack() {
    check(
        "ASSAULT",
        &["أطلق مسلحون النار على سيارة شرطة أمس فقتلوا اثنين من ركابها."],
        &[
            "وبدأت المحكمة أمس النظر في قضية الرجال الثلاثة المتهمين بقتل تاجر في السوق.",
            "ويتناول التقرير مقتل عشرات المدنيين في القرى الحدودية خلال الشهر الماضي.",
        ],
    );
}

#[test]
fn concessions_yearly_tallies_and_responsibility_are_background() {
    check(
        "ASSAULT",
        &["قتل جنديان أمس في انفجار عبوة ناسفة على طريق المطار."],
        &[
            "وقالت الحكومة إنها ستواصل المفاوضات على الرغم من مقتل أربعة جنود في كمين.",
            "وقتل أكثر من مئتي مدني في غارات جوية على المنطقة هذا العام.",
            "وتعد الجماعة المسؤولة عن مقتل عشرات الجنود في الجبال الشمالية.",
            "وأحبطت قوات الأمن أمس هجوما بسيارة مفخخة على مقر المحافظة.",
        ],
    );
}

#[test]
fn figurative_object_is_no_attack() {
    check(
        "ASSAULT",
        &["خطف مسلحون مهندسا أجنبيا من سيارته في بغداد أمس.", "قتل مسلحون ثلاثة جنود في هجوم على حاجز أمس."],
        &[
            "خطفت السيارات الكهربائية أنظار الزوار في معرض جنيف أمس.",
            "قتلت السياسات الاقتصادية الفاشلة كل بصيص أمل لدى الشباب.",
            "خطف المنتخب الوطني الأضواء في البطولة العربية أمس.",
        ],
    );
}
