-- Booth applications from exhibitors and the organisers' notes on them.

-- +goose Up
CREATE TABLE booth_applications (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The number the applicant quotes on the phone: "LNEE-2026-0042".
    reference   text NOT NULL UNIQUE,
    -- Unguessable: the confirmation page's address, so nobody reads another's.
    token       text NOT NULL UNIQUE,
    lang        text NOT NULL REFERENCES languages (code),
    company_zh  text NOT NULL DEFAULT '',
    company_en  text NOT NULL DEFAULT '',
    contact     text NOT NULL CHECK (btrim(contact) <> ''),
    mobile      text NOT NULL CHECK (btrim(mobile) <> ''), -- normalised: 13812345678 or +4420...
    email       text NOT NULL CHECK (email LIKE '%_@_%'),
    booth_type  text NOT NULL CHECK (booth_type IN ('standard', 'raw')),
    area        int CHECK (area BETWEEN 1 AND 10000), -- square metres wanted when no booth is chosen
    booth_id    bigint REFERENCES booths (id) ON DELETE SET NULL,
    categories  text[] NOT NULL DEFAULT '{}', -- exhibitor category slugs
    message     text NOT NULL DEFAULT '',
    status      text NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'contacted', 'approved', 'rejected', 'withdrawn')),
    address     text NOT NULL DEFAULT '', -- where it came from, for abuse handling
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (btrim(company_zh) <> '' OR btrim(company_en) <> ''),
    CHECK (booth_id IS NOT NULL OR area IS NOT NULL),
    CHECK (status <> 'approved' OR booth_id IS NOT NULL)
);
-- One live application per booth: the database, not the handler, settles
-- two companies applying for the same booth at the same moment.
CREATE UNIQUE INDEX booth_applications_live_booth ON booth_applications (booth_id)
    WHERE status IN ('new', 'contacted', 'approved');
CREATE INDEX booth_applications_inbox ON booth_applications (status, created_at DESC);

CREATE TABLE booth_application_notes (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint NOT NULL REFERENCES booth_applications (id) ON DELETE CASCADE,
    author_id      bigint REFERENCES users (id) ON DELETE SET NULL,
    body           text NOT NULL CHECK (btrim(body) <> ''),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booth_application_notes_application ON booth_application_notes (application_id, created_at);

