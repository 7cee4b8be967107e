-- The question form and the inbox (issue 12 §3). Keep in step with ../sqlite/0005_inbox.sql.

-- Questions are also counted per browser (a keyed hash of the random first-party cookie
-- `landed_browser`), so one office or campus address is not limited as one person.
alter table questions add column browser_hash text;

create index questions_browser_created_idx on questions (browser_hash, created_at);

-- The staff user's time zone (IANA name, e.g. America/Toronto); NULL = UTC.
alter table staff_users add column time_zone text;

-- Replies sent to the person who asked. delivery: 'pending' (being sent), 'sent' (accepted by
-- the SMTP server), 'failed' (error kept in delivery_error), 'manual' (no SMTP configured: the
-- staff member sends it from their own mail client).
create table replies (
    id             bigint  generated always as identity primary key,
    question_id    bigint  not null references questions (id) on delete cascade,
    author_email   text    not null,                    -- snapshot of the staff email
    body           text    not null,
    delivery       text    not null default 'pending'
                   check (delivery in ('pending', 'sent', 'failed', 'manual')),
    delivery_error text,
    created_at     bigint  not null,
    delivered_at   bigint
);

create index replies_question_idx on replies (question_id, id);
