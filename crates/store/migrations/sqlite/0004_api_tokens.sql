-- Staff API tokens (landed admin token create --email E). Only a SHA-256 of each token's
-- secret is kept; the token itself is shown once. Keep in step with ../postgres/.
create table staff_api_tokens (
    id           integer primary key autoincrement,     -- no id reuse after revoke/delete
    staff_id     integer not null references staff_users (id) on delete cascade,
    secret_hash  text    not null,                      -- hex SHA-256 of the secret part
    created_at   integer not null,
    last_used_at integer,
    revoked_at   integer
);

create index staff_api_tokens_staff_idx on staff_api_tokens (staff_id);
