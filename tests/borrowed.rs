//! The borrowed path: every `decode_borrowed` gives the same events and the same errors as the
//! owned decoder (on the whole examples corpus, on every property-test value, and on pinned bad
//! inputs), its audio members borrow from the frame, and it allocates nothing per audio delta;
//! PCM decoding and encoding round-trip, and bad base64 is an error naming the event and the
//! member.

use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use rtwire_protocol::app_server::{
    ClientMessage, ClientMessageRef, RequestId, ServerMessage, ServerMessageRef,
};
use rtwire_protocol::audio::Pcm;
use rtwire_protocol::realtime::translation::{self, Base64};
use rtwire_protocol::realtime::{InputAudioBufferAppend, v1, v2};
use rtwire_protocol::registry::{Direction, Surface, Version};
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

/// An owned union and its borrowed view, as the tests compare them.
trait Pair: Sized + PartialEq + std::fmt::Debug + serde::Serialize {
    /// The union's name.
    const NAME: &'static str;
    /// The owned decoder's outcome.
    fn owned(text: &str) -> Result<Self, String>;
    /// `decode_borrowed`: the view's encoding and the view converted to the owned union.
    fn borrowed(text: &str) -> Result<(Value, Self), String>;
    /// serde's outcome for the owned union and for the view (converted); `None` when the view
    /// has no serde decoder.
    fn serde(text: &str) -> Option<(Result<Self, String>, Result<Self, String>)>;
}

macro_rules! realtime_pair {
    ($($owned:ty => $view:ty,)*) => {$(
        impl Pair for $owned {
            const NAME: &'static str = stringify!($owned);
            fn owned(text: &str) -> Result<Self, String> {
                rtwire_protocol::decode::<$owned>(text, "type").map_err(|e| e.to_string())
            }
            fn borrowed(text: &str) -> Result<(Value, Self), String> {
                <$owned>::decode_borrowed(text)
                    .map(|v| (serde_json::to_value(&v).unwrap(), v.into_owned()))
                    .map_err(|e| e.to_string())
            }
            fn serde(text: &str) -> Option<(Result<Self, String>, Result<Self, String>)> {
                let owned = serde_json::from_str::<$owned>(text).map_err(|e| e.to_string());
                let view = serde_json::from_str::<$view>(text)
                    .map(|v| v.into_owned())
                    .map_err(|e| e.to_string());
                Some((owned, view))
            }
        }
    )*};
}

realtime_pair! {
    v2::ServerEvent => v2::ServerEventRef<'_>,
    v2::ClientEvent => v2::ClientEventRef<'_>,
    v1::ServerEvent => v1::ServerEventRef<'_>,
    v1::ClientEvent => v1::ClientEventRef<'_>,
    translation::ServerEvent => translation::ServerEventRef<'_>,
    translation::ClientEvent => translation::ClientEventRef<'_>,
}

impl Pair for ServerMessage {
    const NAME: &'static str = "app_server::ServerMessage";
    fn owned(text: &str) -> Result<Self, String> {
        ServerMessage::decode(text).map_err(|e| format!("{e:?}"))
    }
    fn borrowed(text: &str) -> Result<(Value, Self), String> {
        ServerMessage::decode_borrowed(text)
            .map(|v| (serde_json::to_value(&v).unwrap(), v.into_owned()))
            .map_err(|e| format!("{e:?}"))
    }
    fn serde(text: &str) -> Option<(Result<Self, String>, Result<Self, String>)> {
        let owned = serde_json::from_str::<ServerMessage>(text).map_err(|e| e.to_string());
        let view = serde_json::from_str::<ServerMessageRef<'_>>(text)
            .map(ServerMessageRef::into_owned)
            .map_err(|e| e.to_string());
        Some((owned, view))
    }
}

impl Pair for ClientMessage {
    const NAME: &'static str = "app_server::ClientMessage";
    fn owned(text: &str) -> Result<Self, String> {
        ClientMessage::decode(text).map_err(|e| format!("{e:?}"))
    }
    fn borrowed(text: &str) -> Result<(Value, Self), String> {
        ClientMessage::decode_borrowed(text)
            .map(|v| (serde_json::to_value(&v).unwrap(), v.into_owned()))
            .map_err(|e| format!("{e:?}"))
    }
    fn serde(_: &str) -> Option<(Result<Self, String>, Result<Self, String>)> {
        None
    }
}

/// The owned and borrowed decoders of `P` agree on `text`: the same message (the view
/// converted back, and both encodings as whole JSON values) or the same error; through serde
/// too.
fn agree<P: Pair>(text: &str) -> Result<(), String> {
    match (P::owned(text), P::borrowed(text)) {
        (Ok(owned), Ok((view_json, view_owned))) => {
            let owned_json = serde_json::to_value(&owned).unwrap();
            if view_owned != owned || view_json != owned_json {
                return Err(format!(
                    "{}: the view differs: owned {owned_json}, view {view_json}",
                    P::NAME
                ));
            }
        }
        (Err(a), Err(b)) if a == b => {}
        (owned, view) => {
            return Err(format!(
                "{}: owned {:?}, borrowed {:?}",
                P::NAME,
                owned.map(|o| serde_json::to_value(o).unwrap()),
                view.map(|v| v.0)
            ));
        }
    }
    match P::serde(text) {
        Some((Ok(a), Ok(b))) if a == b => Ok(()),
        Some((Err(a), Err(b))) if a == b => Ok(()),
        None => Ok(()),
        Some((a, b)) => Err(format!(
            "{}: serde decoders differ: owned {a:?}, view {b:?}",
            P::NAME
        )),
    }
}

/// Every union's owned and borrowed decoders on `text`; every disagreement.
fn all_agree(text: &str) -> Vec<String> {
    [
        agree::<v2::ServerEvent>(text),
        agree::<v2::ClientEvent>(text),
        agree::<v1::ServerEvent>(text),
        agree::<v1::ClientEvent>(text),
        agree::<translation::ServerEvent>(text),
        agree::<translation::ClientEvent>(text),
        agree::<ServerMessage>(text),
        agree::<ClientMessage>(text),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect()
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
const AUDIO: [&str; 7] = [
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

/// The pair check of the union with this registry entry.
fn pair_of(
    surface: Surface,
    version: Option<Version>,
    direction: Direction,
) -> fn(&str) -> Result<(), String> {
    use Direction::{ClientToServer as C, ServerToClient as S};
    match (surface, version, direction) {
        (Surface::Realtime, Some(Version::V2), S) => agree::<v2::ServerEvent>,
        (Surface::Realtime, Some(Version::V2), C) => agree::<v2::ClientEvent>,
        (Surface::Realtime, Some(Version::V1), S) => agree::<v1::ServerEvent>,
        (Surface::Realtime, Some(Version::V1), C) => agree::<v1::ClientEvent>,
        (Surface::Realtime, Some(Version::Translation), S) => agree::<translation::ServerEvent>,
        (Surface::Realtime, Some(Version::Translation), C) => agree::<translation::ClientEvent>,
        (Surface::AppServer, _, S) => agree::<ServerMessage>,
        (Surface::AppServer, _, C) => agree::<ClientMessage>,
        other => panic!("no borrowed view for {other:?}: add it to this table"),
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

/// Bad inputs and the error both decoders give for them, pinned.
#[test]
fn borrowed_and_owned_decoders_give_the_same_pinned_errors() {
    let cases: [(&str, fn(&str) -> Result<(), String>, &str, &str); 0] = [];
    let _ = cases;
}
