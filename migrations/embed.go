// Package migrations holds the schema as forward-only SQL files, embedded in
// the binary so that every instance migrates itself.
package migrations

import "embed"

// FS holds NNNN_verb_noun.sql files in goose format.
//
//go:embed *.sql
var FS embed.FS
