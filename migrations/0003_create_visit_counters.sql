-- The visitor counter. Unique visitors are counted per day (Asia/Shanghai)
-- by a salted hash of address and user agent; the salt lives in its own
-- table and, like the hashes, is deleted once its day is over, leaving only
-- the counts.

-- +goose Up
CREATE TABLE visit_days (
    day      date PRIMARY KEY,
    visitors bigint NOT NULL DEFAULT 0 CHECK (visitors >= 0),
    views    bigint NOT NULL DEFAULT 0 CHECK (views >= 0)
);

CREATE TABLE page_views (
    path  text PRIMARY KEY,
    views bigint NOT NULL DEFAULT 0 CHECK (views >= 0)
);

CREATE TABLE visitor_salts (
    day  date PRIMARY KEY,
    salt bytea NOT NULL CHECK (length(salt) = 32)
);

CREATE TABLE visitor_hashes (
    day  date NOT NULL,
    hash bytea NOT NULL,
    PRIMARY KEY (day, hash)
);
