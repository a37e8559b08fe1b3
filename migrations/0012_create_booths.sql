-- The hall map: each hall's booths on a grid of whole metres. A booth's type
-- names the price-list kind it is sold under (a standard shell-scheme booth
-- at the 'booth' price, raw space at the 'space' price per square metre), so
-- the price shown follows whatever price is in force. Its status is kept by
-- the booth applications: held while one is open, sold once approved.

-- +goose Up
CREATE TABLE booths (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hall       text NOT NULL CHECK (btrim(hall) <> ''),
    number     text NOT NULL CHECK (number ~ '^[A-Z0-9][A-Z0-9-]{0,15}$'),
    x          int  NOT NULL CHECK (x BETWEEN 0 AND 1000),
    y          int  NOT NULL CHECK (y BETWEEN 0 AND 1000),
    width      int  NOT NULL CHECK (width BETWEEN 1 AND 200),
    depth      int  NOT NULL CHECK (depth BETWEEN 1 AND 200),
    type       text NOT NULL CHECK (type IN ('standard', 'raw')),
    status     text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'held', 'sold')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- A booth number names one booth in the whole show (numbers carry their hall: 1A01).
CREATE UNIQUE INDEX booths_number ON booths (number);
CREATE INDEX booths_hall ON booths (hall, number);

