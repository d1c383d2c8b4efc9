// Compiles every file of schemas/ with Ajv 8 (draft 2020-12, strict: true, ajv-formats) and
// validates every example of tests/examples against its message schema and against the open
// and closed forms of its union. Prints one line per problem and a summary; exit 1 on any
// problem, warnings included. Run by `cargo test --test schema_tools`.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = process.argv[2];
const schemasDir = join(root, "schemas");
const examplesDir = join(root, "tests/examples");
const problems = [];
const warnings = [];
const logger = {
  log: () => {},
  warn: (...args) => warnings.push(args.join(" ")),
  error: (...args) => warnings.push(args.join(" ")),
};

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const ajv = new Ajv2020({ strict: true, allErrors: false, logger });
addFormats(ajv);
const catalog = JSON.parse(readFileSync(join(schemasDir, "catalog.json"), "utf8"));
const files = walk(schemasDir).filter((p) => p.endsWith(".json") && !p.endsWith("catalog.json"));
const byPath = new Map();
for (const file of files) {
  const schema = JSON.parse(readFileSync(file, "utf8"));
  const rel = relative(schemasDir, file);
  if (schema.$id !== catalog.id_base + rel) problems.push(`${rel}: $id is ${schema.$id}`);
  ajv.addSchema(schema);
  byPath.set(rel, schema.$id);
}
const validators = new Map();
for (const [rel, id] of byPath) {
  const before = warnings.length;
  try {
    validators.set(rel, ajv.getSchema(id));
  } catch (e) {
    problems.push(`${rel}: does not compile: ${e.message}`);
  }
  for (const w of warnings.slice(before)) problems.push(`${rel}: warning: ${w}`);
}
for (const w of warnings) if (!problems.some((p) => p.endsWith(w))) problems.push(`warning: ${w}`);

// Examples: tests/examples/<surface>/<version>/<wire name>/<case>.json
const unionOf = new Map(catalog.unions.filter((u) => !u.stable).map((u) => [`${u.surface} ${u.version ?? ""} ${u.direction}`, u]));
let checked = 0;
for (const file of walk(examplesDir).filter((p) => p.endsWith(".json") && !p.endsWith(".result.json"))) {
  const rel = relative(examplesDir, file).split("/");
  const [surface, version] = rel;
  const wireName = rel.slice(2, -1).join("/");
  const lenient = file.endsWith(".lenient.json");
  const entry = catalog.messages.find((m) => m.surface === surface && m.version === version && m.wire_name === wireName);
  if (!entry) { problems.push(`${rel.join("/")}: no catalog entry`); continue; }
  const union = catalog.unions.find((u) => !u.stable && u.name === entry.union && u.surface === surface && (u.version === null || u.version === version));
  const value = JSON.parse(readFileSync(file, "utf8"));
  const expect = (path, want) => {
    const validate = validators.get(path);
    const ok = validate(value);
    if (ok !== want) problems.push(`${rel.join("/")}: ${path} ${ok ? "accepts" : "rejects"} it${ok ? "" : ": " + ajv.errorsText(validate.errors)}`);
  };
  checked++;
  if (!lenient) expect(entry.schema, true);
  expect(union.forms.open, true);
  // A lenient example with an unknown variant of a nested union passes only the open form.
  const unknownVariant = /unknown-/.test(rel.at(-1));
  expect(union.forms.closed, !(lenient && unknownVariant));
  if (!lenient) expect(union.forms.generators, true);
}
// The errors README.md shows: a closed union refuses an unknown type on the tag, and a
// malformed known event with its own message's error, then the one dispatch `if` whose `then`
// (that message) failed: not one error per branch.
const errorsOf = (path, value) => {
  const validate = validators.get(path);
  validate(value);
  return JSON.stringify((validate.errors ?? []).map((e) => [e.instancePath, e.schemaPath, e.message]));
};
const pinned = [
  ["realtime/v2/ServerEvent.closed.json", { type: "response.audio_beep.delta", delta: "AAA=" },
    [["/type", "#/properties/type/enum", "must be equal to one of the allowed values"]]],
  ["realtime/v2/ServerEvent.json", { type: "response.audio_beep.delta", delta: "AAA=" }, []],
  ["realtime/v2/ServerEvent.closed.json",
    { type: "response.output_audio.delta", event_id: "event_1", response_id: "resp_1", item_id: "item_1", output_index: "0", content_index: 0 },
    [["", "#/$defs/ResponseOutputAudioDelta/required", "must have required property 'delta'"],
      ["", "#/allOf/0/else/then/else/else/then/if", "must match \"then\" schema"]]],
];
for (const [path, value, want] of pinned) {
  const got = errorsOf(path, value);
  if (got !== JSON.stringify(want)) problems.push(`${path}: errors for ${JSON.stringify(value)} are ${got}, not ${JSON.stringify(want)}`);
}

for (const p of problems) console.log(p);
console.log(`${byPath.size} schema file(s) compiled under strict mode, ${warnings.length} warning(s); ${checked} example(s) checked; ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
