//! The v1 namespace of the app-server: camelCase method names, and the
//! shared handshake.

mod auth;
mod initialize;

pub use auth::{
    AuthMode, AuthStatusChange, AuthStatusChangeNotification, GetAuthStatus, GetAuthStatusParams,
    GetAuthStatusResponse, LoginApiKey, LoginApiKeyParams, LoginApiKeyResponse,
};
pub use initialize::{
    ClientInfo, Initialize, InitializeCapabilities, InitializeParams, InitializeResponse,
    Initialized, PlatformFamily, PlatformOs,
};
