-- Every write to what the public sees says so, in its own transaction:
-- NOTIFY portal_changes with the table's name, delivered on commit to every
-- instance, which drops the frame snapshot and cached pages that depend on
-- it. A trigger, not a call in each writer, so no writer can forget one.
-- A write that changes only counts (the visitor counter's flush) sets
-- portal.quiet for its transaction: counts on cached pages may lag.

-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION portal_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('portal.quiet', true), '') <> 'on' THEN
        PERFORM pg_notify('portal_changes', TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['languages', 'site_settings', 'site_settings_i18n', 'nav_items', 'nav_labels',
        'pages', 'page_translations', 'media', 'articles', 'article_translations', 'article_photos',
        'schedule_events', 'schedule_event_texts', 'schedule_changes', 'charge_items', 'charge_item_texts',
        'exhibitors', 'exhibitor_texts', 'booths', 'hall_plans', 'hall_entrances']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change()', t || '_notify_change', t);
    END LOOP;
END
$$;
-- +goose StatementEnd
