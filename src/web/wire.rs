//! The connection itself, below the HTTP parser: a request the parser
//! refuses still gets a page a person can read.
//!
//! actix-http answers a request whose head it cannot parse before any of the
//! application runs: a bare `400` for a malformed head or a request line of
//! more than 64 KiB (the `http` crate's limit for a URI), a bare `431` for a
//! head of more than 128 KiB, both with `content-length: 0`. [`Guarded`]
//! wraps each accepted connection, watches how long the current request's
//! first line is, and replaces those bare replies with a bilingual page
//! (Arabic first, right to left; English beside it): `414` when the request
//! line was the problem (a shared link pasted twice, a form sent by GET),
//! the translated `400` or `431` otherwise. The connection then closes, as
//! actix closes it. Every reply of the application carries the security
//! headers, so a head without `x-content-type-options` is always the
//! parser's.

use std::io;
use std::pin::Pin;
use std::sync::LazyLock;
use std::task::{Context, Poll, ready};

use actix_web::rt::net::TcpStream;
use askama::Template;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::i18n::Lang;
use crate::web::middleware::MAX_URI_BYTES;

/// A connection whose parse-error replies are pages.
pub struct Guarded<T> {
    io: T,
    /// Bytes of the current request's first line read so far.
    line: usize,
    /// Whether that line has ended (a `\n` was read).
    line_ended: bool,
    /// A replacement reply still being written.
    pending: Vec<u8>,
    written: usize,
}

/// Wraps an accepted TCP connection; the peer's address (for the
/// application's [`crate::web::client`]) travels beside it.
pub fn accept(io: TcpStream) -> (Guarded<TcpStream>, Option<std::net::SocketAddr>) {
    let peer = crate::web::client::tcp_peer(&io);
    (Guarded::new(io), peer)
}

impl<T> Guarded<T> {
    pub fn new(io: T) -> Self {
        Self {
            io,
            line: 0,
            line_ended: false,
            pending: Vec::new(),
            written: 0,
        }
    }

    fn watch(&mut self, read: &[u8]) {
        if self.line_ended {
            return;
        }
        match read.iter().position(|&byte| byte == b'\n') {
            Some(end) => {
                self.line += end;
                self.line_ended = true;
            }
            None => self.line += read.len(),
        }
    }

    /// The status the refused request deserves: `414` when its first line
    /// is longer than the site accepts or never ended.
    fn refused_status(&self, parser_status: u16) -> u16 {
        let line_too_long = self.line > MAX_URI_BYTES || (!self.line_ended && parser_status == 431);
        if line_too_long { 414 } else { parser_status }
    }
}

impl<T: AsyncWrite + Unpin> Guarded<T> {
    /// Writes what is left of a replacement reply.
    fn drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.written < self.pending.len() {
            let n = ready!(Pin::new(&mut self.io).poll_write(cx, &self.pending[self.written..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.written += n;
        }
        self.pending.clear();
        self.written = 0;
        Poll::Ready(Ok(()))
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Guarded<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        ready!(Pin::new(&mut this.io).poll_read(cx, buf))?;
        let read = &buf.filled()[before..];
        this.watch(read);
        Poll::Ready(Ok(()))
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Guarded<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.drain(cx))?;
        if buf.starts_with(b"HTTP/1.") {
            if let Some((version, status, date)) = parser_reply(buf) {
                let status = this.refused_status(status);
                tracing::info!(
                    status,
                    request_line_bytes = this.line,
                    "request refused by the HTTP parser"
                );
                this.pending = reply(version, status, date);
                // The parser's reply counts as written; what replaces it
                // goes out now or from the flush that follows.
                let _ = this.drain(cx)?;
                return Poll::Ready(Ok(buf.len()));
            }
            // A response starts: whatever is read next is a new request.
            this.line = 0;
            this.line_ended = false;
        }
        Pin::new(&mut this.io).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.drain(cx))?;
        Pin::new(&mut this.io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.drain(cx))?;
        Pin::new(&mut this.io).poll_shutdown(cx)
    }
}

