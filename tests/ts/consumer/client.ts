// A small client of @rtwire/protocol, written as a user of the installed package would write
// it. tests/ts_consumer.rs copies it into a scratch project that installed the packed package,
// next to `events.ts` (generated from the registry: an exhaustive switch over every
// realtime v2 server event), compiles it under @tsconfig/strictest with NodeNext and bundler
// resolution, bundles it with esbuild, and runs it with node and tsx.

// Type imports: the root namespaces, a subpath and a deep import of one file.
import type { appServer, JsonValue, realtime } from "@rtwire/protocol";
import type { ClientEvent, ServerEventOf, SessionUpdate } from "@rtwire/protocol/realtime/v2";
import type { ServerEvent } from "@rtwire/protocol/realtime/v2/ServerEvent.js";
// Value imports: the modules resolve at run time (they export no value today).
import * as protocol from "@rtwire/protocol";
import * as serverEventModule from "@rtwire/protocol/realtime/v2/ServerEvent.js";
import { describe } from "./events.js";

/** Options a caller may leave out: passed through as they are (`exactOptionalPropertyTypes`). */
interface SessionOptions {
  instructions?: string;
  voice?: realtime.v2.VoiceName;
  idleTimeoutMs?: number;
}

/** A v2 `session.update` with audio in and out, a function tool and server VAD. */
export function sessionUpdate(options: SessionOptions): SessionUpdate {
  const lookup: realtime.v2.Tool = {
    type: "function",
    name: "lookup_order",
    description: "Looks an order up by its number.",
    parameters: { type: "object", properties: { order: { type: "string" } }, required: ["order"] },
  };
  return {
    event_id: "evt_client_1",
    session: {
      type: "realtime",
      model: "gpt-realtime",
      instructions: options.instructions,
      output_modalities: ["audio"],
      audio: {
        input: {
          format: { type: "audio/pcm", rate: 24000 },
          transcription: { model: "gpt-4o-transcribe", language: "en" },
          noise_reduction: { type: "near_field" },
          turn_detection: {
            type: "server_vad",
            threshold: 0.5,
            silence_duration_ms: 500,
            idle_timeout_ms: options.idleTimeoutMs,
            create_response: true,
          },
        },
        output: { format: { type: "audio/pcm", rate: 24000 }, voice: options.voice },
      },
      tools: [lookup],
      tool_choice: "auto",
    },
  };
}

/** A handler typed by one event's tag keeps the tag. */
function onAudio(event: ServerEventOf<"response.output_audio.delta">): string {
  return `${event.type} ${event.delta.length} base64 chars`;
}

/** Every error event of v2 is `realtime.v2.ErrorEvent`; its `error` is usually an object. */
function errorText(event: realtime.v2.ErrorEvent): string {
  const payload = event.error;
  if (typeof payload === "string") return payload;
  if (typeof payload === "object" && payload !== null && !Array.isArray(payload)) {
    const message: unknown = payload["message"];
    if (typeof message === "string") return message;
  }
  return event.message ?? "unknown error";
}

/** An app-server client typed by the method map. */
class AppServerClient {
  private nextId = 1;
  readonly sent: appServer.ClientMessage[] = [];

  request<M extends keyof appServer.ClientRequestMap>(
    method: M,
    params: appServer.ParamsOf<M>,
  ): appServer.RequestOf<M> {
    const message = { id: this.nextId++, method, params } as appServer.RequestOf<M>;
    this.sent.push(message);
    return message;
  }
}

const client = new AppServerClient();
const sessionId: string | undefined = undefined;
const start: appServer.RequestOf<"thread/realtime/start"> = client.request("thread/realtime/start", {
  threadId: "0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00",
  prompt: "Keep answers short.",
  sessionId,
  outputModality: "audio",
  voice: "marin",
});
const accepted: appServer.ResultOf<"thread/realtime/start"> = {};

const received: ServerEvent[] = [
  { type: "response.output_audio.delta", response_id: "resp_1", item_id: "item_1", output_index: 0, content_index: 0, delta: "AAAAAAAA" },
  { type: "error", error: { type: "invalid_request_error", message: "Unknown parameter." } },
];
const lines: string[] = received.map(describe);
const first = received[0];
if (first?.type === "response.output_audio.delta") lines.push(onAudio(first));
const error = received[1];
if (error?.type === "error") lines.push(errorText(error));

const outgoing: ClientEvent = { type: "session.update", ...sessionUpdate({ voice: "marin" }) };
const raw: JsonValue = JSON.parse(JSON.stringify(outgoing)) as JsonValue;
lines.push(JSON.stringify(raw));
lines.push(JSON.stringify(start));
lines.push(JSON.stringify(accepted));
lines.push(`value exports: ${Object.keys(protocol).length + Object.keys(serverEventModule).length}`);
console.log(lines.join("\n"));
