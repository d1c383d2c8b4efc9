// The generated app-server method maps type a JSON-RPC client by method name: every request
// method with its params and result, every notification with its params. Lines marked
// `@ts-expect-error` must fail to compile.

import type {
  ClientNotificationMap,
  ClientNotificationParamsOf,
  ClientRequestMap,
  ParamsOf,
  ResultOf,
  StableClientMessage,
  StableClientRequestMap,
} from "../../generated/typescript/app-server/ClientMethods.js";
import type {
  ServerNotificationMap,
  ServerNotificationParamsOf,
  StableServerNotificationMap,
} from "../../generated/typescript/app-server/ServerMethods.js";
import type { ClientMessage } from "../../generated/typescript/app-server/ClientMessage.js";
import type { ServerMessage } from "../../generated/typescript/app-server/ServerMessage.js";
import type { RequestId } from "../../generated/typescript/app-server/RequestId.js";

declare function request<M extends keyof ClientRequestMap>(
  method: M,
  params: ClientRequestMap[M]["params"],
): Promise<ClientRequestMap[M]["result"]>;
declare function notify<M extends keyof ClientNotificationMap>(method: M, params: ClientNotificationParamsOf<M>): void;
declare function onNotification<M extends keyof ServerNotificationMap>(
  method: M,
  handler: (params: ServerNotificationParamsOf<M>) => void,
): void;

const threadId = "0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00";

export async function everyRequest(): Promise<void> {
  const init: ResultOf<"initialize"> = await request("initialize", {
    clientInfo: { name: "rtwire_demo", title: "rtwire demo", version: "0.1.0" },
    capabilities: { experimentalApi: true, optOutNotificationMethods: ["thread/realtime/outputAudio/delta"] },
  });
  const userAgent: string = init.userAgent;
  const os: string | null | undefined = init.platformOs;
  notify("initialized", undefined);

  const none: ResultOf<"loginApiKey"> = await request("loginApiKey", { apiKey: "sk-example" });
  const status = await request("getAuthStatus", { includeToken: true });
  const mode: string | null | undefined = status.authMethod;
  await request("getAuthStatus", {});

  const login = await request("account/login/start", { type: "chatgpt" });
  if (login.type === "chatgpt") {
    const url: string = login.authUrl;
  }
  await request("account/login/start", { type: "apiKey", apiKey: "sk-example" });

  const started = await request("thread/start", { approvalPolicy: "on-request", sandbox: "workspace-write", config: { model: "gpt-5-codex" } });
  const id: string = started.thread.id;
  const createdAt: number = started.thread.createdAt;
  await request("thread/start", {});

  const params: ParamsOf<"thread/realtime/start"> = {
    threadId,
    prompt: "Keep answers short.",
    outputModality: "audio",
    voice: "marin",
    transport: { type: "webrtc", sdp: "v=0\r\n" },
  };
  const accepted: ResultOf<"thread/realtime/start"> = await request("thread/realtime/start", params);
  await request("thread/realtime/appendAudio", {
    threadId,
    audio: { data: "AAAAAAAA", sampleRate: 24000, numChannels: 1, samplesPerChannel: 3, itemId: null },
  });
  await request("thread/realtime/appendText", { threadId, text: "The user is looking at main.rs.", role: "developer" });
  await request("thread/realtime/appendSpeech", { threadId, text: "Done." });
  await request("thread/realtime/stop", { threadId });
  const voices = await request("thread/realtime/listVoices", {});
  const defaultV2: "marin" | string = voices.voices.defaultV2;

  // A start without a prompt, one with `prompt: null`, and one with the older `sessionId`
  // spelling (accepted on input) type-check; so does an existingCall transport on v3.
  await request("thread/realtime/start", { threadId, outputModality: "audio" });
  await request("thread/realtime/start", { threadId, outputModality: "audio", prompt: null });
  await request("thread/realtime/start", { threadId, sessionId: "sess_old" });
  await request("thread/realtime/start", {
    threadId,
    outputModality: "audio",
    version: "v3",
    realtimeSessionId: "sess_123",
    transport: { type: "existingCall", callId: "rtc_123" },
  });
  // @ts-expect-error: `threadId` is required
  await request("thread/realtime/start", { prompt: "hi" });
  // @ts-expect-error: `callId` is required by the existingCall transport
  await request("thread/realtime/start", { threadId, transport: { type: "existingCall" } });
  // @ts-expect-error: `v4` is not a realtime version (closed enum)
  await request("thread/realtime/start", { threadId, version: "v4" });
  // @ts-expect-error: `nova` is not a realtime voice (closed enum)
  await request("thread/realtime/start", { threadId, prompt: "hi", voice: "nova" });
  // @ts-expect-error: `role` is a closed enum
  await request("thread/realtime/appendText", { threadId, text: "hi", role: "system" });
  // @ts-expect-error: `sampleRate` must be a number
  await request("thread/realtime/appendAudio", { threadId, audio: { data: "", sampleRate: "24000", numChannels: 1 } });
  // @ts-expect-error: the `apiKey` login needs `apiKey`
  await request("account/login/start", { type: "apiKey" });
  // @ts-expect-error: `thread/teleport` is not a method
  await request("thread/teleport", {});
  // @ts-expect-error: listVoices takes no params
  await request("thread/realtime/listVoices", { threadId });
  // @ts-expect-error: the stop result is `{}`, it has no thread
  (await request("thread/realtime/stop", { threadId })).thread;
  // @ts-expect-error: `initialized` has no params
  notify("initialized", {});

  void [userAgent, os, none, mode, id, createdAt, accepted, defaultV2];
}

