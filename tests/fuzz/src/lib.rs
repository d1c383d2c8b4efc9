//! rtwire-fuzz: the fuzz targets of rtwire, their dictionary and seeds, and a stable-Rust
//! driver.
//!
//! * [`targets`]: decode, round trip, differential and normalized view, each over every union
//!   and typed result of the registry.
//! * [`borrowed`]: the borrowed path's promise (`decode_borrowed` gives what `decode` gives),
//!   checked per union by the decode target and the workspace tests.
//! * [`harness`]: the checks the targets and the workspace tests share ([`harness::Roundtrip`],
//!   [`harness::TextCheck`]), built from the registry's visitors.
//! * [`corpus`]: the dictionary (wire names, member names, enum values of the emitted schemas)
//!   and the seeds (`tests/examples/`), generated at run time: a new message needs no edit.
//! * [`driver`]: replays the seeds, then mutates ([`mutate`]) for a bounded number of executions;
//!   used by the `rtwire-fuzz` binary (long runs, CI smoke) and by `cargo test`
//!   (`tests/hostile_input.rs`).
#![deny(missing_docs)]

pub mod borrowed;
pub mod corpus;
pub mod driver;
pub mod harness;
pub mod mutate;
pub mod targets;

pub use driver::{Finding, Limits, Report, run};
pub use targets::{Context, Target};
