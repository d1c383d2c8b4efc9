//! `notifications!`: declares a notification enum of one union (one variant per method and an
//! `Unknown` catch-all), the list of its method specs and its variant visit. The caller's
//! scope provides `Notify`, `Notification`, `MethodSpec`, `MethodVariant`, `VariantVisitor`,
//! `Serialize` and `Value`.

/// Declares a notification enum with an `Unknown` catch-all, the list of its specs and the
/// function that visits its methods.
macro_rules! notifications {
    ($(#[$doc:meta])* $name:ident, $specs:ident, $visit:ident, { $($variant:ident($ty:ty)),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("A notification of [`", stringify!($ty), "`].")]
                $variant(Notify<$ty>),
            )*
            /// A notification whose method this crate does not know, kept verbatim.
            Unknown(Value),
        }

        $(
            impl From<Notify<$ty>> for $name {
                fn from(notify: Notify<$ty>) -> Self {
                    Self::$variant(notify)
                }
            }
        )*

        impl $name {
            /// The notification's `method` (`None` for [`Self::Unknown`], whose raw JSON holds
            /// it).
            pub fn method(&self) -> Option<&'static str> {
                match self {
                    $(Self::$variant(_) => Some(<$ty as Notification>::METHOD),)*
                    Self::Unknown(_) => None,
                }
            }

            /// Decodes a buffered notification of `method`; an unknown method is kept verbatim.
            pub(crate) fn from_value<E: serde::de::Error>(method: &str, value: Value) -> Result<Self, E> {
                $(
                    if method == <$ty as Notification>::METHOD {
                        return Notify::from_value(&value).map(Self::$variant);
                    }
                )*
                Ok(Self::Unknown(value))
            }

            /// Decodes the members that follow `"method": method`, streaming `params` (see
            /// [`crate::app_server::stream`]); `None` when the method is not one of this union's
            /// notifications.
            pub(crate) fn from_rest<'de, M: serde::de::MapAccess<'de>>(method: &str, rest: M) -> Option<Result<Self, M::Error>> {
                $(
                    if method == <$ty as Notification>::METHOD {
                        return Some(Notify::from_rest(rest).map(Self::$variant));
                    }
                )*
                None
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(Self::$variant(n) => n.serialize(s),)*
                    Self::Unknown(raw) => raw.serialize(s),
                }
            }
        }

        pub(crate) fn $specs() -> Vec<MethodSpec> {
            vec![$(MethodSpec::notification::<$ty>(),)*]
        }

        /// Calls `visitor` with every notification method, in declaration order.
        pub(crate) fn $visit<V: VariantVisitor>(visitor: &mut V) {
            $(visitor.notification::<$ty>(MethodVariant::of::<<$ty as Notification>::Params>(
                <$ty as Notification>::METHOD,
                stringify!($variant),
            ));)*
        }
    };
}
pub(crate) use notifications;
