//! Native throughput of the whole pipeline and of each pass, on the generated
//! multi-language corpus of scraped-style text (see `benches/corpus.rs`), once
//! with damage on a quarter of the lines ("dense") and once on one line in a
//! hundred ("sparse"). Run with `cargo bench`; criterion prints MB/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use textscrub::{clean, passes, Options};

#[path = "corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    for (name, damage_every) in [("dense", 4), ("sparse", 100)] {
        let text = corpus::build(1 << 20, damage_every);
        let mut group = c.benchmark_group(format!("clean-{name}"));
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
