//! ocop-core's costs: a typed scoring, JSON in and out, the full report, a council of 9, the
//! planner, catalog start-up, and batches of 1, 100 and 10 000 evaluations.
//!
//! `cargo bench -p ocop-benches` (add `-- --quick` for a shorter run).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // benchmarks may panic

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ocop_benches::{EXAMPLE_JSON, evaluations, random_rows, sheet};
use ocop_core::scoring::NO_OPTION;
use ocop_core::{
    Catalog, CouncilInput, Evaluation, Input, Languages, PlanRequest, Scorer, SubjectType,
};

fn single(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let sheet = sheet().unwrap();
    let example = Evaluation::from_json(EXAMPLE_JSON).unwrap();
    let rows = random_rows(&sheet, 1, 7);
    let mut group = c.benchmark_group("one evaluation");
    group.bench_function("typed score (SheetRef::score)", |b| {
        b.iter(|| sheet.score(black_box(&rows[0])).unwrap())
    });
    group.bench_function("full report (Catalog::score)", |b| {
        b.iter(|| catalog.score(black_box(&example)).unwrap())
    });
    let report = catalog.score(&example).unwrap();
    group.bench_function(
        "labels for a report (Catalog::explain, both languages)",
        |b| {
            b.iter(|| {
                catalog
                    .explain(black_box(&report), Languages::Both)
                    .unwrap()
            })
        },
    );
    let mut form = Scorer::new(catalog, "26/2026", 9, SubjectType::Cooperative).unwrap();
    group.bench_function("form tick (Scorer::set + result)", |b| {
        let mut option = 0u8;
        b.iter(|| {
            option = (option + 1) % 3;
            form.set(black_box("A1.1"), Some(option)).unwrap();
            form.result()
        })
    });
    group.bench_function("parse JSON + score", |b| {
        b.iter(|| catalog.score_json(black_box(EXAMPLE_JSON)))
    });
    group.bench_function("parse JSON + score + JSON out", |b| {
        b.iter(|| serde_json::to_string(&catalog.score_json(black_box(EXAMPLE_JSON))).unwrap())
    });
    group.finish();
}

fn council_and_planner(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let sheet = sheet().unwrap();
    let members = evaluations(&sheet, &random_rows(&sheet, 9, 11));
    let named: Vec<(String, Evaluation)> = members
        .into_iter()
        .enumerate()
        .map(|(i, e)| (format!("m{i}"), e))
        .collect();
    let council = CouncilInput::from_evaluations(&named).unwrap();
    c.bench_function("council of 9", |b| {
        b.iter(|| catalog.council(black_box(&council)).unwrap())
    });
    // A low-scoring sheet: the first option everywhere.
    let mut low = Evaluation::new("26/2026", 9, SubjectType::Household);
    for criterion in sheet.criteria() {
        low.answers.insert(criterion.code.to_string(), Some(0));
    }
    let next = PlanRequest {
        evaluation: low.clone(),
        target_star: None,
        only_criteria: None,
    };
    c.bench_function("planner: next star of a low sheet", |b| {
        b.iter(|| catalog.plan(black_box(&next)).unwrap())
    });
    let five = PlanRequest {
        target_star: Some(5),
        ..next.clone()
    };
    c.bench_function("planner: to 5 stars", |b| {
        b.iter(|| catalog.plan(black_box(&five)).unwrap())
    });
}

fn catalog_start(c: &mut Criterion) {
    c.bench_function("catalog: decode + index both editions", |b| {
        b.iter(Catalog::decode_builtin)
    });
}

fn batches(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let sheet = sheet().unwrap();
    let mut group = c.benchmark_group("batch");
    for size in [1usize, 100, 10_000] {
        let rows = random_rows(&sheet, size, 42);
        let flat: Vec<u8> = rows
            .iter()
            .flatten()
            .map(|o| o.unwrap_or(NO_OPTION))
            .collect();
        let json = serde_json::to_string(&evaluations(&sheet, &rows)).unwrap();
        group.throughput(Throughput::Elements(u64::try_from(size).unwrap()));
        group.bench_with_input(
            BenchmarkId::new("typed rows (score_batch)", size),
            &flat,
            |b, flat| b.iter(|| sheet.score_batch(black_box(flat)).unwrap()),
        );
        group.bench_with_input(
            BenchmarkId::new("JSON array (score_json_batch)", size),
            &json,
            |b, json| {
                b.iter_batched(
                    || json.as_str(),
                    |j| catalog.score_json_batch(black_box(j)).unwrap(),
                    BatchSize::SmallInput,
                )
            },
        );
    }
    group.finish();
}

criterion_group!(benches, single, council_and_planner, catalog_start, batches);
criterion_main!(benches);
