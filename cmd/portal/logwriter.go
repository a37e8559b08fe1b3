package main

import (
	"bufio"
	"io"
	"log/slog"
	"sync"
	"time"
)

// logWriter buffers the log and writes it out every interval (and when
// full, and on Close): one line per request, each its own write(2), was a
// third of the CPU a page from the cache cost under load.
type logWriter struct {
	mu   sync.Mutex
	buf  *bufio.Writer
	stop chan struct{}
	done chan struct{}
}

func newLogWriter(w io.Writer, interval time.Duration) *logWriter {
	l := &logWriter{buf: bufio.NewWriterSize(w, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				l.flush()
			case <-l.stop:
				l.flush()
				return
			}
		}
	}()
	return l
}

func (l *logWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logWriter) flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	_ = l.buf.Flush()
}

// Close writes out what is buffered; the log must not be used after it.
func (l *logWriter) Close() {
	close(l.stop)
	<-l.done
}

// textLog is slog's text handler with its writer at hand, for the access
// log, which writes lines of the same form itself (web.Options.AccessLog).
type textLog struct {
	*slog.TextHandler
	w io.Writer
}
