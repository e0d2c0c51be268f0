//! The coder on documents whose entity, time and number layers are filled by hand.

use hadath_events::annotate_events;
use hadath_text::{
    Counted, DateBasis, Document, Entity, EntityKind, EventStatus, NumberKind, NumberMention, Paragraph, ParagraphKind,
    Precision, Span, TimeKind, TimeMention, TimexValue,
};

fn doc(text: &str) -> Document {
    let mut d = Document::new("hand", text);
    d.paragraphs =
        vec![Paragraph { span: Span::new(0, text.len()), kind: ParagraphKind::Body, lang: hadath_text::Lang::Arabic }];
    hadath_text::segment::segment_document(&mut d);
    d
}

fn span_of(d: &Document, part: &str) -> Span {
    let start = d.text.find(part).unwrap_or_else(|| panic!("{part} not in text"));
    Span::new(start, start + part.len())
}

fn entity(d: &mut Document, part: &str, kind: EntityKind, code: &str, country: &str) {
    let span = span_of(d, part);
    d.entities.push(Entity {
        span,
        kind,
        name: part.to_string(),
        code: Some(code.to_string()),
        country: Some(country.to_string()),
        sector: None,
        role: None,
        lat: (kind == EntityKind::Place).then_some(41.7),
        lon: (kind == EntityKind::Place).then_some(44.8),
        lexicon_id: None,
    });
    d.entities.sort_by_key(|e| e.span.start);
}

#[test]
fn svo_clash_with_hand_layers() {
    let text = "اشتبكت القوات الجورجية مع المسلحين في تبليسي يوم الأحد، ما أسفر عن مقتل 12 شخصا.";
    let mut d = doc(text);
    entity(&mut d, "القوات الجورجية", EntityKind::Group, "GEOMIL", "GEO");
    entity(&mut d, "تبليسي", EntityKind::Place, "GEO", "GEO");
    let t = span_of(&d, "يوم الأحد");
    d.times.push(TimeMention {
        span: t,
        kind: TimeKind::Date,
        value: Some(TimexValue::Single("2008-08-10".into())),
        precision: Precision::Day,
        basis: DateBasis::Relative,
        range: None,
    });
    let n = span_of(&d, "12");
    let noun = span_of(&d, "شخصا");
    d.numbers.push(NumberMention {
        span: n,
        kind: NumberKind::Cardinal,
        value: 12.0,
        min: Some(12),
        max: Some(12),
        counted: Some((noun, Counted::People)),
    });
    annotate_events(&mut d);
    let e = d.events.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert_eq!(e.status, EventStatus::Occurred);
    assert_eq!(e.source.first().and_then(|a| a.code.as_deref()), Some("GEOMIL"));
    assert_eq!(e.date.value.as_deref(), Some("2008-08-10"));
    assert_eq!(e.location.as_ref().map(|l| l.span), Some(span_of(&d, "تبليسي")));
    assert_eq!(e.killed.as_ref().map(|k| (k.min, k.max)), Some((12, Some(12))));
}

#[test]
fn passive_target_with_hand_layers() {
    let text = "أطلقت النار على عناصر من الشرطة الأردنية قرب الحدود، وقال الناطق إن أحدا لم يصب.";
    let mut d = doc(text);
    entity(&mut d, "الشرطة الأردنية", EntityKind::Group, "JORCOP", "JOR");
    annotate_events(&mut d);
    let e = d.events.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert_eq!(e.target.first().and_then(|a| a.code.as_deref()), Some("JORCOP"), "{e:#?}");
    assert!(e.source.is_empty());
}
