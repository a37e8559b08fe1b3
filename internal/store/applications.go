package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// ApplicationStatuses is the booth application workflow, in the order the
// inbox shows it.
var ApplicationStatuses = []ApplicationStatus{AppNew, AppContacted, AppApproved, AppRejected, AppWithdrawn}

// applicationMoves is the workflow: where an application may go from each
// status. Closed ones (rejected, withdrawn) can only be reopened as new.
var applicationMoves = map[ApplicationStatus][]ApplicationStatus{
	AppNew:       {AppContacted, AppApproved, AppRejected, AppWithdrawn},
	AppContacted: {AppApproved, AppRejected, AppWithdrawn},
	AppApproved:  {AppWithdrawn, AppContacted},
	AppRejected:  {AppNew},
	AppWithdrawn: {AppNew},
}

// ApplicationMoves lists the statuses an application in status may move to.
func ApplicationMoves(status ApplicationStatus) []ApplicationStatus { return applicationMoves[status] }

// CanMoveApplication reports whether the workflow allows from -> to.
func CanMoveApplication(from, to ApplicationStatus) bool {
	return slices.Contains(applicationMoves[from], to)
}

// BoothStatusFor is the status a booth has while its application is in
// status: held while open, sold once approved, available once closed.
func BoothStatusFor(status ApplicationStatus) string {
	switch status {
	case AppApproved:
		return "sold"
	case AppRejected, AppWithdrawn:
		return "available"
	}
	return "held"
}

// liveStatus: an application in it holds its booth (the partial unique
// index booth_applications_live_booth uses the same list).
func liveStatus(status ApplicationStatus) bool {
	return status == AppNew || status == AppContacted || status == AppApproved
}

// Errors of the application workflow; the handlers translate them.
var (
	// ErrBoothTaken: the booth is not available any more (another company
	// holds it, or it was sold).
	ErrBoothTaken = errors.New("booth taken")
	// ErrMoveNotAllowed: the workflow has no such step from the current status.
	ErrMoveNotAllowed = errors.New("status change not allowed")
	// ErrBoothNeeded: approving needs a booth assigned.
	ErrBoothNeeded = errors.New("approval needs a booth")
)

// Application is a booth application as sent, with its booth when one is
// chosen or assigned.
type Application struct {
	ID         int64
	Reference  string // "LNEE-2027-0042", read out on the phone
	Token      string // the confirmation page's unguessable address
	Lang       string
	CompanyZH  string
	CompanyEN  string
	Contact    string
	Mobile     string // normalised: 13812345678 or +442079460958
	Email      string
	Country    string // ISO 3166 code; "" on applications sent before the form asked
	BoothType  string
	Area       *int   // square metres wanted; nil when a booth is chosen
	BoothID    *int64 // nil: no booth yet
	Booth      *Booth // the booth of BoothID, read with the application
	Categories []string
	Message    string
	Status     ApplicationStatus
	Address    string
	CreatedAt  time.Time
	UpdatedAt  time.Time
	FormStamp  string // the public form's stamp that made it; not read back
	FormDigest string // what that form said (see ErrStampUsed); not read back
}

// Company is the company's name: Chinese, then English, or both when given.
func (a Application) Company() string {
	switch {
	case a.CompanyZH != "" && a.CompanyEN != "":
		return a.CompanyZH + " / " + a.CompanyEN
	case a.CompanyZH != "":
		return a.CompanyZH
	}
	return a.CompanyEN
}

// ApplicationNote is an organiser's internal note on an application.
type ApplicationNote struct {
	ID        int64
	Author    *string // the author's e-mail; nil once the account is gone
	Body      string
	CreatedAt time.Time
}

// ApplicationFilter narrows the inbox; empty fields do not filter.
type ApplicationFilter struct {
	Status string
	Hall   string // the hall of the application's booth
}

const applicationColumns = `a.id, a.reference, a.token, a.lang, a.company_zh, a.company_en, a.contact, a.mobile, a.email,
	a.booth_type, a.area, a.booth_id, a.categories, a.message, a.status, a.address, a.created_at, a.updated_at, a.country,
	b.id, b.hall, b.number, b.x, b.y, b.width, b.depth, b.type, b.status, b.updated_at`

const applicationFrom = ` FROM booth_applications a LEFT JOIN booths b ON b.id = a.booth_id `

