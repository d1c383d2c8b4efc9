//! Claims about the registry itself and the default build.

use rtwire_fuzz::harness::UnionCheck;
use rtwire_protocol::app_server::jsonrpc::{Notification, Payload, Request};
use rtwire_protocol::registry::branch_tag;
use rtwire_protocol::registry::{
    EventVariant, Kind, MethodVariant, Surface, Union, UnionVisitor, VariantVisitor, messages,
    results, unions, visit_unions,
};
use serde_json::json;
use std::collections::BTreeSet;

#[test]
fn every_union_schema_branch_is_a_tag_the_decoder_knows_and_every_message_has_one() {
    for union in rtwire_tests::unions() {
        let branches = union.view["oneOf"]
            .as_array()
            .expect("the registry view is a oneOf");
        let tags: BTreeSet<&str> = branches
            .iter()
            .filter_map(|b| branch_tag(b, union.info.tag))
            .collect();
        for message in (union.info.messages)() {
            assert!(
                tags.contains(message.wire_name),
                "{}: no branch for {}",
                union.info.name,
                message.wire_name
            );
        }
        if union.info.surface == Surface::Realtime {
            for tag in &tags {
                // Decoding the bare tag either fails on a missing member or yields a known
                // message: it never falls into Unknown.
                if let Ok(roundtrip) = union.info.roundtrip(&json!({ "type": tag })) {
                    assert!(
                        roundtrip.wire_name.is_some(),
                        "{}: `{tag}` decodes as unknown",
                        union.info.name
                    );
                }
            }
            let unknown = union
                .info
                .roundtrip(&json!({ "type": "x_unknown.event", "n": 1 }))
                .expect("unknowns decode");
            assert_eq!(unknown.wire_name, None);
            assert_eq!(
                unknown.encoded,
                json!({ "type": "x_unknown.event", "n": 1 })
            );
        }
    }
}

#[test]
fn wire_names_are_unique_within_each_union() {
    for union in unions() {
        let names: Vec<_> = (union.messages)()
            .into_iter()
            .map(|m| m.wire_name)
            .collect();
        let unique: BTreeSet<_> = names.iter().collect();
        assert_eq!(
            names.len(),
            unique.len(),
            "{} repeats a wire name",
            union.name
        );
    }
}

#[test]
fn experimental_flag_marks_exactly_the_thread_realtime_methods() {
    for message in messages() {
        let expected = message.wire_name.starts_with("thread/realtime/");
        assert_eq!(message.experimental, expected, "{}", message.wire_name);
    }
}

#[test]
fn a_default_build_of_the_protocol_crate_depends_on_neither_schemars_nor_ts_rs() {
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "tree",
            "--offline",
            "-p",
            "rtwire-protocol",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .current_dir(rtwire_tests::root())
        .output()
        .expect("cargo tree runs");
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(tree.contains("serde_json"), "{tree}");
    assert!(!tree.contains("schemars"), "{tree}");
    assert!(!tree.contains("ts-rs"), "{tree}");
    // The PCM codec is behind the feature `base64`.
    assert!(!tree.contains("base64"), "{tree}");
}

/// A message as the claim compares it: its kind and wire name.
type Named = (Kind, &'static str);

/// The wire names a variant visitor is called with, by kind.
#[derive(Default)]
struct Visited(Vec<Named>);

impl VariantVisitor for Visited {
    fn event<P: Payload>(&mut self, event: EventVariant) {
        self.0.push((Kind::Event, event.wire_name));
    }

    fn request<R: Request>(&mut self, method: MethodVariant) {
        assert_eq!(method.method, R::METHOD, "{}", method.variant);
        self.0.push((Kind::Request, R::METHOD));
    }

    fn notification<N: Notification>(&mut self, method: MethodVariant) {
        assert_eq!(method.method, N::METHOD, "{}", method.variant);
        self.0.push((Kind::Notification, N::METHOD));
    }
}

/// Per union visited: its name, the variants its visit reaches, and its registered messages.
#[derive(Default)]
struct Unions(Vec<(String, Vec<Named>, Vec<Named>)>);

impl UnionVisitor for Unions {
    fn visit<U: Union>(&mut self) {
        let mut visited = Visited::default();
        U::visit_variants(&mut visited);
        let registered = U::messages()
            .iter()
            .map(|m| (m.kind, m.wire_name))
            .collect();
        self.0
            .push((format!("{}/{}", U::MODULE, U::NAME), visited.0, registered));
    }
}

#[test]
fn the_visitors_reach_every_union_and_every_registered_message_in_registry_order() {
    let mut visited = Unions::default();
    visit_unions(&mut visited);
    let names: Vec<&str> = visited.0.iter().map(|(name, _, _)| name.as_str()).collect();
    let registry: Vec<String> = unions()
        .iter()
        .map(|u| format!("{}/{}", u.module, u.name))
        .collect();
    assert_eq!(names, registry);
    for (name, variants, registered) in &visited.0 {
        assert_eq!(variants, registered, "{name}");
    }
    let requests: Vec<&str> = visited
        .0
        .iter()
        .flat_map(|(_, variants, _)| variants)
        .filter(|(kind, _)| *kind == Kind::Request)
        .map(|(_, method)| *method)
        .collect();
    let results: Vec<&str> = results().iter().map(|r| r.method).collect();
    assert_eq!(
        requests, results,
        "every request method has its typed result"
    );
}
