//! What a client needs to open a v3 session, as constants and pure functions: the endpoint,
//! the headers, the query, the WebRTC call-creation request and the sideband join. This crate
//! opens no connection; an HTTP or WebSocket library does, with these values.
//!
//! A new WebSocket session opens `wss://api.openai.com/v1/live?model=<model>` (no `intent`
//! query parameter), sends `session.update` first, and waits for `session.started` or
//! `session.updated` before anything else. A WebRTC call is created over HTTP (see
//! [`CALL_MULTIPART_BOUNDARY`], [`CallCreateRequest`]) and controlled through a sideband
//! WebSocket at `wss://api.openai.com/v1/live/<call id>` ([`sideband_path`]), which sends no
//! `session.update`.

use serde::{Deserialize, Serialize};

use super::session::Session;

/// The default WebSocket URL of a new v3 session (the model is added as the `model` query
/// parameter).
pub const DEFAULT_URL: &str = "wss://api.openai.com/v1/live";

/// The endpoint path of v3: an empty, `/`, `/v1` or `/v1/` base path becomes this path (see
/// [`normalize_path`]).
pub const ENDPOINT_PATH: &str = "/v1/live";

/// The base URL a sideband join starts from (unless the realtime WebSocket base URL is
/// overridden): not the model provider's base URL. Its scheme becomes `wss` and its path is
/// normalized like any v3 path before the call id is appended.
pub const SIDEBAND_BASE_URL: &str = "https://api.openai.com/v1";

/// The query parameter that names the model of a new WebSocket session; it follows the
/// parameters already in the base URL. A sideband join has no `model` parameter.
pub const MODEL_QUERY_PARAMETER: &str = "model";

/// Provider query parameters a v3 client drops: `intent` always (v3 sends no `intent`), and
/// `model` when a model is set (the session's own `model` parameter wins).
pub const DROPPED_PROVIDER_QUERY_PARAMETERS: [&str; 2] = ["intent", MODEL_QUERY_PARAMETER];

/// The model the Codex client uses when neither the caller nor the server configuration names
/// one.
pub const DEFAULT_MODEL: &str = "gpt-live-1-boulder-alpha";

/// The header that selects the dialect: always sent with [`OPENAI_ALPHA_VALUE`].
pub const OPENAI_ALPHA_HEADER: &str = "openai-alpha";

/// The value of [`OPENAI_ALPHA_HEADER`] for v3 (v1 sends `quicksilver=v1`).
pub const OPENAI_ALPHA_VALUE: &str = "quicksilver=v2";

/// The header carrying the realtime session id: the caller's realtime session id, else the
/// Codex thread id; absent on an existing call without one.
pub const REALTIME_SESSION_ID_HEADER: &str = "x-session-id";

/// The header carrying the Codex session id.
pub const SESSION_ID_HEADER: &str = "session-id";

/// The header carrying the Codex thread id.
pub const THREAD_ID_HEADER: &str = "thread-id";

/// The header carrying the client's originator name.
pub const ORIGINATOR_HEADER: &str = "originator";

/// Every header name a v3 client sends besides `Authorization: Bearer <key>` and
/// `User-Agent`, in the order listed here.
pub const HEADERS: [&str; 5] = [
    OPENAI_ALPHA_HEADER,
    REALTIME_SESSION_ID_HEADER,
    SESSION_ID_HEADER,
    THREAD_ID_HEADER,
    ORIGINATOR_HEADER,
];

/// The WebSocket close status of a normal end. Any other status, a close frame without status,
/// or a stream that ends without a close frame is a transport error in v3.
pub const NORMAL_CLOSE_STATUS: u16 = 1000;

/// The error a client reports for a binary WebSocket frame (v3 events are text frames only).
pub const BINARY_FRAME_ERROR: &str = "unexpected binary realtime websocket event";

/// The `Content-Type` boundary of a WebRTC call-creation request to an API provider
/// (`POST <base>/live`, no query): `multipart/form-data` with the part [`CALL_SDP_PART`]
/// (`application/sdp`, the SDP offer) then the part [`CALL_SESSION_PART`] (`application/json`,
/// the [`Session`] with `model` set, never `id`). The response body is the SDP answer as UTF-8
/// text; the call id comes from its `Location` header ([`call_id_from_location`]).
pub const CALL_MULTIPART_BOUNDARY: &str = "codex-realtime-call-boundary";

