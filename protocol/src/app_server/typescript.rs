//! The TypeScript files of the two app-server unions (feature `ts`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use ts_rs::{Config, TS};

use crate::typescript::{collect, import_path};

/// The files of a JSON-RPC union: the ts-rs files of every params and result type, and
/// `<module>/<name>.ts` declaring the union of one branch per method plus `extra` branches.
pub(crate) fn union_files(
    config: &Config,
    name: &str,
    module: &str,
    doc: &str,
    methods: &[crate::app_server::spec::MethodSpec],
    extra: &[String],
) -> Vec<(PathBuf, String)> {
    use crate::app_server::{ErrorObject, RequestId};
    use crate::registry::Kind;

    let mut files: BTreeMap<PathBuf, String> = BTreeMap::new();
    files.extend(collect::<RequestId>(config));
    files.extend(collect::<ErrorObject>(config));
    files.extend(collect::<serde_json::Value>(config));
    let path = PathBuf::from(format!("{module}/{name}.ts"));
    let mut imports: BTreeMap<String, String> = BTreeMap::new();
    let mut import = |ty_name: String, ty_path: Option<PathBuf>| {
        if let Some(p) = ty_path {
            imports.insert(ty_name, import_path(&path, &p));
        }
    };
    import(RequestId::name(config), RequestId::output_path());
    import(ErrorObject::name(config), ErrorObject::output_path());
    import(
        serde_json::Value::name(config),
        serde_json::Value::output_path(),
    );
    let mut branches = vec![];
    for m in methods {
        if let Some(result) = &m.result_ts {
            files.extend((result.files)(config));
        }
        let id = if m.kind == Kind::Request {
            "\"id\": RequestId, "
        } else {
            ""
        };
        if !m.has_params {
            branches.push(format!("{{ {id}\"method\": {:?} }}", m.method));
            continue;
        }
        files.extend((m.params_ts.files)(config));
        let params = (m.params_ts.name)(config);
        import(params.clone(), (m.params_ts.path)());
        let optional = if m.params_optional { "?" } else { "" };
        branches.push(format!(
            "{{ {id}\"method\": {:?}, \"params\"{optional}: {params} }}",
            m.method
        ));
    }
    branches.extend(extra.iter().cloned());
    let mut text = String::new();
    for (ty, from) in &imports {
        text.push_str(&format!("import type {{ {ty} }} from \"{from}\";\n"));
    }
    text.push_str(&format!(
        "\n/**\n * {doc}\n */\nexport type {name} =\n  | {};\n",
        branches.join("\n  | ")
    ));
    files.insert(path, text);
    files.into_iter().collect()
}

