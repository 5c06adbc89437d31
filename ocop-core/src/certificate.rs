//! Certificates over time: expiry, the re-evaluation window, the late-filing grace, revocation,
//! and which rules a pending dossier finishes under.
//!
//! Readings (see `docs/readings.md`):
//! - A certificate is valid for a number of calendar months from its day of issue, **through**
//!   the same day of the last month (clamped to that month's last day: issued 31/08/2023 →
//!   valid through 31/08/2026; issued 29/02/2024 → through 28/02/2027), as periods in months
//!   are counted by the Civil Code 2015 (Điều 147–148). `expires_on` is that last valid day.
//! - The re-evaluation window (26/2026 Điều 7.6.a) runs from 180 to 120 days before `expires_on`,
//!   both days included, under the edition in force on the expiry day.
//! - A re-evaluation filed outside the window keeps the certificate valid until the decision, at
//!   most 180 days after expiry (Điều 12.3; applied to every late filing, which the text leaves
//!   open).

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::model::{DossierKind, RevocationGround};
use crate::catalog::{Catalog, Edition};
use crate::error::{InputError, InputErrors, Problem};
use crate::read::{self, Fields, Input};
use crate::text::{Str, Text, day_month_year};

/// A certificate's facts, and the day to judge it on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertificateInput {
    /// The edition it was issued under (default: the one in force on `issued_on`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub edition: Option<String>,
    /// Day of issue (ngày ban hành quyết định công nhận).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub issued_on: Date,
    /// Stars recognised (3–5), for who revokes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub stars: Option<u8>,
    /// The day to judge it on.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub on: Date,
    /// The day a re-evaluation dossier was filed, if one was.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reevaluation_filed_on: Option<Date>,
    /// The day the re-evaluation was decided, if it was.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reevaluation_decided_on: Option<Date>,
    /// The day it was revoked, if it was.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub revoked_on: Option<Date>,
    /// Why it was revoked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub revocation_ground: Option<RevocationGround>,
}

impl Input for CertificateInput {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<CertificateInput> {
        let f = Fields::new(
            value,
            path,
            "a certificate",
            &[&[
                "edition",
                "issuedOn",
                "stars",
                "on",
                "reevaluationFiledOn",
                "reevaluationDecidedOn",
                "revokedOn",
                "revocationGround",
            ]],
            errors,
        );
        let edition = f.optional("edition", errors);
        let issued_on = f.required("issuedOn", errors);
        let stars = f.optional("stars", errors);
        let on = f.required("on", errors);
        let reevaluation_filed_on = f.optional("reevaluationFiledOn", errors);
        let reevaluation_decided_on = f.optional("reevaluationDecidedOn", errors);
        let revoked_on = f.optional("revokedOn", errors);
        let revocation_ground = f.optional("revocationGround", errors);
        Some(CertificateInput {
            edition,
            issued_on: issued_on?,
            stars,
            on: on?,
            reevaluation_filed_on,
            reevaluation_decided_on,
            revoked_on,
            revocation_ground,
        })
    }
}

read::deserialize_through_reader!(CertificateInput);

/// Where a certificate stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum CertificateState {
    /// Valid; the re-evaluation window has not opened.
    Valid,
    /// Valid, and the re-evaluation window is open now.
    ReevaluationWindowOpen,
    /// Valid, but the window closed without a filing (a late filing still earns the grace).
    WindowMissed,
    /// Valid, and a re-evaluation has been filed.
    ReevaluationFiled,
    /// Expired, but kept valid until the re-evaluation decision (filed late; Điều 12.3).
    InTransitionalGrace,
    /// No longer valid.
    Expired,
    /// Revoked.
    Revoked,
}

/// A certificate judged on a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CertificateStatus {
    /// The edition it was issued under.
    pub issued_under: Str,
    /// The edition whose rules govern its expiry and re-evaluation.
    pub rules_of: Str,
    /// Day of issue.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub issued_on: Date,
    /// Last valid day.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub expires_on: Date,
    /// The day judged.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub on: Date,
    /// Where it stands.
    pub state: CertificateState,
    /// It may be used on `on` (valid, window states, filed, or in grace).
    pub valid: bool,
    /// Days from `on` to `expires_on` (negative once expired).
    pub days_to_expiry: i32,
    /// The re-evaluation filing window, where the rules set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reevaluation_window: Option<DateWindow>,
    /// The last day of the grace, when a late filing earns it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    pub grace_until: Option<Date>,
    /// The day by which the issuer notifies the producer of expiry (148).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    pub expiry_notice_by: Option<Date>,
    /// The revocation, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revocation: Option<Revocation>,
    /// In plain words.
    pub explanation: Text,
}

