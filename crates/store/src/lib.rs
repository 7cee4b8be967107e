//! Persistence for landed (SQLite by default, PostgreSQL by DATABASE_URL).
