import type { JsonValue } from "./JsonValue.js";

/** Why a message could not be decoded; the same facts as the Rust `DecodeError`. */
export interface DecodeError {
  /** The event `type` or JSON-RPC `method` of the rejected message; `null` when unknown. */
  readonly message: string | null;
  /** The JSON pointer of the offending value; `""` for the message itself. */
  readonly path: string;
  /** What was wrong, e.g. "missing field `delta`". */
  readonly reason: string;
  /** `message: reason (at path)`, as the Rust error displays. */
  readonly text: string;
}

/** The outcome of decoding one message. Decoders never throw. */
export type Decoded<T> =
  | { readonly kind: "event"; readonly event: T }
  | { readonly kind: "unknown"; readonly raw: JsonValue }
  | { readonly kind: "error"; readonly error: DecodeError };

/** The method of the pending request a JSON-RPC response answers: a method name, or a lookup by `id`. */
export type PendingMethod = string | ((id: JsonValue) => string | undefined);

/**
 * Builds the decoder of one union from its generated description. Internal: the generated
 * `decode*` modules call it; its argument's shape is not part of the package's API.
 */
export declare function makeDecoder(spec: unknown): (input: unknown, pending?: PendingMethod) => Decoded<JsonValue>;
