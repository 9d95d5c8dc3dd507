package web

import (
	"context"
	"net/http"
	"strings"

	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
)

// Forgotten passwords and sign-in links by email (issue 11: "a password, or a one-time
// sign-in link by email"). Asking for a link gets the same page whether or not the
// address has an account; the link opens a page with a button, so a mail scanner that
// follows links does not use it up; a new password signs every other session out.

// linkSentView is the page after asking for a link.
type linkSentView struct {
	Message string
	Minutes int
	Again   string // where to ask for another
}

// linkFailedView is the page of a link that does not work.
type linkFailedView struct {
	Message string
	Again   string
}

func (w *Web) forgotForm(c *ctx) (string, *view) {
	v := c.view("Reset your password")
	v.Back = "/sign-in"
	return "forgot-password", v
}

func (w *Web) forgot(c *ctx) (string, *view) {
	return w.askForLink(c, "forgot-password", "Reset your password", "/forgot-password", int(server.ResetLinkTTL.Minutes()), w.srv.ForgotPassword)
}

func (w *Web) linkForm(c *ctx) (string, *view) {
	v := c.view("Sign in with a link by email")
	v.Back = "/sign-in"
	return "sign-in-email", v
}

func (w *Web) emailLink(c *ctx) (string, *view) {
	return w.askForLink(c, "sign-in-email", "Sign in with a link by email", "/sign-in/email", int(server.SignInLinkTTL.Minutes()), w.srv.EmailSignInLink)
}

// askForLink reads the address of a form that asks for a link and has one emailed.
func (w *Web) askForLink(c *ctx, page, title, again string, minutes int, send func(context.Context, string, string) error) (string, *view) {
	v := c.view(title)
	v.Back = "/sign-in"
	v.Values = formValues(c.r, "email")
	email := v.Values["email"]
	if msg := emailProblem(email, true); msg != "" {
		v.Errors = []fieldError{{"email", msg}}
		return page, v
	}
	if err := send(c.r.Context(), c.clientAddr(), email); err != nil {
		if triage.ErrorCode(err) == triage.EINTERNAL {
			return c.problem("Sorry, there is a problem with the service", err)
		}
		v.Errors = []fieldError{{"email", capital(triage.PatientMessage(err))}}
		switch triage.ErrorCode(err) { // the form again, with the status a client can act on
		case triage.ELIMIT:
			c.status = http.StatusTooManyRequests
		case triage.EUNAVAILABLE:
			c.status = http.StatusServiceUnavailable
		}
		return page, v
	}
	v = c.view("Check your email")
	v.Data = linkSentView{Message: server.LinkSentAnswer(email), Minutes: minutes, Again: again}
	return "link-sent", v
}

// linkFailed is the page of a link that does not work, saying why.
func (c *ctx) linkFailed(err error, again string) (string, *view) {
	switch triage.ErrorCode(err) {
	case triage.EINTERNAL:
		return c.problem("Sorry, there is a problem with the service", err)
	case triage.ELIMIT, triage.EUNAVAILABLE:
		// The link may still be good: say to wait, not that it is dead, or the patient
		// asks for another and spends their allowance.
		return c.problem("Sorry, please try again in a few minutes", err)
	}
	v := c.view("This link does not work")
	v.Data = linkFailedView{Message: capital(triage.PatientMessage(err)), Again: again}
	c.status = http.StatusNotFound
	return "link-failed", v
}

// linkPageView is the page a link opens: the account it is for, partly masked.
type linkPageView struct {
	Account string
}

// linkAccount checks a link's token and names the account it is for, for its page.
func (w *Web) linkAccount(c *ctx, purpose, token string) (linkPageView, error) {
	email, err := w.srv.CheckLink(c.r.Context(), purpose, token)
	return linkPageView{Account: maskEmail(email)}, err
}

