package client

import (
	"context"
	"time"

	"triagedesk/store"
)

// Retention removes closed requests from a desk's cache once they are older than the
// practice's retention period, so closed patient data does not build up on a
// workstation. Run it on its own goroutine: it purges as it starts and then every
// period, never on the UI's thread.
type Retention struct {
	Cache *store.Cache
	Keep  time.Duration // how long a closed request stays; store.DefaultRetention when 0
	Every time.Duration // how often to purge; a day when 0
	Actor string        // who the purge is recorded as in the audit trail
	// OnPurge, if set, hears how each purge went (how many requests it removed).
	OnPurge func(n int, err error)
}

// Run purges now and then every period until ctx ends.
func (r Retention) Run(ctx context.Context) {
	keep, every := r.Keep, r.Every
	if keep <= 0 {
		keep = store.DefaultRetention
	}
	if every <= 0 {
		every = 24 * time.Hour
	}
	actor := r.Actor
	if actor == "" {
		actor = "retention"
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := r.Cache.Purge(ctx, keep, actor)
		if ctx.Err() != nil {
			return
		}
		if r.OnPurge != nil {
			r.OnPurge(n, err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// PurgeNow runs the desk's retention purge once with the default period.
func PurgeNow(ctx context.Context, cache *store.Cache, actor string) error {
	_, err := cache.Purge(ctx, store.DefaultRetention, actor)
	return err
}
