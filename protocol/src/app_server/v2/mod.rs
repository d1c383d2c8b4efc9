//! The v2 namespace of the app-server (`app-server.md` §6): slash-separated method names.

mod realtime;

pub use realtime::{
    ThreadRealtimeClosed, ThreadRealtimeClosedNotification, ThreadRealtimeStop, ThreadRealtimeStopParams,
    ThreadRealtimeStopResponse,
};
