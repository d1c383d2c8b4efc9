//! The borrowed path: every `decode_borrowed` gives the same events and the same errors as the
//! owned decoder (on the whole examples corpus, on every property-test value, and on pinned bad
//! inputs), its audio members borrow from the frame, and it allocates nothing per audio delta;
//! PCM decoding and encoding round-trip, and bad base64 is an error naming the event and the
//! member.

use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use rtwire_fuzz::borrowed::{Pair, agree, all_agree, pair_of};
use rtwire_protocol::app_server::{
    ClientMessage, ClientMessageRef, RequestId, ServerMessage, ServerMessageRef,
};
use rtwire_protocol::audio::Pcm;
use rtwire_protocol::realtime::translation::{self, Base64};
use rtwire_protocol::realtime::{InputAudioBufferAppend, v1, v2, v3};
use rtwire_tests::arbitrary::strategy;
use serde_json::{Value, json};
use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::Cell;

/// The system allocator, counting the allocations of the current thread (tests run on
/// several threads; each counts its own).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) }
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(p, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// Whether `text` decodes through `decode_borrowed` to a borrowed variant of its view.
fn borrowed_variant(text: &str) -> bool {
    matches!(
        v2::ServerEvent::decode_borrowed(text),
        Ok(v2::ServerEventRef::ResponseOutputAudioDelta(_))
    ) || matches!(
        v2::ClientEvent::decode_borrowed(text),
        Ok(v2::ClientEventRef::InputAudioBufferAppend(_))
    ) || matches!(
        v1::ServerEvent::decode_borrowed(text),
        Ok(v1::ServerEventRef::ConversationOutputAudioDelta(_))
    ) || matches!(
        v3::ServerEvent::decode_borrowed(text),
        Ok(v3::ServerEventRef::OutputAudioDelta(_))
    ) || matches!(
        v3::ClientEvent::decode_borrowed(text),
        Ok(v3::ClientEventRef::InputAudioAppend(_))
    ) || matches!(
        translation::ServerEvent::decode_borrowed(text),
        Ok(translation::ServerEventRef::OutputAudioDelta(_))
    ) || matches!(
        translation::ClientEvent::decode_borrowed(text),
        Ok(translation::ClientEventRef::InputAudioBufferAppend(_))
    ) || matches!(
        ServerMessage::decode_borrowed(text),
        Ok(ServerMessageRef::ThreadRealtimeOutputAudioDelta(_))
    ) || matches!(
        ClientMessage::decode_borrowed(text),
        Ok(ClientMessageRef::ThreadRealtimeAppendAudio { .. })
    )
}

/// The texts of an example: compact, pretty, and with every `/` written as the escape `\/`
/// (JSON has `/` only inside strings), which forces the borrowed strings to be copies.
fn texts(value: &Value) -> [String; 3] {
    let compact = serde_json::to_string(value).unwrap();
    let escaped = compact.replace('/', "\\/");
    [
        compact,
        serde_json::to_string_pretty(value).unwrap(),
        escaped,
    ]
}

/// The audio messages of the corpus, by wire name: the borrowed path must be taken for each.
const AUDIO: [&str; 9] = [
    "output_audio.delta",
    "input_audio.append",
    "response.output_audio.delta",
    "input_audio_buffer.append",
    "conversation.output_audio.delta",
    "session.output_audio.delta",
    "session.input_audio_buffer.append",
    "thread/realtime/outputAudio/delta",
    "thread/realtime/appendAudio",
];

#[test]
fn borrowed_and_owned_decoders_agree_on_every_example_and_every_corpus_line() {
    let mut failures = vec![];
    let mut checked = 0;
    let mut borrowed = std::collections::BTreeSet::new();
    for example in rtwire_tests::corpus::examples() {
        for text in texts(&example.value) {
            checked += 1;
            for failure in all_agree(&text) {
                failures.push(format!("{}: {failure}", example.path.display()));
            }
            if AUDIO.contains(&example.wire_name.as_str()) && !example.result {
                if borrowed_variant(&text) {
                    borrowed.insert(example.wire_name.clone());
                } else {
                    failures.push(format!(
                        "{}: not decoded to a borrowed variant",
                        example.path.display()
                    ));
                }
            }
        }
    }
    let mut lines = vec![];
    collect_jsonl(&rtwire_tests::corpus::dir(), &mut lines);
    for (path, line) in &lines {
        checked += 1;
        for failure in all_agree(line) {
            failures.push(format!("{path}: {failure}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(borrowed.len(), AUDIO.len(), "audio examples: {borrowed:?}");
    assert!(
        checked > 300 && lines.len() > 20,
        "{checked} texts, {} lines",
        lines.len()
    );
}

fn collect_jsonl(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_jsonl(&path, out);
        } else if path.extension().is_some_and(|e| e == "jsonl") {
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                out.push((path.display().to_string(), line.to_owned()));
            }
        }
    }
}

#[test]
fn borrowed_and_owned_decoders_agree_on_every_property_test_value() {
    let mut failures = vec![];
    for union in rtwire_tests::unions() {
        let check = pair_of(union.info.surface, union.info.version, union.info.direction);
        let mut schemas = vec![union.root.clone()];
        for message in (union.info.messages)() {
            schemas.push(
                union
                    .message_schema(&message)
                    .expect("a branch per message"),
            );
        }
        for schema in schemas {
            let result = runner().run(&strategy(&schema), |value| {
                for text in texts(&value) {
                    check(&text).map_err(TestCaseError::fail)?;
                }
                Ok(())
            });
            if let Err(e) = result {
                failures.push(format!("{}: {e}", union.info.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: 24,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x7274_7769_7265),
        ..Config::default()
    })
}

/// The error of both decoders of `P` on `text`, or a description of how they differ.
fn error_of<P: Pair>(text: &str) -> String {
    if let Err(e) = agree::<P>(text) {
        return format!("DISAGREE: {e}");
    }
    match P::owned(text) {
        Ok(message) => format!("ACCEPTED: {}", serde_json::to_value(message).unwrap()),
        Err(e) => e,
    }
}

const DELTA: &str = r#""response_id":"r","item_id":"i","output_index":0,"content_index":0"#;

#[test]
fn borrowed_and_owned_decoders_give_the_same_pinned_errors() {
    let cases: Vec<(String, String)> = vec![
        (
            error_of::<v2::ServerEvent>(&format!(r#"{{"type":"response.output_audio.delta",{DELTA}}}"#)),
            "response.output_audio.delta: missing field `delta`".into(),
        ),
        (
            error_of::<v2::ServerEvent>(r#"{"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":"0","content_index":0,"delta":""}"#),
            "response.output_audio.delta: invalid type: string \"0\", expected u32 (at /output_index)".into(),
        ),
        (
            error_of::<v2::ServerEvent>(&format!(r#"{{"type":"response.audio.delta",{DELTA},"delta":7}}"#)),
            "response.audio.delta: invalid type: integer `7`, expected a string (at /delta)".into(),
        ),
        (
            error_of::<v2::ServerEvent>(&format!(r#"{{"type":"response.output_audio.delta",{DELTA},"delta":"","event_id":false}}"#)),
            "response.output_audio.delta: invalid type: boolean `false`, expected a string (at /event_id)".into(),
        ),
        (
            error_of::<v2::ServerEvent>(&format!(r#"{{"type":"response.output_audio.delta",{DELTA},"delta":"","delta":""}}"#)),
            // A repeated member is refused by both (the strict JSON rules of every union).
            "duplicate member `delta` (at /delta)".into(),
        ),
        (
            error_of::<v2::ServerEvent>(&format!(r#"{{{DELTA},"type":"response.output_audio.delta","channels":"2","delta":""}}"#)),
            "response.output_audio.delta: invalid type: string \"2\", expected u32 (at /channels)".into(),
        ),
        (
            error_of::<v2::ServerEvent>(r#"{"type":"response.output_audio.delta","#),
            "not valid JSON: EOF while parsing a value at line 1 column 38".into(),
        ),
        (
            error_of::<v2::ServerEvent>(r#"{"type":7}"#),
            "invalid type: integer `7`, expected a string `type` (at /type)".into(),
        ),
        (
            error_of::<v2::ClientEvent>(r#"{"type":"input_audio_buffer.append"}"#),
            "input_audio_buffer.append: missing field `audio`".into(),
        ),
        (
            error_of::<v1::ServerEvent>(r#"{"type":"conversation.output_audio.delta","sample_rate":24000,"channels":1}"#),
            "conversation.output_audio.delta: missing field `delta` (or its alias `data`)".into(),
        ),
        (
            error_of::<v1::ServerEvent>(r#"{"type":"conversation.output_audio.delta","data":"AA==","sample_rate":24000}"#),
            "conversation.output_audio.delta: missing field `channels` (or its alias `num_channels`)".into(),
        ),
        (
            error_of::<v1::ServerEvent>(r#"{"type":"conversation.output_audio.delta","delta":null,"data":null,"sample_rate":24000,"channels":1}"#),
            "conversation.output_audio.delta: missing field `delta` (or its alias `data`)".into(),
        ),
        (
            error_of::<translation::ServerEvent>(r#"{"type":"session.output_audio.delta","delta":"AA=A"}"#),
            "session.output_audio.delta: not base64: padding `=` before the end at offset 2 (at /delta)".into(),
        ),
        (
            error_of::<translation::ClientEvent>(r#"{"type":"session.input_audio_buffer.append","audio":"AAA"}"#),
            "session.input_audio_buffer.append: not base64: the length is not a multiple of 4 at offset 3 (at /audio)".into(),
        ),
        (
            error_of::<ServerMessage>(r#"{"method":"thread/realtime/outputAudio/delta","params":{"threadId":"t","audio":{"data":"","sampleRate":24000}}}"#),
            "RpcDecodeError { id: None, code: InvalidParams, message: \"invalid params for thread/realtime/outputAudio/delta: missing field `numChannels` (at /params/audio)\", path: \"/params/audio\", reason: \"missing field `numChannels`\" }".into(),
        ),
        (
            error_of::<ServerMessage>(r#"{"method":"thread/realtime/outputAudio/delta"}"#),
            "RpcDecodeError { id: None, code: InvalidParams, message: \"invalid params for thread/realtime/outputAudio/delta: missing field `params`\", path: \"\", reason: \"missing field `params`\" }".into(),
        ),
        (
            error_of::<ServerMessage>(r#"{"method":"thread/realtime/outputAudio/delta","id":3,"params":{}}"#),
            "RpcDecodeError { id: Some(Integer(3)), code: MethodNotFound, message: \"method not found: thread/realtime/outputAudio/delta\", path: \"\", reason: \"method not found: thread/realtime/outputAudio/delta\" }".into(),
        ),
        (
            error_of::<ClientMessage>(r#"{"id":"a","method":"thread/realtime/appendAudio","params":{"threadId":"t","audio":{"data":7,"sampleRate":24000,"numChannels":1}}}"#),
            "RpcDecodeError { id: Some(String(\"a\")), code: InvalidParams, message: \"invalid params for thread/realtime/appendAudio: invalid type: integer `7`, expected a string (at /params/audio/data)\", path: \"/params/audio/data\", reason: \"invalid type: integer `7`, expected a string\" }".into(),
        ),
        (
            error_of::<ClientMessage>(r#"{"id":null,"method":"thread/realtime/appendAudio","params":{}}"#),
            "RpcDecodeError { id: None, code: InvalidRequest, message: \"invalid type: null, expected a string or an integer (at /id)\", path: \"/id\", reason: \"invalid type: null, expected a string or an integer\" }".into(),
        ),
    ];
    let (got, want): (Vec<String>, Vec<String>) = cases.into_iter().unzip();
    assert_eq!(got, want);
}

#[test]
fn aliases_minimal_forms_and_unknown_events_decode_as_in_the_owned_decoder() {
    // `response.audio.delta` and `num_channels` are read as the canonical event.
    let text =
        format!(r#"{{"type":"response.audio.delta",{DELTA},"delta":"AAAA","num_channels":2}}"#);
    let Ok(v2::ServerEventRef::ResponseOutputAudioDelta(delta)) =
        v2::ServerEvent::decode_borrowed(&text)
    else {
        panic!("the alias is a borrowed delta");
    };
    assert_eq!(delta.channels, Some(2));
    assert_eq!(
        serde_json::to_value(v2::ServerEventRef::ResponseOutputAudioDelta(delta)).unwrap(),
        json!({"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA","channels":2})
    );
    // v1: `data` is used only when `delta` is absent or null.
    let text = r#"{"type":"conversation.output_audio.delta","delta":null,"data":"AAAA","sample_rate":48000,"num_channels":2}"#;
    let view = v1::ServerEvent::decode_borrowed(text).unwrap();
    assert_eq!(
        serde_json::to_value(&view).unwrap(),
        json!({"type":"conversation.output_audio.delta","delta":"AAAA","sample_rate":48000,"channels":2})
    );
    // An unknown event is kept as raw JSON, in the owned variant.
    let text = r#"{"type":"response.output_audio.delta.v9","delta":"AAAA","x":[1]}"#;
    assert_eq!(
        v2::ServerEvent::decode_borrowed(text).unwrap(),
        v2::ServerEventRef::Owned(Box::new(v2::ServerEvent::Unknown(
            serde_json::from_str(text).unwrap()
        )))
    );
    // A tag that is not first is read from the buffered object, and the delta is still the
    // borrowed variant (holding copies).
    let text = format!(r#"{{"delta":"AAAA",{DELTA},"type":"response.output_audio.delta"}}"#);
    let Ok(v2::ServerEventRef::ResponseOutputAudioDelta(delta)) =
        v2::ServerEvent::decode_borrowed(&text)
    else {
        panic!("a delta whose tag comes last is a delta");
    };
    assert!(matches!(delta.delta, Cow::Owned(_)));
    // Every other event is the owned event.
    let text = r#"{"type":"input_audio_buffer.speech_started","audio_start_ms":5,"item_id":"i"}"#;
    assert_eq!(
        v2::ServerEvent::decode_borrowed(text).unwrap(),
        v2::ServerEventRef::Owned(Box::new(v2::ServerEvent::decode(text).unwrap()))
    );
}

/// JSON values at the edges of the grammar, valid or not, to put at every member position.
const EDGES: &[&str] = &[
    "0",
    "-0",
    "01",
    "1.0",
    "1e3",
    "1e400",
    "-1",
    "4294967296",
    "18446744073709551616",
    "1.",
    r#""""#,
    r#""AAAA""#,
    r#""AA\nAA""#,
    r#""\u0041AAA""#,
    r#""\ud83d""#,
    "\"a\u{1}b\"",
    r#""\q""#,
    "true",
    "nul",
    "null",
    "[]",
    "[1,]",
    "{}",
    r#"{"a":1,}"#,
    r#"{"a":1,"a":2}"#,
    "[[[[[]]]]]",
];

#[test]
fn the_frame_reader_agrees_with_the_owned_decoder_at_every_member_position() {
    let delta = |member: &str, value: &str| {
        format!(
            r#"{{"type":"response.output_audio.delta","response_id":"r","{member}":{value},"delta":"AAAA"}}"#
        )
    };
    let mut texts = vec![];
    for edge in EDGES {
        texts.extend([
            delta("x", edge),
            delta("output_index", edge),
            delta("event_id", edge),
            format!(r#"{{"type":"response.output_audio.delta","delta":{edge}}}"#),
            format!(r#"{{"type":"future.event","x":{edge}}}"#),
            format!(r#"{{"type":"input_audio_buffer.append","audio":{edge}}}"#),
            format!(
                r#"{{"method":"thread/realtime/outputAudio/delta","params":{{"threadId":"t","x":{edge},"audio":{{"data":{edge},"sampleRate":24000,"numChannels":1}}}}}}"#
            ),
            format!(
                r#"{{"id":1,"method":"thread/realtime/appendAudio","params":{{"threadId":"t","audio":{{"data":"AAAA","sampleRate":{edge},"numChannels":1}}}}}}"#
            ),
            format!(r#"{{"method":"thread/realtime/outputAudio/delta","params":{edge}}}"#),
            format!(
                r#"{{"method":"thread/realtime/outputAudio/delta","params":{{"threadId":"t","audio":{edge}}}}}"#
            ),
            format!(r#"{{"id":1,"method":"thread/realtime/appendAudio","params":{edge}}}"#),
            (*edge).to_owned(),
        ]);
    }
    // Whitespace everywhere, and around the document.
    texts.push(
        " \n{ \"type\" :\t\"response.output_audio.delta\" ,\r\"delta\" : \"AAAA\" } \n".into(),
    );
    texts.push(format!("{} x", delta("x", "1")));
    let mut failures = vec![];
    let mut accepted = 0;
    for text in &texts {
        failures.extend(all_agree(text));
        accepted += usize::from(v2::ServerEvent::decode(text).is_ok());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // What the owned v2 decoder accepts of these texts: a change here changes the corpus.
    assert_eq!((texts.len(), accepted), (314, 60));
}

/// Whether `s` borrows from `text`.
#[allow(
    clippy::ptr_arg,
    reason = "the claim is about the Cow itself: whether it is the Borrowed variant"
)]
fn within(s: &Cow<'_, str>, text: &str) -> bool {
    let range = text.as_bytes().as_ptr_range();
    matches!(s, Cow::Borrowed(b) if range.contains(&b.as_ptr()))
}

#[test]
fn audio_members_borrow_from_the_frame_unless_an_escape_forces_a_copy() {
    let text = format!(
        r#"{{"type":"response.output_audio.delta","event_id":"e",{DELTA},"delta":"AAAA"}}"#
    );
    let Ok(v2::ServerEventRef::ResponseOutputAudioDelta(delta)) =
        v2::ServerEvent::decode_borrowed(&text)
    else {
        panic!("a borrowed delta");
    };
    assert!(within(&delta.delta, &text) && within(delta.response_id.as_ref().unwrap(), &text));
    assert!(within(delta.item_id.as_ref().unwrap(), &text));
    assert!(within(delta.event_id.as_ref().unwrap(), &text));

    let text = r#"{"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AA\/A"}"#;
    let Ok(v2::ServerEventRef::ResponseOutputAudioDelta(delta)) =
        v2::ServerEvent::decode_borrowed(text)
    else {
        panic!("a borrowed delta");
    };
    assert_eq!(delta.delta, Cow::<str>::Owned("AA/A".into()));
    assert!(within(delta.item_id.as_ref().unwrap(), text));

    let text = r#"{"type":"conversation.output_audio.delta","data":"AAAA","sample_rate":24000,"channels":1}"#;
    let Ok(v1::ServerEventRef::ConversationOutputAudioDelta(delta)) =
        v1::ServerEvent::decode_borrowed(text)
    else {
        panic!("a borrowed v1 delta");
    };
    assert!(within(&delta.delta, text));

    let text = r#"{"type":"output_audio.delta","audio":"AAAA","start_ms":0,"end_ms":20}"#;
    let Ok(v3::ServerEventRef::OutputAudioDelta(delta)) = v3::ServerEvent::decode_borrowed(text)
    else {
        panic!("a borrowed v3 delta");
    };
    assert!(within(&delta.audio, text));

    let text = r#"{"type":"session.output_audio.delta","delta":"AAAA"}"#;
    let Ok(translation::ServerEventRef::OutputAudioDelta(delta)) =
        translation::ServerEvent::decode_borrowed(text)
    else {
        panic!("a borrowed translation delta");
    };
    assert!(within(&delta.delta, text));

    let text = r#"{"method":"thread/realtime/outputAudio/delta","params":{"threadId":"t","audio":{"data":"AAAA","sampleRate":24000,"numChannels":1,"itemId":"i"}}}"#;
    let Ok(ServerMessageRef::ThreadRealtimeOutputAudioDelta(params)) =
        ServerMessage::decode_borrowed(text)
    else {
        panic!("borrowed outputAudio/delta params");
    };
    assert!(within(&params.audio.data, text) && within(&params.thread_id, text));

    let text = r#"{"id":1,"method":"thread/realtime/appendAudio","params":{"threadId":"t","audio":{"data":"AAAA","sampleRate":24000,"numChannels":1}}}"#;
    let Ok(ClientMessageRef::ThreadRealtimeAppendAudio { id, params }) =
        ClientMessage::decode_borrowed(text)
    else {
        panic!("a borrowed appendAudio request");
    };
    assert_eq!(id, RequestId::Integer(1));
    assert!(within(&params.audio.data, text));
}

#[test]
fn an_audio_delta_decodes_to_pcm_with_no_allocation_into_a_reused_buffer() {
    let pcm: Vec<u8> = (0..9600u32).map(|i| (i * 7 % 251) as u8).collect();
    let text = format!(
        r#"{{"type":"response.output_audio.delta","event_id":"event_1",{DELTA},"delta":"{}"}}"#,
        Pcm(&pcm)
    );
    let mut buffer = Vec::with_capacity(pcm.len());
    let mut samples = Vec::with_capacity(pcm.len() / 2);
    // The first use detects the CPU's vector instructions, once per process.
    rtwire_protocol::audio::decode_pcm_into("AAAA", &mut Vec::with_capacity(3), None, "").unwrap();
    let count = allocations_during(|| {
        for _ in 0..3 {
            buffer.clear();
            samples.clear();
            match v2::ServerEvent::decode_borrowed(&text) {
                Ok(v2::ServerEventRef::ResponseOutputAudioDelta(delta)) => {
                    delta.decode_pcm_into(&mut buffer).unwrap();
                    delta.decode_samples_into(&mut samples).unwrap();
                }
                other => panic!("{other:?}"),
            }
        }
    });
    assert_eq!(count, 0);
    assert_eq!(buffer, pcm);
    let expected: Vec<i16> = pcm
        .chunks(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect();
    assert_eq!(samples, expected);
    // The owned decoder allocates (at least the audio string): the counter counts.
    assert!(allocations_during(|| drop(v2::ServerEvent::decode(&text))) > 0);
}

/// `n` bytes of a fixed pseudo-random sequence.
fn bytes(n: usize, seed: u32) -> Vec<u8> {
    let mut x = seed.wrapping_mul(2_654_435_761).max(1);
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

#[test]
fn pcm_round_trips_for_every_length_and_both_padding_forms() {
    // Lengths around every remainder mod 3, and around the 3,072-byte step of the sample decoder.
    let lengths = (0..=64).chain([3070, 3071, 3072, 3073, 3074, 6143, 6144, 6146, 9601]);
    for n in lengths {
        let pcm = bytes(n, n as u32);
        let text = Pcm(&pcm).to_string();
        assert_eq!(
            text,
            Base64::encode(&pcm).0,
            "canonical padded text, {n} bytes"
        );
        let unpadded = text.trim_end_matches('=');
        for form in [text.as_str(), unpadded] {
            let event = InputAudioBufferAppend {
                event_id: None,
                audio: form.to_owned(),
            };
            let mut out = vec![9];
            assert_eq!(event.decode_pcm_into(&mut out), Ok(n));
            assert_eq!(out[1..], pcm[..], "{n} bytes from {form:?}");
            let mut samples = vec![-1];
            let result = event.decode_samples_into(&mut samples);
            if n % 2 == 0 {
                assert_eq!(result, Ok(n / 2));
                let expected: Vec<i16> = pcm
                    .chunks(2)
                    .map(|b| i16::from_le_bytes([b[0], b[1]]))
                    .collect();
                assert_eq!(samples[1..], expected[..]);
            } else {
                assert_eq!(
                    result.unwrap_err().to_string(),
                    format!(
                        "input_audio_buffer.append: {n} bytes of audio: not whole 16-bit samples (an odd number of bytes) (at /audio)"
                    )
                );
                assert_eq!(samples, [-1], "the buffer is left as it was");
            }
        }
    }
}

#[test]
fn bad_base64_is_an_error_naming_the_event_and_the_member_and_leaves_the_buffer_unchanged() {
    fn v2_delta(audio: &str) -> v2::ResponseOutputAudioDelta {
        v2::ResponseOutputAudioDelta {
            event_id: None,
            response_id: Some("r".into()),
            item_id: Some("i".into()),
            output_index: Some(0),
            content_index: Some(0),
            delta: audio.into(),
            sample_rate: None,
            channels: None,
            samples_per_channel: None,
        }
    }
    let cases = [
        (
            "AA$A",
            "response.output_audio.delta: not base64: a character outside the base64 alphabet ($) at offset 2 (at /delta)",
        ),
        (
            "AA=A",
            "response.output_audio.delta: not base64: padding `=` before the end at offset 2 (at /delta)",
        ),
        (
            "AAAAA",
            "response.output_audio.delta: not base64: 5 characters leave a single character in the last group (at /delta)",
        ),
        (
            "AA===",
            "response.output_audio.delta: not base64: padding `=` before the end at offset 2 (at /delta)",
        ),
        (
            "AA\n==",
            "response.output_audio.delta: not base64: a character outside the base64 alphabet (\\n) at offset 2 (at /delta)",
        ),
    ];
    for (text, expected) in cases {
        let mut out = vec![1, 2, 3];
        let error = v2_delta(text).decode_pcm_into(&mut out).unwrap_err();
        assert_eq!(error.to_string(), expected);
        assert_eq!(error.message(), Some("response.output_audio.delta"));
        assert_eq!(error.path(), "/delta");
        assert_eq!(out, [1, 2, 3]);
        let mut samples = vec![7];
        let error = v2_delta(text)
            .decode_samples_into(&mut samples)
            .unwrap_err();
        assert_eq!(error.to_string(), expected);
        assert_eq!(samples, [7]);
    }
    // Padding at the end of a 4,096-character step of the sample decoder is still refused.
    let mut text = Pcm(&bytes(3071, 1)).to_string();
    text.push_str("AAAA");
    let mut samples = vec![];
    assert_eq!(
        v2_delta(&text)
            .decode_samples_into(&mut samples)
            .unwrap_err()
            .to_string(),
        "response.output_audio.delta: not base64: padding `=` before the end at offset 4095 (at /delta)"
    );
    assert!(samples.is_empty());
    // Every audio payload names its own event and member.
    let text = r#"{"method":"thread/realtime/outputAudio/delta","params":{"threadId":"t","audio":{"data":"A","sampleRate":24000,"numChannels":1}}}"#;
    let Ok(ServerMessageRef::ThreadRealtimeOutputAudioDelta(params)) =
        ServerMessage::decode_borrowed(text)
    else {
        panic!("borrowed params");
    };
    assert_eq!(
        params.decode_pcm_into(&mut vec![]).unwrap_err().to_string(),
        "thread/realtime/outputAudio/delta: not base64: 1 characters leave a single character in the last group (at /params/audio/data)"
    );
    let text = r#"{"type":"conversation.output_audio.delta","delta":"*","sample_rate":24000,"channels":1}"#;
    let Ok(v1::ServerEventRef::ConversationOutputAudioDelta(delta)) =
        v1::ServerEvent::decode_borrowed(text)
    else {
        panic!("a borrowed v1 delta");
    };
    assert_eq!(
        delta.decode_pcm_into(&mut vec![]).unwrap_err().to_string(),
        "conversation.output_audio.delta: not base64: a character outside the base64 alphabet (*) at offset 0 (at /delta)"
    );
}

#[test]
fn pcm_decoding_agrees_with_the_translation_base64_check_on_generated_strings() {
    use proptest::prelude::*;
    let alphabet = "[A-Za-z0-9+/=]{0,24}|[A-Za-z0-9+/]{0,20}={0,3}|.{0,8}";
    runner()
        .run(&proptest::string::string_regex(alphabet).unwrap(), |text| {
            let event = v2::InputAudioBufferAppendRef {
                event_id: None,
                audio: Cow::Borrowed(&text),
            };
            let mut ours = vec![];
            let result = event.decode_pcm_into(&mut ours);
            let padded = text.len() % 4 == 0;
            if padded {
                // A text of whole groups: the same verdict and bytes as the crate's own checked
                // base64 (which requires the padding that this decoder also accepts without).
                let reference = Base64(text.clone()).decode();
                prop_assert_eq!(
                    result.is_ok(),
                    reference.is_ok(),
                    "{:?}: {:?}",
                    text,
                    result
                );
                if let Ok(reference) = reference {
                    prop_assert_eq!(&ours, &reference);
                }
            } else if let Ok(n) = result {
                // An unpadded text decodes to the bytes of its padded form.
                let padded = format!("{text}{}", "=".repeat(4 - text.len() % 4));
                prop_assert_eq!(Ok(ours.clone()), Base64(padded).decode());
                prop_assert_eq!(n, ours.len());
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn append_messages_encode_pcm_straight_into_the_outgoing_text() {
    let pcm = bytes(9601, 3);
    let audio = Base64::encode(&pcm).0;

    let mut out = String::from("prefix:");
    InputAudioBufferAppend::encode_pcm_into(&mut out, Some("evt_1"), &pcm);
    let text = out.strip_prefix("prefix:").expect("appended");
    assert_eq!(
        serde_json::from_str::<Value>(text).unwrap(),
        json!({"type": "input_audio_buffer.append", "event_id": "evt_1", "audio": audio})
    );
    let mut decoded = vec![];
    let Ok(v2::ClientEventRef::InputAudioBufferAppend(append)) =
        v2::ClientEvent::decode_borrowed(text)
    else {
        panic!("an append");
    };
    append.decode_pcm_into(&mut decoded).unwrap();
    assert_eq!(decoded, pcm);

    let mut out = String::new();
    v3::InputAudioAppend::encode_pcm_into(&mut out, &pcm);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"type": "input_audio.append", "audio": audio})
    );
    let Ok(v3::ClientEventRef::InputAudioAppend(append)) = v3::ClientEvent::decode_borrowed(&out)
    else {
        panic!("a v3 append");
    };
    assert!(within(&append.audio, &out));

    let mut out = String::new();
    translation::TranslationInputAudioBufferAppend::encode_pcm_into(&mut out, None, &pcm);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"type": "session.input_audio_buffer.append", "audio": audio})
    );
    assert!(matches!(
        translation::ClientEvent::decode_borrowed(&out),
        Ok(translation::ClientEventRef::InputAudioBufferAppend(_))
    ));

    let mut out = String::new();
    rtwire_protocol::app_server::v2::ThreadRealtimeAppendAudio::encode_pcm_into(
        &mut out,
        &RequestId::from("req-1"),
        "thr_1",
        &pcm,
        24_000,
        1,
    );
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"id": "req-1", "method": "thread/realtime/appendAudio", "params": {"threadId": "thr_1", "audio": {"data": audio, "sampleRate": 24000, "numChannels": 1}}})
    );
    let Ok(ClientMessageRef::ThreadRealtimeAppendAudio { params, .. }) =
        ClientMessage::decode_borrowed(&out)
    else {
        panic!("an appendAudio request");
    };
    let mut decoded = vec![];
    params.decode_pcm_into(&mut decoded).unwrap();
    assert_eq!(decoded, pcm);
}
