//! An admin keeps the exam's question bank: a fresh install already has the
//! shipped bank; questions are added and corrected through a form whose
//! mistakes are explained in the page's language; a question an exam has
//! used is never changed, only replaced by a new version; files are
//! imported whole or not at all, and exports import again. Nobody else may
//! see the bank.

use std::collections::BTreeMap;

use diesel::prelude::*;
use ecitizen::db::DbError;
use ecitizen::db::models::question::{Question, QuestionOption};
use ecitizen::db::schema::{
    attempt_questions, attempts, cohorts, enrollments, exam_settings, sittings,
};

use crate::fixtures;
use crate::helpers::{TestApp, assert_arabic, assert_english, spawn_app};
use crate::people::{Browser, signed_in};

/// Every question with its options, oldest first.
async fn bank(app: &TestApp) -> Vec<(Question, Vec<QuestionOption>)> {
    app.db
        .read(|conn| {
            let questions = Question::all(conn)?;
            let ids: Vec<i32> = questions.iter().map(|q| q.id).collect();
            let options = QuestionOption::of_questions(conn, &ids)?;
            Ok::<_, DbError>(
                questions
                    .into_iter()
                    .map(|q| {
                        let own = options
                            .iter()
                            .filter(|o| o.question_id == q.id)
                            .cloned()
                            .collect();
                        (q, own)
                    })
                    .collect(),
            )
        })
        .await
        .expect("the bank")
}

async fn question_count(app: &TestApp) -> i64 {
    app.db
        .read(|conn| Ok::<_, DbError>(Question::count(conn)?))
        .await
        .expect("count")
}

/// Fluent wraps arguments in direction isolates; the reader does not see them.
fn plain(body: &str) -> String {
    body.replace(['\u{2068}', '\u{2069}'], "")
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned()
}

/// A valid one-answer question; tests change one field at a time.
fn question_form() -> Vec<(&'static str, String)> {
    vec![
        ("block", "2".to_owned()),
        ("topic", "health".to_owned()),
        ("kind", "single".to_owned()),
        (
            "stem_ar",
            "أين تحجز موعداً مع الطبيب عبر الإنترنت؟".to_owned(),
        ),
        (
            "stem_en",
            "Where do you book a doctor's appointment online?".to_owned(),
        ),
        ("option1_ar", "موقع الجهة الصحية".to_owned()),
        ("option1_en", "The health authority's website".to_owned()),
        ("option1_correct", "1".to_owned()),
        ("option2_ar", "موقع للألعاب".to_owned()),
        ("option2_en", "A games website".to_owned()),
    ]
}

