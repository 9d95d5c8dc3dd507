package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"triagedesk/server"
	"triagedesk/triage"
)

// clientAddr is the address a request came from, the key of the per-address limits:
// the queue's own reading, so the pages and the API share it (behind a proxy, the
// address the proxy added to X-Forwarded-For).
func (c *ctx) clientAddr() string { return c.w.srv.ClientAddr(c.r) }

// startView is what the start page shows: whether the service takes requests now.
type startView struct {
	Mode    triage.Mode
	Why     string
	Reopens string
}

func (w *Web) start(c *ctx) (string, *view) {
	v := c.view("Contact " + w.opt.Practice + " online")
	mode, why, reopens, err := w.srv.Mode(c.r.Context())
	if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	v.Data = startView{Mode: mode, Why: why, Reopens: when(reopens, w.srv.Calendar().Location)}
	return "start", v
}

func (w *Web) help(c *ctx) (string, *view) {
	v := c.view("Help with contacting " + w.opt.Practice + " online")
	limits, err := w.srv.Limits(c.r.Context())
	if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	v.Data = limits
	return "help", v
}

func (w *Web) signUpForm(c *ctx) (string, *view) {
	return "sign-up", c.view("Create an account")
}

func (w *Web) signUp(c *ctx) (string, *view) {
	v := c.view("Create an account")
	email, password := credentials(c, v, true, "Enter a password")
	if len(v.Errors) > 0 {
		return "sign-up", v
	}
	if err := w.srv.SignUp(c.r.Context(), c.clientAddr(), email, password); err != nil {
		field := ""
		if triage.ErrorCode(err) == triage.EINVALID {
			field = "password"
			if strings.Contains(triage.ErrorMessage(err), "email") {
				field = "email"
			}
		}
		v.Errors = []fieldError{{field, capital(triage.PatientMessage(err))}}
		return "sign-up", v
	}
	return c.redirect("/check-email")
}

// credentials reads the email address and password of the sign-up and sign-in forms,
// keeping the address to show again, and adds an error for each one left empty (and,
// when checkFormat, for an address that cannot be one).
func credentials(c *ctx, v *view, checkFormat bool, noPassword string) (email, password string) {
	v.Values = formValues(c.r, "email")
	email, password = strings.TrimSpace(c.r.PostFormValue("email")), c.r.PostFormValue("password")
	if msg := emailProblem(email, checkFormat); msg != "" {
		v.Errors = append(v.Errors, fieldError{"email", msg})
	}
	if password == "" {
		v.Errors = append(v.Errors, fieldError{"password", noPassword})
	}
	return email, password
}

// emailProblem is what is wrong with an email address typed into a form, for the
// patient, or "": none typed, or (when checkFormat) one that cannot be an address.
// Sign-in checks only that one was typed: a wrong address there is answered as a wrong
// password, never with whether the address has an account.
func emailProblem(email string, checkFormat bool) string {
	switch {
	case email == "":
		return "Enter your email address"
	case checkFormat && triage.ValidateEmail(email) != nil:
		return "Enter an email address in the correct format, like name@example.com"
	}
	return ""
}

func (w *Web) checkEmail(c *ctx) (string, *view) {
	return "check-email", c.view("Check your email")
}

func (w *Web) verify(c *ctx) (string, *view) {
	err := w.srv.ConfirmEmail(c.r.Context(), c.r.URL.Query().Get("token"))
	if err != nil {
		if triage.ErrorCode(err) == triage.EINTERNAL {
			return c.problem("Sorry, there is a problem with the service", err)
		}
		v := c.view("This link does not work")
		v.Data = capital(triage.PatientMessage(err))
		c.status = http.StatusNotFound
		return "verify-failed", v
	}
	return "verified", c.view("Your email address is confirmed")
}

func (w *Web) signInForm(c *ctx) (string, *view) {
	return "sign-in", c.view("Sign in")
}

func (w *Web) signIn(c *ctx) (string, *view) {
	v := c.view("Sign in")
	email, password := credentials(c, v, false, "Enter your password")
	if len(v.Errors) > 0 {
		return "sign-in", v
	}
	ans, err := w.srv.SignIn(c.r.Context(), c.clientAddr(), email, password)
	if err != nil {
		if triage.ErrorCode(err) == triage.EINTERNAL {
			return c.problem("Sorry, there is a problem with the service", err)
		}
		v.Errors = []fieldError{{"email", capital(triage.PatientMessage(err))}}
		return "sign-in", v
	}
	return w.goOnSignedIn(c, ans)
}

