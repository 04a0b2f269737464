//! `PageCtx`: what every page needs besides its own data: the language and
//! direction, a link to the same page in the other language, and the request
//! id (shown on error pages for support).

use std::convert::Infallible;
use std::future::{Ready, ready};

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload};
use fluent_bundle::FluentValue;

use crate::auth::CurrentUser;
use crate::auth::csrf::CsrfToken;
use crate::auth::flash::Flash;
use crate::domain::person::Role;
use crate::i18n::Lang;
use crate::web::middleware::RequestId;
use crate::web::{assets, urls};

/// The signed-in person as the page frame shows them.
#[derive(Clone, Debug)]
pub struct UserBadge {
    pub id: i32,
    pub name: String,
    pub role: Role,
}

/// Per-request page context, passed to every template as `ctx`.
#[derive(Clone, Debug)]
pub struct PageCtx {
    pub lang: Lang,
    /// This page's address with `lang` set to the other language.
    pub switch_href: String,
    /// The request's path, to mark the current navigation item.
    pub path: String,
    pub request_id: String,
    /// Who is signed in, if anyone.
    pub user: Option<UserBadge>,
    /// The token every form carries as `csrf_token`.
    pub csrf_token: String,
    /// A one-shot message after a redirect, already translated.
    pub flash: Option<String>,
}

impl PageCtx {
    /// Builds the context from a request that went through the middleware.
    pub fn from_request(req: &HttpRequest) -> Self {
        let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
        let extensions = req.extensions();
        let request_id = extensions
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        let user = extensions.get::<CurrentUser>().map(|user| UserBadge {
            id: user.id,
            name: user.name(lang).to_owned(),
            role: user.role,
        });
        Self {
            lang,
            switch_href: switch_href(req.path(), req.query_string(), lang.other()),
            path: req.path().to_owned(),
            request_id,
            user,
            csrf_token: extensions
                .get::<CsrfToken>()
                .map(|token| token.value.clone())
                .unwrap_or_default(),
            flash: extensions.get::<Flash>().map(|flash| lang.t(&flash.0)),
        }
    }

    /// The signed-in person's home page.
    pub fn home_url(&self) -> &'static str {
        self.user
            .as_ref()
            .map_or(urls::HOME, |user| urls::home_for(user.role))
    }

    /// Whether the signed-in person has this role (`trainee`, `admin`, …).
    pub fn is_role(&self, role: &str) -> bool {
        self.user
            .as_ref()
            .is_some_and(|user| user.role.as_str() == role)
    }

    /// `ar` or `en`.
    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// `rtl` or `ltr`.
    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    /// The code of the other language, for the switch link's `lang` attribute.
    pub fn other_lang_code(&self) -> &'static str {
        self.lang.other().code()
    }

    /// A message in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// `text` without Fluent's invisible bidi isolation marks, for places
    /// that show plain text only (a page's `<title>`, a tab, a bookmark).
    pub fn plain(&self, text: String) -> String {
        text.chars()
            .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
            .collect()
    }

    /// A question's topic (a slug such as `e-government`) by its name in
    /// the page's language; a topic an admin made up shows as typed.
    pub fn topic(&self, slug: &str) -> String {
        self.lang
            .t_opt(&format!("topic-{slug}"))
            .unwrap_or_else(|| slug.to_owned())
    }

    /// A stored mobile number as people in the UAE write it (`050 123 4567`),
    /// the same on every page; anything else as it is.
    pub fn phone(&self, stored: &str) -> String {
        crate::domain::mobile::Mobile::parse(stored)
            .map(|mobile| mobile.local())
            .unwrap_or_else(|_| stored.to_owned())
    }

    /// A trainee's attendance standing in the one sentence everyone sees.
    pub fn standing(&self, standing: &crate::domain::attendance::Standing) -> String {
        use crate::domain::attendance::Statement;
        let statement = standing.statement();
        let count = match statement {
            Statement::Needed(count) => i64::from(count),
            _ => 0,
        };
        self.lang.t_args(
            statement.key(),
            &[
                ("count", FluentValue::from(count)),
                ("threshold", FluentValue::from(standing.threshold)),
            ],
        )
    }

    /// A percentage as the page's language writes it ("75%", "75٪"), the
    /// number isolated so it reads the same in both directions.
    pub fn percent(&self, value: impl Count) -> String {
        self.tn("percent", "value", value)
    }

    /// A message in Arabic whatever the page's language (bilingual documents).
    pub fn t_ar(&self, key: &str) -> String {
        Lang::Ar.t(key)
    }

    /// A message in English whatever the page's language.
    pub fn t_en(&self, key: &str) -> String {
        Lang::En.t(key)
    }

    /// A message with one text argument in a given language (`ar` / `en`).
    pub fn ts_in(
        &self,
        lang: &str,
        key: &str,
        name: &str,
        value: impl std::fmt::Display,
    ) -> String {
        Lang::parse(lang)
            .unwrap_or_default()
            .t_args(key, &[(name, FluentValue::from(value.to_string()))])
    }

    /// The message `<prefix>-<code>`: the label of a stored code, such as
    /// `period-morning` (a test checks every code has its label).
    pub fn t_code(&self, prefix: &str, code: impl std::fmt::Display) -> String {
        self.lang.t(&format!("{prefix}-{code}"))
    }

    /// A message with one number argument (plural forms follow it).
    pub fn tn(&self, key: &str, name: &str, value: impl Count) -> String {
        self.lang
            .t_args(key, &[(name, FluentValue::from(value.count()))])
    }

    /// A message with one text argument.
    pub fn ts(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        self.lang
            .t_args(key, &[(name, FluentValue::from(value.to_string()))])
    }

    /// A message with two text arguments.
    pub fn ts2(
        &self,
        key: &str,
        first: &str,
        first_value: impl std::fmt::Display,
        second: &str,
        second_value: impl std::fmt::Display,
    ) -> String {
        self.lang.t_args(
            key,
            &[
                (first, FluentValue::from(first_value.to_string())),
                (second, FluentValue::from(second_value.to_string())),
            ],
        )
    }

    /// A message with two number arguments.
    pub fn tn2(
        &self,
        key: &str,
        first: &str,
        first_value: impl Count,
        second: &str,
        second_value: impl Count,
    ) -> String {
        self.lang.t_args(
            key,
            &[
                (first, FluentValue::from(first_value.count())),
                (second, FluentValue::from(second_value.count())),
            ],
        )
    }

    /// The cache-busted address of a static file.
    pub fn asset(&self, path: &str) -> String {
        assets::url(path)
    }

    /// On one of the admin's pages (`/admin/…`), which show their own
    /// navigation under the site's.
    pub fn in_admin(&self) -> bool {
        self.path.starts_with("/admin/") && self.is_role("admin")
    }

    /// `aria-current="page"` for the admin navigation's link of the
    /// section this page belongs to (a venue's page is under Venues).
    pub fn in_section(&self, path: &str) -> bool {
        self.path == path || self.path.starts_with(&format!("{path}/"))
    }

    /// `aria-current="page"` for the navigation link of the current page.
    pub fn is_current(&self, path: &str) -> bool {
        self.path == path
    }
}

