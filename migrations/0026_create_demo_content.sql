-- What portal demo wrote, by kind: rows now beyond (or short of) the count
-- recorded here were added or removed by people, and a later portal demo
-- refuses to mix its samples into them unless forced.

-- +goose Up
CREATE TABLE demo_content (
    kind      text PRIMARY KEY,
    rows      bigint NOT NULL CHECK (rows >= 0),
    loaded_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE demo_content;
