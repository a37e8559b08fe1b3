-- The back office in each staff member's own language, kept with the
-- account (issue 18): NULL until the first sign-in sets it from the
-- language the sign-in page was shown in.
-- The editor's news list, newest release first, 50 a page, filtered by
-- status or category: indexes over live articles so a page of 100,000
-- articles reads 50 index entries, not the table.

-- +goose Up
ALTER TABLE users ADD COLUMN lang text REFERENCES languages (code) ON UPDATE CASCADE ON DELETE SET NULL;

CREATE INDEX articles_admin_release ON articles (released_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_admin_status ON articles (status, released_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_admin_category ON articles (category, released_at DESC, id DESC) WHERE deleted_at IS NULL;

-- +goose Down
DROP INDEX articles_admin_category;
DROP INDEX articles_admin_status;
DROP INDEX articles_admin_release;
ALTER TABLE users DROP COLUMN lang;
