//! Meetings on our own sentences: their place, who took part, their mediator, and nouns that
//! point back at a meeting already told.

mod common;
use common::{code, of_type};

use hadath_text::{Actor, Document, Event};
fn countries(actors: &[Actor]) -> Vec<String> {
    let mut c: Vec<String> = actors.iter().filter_map(|a| a.country.clone()).collect();
    c.sort();
    c
}

fn consults(doc: &Document) -> Vec<&Event> {
    doc.events.iter().filter(|e| e.event_type == "CONSULT").collect()
}

fn place(e: &Event) -> Option<&str> {
    e.location.as_ref().and_then(|l| l.name.as_deref())
}

#[test]
fn small_city_after_a_place_noun_is_the_meeting_place() {
    // The place is in a relative clause on the host, after "في منتجع".
    let doc =
        code("اجتمع وزيرا خارجية السودان وتشاد أمس برعاية العاهل المغربي الذي استقبلهما في منتجع أكادير الساحلي.");
    let c = consults(&doc);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(place(c[0]), Some("Agadir"), "{c:#?}");
    // A meeting named after its city: "محادثات يالطا".
    let doc = code("عقد وزيرا خارجية السودان وتشاد محادثات يالطا أمس.");
    assert_eq!(place(consults(&doc)[0]), Some("Yalta"), "{:#?}", doc.events);
    // Without "في" and a place noun, or after a noun that is no meeting, there is no place.
    for text in [
        "اجتمع وزيرا خارجية السودان وتشاد أمس برعاية العاهل المغربي أكادير.",
        "اجتمع وزيرا خارجية السودان وتشاد وبحثا مستقبل أكادير.",
    ] {
        let doc = code(text);
        assert!(consults(&doc).iter().all(|e| e.location.is_none()), "{text}: {:#?}", doc.events);
    }
}

#[test]
fn noun_pointing_back_at_a_meeting_is_no_new_meeting() {
    let text =
        "أجرى الرئيس المصري أثناء مؤتمر الاتحاد الأفريقي في أديس أبابا صباح الأربعاء محادثات مع رئيس السودان ورئيس تشاد. \
                وامتنع المتحدث عن كشف تفاصيل هذا اللقاء الذي استمر ساعتين. \
                وانعقد الاجتماع في قاعة جانبية بعيدا عن الصحفيين. \
                وقال الرئيس التشادي قبيل الاجتماع إنه متفائل. \
                وأكد الوزير أن المحادثات نفسها كانت صريحة.";
    let doc = code(text);
    let c = consults(&doc);
    // One meeting: the holder the source (the verb that holds it, however far), the guests
    // the targets.
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(countries(&c[0].source), vec!["EGY"], "{c:#?}");
    assert_eq!(countries(&c[0].target), vec!["SDN", "TCD"], "{c:#?}");
    // An indefinite noun after a word of time tells a meeting of its own.
    let doc = code(&format!("{text} وقال وزير الخارجية السوداني أثناء اجتماع للحكومة إن بلاده تريد السلام."));
    assert_eq!(consults(&doc).len(), 2, "{:#?}", doc.events);
    // A definite noun with nothing told before is the meeting itself.
    let doc = code("وانعقد الاجتماع في القاهرة بحضور وزراء الخارجية العرب.");
    assert_eq!(consults(&doc).len(), 1, "{:#?}", doc.events);
    // A demonstrative, or a definite noun after a word of time or occasion, is never a new
    // meeting.
    for text in [
        "وامتنع المتحدث عن كشف تفاصيل هذا اللقاء.",
        "وقال الرئيس التشادي قبيل الاجتماع إنه متفائل.",
        "وغادر الوزير القاعة فور انتهاء المحادثات.",
        "وتحدث الوزير للصحفيين على هامش المؤتمر.",
    ] {
        let doc = code(text);
        assert!(consults(&doc).is_empty(), "{text}: {:#?}", doc.events);
    }
}

