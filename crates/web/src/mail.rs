//! Staff replies by e-mail: one plain-text message per reply through the SMTP server of
//! `--smtp-url` (lettre on tokio, TLS by rustls), from `--mail-from`, to the address the
//! person gave (see [`crate::replies`]). Without `--smtp-url` there is no [`Mailer`] and the
//! staff page offers the reply for the staff member's own mail client instead.

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
    /// The SMTP server refused the message or could not be reached.
    #[error("the SMTP server did not accept the message: {0}")]
    Send(String),
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
            .map_err(|e| MailError::Send(e.to_string()))
    }
}
