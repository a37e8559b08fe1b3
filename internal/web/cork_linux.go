package web

import (
	"context"
	"net"
	"syscall"
)

// corker holds back a connection's partial packets (TCP_CORK) while a
// response is written, so that its header and body leave in one packet:
// net/http writes a page larger than its 4 KB buffer in two writes, and
// with Nagle off (Go's default) each went out as a packet of its own,
// each with its own wake-up at the other end. nginx does the same
// (tcp_nopush).
type corker struct{ fd int }

type corkKey struct{}

// withCorker is http.Server's ConnContext: it notes a TCP connection's
// descriptor for the requests on it.
func withCorker(ctx context.Context, c net.Conn) context.Context {
	if h, ok := c.(interface{ NetConn() net.Conn }); ok {
		c = h.NetConn() // handed over by the fast path (fastpath.go)
	}
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return ctx
	}
	rc, err := tc.SyscallConn()
	if err != nil {
		return ctx
	}
	fd := -1
	if rc.Control(func(f uintptr) { fd = int(f) }) != nil || fd < 0 {
		return ctx
	}
	return context.WithValue(ctx, corkKey{}, &corker{fd})
}

// corkerOf is the corker of the connection ctx's request came on, or nil.
func corkerOf(ctx context.Context) *corker {
	c, _ := ctx.Value(corkKey{}).(*corker)
	return c
}

// set corks (on) or uncorks the connection; uncorking sends what is held.
// The descriptor is open while a request on it is being answered.
func (c *corker) set(on bool) {
	v := 0
	if on {
		v = 1
	}
	_ = syscall.SetsockoptInt(c.fd, syscall.IPPROTO_TCP, syscall.TCP_CORK, v)
}
