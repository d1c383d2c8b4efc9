//! The TypeScript files of the registry's unions: for each union, the ts-rs files of every type
//! it reaches and the union's own declaration file (the event union of a realtime dialect, the
//! message union and method maps of the app-server). The protocol crate exposes the data (the
//! ts-rs derives, and each union's variants with their types through
//! `Union::visit_variants`); the text is written here.

use rtwire_protocol::app_server::jsonrpc::{Notification, Payload, Request};
use rtwire_protocol::app_server::{ErrorObject, RequestId};
use rtwire_protocol::registry::{
    Direction, EventVariant, Kind, MethodVariant, Surface, Union, UnionVisitor, VariantVisitor,
};
use std::any::TypeId;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS, TypeVisitor};

/// The ts-rs files and declaration files of every union of the registry, keyed by path
/// relative to the output folder (ts-rs paths, before the package's rewrite), in registry
/// order; a file reached from several unions appears once per union, with the same text.
pub fn union_files(config: &Config) -> Vec<(PathBuf, String)> {
    struct Files<'a> {
        config: &'a Config,
        files: Vec<(PathBuf, String)>,
    }
    impl UnionVisitor for Files<'_> {
        fn visit<U: Union>(&mut self) {
            self.files.extend(files_of::<U>(self.config));
        }
    }
    let mut visitor = Files {
        config,
        files: Vec::new(),
    };
    rtwire_protocol::registry::visit_unions(&mut visitor);
    visitor.files
}

/// The files of the union `U` and of every type it uses.
pub fn files_of<U: Union>(config: &Config) -> Vec<(PathBuf, String)> {
    match U::SURFACE {
        Surface::Realtime => {
            let mut events = Events {
                config,
                variants: Vec::new(),
            };
            U::visit_variants(&mut events);
            event_union_files(U::NAME, U::MODULE, U::DOC, events.variants)
        }
        Surface::AppServer => {
            let mut methods = Methods {
                config,
                methods: Vec::new(),
            };
            U::visit_variants(&mut methods);
            // The server's union also has the two answers to a request; a client's union does
            // not (a client sends none), but accepts notifications of methods it does not know.
            let (doc, extra, map) = match U::DIRECTION {
                Direction::ClientToServer => (
                    "Any message a client may put on the wire (notifications of unknown methods are accepted too).",
                    vec![],
                    "ClientMethods",
                ),
                Direction::ServerToClient => (
                    "Any message a server may put on the wire.",
                    vec![
                        "{ \"id\": RequestId, \"result\": JsonValue }".to_owned(),
                        "{ \"id\": RequestId, \"error\": ErrorObject }".to_owned(),
                    ],
                    "ServerMethods",
                ),
            };
            let mut files =
                method_union_files(config, U::NAME, U::MODULE, doc, &methods.methods, &extra);
            files.push(method_map_file(U::MODULE, map, &methods.methods));
            files
        }
    }
}

/// A TypeScript type as a declaration file refers to it.
struct TsRef {
    /// Its TypeScript name.
    name: String,
    /// Its file; `None` for a type ts-rs writes inline.
    path: Option<PathBuf>,
    /// Its file and the files of every type it uses.
    files: Vec<(PathBuf, String)>,
}

impl TsRef {
    fn of<T: TS + 'static>(config: &Config) -> Self {
        TsRef {
            name: T::name(config),
            path: T::output_path(),
            files: collect::<T>(config),
        }
    }
}

/// One variant of an event union, for [`event_union_files`].
struct Variant {
    /// Its `type`.
    tag: &'static str,
    /// Its payload type.
    payload: TsRef,
}

/// Collects the variants of an event union.
struct Events<'a> {
    config: &'a Config,
    variants: Vec<Variant>,
}

impl VariantVisitor for Events<'_> {
    fn event<P: Payload>(&mut self, event: EventVariant) {
        self.variants.push(Variant {
            tag: event.wire_name,
            payload: TsRef::of::<P>(self.config),
        });
    }
}

/// One method of a JSON-RPC union, for [`method_union_files`] and [`method_map_file`].
struct Method {
    kind: Kind,
    method: &'static str,
    experimental: bool,
    /// See [`MethodVariant::has_params`].
    has_params: bool,
    /// See [`MethodVariant::params_optional`].
    params_optional: bool,
    params: TsRef,
    /// The result type, for a request.
    result: Option<TsRef>,
}

/// Collects the methods of a JSON-RPC union.
struct Methods<'a> {
    config: &'a Config,
    methods: Vec<Method>,
}

impl VariantVisitor for Methods<'_> {
    fn request<R: Request>(&mut self, method: MethodVariant) {
        self.methods.push(Method {
            kind: Kind::Request,
            method: method.method,
            experimental: R::EXPERIMENTAL,
            has_params: method.has_params,
            params_optional: method.params_optional,
            params: TsRef::of::<R::Params>(self.config),
            result: Some(TsRef::of::<R::Result>(self.config)),
        });
    }

    fn notification<N: Notification>(&mut self, method: MethodVariant) {
        self.methods.push(Method {
            kind: Kind::Notification,
            method: method.method,
            experimental: N::EXPERIMENTAL,
            has_params: method.has_params,
            params_optional: method.params_optional,
            params: TsRef::of::<N::Params>(self.config),
            result: None,
        });
    }
}