/// A span of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct DateWindow {
    /// First day.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub opens_on: Date,
    /// Last day.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub closes_on: Date,
}

/// A revocation with its ground and authority.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Revocation {
    /// The day.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub revoked_on: Date,
    /// The ground, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground: Option<RevocationGround>,
    /// The article's point and wording, where the edition lists grounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground_text: Option<Text>,
    /// Who revokes (the authority that recognises those stars).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Text>,
}

/// The rules a dossier is evaluated under.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct DossierRules {
    /// The edition whose criteria and procedure apply.
    pub edition: Str,
    /// The last day to finish under them, for a dossier carried over by a transition.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    pub finish_by: Option<Date>,
    /// The article applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Str>,
}

impl Catalog {
    /// Judges a certificate on a day.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use ocop_core::certificate::{CertificateInput, CertificateState};
    /// let status = ocop_core::Catalog::builtin().certificate(&CertificateInput {
    ///     edition: None, issued_on: date(2024, 3, 15), stars: Some(4), on: date(2026, 11, 23),
    ///     reevaluation_filed_on: None, reevaluation_decided_on: None, revoked_on: None, revocation_ground: None,
    /// }).unwrap();
    /// assert_eq!(status.expires_on, date(2027, 3, 15));
    /// // The window ran from 180 to 120 days before 15/03/2027: 16/09/2026 to 15/11/2026.
    /// assert_eq!(status.state, CertificateState::WindowMissed);
    /// assert!(status.valid);
    /// ```
    pub fn certificate(&self, input: &CertificateInput) -> Result<CertificateStatus, InputErrors> {
        let mut errors = Vec::new();
        let issued_under = match &input.edition {
            Some(id) => self.find_edition(id).map_err(|e| errors.push(e)).ok(),
            None => self.edition_in_force(input.issued_on).or_else(|| {
                errors.push(InputError::at(
                    "/issuedOn",
                    Problem::NoEditionInForce(input.issued_on),
                ));
                None
            }),
        };
        for (field, day, what) in [
            ("/on", Some(input.on), "the day judged"),
            (
                "/reevaluationFiledOn",
                input.reevaluation_filed_on,
                "the day of filing",
            ),
            (
                "/reevaluationDecidedOn",
                input.reevaluation_decided_on,
                "the day of decision",
            ),
            ("/revokedOn", input.revoked_on, "the day of revocation"),
        ] {
            if day.is_some_and(|d| d < input.issued_on) {
                errors.push(InputError::at(
                    field,
                    Problem::DateBefore {
                        day: what,
                        other: "the day of issue",
                    },
                ));
            }
        }
        if let Some(s) = input.stars.filter(|s| !(1..=5).contains(s)) {
            errors.push(InputError::at(
                "/stars",
                Problem::InvalidStars(u64::from(s)),
            ));
        }
        let Some(issued_under) = issued_under else {
            return Err(InputErrors(errors));
        };
        let months = i32::from(issued_under.data().certificate.validity_months);
        let expires_on = input
            .issued_on
            .checked_add(months.months())
            .map_err(|_| InputErrors::at("/issuedOn", Problem::DateOutOfRange("the expiry")))?;
        InputErrors::or_ok(errors, ())?;
        let rules = self.edition_in_force(expires_on).unwrap_or(issued_under);
        Ok(judge(input, issued_under, rules, expires_on))
    }

