-- Content pages (About, Exhibition centre, Business services, Contact): one
-- row per page, its words per language, so a third language is new rows.

-- +goose Up
CREATE TABLE pages (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path       text NOT NULL UNIQUE CHECK (path LIKE '/%'), -- after /{lang}
    sort_order int NOT NULL DEFAULT 0,
    published  boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE page_translations (
    page_id    bigint NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    lang       text NOT NULL REFERENCES languages (code),
    title      text NOT NULL CHECK (title <> ''),
    summary    text NOT NULL DEFAULT '',
    body       text NOT NULL DEFAULT '', -- Markdown; sanitised when rendered
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (page_id, lang)
);
