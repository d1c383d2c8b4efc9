//! Where the decoders spend their time, per event type, against the `IgnoredAny` floor:
//! `cargo run --release -p rtwire-bench --features profile --example decode_profile -- [v2|v1|app] [rounds]`
//! prints, for each event type of the stream, its share of the bytes and the interleaved
//! median time of the owned, borrowed and floor decoders over the events of that type.
//! `... -- v2 loop borrowed 200` decodes the stream 200 times with one decoder (for `perf`).

use rtwire_bench::{EVENTS, app_server_stream, v1_server_stream, v2_server_stream};
use rtwire_protocol::app_server::ServerMessage;
use rtwire_protocol::realtime::{v1, v2};
use serde::de::IgnoredAny;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

type Decoder = (&'static str, fn(&str) -> bool);

const V2: &[Decoder] = &[
    ("owned", |l| {
        serde_json::from_str::<v2::ServerEvent>(l).is_ok()
    }),
    ("borrowed", |l| v2::ServerEvent::decode_borrowed(l).is_ok()),
    ("floor", |l| serde_json::from_str::<IgnoredAny>(l).is_ok()),
];
const V1: &[Decoder] = &[
    ("owned", |l| {
        serde_json::from_str::<v1::ServerEvent>(l).is_ok()
    }),
    ("borrowed", |l| v1::ServerEvent::decode_borrowed(l).is_ok()),
    ("floor", |l| serde_json::from_str::<IgnoredAny>(l).is_ok()),
];
const APP: &[Decoder] = &[
    ("owned", |l| {
        serde_json::from_str::<ServerMessage>(l).is_ok()
    }),
    ("borrowed", |l| ServerMessage::decode_borrowed(l).is_ok()),
    ("floor", |l| serde_json::from_str::<IgnoredAny>(l).is_ok()),
];

/// The event type of a line: the value of its first member.
fn kind(line: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
    let tag = value
        .get("type")
        .or_else(|| value.get("method"))
        .and_then(|t| t.as_str())
        .unwrap_or("(answer)");
    tag.to_owned()
}

fn time(lines: &[&str], decode: fn(&str) -> bool) -> f64 {
    let start = Instant::now();
    for line in lines {
        assert!(decode(black_box(line)), "a decoder refused {line:.200}");
    }
    start.elapsed().as_nanos() as f64
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stream = args.first().map_or("v2", String::as_str);
    let (lines, table) = match stream {
        "v2" => (v2_server_stream(EVENTS, 2), V2),
        "v1" => (v1_server_stream(EVENTS, 1), V1),
        "app" => (app_server_stream(EVENTS, 4), APP),
        other => panic!("unknown stream {other}: v2, v1 or app"),
    };
    if args.get(1).map(String::as_str) == Some("loop") {
        let name = args.get(2).map_or("borrowed", String::as_str);
        let passes: usize = args.get(3).map_or(100, |n| n.parse().expect("a count"));
        let decode = table
            .iter()
            .find(|(id, _)| *id == name)
            .expect("a decoder")
            .1;
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let mut total = 0.0;
        for _ in 0..passes {
            total += time(&lines, decode);
        }
        println!("{name}: {:.2} ms per pass", total / passes as f64 / 1e6);
        return;
    }
    let rounds: usize = args.get(1).map_or(21, |n| n.parse().expect("a count"));
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for line in &lines {
        groups.entry(kind(line)).or_default().push(line);
    }
    let all: Vec<&str> = lines.iter().map(String::as_str).collect();
    let total_bytes: usize = all.iter().map(|l| l.len()).sum();
    groups.insert("(whole stream)".to_owned(), all);
    println!(
        "{:<48} {:>6} {:>7} {:>10} {:>10} {:>10} {:>8} {:>8}",
        "event type", "events", "bytes%", "floor µs", "owned µs", "borrow µs", "own/fl", "bor/fl"
    );
    for (kind, lines) in &groups {
        let mut times: Vec<Vec<f64>> = vec![vec![]; table.len()];
        for round in 0..rounds {
            for k in 0..table.len() {
                let i = (round + k) % table.len();
                times[i].push(time(lines, table[i].1));
            }
        }
        let med: Vec<f64> = times
            .into_iter()
            .map(|mut t| {
                t.sort_by(f64::total_cmp);
                t[t.len() / 2] / 1e3
            })
            .collect();
        let bytes: usize = lines.iter().map(|l| l.len()).sum();
        println!(
            "{:<48} {:>6} {:>6.1}% {:>10.1} {:>10.1} {:>10.1} {:>7.2}× {:>7.2}×",
            kind,
            lines.len(),
            100.0 * bytes as f64 / total_bytes as f64,
            med[2],
            med[0],
            med[1],
            med[0] / med[2],
            med[1] / med[2]
        );
    }
}