func scanApplication(row pgx.CollectableRow) (Application, error) {
	var a Application
	var b struct {
		ID                         *int64
		Hall, Number, Type, Status *string
		X, Y, Width, Depth         *int
		UpdatedAt                  *time.Time
	}
	err := row.Scan(&a.ID, &a.Reference, &a.Token, &a.Lang, &a.CompanyZH, &a.CompanyEN, &a.Contact, &a.Mobile, &a.Email,
		&a.BoothType, &a.Area, &a.BoothID, &a.Categories, &a.Message, &a.Status, &a.Address, &a.CreatedAt, &a.UpdatedAt, &a.Country,
		&b.ID, &b.Hall, &b.Number, &b.X, &b.Y, &b.Width, &b.Depth, &b.Type, &b.Status, &b.UpdatedAt)
	if err == nil && b.ID != nil {
		a.Booth = &Booth{ID: *b.ID, Hall: *b.Hall, Number: *b.Number, X: *b.X, Y: *b.Y, Width: *b.Width, Depth: *b.Depth,
			Type: *b.Type, Status: *b.Status, UpdatedAt: *b.UpdatedAt}
	}
	return a, err
}

// isLiveBoothConflict tells the partial unique index's refusal (a second
// open application for one booth) from other errors.
func isLiveBoothConflict(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == "booth_applications_live_booth"
}

// CreateApplication stores a new application and, when it names a booth,
// holds that booth for it, in one transaction: of two companies applying
// for one booth at the same moment, the second waits for the first's row
// lock, then finds the booth no longer available and gets ErrBoothTaken.
// year is the edition's year for the reference number. It returns the
// application with its id, reference and token. then, when given, runs in
// the same transaction once the application is written (the organisers'
// e-mail is queued there, so it exists exactly when the application does).
func (s *Store) CreateApplication(ctx context.Context, a Application, year int, then ...func(context.Context, pgx.Tx, Application) error) (Application, error) {
	return createApplication(ctx, s.pool, a, year, then...)
}

// beginner is the pool, or a transaction (whose Begin is a savepoint), so
// the demo can write an application and its moves inside fillIfEmpty.
type beginner interface {
	Begin(context.Context) (pgx.Tx, error)
}

func createApplication(ctx context.Context, db beginner, a Application, year int, then ...func(context.Context, pgx.Tx, Application) error) (Application, error) {
	a.Token, a.Status = newToken(), "new"
	if a.Categories == nil {
		a.Categories = []string{}
	}
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if a.BoothID != nil {
			tag, err := tx.Exec(ctx, `UPDATE booths SET status = 'held', updated_at = now()
				WHERE id = $1 AND status = 'available' -- Store.CreateApplication`, *a.BoothID)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				return ErrBoothTaken
			}
		}
		// The reference carries the row's own id, so it is unique without a
		// second counter; it is set once the id is known.
		err := tx.QueryRow(ctx, `INSERT INTO booth_applications (reference, token, lang, company_zh, company_en, contact, mobile, email,
				booth_type, area, booth_id, categories, message, address, form_stamp, form_digest, country)
			VALUES ('pending ' || $1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
			RETURNING id, created_at, updated_at -- Store.CreateApplication`,
			a.Token, a.Lang, a.CompanyZH, a.CompanyEN, a.Contact, a.Mobile, a.Email,
			a.BoothType, a.Area, a.BoothID, a.Categories, a.Message, a.Address,
			stampOrNull(a.FormStamp), stampOrNull(a.FormDigest), a.Country).Scan(&a.ID, &a.CreatedAt, &a.UpdatedAt)
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == "booth_applications_form_stamp" {
			return ErrDuplicatePost
		}
		if isLiveBoothConflict(err) {
			return ErrBoothTaken
		} else if err != nil {
			return err
		}
		a.Reference = ApplicationReference(year, a.ID)
		if _, err = tx.Exec(ctx, `UPDATE booth_applications SET reference = $2 WHERE id = $1 -- Store.CreateApplication`, a.ID, a.Reference); err != nil {
			return err
		}
		for _, f := range then {
			if err := f(ctx, tx, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return a, fmt.Errorf("Store.CreateApplication: %w", err)
	}
	return a, nil
}

// ApplicationTokenByStamp is the confirmation token of the application
// the public form with stamp made from the submission digest, or "" when
// that form made none; ErrStampUsed when it made one from another
// submission, which is never shown.
func (s *Store) ApplicationTokenByStamp(ctx context.Context, stamp, digest string) (string, error) {
	return s.tokenByStamp(ctx, "booth_applications", stamp, digest)
}

// ApplicationReference is the number an applicant quotes: the expo's
// initials, the edition's year and the application's id, at least four
// digits so it reads in groups ("LNEE-2027-0042").
func ApplicationReference(year int, id int64) string {
	return fmt.Sprintf("LNEE-%d-%04d", year, id)
}

