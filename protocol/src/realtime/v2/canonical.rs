//! The `session.update` payloads the Codex client sends right after the socket opens (spec §6).

use super::audio::{
    AudioConfig, AudioFormat, AudioInputConfig, AudioOutputConfig, NoiseReduction,
    NoiseReductionType, ServerVad, TurnDetection, Voice, VoiceName,
};
use super::config::Modality;
use super::session::{
    RealtimeSessionConfig, SessionConfig, SessionUpdate, TranscriptionAudioConfig,
    TranscriptionSessionConfig,
};
use super::tools::{FunctionTool, Tool, ToolChoice, ToolChoiceMode};

/// The settings of the conversational session of spec §6.1.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationalSession {
    /// The realtime prompt, sent as `instructions`.
    pub instructions: String,
    /// The model's voice; [`ConversationalSession::new`] picks `marin`.
    pub voice: Voice,
    /// Text output instead of audio: `output_modalities` becomes `["text"]`.
    pub text_output: bool,
    /// The tool through which the model hands requests over (e.g. [`FunctionTool::codex`]).
    pub handoff_tool: Tool,
}

impl ConversationalSession {
    /// A session with the caller's prompt and handoff tool, voice `marin`, audio output.
    pub fn new(instructions: impl Into<String>, handoff_tool: Tool) -> Self {
        ConversationalSession {
            instructions: instructions.into(),
            voice: Voice::Name(VoiceName::Marin),
            text_output: false,
            handoff_tool,
        }
    }

    /// The `session.update` event: PCM 24 kHz in and out, near-field noise reduction, server
    /// VAD that creates and interrupts responses, the handoff tool, `tool_choice: "auto"`.
    pub fn session_update(&self) -> SessionUpdate {
        let modality = if self.text_output {
            Modality::Text
        } else {
            Modality::Audio
        };
        let input = AudioInputConfig {
            format: Some(AudioFormat::pcm_24khz()),
            transcription: None,
            noise_reduction: Some(Some(NoiseReduction {
                kind: Some(NoiseReductionType::NearField),
            })),
            turn_detection: Some(Some(TurnDetection::ServerVad(ServerVad {
                interrupt_response: Some(true),
                create_response: Some(true),
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
            tools: Some(vec![self.handoff_tool.clone()]),
            tool_choice: Some(ToolChoice::Mode(ToolChoiceMode::Auto)),
            ..RealtimeSessionConfig::default()
        };
        SessionUpdate {
            event_id: None,
            session: SessionConfig::Realtime(Box::new(session)),
        }
    }
}

impl Tool {
    /// The `codex` delegation tool of spec §6.1, as a function tool.
    pub fn codex() -> Self {
        Tool::Function(FunctionTool::codex())
    }
}

impl SessionUpdate {
    /// The transcription `session.update` of spec §6.2: PCM 24 kHz input, nothing else.
    pub fn transcription() -> Self {
        let input = AudioInputConfig {
            format: Some(AudioFormat::pcm_24khz()),
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
