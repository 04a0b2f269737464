//! axe-core in the page: inject it, run the WCAG 2.1 A/AA and best-practice
//! rules, and read back the violations.

use serde::Deserialize;

use super::browser::Chrome;

/// The rule sets checked on every page.
pub const TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/// One rule broken somewhere on the page.
#[derive(Clone, Debug, Deserialize)]
pub struct Violation {
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: Option<String>,
    pub help: String,
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    pub nodes: Vec<Node>,
}

/// An element that breaks a rule.
#[derive(Clone, Debug, Deserialize)]
pub struct Node {
    /// CSS selectors leading to the element.
    pub target: Vec<serde_json::Value>,
    pub html: String,
    #[serde(rename = "failureSummary")]
    pub failure_summary: Option<String>,
}

impl Violation {
    /// Serious and critical violations fail a test; the rest are printed.
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_deref(), Some("serious" | "critical"))
    }

    /// Several lines: the rule, its impact and help, then each element.
    pub fn describe(&self) -> String {
        let mut text = format!(
            "  [{}] {}: {} ({})\n",
            self.impact.as_deref().unwrap_or("?"),
            self.id,
            self.help,
            self.help_url
        );
        for node in &self.nodes {
            let target: Vec<String> = node
                .target
                .iter()
                .map(|part| {
                    part.as_str()
                        .map_or_else(|| part.to_string(), str::to_owned)
                })
                .collect();
            text.push_str(&format!("      at {}  {}\n", target.join(" > "), node.html));
            if let Some(summary) = &node.failure_summary {
                for line in summary.lines() {
                    text.push_str(&format!("         {line}\n"));
                }
            }
        }
        text
    }
}

/// What axe found on one page.
#[derive(Clone, Debug)]
pub struct AxeReport {
    /// The page's label (path and language).
    pub page: String,
    pub violations: Vec<Violation>,
}

impl AxeReport {
    pub fn serious(&self) -> Vec<&Violation> {
        self.violations.iter().filter(|v| v.is_serious()).collect()
    }

    pub fn lesser(&self) -> Vec<&Violation> {
        self.violations.iter().filter(|v| !v.is_serious()).collect()
    }

    /// The serious and critical violations as text, or `None` if there are
    /// none. Lesser ones are printed to the test's output meanwhile.
    pub fn problems(&self) -> Option<String> {
        for violation in self.lesser() {
            eprintln!("axe (lesser) on {}:\n{}", self.page, violation.describe());
        }
        let serious = self.serious();
        if serious.is_empty() {
            return None;
        }
        let mut text = format!("{}:\n", self.page);
        for violation in serious {
            text.push_str(&violation.describe());
        }
        Some(text)
    }

    /// Panics if there is any serious or critical violation.
    pub fn assert_no_serious(&self) {
        if let Some(problems) = self.problems() {
            panic!("axe found serious or critical violations on {problems}");
        }
    }
}

impl Chrome {
    /// Runs axe on the current page (injecting it first) and returns every
    /// violation of [`TAGS`]; `label` names the page in messages.
    pub async fn axe(&self, label: &str) -> AxeReport {
        let source = &super::tools().axe_source;
        let loaded = self
            .driver
            .execute(
                format!("{source}\n;return typeof window.axe === 'object';"),
                Vec::new(),
            )
            .await
            .unwrap_or_else(|err| panic!("axe could not be injected into {label}: {err}"));
        assert_eq!(
            loaded.json(),
            &serde_json::json!(true),
            "axe did not load in {label}"
        );
        let script = r#"
            const done = arguments[arguments.length - 1];
            window.axe
              .run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then((results) => done(JSON.stringify(results.violations)))
              .catch((error) => done('ERROR ' + String(error)));
        "#;
        let result = self
            .driver
            .execute_async(script, vec![serde_json::json!(TAGS)])
            .await
            .unwrap_or_else(|err| panic!("axe did not run on {label}: {err}"));
        let text = result.json().as_str().unwrap_or_default().to_owned();
        assert!(!text.starts_with("ERROR"), "axe failed on {label}: {text}");
        let violations: Vec<Violation> = serde_json::from_str(&text)
            .unwrap_or_else(|err| panic!("axe's answer on {label} is not understood: {err}"));
        AxeReport {
            page: label.to_owned(),
            violations,
        }
    }

    /// Runs axe and panics on serious or critical violations (printing the
    /// lesser ones).
    pub async fn assert_accessible(&self, label: &str) {
        self.axe(label).await.assert_no_serious();
    }
}
