-- A stamp is one served form's (0021 made it the key of a double tap), but a
-- second submission with a used stamp must not be shown the first one's
-- page: the digest of what was posted tells a resend from another post.

-- +goose Up
ALTER TABLE booth_applications ADD COLUMN form_digest text;
ALTER TABLE registrations ADD COLUMN form_digest text;
ALTER TABLE visitor_groups ADD COLUMN form_digest text;
