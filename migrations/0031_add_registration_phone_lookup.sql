-- A visitor who registers again with the same mobile number and name is
-- shown the ticket they have; a visitor who lost a ticket asks for it by
-- mobile number. Both look registrations up by phone.

-- +goose Up
CREATE INDEX registrations_phone ON registrations (phone) WHERE phone <> '';

-- +goose Down
DROP INDEX registrations_phone;
