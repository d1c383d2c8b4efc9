//! The borrowed path's promise, as the workspace tests and the decode fuzz target check it:
//! `decode_borrowed` gives the same message (or the same error) as the union's own `decode`,
//! and serde's decoder of the view the same as serde's decoder of the union.

use rtwire_protocol::app_server::{ClientMessage, ServerMessage, ServerMessageRef};
use rtwire_protocol::realtime::{translation, v1, v2, v3};
use rtwire_protocol::registry::{Direction, Surface, Version};
use serde_json::Value;

/// An owned union and its borrowed view, as the tests compare them.
pub trait Pair: Sized + PartialEq + std::fmt::Debug + serde::Serialize {
    /// The union's name.
    const NAME: &'static str;
    /// The owned decoder's outcome.
    fn owned(text: &str) -> Result<Self, String>;
    /// `decode_borrowed`: the view's encoding and the view converted to the owned union.
    fn borrowed(text: &str) -> Result<(Value, Self), String>;
    /// serde's outcome for the owned union and for the view (converted); `None` when the view
    /// has no serde decoder.
    fn serde(text: &str) -> Option<(Result<Self, String>, Result<Self, String>)>;
}

macro_rules! realtime_pair {
    ($($owned:ty => $view:ty,)*) => {$(
        impl Pair for $owned {
            const NAME: &'static str = stringify!($owned);
            fn owned(text: &str) -> Result<Self, String> {
                <$owned>::decode(text).map_err(|e| e.to_string())
            }
            fn borrowed(text: &str) -> Result<(Value, Self), String> {
                <$owned>::decode_borrowed(text)
                    .map(|v| (serde_json::to_value(&v).unwrap(), v.into_owned()))
                    .map_err(|e| e.to_string())
            }
            fn serde(text: &str) -> Option<(Result<Self, String>, Result<Self, String>)> {
                let owned = serde_json::from_str::<$owned>(text).map_err(|e| e.to_string());
                let view = serde_json::from_str::<$view>(text)
                    .map(|v| v.into_owned())
                    .map_err(|e| e.to_string());
                Some((owned, view))
            }
        }
    )*};
}

realtime_pair! {
    v2::ServerEvent => v2::ServerEventRef<'_>,
    v2::ClientEvent => v2::ClientEventRef<'_>,
    v1::ServerEvent => v1::ServerEventRef<'_>,
    v1::ClientEvent => v1::ClientEventRef<'_>,
    v3::ServerEvent => v3::ServerEventRef<'_>,
    v3::ClientEvent => v3::ClientEventRef<'_>,
    translation::ServerEvent => translation::ServerEventRef<'_>,
    translation::ClientEvent => translation::ClientEventRef<'_>,
}

impl Pair for ServerMessage {
    const NAME: &'static str = "app_server::ServerMessage";
    fn owned(text: &str) -> Result<Self, String> {
        ServerMessage::decode(text).map_err(|e| format!("{e:?}"))
    }
    fn borrowed(text: &str) -> Result<(Value, Self), String> {
        ServerMessage::decode_borrowed(text)
            .map(|v| (serde_json::to_value(&v).unwrap(), v.into_owned()))
            .map_err(|e| format!("{e:?}"))
    }
    fn serde(text: &str) -> Option<(Result<Self, String>, Result<Self, String>)> {
        let owned = serde_json::from_str::<ServerMessage>(text).map_err(|e| e.to_string());
        let view = serde_json::from_str::<ServerMessageRef<'_>>(text)
            .map(ServerMessageRef::into_owned)
            .map_err(|e| e.to_string());
        Some((owned, view))
    }
}

impl Pair for ClientMessage {
    const NAME: &'static str = "app_server::ClientMessage";
    fn owned(text: &str) -> Result<Self, String> {
        ClientMessage::decode(text).map_err(|e| format!("{e:?}"))
    }
    fn borrowed(text: &str) -> Result<(Value, Self), String> {
        ClientMessage::decode_borrowed(text)
            .map(|v| (serde_json::to_value(&v).unwrap(), v.into_owned()))
            .map_err(|e| format!("{e:?}"))
    }
    fn serde(_: &str) -> Option<(Result<Self, String>, Result<Self, String>)> {
        None
    }
}

/// The owned and borrowed decoders of `P` agree on `text`: the same message (the view
/// converted back, and both encodings as whole JSON values) or the same error; through serde
/// too.
pub fn agree<P: Pair>(text: &str) -> Result<(), String> {
    match (P::owned(text), P::borrowed(text)) {
        (Ok(owned), Ok((view_json, view_owned))) => {
            let owned_json = serde_json::to_value(&owned).unwrap();
            if view_owned != owned || view_json != owned_json {
                return Err(format!(
                    "{}: the view differs: owned {owned_json}, view {view_json}",
                    P::NAME
                ));
            }
        }
        (Err(a), Err(b)) if a == b => {}
        (owned, view) => {
            return Err(format!(
                "{}: owned {:?}, borrowed {:?}",
                P::NAME,
                owned.map(|o| serde_json::to_value(o).unwrap()),
                view.map(|v| v.0)
            ));
        }
    }
    match P::serde(text) {
        Some((Ok(a), Ok(b))) if a == b => Ok(()),
        Some((Err(a), Err(b))) if a == b => Ok(()),
        None => Ok(()),
        Some((a, b)) => Err(format!(
            "{}: serde decoders differ: owned {a:?}, view {b:?}",
            P::NAME
        )),
    }
}

/// Every union's owned and borrowed decoders on `text`; every disagreement.
pub fn all_agree(text: &str) -> Vec<String> {
    [
        agree::<v2::ServerEvent>(text),
        agree::<v2::ClientEvent>(text),
        agree::<v1::ServerEvent>(text),
        agree::<v1::ClientEvent>(text),
        agree::<v3::ServerEvent>(text),
        agree::<v3::ClientEvent>(text),
        agree::<translation::ServerEvent>(text),
        agree::<translation::ClientEvent>(text),
        agree::<ServerMessage>(text),
        agree::<ClientMessage>(text),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect()
}

/// The pair check of the union with this registry entry.
pub fn pair_of(
    surface: Surface,
    version: Option<Version>,
    direction: Direction,
) -> fn(&str) -> Result<(), String> {
    use Direction::{ClientToServer as C, ServerToClient as S};
    match (surface, version, direction) {
        (Surface::Realtime, Some(Version::V2), S) => agree::<v2::ServerEvent>,
        (Surface::Realtime, Some(Version::V2), C) => agree::<v2::ClientEvent>,
        (Surface::Realtime, Some(Version::V1), S) => agree::<v1::ServerEvent>,
        (Surface::Realtime, Some(Version::V1), C) => agree::<v1::ClientEvent>,
        (Surface::Realtime, Some(Version::V3), S) => agree::<v3::ServerEvent>,
        (Surface::Realtime, Some(Version::V3), C) => agree::<v3::ClientEvent>,
        (Surface::Realtime, Some(Version::Translation), S) => agree::<translation::ServerEvent>,
        (Surface::Realtime, Some(Version::Translation), C) => agree::<translation::ClientEvent>,
        (Surface::AppServer, _, S) => agree::<ServerMessage>,
        (Surface::AppServer, _, C) => agree::<ClientMessage>,
        other => panic!("no borrowed view for {other:?}: add it to this table"),
    }
}
