//! The inputs of rtwire's benchmark suite (`cargo bench`, see `benches/protocol.rs`): realistic
//! streams of realtime v1 and v2 events and app-server notifications, generated from a seeded
//! PRNG, so that every run measures the same bytes without a network.
//!
//! A stream is a list of lines, one JSON message each, as a WebSocket text frame or a JSON
//! Lines capture holds them. Top-level members are written tag first (`type` or `method`), as
//! real peers write them; nested objects keep the official member order of the spec examples.

use serde_json::{Value, json};

/// The number of events of each generated stream.
pub const EVENTS: usize = 10_000;

/// A small deterministic PRNG (SplitMix64): the same seed gives the same stream everywhere.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// Base64 text of `len` characters (a multiple of 4): what an audio chunk looks like.
    pub fn base64(&mut self, len: usize) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = Vec::with_capacity(len);
        let mut bits = 0u64;
        for i in 0..len {
            if i % 10 == 0 {
                bits = self.next_u64();
            }
            out.push(ALPHABET[(bits & 63) as usize]);
            bits >>= 6;
        }
        String::from_utf8(out).expect("base64 is ASCII")
    }

    /// A base64 audio chunk of 4–8 KiB of text.
    pub fn audio_chunk(&mut self) -> String {
        let len = self.range(1024, 2048) as usize * 4;
        self.base64(len)
    }

    /// A few words of transcript text.
    pub fn words(&mut self, min: u64, max: u64) -> String {
        const WORDS: &[&str] = &[
            "the",
            "tests",
            "pass",
            "run",
            "build",
            "file",
            "repo",
            "okay",
            "sure",
            "let's",
            "check",
            "that",
            "again",
            "it",
            "starts",
            "with",
            "a",
            "function",
            "which",
            "reads",
            "\"quoted\"",
            "café",
            "deploy",
            "now",
            "done",
        ];
        let n = self.range(min, max);
        let mut text = String::new();
        for i in 0..n {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[self.range(0, WORDS.len() as u64 - 1) as usize]);
        }
        text
    }
}

/// The JSON text of `message`, with `tag` first among its top-level members.
pub fn line(message: &Value, tag: &str) -> String {
    let Value::Object(members) = message else {
        return message.to_string();
    };
    let mut out = String::from("{");
    let tag_first = members.get_key_value(tag).into_iter();
    let rest = members.iter().filter(|(k, _)| k.as_str() != tag);
    for (i, (key, value)) in tag_first.chain(rest).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&Value::from(key.as_str()).to_string());
        out.push(':');
        out.push_str(&value.to_string());
    }
    out.push('}');
    out
}

/// Events with ids that count up, so that every id of a stream is distinct.
struct Ids(u64);

impl Ids {
    fn next(&mut self, prefix: &str) -> String {
        self.0 += 1;
        format!("{prefix}_C9G{:07}", self.0)
    }
}