fn with(
    mut form: Vec<(&'static str, String)>,
    name: &str,
    value: &str,
) -> Vec<(&'static str, String)> {
    for field in &mut form {
        if field.0 == name {
            field.1 = value.to_owned();
        }
    }
    form
}

async fn post(browser: &Browser, path: &str, form: &[(&'static str, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = form.iter().map(|(n, v)| (*n, v.as_str())).collect();
    browser.post_form(path, &fields).await
}

/// Uploads a file to the import form, as the browser's form does (token in
/// the query string).
async fn upload(browser: &Browser, file_name: &str, content: &str) -> reqwest::Response {
    let token = browser.csrf_token().await;
    let part = reqwest::multipart::Part::bytes(content.as_bytes().to_vec())
        .file_name(file_name.to_owned());
    let form = reqwest::multipart::Form::new().part("file", part);
    browser
        .client
        .post(browser.url(&format!("/admin/questions/import?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .expect("request sent")
}

const CSV_HEADER: &str = "block,topic,kind,stem_ar,stem_en,option1_ar,option1_en,option1_correct,option2_ar,option2_en,option2_correct,option3_ar,option3_en,option3_correct";

/// Makes `question_id` part of an attempt, as the exam would when drawing it.
async fn use_in_attempt(app: &TestApp, question_id: i32) {
    let venue = fixtures::venue(app, "al-ain", "Exam Hall", 20).await;
    let cohort = fixtures::class(app, fixtures::class_fields(venue)).await;
    let (trainee, _) = fixtures::trainee(app, "Exam Taker", "female").await;
    let (admin, _) = signed_in(app, "trainer").await;
    let now = app.clock.now().naive_utc();
    app.db
        .write(move |conn| {
            let course_id: i32 = cohorts::table
                .find(cohort)
                .select(cohorts::course_id)
                .first(conn)?;
            let enrollment: i32 = diesel::insert_into(enrollments::table)
                .values((
                    enrollments::cohort_id.eq(cohort),
                    enrollments::trainee_id.eq(trainee),
                    enrollments::course_id.eq(course_id),
                    enrollments::status.eq("enrolled"),
                    enrollments::queued_at.eq(now),
                    enrollments::enrolled_at.eq(Some(now)),
                    enrollments::created_at.eq(now),
                    enrollments::updated_at.eq(now),
                ))
                .returning(enrollments::id)
                .get_result(conn)?;
            let sitting: i32 = diesel::insert_into(sittings::table)
                .values((
                    sittings::cohort_id.eq(cohort),
                    sittings::pin.eq("4821"),
                    sittings::opened_by.eq(admin.id),
                    sittings::opened_at.eq(now),
                    sittings::closes_at.eq(now),
                ))
                .returning(sittings::id)
                .get_result(conn)?;
            let settings: i32 = exam_settings::table.select(exam_settings::id).first(conn)?;
            let attempt: i32 = diesel::insert_into(attempts::table)
                .values((
                    attempts::sitting_id.eq(sitting),
                    attempts::enrollment_id.eq(enrollment),
                    attempts::trainee_id.eq(trainee),
                    attempts::settings_id.eq(settings),
                    attempts::started_at.eq(now),
                    attempts::deadline_at.eq(now + chrono::Duration::minutes(45)),
                    attempts::status.eq("open"),
                ))
                .returning(attempts::id)
                .get_result(conn)?;
            diesel::insert_into(attempt_questions::table)
                .values((
                    attempt_questions::attempt_id.eq(attempt),
                    attempt_questions::position.eq(1),
                    attempt_questions::question_id.eq(question_id),
                    attempt_questions::option_order.eq("[1,2,3,4]"),
                ))
                .execute(conn)?;
            Ok::<_, DbError>(())
        })
        .await
        .expect("attempt stored");
}

#[tokio::test]
async fn a_fresh_install_has_the_shipped_bank_in_both_languages() {
    let app = spawn_app().await;

    let bank = bank(&app).await;
    for block in 1..=3 {
        let active: Vec<_> = bank
            .iter()
            .filter(|(q, _)| q.active && q.block == block)
            .collect();
        assert!(
            active.len() >= 40,
            "block {block}: {} active questions",
            active.len()
        );
        for (question, options) in active {
            assert!(!question.stem_ar.is_empty() && !question.stem_en.is_empty());
            assert!(options.len() >= 2);
            assert!(
                options
                    .iter()
                    .all(|o| !o.text_ar.is_empty() && !o.text_en.is_empty())
            );
        }
    }
    // Starting again on the same database adds nothing.
    let added = ecitizen::startup::seed_question_bank(&app.db, &app.settings)
        .await
        .expect("seeding runs");
    assert_eq!(added, 0);

    let (_, admin) = signed_in(&app, "admin").await;
    let (status, body) = admin.get_page("/admin/questions?lang=en").await;
    assert_eq!(status, 200);
    assert_english(&body);
    assert!(
        plain(&body).contains(&format!("{} questions", bank.len())),
        "{body}"
    );
}

#[tokio::test]
async fn a_question_with_mistakes_is_explained_in_both_languages_and_not_stored() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let before = question_count(&app).await;
    let bad = with(with(question_form(), "stem_en", ""), "option1_correct", "");

    let response = post(&admin, "/admin/questions", &bad).await;
    assert_eq!(response.status().as_u16(), 422);
    let body = response.text().await.expect("body");
    assert_arabic(&body);
    assert!(body.contains("اكتب السؤال بالإنجليزية."), "{body}");
    assert!(body.contains("حدّد خياراً صحيحاً واحداً بالضبط."));
    // What was typed is still there.
    assert!(body.contains("أين تحجز موعداً مع الطبيب عبر الإنترنت؟"));

    admin.get("/admin/questions/new?lang=en").await;
    let response = post(
        &admin,
        "/admin/questions",
        &with(bad, "topic", "Health Services"),
    )
    .await;
    assert_eq!(response.status().as_u16(), 422);
    let body = response.text().await.expect("body");
    assert_english(&body);
    assert!(body.contains("Write the question in English."));
    assert!(body.contains("Mark exactly one option as correct."));
    assert!(body.contains("The topic must be lowercase English words"));
    assert_eq!(question_count(&app).await, before, "nothing stored");

    let response = post(&admin, "/admin/questions", &question_form()).await;
    assert_eq!(response.status().as_u16(), 303);
    let bank = bank(&app).await;
    let (added, options) = bank.last().expect("the new question");
    assert_eq!(
        added.stem_en,
        "Where do you book a doctor's appointment online?"
    );
    assert_eq!(
        (added.block, added.kind.as_str(), added.active),
        (2, "single", true)
    );
    assert_eq!(options.len(), 2);
    let right: Vec<&str> = options
        .iter()
        .filter(|o| o.correct)
        .map(|o| o.text_en.as_str())
        .collect();
    assert_eq!(right, ["The health authority's website"]);
}

#[tokio::test]
async fn editing_a_question_an_exam_used_adds_a_version_and_keeps_the_old_one() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let (original, original_options) = bank(&app)
        .await
        .into_iter()
        .next()
        .expect("a seeded question");
    use_in_attempt(&app, original.id).await;

    let (status, page) = admin
        .get_page(&format!("/admin/questions/{}?lang=en", original.id))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("has been used in an exam"));

    let mut form = vec![
        ("block", original.block.to_string()),
        ("topic", original.topic.clone()),
        ("kind", original.kind.as_str().to_owned()),
        ("stem_ar", original.stem_ar.clone()),
        (
            "stem_en",
            "Corrected: which part shows text and pictures?".to_owned(),
        ),
    ];
    let names = [
        ("option1_ar", "option1_en", "option1_correct"),
        ("option2_ar", "option2_en", "option2_correct"),
        ("option3_ar", "option3_en", "option3_correct"),
        ("option4_ar", "option4_en", "option4_correct"),
        ("option5_ar", "option5_en", "option5_correct"),
        ("option6_ar", "option6_en", "option6_correct"),
    ];
    for (option, (ar, en, correct)) in original_options.iter().zip(names) {
        form.push((ar, option.text_ar.clone()));
        form.push((en, option.text_en.clone()));
        if option.correct {
            form.push((correct, "1".to_owned()));
        }
    }
    let response = post(&admin, &format!("/admin/questions/{}", original.id), &form).await;
    assert_eq!(response.status().as_u16(), 303);

    let bank = bank(&app).await;
    let (old, old_options) = bank
        .iter()
        .find(|(q, _)| q.id == original.id)
        .expect("the old one stays");
    assert_eq!(
        old.stem_en, original.stem_en,
        "the old question is unchanged"
    );
    assert!(!old.active, "and retired");
    assert_eq!(old_options.len(), original_options.len());
    let (new, new_options) = bank
        .iter()
        .find(|(q, _)| q.replaces_id == Some(original.id))
        .expect("a new version");
    assert!(new.active);
    assert_eq!(
        new.stem_en,
        "Corrected: which part shows text and pictures?"
    );
    assert_eq!(new_options.len(), original_options.len());

    // The used one cannot be deleted, only retired.
    let response = admin
        .post_form(&format!("/admin/questions/{}/delete", original.id), &[])
        .await;
    assert_eq!(location(&response), "/admin/questions");
    let (_, page) = admin.get_page("/admin/questions?lang=en").await;
    assert!(page.contains("cannot be deleted. Retire it instead."));
    assert!(bank_has(&app, original.id).await);

    // A question no exam used is corrected in place and can be deleted.
    let response = admin
        .post_form(&format!("/admin/questions/{}/delete", new.id), &[])
        .await;
    assert_eq!(response.status().as_u16(), 303);
    assert!(!bank_has(&app, new.id).await);
}

async fn bank_has(app: &TestApp, id: i32) -> bool {
    app.db
        .read(move |conn| Ok::<_, DbError>(Question::find(conn, id)?.is_some()))
        .await
        .expect("lookup")
}

#[tokio::test]
async fn an_import_with_a_bad_row_stores_nothing_and_names_every_bad_line() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let before = question_count(&app).await;
    let csv = format!(
        "{CSV_HEADER}\n\
         1,files,single,سؤال أول,First question,أ,A,1,ب,B,0,,,\n\
         1,files,single,سؤال ثان,Second question,أ,A,1,ب,B,1,,,\n\
         3,\"online-banking\",true_false,\"سؤال، ثالث\",\"Third, question\",صح,True,1,خطأ,False,0,,,\n"
    );

    let response = upload(&admin, "bank.csv", &csv).await;
    assert_eq!(response.status().as_u16(), 422);
    let body = plain(&response.text().await.expect("body"));
    assert_arabic(&body);
    assert!(
        body.contains("السطر 3: حدّد خياراً صحيحاً واحداً بالضبط."),
        "{body}"
    );
    assert_eq!(question_count(&app).await, before, "nothing stored");

    admin.get("/admin/questions?lang=en").await;
    let json = r#"[
      {"block": 2, "topic": "travel", "kind": "single", "stem_ar": "س", "stem_en": "Q1",
       "options": [{"ar": "أ", "en": "A", "correct": true}, {"ar": "ب", "en": "B"}]},
      {"block": 2, "topic": "travel", "kind": "multiple", "stem_ar": "س", "stem_en": "Q2",
       "options": [{"ar": "أ", "en": "A", "correct": true}, {"ar": "أ", "en": "B", "correct": true}, {"ar": "ج", "en": "C"}]}
    ]"#;
    let response = upload(&admin, "bank.json", json).await;
    assert_eq!(response.status().as_u16(), 422);
    let body = plain(&response.text().await.expect("body"));
    assert_english(&body);
    assert!(
        body.contains("Line 2, option 2: This option repeats another option."),
        "{body}"
    );
    assert_eq!(question_count(&app).await, before, "nothing stored");
}

#[tokio::test]
async fn a_file_over_two_megabytes_is_refused_with_a_clear_message() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let before = question_count(&app).await;
    let padding = " ".repeat(2 * 1024 * 1024);
    let response = upload(&admin, "bank.json", &format!("[{padding}]")).await;
    assert_eq!(response.status().as_u16(), 413);
    let body = response.text().await.expect("body");
    assert!(body.contains("حجم الملف أكبر من 2 ميغابايت."), "{body}");
    assert_eq!(question_count(&app).await, before);
}

