package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// MaxPhotos is the most photos one request may carry.
const MaxPhotos = triage.MaxPhotos

// Photo is one picture sent with a request, already cleaned of its metadata by the
// patient pages (decoded and re-encoded), as JPEG or PNG bytes.
type Photo struct {
	ContentType string // image/jpeg or image/png
	Width       int
	Height      int
	Data        []byte
}

// The queue keeps each photo in request_photos with its picture; a desk's cache has a
// table of the same name and columns without the picture, filled from the feed, so
// both read what photos a request has with readPhotoRefs.

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
		if _, err := tx.ExecContext(ctx, `INSERT INTO request_photos (request_id, n, content_type, width, height, data, size) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			requestID, i+1, p.ContentType, p.Width, p.Height, p.Data, len(p.Data)); err != nil {
			return fmt.Errorf("store photo %d of request %d: %w", i+1, requestID, err)
		}
	}
	return nil
}

// readPhotoRefs returns what photos the requests in ids carry, in order, by request
// id, from the queue or a desk's cache.
func readPhotoRefs(ctx context.Context, tx *sqlx.Tx, ids []int64) (map[int64][]triage.PhotoRef, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT request_id, n, content_type, width, height, size FROM request_photos
		WHERE request_id IN (SELECT value FROM json_each(?)) ORDER BY request_id, n`, idList(ids))
	if err != nil {
		return nil, fmt.Errorf("read what photos requests have: %w", err)
	}
	defer rows.Close()
	var out map[int64][]triage.PhotoRef
	for rows.Next() {
		var id int64
		var p triage.PhotoRef
		if err := rows.Scan(&id, &p.N, &p.ContentType, &p.Width, &p.Height, &p.Size); err != nil {
			return nil, fmt.Errorf("read what photos requests have: %w", err)
		}
		if out == nil {
			out = map[int64][]triage.PhotoRef{}
		}
		out[id] = append(out[id], p)
	}
	return out, rows.Err()
}

// attachPhotos fills in what photos each request in rs carries, with one query.
func attachPhotos(ctx context.Context, tx *sqlx.Tx, rs []triage.Request) error {
	if len(rs) == 0 {
		return nil
	}
	ids := make([]int64, len(rs))
	for i := range rs {
		ids[i] = rs[i].ID
	}
	byID, err := readPhotoRefs(ctx, tx, ids)
	if err != nil {
		return err
	}
	for i := range rs {
		rs[i].Photos = byID[rs[i].ID]
	}
	return nil
}

// upsertPhotoRefs stores in a desk's cache what photos the requests carry (a feed
// page, the queue's answer to an action). Photos never change after submission, so a
// photo already held is left as it is; a request that arrives without photos keeps
// any it was known to have, since an answer from an older queue may leave them out.
func upsertPhotoRefs(ctx context.Context, tx *sqlx.Tx, rs []triage.Request) error {
	var st *sql.Stmt
	for i := range rs {
		for _, p := range rs[i].Photos {
			if st == nil {
				var err error
				if st, err = tx.PrepareContext(ctx, `INSERT INTO request_photos (request_id, n, content_type, width, height, size)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_id, n) DO NOTHING`); err != nil {
					return err
				}
				defer st.Close()
			}
			if _, err := st.ExecContext(ctx, rs[i].ID, p.N, p.ContentType, p.Width, p.Height, p.Size); err != nil {
				return fmt.Errorf("photo %d of request %d: %w", p.N, rs[i].ID, err)
			}
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

// Photo returns photo n (1 for the first sent) of request requestID, with the id of
// the request's patient for the audit trail. A request that does not exist, or has no
// photo n, is ENOTFOUND.
func (q *Queue) Photo(ctx context.Context, requestID int64, n int) (Photo, int64, error) {
	var p Photo
	var patientID int64
	err := q.read(ctx, func(tx *sqlx.Tx) error {
		err := tx.QueryRowxContext(ctx, `SELECT r.patient_id, ph.content_type, ph.width, ph.height, ph.data
			FROM request_photos ph JOIN requests r ON r.id = ph.request_id WHERE ph.request_id = ? AND ph.n = ?`, requestID, n).
			Scan(&patientID, &p.ContentType, &p.Width, &p.Height, &p.Data)
		if errors.Is(err, sql.ErrNoRows) {
			return triage.Errorf(triage.ENOTFOUND, "request %d has no photo %d", requestID, n)
		}
		return err
	})
	if err != nil {
		return Photo{}, 0, fmt.Errorf("read photo %d of request %d: %w", n, requestID, err)
	}
	return p, patientID, nil
}
