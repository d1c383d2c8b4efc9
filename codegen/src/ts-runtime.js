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
  // The same merged object every time, so that validators compiled for it are reused.
  let merged = resolved.get(schema);
  if (merged === undefined) {
    merged = {
      ...target,
      ...siblings,
      properties: { ...target.properties, ...siblings.properties },
      required: [...(target.required ?? []), ...(siblings.required ?? [])],
    };
    resolved.set(schema, merged);
  }
  return merged;
}
const resolved = new WeakMap();

function put(out, key, value) {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function allowsObject(schema) {
  const t = schema.type;
  return t === undefined || t === "object" || (Array.isArray(t) && t.includes("object"));
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
  return subValidator(ctx, alternative)(value);
}

/** The validator of a subschema of `ctx.root` (compiled on first use, with the root's `$defs`). */
function subValidator(ctx, schema) {
  let validate = branchValidators.get(schema);
  if (validate === undefined) {
    ajv ??= new Ajv2020({ strict: true, allErrors: true });
    const copy = { ...schema, $defs: ctx.root.$defs };
    delete copy.$id;
    validate = ajv.compile(copy);
    branchValidators.set(schema, validate);
  }
  return validate;
}

function escapeKey(key) {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** A union alternative with the union's own members merged in, as `canonical` walks it. */
function mergeBranch(s, branch) {
  let bySchema = merges.get(s);
  if (bySchema === undefined) merges.set(s, (bySchema = new Map()));
  let merged = bySchema.get(branch);
  if (merged === undefined) bySchema.set(branch, (merged = mergeOf(s, branch)));
  return merged;
}
const merges = new WeakMap();

function mergeOf(s, branch) {
  const { oneOf, anyOf, not, $ref, description, ...rest } = s;
  const merged = { ...rest, ...branch };
  if (rest.properties !== undefined || branch.properties !== undefined) merged.properties = { ...rest.properties, ...branch.properties };
  if (rest.required !== undefined || branch.required !== undefined) merged.required = [...(rest.required ?? []), ...(branch.required ?? [])];
  return merged;
}

/**
 * Where the Rust decoder reports the error in `value`, which `schema` rejects: `[pointer,
 * reason]`. Members are visited in input order, then missing members; an `Option` member and the
 * variant of an open union (or the one member of an externally tagged variant) are entered, an
 * internally tagged closed union reports its variant's reason at the union, and an untagged union
 * reports at itself: as serde and the open unions of `rtwire-protocol` do.
 */
function locate(ctx, schema, value, pointer, failing = false) {
  if (!failing && accepts(ctx, schema, value)) return undefined;
  const s = resolve(ctx.root, schema) ?? {};
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives !== undefined) {
    const forms = formsOf(ctx, schema);
    const nonNull = alternatives.filter((a) => a?.type !== "null");
    if (value !== null && nonNull.length === 1 && alternatives.length === 2) {
      return locate(ctx, mergeBranch(s, nonNull[0]), value, pointer);
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      let input = value;
      for (const form of forms ?? []) {
        if (form.untagged !== undefined && !Object.hasOwn(input, "type")) input = { type: form.untagged, ...input };
        if (form.valueAliases !== undefined && typeof input.type === "string" && Object.hasOwn(form.valueAliases, input.type)) {
          input = { ...input, type: form.valueAliases[input.type] };
        }
      }
      const open = alternatives.some((a) => isCatchAll(ctx.root, a));
      const tagged = alternatives.find((a) => {
        const props = resolve(ctx.root, a)?.properties ?? {};
        return Object.entries(props).some(([k, p]) => p !== null && typeof p === "object" && "const" in p && input[k] === p.const);
      });
      if (tagged !== undefined) {
        const inner = locate(ctx, mergeBranch(s, tagged), input, pointer) ?? [pointer, "invalid value"];
        return open ? inner : [pointer, inner[1]];
      }
      // A closed union tagged on a member every alternative fixes: a bad tag is reported there.
      const objects = alternatives.map((a) => resolve(ctx.root, a)).filter((a) => a !== undefined && allowsObject(a));
      const tag = objects.length === 0 ? undefined : Object.keys(objects[0].properties ?? {}).find((k) => objects.every((a) => "const" in (a.properties?.[k] ?? {})));
      if (!open && tag !== undefined && Object.hasOwn(input, tag)) {
        const names = objects.map((a) => `\`${a.properties[tag].const}\``).join(", ");
        const found = input[tag];
        const reason = typeof found === "string" ? `unknown variant \`${found}\`, expected one of ${names}` : `invalid type: ${unexpected(found)}, expected variant identifier`;
        return [`${pointer}/${escapeKey(tag)}`, reason];
      }
      const keys = Object.keys(input);
      const external = alternatives.find((a) => {
        const r = resolve(ctx.root, a);
        return r?.additionalProperties === false && keys.length === 1 && r.required?.length === 1 && r.required[0] === keys[0];
      });
      if (external !== undefined) {
        const r = resolve(ctx.root, external);
        const inner = locate(ctx, r.properties[keys[0]], input[keys[0]], `${pointer}/${escapeKey(keys[0])}`);
        if (inner !== undefined) return inner;
      }
    }
    // An alternative guarded by `not` is chosen by dispatch (every other one rejects the value),
    // not by trial: its error is reported where it is.
    const guarded = alternatives.filter((a) => a?.not !== undefined && !accepts(ctx, a.not, value));
    if (guarded.length === 1 && alternatives.every((a) => a === guarded[0] || !accepts(ctx, a, value))) {
      const inner = locate(ctx, mergeBranch(s, guarded[0]), value, pointer);
      if (inner !== undefined) return inner;
    }
    const validate = subValidator(ctx, schema);
    validate(value);
    return [pointer, reasonOf(validate.errors ?? [], value)[1]];
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const itemSchema = Array.isArray(s.prefixItems) ? s.prefixItems[i] : s.items;
      if (itemSchema === undefined || typeof itemSchema !== "object") continue;
      const inner = locate(ctx, itemSchema, item, `${pointer}/${i}`);
      if (inner !== undefined) return inner;
    }
  } else if (value !== null && typeof value === "object" && s.properties !== undefined) {
    for (const [key, member] of Object.entries(value)) {
      if (!Object.hasOwn(s.properties, key)) continue;
      const inner = locate(ctx, s.properties[key], member, `${pointer}/${escapeKey(key)}`);
      if (inner !== undefined) return inner;
    }
    for (const member of s.required ?? []) {
      if (!Object.hasOwn(value, member)) return [pointer, `missing field \`${member}\``];
    }
  }
  const validate = schema === ctx.root ? ctx.validate : subValidator(ctx, schema);
  validate(value);
  const [path, reason] = reasonOf(validate.errors ?? [], value);
  return [pointer + path, reason];
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
    return canonical(ctx, mergeBranch(s, branch), input);
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
      // A message with a request's method and no `id` is refused, as the Rust decoder refuses it.
      if (tag === "method" && entry.root.required?.includes("id") && !Object.hasOwn(value, "id")) {
        return error(wire, "/id", `missing field \`id\`: \`${wire}\` is a request method, and a request has an \`id\``);
      }
      const ctx = { root: entry.root, forms, validate };
      if (!validate(candidate)) {
        const [path, reason] = locate(ctx, entry.root, candidate, "", true);
        return error(wire, path, reason);
      }
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
    const ctx = { root: entry.root, forms, validate };
    if (!validate(value)) {
      const [path, reason] = locate(ctx, entry.root, value, "", true);
      return error(method, path, reason);
    }
    return { kind: "event", event: canonical(ctx, entry.root, value) };
  }
}
