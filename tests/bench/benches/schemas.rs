//! What validating a message against a union costs, next to validating it against its own
//! message schema, with the `jsonschema` crate: `cargo bench -p rtwire-bench --bench schemas`.
//!
//! Input: 2,000 events of the realtime v2 server stream of `rtwire_bench` (seed 2, the stream
//! of `benches/protocol.rs`). Each is validated (`is_valid`) against the schema of its own
//! message (picked by its `type`), and against the open, closed and generators forms of
//! `realtime/v2/ServerEvent`, all built in memory from the registry, like `schemas/`. Every
//! validator must accept every event before anything is timed. The ratios come from 21
//! interleaved passes (each pass times every validator once, in rotating order; the median per
//! validator), so a change of load on a shared machine does not favour one of them. The run
//! also writes the stream to `target/rtwire-bench/v2_server.jsonl` for the Ajv figures
//! (`tests/schema-tools/bench-ajv.mjs`).

use criterion::{Criterion, SamplingMode, Throughput};
use rtwire_codegen::schema::{UnionSchema, form_path};
use rtwire_codegen::unions::Form;
use serde_json::Value;
use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

const EVENTS: usize = 2_000;

/// One way to validate an event.
enum Check {
    /// The validator of the event's own message, by `type`.
    Message(HashMap<String, jsonschema::Validator>),
    /// One union validator.
    Union(jsonschema::Validator),
}

impl Check {
    fn is_valid(&self, event: &Value) -> bool {
        match self {
            Check::Message(by_type) => {
                let tag = event["type"].as_str().expect("tagged");
                by_type[tag].is_valid(event)
            }
            Check::Union(validator) => validator.is_valid(event),
        }
    }
}

fn all_valid(check: &Check, events: &[Value]) -> bool {
    events.iter().all(|e| check.is_valid(black_box(e)))
}

fn main() {
    let lines = rtwire_bench::v2_server_stream(EVENTS, 2);
    let events: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let out = rtwire_codegen::workspace_root().join("target/rtwire-bench");
    std::fs::create_dir_all(&out).expect("target/rtwire-bench");
    std::fs::write(out.join("v2_server.jsonl"), lines.join("\n") + "\n").expect("write stream");

    let union = rtwire_codegen::schema::unions()
        .into_iter()
        .find(|u| u.info.module == "realtime/v2" && u.info.name == "ServerEvent")
        .expect("realtime v2 ServerEvent");
    let compile = |schema: &Value| jsonschema::validator_for(schema).expect("compiles");
    let form = |u: &UnionSchema, f: Form| {
        let path = form_path(&u.info, f, false);
        let started = Instant::now();
        let validator = compile(&u.form(&u.view, f, &path, u.info.name));
        (validator, started.elapsed())
    };
    let mut by_type = HashMap::new();
    for message in (union.info.messages)() {
        let schema = union.message_schema(&message).expect("message schema");
        by_type.insert(message.wire_name.to_owned(), compile(&schema));
    }
    let (open, open_compile) = form(&union, Form::Open);
    let (closed, closed_compile) = form(&union, Form::Closed);
    let (generators, generators_compile) = form(&union, Form::Generators);
    let checks = [
        ("message", Check::Message(by_type)),
        ("open", Check::Union(open)),
        ("closed", Check::Union(closed)),
        ("generators", Check::Union(generators)),
    ];
    for (name, check) in &checks {
        for (i, event) in events.iter().enumerate() {
            assert!(check.is_valid(event), "{name} rejects event {i}: {event}");
        }
    }
    println!(
        "{EVENTS} v2 server events; compile time of the union forms: open {:.1} ms, closed {:.1} ms, generators {:.1} ms",
        open_compile.as_secs_f64() * 1e3,
        closed_compile.as_secs_f64() * 1e3,
        generators_compile.as_secs_f64() * 1e3
    );

    let mut c = Criterion::default().configure_from_args();
    {
        let mut group = c.benchmark_group("union_validation");
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .sampling_mode(SamplingMode::Flat)
            .throughput(Throughput::Elements(EVENTS as u64));
        for (name, check) in &checks {
            group.bench_function(*name, |b| b.iter(|| assert!(all_valid(check, &events))));
        }
        group.finish();
    }
    c.final_summary();

    // Interleaved passes: every pass times each validator once, starting with a different one.
    let passes = 21;
    let mut times: Vec<Vec<f64>> = vec![vec![]; checks.len()];
    for pass in 0..passes {
        for k in 0..checks.len() {
            let i = (pass + k) % checks.len();
            let started = Instant::now();
            assert!(all_valid(&checks[i].1, &events));
            times[i].push(started.elapsed().as_secs_f64());
        }
    }
    let medians: Vec<f64> = times
        .iter_mut()
        .map(|t| {
            t.sort_by(f64::total_cmp);
            t[t.len() / 2]
        })
        .collect();
    println!("\njsonschema crate, median of {passes} interleaved passes over {EVENTS} events:");
    println!("| schema | µs per event | / message |");
    println!("|---|---|---|");
    for ((name, _), median) in checks.iter().zip(&medians) {
        println!(
            "| {name} | {:.2} | {:.2}× |",
            median / EVENTS as f64 * 1e6,
            median / medians[0]
        );
    }
}
