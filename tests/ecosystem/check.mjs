// Runs the ecosystem's own tools on rtwire's published documents and prints one JSON report
// on stdout; `cargo test --test ecosystem` (tests/ecosystem.rs) makes the assertions.
//
//   node check.mjs asyncapi <file>...   @asyncapi/parser, default ruleset: every diagnostic
//   node check.mjs openrpc <file>...    @open-rpc/schema-utils-js: parse (dereference) + validate
//   node check.mjs modelina <file> <out>  @asyncapi/modelina: Python and Go models into <out>
//
// The payload schemas are JSON Schema 2020-12, a format the AsyncAPI parser accepts but has no
// built-in parser for (it would only warn "No schema parser registered"). This script registers
// one: it compiles each payload schema with Ajv's 2020-12 dialect, so a schema that is not valid
// 2020-12 is an error diagnostic.

import { Parser, fromFile } from "@asyncapi/parser";
import { parseOpenRPCDocument, validateOpenRPCDocument } from "@open-rpc/schema-utils-js";
import Ajv2020 from "ajv/dist/2020.js";
import path from "node:path";
import fs from "node:fs";

export const SCHEMA_FORMAT = "application/schema+json;version=2020-12";

function jsonSchema2020Parser() {
  return {
    getMimeTypes: () => [SCHEMA_FORMAT],
    async validate(input) {
      const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
      try {
        ajv.compile(input.data);
        return [];
      } catch (e) {
        return [{ message: `not a valid JSON Schema 2020-12: ${e.message}`, path: input.path }];
      }
    },
    async parse(input) {
      return input.data;
    },
  };
}

function newParser() {
  const parser = new Parser();
  parser.registerSchemaParser(jsonSchema2020Parser());
  return parser;
}

const severities = ["error", "warning", "info", "hint"];

async function asyncapi(files) {
  const out = [];
  for (const file of files) {
    const { document, diagnostics } = await fromFile(newParser(), file).parse();
    out.push({
      file,
      parsed: document !== undefined,
      diagnostics: diagnostics.map((d) => ({
        severity: severities[d.severity] ?? String(d.severity),
        code: d.code,
        path: d.path.join("/"),
        message: d.message,
      })),
      messages: document ? document.allMessages().all().map((m) => m.id()) : [],
    });
  }
  return out;
}

async function openrpc(files) {
  const out = [];
  for (const file of files) {
    const entry = { file, parsed: false, valid: false, errors: [], methods: [] };
    const cwd = process.cwd();
    try {
      // External `$ref`s are relative to the document's folder.
      process.chdir(path.dirname(path.resolve(file)));
      const raw = JSON.parse(fs.readFileSync(path.resolve(cwd, file), "utf8"));
      const validation = validateOpenRPCDocument(raw);
      if (validation !== true) {
        entry.errors.push(`meta-schema: ${validation.message ?? validation}`);
      } else {
        entry.valid = true;
      }
      const doc = await parseOpenRPCDocument(raw, { dereference: true, validate: true });
      entry.parsed = true;
      entry.methods = doc.methods.map((m) => ({
        name: m.name,
        params: m.params.map((p) => ({ name: p.name, resolved: !("$ref" in (p.schema ?? {})) })),
        result: m.result ? !("$ref" in (m.result.schema ?? {})) : null,
      }));
    } catch (e) {
      entry.errors.push(String(e && e.message ? e.message : e));
    } finally {
      process.chdir(cwd);
    }
    out.push(entry);
  }
  return out;
}

async function modelina(file, outDir) {
  const { PythonFileGenerator, GoFileGenerator } = await import("@asyncapi/modelina");
  const { document, diagnostics } = await fromFile(newParser(), file).parse();
  if (!document) {
    return { error: "the document does not parse", diagnostics };
  }
  const result = {};
  for (const [language, Generator, options] of [
    ["python", PythonFileGenerator, {}],
    ["go", GoFileGenerator, { packageName: "rtwire" }],
  ]) {
    const generator = new Generator();
    const dir = path.join(outDir, language);
    const models = await generator.generateToFiles(document, dir, options);
    result[language] = {
      models: models.map((m) => ({
        name: m.modelName,
        id: m.model.originalInput?.["x-parser-schema-id"] ?? null,
        title: m.model.originalInput?.title ?? null,
      })),
      files: fs.readdirSync(dir).sort(),
    };
  }
  return result;
}

const [command, ...args] = process.argv.slice(2);
let report;
if (command === "asyncapi") report = await asyncapi(args);
else if (command === "openrpc") report = await openrpc(args);
else if (command === "modelina") report = await modelina(args[0], args[1]);
else {
  console.error(`usage: node check.mjs asyncapi|openrpc|modelina ...`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(report) + "\n");
