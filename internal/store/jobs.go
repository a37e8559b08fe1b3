package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// FailingJob is a background job (an e-mail, a clean-up) that failed at
// least once and has not been done since: still to be tried again, or
// given up on ("discarded").
type FailingJob struct {
	ID        int64
	Kind      string
	State     string // "retryable", "available", "scheduled", "running" or "discarded"
	About     string // what caused it, when the job says
	Attempts  int
	MaxTries  int
	LastError string
	// NextTry is when it will be tried again; nil once it is given up on.
	NextTry *time.Time
}

// Discarded reports whether the job is no longer tried.
func (j FailingJob) Discarded() bool { return j.State == "discarded" }

// FailingJobs lists the newest jobs in river's table that carry errors and
// were not finished since, at most limit of them. River deletes discarded
// jobs after a week, so the list does not grow forever.
func (s *Store) FailingJobs(ctx context.Context, limit int) ([]FailingJob, error) {
	rows, _ := s.pool.Query(ctx, `SELECT id, kind, state::text, coalesce(args->>'about', ''), attempt, max_attempts,
			coalesce(errors[cardinality(errors)]->>'error', ''),
			CASE WHEN state <> 'discarded' THEN scheduled_at END
		FROM river_job
		WHERE cardinality(errors) > 0 AND state IN ('retryable', 'available', 'scheduled', 'running', 'discarded')
		ORDER BY id DESC LIMIT $1 -- Store.FailingJobs`, limit)
	jobs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (FailingJob, error) {
		var j FailingJob
		err := row.Scan(&j.ID, &j.Kind, &j.State, &j.About, &j.Attempts, &j.MaxTries, &j.LastError, &j.NextTry)
		return j, err
	})
	if err != nil {
		return nil, fmt.Errorf("Store.FailingJobs: %w", err)
	}
	return jobs, nil
}
