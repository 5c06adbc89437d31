//! The `ocop` command as an officer runs it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may panic

mod common;

use common::ocop;
use sha2::{Digest, Sha256};

#[test]
fn the_canonical_json_is_what_the_content_hash_is_taken_over() {
    for id in ["26/2026", "148/2023"] {
        let (canonical, _, code) = ocop(&["catalog", "--edition", id, "--canonical"]);
        assert_eq!(code, 0);
        let hex: String = Sha256::digest(canonical.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let (json, _, _) = ocop(&["catalog", "--edition", id, "--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["contentHash"], format!("sha256:{hex}"), "{id}");
    }
}

#[test]
fn the_main_job_prints_75_points_held_at_3_stars() {
    let (page, _, code) = ocop(&["score", "--example", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        page.contains("Total 75/100 · band ★★★★ · awarded ★★★ · certifiable"),
        "{page}"
    );
    assert!(
        page.contains("Plan for 4★: change 1 criteria, +2 points"),
        "{page}"
    );
    let (json, _, _) = ocop(&["score", "--example", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["type"], "success");
    assert_eq!(
        (
            value["result"]["total"].as_str(),
            value["result"]["stars"].as_u64()
        ),
        (Some("75"), Some(3))
    );
}

#[test]
fn a_refused_input_prints_its_code_and_path_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("ocop-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(&file, r#"{"productSet":"nine","subjectType":"bank"}"#).unwrap();
    let (out, err, code) = ocop(&["score", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    assert!(err.contains("error WRONG_TYPE at /productSet"), "{err}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["type"], "failure");
    assert_eq!(value["errors"][1]["code"], "UNKNOWN_SUBJECT_TYPE");
}

#[test]
fn the_sheet_shows_its_markers_and_no_asterisk_in_a_label() {
    let (page, _, code) = ocop(&["catalog", "--edition", "26/2026", "--set", "3"]);
    assert_eq!(code, 0);
    let b51: Vec<&str> = page
        .lines()
        .skip_while(|l| !l.contains("B5.1"))
        .take(8)
        .collect();
    let top = b51
        .iter()
        .position(|l| l.trim_start().starts_with("4 5 ****"))
        .expect("the 5-point option marked 4★");
    assert!(
        b51[top + 1].contains("truy xuất nguồn gốc điện tử"),
        "{b51:?}"
    );
    assert!(!page.contains("* * * *"));
    let (page, _, _) = ocop(&[
        "catalog",
        "--edition",
        "26/2026",
        "--set",
        "10",
        "--lang",
        "en",
    ]);
    assert!(
        page.contains("Values in doubt (kept as printed):"),
        "{page}"
    );
}
