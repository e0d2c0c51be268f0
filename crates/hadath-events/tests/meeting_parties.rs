//! Who takes part in a meeting or a joint deed, on our own sentences: one side each for two
//! parties, and no actor taken from a relative clause that tells another event.

mod common;
use common::{code, codes, countries, of_type};

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

#[test]
fn heading_with_no_actor_announces_the_event_told_under_it() {
    // A short line with no closing mark over the paragraph that tells the talks in full.
    let doc = code("مفاوضات في جنيف\nعقدت صربيا وكوسوفو أمس جلسة مفاوضات في جنيف برعاية الاتحاد الأوروبي.");
    let c = of_type(&doc, "CONSULT");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(codes(&c[0].source), vec!["SRB"], "{c:#?}");
    // With nothing of its type told under it, the heading's event is kept.
    let doc = code("مفاوضات في جنيف\nوقال الوزير الصربي إن الطقس بارد.");
    assert_eq!(of_type(&doc, "CONSULT").len(), 1, "{:#?}", doc.events);
    // A line that closes with a full stop is a sentence of the body, not a heading.
    let doc = code("جرت مفاوضات في جنيف.\nعقدت صربيا وكوسوفو أمس جلسة مفاوضات في جنيف برعاية الاتحاد الأوروبي.");
    assert_eq!(of_type(&doc, "CONSULT").len(), 2, "{:#?}", doc.events);
}

#[test]
fn meeting_as_the_predicate_of_a_pointer_is_the_meeting_told() {
    // "هذا كان ثاني اجتماع بينهما": something said of the meeting just told.
    let doc = code(
        "استضاف وزير الخارجية النمساوي نظيريه الصربي والكوسوفي في فيينا أمس. ويبدو أن هذا كان ثاني اجتماع بينهما منذ بداية العام.",
    );
    assert_eq!(of_type(&doc, "CONSULT").len(), 1, "{:#?}", doc.events);
    let doc = code("وزار الرئيس الصربي فيينا أمس، وهي ثالث قمة له هذا العام.");
    assert!(of_type(&doc, "CONSULT").iter().all(|e| !doc.slice(e.trigger).contains("قمة")), "{:#?}", doc.events);
    // Ranked with no pointer, it is a meeting of its own.
    let doc = code("عقد وزيرا خارجية صربيا وكوسوفو أول اجتماع بينهما منذ عامين.");
    let c = of_type(&doc, "CONSULT");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(codes(&c[0].source), vec!["SRBGOV"], "{c:#?}");
}

#[test]
fn government_named_with_no_country_is_that_of_its_leader() {
    // The cabinet a prime minister speaks to is his country's, named in the same sentence or
    // the one before.
    for text in [
        "وقال رئيس وزراء صربيا لمجلس الوزراء خلال اجتماع في بلغراد إن بلاده مستعدة للحوار.",
        "وصل رئيس وزراء صربيا إلى بلغراد. وقال لمجلس الوزراء خلال اجتماع إن بلاده مستعدة للحوار.",
    ] {
        let doc = code(text);
        let c = of_type(&doc, "CONSULT");
        assert_eq!(codes(&c.last().expect("a meeting").source), vec!["SRBGOV"], "{text}: {c:#?}");
    }
    // Leaders of two countries leave it unknown.
    let doc =
        code("وقال رئيس وزراء صربيا ووزير خارجية اليونان لمجلس الوزراء خلال اجتماع في بلغراد إن بلاده مستعدة للحوار.");
    let c = of_type(&doc, "CONSULT");
    assert_eq!(codes(&c[0].source), vec!["GOV"], "{c:#?}");
}

#[test]
fn clash_of_two_sides_has_one_side_each() {
    // Like a meeting of two: the first the source, the other the target.
    let doc = code("وخاضت صربيا وألبانيا اشتباكات عنيفة على الحدود أمس خلفت عشرة قتلى.");
    let a = of_type(&doc, "ASSAULT");
    assert_eq!(codes(&a[0].source), vec!["SRB"], "{a:#?}");
    assert_eq!(codes(&a[0].target), vec!["ALB"], "{a:#?}");
    // Three sides stay together.
    let doc = code("وخاضت صربيا وألبانيا والبوسنة اشتباكات عنيفة على الحدود أمس خلفت عشرة قتلى.");
    let a = of_type(&doc, "ASSAULT");
    assert_eq!(codes(&a[0].source), vec!["SRB", "ALB", "BIH"], "{a:#?}");
    assert!(a[0].target.is_empty(), "{a:#?}");
}

