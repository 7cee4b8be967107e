-- landed schema, SQLite flavour. Keep in step with ../postgres/0001_init.sql: same tables,
-- columns and meaning; only types differ. Instants are integer Unix milliseconds (UTC).

-- Questions from the public "ask us" form.
create table questions (
    id                 integer primary key autoincrement,   -- no id reuse after purge
    reference          text    not null unique,             -- e.g. Q-2026-7F3K9A
    status             text    not null default 'new'
                       check (status in ('new', 'in_progress', 'answered', 'closed')),
    name               text    not null,
    email              text    not null,
    topic              text    not null,
    message            text    not null,
    preferred_language text    not null check (preferred_language in ('en', 'fr')),
    assessment_json    text,
    consent            boolean not null check (consent = 1),
    ip_hash            text,
    -- lowercased, accent-folded name/email/topic/message, searched with LIKE
    search_text        text    not null,
    created_at         integer not null,
    updated_at         integer not null                     -- last activity; used by purge
);

create index questions_created_idx        on questions (created_at);
create index questions_status_created_idx on questions (status, created_at);
create index questions_status_updated_idx on questions (status, updated_at);
create index questions_ip_created_idx     on questions (ip_hash, created_at);

-- Internal staff notes.
create table question_notes (
    id           integer primary key autoincrement,
    question_id  integer not null references questions (id) on delete cascade,
    author_email text    not null,                          -- snapshot of the staff email
    body         text    not null,
    created_at   integer not null
);

create index question_notes_question_idx on question_notes (question_id, id);

-- Status history: who moved a question from which status to which, and when.
create table question_status_changes (
    id          integer primary key autoincrement,
    question_id integer not null references questions (id) on delete cascade,
    from_status text    not null,
    to_status   text    not null,
    by_email    text    not null,
    created_at  integer not null
);

create index question_status_changes_question_idx on question_status_changes (question_id, id);

-- Staff accounts (landed admin create-user EMAIL).
create table staff_users (
    id            integer primary key autoincrement,
    email         text    not null unique,                  -- trimmed, lowercased
    password_hash text    not null,                         -- argon2id PHC string
    created_at    integer not null
);

-- Staff sessions, shared by every app instance. Only a hash of the cookie token is kept.
create table staff_sessions (
    token_hash text    primary key,
    staff_id   integer not null references staff_users (id) on delete cascade,
    csrf_token text    not null,
    created_at integer not null,
    expires_at integer not null
);

create index staff_sessions_expires_idx on staff_sessions (expires_at);
create index staff_sessions_staff_idx   on staff_sessions (staff_id);

-- Failed logins, for rate limiting. key_hash = hash of e.g. "email:…" or "ip:…".
create table login_failures (
    id         integer primary key autoincrement,
    key_hash   text    not null,
    created_at integer not null
);

create index login_failures_key_idx     on login_failures (key_hash, created_at);
create index login_failures_created_idx on login_failures (created_at);
