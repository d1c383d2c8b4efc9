//! Building realtime v2 messages, the pattern of the whole crate: `Type::new(required…)` takes
//! every required member, each optional member has a chainable `with_<member>(value)`, and a
//! tri-state member (absent = unchanged, `null` = off, a value = on) also has
//! `without_<member>()`, which sends `null`. A payload converts into its union with `From`.

use super::audio::{
    AudioConfig, AudioFormat, AudioInputConfig, AudioOutputConfig, AudioTranscription, Eagerness,
    NoiseReduction, NoiseReductionType, SemanticVad, ServerVad, TranscriptionDelay,
    TranscriptionModel, TurnDetection, Voice,
};
use super::config::{
    Include, MaxOutputTokens, Modality, PromptRef, RealtimeModel, Reasoning, Tracing, Truncation,
};
use super::session::{
    RealtimeSessionConfig, SessionConfig, SessionUpdate, TranscriptionAudioConfig,
    TranscriptionSessionConfig,
};
use super::tools::{Tool, ToolChoice, ToolChoiceMode};

impl SessionUpdate {
    /// A `session.update` carrying `session` (a realtime or a transcription session
    /// configuration), without `event_id`.
    pub fn new(session: impl Into<SessionConfig>) -> Self {
        SessionUpdate {
            event_id: None,
            session: session.into(),
        }
    }

    /// Sets `event_id`, the client-chosen id echoed in an `error` about this event.
    pub fn with_event_id(mut self, event_id: impl Into<String>) -> Self {
        self.event_id = Some(event_id.into());
        self
    }
}

impl From<RealtimeSessionConfig> for SessionConfig {
    fn from(config: RealtimeSessionConfig) -> Self {
        SessionConfig::Realtime(Box::new(config))
    }
}

impl From<TranscriptionSessionConfig> for SessionConfig {
    fn from(config: TranscriptionSessionConfig) -> Self {
        SessionConfig::Transcription(Box::new(config))
    }
}

impl From<ToolChoiceMode> for ToolChoice {
    fn from(mode: ToolChoiceMode) -> Self {
        ToolChoice::Mode(mode)
    }
}

impl From<ServerVad> for TurnDetection {
    fn from(vad: ServerVad) -> Self {
        TurnDetection::ServerVad(vad)
    }
}

impl From<SemanticVad> for TurnDetection {
    fn from(vad: SemanticVad) -> Self {
        TurnDetection::SemanticVad(vad)
    }
}