#[test]
fn target_named_twice_in_a_sentence_is_one_party() {
    // Two policemen, one killed and one wounded: one target.
    let doc = code("أسفرت الاشتباكات عن مقتل شرطي وإصابة شرطي آخر.");
    let a = of_type(&doc, "ASSAULT");
    assert_eq!(codes(&a[0].target), vec!["COP"], "{a:#?}");
}

#[test]
fn meeting_noun_of_an_occasion_with_the_told_parties_and_place_is_that_meeting() {
    let told = "استضاف وزير الخارجية النمساوي نظيريه الصربي والكوسوفي في فيينا أمس.";
    let doc = code(&format!(
        "{told} وقال الوزير الصربي خلال لقاء وزراء خارجية صربيا وكوسوفو والنمسا في فيينا إن الحوار مفيد."
    ));
    assert_eq!(of_type(&doc, "CONSULT").len(), 1, "{:#?}", doc.events);
    // Another place is another meeting.
    let doc =
        code(&format!("{told} وقال الوزير الصربي خلال لقاء وزراء خارجية صربيا وكوسوفو والنمسا في جنيف إن الحوار مفيد."));
    assert_eq!(of_type(&doc, "CONSULT").len(), 2, "{:#?}", doc.events);
}

#[test]
fn meeting_retold_right_after_a_dated_one_of_the_same_countries_takes_its_date() {
    let told = "عقدت صربيا وكوسوفو مطلع الشهر الجاري جلسة مفاوضات في جنيف برعاية الاتحاد الأوروبي.";
    let doc = code(&format!("{told} واستضاف الممثل الأعلى للاتحاد الأوروبي وزيري خارجية البلدين."));
    let c = of_type(&doc, "CONSULT");
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[1].date.value, c[0].date.value, "{c:#?}");
    assert_eq!(c[1].date.value.as_deref(), Some("2023-03"), "{c:#?}");
    // Other countries: a meeting of its own, with no date of the text.
    let doc = code(&format!("{told} واستضاف الممثل الأعلى للاتحاد الأوروبي وزيري خارجية ألبانيا والبوسنة."));
    let c = of_type(&doc, "CONSULT");
    assert_eq!(c[1].date.basis, hadath_text::DateBasis::Publication, "{c:#?}");
}

#[test]
fn toll_of_two_sides_is_told_of_each_side() {
    // Each side's dead, named by nationality, are that side's losses: two events of the clash,
    // each with the side that lost them as target.
    let doc =
        code("وخاض السودان وتشاد اشتباكات عنيفة على الحدود أسفرت عن مقتل 40 سودانيا وما لا يقل عن 25 جنديا تشاديا.");
    let a = of_type(&doc, "ASSAULT");
    assert_eq!(a.len(), 2, "{a:#?}");
    let all_of = |role: &[hadath_text::Actor], c: &str| role.iter().all(|x| x.country.as_deref() == Some(c));
    let sdn = a.iter().find(|e| all_of(&e.target, "SDN")).expect("Sudanese dead");
    assert!(all_of(&sdn.source, "TCD"), "{a:#?}");
    assert_eq!(sdn.killed.as_ref().map(|k| k.min), Some(40), "{a:#?}");
    let tcd = a.iter().find(|e| all_of(&e.target, "TCD")).expect("Chadian dead");
    assert!(all_of(&tcd.source, "SDN"), "{a:#?}");
    assert_eq!(tcd.killed.as_ref().map(|k| k.min), Some(25), "{a:#?}");
    // The dead are of the sector their count names: a nationality alone is the country, soldiers
    // are its military, whichever sector the sides had ("وزارتا الدفاع": MIL).
    assert_eq!(codes(&sdn.target), vec!["SDN"], "{a:#?}");
    assert_eq!(codes(&tcd.target), vec!["TCDMIL"], "{a:#?}");
    let doc = code(
        "وأعلنت وزارتا الدفاع السودانية والتشادية اشتباكات ليلية على الحدود قتل فيها 12 سودانيا و15 جنديا تشاديا.",
    );
    let a = of_type(&doc, "ASSAULT");
    let targets: Vec<Vec<String>> = a.iter().map(|e| codes(&e.target)).collect();
    assert!(targets.contains(&vec!["SDN".to_string()]), "{a:#?}");
    assert!(!targets.iter().flatten().any(|c| c == "SDNMIL"), "{a:#?}");
    // Counts of one side only, or with no nationality, stay one event.
    for text in [
        "وخاض السودان وتشاد اشتباكات عنيفة على الحدود أسفرت عن مقتل 40 جنديا تشاديا وما لا يقل عن 25 شرطيا تشاديا.",
        "وخاض السودان وتشاد اشتباكات عنيفة على الحدود أسفرت عن مقتل 40 جنديا وما لا يقل عن 25 مدنيا.",
    ] {
        let doc = code(text);
        let a = of_type(&doc, "ASSAULT");
        assert_eq!(a.len(), 1, "{text}: {a:#?}");
        assert!(a[0].killed.is_some(), "{text}: {a:#?}");
    }
}

