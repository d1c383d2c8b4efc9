//! The stable-Rust driver: replays the seeds, then mutates corpus entries for a bounded number
//! of executions (or seconds), keeping every input whose outcome key is new (outcome-guided,
//! not edge coverage), catching panics, and minimizing each distinct finding.

use crate::mutate::{Mutator, Rng};
use crate::targets::{Context, Target};
use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// When a run stops: after `execs` executions, or after `time` when given (whichever first).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The number of executions, seeds included.
    pub execs: u64,
    /// A wall-clock budget (the CI smoke); `None` for a run bounded by executions only.
    pub time: Option<Duration>,
    /// The seed of the random mutations: the same seed, limits and corpus give the same run.
    pub seed: u64,
}

/// A distinct finding: its message, the minimized input, and how many inputs hit it.
#[derive(Debug, Clone)]
pub struct Finding {
    /// What broke.
    pub message: String,
    /// The smallest input found that still shows it.
    pub input: Vec<u8>,
    /// The number of executions that reported it.
    pub hits: u64,
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct Report {
    /// The target.
    pub target: Target,
    /// Executions, seeds included.
    pub execs: u64,
    /// Seeds replayed.
    pub seeds: usize,
    /// Inputs kept (seeds and mutants whose outcome was new).
    pub corpus: usize,
    /// Distinct outcome keys seen: the coverage measure of this driver.
    pub outcomes: usize,
    /// Distinct findings (by message class), with minimized inputs.
    pub findings: Vec<Finding>,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

/// Runs `target` once on `input`, turning a panic into a finding.
pub fn execute(context: &Context, target: Target, input: &[u8]) -> Result<String, String> {
    match catch_unwind(AssertUnwindSafe(|| context.run(target, input))) {
        Ok(outcome) => outcome,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            Err(format!("panic: {message}"))
        }
    }
}

/// The class of a finding: its message up to the first value it quotes.
fn class(message: &str) -> String {
    message
        .split(['{', '[', '"', '`'])
        .next()
        .unwrap_or_default()
        .chars()
        .take(120)
        .collect()
}

fn hash(key: &str) -> u64 {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// Fuzzes `target` from `seeds` with the words of `dictionary`.
pub fn run(
    context: &Context,
    target: Target,
    seeds: &[Vec<u8>],
    dictionary: &[String],
    limits: Limits,
    mut progress: impl FnMut(&Report),
) -> Report {
    let start = Instant::now();
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut report = Report {
        target,
        execs: 0,
        seeds: seeds.len(),
        corpus: 0,
        outcomes: 0,
        findings: vec![],
        elapsed: Duration::ZERO,
    };
    let mut seen = HashSet::new();
    let mut corpus: Vec<Vec<u8>> = vec![];
    let mut findings: BTreeMap<String, Finding> = BTreeMap::new();
    let out_of_time = |start: &Instant| limits.time.is_some_and(|t| start.elapsed() >= t);
    for seed in seeds {
        if report.execs >= limits.execs || out_of_time(&start) {
            break;
        }
        let result = execute(context, target, seed);
        report.execs += 1;
        record(&mut seen, seed, result, &mut corpus, &mut findings);
        if !corpus.contains(seed) {
            corpus.push(seed.clone());
        }
    }
    let mut mutator = Mutator::new(Rng::new(limits.seed), dictionary);
    let mut next_progress = 100_000;
    while report.execs < limits.execs && !corpus.is_empty() {
        if report.execs.is_multiple_of(256) && out_of_time(&start) {
            break;
        }
        let input = mutator.mutate(&corpus);
        let result = execute(context, target, &input);
        report.execs += 1;
        record(&mut seen, &input, result, &mut corpus, &mut findings);
        if report.execs >= next_progress {
            next_progress += 100_000;
            report.corpus = corpus.len();
            report.outcomes = seen.len();
            report.elapsed = start.elapsed();
            progress(&report);
        }
    }
    std::panic::set_hook(previous_hook);
    report.corpus = corpus.len();
    report.outcomes = seen.len();
    report.findings = findings
        .into_values()
        .map(|f| minimize(context, target, f))
        .collect();
    report.elapsed = start.elapsed();
    report
}

/// Keeps an input whose outcome is new; counts a finding under its class.
fn record(
    seen: &mut HashSet<u64>,
    input: &[u8],
    result: Result<String, String>,
    corpus: &mut Vec<Vec<u8>>,
    findings: &mut BTreeMap<String, Finding>,
) {
    match result {
        Ok(key) => {
            if seen.insert(hash(&key)) && corpus.len() < 50_000 {
                corpus.push(input.to_vec());
            }
        }
        Err(message) => {
            let finding = findings.entry(class(&message)).or_insert_with(|| Finding {
                message: message.clone(),
                input: input.to_vec(),
                hits: 0,
            });
            finding.hits += 1;
            if input.len() < finding.input.len() {
                finding.input = input.to_vec();
                finding.message = message;
            }
        }
    }
}

/// Shrinks a finding's input by deleting chunks while the same class of finding reproduces.
pub fn minimize(context: &Context, target: Target, mut finding: Finding) -> Finding {
    let want = class(&finding.message);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut chunk = finding.input.len().div_ceil(2).max(1);
    let mut tries = 0;
    while chunk >= 1 && tries < 4_000 {
        let mut shrunk = false;
        let mut at = 0;
        while at < finding.input.len() && tries < 4_000 {
            let mut candidate = finding.input.clone();
            candidate.drain(at..(at + chunk).min(candidate.len()));
            tries += 1;
            match execute(context, target, &candidate) {
                Err(message) if class(&message) == want => {
                    finding.input = candidate;
                    finding.message = message;
                    shrunk = true;
                }
                _ => at += chunk,
            }
        }
        if !shrunk {
            if chunk == 1 {
                break;
            }
            chunk /= 2;
        }
    }
    std::panic::set_hook(hook);
    finding
}