#[tokio::test]
async fn a_good_import_adds_every_question_and_an_export_imports_again() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let before = question_count(&app).await;
    let csv = format!(
        "\u{feff}{CSV_HEADER}\r\n\
         1,files,single,سؤال أول,First question,أ,A,1,ب,B,0,,,\r\n\
         3,online-banking,multiple,\"سؤال\nعلى سطرين\",\"Pick two, \"\"carefully\"\"\",أ,A,1,ب,B,1,ج,C,0\r\n"
    );
    let response = upload(&admin, "bank.csv", &csv).await;
    assert_eq!(response.status().as_u16(), 303);
    let target = location(&response);
    assert_eq!(question_count(&app).await, before + 2);
    let (_, page) = admin.get_page(&format!("{target}&lang=en")).await;
    assert!(
        plain(&page).contains("2 questions were added from the file."),
        "{page}"
    );
    let bank_now = bank(&app).await;
    let (last, _) = bank_now.last().expect("imported");
    assert_eq!(last.stem_en, "Pick two, \"carefully\"");

    // Export both ways, then import each export: the bank doubles each time.
    for (path, file) in [
        ("/admin/questions/export.csv", "export.csv"),
        ("/admin/questions/export.json", "export.json"),
    ] {
        let count = question_count(&app).await;
        let response = admin.get(path).await;
        assert_eq!(response.status().as_u16(), 200);
        let disposition = response.headers()["content-disposition"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        let text = response.text().await.expect("body");
        let response = upload(&admin, file, &text).await;
        assert_eq!(response.status().as_u16(), 303, "{file} imports again");
        assert_eq!(question_count(&app).await, count * 2);
    }
    // Options are stored in a new random order on every import, but every
    // copy of a question has the same options, right and wrong alike.
    let mut copies: BTreeMap<(String, String), Vec<Vec<OptionFacts>>> = BTreeMap::new();
    for (question, options) in bank(&app).await {
        let mut options: Vec<OptionFacts> = options
            .into_iter()
            .map(|o| (o.text_ar, o.text_en, o.correct))
            .collect();
        options.sort();
        copies
            .entry((question.kind.as_str().to_owned(), question.stem_en))
            .or_default()
            .push(options);
    }
    for ((_, stem), versions) in copies {
        assert_eq!(versions.len(), 4, "{stem}: imported, then exported twice");
        assert!(versions.iter().all(|v| *v == versions[0]), "{stem}");
    }
}

