//! Native benchmark of the engine (criterion). Placeholder body replaced by the benchmark work.
use criterion::{criterion_group, criterion_main, Criterion};
use faq_widget::{faq::parse_json, Engine};

fn bench(c: &mut Criterion) {
    let text = std::fs::read_to_string("faq.json").expect("faq.json at the crate root");
    let faq = parse_json(&text).expect("faq.json parses");
    let engine = Engine::new(&faq);
    c.bench_function("ask 12 entries", |b| {
        b.iter(|| engine.ask(std::hint::black_box("olvide la contrasena del wifi"), 3))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
