-- The door and the organisers' overview look registrations up by means the
-- table's own indexes do not serve: a typed ticket code compared without its
-- dash and in upper case (however the code is stored), the visit days, and
-- the arrivals of one day.

-- +goose Up
CREATE INDEX registrations_code_plain ON registrations (upper(replace(code, '-', '')));
CREATE INDEX registrations_days ON registrations USING gin (days);
CREATE INDEX registrations_checked_in ON registrations (checked_in_at) WHERE checked_in_at IS NOT NULL;
