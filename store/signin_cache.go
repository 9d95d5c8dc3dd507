package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sync"

	"triagedesk/triage"
)

// signInCache keeps what token checks found, by the token's hash, so that the staff
// check on every feed request and the patient check on every submission read one
// small row instead of users, sessions, accounts and links. Each check first reads
// the sign-in epoch (sign_in_epoch, moved by triggers whenever anything a check
// reads changes, in this process or any other on the same file); the entries are
// kept only while it stays where it was when they were read. So a token revoked by
// `queueserver user revoke` in another process is refused on the very next request.
// Expiry is checked against the clock on every use. Unknown tokens are never kept.
type signInCache struct {
	mu       sync.Mutex
	epoch    int64 // the epoch the entries were read at
	users    map[string]cachedUser
	accounts map[string]cachedAccount
}

// signInCacheMax bounds the entries of each kind: past it the cache starts again
// (a practice has tens of staff; patients' sessions are many, but each is cheap to
// read again).
const signInCacheMax = 20_000

// cachedUser is a staff users row as UserByToken reads it.
type cachedUser struct {
	user    User
	expires int64
	revoked sql.NullInt64
}

// cachedAccount is a patient's session and account as AccountByToken reads them.
type cachedAccount struct {
	account triage.Account
	expires int64
	ended   sql.NullInt64
}

// signInEpoch reads the sign-in epoch: one row, one statement.
func (q *Queue) signInEpoch(ctx context.Context) (int64, error) {
	var n int64
	if err := q.r.QueryRowContext(ctx, `SELECT n FROM sign_in_epoch WHERE id = 1`).Scan(&n); err != nil {
		return 0, fmt.Errorf("read the sign-in epoch: %w", err)
	}
	return n, nil
}

// at moves the cache to epoch, dropping every entry read at another.
func (c *signInCache) at(epoch int64) {
	if epoch != c.epoch || c.users == nil {
		c.epoch = epoch
		c.users = map[string]cachedUser{}
		c.accounts = map[string]cachedAccount{}
	}
}

// user returns the entry for hash if it was read at epoch.
func (c *signInCache) user(epoch int64, hash string) (cachedUser, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at(epoch)
	u, ok := c.users[hash]
	return u, ok
}

// keepUser keeps an entry read at epoch, unless the epoch has moved meanwhile.
func (c *signInCache) keepUser(epoch int64, hash string, u cachedUser) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if epoch != c.epoch || c.users == nil {
		return
	}
	if len(c.users) >= signInCacheMax {
		clear(c.users)
	}
	c.users[hash] = u
}

// account returns the entry for hash if it was read at epoch; its Dependants are the
// caller's own copy.
func (c *signInCache) account(epoch int64, hash string) (cachedAccount, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at(epoch)
	a, ok := c.accounts[hash]
	a.account.Dependants = slices.Clone(a.account.Dependants)
	return a, ok
}

// keepAccount keeps an entry read at epoch, unless the epoch has moved meanwhile.
func (c *signInCache) keepAccount(epoch int64, hash string, a cachedAccount) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if epoch != c.epoch || c.accounts == nil {
		return
	}
	if len(c.accounts) >= signInCacheMax {
		clear(c.accounts)
	}
	a.account.Dependants = slices.Clone(a.account.Dependants)
	c.accounts[hash] = a
}
