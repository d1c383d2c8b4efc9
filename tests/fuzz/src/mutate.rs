//! A small deterministic mutator: byte edits, dictionary insertions, splices, and JSON-aware
//! edits (replace a value, repeat or drop a member, nest deeply).

use serde_json::Value;

/// xorshift64*: deterministic, seeded, good enough to pick mutations.
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (0 is replaced by a fixed non-zero seed).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Mutates corpus entries with the words of a dictionary.
pub struct Mutator<'a> {
    rng: Rng,
    dictionary: &'a [String],
}

impl<'a> Mutator<'a> {
    /// A mutator drawing from `rng` and `dictionary`.
    pub fn new(rng: Rng, dictionary: &'a [String]) -> Self {
        Mutator { rng, dictionary }
    }

    fn word(&mut self) -> &'a str {
        if self.dictionary.is_empty() {
            return "\"\"";
        }
        &self.dictionary[self.rng.below(self.dictionary.len())]
    }

    /// A new input from a random entry of `corpus`, with one to four mutations.
    pub fn mutate(&mut self, corpus: &[Vec<u8>]) -> Vec<u8> {
        let mut input = corpus[self.rng.below(corpus.len())].clone();
        for _ in 0..1 + self.rng.below(4) {
            input = self.once(input, corpus);
        }
        input.truncate(1 << 16);
        input
    }

    fn once(&mut self, mut input: Vec<u8>, corpus: &[Vec<u8>]) -> Vec<u8> {
        let len = input.len();
        match self.rng.below(10) {
            0 if len > 0 => {
                let at = self.rng.below(len);
                input[at] ^= 1 << self.rng.below(8);
            }
            1 => {
                let at = self.rng.below(len + 1);
                let word = self.word().as_bytes().to_vec();
                input.splice(at..at, word);
            }
            2 if len > 0 => {
                let at = self.rng.below(len);
                let end = (at + 1 + self.rng.below(16)).min(len);
                let word = self.word().as_bytes().to_vec();
                input.splice(at..end, word);
            }
            3 if len > 0 => {
                let at = self.rng.below(len);
                let end = (at + 1 + self.rng.below(32)).min(len);
                input.drain(at..end);
            }
            4 if len > 0 => {
                let at = self.rng.below(len);
                let end = (at + 1 + self.rng.below(32)).min(len);
                let copy = input[at..end].to_vec();
                let to = self.rng.below(len + 1);
                input.splice(to..to, copy);
            }
            5 => {
                let other = &corpus[self.rng.below(corpus.len())];
                let cut = self.rng.below(len + 1);
                let from = self.rng.below(other.len() + 1);
                input.truncate(cut);
                input.extend_from_slice(&other[from..]);
            }
            6 => {
                // Repeat a member: `,"key":value` before the closing brace.
                if let Some(end) = input.iter().rposition(|&b| b == b'}') {
                    let member = format!(",{}:{}", self.word(), self.word());
                    input.splice(end..end, member.into_bytes());
                }
            }
            7 => {
                let max = if self.rng.below(50) == 0 { 200 } else { 8 };
                let depth = 1 + self.rng.below(max);
                let mut nested = vec![b'['; depth];
                nested.extend_from_slice(&input);
                nested.extend(std::iter::repeat_n(b']', depth));
                let text = format!("{{\"type\":{},\"x\":", self.word());
                input = text.into_bytes();
                input.extend(nested);
                input.push(b'}');
            }
            _ => {
                if let Ok(mut value) = serde_json::from_slice::<Value>(&input) {
                    self.edit(&mut value, 0);
                    input = value.to_string().into_bytes();
                } else if len > 0 {
                    let at = self.rng.below(len);
                    input[at] = self.rng.next_u64() as u8;
                }
            }
        }
        input
    }

    /// Replaces, drops or adds one node of a JSON value.
    fn edit(&mut self, value: &mut Value, depth: usize) {
        let children = match value {
            Value::Object(o) => o.len(),
            Value::Array(a) => a.len(),
            _ => 0,
        };
        if children > 0 && depth < 16 && self.rng.below(3) != 0 {
            let i = self.rng.below(children);
            match value {
                Value::Object(o) => {
                    if self.rng.below(6) == 0 {
                        let key = o.keys().nth(i).cloned().unwrap_or_default();
                        o.remove(&key);
                    } else if let Some((_, child)) = o.iter_mut().nth(i) {
                        self.edit(child, depth + 1);
                    }
                }
                Value::Array(a) => self.edit(&mut a[i], depth + 1),
                _ => {}
            }
            return;
        }
        if let Value::Object(o) = value
            && self.rng.below(2) == 0
        {
            let key = serde_json::from_str::<String>(self.word()).unwrap_or_default();
            let new = self.leaf();
            o.insert(key, new);
            return;
        }
        *value = self.leaf();
    }

    fn leaf(&mut self) -> Value {
        match self.rng.below(6) {
            0 => Value::from(self.rng.next_u64() as i64 >> self.rng.below(64)),
            1 => Value::from(f64::from_bits(self.rng.next_u64()))
                .as_f64()
                .map_or(Value::Null, Value::from),
            2 => Value::Array(vec![]),
            3 => Value::Object(Default::default()),
            _ => serde_json::from_str(self.word()).unwrap_or(Value::Null),
        }
    }
}