// linkAccountPage is the page a link opens, naming the account it is for, with the link's
// token kept for the form and any errors of the form sent; a link that does not work
// sends the patient to ask again.
func (w *Web) linkAccountPage(c *ctx, purpose, token, title, page, askAgain string, errs ...fieldError) (string, *view) {
	link, err := w.linkAccount(c, purpose, token)
	if err != nil {
		return c.linkFailed(err, askAgain)
	}
	v := c.view(title)
	v.Values["token"] = token
	v.Data = link
	v.Errors = errs
	return page, v
}

func (w *Web) resetForm(c *ctx) (string, *view) {
	return w.linkAccountPage(c, store.LinkResetPassword, c.r.URL.Query().Get("token"), "Choose a new password", "reset-password", "/forgot-password")
}

func (w *Web) reset(c *ctx) (string, *view) {
	token, password := c.r.PostFormValue("token"), c.r.PostFormValue("password")
	// again shows the form again with a message, naming the link's account as before.
	again := func(msg string) (string, *view) {
		return w.linkAccountPage(c, store.LinkResetPassword, token, "Choose a new password", "reset-password", "/forgot-password", fieldError{"password", msg})
	}
	if password == "" {
		return again("Enter a new password")
	}
	ans, err := w.srv.ResetPassword(c.r.Context(), c.clientAddr(), token, password)
	switch triage.ErrorCode(err) {
	case "":
	case triage.EINVALID, triage.ELIMIT:
		return again(capital(triage.PatientMessage(err)))
	default:
		return c.linkFailed(err, "/forgot-password")
	}
	w.startSignedIn(c, ans)
	c.sess.kept, c.sess.keptFor = nil, ""
	if err := w.sessions.endAccount(c.r.Context(), ans.AccountID, c.sess); err != nil {
		// The account's tokens have ended, so those sessions are signed out anyway;
		// their rows go at the next purge.
		w.srv.Log().Printf("web: the other sessions of an account could not be deleted: %v", err)
	}
	return c.redirect("/password-changed")
}

func (w *Web) passwordChanged(c *ctx) (string, *view) {
	return "password-changed", c.view("Your password has been changed")
}

func (w *Web) linkPage(c *ctx) (string, *view) {
	return w.linkAccountPage(c, store.LinkSignIn, c.r.URL.Query().Get("token"), "Sign in", "sign-in-link", "/sign-in/email")
}

func (w *Web) linkSignIn(c *ctx) (string, *view) {
	ans, err := w.srv.SignInWithLink(c.r.Context(), c.clientAddr(), c.r.PostFormValue("token"))
	if err != nil {
		return c.linkFailed(err, "/sign-in/email")
	}
	return w.goOnSignedIn(c, ans)
}

// maskEmail names an account's address on a page whoever holds a link to the account
// may see (a link forwarded, or opened on a shared computer): enough for its owner to
// know it, not enough for anyone else to tell whose it is. The first letter of the
// name and of the domain stay, and the domain's ending, since the owner knows which
// provider they use and a stranger learns little from it ("annabel.smith@gmail.com"
// is "a•••@g•••.com", "x@leeds.nhs.uk" is "x•••@l•••.nhs.uk").
func maskEmail(email string) string {
	const hidden = "•••"
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" || domain == "" {
		return hidden
	}
	return firstLetter(local) + hidden + "@" + firstLetter(domain) + hidden + domainEnding(domain)
}

// firstLetter is the first character of s (a letter, or whatever it starts with).
func firstLetter(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// domainEnding is the part of a domain that says where it is, not who: the last label
// (".com"), or the last two where the last is a country and the one before is a short
// second level (".co.uk", ".nhs.uk", ".com.au"); "" for a domain of one label, which
// would give it all away.
func domainEnding(domain string) string {
	labels := strings.Split(strings.TrimSuffix(domain, "."), ".")
	n := len(labels)
	if n < 2 {
		return ""
	}
	if n > 2 && len(labels[n-1]) == 2 && len(labels[n-2]) <= 3 {
		return "." + labels[n-2] + "." + labels[n-1]
	}
	return "." + labels[n-1]
}
