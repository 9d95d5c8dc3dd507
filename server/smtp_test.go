package server_test

import (
	"testing"

	"triagedesk/internal/mailtest"
	"triagedesk/server"
)

// mailbox is the practice's SMTP server for these tests: a real one on 127.0.0.1
// (internal/mailtest, shared with the patient pages' browser tests).
type mailbox struct {
	*mailtest.Mailbox
	cfg server.MailConfig
}

// email is one message the mailbox received.
type email = mailtest.Email

func startMailbox(t testing.TB) *mailbox {
	t.Helper()
	mb := mailtest.Start(t)
	return &mailbox{Mailbox: mb, cfg: mb.Config}
}

// wait returns the n-th message (from 1) sent to addr, waiting up to ten seconds.
func (mb *mailbox) wait(addr string, n int) email { return mb.Wait(addr, n) }

// count returns how many messages were sent to addr.
func (mb *mailbox) count(addr string) int { return mb.Count(addr) }

// confirmToken returns the token of the n-th confirmation link sent to addr.
func (mb *mailbox) confirmToken(addr string, n int) string { return mb.ConfirmToken(addr, n) }
