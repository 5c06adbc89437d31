//! Runs the README's Rust example against the packaged ocop-core and checks its answer.
//! Run from the repository root (the example reads `ocop-cli/src/example.json`).

include!(concat!(env!("OUT_DIR"), "/readme_example.rs"));

/// The CLI's example: 75 points, in the 4★ band but held at 3★ by the marker on B5.1.
/// The one place that knows the report's shape.
fn check(report: &ocop_core::ScoreReport) -> Result<(), String> {
    let got = (
        report.total.to_string(),
        report.stars,
    );
    if got == ("75".to_owned(), Some(3)) {
        Ok(())
    } else {
        Err(format!("expected 75 points and 3 stars, got {got:?}"))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let report = readme_example()?;
    check(&report)?;
    println!("packaged ocop-core: the README example scores 75 points, 3 stars");
    Ok(())
}
