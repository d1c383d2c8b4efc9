//! Every example of `tests/examples/` agrees with all three views: it decodes into its Rust type,
//! validates against its emitted schema, re-encodes to an equal value (canonical examples), and
//! its decoded form is locked by a snapshot. Every registered message has an example, and
//! every request method an example of its result.

use rtwire_fuzz::harness::{ResultCheck, UnionCheck};
use rtwire_tests::corpus::{classify, dir, examples, is_result, result_info};
use rtwire_tests::{find, unions, validator, violations};
use std::collections::BTreeSet;

#[test]
fn every_example_agrees_with_all_three_views() {
    let unions = unions();
    insta::glob!("examples/**/*.json", |path| {
        let relative = path.strip_prefix(dir()).expect("below the corpus");
        let (surface, version, wire_name, lenient) =
            classify(relative).expect("well-placed example");
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
        let (union, message) = find(&unions, surface, version, &wire_name).expect("registered");

        if is_result(relative) {
            // An answer `{"id", "result"}`: decoded with its method's result type and checked
            // against the method's result schema.
            let info = result_info(&wire_name).unwrap_or_else(|e| panic!("{e}"));
            let roundtrip = info
                .roundtrip(&value)
                .unwrap_or_else(|e| panic!("does not decode: {e}"));
            if !lenient {
                assert_eq!(
                    roundtrip.encoded, value,
                    "a canonical example must re-encode unchanged"
                );
            }
            assert!(
                roundtrip.stable,
                "the re-encoded value decodes to another value"
            );
            let validator = validator(&rtwire_codegen::schema::result_schema(&info));
            if !lenient {
                let errors = violations(&validator, &value);
                assert!(
                    errors.is_empty(),
                    "the result schema rejects the example: {errors:?}"
                );
            }
            let errors = violations(&validator, &roundtrip.encoded);
            assert!(
                errors.is_empty(),
                "the result schema rejects the re-encoded example: {errors:?}"
            );
            insta::assert_snapshot!(roundtrip.debug);
            return;
        }

        let roundtrip = union
            .info
            .roundtrip(&value)
            .unwrap_or_else(|e| panic!("does not decode: {e}"));
        assert_eq!(
            roundtrip.wire_name.as_deref(),
            Some(wire_name.as_str()),
            "decoded as another message"
        );
        if !lenient {
            assert_eq!(
                roundtrip.encoded, value,
                "a canonical example must re-encode unchanged"
            );
        }
        assert!(
            roundtrip.stable,
            "the re-encoded value decodes to another value"
        );

        // A lenient input may use an alias tag, which only the union schema lists; what the
        // encoder emits is canonical, so it must satisfy the message's own schema too.
        let message_schema = union.message_schema(&message).expect("message schema");
        for (what, schema) in [("message", &message_schema), ("union", &union.root)] {
            let validator = validator(schema);
            if what == "union" || !lenient {
                let errors = violations(&validator, &value);
                assert!(
                    errors.is_empty(),
                    "the {what} schema rejects the example: {errors:?}"
                );
            }
            let errors = violations(&validator, &roundtrip.encoded);
            assert!(
                errors.is_empty(),
                "the {what} schema rejects the re-encoded example: {errors:?}"
            );
        }
        insta::assert_snapshot!(roundtrip.debug);
    });
}

#[test]
fn every_registered_message_has_a_canonical_example() {
    let covered: BTreeSet<(String, String, String)> = examples()
        .into_iter()
        .filter(|e| !e.lenient && !e.result)
        .map(|e| {
            (
                e.surface.as_str().to_owned(),
                e.version.as_str().to_owned(),
                e.wire_name,
            )
        })
        .collect();
    let missing: Vec<String> = rtwire_protocol::registry::messages()
        .into_iter()
        .filter(|m| {
            !covered.contains(&(
                m.surface.as_str().into(),
                m.version.as_str().into(),
                m.wire_name.into(),
            ))
        })
        .map(|m| {
            format!(
                "tests/examples/{}/{}/{}/",
                m.surface.as_str(),
                m.version.as_str(),
                m.wire_name
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "registered messages without a canonical example:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_request_method_has_a_canonical_result_example() {
    let covered: BTreeSet<String> = examples()
        .into_iter()
        .filter(|e| e.result && !e.lenient)
        .map(|e| e.wire_name)
        .collect();
    let missing: Vec<String> = rtwire_protocol::registry::results()
        .into_iter()
        .filter(|r| !covered.contains(r.method))
        .map(|r| {
            format!(
                "tests/examples/app-server/{}/{}/<case>.result.json",
                r.version.as_str(),
                r.method
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "request methods without a canonical result example:\n{}",
        missing.join("\n")
    );
}
