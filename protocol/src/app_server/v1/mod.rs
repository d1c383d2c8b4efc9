//! The v1 namespace of the app-server (`app-server.md` §5): camelCase method names.

mod auth;

pub use auth::{AuthMode, AuthStatusChange, AuthStatusChangeNotification, LoginApiKey, LoginApiKeyParams, LoginApiKeyResponse};