/// A realtime v2 (GA) server stream of `n` events: conversation turns of user speech
/// (speech_started/stopped, committed, input transcription delta/completed) and assistant
/// responses (item added/done, response.created/done with full Response objects and usage,
/// output_item/content_part added/done, audio deltas of 4–8 KiB of base64 interleaved with
/// transcript deltas, rate_limits.updated). About 70% of the events are
/// `response.output_audio.delta`. (The user's items are left out: the official server echoes
/// `input_audio` parts without their audio, which async-openai's types reject.)
pub fn v2_server_stream(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut ids = Ids(0);
    let mut out: Vec<Value> = Vec::with_capacity(n + 200);
    let mut previous = ids.next("item");
    while out.len() < n {
        // The user speaks.
        let user = ids.next("item");
        let start = rng.range(0, 100_000);
        out.push(json!({"type": "input_audio_buffer.speech_started", "event_id": ids.next("event"), "audio_start_ms": start, "item_id": user}));
        out.push(json!({"type": "input_audio_buffer.speech_stopped", "event_id": ids.next("event"), "audio_end_ms": start + rng.range(500, 5000), "item_id": user}));
        out.push(json!({"type": "input_audio_buffer.committed", "event_id": ids.next("event"), "previous_item_id": previous, "item_id": user}));
        let said = rng.words(3, 12);
        for chunk in said.split(' ') {
            out.push(json!({"type": "conversation.item.input_audio_transcription.delta", "event_id": ids.next("event"), "item_id": user, "content_index": 0, "delta": format!("{chunk} ")}));
        }
        out.push(json!({"type": "conversation.item.input_audio_transcription.completed", "event_id": ids.next("event"), "item_id": user, "content_index": 0, "transcript": said,
            "usage": {"type": "tokens", "input_tokens": rng.range(10, 60), "output_tokens": rng.range(2, 20), "total_tokens": rng.range(60, 80), "input_token_details": {"text_tokens": 0, "audio_tokens": rng.range(10, 60)}}}));

        // The assistant answers.
        let response = ids.next("resp");
        let assistant = ids.next("item");
        let conversation = "conv_C9G5QW";
        let audio =
            json!({"output": {"format": {"type": "audio/pcm", "rate": 24000}, "voice": "marin"}});
        out.push(json!({"type": "response.created", "event_id": ids.next("event"), "response": {
            "object": "realtime.response", "id": response, "status": "in_progress", "output": [], "conversation_id": conversation,
            "output_modalities": ["audio"], "max_output_tokens": "inf", "audio": audio}}));
        out.push(json!({"type": "rate_limits.updated", "event_id": ids.next("event"), "rate_limits": [
            {"name": "requests", "limit": 1000, "remaining": rng.range(900, 999), "reset_seconds": 60.0},
            {"name": "tokens", "limit": 50000, "remaining": rng.range(40_000, 49_999), "reset_seconds": 0.5}]}));
        let item = |status: &str, transcript: Option<&str>| {
            let content = match transcript {
                Some(t) => json!([{"type": "output_audio", "transcript": t}]),
                None => json!([]),
            };
            json!({"id": assistant, "type": "message", "object": "realtime.item", "status": status, "role": "assistant", "content": content})
        };
        out.push(json!({"type": "response.output_item.added", "event_id": ids.next("event"), "response_id": response, "output_index": 0, "item": item("in_progress", None)}));
        out.push(json!({"type": "conversation.item.added", "event_id": ids.next("event"), "previous_item_id": user, "item": item("in_progress", None)}));
        let part = |transcript: &str| json!({"type": "audio", "transcript": transcript});
        let common = |ids: &mut Ids| json!({"event_id": ids.next("event"), "response_id": response, "item_id": assistant, "output_index": 0, "content_index": 0});
        let with = |mut base: Value, tag: &str, extra: Value| {
            base["type"] = Value::from(tag);
            for (k, v) in extra.as_object().expect("members").iter() {
                base[k] = v.clone();
            }
            base
        };
        out.push(with(
            common(&mut ids),
            "response.content_part.added",
            json!({"part": part("")}),
        ));
        // One transcript delta per 4 audio deltas, and ~20 lifecycle and user events per
        // turn, keep the stream at ~70% audio deltas.
        let chunks = rng.range(80, 120);
        let mut transcript = String::new();
        for i in 0..chunks {
            if i % 4 == 1 {
                let words = format!("{} ", rng.words(1, 3));
                transcript.push_str(&words);
                out.push(with(
                    common(&mut ids),
                    "response.output_audio_transcript.delta",
                    json!({"delta": words}),
                ));
            }
            out.push(with(
                common(&mut ids),
                "response.output_audio.delta",
                json!({"delta": rng.audio_chunk()}),
            ));
        }
        out.push(with(
            common(&mut ids),
            "response.output_audio.done",
            json!({}),
        ));
        out.push(with(
            common(&mut ids),
            "response.output_audio_transcript.done",
            json!({"transcript": transcript}),
        ));
        out.push(with(
            common(&mut ids),
            "response.content_part.done",
            json!({"part": part(&transcript)}),
        ));
        out.push(json!({"type": "response.output_item.done", "event_id": ids.next("event"), "response_id": response, "output_index": 0, "item": item("completed", Some(&transcript))}));
        out.push(json!({"type": "conversation.item.done", "event_id": ids.next("event"), "previous_item_id": user, "item": item("completed", Some(&transcript))}));
        let (input, output) = (rng.range(100, 400), rng.range(100, 900));
        out.push(json!({"type": "response.done", "event_id": ids.next("event"), "response": {
            "object": "realtime.response", "id": response, "status": "completed", "status_details": {"type": "completed"},
            "output": [item("completed", Some(&transcript))], "conversation_id": conversation, "output_modalities": ["audio"],
            "max_output_tokens": "inf", "audio": audio,
            "usage": {"total_tokens": input + output, "input_tokens": input, "output_tokens": output,
                "input_token_details": {"text_tokens": input / 2, "audio_tokens": input - input / 2, "image_tokens": 0, "cached_tokens": 64,
                    "cached_tokens_details": {"text_tokens": 64, "audio_tokens": 0, "image_tokens": 0}},
                "output_token_details": {"text_tokens": output / 4, "audio_tokens": output - output / 4}}}}));
        previous = assistant;
    }
    out.truncate(n);
    out.iter().map(|e| line(e, "type")).collect()
}

