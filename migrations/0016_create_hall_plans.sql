-- Each hall's outline and its doors, so the hall map draws the walls and
-- the entrances around the booths and a visitor can find their way. A hall
-- without a plan is drawn around its booths.

-- +goose Up
CREATE TABLE hall_plans (
    hall  text PRIMARY KEY CHECK (btrim(hall) <> ''),
    width int NOT NULL CHECK (width BETWEEN 1 AND 1200), -- metres, left to right
    depth int NOT NULL CHECK (depth BETWEEN 1 AND 1200)  -- metres, top to bottom
);

-- A door on one of the hall's walls: side n (top), s (bottom), w (left) or
-- e (right); "at" is metres from the wall's left or top end.
CREATE TABLE hall_entrances (
    hall  text NOT NULL REFERENCES hall_plans (hall) ON DELETE CASCADE,
    side  text NOT NULL CHECK (side IN ('n', 's', 'w', 'e')),
    at    int  NOT NULL CHECK (at >= 0),
    width int  NOT NULL CHECK (width BETWEEN 1 AND 100),
    PRIMARY KEY (hall, side, at)
);
