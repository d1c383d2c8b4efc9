//! One-pass decoding of app-server messages whose first member is `method`.
//!
//! Buffering a whole message into a `serde_json::Value` before looking at its `method` copies
//! every string of it (the audio of `thread/realtime/outputAudio/delta` included) and then
//! decodes the params from the copy. Notifications put `method` first, so [`deserialize`] reads
//! the first member and, when it is the `method` of one of the union's notifications, streams
//! the rest of the object into that notification's params type ([`Notify::from_rest`]): the
//! same outcome, in one pass. Any other message (a request or an answer, whose `id` comes
//! first, an unknown method, a `method` that is not first) is buffered and decoded by the
//! union's `decode_value`, as before.
//!
//! [`Notify::from_rest`]: crate::app_server::Notify

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
use std::fmt;
use std::marker::PhantomData;

use crate::app_server::decode_error::{self, RpcDecodeError};
use crate::app_server::jsonrpc::{Notification, Notify, has_params, params_from_value};
use crate::tagged::Key;

/// What [`deserialize`] needs of an app-server union.
pub(crate) trait Message<'de>: Sized {
    /// Decodes the members after `"method": method` when `method` names one of the union's
    /// notifications; `None` otherwise (nothing of `rest` is read then).
    fn notification_from_rest<M: MapAccess<'de>>(
        method: &str,
        rest: M,
    ) -> Option<Result<Self, M::Error>>;

    /// Decodes a buffered message.
    fn decode_value(value: Value) -> Result<Self, RpcDecodeError>;
}

/// The `Deserialize` body of an app-server union.
pub(crate) fn deserialize<'de, T: Message<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    crate::strict::Strict(deserializer).deserialize_any(MessageVisitor::<T>(PhantomData))
}

struct MessageVisitor<T>(PhantomData<T>);

impl<'de, T: Message<'de>> MessageVisitor<T> {
    /// Decodes a buffered message, with its error as a serde error.
    fn buffered<E: de::Error>(value: Value) -> Result<T, E> {
        T::decode_value(value).map_err(decode_error::to_serde)
    }
}

impl<'de, T: Message<'de>> Visitor<'de> for MessageVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON-RPC message")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<T, M::Error> {
        let mut object = Map::new();
        if let Some(first) = map.next_key::<Key<'de>>()? {
            let value: Value = map.next_value()?;
            if first.0 == "method" {
                if let Value::String(method) = &value {
                    if let Some(message) = T::notification_from_rest(method, &mut map) {
                        return message;
                    }
                }
            }
            object.insert(first.0.into_owned(), value);
        }
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            object.insert(key, value);
        }
        Self::buffered(Value::Object(object))
    }

    // Anything but an object is rejected by the buffered decoder, with its own error.
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        Self::buffered(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Self::buffered(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Self::buffered(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Self::buffered(Value::from(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Self::buffered(Value::from(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Self::buffered(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        Self::buffered(Value::Null)
    }
    fn visit_seq<S: SeqAccess<'de>>(self, seq: S) -> Result<T, S::Error> {
        Self::buffered(Value::deserialize(de::value::SeqAccessDeserializer::new(
            seq,
        ))?)
    }
}

impl<N: Notification> Notify<N> {
    /// Decodes the members that follow `"method": N::METHOD` (see
    /// this module), streaming `params` into its type: the same outcome as
    /// [`Self::from_value`] on the whole message. An `id` makes the message a request of a
    /// notification method: the error [`ClientMessage::decode`](super::ClientMessage::decode)
    /// and [`ServerMessage::decode`](super::ServerMessage::decode) give it. A repeated member
    /// never reaches this loop: the strict map it reads from refuses it.
    pub(crate) fn from_rest<'de, M: serde::de::MapAccess<'de>>(rest: M) -> Result<Self, M::Error> {
        params_from_rest::<N, N::Params, M>(rest).map(|params| Notify { params })
    }
}

/// Decodes the members that follow `"method": N::METHOD` as [`Notify::from_rest`] does, with
/// the params decoded as `P`: `N::Params` itself, or a view of it that borrows from the input
/// (an absent `params` is decoded as `N::Params` and converted).
pub(crate) fn params_from_rest<'de, N, P, M>(mut rest: M) -> Result<P, M::Error>
where
    N: Notification,
    P: Deserialize<'de> + From<N::Params>,
    M: serde::de::MapAccess<'de>,
{
    use serde::de::{Error as _, IgnoredAny};
    let mut params = None;
    while let Some(key) = rest.next_key::<crate::tagged::Key<'de>>()? {
        match key.0.as_ref() {
            "params" if has_params::<N::Params>() => params = Some(rest.next_value::<P>()?),
            "id" => {
                let id: Value = rest.next_value()?;
                let error = match decode_error::id_of_value(&id) {
                    Ok(id) => decode_error::method_not_found(id, N::METHOD),
                    Err(error) => error,
                };
                return Err(decode_error::to_serde(error));
            }
            "method" => return Err(M::Error::duplicate_field("method")),
            _ => {
                rest.next_value::<IgnoredAny>()?;
            }
        }
    }
    match params {
        Some(params) => Ok(params),
        // What the buffered decoder does with a message without `params`.
        None => params_from_value::<N::Params, M::Error>(&Value::Object(Default::default()))
            .map(P::from),
    }
}
