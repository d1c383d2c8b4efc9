//! How a client reaches each realtime dialect: endpoint, query parameters and headers. The
//! AsyncAPI documents and the Markdown reference read these facts from here, one entry per
//! dialect (keyed by the union folder, e.g. `realtime/v2`). The v3 facts come from the
//! constants of `rtwire_protocol::realtime::v3::connection`, stated there once.

use rtwire_protocol::realtime::v3::connection as v3;

/// One query parameter or header of the WebSocket handshake.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// Its name on the wire.
    pub name: &'static str,
    /// What it carries and when it is sent.
    pub description: &'static str,
    /// A value as a client sends it.
    pub example: &'static str,
    /// Whether every handshake carries it.
    pub required: bool,
}

/// The connection facts of one realtime dialect.
#[derive(Debug, Clone, Copy)]
pub struct Connection {
    /// The union folder of the dialect (`realtime/v2`).
    pub module: &'static str,
    /// A title for the dialect.
    pub title: &'static str,
    /// The URL scheme (`wss`).
    pub protocol: &'static str,
    /// The host, with port when not the default.
    pub host: &'static str,
    /// The path of the WebSocket endpoint.
    pub path: &'static str,
    /// What the dialect is, in one paragraph.
    pub description: &'static str,
    /// The query parameters of the handshake.
    pub query: &'static [Param],
    /// The headers of the handshake (authorization first).
    pub headers: &'static [Param],
}

const AUTHORIZATION: Param = Param {
    name: "Authorization",
    description: "`Bearer <API key or ephemeral client secret>`.",
    example: "Bearer sk-example",
    required: true,
};

const SESSION_ID: Param = Param {
    name: "x-session-id",
    description: "The realtime session id the Codex client assigns (the caller's realtime session id, else the Codex thread id).",
    example: "0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00",
    required: false,
};

