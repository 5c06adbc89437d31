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
use crate::catalog::text::{Str, Text};
use crate::error::{ErrorCode, InputErrors};
use crate::evaluation::{Answered, Evaluation, Resolved};
use crate::scoring::Outcome;

/// An upgrade plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Plan {
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
    pub note: Option<Text>,
}

/// One upgrade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// Criterion code.
    pub code: Str,
    /// Criterion name.
    pub name: Text,
    /// The option ticked now (absent: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_option: Option<u8>,
    /// The option to reach.
    pub to_option: u8,
    /// Points now.
    pub from_points: u8,
    /// Points after.
    pub to_points: u8,
    /// The option's label.
    pub to_label: Text,
    /// A star marker requires it (not only the total).
    pub required_by_marker: bool,
}

const MAX_POINTS: usize = 100;

/// For each amount of points added: where it came from and the option chosen (`None`: kept).
type Steps = Vec<Option<(usize, Option<u8>)>>;

impl Catalog {
    /// The smallest plan that lifts a rated evaluation to `target` stars (default: one more
    /// star than now), changing only the criteria in `only` when given.
    ///
    /// ```
    /// use ocop_core::{Catalog, Evaluation, SubjectType};
    /// let catalog = Catalog::builtin();
    /// let sheet = catalog.edition("26/2026").unwrap().sheet(9).unwrap();
    /// let mut e = Evaluation::new("26/2026", 9, SubjectType::Cooperative);
    /// for c in sheet.criteria() {
    ///     e.answers.insert(c.code.to_string(), Some(0)); // the first option everywhere
    /// }
    /// e.answers.insert("A3.1".into(), Some(2)); // a cooperative ticks the cooperative option
    /// let plan = catalog.plan(&e, None, None).unwrap();
    /// assert!(plan.reachable);
    /// assert_eq!(plan.new_stars, plan.target_star);
    /// ```
    pub fn plan(
        &self,
        evaluation: &Evaluation,
        target: Option<u8>,
        only: Option<&[String]>,
    ) -> Result<Plan, InputErrors> {
        let r = self.resolve(evaluation)?;
        let only_positions = self.only_positions(&r, only)?;
        let report = crate::scoring::build_report_for(&r);
        let now = report_now(&r, &report);
        let target = match target {
            Some(t) if !(1..=5).contains(&t) => {
                return Err(InputErrors::one(
                    ErrorCode::InvalidTarget,
                    "/targetStar",
                    "the target star must be 1 to 5",
                ));
            }
            Some(t) => t,
            None => now.stars.map_or(3, |s| (s + 1).min(5)),
        };
        Ok(plan_for(&r, &now, target, only_positions.as_deref(), only))
    }

