//! The `session.update` payloads the Codex client sends right after the socket opens.

use super::audio::{
    AudioConfig, AudioFormat, AudioInputConfig, AudioOutputConfig, AudioTranscription,
    NoiseReduction, NoiseReductionType, ServerVad, TranscriptionModel, TurnDetection, Voice,
    VoiceName,
};
use super::config::Modality;
use super::session::{
    RealtimeSessionConfig, SessionConfig, SessionUpdate, TranscriptionAudioConfig,
    TranscriptionSessionConfig,
};
use super::tools::{FunctionTool, Tool, ToolChoice, ToolChoiceMode};

/// The settings of the conversational session the Codex client configures.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationalSession {
    /// The realtime prompt, sent as `instructions`.
    pub instructions: String,
    /// The model's voice; [`ConversationalSession::new`] picks `marin`.
    pub voice: Voice,
    /// Text output instead of audio: `output_modalities` becomes `["text"]`.
    pub text_output: bool,
    /// The tools, in order; [`ConversationalSession::new`] registers `background_agent` (the
    /// handoff tool) then `remain_silent`.
    pub tools: Vec<Tool>,
}

impl ConversationalSession {
    /// A session with the caller's prompt, voice `marin`, audio output, and the tools
    /// `background_agent` and `remain_silent`.
    pub fn new(instructions: impl Into<String>) -> Self {
        ConversationalSession {
            instructions: instructions.into(),
            voice: Voice::Name(VoiceName::Marin),
            text_output: false,
            tools: vec![Tool::background_agent(), Tool::remain_silent()],
        }
    }

    /// The `session.update` event: PCM 24 kHz in and out, near-field noise reduction, input
    /// transcription with `gpt-4o-mini-transcribe`, server VAD that creates and interrupts
    /// responses after 500 ms of silence, the tools, `tool_choice: "auto"`.
    pub fn session_update(&self) -> SessionUpdate {
        let modality = if self.text_output {
            Modality::Text
        } else {
            Modality::Audio
        };
        let input = AudioInputConfig {
            format: Some(AudioFormat::pcm_24khz()),
            transcription: Some(Some(mini_transcribe())),
            noise_reduction: Some(Some(NoiseReduction {
                kind: Some(NoiseReductionType::NearField),
                strength: None,
            })),
            turn_detection: Some(Some(TurnDetection::ServerVad(ServerVad {
                interrupt_response: Some(true),
                create_response: Some(true),
                silence_duration_ms: Some(500),
                ..ServerVad::default()
            }))),
        };
        let output = AudioOutputConfig {
            format: Some(AudioFormat::pcm_24khz()),
            voice: Some(self.voice.clone()),
            speed: None,
        };
        let session = RealtimeSessionConfig {
            instructions: Some(self.instructions.clone()),
            output_modalities: Some(vec![modality]),
            audio: Some(AudioConfig {
                input: Some(input),
                output: Some(output),
            }),
            tools: Some(self.tools.clone()),
            tool_choice: Some(ToolChoice::Mode(ToolChoiceMode::Auto)),
            ..RealtimeSessionConfig::default()
        };
        SessionUpdate {
            event_id: None,
            session: SessionConfig::Realtime(Box::new(session)),
        }
    }
}

/// Input transcription with `gpt-4o-mini-transcribe`, nothing else set.
fn mini_transcribe() -> AudioTranscription {
    AudioTranscription {
        model: Some(TranscriptionModel::Gpt4oMiniTranscribe),
        ..AudioTranscription::default()
    }
}

impl Tool {
    /// The `background_agent` delegation tool, as a function tool.
    pub fn background_agent() -> Self {
        Tool::Function(FunctionTool::background_agent())
    }

    /// The `remain_silent` tool, as a function tool.
    pub fn remain_silent() -> Self {
        Tool::Function(FunctionTool::remain_silent())
    }

    /// The delegation tool under its old name `codex`, as a function tool.
    pub fn codex() -> Self {
        Tool::Function(FunctionTool::codex())
    }
}

impl SessionUpdate {
    /// The transcription `session.update` the Codex client sends: PCM 24 kHz input transcribed
    /// with `gpt-4o-mini-transcribe`, nothing else.
    pub fn transcription() -> Self {
        let input = AudioInputConfig {
            format: Some(AudioFormat::pcm_24khz()),
            transcription: Some(Some(mini_transcribe())),
            ..AudioInputConfig::default()
        };
        let session = TranscriptionSessionConfig {
            audio: Some(TranscriptionAudioConfig { input: Some(input) }),
            include: None,
        };
        SessionUpdate {
            event_id: None,
            session: SessionConfig::Transcription(Box::new(session)),
        }
    }
}
