package store

import (
	"time"

	"github.com/jackc/pgx/v5"
)

// RegistrationRoles are who a visitor is, in the order forms offer them.
var RegistrationRoles = []string{"teacher", "school_leader", "student", "official", "buyer", "industry", "media", "other"}

// Registration is one pre-registered visitor and their e-ticket.
type Registration struct {
	ID           int64
	Token        string // the e-ticket's address and QR content; unguessable
	Code         string // the short ticket number typed at the door
	GroupID      *int64
	Lang         string
	Name         string
	Organisation string
	Role         string
	City         string
	Phone        string
	Email        string
	Days         []time.Time // dates of visit (midnight UTC, read as dates)
	CreatedAt    time.Time
	CheckedInAt  *time.Time
	CheckedInBy  *int64
	FormStamp    string // the public form's stamp that made it; not read back
	FormDigest   string // what that form said (see ErrStampUsed); not read back
	Address      string // where it was sent from, for abuse handling; not read back
}

const registrationColumns = "id, token, code, group_id, lang, name, organisation, role, city, phone, email, days, created_at, checked_in_at, checked_in_by"

func scanRegistration(row pgx.CollectableRow) (Registration, error) {
	var g Registration
	err := row.Scan(&g.ID, &g.Token, &g.Code, &g.GroupID, &g.Lang, &g.Name, &g.Organisation, &g.Role, &g.City,
		&g.Phone, &g.Email, &g.Days, &g.CreatedAt, &g.CheckedInAt, &g.CheckedInBy)
	return g, err
}
