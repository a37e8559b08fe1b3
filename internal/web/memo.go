package web

import (
	"sync"
	"sync/atomic"
)

// memo keeps values read from the database, by key, until drop: reads are
// lock-free (a published map is never changed), and a load that began
// before a drop does not publish what it read.
type memo[T any] struct {
	mu  sync.Mutex // one publisher at a time
	gen atomic.Uint64
	cur atomic.Pointer[map[string]T]
}

// get is the value under key, loaded (and kept) when missing.
func (m *memo[T]) get(key string, load func() (T, error)) (T, error) {
	if cur := m.cur.Load(); cur != nil {
		if v, ok := (*cur)[key]; ok {
			return v, nil
		}
	}
	gen := m.gen.Load()
	v, err := load()
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.gen.Load() == gen {
		next := map[string]T{}
		if cur := m.cur.Load(); cur != nil {
			for k, old := range *cur {
				next[k] = old
			}
		}
		next[key] = v
		m.cur.Store(&next)
	}
	return v, nil
}

// drop forgets every value.
func (m *memo[T]) drop() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gen.Add(1)
	m.cur.Store(nil)
}
