//! Who takes part in a meeting or a joint deed, on our own sentences: one side each for two
//! parties, and no actor taken from a relative clause that tells another event.

mod common;
use common::{code, codes, of_type};

#[test]
fn actor_in_a_relative_clause_on_another_event_is_not_taken() {
    // The summit's relative clause names who met there; they are not whom the two hope to
    // coordinate with.
    let doc = code(
        "وقال المكتب الرئاسي إن الرئيس الصربي ورئيس الوزراء اليوناني يأملان مواصلة تنسيق قوي بعد قمة صوفيا التي جمعت في الخامس من مايو الرئيس الصربي ورئيس حكومة كوسوفو.",
    );
    let co = of_type(&doc, "COOPERATE");
    assert_eq!(co.len(), 1, "{:#?}", doc.events);
    assert_eq!(codes(&co[0].source), vec!["SRBGOV", "GRCGOV"], "{co:#?}");
    assert!(co[0].target.is_empty(), "{co:#?}");
    // The summit itself keeps them.
    let c = of_type(&doc, "CONSULT");
    assert_eq!(codes(&c[0].source), vec!["SRBGOV"], "{c:#?}");
    assert_eq!(codes(&c[0].target), vec!["XKXGOV"], "{c:#?}");
    // Who does the deed a condemnation is about is still accused: the subject right after the
    // relative verb.
    let doc = code("أدانت فرنسا الهجوم الذي شنه متمردون على قرية في مالي.");
    let acc = of_type(&doc, "ACCUSE");
    assert_eq!(codes(&acc[0].target), vec!["REB"], "{acc:#?}");
}

#[test]
fn meeting_of_two_parties_has_one_side_each() {
    // "التقى X و Y" is coded as "التقى X بـ Y".
    for text in [
        "التقى رئيس صربيا ورئيس وزراء كوسوفو في بروكسل برعاية الاتحاد الأوروبي.",
        "التقى رئيس صربيا برئيس وزراء كوسوفو في بروكسل برعاية الاتحاد الأوروبي.",
    ] {
        let doc = code(text);
        let c = of_type(&doc, "CONSULT");
        assert_eq!(c.len(), 1, "{text}: {c:#?}");
        assert_eq!(codes(&c[0].source), vec!["SRBGOV"], "{text}: {c:#?}");
        assert_eq!(codes(&c[0].target), vec!["XKXGOV"], "{text}: {c:#?}");
        assert_eq!(codes(&c[0].mediator), vec!["IGOEUREEC"], "{text}: {c:#?}");
    }
    // Three parties stay together as the source.
    let doc = code("وقد اجتمع وزراء خارجية صربيا وكوسوفو والبوسنة في فيينا.");
    let c = of_type(&doc, "CONSULT");
    assert_eq!(codes(&c[0].source), vec!["SRBGOV", "XKXGOV", "BIHGOV"], "{c:#?}");
    assert!(c[0].target.is_empty(), "{c:#?}");
}