/// The scheme of an absolute `url` (`wss` of `wss://host/path`), evaluated at compile time.
const fn url_scheme(url: &'static str) -> &'static str {
    let (scheme, _) = url.split_at(scheme_end(url));
    scheme
}

/// The host (with port, if any) of an absolute `url` (`host` of `wss://host/path`), evaluated
/// at compile time.
const fn url_host(url: &'static str) -> &'static str {
    let (_, rest) = url.split_at(scheme_end(url) + 3);
    let bytes = rest.as_bytes();
    let mut end = 0;
    while end < bytes.len() && bytes[end] != b'/' {
        end += 1;
    }
    let (host, _) = rest.split_at(end);
    host
}

/// Where the scheme of `url` ends (the index of its `://`); a compile error when there is none.
const fn scheme_end(url: &str) -> usize {
    let bytes = url.as_bytes();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        if bytes[i] == b':' && bytes[i + 1] == b'/' && bytes[i + 2] == b'/' {
            return i;
        }
        i += 1;
    }
    panic!("not an absolute URL")
}

/// The connection facts of every realtime dialect rtwire knows.
pub const CONNECTIONS: &[Connection] = &[
    Connection {
        module: "realtime/v1",
        title: "realtime v1 (quicksilver)",
        protocol: "wss",
        host: "api.openai.com",
        path: "/v1/realtime",
        description: "The older realtime dialect, selected with the query parameter `intent=quicksilver` and the header `openai-alpha: quicksilver=v1`. One JSON object per WebSocket text frame, discriminated by its string member `type`; the client sends `session.update` right after the socket opens. Any close frame or end of stream is a normal end of the conversation.",
        query: &[
            Param {
                name: "intent",
                description: "Always `quicksilver`: selects this dialect.",
                example: "quicksilver",
                required: true,
            },
            Param {
                name: "model",
                description: "The realtime model, sent when one is configured (the Codex client always configures one; its default is `gpt-realtime-1.5`).",
                example: "gpt-realtime-1.5",
                required: false,
            },
            Param {
                name: "call_id",
                description: "Joins an existing WebRTC call as a sideband connection (then no `model`).",
                example: "rtc_test",
                required: false,
            },
        ],
        headers: &[
            AUTHORIZATION,
            Param {
                name: "openai-alpha",
                description: "Always `quicksilver=v1` for this dialect.",
                example: "quicksilver=v1",
                required: true,
            },
            SESSION_ID,
        ],
    },
    Connection {
        module: "realtime/v2",
        title: "realtime v2 (GA)",
        protocol: "wss",
        host: "api.openai.com",
        path: "/v1/realtime",
        description: "The GA Realtime WebSocket API. One JSON object per WebSocket text frame, discriminated by its string member `type`; binary frames are not part of the protocol. The client conventionally sends `session.update` right after the socket opens; the server starts with `session.created`, then `conversation.created`.",
        query: &[
            Param {
                name: "model",
                description: "The model of a conversational session (optional when `session.update` sets it).",
                example: "gpt-realtime",
                required: false,
            },
            Param {
                name: "intent",
                description: "`transcription` for a transcription-only session (paired with `session.type: \"transcription\"`).",
                example: "transcription",
                required: false,
            },
            Param {
                name: "call_id",
                description: "Attaches to an existing WebRTC or SIP call (then no `model`).",
                example: "rtc_test",
                required: false,
            },
        ],
        headers: &[AUTHORIZATION, SESSION_ID],
    },
    Connection {
        module: "realtime/v3",
        title: "realtime v3 (live)",
        protocol: url_scheme(v3::DEFAULT_URL),
        host: url_host(v3::DEFAULT_URL),
        path: v3::ENDPOINT_PATH,
        description: "The frameless realtime dialect on its own endpoint path, selected by the alpha header listed with the handshake headers; it has no `intent` query parameter. One JSON object per WebSocket text frame, discriminated by its string member `type`; the client sends `session.update` right after the socket opens on a new session.",
        query: &[Param {
            name: v3::MODEL_QUERY_PARAMETER,
            description: "The realtime model, sent when one is set (the Codex client always sets one; the example is its default).",
            example: v3::DEFAULT_MODEL,
            required: false,
        }],
        headers: &[
            AUTHORIZATION,
            Param {
                name: v3::OPENAI_ALPHA_HEADER,
                description: "Always the value of the example: it selects this dialect.",
                example: v3::OPENAI_ALPHA_VALUE,
                required: true,
            },
            Param {
                name: v3::REALTIME_SESSION_ID_HEADER,
                ..SESSION_ID
            },
        ],
    },
    Connection {
        module: "realtime/translation",
        title: "realtime translation",
        protocol: "wss",
        host: "api.openai.com",
        path: "/v1/realtime/translations",
        description: "Realtime translation sessions, on their own endpoint with their own event unions. One JSON object per WebSocket text frame, discriminated by its string member `type`.",
        query: &[Param {
            name: "model",
            description: "The translation model; required, and fixed for the session. No `intent` parameter may be sent.",
            example: "model",
            required: true,
        }],
        headers: &[
            Param {
                name: "Authorization",
                description: "`Bearer <API key>` (an ordinary OpenAI API key).",
                example: "Bearer sk-example",
                required: true,
            },
            Param {
                name: "OpenAI-Organization",
                description: "The organization, when the client is configured with one.",
                example: "org-example",
                required: false,
            },
            Param {
                name: "OpenAI-Project",
                description: "The project, when the client is configured with one.",
                example: "proj_example",
                required: false,
            },
        ],
    },
];

/// The connection facts of the dialect whose unions live in `module`, or an error saying where
/// to add them.
pub fn of(module: &str) -> Result<&'static Connection, String> {
    CONNECTIONS.iter().find(|c| c.module == module).ok_or_else(|| {
        format!(
            "the realtime dialect `{module}` has no connection facts: add an entry to CONNECTIONS in codegen/src/connection.rs"
        )
    })
}