impl FromRequest for PageCtx {
    type Error = Infallible;
    type Future = Ready<Result<Self, Infallible>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self::from_request(req)))
    }
}

/// Numbers a template may pass to [`PageCtx::tn`], by value or reference.
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! impl_count {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn count(&self) -> i64 { i64::try_from(*self).unwrap_or(i64::MAX) }
        }
        impl Count for &$t {
            fn count(&self) -> i64 { i64::try_from(**self).unwrap_or(i64::MAX) }
        }
        impl Count for &&$t {
            fn count(&self) -> i64 { i64::try_from(***self).unwrap_or(i64::MAX) }
        }
    )*};
}
impl_count!(i32, i64, u32, usize);

/// `path?…&lang=<lang>`, keeping every other query parameter (an address
/// refused as too long is not repeated: the link goes home).
fn switch_href(path: &str, query: &str, lang: Lang) -> String {
    if path.len() + query.len() > crate::web::middleware::MAX_URI_BYTES {
        return format!("/?lang={}", lang.code());
    }
    let mut serializer = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        if name != "lang" {
            serializer.append_pair(&name, &value);
        }
    }
    serializer.append_pair("lang", lang.code());
    format!("{path}?{}", serializer.finish())
}

/// Renders a page as an HTML response with `status` (200 for a page,
/// 422 for a form sent back with its errors, 409 for a refusal).
pub fn render(
    status: actix_web::http::StatusCode,
    page: &impl askama::Template,
) -> Result<actix_web::HttpResponse, crate::error::AppError> {
    Ok(actix_web::HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_link_keeps_filters_and_replaces_the_language() {
        assert_eq!(switch_href("/", "", Lang::En), "/?lang=en");
        let long = "q=".to_owned() + &"a".repeat(9_000);
        assert_eq!(switch_href("/cohorts", &long, Lang::Ar), "/?lang=ar");
        assert_eq!(
            switch_href(
                "/cohorts",
                "region=eastern&lang=en&period=evening",
                Lang::Ar
            ),
            "/cohorts?region=eastern&period=evening&lang=ar"
        );
    }
}
