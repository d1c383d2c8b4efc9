// A browser bundle of the v2 server decoder alone builds with esbuild, with no Node built-in
// and no other union's schemas.
import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

test("esbuild bundles the v2 server decoder for the browser with no Node built-ins", async () => {
  const result = await build({
    stdin: {
      contents: 'export { decodeServerEvent } from "@rtwire/protocol/realtime/v2/decodeServerEvent.js";',
      resolveDir: process.cwd(),
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    preserveSymlinks: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  assert.deepStrictEqual(result.errors, []);
  const inputs = Object.keys(result.metafile.inputs);
  assert.deepStrictEqual(inputs.filter((i) => i.startsWith("node:")), []);
  assert.deepStrictEqual(inputs.filter((i) => /decode(Client|Server)(Event|Message)\.js$/.test(i) && !i.endsWith("realtime/v2/decodeServerEvent.js")), []);
  const bytes = result.outputFiles[0].contents;
  console.log(`v2 server decoder bundle: ${bytes.length} bytes minified, ${gzipSync(bytes).length} bytes gzip`);
});
