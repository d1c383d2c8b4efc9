//! rtwire's benchmark suite: `cargo bench` at the workspace root.
//!
//! Decoding (typed rtwire unions, against `serde_json::Value`, the `IgnoredAny` parse-only floor
//! and async-openai's realtime types), encoding, `validate` throughput, `cargo codegen` and
//! `cargo codegen check`, and the peak memory of decoding one 16 MiB audio delta, all on the
//! deterministic streams of `rtwire_bench`. Every decoder is first checked to accept every
//! event of every stream, so that the timings compare the same work. The criterion groups run
//! first; then the decoders are timed again in interleaved passes (see
//! [`interleaved_medians`]), the other medians are read back from criterion's
//! `estimates.json` files, and a table of ratios with the goals of BENCHMARKS.md is printed.

use criterion::{Criterion, SamplingMode, Throughput};
use rtwire_bench::{
    EVENTS, app_server_big_audio_delta, app_server_stream, v1_big_audio_delta, v1_server_stream,
    v2_big_audio_delta, v2_client_stream, v2_server_stream,
};
use rtwire_protocol::Union;
use rtwire_protocol::app_server::ServerMessage;
use rtwire_protocol::realtime::{v1, v2};
use serde::de::IgnoredAny;
use serde_json::Value;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

type OpenAiServerEvent = async_openai::types::realtime::RealtimeServerEvent;

/// The system allocator, counting the bytes allocated while [`peak_during`] runs (net of what
/// is freed meanwhile) and their peak. Outside that window it only reads one flag, so that the
/// timed decoders do not pay for the counting (the IgnoredAny floor allocates nothing).
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

