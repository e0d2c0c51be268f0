//! Resolution tests for group leaders, label roles, office fallbacks, names that are also words
//! or places, and noisy agent words, on sentences written for these tests.

use hadath_lexicon::Lexicon;
use hadath_text::{Date, Document, Entity, EntityKind};

fn run(text: &str, date: (i32, u32, u32)) -> (Document, Vec<Entity>) {
    let mut doc = Document::new("t", text);
    doc.published.value = Date::new(date.0, date.1, date.2);
    Lexicon::get().annotate(&mut doc);
    let ents = doc.entities.clone();
    (doc, ents)
}

fn show(doc: &Document, ents: &[Entity]) -> String {
    ents.iter()
        .map(|e| format!("[{}] {:?} {} {:?} {:?} {:?}", doc.slice(e.span), e.kind, e.name, e.code, e.sector, e.role))
        .collect::<Vec<_>>()
        .join("\n")
}

fn find<'e>(doc: &Document, ents: &'e [Entity], surface: &str) -> &'e Entity {
    ents.iter()
        .find(|e| doc.slice(e.span) == surface)
        .unwrap_or_else(|| panic!("no entity [{surface}] in:\n{}", show(doc, ents)))
}

#[test]
fn group_leaders_resolve_from_a_title_and_the_group() {
    let (d, e) = run("هدد زعيم الحوثيين بتوسيع الهجمات في البحر.", (2023, 12, 1));
    let p = find(&d, &e, "زعيم الحوثيين");
    assert_eq!(p.name, "Abdul-Malik al-Houthi", "{}", show(&d, &e));
    assert_eq!(p.code.as_deref(), Some("YEMREB"));
    assert_eq!(p.sector.as_deref(), Some("REB"));
    // The label role's English name, not its key.
    assert_eq!(p.role.as_deref(), Some("Leader of the Houthi movement (Ansar Allah)"));

    let (d, e) = run("ألقى الأمين العام لحزب الله كلمة متلفزة مساء الأحد.", (2015, 3, 1));
    let p = find(&d, &e, "الأمين العام لحزب الله");
    assert_eq!(p.name, "Hassan Nasrallah", "{}", show(&d, &e));
    assert_eq!(p.code.as_deref(), Some("LBNREB"));
}

#[test]
fn unresolved_group_roles_keep_country_and_sector_apart() {
    // No holder of a Southern Transitional Council leadership is listed: the role stays a role.
    let (d, e) = run("التقى زعيم المجلس الانتقالي الجنوبي وفدا من الأمم المتحدة.", (2021, 1, 1));
    let p = find(&d, &e, "زعيم المجلس الانتقالي الجنوبي");
    assert_eq!(p.code.as_deref(), Some("YEMREB"), "{}", show(&d, &e));
    assert_eq!(p.country.as_deref(), Some("YEM"));
    assert_eq!(p.sector.as_deref(), Some("REB"));
}

#[test]
fn sector_is_the_first_three_letters_after_the_country() {
    let (d, e) = run("ظهر زعيم تنظيم القاعدة في شريط جديد.", (2015, 6, 1));
    let p = find(&d, &e, "زعيم تنظيم القاعدة");
    assert_eq!(p.name, "Ayman al-Zawahiri", "{}", show(&d, &e));
    assert_eq!(p.code.as_deref(), Some("IMGALQ"));
    // Transnational codes (IGO, IMG) have no country: the sector field is the code's first part.
    assert_eq!(p.country, None);
    assert_eq!(p.sector.as_deref(), Some("IMG"));
    assert_eq!(p.role.as_deref(), Some("Leader of an armed group or movement"));
    let (d, e) = run("دعا الأمين العام للأمم المتحدة إلى وقف القتال.", (2019, 1, 1));
    let p = find(&d, &e, "الأمين العام للأمم المتحدة");
    assert_eq!(p.sector.as_deref(), Some("IGO"), "{}", show(&d, &e));
}

#[test]
fn counterparts_fall_back_to_the_office_the_country_has() {
    // A president's Saudi counterpart is the king.
    let (d, e) = run("اتصل الرئيس الأمريكي بنظيره السعودي لبحث أسعار النفط.", (2019, 6, 1));
    let p = find(&d, &e, "نظيره السعودي");
    assert_eq!(p.name, "King Salman bin Abdulaziz", "{}", show(&d, &e));
    assert_eq!(p.code.as_deref(), Some("SAUGOV"));
    // A foreign minister's Saudi counterpart is the foreign minister.
    let (d, e) = run("استقبل وزير الخارجية الروسي نظيره السعودي في موسكو.", (2021, 3, 1));
    let p = find(&d, &e, "نظيره السعودي");
    assert_eq!(p.name, "Faisal bin Farhan", "{}", show(&d, &e));
    // "زعيم" of a country with a supreme leader, and of one led by its prime minister.
    let (d, e) = run("قال زعيم إيران إن العقوبات لن تنجح.", (2019, 6, 1));
    assert_eq!(find(&d, &e, "زعيم إيران").name, "Ali Khamenei", "{}", show(&d, &e));
}