export function everyNotification(): void {
  onNotification("authStatusChange", (p) => void p.authMethod);
  onNotification("account/login/completed", (p) => void (p.success satisfies boolean));
  onNotification("account/updated", (p) => void p.planType);
  onNotification("thread/started", (p) => void (p.thread.turns satisfies unknown[]));
  onNotification("thread/realtime/started", (p) => void (p.version satisfies "v1" | "v2" | "v3" | null | undefined));
  onNotification("thread/realtime/itemAdded", (p) => void p.item);
  onNotification("thread/realtime/transcript/delta", (p) => void (p.delta satisfies string));
  onNotification("thread/realtime/transcript/done", (p) => void (p.text satisfies string));
  onNotification("thread/realtime/outputAudio/delta", (p) => void (p.audio.sampleRate satisfies number));
  onNotification("thread/realtime/sdp", (p) => void (p.sdp satisfies string));
  onNotification("thread/realtime/error", (p) => void (p.message satisfies string));
  onNotification("thread/realtime/closed", (p) => void p.reason);
  // @ts-expect-error: `thread/realtime/closed` params have no `delta`
  onNotification("thread/realtime/closed", (p) => void p.delta);
}

export const messages: ClientMessage[] = [
  { id: 1, method: "initialize", params: { clientInfo: { name: "rtwire_demo", version: "0.1.0" } } },
  { method: "initialized" },
  { id: "voices", method: "thread/realtime/listVoices" },
  { id: 3, method: "thread/start" },
];

export const answers: ServerMessage[] = [
  { id: 1, result: {} },
  { id: "req-7", error: { code: -32601, message: "method not found: thread/teleport" } },
  { method: "thread/realtime/closed", params: { threadId, reason: "requested" } },
];

// @ts-expect-error: ids are strings or numbers, never booleans
export const badId: RequestId = true;

// The stable surface (app-server.md §7): the experimental `thread/realtime/*` methods are left out.

export const stableRequest: keyof StableClientRequestMap = "thread/start";
// @ts-expect-error: `thread/realtime/start` is experimental
export const experimentalRequest: keyof StableClientRequestMap = "thread/realtime/start";
export const stableNotification: keyof StableServerNotificationMap = "account/updated";
// @ts-expect-error: `thread/realtime/closed` is experimental
export const experimentalNotification: keyof StableServerNotificationMap = "thread/realtime/closed";
export const stableMessage: StableClientMessage = { id: 1, method: "getAuthStatus", params: {} };
// @ts-expect-error: `thread/realtime/stop` is not a stable message
export const experimentalMessage: StableClientMessage = { id: 1, method: "thread/realtime/stop", params: { threadId } };
