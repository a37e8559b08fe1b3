-- Foreign exhibitors (issue 18, item 7): a 400 hotline cannot be dialled
-- from abroad, so the settings gain a number that can (and the chat
-- contacts foreigners use); the booth application asks where the company
-- is from; and visitors from abroad ask for a visa invitation letter on the
-- page for international exhibitors, which the menu lists.

-- +goose Up
ALTER TABLE site_settings
    ADD COLUMN intl_phone text NOT NULL DEFAULT '', -- "+86 24 2281 6191": as shown; tel: uses its digits
    ADD COLUMN wechat_id  text NOT NULL DEFAULT '',
    ADD COLUMN whatsapp   text NOT NULL DEFAULT '', -- a phone number, shown as text and tel:, never a link elsewhere
    ADD COLUMN manual_url text NOT NULL DEFAULT ''  -- the exhibitor manual: a /media/ file of this site
        CHECK (manual_url = '' OR manual_url ~ '^/media/[0-9a-f]{64}(\.[a-z0-9]{1,5})?$');

-- ISO 3166 region code; '' for applications sent before the form asked.
ALTER TABLE booth_applications ADD COLUMN country text NOT NULL DEFAULT ''
    CHECK (country ~ '^([A-Z]{2})?$');

-- Requests for a visa invitation letter. Not public: no NOTIFY trigger.
CREATE TABLE visa_requests (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Unguessable: the confirmation page's address.
    token       text NOT NULL UNIQUE,
    lang        text NOT NULL REFERENCES languages (code),
    company     text NOT NULL CHECK (btrim(company) <> ''),
    name        text NOT NULL CHECK (btrim(name) <> ''), -- as in the passport
    nationality text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
    passport_no text NOT NULL CHECK (passport_no ~ '^[A-Z0-9]{5,20}$'),
    arrives_on  date NOT NULL,
    departs_on  date NOT NULL,
    email       text NOT NULL CHECK (email LIKE '%_@_%'),
    address     text NOT NULL DEFAULT '', -- where it came from, for abuse handling
    form_stamp  text,
    form_digest text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (departs_on >= arrives_on)
);
-- A public form's stamp goes into what it made, once (see 0021).
CREATE UNIQUE INDEX visa_requests_form_stamp ON visa_requests (form_stamp);
CREATE INDEX visa_requests_created ON visa_requests (created_at DESC);

INSERT INTO nav_items (key, parent_key, path, position) VALUES
    ('exhibit.international', 'exhibit', '/exhibit/international', 9);
INSERT INTO nav_labels (nav_key, lang, label) VALUES
    ('exhibit.international', 'zh', '境外展商'),
    ('exhibit.international', 'en', 'International exhibitors');

-- +goose Down
DELETE FROM nav_items WHERE key = 'exhibit.international';
DROP TABLE visa_requests;
ALTER TABLE booth_applications DROP COLUMN country;
ALTER TABLE site_settings DROP COLUMN intl_phone, DROP COLUMN wechat_id, DROP COLUMN whatsapp, DROP COLUMN manual_url;
