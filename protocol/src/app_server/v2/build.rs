//! Building app-server v2 params with the crate's pattern: `new(required…)`, then chainable
//! `with_<member>(value)` for each optional member and `without_<member>()` (explicit `null`)
//! for a tri-state member.

use std::collections::BTreeMap;

use crate::app_server::v2::realtime::RealtimeVoice;
use crate::app_server::v2::realtime_start::{
    CodexResponseHandoffMode, RealtimeConversationVersion, RealtimeOutputModality,
    ThreadRealtimeInitialItem, ThreadRealtimeStartParams, ThreadRealtimeStartTransport,
};

impl ThreadRealtimeStartParams {
    /// Sets `outputModality` (`audio` unless set).
    pub fn with_output_modality(mut self, output_modality: RealtimeOutputModality) -> Self {
        self.output_modality = output_modality;
        self
    }

    /// Sets `prompt` to a value (the member is tri-state: absent, `null` or a value).
    pub fn with_prompt(mut self, prompt: impl Into<String>) -> Self {
        self.prompt = Some(Some(prompt.into()));
        self
    }

    /// Sets `prompt` to `null` (the member is tri-state: absent, `null` or a value).
    pub fn without_prompt(mut self) -> Self {
        self.prompt = Some(None);
        self
    }

    /// Sets `realtime_session_id`.
    pub fn with_realtime_session_id(mut self, realtime_session_id: impl Into<String>) -> Self {
        self.realtime_session_id = Some(realtime_session_id.into());
        self
    }

    /// Sets `version`.
    pub fn with_version(mut self, version: impl Into<RealtimeConversationVersion>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// Sets `model`.
    pub fn with_model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// Sets `transport`.
    pub fn with_transport(mut self, transport: impl Into<ThreadRealtimeStartTransport>) -> Self {
        self.transport = Some(transport.into());
        self
    }

    /// Sets `voice`.
    pub fn with_voice(mut self, voice: impl Into<RealtimeVoice>) -> Self {
        self.voice = Some(voice.into());
        self
    }

    /// Sets `include_startup_context`.
    pub fn with_include_startup_context(
        mut self,
        include_startup_context: impl Into<bool>,
    ) -> Self {
        self.include_startup_context = Some(include_startup_context.into());
        self
    }

    /// Sets `initial_items`.
    pub fn with_initial_items(
        mut self,
        initial_items: impl Into<Vec<ThreadRealtimeInitialItem>>,
    ) -> Self {
        self.initial_items = Some(initial_items.into());
        self
    }

    /// Sets `realtime_start_instructions`.
    pub fn with_realtime_start_instructions(
        mut self,
        realtime_start_instructions: impl Into<String>,
    ) -> Self {
        self.realtime_start_instructions = Some(realtime_start_instructions.into());
        self
    }

    /// Sets `realtime_end_instructions`.
    pub fn with_realtime_end_instructions(
        mut self,
        realtime_end_instructions: impl Into<String>,
    ) -> Self {
        self.realtime_end_instructions = Some(realtime_end_instructions.into());
        self
    }

    /// Sets `client_managed_handoffs`.
    pub fn with_client_managed_handoffs(
        mut self,
        client_managed_handoffs: impl Into<bool>,
    ) -> Self {
        self.client_managed_handoffs = Some(client_managed_handoffs.into());
        self
    }

    /// Sets `delegation_ack_filler`.
    pub fn with_delegation_ack_filler(mut self, delegation_ack_filler: impl Into<bool>) -> Self {
        self.delegation_ack_filler = Some(delegation_ack_filler.into());
        self
    }

    /// Sets `flush_transcript_tail_on_session_end`.
    pub fn with_flush_transcript_tail_on_session_end(
        mut self,
        flush_transcript_tail_on_session_end: impl Into<bool>,
    ) -> Self {
        self.flush_transcript_tail_on_session_end =
            Some(flush_transcript_tail_on_session_end.into());
        self
    }

    /// Sets `codex_responses_as_items`.
    pub fn with_codex_responses_as_items(
        mut self,
        codex_responses_as_items: impl Into<bool>,
    ) -> Self {
        self.codex_responses_as_items = Some(codex_responses_as_items.into());
        self
    }

    /// Sets `codex_response_item_prefix`.
    pub fn with_codex_response_item_prefix(
        mut self,
        codex_response_item_prefix: impl Into<String>,
    ) -> Self {
        self.codex_response_item_prefix = Some(codex_response_item_prefix.into());
        self
    }

    /// Sets `codex_response_handoff_mode`.
    pub fn with_codex_response_handoff_mode(
        mut self,
        codex_response_handoff_mode: impl Into<CodexResponseHandoffMode>,
    ) -> Self {
        self.codex_response_handoff_mode = Some(codex_response_handoff_mode.into());
        self
    }

    /// Sets `codex_response_handoff_channel_prefixes`: per handoff channel, the prefixes that
    /// select it.
    pub fn with_codex_response_handoff_channel_prefixes(
        mut self,
        prefixes: impl Into<BTreeMap<String, Vec<String>>>,
    ) -> Self {
        self.codex_response_handoff_channel_prefixes = Some(prefixes.into());
        self
    }
}
