-- The exhibitor directory: one row per company, its names and descriptions
-- per language (a third language needs no schema change).

-- +goose Up
CREATE TABLE exhibitors (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booth      text NOT NULL DEFAULT '',
    hall       text NOT NULL DEFAULT '',
    categories text[] NOT NULL DEFAULT '{}', -- slugs of the display scope
    website    text NOT NULL DEFAULT '',
    logo_id    bigint REFERENCES media (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exhibitors_categories ON exhibitors USING gin (categories);

CREATE TABLE exhibitor_texts (
    exhibitor_id bigint NOT NULL REFERENCES exhibitors (id) ON DELETE CASCADE,
    lang         text NOT NULL REFERENCES languages (code),
    name         text NOT NULL CHECK (btrim(name) <> ''),
    description  text NOT NULL DEFAULT '',
    PRIMARY KEY (exhibitor_id, lang)
);
-- The same company cannot be listed twice under one name in a language;
-- the import matches rows on this too.
CREATE UNIQUE INDEX exhibitor_texts_name ON exhibitor_texts (lang, lower(btrim(name)));

