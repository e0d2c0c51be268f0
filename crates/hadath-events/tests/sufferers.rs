//! Who "تعرض" an attack ("تعرضت قافلة للجيش لهجوم") is its target, not its source; on
//! sentences of our own.

mod common;
use common::{code, countries, of_type};

#[test]
fn who_suffered_an_attack_is_its_target() {
    for (text, country) in [
        ("وتعرضت قافلة تابعة للجيش الأمريكي أمس لهجوم شنه مسلحون قرب مدينة قندهار.", "USA"),
        ("وتعرضت دورية للجيش الأردني لهجوم بقذائف الهاون قرب الحدود أمس.", "JOR"),
    ] {
        let doc = code(text);
        let attack = of_type(&doc, "ASSAULT")
            .into_iter()
            .find(|e| doc.slice(e.trigger) == "لهجوم")
            .unwrap_or_else(|| panic!("{text}: {:#?}", doc.events));
        assert_eq!(countries(&attack.target).first().map(String::as_str), Some(country), "{text}\n{attack:#?}");
        assert!(!countries(&attack.source).contains(&country.to_string()), "{text}\n{attack:#?}");
    }
}

#[test]
fn an_attack_not_suffered_keeps_its_attacker() {
    // No "تعرض": the forces that attack are its source.
    let text = "وهاجمت قوات الجيش الأردني أمس مواقع للمهربين قرب الحدود.";
    let doc = code(text);
    let attack = of_type(&doc, "ASSAULT").into_iter().next().unwrap_or_else(|| panic!("{:#?}", doc.events));
    assert_eq!(countries(&attack.source).first().map(String::as_str), Some("JOR"), "{attack:#?}");
}
