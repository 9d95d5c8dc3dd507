package store

import (
	"context"
	"fmt"
	"sync"
)

// signInCache keeps what token checks of one kind (staff users, patients' sessions)
// found, by the token's hash, so that the staff check on every feed request and the
// patient check on every submission read one small row instead of users, sessions,
// accounts and links. Each check first reads the sign-in epoch (sign_in_epoch, moved by
// triggers whenever anything a check reads changes, in this process or any other on
// the same file); the entries are kept only while it stays where it was when they were
// read. So a token revoked by `queueserver user revoke` in another process is refused
// on the very next request. Expiry is checked by the caller against the clock on every
// use. Unknown tokens are never kept.
type signInCache[T any] struct {
	mu      sync.Mutex
	epoch   int64        // the epoch the entries were read at
	entries map[string]T // nil until the first check
	// clone gives a copy of an entry that shares nothing the holder may change (an
	// account's Dependants); nil where an entry is a plain value.
	clone func(T) T
}

// signInCacheMax bounds the entries of each kind: past it the cache starts again
// (a practice has tens of staff; patients' sessions are many, but each is cheap to
// read again).
const signInCacheMax = 20_000

// signInEpoch reads the sign-in epoch: one row, one statement.
func (q *Queue) signInEpoch(ctx context.Context) (int64, error) {
	var n int64
	if err := q.r.QueryRowContext(ctx, `SELECT n FROM sign_in_epoch WHERE id = 1`).Scan(&n); err != nil {
		return 0, fmt.Errorf("read the sign-in epoch: %w", err)
	}
	return n, nil
}

// lookup is a token check's read: the entry for the token with hash hash, from memory
// while the sign-in epoch stands, otherwise from read (then kept). read's errors are
// returned as they are; an error reading the epoch is wrapped as "look up what".
func (c *signInCache[T]) lookup(ctx context.Context, q *Queue, what, hash string, read func(context.Context, string) (T, error)) (T, error) {
	var zero T
	epoch, err := q.signInEpoch(ctx)
	if err != nil {
		return zero, fmt.Errorf("look up %s: %w", what, err)
	}
	if v, ok := c.get(epoch, hash); ok {
		return v, nil
	}
	v, err := read(ctx, hash)
	if err != nil {
		return zero, err
	}
	c.keep(epoch, hash, v)
	return v, nil
}

// get returns the entry for hash if it was read at epoch, dropping every entry read
// at another.
func (c *signInCache[T]) get(epoch int64, hash string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if epoch != c.epoch || c.entries == nil {
		c.epoch = epoch
		c.entries = map[string]T{}
	}
	v, ok := c.entries[hash]
	if ok && c.clone != nil {
		v = c.clone(v)
	}
	return v, ok
}

// keep keeps an entry read at epoch, unless the epoch has moved meanwhile.
func (c *signInCache[T]) keep(epoch int64, hash string, v T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if epoch != c.epoch || c.entries == nil {
		return
	}
	if len(c.entries) >= signInCacheMax {
		clear(c.entries)
	}
	if c.clone != nil {
		v = c.clone(v)
	}
	c.entries[hash] = v
}
