//! docs/errors.md carries the error table generated from the code, so that the bindings and
//! their users read the same table.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may panic

#[test]
fn docs_errors_md_has_the_current_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/errors.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- table:start -->\n", "<!-- table:end -->");
    let from = doc.find(start).expect("table start marker") + start.len();
    let to = doc.find(end).expect("table end marker");
    let expected = ocop_core::error::error_table_markdown();
    // `OCOP_BLESS=1 cargo test -p ocop-core --test error_table` rewrites the table.
    if std::env::var_os("OCOP_BLESS").is_some() {
        let updated = format!("{}{expected}{}", &doc[..from], &doc[to..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        &doc[from..to],
        expected,
        "docs/errors.md is out of date; replace the table with:\n{expected}"
    );
}
