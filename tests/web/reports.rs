//! Programme reports: on a small class counted by hand, the funnel and its
//! breakdowns are exactly right on the page and in the CSV; the range and
//! the region narrow them; trainees and trainers may not read them.

use crate::certificates::{issue_pending, pass_exam};
use crate::exam::{open_sitting, ready, spawn_app};
use crate::helpers::TestApp;
use crate::people::{Browser, signed_in};

/// A class at Al Ain (Eastern region) that started on 9 March 2026: three
/// women; the first two attended every session and the third none. The
/// first passes and is certified, the second sits and fails.
async fn a_class_counted_by_hand(app: &TestApp) -> Browser {
    let ready = ready(app, 3, &[2]).await;
    let (_, pin) = open_sitting(app, &ready).await;
    pass_exam(app, &ready.trainees[0].2, &pin).await;
    let second = &ready.trainees[1].2;
    let attempt = crate::exam::start(second, &pin).await;
    second
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
        .await
        .expect("classes settled");
    let (_, registrar) = signed_in(app, "registrar").await;
    issue_pending(app, &registrar).await;
    registrar
}

/// The cells of the table row after `marker`, as text.
fn row_after(page: &str, marker: &str) -> Vec<String> {
    let rest = page
        .split(marker)
        .nth(1)
        .unwrap_or_else(|| panic!("nothing after {marker} in {page}"));
    // After a table's heading, its first row of figures.
    let rest = match rest.split_once("<tbody>") {
        Some((head, body)) if !head.contains("</table>") && marker.contains("-title") => body,
        _ => rest,
    };
    let row = rest.split("</tr>").next().unwrap_or_default();
    row.split("<bdi>")
        .skip(1)
        .filter_map(|cell| cell.split("</bdi>").next())
        .map(|cell| cell.replace(['\u{2068}', '\u{2069}'], ""))
        .collect()
}

#[tokio::test]
async fn the_funnel_and_its_breakdowns_count_each_person_once_at_each_step() {
    let app = spawn_app().await;
    let registrar = a_class_counted_by_hand(&app).await;
    let range = "from=2026-01-01&to=2026-12-31";

    let (status, page) = registrar
        .get_page(&format!("/registrar/reports?{range}&lang=en"))
        .await;
    assert_eq!(status, 200, "{page}");
    // registered, enrolled, completed, sat, passed, pass rate, certified
    let funnel = row_after(&page, r#"id="funnel-title""#);
    assert_eq!(funnel, ["3", "3", "2", "2", "1", "50%", "1"], "{page}");
    let eastern = row_after(&page, r#"<th scope="row">Eastern Region (Al Ain)</th>"#);
    assert_eq!(eastern, ["3", "2", "2", "1", "50%", "1"]);
    let women = row_after(&page, r#"<th scope="row">Female</th>"#);
    assert_eq!(women, ["3", "2", "2", "1", "50%", "1"]);
    assert!(page.contains(r#"<th scope="row">Morning</th>"#));
    assert!(
        page.contains("Eastern Region (Al Ain): <bdi>2</bdi> (<bdi>\u{2068}100\u{2069}%</bdi>)"),
        "the headline's share"
    );
    // The charts say their figures to those who cannot see them.
    assert!(page.contains(r#"role="img" aria-labelledby="chart-funnel-title chart-funnel-desc""#));
    let description = page
        .split(r#"<desc id="chart-funnel-desc">"#)
        .nth(1)
        .and_then(|rest| rest.split("</desc>").next())
        .expect("the funnel's description");
    assert_eq!(
        description,
        "Registered: 3, Enrolled: 3, Completed attendance: 2, Sat the exam: 2, Passed: 1, Certificate issued: 1"
    );
    // Each block: two attempts, one right throughout and one blank.
    let block = row_after(&page, "<th scope=\"row\">Block \u{2068}1\u{2069}</th>");
    assert_eq!(block, ["2", "50%", "50%"]);

    // Another range or region has nothing of it.
    let before = registrar
        .get_page("/registrar/reports?from=2025-01-01&to=2025-12-31&lang=en")
        .await
        .1;
    assert_eq!(row_after(&before, r#"id="funnel-title""#)[1], "0");
    let capital = registrar
        .get_page(&format!(
            "/registrar/reports?{range}&region=abu-dhabi&lang=en"
        ))
        .await
        .1;
    assert_eq!(
        row_after(&capital, r#"id="funnel-title""#)[1],
        "0",
        "no class there"
    );

    // The CSV says what the page says, headed in the page's language.
    let csv = registrar
        .get(&format!("/registrar/reports/region.csv?{range}"))
        .await;
    assert_eq!(csv.status().as_u16(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/csv")
    );
    let bytes = csv.bytes().await.expect("body");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    assert_eq!(
        text,
        "Region,Enrolled,Completed attendance,Sat the exam,Passed,Pass rate,Certificate issued\r\n\
         Eastern Region (Al Ain),3,2,2,1,50,1\r\n"
    );
    let arabic = registrar
        .get(&format!("/registrar/reports/funnel.csv?{range}&lang=ar"))
        .await
        .text()
        .await
        .expect("body");
    assert!(arabic.contains("المسجّلون,الملتحقون بالصفوف"), "{arabic}");
    assert!(arabic.ends_with("3,3,2,2,1,50,1\r\n"));
}

#[tokio::test]
async fn only_registrars_and_admins_read_the_reports_and_a_bad_range_is_explained() {
    let app = spawn_app().await;
    let (_, trainer) = signed_in(&app, "trainer").await;
    let (_, trainee) = signed_in(&app, "trainee").await;
    let (_, admin) = signed_in(&app, "admin").await;
    for path in ["/registrar/reports", "/registrar/reports/region.csv"] {
        assert_eq!(trainer.get(path).await.status().as_u16(), 403, "{path}");
        assert_eq!(trainee.get(path).await.status().as_u16(), 403, "{path}");
        assert_eq!(admin.get(path).await.status().as_u16(), 200, "{path}");
    }
    assert_eq!(
        admin
            .get("/registrar/reports/nothing.csv")
            .await
            .status()
            .as_u16(),
        404
    );
    let (status, page) = admin
        .get_page("/registrar/reports?from=2026-12-31&to=2026-01-01&lang=en")
        .await;
    assert_eq!(status, 422);
    assert!(page.contains(r#"id="to-error">The end of the range comes before its start."#));
    assert!(
        page.contains(r#"value="2026-12-31""#),
        "what was typed is kept"
    );
}
