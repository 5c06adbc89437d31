//! Portfolio CSV → indicators and targets: bad rows are reported, never a crash, and every
//! row is either counted or reported.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::Catalog;
use ocop_core::portfolio::{TargetSet, read_products_csv};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok((products, bad)) = read_products_csv(text) else { return };
    let targets = TargetSet::bundled("ha-tinh-2023-2025").expect("bundled");
    let on = jiff::civil::date(2026, 11, 23);
    let Ok(report) = Catalog::builtin().portfolio(&products, bad, on, 180, Some(&targets)) else {
        panic!("the built-in targets are valid");
    };
    assert_eq!(report.products as usize, products.len());
    let by_stars: u32 = report.by_stars.iter().map(|c| c.count).sum();
    assert_eq!(by_stars, report.products);
});
