//! Right to left: what an Arabic page must get right besides its words,
//! and screenshots for a person to look at.

use super::browser::Chrome;
use super::site::demo_site;

/// Checks the page in the browser for its language: `lang` and `dir` on
/// `<html>`, the main navigation running in the reading direction, and (in
/// Arabic) Latin and numeric codes isolated from the Arabic around them.
/// Returns what is wrong, if anything.
pub async fn direction_problems(chrome: &Chrome, lang: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let html = chrome
        .eval(
            "const h = document.documentElement; \
             return [h.getAttribute('lang'), h.getAttribute('dir'), getComputedStyle(h).direction];",
        )
        .await;
    let expected_dir = if lang == "ar" { "rtl" } else { "ltr" };
    if html != serde_json::json!([lang, expected_dir, expected_dir]) {
        problems.push(format!(
            "<html> should have lang={lang} dir={expected_dir}, has {html}"
        ));
    }
    // The first two links of the main navigation share its first line.
    // During an exam there is no navigation, only the site's name and the
    // candidate's: the name comes first in the reading direction.
    let order = chrome
        .eval(
            "const exam = document.querySelector('.site-header--exam'); \
             const links = exam ? [exam.querySelector('.brand'), exam.querySelector('.account-nav')] \
                                : [...document.querySelectorAll('.site-nav a')]; \
             if (links.length < 2 || !links[0] || !links[1]) { return null; } \
             return links[0].getBoundingClientRect().left - links[1].getBoundingClientRect().left;",
        )
        .await;
    if let Some(first_minus_second) = order.as_f64() {
        let starts_right = first_minus_second > 0.0;
        if starts_right != (lang == "ar") {
            problems.push(format!(
                "the navigation should start on the {}",
                if lang == "ar" { "right" } else { "left" }
            ));
        }
    } else {
        problems.push("the page has no main navigation".to_owned());
    }
    if lang == "ar" {
        for text in unisolated_codes(chrome).await {
            problems.push(format!("not isolated from the Arabic around it: {text}"));
        }
    }
    problems
}

/// Emirates IDs, certificate numbers, verification codes, phone numbers
/// and e-mail addresses in text that neither an element (`<bdi>`, `dir`)
/// nor Unicode isolate characters (as Fluent puts around placeables) keep
/// apart from the Arabic around them.
async fn unisolated_codes(chrome: &Chrome) -> Vec<String> {
    let found = chrome
        .eval(
            r#"
            const patterns = [
              /784-?\d{4}-?\d{7}-?\d/, /784-\*+/, /\*{3,}-?\d/,
              /EC-\d{4}-\d{6}/,
              /\b[0-9A-HJKMNP-TV-Z]{26}\b/,
              /(\+971|\b0)[\d -]{8,}\d/,
              /[\w.+-]+@[\w-]+\.[\w.-]+/,
            ];
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode;
              const parent = node.parentElement;
              if (!parent || parent.closest('script, style, [hidden]')) continue;
              if (parent.closest('bdi, [dir="ltr"], [dir="auto"]')) continue;
              for (const pattern of patterns) {
                const match = node.data.match(pattern);
                // An isolate (LRI, RLI or FSI … PDI) in the text itself also counts.
                const isolated = match && /[\u2066-\u2068]/.test(node.data.charAt(match.index - 1))
                  && node.data.indexOf('\u2069', match.index) !== -1;
                if (match && !isolated) {
                  found.push(`${match[0]} in <${parent.tagName.toLowerCase()}>: "${node.data.trim().slice(0, 80)}"`);
                }
              }
            }
            return found;
            "#,
        )
        .await;
    found
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn home_and_certificate_screenshots_in_both_languages() {
    super::require_tools();
    let site = demo_site().await;
    let chrome = Chrome::start(&site.app).await;

    for lang in ["ar", "en"] {
        chrome.open_in("/", lang).await;
        let path = chrome.screenshot(&format!("home-{lang}")).await;
        assert!(path.metadata().map(|m| m.len() > 10_000).unwrap_or(false));
        assert_eq!(
            direction_problems(&chrome, lang).await,
            Vec::<String>::new()
        );
    }

    chrome
        .sign_in(&site.graduate.login, &site.graduate.password)
        .await;
    let certificate = ecitizen::web::urls::with_id(
        ecitizen::web::urls::TRAINEE_CERTIFICATE,
        site.graduate_certificate,
    );
    for lang in ["ar", "en"] {
        chrome.open_in(&certificate, lang).await;
        // The certificate shows its number and the holder's name.
        let text = chrome.eval("return document.body.innerText").await;
        let text = text.as_str().unwrap_or_default();
        assert!(text.contains("EC-2026-"), "the number is shown:\n{text}");
        assert!(
            text.contains("خليفة الزعابي") && text.contains("Khalifa Al Zaabi"),
            "both names are shown:\n{text}"
        );
        chrome.screenshot(&format!("certificate-{lang}")).await;
        assert_eq!(
            direction_problems(&chrome, lang).await,
            Vec::<String>::new()
        );
    }
    chrome.quit().await;
}
