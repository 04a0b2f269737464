//! Static files are cache-busted: versioned links are cached for a year.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_stylesheet_link_is_versioned_and_cached_for_long() {
    let app = spawn_app().await;
    let (_, page) = app.get_page("/").await;
    let start = page
        .find("/static/css/app.css?v=")
        .expect("a versioned stylesheet link");
    let href = &page[start
        ..page[start..]
            .find('"')
            .map(|end| start + end)
            .expect("closing quote")];

    let response = app.get(href).await;

    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/css; charset=utf-8"
    );
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .expect("ascii")
            .contains("immutable")
    );
    let css = response.text().await.expect("body");
    assert!(
        css.contains("margin-inline"),
        "the stylesheet uses logical properties"
    );
    assert!(
        !css.contains("margin-left") && !css.contains("padding-right"),
        "no physical left/right spacing"
    );
}

#[tokio::test]
async fn an_old_version_is_revalidated_and_an_unknown_file_is_404() {
    let app = spawn_app().await;

    let old = app.get("/static/css/app.css?v=000000000000").await;
    assert_eq!(old.status().as_u16(), 200);
    assert!(
        !old.headers()["cache-control"]
            .to_str()
            .expect("ascii")
            .contains("immutable")
    );

    assert_eq!(app.get("/static/css/nope.css").await.status().as_u16(), 404);
    assert_eq!(
        app.get("/static/../Cargo.toml").await.status().as_u16(),
        404
    );
}
