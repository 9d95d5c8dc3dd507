package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// MaxPhotos is the most photos one request may carry.
const MaxPhotos = 3

// Photo is one picture sent with a request, already cleaned of its metadata by the
// patient pages (decoded and re-encoded), as JPEG or PNG bytes.
type Photo struct {
	ContentType string // image/jpeg or image/png
	Width       int
	Height      int
	Data        []byte
}

// insertPhotos stores a new request's photos in the submission's transaction, so a
// request is never accepted with its photos lost.
func insertPhotos(ctx context.Context, tx *sqlx.Tx, requestID int64, photos []Photo) error {
	if len(photos) > MaxPhotos {
		return triage.Errorf(triage.EINVALID, "%d photos were sent; the most is %d", len(photos), MaxPhotos).
			ForPatient("You can send up to %d photos with a request. Please remove one.", MaxPhotos)
	}
	for i, p := range photos {
		if p.ContentType != "image/jpeg" && p.ContentType != "image/png" {
			return triage.Errorf(triage.EINVALID, "photo %d is %q: only image/jpeg and image/png are kept", i+1, p.ContentType)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO request_photos (request_id, n, content_type, width, height, data) VALUES (?, ?, ?, ?, ?, ?)`,
			requestID, i+1, p.ContentType, p.Width, p.Height, p.Data); err != nil {
			return fmt.Errorf("store photo %d of request %d: %w", i+1, requestID, err)
		}
	}
	return nil
}

// PhotoCount returns how many photos a request carries.
func (q *Queue) PhotoCount(ctx context.Context, requestID int64) (int, error) {
	var n int
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		return tx.GetContext(ctx, &n, `SELECT count(*) FROM request_photos WHERE request_id = ?`, requestID)
	})
	if err != nil {
		return 0, fmt.Errorf("count the photos of request %d: %w", requestID, err)
	}
	return n, nil
}

// Photos returns a request's photos in the order they were sent.
func (q *Queue) Photos(ctx context.Context, requestID int64) ([]Photo, error) {
	var out []Photo
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT content_type, width, height, data FROM request_photos WHERE request_id = ? ORDER BY n`, requestID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p Photo
			if err := rows.Scan(&p.ContentType, &p.Width, &p.Height, &p.Data); err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read the photos of request %d: %w", requestID, err)
	}
	return out, nil
}
