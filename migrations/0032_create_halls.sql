-- Halls are data: another expo has five halls, or an outdoor area, and the
-- organisers add, name (per language), order and draw them in the back
-- office instead of the code knowing "1" and "2". The outlines and doors
-- the demo drew (hall_plans, hall_entrances) move here, and every hall a
-- booth or an exhibitor names becomes a row, so nothing is lost; booths and
-- exhibitors then refer to their hall, so a hall in use cannot go.

-- +goose Up
CREATE TABLE halls (
    code       text PRIMARY KEY CHECK (btrim(code) <> '' AND length(code) <= 16),
    position   int  NOT NULL DEFAULT 0,
    -- The outline on the booths' metre grid; none yet (NULL) draws the
    -- hall round its booths.
    width      int CHECK (width BETWEEN 1 AND 1200),
    depth      int CHECK (depth BETWEEN 1 AND 1200),
    version    int NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((width IS NULL) = (depth IS NULL))
);

CREATE TABLE hall_names (
    hall text NOT NULL REFERENCES halls (code) ON DELETE CASCADE,
    lang text NOT NULL REFERENCES languages (code) ON DELETE CASCADE,
    name text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 60),
    PRIMARY KEY (hall, lang)
);

-- A door on one of the hall's walls, as hall_entrances had it: side n (top),
-- s (bottom), w (left) or e (right); "at" is metres from the wall's left or
-- top end.
CREATE TABLE hall_doors (
    hall  text NOT NULL REFERENCES halls (code) ON DELETE CASCADE,
    side  text NOT NULL CHECK (side IN ('n', 's', 'w', 'e')),
    at    int  NOT NULL CHECK (at >= 0),
    width int  NOT NULL CHECK (width BETWEEN 1 AND 100),
    PRIMARY KEY (hall, side, at)
);

INSERT INTO halls (code, width, depth) SELECT hall, width, depth FROM hall_plans;
INSERT INTO halls (code)
    SELECT hall FROM booths UNION SELECT hall FROM exhibitors WHERE hall <> '' UNION VALUES ('1'), ('2')
    ON CONFLICT (code) DO NOTHING;
-- The order the map's tabs had: by code.
UPDATE halls h SET position = o.n FROM (SELECT code, row_number() OVER (ORDER BY code) AS n FROM halls) o WHERE o.code = h.code;
-- The names the catalog gave "1" and "2", and the same pattern for any other.
INSERT INTO hall_names (hall, lang, name)
    SELECT h.code, l.code, CASE
        WHEN l.code = 'zh' AND h.code = '1' THEN '一号馆'
        WHEN l.code = 'zh' AND h.code = '2' THEN '二号馆'
        WHEN l.code = 'zh' THEN h.code || '号馆'
        ELSE 'Hall ' || h.code END
    FROM halls h JOIN languages l ON l.code IN ('zh', 'en');
INSERT INTO hall_doors (hall, side, at, width) SELECT hall, side, at, width FROM hall_entrances;
DROP TABLE hall_entrances;
DROP TABLE hall_plans;

ALTER TABLE booths ADD CONSTRAINT booths_hall_fkey FOREIGN KEY (hall) REFERENCES halls (code);
-- An exhibitor's hall is '' when it has none: the reference is on that
-- hall or nothing.
ALTER TABLE exhibitors ADD COLUMN hall_ref text GENERATED ALWAYS AS (nullif(hall, '')) STORED
    CONSTRAINT exhibitors_hall_fkey REFERENCES halls (code);
CREATE INDEX exhibitors_hall_ref ON exhibitors (hall_ref) WHERE hall_ref IS NOT NULL;

-- The page cache and the frame snapshot drop what they hold when a hall
-- changes (see 0023).
-- +goose StatementBegin
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['halls', 'hall_names', 'hall_doors']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change()', t || '_notify_change', t);
    END LOOP;
END
$$;
-- +goose StatementEnd

-- +goose Down
CREATE TABLE hall_plans (
    hall  text PRIMARY KEY CHECK (btrim(hall) <> ''),
    width int NOT NULL CHECK (width BETWEEN 1 AND 1200),
    depth int NOT NULL CHECK (depth BETWEEN 1 AND 1200)
);
CREATE TABLE hall_entrances (
    hall  text NOT NULL REFERENCES hall_plans (hall) ON DELETE CASCADE,
    side  text NOT NULL CHECK (side IN ('n', 's', 'w', 'e')),
    at    int  NOT NULL CHECK (at >= 0),
    width int  NOT NULL CHECK (width BETWEEN 1 AND 100),
    PRIMARY KEY (hall, side, at)
);
INSERT INTO hall_plans SELECT code, width, depth FROM halls WHERE width IS NOT NULL;
INSERT INTO hall_entrances SELECT d.hall, d.side, d.at, d.width FROM hall_doors d JOIN hall_plans p ON p.hall = d.hall;
CREATE TRIGGER hall_plans_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hall_plans
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change();
CREATE TRIGGER hall_entrances_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hall_entrances
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change();
DROP INDEX exhibitors_hall_ref;
ALTER TABLE exhibitors DROP COLUMN hall_ref;
ALTER TABLE booths DROP CONSTRAINT booths_hall_fkey;
DROP TABLE hall_doors;
DROP TABLE hall_names;
DROP TABLE halls;
