// Package outbox is the portal's durable background work, on river's job
// queue in PostgreSQL: e-mails written as jobs in the transaction that
// caused them (so a crash after the commit loses none), sent by a worker
// that retries with backoff until the SMTP server takes them, and periodic
// clean-ups that river's elected leader schedules once across instances.
package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// MailKind is the job kind of an e-mail, as the back office lists it.
const MailKind = "email"

// Mail is one e-mail waiting to go out, rendered when it was written (the
// worker needs neither the catalog nor the database to send it).
type Mail struct {
	To      []string `json:"to,omitempty"` // empty: the organisers
	Subject string   `json:"subject"`
	Body    string   `json:"body"`
	// About says what caused it ("booth application LNEE-2027-0001"), for
	// the back office's list of failing jobs and the logs.
	About string `json:"about"`
}

// Kind names the job for river.
func (Mail) Kind() string { return MailKind }

// Sender sends one e-mail; notify.Mailer is one. Empty to is the organisers.
type Sender interface {
	SendTo(ctx context.Context, to []string, subject, body string) error
}

// sendTimeout bounds one attempt at the SMTP conversation.
const sendTimeout = 30 * time.Second

type mailWorker struct {
	river.WorkerDefaults[Mail]
	sender Sender
	log    *slog.Logger
}

func (w *mailWorker) Timeout(*river.Job[Mail]) time.Duration { return sendTimeout }

// Work sends the mail; an error makes river try again later (its backoff
// grows with each attempt), until the server takes it or attempts run out.
func (w *mailWorker) Work(ctx context.Context, job *river.Job[Mail]) error {
	if err := w.sender.SendTo(ctx, job.Args.To, job.Args.Subject, job.Args.Body); err != nil {
		w.log.Warn("e-mail not sent, will try again", "about", job.Args.About, "attempt", job.Attempt, "err", err)
		return err
	}
	w.log.Info("e-mail sent", "about", job.Args.About, "attempt", job.Attempt)
	return nil
}

// Purger is what the periodic clean-ups delete with (the store).
type Purger interface {
	// PurgeFormPosts deletes rate-limit rows older than window and form
	// stamps older than stampAge (a stale stamp is refused before it is
	// looked up, so its row no longer needs it).
	PurgeFormPosts(ctx context.Context, window, stampAge time.Duration) error
	// ForgetVisitorsBefore deletes the visit hashes and salts of earlier days.
	ForgetVisitorsBefore(ctx context.Context, day time.Time) error
}

// PurgeForms is the periodic clean-up of the public forms' spam defence.
type PurgeForms struct{}

// Kind names the job for river.
func (PurgeForms) Kind() string { return "purge_form_posts" }

// ForgetVisitors is the periodic deletion of old visit hashes.
type ForgetVisitors struct{}

// Kind names the job for river.
func (ForgetVisitors) Kind() string { return "forget_visitors" }

// FormPostWindow and FormStampAge are what PurgeForms keeps: the hour of
// the forms' rate limit, and twice a stamp's 24-hour life.
const (
	FormPostWindow = time.Hour
	FormStampAge   = 48 * time.Hour
)

type purgeFormsWorker struct {
	river.WorkerDefaults[PurgeForms]
	store Purger
}

func (w *purgeFormsWorker) Work(ctx context.Context, _ *river.Job[PurgeForms]) error {
	return w.store.PurgeFormPosts(ctx, FormPostWindow, FormStampAge)
}

type forgetVisitorsWorker struct {
	river.WorkerDefaults[ForgetVisitors]
	store Purger
	loc   *time.Location
	now   func() time.Time
}

// Work forgets the days before yesterday, in the expo's zone: a batch
// counted just before midnight may still be written after it.
func (w *forgetVisitorsWorker) Work(ctx context.Context, _ *river.Job[ForgetVisitors]) error {
	y, m, d := w.now().In(w.loc).Date()
	return w.store.ForgetVisitorsBefore(ctx, time.Date(y, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1))
}

