//! `/healthz` tells a load balancer whether this instance can serve.

use crate::helpers::spawn_app;

#[tokio::test]
async fn health_is_ok_after_a_database_round_trip() {
    let app = spawn_app().await;

    let response = app.get("/healthz").await;

    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: serde_json::Value = response.json().await.expect("JSON body");
    assert_eq!(body, serde_json::json!({ "status": "ok" }));
}

#[tokio::test]
async fn health_is_503_when_the_database_is_unreachable() {
    let app = spawn_app().await;
    app.take_database_down().await;

    let response = app.get("/healthz").await;

    assert_eq!(response.status().as_u16(), 503);
    let body: serde_json::Value = response.json().await.expect("JSON body");
    assert_eq!(body["status"], "unavailable");
}
