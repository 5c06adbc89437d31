//! Runs the shared golden cases on the Rust core and prints each case's result, a
//! `N passed, N failed` line and the digest that every binding must reproduce.
//!
//! `cargo run -q -p ocop-conformance --bin ocop-cases [-- --quiet]`

use std::path::Path;
use std::process::ExitCode;

use ocop_conformance::{digest, load_cases, run};
use ocop_core::Catalog;

fn main() -> ExitCode {
    let quiet = std::env::args().any(|a| a == "--quiet");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let cases = match load_cases(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut lines = Vec::new();
    let mut failed = 0;
    for case in &cases {
        let got = run(Catalog::builtin(), case);
        let ok = got == case.expect;
        failed += usize::from(!ok);
        if !quiet || !ok {
            println!("{} {}", if ok { "ok  " } else { "FAIL" }, case.name);
        }
        if !ok {
            println!("     expected {}\n     got      {got}", case.expect);
        }
        lines.push(format!("{} {got}", case.name));
    }
    println!("{} passed, {failed} failed", cases.len() - failed);
    println!("digest {}", digest(&lines));
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
