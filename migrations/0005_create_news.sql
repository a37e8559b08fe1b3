-- The news centre: articles per language, and the media files staff upload.
-- Media live in PostgreSQL so that every instance serves the same files;
-- large files are split in chunks so a Range request reads only what it needs.

-- +goose Up
CREATE TABLE media (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash         text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'), -- sha256 of the bytes
    parent_id    bigint REFERENCES media (id) ON DELETE CASCADE,   -- set on renditions
    rendition    text NOT NULL DEFAULT '' ,                          -- '' for an original
    kind         text NOT NULL CHECK (kind IN ('image', 'video')),
    content_type text NOT NULL,
    size         bigint NOT NULL CHECK (size > 0),
    width        int,
    height       int,
    chunk_size   int NOT NULL CHECK (chunk_size > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((parent_id IS NULL) = (rendition = ''))
);
CREATE UNIQUE INDEX media_rendition ON media (parent_id, rendition) WHERE parent_id IS NOT NULL;

CREATE TABLE media_chunks (
    media_id bigint NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    idx      int NOT NULL CHECK (idx >= 0),
    data     bytea NOT NULL,
    PRIMARY KEY (media_id, idx)
);

CREATE TABLE articles (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category    text NOT NULL CHECK (category IN ('expo', 'industry', 'media', 'video', 'photo')),
    status      text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published')),
    released_at timestamptz NOT NULL,
    cover_id    bigint REFERENCES media (id),
    video_id    bigint REFERENCES media (id),
    visits      bigint NOT NULL DEFAULT 0 CHECK (visits >= 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
-- Lists: newest first, the id breaking ties so paging is stable.
CREATE INDEX articles_public ON articles (released_at DESC, id DESC) WHERE status <> 'draft';
CREATE INDEX articles_category ON articles (category, released_at DESC, id DESC) WHERE status <> 'draft';

CREATE TABLE article_translations (
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    lang       text NOT NULL REFERENCES languages (code),
    title      text NOT NULL CHECK (title <> ''),
    summary    text NOT NULL DEFAULT '',
    body       text NOT NULL DEFAULT '', -- Markdown
    source     text NOT NULL DEFAULT '',
    -- Search tokens built by the portal: words of Latin text, single
    -- characters and pairs of CJK text, so that one- and two-character
    -- Chinese queries use the index too.
    tokens     text[] NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (article_id, lang)
);
-- fastupdate off: articles are written rarely and searched often, so no
-- pending list for every search to scan.
CREATE INDEX article_translations_tokens ON article_translations USING gin (tokens) WITH (fastupdate = off);

-- A photo story's pictures, in order, with captions per language.
CREATE TABLE article_photos (
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   int NOT NULL,
    media_id   bigint NOT NULL REFERENCES media (id),
    captions   jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(captions) = 'object'),
    PRIMARY KEY (article_id, position)
);
