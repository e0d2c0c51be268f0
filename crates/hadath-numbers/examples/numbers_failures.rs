//! Prints failing Recognizers number cases with predictions: `cargo run -p hadath-numbers --example numbers_failures [SPEC] [all]`.

use hadath_numbers::eval::{predict, same_value};

fn main() {
    let spec_filter = std::env::args().nth(1).unwrap_or_default();
    let all = std::env::args().nth(2).is_some();
    let Ok(text) = std::fs::read_to_string("../shared/data/number/recognizers-ar.jsonl") else {
        eprintln!("skipped: data pack not found");
        return;
    };
    for line in text.lines() {
        let Ok(case) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let spec =
            case["source_file"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").trim_end_matches(".json");
        if !spec_filter.is_empty() && spec != spec_filter {
            continue;
        }
        let soft = ["ignore_resolution", "dotnet_not_supported", "span_mismatch"]
            .iter()
            .any(|k| case[*k].as_bool().unwrap_or(false));
        if soft && !all {
            continue;
        }
        let sentence = case["text"].as_str().unwrap_or("");
        let items = predict(spec, sentence);
        let got: Vec<String> = items.iter().map(|i| format!("{}..{}={}", i.start, i.end, i.value)).collect();
        let want: Vec<String> = case["expected"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        format!(
                            "{}..{}={}",
                            e["start"],
                            e["end"],
                            e["value"]["value"].as_str().map(String::from).unwrap_or(e["value"]["value"].to_string())
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let values: Vec<String> = case["expected"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| e["value"]["value"].as_str().map(String::from).unwrap_or(e["value"]["value"].to_string()))
                    .collect()
            })
            .unwrap_or_default();
        let value_ok = items.len() == values.len() && items.iter().zip(&values).all(|(p, e)| same_value(&p.value, e));
        if !value_ok {
            println!("{} {}\n   got  {:?}\n   want {:?}", case["id"].as_str().unwrap_or(""), sentence, got, want);
        }
    }
}