// Applications lists the inbox, newest first.
func (s *Store) Applications(ctx context.Context, f ApplicationFilter) ([]Application, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+applicationColumns+applicationFrom+`
		WHERE ($1 = '' OR a.status = $1) AND ($2 = '' OR b.hall = $2)
		ORDER BY a.created_at DESC, a.id DESC -- Store.Applications`, f.Status, f.Hall)
	list, err := pgx.CollectRows(rows, scanApplication)
	if err != nil {
		return nil, fmt.Errorf("Store.Applications(%+v): %w", f, err)
	}
	return list, nil
}

// ApplicationCounts counts applications by status (every status present,
// zero or not), within hall when it is not empty.
func (s *Store) ApplicationCounts(ctx context.Context, hall string) (map[string]int, error) {
	rows, _ := s.pool.Query(ctx, `SELECT a.status, count(*)`+applicationFrom+`
		WHERE ($1 = '' OR b.hall = $1) GROUP BY a.status -- Store.ApplicationCounts`, hall)
	counts := map[string]int{}
	for _, st := range ApplicationStatuses {
		counts[string(st)] = 0
	}
	var st string
	var n int
	_, err := pgx.ForEachRow(rows, []any{&st, &n}, func() error { counts[st] = n; return nil })
	if err != nil {
		return nil, fmt.Errorf("Store.ApplicationCounts(%q): %w", hall, err)
	}
	return counts, nil
}

// NewApplicationCount is how many applications nobody has acted on yet,
// for the back office's menu badge.
func (s *Store) NewApplicationCount(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM booth_applications WHERE status = 'new' -- Store.NewApplicationCount`).Scan(&n); err != nil {
		return 0, fmt.Errorf("Store.NewApplicationCount: %w", err)
	}
	return n, nil
}

// BoothHalls lists the halls that have booths, for the inbox's filter.
func (s *Store) BoothHalls(ctx context.Context) ([]string, error) {
	rows, _ := s.pool.Query(ctx, `SELECT DISTINCT hall FROM booths ORDER BY hall -- Store.BoothHalls`)
	halls, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("Store.BoothHalls: %w", err)
	}
	return halls, nil
}

// Application loads one application with its notes, oldest note first.
func (s *Store) Application(ctx context.Context, id int64) (Application, []ApplicationNote, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+applicationColumns+applicationFrom+`WHERE a.id = $1 -- Store.Application`, id)
	a, err := oneRow(rows, scanApplication)
	if err != nil {
		return a, nil, fmt.Errorf("Store.Application(%d): %w", id, err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT n.id, u.email, n.body, n.created_at FROM booth_application_notes n
		LEFT JOIN users u ON u.id = n.author_id WHERE n.application_id = $1 ORDER BY n.created_at, n.id -- Store.Application`, id)
	notes, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ApplicationNote, error) {
		var n ApplicationNote
		err := row.Scan(&n.ID, &n.Author, &n.Body, &n.CreatedAt)
		return n, err
	})
	if err != nil {
		return a, nil, fmt.Errorf("Store.Application(%d): %w", id, err)
	}
	return a, notes, nil
}

// ApplicationByToken loads the application a confirmation page shows.
func (s *Store) ApplicationByToken(ctx context.Context, token string) (Application, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+applicationColumns+applicationFrom+`WHERE a.token = $1 -- Store.ApplicationByToken`, token)
	a, err := oneRow(rows, scanApplication)
	if err != nil {
		return a, fmt.Errorf("Store.ApplicationByToken: %w", err)
	}
	return a, nil
}

// MoveApplication takes an application to status to, with its booth
// following in the same transaction: held while it is new or contacted,
// sold once approved, available again once rejected or withdrawn.
// boothID, when not nil and not the application's booth, assigns that
// booth instead (it must be available) and releases the old one. Errors:
// ErrNotFound, ErrMoveNotAllowed, ErrBoothNeeded (approving with no
// booth), ErrBoothTaken (the booth to hold is not available: reopening
// after another company took it, or assigning a booth that is not free).
func (s *Store) MoveApplication(ctx context.Context, id int64, to ApplicationStatus, boothID *int64, userID int64) error {
	return moveApplication(ctx, s.pool, id, to, boothID, userID)
}

