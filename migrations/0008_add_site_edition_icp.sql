-- The edition number, and the ICP filing number a site in mainland China
-- shows in its footer.

-- +goose Up
ALTER TABLE site_settings
    ADD COLUMN edition    int CHECK (edition > 0),
    ADD COLUMN icp_number text NOT NULL DEFAULT '';
