// Hostile input gives a `{ kind: "error" }` result or decodes normally: never a throw, never a
// stack overflow. The encoder emits canonical JSON.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeServerEvent } from "@rtwire/protocol/realtime/v2/decodeServerEvent.js";
import { encodeClientEvent } from "@rtwire/protocol/realtime/v2/decodeClientEvent.js";

function outcome(result) {
  return result.kind === "error" ? { kind: "error", text: result.error.text } : result;
}

test("100,000-deep nesting is refused as the Rust decoder refuses it, with no stack overflow", () => {
  const deep = `{"type":"response.output_audio.delta","delta":"","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
  assert.deepStrictEqual(outcome(decodeServerEvent(deep)), { kind: "error", text: "recursion limit exceeded" });
  const deepObject = `{"type":"x","a":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}`;
  assert.deepStrictEqual(outcome(decodeServerEvent(deepObject)), { kind: "error", text: "recursion limit exceeded" });
});

test("a 16 MiB delta decodes whole", () => {
  const delta = "A".repeat(16 * 1024 * 1024);
  const result = decodeServerEvent(`{"type":"response.output_audio.delta","delta":"${delta}"}`);
  assert.equal(result.kind, "event");
  assert.equal(result.event.delta.length, delta.length);
});

test("not JSON, a top-level array, a non-string type and a missing type are errors worded as in Rust", () => {
  assert.equal(decodeServerEvent('{"type": ').kind, "error");
  assert.match(decodeServerEvent('{"type": ').error.text, /^not valid JSON: /);
  assert.deepStrictEqual(outcome(decodeServerEvent("[1]")), {
    kind: "error",
    text: "invalid type: sequence, expected an object with a string `type` member",
  });
  assert.deepStrictEqual(outcome(decodeServerEvent('{"type":7}')), {
    kind: "error",
    text: "invalid type: integer `7`, expected a string `type` (at /type)",
  });
  assert.deepStrictEqual(outcome(decodeServerEvent("{}")), { kind: "error", text: "missing or non-string `type` member" });
});

test("the errors the Rust tests pin have the same text", () => {
  assert.deepStrictEqual(
    outcome(decodeServerEvent('{"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0}')),
    { kind: "error", text: "response.output_audio.delta: missing field `delta`" },
  );
  assert.deepStrictEqual(
    outcome(decodeServerEvent('{"type":"response.output_audio.delta","output_index":"0","delta":""}')).kind,
    "error",
  );
  assert.equal(decodeServerEvent('{"type":"response.output_audio.delta","output_index":"0","delta":""}').error.path, "/output_index");
});

test("an unknown event is kept verbatim and a tag alias is folded", () => {
  const raw = { type: "response.future_thing", payload: { a: [1, 2, { b: null }] } };
  assert.deepStrictEqual(decodeServerEvent(JSON.stringify(raw)), { kind: "unknown", raw });
  assert.deepStrictEqual(decodeServerEvent({ type: "response.audio.delta", delta: "AA==", obfuscation: "x" }), {
    kind: "event",
    event: { type: "response.output_audio.delta", delta: "AA==" },
  });
});

test("encodeClientEvent emits canonical JSON and refuses a broken event naming its pointer", () => {
  assert.equal(
    encodeClientEvent({ type: "input_audio_buffer.append", audio: "AA==", event_id: null }),
    '{"type":"input_audio_buffer.append","audio":"AA=="}',
  );
  assert.throws(() => encodeClientEvent({ type: "input_audio_buffer.append", audio: 7 }), {
    name: "TypeError",
    message: "input_audio_buffer.append: invalid type: integer `7`, expected string (at /audio)",
  });
});
