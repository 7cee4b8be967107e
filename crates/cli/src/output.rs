//! Standard output written by its own thread (issue 14, measured in
//! BENCHMARKS.md).
//!
//! Why: a round's results are written to standard output as whole worker
//! buffers (~4.5 MB of JSON for 1,024 CRS results). Into a pipe, one such
//! `write` returns only once the reader has taken all but the last 64 KB of
//! it, and while it waits no result is computed: into `cat > file` the batch
//! took the time of the work plus the time of the reader. Here the workers
//! hand their buffers to a writer thread and go on with the next round while
//! it writes, so the work and the reader overlap; buffers come back to be
//! reused (fresh ones cost page faults).
//!
//! Only with several workers: with one (`LANDED_JOBS=1`, one pinned core)
//! the writer thread and the worker share the core, and into `wc -c` the
//! batch was slower (median 420-470 ms against 250-430 ms writing in place,
//! noisy runs); so one worker writes in place, as before. Growing the pipe
//! to 1 MiB (F_SETPIPE_SZ) cut context switches 7,191 → 2,674 but was not
//! faster on one core either, and was left out. BENCHMARKS.md has the runs.
//!
//! Messages to standard error (a table's failed lines) go through the same
//! thread, after the results before them, so the two streams keep their order.

use std::io::Write;
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};
use std::thread::JoinHandle;

enum Msg {
    Out(Vec<u8>),
    Err(Vec<u8>),
}

/// The writer thread's end, from the batch's side.
pub struct Output {
    /// Write in the caller's thread (one worker).
    inline: bool,
    tx: Option<SyncSender<Msg>>,
    spare: Receiver<Vec<u8>>,
    thread: Option<JoinHandle<std::io::Result<()>>>,
    /// The thread stopped (a write failed: the reader went away).
    closed: bool,
}

impl Output {
    /// Standard output: written by a thread for `workers` > 1 (at most
    /// `workers` buffers wait for it), else in the caller's thread.
    pub fn stdout(workers: usize) -> Output {
        let mut out = Self::new(std::io::stdout(), workers);
        out.inline = workers <= 1;
        if out.inline {
            // No thread needed: stop it.
            out.tx = None;
        }
        out
    }

    fn new<W: Write + Send + 'static>(mut out: W, queued: usize) -> Output {
        let (tx, rx) = sync_channel::<Msg>(queued.max(1));
        let (spare_tx, spare) = sync_channel::<Vec<u8>>(queued.max(1) + 1);
        let thread = std::thread::spawn(move || -> std::io::Result<()> {
            for msg in rx {
                match msg {
                    Msg::Out(mut buf) => {
                        out.write_all(&buf)?;
                        buf.clear();
                        // A full pool: the buffer is freed instead.
                        let _ = spare_tx.try_send(buf);
                    }
                    Msg::Err(text) => {
                        out.flush()?;
                        let _ = std::io::stderr().write_all(&text);
                    }
                }
            }
            out.flush()
        });
        Output {
            inline: false,
            tx: Some(tx),
            spare,
            thread: Some(thread),
            closed: false,
        }
    }

    fn send(&mut self, msg: Msg) {
        if self.inline {
            let result = match msg {
                Msg::Out(buf) => std::io::stdout().write_all(&buf),
                Msg::Err(text) => std::io::stdout()
                    .flush()
                    .and_then(|()| std::io::stderr().write_all(&text)),
            };
            self.closed |= result.is_err();
            return;
        }
        let sent = self.tx.as_ref().is_some_and(|tx| tx.send(msg).is_ok());
        if !sent {
            self.closed = true;
        }
    }

    /// Hand `buf` to the writer; returns an empty buffer to fill next (one
    /// the writer is done with when there is one).
    pub fn take(&mut self, buf: &mut Vec<u8>) {
        if buf.is_empty() {
            return;
        }
        if self.inline {
            let result = std::io::stdout().write_all(buf);
            self.closed |= result.is_err();
            buf.clear();
            return;
        }
        let next = match self.spare.try_recv() {
            Ok(b) => b,
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => {
                Vec::with_capacity(buf.capacity())
            }
        };
        let full = std::mem::replace(buf, next);
        self.send(Msg::Out(full));
    }

    /// Write a copy of `bytes`.
    pub fn write_all(&mut self, bytes: &[u8]) {
        if !bytes.is_empty() {
            self.send(Msg::Out(bytes.to_vec()));
        }
    }

    /// Write `text` to standard error once what was sent before is written.
    pub fn stderr(&mut self, text: Vec<u8>) {
        self.send(Msg::Err(text));
    }

    /// Whether the output is gone (its reader closed the pipe): nothing more
    /// will be written.
    pub fn closed(&self) -> bool {
        self.closed
            || !self.inline
                && self
                    .thread
                    .as_ref()
                    .is_some_and(std::thread::JoinHandle::is_finished)
    }

    /// Wait until everything sent is written; false if a write failed.
    pub fn finish(mut self) -> bool {
        if self.inline {
            return std::io::stdout().flush().is_ok() && !self.closed;
        }
        self.tx = None;
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(Ok(()))) => !self.closed,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn everything_is_written_in_order_and_buffers_come_back_empty() {
        let sink = Shared::default();
        let mut out = Output::new(sink.clone(), 2);
        let mut expected = Vec::new();
        let mut buf = Vec::with_capacity(64);
        for i in 0..1000 {
            let line = format!("{i}\n");
            buf.extend_from_slice(line.as_bytes());
            expected.extend_from_slice(line.as_bytes());
            if i % 7 == 0 {
                out.take(&mut buf);
                assert!(buf.is_empty());
            }
            if i % 100 == 0 {
                out.take(&mut buf);
                out.write_all(b"-\n");
                expected.extend_from_slice(b"-\n");
            }
        }
        out.take(&mut buf);
        assert!(out.finish());
        assert_eq!(*sink.0.lock().unwrap(), expected);
    }

    struct Broken;

    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_closes_the_output_and_fails_the_finish() {
        let mut out = Output::new(Broken, 1);
        let mut sent = 0;
        while !out.closed() && sent < 10_000 {
            out.take(&mut b"x\n".to_vec());
            sent += 1;
        }
        assert!(out.closed());
        assert!(!out.finish());
    }
}
