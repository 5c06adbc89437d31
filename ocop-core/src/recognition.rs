//! Who recognises a rated product and where its dossier goes next, by edition and date:
//! under 148 before 6 July 2025 the district recognises 3★ and forwards 70+ to the province
//! (4★), which forwards 90+ to the centre (5★); under 148 as amended by 1489, and under
//! 26/2026, the province recognises 3★ and 4★ and forwards 90+ to the Ministry (5★). The
//! levels, thresholds and authorities are data in each edition; the next step in words is in
//! the labelled report ([`crate::explain`]).

use serde::{Deserialize, Serialize};

use crate::catalog::model::{CouncilLevel, Level};
use crate::evaluation::Resolved;
use crate::rating::TotalBasis;
use crate::text::Str;

/// Recognition and the next step for a scored product.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Recognition {
    /// The procedure that applied (e.g. `26-2026`, `148-three-level`).
    pub procedure: Str,
    /// The council level that scored.
    pub level: Level,
    /// The level that recognises the stars awarded, if they are certified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognised_at: Option<Level>,
    /// The scoring level itself recognises the stars awarded.
    pub decided_here: bool,
    /// The dossier goes on to this level (its total reached the threshold).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forward_to: Option<Level>,
    /// Months a certificate is valid, when one is issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_months: Option<u8>,
}

/// `stars` is `None` when the product is not rated (stopped or rejected).
pub(crate) fn recognition(r: &Resolved<'_>, stars: Option<u8>, total: &TotalBasis) -> Recognition {
    let data = r.edition.data();
    let levels: &[CouncilLevel] = r.procedure.map_or(&[], |p| p.levels.as_slice());
    let here = levels.iter().find(|l| l.level == r.level);
    let certified = stars.filter(|s| *s >= data.rating.certified_from_star);
    let recogniser = certified.and_then(|s| levels.iter().find(|l| l.recognises.contains(&s)));
    // Forwarding is on the total alone ("đạt từ 90 trở lên"), even when markers cap the stars.
    let forward_to = match (
        stars,
        here.and_then(|h| h.forwards_to.zip(h.forward_min_total)),
    ) {
        (Some(_), Some((to, min))) if total.reaches(min) => Some(to),
        _ => None,
    };
    Recognition {
        procedure: r.procedure.map(|p| p.id.clone()).unwrap_or_default(),
        level: r.level,
        recognised_at: recogniser.map(|l| l.level),
        decided_here: recogniser.is_some_and(|l| l.level == r.level),
        forward_to,
        certificate_months: certified.map(|_| data.certificate.validity_months),
    }
}
