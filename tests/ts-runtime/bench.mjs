// Decode cost of the runtime decoders (`npm run bench`, never run by `cargo test`): the v2 server
// stream the Rust bench suite writes to `target/rtwire-bench/v2_server.jsonl` (`cargo bench
// --bench schemas`) when that file exists, else a stream shaped like it (per response: created,
// 50 audio deltas of 100 ms at 24 kHz PCM16 = 6 400 base64 characters, transcript deltas, done),
// measured as JSON.parse alone, `decodeServerEvent`, and Ajv validating each line against the
// whole ServerEvent union schema in two forms: the emitted dispatch form (`ServerEvent.json`, a
// balanced `if` tree on `type`) and the `oneOf` of every branch (`ServerEvent.generators.json`).
// Prints numbers only.
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import Ajv2020 from "ajv/dist/2020.js";

const t0 = performance.now();
const { decodeServerEvent } = await import("@rtwire/protocol/realtime/v2/decodeServerEvent.js");
const importMs = performance.now() - t0;

const streamFile = new URL("../../target/rtwire-bench/v2_server.jsonl", import.meta.url);
const fromRust = existsSync(streamFile);
const audio = "A".repeat(6400);
const lines = fromRust ? readFileSync(streamFile, "utf8").split("\n").filter((l) => l !== "") : [];
for (let r = 0; r < (fromRust ? 0 : 20); r += 1) {
  lines.push(JSON.stringify({ type: "response.created", event_id: `e${r}`, response: { id: `resp_${r}`, object: "realtime.response", status: "in_progress", output: [] } }));
  for (let i = 0; i < 50; i += 1) {
    lines.push(JSON.stringify({ type: "response.output_audio.delta", event_id: `e${r}_${i}`, response_id: `resp_${r}`, item_id: `item_${r}`, output_index: 0, content_index: 0, delta: audio }));
    if (i % 5 === 0) lines.push(JSON.stringify({ type: "response.output_audio_transcript.delta", event_id: `t${r}_${i}`, response_id: `resp_${r}`, item_id: `item_${r}`, output_index: 0, content_index: 0, delta: "Hello there, " }));
  }
  lines.push(JSON.stringify({ type: "response.output_audio.done", event_id: `d${r}`, response_id: `resp_${r}`, item_id: `item_${r}`, output_index: 0, content_index: 0 }));
}

let t = performance.now();
const first = decodeServerEvent(lines[1]);
const firstUseMs = performance.now() - t;
if (first.kind !== "event") throw new Error(JSON.stringify(first));

function time(label, fn, rounds = 20) {
  fn();
  const start = performance.now();
  for (let k = 0; k < rounds; k += 1) fn();
  const perMessage = ((performance.now() - start) * 1000) / (rounds * lines.length);
  console.log(`${label}: ${perMessage.toFixed(2)} µs/message`);
  return perMessage;
}
const parse = time("JSON.parse alone", () => lines.forEach((l) => JSON.parse(l)));
const decode = time("decodeServerEvent", () => lines.forEach((l) => { if (decodeServerEvent(l).kind !== "event") throw new Error(l); }));
const ajv = new Ajv2020({ strict: true });
const union = JSON.parse(readFileSync(new URL("../../schemas/realtime/v2/ServerEvent.json", import.meta.url), "utf8"));
t = performance.now();
const validateUnion = ajv.compile(union);
const unionCompileMs = performance.now() - t;
const whole = time("Ajv, whole ServerEvent union (if tree, ServerEvent.json)", () => lines.forEach((l) => { if (!validateUnion(JSON.parse(l))) throw new Error(l); }));
// The same union as one `oneOf` of its branches (the generators form), same Ajv options: the
// 49-branch union the 5x goal was written against.
const oneOf = JSON.parse(readFileSync(new URL("../../schemas/realtime/v2/ServerEvent.generators.json", import.meta.url), "utf8"));
t = performance.now();
const validateOneOf = ajv.compile(oneOf);
const oneOfCompileMs = performance.now() - t;
const wholeOneOf = time("Ajv, whole ServerEvent union (oneOf, ServerEvent.generators.json)", () => lines.forEach((l) => { if (!validateOneOf(JSON.parse(l))) throw new Error(l); }));
console.log(`stream: ${fromRust ? "target/rtwire-bench/v2_server.jsonl (Rust generator)" : "synthesized (no target/rtwire-bench/v2_server.jsonl)"}`);
console.log(`messages: ${lines.length}; import: ${importMs.toFixed(1)} ms; first decode (compiles one message schema): ${firstUseMs.toFixed(1)} ms; whole-union compile: if tree ${unionCompileMs.toFixed(1)} ms, oneOf ${oneOfCompileMs.toFixed(1)} ms`);
console.log(`decode / JSON.parse: ${(decode / parse).toFixed(2)}x; whole union / decode: if tree ${(whole / decode).toFixed(2)}x, oneOf ${(wholeOneOf / decode).toFixed(2)}x`);
