//! Portfolio CSV → indicators and targets: bad rows are reported, never a crash, and every
//! row is either counted or reported.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::Catalog;
use ocop_core::portfolio::{TargetSet, read_portfolio_csv};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(portfolio) = read_portfolio_csv(text) else { return };
    let on = jiff::civil::date(2026, 11, 23);
    for name in TargetSet::BUNDLED {
        let targets = TargetSet::bundled(name).expect("bundled");
        let Ok(report) = Catalog::builtin().portfolio(&portfolio, on, 180, Some(&targets)) else {
            panic!("the built-in targets are valid");
        };
        assert_eq!(report.targets.len(), targets.targets.len());
    }
    let Ok(report) = Catalog::builtin().portfolio(&portfolio, on, 180, None) else {
        panic!("no targets, nothing to refuse");
    };
    let recognised = portfolio.products.iter().filter(|p| p.recognised()).count();
    assert_eq!(report.products as usize, recognised);
    let by_stars: u32 = report.by_stars.iter().map(|c| c.count).sum();
    assert_eq!(by_stars, report.products);
});
