package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"triagedesk/triage"
)

// BareInsert writes requests into the cache the plainest way SQLite allows: one
// transaction of prepared INSERTs into the requests table and its search index, with
// no versions compared, no upserts and no cursor. The desk never uses it. It is the
// floor that a first sync is measured against (the target is a first sync of 100,000
// requests within 3× of it, in the same run), so the benchmarks of the store, the
// client and `triagectl bench` all measure the same thing. The requests' sites, GP
// teams and patients must be in the cache already.
func (c *Cache) BareInsert(ctx context.Context, reqs []triage.Request) error {
	err := c.write(ctx, func(tx *sqlx.Tx, _ time.Time) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO requests (`+requestColumns+`) VALUES (?`+strings.Repeat(", ?", len(requestCols)-1)+`)`)
		if err != nil {
			return err
		}
		defer st.Close()
		fts, err := tx.PrepareContext(ctx, `INSERT INTO requests_fts (docid, body) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		defer fts.Close()
		for i := range reqs {
			if _, err := st.ExecContext(ctx, requestArgs(&reqs[i])...); err != nil {
				return fmt.Errorf("request %d: %w", reqs[i].ID, err)
			}
			if _, err := fts.ExecContext(ctx, reqs[i].ID, reqs[i].Text); err != nil {
				return fmt.Errorf("index request %d: %w", reqs[i].ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("bare insert of %d requests: %w", len(reqs), err)
	}
	return nil
}
