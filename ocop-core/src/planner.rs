//! The next-star planner: the smallest set of option upgrades that lifts a rated product to a
//! target star, honouring star markers, the subject type and the tourism case.
//!
//! "Smallest" means the fewest criteria changed, then the fewest points added. The search is
//! exact: a dynamic programme over the points added (at most 100) that keeps, for every amount,
//! the fewest criteria changed; criteria below the target's marker floor must be raised to it.
//! Ties are broken the same way every time (criteria in printed order, lower options first,
//! a kept criterion before an upgraded one), so every surface gets the same plan.

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::error::{InputError, InputErrors, Problem};
use crate::evaluation::{Evaluation, Resolved, Tick, locate};
use crate::rating::{self, TotalBasis};
use crate::scoring::{Outcome, Sheets, build_report};
use crate::text::Str;

/// An upgrade plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The edition of the sheet.
    pub edition: Str,
    /// The product set.
    pub product_set: u8,
    /// The total now.
    pub from_total: u8,
    /// The stars awarded now (absent when the product is not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_stars: Option<u8>,
    /// The star aimed at.
    pub target_star: u8,
    /// A plan exists.
    pub reachable: bool,
    /// The upgrades, in printed order.
    pub changes: Vec<Change>,
    /// Criteria changed.
    pub criteria_changed: u8,
    /// Points added.
    pub points_added: u8,
    /// The total after the plan.
    pub new_total: u8,
    /// The stars after the plan.
    pub new_stars: u8,
    /// The criteria the plan was allowed to change, if restricted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<String>,
    /// Why there is no plan, or why none is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<PlanNote>,
}

/// Why a plan is what it is, by kind (worded in the labelled plan, [`Catalog::explain_plan`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PlanNote {
    /// The product is rejected or its evaluation stopped: no upgrade plan.
    NotRated,
    /// The target is already reached.
    AlreadyReached,
    /// The evaluation stopped because these criteria scored 0; the plan lifts them first.
    LiftsZeroes {
        /// The criteria.
        criteria: Vec<Str>,
    },
    /// The markers on these criteria cannot be met with the criteria allowed to change.
    MarkersUnreachable {
        /// The criteria.
        criteria: Vec<Str>,
    },
    /// Even the best allowed options stay below the band's minimum.
    TotalUnreachable {
        /// The minimum total for the target star.
        needs: u8,
    },
}

/// One upgrade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// Criterion code.
    pub code: Str,
    /// The option ticked now (absent: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_option: Option<u8>,
    /// The option to reach.
    pub to_option: u8,
    /// Points now.
    pub from_points: u8,
    /// Points after.
    pub to_points: u8,
    /// A star marker requires it (not only the total).
    pub required_by_marker: bool,
}

const MAX_POINTS: usize = 100;

/// For each amount of points added: where it came from and the option chosen (`None`: kept).
type Steps = Vec<Option<(usize, Option<u8>)>>;

/// The search's answer: criteria changed, points added, and each (position, option) chosen.
struct Found {
    count: u8,
    added: usize,
    chosen: Vec<(usize, u8)>,
}

impl Catalog {
    /// The smallest plan that lifts a rated evaluation to `target` stars (default: one more
    /// star than now), changing only the criteria in `only` when given. The public entry is
    /// [`Catalog::plan`] with a [`crate::PlanRequest`].
    pub(crate) fn plan_to(
        &self,
        evaluation: &Evaluation,
        target: Option<u8>,
        only: Option<&[String]>,
    ) -> Result<Plan, InputErrors> {
        let r = self
            .resolve(evaluation)
            .map_err(|e| e.under("/evaluation"))?;
        let only_positions = only_positions(&r, only)?;
        let now = Now::of(&r);
        let target = match target {
            Some(t) if !(1..=5).contains(&t) => {
                return Err(InputErrors::at("/targetStar", Problem::InvalidTarget));
            }
            Some(t) => t,
            None => now.stars.map_or(3, |s| (s + 1).min(5)),
        };
        Ok(plan_for(&r, &now, target, only_positions.as_deref(), only))
    }

