//! Input views: how a params type with a renamed member is declared once for all three views.
//!
//! When a member was renamed upstream, decoders accept its older name as an alias, the
//! canonical name wins when both are present, and encoders emit only the canonical name. serde's
//! `alias` cannot do that (both names would be a duplicate-field error), and neither schemars
//! nor ts-rs reads it. So such a type `T` has a private input view `TIn`, declared next to it:
//! the same members plus the alias, each documented. Then
//!
//! * serde decodes `TIn` and converts it (`#[serde(from = "TIn")]` on `T`; the `From` impl is
//!   where the canonical member wins);
//! * the JSON Schema of `T` is that of `TIn` (schemars follows `from` for decoding);
//! * the TypeScript type of `T` is that of `TIn` ([`ts_as_input_view`]), so a client may
//!   still write the alias and the compiler agrees with the decoder and the schema;
//! * encoding is derived from `T`: the alias cannot be emitted.
//!
//! The alias is written once, as a member of `TIn`.

/// Implements `ts_rs::TS` for `$public` as the TypeScript type of its input view `$input`
/// (whose `ts(rename)` and `ts(export_to)` give the name and the file). ts-rs's own `ts(as)`
/// cannot be used on a type that also has serde's `rename_all`.
macro_rules! ts_as_input_view {
    ($public:ty => $input:ty) => {
        #[cfg(feature = "ts")]
        impl ts_rs::TS for $public {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                <$input as ts_rs::TS>::docs()
            }
            fn ident(cfg: &ts_rs::Config) -> String {
                <$input as ts_rs::TS>::ident(cfg)
            }
            fn decl(cfg: &ts_rs::Config) -> String {
                <$input as ts_rs::TS>::decl(cfg)
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                <$input as ts_rs::TS>::decl_concrete(cfg)
            }
            fn name(cfg: &ts_rs::Config) -> String {
                <$input as ts_rs::TS>::name(cfg)
            }
            fn inline(cfg: &ts_rs::Config) -> String {
                <$input as ts_rs::TS>::inline(cfg)
            }
            fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor) {
                <$input as ts_rs::TS>::visit_dependencies(v)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                <$input as ts_rs::TS>::output_path()
            }
        }
    };
}

pub(crate) use ts_as_input_view;
