//! The v2 namespace of the app-server: slash-separated method names.

mod account;
mod build;
mod realtime;
mod realtime_notifications;
mod realtime_start;
mod thread;

pub use account::{
    AccountLoginCompleted, AccountLoginCompletedNotification, AccountUpdated,
    AccountUpdatedNotification, AppBrand, LoginAccount, LoginAccountParams, LoginAccountResponse,
    OnboardingEntrypoint, PlanType,
};
pub use realtime::{
    ConversationTextRole, RealtimeVoice, RealtimeVoicesList, ThreadRealtimeAppendAudio,
    ThreadRealtimeAppendAudioParams, ThreadRealtimeAppendAudioResponse, ThreadRealtimeAppendSpeech,
    ThreadRealtimeAppendSpeechParams, ThreadRealtimeAppendSpeechResponse, ThreadRealtimeAppendText,
    ThreadRealtimeAppendTextParams, ThreadRealtimeAppendTextResponse, ThreadRealtimeAudioChunk,
    ThreadRealtimeListVoices, ThreadRealtimeListVoicesParams, ThreadRealtimeListVoicesResponse,
    ThreadRealtimeStop, ThreadRealtimeStopParams, ThreadRealtimeStopResponse,
};
pub use realtime_notifications::{
    RealtimeCloseReason, ThreadRealtimeClosed, ThreadRealtimeClosedNotification,
    ThreadRealtimeError, ThreadRealtimeErrorNotification, ThreadRealtimeItemAdded,
    ThreadRealtimeItemAddedNotification, ThreadRealtimeOutputAudioDelta,
    ThreadRealtimeOutputAudioDeltaNotification, ThreadRealtimeSdp, ThreadRealtimeSdpNotification,
    ThreadRealtimeStarted, ThreadRealtimeStartedNotification, ThreadRealtimeTranscriptDelta,
    ThreadRealtimeTranscriptDeltaNotification, ThreadRealtimeTranscriptDone,
    ThreadRealtimeTranscriptDoneNotification, TranscriptRole,
};
pub use realtime_start::{
    CodexResponseHandoffMode, RealtimeConversationVersion, RealtimeOutputModality,
    ThreadRealtimeInitialItem, ThreadRealtimeStart, ThreadRealtimeStartParams,
    ThreadRealtimeStartResponse, ThreadRealtimeStartTransport,
};
pub use thread::{
    AskForApproval, GranularApprovalConfig, SandboxMode, Thread, ThreadStart, ThreadStartParams,
    ThreadStartResponse, ThreadStarted, ThreadStartedNotification,
};