/// The ts-rs file of `T` and of every exportable type it depends on, transitively, keyed by
/// their paths relative to the output folder.
fn collect<T: TS + 'static + ?Sized>(config: &Config) -> Vec<(PathBuf, String)> {
    let mut visitor = Collect {
        config,
        seen: BTreeSet::new(),
        files: BTreeMap::new(),
    };
    visitor.visit::<T>();
    visitor.files.into_iter().collect()
}

struct Collect<'a> {
    config: &'a Config,
    seen: BTreeSet<TypeId>,
    files: BTreeMap<PathBuf, String>,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        if let Some(path) = T::output_path() {
            let text = T::export_to_string(self.config).unwrap_or_else(|e| {
                panic!("ts-rs cannot export {}: {e}", std::any::type_name::<T>())
            });
            self.files.insert(path, text);
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// The import path of the file `to` from the file `from` (both relative to the output folder),
/// with the `.js` extension that NodeNext resolution requires.
pub fn import_path(from: &Path, to: &Path) -> String {
    let from_dir: Vec<_> = from
        .parent()
        .map(|p| p.components().collect())
        .unwrap_or_default();
    let to_parts: Vec<_> = to.components().collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec![];
    for _ in common..from_dir.len() {
        parts.push("..".into());
    }
    for part in &to_parts[common..] {
        parts.push(part.as_os_str().to_string_lossy().into_owned());
    }
    let joined = parts.join("/");
    let joined = joined.strip_suffix(".ts").unwrap_or(&joined).to_owned() + ".js";
    if joined.starts_with("..") {
        joined
    } else {
        format!("./{joined}")
    }
}

/// The files of an event union: its payload types', and `<module>/<name>.ts` declaring the
/// union of `{ "type": tag } & Payload` for every variant, and `<name>Of<T>`, the variant whose
/// tag is `T` (so that a handler typed by one event keeps its tag even when several events
/// share a payload type). Input aliases are left out: the TypeScript view lists the canonical
/// form.
fn event_union_files(
    name: &str,
    module: &str,
    doc: &str,
    variants: Vec<Variant>,
) -> Vec<(PathBuf, String)> {
    let path = PathBuf::from(format!("{module}/{name}.ts"));
    let mut files: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut imports: BTreeMap<String, String> = BTreeMap::new();
    let mut branches = vec![];
    let first_tag = variants.first().map_or("", |v| v.tag);
    for variant in variants {
        files.extend(variant.payload.files);
        if let Some(p) = &variant.payload.path {
            imports.insert(variant.payload.name.clone(), import_path(&path, p));
        }
        branches.push(format!(
            "{{ \"type\": {:?} }} & {}",
            variant.tag, variant.payload.name
        ));
    }
    let mut text = String::new();
    for (ty, from) in &imports {
        text.push_str(&format!("import type {{ {ty} }} from \"{from}\";\n"));
    }
    text.push_str(&format!(
        "\n/**\n * {doc}\n */\nexport type {name} =\n  | {};\n",
        branches.join("\n  | ")
    ));
    text.push_str(&format!(
        "\n/**\n * The event of `{name}` whose `type` is `T`, with its tag, e.g. `{name}Of<\"{example}\">`.\n */\nexport type {name}Of<T extends {name}[\"type\"]> = Extract<{name}, {{ \"type\": T }}>;\n",
        example = first_tag,
    ));
    files.insert(path, text);
    files.into_iter().collect()
}

/// The files of a JSON-RPC union: the ts-rs files of every params and result type, and
/// `<module>/<name>.ts` declaring the union of one branch per method plus `extra` branches.
fn method_union_files(
    config: &Config,
    name: &str,
    module: &str,
    doc: &str,
    methods: &[Method],
    extra: &[String],
) -> Vec<(PathBuf, String)> {
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
        if let Some(result) = &m.result {
            files.extend(result.files.iter().cloned());
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
        files.extend(m.params.files.iter().cloned());
        let params = m.params.name.clone();
        import(params.clone(), m.params.path.clone());
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
fn method_map_file(module: &str, name: &str, methods: &[Method]) -> (PathBuf, String) {
    let side = name.strip_suffix("Methods").unwrap_or(name);
    let path = PathBuf::from(format!("{module}/{name}.ts"));
    let union = format!("{side}Message");
    let mut imports: BTreeMap<String, String> = BTreeMap::new();
    imports.insert(union.clone(), format!("./{union}.js"));
    let mut type_of = |ty: &TsRef| {
        if let Some(p) = &ty.path {
            imports.insert(ty.name.clone(), import_path(&path, p));
        }
        ty.name.clone()
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
            type_of(&m.params)
        } else {
            "undefined".to_owned()
        };
        match (&m.kind, &m.result) {
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
