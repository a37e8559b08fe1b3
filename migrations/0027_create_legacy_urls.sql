-- The old site's addresses (issue 19): every page portal import legacy
-- brought over answers 301 to its new place, and the import is keyed by
-- them, so a second run finds what the first one wrote.
--
-- old_key is the address as the old server understood it: the path in
-- lower case (IIS ignored case), the query's names in lower case and its
-- pairs in order (ASP's Request.QueryString ignored both), values as they
-- were. Only 404s look here, so pages that exist pay nothing.

-- +goose Up
CREATE TABLE legacy_urls (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    old_key       text NOT NULL UNIQUE,
    old_url       text NOT NULL,                           -- as the mirror saved it, for people
    target        text NOT NULL CHECK (target ~ '^/[^/\\]'), -- a path on this site, never another host
    kind          text NOT NULL CHECK (kind IN ('article', 'page', 'list', 'home')),
    lang          text NOT NULL,
    article_id    bigint REFERENCES articles (id) ON DELETE SET NULL,
    page_id       bigint REFERENCES pages (id) ON DELETE SET NULL,
    -- What the import wrote, to tell a rerun (same digest: nothing to do)
    -- from an edit by staff since (the article's version or the page's
    -- last change is no longer the one the import left).
    digest        text NOT NULL DEFAULT '',
    version       int,
    stamp         timestamptz,
    target_edited boolean NOT NULL DEFAULT false,           -- set by the back office: imports leave it
    imported_at   timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX legacy_urls_article ON legacy_urls (article_id) WHERE article_id IS NOT NULL;
CREATE INDEX legacy_urls_page ON legacy_urls (page_id) WHERE page_id IS NOT NULL;

-- +goose Down
DROP TABLE legacy_urls;
