//! The v2 namespace of the app-server (`app-server.md` §6): slash-separated method names.

mod account;
mod realtime;
mod realtime_notifications;
mod thread;

pub use account::{
    AccountLoginCompleted, AccountLoginCompletedNotification, AccountUpdated,
    AccountUpdatedNotification, LoginAccount, LoginAccountParams, LoginAccountResponse,
};
pub use realtime::{
    ConversationTextRole, RealtimeOutputModality, RealtimeVoice, RealtimeVoicesList,
    ThreadRealtimeAppendAudio, ThreadRealtimeAppendAudioParams, ThreadRealtimeAppendAudioResponse,
    ThreadRealtimeAppendSpeech, ThreadRealtimeAppendSpeechParams,
    ThreadRealtimeAppendSpeechResponse, ThreadRealtimeAppendText, ThreadRealtimeAppendTextParams,
    ThreadRealtimeAppendTextResponse, ThreadRealtimeAudioChunk, ThreadRealtimeListVoices,
    ThreadRealtimeListVoicesParams, ThreadRealtimeListVoicesResponse, ThreadRealtimeStart,
    ThreadRealtimeStartParams, ThreadRealtimeStartResponse, ThreadRealtimeStartTransport,
    ThreadRealtimeStop, ThreadRealtimeStopParams, ThreadRealtimeStopResponse,
};
pub use realtime_notifications::{
    RealtimeCloseReason, RealtimeConversationVersion, ThreadRealtimeClosed,
    ThreadRealtimeClosedNotification, ThreadRealtimeError, ThreadRealtimeErrorNotification,
    ThreadRealtimeItemAdded, ThreadRealtimeItemAddedNotification, ThreadRealtimeOutputAudioDelta,
    ThreadRealtimeOutputAudioDeltaNotification, ThreadRealtimeSdp, ThreadRealtimeSdpNotification,
    ThreadRealtimeStarted, ThreadRealtimeStartedNotification, ThreadRealtimeTranscriptDelta,
    ThreadRealtimeTranscriptDeltaNotification, ThreadRealtimeTranscriptDone,
    ThreadRealtimeTranscriptDoneNotification, TranscriptRole,
};
pub use thread::{
    AskForApproval, SandboxMode, Thread, ThreadStart, ThreadStartParams, ThreadStartResponse,
    ThreadStarted, ThreadStartedNotification,
};