    /// The edition a dossier filed on `filed_on` is evaluated under, and for a dossier carried
    /// over by a transition (26/2026 Điều 12.2), the day it must be finished by.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use ocop_core::DossierKind;
    /// use ocop_core::requests::DossierRulesRequest;
    /// let request = DossierRulesRequest { filed_on: date(2026, 5, 10), kind: DossierKind::First };
    /// let rules = ocop_core::Catalog::builtin().dossier_rules(&request).unwrap();
    /// assert_eq!(rules.edition, "148/2023");
    /// assert_eq!(rules.finish_by, Some(date(2026, 7, 21)));
    /// ```
    pub fn dossier_rules(
        &self,
        request: &DossierRulesRequest,
    ) -> Result<DossierRules, InputErrors> {
        let DossierRulesRequest { filed_on, kind } = *request;
        let edition = self
            .edition_in_force(filed_on)
            .ok_or_else(|| InputErrors::at("/filedOn", Problem::NoEditionInForce(filed_on)))?;
        // A newer edition whose transition carries this dossier over.
        let carrier = self.editions().find(|e| {
            e.data().transition.as_ref().is_some_and(|t| {
                t.replaces == edition.data().identity.id && filed_on < t.pending_filed_before
            })
        });
        let Some((newer, t)) = carrier.and_then(|e| e.data().transition.as_ref().map(|t| (e, t)))
        else {
            return Ok(DossierRules {
                edition: edition.data().identity.id.clone(),
                finish_by: None,
                basis: None,
            });
        };
        let days = match kind {
            DossierKind::First | DossierKind::Upgrade => t.first_or_upgrade_within_days,
            DossierKind::Reevaluation => t.reevaluation_within_days,
        };
        let start = newer.data().identity.effective_from;
        // Counted from the day after it took effect (Civil Code 2015, Điều 147): 22/05 + 60 days.
        let finish_by = start.checked_add(i64::from(days).days()).ok();
        Ok(DossierRules {
            edition: edition.data().identity.id.clone(),
            finish_by,
            basis: Some(t.basis.clone()),
        })
    }
}

fn judge(
    input: &CertificateInput,
    issued_under: &Edition,
    rules: &Edition,
    expires_on: Date,
) -> CertificateStatus {
    let c = &rules.data().certificate;
    let on = input.on;
    let window = c.reevaluation_window.and_then(|w| {
        let opens_on = expires_on
            .checked_sub(i64::from(w.opens_days_before_expiry).days())
            .ok()?;
        let closes_on = expires_on
            .checked_sub(i64::from(w.closes_days_before_expiry).days())
            .ok()?;
        Some(DateWindow {
            opens_on,
            closes_on,
        })
    });
    let filed = input.reevaluation_filed_on.filter(|f| *f <= on);
    let filed_late =
        filed.is_some_and(|f| window.is_some_and(|w| f < w.opens_on || f > w.closes_on));
    let grace_until = match (filed_late, c.late_filing_grace_days) {
        (true, Some(days)) => expires_on
            .checked_add(i64::from(days).days())
            .ok()
            .map(|limit| {
                input
                    .reevaluation_decided_on
                    .map_or(limit, |d| d.min(limit))
            }),
        _ => None,
    };
    let revoked = input.revoked_on.filter(|r| *r <= on);
    let state = if revoked.is_some() {
        CertificateState::Revoked
    } else if on <= expires_on {
        match (filed, window) {
            (Some(_), _) => CertificateState::ReevaluationFiled,
            (None, Some(w)) if on > w.closes_on => CertificateState::WindowMissed,
            (None, Some(w)) if on >= w.opens_on => CertificateState::ReevaluationWindowOpen,
            _ => CertificateState::Valid,
        }
    } else if grace_until.is_some_and(|g| on <= g) {
        CertificateState::InTransitionalGrace
    } else {
        CertificateState::Expired
    };
    let valid = !matches!(state, CertificateState::Expired | CertificateState::Revoked);
    let days_to_expiry = (expires_on - on).get_days();
    let expiry_notice_by = c
        .expiry_notice_days
        .and_then(|d| expires_on.checked_sub(i64::from(d).days()).ok());
    let revocation = revoked.map(|revoked_on| {
        let ground_text = input.revocation_ground.and_then(|g| {
            rules
                .data()
                .certificate
                .revocation_grounds
                .iter()
                .find(|x| x.id == g)
                .map(|x| x.name.clone())
        });
        let authority = input.stars.and_then(|s| {
            rules
                .procedure_on(Some(revoked_on))
                .and_then(|p| p.levels.iter().find(|l| l.recognises.contains(&s)))
                .map(|l| l.recognised_by.clone())
        });
        Revocation {
            revoked_on,
            ground: input.revocation_ground,
            ground_text,
            authority,
        }
    });
    let explanation = explain(
        state,
        expires_on,
        window,
        grace_until,
        on,
        c.late_filing_grace_days,
    );
    CertificateStatus {
        issued_under: issued_under.data().identity.id.clone(),
        rules_of: rules.data().identity.id.clone(),
        issued_on: input.issued_on,
        expires_on,
        on,
        state,
        valid,
        days_to_expiry,
        reevaluation_window: window,
        grace_until,
        expiry_notice_by,
        revocation,
        explanation,
    }
}

