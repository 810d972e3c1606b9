//! The preview's door: every request passes here first. Only requests addressed to the
//! loopback address the preview listens on get in (a web page whose own host name was
//! pointed at 127.0.0.1 — DNS rebinding — is refused on its `Host`), a request that says
//! it comes from another page (`Origin`) must come from the preview's own, only reading
//! methods are served, and every answer carries headers that keep other sites from
//! framing, embedding or sniffing it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Who may come in: requests for the loopback address on the preview's port.
#[derive(Debug, Clone, Copy)]
pub struct Door {
    port: u16,
}

/// Why a request was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not GET or HEAD.
    Method,
    /// No `Host`, or one that is not the preview's own address.
    Host,
    /// An `Origin` that is not the preview's own.
    Origin,
    /// Loaded into another site's page (an image, a script, a fetch).
    CrossSite,
}

impl Refusal {
    /// The status and the one-line explanation the refused request gets.
    fn answer(self) -> (StatusCode, &'static str) {
        match self {
            Refusal::Method => (
                StatusCode::METHOD_NOT_ALLOWED,
                "Forhåndsvisningen kan kun læses (GET), ikke ændres.",
            ),
            Refusal::Host => (
                StatusCode::MISDIRECTED_REQUEST,
                "Afvist: forhåndsvisningen svarer kun på adressen 127.0.0.1, localhost eller [::1] med sin egen port.",
            ),
            Refusal::Origin => (
                StatusCode::FORBIDDEN,
                "Afvist: forespørgslen kommer fra en anden side end forhåndsvisningen selv.",
            ),
            Refusal::CrossSite => (
                StatusCode::FORBIDDEN,
                "Afvist: forhåndsvisningen kan ikke indlejres i andre websteder.",
            ),
        }
    }
}

/// The names the loopback address goes by in a `Host` header.
const LOOPBACK_NAMES: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

impl Door {
    /// The door of a preview listening on `port`.
    pub fn new(port: u16) -> Self {
        Self { port }
    }

    /// Whether a `Host` value names this preview: a loopback name with its port (without
    /// one only on port 80, as browsers leave the default port out).
    pub fn admits_host(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = match host.rsplit_once(':') {
            // `[::1]` alone has colons inside the brackets, but no port after them.
            Some((name, port)) if !port.contains(']') => (name, port.parse::<u16>().ok()),
            _ => (host.as_str(), Some(80)),
        };
        let name = name.strip_suffix('.').unwrap_or(name);
        port == Some(self.port) && LOOPBACK_NAMES.contains(&name)
    }

    /// Whether an `Origin` value is the preview's own (`http://` and an admitted host).
    pub fn admits_origin(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .is_some_and(|host| !host.contains('/') && self.admits_host(host))
    }

    /// Why a request with this method and these headers is refused, if it is.
    pub fn refusal(&self, request: &Request) -> Option<Refusal> {
        let (method, headers) = (request.method(), request.headers());
        // A request line in absolute form (`GET http://host/ HTTP/1.1`) names a host too.
        if request
            .uri()
            .authority()
            .is_some_and(|a| !self.admits_host(a.as_str()))
        {
            return Some(Refusal::Host);
        }
        let text = |name: HeaderName| {
            headers
                .get(name)
                .map(|v| v.to_str().unwrap_or("\u{FFFD}").to_string())
        };
        if !text(header::HOST).is_some_and(|h| self.admits_host(&h)) {
            return Some(Refusal::Host);
        }
        if text(header::ORIGIN).is_some_and(|o| !self.admits_origin(&o)) {
            return Some(Refusal::Origin);
        }
        // Browsers say where a request comes from even without an Origin (an image or a
        // script another site's page loads); only the reader's own navigation may come
        // from elsewhere (a link to the preview in a mail, say).
        let site = text(HeaderName::from_static("sec-fetch-site"));
        let mode = text(HeaderName::from_static("sec-fetch-mode"));
        if site.as_deref() == Some("cross-site") && mode.as_deref() != Some("navigate") {
            return Some(Refusal::CrossSite);
        }
        if method != Method::GET && method != Method::HEAD {
            return Some(Refusal::Method);
        }
        None
    }
}

