-- Staff accounts, their sessions, sign-in throttling and the audit log.
-- Everything an instance needs to know about a signed-in person is here, so
-- any instance can serve them.

-- +goose Up
CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    role          text NOT NULL CHECK (role IN ('admin', 'editor', 'organiser')),
    -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash; the parameters
    -- travel with each hash so they can be raised later.
    password_hash text NOT NULL,
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (email);

-- The session store of github.com/alexedwards/scs/pgxstore.
CREATE TABLE sessions (
    token  text PRIMARY KEY,
    data   bytea NOT NULL,
    expiry timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expiry);

-- Failed sign-ins per key ("account:<email>" or "address:<ip>") in the
-- current window; shared by every instance.
CREATE TABLE login_failures (
    key          text PRIMARY KEY,
    failures     int NOT NULL,
    window_start timestamptz NOT NULL
);

CREATE TABLE audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    user_id    bigint REFERENCES users (id),
    action     text NOT NULL,
    subject    text NOT NULL DEFAULT '',
    summary    text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
