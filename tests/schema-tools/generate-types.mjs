// Runs json-schema-to-typescript on one schema file and prints the TypeScript it generates.
// Usage: node generate-types.mjs <schema file>
import { compileFromFile } from "json-schema-to-typescript";

const file = process.argv[2];
const ts = await compileFromFile(file, { bannerComment: "", additionalProperties: true, unknownAny: true });
process.stdout.write(ts);
