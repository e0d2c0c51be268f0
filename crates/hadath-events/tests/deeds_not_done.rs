//! Violence named as a kind of deed or a plan, not told as done, on our own sentences.

mod common;

use hadath_text::Date;

/// Every `yes` sentence reports an event of the type, no `no` sentence does.
fn check(ty: &str, yes: &[&str], no: &[&str]) {
    common::check(Date::new(2014, 9, 8), ty, yes, no);
}

#[test]
fn whoever_does_it_is_no_deed_done() {
    check(
        "ASSAULT",
        &[
            "وقال الوزير أمس إن مسلحين يهاجمون رجال الإطفاء في المدينة منذ الصباح.",
            "وقال الوزير أمس إن مسلحين هاجموا رجال الإطفاء في المدينة.",
        ],
        &[
            "وأعلن التنظيم أمس عن جائزة تبلغ خمسين ألف دينار لمن يقتل الكاتب المعروف.",
            "وقال الوزير أمس إن من يهاجم رجال الإطفاء في المدينة سيلاحق أمام القضاء.",
        ],
    );
}

#[test]
fn protesters_counted_in_a_toll_are_no_protest_told() {
    check(
        "PROTEST",
        &[
            "وتظاهر مئات الطلاب أمس أمام مقر الجامعة في عمان، وأصيب 12 منهم بجروح طفيفة.",
            "وأصيب 12 شخصا بجروح خلال مظاهرة نظمها مئات الطلاب أمس أمام مقر الجامعة في عمان.",
        ],
        &[
            "وقال المتحدث إن 31 شخصا أصيبوا بجروح طفيفة أمس، بينهم 19 من المتظاهرين و12 من رجال الشرطة.",
            "وأعلنت وزارة الصحة أمس مقتل عدد من المحتجين برصاص مجهولين في وسط المدينة.",
        ],
    );
}
