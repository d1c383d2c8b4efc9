// What validating a message against a union costs in Ajv 8 (strict, draft 2020-12), next to
// validating it against its own message schema. Run by hand after
// `cargo bench -p rtwire-bench --bench schemas` (which writes the stream):
//
//   node tests/schema-tools/bench-ajv.mjs . target/rtwire-bench/v2_server.jsonl
//
// Every validator must accept every event before anything is timed. Prints the compile time of
// each union form (a fresh Ajv instance each) and the median of 21 interleaved passes (each pass
// times every validator once, in rotating order) per event.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const root = process.argv[2];
const stream = process.argv[3];
const schemas = join(root, "schemas");
const read = (path) => JSON.parse(readFileSync(join(schemas, path), "utf8"));
const events = readFileSync(stream, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const catalog = read("catalog.json");
const union = catalog.unions.find((u) => !u.stable && u.surface === "realtime" && u.version === "v2" && u.name === "ServerEvent");

const fresh = () => {
  const ajv = new Ajv2020({ strict: true });
  addFormats(ajv);
  return ajv;
};
const compileTimes = {};
const unionValidator = (form) => {
  const started = performance.now();
  const validate = fresh().compile(read(union.forms[form]));
  compileTimes[form] = performance.now() - started;
  return validate;
};
const ajv = fresh();
const byType = new Map();
for (const m of catalog.messages.filter((m) => m.surface === "realtime" && m.version === "v2" && m.union === "ServerEvent")) {
  byType.set(m.wire_name, ajv.compile(read(m.schema)));
}
const checks = [
  ["message", (e) => byType.get(e.type)(e)],
  ["open", unionValidator("open")],
  ["closed", unionValidator("closed")],
  ["generators", unionValidator("generators")],
];
for (const [name, check] of checks) {
  events.forEach((e, i) => {
    if (!check(e)) throw new Error(`${name} rejects event ${i}`);
  });
}
// Warm up, then interleaved passes.
for (let i = 0; i < 3; i++) for (const [, check] of checks) for (const e of events) check(e);
const passes = 21;
const times = checks.map(() => []);
for (let pass = 0; pass < passes; pass++) {
  for (let k = 0; k < checks.length; k++) {
    const i = (pass + k) % checks.length;
    const check = checks[i][1];
    const started = performance.now();
    let ok = true;
    for (const e of events) ok = check(e) && ok;
    times[i].push(performance.now() - started);
    if (!ok) throw new Error("a validator rejected an event");
  }
}
const medians = times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
console.log(`Ajv ${JSON.parse(readFileSync(join(root, "tests/schema-tools/node_modules/ajv/package.json"), "utf8")).version}, node ${process.version}, ${events.length} v2 server events`);
console.log(`compile time: ${Object.entries(compileTimes).map(([f, t]) => `${f} ${t.toFixed(0)} ms`).join(", ")}`);
console.log("| schema | µs per event | / message |");
console.log("|---|---|---|");
checks.forEach(([name], i) => {
  console.log(`| ${name} | ${((medians[i] / events.length) * 1000).toFixed(2)} | ${(medians[i] / medians[0]).toFixed(2)}× |`);
});
