package server

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"triagedesk/store"
	"triagedesk/triage"
)

// Single-use links emailed to a patient (issue 11: "a password, or a one-time sign-in
// link by email"): one to choose a new password, one to sign in without it. Asking for
// either gets the same answer whether or not the address has an account, within limits
// per address and per client, and is recorded in the audit trail; the emails hold no
// patient data.

// How long the links work.
const (
	ResetLinkTTL  = 30 * time.Minute
	SignInLinkTTL = 15 * time.Minute
)

// The patient pages that the links open (package web serves them).
const (
	ResetPasswordPath = "/reset-password"
	SignInLinkPath    = "/sign-in/link"
)

// LinkSentAnswer is what a patient is told after asking for a link, whether or not
// the address has an account.
func LinkSentAnswer(email string) string {
	return "If there is an account for " + email + ", we have sent a link to it."
}

// ForgotPassword emails the account with this address a single-use link, valid for
// ResetLinkTTL, to choose a new password; an address with no account is told so by
// email instead. The caller tells the patient the same either way (LinkSentAnswer).
func (s *Server) ForgotPassword(ctx context.Context, addr, email string) error {
	return s.emailLink(ctx, addr, email, store.LinkResetPassword)
}

// EmailSignInLink emails the account with this address a single-use link, valid for
// SignInLinkTTL, that signs it in; otherwise as ForgotPassword.
func (s *Server) EmailSignInLink(ctx context.Context, addr, email string) error {
	return s.emailLink(ctx, addr, email, store.LinkSignIn)
}

func (s *Server) emailLink(ctx context.Context, addr, email, purpose string) error {
	email = strings.TrimSpace(email)
	if err := triage.ValidateEmail(email); err != nil {
		return triage.Errorf(triage.EINVALID, "please check the email address: it should look like name@example.com")
	}
	if err := s.limit(limitCheck{s.id.linkByAddr, addr}, limitCheck{s.id.linkByEmail, strings.ToLower(email)}); err != nil {
		return err
	}
	if s.id.mailer == nil {
		return triage.Errorf(triage.EUNAVAILABLE, "we cannot send emails just now: please call the surgery")
	}
	ttl, path := ResetLinkTTL, ResetPasswordPath
	subject := "Choose a new password"
	intro := "Someone, we hope you, asked to choose a new password for online requests to the practice with this email address."
	action := "To choose a new password, open this link"
	if purpose == store.LinkSignIn {
		ttl, path = SignInLinkTTL, SignInLinkPath
		subject = "Your link to sign in"
		intro = "Someone, we hope you, asked for a link to sign in to online requests to the practice with this email address."
		action = "To sign in, open this link"
	}
	login, err := s.queue.LoginByEmail(ctx, email)
	var text string
	switch {
	case triage.ErrorCode(err) == triage.ENOTFOUND:
		// Told by email, not on the page, so the page does not reveal who has an
		// account; the email takes as long to send as one with a link.
		subject = "There is no account with this email address"
		text = "Someone asked for a link to sign in, or to choose a new password, for online requests to the practice with this email address. " +
			"There is no account with this address.\n\nIf it was you, you may have used another address, or you can create an account.\n" +
			"If it was not you, you need do nothing.\n"
		if err := s.queue.Audit(ctx, triage.AuditEntry{Actor: "unknown address", Action: purpose + "-link",
			Detail: "asked for from " + addr + "; no account has the address, told so by email"}); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		tok, err := s.queue.NewAccountLink(ctx, login.AccountID, purpose, ttl, "asked for from "+addr)
		if err != nil {
			return err
		}
		text = intro + "\n\n" + action + fmt.Sprintf(" within %d minutes. It works once:\n\n", int(ttl.Minutes())) +
			s.id.mailer.link(path, url.Values{"token": {tok}}) +
			"\n\nIf it was not you, you need do nothing: your account has not changed, and the link stops working on its own.\n"
		email = login.Email
	}
	if err := s.id.mailer.Send(ctx, email, subject, text); err != nil {
		s.log.Printf("%s link: the email was not sent: %T", purpose, errors.Unwrap(err))
		return triage.Errorf(triage.EUNAVAILABLE, "we could not send the email just now: please try again in a few minutes")
	}
	return nil
}

// CheckLink reports whether a link's token still works, without using it, so the page
// it opens can say at once when it does not (ENOTFOUND, with the reason for the
// patient), and returns the email address of the account it is for, so the page can
// name it: a link forwarded to someone else says whose account it opens.
func (s *Server) CheckLink(ctx context.Context, purpose, token string) (email string, err error) {
	_, email, err = s.queue.AccountLink(ctx, token, purpose)
	return email, err
}

// ResetPassword uses a password-reset link from the client at addr: the account gets
// the new password, every session it had ends, and a new session starts for the
// patient who chose it.
func (s *Server) ResetPassword(ctx context.Context, addr, token, password string) (SignInAnswer, error) {
	if err := checkPassword(password); err != nil {
		return SignInAnswer{}, err
	}
	if err := s.limit(limitCheck{s.id.linkUseByAddr, addr}); err != nil {
		return SignInAnswer{}, err
	}
	accountID, err := s.queue.ResetPassword(ctx, token, hashPassword(password))
	if err != nil {
		return SignInAnswer{}, err
	}
	return s.startSession(ctx, accountID)
}

// SignInWithLink uses a sign-in link from the client at addr and starts a session.
func (s *Server) SignInWithLink(ctx context.Context, addr, token string) (SignInAnswer, error) {
	if err := s.limit(limitCheck{s.id.linkUseByAddr, addr}); err != nil {
		return SignInAnswer{}, err
	}
	accountID, err := s.queue.UseSignInLink(ctx, token)
	if err != nil {
		return SignInAnswer{}, err
	}
	return s.startSession(ctx, accountID)
}

// startSession signs an account in and says who it is.
func (s *Server) startSession(ctx context.Context, accountID int64) (SignInAnswer, error) {
	token, expires, err := s.queue.StartSession(ctx, accountID, patientSessionTTL)
	if err != nil {
		return SignInAnswer{}, err
	}
	acc, err := s.queue.AccountByToken(ctx, token)
	if err != nil {
		return SignInAnswer{}, err
	}
	return SignInAnswer{Token: token, Expires: expires, Verified: acc.Verified, AccountID: acc.ID}, nil
}
