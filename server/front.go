package server

import (
	"context"
	"time"

	"triagedesk/store"
	"triagedesk/triage"
)

// What the patient pages (package web) use of the queue. They call the same methods
// the JSON API's handlers call, so the pages and the API cannot disagree about a rule:
// who may act for whom, the limits, the opening hours, what an unverified account may
// see, and what is audited.

// SetConfirmPage sets the path of the page the link in a sign-up email opens, such as
// the patient pages' "/verify"; the JSON API's own page is the default.
func (s *Server) SetConfirmPage(path string) { s.id.confirmPage = path }

func (s *Server) confirmPath() string {
	if s.id.confirmPage != "" {
		return s.id.confirmPage
	}
	return "/api/v1/accounts/confirm"
}

// ConfirmEmail uses the token of a sign-up email's link: the address is confirmed.
func (s *Server) ConfirmEmail(ctx context.Context, token string) error {
	_, err := s.queue.ConfirmEmail(ctx, token)
	return err
}

// Account returns the patient account a session token belongs to; EUNAUTHORIZED when
// the token has expired or was ended.
func (s *Server) Account(ctx context.Context, token string) (triage.Account, error) {
	return s.queue.AccountByToken(ctx, token)
}

// SignOut ends a patient's session: its token stops working at once.
func (s *Server) SignOut(ctx context.Context, token string) error {
	return s.queue.EndSession(ctx, token)
}

// Mode says whether the online service takes requests now: open, closed or clinical
// requests paused, why, and when it reopens (zero when open or never scheduled).
func (s *Server) Mode(ctx context.Context) (mode triage.Mode, why string, reopens time.Time, err error) {
	a, err := s.Availability(ctx)
	if err != nil {
		return "", "", time.Time{}, err
	}
	mode, why, reopens = a.ModeAt(s.now(), s.cal)
	return mode, why, reopens, nil
}

// Now is the server's clock (SetClock in tests).
func (s *Server) Now() time.Time { return s.now() }

// Calendar is the practice's working calendar: opening hours and bank holidays.
func (s *Server) Calendar() *triage.Calendar { return s.cal }

// Mail returns how the queue sends email; nil when it sends none.
func (s *Server) Mail() *Mailer { return s.id.mailer }

// Queue returns the practice queue the server serves.
func (s *Server) Queue() *store.Queue { return s.queue }

// Log returns the server's logger, which never carries patient data.
func (s *Server) Log() interface{ Printf(string, ...any) } { return s.log }
