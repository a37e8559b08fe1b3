package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/expoportal/portal/internal/paths"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// ChunkSize is how media bytes are split into rows: a Range request reads
// only the chunks it covers.
const ChunkSize = 256 << 10

// Media is an uploaded file (or a rendition of one).
type Media struct {
	ID          int64     `db:"id"`
	Hash        string    `db:"hash"`
	Kind        string    `db:"kind"`
	ContentType string    `db:"content_type"`
	Size        int64     `db:"size"`
	Width       *int      `db:"width"`
	Height      *int      `db:"height"`
	ChunkSize   int       `db:"chunk_size"`
	CreatedAt   time.Time `db:"created_at"`
}

// URL is where the file is served; the hash makes it immutable.
func (m Media) URL() string { return paths.Media(m.Hash, m.ContentType) }

// MediaFile is a file to store.
type MediaFile struct {
	Kind          string // image, video
	ContentType   string
	Data          []byte
	Width, Height int    // 0 when unknown
	Rendition     string // "" for the original; "thumb", "article" for renditions
}

// SaveMedia stores an original and its renditions in one transaction and
// returns the original. The same bytes uploaded twice are stored once.
func (s *Store) SaveMedia(ctx context.Context, original MediaFile, renditions []MediaFile) (Media, error) {
	var saved Media
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var err error
		if saved, err = insertMedia(ctx, tx, original, nil); err != nil {
			return err
		}
		for _, r := range renditions {
			if _, err := insertMedia(ctx, tx, r, &saved.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Media{}, fmt.Errorf("Store.SaveMedia: %w", err)
	}
	return saved, nil
}

func insertMedia(ctx context.Context, tx pgx.Tx, f MediaFile, parent *int64) (Media, error) {
	sum := sha256.Sum256(f.Data)
	hash := hex.EncodeToString(sum[:])
	var w, h *int
	if f.Width > 0 && f.Height > 0 {
		w, h = &f.Width, &f.Height
	}
	rows, _ := tx.Query(ctx, `-- Store.SaveMedia
		INSERT INTO media (hash, parent_id, rendition, kind, content_type, size, width, height, chunk_size)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (hash) DO NOTHING
		RETURNING id, hash, kind, content_type, size, width, height, chunk_size, created_at`,
		hash, parent, f.Rendition, f.Kind, f.ContentType, len(f.Data), w, h, ChunkSize)
	m, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[Media])
	if errors.Is(err, pgx.ErrNoRows) {
		// Already stored (by an earlier upload of the same bytes).
		rows, _ := tx.Query(ctx, `SELECT id, hash, kind, content_type, size, width, height, chunk_size, created_at
			FROM media WHERE hash = $1 -- Store.SaveMedia`, hash)
		return pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[Media])
	} else if err != nil {
		return Media{}, err
	}
	for i := 0; i*ChunkSize < len(f.Data); i++ {
		end := min((i+1)*ChunkSize, len(f.Data))
		if _, err := tx.Exec(ctx, "INSERT INTO media_chunks (media_id, idx, data) VALUES ($1, $2, $3) -- Store.SaveMedia",
			m.ID, i, f.Data[i*ChunkSize:end]); err != nil {
			return Media{}, err
		}
	}
	return m, nil
}

// MediaByHash finds a file by the hash in its URL.
func (s *Store) MediaByHash(ctx context.Context, hash string) (Media, error) {
	hash = strings.ToLower(hash)
	rows, _ := s.pool.Query(ctx, `-- Store.MediaByHash
		SELECT id, hash, kind, content_type, size, width, height, chunk_size, created_at
		FROM media WHERE hash = $1`, hash)
	m, err := oneRow(rows, pgx.RowToStructByName[Media])
	if err != nil {
		return Media{}, fmt.Errorf("Store.MediaByHash(%q): %w", hash, err)
	}
	return m, nil
}

// MediaChunk reads chunk idx of a file.
func (s *Store) MediaChunk(ctx context.Context, mediaID int64, idx int) ([]byte, error) {
	var data []byte
	err := s.pool.QueryRow(ctx, "SELECT data FROM media_chunks WHERE media_id = $1 AND idx = $2 -- Store.MediaChunk", mediaID, idx).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("Store.MediaChunk(%d, %d): %w", mediaID, idx, ErrNotFound)
	} else if err != nil {
		return nil, fmt.Errorf("Store.MediaChunk(%d, %d): %w", mediaID, idx, err)
	}
	return data, nil
}

// MediaCount is the number of stored files, renditions included.
func (s *Store) MediaCount(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM media -- Store.MediaCount").Scan(&n); err != nil {
		return 0, fmt.Errorf("Store.MediaCount: %w", err)
	}
	return n, nil
}

// MediaRenditionURL is the URL of a rendition of an image, or of the image
// itself when it is too small to have one.
func (s *Store) MediaRenditionURL(ctx context.Context, id int64, rendition string) (string, error) {
	var hash, ct string
	err := s.pool.QueryRow(ctx, `-- Store.MediaRenditionURL
		SELECT hash, content_type FROM media WHERE (parent_id = $1 AND rendition = $2) OR id = $1
		ORDER BY parent_id IS NULL LIMIT 1`, id, rendition).Scan(&hash, &ct)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("Store.MediaRenditionURL(%d): %w", id, ErrNotFound)
	} else if err != nil {
		return "", fmt.Errorf("Store.MediaRenditionURL(%d): %w", id, err)
	}
	return paths.Media(hash, ct), nil
}

// MediaThumbURL is the list-thumbnail URL of an image.
func (s *Store) MediaThumbURL(ctx context.Context, id int64) (string, error) {
	return s.MediaRenditionURL(ctx, id, "thumb")
}
