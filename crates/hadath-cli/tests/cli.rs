//! End-to-end tests of the `hadath` binary: golden output, determinism, exit codes, bad input.
//!
//! Golden files live in `tests/golden/`; run with `HADATH_BLESS=1` to rewrite them after an
//! intended change, then review the diff.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn hadath() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hadath"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

fn run(args: &[&str]) -> Output {
    hadath().args(args).current_dir(repo_root()).output().expect("run hadath")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = hadath()
        .args(args)
        .current_dir(repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hadath");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("wait hadath")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hadath-cli-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Compares `actual` with a golden file, or rewrites it when HADATH_BLESS is set.
fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("HADATH_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("golden dir");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden file {}; run with HADATH_BLESS=1", path.display()));
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(a, b)| a != b);
        panic!(
            "golden file {} differs (first differing line: {:?}); rerun with HADATH_BLESS=1 if intended",
            path.display(),
            first.map(|i| i + 1)
        );
    }
}

#[test]
fn examples_events_golden() {
    let out = run(&["code", "--threads", "1", "examples"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    check_golden("examples.events.jsonl", &String::from_utf8(out.stdout).expect("utf-8"));
}

#[test]
fn examples_documents_golden() {
    let out = run(&["code", "--threads", "1", "--emit", "documents", "examples"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        assert!(v["id"].is_string());
    }
    check_golden("examples.documents.jsonl", &text);
}

#[test]
fn output_is_identical_for_any_thread_count() {
    for emit in ["events", "documents"] {
        let one = run(&["code", "--threads", "1", "--emit", emit, "examples"]);
        let two = run(&["code", "--threads", "2", "--emit", emit, "examples"]);
        let again = run(&["code", "--threads", "2", "--emit", emit, "examples"]);
        assert_eq!(one.stdout, two.stdout, "--emit {emit}: 1 vs 2 threads");
        assert_eq!(two.stdout, again.stdout, "--emit {emit}: two runs");
    }
}

#[test]
fn table_formats_have_phoenix_column_order() {
    for (format, sep) in [("tsv", '\t'), ("csv", ',')] {
        let out = run(&["code", "--format", format, "examples"]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let header: Vec<&str> = text.lines().next().expect("header").split(sep).collect();
        assert_eq!(&header[..4], &["date", "source", "target", "cameo"]);
    }
}

#[test]
fn exit_status_two_for_bad_command_line_and_missing_path() {
    assert_eq!(run(&["code", "--no-such-option"]).status.code(), Some(2));
    assert_eq!(run(&["code", "/no/such/path/at/all"]).status.code(), Some(2));
    assert_eq!(run(&["code", "--published", "2020-13-45", "examples"]).status.code(), Some(2));
}

#[test]
fn stdin_is_read_with_dash_or_no_path() {
    let text = "قال وزير الخارجية إن المحادثات ستستأنف في موسكو.\n".as_bytes();
    for args in [&["code", "--emit", "documents", "-"][..], &["code", "--emit", "documents"][..]] {
        let out = run_stdin(args, text);
        assert_eq!(out.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
        assert!(v["id"].is_string());
    }
}

#[test]
fn bad_inputs_give_diagnostics_and_every_good_document() {
    let dir = temp_dir("bad");
    let good = "أعلنت الحكومة أمس عن اتفاق جديد مع جيرانها.\n";
    std::fs::write(dir.join("a-good.txt"), good).expect("write");
    std::fs::write(dir.join("b-binary.txt"), [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 255, 0, 7]).expect("write");
    let mut invalid = "خبر عاجل: ".as_bytes().to_vec();
    invalid.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    invalid.extend_from_slice("اجتمع الوزيران في باريس.\n".as_bytes());
    std::fs::write(dir.join("c-invalid-utf8.txt"), invalid).expect("write");
    std::fs::write(dir.join("d-empty.txt"), "").expect("write");
    let jsonl = format!(
        "{}\n{{broken json\n{{\"id\": \"n\", \"text\": 42}}\n{}\n",
        serde_json::json!({"id": "j1", "text": good}),
        serde_json::json!({"id": "j2", "text": good, "published": "2022-11-25"})
    );
    std::fs::write(dir.join("e-lines.jsonl"), jsonl).expect("write");
    std::fs::write(dir.join("f-fake.txt.gz"), b"this is not gzip at all").expect("write");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(good.repeat(200).as_bytes()).expect("gzip");
    let gz = gz.finish().expect("gzip");
    std::fs::write(dir.join("g-truncated.txt.gz"), &gz[..gz.len() / 2]).expect("write");
    std::fs::write(dir.join("h-broken.warc"), b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
        .expect("write");
    std::fs::write(dir.join("z-good.txt"), good).expect("write");

    let out = run(&["code", "--emit", "documents", dir.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let docs: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["id"].as_str()).collect();
    for want in ["a-good.txt", "z-good.txt", "j1", "j2", "c-invalid-utf8.txt"] {
        assert!(ids.contains(&want), "missing good document {want} in {ids:?}");
    }
    let j2 = docs.iter().find(|d| d["id"] == "j2").expect("j2");
    assert_eq!(j2["published"]["value"], "2022-11-25");
    assert_eq!(j2["published"]["basis"], "metadata");
    assert!(!out.stderr.is_empty(), "diagnostics on stderr");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_span_slices_the_original_text() {
    let out = run(&["code", "--emit", "documents", "--threads", "1", "examples"]);
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let root = repo_root().join("examples");
    for line in stdout.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let id = doc["id"].as_str().expect("id");
        // Only plain-text files keep their file content as the document text.
        if !id.ends_with(".txt") {
            continue;
        }
        let Ok(original) = std::fs::read_to_string(root.join(id)) else { continue };
        let chars: Vec<char> = original.chars().collect();
        let mut checked = 0;
        let mut check = |v: &serde_json::Value| {
            if let (Some(s), Some(e), Some(t)) = (v["start"].as_u64(), v["end"].as_u64(), v["text"].as_str()) {
                let got: String = chars[s as usize..e as usize].iter().collect();
                assert_eq!(got, t, "{id}: span {s}..{e}");
                checked += 1;
            }
        };
        for layer in ["entities", "times", "numbers", "quotes"] {
            for item in doc[layer].as_array().into_iter().flatten() {
                check(item);
            }
        }
        for ev in doc["events"].as_array().into_iter().flatten() {
            check(&ev["evidence"]);
            for role in ["source", "target", "mediator"] {
                for a in ev[role].as_array().into_iter().flatten() {
                    check(a);
                }
            }
        }
        let _ = checked;
    }
}

fn shared_seeds() -> Option<PathBuf> {
    let p = repo_root().join("../shared/seeds");
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipped: data pack not found");
        None
    }
}

#[test]
fn seeds_publication_dates_and_spans() {
    let Some(seeds) = shared_seeds() else { return };
    let out = run(&["code", "--emit", "documents", "--threads", "1", seeds.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let docs: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert_eq!(docs.len(), 5);
    let published = |prefix: &str| -> serde_json::Value {
        docs.iter().find(|d| d["id"].as_str().is_some_and(|i| i.starts_with(prefix))).expect("seed")["published"]
            ["value"]
            .clone()
    };
    let p000 = published("000_");
    assert!(p000 == "2021-12-15" || p000 == "2021-12-16", "seed 000 published {p000}");
    assert_eq!(published("001_"), "2020-10-09");
    for s in ["002_", "003_", "004_"] {
        assert!(published(s).is_null(), "seed {s} must have no publication date");
    }
    for doc in &docs {
        let id = doc["id"].as_str().expect("id");
        let original = std::fs::read_to_string(seeds.join(id)).expect("seed text");
        let chars: Vec<char> = original.chars().collect();
        for layer in ["entities", "times", "numbers", "quotes"] {
            for item in doc[layer].as_array().into_iter().flatten() {
                let (s, e) =
                    (item["start"].as_u64().expect("start") as usize, item["end"].as_u64().expect("end") as usize);
                let got: String = chars[s..e].iter().collect();
                assert_eq!(Some(got.as_str()), item["text"].as_str(), "{id} {layer} {s}..{e}");
            }
        }
    }
}

/// A document whose analysis panics yields a diagnostic and exit status 1 while the others are
/// still coded, on one worker and on several (the panic is asked for through a hook that only
/// debug builds have).
#[test]
fn a_panicking_document_yields_a_diagnostic_and_the_others_go_on() {
    let dir = temp_dir("panic");
    let input = dir.join("three.jsonl");
    let line = |id: &str| {
        format!(
            "{{\"id\": \"{id}\", \"text\": \"اشتبكت قوات الأمن مع مسلحين في بلدة حدودية أمس، ما أسفر عن مقتل أربعة منهم.\"}}\n"
        )
    };
    std::fs::write(&input, [line("first"), line("broken"), line("third")].concat()).expect("write input");
    for threads in ["1", "2"] {
        let mut child = hadath()
            .args(["code", "--threads", threads, "--published", "2024-05-02"])
            .arg(&input)
            .env("HADATH_TEST_PANIC_ON", "broken")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn hadath");
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait hadath") {
                break status;
            }
            if started.elapsed() > std::time::Duration::from_secs(60) {
                let _ = child.kill();
                panic!("hadath code --threads {threads} hung on a panicking document");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let out = child.wait_with_output().expect("output");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(status.code(), Some(1), "threads {threads}: {stderr}");
        assert!(stderr.contains("broken: error internal-error"), "threads {threads}: {stderr}");
        assert!(stdout.contains("\"doc\":\"first\"") || stdout.contains("\"doc\": \"first\""), "{stdout}");
        assert!(stdout.contains("\"doc\":\"third\"") || stdout.contains("\"doc\": \"third\""), "{stdout}");
        assert!(!stdout.contains("\"doc\":\"broken\"") && !stdout.contains("\"doc\": \"broken\""), "{stdout}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
