//! Copies the Rust example of the repository's README.md ("Quick start", the block after
//! `**Rust**`) into a function, so the consumer runs exactly what the README shows.

use std::{env, fs, path::Path};

fn main() {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../README.md");
    println!("cargo::rerun-if-changed={}", readme.display());
    let text = fs::read_to_string(&readme).expect("README.md of the repository");
    let after = text
        .split_once("**Rust**")
        .expect("a **Rust** example in README.md")
        .1;
    let block = after.split_once("```rust\n").expect("a ```rust block").1;
    let code = block.split_once("```").expect("the end of the block").0;
    let (uses, body): (Vec<&str>, Vec<&str>) = code.lines().partition(|l| l.starts_with("use "));
    let out = format!(
        "{}\n\n/// The README's Rust example, as written there; its last binding is `report`.\n\
         fn readme_example() -> Result<ocop_core::ScoreReport, Box<dyn std::error::Error>> {{\n{}\n    Ok(report)\n}}\n",
        uses.join("\n"),
        body.iter()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&out_dir).join("readme_example.rs"), out).expect("write the example");
}