// Options configure New.
type Options struct {
	Pool *pgxpool.Pool
	// Sender sends the e-mails; nil means no mail at all: Enqueue writes
	// nothing, so no jobs pile up for a worker that does not exist.
	Sender Sender
	// Store does the periodic clean-ups; nil schedules none.
	Store Purger
	// Location is the expo's time zone, whose days the visit counts use.
	Location *time.Location
	Logger   *slog.Logger
	// PurgeEvery is how often the clean-ups run; an hour when zero.
	PurgeEvery time.Duration
	// RetryPolicy decides when a failed job is tried again; river's
	// (attempt⁴ seconds, with jitter) when nil.
	RetryPolicy river.ClientRetryPolicy
	// PollInterval is how often workers look for jobs besides being told
	// of new ones; river's (1 s) when zero.
	PollInterval time.Duration
}

// Outbox writes jobs and, once started, works them.
type Outbox struct {
	client *river.Client[pgx.Tx]
	mail   bool
	work   bool // there are workers to start
}

// New makes the river client: the mail worker when there is a Sender, the
// clean-ups when there is a Store.
func New(o Options) (*Outbox, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.PurgeEvery == 0 {
		o.PurgeEvery = time.Hour
	}
	workers := river.NewWorkers()
	if o.Sender != nil {
		river.AddWorker(workers, &mailWorker{sender: o.Sender, log: o.Logger})
	}
	var periodic []*river.PeriodicJob
	if o.Store != nil {
		river.AddWorker(workers, &purgeFormsWorker{store: o.Store})
		river.AddWorker(workers, &forgetVisitorsWorker{store: o.Store, loc: o.Location, now: time.Now})
		every := river.PeriodicInterval(o.PurgeEvery)
		periodic = append(periodic,
			river.NewPeriodicJob(every, func() (river.JobArgs, *river.InsertOpts) { return PurgeForms{}, nil },
				&river.PeriodicJobOpts{ID: "purge_form_posts", RunOnStart: true}),
			river.NewPeriodicJob(every, func() (river.JobArgs, *river.InsertOpts) { return ForgetVisitors{}, nil },
				&river.PeriodicJobOpts{ID: "forget_visitors", RunOnStart: true}))
	}
	cfg := &river.Config{
		Logger:            o.Logger.With("component", "jobs"),
		PeriodicJobs:      periodic,
		RetryPolicy:       o.RetryPolicy,
		FetchPollInterval: o.PollInterval,
		Workers:           workers,
		// A job whose instance died mid-way (kill -9 during an SMTP
		// conversation) is taken up again after a minute, not river's hour;
		// at worst that organiser gets the e-mail twice.
		JobTimeout:           sendTimeout,
		RescueStuckJobsAfter: time.Minute,
		// A few at a time: the mail server and the clean-ups need no more.
		Queues: map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 4}},
	}
	if o.Sender == nil && o.Store == nil {
		cfg.Queues, cfg.Workers = nil, nil // insert-only: nothing to work
	}
	client, err := river.NewClient(riverpgxv5.New(o.Pool), cfg)
	if err != nil {
		return nil, fmt.Errorf("outbox.New: %w", err)
	}
	return &Outbox{client: client, mail: o.Sender != nil, work: cfg.Workers != nil}, nil
}

// Mails reports whether e-mails are written at all.
func (o *Outbox) Mails() bool { return o != nil && o.mail }

// Enqueue writes m as a job in tx, the transaction that caused it: it is
// sent only if tx commits, and is not lost if the process dies after. It
// does nothing when there is no mail server.
func (o *Outbox) Enqueue(ctx context.Context, tx pgx.Tx, m Mail) error {
	if !o.Mails() {
		return nil
	}
	if m.Subject == "" || m.Body == "" {
		return errors.New("outbox.Enqueue: no subject or body")
	}
	if _, err := o.client.InsertTx(ctx, tx, m, nil); err != nil {
		return fmt.Errorf("outbox.Enqueue(%s): %w", m.About, err)
	}
	return nil
}

// Start begins working jobs (and, on the elected leader, scheduling the
// periodic ones) until Stop.
func (o *Outbox) Start(ctx context.Context) error {
	if !o.work {
		return nil
	}
	return o.client.Start(ctx)
}

// Stop lets jobs in progress finish until ctx ends, then cancels them (a
// cancelled mail is tried again later, by this or another instance).
func (o *Outbox) Stop(ctx context.Context) error {
	if !o.work {
		return nil
	}
	err := o.client.Stop(ctx)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return o.client.StopAndCancel(cctx)
	}
	return err
}
