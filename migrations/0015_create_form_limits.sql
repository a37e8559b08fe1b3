-- Public forms' spam defence, shared by every instance: recent posts per
-- address (the rate limit) and the key that signs a form's start time (the
-- minimum fill time).

-- +goose Up
CREATE TABLE form_posts (
    scope   text NOT NULL,        -- 'apply', 'register', ...
    address text NOT NULL,        -- IPv4 address or IPv6 /64
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX form_posts_recent ON form_posts (scope, address, at);

CREATE TABLE secrets (
    name  text PRIMARY KEY,
    value bytea NOT NULL CHECK (length(value) >= 32)
);

