//! `rtwire-fuzz`: runs the fuzz targets with the stable-Rust driver.
//!
//! ```text
//! rtwire-fuzz run <decode|roundtrip|differential|normalized|all> [--execs N] [--seconds S] [--seed N]
//! rtwire-fuzz dict            # the dictionary, in libFuzzer's format
//! rtwire-fuzz seeds <DIR>     # the seed corpus, one file per seed
//! ```
//!
//! `run` prints one summary line per target and every finding with its minimized input; the
//! exit status is 1 when there is a finding, 2 on a usage error.

use rtwire_fuzz::{Context, Limits, Target, corpus, driver};
use std::process::ExitCode;
use std::time::Duration;

fn usage() -> ExitCode {
    eprintln!(
        "usage: rtwire-fuzz run <decode|roundtrip|differential|normalized|all> [--execs N] [--seconds S] [--seed N]\n       rtwire-fuzz dict\n       rtwire-fuzz seeds <DIR>"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("dict") => {
            print!("{}", corpus::libfuzzer_dictionary());
            ExitCode::SUCCESS
        }
        Some("seeds") => {
            let Some(dir) = args.get(1) else {
                return usage();
            };
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("{dir}: {e}");
                return ExitCode::from(2);
            }
            for (i, seed) in corpus::seeds().iter().enumerate() {
                if let Err(e) = std::fs::write(format!("{dir}/seed-{i:05}"), seed) {
                    eprintln!("{dir}: {e}");
                    return ExitCode::from(2);
                }
            }
            ExitCode::SUCCESS
        }
        Some("run") => run(&args[1..]),
        _ => usage(),
    }
}

fn run(args: &[String]) -> ExitCode {
    let Some(which) = args.first() else {
        return usage();
    };
    let targets: Vec<Target> = match which.as_str() {
        "all" => Target::ALL.to_vec(),
        name => match Target::from_name(name) {
            Some(t) => vec![t],
            None => return usage(),
        },
    };
    let mut limits = Limits {
        execs: u64::MAX,
        time: None,
        seed: 1,
    };
    let mut rest = args[1..].iter();
    while let Some(flag) = rest.next() {
        let Some(value) = rest.next() else {
            return usage();
        };
        match (flag.as_str(), value.parse::<f64>()) {
            ("--execs", Ok(n)) => limits.execs = n as u64,
            ("--seconds", Ok(s)) => limits.time = Some(Duration::from_secs_f64(s)),
            ("--seed", Ok(s)) => limits.seed = s as u64,
            _ => return usage(),
        }
    }
    if limits.execs == u64::MAX && limits.time.is_none() {
        eprintln!("give --execs or --seconds");
        return usage();
    }
    let context = Context::new();
    let dictionary = corpus::dictionary();
    let seeds = corpus::seeds();
    eprintln!(
        "seed {}; {} seeds, {} dictionary words, {} unions ({}) and {} results from the registry",
        limits.seed,
        seeds.len(),
        dictionary.len(),
        context.union_names().len(),
        context.union_names().join(", "),
        context.result_methods().len()
    );
    let mut failed = false;
    for target in targets {
        let report = driver::run(&context, target, &seeds, &dictionary, limits, |r| {
            eprintln!(
                "  {}: {} execs, {} outcomes, {} in corpus, {:.0} s",
                r.target,
                r.execs,
                r.outcomes,
                r.corpus,
                r.elapsed.as_secs_f64()
            );
        });
        println!(
            "{}: {} execs in {:.1} s ({:.0}/s), {} seeds, {} distinct outcomes, {} in corpus, {} finding(s)",
            report.target,
            report.execs,
            report.elapsed.as_secs_f64(),
            report.execs as f64 / report.elapsed.as_secs_f64().max(1e-9),
            report.seeds,
            report.outcomes,
            report.corpus,
            report.findings.len()
        );
        for finding in &report.findings {
            failed = true;
            println!(
                "  FINDING ({} hits): {}\n    input: {}",
                finding.hits,
                finding.message,
                serde_json::Value::from(String::from_utf8_lossy(&finding.input).into_owned())
            );
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