impl RealtimeSessionConfig {
    /// An empty `RealtimeSessionConfig`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `model`.
    pub fn with_model(mut self, model: impl Into<RealtimeModel>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// Sets `instructions`.
    pub fn with_instructions(mut self, instructions: impl Into<String>) -> Self {
        self.instructions = Some(instructions.into());
        self
    }

    /// Sets `output_modalities`.
    pub fn with_output_modalities(mut self, output_modalities: impl Into<Vec<Modality>>) -> Self {
        self.output_modalities = Some(output_modalities.into());
        self
    }

    /// Sets `audio`.
    pub fn with_audio(mut self, audio: impl Into<AudioConfig>) -> Self {
        self.audio = Some(audio.into());
        self
    }

    /// Sets `include`.
    pub fn with_include(mut self, include: impl Into<Vec<Include>>) -> Self {
        self.include = Some(include.into());
        self
    }

    /// Sets `tracing` to a value (the member is tri-state: absent, `null` or a value).
    pub fn with_tracing(mut self, tracing: impl Into<Tracing>) -> Self {
        self.tracing = Some(Some(tracing.into()));
        self
    }

    /// Sets `tracing` to `null` (the member is tri-state: absent, `null` or a value).
    pub fn without_tracing(mut self) -> Self {
        self.tracing = Some(None);
        self
    }

    /// Sets `tools`.
    pub fn with_tools(mut self, tools: impl Into<Vec<Tool>>) -> Self {
        self.tools = Some(tools.into());
        self
    }

    /// Sets `tool_choice`.
    pub fn with_tool_choice(mut self, tool_choice: impl Into<ToolChoice>) -> Self {
        self.tool_choice = Some(tool_choice.into());
        self
    }

    /// Sets `parallel_tool_calls`.
    pub fn with_parallel_tool_calls(mut self, parallel_tool_calls: impl Into<bool>) -> Self {
        self.parallel_tool_calls = Some(parallel_tool_calls.into());
        self
    }

    /// Sets `reasoning`.
    pub fn with_reasoning(mut self, reasoning: impl Into<Reasoning>) -> Self {
        self.reasoning = Some(reasoning.into());
        self
    }

    /// Sets `max_output_tokens`.
    pub fn with_max_output_tokens(mut self, max_output_tokens: impl Into<MaxOutputTokens>) -> Self {
        self.max_output_tokens = Some(max_output_tokens.into());
        self
    }

    /// Sets `truncation`.
    pub fn with_truncation(mut self, truncation: impl Into<Truncation>) -> Self {
        self.truncation = Some(truncation.into());
        self
    }

    /// Sets `prompt` to a value (the member is tri-state: absent, `null` or a value).
    pub fn with_prompt(mut self, prompt: impl Into<PromptRef>) -> Self {
        self.prompt = Some(Some(prompt.into()));
        self
    }

    /// Sets `prompt` to `null` (the member is tri-state: absent, `null` or a value).
    pub fn without_prompt(mut self) -> Self {
        self.prompt = Some(None);
        self
    }
}

impl TranscriptionSessionConfig {
    /// An empty `TranscriptionSessionConfig`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `audio`.
    pub fn with_audio(mut self, audio: impl Into<TranscriptionAudioConfig>) -> Self {
        self.audio = Some(audio.into());
        self
    }

    /// Sets `include`.
    pub fn with_include(mut self, include: impl Into<Vec<Include>>) -> Self {
        self.include = Some(include.into());
        self
    }
}

impl TranscriptionAudioConfig {
    /// An empty `TranscriptionAudioConfig`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `input`.
    pub fn with_input(mut self, input: impl Into<AudioInputConfig>) -> Self {
        self.input = Some(input.into());
        self
    }
}

impl AudioConfig {
    /// An empty `AudioConfig`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `input`.
    pub fn with_input(mut self, input: impl Into<AudioInputConfig>) -> Self {
        self.input = Some(input.into());
        self
    }

    /// Sets `output`.
    pub fn with_output(mut self, output: impl Into<AudioOutputConfig>) -> Self {
        self.output = Some(output.into());
        self
    }
}

impl AudioInputConfig {
    /// An empty `AudioInputConfig`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `format`.
    pub fn with_format(mut self, format: impl Into<AudioFormat>) -> Self {
        self.format = Some(format.into());
        self
    }

    /// Sets `transcription` to a value (the member is tri-state: absent, `null` or a value).
    pub fn with_transcription(mut self, transcription: impl Into<AudioTranscription>) -> Self {
        self.transcription = Some(Some(transcription.into()));
        self
    }

    /// Sets `transcription` to `null` (the member is tri-state: absent, `null` or a value).
    pub fn without_transcription(mut self) -> Self {
        self.transcription = Some(None);
        self
    }

    /// Sets `noise_reduction` to a value (the member is tri-state: absent, `null` or a value).
    pub fn with_noise_reduction(mut self, noise_reduction: impl Into<NoiseReduction>) -> Self {
        self.noise_reduction = Some(Some(noise_reduction.into()));
        self
    }

    /// Sets `noise_reduction` to `null` (the member is tri-state: absent, `null` or a value).
    pub fn without_noise_reduction(mut self) -> Self {
        self.noise_reduction = Some(None);
        self
    }

    /// Sets `turn_detection` to a value (the member is tri-state: absent, `null` or a value).
    pub fn with_turn_detection(mut self, turn_detection: impl Into<TurnDetection>) -> Self {
        self.turn_detection = Some(Some(turn_detection.into()));
        self
    }

