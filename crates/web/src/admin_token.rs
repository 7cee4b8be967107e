//! `landed admin token create --email E | revoke ID | list`: the bearer tokens of the JSON
//! API's staff endpoints. The token is printed once (standard output, alone on its line, so
//! `TOKEN=$(landed admin token create --email e)` works); only its hash is stored.

use std::process::ExitCode;

use landed_store::{Store, StoreError, TokenScope};

use crate::config::Settings;

/// What to do with tokens.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum TokenCommand {
    /// Create a token acting as the staff member EMAIL and print it (once: it cannot be read
    /// back). Example: `landed admin token create --email ana@example.org`
    Create {
        /// The staff member's email (an account from `landed admin create-user`)
        #[arg(long)]
        email: String,
        /// A token that can list, read and export but not change a question (status, note,
        /// reply: 403), e.g. for a report [default: every staff endpoint]
        #[arg(long)]
        read_only: bool,
        /// Database URL [default: sqlite://landed.db]
        #[arg(long, env = "DATABASE_URL")]
        database: Option<String>,
    },
    /// Revoke the token with this id (shown by `create` and `list`): refused from now on.
    Revoke {
        /// The token's id
        id: i64,
        /// Database URL [default: sqlite://landed.db]
        #[arg(long, env = "DATABASE_URL")]
        database: Option<String>,
    },
    /// List the tokens (id, staff email, created, last used, revoked, scope); never the
    /// secrets.
    List {
        /// Database URL [default: sqlite://landed.db]
        #[arg(long, env = "DATABASE_URL")]
        database: Option<String>,
    },
}

async fn open(what: &str, database: Option<String>) -> Result<Store, ExitCode> {
    let url = database.unwrap_or_else(|| Settings::default().database);
    Store::connect(&url).await.map_err(|e| {
        eprintln!(
            "landed admin token {what}: cannot open {}: {e}",
            landed_store::redact_url(&url)
        );
        ExitCode::FAILURE
    })
}

fn when(t: Option<jiff::Timestamp>) -> String {
    t.map_or_else(
        || "-".to_string(),
        |t| t.strftime("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

/// Run a token command. Exit 0 on success, 1 on failure, 2 on bad input.
pub fn run(rt: &tokio::runtime::Runtime, cmd: TokenCommand) -> ExitCode {
    rt.block_on(async move {
        match cmd {
            TokenCommand::Create {
                email,
                read_only,
                database,
            } => {
                let scope = if read_only {
                    TokenScope::ReadOnly
                } else {
                    TokenScope::Full
                };
                let store = match open("create", database).await {
                    Ok(s) => s,
                    Err(code) => return code,
                };
                let code = match store.find_staff_by_email(&email).await {
                    Ok(None) => {
                        eprintln!(
                            "landed admin token create: no staff account has the email {:?} \
                             (create one with landed admin create-user)",
                            email.trim()
                        );
                        ExitCode::from(2)
                    }
                    Ok(Some(user)) => match store.create_scoped_api_token(user.id, scope).await {
                        Ok((token, text)) => {
                            eprintln!(
                                "{}token {} for {} (shown once: keep it secret; revoke with \
                                 landed admin token revoke {}):",
                                if read_only { "read-only " } else { "" },
                                token.id,
                                user.email,
                                token.id
                            );
                            println!("{text}");
                            ExitCode::SUCCESS
                        }
                        Err(e) => {
                            eprintln!("landed admin token create: {e}");
                            ExitCode::FAILURE
                        }
                    },
                    Err(e) => {
                        eprintln!("landed admin token create: {e}");
                        ExitCode::FAILURE
                    }
                };
                store.close().await;
                code
            }
            TokenCommand::Revoke { id, database } => {
                let store = match open("revoke", database).await {
                    Ok(s) => s,
                    Err(code) => return code,
                };
                let code = match store.revoke_api_token(id).await {
                    Ok(true) => {
                        println!("token {id} revoked");
                        ExitCode::SUCCESS
                    }
                    Ok(false) => {
                        eprintln!(
                            "landed admin token revoke: there is no token {id} that is not \
                             already revoked"
                        );
                        ExitCode::from(2)
                    }
                    Err(e) => {
                        eprintln!("landed admin token revoke: {e}");
                        ExitCode::FAILURE
                    }
                };
                store.close().await;
                code
            }
            TokenCommand::List { database } => {
                let store = match open("list", database).await {
                    Ok(s) => s,
                    Err(code) => return code,
                };
                let code = match store.list_api_tokens().await {
                    Ok(tokens) => {
                        println!("id\tstaff\tcreated\tlast used\trevoked\tscope");
                        for t in tokens {
                            let email = match store.get_staff_user(t.staff_id).await {
                                Ok(u) => u.email,
                                Err(StoreError::NotFound) => "(deleted)".to_string(),
                                Err(e) => {
                                    eprintln!("landed admin token list: {e}");
                                    return ExitCode::FAILURE;
                                }
                            };
                            println!(
                                "{}\t{}\t{}\t{}\t{}\t{}",
                                t.id,
                                email,
                                when(Some(t.created_at)),
                                when(t.last_used_at),
                                when(t.revoked_at),
                                match t.scope {
                                    TokenScope::Full => "full",
                                    TokenScope::ReadOnly => "read-only",
                                }
                            );
                        }
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("landed admin token list: {e}");
                        ExitCode::FAILURE
                    }
                };
                store.close().await;
                code
            }
        }
    })
}
