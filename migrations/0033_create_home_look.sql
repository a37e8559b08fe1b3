-- The home page's look, set by admins at /admin/settings/home: a banner
-- photograph with its focal point (CSS object-position, so a phone's crop
-- keeps the subject) and alt text per language, headline figures, a strip
-- of partner logos, and a WeChat QR code for the footer. Words per
-- language are jsonb maps {"zh": ..., "en": ...}: a handful of short
-- strings read whole with the frame snapshot, never searched.

-- +goose Up
CREATE TABLE home_look (
    id         boolean PRIMARY KEY DEFAULT true CHECK (id), -- one row
    banner_id  bigint REFERENCES media (id) ON DELETE SET NULL,
    focal_x    smallint NOT NULL DEFAULT 50 CHECK (focal_x BETWEEN 0 AND 100),
    focal_y    smallint NOT NULL DEFAULT 50 CHECK (focal_y BETWEEN 0 AND 100),
    banner_alt jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(banner_alt) = 'object'),
    wechat_id  bigint REFERENCES media (id) ON DELETE SET NULL,
    version    int NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO home_look DEFAULT VALUES;

CREATE TABLE home_figures (
    id         bigserial PRIMARY KEY,
    position   int NOT NULL,
    value      bigint NOT NULL CHECK (value >= 0),
    suffix     text NOT NULL DEFAULT '' CHECK (length(suffix) <= 8), -- "+", "m²"
    labels     jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(labels) = 'object'),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE home_logos (
    id         bigserial PRIMARY KEY,
    position   int NOT NULL,
    media_id   bigint NOT NULL REFERENCES media (id),
    name       text NOT NULL CHECK (name <> ''),
    link       text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- As 0023: a write here drops the frame snapshot and cached pages.
-- +goose StatementBegin
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['home_look', 'home_figures', 'home_logos']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change()', t || '_notify_change', t);
    END LOOP;
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP TABLE home_logos;
DROP TABLE home_figures;
DROP TABLE home_look;
