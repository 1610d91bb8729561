//! Native throughput of the whole pipeline and of each pass, on a generated
//! multi-language corpus of scraped-style text (see `benches/corpus.rs`).
//! Run with `cargo bench`; criterion prints MB/s per benchmark.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use textscrub::{clean, passes, Options};

#[path = "corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let text = corpus::build(1 << 20);
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("article", |b| {
        b.iter(|| clean(&text, &Options::default()).unwrap())
    });
    for pass in passes::REGISTRY {
        let options = Options::only(&[pass.name]);
        group.bench_function(pass.name, |b| b.iter(|| clean(&text, &options).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