/// An option's Arabic and English texts and whether it is right.
type OptionFacts = (String, String, bool);

/// How many of `bank`'s questions of `kind` store their right options
/// first, and how many questions of that kind there are.
fn right_ones_first(bank: &[(Question, Vec<QuestionOption>)], kind: &str) -> (usize, usize) {
    let of_kind: Vec<&Vec<QuestionOption>> = bank
        .iter()
        .filter(|(q, _)| q.kind.as_str() == kind)
        .map(|(_, options)| options)
        .collect();
    let first = of_kind
        .iter()
        .filter(|options| {
            let right = options.iter().filter(|o| o.correct).count();
            options.iter().take(right).all(|o| o.correct)
        })
        .count();
    (first, of_kind.len())
}

#[tokio::test]
async fn the_stored_order_of_options_says_nothing_about_which_is_right() {
    let app = spawn_app().await;
    // The shipped bank: by chance the right option comes first in about a
    // quarter of the single-answer questions (four options each), and the
    // right ones first in about one multiple-answer question in eight.
    let shipped = bank(&app).await;
    let (first, singles) = right_ones_first(&shipped, "single");
    assert!(singles >= 90 && first * 2 < singles, "{first} of {singles}");
    let (first, multiples) = right_ones_first(&shipped, "multiple");
    assert!(
        multiples >= 30 && first * 2 < multiples,
        "{first} of {multiples}"
    );
    // True/false keeps True before False: there the order names the label.
    for (question, options) in shipped
        .iter()
        .filter(|(q, _)| q.kind.as_str() == "true_false")
    {
        let labels: Vec<&str> = options.iter().map(|o| o.text_en.as_str()).collect();
        assert_eq!(labels, ["True", "False"], "{}", question.stem_en);
    }

    // A file whose author always wrote the right answer first: after the
    // import, the stored order no longer says so (the chance of half or more
    // staying first by luck, out of 80 with one in four each, is 1.3e-6).
    let (_, admin) = signed_in(&app, "admin").await;
    let rows: Vec<String> = (1..=80)
        .map(|n| {
            format!(
                r#"{{"block": 1, "topic": "files", "kind": "single",
                    "stem_ar": "سؤال رقم {n}", "stem_en": "Question number {n}",
                    "options": [{{"ar": "صحيح", "en": "Right", "correct": true}},
                                {{"ar": "أ", "en": "A"}}, {{"ar": "ب", "en": "B"}},
                                {{"ar": "ج", "en": "C"}}]}}"#
            )
        })
        .collect();
    let response = upload(&admin, "bank.json", &format!("[{}]", rows.join(","))).await;
    assert_eq!(response.status().as_u16(), 303);
    let imported: Vec<(Question, Vec<QuestionOption>)> = bank(&app)
        .await
        .into_iter()
        .filter(|(q, _)| q.stem_en.starts_with("Question number "))
        .collect();
    let (first, count) = right_ones_first(&imported, "single");
    assert_eq!(count, 80);
    assert!(first * 2 < count, "{first} of {count} still first");
}

