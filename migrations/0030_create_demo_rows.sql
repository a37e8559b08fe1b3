-- Exactly which rows portal demo wrote, so that portal demo --remove
-- deletes those and nothing else. stamp is the row's updated_at when the
-- demo finished: a row changed since is someone's edit and is kept.

-- +goose Up
CREATE TABLE demo_rows (
    tbl   text   NOT NULL,
    id    bigint NOT NULL,
    stamp timestamptz,
    PRIMARY KEY (tbl, id)
);

-- +goose Down
DROP TABLE demo_rows;
