//! The running transcript a client keeps per conversation, and the stateful mapper that uses
//! it for the `active_transcript` of every handoff request (`realtime-normalized.md`, "Running
//! transcript").

use super::normalized::{Event, NormalizeOptions};
use super::v1::TranscriptEntry;
use super::{v1, v2};

/// The bound of a running transcript, in bytes: an entry counts
/// `len(role) + len(text) + 3` bytes.
pub const TRANSCRIPT_BOUND_BYTES: usize = 8_192;

/// The marker put before the kept end of an entry cut to fit [`TRANSCRIPT_BOUND_BYTES`].
const ELLIPSIS: &str = "…";

/// The conversation turns since the previous handoff: a list of `{role, text}` entries (role
/// `user` or `assistant`), updated from normalized events in arrival order, kept within
/// [`TRANSCRIPT_BOUND_BYTES`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunningTranscript {
    entries: Vec<TranscriptEntry>,
    new_user_entry: bool,
    new_assistant_entry: bool,
}

impl RunningTranscript {
    /// An empty transcript, both "new entry" flags false.
    pub fn new() -> Self {
        RunningTranscript::default()
    }

    /// The entries, oldest first. What remains when the conversation ends is its transcript
    /// tail.
    pub fn entries(&self) -> &[TranscriptEntry] {
        &self.entries
    }

    /// Updates the transcript from `event`. A [`Event::HandoffRequested`] first gets its
    /// request added (when its trimmed `input_transcript` is non-empty and no `user` entry has
    /// the same trimmed text), then takes the whole list as its `active_transcript`; the list
    /// becomes empty and both flags become true.
    pub fn observe(&mut self, event: &mut Event) {
        match event {
            Event::InputAudioSpeechStarted { .. } => self.new_user_entry = true,
            Event::ResponseCreated { .. } => self.new_assistant_entry = true,
            Event::InputTranscriptDelta(delta) => self.append(USER, &delta.delta),
            Event::OutputTranscriptDelta(delta) => self.append(ASSISTANT, &delta.delta),
            Event::InputTranscriptDone(done) => self.replace(USER, &done.text),
            Event::OutputTranscriptDone(done) => self.replace(ASSISTANT, &done.text),
            Event::HandoffRequested(handoff) => {
                let request = handoff.input_transcript.trim();
                let known = self
                    .entries
                    .iter()
                    .any(|entry| entry.role == USER && entry.text.trim() == request);
                if !request.is_empty() && !known {
                    self.entries.push(entry(USER, request));
                }
                handoff.active_transcript = std::mem::take(&mut self.entries);
                self.new_user_entry = true;
                self.new_assistant_entry = true;
            }
            _ => {}
        }
        self.bound();
    }

    /// A delta of `role`: appended to the last entry when it has that role and no new entry
    /// was started; else a new entry.
    fn append(&mut self, role: &str, delta: &str) {
        if delta.is_empty() {
            return;
        }
        match self.continued(role) {
            Some(last) => last.text.push_str(delta),
            None => self.entries.push(entry(role, delta)),
        }
        *self.flag(role) = false;
    }

    /// A final text of `role`: replaces the last entry's text when it has that role and no new
    /// entry was started; else a new entry.
    fn replace(&mut self, role: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.continued(role) {
            Some(last) => text.clone_into(&mut last.text),
            None => self.entries.push(entry(role, text)),
        }
        *self.flag(role) = false;
    }

    /// The last entry, when it has `role` and the flag of `role` is false.
    fn continued(&mut self, role: &str) -> Option<&mut TranscriptEntry> {
        if *self.flag(role) {
            return None;
        }
        self.entries.last_mut().filter(|last| last.role == role)
    }

    fn flag(&mut self, role: &str) -> &mut bool {
        if role == USER {
            &mut self.new_user_entry
        } else {
            &mut self.new_assistant_entry
        }
    }

    /// Drops the oldest entries while over the bound and more than one remains; then cuts the
    /// text of a single entry still too long to its end, prefixed with `…`.
    fn bound(&mut self) {
        let size = |entries: &[TranscriptEntry]| entries.iter().map(entry_size).sum::<usize>();
        while self.entries.len() > 1 && size(&self.entries) > TRANSCRIPT_BOUND_BYTES {
            self.entries.remove(0);
        }
        if let [only] = self.entries.as_mut_slice() {
            if entry_size(only) > TRANSCRIPT_BOUND_BYTES {
                let room =
                    TRANSCRIPT_BOUND_BYTES.saturating_sub(only.role.len() + 3 + ELLIPSIS.len());
                let mut start = only.text.len() - room.min(only.text.len());
                while !only.text.is_char_boundary(start) {
                    start += 1;
                }
                only.text = format!("{ELLIPSIS}{}", &only.text[start..]);
            }
        }
    }
}

const USER: &str = "user";
const ASSISTANT: &str = "assistant";

fn entry(role: &str, text: &str) -> TranscriptEntry {
    TranscriptEntry {
        role: role.to_owned(),
        text: text.to_owned(),
    }
}

/// The size of an entry against the bound: `len(role) + len(text) + 3` bytes.
fn entry_size(entry: &TranscriptEntry) -> usize {
    entry.role.len() + entry.text.len() + 3
}

/// The stateful normalized view of one conversation: maps each server event with its
/// [`NormalizeOptions`] and keeps the [`RunningTranscript`] that gives every handoff request
/// its `active_transcript`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalizer {
    /// The settings of the mapping.
    pub options: NormalizeOptions,
    transcript: RunningTranscript,
}

impl Normalizer {
    /// A mapper with `options` and an empty running transcript.
    pub fn new(options: NormalizeOptions) -> Self {
        Normalizer {
            options,
            transcript: RunningTranscript::new(),
        }
    }

    /// The normalized event of a v1 server event (see [`Event::from_v1`]), after updating the
    /// running transcript.
    pub fn v1(&mut self, event: &v1::ServerEvent) -> Option<Event> {
        let event = Event::from_v1(event, &self.options)?;
        Some(self.observe(event))
    }

    /// The normalized event of a v2 server event (see [`Event::from_v2`]), after updating the
    /// running transcript.
    pub fn v2(&mut self, event: &v2::ServerEvent) -> Option<Event> {
        let event = Event::from_v2(event, &self.options)?;
        Some(self.observe(event))
    }

    /// Updates the running transcript from an already normalized event (of any variant) and
    /// returns it, with its `active_transcript` filled when it is a handoff request.
    pub fn observe(&mut self, mut event: Event) -> Event {
        self.transcript.observe(&mut event);
        event
    }

    /// The running transcript: at the end of a conversation, its tail.
    pub fn transcript(&self) -> &RunningTranscript {
        &self.transcript
    }
}
