-- A staff API token may be read-only (landed admin token create --read-only): it lists, reads
-- and exports, and is refused (403) where it would change a question. Keep in step with
-- ../sqlite/.
alter table staff_api_tokens add column read_only boolean not null default false;
