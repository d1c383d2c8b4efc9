"""datamodel-code-generator (pydantic v2) on the generators form of every union in schemas/.

For each union of `catalog.json`, the generated module must hold one class per message named
after its catalog `title` (the Rust type), and a root model named after the union whose
branches are exactly those classes. The generated root model must then accept every canonical
example of the union (strict JSON validation) and refuse each of them with one required member
removed or with an unknown tag: a malformed known message is never taken for another one.

Run by `cargo test --test schema_tools` in the virtual environment of requirements.txt. Prints
one line per problem and a summary; exit 1 on any problem.
"""

import importlib.util
import json
import pathlib
import sys
import tempfile
import typing

from datamodel_code_generator import DataModelType, Formatter, InputFileType, generate

root = pathlib.Path(sys.argv[1])
schemas = root / "schemas"
examples = root / "tests" / "examples"
catalog = json.loads((schemas / "catalog.json").read_text())
problems = []
checked = {"unions": 0, "classes": 0, "examples": 0, "refusals": 0}
work = pathlib.Path(tempfile.mkdtemp(prefix="rtwire-generators-"))


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def branches(annotation):
    """The classes of a root model's `A | B | …` annotation."""
    args = typing.get_args(annotation)
    return [a for a in args] if args else [annotation]


def refused(model, value):
    try:
        model.model_validate_json(json.dumps(value), strict=True)
    except Exception:  # noqa: BLE001 - pydantic's ValidationError; any refusal counts
        return True
    return False


for index, union in enumerate(catalog["unions"]):
    rel = union["forms"]["generators"]
    out = work / f"union_{index}.py"
    generate(
        input_=schemas / rel,
        input_file_type=InputFileType.JsonSchema,
        output=out,
        output_model_type=DataModelType.PydanticV2BaseModel,
        disable_timestamp=True,
        formatters=[Formatter.BUILTIN],
    )
    module = load(out, f"union_{index}")
    checked["unions"] += 1
    model = getattr(module, union["name"], None)
    if model is None:
        problems.append(f"{rel}: no root model named {union['name']}")
        continue
    messages = [
        m for m in catalog["messages"]
        if m["surface"] == union["surface"] and m["union"] == union["name"]
        and union["version"] in (None, m["version"])
        and (not union["stable"] or not m["experimental"])
    ]
    titles = sorted(m["title"] for m in messages)
    # The untagged JSON-RPC answers are named by the `title` of their branch (the Rust type).
    form = json.loads((schemas / rel).read_text())
    refs = [b["$ref"].removeprefix("#/$defs/") for b in form["oneOf"] if "$ref" in b]
    answers = sorted(
        name for name in refs
        if "const" not in form["$defs"][name].get("properties", {}).get(union["tag"], {})
    )
    names = sorted(c.__name__ for c in branches(model.model_fields["root"].annotation))
    if names != sorted(titles + answers):
        problems.append(f"{rel}: root branches {names} != titles {titles} + answers {answers}")
    for title in titles + answers:
        if not hasattr(module, title):
            problems.append(f"{rel}: no class {title}")
        checked["classes"] += 1
    tag = union["tag"]
    for m in messages:
        schema = json.loads((schemas / m["schema"]).read_text())
        required = [r for r in schema.get("required", []) if r not in (tag, "jsonrpc")]
        folder = examples / m["surface"] / m["version"] / m["wire_name"]
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            if path.name.endswith((".lenient.json", ".result.json")):
                continue
            value = json.loads(path.read_text())
            checked["examples"] += 1
            if refused(model, value):
                problems.append(f"{path.relative_to(examples)}: {rel} refuses it")
                continue
            cases = [(f"without `{r}`", {k: v for k, v in value.items() if k != r})
                     for r in required if r in value]
            if tag in value:
                cases.append(("with an unknown tag", {**value, tag: "rtwire.unknown"}))
            for what, bad in cases:
                checked["refusals"] += 1
                if not refused(model, bad):
                    problems.append(f"{path.relative_to(examples)} {what}: {rel} accepts it")

for p in problems:
    print(p)
print(
    f"{checked['unions']} union(s), {checked['classes']} message class(es), "
    f"{checked['examples']} example(s) accepted, {checked['refusals']} malformed variant(s) "
    f"refused; {len(problems)} problem(s)"
)
sys.exit(1 if problems else 0)
