//! Who sends an invitation told after it was received, who speaks in the first person, bodies
//! named by their members, and countries named by an adjective (a bare sector's, a mediator's,
//! the forces holding positions), on our own sentences.

mod common;
use common::{code, codes, of_type};

#[test]
fn invitation_received_then_sent_is_one_invitation_from_its_sender() {
    let doc = code(
        "وتلقى وزيرا خارجية صربيا وكوسوفو دعوة لتسوية الخلاف الحدودي. ووصل الوزيران إلى فيينا مساء أمس. وكان قد وجه إليهما المستشار النمساوي دعوة للحوار.",
    );
    let r = of_type(&doc, "REQUEST");
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(codes(&r[0].source), vec!["AUTGOV"], "{r:#?}");
    assert_eq!(codes(&r[0].target), vec!["SRBGOV", "XKXGOV"], "{r:#?}");
    // An invitation sent to someone else is another one.
    let doc = code(
        "وتلقى وزيرا خارجية صربيا وكوسوفو دعوة لتسوية الخلاف الحدودي. ووجه المستشار النمساوي دعوة إلى رئيس وزراء اليونان لزيارة فيينا.",
    );
    let r = of_type(&doc, "REQUEST");
    assert_eq!(r.len(), 2, "{r:#?}");
    assert!(r[0].source.is_empty(), "{r:#?}");
}

#[test]
fn first_person_in_a_quotation_is_who_speaks() {
    let doc = code("وقال وزير الخارجية النمساوي إن \"الحوار هو الطريق الأفضل، ونحن سعداء جدا لدعم ذلك\".");
    let s = of_type(&doc, "SUPPORT");
    assert_eq!(codes(&s[0].source), vec!["AUTGOV"], "{s:#?}");
    // Violence is not given to the speaker: "we" may be who was attacked.
    let doc = code("وقال وزير الدفاع الأوكراني إن \"الوضع صعب، ونحن نتعرض لقصف كل ليلة\".");
    assert!(of_type(&doc, "ASSAULT").iter().all(|e| codes(&e.source) != vec!["UKRGOV"]), "{:#?}", doc.events);
}

#[test]
fn leaders_of_a_union_and_their_counterparts_are_the_two_sides() {
    // "الاتحاد الـ27" is the European Union; "ونظرائهم من Y" is the other side.
    let doc = code("انعقدت أمس في روما قمة بين زعماء الاتحاد الـ27 ونظرائهم من الاتحاد الأفريقي.");
    let c = of_type(&doc, "CONSULT");
    assert_eq!(codes(&c[0].source), vec!["IGOEUREEC"], "{c:#?}");
    assert_eq!(codes(&c[0].target), vec!["IGOAFRAFU"], "{c:#?}");
    // Without the counterparts, a body far after "بين X" is not the other side.
    let doc = code("عقدت في روما قمة بين زعماء دول الاتحاد الـ27 بعد أسابيع من خلاف مع الاتحاد الأفريقي.");
    let c = of_type(&doc, "CONSULT");
    assert!(codes(&c[0].target).is_empty(), "{c:#?}");
}

#[test]
fn bare_sector_given_a_country_by_its_adjective_carries_it_in_its_code() {
    let doc = code("قتل ثلاثة جنود أتراك وجرح خمسة في اشتباك على الحدود.");
    let a = of_type(&doc, "ASSAULT");
    assert!(a.iter().any(|e| codes(&e.target).iter().any(|c| c == "TURMIL")), "{a:#?}");
}

#[test]
fn adjective_after_a_mediation_cue_names_the_mediator() {
    let doc = code("وقع البلدان اتفاقا لتبادل الأسرى بوساطة قطرية في الدوحة.");
    let a = of_type(&doc, "AGREE");
    assert_eq!(codes(&a[0].mediator), vec!["QAT"], "{a:#?}");
    // An adjective of no country names none.
    let doc = code("وقع البلدان اتفاقا لتبادل الأسرى بوساطة سرية في الدوحة.");
    let a = of_type(&doc, "AGREE");
    assert!(a[0].mediator.is_empty(), "{a:#?}");
}

#[test]
fn positions_named_by_an_adjective_are_that_country_s_forces() {
    let doc = code("وأطلقت القوات الصربية النار على مواقع ألبانية قرب الحدود.");
    let a = of_type(&doc, "ASSAULT");
    assert_eq!(codes(&a[0].target), vec!["ALBMIL"], "{a:#?}");
    let doc = code("وأطلقت القوات الصربية النار على مواقع قرب الحدود.");
    let a = of_type(&doc, "ASSAULT");
    assert!(a[0].target.is_empty(), "{a:#?}");
}
