//! The code map's invariants (ARCHITECTURE.md), checked on the source
//! itself so they stay true: a change that breaks one fails here with the
//! file and line, instead of eroding the layering quietly.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("readable source folder")
            .flatten()
            .map(|entry| entry.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).expect("readable source file");
                out.push((path, text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    walk(&root, &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The lines of `text` before its unit-test module, if any.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, line)| !line.starts_with("#[cfg(test)]"))
        .map(|(index, line)| (index + 1, line))
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
}

fn offending(dir: &str, needles: &[&str], skip: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in sources(dir) {
        let name = relative(&path);
        if skip(&name) {
            continue;
        }
        for (number, line) in code_lines(&text) {
            if needles.iter().any(|needle| line.contains(needle)) {
                found.push(format!("{name}:{number}: {}", line.trim()));
            }
        }
    }
    found
}

#[test]
fn nothing_under_web_writes_or_appends_to_the_audit_log() {
    let found = offending(
        "src/web",
        &["audit::append", ".write(move", "db.write("],
        |_| false,
    );
    assert!(
        found.is_empty(),
        "writes belong in src/ops:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_client_module_reads_forwarding_headers() {
    let found = offending(
        "src",
        &[
            "connection_info",
            "realip_remote_addr",
            "x-forwarded",
            "FORWARDED",
            "peer_addr",
        ],
        |name| name == "src/web/client.rs",
    );
    assert!(
        found.is_empty(),
        "who the client is comes from web::client, which trusts only configured proxies:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_web_layer_and_startup_import_the_web_layer() {
    let found = offending("src", &["crate::web"], |name| {
        name.starts_with("src/web/") || name == "src/startup.rs"
    });
    assert!(
        found.is_empty(),
        "dependencies point down, never into web:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_domain_imports_no_framework_and_no_other_layer() {
    let found = offending(
        "src/domain",
        &[
            "actix",
            "diesel",
            "askama",
            "crate::db",
            "crate::ops",
            "crate::auth",
            "crate::i18n",
        ],
        |_| false,
    );
    assert!(
        found.is_empty(),
        "domain/ is pure rules:\n{}",
        found.join("\n")
    );
}

#[test]
fn source_files_stay_small() {
    // Data tables: diesel's table declarations and the demo's people.
    let data = ["src/db/schema.rs"];
    let mut big = Vec::new();
    for (path, text) in sources("src") {
        let name = relative(&path);
        let lines = text
            .lines()
            .take_while(|line| !line.starts_with("#[cfg(test)]"))
            .count();
        if lines > 400 && !data.contains(&name.as_str()) && !name.ends_with("/tests.rs") {
            big.push(format!("{name}: {lines} lines"));
        }
    }
    assert!(
        big.is_empty(),
        "split these along their routes or jobs:\n{}",
        big.join("\n")
    );
}

/// Every file with one of `extensions` under `dir`, with its text.
fn files_with(dir: &str, extensions: &[&str]) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).expect("readable folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, extensions, out);
            } else if path
                .extension()
                .is_some_and(|ext| extensions.iter().any(|wanted| ext == *wanted))
            {
                let text = std::fs::read_to_string(&path).expect("readable file");
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
        extensions,
        &mut out,
    );
    out.sort();
    out
}

/// Whether `line` compares something named like a state with a string
/// literal (`status == "issued"`, `role != "admin"`).
fn compares_a_state_with_text(line: &str) -> bool {
    const STATES: [&str; 5] = ["status", "state", "role", "kind", "mark"];
    ["== \"", "!= \""].iter().any(|operator| {
        line.match_indices(operator).any(|(at, _)| {
            let before = line[..at].trim_end();
            let operand = before
                .rsplit(|c: char| c.is_whitespace() || "!&|{".contains(c))
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            STATES.iter().any(|state| operand.contains(state))
        })
    })
}

#[test]
fn states_and_roles_are_never_compared_as_text() {
    let mut found = Vec::new();
    for (path, text) in files_with("src", &["rs"]) {
        let name = relative(&path);
        if name.ends_with("/tests.rs") {
            continue;
        }
        for (number, line) in code_lines(&text) {
            if compares_a_state_with_text(line) {
                found.push(format!("{name}:{number}: {}", line.trim()));
            }
        }
    }
    for (path, text) in files_with("templates", &["html", "txt", "svg", "ics"]) {
        for (number, line) in text.lines().enumerate() {
            if compares_a_state_with_text(line) {
                found.push(format!(
                    "{}:{}: {}",
                    relative(&path),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "compare the enums (or call their methods) instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checks_above_see_a_string_comparison() {
    assert!(compares_a_state_with_text(
        r#"{% if c.status == "revoked" %}"#
    ));
    assert!(compares_a_state_with_text(r#"if user.role != "admin" {"#));
    assert!(!compares_a_state_with_text(r#"if c.status.is_revoked() {"#));
    assert!(!compares_a_state_with_text(r#"if name == "status" {"#));
    assert!(compares_a_state_with_text(
        r#"query.status.trim() == "active""#
    ));
}

#[test]
fn audit_actions_are_named_by_the_enum() {
    let found = offending("src", &[".event(\"", "action: \""], |name| {
        name.ends_with("/tests.rs")
    });
    assert!(
        found.is_empty(),
        "use crate::domain::audit::Action:\n{}",
        found.join("\n")
    );
}
