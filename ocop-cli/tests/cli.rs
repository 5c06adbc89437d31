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

#[test]
fn the_example_carries_over_to_26_2026() {
    let (page, _, code) = ocop(&[
        "carry-over",
        "--example",
        "--issued",
        "2024-03-15",
        "--on",
        "2026-11-23",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0);
    assert!(page.contains("product set 9: 148/2023 → 26/2026"), "{page}");
    assert!(
        page.contains(
            "Before: 74 points ★★★ · Reachable: 37–88 points, ★★–★★★ (16 criteria to answer)"
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "B4.2 ← B4b Distribution organisation (max, points) — option 2: 3 → 2 points"
        ),
        "{page}"
    );
    assert!(page.contains("A2.4 new "), "{page}");
    // The window (26/2026 Điều 7.6): 180 to 120 days before expiry on 15/03/2027.
    assert!(
        page.contains("Re-evaluation window: 16/09/2026 – 15/11/2026"),
        "{page}"
    );
    let (json, _, _) = ocop(&["carry-over", "--example", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["result"]["toAnswer"].as_array().unwrap().len(), 16);
}

#[test]
fn a_stamp_made_verifies_and_a_wrong_claim_exits_1() {
    let (made, _, code) = ocop(&[
        "stamp",
        "make",
        concat!(env!("CARGO_MANIFEST_DIR"), "/src/example.json"),
    ]);
    assert_eq!(code, 0);
    let stamp = made.lines().next().unwrap();
    assert_eq!(stamp, "OCOP-BAGRUJLANRLUREZPQDSHD5SMONZFWJESZDPIAYID");
    let (page, _, code) = ocop(&["stamp", "verify", stamp, "--stars", "3", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        page.starts_with("✓ The stars follow from the answers under the rules."),
        "{page}"
    );
    assert!(page.contains("not who issued it"), "{page}");
    let (page, _, code) = ocop(&["stamp", "verify", stamp, "--stars", "4", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        page.contains("the stamp claims ★★★★, recomputed ★★★"),
        "{page}"
    );
    let (_, err, code) = ocop(&["stamp", "verify", "OCOP-ABC"]);
    assert_eq!(code, 1);
    assert!(err.contains("error INVALID_RESULT_CODE at /code"), "{err}");
}

#[test]
fn the_commune_s_deadline_across_tet_and_the_checklist() {
    // 15 working days from Monday 01/02/2027, across Tết Đinh Mùi (tests/cases/deadlines.json).
    let (page, _, code) = ocop(&["deadline", "--from", "2027-02-01", "--working-days", "15"]);
    assert_eq!(code, 0);
    assert!(page.starts_with("Hết hạn: 01/03/2027"), "{page}");
    let (page, _, code) = ocop(&[
        "dossier",
        "checklist",
        "--set",
        "9",
        "--filed",
        "2027-02-01",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0);
    assert!(
        page.contains("Registration form for OCOP evaluation and rating [Mẫu số 01]"),
        "{page}"
    );
    assert!(page.contains(": 01/03/2027"), "{page}");
    let (_, errors, code) = ocop(&["slip", "parse", "12-01/PĐK-3-12345-2026"]);
    assert_eq!(code, 1);
    assert!(
        errors.contains("INVALID_REGISTRATION_SLIP at /slip/province"),
        "{errors}"
    );
}

#[test]
fn forms_print_as_html_and_refuse_bad_data_with_its_path() {
    let (json, _, code) = ocop(&["form", "council", "--example", "--format", "json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let html = value["result"].as_str().unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("227 / 3 = 75.67"));
    let dir = std::env::temp_dir().join(format!("ocop-cli-forms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("mau-01.json");
    std::fs::write(&bad, r#"{"values": {"commune_received_on": "2026-02-30"}}"#).unwrap();
    let (_, errors, code) = ocop(&["form", "mau-01", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        errors.contains("INVALID_DATE at /values/commune_received_on"),
        "{errors}"
    );
    let out = dir.join("sheet.html");
    let (page, _, code) = ocop(&[
        "form",
        "sheet",
        "--example",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, page.as_str()), (0, ""));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Nguyễn Văn An")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_reader_closing_the_pipe_ends_the_output_quietly() {
    use std::io::Read as _;
    use std::process::{Command, Stdio};
    // `ocop … | head`: the reader takes a few bytes and closes the pipe. The answer (the whole
    // catalog, about 2 MB) is far larger than a pipe's buffer, so the writer must meet the
    // closed pipe; a short answer would fit in the buffer and prove nothing.
    let mut child = Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(["catalog", "--edition", "26/2026", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut start = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut start).unwrap();
    let output = child.wait_with_output().unwrap();
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{errors}");
    assert!(errors.is_empty(), "{errors}");
}