fn explain(
    state: CertificateState,
    expires: Date,
    window: Option<DateWindow>,
    grace: Option<Date>,
    on: Date,
    grace_days: Option<u16>,
) -> Text {
    let d = day_month_year;
    let w = window.map(|w| (d(w.opens_on), d(w.closes_on)));
    match state {
        CertificateState::Revoked => Text::new(
            "Giấy chứng nhận đã bị thu hồi.",
            "The certificate has been revoked.",
        ),
        CertificateState::Expired => Text::new(
            format!("Giấy chứng nhận hết hiệu lực sau ngày {}.", d(expires)),
            format!("The certificate expired after {}.", d(expires)),
        ),
        CertificateState::InTransitionalGrace => {
            let g = grace.map(d).unwrap_or_default();
            Text::new(
                format!(
                    "Đã hết hạn ngày {} nhưng hồ sơ phân hạng lại nộp muộn: còn hiệu lực đến khi có kết quả, chậm nhất ngày {g}.",
                    d(expires)
                ),
                format!(
                    "Expired on {}, but a late re-evaluation keeps it valid until the decision, at the latest {g}.",
                    d(expires)
                ),
            )
        }
        CertificateState::ReevaluationFiled => Text::new(
            format!(
                "Còn hiệu lực đến hết ngày {}; đã nộp hồ sơ phân hạng lại.",
                d(expires)
            ),
            format!(
                "Valid through {}; a re-evaluation has been filed.",
                d(expires)
            ),
        ),
        CertificateState::ReevaluationWindowOpen => {
            let (a, b) = w.unwrap_or_default();
            Text::new(
                format!(
                    "Còn hiệu lực đến hết ngày {}; đang trong thời hạn nộp hồ sơ phân hạng lại ({a} – {b}).",
                    d(expires)
                ),
                format!(
                    "Valid through {}; the re-evaluation window is open ({a} – {b}).",
                    d(expires)
                ),
            )
        }
        CertificateState::WindowMissed => {
            let (_, b) = w.unwrap_or_default();
            let late = grace_days.map_or_else(
                || (String::new(), String::new()),
                |g| {
                    (
                        format!("; nộp muộn vẫn được gia hạn tối đa {g} ngày sau khi hết hạn"),
                        format!("; a late filing still keeps it valid up to {g} days after expiry"),
                    )
                },
            );
            Text::new(
                format!(
                    "Còn hiệu lực đến hết ngày {}, nhưng đã quá hạn nộp hồ sơ phân hạng lại ({b}){}.",
                    d(expires),
                    late.0
                ),
                format!(
                    "Valid through {}, but the re-evaluation window closed on {b}{}.",
                    d(expires),
                    late.1
                ),
            )
        }
        CertificateState::Valid => {
            let days = (expires - on).get_days();
            let next = w.map_or_else(
                || (String::new(), String::new()),
                |(a, b)| {
                    (
                        format!(" Nộp hồ sơ phân hạng lại từ {a} đến {b}."),
                        format!(" File the re-evaluation from {a} to {b}."),
                    )
                },
            );
            Text::new(
                format!(
                    "Còn hiệu lực đến hết ngày {} (còn {days} ngày).{}",
                    d(expires),
                    next.0
                ),
                format!("Valid through {} ({days} days left).{}", d(expires), next.1),
            )
        }
    }
}

/// Which rules a dossier filed on a day is evaluated under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct DossierRulesRequest {
    /// Day of filing.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub filed_on: Date,
    /// First evaluation, upgrade or re-evaluation.
    pub kind: DossierKind,
}

impl Input for DossierRulesRequest {
    fn read(
        value: &Value,
        path: &str,
        errors: &mut Vec<InputError>,
    ) -> Option<DossierRulesRequest> {
        let f = Fields::new(
            value,
            path,
            "a dossier request",
            &[&["filedOn", "kind"]],
            errors,
        );
        let filed_on = f.required("filedOn", errors);
        let kind = f.required("kind", errors);
        Some(DossierRulesRequest {
            filed_on: filed_on?,
            kind: kind?,
        })
    }
}

read::deserialize_through_reader!(DossierRulesRequest);