/// The middleware: refuses what the door does not admit, and puts the security headers on
/// every answer, refusals included.
pub async fn guard(State(door): State<Door>, request: Request, next: Next) -> Response {
    let mut response = match door.refusal(&request) {
        Some(refusal) => refused(refusal),
        None => next.run(request).await,
    };
    secure(&mut response);
    response
}

fn refused(refusal: Refusal) -> Response {
    let (status, text) = refusal.answer();
    let mut response = (status, Body::from(format!("{text}\n"))).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    if refusal == Refusal::Method {
        headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    response
}

/// The policy of the preview's own pages: their script, style, pictures and events come
/// from the preview and nowhere else; no other page may frame them.
pub const PAGE_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The policy of a page picture (SVG, opened on its own or as an image): no script at
/// all; the styles and embedded pictures Typst writes inside it.
pub const PICTURE_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'none'";

/// Adds the security headers every answer carries.
fn secure(response: &mut Response) {
    let picture = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"image/svg+xml"));
    let headers = response.headers_mut();
    let policy = if picture { PICTURE_POLICY } else { PAGE_POLICY };
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(policy),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, target: &str, pairs: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().method(method).uri(target);
        for (name, value) in pairs {
            builder = builder.header(*name, *value);
        }
        builder.body(Body::empty()).unwrap()
    }

    fn get(pairs: &[(&str, &str)]) -> Request {
        request(Method::GET, "/", pairs)
    }

    #[test]
    fn the_loopback_names_with_the_port_are_admitted_and_nothing_else() {
        let door = Door::new(8123);
        for host in [
            "127.0.0.1:8123",
            "localhost:8123",
            "LOCALHOST:8123",
            "localhost.:8123",
            "[::1]:8123",
        ] {
            assert!(door.admits_host(host), "{host}");
        }
        for host in [
            "evil.example.com:8123",
            "127.0.0.1:8124",
            "127.0.0.1",
            "localhost",
            "127.0.0.2:8123",
            "localhost.evil.com:8123",
            "127.0.0.1.nip.io:8123",
            "[::1]",
            "",
            ":8123",
            "127.0.0.1:8123:8123",
            "user@127.0.0.1:8123",
        ] {
            assert!(!door.admits_host(host), "{host}");
        }
        // Browsers leave port 80 out of the Host header.
        let door = Door::new(80);
        assert!(door.admits_host("localhost") && door.admits_host("[::1]"));
        assert!(!door.admits_host("evil.example.com"));
    }

    #[test]
    fn an_origin_must_be_the_previews_own() {
        let door = Door::new(8123);
        assert!(door.admits_origin("http://127.0.0.1:8123"));
        assert!(door.admits_origin("http://localhost:8123"));
        for origin in [
            "null",
            "http://127.0.0.1:9000",
            "https://127.0.0.1:8123",
            "http://evil.example.com:8123",
            "http://127.0.0.1:8123/x",
            "",
        ] {
            assert!(!door.admits_origin(origin), "{origin}");
        }
    }

    #[test]
    fn refusals_name_their_reason_in_order() {
        let door = Door::new(8123);
        let own = ("host", "127.0.0.1:8123");
        assert_eq!(door.refusal(&get(&[])), Some(Refusal::Host));
        assert_eq!(
            door.refusal(&get(&[("host", "evil.example.com:8123")])),
            Some(Refusal::Host)
        );
        assert_eq!(
            door.refusal(&request(
                Method::GET,
                "http://evil.example.com:8123/",
                &[own]
            )),
            Some(Refusal::Host),
            "a request line in absolute form"
        );
        assert_eq!(
            door.refusal(&get(&[own, ("origin", "http://127.0.0.1:9")])),
            Some(Refusal::Origin)
        );
        assert_eq!(
            door.refusal(&get(&[
                own,
                ("sec-fetch-site", "cross-site"),
                ("sec-fetch-mode", "no-cors")
            ])),
            Some(Refusal::CrossSite)
        );
        assert_eq!(
            door.refusal(&get(&[
                own,
                ("sec-fetch-site", "cross-site"),
                ("sec-fetch-mode", "navigate")
            ])),
            None,
            "a link from elsewhere opens the preview"
        );
        assert_eq!(
            door.refusal(&request(Method::POST, "/", &[own])),
            Some(Refusal::Method)
        );
        assert_eq!(
            door.refusal(&get(&[
                ("host", "localhost:8123"),
                ("origin", "http://localhost:8123")
            ])),
            None
        );
    }
}
