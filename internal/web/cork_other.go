//go:build !linux

package web

import (
	"context"
	"net"
)

// corker does nothing where TCP_CORK is not (see cork_linux.go).
type corker struct{}

func withCorker(ctx context.Context, _ net.Conn) context.Context { return ctx }

func corkerOf(context.Context) *corker { return nil }

func (*corker) set(bool) {}
