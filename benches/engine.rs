//! Native benchmark of the engine (criterion): compile time and image size (once), loading the
//! image, and answer latency at 12, 1,000 and 10,000 entries, over the questions of `tests/data/dev.tsv`.
//!
//! `cargo bench --bench engine` (or `make bench`). The larger FAQs come from the deterministic
//! generator `bench/gen-faq.mjs` (the same files the browser benchmark uses); they are written to
//! `bench-results/` with `node` when missing. One `ask` iteration answers every dev question
//! once; criterion's throughput line gives questions per second, and the summary printed at the
//! end gives microseconds per question.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use faq_widget::engine::build::compile;
use faq_widget::eval::parse_tsv;
use faq_widget::faq::{parse_json, Faq};
use faq_widget::{Engine, Params};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SIZES: [usize; 3] = [12, 1_000, 10_000];
const SEED: u32 = 5;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The FAQ with `n` entries: faq.json itself at its own size, else a generated one.
fn load_faq(n: usize) -> Faq {
    let real = root().join("faq.json");
    let text = std::fs::read_to_string(&real).expect("faq.json at the crate root");
    let faq = parse_json(&text).expect("faq.json parses");
    if faq.entries.len() == n {
        return faq;
    }
    let path = root().join(format!("bench-results/faq-{n}.json"));
    if !path.exists() {
        generate(n, &path);
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn generate(n: usize, out: &Path) {
    let status = std::process::Command::new("node")
        .current_dir(root())
        .args([
            "bench/gen-faq.mjs",
            "--size",
            &n.to_string(),
            "--seed",
            &SEED.to_string(),
            "--out",
        ])
        .arg(out)
        .status()
        .expect("node runs bench/gen-faq.mjs (the FAQ generator)");
    assert!(status.success(), "bench/gen-faq.mjs failed");
}

fn queries() -> Vec<String> {
    let path = root().join("tests/data/dev.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_tsv(&text)
        .expect("dev.tsv parses")
        .into_iter()
        .map(|c| c.query)
        .collect()
}

fn bench(c: &mut Criterion) {
    let qs = queries();
    let faqs: Vec<(usize, Faq)> = SIZES.iter().map(|&n| (n, load_faq(n))).collect();
    let mut summary = Vec::new();

    // Compiling (training) happens once, at `make dist`; what a page pays is reading the image.
    let mut images = Vec::new();
    for (n, faq) in &faqs {
        let t = Instant::now();
        let bytes = compile(faq, &Params::default()).expect("the FAQ compiles");
        summary.push(format!(
            "{n:>6} entries: compile {:9.1} ms, image {} bytes",
            t.elapsed().as_secs_f64() * 1e3,
            bytes.len()
        ));
        images.push((*n, bytes));
    }
    let mut load = c.benchmark_group("load");
    load.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (n, bytes) in &images {
        load.bench_with_input(BenchmarkId::from_parameter(n), bytes, |b, bytes| {
            b.iter(|| Engine::from_image(black_box(bytes.clone())))
        });
    }
    load.finish();

    let mut ask = c.benchmark_group("ask");
    ask.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    ask.throughput(Throughput::Elements(qs.len() as u64));
    for (n, bytes) in &images {
        let t = Instant::now();
        let engine = Engine::from_image(bytes.clone()).expect("the image reads");
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        ask.bench_with_input(BenchmarkId::from_parameter(n), &engine, |b, engine| {
            b.iter(|| {
                for q in &qs {
                    black_box(engine.ask(black_box(q), 3));
                }
            })
        });
        // Per-question spread, outside criterion: each question timed alone, many times.
        let mut times: Vec<f64> = Vec::new();
        let rounds = if *n >= 10_000 { 5 } else { 30 };
        for _ in 0..rounds {
            for q in &qs {
                let t = Instant::now();
                black_box(engine.ask(black_box(q), 3));
                times.push(t.elapsed().as_secs_f64() * 1e6);
            }
        }
        times.sort_by(f64::total_cmp);
        let at =
            |p: f64| times[((p * times.len() as f64).ceil() as usize).clamp(1, times.len()) - 1];
        summary.push(format!(
            "{n:>6} entries: load {build_ms:8.2} ms   ask p50 {:8.1} µs  p99 {:8.1} µs  ({} timed questions)",
            at(0.5),
            at(0.99),
            times.len()
        ));
    }
    ask.finish();
    let text = format!(
        "engine, native (one build each; ask over tests/data/dev.tsv):\n{}\n",
        summary
            .iter()
            .map(|l| format!("  {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    println!("\n{text}");
    let out = root().join("bench-results");
    if std::fs::create_dir_all(&out).is_ok() {
        let _ = std::fs::write(out.join("native.txt"), text);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
