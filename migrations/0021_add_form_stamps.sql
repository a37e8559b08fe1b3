-- A public form's signed start time goes into what it created, once: a
-- double tap on a phone, or the same form sent again, finds the row the
-- first post made (and shows its confirmation) instead of making a second.

-- +goose Up
ALTER TABLE booth_applications ADD COLUMN form_stamp text;
CREATE UNIQUE INDEX booth_applications_form_stamp ON booth_applications (form_stamp);
ALTER TABLE registrations ADD COLUMN form_stamp text;
CREATE UNIQUE INDEX registrations_form_stamp ON registrations (form_stamp);
ALTER TABLE visitor_groups ADD COLUMN form_stamp text;
CREATE UNIQUE INDEX visitor_groups_form_stamp ON visitor_groups (form_stamp);
