-- The price list: booths, space, surcharges, advertising and services. Prices
-- are integer minor units (fen, cents), never floats. An item may be limited
-- to a window of days (inclusive, in the expo's time zone) so an early-bird
-- price gives way to the regular one by itself. Names per language in their
-- own table, so a third language is new rows.

-- +goose Up
CREATE TABLE charge_items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('booth', 'space', 'surcharge', 'advertising', 'service', 'other')),
    unit        text NOT NULL CHECK (unit IN ('booth', 'sqm', 'item', 'day', 'piece', 'kw', 'line')),
    price_cny   bigint NOT NULL CHECK (price_cny BETWEEN 0 AND 10000000000),
    price_usd   bigint CHECK (price_usd BETWEEN 0 AND 10000000000),
    valid_from  date,
    valid_until date,
    sort        int NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until >= valid_from)
);
CREATE INDEX charge_items_order ON charge_items (kind, sort, id);

CREATE TABLE charge_item_texts (
    item_id bigint NOT NULL REFERENCES charge_items (id) ON DELETE CASCADE,
    lang    text NOT NULL REFERENCES languages (code),
    name    text NOT NULL CHECK (name <> ''),
    note    text NOT NULL DEFAULT '',
    PRIMARY KEY (item_id, lang)
);

