// Command rateload sends GET requests to one URL at a fixed rate and prints
// the latency percentiles, for make bench's "p99 at half the peak rate".
//
// wrk keeps each connection busy (closed loop): it sends the next request
// only when the last one is answered, so it cannot hold a rate, and a slow
// answer delays the requests behind it without counting them as late. wrk2,
// which fixes both, is not packaged for Debian. rateload does what wrk2
// does: request k is due at start + k/rate whatever happened before, any
// free connection sends it, and its latency is counted from when it was due,
// so time spent queued behind a slow answer is part of it.
//
// Like wrk it sends no Accept-Encoding, so neither side compresses. The last
// line of its output is machine-readable:
//
//	rate=<achieved req/s> p50=<ms> p90=<ms> p99=<ms> p999=<ms> max=<ms> errors=<n>
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"slices"
	"sync"
	"time"
)

func main() {
	rate := flag.Float64("rate", 0, "requests per second to send (required)")
	duration := flag.Duration("duration", 10*time.Second, "how long to measure")
	warmup := flag.Duration("warmup", time.Second, "how long to send at the rate before measuring")
	conns := flag.Int("conns", 32, "connections at most (requests in flight at once)")
	timeout := flag.Duration("timeout", 5*time.Second, "a request slower than this is an error")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: rateload -rate R [-duration D] [-warmup W] [-conns C] URL")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *rate <= 0 || *conns <= 0 || *duration <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	r, err := run(flag.Arg(0), *rate, *warmup, *duration, *conns, *timeout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rateload:", err)
		os.Exit(1)
	}
	fmt.Printf("%s at %.0f req/s for %v (%v warm-up), %d connections at most, latency from each request's due time\n",
		flag.Arg(0), *rate, *duration, *warmup, *conns)
	fmt.Printf("rate=%.1f p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f errors=%d\n",
		r.rate, r.pct(0.50), r.pct(0.90), r.pct(0.99), r.pct(0.999), r.pct(1), r.errors)
}

type result struct {
	ms     []float64 // sorted latencies of the measured requests
	rate   float64   // measured requests answered per second
	errors int
}

// pct is the nearest-rank percentile p (0 < p <= 1) in milliseconds.
func (r result) pct(p float64) float64 {
	if len(r.ms) == 0 {
		return math.NaN()
	}
	return r.ms[max(0, int(math.Ceil(p*float64(len(r.ms))))-1)]
}

func run(url string, rate float64, warmup, duration time.Duration, conns int, timeout time.Duration) (result, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return result{}, err
	}
	client := &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			DisableCompression:  true,
			MaxIdleConnsPerHost: conns,
			MaxConnsPerHost:     conns,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	// One probe first: a URL that does not answer 200 is a mistake, not a load.
	if err := get(client, req); err != nil {
		return result{}, err
	}

	interval := time.Duration(float64(time.Second) / rate)
	total := int((warmup + duration) / interval)
	measureFrom := int(warmup / interval)
	due := make(chan int, total)
	type sample struct {
		k   int
		lat time.Duration
		err error
	}
	samples := make(chan sample, total)
	start := time.Now().Add(10 * time.Millisecond)
	at := func(k int) time.Time { return start.Add(time.Duration(k) * interval) }

	var wg sync.WaitGroup
	for range conns {
		wg.Go(func() {
			for k := range due {
				err := get(client, req)
				samples <- sample{k, time.Since(at(k)), err}
			}
		})
	}
	// Hand out each request when it is due. A request that no connection
	// is free for waits in the channel, and its wait counts.
	for k := range total {
		if d := time.Until(at(k)); d > 0 {
			time.Sleep(d)
		}
		due <- k
	}
	close(due)
	wg.Wait()
	end := time.Now()
	close(samples)

	var r result
	for s := range samples {
		if s.k < measureFrom {
			continue
		}
		if s.err != nil {
			r.errors++
			continue
		}
		r.ms = append(r.ms, float64(s.lat.Microseconds())/1000)
	}
	slices.Sort(r.ms)
	r.rate = float64(len(r.ms)) / end.Sub(at(measureFrom)).Seconds()
	return r, nil
}

func get(client *http.Client, req *http.Request) error {
	res, err := client.Do(req.Clone(context.Background()))
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return errors.New(res.Status)
	}
	return nil
}
