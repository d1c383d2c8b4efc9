// Runs json-schema-to-typescript on the closed (generators) form of the realtime v2 server
// union, writes a switch on `type` that reads a member of every narrowed branch, and
// type-checks it with `tsc --strict`. A second file reads `event.delta` without narrowing and
// must be refused, so the check can fail. Exit 1 on any problem. Run by
// `cargo test --test schema_tools`.
import { compileFromFile } from "json-schema-to-typescript";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
const unionFile = process.argv[3] ?? "realtime/v2/ServerEvent.generators.json";
const here = join(root, "tests/schema-tools");
const out = join(here, ".generated");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const union = JSON.parse(readFileSync(join(root, "schemas", unionFile), "utf8"));
const ts = await compileFromFile(join(root, "schemas", unionFile), {
  bannerComment: "",
  cwd: join(root, "schemas"),
});
writeFileSync(join(out, "union.ts"), ts);

// One case per branch: the tag is the branch's literal, and a member it requires (`delta` when
// there is one) has the branch's type. `default` proves every branch was narrowed away.
const name = union.title;
let cases = "";
for (const branch of union.oneOf) {
  const def = union.$defs[branch.$ref.replace("#/$defs/", "")];
  const tag = def.properties.type.const;
  const member = def.required.includes("delta")
    ? "delta"
    : def.required.find((m) => m !== "type") ?? "type";
  cases += `    case ${JSON.stringify(tag)}: {\n`;
  cases += `      const tag: ${JSON.stringify(tag)} = event.type;\n`;
  cases += `      const member: ${def.title}[${JSON.stringify(member)}] = event.${member};\n`;
  if (member === "delta") cases += `      const delta: string = event.delta;\n      return [tag, member, delta];\n`;
  else cases += `      return [tag, member];\n`;
  cases += `    }\n`;
}
const imports = union.oneOf.map((b) => union.$defs[b.$ref.replace("#/$defs/", "")].title);
writeFileSync(
  join(out, "switch.ts"),
  `import type { ${name}, ${[...new Set(imports)].join(", ")} } from "./union.js";\n\n` +
    `export function read(event: ${name}): unknown[] {\n  switch (event.type) {\n${cases}` +
    `    default: {\n      const unreachable: never = event;\n      return [unreachable];\n    }\n  }\n}\n`,
);
writeFileSync(
  join(out, "unnarrowed.ts"),
  `import type { ${name} } from "./union.js";\n\nexport function read(event: ${name}): string {\n  const delta: string = event.delta;\n  return delta;\n}\n`,
);
const tsc = join(here, "node_modules/typescript/bin/tsc");
const check = (file) => {
  try {
    execFileSync("node", [tsc, "--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--pretty", "false", join(out, file)], { encoding: "utf8" });
    return "";
  } catch (e) {
    return (e.stdout ?? "") + (e.stderr ?? "") || e.message;
  }
};
const problems = [];
const switchErrors = check("switch.ts");
if (switchErrors) problems.push(`the switch on type does not type-check:\n${switchErrors}`);
const unnarrowed = check("unnarrowed.ts");
if (!unnarrowed.includes("unnarrowed.ts")) problems.push(`reading event.delta without narrowing type-checks: ${unnarrowed}`);
for (const p of problems) console.log(p);
console.log(`${union.oneOf.length} branch(es) of ${unionFile} narrowed on type; ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
