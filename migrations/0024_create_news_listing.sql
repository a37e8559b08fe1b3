-- The news lists at any size. A list page needs the number of public
-- articles (for its page links) and the 20 at its position; counting and
-- OFFSET both walk every article before the page, which at 100,000
-- articles took a third of a second for the first page and seconds for a
-- deep one; a search read and ranked the whole text of every match. Triggers
-- keep three tables true instead:
--   news_listing  every listed article (not a draft, not in the trash, with
--                 words in some language) with its category and release
--                 time, indexed in list order;
--   news_months   how many listed articles each category has per month.
--   news_search   the search tokens of every listed article's words with
--                 the lower-cased title and release time, and no body or
--                 summary: a search over thousands of matches reads rows
--                 less than half the words' size, and no article, and
--                 ranks by the title.
-- Public is listed and released by now: the few scheduled ones still to
-- come are counted at read time, so nothing here depends on the clock. A
-- page is found by summing months (a few hundred rows for decades of news)
-- and skipping at most a month of articles.

-- +goose Up
CREATE TABLE news_listing (
    article_id  bigint PRIMARY KEY,
    category    text NOT NULL,
    released_at timestamptz NOT NULL
);
CREATE INDEX news_listing_all ON news_listing (released_at DESC, article_id DESC);
CREATE INDEX news_listing_category ON news_listing (category, released_at DESC, article_id DESC);

CREATE TABLE news_months (
    category text NOT NULL,
    month    timestamptz NOT NULL, -- start of the month, UTC
    n        bigint NOT NULL CHECK (n >= 0),
    PRIMARY KEY (category, month)
);

CREATE TABLE news_search (
    article_id  bigint NOT NULL,
    lang        text NOT NULL,
    released_at timestamptz NOT NULL,
    title       text NOT NULL, -- lower(title), for ranking
    tokens      text[] NOT NULL,
    PRIMARY KEY (article_id, lang)
);
-- fastupdate off: searched often, written rarely.
CREATE INDEX news_search_tokens ON news_search USING gin (tokens) WITH (fastupdate = off);
-- Searches use news_search_tokens now.
DROP INDEX article_translations_tokens;

-- news_listing_sync makes the listing of the given articles true to the
-- articles and their words as this transaction sees them, and adjusts the
-- month counts by the difference. It reconciles rather than applies a
-- change, so it may run any number of times for an article, from any
-- trigger, in any order (a cascade from a deleted article included).
-- +goose StatementBegin
CREATE FUNCTION news_listing_sync(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- One transaction at a time, so that two never both count the same
    -- change and the next one's statements see this one's work. One lock,
    -- not one per article and month, so that two writers cannot deadlock
    -- over them; news is written rarely, and the visitor counter's updates
    -- do not get here. (The key is this feature's own number.)
    PERFORM pg_advisory_xact_lock(2024015001);

    WITH gone AS (
        DELETE FROM news_listing l
        WHERE l.article_id = ANY (ids) AND NOT EXISTS (
            SELECT 1 FROM articles a
            WHERE a.id = l.article_id AND a.category = l.category AND a.released_at = l.released_at
              AND a.status <> 'draft' AND a.deleted_at IS NULL
              AND EXISTS (SELECT 1 FROM article_translations x WHERE x.article_id = a.id))
        RETURNING l.category, date_trunc('month', l.released_at, 'UTC') AS month
    ), d AS (
        SELECT category, month, count(*) AS n FROM gone GROUP BY 1, 2
    )
    UPDATE news_months m SET n = m.n - d.n FROM d WHERE m.category = d.category AND m.month = d.month;

    WITH added AS (
        INSERT INTO news_listing (article_id, category, released_at)
        SELECT a.id, a.category, a.released_at FROM articles a
        WHERE a.id = ANY (ids) AND a.status <> 'draft' AND a.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM article_translations x WHERE x.article_id = a.id)
        ON CONFLICT (article_id) DO NOTHING
        RETURNING category, date_trunc('month', released_at, 'UTC') AS month
    )
    INSERT INTO news_months AS m (category, month, n)
    SELECT category, month, count(*) FROM added GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (category, month) DO UPDATE SET n = m.n + excluded.n;

    -- The words are copied afresh: a sync follows any change to them.
    DELETE FROM news_search WHERE article_id = ANY (ids);
    INSERT INTO news_search (article_id, lang, released_at, title, tokens)
    SELECT t.article_id, t.lang, l.released_at, lower(t.title), t.tokens
    FROM news_listing l JOIN article_translations t ON t.article_id = l.article_id
    WHERE l.article_id = ANY (ids);
END
$$;
-- +goose StatementEnd

-- news_listing_rebuild lists every article afresh: after a TRUNCATE, which
-- fires no row triggers, and to fill the tables now.
-- +goose StatementBegin
CREATE FUNCTION news_listing_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(2024015001); -- as news_listing_sync
    DELETE FROM news_listing;
    DELETE FROM news_months;
    DELETE FROM news_search;
    INSERT INTO news_listing (article_id, category, released_at)
    SELECT a.id, a.category, a.released_at FROM articles a
    WHERE a.status <> 'draft' AND a.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM article_translations x WHERE x.article_id = a.id);
    INSERT INTO news_months (category, month, n)
    SELECT category, date_trunc('month', released_at, 'UTC'), count(*) FROM news_listing GROUP BY 1, 2;
    INSERT INTO news_search (article_id, lang, released_at, title, tokens)
    SELECT t.article_id, t.lang, l.released_at, lower(t.title), t.tokens
    FROM news_listing l JOIN article_translations t ON t.article_id = l.article_id;
END
$$;
-- +goose StatementEnd

-- Statement triggers with transition tables: a COPY of 100,000 articles
-- syncs once, not 100,000 times. (A trigger with transition tables may
-- have only one event, hence one per event.)
-- +goose StatementBegin
CREATE FUNCTION news_listing_articles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM news_listing_sync(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM news_listing_sync(ARRAY(SELECT id FROM old_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        -- Only what listing depends on: the visitor counter's flush
        -- updates visits and costs nothing here.
        PERFORM news_listing_sync(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.category, n.status, n.released_at, n.deleted_at) IS DISTINCT FROM (o.category, o.status, o.released_at, o.deleted_at)));
    ELSE
        PERFORM news_listing_rebuild();
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION news_listing_translations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM news_listing_sync(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM news_listing_sync(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        -- Words never move to another article in practice; if they did,
        -- both would be synced.
        PERFORM news_listing_sync(ARRAY(SELECT article_id FROM old_rows UNION SELECT article_id FROM new_rows));
    ELSE
        PERFORM news_listing_rebuild();
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER news_listing_insert AFTER INSERT ON articles
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION news_listing_articles_changed();
CREATE TRIGGER news_listing_update AFTER UPDATE ON articles
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION news_listing_articles_changed();
CREATE TRIGGER news_listing_delete AFTER DELETE ON articles
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION news_listing_articles_changed();
CREATE TRIGGER news_listing_truncate AFTER TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION news_listing_articles_changed();

CREATE TRIGGER news_listing_insert AFTER INSERT ON article_translations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION news_listing_translations_changed();
CREATE TRIGGER news_listing_update AFTER UPDATE ON article_translations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION news_listing_translations_changed();
CREATE TRIGGER news_listing_delete AFTER DELETE ON article_translations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION news_listing_translations_changed();
CREATE TRIGGER news_listing_truncate AFTER TRUNCATE ON article_translations
    FOR EACH STATEMENT EXECUTE FUNCTION news_listing_translations_changed();

SELECT news_listing_rebuild();
