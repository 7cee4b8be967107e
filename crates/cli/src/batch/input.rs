//! Reading a batch: a single JSON document or array read whole, or JSON Lines
//! read as a stream in rounds by a thread into a bounded queue of chunks.
//! (Hand-written rather than a line-reader crate: the round boundary is chosen
//! by what is already in the queue, so a slowly fed pipe gets results at once
//! while a file is read in large rounds; BENCHMARKS.md, batch throughput.)

use std::borrow::Cow;
use std::io::Read;

/// One input item: its 1-based line number and its text (`None`: the line
/// is not UTF-8).
pub(super) struct Item<'a> {
    pub(super) line: usize,
    pub(super) text: Option<Cow<'a, str>>,
}

pub(super) fn split(input: &str) -> Result<(Vec<Item<'_>>, bool), String> {
    let trimmed = input.trim_start();
    // A single document (possibly pretty-printed over several lines), or an array.
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Ok(value) = serde_json::from_str::<serde_json::Value>(input)
    {
        return Ok(match value {
            serde_json::Value::Array(items) => (
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| Item {
                        line: i + 1,
                        text: Some(v.to_string().into()),
                    })
                    .collect(),
                false,
            ),
            _ => (
                vec![Item {
                    line: 1,
                    text: Some(input.into()),
                }],
                true,
            ),
        });
    }
    let items: Vec<Item> = input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Item {
            line: i + 1,
            text: Some(l.into()),
        })
        .collect();
    if items.is_empty() {
        return Err("the input is empty: give one JSON object or JSON Lines".into());
    }
    Ok((items, false))
}

/// Where a batch comes from: a file or standard input, and its size when known
/// (for the progress bar).
pub struct Input {
    pub reader: Box<dyn Read + Send>,
    pub len: Option<u64>,
}

/// Chunks of input queued by the reading thread: enough for several rounds,
/// so that reading overlaps the work and memory stays bounded.
const QUEUED_CHUNKS: usize = 4;
const CHUNK_BYTES: usize = 1 << 20;

/// Lines read from the input, with their numbers, kept as read (line ending
/// included) so that a document can be put back together whole.
///
/// A thread reads the input into a bounded queue of chunks: reading overlaps
/// the work, and the queue tells, without waiting, whether more input is
/// already there. A round is processed as soon as the next line is not (a
/// pipe fed slowly gets its results without waiting for a full round).
pub(super) struct Lines {
    chunks: std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>,
    /// Input received and not yet returned as lines: `buf[pos..]`.
    buf: Vec<u8>,
    pos: usize,
    at_eof: bool,
    /// A read error, returned once the input before it has been read.
    error: Option<std::io::Error>,
    /// Number of the last line read.
    pub(super) line: usize,
}

impl Lines {
    pub(super) fn new(mut reader: Box<dyn Read + Send>) -> Lines {
        let (tx, rx) = std::sync::mpsc::sync_channel(QUEUED_CHUNKS);
        std::thread::spawn(move || {
            let mut chunk = vec![0; CHUNK_BYTES];
            loop {
                let sent = match reader.read(&mut chunk) {
                    Ok(0) => return,
                    Ok(n) => tx.send(Ok(chunk[..n].to_vec())),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                };
                // The batch stopped reading (it ended or failed).
                if sent.is_err() {
                    return;
                }
            }
        });
        Lines {
            chunks: rx,
            buf: Vec::new(),
            pos: 0,
            at_eof: false,
            error: None,
            line: 0,
        }
    }

    /// Take a chunk from the queue, waiting for one if `wait`; false if none
    /// was taken (none queued, or the end of the input or an error).
    pub(super) fn take_chunk(&mut self, wait: bool) -> bool {
        if self.at_eof {
            return false;
        }
        let received = if wait {
            self.chunks.recv().map_err(|_| ())
        } else {
            match self.chunks.try_recv() {
                Ok(x) => Ok(x),
                Err(std::sync::mpsc::TryRecvError::Empty) => return false,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => Err(()),
            }
        };
        match received {
            Ok(Ok(chunk)) => {
                // What is left unread is at most a part of a line.
                self.buf.drain(..self.pos);
                self.pos = 0;
                self.buf.extend_from_slice(&chunk);
                true
            }
            Ok(Err(e)) => {
                self.error = Some(e);
                self.at_eof = true;
                false
            }
            Err(()) => {
                self.at_eof = true;
                false
            }
        }
    }

    /// Whether the next line can be read without waiting for the input.
    pub(super) fn has_buffered_line(&mut self) -> bool {
        loop {
            if memchr::memchr(b'\n', &self.buf[self.pos..]).is_some() {
                return true;
            }
            if !self.take_chunk(false) {
                return self.at_eof;
            }
        }
    }

    /// Append the next line to `into`; its number and the range of its text
    /// (without the line ending) in `into`, or `None` at the end.
    pub(super) fn next_into(
        &mut self,
        into: &mut Vec<u8>,
    ) -> std::io::Result<Option<(usize, std::ops::Range<usize>)>> {
        let start = into.len();
        loop {
            let available = &self.buf[self.pos..];
            if let Some(i) = memchr::memchr(b'\n', available) {
                into.extend_from_slice(&available[..=i]);
                self.pos += i + 1;
                break;
            }
            if !self.take_chunk(true) {
                // The end: what is left is the last line, without a newline.
                into.extend_from_slice(&self.buf[self.pos..]);
                self.pos = self.buf.len();
                break;
            }
        }
        if into.len() == start {
            return match self.error.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        self.line += 1;
        let mut end = into.len();
        if into[start..end].ends_with(b"\n") {
            end -= 1;
            if into[start..end].ends_with(b"\r") {
                end -= 1;
            }
        }
        Ok(Some((self.line, start..end)))
    }

    /// Append everything not read yet.
    pub(super) fn rest_into(&mut self, into: &mut Vec<u8>) -> std::io::Result<()> {
        into.extend_from_slice(&self.buf[self.pos..]);
        self.pos = self.buf.len();
        while self.take_chunk(true) {
            into.extend_from_slice(&self.buf[self.pos..]);
            self.pos = self.buf.len();
        }
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

pub(super) fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Whether a line holds one whole JSON value (so the input is JSON Lines,
/// not a document printed over several lines).
pub(super) fn is_whole_value(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

/// The lines of one round: their bytes, and each line's number and range.
#[derive(Default)]
pub(super) struct Round {
    pub(super) bytes: Vec<u8>,
    pub(super) lines: Vec<(usize, std::ops::Range<usize>)>,
}

impl Round {
    pub(super) fn items(&self) -> Vec<Item<'_>> {
        self.lines
            .iter()
            .map(|(line, range)| Item {
                line: *line,
                text: self
                    .bytes
                    .get(range.clone())
                    .and_then(|b| std::str::from_utf8(b).ok())
                    .map(Cow::Borrowed),
            })
            .collect()
    }
}
