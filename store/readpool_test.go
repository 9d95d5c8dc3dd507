package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestReadersKeepTheirConnections: the queue's readers, as many at once as the pool
// allows (a token check, a feed page, a search from each of several desks), give their
// connections back to be used again, not closed: a new SQLite connection is opened,
// and its prepared statements made anew, for every read beyond two otherwise.
func TestReadersKeepTheirConnections(t *testing.T) {
	ctx := context.Background()
	q, err := OpenQueue(ctx, filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	open := q.r.Stats().MaxOpenConnections
	var txs []*sql.Tx
	for range open {
		tx, err := q.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // holds a connection
		if err != nil {
			t.Fatal(err)
		}
		txs = append(txs, tx)
	}
	for _, tx := range txs {
		tx.Rollback()
	}
	if st := q.r.Stats(); st.MaxIdleClosed > 0 || st.Idle != open {
		t.Errorf("after %d readers at once, %d connections were closed and %d kept: want all %d kept", open, st.MaxIdleClosed, st.Idle, open)
	}
}
