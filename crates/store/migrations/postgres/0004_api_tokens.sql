-- Staff API tokens (landed admin token create --email E). Only a SHA-256 of each token's
-- secret is kept; the token itself is shown once. Keep in step with ../sqlite/.
create table staff_api_tokens (
    id           bigint  generated always as identity primary key,
    staff_id     bigint  not null references staff_users (id) on delete cascade,
    secret_hash  text    not null,                      -- hex SHA-256 of the secret part
    created_at   bigint  not null,
    last_used_at bigint,
    revoked_at   bigint
);

create index staff_api_tokens_staff_idx on staff_api_tokens (staff_id);