    /// The best star this product can reach if only the criteria in `only` change, with the
    /// smallest plan that reaches it.
    pub fn best_reachable(
        &self,
        evaluation: &Evaluation,
        only: &[String],
    ) -> Result<Plan, InputErrors> {
        let r = self.resolve(evaluation)?;
        let positions = self.only_positions(&r, Some(only))?;
        let report = crate::scoring::build_report_for(&r);
        let now = report_now(&r, &report);
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

    fn only_positions(
        &self,
        r: &Resolved<'_>,
        only: Option<&[String]>,
    ) -> Result<Option<Vec<usize>>, InputErrors> {
        let Some(codes) = only else { return Ok(None) };
        let mut errors = Vec::new();
        let mut positions = Vec::new();
        for (i, code) in codes.iter().enumerate() {
            match r.sheet.position(code) {
                Some(p) => positions.push(p),
                None => errors.push(crate::error::InputError::new(
                    if r.edition.has_criterion_code(code) {
                        ErrorCode::CriterionNotOnSheet
                    } else {
                        ErrorCode::UnknownCriterion
                    },
                    format!("/onlyCriteria/{i}"),
                    format!("`{code}` is not a criterion of this sheet"),
                )),
            }
        }
        if errors.is_empty() {
            Ok(Some(positions))
        } else {
            Err(InputErrors(errors))
        }
    }
}

struct Now {
    points: Vec<u8>,
    total: u8,
    stars: Option<u8>,
    rated: bool,
    /// Criteria scoring 0 that stopped the evaluation by themselves ("0 points on any criterion
    /// above"): a plan must lift them, after which the product is rated.
    must_leave_zero: Vec<usize>,
}

fn report_now(r: &Resolved<'_>, report: &crate::scoring::ScoreReport) -> Now {
    let rated = matches!(report.outcome, Outcome::Rated);
    // A stop that applied by itself is fixable: count every answer and require the zeroes gone.
    let fixable = !rated
        && !r.dossier_rejected
        && !r.knockouts.is_empty()
        && r.knockouts
            .iter()
            .all(|k| r.automatic_knockouts.contains(k));
    let points = if fixable {
        unstopped_points(r)
    } else {
        r.points()
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
    let total = u8::try_from(points.iter().map(|p| u32::from(*p)).sum::<u32>()).unwrap_or(u8::MAX);
    Now {
        points,
        total,
        stars: report.stars.as_ref().map(|s| s.star),
        rated: rated || fixable,
        must_leave_zero,
    }
}

/// The points of every ticked option, as if the evaluation had not stopped.
fn unstopped_points(r: &Resolved<'_>) -> Vec<u8> {
    r.sheet
        .criteria()
        .enumerate()
        .map(|(p, c)| match r.answers.get(p) {
            Some(Answered::Option(o)) if !r.is_not_assessed(p) => {
                c.options.get(usize::from(*o)).map_or(0, |x| x.points)
            }
            _ => 0,
        })
        .collect()
}

fn plan_for(
    r: &Resolved<'_>,
    now: &Now,
    target: u8,
    only: Option<&[usize]>,
    only_codes: Option<&[String]>,
) -> Plan {
    let compiled = r.sheet.compiled;
    let only_codes = only_codes.map(<[String]>::to_vec).unwrap_or_default();
    let mut plan = Plan {
        from_total: now.total,
        from_stars: now.stars,
        target_star: target,
        reachable: false,
        changes: Vec::new(),
        criteria_changed: 0,
        points_added: 0,
        new_total: now.total,
        new_stars: now.stars.unwrap_or(0),
        only: only_codes,
        note: None,
    };
    if !now.rated {
        plan.note = Some(Text::new(
            "Sản phẩm không được xếp hạng (bị loại hoặc dừng đánh giá): không lập kế hoạch nâng hạng.",
            "The product is not rated (rejected or stopped): there is no upgrade plan.",
        ));
        return plan;
    }
    if !now.must_leave_zero.is_empty() {
        let codes: Vec<String> = now
            .must_leave_zero
            .iter()
            .filter_map(|&p| r.sheet.criterion(p))
            .map(|c| c.code.to_string())
            .collect();
        plan.note = Some(Text::new(
            format!(
                "Đánh giá đã dừng vì {} được 0 điểm; kế hoạch nâng các tiêu chí này trước.",
                codes.join(", ")
            ),
            format!(
                "The evaluation stopped because {} scored 0; the plan lifts them first.",
                codes.join(", ")
            ),
        ));
    }
    if now.stars.is_some_and(|s| s >= target) {
        plan.reachable = true;
        plan.note = Some(Text::new(
            format!("Đã đạt {target} sao."),
            format!("Already at {target} stars or more."),
        ));
        return plan;
    }
    let band_min = compiled
        .band_min
        .get(usize::from(target))
        .copied()
        .unwrap_or(0);
    let need = usize::from(band_min.saturating_sub(now.total));
    // For each criterion: whether a marker forces it, and the upgrades allowed (option, gain).
    let mut items: Vec<(bool, Vec<(u8, u8)>)> = Vec::new();
    let mut stuck: Vec<String> = Vec::new();
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
        let changeable = only.is_none_or(|o| o.contains(&p)) && !r.is_not_assessed(p);
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
            stuck.push(c.code.to_string());
        }
        items.push((required, ups));
    }
    if !stuck.is_empty() {
        plan.note = Some(Text::new(
            format!(
                "Không thể đạt {target} sao: yêu cầu tối thiểu tại {} không thể đáp ứng với các tiêu chí được phép thay đổi.",
                stuck.join(", ")
            ),
            format!(
                "{target} stars cannot be reached: the star markers on {} cannot be met with the criteria allowed to change.",
                stuck.join(", ")
            ),
        ));
        return plan;
    }
    // dp[a] = fewest criteria changed to add exactly `a` points; back[i][a] = (previous a, option).
    let mut dp: Vec<Option<u8>> = vec![None; MAX_POINTS + 1];
    if let Some(first) = dp.first_mut() {
        *first = Some(0);
    }
    let mut back: Vec<Steps> = Vec::with_capacity(items.len());
    for (required, ups) in &items {
        let mut next: Vec<Option<u8>> = vec![None; MAX_POINTS + 1];
        let mut step: Steps = vec![None; MAX_POINTS + 1];
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
    let best = dp
        .iter()
        .enumerate()
        .skip(need)
        .filter_map(|(a, k)| k.map(|k| (k, a)))
        .min();
    let Some((count, added)) = best else {
        plan.note = Some(Text::new(
            format!(
                "Không thể đạt {target} sao: tổng điểm tối đa có thể đạt chưa tới {band_min} điểm."
            ),
            format!(
                "{target} stars cannot be reached: even the best allowed options stay below {band_min} points."
            ),
        ));
        return plan;
    };
    // Walk back from the last criterion.
    let mut a = added;
    let mut chosen: Vec<(usize, u8)> = Vec::new();
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
    for (p, option) in chosen {
        let (Some(c), Some(cc)) = (r.sheet.criterion(p), compiled.criteria.get(p)) else {
            continue;
        };
        let Some(o) = c.options.get(usize::from(option)) else {
            continue;
        };
        let from_points = now.points.get(p).copied().unwrap_or(0);
        plan.changes.push(Change {
            code: c.code.clone(),
            name: c.name.clone(),
            from_option: match r.answers.get(p) {
                Some(Answered::Option(x)) => Some(*x),
                _ => None,
            },
            to_option: option,
            from_points,
            to_points: o.points,
            to_label: Text {
                vi: o.vi.clone(),
                en: o.en.clone(),
            },
            required_by_marker: from_points
                < cc.floor.get(usize::from(target)).copied().unwrap_or(0),
        });
    }
    plan.reachable = true;
    plan.criteria_changed = count;
    plan.points_added = u8::try_from(added).unwrap_or(u8::MAX);
    plan.new_total = now.total.saturating_add(plan.points_added);
    plan.new_stars = new_stars(r, now, &plan);
    plan
}

/// The stars after applying a plan, computed by scoring again (a check on the planner).
fn new_stars(r: &Resolved<'_>, now: &Now, plan: &Plan) -> u8 {
    let compiled = r.sheet.compiled;
    let mut level = 5u8;
    for (p, cc) in compiled.criteria.iter().enumerate() {
        let code = r.sheet.criterion(p).map(|c| c.code.clone());
        let points = plan
            .changes
            .iter()
            .find(|ch| Some(&ch.code) == code.as_ref())
            .map_or_else(
                || now.points.get(p).copied().unwrap_or(0),
                |ch| ch.to_points,
            );
        level = level.min(cc.level_for(u32::from(points), 1));
    }
    compiled.band(u32::from(plan.new_total), 1).min(level)
}
