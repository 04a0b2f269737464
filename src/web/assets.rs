//! Static files, built into the binary. Each is addressed as
//! `/static/<path>?v=<hash of its content>`, so it can be cached for a year
//! and a new release is fetched at once (important on weak connections).

use std::collections::HashMap;
use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use sha2::{Digest, Sha256};

use crate::error::AppError;

struct Asset {
    content_type: &'static str,
    bytes: &'static [u8],
    /// First 12 hex digits of the content's SHA-256.
    version: String,
}

macro_rules! assets {
    ($($path:literal => $content_type:literal),* $(,)?) => {
        [$(($path, $content_type, include_bytes!(concat!("../../static/", $path)).as_slice())),*]
    };
}

static ASSETS: LazyLock<HashMap<&'static str, Asset>> = LazyLock::new(|| {
    assets![
        "css/app.css" => "text/css; charset=utf-8",
        "img/logo.svg" => "image/svg+xml",
        "js/board.js" => "text/javascript; charset=utf-8",
        "js/catalogue.js" => "text/javascript; charset=utf-8",
        "js/cohort-form.js" => "text/javascript; charset=utf-8",
        "js/exam.js" => "text/javascript; charset=utf-8",
        "js/forms.js" => "text/javascript; charset=utf-8",
        "js/print.js" => "text/javascript; charset=utf-8",
    ]
    .into_iter()
    .map(|(path, content_type, bytes)| {
        let version = hex::encode(Sha256::digest(bytes))[..12].to_owned();
        (
            path,
            Asset {
                content_type,
                bytes,
                version,
            },
        )
    })
    .collect()
});

/// The cache-busted URL of a static file (unversioned if it is unknown, so a
/// typo shows up as a 404 in the browser rather than a panic).
pub fn url(path: &str) -> String {
    match ASSETS.get(path) {
        Some(asset) => format!("/static/{path}?v={}", asset.version),
        None => format!("/static/{path}"),
    }
}

#[derive(serde::Deserialize)]
pub struct VersionQuery {
    v: Option<String>,
}

/// `GET /static/{path}`: immutable caching when the version matches, else a
/// short revalidation so an old link still gets the current file.
pub async fn serve(
    req: HttpRequest,
    path: web::Path<String>,
    query: web::Query<VersionQuery>,
) -> Result<HttpResponse, AppError> {
    let asset = ASSETS.get(path.as_str()).ok_or(AppError::NotFound)?;
    let etag = format!("\"{}\"", asset.version);
    let cache = if query.v.as_deref() == Some(asset.version.as_str()) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300, must-revalidate"
    };
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value == etag);
    let mut response = if not_modified {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache))
        .content_type(asset.content_type);
    Ok(if not_modified {
        response.finish()
    } else {
        response.body(asset.bytes)
    })
}