// startSignedIn signs the session in with a new account token. The session gets a
// new id, so an id planted before sign-in is worth nothing; what it kept of a form and
// the page to go back to carry over, and are returned for the caller to go to.
func (w *Web) startSignedIn(c *ctx, ans server.SignInAnswer) (keptFor, next string) {
	w.sessions.rotate(c.r.Context(), c.sess)
	w.setCookie(c.rw, c.r, c.sess.id)
	keptFor, next = c.sess.keptFor, c.sess.next
	c.sess.token, c.sess.accountID, c.sess.next = ans.Token, ans.AccountID, ""
	return keptFor, next
}

// goOnSignedIn signs the session in and takes the patient on: back to the form whose
// session ended under them, else to the page they were sent to sign in from (only a
// path on this site, never "//elsewhere", so a link cannot send them off it), else to
// their requests.
func (w *Web) goOnSignedIn(c *ctx, ans server.SignInAnswer) (string, *view) {
	keptFor, next := w.startSignedIn(c, ans)
	switch {
	case keptFor != "":
		return c.redirect(keptFor)
	case strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//"):
		return c.redirect(next)
	}
	return c.redirect("/requests")
}

// signOut ends the account's token and the session: its row in the queue is deleted
// with everything it held, and the browser's cookie is cleared.
func (w *Web) signOut(c *ctx) (string, *view) {
	if c.sess.token != "" {
		if err := w.srv.SignOut(c.r.Context(), c.sess.token); err != nil && triage.ErrorCode(err) == triage.EINTERNAL {
			return c.problem("Sorry, you could not be signed out", err)
		}
	}
	c.sess.token, c.sess.accountID, c.sess.draft, c.sess.kept, c.sess.keptFor = "", 0, nil, nil, ""
	v := c.view("You have signed out")
	if err := w.sessions.end(c.r.Context(), c.sess); err != nil {
		w.srv.Log().Printf("web: a signed-out session could not be deleted: %v", err)
	}
	w.setCookie(c.rw, c.r, "") // cleared: the browser forgets the ended session's id
	return "signed-out", v
}

// --- your details and dependants -----------------------------------------------------

// detailsView is the account page: what the practice has been told, and its checks.
type detailsView struct {
	Account    server.AccountView
	Self       *server.ClaimView
	Dependants []server.ClaimView
}

func (w *Web) accountView(c *ctx) (detailsView, error) {
	a, err := w.srv.MyAccount(c.r.Context(), c.acc)
	if err != nil {
		return detailsView{}, err
	}
	d := detailsView{Account: a}
	for i := range a.Claims {
		cl := a.Claims[i]
		if cl.Kind == triage.ClaimSelf {
			if d.Self == nil {
				d.Self = &cl
			}
			continue
		}
		d.Dependants = append(d.Dependants, cl)
	}
	return d, nil
}

func (w *Web) details(c *ctx) (string, *view) {
	v := c.view("Your details")
	d, err := w.accountView(c)
	if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	v.Data = d
	return "details", v
}

// claimFields are the fields of a form that tells the practice who someone is.
var claimFields = []string{"nhs-number", "given-name", "family-name", "dob-day", "dob-month", "dob-year", "sex", "relationship"}

