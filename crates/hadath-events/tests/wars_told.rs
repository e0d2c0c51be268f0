//! Wars of the past that an article tells with their own toll or date: still events, with
//! the date the text gives them and never the publication date.

mod common;
use common::{code, countries, of_type};
use hadath_text::{DateBasis, EventStatus};

fn occurred_assaults(doc: &hadath_text::Document) -> Vec<&hadath_text::Event> {
    of_type(doc, "ASSAULT").into_iter().filter(|e| e.status == EventStatus::Occurred).collect()
}

#[test]
fn outbreak_of_a_war_with_its_toll_is_a_clash_of_the_two_countries() {
    // "البلدين" stands for the two countries named before; the decade is a date the output
    // cannot hold, so the value is empty, but the text dated it.
    let doc = code(
        "وتتواصل المناوشات على الحدود بين إثيوبيا وإريتريا. واندلعت الحرب بين البلدين مطلع الثمانينيات من القرن الماضي، وقد سقط فيها نحو 80 ألف شخص.",
    );
    let a = occurred_assaults(&doc);
    let war = a.iter().find(|e| e.killed.is_some()).unwrap_or_else(|| panic!("{a:#?}"));
    let mut sides = countries(&war.source);
    sides.extend(countries(&war.target));
    sides.sort();
    assert_eq!(sides, vec!["ERI", "ETH"], "{war:#?}");
    assert_eq!(countries(&war.source).len(), 1, "{war:#?}");
    let k = war.killed.as_ref().expect("killed");
    assert!(k.min < 80_000 && k.max.is_some_and(|m| m > 80_000), "{k:#?}");
    assert_eq!(war.date.value, None, "{war:#?}");
    assert_ne!(war.date.basis, DateBasis::Publication, "{war:#?}");
    // With no toll and no other violence word, a war that broke out is no event told.
    let doc = code("وتتواصل المناوشات على الحدود بين إثيوبيا وإريتريا. واندلعت الحرب بين البلدين مطلع الثمانينيات.");
    assert!(occurred_assaults(&doc).iter().all(|e| !doc.slice(e.trigger).contains("الحرب")), "{:#?}", doc.events);
}

#[test]
fn operation_launched_when_a_war_broke_out_on_a_day_keeps_that_day() {
    let text = "وتعد هذه المناوشات الأعنف منذ المعارك التي اندلعت في 6 مايو 1998، عندما شن الجيش الإريتري عملية عسكرية في منطقة بادمي بعد أن قصفت القوات الإثيوبية قرى حدودية.";
    let doc = code(text);
    let a = occurred_assaults(&doc);
    let launched = a
        .iter()
        .find(|e| countries(&e.source) == vec!["ERI"])
        .unwrap_or_else(|| panic!("no Eritrean operation: {a:#?}"));
    assert_eq!(launched.date.value.as_deref(), Some("1998-05-06"), "{launched:#?}");
    assert_eq!(launched.date.basis, DateBasis::Explicit, "{launched:#?}");
    // Who struck in the clause after "بعد أن" is not its target.
    assert!(!countries(&launched.target).contains(&"ETH".to_string()), "{launched:#?}");
    // What came before it is told too, on a day the text does not give.
    let before = a
        .iter()
        .find(|e| countries(&e.source) == vec!["ETH"])
        .unwrap_or_else(|| panic!("no Ethiopian shelling: {a:#?}"));
    assert_eq!(before.date.value, None, "{before:#?}");
    assert_ne!(before.date.basis, DateBasis::Publication, "{before:#?}");
    // Dated to a year only, the old war stays background.
    let doc = code(
        "وتعد هذه المناوشات الأعنف منذ المعارك التي اندلعت عام 1998، عندما شن الجيش الإريتري عملية عسكرية في منطقة بادمي بعد أن قصفت القوات الإثيوبية قرى حدودية.",
    );
    assert!(occurred_assaults(&doc).is_empty(), "{:#?}", doc.events);
}