    /// The best star this product can reach if only the criteria in `only` change, with the
    /// smallest plan that reaches it.
    pub(crate) fn best_reachable(
        &self,
        evaluation: &Evaluation,
        only: &[String],
    ) -> Result<Plan, InputErrors> {
        let r = self
            .resolve(evaluation)
            .map_err(|e| e.under("/evaluation"))?;
        let positions = only_positions(&r, Some(only))?;
        let now = Now::of(&r);
        let current = now.stars.unwrap_or(0);
        for target in (current.max(1) + 1..=5).rev() {
            let plan = plan_for(&r, &now, target, positions.as_deref(), Some(only));
            if plan.reachable {
                return Ok(plan);
            }
        }
        Ok(plan_for(
            &r,
            &now,
            current.max(1),
            positions.as_deref(),
            Some(only),
        ))
    }
}

fn only_positions(
    r: &Resolved<'_>,
    only: Option<&[String]>,
) -> Result<Option<Vec<usize>>, InputErrors> {
    let Some(codes) = only else { return Ok(None) };
    let mut errors: Vec<InputError> = Vec::new();
    let mut positions = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        match locate(&r.sheet, code, || format!("/onlyCriteria/{i}")) {
            Ok(p) => positions.push(p),
            Err(e) => errors.push(e),
        }
    }
    InputErrors::or_ok(errors, Some(positions))
}

/// Where the product stands before the plan.
struct Now {
    points: Vec<u8>,
    total: u8,
    stars: Option<u8>,
    rated: bool,
    /// Criteria scoring 0 that stopped the evaluation by themselves ("0 points on any criterion
    /// above"): a plan must lift them, after which the product is rated.
    must_leave_zero: Vec<usize>,
}

impl Now {
    fn of(r: &Resolved<'_>) -> Now {
        let report = build_report(r, &Sheets::one(r));
        let rated = matches!(report.outcome, Outcome::Rated);
        // A stop that applied by itself is fixable: count every answer and require the zeroes gone.
        let fixable = !rated
            && !r.dossier_rejected
            && !r.knockouts.is_empty()
            && r.knockouts
                .iter()
                .all(|k| r.automatic_knockouts.contains(k));
        let compiled = r.compiled();
        let points: Vec<u8> = if fixable {
            (0..r.ticks.len())
                .map(|p| match r.ticks.get(p) {
                    Some(Tick::Option(o)) if !r.excluded(p) => compiled.points_of(p, Some(*o)),
                    _ => 0,
                })
                .collect()
        } else {
            r.counted()
                .iter()
                .enumerate()
                .map(|(p, o)| compiled.points_of(p, *o))
                .collect()
        };
        let must_leave_zero = if fixable {
            r.automatic_knockouts
                .iter()
                .filter_map(|&k| r.sheet.criterion(k)?.knockout.as_ref())
                .flat_map(|k| &k.when_any_zero)
                .filter_map(|code| r.sheet.position(code))
                .filter(|&p| points.get(p) == Some(&0))
                .collect()
        } else {
            Vec::new()
        };
        Now {
            total: u8::try_from(points.iter().map(|p| u32::from(*p)).sum::<u32>())
                .unwrap_or(u8::MAX),
            points,
            stars: report.stars,
            rated: rated || fixable,
            must_leave_zero,
        }
    }
}

/// Per criterion: whether a marker forces it up, and the upgrades allowed (option, gain).
struct Choices {
    items: Vec<(bool, Vec<(u8, u8)>)>,
    stuck: Vec<Str>,
}

