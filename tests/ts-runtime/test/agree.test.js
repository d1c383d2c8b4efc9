// The runtime decoders agree with Rust on every case `cargo test --test ts_runtime` writes
// (RTWIRE_CASES): corpus examples (whole canonical values), bad inputs (the same message name
// and JSON pointer), hostile input, and schema-generated values of every message.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const file = process.env.RTWIRE_CASES;
if (file === undefined) {
  throw new Error("RTWIRE_CASES is not set: run these tests with `cargo test --test ts_runtime`");
}
const cases = JSON.parse(readFileSync(file, "utf8"));
const byDecoder = new Map();
for (const c of cases) {
  if (!byDecoder.has(c.decoder)) byDecoder.set(c.decoder, []);
  byDecoder.get(c.decoder).push(c);
}

/** What to compare: the whole value for events and unknown messages, name and pointer for errors. */
function outcome(result) {
  switch (result.kind) {
    case "event":
      return { kind: "event", event: result.event };
    case "unknown":
      return { kind: "unknown", raw: result.raw };
    case "error":
      return { kind: "error", message: result.error.message, path: result.error.path };
    default:
      return result;
  }
}

let disagreeing = 0;
let compared = 0;
for (const [path, list] of byDecoder) {
  const name = path.split("/").pop().replace(/\.js$/, "");
  test(`${path}: ${name} decodes ${list.length} cases as the Rust decoder does`, async () => {
    const module = await import(`@rtwire/protocol/${path}`);
    const decode = module[name];
    assert.equal(typeof decode, "function");
    const disagreements = [];
    for (const c of list) {
      const got = outcome(decode(c.input, c.pending));
      const expected = c.expected.kind === "error" && c.expected.message === undefined ? { ...c.expected, message: null } : c.expected;
      try {
        assert.deepStrictEqual(got, expected);
      } catch {
        disagreements.push({ case: c.name, input: c.input.slice(0, 300), expected, got });
      }
    }
    disagreeing += disagreements.length;
    compared += list.length;
    assert.deepStrictEqual(disagreements, []);
  });
}

test("no case of any decoder disagrees with Rust", () => {
  console.log(`${disagreeing} of ${compared} cases disagree with the Rust decoder`);
  assert.equal(compared, cases.length);
  assert.equal(disagreeing, 0);
});