/// A realtime v1 ("quicksilver") server stream of `n` events, the same mix with v1 names:
/// `session.updated` first, then turns of input transcript deltas, item added/done,
/// `conversation.output_audio.delta` (with `sample_rate` and `channels`, ~70% of the events),
/// output transcript deltas and the odd `conversation.handoff.requested`.
pub fn v1_server_stream(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut ids = Ids(0);
    let mut out: Vec<Value> = Vec::with_capacity(n + 200);
    out.push(json!({"type": "session.updated", "event_id": ids.next("evt"), "session": {"id": "sess_C9G8l3zp50uFv4qgxfJ8o", "instructions": "You are a helpful voice assistant.", "type": "quicksilver", "voice": "cove"}}));
    let mut turn = 0u64;
    while out.len() < n {
        turn += 1;
        let user = ids.next("item");
        let said = rng.words(3, 12);
        for chunk in said.split(' ') {
            out.push(json!({"type": "conversation.input_transcript.delta", "event_id": ids.next("evt"), "delta": format!("{chunk} "), "item_id": user, "output_index": 0, "content_index": 0}));
        }
        out.push(json!({"type": "conversation.item.done", "event_id": ids.next("evt"), "item": {"id": user, "type": "message", "role": "user", "content": [{"type": "input_text", "text": said}], "status": "completed"}}));
        if turn % 5 == 0 {
            out.push(json!({"type": "conversation.handoff.requested", "event_id": ids.next("evt"), "handoff_id": ids.next("handoff"), "item_id": user, "input_transcript": said,
                "active_transcript": [{"role": "user", "text": said}, {"role": "assistant", "text": "On it."}]}));
        }
        let assistant = ids.next("item");
        out.push(json!({"type": "conversation.item.added", "event_id": ids.next("evt"), "item": {"id": assistant, "type": "message", "role": "assistant", "content": []}}));
        let chunks = rng.range(40, 70);
        let mut transcript = String::new();
        for i in 0..chunks {
            if i % 4 == 1 {
                let words = format!("{} ", rng.words(1, 3));
                transcript.push_str(&words);
                out.push(json!({"type": "conversation.output_transcript.delta", "event_id": ids.next("evt"), "delta": words, "item_id": assistant, "output_index": 0, "content_index": 0}));
            }
            let delta = rng.audio_chunk();
            let samples = delta.len() / 4 * 3 / 2;
            out.push(json!({"type": "conversation.output_audio.delta", "event_id": ids.next("evt"), "delta": delta, "sample_rate": 24000, "channels": 1, "samples_per_channel": samples}));
        }
        out.push(json!({"type": "conversation.item.done", "event_id": ids.next("evt"), "item": {"id": assistant, "type": "message", "role": "assistant", "content": [{"type": "output_audio", "transcript": transcript}], "status": "completed"}}));
    }
    out.truncate(n);
    out.iter().map(|e| line(e, "type")).collect()
}

/// A realtime v2 client stream of `n` events: mostly `input_audio_buffer.append` (4–8 KiB of
/// base64), a `session.update` first and every 500 events, and the odd
/// `conversation.item.create` and `response.create`.
pub fn v2_client_stream(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut ids = Ids(0);
    let session = json!({"type": "realtime", "instructions": "You are a helpful voice assistant.", "output_modalities": ["audio"],
        "audio": {"input": {"format": {"type": "audio/pcm", "rate": 24000}, "noise_reduction": {"type": "near_field"},
            "turn_detection": {"type": "server_vad", "interrupt_response": true, "create_response": true}},
            "output": {"format": {"type": "audio/pcm", "rate": 24000}, "voice": "marin"}},
        "tools": [{"type": "function", "name": "codex", "description": "Pass the user's request to Codex, which can inspect and edit files and run commands.",
            "parameters": {"type": "object", "properties": {"prompt": {"type": "string", "description": "The complete request to pass on."}}, "required": ["prompt"], "additionalProperties": false}}],
        "tool_choice": "auto"});
    let mut out: Vec<Value> = Vec::with_capacity(n);
    for i in 0..n {
        let event = if i % 500 == 0 {
            json!({"type": "session.update", "event_id": ids.next("evt"), "session": session})
        } else if i % 97 == 0 {
            json!({"type": "conversation.item.create", "event_id": ids.next("evt"), "item": {"type": "message", "role": "user", "content": [{"type": "input_text", "text": rng.words(3, 20)}]}})
        } else if i % 97 == 1 {
            json!({"type": "response.create", "event_id": ids.next("evt")})
        } else if i % 211 == 0 {
            json!({"type": "conversation.item.create", "event_id": ids.next("evt"), "item": {"type": "function_call_output", "call_id": ids.next("call"), "output": rng.words(5, 30)}})
        } else {
            json!({"type": "input_audio_buffer.append", "event_id": ids.next("evt"), "audio": rng.audio_chunk()})
        };
        out.push(event);
    }
    out.iter().map(|e| line(e, "type")).collect()
}