#[test]
fn who_a_meeting_brought_together_took_part_in_it() {
    let doc = code("وأشاد البيت الأبيض بنتائج لقاء الرياض الذي ضم في مارس الرئيس السوداني والرئيس التشادي.");
    let c = consults(&doc);
    assert_eq!(c.len(), 1, "{c:#?}");
    // Two parties: one side each.
    assert_eq!(countries(&c[0].source), vec!["SDN"], "{c:#?}");
    assert_eq!(countries(&c[0].target), vec!["TCD"], "{c:#?}");
    assert!(c[0].mediator.is_empty(), "{c:#?}");
    assert_eq!(place(c[0]), Some("Riyadh"), "{c:#?}");
    // A relative clause of another verb gives no participants.
    let doc = code("وقال الوزير إن لقاء الرياض الذي عقد في مارس ناقش الوضع في السودان وتشاد.");
    assert!(consults(&doc).iter().all(|e| countries(&e.source) != vec!["SDN", "TCD"]), "{:#?}", doc.events);
}

#[test]
fn mediator_cue_belongs_to_the_nearest_meeting_verb() {
    let doc = code(
        "واجتمع عبد الفتاح البرهان ومحمد ديبي في الرياض برعاية المملكة العربية السعودية في فبراير، كما اجتمع سامح شكري وأيمن الصفدي في جنيف بتدبير من وزير الخارجية الأمريكي.",
    );
    let c = consults(&doc);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(countries(&c[0].source), vec!["SDN"], "{c:#?}");
    assert_eq!(countries(&c[0].target), vec!["TCD"], "{c:#?}");
    assert_eq!(countries(&c[0].mediator), vec!["SAU"], "{c:#?}");
    assert_eq!(countries(&c[1].source), vec!["EGY"], "{c:#?}");
    assert_eq!(countries(&c[1].target), vec!["JOR"], "{c:#?}");
    assert_eq!(countries(&c[1].mediator), vec!["USA"], "{c:#?}");
    // A noun between the verb and the cue names the same meeting: the cue still reaches it.
    let doc = code("واجتمع عبد الفتاح البرهان ومحمد ديبي في جولة مفاوضات بوساطة الرئيس المصري.");
    let c = consults(&doc);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(countries(&c[0].mediator), vec!["EGY"], "{c:#?}");
    assert_eq!(countries(&c[0].target), vec!["TCD"], "{c:#?}");
}

#[test]
fn meeting_with_a_partner_is_held_by_the_clause_subject() {
    let doc = code("واتفق الرئيس السوداني والرئيس التشادي على فتح المعابر، في لقاء بالقاهرة مع الرئيس المصري.");
    let c = consults(&doc);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(countries(&c[0].source), vec!["SDN", "TCD"], "{c:#?}");
    assert_eq!(countries(&c[0].target), vec!["EGY"], "{c:#?}");
}

#[test]
fn headline_printed_twice_is_one_report() {
    let head = "الخرطوم تتهم نجامينا بدعم المتمردين في دارفور";
    let doc = code(&format!("{head}\n\n{head}\n\nوقال المتحدث إن الأدلة ستعرض الشهر المقبل."));
    let accusations = doc.events.iter().filter(|e| e.event_type == "ACCUSE").count();
    assert_eq!(accusations, 1, "{:#?}", doc.events);
    // The same accusation in other words is still told twice.
    let doc = code(&format!("{head}\n\nواتهمت الحكومة السودانية تشاد بدعم المتمردين في دارفور."));
    let accusations = doc.events.iter().filter(|e| e.event_type == "ACCUSE").count();
    assert_eq!(accusations, 2, "{:#?}", doc.events);
}