func moveApplication(ctx context.Context, db beginner, id int64, to ApplicationStatus, boothID *int64, userID int64) error {
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		// Lock the application alone first: a locking read through the
		// outer join that waited for another organiser's change of booth
		// would come back with that booth's columns empty. Read afresh,
		// with its booth, once the lock is ours.
		var locked int64
		err := tx.QueryRow(ctx, `SELECT id FROM booth_applications WHERE id = $1 FOR UPDATE -- Store.MoveApplication`, id).Scan(&locked)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, `SELECT `+applicationColumns+applicationFrom+`WHERE a.id = $1 -- Store.MoveApplication`, id)
		a, err := pgx.CollectExactlyOneRow(rows, scanApplication)
		if err != nil {
			return err
		}
		if !CanMoveApplication(a.Status, to) {
			return ErrMoveNotAllowed
		}
		target := a.BoothID
		switching := boothID != nil && (a.BoothID == nil || *boothID != *a.BoothID) && liveStatus(to)
		if switching {
			target = boothID
		}
		if to == AppApproved && target == nil {
			return ErrBoothNeeded
		}
		var changes []string
		changes = append(changes, string(a.Status)+" -> "+string(to))
		// Release the booth this application held when it closes or moves
		// to another booth.
		if a.BoothID != nil && liveStatus(a.Status) && (switching || !liveStatus(to)) {
			if _, err := tx.Exec(ctx, `UPDATE booths SET status = 'available', updated_at = now() WHERE id = $1 -- Store.MoveApplication`, *a.BoothID); err != nil {
				return err
			}
			if switching {
				changes = append(changes, "released booth "+a.Booth.Number)
			}
		}
		if target != nil && liveStatus(to) {
			want := BoothStatusFor(to)
			var number string
			if switching || !liveStatus(a.Status) {
				// Taking a booth anew: only an available one.
				err = tx.QueryRow(ctx, `UPDATE booths SET status = $2, updated_at = now()
					WHERE id = $1 AND status = 'available' RETURNING number -- Store.MoveApplication`, *target, want).Scan(&number)
				if errors.Is(err, pgx.ErrNoRows) {
					return ErrBoothTaken
				}
				if switching {
					changes = append(changes, "booth "+number)
				}
			} else {
				_, err = tx.Exec(ctx, `UPDATE booths SET status = $2, updated_at = now() WHERE id = $1 -- Store.MoveApplication`, *target, want)
			}
			if err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `UPDATE booth_applications SET status = $2, booth_id = $3, updated_at = now() WHERE id = $1 -- Store.MoveApplication`,
			id, to, target)
		if isLiveBoothConflict(err) {
			return ErrBoothTaken
		} else if err != nil {
			return err
		}
		return auditTx(ctx, tx, userID, "application.status", a.Reference+" "+a.Company(), strings.Join(changes, "; "))
	})
	if err != nil {
		return fmt.Errorf("Store.MoveApplication(%d, %s): %w", id, to, err)
	}
	return nil
}

// AddApplicationNote adds an organiser's internal note, audited.
func (s *Store) AddApplicationNote(ctx context.Context, id, userID int64, body string) error {
	return addApplicationNote(ctx, s.pool, id, userID, body)
}

func addApplicationNote(ctx context.Context, db beginner, id, userID int64, body string) error {
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		var ref string
		err := tx.QueryRow(ctx, `SELECT reference FROM booth_applications WHERE id = $1 -- Store.AddApplicationNote`, id).Scan(&ref)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		var author *int64
		if userID != 0 {
			author = &userID
		}
		if _, err := tx.Exec(ctx, `INSERT INTO booth_application_notes (application_id, author_id, body) VALUES ($1, $2, $3) -- Store.AddApplicationNote`,
			id, author, body); err != nil {
			return err
		}
		return auditTx(ctx, tx, userID, "application.note", ref, "")
	})
	if err != nil {
		return fmt.Errorf("Store.AddApplicationNote(%d): %w", id, err)
	}
	return nil
}

// SampleApplication is a demo application: what was sent (BoothNumber
// names the booth chosen), the statuses it then moved through, and an
// organiser's note.
type SampleApplication struct {
	Application
	BoothNumber string
	Moves       []ApplicationStatus
	Note        string
}

// InsertApplicationsIfEmpty writes the demo's applications into an empty
// inbox, each through the same steps as a real one, so the booths' statuses
// follow them.
func (s *Store) InsertApplicationsIfEmpty(ctx context.Context, apps []SampleApplication, year int) error {
	err := s.fillIfEmpty(ctx, "booth_applications", "SELECT 1 FROM booth_applications", func(tx pgx.Tx) error {
		for _, sa := range apps {
			a := sa.Application
			if sa.BoothNumber != "" {
				var id int64
				if err := tx.QueryRow(ctx, "SELECT id FROM booths WHERE number = $1 -- Store.InsertApplicationsIfEmpty", sa.BoothNumber).Scan(&id); err != nil {
					return fmt.Errorf("booth %s: %w", sa.BoothNumber, err)
				}
				a.BoothID = &id
			}
			a, err := createApplication(ctx, tx, a, year)
			if err != nil {
				return err
			}
			for _, to := range sa.Moves {
				if err := moveApplication(ctx, tx, a.ID, to, nil, 0); err != nil {
					return err
				}
			}
			if sa.Note != "" {
				if err := addApplicationNote(ctx, tx, a.ID, 0, sa.Note); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("Store.InsertApplicationsIfEmpty: %w", err)
	}
	return nil
}
