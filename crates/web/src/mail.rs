//! Staff replies by e-mail: one plain-text message per reply through the SMTP server of
//! `--smtp-url` (lettre on tokio, TLS by rustls), from `--mail-from`, to the address the
//! person gave (see [`crate::replies`]). Without `--smtp-url` there is no [`Mailer`] and the
//! staff page offers the reply for the staff member's own mail client instead.

use crate::i18n::Messages as _;
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Settings;

/// Why a reply could not be sent. `Display` carries no personal data (no address, no text).
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// `smtp_url` or `mail_from` cannot be used (found at start).
    #[error("{key}: {message}")]
    Config { key: &'static str, message: String },
    /// The person's address is not one an e-mail can go to.
    #[error("the recipient address is not valid")]
    Recipient,
    /// The message could not be built (e.g. a header value lettre refuses).
    #[error("the message could not be built")]
    Build,
    /// The SMTP server could not be reached or did not take the message.
    #[error("the SMTP server did not take the message: {}", .0.code())]
    Send(SendFailure),
}

impl MailError {
    /// What is stored with the reply (`replies.delivery_error`) and shown to staff: a short
    /// code, never the server's own words (they can quote the recipient's address).
    pub fn code(&self) -> String {
        match self {
            MailError::Send(f) => f.code(),
            MailError::Recipient => "address".into(),
            MailError::Config { .. } | MailError::Build => "build".into(),
        }
    }
}

/// Why the SMTP server did not take a message, in the classes staff are told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendFailure {
    /// Nothing accepted the connection (`refused`): a wrong host or port in `--smtp-url`, or
    /// the mail server is down.
    Refused,
    /// The server did not answer in time (`timeout`).
    Timeout,
    /// The server could not be reached or the connection failed: name lookup, network, TLS, or
    /// the connection dropped (`unreachable`).
    Unreachable,
    /// The server answered and refused the message with this SMTP reply code (`rejected 550`).
    Rejected(u16),
}

impl SendFailure {
    /// The class of a lettre SMTP error.
    pub fn of(e: &lettre::transport::smtp::Error) -> SendFailure {
        if let Some(code) = e.status() {
            return SendFailure::Rejected(code.to_string().parse().unwrap_or(0));
        }
        if e.is_timeout() {
            return SendFailure::Timeout;
        }
        let mut source = std::error::Error::source(e);
        while let Some(err) = source {
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                return match io.kind() {
                    std::io::ErrorKind::ConnectionRefused => SendFailure::Refused,
                    std::io::ErrorKind::TimedOut => SendFailure::Timeout,
                    _ => SendFailure::Unreachable,
                };
            }
            source = err.source();
        }
        SendFailure::Unreachable
    }

    /// The stored form: `refused`, `timeout`, `unreachable` or `rejected CODE`.
    pub fn code(self) -> String {
        match self {
            SendFailure::Refused => "refused".into(),
            SendFailure::Timeout => "timeout".into(),
            SendFailure::Unreachable => "unreachable".into(),
            SendFailure::Rejected(code) => format!("rejected {code}"),
        }
    }
}

/// Why a reply was not sent, in the staff member's language, from its stored code
/// ([`MailError::code`]); a reason stored before these codes is shown as it is.
pub fn failure_reason(lang: crate::i18n::Lang, code: &str) -> String {
    match code.split_once(' ') {
        Some(("rejected", n)) if n.bytes().all(|b| b.is_ascii_digit()) => {
            lang.t1("staff-mail-rejected", "code", n)
        }
        _ => match code {
            "refused" | "timeout" | "unreachable" | "address" | "build" => {
                lang.t(&format!("staff-mail-{code}"))
            }
            "" => lang.t("staff-mail-unknown"),
            other => other.to_string(),
        },
    }
}

/// The configured SMTP transport and sender. Cheap to clone (the transport is shared).
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").finish_non_exhaustive()
    }
}

impl Mailer {
    /// The mailer of the settings: `None` without `smtp_url`; an error names the key that
    /// cannot be used.
    pub fn from_settings(settings: &Settings) -> Result<Option<Mailer>, MailError> {
        let Some(url) = settings.smtp_url.as_deref() else {
            return Ok(None);
        };
        let from = settings
            .mail_from
            .as_deref()
            .ok_or(MailError::Config {
                key: "mail_from",
                message: "is needed with smtp_url".into(),
            })?
            .parse::<Mailbox>()
            .map_err(|e| MailError::Config {
                key: "mail_from",
                message: format!("not an e-mail address ({e})"),
            })?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Config {
                key: "smtp_url",
                // lettre's message names the scheme or parameter, never the password.
                message: e.to_string(),
            })?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(Some(Mailer { transport, from }))
    }

    /// Send one plain-text message (UTF-8) to `to`, with `Reply-To` the sender.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
        let to: Mailbox = to.trim().parse().map_err(|_| MailError::Recipient)?;
        let message = Message::builder()
            .from(self.from.clone())
            .reply_to(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_string())
            .map_err(|_| MailError::Build)?;
        self.transport
            .send(message)
            .await
            .map(drop)
            .map_err(|e| MailError::Send(SendFailure::of(&e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_stored_reason_reads_in_both_languages() {
        for code in [
            "refused",
            "timeout",
            "unreachable",
            "rejected 550",
            "address",
            "build",
            "",
        ] {
            for lang in [Lang::En, Lang::Fr] {
                let text = failure_reason(lang, code);
                assert!(text.ends_with('.'), "{code} {lang:?}: {text}");
                assert!(!text.contains("staff-mail"), "{code} {lang:?}: {text}");
            }
        }
        assert_eq!(
            failure_reason(Lang::En, "rejected 451"),
            "The mail server rejected the message (SMTP code 451)."
        );
        assert!(failure_reason(Lang::Fr, "timeout").contains("n’a pas répondu à temps"));
        // A reason stored before these codes is shown as it is.
        assert_eq!(failure_reason(Lang::En, "network error"), "network error");
        assert_eq!(SendFailure::Rejected(554).code(), "rejected 554");
        assert_eq!(
            MailError::Send(SendFailure::Refused).to_string(),
            "the SMTP server did not take the message: refused"
        );
    }
}