#[test]
fn call_partner_after_the_holder_and_a_time() {
    let doc = code(
        "التقى وزير الخارجية المصري نظيره الليبي في القاهرة أمس. وجاء الاجتماع بعد اتصال هاتفي أجراه الرئيس المصري مساء الإثنين مع رئيس الحكومة الليبية.",
    );
    let c = consults(&doc);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(countries(&c[1].source), vec!["EGY"], "{c:#?}");
    assert_eq!(countries(&c[1].target), vec!["LBY"], "{c:#?}");
}

#[test]
fn leaders_named_before_are_the_plural_that_follows() {
    let text = "التقى الرئيس الصربي فوتشيتش ورئيس وزراء كوسوفو كورتي في بروكسل بوساطة الاتحاد الأوروبي. \
                وبحث المسؤولون الثلاثة أيضا مسألة الحدود. ودعا القادة بعد ذلك إلى فتح المعابر.";
    let doc = hadath_events::eval::analyse_text("t", text, hadath_text::Date::new(2023, 3, 20));
    let codes = |e: &hadath_text::Event| e.source.iter().filter_map(|a| a.code.clone()).collect::<Vec<_>>();
    let talks = doc.events.iter().find(|e| e.trigger.start >= text.find("وبحث").unwrap()).expect("talks");
    assert_eq!(talks.event_type, "CONSULT", "{:#?}", doc.events);
    assert_eq!(codes(talks).len(), 3, "{:#?}", talks);
    let call = doc.events.iter().find(|e| e.event_type == "REQUEST").expect("call");
    assert_eq!(codes(call).len(), 3, "{:#?}", call);
}

#[test]
fn officials_without_their_number_or_with_another_are_not_the_parties() {
    let text = "التقى الرئيس الصربي فوتشيتش ورئيس وزراء كوسوفو كورتي في بروكسل بوساطة الاتحاد الأوروبي. \
                وبحث المسؤولون الأربعة مسألة الحدود. ودعا المسؤولون إلى فتح المعابر.";
    let doc = hadath_events::eval::analyse_text("t", text, hadath_text::Date::new(2023, 3, 20));
    let later = text.find("وبحث").unwrap();
    for e in doc.events.iter().filter(|e| e.trigger.start > later) {
        assert!(e.source.iter().all(|a| a.country.is_none()), "{:#?}", e);
    }
    // With no meeting told before, the leaders stay without actors.
    let doc =
        hadath_events::eval::analyse_text("t", "ودعا القادة إلى فتح المعابر.", hadath_text::Date::new(2023, 3, 20));
    assert!(doc.events.iter().all(|e| e.source.is_empty()), "{:#?}", doc.events);
}

#[test]
fn title_meeting_told_again_in_the_body_is_one_meeting() {
    // The title's meeting and the body's of the same countries: the body's, with its date and
    // place, is kept.
    // The first line is the title, as ingest marks it (`code` reads every line as body).
    let titled = |text: &str| {
        let mut doc = hadath_events::eval::prepare_text("t", text, hadath_text::Date::new(2023, 3, 20));
        if let Some(p) = doc.paragraphs.first_mut() {
            p.kind = hadath_text::ParagraphKind::Title;
        }
        hadath_events::annotate_events(&mut doc);
        doc
    };
    let head = "شولتس يستقبل رئيسي صربيا وكوسوفو في برلين";
    let body = "وعقد المستشار الألماني أولاف شولتس مساء الخميس في برلين اجتماعا مع رئيس صربيا ورئيس وزراء كوسوفو.";
    let doc = titled(&format!("{head}\n\n{body}"));
    let c = of_type(&doc, "CONSULT");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(doc.slice(c[0].evidence).contains("مساء الخميس"), "{c:#?}");
    // A body meeting of other countries leaves the title's.
    let other = "وعقد المستشار الألماني أولاف شولتس مساء الخميس في برلين اجتماعا مع رئيس ألبانيا.";
    let doc = titled(&format!("{head}\n\n{other}"));
    assert_eq!(of_type(&doc, "CONSULT").len(), 2, "{:#?}", doc.events);
}
