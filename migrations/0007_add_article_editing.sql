-- Editing news in the back office: a version for optimistic locking, a
-- trash, and a revision kept for every save.

-- +goose Up
ALTER TABLE articles
    ADD COLUMN version    int NOT NULL DEFAULT 1,
    ADD COLUMN deleted_at timestamptz;

CREATE TABLE article_revisions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version    int NOT NULL,
    user_id    bigint REFERENCES users (id),
    saved_at   timestamptz NOT NULL DEFAULT now(),
    -- The article as saved: status, category, release time and the words
    -- in every language.
    snapshot   jsonb NOT NULL,
    UNIQUE (article_id, version)
);