fn plan_for(
    r: &Resolved<'_>,
    now: &Now,
    target: u8,
    only: Option<&[usize]>,
    only_codes: Option<&[String]>,
) -> Plan {
    let mut plan = Plan {
        edition: r.edition.data().identity.id.clone(),
        product_set: r.sheet.product_set,
        from_total: now.total,
        from_stars: now.stars,
        target_star: target,
        reachable: false,
        changes: Vec::new(),
        criteria_changed: 0,
        points_added: 0,
        new_total: now.total,
        new_stars: now.stars.unwrap_or(0),
        only: only_codes.map(<[String]>::to_vec).unwrap_or_default(),
        note: None,
    };
    if !now.rated {
        plan.note = Some(PlanNote::NotRated);
        return plan;
    }
    if !now.must_leave_zero.is_empty() {
        plan.note = Some(PlanNote::LiftsZeroes {
            criteria: now
                .must_leave_zero
                .iter()
                .filter_map(|&p| r.sheet.criterion(p))
                .map(|c| c.code.clone())
                .collect(),
        });
    }
    if now.stars.is_some_and(|s| s >= target) {
        plan.reachable = true;
        plan.note = Some(PlanNote::AlreadyReached);
        return plan;
    }
    let choices = choices(r, now, target, only);
    if !choices.stuck.is_empty() {
        plan.note = Some(PlanNote::MarkersUnreachable {
            criteria: choices.stuck,
        });
        return plan;
    }
    let band_min = r
        .compiled()
        .band_min
        .get(usize::from(target))
        .copied()
        .unwrap_or(0);
    let need = usize::from(band_min.saturating_sub(now.total));
    let Some(Found {
        count,
        added,
        chosen,
    }) = search(&choices.items, need)
    else {
        plan.note = Some(PlanNote::TotalUnreachable { needs: band_min });
        return plan;
    };
    plan.changes = changes(r, now, target, &chosen);
    plan.reachable = true;
    plan.criteria_changed = count;
    plan.points_added = u8::try_from(added).unwrap_or(u8::MAX);
    plan.new_total = now.total.saturating_add(plan.points_added);
    plan.new_stars = new_stars(r, now, &plan);
    plan
}

fn choices(r: &Resolved<'_>, now: &Now, target: u8, only: Option<&[usize]>) -> Choices {
    let compiled = r.compiled();
    let mut items = Vec::new();
    let mut stuck = Vec::new();
    for (p, c) in r.sheet.criteria().enumerate() {
        let Some(cc) = compiled.criteria.get(p) else {
            continue;
        };
        let current = now.points.get(p).copied().unwrap_or(0);
        let lift = if now.must_leave_zero.contains(&p) {
            c.options
                .iter()
                .map(|o| o.points)
                .filter(|x| *x > 0)
                .min()
                .unwrap_or(0)
        } else {
            0
        };
        let floor = cc
            .floor
            .get(usize::from(target))
            .copied()
            .unwrap_or(0)
            .max(lift);
        let required = current < floor;
        let changeable = only.is_none_or(|o| o.contains(&p)) && !r.excluded(p);
        let ups: Vec<(u8, u8)> = if changeable {
            c.options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.points > current && (!required || o.points >= floor))
                .filter(|(_, o)| {
                    o.subject_types.is_empty() || o.subject_types.contains(&r.subject_type)
                })
                .filter(|(_, o)| o.case.is_none() || o.case == r.tourism_case)
                .filter_map(|(i, o)| Some((u8::try_from(i).ok()?, o.points - current)))
                .collect()
        } else {
            Vec::new()
        };
        if required && ups.is_empty() {
            stuck.push(c.code.clone());
        }
        items.push((required, ups));
    }
    Choices { items, stuck }
}