/// When `buf` holds the whole head of one of the parser's own replies (a
/// `400` or `431` with no body and none of the application's headers):
/// its HTTP version, its status and its `date` header line.
fn parser_reply(buf: &[u8]) -> Option<(&str, u16, Option<&str>)> {
    let end = buf.windows(4).position(|window| window == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&buf[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let mut status_line = lines.next()?.splitn(3, ' ');
    let version = status_line.next()?;
    let status = match status_line.next()? {
        "400" => 400,
        "431" => 431,
        _ => return None,
    };
    let mut empty = false;
    let mut date = None;
    for line in lines {
        let (name, value) = line.split_once(':')?;
        match name.to_ascii_lowercase().as_str() {
            "content-length" => empty = value.trim() == "0",
            "x-content-type-options" | "content-type" => return None,
            "date" => date = Some(line),
            _ => {}
        }
    }
    empty.then_some((version, status, date))
}

/// A complete reply: `status` with its bilingual page, closing the
/// connection.
fn reply(version: &str, status: u16, date: Option<&str>) -> Vec<u8> {
    let body = page(status);
    let reason = match status {
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        _ => "Bad Request",
    };
    let mut head = format!(
        "{version} {status} {reason}\r\n\
         content-type: text/html; charset=utf-8\r\n\
         content-length: {}\r\n\
         connection: close\r\n\
         cache-control: no-store\r\n\
         x-content-type-options: nosniff\r\n\
         content-security-policy: default-src 'none'; style-src 'self'; img-src 'self'; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'\r\n",
        body.len()
    );
    if let Some(date) = date {
        head.push_str(date);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// One language's part of the page.
struct Texts {
    lang: &'static str,
    dir: &'static str,
    title: String,
    body: String,
    back: String,
    home: &'static str,
}

#[derive(Template)]
#[template(path = "refused.html")]
struct RefusedPage {
    status: u16,
    title: String,
    stylesheet: String,
    texts: Vec<Texts>,
}

/// The page for `status` (400, 414 or 431), rendered once.
fn page(status: u16) -> &'static [u8] {
    static PAGES: LazyLock<[Vec<u8>; 3]> =
        LazyLock::new(|| [render(400), render(414), render(431)]);
    let index = match status {
        414 => 1,
        431 => 2,
        _ => 0,
    };
    &PAGES[index]
}

fn render(status: u16) -> Vec<u8> {
    let texts: Vec<Texts> = Lang::ALL
        .into_iter()
        .map(|lang| Texts {
            lang: lang.code(),
            dir: lang.dir(),
            title: lang.t(&format!("error-{status}-title")),
            body: lang.t(&format!("error-{status}-body")),
            back: lang.t("error-back-home"),
            home: match lang {
                Lang::Ar => "/?lang=ar",
                Lang::En => "/?lang=en",
            },
        })
        .collect();
    let title = format!("{} · {}", texts[0].title, Lang::Ar.t("site-name"));
    let page = RefusedPage {
        status,
        title,
        stylesheet: crate::web::assets::url("css/app.css"),
        texts,
    };
    page.render()
        .unwrap_or_else(|_| texts_fallback(status))
        .into_bytes()
}

/// Never expected (the template has no fallible parts); the status alone.
fn texts_fallback(status: u16) -> String {
    format!("<!doctype html><title>{status}</title>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_parsers_bare_replies_are_replaced() {
        let bare = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\ndate: Fri, 04 Dec 2026 01:00:00 GMT\r\n\r\n";
        assert_eq!(
            parser_reply(bare),
            Some(("HTTP/1.1", 400, Some("date: Fri, 04 Dec 2026 01:00:00 GMT")))
        );
        let app = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nx-content-type-options: nosniff\r\n\r\n";
        assert_eq!(parser_reply(app), None);
        let with_body = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 12\r\n\r\n";
        assert_eq!(parser_reply(with_body), None);
        assert_eq!(
            parser_reply(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"),
            None
        );
        assert_eq!(
            parser_reply(b"HTTP/1.1 400 Bad Request\r\ncontent-len"),
            None
        );
    }

    #[test]
    fn a_long_or_unended_first_line_is_a_414() {
        let mut conn = Guarded::new(());
        conn.watch(&vec![b'a'; MAX_URI_BYTES + 1]);
        assert_eq!(conn.refused_status(400), 414);
        assert_eq!(conn.refused_status(431), 414);

        let mut conn = Guarded::new(());
        conn.watch(b"GET /\x01 HTTP/1.1\r\n");
        conn.watch(&vec![b'h'; 200_000]);
        assert_eq!(conn.refused_status(400), 400);
        assert_eq!(conn.refused_status(431), 431);
    }

    #[test]
    fn the_pages_are_in_both_languages_arabic_first() {
        for status in [400, 414, 431] {
            let page = String::from_utf8(page(status).to_vec()).expect("UTF-8");
            let ar = page
                .find(&Lang::Ar.t(&format!("error-{status}-title")))
                .expect("the Arabic title");
            let en = page
                .find(&Lang::En.t(&format!("error-{status}-title")))
                .expect("the English title");
            assert!(ar < en, "{page}");
            assert!(page.contains(r#"<html lang="ar" dir="rtl">"#));
            assert!(page.contains(r#"lang="en" dir="ltr""#));
        }
    }
}
