//! Running the `ocop` command as an officer does, and a scratch folder per test.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

use std::path::{Path, PathBuf};
use std::process::Command;

/// `ocop args…`: standard output, standard error and the exit code.
pub(crate) fn ocop(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// A fresh folder for the test `name`.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ocop-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `path` as a `&str` argument.
pub(crate) fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The example evaluation's answers (the fish-sauce cooperative, product set 9).
pub(crate) fn example_answers() -> serde_json::Map<String, serde_json::Value> {
    let e: serde_json::Value =
        serde_json::from_str(include_str!("../../src/example.json")).unwrap();
    e["answers"].as_object().unwrap().clone()
}
