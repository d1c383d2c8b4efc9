"""Python `jsonschema` on schemas/: `Draft202012Validator.check_schema` on every file, and every
example of tests/examples validated with a `FormatChecker` against its message schema and the
open and closed forms of its union (references resolved from the shipped tree by `$id`, offline).

Run by `cargo test --test schema_tools` in a virtual environment built from
requirements.txt (pinned, with hashes). Prints one line per problem and a summary; exit 1 on
any problem.
"""

import json
import pathlib
import sys

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

root = pathlib.Path(sys.argv[1])
schemas = root / "schemas"
examples = root / "tests" / "examples"
catalog = json.loads((schemas / "catalog.json").read_text())
problems = []

files = {}
for path in sorted(schemas.rglob("*.json")):
    rel = path.relative_to(schemas).as_posix()
    if rel == "catalog.json":
        continue
    schema = json.loads(path.read_text())
    try:
        Draft202012Validator.check_schema(schema)
    except Exception as e:  # noqa: BLE001 - every failure is a problem to report
        problems.append(f"{rel}: check_schema: {e}")
    if schema.get("$id") != catalog["id_base"] + rel:
        problems.append(f"{rel}: $id is {schema.get('$id')!r}")
    files[rel] = schema

registry = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in files.values()
)
validators = {
    rel: Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    for rel, schema in files.items()
}

checked = 0
for path in sorted(examples.rglob("*.json")):
    if path.name.endswith(".result.json"):
        continue
    parts = path.relative_to(examples).parts
    surface, version, wire_name = parts[0], parts[1], "/".join(parts[2:-1])
    lenient = path.name.endswith(".lenient.json")
    unknown_variant = lenient and path.name.startswith("unknown-")
    entry = next(
        (m for m in catalog["messages"]
         if (m["surface"], m["version"], m["wire_name"]) == (surface, version, wire_name)),
        None,
    )
    if entry is None:
        problems.append(f"{path}: no catalog entry")
        continue
    union = next(
        u for u in catalog["unions"]
        if not u["stable"] and u["name"] == entry["union"] and u["surface"] == surface
        and u["version"] in (None, version)
    )
    value = json.loads(path.read_text())
    checked += 1
    expectations = [(union["forms"]["open"], True), (union["forms"]["closed"], not unknown_variant)]
    if not lenient:
        expectations += [(entry["schema"], True), (union["forms"]["generators"], True)]
    for rel, want in expectations:
        errors = list(validators[rel].iter_errors(value))
        if (not errors) != want:
            why = "; ".join(e.message[:200] for e in errors[:3])
            problems.append(
                f"{path.relative_to(examples)}: {rel} {'accepts' if not errors else 'rejects'} it {why}"
            )

for p in problems:
    print(p)
print(f"{len(files)} schema file(s) checked; {checked} example(s) validated; {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
