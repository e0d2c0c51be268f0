//! The place of an event on our own sentences: a place phrase belongs to the trigger it
//! follows, not to an event of another clause or of a phrase of time, cause or topic.

mod common;
use common::{code, of_type};

use hadath_text::Event;
fn place(e: &Event) -> Option<&str> {
    e.location.as_ref().and_then(|l| l.name.as_deref())
}

/// The place of the only event of the type.
fn place_of(text: &str, ty: &str) -> Option<String> {
    let doc = code(text);
    let evs = of_type(&doc, ty);
    assert_eq!(evs.len(), 1, "{text}: {:#?}", doc.events);
    place(evs[0]).map(str::to_string)
}

#[test]
fn place_of_an_earlier_event_in_the_clause_is_not_the_next_ones() {
    // A headline of two reports: the meeting is in Beijing, the accusation is not.
    let text =
        "الرئيس الصيني يدعو رئيس وزراء الهند ورئيس وزراء باكستان للقاء في بكين ونيودلهي تتهم إسلام آباد بدعم المسلحين.";
    assert_eq!(place_of(text, "ACCUSE"), None);
    // The call governs the meeting it asks for, and keeps its place.
    assert_eq!(place_of(text, "REQUEST").as_deref(), Some("Beijing"));
    // An accusation's own place is kept.
    let text = "اتهم وزير الخارجية الهندي في نيودلهي باكستان بدعم المسلحين.";
    assert_eq!(place_of(text, "ACCUSE").as_deref(), Some("New Delhi"));
}

#[test]
fn phrase_of_time_cause_or_topic_keeps_its_place() {
    // The talks are in Geneva; the accusations "after days of" them are not.
    let text = "عقد وزيرا خارجية الهند وباكستان محادثات في جنيف بعد أيام من تبادل الاتهامات بشأن قصف على الحدود.";
    assert_eq!(place_of(text, "CONSULT").as_deref(), Some("Geneva"));
    assert_eq!(place_of(text, "ACCUSE"), None);
    // A time that opens with قبل is no phrase of its own.
    let text = "التقى وزير الخارجية الهندي نظيره الباكستاني قبل يومين في جنيف.";
    assert_eq!(place_of(text, "CONSULT").as_deref(), Some("Geneva"));
    // What a call is about is not where it was made.
    assert_eq!(place_of("ووجه الرئيس الروسي إليهما دعوة للتشاور بشأن كشمير.", "REQUEST"), None);
    assert_eq!(place_of("ووجه الرئيس الروسي إليهما دعوة للتشاور في كشمير.", "REQUEST").as_deref(), Some("Kashmir"));
    // "رغم وجود مراقبين في X" in an earlier clause is not where the later killing was.
    let text = "واستمرت المناوشات رغم وجود مراقبين دوليين في كشمير، كما حدث في مايو، حين قتل 12 جنديا في اشتباكات على خط المراقبة.";
    assert!(of_type(&code(text), "ASSAULT").iter().all(|e| e.location.is_none()), "{:#?}", code(text).events);
    let text = "واندلعت المناوشات في كشمير، كما حدث في مايو، حين قتل 12 جنديا في اشتباكات على خط المراقبة.";
    assert!(of_type(&code(text), "ASSAULT").iter().any(|e| place(e) == Some("Kashmir")), "{:#?}", code(text).events);
    // A relative clause on the noun of such a phrase goes on with it, and keeps its place.
    let text = "وتتبادل الهند وباكستان الاتهامات منذ حرب عام 1999 في كشمير، والتي قتل فيها مئات الجنود.";
    assert_eq!(place_of(text, "ACCUSE"), None);
    assert_eq!(place_of(text, "ASSAULT").as_deref(), Some("Kashmir"));
    // "ما بعد" is a prefix, not a phrase of time.
    let text = "وقال الرئيس الروسي في قمة بلدان ما بعد الحقبة السوفيتية بطشقند إن الوضع خطير.";
    assert_eq!(place_of(text, "CONSULT").as_deref(), Some("Tashkent"));
}

#[test]
fn event_set_within_another_shares_its_place() {
    // A pledge made during a summit in Tashkent, after a meeting noun of time ("قبيل الاجتماع").
    let text =
        "وتعهد رئيس وزراء الهند ورئيس وزراء باكستان قبيل الاجتماع بوقف التصعيد، خلال قمة في طشقند مع الرئيس الأوزبكي.";
    assert_eq!(place_of(text, "AGREE").as_deref(), Some("Tashkent"));
    // Without "خلال" the summit is an event of its own after the pledge, and keeps its place.
    let text = "وتعهد رئيس وزراء الهند ورئيس وزراء باكستان بوقف التصعيد، ثم عقدا قمة في طشقند مع الرئيس الأوزبكي.";
    assert_eq!(place_of(text, "AGREE"), None);
}

#[test]
fn the_place_of_a_deed_accused_of_is_not_the_accusations() {
    let doc = hadath_events::eval::analyse_text(
        "t",
        "واتهم رئيس وزراء إثيوبيا مصر بالسعي إلى زعزعة الأمن في القرن الأفريقي.",
        hadath_text::Date::new(2023, 3, 20),
    );
    let a: Vec<_> = doc.events.iter().filter(|e| e.event_type == "ACCUSE").collect();
    assert_eq!(a.len(), 1, "{:#?}", doc.events);
    assert!(a[0].location.is_none(), "{:#?}", a[0]);
    // Where it was said, before the deed, stays its place.
    let doc = hadath_events::eval::analyse_text(
        "t",
        "واتهم رئيس وزراء إثيوبيا في أديس أبابا مصر بالسعي إلى زعزعة الأمن.",
        hadath_text::Date::new(2023, 3, 20),
    );
    let a: Vec<_> = doc.events.iter().filter(|e| e.event_type == "ACCUSE").collect();
    assert!(a[0].location.as_ref().is_some_and(|l| l.country.as_deref() == Some("ETH")), "{:#?}", a[0]);
}
