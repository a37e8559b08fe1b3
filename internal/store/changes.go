package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgxlisten"
)

// ChangesChannel carries the name of each table whose rows the public sees,
// once per writing statement (migration 0023's triggers).
const ChangesChannel = "portal_changes"

// ListenForChanges calls changed with each table a committed write touched,
// on a connection of its own, until ctx ends. After every (re)connect it
// calls reset first: notifications sent while it was away are lost, so
// whatever the caller keeps may be stale.
func (s *Store) ListenForChanges(ctx context.Context, changed func(table string), reset func(), logErr func(error)) error {
	l := &pgxlisten.Listener{
		Connect: func(ctx context.Context) (*pgx.Conn, error) {
			return pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
		},
		LogError:       func(_ context.Context, err error) { logErr(err) },
		ReconnectDelay: time.Second,
	}
	l.Handle(ChangesChannel, changeHandler{changed, reset})
	return l.Listen(ctx)
}

type changeHandler struct {
	changed func(string)
	reset   func()
}

func (h changeHandler) HandleNotification(_ context.Context, n *pgconn.Notification, _ *pgx.Conn) error {
	h.changed(n.Payload)
	return nil
}

// HandleBacklog runs once LISTEN is in place after each connect.
func (h changeHandler) HandleBacklog(context.Context, string, *pgx.Conn) error {
	h.reset()
	return nil
}