/// `<module>/<name>.ts`: the method map of a JSON-RPC union, so that a client can type its
/// calls by method name. For the client union (`ClientMethods`): `ClientRequestMap` (every
/// request method → `{ params, result }`), `ClientNotificationMap` (every notification method
/// → `{ params }`, `undefined` for a method without params), and the helpers `ParamsOf<M>`,
/// `ResultOf<M>` and `RequestOf<M>` (the whole request message); for the server union
/// (`ServerMethods`): `ServerNotificationMap` and `ServerNotificationParamsOf<M>`. Both declare
/// `<Side>NotificationOf<M>` (the whole notification message), and both also declare the stable surface:
/// `Experimental<Side>Method`, the `Stable…Map`s without them, and `Stable<Side>Message`.
pub(crate) fn method_map_file(
    config: &Config,
    module: &str,
    name: &str,
    methods: &[crate::app_server::spec::MethodSpec],
) -> (PathBuf, String) {
    use crate::registry::Kind;

    let side = name.strip_suffix("Methods").unwrap_or(name);
    let path = PathBuf::from(format!("{module}/{name}.ts"));
    let union = format!("{side}Message");
    let mut imports: BTreeMap<String, String> = BTreeMap::new();
    imports.insert(union.clone(), format!("./{union}.js"));
    let mut type_of = |ty: &crate::app_server::spec::TsType| {
        let ty_name = (ty.name)(config);
        if let Some(p) = (ty.path)() {
            imports.insert(ty_name.clone(), import_path(&path, &p));
        }
        ty_name
    };
    let mut requests = vec![];
    let mut notifications = vec![];
    let experimental: Vec<String> = methods
        .iter()
        .filter(|m| m.experimental)
        .map(|m| format!("{:?}", m.method))
        .collect();
    for m in methods {
        let params = if m.has_params {
            type_of(&m.params_ts)
        } else {
            "undefined".to_owned()
        };
        match (&m.kind, &m.result_ts) {
            (Kind::Request, Some(result)) => {
                let result = type_of(result);
                requests.push(format!(
                    "  {:?}: {{ params: {params}, result: {result} }},\n",
                    m.method
                ));
            }
            _ => notifications.push(format!("  {:?}: {{ params: {params} }},\n", m.method)),
        }
    }
    let mut text = String::new();
    for (ty, from) in &imports {
        text.push_str(&format!("import type {{ {ty} }} from \"{from}\";\n"));
    }
    if !requests.is_empty() {
        text.push_str(&format!(
            "\n/**\n * Every request method a {lower} sends, with its params and result types.\n */\nexport type {side}RequestMap = {{\n{}}};\n",
            requests.concat(),
            lower = side.to_lowercase(),
        ));
        text.push_str(&format!(
            "\n/**\n * The stable request methods (`capabilities.experimentalApi` not needed).\n */\nexport type Stable{side}RequestMap = Omit<{side}RequestMap, Experimental{side}Method>;\n"
        ));
        text.push_str(&format!(
            "\n/**\n * The params type of the request method `M`.\n */\nexport type ParamsOf<M extends keyof {side}RequestMap> = {side}RequestMap[M][\"params\"];\n"
        ));
        text.push_str(&format!(
            "\n/**\n * The result type of the request method `M`.\n */\nexport type ResultOf<M extends keyof {side}RequestMap> = {side}RequestMap[M][\"result\"];\n"
        ));
        text.push_str(&format!(
            "\n/**\n * The whole request message of the method `M` (`id`, `method` and `params`), e.g. `RequestOf<\"thread/realtime/start\">`.\n */\nexport type RequestOf<M extends keyof {side}RequestMap> = Extract<{union}, {{ \"method\": M }}>;\n"
        ));
    }
    text.push_str(&format!(
        "\n/**\n * Every notification method a {lower} sends, with its params type (`undefined`: the method has no params).\n */\nexport type {side}NotificationMap = {{\n{}}};\n",
        notifications.concat(),
        lower = side.to_lowercase(),
    ));
    text.push_str(&format!(
        "\n/**\n * The stable notification methods (`capabilities.experimentalApi` not needed).\n */\nexport type Stable{side}NotificationMap = Omit<{side}NotificationMap, Experimental{side}Method>;\n"
    ));
    text.push_str(&format!(
        "\n/**\n * The experimental methods a {lower} sends: usable only after opting in with `initialize` `capabilities.experimentalApi: true`.\n */\nexport type Experimental{side}Method = {};\n",
        if experimental.is_empty() { "never".to_owned() } else { experimental.join(" | ") },
        lower = side.to_lowercase(),
    ));
    text.push_str(&format!(
        "\n/**\n * {union} of the stable surface: without the experimental methods.\n */\nexport type Stable{union} = Exclude<{union}, {{ \"method\": Experimental{side}Method }}>;\n"
    ));
    text.push_str(&format!(
        "\n/**\n * The params type of the {lower} notification method `M`.\n */\nexport type {side}NotificationParamsOf<M extends keyof {side}NotificationMap> = {side}NotificationMap[M][\"params\"];\n",
        lower = side.to_lowercase(),
    ));
    text.push_str(&format!(
        "\n/**\n * The whole notification message of the {lower} method `M` (`method` and `params`).\n */\nexport type {side}NotificationOf<M extends keyof {side}NotificationMap> = Extract<{union}, {{ \"method\": M }}>;\n",
        lower = side.to_lowercase(),
    ));
    (path, text)
}