#[tokio::test]
async fn nobody_but_an_admin_sees_the_bank() {
    let app = spawn_app().await;
    let (_, trainee) = signed_in(&app, "trainee").await;
    for path in [
        "/admin/questions",
        "/admin/questions/new",
        "/admin/questions/1",
        "/admin/questions/export.csv",
        "/admin/questions/export.json",
    ] {
        let (status, _) = trainee.get_page(path).await;
        assert_eq!(status, 403, "{path}");
    }
    let before = question_count(&app).await;
    let response = post(&trainee, "/admin/questions", &question_form()).await;
    assert_eq!(response.status().as_u16(), 403);
    let response = upload(&trainee, "bank.csv", CSV_HEADER).await;
    assert_eq!(response.status().as_u16(), 403);
    assert_eq!(question_count(&app).await, before);
}

#[tokio::test]
async fn the_csv_export_opens_in_a_spreadsheet_and_imports_again_unchanged() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let response = upload(
        &admin,
        "bank.csv",
        &format!(
            "{CSV_HEADER}\n2,health,single,\"سؤال\nعلى سطرين\",\"Two, lines\",أ,A,1,ب,B,0,,,\n"
        ),
    )
    .await;
    assert_eq!(response.status().as_u16(), 303);
    let count = question_count(&app).await;

    let response = admin.get("/admin/questions/export.csv").await;
    assert_eq!(response.status().as_u16(), 200);
    let bytes = response.bytes().await.expect("body");

    // UTF-8 with a byte-order mark, so a spreadsheet reads the Arabic, and
    // CRLF between records; a line break inside a cell stays as typed.
    assert!(bytes.starts_with(b"\xEF\xBB\xBFblock,topic,kind,"));
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
    let records = i64::try_from(text.matches("\r\n").count()).expect("a count");
    assert_eq!(records, count + 1, "header and one line per question");
    assert!(text.ends_with("\r\n"));
    assert!(
        text.contains("\"سؤال\nعلى سطرين\""),
        "the cell's own line break"
    );
    // Outside quotes, every LF ends a record and follows a CR.
    let mut quoted = false;
    let mut previous = ' ';
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => assert_eq!(previous, '\r', "a bare LF between records"),
            _ => {}
        }
        previous = c;
    }

    // The file as downloaded, mark and all, imports again: every question
    // twice, the same each time.
    let response = upload(&admin, "export.csv", &text).await;
    assert_eq!(response.status().as_u16(), 303, "the export imports again");
    assert_eq!(question_count(&app).await, count * 2);
    let stems: Vec<String> = bank(&app)
        .await
        .into_iter()
        .map(|(question, _)| question.stem_ar)
        .filter(|stem| stem.contains("على سطرين"))
        .collect();
    assert_eq!(stems, ["سؤال\nعلى سطرين", "سؤال\nعلى سطرين"]);
}
