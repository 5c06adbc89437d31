//! Every request's reader, fed the same bytes: each gives a typed value or typed errors (never a
//! crash), each answer is the core's, and serde reads exactly what the reader reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::certificate::CertificateInput;
use ocop_core::requests::{
    DossierRulesRequest, PortfolioRequest, ProductCodeParts, ProductCodeRequest, RoundRequest,
};
use ocop_core::{Catalog, CarryOverRequest, CompareRequest, Input, PlanRequest, VerifyRequest};

/// The reader and serde agree: both accept, or both refuse.
fn agree<T: Input + serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    let read = T::from_json(text).ok();
    let serde = serde_json::from_str::<T>(text).ok();
    assert_eq!(read.is_some(), serde.is_some() || text.len() > ocop_core::limits::MAX_INPUT_BYTES);
    read
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalog = Catalog::builtin();
    if let Some(r) = agree::<PlanRequest>(text) {
        let _ = catalog.plan(&r);
    }
    if let Some(r) = agree::<CompareRequest>(text) {
        let _ = catalog.compare(&r);
    }
    if let Some(r) = agree::<CertificateInput>(text) {
        let _ = catalog.certificate(&r);
    }
    if let Some(r) = agree::<DossierRulesRequest>(text) {
        let _ = catalog.dossier_rules(&r);
    }
    if let Some(r) = agree::<RoundRequest>(text) {
        let _ = catalog.round_for_submission(&r);
        let _ = catalog.next_round(&r);
    }
    if let Some(r) = agree::<ProductCodeRequest>(text) {
        let _ = catalog.parse_product_code(&r);
    }
    if let Some(r) = agree::<ProductCodeParts>(text) {
        let _ = catalog.format_product_code(&r);
    }
    if let Some(r) = agree::<PortfolioRequest>(text) {
        let _ = catalog.portfolio_request(&r);
    }
    if let Some(r) = agree::<CarryOverRequest>(text) {
        if let Ok(c) = catalog.carry_over(&r) {
            assert!(c.reachable.lowest.total <= c.reachable.highest.total);
        }
    }
    if let Some(r) = agree::<VerifyRequest>(text) {
        if let Ok(v) = catalog.verify_result_code(&r) {
            assert_eq!(v.holds, v.mismatches.is_empty());
        }
    }
});
