//! Who recognises a rated product and where its dossier goes next, by edition and date:
//! under 148 before 6 July 2025 the district recognises 3★ and forwards 70+ to the province
//! (4★), which forwards 90+ to the centre (5★); under 148 as amended by 1489, and under
//! 26/2026, the province recognises 3★ and 4★ and forwards 90+ to the Ministry (5★). The
//! levels, thresholds and authorities are data in each edition.

use serde::{Deserialize, Serialize};

use crate::catalog::model::{CouncilLevel, Level};
use crate::catalog::text::{Str, Text};
use crate::evaluation::Resolved;
use crate::scoring::TotalBasis;

/// Recognition and the next step for a scored product.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Recognition {
    /// The procedure that applied (e.g. `26-2026`, `148-three-level`).
    pub procedure: Str,
    /// The council level that scored.
    pub level: Level,
    /// That council's name.
    pub council: Text,
    /// The level that recognises the stars awarded, if they are certified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognised_at: Option<Level>,
    /// Who signs that recognition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognised_by: Option<Text>,
    /// The scoring level itself recognises the stars awarded.
    pub decided_here: bool,
    /// The dossier goes on to this level (its total reached the threshold).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forward_to: Option<Level>,
    /// Months a certificate is valid, when one is issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_months: Option<u8>,
    /// What happens next, in plain words.
    pub next_step: Text,
    /// What the commune assesses before the council (Mẫu 03), where the procedure says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commune_assesses: Vec<Text>,
}

/// `stars` is `None` when the product is not rated (stopped or rejected).
pub(crate) fn recognition(r: &Resolved<'_>, stars: Option<u8>, total: &TotalBasis) -> Recognition {
    let rating = &r.edition.data().rating;
    let months = r.edition.data().certificate.validity_months;
    let levels: &[CouncilLevel] = r.procedure.map_or(&[], |p| p.levels.as_slice());
    let here = levels.iter().find(|l| l.level == r.level);
    let certified = stars.filter(|s| *s >= rating.certified_from_star);
    let recogniser = certified.and_then(|s| levels.iter().find(|l| l.recognises.contains(&s)));
    let forward = match (
        stars,
        here.and_then(|h| h.forwards_to.zip(h.forward_min_total)),
    ) {
        (Some(_), Some((to, min))) if total.reaches(min) => {
            levels.iter().find(|l| l.level == to).map(|l| (l, min))
        }
        _ => None,
    };
    let decided_here = recogniser.is_some_and(|l| l.level == r.level);
    let next_step = next_step(
        stars,
        certified,
        recogniser,
        decided_here,
        forward,
        here,
        months,
    );
    Recognition {
        procedure: r.procedure.map(|p| p.id.clone()).unwrap_or_default(),
        level: r.level,
        council: here.map(|h| h.name.clone()).unwrap_or_default(),
        recognised_at: recogniser.map(|l| l.level),
        recognised_by: recogniser.map(|l| l.recognised_by.clone()),
        decided_here,
        forward_to: forward.map(|(l, _)| l.level),
        certificate_months: certified.map(|_| months),
        next_step,
        commune_assesses: r
            .procedure
            .map(|p| p.commune_assesses.clone())
            .unwrap_or_default(),
    }
}

fn next_step(
    stars: Option<u8>,
    certified: Option<u8>,
    recogniser: Option<&CouncilLevel>,
    decided_here: bool,
    forward: Option<(&CouncilLevel, u8)>,
    here: Option<&CouncilLevel>,
    months: u8,
) -> Text {
    let Some(stars) = stars else {
        return Text::new(
            "Không xếp hạng, không công nhận.",
            "Not rated: no recognition.",
        );
    };
    let mut vi = Vec::new();
    let mut en = Vec::new();
    match (certified, recogniser) {
        (None, _) => {
            vi.push(format!(
                "Đạt {stars} sao: không ban hành quyết định công nhận, không cấp giấy chứng nhận."
            ));
            en.push(format!(
                "{stars} stars: no recognition decision and no certificate."
            ));
        }
        (Some(s), Some(l)) if decided_here => {
            vi.push(format!(
                "{} công nhận {s} sao và cấp giấy chứng nhận có giá trị {months} tháng.",
                l.recognised_by.vi
            ));
            en.push(format!(
                "The {} recognises {s} stars and issues a certificate valid for {months} months.",
                lower_first(&l.recognised_by.en)
            ));
        }
        (Some(s), Some(l)) => match here
            .and_then(|h| h.below_threshold.as_ref())
            .filter(|_| forward.is_none())
        {
            Some(text) => {
                vi.push(text.vi.to_string());
                en.push(text.en.to_string());
            }
            None if forward.is_none() => {
                vi.push(format!("{s} sao do {} công nhận.", l.recognised_by.vi));
                en.push(format!(
                    "{s} stars are recognised by the {}.",
                    lower_first(&l.recognised_by.en)
                ));
            }
            None => {}
        },
        (Some(_), None) => {}
    }
    if let Some((to, min)) = forward {
        vi.push(format!(
            "Đạt từ {min} điểm: chuyển hồ sơ lên {} để đánh giá, phân hạng.",
            lower_first(&to.name.vi)
        ));
        en.push(format!(
            "{min} points or more: the dossier goes to the {} for evaluation.",
            lower_first(&to.name.en)
        ));
    }
    Text::new(vi.join(" "), en.join(" "))
}

/// "Provincial OCOP council" → "provincial OCOP council" inside a sentence.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
