//! The embedded migrations, one list per backend. Files live in `migrations/sqlite/` and
//! `migrations/postgres/` (sqlx-cli naming: `<VERSION>_<DESCRIPTION>.sql`). We embed them with
//! `include_str!` instead of `sqlx::migrate!` because that macro needs sqlx's `macros` feature
//! (a second build of sqlx for the proc-macro). To add a migration: add the file to both folders
//! and a line to both lists; the test below fails if a file is not listed.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;

use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};

type Embedded = &'static [(i64, &'static str, &'static str)];

pub(crate) const SQLITE: Embedded = &[
    (
        1,
        "init",
        include_str!("../migrations/sqlite/0001_init.sql"),
    ),
    (
        2,
        "question_form_token",
        include_str!("../migrations/sqlite/0002_question_form_token.sql"),
    ),
    (
        4,
        "api_tokens",
        include_str!("../migrations/sqlite/0004_api_tokens.sql"),
    ),
    (
        5,
        "inbox",
        include_str!("../migrations/sqlite/0005_inbox.sql"),
    ),
    (
        6,
        "token_scope",
        include_str!("../migrations/sqlite/0006_token_scope.sql"),
    ),
];

pub(crate) const POSTGRES: Embedded = &[
    (
        1,
        "init",
        include_str!("../migrations/postgres/0001_init.sql"),
    ),
    (
        2,
        "question_form_token",
        include_str!("../migrations/postgres/0002_question_form_token.sql"),
    ),
    (
        4,
        "api_tokens",
        include_str!("../migrations/postgres/0004_api_tokens.sql"),
    ),
    (
        5,
        "inbox",
        include_str!("../migrations/postgres/0005_inbox.sql"),
    ),
    (
        6,
        "token_scope",
        include_str!("../migrations/postgres/0006_token_scope.sql"),
    ),
];

#[derive(Debug)]
struct Source(Embedded);

impl MigrationSource<'static> for Source {
    fn resolve(
        self,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send + 'static>> {
        Box::pin(async move {
            Ok(self
                .0
                .iter()
                .map(|&(version, description, sql)| {
                    Migration::new(
                        version,
                        Cow::Borrowed(description),
                        MigrationType::Simple,
                        Cow::Borrowed(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

/// A migrator over one embedded list.
pub(crate) async fn migrator(list: Embedded) -> Result<Migrator, sqlx::migrate::MigrateError> {
    Migrator::new(Source(list)).await
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn check(dir: &str, list: Embedded) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files: Vec<String> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<String> = list
            .iter()
            .map(|(v, d, _)| format!("{v:04}_{d}.sql"))
            .collect();
        assert_eq!(
            files, listed,
            "{dir}: every migration file must be listed, in order"
        );
        for (i, (v, _, sql)) in list.iter().enumerate() {
            let file = std::fs::read_to_string(path.join(&listed[i])).unwrap();
            assert_eq!(&file, sql, "version {v}");
        }
    }

    #[test]
    fn lists_match_folders() {
        check("migrations/sqlite", SQLITE);
        check("migrations/postgres", POSTGRES);
        assert_eq!(
            SQLITE.len(),
            POSTGRES.len(),
            "both backends have the same versions"
        );
    }
}