#[test]
fn plural_titles_never_take_one_earlier_holder() {
    let (d, e) = run("رحب الرئيس الأذربيجاني بالضيوف. وناقش القادة خطة السلام.", (2021, 11, 26));
    assert!(e.iter().all(|x| d.slice(x.span) != "القادة"), "{}", show(&d, &e));
}

#[test]
fn prefixed_lam_article_stays_whole() {
    let (d, e) = run("وجهت الحكومة رسالة للمجموعة السياسية الأوروبية وأخرى للأمم المتحدة.", (2022, 11, 1));
    assert!(e.iter().any(|x| d.slice(x.span) == "للأمم المتحدة"), "{}", show(&d, &e));
    assert!(e.iter().any(|x| d.slice(x.span) == "للمجموعة السياسية الأوروبية"), "{}", show(&d, &e));
    let (d, e) = run("وبالأمم المتحدة يثق الجميع.", (2022, 11, 1));
    assert!(e.iter().any(|x| d.slice(x.span) == "الأمم المتحدة"), "{}", show(&d, &e));
}

#[test]
fn people_win_over_places_and_adjectives() {
    let (d, e) = run("ألقى باراك أوباما خطابا طويلا، ثم قال أوباما إن التغيير ممكن.", (2010, 5, 1));
    assert_eq!(find(&d, &e, "باراك أوباما").kind, EntityKind::Person, "{}", show(&d, &e));
    assert_eq!(find(&d, &e, "أوباما").kind, EntityKind::Person, "{}", show(&d, &e));
    // "الأمير تركي" is a prince named Turki, not the Turkish emir (or president).
    let (d, e) = run("استقبل الأمير تركي الوفد في قصره.", (2010, 5, 1));
    assert!(e.iter().all(|x| x.country.as_deref() != Some("TUR")), "{}", show(&d, &e));
    let (d, e) = run("صافح الأمير التركي الوفد.", (2010, 5, 1));
    assert!(e.iter().all(|x| x.name != "Recep Tayyip Erdoğan"), "{}", show(&d, &e));
}

#[test]
fn added_names_and_title_only_forms() {
    let (d, e) = run("قال بوتن إن الغرب يتجاهل مخاوف بلاده.", (2021, 12, 1));
    assert_eq!(find(&d, &e, "بوتن").name, "Vladimir Putin", "{}", show(&d, &e));
    let (d, e) = run("وعدت رئيسة الوزراء البريطانية ماي بإجراء تصويت جديد في ماي المقبل.", (2019, 3, 1));
    let p = find(&d, &e, "رئيسة الوزراء البريطانية ماي");
    assert_eq!(p.name, "Theresa May", "{}", show(&d, &e));
    assert_eq!(e.iter().filter(|x| x.name == "Theresa May").count(), 1, "{}", show(&d, &e));
    let (d, e) = run("أشرف الزعيم الكوري الشمالي كيم على تجربة صاروخية.", (2019, 3, 1));
    assert_eq!(find(&d, &e, "الزعيم الكوري الشمالي كيم").name, "Kim Jong-un", "{}", show(&d, &e));
    let (d, e) = run("قال الرئيس الفلسطيني عباس إن الحوار مستمر. وزار عباس المحل صباحا.", (2019, 3, 1));
    assert_eq!(find(&d, &e, "الرئيس الفلسطيني عباس").name, "Mahmoud Abbas", "{}", show(&d, &e));
    assert_eq!(e.iter().filter(|x| x.name == "Mahmoud Abbas").count(), 1, "{}", show(&d, &e));
    let (d, e) = run("التقى بوريس جونسون نظيره الفرنسي في لندن.", (2020, 2, 1));
    assert_eq!(find(&d, &e, "بوريس جونسون").code.as_deref(), Some("GBRGOV"), "{}", show(&d, &e));
    let (d, e) = run("زار الرئيس مون جاي إن الحدود.", (2019, 3, 1));
    assert!(e.iter().any(|x| x.name == "Moon Jae-in"), "{}", show(&d, &e));
}

#[test]
fn noisy_agent_words_alone_are_not_actors() {
    let (d, e) = run("هبطت الطائرة بسلام، وأعلنت شركة ناشئة عن منتج، وتخرج شخص من جامعة محلية.", (2020, 1, 1));
    assert!(e.is_empty(), "{}", show(&d, &e));
}

#[test]
fn odd_clitic_runs_never_panic() {
    for text in ["وللل", "فلل ول لل", "وكك فكك بب", "ولل\u{64e}\u{651}", "و", "لل", "وللأ", "ب\u{200d}ل", "ولل😀مم"]
    {
        let (_, e) = run(text, (2020, 1, 1));
        assert!(e.iter().all(|x| x.span.start <= x.span.end));
    }
}
