-- A question form token is used once (issue 13): the hash of the signed form token a
-- question was sent with. Unique, so concurrent double posts of one form store one question;
-- NULL (no token: API, CLI, tests) is never a duplicate. Keep in step with
-- ../postgres/0002_question_form_token.sql.
alter table questions add column form_token_hash text;

create unique index questions_form_token_idx on questions (form_token_hash);
