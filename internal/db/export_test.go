package db

// NewMigratorFS lets tests migrate with their own files.
var NewMigratorFS = newMigrator