/// An app-server notification stream of `n` messages (server to client): mostly
/// `thread/realtime/outputAudio/delta` (4–8 KiB of base64), with `thread/realtime/transcript/delta`,
/// `thread/realtime/transcript/done` and `thread/realtime/itemAdded`.
pub fn app_server_stream(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut ids = Ids(0);
    let thread = "0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00";
    let mut out: Vec<Value> = Vec::with_capacity(n + 200);
    while out.len() < n {
        let user = ids.next("item");
        let said = rng.words(3, 12);
        for chunk in said.split(' ') {
            out.push(json!({"method": "thread/realtime/transcript/delta", "params": {"threadId": thread, "role": "user", "delta": format!("{chunk} ")}}));
        }
        out.push(json!({"method": "thread/realtime/transcript/done", "params": {"threadId": thread, "role": "user", "text": said}}));
        out.push(json!({"method": "thread/realtime/itemAdded", "params": {"threadId": thread, "item": {"id": user, "type": "message", "role": "user", "status": "completed", "content": [{"type": "input_text", "text": said}]}}}));
        let assistant = ids.next("item");
        out.push(json!({"method": "thread/realtime/itemAdded", "params": {"threadId": thread, "item": {"id": assistant, "type": "message", "role": "assistant", "status": "in_progress", "content": []}}}));
        let chunks = rng.range(40, 70);
        let mut transcript = String::new();
        for i in 0..chunks {
            if i % 4 == 1 {
                let words = format!("{} ", rng.words(1, 3));
                transcript.push_str(&words);
                out.push(json!({"method": "thread/realtime/transcript/delta", "params": {"threadId": thread, "role": "assistant", "delta": words}}));
            }
            let data = rng.audio_chunk();
            let samples = data.len() / 4 * 3 / 2;
            out.push(json!({"method": "thread/realtime/outputAudio/delta", "params": {"threadId": thread, "audio": {"data": data, "sampleRate": 24000, "numChannels": 1, "samplesPerChannel": samples, "itemId": assistant}}}));
        }
        out.push(json!({"method": "thread/realtime/transcript/done", "params": {"threadId": thread, "role": "assistant", "text": transcript}}));
    }
    out.truncate(n);
    out.iter().map(|e| line(e, "method")).collect()
}

/// One `response.output_audio.delta` (v2) whose `delta` is `size` bytes of base64.
pub fn v2_big_audio_delta(size: usize, seed: u64) -> String {
    let delta = Rng::new(seed).base64(size);
    line(
        &json!({"type": "response.output_audio.delta", "event_id": "event_big", "response_id": "resp_big", "item_id": "item_big", "output_index": 0, "content_index": 0, "delta": delta}),
        "type",
    )
}

/// One v1 `conversation.output_audio.delta` whose `delta` is `size` bytes of base64.
pub fn v1_big_audio_delta(size: usize, seed: u64) -> String {
    let delta = Rng::new(seed).base64(size);
    line(
        &json!({"type": "conversation.output_audio.delta", "event_id": "evt_big", "delta": delta, "sample_rate": 24000, "channels": 1}),
        "type",
    )
}

/// One `thread/realtime/outputAudio/delta` whose `audio.data` is `size` bytes of base64.
pub fn app_server_big_audio_delta(size: usize, seed: u64) -> String {
    let data = Rng::new(seed).base64(size);
    line(
        &json!({"method": "thread/realtime/outputAudio/delta", "params": {"threadId": "0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00", "audio": {"data": data, "sampleRate": 24000, "numChannels": 1}}}),
        "method",
    )
}
