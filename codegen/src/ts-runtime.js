// The decoder machinery shared by every `decode<Union>` module. It holds no protocol fact:
// tags, aliases, schemas and canonical-form facts are passed in by the generated modules.
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

function put(out, key, value) {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** The names of the types along `schema`'s `$ref` chain (the message's title at the root). */
function namesOf(ctx, schema) {
  const names = schema === ctx.root && typeof schema.title === "string" ? [schema.title] : [];
  let s = schema;
  for (let hops = 0; s !== undefined && typeof s.$ref === "string" && hops < 64; hops++) {
    const name = s.$ref.slice("#/$defs/".length);
    names.push(name);
    s = ctx.root.$defs?.[name];
  }
  return names;
}

/** The canonical-form facts (from the registry, see `forms` in each decoder module) of `schema`. */
function formsOf(ctx, schema) {
  let found;
  for (const name of namesOf(ctx, schema)) {
    const form = Object.hasOwn(ctx.forms, name) ? ctx.forms[name] : undefined;
    if (form !== undefined) (found ??= []).push(form);
  }
  return found;
}

/** The canonical spelling of a string value (or union tag) with aliases under `forms`. */
function canonicalValue(forms, value) {
  for (const form of forms ?? []) {
    if (form.valueAliases !== undefined && Object.hasOwn(form.valueAliases, value)) return form.valueAliases[value];
  }
  return value;
}

/** Whether `value` is valid against one alternative of a union (compiled on first use). */
function accepts(ctx, alternative, value) {
  let validate = branchValidators.get(alternative);
  if (validate === undefined) {
    ajv ??= new Ajv2020({ strict: true, allErrors: true });
    validate = ajv.compile({ ...alternative, $defs: ctx.root.$defs });
    branchValidators.set(alternative, validate);
  }
  return validate(value);
}
const branchValidators = new WeakMap();

/** Whether a union alternative is the catch-all of unknown variants (kept whole). */
function isCatchAll(root, alternative) {
  const props = resolve(root, alternative)?.properties ?? {};
  return Object.values(props).some((p) => p?.not?.enum !== undefined);
}

/**
 * The canonical form of a value its schema accepted, as the Rust decoder and encoder give it:
 * members the schema does not declare are dropped (unless the object keeps extra members),
 * optional members that are `null` are dropped unless absent and `null` differ, member aliases
 * are folded into their canonical member, absent members with a default get it, aliases of
 * enum values and union tags are replaced, the alternative of a union is the one the value is
 * valid against, and unknown variants of open unions are kept whole.
 */
function canonical(ctx, schema, value) {
  const forms = formsOf(ctx, schema);
  if (typeof value === "string") {
    if (forms !== undefined) return canonicalValue(forms, value);
    const s = resolve(ctx.root, schema);
    // A nullable or open member: the alternative with value aliases decides the spelling.
    for (const alternative of s?.oneOf ?? s?.anyOf ?? []) {
      const spelled = canonicalValue(formsOf(ctx, alternative), value);
      if (spelled !== value) return spelled;
    }
    return value;
  }
  const s = resolve(ctx.root, schema);
  if (s === undefined || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    if (s.items !== undefined && typeof s.items === "object") return value.map((v) => canonical(ctx, s.items, v));
    if (Array.isArray(s.prefixItems)) return value.map((v, i) => canonical(ctx, s.prefixItems[i], v));
    return value;
  }
  let input = value;
  for (const form of forms ?? []) {
    if (form.untagged !== undefined && !Object.hasOwn(input, "type")) input = { type: form.untagged, ...input };
    if (form.valueAliases !== undefined && typeof input.type === "string" && Object.hasOwn(form.valueAliases, input.type)) {
      input = { ...input, type: form.valueAliases[input.type] };
    }
    for (const [alias, member] of Object.entries(form.memberAliases ?? {})) {
      if (!Object.hasOwn(input, alias)) continue;
      const { [alias]: aliased, ...rest } = input;
      input = rest;
      if ((input[member] === undefined || input[member] === null) && aliased !== null) input[member] = aliased;
    }
    for (const [member, fallback] of Object.entries(form.defaults ?? {})) {
      if (input[member] === undefined || input[member] === null) input = { ...input, [member]: fallback };
    }
  }
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives !== undefined) {
    const branch = alternatives.find((alternative) => accepts(ctx, alternative, input));
    if (branch === undefined || isCatchAll(ctx.root, branch)) return input;
    const { oneOf, anyOf, not, $ref, description, ...rest } = s;
    const merged = { ...rest, ...branch };
    if (rest.properties !== undefined || branch.properties !== undefined) merged.properties = { ...rest.properties, ...branch.properties };
    if (rest.required !== undefined || branch.required !== undefined) merged.required = [...(rest.required ?? []), ...(branch.required ?? [])];
    return canonical(ctx, merged, input);
  }
  if (s.properties === undefined && s.additionalProperties === undefined) return input;
  const props = s.properties ?? {};
  const required = s.required ?? [];
  const keepsNull = (forms ?? []).flatMap((form) => form.keepsNull ?? []);
  const extra = s.additionalProperties;
  const out = {};
  for (const [key, member] of Object.entries(input)) {
    if (Object.hasOwn(props, key)) {
      if (member === null && !required.includes(key) && !keepsNull.includes(key)) continue;
      put(out, key, canonical(ctx, props[key], member));
    } else if (extra !== undefined && extra !== false) {
      put(out, key, extra === true ? member : canonical(ctx, extra, member));
    }
  }
  return out;
}

/** Builds the decoder of one union from its generated description. */
export function makeDecoder(spec) {
  const { union, tag, messages, aliases, results, forms } = spec;
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
      // A request without its `id` is a notification of a method this union does not know.
      if (tag === "method" && entry.root.required?.includes("id") && !Object.hasOwn(value, "id")) return { kind: "unknown", raw: value };
      if (!validate(candidate)) {
        const [path, reason] = reasonOf(validate.errors ?? [], candidate);
        return error(wire, path, reason);
      }
      const ctx = { root: entry.root, forms };
      const event = canonical(ctx, entry.root, candidate);
      // Absent `params` whose members are all optional decode as `{}` and are emitted so.
      const params = resolve(entry.root, entry.root.properties?.params);
      if (tag === "method" && !Object.hasOwn(event, "params") && params?.type === "object" && (params.required ?? []).length === 0) {
        event.params = canonical(ctx, entry.root.properties.params, {});
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
    return { kind: "event", event: canonical({ root: entry.root, forms }, entry.root, value) };
  }
}