/// The exact search: the fewest criteria changed to add at least `need` points (then the
/// fewest points), as (criteria changed, points added, the (position, option) chosen).
fn search(items: &[(bool, Vec<(u8, u8)>)], need: usize) -> Option<Found> {
    // dp[a] = fewest criteria changed to add exactly `a` points; back[i][a] = (previous a, option).
    let mut dp: Vec<Option<u8>> = vec![None; MAX_POINTS + 1];
    if let Some(first) = dp.first_mut() {
        *first = Some(0);
    }
    let mut back: Vec<Steps> = Vec::with_capacity(items.len());
    for (required, ups) in items {
        let mut next: Vec<Option<u8>> = vec![None; MAX_POINTS + 1];
        let mut step = vec![None; MAX_POINTS + 1];
        let mut relax = |from: usize, to: usize, k: u8, choice: Option<u8>| {
            if let (Some(slot), Some(back_slot)) = (next.get_mut(to), step.get_mut(to)) {
                if slot.is_none_or(|old| k < old) {
                    *slot = Some(k);
                    *back_slot = Some((from, choice));
                }
            }
        };
        // Every "keep" first, so that on a tie an earlier criterion's upgrade is preferred.
        if !required {
            for (a, count) in dp.iter().enumerate() {
                if let Some(count) = *count {
                    relax(a, a, count, None);
                }
            }
        }
        for (a, count) in dp.iter().enumerate() {
            let Some(count) = *count else { continue };
            for &(option, gain) in ups {
                relax(a, a + usize::from(gain), count + 1, Some(option));
            }
        }
        dp = next;
        back.push(step);
    }
    let (count, added) = dp
        .iter()
        .enumerate()
        .skip(need)
        .filter_map(|(a, k)| k.map(|k| (k, a)))
        .min()?;
    // Walk back from the last criterion.
    let mut a = added;
    let mut chosen = Vec::new();
    for (p, step) in back.iter().enumerate().rev() {
        let Some(Some((prev, choice))) = step.get(a) else {
            break;
        };
        if let Some(option) = choice {
            chosen.push((p, *option));
        }
        a = *prev;
    }
    chosen.reverse();
    Some(Found {
        count,
        added,
        chosen,
    })
}

fn changes(r: &Resolved<'_>, now: &Now, target: u8, chosen: &[(usize, u8)]) -> Vec<Change> {
    let compiled = r.compiled();
    chosen
        .iter()
        .filter_map(|&(p, option)| {
            let (c, cc) = (r.sheet.criterion(p)?, compiled.criteria.get(p)?);
            let from_points = now.points.get(p).copied().unwrap_or(0);
            Some(Change {
                code: c.code.clone(),
                from_option: match r.ticks.get(p) {
                    Some(Tick::Option(x)) => Some(*x),
                    _ => None,
                },
                to_option: option,
                from_points,
                to_points: compiled.points_of(p, Some(option)),
                required_by_marker: from_points
                    < cc.floor.get(usize::from(target)).copied().unwrap_or(0),
            })
        })
        .collect()
}

/// The stars after applying a plan, rated again through [`crate::rating`] (a check on the
/// planner).
fn new_stars(r: &Resolved<'_>, now: &Now, plan: &Plan) -> u8 {
    let compiled = r.compiled();
    let levels: Vec<u8> = compiled
        .criteria
        .iter()
        .enumerate()
        .map(|(p, cc)| {
            let code = r.sheet.criterion(p).map(|c| &c.code);
            let points = plan
                .changes
                .iter()
                .find(|ch| Some(&ch.code) == code)
                .map_or_else(
                    || now.points.get(p).copied().unwrap_or(0),
                    |ch| ch.to_points,
                );
            cc.level(u32::from(points), 1)
        })
        .collect();
    rating::stars(
        compiled.band(&TotalBasis::single(u32::from(plan.new_total))),
        &levels,
    )
}

// A plan read back (passed to `explain_plan`): it is this library's own output.
impl crate::read::Input for Plan {
    fn read(value: &serde_json::Value, path: &str, errors: &mut Vec<InputError>) -> Option<Self> {
        crate::read::own_output(value, path, "a plan from `plan`", errors)
    }
}
