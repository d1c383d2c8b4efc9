//! Properties over every registered message, with values generated from its emitted schema:
//! whatever the schema accepts decodes into the message's Rust type, and the re-encoded value
//! validates against the schema and decodes back to an equal value. Unknown variants of each
//! union (generated from the union's catch-all branch) round-trip unchanged. The answers to
//! every app-server request method (whose type the answer itself does not name) decode with
//! that method's result type likewise.

use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use rtwire_fuzz::harness::{ResultCheck, UnionCheck};
use rtwire_tests::arbitrary::strategy;
use rtwire_tests::{unions, validator, violations};
use serde_json::Value;

/// Cases per message; the whole catalog runs in a few seconds.
const CASES: u32 = 48;

/// The seed of every run, so that CI is reproducible. Set `PROPTEST_RNG_SEED` (and
/// `PROPTEST_CASES`) to explore other values.
const SEED: u64 = 0x7274_7769_7265;

fn runner() -> TestRunner {
    let mut config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = CASES;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(SEED);
    }
    TestRunner::new(config)
}

#[test]
fn schema_valid_values_of_every_message_decode_and_round_trip() {
    let mut failures = vec![];
    for union in unions() {
        for message in (union.info.messages)() {
            let schema = union
                .message_schema(&message)
                .expect("every message has a schema branch");
            let check = validator(&schema);
            let result = runner().run(&strategy(&schema), |value| {
                let roundtrip = union.info.roundtrip(&value).map_err(|e| {
                    TestCaseError::fail(format!("schema-valid value does not decode: {e}\n{value}"))
                })?;
                if roundtrip.wire_name.as_deref() != Some(message.wire_name) {
                    return Err(TestCaseError::fail(format!(
                        "decoded as {:?}: {value}",
                        roundtrip.wire_name
                    )));
                }
                let errors = violations(&check, &roundtrip.encoded);
                if !errors.is_empty() {
                    return Err(TestCaseError::fail(format!(
                        "re-encoding violates the schema: {errors:?}\n{}",
                        roundtrip.encoded
                    )));
                }
                if !roundtrip.stable {
                    return Err(TestCaseError::fail(format!(
                        "does not decode back equal: {}",
                        roundtrip.encoded
                    )));
                }
                Ok(())
            });
            if let Err(e) = result {
                failures.push(format!("{} {}: {e}", union.info.name, message.wire_name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn schema_valid_answers_to_every_request_decode_and_round_trip() {
    let mut failures = vec![];
    for result in rtwire_protocol::registry::results() {
        let schema = rtwire_codegen::schema::result_schema(&result);
        let check = validator(&schema);
        let outcome = runner().run(&strategy(&schema), |value| {
            let roundtrip = result.roundtrip(&value).map_err(|e| {
                TestCaseError::fail(format!("schema-valid answer does not decode: {e}\n{value}"))
            })?;
            let errors = violations(&check, &roundtrip.encoded);
            if !errors.is_empty() {
                return Err(TestCaseError::fail(format!(
                    "re-encoding violates the schema: {errors:?}\n{}",
                    roundtrip.encoded
                )));
            }
            if !roundtrip.stable {
                return Err(TestCaseError::fail(format!(
                    "does not decode back equal: {}",
                    roundtrip.encoded
                )));
            }
            Ok(())
        });
        if let Err(e) = outcome {
            failures.push(format!("{} result: {e}", result.method));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn generated_values_of_every_union_satisfy_its_schema_and_unknowns_round_trip_unchanged() {
    let mut failures = vec![];
    for union in unions() {
        let check = validator(&union.root);
        let result = runner().run(&strategy(&union.root), |value| {
            let errors = violations(&check, &value);
            if !errors.is_empty() {
                return Err(TestCaseError::fail(format!(
                    "the generator left the schema: {errors:?}\n{value}"
                )));
            }
            let roundtrip = union.info.roundtrip(&value).map_err(|e| {
                TestCaseError::fail(format!("schema-valid value does not decode: {e}\n{value}"))
            })?;
            if roundtrip.unknown && roundtrip.encoded != value {
                return Err(TestCaseError::fail(format!(
                    "an unknown message changed: {value} -> {}",
                    roundtrip.encoded
                )));
            }
            if !roundtrip.stable {
                return Err(TestCaseError::fail(format!(
                    "does not decode back equal: {value}"
                )));
            }
            Ok(())
        });
        if let Err(e) = result {
            failures.push(format!("{}/{}: {e}", union.info.module, union.info.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn schema_rejects_what_the_decoder_rejects_for_a_missing_required_member() {
    // The reverse direction of the property above, on every message with a required member
    // besides its tag: dropping that member makes both the decoder and the schema refuse.
    let mut failures = vec![];
    for union in unions() {
        for message in (union.info.messages)() {
            let schema = union.message_schema(&message).expect("schema");
            let check = validator(&schema);
            let mut runner = runner();
            let result = runner.run(&strategy(&schema), |value| {
                let Some(object) = value.as_object() else { return Ok(()) };
                let required = required_members(&schema, union.info.tag);
                for member in required.iter().filter(|m| object.contains_key(*m)) {
                    let mut smaller = value.clone();
                    smaller.as_object_mut().expect("object").remove(member);
                    let decodes = union.info.roundtrip(&smaller).is_ok_and(|r| r.wire_name.as_deref() == Some(message.wire_name));
                    let valid = violations(&check, &smaller).is_empty();
                    if decodes != valid {
                        return Err(TestCaseError::fail(format!(
                            "without `{member}`: decoder says {decodes}, schema says {valid}: {smaller}"
                        )));
                    }
                }
                Ok(())
            });
            if let Err(e) = result {
                failures.push(format!("{} {}: {e}", union.info.name, message.wire_name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The required members of a message schema besides its tag, following its top-level `$ref`.
fn required_members(schema: &Value, tag: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    let mut add = |s: &Value| {
        for name in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(name) = name.as_str()
                && name != tag
                && !out.iter().any(|o| o == name)
            {
                out.push(name.to_owned());
            }
        }
    };
    add(schema);
    if let Some(target) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        add(&schema["$defs"][target]);
    }
    out
}