/// The name of the multipart part holding the SDP offer (`Content-Type: application/sdp`).
pub const CALL_SDP_PART: &str = "sdp";

/// The name of the multipart part holding the session (`Content-Type: application/json`).
pub const CALL_SESSION_PART: &str = "session";

/// The path, relative to an API provider's base URL, of the call-creation request.
pub const CALL_PATH: &str = "/live";

/// The path and query, relative to a ChatGPT backend base URL (one containing
/// `/backend-api`), of the call-creation request, whose JSON body is a [`CallCreateRequest`].
pub const CHATGPT_CALL_PATH_AND_QUERY: &str =
    "/realtime/calls?intent=quicksilver&architecture=avas";

/// The JSON body of a WebRTC call creation through the ChatGPT backend:
/// `{"sdp": "<offer>", "session": {…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallCreateRequest {
    /// The client's SDP offer.
    pub sdp: String,
    /// The session configuration, with `model` set and no `id`.
    pub session: Session,
}

/// Normalizes the path of a v3 base URL: an empty, `/`, `/v1` or `/v1/` path becomes
/// `/v1/live`; a path ending in a `/realtime` segment (after removing one trailing `/`) has
/// that segment replaced by `/live`; a path ending in `/live/` loses its trailing `/`; any other
/// path is kept.
pub fn normalize_path(path: &str) -> String {
    if matches!(path, "" | "/" | "/v1" | "/v1/") {
        return ENDPOINT_PATH.to_owned();
    }
    let trimmed = path.strip_suffix('/').unwrap_or(path);
    if let Some(base) = trimmed.strip_suffix("/realtime") {
        return format!("{base}/live");
    }
    if path.ends_with("/live/") {
        return trimmed.to_owned();
    }
    path.to_owned()
}

/// A call id that cannot name a sideband path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidCallId(pub String);

impl std::fmt::Display for InvalidCallId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid realtime call id: {}", self.0)
    }
}

impl std::error::Error for InvalidCallId {}

/// The sideband path of the call `call_id` under the (already normalized) path `base_path`:
/// the call id appended as one percent-encoded path segment (every byte but ASCII letters,
/// digits, `-`, `.`, `_` and `~` is encoded, so `../../admin` becomes `..%2F..%2Fadmin`).
/// The ids `.` and `..` are refused.
pub fn sideband_path(base_path: &str, call_id: &str) -> Result<String, InvalidCallId> {
    if matches!(call_id, "." | "..") {
        return Err(InvalidCallId(call_id.to_owned()));
    }
    let mut path = base_path.strip_suffix('/').unwrap_or(base_path).to_owned();
    path.push('/');
    for byte in call_id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            path.push(char::from(byte));
        } else {
            path.push_str(&format!("%{byte:02X}"));
        }
    }
    Ok(path)
}

/// Why a call-creation response names no call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallIdError {
    /// The response has no `Location` header.
    MissingLocation,
    /// No segment of the `Location` path is a call id (the location is kept).
    NoCallId(String),
}

impl std::fmt::Display for CallIdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallIdError::MissingLocation => write!(f, "realtime call response missing Location"),
            CallIdError::NoCallId(location) => {
                write!(
                    f,
                    "realtime call Location does not contain a call id: {location}"
                )
            }
        }
    }
}

impl std::error::Error for CallIdError {}

/// The call id of a call-creation response, from its `Location` header (`None`: the header is
/// missing): the query is stripped, and the last path segment that starts with `rtc_` and is
/// longer than 4 characters, or is a 36-character UUID (`8-4-4-4-12` hexadecimal digits), is
/// the call id (`/v1/live/rtc_frameless` gives `rtc_frameless`).
pub fn call_id_from_location(location: Option<&str>) -> Result<&str, CallIdError> {
    let location = location.ok_or(CallIdError::MissingLocation)?;
    let path = location.split(['?', '#']).next().unwrap_or_default();
    path.rsplit('/')
        .find(|segment| {
            (segment.starts_with("rtc_") && segment.chars().count() > 4) || is_uuid(segment)
        })
        .ok_or_else(|| CallIdError::NoCallId(location.to_owned()))
}

fn is_uuid(segment: &str) -> bool {
    let groups: Vec<&str> = segment.split('-').collect();
    segment.len() == 36
        && groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
}