// claimForm reads and checks a claim form, field by field, so each problem is shown
// beside its field. The checks are the domain's (triage.ValidateClaimed).
func (w *Web) claimForm(c *ctx, v *view, kind triage.ClaimKind) (server.ClaimBody, bool) {
	v.Values = formValues(c.r, claimFields...)
	val := v.Values
	now := w.srv.Now()
	if val["nhs-number"] == "" {
		v.Errors = append(v.Errors, fieldError{"nhs-number", "Enter the NHS number"})
	} else if _, err := triage.ParseNHSNumber(val["nhs-number"]); err != nil {
		v.Errors = append(v.Errors, fieldError{"nhs-number", capital(triage.PatientMessage(err))})
	}
	if _, err := triage.ParseName("first name", val["given-name"]); err != nil {
		v.Errors = append(v.Errors, fieldError{"given-name", "Enter the first name" + nameProblem(val["given-name"])})
	}
	if _, err := triage.ParseName("last name", val["family-name"]); err != nil {
		v.Errors = append(v.Errors, fieldError{"family-name", "Enter the last name" + nameProblem(val["family-name"])})
	}
	birth, dobErr := birthDate(val["dob-day"], val["dob-month"], val["dob-year"], now)
	if dobErr != "" {
		v.Errors = append(v.Errors, fieldError{"dob-day", dobErr})
	}
	switch val["sex"] {
	case "female", "male", "unknown":
	default:
		v.Errors = append(v.Errors, fieldError{"sex-female", "Select the sex on the GP record, or 'I do not know'"})
	}
	if kind == triage.ClaimDependant && val["relationship"] == "" {
		v.Errors = append(v.Errors, fieldError{"relationship", "Enter how you are related to them, like mother or carer"})
	}
	if len(val["relationship"]) > 60 {
		v.Errors = append(v.Errors, fieldError{"relationship", "Describe how you are related in 60 characters or fewer"})
	}
	if kind == triage.ClaimDependant && dobErr == "" && triage.AgeAt(birth, now) >= 16 {
		v.Errors = append(v.Errors, fieldError{"dob-day", "You can add children under 16 here. For an adult you care for, please ask the surgery about proxy access"})
	}
	body := server.ClaimBody{Kind: kind, NHSNumber: val["nhs-number"], GivenName: val["given-name"], FamilyName: val["family-name"],
		BirthDate: birth.Format(time.DateOnly), Sex: val["sex"], Relationship: val["relationship"]}
	return body, len(v.Errors) == 0
}

func nameProblem(s string) string {
	if len([]rune(s)) > triage.MaxNameLength {
		return fmt.Sprintf(" in %d characters or fewer", triage.MaxNameLength)
	}
	return ""
}

// birthDate reads a date typed as day, month and year, and checks it is a possible
// date of birth (the domain's check); the problem is "" when it is.
func birthDate(day, month, year string, now time.Time) (time.Time, string) {
	if day == "" && month == "" && year == "" {
		return time.Time{}, "Enter the date of birth"
	}
	d, errD := strconv.Atoi(day)
	m, errM := strconv.Atoi(month)
	y, errY := strconv.Atoi(year)
	if errD != nil || errM != nil || errY != nil || len(year) != 4 {
		return time.Time{}, "Date of birth must be a real date, like 31 3 1980"
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return time.Time{}, "Date of birth must be a real date, like 31 3 1980"
	}
	if err := triage.CheckBirthDate(t, now); err != nil {
		if t.After(now) {
			return time.Time{}, "Date of birth must be today or in the past"
		}
		return time.Time{}, capital(triage.PatientMessage(err))
	}
	return t, ""
}

func (w *Web) saveDetails(c *ctx) (string, *view) {
	v := c.view("Your details")
	d, err := w.accountView(c)
	if err != nil {
		return c.problem("Sorry, there is a problem with the service", err)
	}
	v.Data = d
	body, ok := w.claimForm(c, v, triage.ClaimSelf)
	if !ok {
		return "details", v
	}
	if _, err := w.srv.Claim(c.r.Context(), c.clientAddr(), c.acc, body); err != nil {
		return w.claimFailed(c, v, "details", err)
	}
	return c.redirect("/details")
}

func (w *Web) claimFailed(c *ctx, v *view, page string, err error) (string, *view) {
	switch triage.ErrorCode(err) {
	case triage.EINTERNAL:
		return c.problem("Sorry, there is a problem with the service", err)
	case triage.EINVALID:
		field := "nhs-number"
		msg := triage.ErrorMessage(err)
		switch {
		case strings.Contains(msg, "birth"):
			field = "dob-day"
		case strings.Contains(msg, "first name"):
			field = "given-name"
		case strings.Contains(msg, "last name"):
			field = "family-name"
		}
		v.Errors = []fieldError{{field, capital(triage.PatientMessage(err))}}
	default:
		v.Errors = []fieldError{{"", capital(triage.PatientMessage(err))}}
	}
	return page, v
}

func (w *Web) dependantForm(c *ctx) (string, *view) {
	v := c.view("Add a child you care for")
	v.Back = "/details"
	return "dependant", v
}

func (w *Web) addDependant(c *ctx) (string, *view) {
	v := c.view("Add a child you care for")
	v.Back = "/details"
	body, ok := w.claimForm(c, v, triage.ClaimDependant)
	if !ok {
		return "dependant", v
	}
	if _, err := w.srv.Claim(c.r.Context(), c.clientAddr(), c.acc, body); err != nil {
		return w.claimFailed(c, v, "dependant", err)
	}
	return c.redirect("/details")
}

// capital starts a message with a capital letter, as a sentence on a page.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
