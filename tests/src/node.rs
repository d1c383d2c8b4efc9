//! Node.js tools for the TypeScript tests: the npm packages pinned by `tests/ts/package-lock.json`
//! (TypeScript, TypeScript 5.0, @tsconfig/strictest, esbuild, tsx), installed with `npm ci` once
//! per lockfile: `node_modules` is reused while the lockfile it was installed from is unchanged.
//! Without node or npm the tests fail with a clear message: they never skip.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

/// `tests/ts`: the folder of the pinned npm packages.
pub fn tools_dir() -> PathBuf {
    crate::root().join("tests/ts")
}

/// The file, inside `node_modules`, holding a copy of the lockfile it was installed from.
const STAMP: &str = "node_modules/.rtwire-installed-lockfile.json";

static INSTALL: Mutex<bool> = Mutex::new(false);

/// Installs the pinned packages unless `node_modules` already matches the lockfile, and returns
/// `tests/ts`. Panics with a clear message when node or npm is missing or `npm ci` fails.
pub fn install() -> PathBuf {
    let dir = tools_dir();
    let mut done = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    if *done {
        return dir;
    }
    for tool in ["node", "npm"] {
        let found = Command::new(tool).arg("--version").output();
        assert!(
            found.as_ref().is_ok_and(|o| o.status.success()),
            "`{tool} --version` failed ({found:?}). Node.js and npm are required for the TypeScript tests: install them (e.g. `apt-get install nodejs npm`)."
        );
    }
    let lockfile =
        std::fs::read(dir.join("package-lock.json")).expect("read tests/ts/package-lock.json");
    let installed = std::fs::read(dir.join(STAMP)).ok();
    if installed.as_deref() != Some(lockfile.as_slice()) {
        run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir),
            "npm ci (tests/ts)",
        );
        std::fs::write(dir.join(STAMP), &lockfile).expect("write the install stamp");
    }
    *done = true;
    dir
}

/// The path of a file of an installed package, e.g. `typescript/bin/tsc`.
pub fn package_file(path: &str) -> PathBuf {
    let file = install().join("node_modules").join(path);
    assert!(file.exists(), "npm ci did not install {}", file.display());
    file
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs `command`, returning its output (stdout then stderr); panics naming `what` when it
/// cannot start or fails.
pub fn run(command: &mut Command, what: &str) -> String {
    let (ok, text) = run_status(command, what);
    assert!(ok, "{what} failed ({}):\n{text}", describe(command));
    text
}

/// Runs `command` and returns whether it succeeded, with its output (stdout then stderr).
pub fn run_status(command: &mut Command, what: &str) -> (bool, String) {
    let output: Output = command.output().unwrap_or_else(|e| {
        panic!(
            "cannot run {what} ({}): {e}. Node.js and npm are required for the TypeScript tests.",
            describe(command)
        )
    });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

/// `node <script> <args>` in `dir`.
pub fn node(dir: &Path, script: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("node");
    command.arg(script).args(args).current_dir(dir);
    command
}
