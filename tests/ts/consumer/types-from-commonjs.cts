// A CommonJS module of a TypeScript project may use the package's types with `import type`
// (there are no .d.cts files: `require` of the package at run time is not supported).
import type { realtime } from "@rtwire/protocol";

function eventName(event: realtime.v2.ServerEvent): string {
  return event.type;
}

export = eventName;
