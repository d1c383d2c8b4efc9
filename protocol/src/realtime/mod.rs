//! The realtime WebSocket protocol: one JSON event per text frame, tagged on `type`.
//!
//! [`v1`] is the "quicksilver" dialect, [`v2`] the GA Realtime API. Types whose wire form is the
//! same in both are defined once, here, and re-exported by both. [`Event`] is the
//! version-independent view of the server events of both ([`normalized`]); [`outbound`] builds
//! the client event of each intent in either variant.

pub mod normalized;
pub mod outbound;
pub mod v1;
pub mod v2;

mod shared;

pub use normalized::Event;
pub use shared::{ErrorEvent, ErrorPayload, ErrorType, Frame, InputAudioBufferAppend, RealtimeError};

/// Implements [`crate::registry::Union`] for a realtime event enum that already implements
/// [`crate::open_union::OpenUnion`].
#[macro_export]
#[doc(hidden)]
macro_rules! impl_realtime_union {
    ($ty:ident, $version:ident, $direction:ident, $module:literal, $aliases:expr) => {
        impl $crate::registry::Union for $ty {
            const NAME: &'static str = stringify!($ty);
            const SURFACE: $crate::registry::Surface = $crate::registry::Surface::Realtime;
            const VERSION: Option<$crate::registry::Version> = Some($crate::registry::Version::$version);
            const DIRECTION: $crate::registry::Direction = $crate::registry::Direction::$direction;
            const TAG: &'static str = "type";
            const MODULE: &'static str = $module;
            fn messages() -> Vec<$crate::registry::Message> {
                $crate::registry::realtime_events::<Self>($aliases)
            }
            fn is_unknown(&self) -> bool {
                matches!(self, $ty::Unknown(_))
            }
            #[cfg(feature = "schema")]
            fn schema(generator: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                <Self as ::schemars::JsonSchema>::json_schema(generator)
            }
            #[cfg(feature = "ts")]
            fn ts_files(config: &::ts_rs::Config) -> Vec<(std::path::PathBuf, String)> {
                $crate::typescript::collect::<Self>(config)
            }
        }
    };
}
