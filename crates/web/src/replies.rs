//! Staff replies to the person who asked, shared by the staff page and the staff API: stored
//! with the question first (status → answered), then sent through the [`crate::mail::Mailer`]
//! when one is configured, the outcome recorded on the reply.

use crate::i18n::Messages as _;
use landed_store::{Question, Reply, ReplyDelivery, StoreError};

use crate::i18n::Lang;
use crate::state::AppState;

pub const REPLY_MAX: usize = 20_000;

/// The subject of a reply, in the language the person chose.
pub fn reply_subject(q: &Question) -> String {
    let lang = Lang::parse(&q.preferred_language).unwrap_or_default();
    lang.t1("staff-reply-subject", "reference", &q.reference)
}

/// Store a reply (status → answered) and, with a mailer, send it and record the outcome. The
/// reply is stored before any sending, so a failed send loses nothing. Shared by the staff page
/// and the staff API.
pub async fn send_reply(
    state: &AppState,
    question_id: i64,
    author_email: &str,
    body: &str,
) -> Result<Reply, StoreError> {
    let q = state.store().get_question(question_id).await?;
    let Some(mailer) = state.mailer() else {
        let (reply, _) = state
            .store()
            .add_reply(question_id, author_email, body, ReplyDelivery::Manual)
            .await?;
        tracing::info!(
            question_id,
            reply_id = reply.id,
            "reply stored, to send by hand"
        );
        return Ok(reply);
    };
    let (reply, _) = state
        .store()
        .add_reply(question_id, author_email, body, ReplyDelivery::Pending)
        .await?;
    let outcome = mailer.send(&q.email, &reply_subject(&q), body).await;
    let (delivery, error) = match &outcome {
        Ok(()) => (ReplyDelivery::Sent, None),
        Err(e) => {
            tracing::warn!(question_id, reply_id = reply.id, error = %e, "reply not sent");
            (ReplyDelivery::Failed, Some(e.code()))
        }
    };
    if delivery == ReplyDelivery::Sent {
        tracing::info!(question_id, reply_id = reply.id, "reply sent");
    }
    state
        .store()
        .set_reply_delivery(reply.id, delivery, error.as_deref())
        .await
}