impl Counting {
    fn grew(by: usize) {
        if COUNTING.load(Ordering::Relaxed) {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            let now = CURRENT.fetch_add(by as isize, Ordering::Relaxed) + by as isize;
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
    }
    fn shrank(by: usize) {
        if COUNTING.load(Ordering::Relaxed) {
            CURRENT.fetch_sub(by as isize, Ordering::Relaxed);
        }
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            Self::grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            Self::grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        Self::shrank(layout.size());
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            if new_size >= layout.size() {
                Self::grew(new_size - layout.size());
            } else {
                Self::shrank(layout.size() - new_size);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The bytes allocated at the peak of `f`, above what was allocated before it.
fn peak_during<T>(f: impl FnOnce() -> T) -> usize {
    CURRENT.store(0, Ordering::SeqCst);
    PEAK.store(0, Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    let out = f();
    COUNTING.store(false, Ordering::SeqCst);
    drop(black_box(out));
    PEAK.load(Ordering::SeqCst).max(0) as usize
}

/// The number of allocations (and growing reallocations) made by `f`.
fn allocations_during<T>(f: impl FnOnce() -> T) -> usize {
    ALLOCATIONS.store(0, Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    let out = f();
    COUNTING.store(false, Ordering::SeqCst);
    drop(black_box(out));
    ALLOCATIONS.load(Ordering::SeqCst)
}

/// The base64 codec of an application that decodes the audio itself: the same crate and
/// configuration as rtwire's (`base64`'s SIMD engine; padded or not), into a reused buffer.
static APP_BASE64: LazyLock<base64::engine::Simd> = LazyLock::new(|| {
    use base64::engine::general_purpose::GeneralPurposeConfig;
    base64::engine::Simd::standard(
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    )
});

thread_local! {
    /// The PCM buffer every end-to-end decoder reuses, as a voice pipeline does.
    static PCM: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(16 * 1024));
}

/// Decodes base64 `text` into the reused PCM buffer with the application's codec.
fn app_pcm(text: &str) -> bool {
    use base64::Engine as _;
    PCM.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        APP_BASE64.decode_vec(text, &mut b).is_ok()
    })
}

struct Streams {
    v2: Vec<String>,
    v1: Vec<String>,
    client: Vec<String>,
    app: Vec<String>,
}

fn bytes(lines: &[String]) -> u64 {
    lines.iter().map(|l| l.len() as u64 + 1).sum()
}

/// Fails unless `decode` accepts every line (and, for typed decoders, knows its type).
fn assert_all(
    stream: &str,
    decoder: &str,
    lines: &[String],
    decode: impl Fn(&str) -> Result<(), String>,
) {
    for (i, line) in lines.iter().enumerate() {
        if let Err(e) = decode(line) {
            let shown: String = line.chars().take(300).collect();
            panic!("{stream}: {decoder} rejects event {i}: {e}\n{shown}");
        }
    }
}

fn typed<T: Union + serde::de::DeserializeOwned>(line: &str) -> Result<(), String> {
    let event: T = serde_json::from_str(line).map_err(|e| e.to_string())?;
    if event.is_unknown() {
        Err("decoded as Unknown".into())
    } else {
        Ok(())
    }
}

fn plain<T: serde::de::DeserializeOwned>(line: &str) -> Result<(), String> {
    serde_json::from_str::<T>(line)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// Every decoder accepts every event of its streams: the comparison is fair.
fn check_fairness(s: &Streams) {
    assert_all("v2", "rtwire", &s.v2, typed::<v2::ServerEvent>);
    assert_all("v2", "rtwire decode", &s.v2, |l| {
        v2::ServerEvent::decode(l)
            .map(drop)
            .map_err(|e| e.to_string())
    });
    assert_all("v2", "Value", &s.v2, plain::<Value>);
    assert_all("v2", "IgnoredAny", &s.v2, plain::<IgnoredAny>);
    assert_all("v2", "async-openai", &s.v2, plain::<OpenAiServerEvent>);
    assert_all("v1", "rtwire", &s.v1, typed::<v1::ServerEvent>);
    assert_all("v1", "Value", &s.v1, plain::<Value>);
    assert_all("v1", "IgnoredAny", &s.v1, plain::<IgnoredAny>);
    assert_all("client", "rtwire", &s.client, typed::<v2::ClientEvent>);
    assert_all("app-server", "rtwire", &s.app, typed::<ServerMessage>);
    assert_all("app-server", "rtwire decode", &s.app, |l| {
        ServerMessage::decode(l)
            .map(drop)
            .map_err(|e| format!("{e:?}"))
    });
    assert_all("v2", "rtwire borrowed = owned", &s.v2, |l| {
        let view = v2::ServerEvent::decode_borrowed(l).map_err(|e| e.to_string())?;
        let owned: v2::ServerEvent = serde_json::from_str(l).map_err(|e| e.to_string())?;
        same(view.into_owned(), owned)
    });
    assert_all("v1", "rtwire borrowed = owned", &s.v1, |l| {
        let view = v1::ServerEvent::decode_borrowed(l).map_err(|e| e.to_string())?;
        let owned: v1::ServerEvent = serde_json::from_str(l).map_err(|e| e.to_string())?;
        same(view.into_owned(), owned)
    });
    assert_all("client", "rtwire borrowed = owned", &s.client, |l| {
        let view = v2::ClientEvent::decode_borrowed(l).map_err(|e| e.to_string())?;
        let owned: v2::ClientEvent = serde_json::from_str(l).map_err(|e| e.to_string())?;
        same(view.into_owned(), owned)
    });
    assert_all("app-server", "rtwire borrowed = owned", &s.app, |l| {
        let view = ServerMessage::decode_borrowed(l).map_err(|e| format!("{e:?}"))?;
        let owned = ServerMessage::decode(l).map_err(|e| format!("{e:?}"))?;
        same(view.into_owned(), owned)
    });
    let deltas = audio_deltas(&s.v2);
    for (id, decode) in PCM_DECODERS.iter().filter(|(id, _)| *id != "ignored_any") {
        assert_all("v2 audio deltas", id, &deltas, |l| {
            let ok = decode(l);
            let pcm = PCM.with(|b| b.borrow().clone());
            let value: Value = serde_json::from_str(l).map_err(|e| e.to_string())?;
            let expected = rtwire_protocol::realtime::translation::Base64(
                value["delta"].as_str().unwrap_or_default().to_owned(),
            )
            .decode()
            .map_err(|e| e.to_string())?;
            if ok && pcm == expected {
                Ok(())
            } else {
                Err(format!(
                    "wrong PCM ({} bytes, expected {})",
                    pcm.len(),
                    expected.len()
                ))
            }
        });
    }
    assert_all("app-server", "Value", &s.app, plain::<Value>);
    assert_all("app-server", "IgnoredAny", &s.app, plain::<IgnoredAny>);
}

fn same<T: PartialEq>(a: T, b: T) -> Result<(), String> {
    if a == b {
        Ok(())
    } else {
        Err("the borrowed and owned decoders give different events".into())
    }
}

/// The `response.output_audio.delta` events of a v2 stream.
fn audio_deltas(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| l.starts_with("{\"type\":\"response.output_audio.delta\""))
        .cloned()
        .collect()
}

/// The audio strings of `deltas`.
fn audio_strings(deltas: &[String]) -> Vec<String> {
    deltas
        .iter()
        .map(|l| {
            let value: Value = serde_json::from_str(l).expect("checked");
            value["delta"].as_str().expect("checked").to_owned()
        })
        .collect()
}

fn share(lines: &[String], prefix: &str) -> f64 {
    let n = lines.iter().filter(|l| l.starts_with(prefix)).count();
    n as f64 / lines.len() as f64
}

/// Decoding `lines` with each decoder, one benchmark per decoder, in group `name`.
fn decode_group(c: &mut Criterion, name: &str, lines: &[String], decoders: &[Decoder]) {
    let mut group = c.benchmark_group(name);
    configure(&mut group, 5);
    group.throughput(Throughput::Bytes(bytes(lines)));
    for (id, decode) in decoders {
        group.bench_function(*id, |b| {
            b.iter(|| {
                for line in lines {
                    black_box(decode(black_box(line)));
                }
            })
        });
    }
    group.finish();
}

/// A decoder under test: its benchmark id and one decode of one line.
type Decoder = (&'static str, fn(&str) -> bool);

const V2_DECODERS: &[Decoder] = &[
    ("rtwire", |l| ok(serde_json::from_str::<v2::ServerEvent>(l))),
    ("rtwire_decode", |l| v2::ServerEvent::decode(l).is_ok()),
    ("rtwire_borrowed", |l| {
        v2::ServerEvent::decode_borrowed(l).is_ok()
    }),
    ("value", |l| ok(serde_json::from_str::<Value>(l))),
    ("ignored_any", |l| ok(serde_json::from_str::<IgnoredAny>(l))),
    ("async_openai", |l| {
        ok(serde_json::from_str::<OpenAiServerEvent>(l))
    }),
];

const V1_DECODERS: &[Decoder] = &[
    ("rtwire", |l| ok(serde_json::from_str::<v1::ServerEvent>(l))),
    ("rtwire_borrowed", |l| {
        v1::ServerEvent::decode_borrowed(l).is_ok()
    }),
    ("value", |l| ok(serde_json::from_str::<Value>(l))),
    ("ignored_any", |l| ok(serde_json::from_str::<IgnoredAny>(l))),
];

const APP_DECODERS: &[Decoder] = &[
    ("rtwire", |l| ok(serde_json::from_str::<ServerMessage>(l))),
    ("rtwire_decode", |l| ServerMessage::decode(l).is_ok()),
    ("rtwire_borrowed", |l| {
        ServerMessage::decode_borrowed(l).is_ok()
    }),
    ("value", |l| ok(serde_json::from_str::<Value>(l))),
    ("ignored_any", |l| ok(serde_json::from_str::<IgnoredAny>(l))),
];

/// Frame text to PCM bytes, for the audio deltas of the v2 stream: each decoder decodes the
/// event and then its base64 audio into the reused buffer.
const PCM_DECODERS: &[Decoder] = &[
    (
        "rtwire_borrowed",
        |l| match v2::ServerEvent::decode_borrowed(l) {
            Ok(v2::ServerEventRef::ResponseOutputAudioDelta(delta)) => PCM.with(|b| {
                let mut b = b.borrow_mut();
                b.clear();
                delta.decode_pcm_into(&mut b).is_ok()
            }),
            _ => false,
        },
    ),
    ("rtwire_owned", |l| {
        match serde_json::from_str::<v2::ServerEvent>(l) {
            Ok(v2::ServerEvent::ResponseOutputAudioDelta(delta)) => PCM.with(|b| {
                let mut b = b.borrow_mut();
                b.clear();
                delta.decode_pcm_into(&mut b).is_ok()
            }),
            _ => false,
        }
    }),
    ("async_openai", |l| {
        match serde_json::from_str::<OpenAiServerEvent>(l) {
            Ok(OpenAiServerEvent::ResponseOutputAudioDelta(delta)) => app_pcm(&delta.delta),
            _ => false,
        }
    }),
    ("value", |l| match serde_json::from_str::<Value>(l) {
        Ok(value) => value["delta"].as_str().is_some_and(app_pcm),
        Err(_) => false,
    }),
    ("ignored_any", |l| ok(serde_json::from_str::<IgnoredAny>(l))),
];

/// The two base64 codecs measured for `decode_pcm_into`, on the audio strings of the v2 deltas
/// (already extracted), into a reused buffer.
const BASE64_CODECS: &[Decoder] = &[
    ("base64_simd_engine", app_pcm),
    ("base64_scalar", |t| {
        use base64::Engine as _;
        PCM.with(|b| {
            let mut b = b.borrow_mut();
            b.clear();
            base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT
                .decode_vec(t, &mut b)
                .is_ok()
        })
    }),
    ("base64-simd", |t| {
        PCM.with(|b| {
            let mut b = b.borrow_mut();
            b.clear();
            base64_simd::STANDARD.decode_append(t, &mut *b).is_ok()
        })
    }),
];

/// The median time (ns) of one pass over `lines` of each decoder, measured in interleaved
/// rounds (each round times every decoder once, in a rotating order), so that a change of
/// the machine's load during the run weighs on every decoder alike: the ratios of the table
/// come from these medians.
fn interleaved_medians(
    lines: &[String],
    table: &[Decoder],
    rounds: usize,
) -> HashMap<&'static str, f64> {
    let mut times: Vec<Vec<f64>> = vec![vec![]; table.len()];
    for round in 0..rounds {
        for k in 0..table.len() {
            let i = (round + k) % table.len();
            let start = Instant::now();
            for line in lines {
                black_box((table[i].1)(black_box(line)));
            }
            times[i].push(start.elapsed().as_nanos() as f64);
        }
    }
    table
        .iter()
        .zip(times)
        .map(|((id, _), mut t)| {
            t.sort_by(f64::total_cmp);
            (*id, t[t.len() / 2])
        })
        .collect()
}

fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    seconds: u64,
) {
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(seconds))
        .sampling_mode(SamplingMode::Flat);
}

fn ok<T>(r: Result<T, serde_json::Error>) -> bool {
    let ok = r.is_ok();
    drop(black_box(r));
    ok
}

fn validate_args(union: &str) -> rtwire_codegen::validate::Args {
    rtwire_codegen::validate::Args {
        union: union.into(),
        files: vec![],
        strict: false,
        format: rtwire_codegen::validate::Format::Text,
    }
}

fn validate(
    args: &rtwire_codegen::validate::Args,
    jsonl: &[u8],
    out: &mut dyn std::io::Write,
) -> u8 {
    rtwire_codegen::validate::run(args, &mut &jsonl[..], out, &mut std::io::sink())
}

fn main() {
    let streams = Streams {
        v2: v2_server_stream(EVENTS, 2),
        v1: v1_server_stream(EVENTS, 1),
        client: v2_client_stream(EVENTS, 3),
        app: app_server_stream(EVENTS, 4),
    };
    println!("Streams ({EVENTS} events each):");
    println!(
        "  v2 server   {:>6.1} MB, {:.0}% response.output_audio.delta",
        bytes(&streams.v2) as f64 / 1e6,
        100.0 * share(&streams.v2, "{\"type\":\"response.output_audio.delta\"")
    );
    println!(
        "  v1 server   {:>6.1} MB, {:.0}% conversation.output_audio.delta",
        bytes(&streams.v1) as f64 / 1e6,
        100.0 * share(&streams.v1, "{\"type\":\"conversation.output_audio.delta\"")
    );
    println!(
        "  v2 client   {:>6.1} MB, {:.0}% input_audio_buffer.append",
        bytes(&streams.client) as f64 / 1e6,
        100.0 * share(&streams.client, "{\"type\":\"input_audio_buffer.append\"")
    );
    println!(
        "  app-server  {:>6.1} MB, {:.0}% thread/realtime/outputAudio/delta",
        bytes(&streams.app) as f64 / 1e6,
        100.0
            * share(
                &streams.app,
                "{\"method\":\"thread/realtime/outputAudio/delta\""
            )
    );
    check_fairness(&streams);
    println!("Every decoder accepts every event of its streams (rtwire: none Unknown).");

    // Encoding: the typed client events and the equivalent JSON values (the typed encoding,
    // decoded as Value: the same members, so the same output bytes).
    let client_typed: Vec<v2::ClientEvent> = streams
        .client
        .iter()
        .map(|l| serde_json::from_str(l).expect("checked"))
        .collect();
    let client_values: Vec<Value> = client_typed
        .iter()
        .map(|e| serde_json::to_value(e).expect("encodes"))
        .collect();
    for (typed, value) in client_typed.iter().zip(&client_values) {
        assert_eq!(
            serde_json::to_string(typed).unwrap().len(),
            serde_json::to_string(value).unwrap().len(),
            "the typed and Value encodings differ"
        );
    }

    let v2_jsonl = streams.v2.join("\n").into_bytes();
    let v2_args = validate_args("realtime/v2/ServerEvent");
    let mut report = vec![];
    let code = validate(&v2_args, &v2_jsonl, &mut report);
    assert_eq!(
        code,
        0,
        "validate rejects the v2 stream:\n{}",
        String::from_utf8_lossy(&report)
    );

    let root = rtwire_codegen::workspace_root();
    let (drift, _) = rtwire_codegen::check::drift(&root, &rtwire_codegen::generate())
        .expect("reads schemas/ and generated/");
    assert!(
        drift.is_clean(),
        "generated files drift: run `cargo codegen`"
    );

    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("criterion");
    let mut c = Criterion::default()
        .output_directory(&out_dir)
        .without_plots()
        .configure_from_args();

    let deltas = audio_deltas(&streams.v2);
    let audio = audio_strings(&deltas);
    let decoders: [(&str, &[String], &[Decoder]); 5] = [
        ("decode_v2", &streams.v2, V2_DECODERS),
        ("decode_v1", &streams.v1, V1_DECODERS),
        ("decode_app_server", &streams.app, APP_DECODERS),
        ("decode_pcm_v2", &deltas, PCM_DECODERS),
        ("base64_codec", &audio, BASE64_CODECS),
    ];
    for (group, lines, table) in decoders {
        decode_group(&mut c, group, lines, table);
    }

    {
        let mut group = c.benchmark_group("encode_v2_client");
        configure(&mut group, 3);
        group.throughput(Throughput::Bytes(bytes(&streams.client)));
        group.bench_function("rtwire", |b| {
            b.iter(|| {
                for e in &client_typed {
                    black_box(serde_json::to_string(black_box(e)).unwrap());
                }
            })
        });
        group.bench_function("value", |b| {
            b.iter(|| {
                for v in &client_values {
                    black_box(serde_json::to_string(black_box(v)).unwrap());
                }
            })
        });
        group.finish();
    }
    {
        let mut group = c.benchmark_group("validate");
        configure(&mut group, 8);
        group.throughput(Throughput::Bytes(v2_jsonl.len() as u64));
        group.bench_function("v2_server", |b| {
            b.iter(|| validate(&v2_args, &v2_jsonl, &mut std::io::sink()))
        });
        group.finish();
    }
    {
        let mut group = c.benchmark_group("codegen");
        configure(&mut group, 5);
        group.bench_function("generate", |b| b.iter(rtwire_codegen::generate));
        group.bench_function("check", |b| {
            b.iter(|| {
                rtwire_codegen::check::drift(&root, &rtwire_codegen::generate())
                    .expect("reads")
                    .0
                    .is_clean()
            })
        });
        group.finish();
    }

    const BIG: usize = 16 * 1024 * 1024;
    let big = [
        ("v2 response.output_audio.delta", v2_big_audio_delta(BIG, 5)),
        (
            "v1 conversation.output_audio.delta",
            v1_big_audio_delta(BIG, 6),
        ),
        (
            "app-server outputAudio/delta",
            app_server_big_audio_delta(BIG, 7),
        ),
    ];
    let peaks: Vec<(&str, f64, f64, f64)> =
        big.iter()
            .enumerate()
            .map(|(i, (name, line))| {
                let typed = match i {
                    0 => peak_during(|| {
                        serde_json::from_str::<v2::ServerEvent>(line).expect("decodes")
                    }) as f64,
                    1 => peak_during(|| {
                        serde_json::from_str::<v1::ServerEvent>(line).expect("decodes")
                    }) as f64,
                    _ => peak_during(|| {
                        serde_json::from_str::<ServerMessage>(line).expect("decodes")
                    }) as f64,
                };
                let borrowed = match i {
                    0 => peak_during(|| v2::ServerEvent::decode_borrowed(line).expect("decodes"))
                        as f64,
                    1 => peak_during(|| v1::ServerEvent::decode_borrowed(line).expect("decodes"))
                        as f64,
                    _ => peak_during(|| ServerMessage::decode_borrowed(line).expect("decodes"))
                        as f64,
                };
                let value =
                    peak_during(|| serde_json::from_str::<Value>(line).expect("decodes")) as f64;
                (
                    *name,
                    typed / BIG as f64,
                    borrowed / BIG as f64,
                    value / BIG as f64,
                )
            })
            .collect();

    // Allocations per audio delta, frame text to PCM in the reused buffer (after one warm-up
    // call of each: the buffer and the codec's CPU detection are set up once per process).
    let allocations: Vec<(&str, f64)> = PCM_DECODERS
        .iter()
        .filter(|(id, _)| *id != "ignored_any")
        .map(|(id, decode)| {
            decode(&deltas[0]);
            let n = allocations_during(|| {
                for line in &deltas {
                    black_box(decode(black_box(line)));
                }
            });
            (*id, n as f64 / deltas.len() as f64)
        })
        .collect();

    let mut interleaved = HashMap::new();
    for (group, lines, table) in decoders {
        interleaved.insert(group, interleaved_medians(lines, table, 31));
    }

    c.final_summary();
    print_table(
        &out_dir,
        &streams,
        v2_jsonl.len(),
        &peaks,
        &interleaved,
        (&deltas, &audio, &allocations),
    );
}

/// The median of a benchmark, in nanoseconds, from criterion's estimates.json.
fn median(out: &Path, group: &str, id: &str) -> Option<f64> {
    let path: PathBuf = out.join(group).join(id).join("new").join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let estimates: Value = serde_json::from_str(&text).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}

fn print_table(
    out: &Path,
    s: &Streams,
    v2_bytes: usize,
    peaks: &[(&str, f64, f64, f64)],
    interleaved: &HashMap<&str, HashMap<&str, f64>>,
    (deltas, audio, allocations): (&[String], &[String], &[(&str, f64)]),
) {
    let m = |g: &str, id: &str| median(out, g, id);
    let im = |g: &str, id: &str| interleaved.get(g).and_then(|t| t.get(id)).copied();
    let ratio = |a: Option<f64>, b: Option<f64>| Some(a? / b?);
    let mut goals_met = 0;
    let mut goals = 0;
    let mut row = |what: &str, value: Option<f64>, unit: &str, goal: Option<(&str, f64)>| {
        let shown = value.map_or("n/a".to_owned(), |v| format!("{v:.2}{unit}"));
        let verdict = match (goal, value) {
            (Some(("<=", limit)), Some(v)) => {
                goals += 1;
                if v <= limit {
                    goals_met += 1;
                    format!("goal <= {limit}{unit}: met")
                } else {
                    format!("goal <= {limit}{unit}: MISSED")
                }
            }
            (Some(("<", limit)), Some(v)) => {
                goals += 1;
                if v < limit {
                    goals_met += 1;
                    format!("goal < {limit}{unit}: met")
                } else {
                    format!("goal < {limit}{unit}: MISSED")
                }
            }
            (Some((_, limit)), Some(v)) => {
                goals += 1;
                if v >= limit {
                    goals_met += 1;
                    format!("goal >= {limit}{unit}: met")
                } else {
                    format!("goal >= {limit}{unit}: MISSED")
                }
            }
            (Some(_), None) => "not measured".to_owned(),
            (None, _) => String::new(),
        };
        println!("  {what:<58} {shown:>12}   {verdict}");
    };
    let mb = |lines: &[String], ns: Option<f64>| Some(bytes(lines) as f64 / 1e6 / (ns? / 1e9));

    println!(
        "\nrtwire benchmark summary (medians; ratio = time / time). Decode ratios: medians of 31"
    );
    println!(
        "interleaved passes per decoder (robust to load changes); MB/s and the rest: criterion medians."
    );
    for (group, name, lines, peer) in [
        ("decode_v2", "v2 server stream", &s.v2, true),
        ("decode_v1", "v1 server stream", &s.v1, false),
        (
            "decode_app_server",
            "app-server notification stream",
            &s.app,
            false,
        ),
    ] {
        let typed = im(group, "rtwire");
        let floor = im(group, "ignored_any");
        println!("Decoding the {name} ({:.1} MB):", bytes(lines) as f64 / 1e6);
        row(
            "typed rtwire (serde_json::from_str), MB/s [criterion]",
            mb(lines, m(group, "rtwire")),
            "",
            None,
        );
        row(
            "IgnoredAny floor, MB/s [criterion]",
            mb(lines, m(group, "ignored_any")),
            "",
            None,
        );
        row(
            "typed / IgnoredAny floor",
            ratio(typed, floor),
            "x",
            Some(("<", 1.25)),
        );
        row(
            "Value / typed (how much faster typed is)",
            ratio(im(group, "value"), typed),
            "x",
            Some((">=", 1.4)),
        );
        row(
            "Value / IgnoredAny floor",
            ratio(im(group, "value"), floor),
            "x",
            None,
        );
        row(
            "borrowed (decode_borrowed) / IgnoredAny floor",
            ratio(im(group, "rtwire_borrowed"), floor),
            "x",
            Some(("<=", 1.10)),
        );
        row(
            "typed / borrowed (how much faster borrowed is)",
            ratio(typed, im(group, "rtwire_borrowed")),
            "x",
            None,
        );
        if im(group, "rtwire_decode").is_some() {
            row(
                "rtwire_protocol decode / IgnoredAny floor",
                ratio(im(group, "rtwire_decode"), floor),
                "x",
                None,
            );
        }
        if peer {
            row(
                "async-openai / typed (how much faster typed is)",
                ratio(im(group, "async_openai"), typed),
                "x",
                Some((">=", 1.4)),
            );
            row(
                "async-openai / IgnoredAny floor",
                ratio(im(group, "async_openai"), floor),
                "x",
                None,
            );
        }
        row(
            "typed / IgnoredAny floor [criterion medians]",
            ratio(m(group, "rtwire"), m(group, "ignored_any")),
            "x",
            None,
        );
    }
    let g = "decode_pcm_v2";
    println!(
        "Frame text to PCM bytes, the {} audio deltas of the v2 stream ({:.1} MB), reused buffer:",
        deltas.len(),
        bytes(deltas) as f64 / 1e6
    );
    row(
        "rtwire decode_borrowed + decode_pcm_into, MB/s [interleaved]",
        mb(deltas, im(g, "rtwire_borrowed")),
        "",
        None,
    );
    row(
        "async-openai + base64 / rtwire borrowed",
        ratio(im(g, "async_openai"), im(g, "rtwire_borrowed")),
        "x",
        Some((">=", 1.5)),
    );
    row(
        "Value + base64 / rtwire borrowed",
        ratio(im(g, "value"), im(g, "rtwire_borrowed")),
        "x",
        Some((">=", 1.5)),
    );
    row(
        "rtwire owned + decode_pcm_into / rtwire borrowed",
        ratio(im(g, "rtwire_owned"), im(g, "rtwire_borrowed")),
        "x",
        None,
    );
    row(
        "rtwire borrowed to PCM / IgnoredAny floor (no PCM)",
        ratio(im(g, "rtwire_borrowed"), im(g, "ignored_any")),
        "x",
        None,
    );
    for (id, per_delta) in allocations {
        row(
            &format!("allocations per audio delta, {id}"),
            Some(*per_delta),
            "",
            if *id == "rtwire_borrowed" {
                Some(("<=", 0.0))
            } else {
                None
            },
        );
    }
    println!(
        "base64 codecs, the audio strings of those deltas ({:.1} MB), into a reused buffer:",
        bytes(audio) as f64 / 1e6
    );
    for id in ["base64_simd_engine", "base64_scalar", "base64-simd"] {
        row(
            &format!("{id}, MB/s [interleaved]"),
            mb(audio, im("base64_codec", id)),
            "",
            None,
        );
    }
    println!(
        "Encoding the v2 client stream ({:.1} MB):",
        bytes(&s.client) as f64 / 1e6
    );
    row(
        "typed rtwire ClientEvent, MB/s",
        mb(&s.client, m("encode_v2_client", "rtwire")),
        "",
        None,
    );
    row(
        "typed / Value",
        ratio(
            m("encode_v2_client", "rtwire"),
            m("encode_v2_client", "value"),
        ),
        "x",
        None,
    );
    println!("validate (in process, v2 server stream):");
    row(
        "throughput, MB/s",
        m("validate", "v2_server").map(|ns| v2_bytes as f64 / 1e6 / (ns / 1e9)),
        "",
        None,
    );
    println!("codegen (whole catalog, in process):");
    row(
        "cargo codegen (generate), s",
        m("codegen", "generate").map(|ns| ns / 1e9),
        "",
        None,
    );
    row(
        "cargo codegen check (generate + compare), s",
        m("codegen", "check").map(|ns| ns / 1e9),
        "",
        Some(("<", 1.0)),
    );
    println!("Peak memory above baseline while decoding one 16 MiB audio delta (x input size):");
    for (name, typed, borrowed, value) in peaks {
        row(
            &format!("{name}, typed"),
            Some(*typed),
            "x",
            Some(("<", 3.0)),
        );
        row(
            &format!("{name}, borrowed"),
            Some(*borrowed),
            "x",
            Some(("<", 3.0)),
        );
        row(
            &format!("{name}, Value (reference)"),
            Some(*value),
            "x",
            None,
        );
    }
    println!("\n{goals_met} of {goals} goals met.");
}
