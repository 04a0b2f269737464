//! The catalogues are complete: both languages have the same keys, every key
//! the code or a template asks for exists, and Arabic plurals are right.

use std::path::Path;

use super::*;

#[test]
fn every_catalogue_file_parses_and_no_key_is_defined_twice() {
    for lang in Lang::ALL {
        let mut bundle = FluentBundle::new_concurrent(vec![langid!("en")]);
        for source in sources(lang) {
            let parsed = FluentResource::try_new((*source).to_owned());
            assert!(
                parsed.is_ok(),
                "{} catalogue has syntax errors: {:?}",
                lang.code(),
                parsed.as_ref().err().map(|e| &e.1)
            );
            if let Ok(resource) = parsed {
                assert!(
                    bundle.add_resource(resource).is_ok(),
                    "{} catalogue defines a key twice",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn every_file_has_the_same_keys_in_both_languages() {
    for (ar, en) in AR_SOURCES.iter().zip(EN_SOURCES) {
        let ids = |source: &str| -> BTreeSet<String> {
            FluentResource::try_new(source.to_owned())
                .unwrap_or_else(|(resource, _)| resource)
                .entries()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            ids(ar),
            ids(en),
            "a catalogue file differs between the languages"
        );
    }
}

#[test]
fn both_languages_have_the_same_keys() {
    let ar = keys(Lang::Ar);
    let en = keys(Lang::En);
    let only_ar: Vec<_> = ar.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&ar).collect();
    assert!(only_ar.is_empty(), "keys missing from en.ftl: {only_ar:?}");
    assert!(only_en.is_empty(), "keys missing from ar.ftl: {only_en:?}");
}

/// Collects the literal keys passed to `t("…")` / `t_args("…"` in a text.
fn used_keys(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for marker in [
        "t(\"",
        "t_args(\"",
        "tn(\"",
        "ts(\"",
        "tn2(\"",
        "t_ar(\"",
        "t_en(\"",
    ] {
        let mut rest = text;
        while let Some(at) = rest.find(marker) {
            let before = rest[..at].chars().next_back();
            let after = &rest[at + marker.len()..];
            let is_call = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
            if is_call && let Some(end) = after.find('"') {
                found.push(after[..end].to_owned());
            }
            rest = after;
        }
    }
    found
}

fn files_under(dir: &Path, extension: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("readable directory")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, extension, out);
        } else if path.extension().is_some_and(|ext| ext == extension) {
            out.push(path);
        }
    }
}

#[test]
fn every_key_used_in_templates_and_code_exists_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("templates"), "html", &mut files);
    files_under(&root.join("src"), "rs", &mut files);
    let (ar, en) = (keys(Lang::Ar), keys(Lang::En));
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in &files {
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("readable source");
        for key in used_keys(&text) {
            seen += 1;
            if !ar.contains(&key) || !en.contains(&key) {
                missing.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(
        seen > 20,
        "the scan found only {seen} keys: is it still finding them?"
    );
    assert!(
        missing.is_empty(),
        "keys used but not in both catalogues:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_key_scanner_finds_calls_and_ignores_lookalikes() {
    let found = used_keys(
        r#"{{ ctx.t("a-b") }} lang.t_args("c", &[]) ctx.tn("d", "n", 1) split("x") format!("y")"#,
    );
    assert_eq!(
        found,
        vec!["a-b".to_owned(), "c".to_owned(), "d".to_owned()]
    );
}

#[test]
fn a_missing_key_shows_the_key_rather_than_nothing() {
    assert_eq!(Lang::En.t("no-such-key"), "no-such-key");
}

/// Strips Fluent's bidi isolation marks around placeables.
fn plain(text: String) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn arabic_plural_forms_follow_the_number() {
    let count = |n: i64| plain(Lang::Ar.t_args("cohorts-count", &[("count", n.into())]));
    assert_eq!(count(0), "لا توجد صفوف مفتوحة");
    assert_eq!(count(1), "صف واحد مفتوح");
    assert_eq!(count(2), "صفان مفتوحان");
    assert_eq!(count(3), "3 صفوف مفتوحة");
    assert_eq!(count(10), "10 صفوف مفتوحة");
    assert_eq!(count(11), "11 صفاً مفتوحاً");
    assert_eq!(count(100), "100 صف مفتوح");
}

#[test]
fn english_plural_forms_follow_the_number() {
    let count = |n: i64| plain(Lang::En.t_args("cohorts-count", &[("count", n.into())]));
    assert_eq!(count(0), "No classes are open");
    assert_eq!(count(1), "One class is open");
    assert_eq!(count(7), "7 classes are open");
}

#[test]
fn languages_parse_and_know_their_direction() {
    assert_eq!(Lang::default(), Lang::Ar);
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    assert_eq!(Lang::parse("fr"), None);
    assert_eq!(Lang::Ar.dir(), "rtl");
    assert_eq!(Lang::En.dir(), "ltr");
}

#[test]
fn keys_built_at_run_time_exist_in_both_languages() {
    use crate::domain::email::EmailError;
    use crate::domain::emirates_id::EmiratesIdError;
    use crate::domain::mobile::MobileError;
    use crate::domain::password::PasswordError;
    use crate::domain::person::{Channel, FieldError, Gender, Role, TargetGroup};

    let mut needed: Vec<String> = Vec::new();
    let mut add = |key: &str| needed.push(key.to_owned());
    for err in [
        EmiratesIdError::Empty,
        EmiratesIdError::Format,
        EmiratesIdError::Country,
        EmiratesIdError::Checksum,
    ] {
        add(err.key());
    }
    for err in [MobileError::Empty, MobileError::Invalid] {
        add(err.key());
    }
    add(EmailError.key());
    for err in [
        PasswordError::Required,
        PasswordError::TooShort,
        PasswordError::TooLong,
        PasswordError::TooGuessable,
        PasswordError::Personal,
        PasswordError::Mismatch,
    ] {
        add(err.key());
    }
    for err in [
        FieldError::Required,
        FieldError::TooLong,
        FieldError::NotArabic,
        FieldError::NotLatin,
        FieldError::BadDate,
        FieldError::AgeOutOfRange,
        FieldError::BadChoice,
    ] {
        add(err.key());
    }
    // Errors and messages named directly by handlers.
    for key in [
        "eid-year-mismatch",
        "eid-taken",
        "email-taken",
        "town-unknown",
        "password-current-wrong",
        "password-same",
        "login-failed",
        "login-deactivated",
        "flash-welcome",
        "flash-signed-out",
        "flash-password-changed",
        "flash-not-on-self",
        "flash-user-deactivated",
        "flash-user-reactivated",
        "flash-role-invalid",
        "flash-role-unchanged",
        "flash-role-changed",
    ] {
        add(key);
    }
    for gender in Gender::ALL {
        add(&format!("gender-{}", gender.as_str()));
    }
    for group in TargetGroup::ALL {
        add(&format!("target-group-{}", group.as_str()));
    }
    for channel in Channel::ALL {
        add(&format!("channel-{}", channel.as_str()));
    }
    for role in Role::ALL {
        add(&format!("role-{}", role.as_str()));
    }
    use crate::domain::cohort::{Audience, Period, TeachingLanguage};
    use crate::domain::enrollment::{EnrollmentStatus, Refusal};
    for period in Period::ALL {
        add(&format!("period-{}", period.as_str()));
    }
    for language in TeachingLanguage::ALL {
        add(&format!("teaching-{}", language.as_str()));
    }
    for audience in Audience::ALL {
        add(&format!("audience-only-{}", audience.as_str()));
    }
    for status in EnrollmentStatus::ALL {
        add(&format!("enrollment-status-{}", status.as_str()));
    }
    for refusal in Refusal::ALL {
        add(refusal.key());
    }
    for day in 1..=7 {
        add(&format!("weekday-{day}"));
    }
    for status in crate::domain::certificate::CertificateStatus::ALL {
        add(&format!("certificate-status-{status}"));
    }
    for phase in ["draft", "open", "running", "finished", "cancelled"] {
        add(&format!("phase-{phase}"));
    }
    for mark in crate::domain::attendance::Mark::ALL {
        add(&format!("mark-{}", mark.as_str()));
    }
    for key in [
        "flash-attendance-saved",
        "flash-attendance-unchanged",
        "flash-eligibility-saved",
        "flash-settings-saved",
        "threshold-range",
        "flash-accommodation-saved",
        "accommodation-percent-range",
    ] {
        add(key);
    }
    for refusal in crate::domain::exam::StartRefusal::ALL {
        add(refusal.key());
    }
    for status in ["submitted", "expired", "terminated"] {
        add(&format!("exam-ended-{status}"));
    }
    for state in ["not-started", "open", "submitted", "expired", "terminated"] {
        add(&format!("sitting-state-{state}"));
    }
    for key in [
        "exam-save-late",
        "exam-save-invalid",
        "flash-sitting-closed",
        "flash-attempt-extended",
        "flash-attempt-terminated",
        "flash-attempt-not-open",
        "flash-minutes-invalid",
        "flash-exam-saved",
        "flash-certificates-issued",
        "flash-certificates-none-chosen",
        "flash-certificate-revoked",
        "flash-certificate-not-issued",
        "flash-certificate-reissued",
        "error-reissue-same-names",
        "exam-duration-range",
        "exam-pass-range",
        "exam-blocks-invalid",
        "exam-resit-range",
        "exam-attempts-range",
    ] {
        add(key);
    }
    for status in ["scheduled", "moved", "cancelled"] {
        add(&format!("session-status-{status}"));
    }
    for key in [
        "flash-enrolled",
        "flash-waitlisted",
        "flash-withdrawn",
        "flash-withdraw-too-late",
        "flash-cohort-created",
        "flash-cohort-saved",
        "flash-cohort-cancelled",
        "flash-cohort-is-cancelled",
        "flash-reason-required",
        "flash-session-cancelled",
        "flash-session-moved",
        "flash-session-not-future",
        "flash-move-invalid",
        "flash-registrar-enrolled",
        "flash-registrar-moved",
        "venue-retired",
        "time-invalid",
        "time-order",
        "start-in-past",
        "weekdays-required",
        "number-invalid",
        "sessions-range",
        "capacity-above-seats",
        "capacity-below-enrolled",
        "window-order",
    ] {
        add(key);
    }
    for action in crate::domain::audit::Action::ALL {
        add(&action.catalogue_key());
    }
    let (ar, en) = (keys(Lang::Ar), keys(Lang::En));
    let missing: Vec<_> = needed
        .iter()
        .filter(|key| !ar.contains(*key) || !en.contains(*key))
        .collect();
    assert!(
        missing.is_empty(),
        "keys missing from a catalogue: {missing:?}"
    );
}

#[test]
fn latin_examples_inside_arabic_sentences_are_isolated() {
    // Otherwise the groups of "050 123 4567" read right to left.
    for (key, example) in [
        ("hint-mobile", "050 123 4567"),
        ("mobile-invalid", "050 123 4567"),
        ("hint-emirates-id", "784-1990-1234567-6"),
        ("email-invalid", "name@example.ae"),
    ] {
        let text = Lang::Ar.t(key);
        assert!(
            text.contains(&format!("\u{2066}{example}\u{2069}")),
            "{key}: {text:?}"
        );
    }
}
