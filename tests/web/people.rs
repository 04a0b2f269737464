//! Browsers and personas: people who register, sign in and click.

use ecitizen::db::DbError;
use ecitizen::db::models::user::{NewUser, User};
use ecitizen::domain::emirates_id::check_digit;

use crate::helpers::TestApp;
use ecitizen::domain::person::Role;

/// One person's browser, with its own cookies.
#[derive(Clone)]
pub struct Browser {
    pub address: String,
    pub client: reqwest::Client,
    pub jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl Browser {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    pub async fn get_page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// The CSRF token this browser's forms carry (from a page with a form).
    pub async fn csrf_token(&self) -> String {
        for path in ["/login", "/account/password"] {
            let (status, body) = self.get_page(path).await;
            if status == 200
                && let Some(token) = hidden_value(&body, "csrf_token")
            {
                return token;
            }
        }
        panic!("no page with a CSRF token found");
    }

    /// POSTs a form with this browser's CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf_token().await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        self.client
            .post(self.url(path))
            .form(&form)
            .send()
            .await
            .expect("request sent")
    }

    /// POSTs a form exactly as given (no token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("request sent")
    }

    /// POSTs the sign-in form with the given token and extra headers, as
    /// sent (no page fetched first, no token added).
    pub async fn sign_in_as_sent(
        &self,
        login: &str,
        password: &str,
        token: &str,
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self.client.post(self.url("/login")).form(&[
            ("login", login),
            ("password", password),
            ("csrf_token", token),
        ]);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("request sent")
    }

    /// Signs in and returns the response (303 on success).
    pub async fn sign_in(&self, login: &str, password: &str) -> reqwest::Response {
        self.post_form("/login", &[("login", login), ("password", password)])
            .await
    }
}

impl Browser {
    /// Signs `user_id` in without the login form (no password hashing), for
    /// tests that need many people at once.
    pub async fn adopt_session(&self, app: &TestApp, user_id: i32) {
        let settings = app.settings.clone();
        let now = app.clock.now();
        let cookie = app
            .db
            .write(move |conn| ecitizen::auth::session::start(conn, &settings, user_id, now))
            .await
            .expect("session started");
        let url: reqwest::Url = self.address.parse().expect("url");
        self.jar.add_cookie_str(
            &format!("{}={}; Path=/", cookie.name(), cookie.value()),
            &url,
        );
    }
}

/// The `value` of a hidden input named `name`.
pub fn hidden_value(body: &str, name: &str) -> Option<String> {
    let marker = format!(r#"name="{name}" value=""#);
    let start = body.find(&marker)? + marker.len();
    let end = body[start..].find('"')? + start;
    Some(body[start..end].to_owned())
}

/// A valid Emirates ID for someone born in `year`.
pub fn emirates_id(year: i32, serial: u32) -> String {
    let serial = format!("{serial:07}");
    let first = format!("784{year}{serial}");
    format!("784-{year}-{serial}-{}", check_digit(&first))
}

/// A person created straight in the database, and how they sign in.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: i32,
    pub login: String,
    pub password: String,
}

/// Creates an account directly (fast: no web form).
pub async fn create_person(app: &TestApp, role: &str, email: &str, must_change: bool) -> Person {
    let password = "walnut orbit lantern 58".to_owned();
    let hash = ecitizen::auth::password::hash_blocking(&password).expect("hash");
    let (role, email_owned) = (Role::parse(role).expect("a role"), email.to_owned());
    let now = app.clock.now().naive_utc();
    let id = app
        .db
        .write(move |conn| {
            Ok::<_, DbError>(User::insert(
                conn,
                &NewUser {
                    role,
                    full_name_ar: "شخص تجريبي",
                    full_name_en: "Test Person",
                    email: Some(&email_owned),
                    emirates_id: None,
                    date_of_birth: None,
                    gender: None,
                    mobile: None,
                    target_group: None,
                    town_id: None,
                    channel: None,
                    password_hash: &hash,
                    must_change_password: must_change,
                    active: true,
                    created_at: now,
                    updated_at: now,
                },
            )?)
        })
        .await
        .expect("user inserted");
    Person {
        id,
        login: email.to_owned(),
        password,
    }
}

/// A person of `role` signed in in a fresh browser.
pub async fn signed_in(app: &TestApp, role: &str) -> (Person, Browser) {
    let person = create_person(
        app,
        role,
        &format!("{role}-{}@example.ae", rand_suffix()),
        false,
    )
    .await;
    let browser = app.browser();
    let response = browser.sign_in(&person.login, &person.password).await;
    assert_eq!(response.status().as_u16(), 303, "{role} signs in");
    (person, browser)
}

fn rand_suffix() -> u32 {
    rand::random::<u32>()
}

/// A complete, valid registration; tests change one field at a time.
pub fn registration() -> Vec<(&'static str, String)> {
    vec![
        ("full_name_ar", "مريم أحمد".to_owned()),
        ("full_name_en", "Mariam Ahmed".to_owned()),
        ("emirates_id", emirates_id(1990, 1234567)),
        ("date_of_birth", "1990-04-23".to_owned()),
        ("gender", "female".to_owned()),
        ("mobile", "050 123 4567".to_owned()),
        ("email", "mariam@example.ae".to_owned()),
        ("target_group", "homemaker".to_owned()),
        ("town", "al-ain".to_owned()),
        ("channel", "school".to_owned()),
        ("password", "walnut orbit lantern 58".to_owned()),
        ("password_confirm", "walnut orbit lantern 58".to_owned()),
    ]
}

/// Replaces one field of a form.
pub fn with(
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

/// Submits a registration form from `browser`.
pub async fn register(browser: &Browser, form: &[(&'static str, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = form
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    browser.post_form("/register", &fields).await
}

/// How many accounts exist.
pub async fn user_count(app: &TestApp) -> usize {
    app.db
        .read(|conn| Ok::<_, DbError>(User::search(conn, "", None, 10_000, 0)?.len()))
        .await
        .expect("count")
}
