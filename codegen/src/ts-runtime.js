// The decoder machinery shared by every `decode<Union>` module. It holds no protocol fact:
// tags, aliases and schemas are passed in by the generated modules.
import Ajv2020 from "ajv/dist/2020.js";

/** Nesting deeper than this is refused, as the Rust decoder refuses it. */
const MAX_DEPTH = 128;

let ajv;
function validatorOf(entry) {
  if (entry.validate === undefined) {
    ajv ??= new Ajv2020({ strict: true, allErrors: true });
    entry.root = entry.schema();
    entry.validate = ajv.compile(entry.root);
  }
  return entry.validate;
}

function error(message, path, reason) {
  const text = (message === null ? reason : `${message}: ${reason}`) + (path === "" ? "" : ` (at ${path})`);
  return { kind: "error", error: { message, path, reason, text } };
}

/** Whether `value` nests deeper than `MAX_DEPTH` (iterative: no stack overflow). */
function tooDeep(value) {
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (depth > MAX_DEPTH) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** How serde names a JSON value in an `invalid type` error. */
function unexpected(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "sequence";
  switch (typeof value) {
    case "string":
      return `string ${JSON.stringify(value)}`;
    case "boolean":
      return `boolean \`${value}\``;
    case "number":
      return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
    default:
      return "map";
  }
}

function expectedOf(schema) {
  const types = schema === undefined ? [] : [].concat(schema.type ?? []).filter((t) => t !== "null");
  return types.length === 0 ? "another value" : types.join(" or ");
}

/** The first Ajv error, worded as the Rust `DecodeError`: a reason and a JSON pointer. */
function reasonOf(errors, value) {
  // The deepest error names the offending value (the others are the branches that led to it).
  const e = errors.reduce((best, next) => (next.instancePath.length > best.instancePath.length ? next : best), errors[0]);
  const at = (pointer) =>
    pointer
      .split("/")
      .slice(1)
      .reduce((node, key) => (node === null || typeof node !== "object" ? undefined : node[key.replaceAll("~1", "/").replaceAll("~0", "~")]), value);
  switch (e.keyword) {
    case "required":
      return [e.instancePath, `missing field \`${e.params.missingProperty}\``];
    case "type":
      return [e.instancePath, `invalid type: ${unexpected(at(e.instancePath))}, expected ${e.params.type}`];
    case "enum":
      return [
        e.instancePath,
        `unknown variant \`${at(e.instancePath)}\`, expected one of ${e.params.allowedValues.map((v) => `\`${v}\``).join(", ")}`,
      ];
    case "const":
      return [e.instancePath, `invalid value: ${unexpected(at(e.instancePath))}, expected ${JSON.stringify(e.params.allowedValue)}`];
    default:
      return [e.instancePath, `invalid value: ${unexpected(at(e.instancePath))}, ${e.message}`];
  }
}

/** `schema` with its `$ref` followed; members written beside a `$ref` are merged in. */
function resolve(root, schema, hops = 0) {
  if (schema === undefined || typeof schema.$ref !== "string" || hops > 64) return schema;
  const target = resolve(root, root.$defs?.[schema.$ref.slice("#/$defs/".length)], hops + 1);
  const { $ref, ...siblings } = schema;
  if (target === undefined || Object.keys(siblings).length === 0) return target;
  return {
    ...target,
    ...siblings,
    properties: { ...target.properties, ...siblings.properties },
    required: [...(target.required ?? []), ...(siblings.required ?? [])],
  };
}

function allowsObject(schema) {
  const t = schema.type;
  return t === undefined || t === "object" || (Array.isArray(t) && t.includes("object"));
}

/** The alternative of a `oneOf`/`anyOf` that describes `value`: the one whose constants all match. */
function branchOf(root, alternatives, value) {
  let fallback;
  for (const raw of alternatives) {
    const alt = resolve(root, raw);
    if (alt === undefined || !allowsObject(alt)) continue;
    const props = alt.properties ?? {};
    const consts = Object.entries(props).filter(([, p]) => p !== null && typeof p === "object" && "const" in p);
    const others = Object.entries(props).filter(([, p]) => p?.not?.enum !== undefined);
    if (consts.length > 0 && consts.every(([k, p]) => value[k] === p.const)) return alt;
    if (others.length > 0 && others.every(([k, p]) => typeof value[k] === "string" && !p.not.enum.includes(value[k]))) {
      return "raw";
    }
    if (consts.length === 0 && others.length === 0 && fallback === undefined) fallback = alt;
  }
  return fallback;
}

function put(out, key, value) {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * The canonical form of a value its schema accepted, as the Rust decoder and encoder give it:
 * members the schema does not declare are dropped (unless the object keeps extra members),
 * optional members that are `null` are dropped, unknown variants of open unions are kept whole.
 */
function canonical(root, schema, value) {
  const s = resolve(root, schema);
  if (s === undefined || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    if (s.items !== undefined && typeof s.items === "object") return value.map((v) => canonical(root, s.items, v));
    if (Array.isArray(s.prefixItems)) return value.map((v, i) => canonical(root, s.prefixItems[i], v));
    return value;
  }
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives !== undefined) {
    const branch = branchOf(root, alternatives, value);
    if (branch === "raw" || branch === undefined) return value;
    const { oneOf, anyOf, ...rest } = s;
    return canonical(root, resolve(root, { ...branch, $ref: undefined, ...rest, properties: { ...branch.properties, ...rest.properties }, required: [...(branch.required ?? []), ...(rest.required ?? [])] }), value);
  }
  if (s.properties === undefined && s.additionalProperties === undefined) return value;
  const props = s.properties ?? {};
  const required = s.required ?? [];
  const extra = s.additionalProperties;
  const out = {};
  for (const [key, member] of Object.entries(value)) {
    if (Object.hasOwn(props, key)) {
      if (member === null && !required.includes(key)) continue;
      put(out, key, canonical(root, props[key], member));
    } else if (extra !== undefined && extra !== false) {
      put(out, key, extra === true ? member : canonical(root, extra, member));
    }
  }
  return out;
}

/** Builds the decoder of one union from its generated description. */
export function makeDecoder(spec) {
  const { union, tag, messages, aliases, results } = spec;
  return function decode(input, pending) {
    let value = input;
    if (typeof input === "string") {
      try {
        value = JSON.parse(input);
      } catch (e) {
        return error(null, "", `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    try {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return error(null, "", `invalid type: ${unexpected(value)}, expected an object with a string \`${tag}\` member`);
      }
      if (tooDeep(value)) return error(null, "", "recursion limit exceeded");
      const name = value[tag];
      if (name === undefined && tag === "method" && "id" in value && ("result" in value || "error" in value)) {
        return response(value, pending);
      }
      if (typeof name !== "string") {
        if (name === undefined || name === null) return error(null, "", `missing or non-string \`${tag}\` member`);
        return error(null, `/${tag}`, `invalid type: ${unexpected(name)}, expected a string \`${tag}\``);
      }
      const wire = Object.hasOwn(aliases, name) ? aliases[name] : name;
      const entry = Object.hasOwn(messages, wire) ? messages[wire] : undefined;
      if (entry === undefined) return { kind: "unknown", raw: value };
      const candidate = wire === name ? value : { ...value, [tag]: wire };
      const validate = validatorOf(entry);
      // A message with a request's method and no `id` is refused, as the Rust decoder refuses it.
      if (tag === "method" && entry.root.required?.includes("id") && !Object.hasOwn(value, "id")) {
        return error(wire, "/id", `missing field \`id\`: \`${wire}\` is a request method, and a request has an \`id\``);
      }
      if (!validate(candidate)) {
        const [path, reason] = reasonOf(validate.errors ?? [], candidate);
        return error(wire, path, reason);
      }
      const event = canonical(entry.root, entry.root, candidate);
      // Absent `params` whose members are all optional decode as `{}` and are emitted so.
      const params = resolve(entry.root, entry.root.properties?.params);
      if (tag === "method" && !Object.hasOwn(event, "params") && params?.type === "object" && (params.required ?? []).length === 0) {
        event.params = canonical(entry.root, params, {});
      }
      return { kind: "event", event };
    } catch (e) {
      return error(null, "", `cannot decode ${union}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  function response(value, pending) {
    const method = typeof pending === "function" ? pending(value.id) : pending;
    const entry = typeof method === "string" && Object.hasOwn(results, method) ? results[method] : undefined;
    if (entry === undefined || "error" in value) return { kind: "event", event: value };
    const validate = validatorOf(entry);
    if (!validate(value)) {
      const [path, reason] = reasonOf(validate.errors ?? [], value);
      return error(method, path, reason);
    }
    return { kind: "event", event: canonical(entry.root, entry.root, value) };
  }
}