    /// Sets `turn_detection` to `null` (the member is tri-state: absent, `null` or a value).
    pub fn without_turn_detection(mut self) -> Self {
        self.turn_detection = Some(None);
        self
    }
}

impl AudioOutputConfig {
    /// An empty `AudioOutputConfig`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `format`.
    pub fn with_format(mut self, format: impl Into<AudioFormat>) -> Self {
        self.format = Some(format.into());
        self
    }

    /// Sets `voice`.
    pub fn with_voice(mut self, voice: impl Into<Voice>) -> Self {
        self.voice = Some(voice.into());
        self
    }

    /// Sets `speed`.
    pub fn with_speed(mut self, speed: impl Into<f64>) -> Self {
        self.speed = Some(speed.into());
        self
    }
}

impl ServerVad {
    /// An empty `ServerVad`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `threshold`.
    pub fn with_threshold(mut self, threshold: impl Into<f64>) -> Self {
        self.threshold = Some(threshold.into());
        self
    }

    /// Sets `prefix_padding_ms`.
    pub fn with_prefix_padding_ms(mut self, prefix_padding_ms: impl Into<u32>) -> Self {
        self.prefix_padding_ms = Some(prefix_padding_ms.into());
        self
    }

    /// Sets `silence_duration_ms`.
    pub fn with_silence_duration_ms(mut self, silence_duration_ms: impl Into<u32>) -> Self {
        self.silence_duration_ms = Some(silence_duration_ms.into());
        self
    }

    /// Sets `idle_timeout_ms`.
    pub fn with_idle_timeout_ms(mut self, idle_timeout_ms: impl Into<u32>) -> Self {
        self.idle_timeout_ms = Some(idle_timeout_ms.into());
        self
    }

    /// Sets `interrupt_response`.
    pub fn with_interrupt_response(mut self, interrupt_response: impl Into<bool>) -> Self {
        self.interrupt_response = Some(interrupt_response.into());
        self
    }

    /// Sets `create_response`.
    pub fn with_create_response(mut self, create_response: impl Into<bool>) -> Self {
        self.create_response = Some(create_response.into());
        self
    }
}

impl SemanticVad {
    /// An empty `SemanticVad`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `eagerness`.
    pub fn with_eagerness(mut self, eagerness: impl Into<Eagerness>) -> Self {
        self.eagerness = Some(eagerness.into());
        self
    }

    /// Sets `interrupt_response`.
    pub fn with_interrupt_response(mut self, interrupt_response: impl Into<bool>) -> Self {
        self.interrupt_response = Some(interrupt_response.into());
        self
    }

    /// Sets `create_response`.
    pub fn with_create_response(mut self, create_response: impl Into<bool>) -> Self {
        self.create_response = Some(create_response.into());
        self
    }
}

impl NoiseReduction {
    /// An empty `NoiseReduction`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `kind`.
    pub fn with_kind(mut self, kind: impl Into<NoiseReductionType>) -> Self {
        self.kind = Some(kind.into());
        self
    }

    /// Sets `strength`.
    pub fn with_strength(mut self, strength: impl Into<f64>) -> Self {
        self.strength = Some(strength.into());
        self
    }
}

impl AudioTranscription {
    /// An empty `AudioTranscription`: every member absent (on an update: unchanged).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `model`.
    pub fn with_model(mut self, model: impl Into<TranscriptionModel>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// Sets `language`.
    pub fn with_language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Sets `languages`.
    pub fn with_languages(mut self, languages: impl Into<Vec<String>>) -> Self {
        self.languages = Some(languages.into());
        self
    }

    /// Sets `prompt`.
    pub fn with_prompt(mut self, prompt: impl Into<String>) -> Self {
        self.prompt = Some(prompt.into());
        self
    }

    /// Sets `keywords`.
    pub fn with_keywords(mut self, keywords: impl Into<Vec<String>>) -> Self {
        self.keywords = Some(keywords.into());
        self
    }

    /// Sets `delay`.
    pub fn with_delay(mut self, delay: impl Into<TranscriptionDelay>) -> Self {
        self.delay = Some(delay.into());
        self
    }
}