#[test]
fn countries_after_a_dual_title_of_heads_are_their_governments() {
    // "رئيسي X و Y" are the two presidents: the governments, not the countries, in whichever
    // roles they stand.
    let doc = code("وأجرى شولتس مكالمات هاتفية مع رئيسي صربيا وكرواتيا مساء الأحد.");
    let c = of_type(&doc, "CONSULT");
    let mut parties = codes(&c[0].source);
    parties.extend(codes(&c[0].target));
    assert!(parties.contains(&"SRBGOV".to_string()) && parties.contains(&"HRVGOV".to_string()), "{c:#?}");
    assert!(!parties.iter().any(|p| p == "SRB" || p == "HRV"), "{c:#?}");
    // With no title the countries stay.
    let doc = code("وأجرى شولتس مكالمات هاتفية مع صربيا وكرواتيا مساء الأحد.");
    let c = of_type(&doc, "CONSULT");
    assert_eq!(codes(&c[0].target), vec!["SRB", "HRV"], "{c:#?}");
}

#[test]
fn toll_of_a_war_between_two_countries_has_one_side_each() {
    // A killing told of a war between two countries, with no target: one side each.
    let doc = code("وفي ربيع 2011 دارت بين السودان وتشاد حرب قصيرة أسفرت عن مصرع 900 شخص.");
    let a = of_type(&doc, "ASSAULT");
    assert_eq!(codes(&a[0].source), vec!["SDN"], "{a:#?}");
    assert_eq!(codes(&a[0].target), vec!["TCD"], "{a:#?}");
    // Three countries stay together as the source.
    let doc = code("وفي ربيع 2011 دارت بين السودان وتشاد وليبيا حرب قصيرة أسفرت عن مصرع 900 شخص.");
    let a = of_type(&doc, "ASSAULT");
    assert_eq!(codes(&a[0].source), vec!["SDN", "TCD", "LBY"], "{a:#?}");
    assert!(a[0].target.is_empty(), "{a:#?}");
}

#[test]
fn group_followed_by_the_list_of_its_countries_stands_for_them() {
    // "X وهي A وB وC": the apposition lists what the group is.
    let doc = code("وعقد الرئيس الصيني أمس في بكين قمة مع دول مجلس التعاون الخليجي وهي السعودية والإمارات وقطر.");
    let c = of_type(&doc, "CONSULT");
    let mut t = countries(&c[0].target);
    t.sort();
    assert_eq!(t, vec!["ARE", "QAT", "SAU"], "{c:#?}");
    // A pronoun that opens a clause of another kind lists nothing.
    let doc = code("وعقد الرئيس الصيني أمس في بكين قمة مع دول مجلس التعاون الخليجي وهي الثانية هذا العام.");
    let c = of_type(&doc, "CONSULT");
    assert_eq!(codes(&c[0].target), vec!["IGOPGSGCC"], "{c:#?}");
    // The EU's Eastern Partnership is not the EU: it has no CAMEO code of its own.
    let doc = code("وشارك ممثلو الشراكة الشرقية في مؤتمر فيلنيوس أمس.");
    assert!(doc.entities.iter().all(|e| e.code.as_deref() != Some("IGOEUREEC")), "{:#?}", doc.entities);
}
