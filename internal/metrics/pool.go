package metrics

import (
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
)

// poolCollector reads the pool's statistics at each scrape, so they cost
// nothing between scrapes.
type poolCollector struct {
	pool                                      *pgxpool.Pool
	acquired, idle, total, max                *prometheus.Desc // gauges
	acquires, acquireSeconds, empty, canceled *prometheus.Desc // counters
}

func newPoolCollector(pool *pgxpool.Pool) *poolCollector {
	d := func(name, help string) *prometheus.Desc {
		return prometheus.NewDesc("portal_db_pool_"+name, help, nil, nil)
	}
	return &poolCollector{
		pool:           pool,
		acquired:       d("acquired_conns", "Database connections in use now."),
		idle:           d("idle_conns", "Idle database connections."),
		total:          d("total_conns", "Database connections open: in use, idle or being opened."),
		max:            d("max_conns", "The pool's connection limit."),
		acquires:       d("acquires_total", "Connections taken from the pool."),
		acquireSeconds: d("acquire_duration_seconds_total", "Time spent waiting for a connection from the pool."),
		empty:          d("empty_acquires_total", "Acquires that found no idle connection and had to wait or open one."),
		canceled:       d("canceled_acquires_total", "Acquires given up because the request's context ended first."),
	}
}

func (c *poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.acquired, c.idle, c.total, c.max, c.acquires, c.acquireSeconds, c.empty, c.canceled} {
		ch <- d
	}
}

func (c *poolCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.pool.Stat()
	gauge := func(d *prometheus.Desc, v float64) { ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v) }
	counter := func(d *prometheus.Desc, v float64) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, v)
	}
	gauge(c.acquired, float64(s.AcquiredConns()))
	gauge(c.idle, float64(s.IdleConns()))
	gauge(c.total, float64(s.TotalConns()))
	gauge(c.max, float64(s.MaxConns()))
	counter(c.acquires, float64(s.AcquireCount()))
	counter(c.acquireSeconds, s.AcquireDuration().Seconds())
	counter(c.empty, float64(s.EmptyAcquireCount()))
	counter(c.canceled, float64(s.CanceledAcquireCount()))
}
