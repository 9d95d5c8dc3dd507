package server

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"time"

	"triagedesk/store"
	"triagedesk/triage"
)

// Patients' accounts and identity (issue 12). An account is an email address,
// confirmed by a link, and a password; linking it to a patient on the practice list is
// a claim staff verify on the desk. Every answer here is the same whether or not an
// NHS number, or an email address, is known to the practice.

// How long things last.
const (
	patientSessionTTL = 24 * time.Hour
	emailLinkTTL      = 48 * time.Hour
)

// identity holds the limits on sign-up, sign-in and claims. They count per client
// address and per email address or account, so neither many addresses from one place
// nor one address from many places can guess quickly.
type identity struct {
	mailer      *Mailer
	confirmPage string // the path sign-up links open; "" is the JSON API's page

	signUpByAddr, signUpByEmail *limiter
	signInByAddr, signInByEmail *limiter
	claimByAddr, claimByAccount *limiter
	// Emailed links (a new password, a sign-in link): asking for one, per client and
	// per address, and using one, per client.
	linkByAddr, linkByEmail *limiter
	linkUseByAddr           *limiter
}

func newIdentity() *identity {
	return &identity{
		signUpByAddr:   newLimiter("sign-up attempts from this address", 10, 6*time.Minute),
		signUpByEmail:  newLimiter("sign-up attempts for this email address", 3, 20*time.Minute),
		signInByAddr:   newLimiter("sign-in attempts from this address", 20, 3*time.Minute),
		signInByEmail:  newLimiter("sign-in attempts for this account", 5, 15*time.Minute),
		claimByAddr:    newLimiter("identity details sent from this address", 10, 30*time.Minute),
		claimByAccount: newLimiter("identity details sent from this account", 6, 4*time.Hour),
		linkByAddr:     newLimiter("emailed links asked for from this address", 10, 6*time.Minute),
		linkByEmail:    newLimiter("emailed links asked for this email address", 3, 20*time.Minute),
		linkUseByAddr:  newLimiter("links used from this address", 20, 3*time.Minute),
	}
}

// UseMail sets how the queue sends email. Without it, sign-ups are refused with a
// message to call the surgery.
func (s *Server) UseMail(m *Mailer) { s.id.mailer = m }

func (s *Server) accountRoutes() {
	s.mux.HandleFunc("POST /api/v1/accounts", s.forPatients(s.signUp))
	s.mux.HandleFunc("GET /api/v1/accounts/confirm", s.forPatients(s.confirmEmailPage))
	s.mux.HandleFunc("POST /api/v1/accounts/confirm", s.forPatients(s.confirmEmail))
	s.mux.HandleFunc("POST /api/v1/sessions", s.forPatients(s.signIn))
	s.mux.HandleFunc("DELETE /api/v1/session", s.signOut)
	s.mux.HandleFunc("GET /api/v1/account", s.patient(s.myAccount))
	s.mux.HandleFunc("POST /api/v1/claims", s.patient(s.claim))
	s.mux.HandleFunc("GET /api/v1/claims", s.reviewerOrManager(s.openClaims))
	s.mux.HandleFunc("POST /api/v1/claims/{id}/decision", s.reviewerOrManager(s.decideClaim))
	gone := func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, triage.Errorf(triage.ENOTFOUND, "dependants are added as claims the practice checks: POST /api/v1/claims with kind \"dependant\""))
	}
	s.mux.HandleFunc("POST /api/v1/dependants", gone)
	s.mux.HandleFunc("POST /api/v1/dependants/{id}/links", gone)
}

// reviewerOrManager admits the staff who check identity: reviewers and managers.
func (s *Server) reviewerOrManager(h http.HandlerFunc) http.HandlerFunc {
	return s.staff(func(w http.ResponseWriter, r *http.Request) {
		if role := userOf(r).Role; role != store.RoleReviewer && role != store.RoleManager {
			s.fail(w, r, triage.Errorf(triage.EFORBIDDEN, "only reviewers and practice managers check patients' identity"))
			return
		}
		h(w, r)
	})
}

// failLimited answers a refusal, with Retry-After when it is a rate limit.
func (s *Server) failLimited(w http.ResponseWriter, r *http.Request, err error) {
	var tm *tooMany
	if errors.As(err, &tm) {
		setRetryAfter(w, tm.wait)
	}
	s.fail(w, r, err)
}

// SignUpBody is what a patient gives to open an account.
type SignUpBody struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// signUpAnswer is the one answer every sign-up gets, whether or not the address
// already has an account.
const signUpAnswer = "Thank you. We have sent an email to that address: open the link in it to confirm your address, then sign in. If it does not arrive within a few minutes, check your junk folder."

func (s *Server) signUp(w http.ResponseWriter, r *http.Request) {
	var body SignUpBody
	if err := decode(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.SignUp(r.Context(), s.ClientAddr(r), body.Email, body.Password); err != nil {
		s.failLimited(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, "application/json", map[string]string{"message": signUpAnswer})
}

// SignUp opens an account for email with password, from the client at addr, and
// sends the email that confirms the address: the link for a new or unconfirmed
// account, a warning for one already confirmed. Either way the caller tells the patient
// the same thing (SignUpAnswer), so sign-up does not reveal who has an account. A rate
// limit's refusal is an ELIMIT error whose RetryAfter says how long to wait.
func (s *Server) SignUp(ctx context.Context, addr, email, password string) error {
	email = strings.TrimSpace(email)
	if err := triage.ValidateEmail(email); err != nil {
		return triage.Errorf(triage.EINVALID, "please check the email address: it should look like name@example.com")
	}
	if err := checkPassword(password); err != nil {
		return err
	}
	if err := s.limit(limitCheck{s.id.signUpByAddr, addr}, limitCheck{s.id.signUpByEmail, strings.ToLower(email)}); err != nil {
		return err
	}
	if s.id.mailer == nil {
		return triage.Errorf(triage.EUNAVAILABLE, "online accounts are not set up at this practice yet: please call the surgery")
	}
	id, created, err := s.queue.SignUp(ctx, email, hashPassword(password))
	if err != nil {
		return err
	}
	login, err := s.queue.LoginByEmail(ctx, email)
	if err != nil {
		return err
	}
	// Both kinds of address get an email, so the answer and its time are the same.
	var subject, text string
	switch {
	case created || !login.EmailVerified:
		tok, err := s.queue.NewEmailLink(ctx, id, emailLinkTTL)
		if err != nil {
			return err
		}
		subject = "Confirm your email address"
		text = "Someone, we hope you, asked to open an account for online requests to the practice with this email address.\n\n" +
			"To confirm it, open this link within 48 hours:\n\n" + s.id.mailer.link(s.confirmPath(), url.Values{"token": {tok}}) +
			"\n\nIf it was not you, ignore this email: no account is opened without the link.\n"
	default:
		subject = "Someone tried to open an account with your address"
		text = "Someone asked to open an account for online requests to the practice with this email address, which already has one.\n\n" +
			"If it was you, sign in with your password instead. If it was not, you need do nothing: your account has not changed.\n"
	}
	if err := s.id.mailer.Send(ctx, login.Email, subject, text); err != nil {
		s.log.Printf("sign-up: the confirmation email was not sent: %T", errors.Unwrap(err))
		return triage.Errorf(triage.EUNAVAILABLE, "we could not send the email just now: please try again in a few minutes")
	}
	return nil
}

func (s *Server) confirmEmail(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Token string `json:"token"`
	}
	if err := decode(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.queue.ConfirmEmail(r.Context(), body.Token); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, "application/json", map[string]string{"message": "Your email address is confirmed. You can now sign in."})
}

// confirmEmailPage is the page the link in the email opens.
func (s *Server) confirmEmailPage(w http.ResponseWriter, r *http.Request) {
	msg, status := "Your email address is confirmed. You can now sign in.", http.StatusOK
	if _, err := s.queue.ConfirmEmail(r.Context(), r.URL.Query().Get("token")); err != nil {
		msg, status = triage.ErrorMessage(err), http.StatusNotFound
		if triage.ErrorCode(err) == triage.EINTERNAL {
			msg, status = "Something went wrong: please try the link again later.", http.StatusInternalServerError
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'none'")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Confirm your email</title><p>%s</p></html>\n", html.EscapeString(msg))
}

// SignInBody is a patient's email address and password.
type SignInBody struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// SignInAnswer is a patient's bearer token and when it expires.
type SignInAnswer struct {
	Token    string    `json:"token"`
	Expires  time.Time `json:"expires"`
	Verified bool      `json:"verified"` // whether the practice has checked who the account is
	// AccountID is the account signed in, for the patient pages' own use.
	AccountID int64 `json:"-"`
}

func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	var body SignInBody
	if err := decode(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	ans, err := s.SignIn(r.Context(), s.ClientAddr(r), body.Email, body.Password)
	if err != nil {
		s.failLimited(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, "application/json", ans)
}

// SignIn checks a patient's email address and password, from the client at addr,
// within the sign-in rate limits, and starts a session. A wrong address and a wrong
// password get the same refusal, in the same time.
func (s *Server) SignIn(ctx context.Context, addr, email, password string) (SignInAnswer, error) {
	email = strings.TrimSpace(email)
	if err := s.limit(limitCheck{s.id.signInByAddr, addr}, limitCheck{s.id.signInByEmail, strings.ToLower(email)}); err != nil {
		return SignInAnswer{}, err
	}
	wrong := triage.Errorf(triage.EUNAUTHORIZED, "the email address or the password is not right: please check them")
	login, err := s.queue.LoginByEmail(ctx, email)
	if triage.ErrorCode(err) == triage.ENOTFOUND {
		passwordMatches(dummyHash, password) // as long as a wrong password takes
		return SignInAnswer{}, wrong
	} else if err != nil {
		return SignInAnswer{}, err
	}
	if !passwordMatches(login.PasswordHash, password) {
		s.queue.Audit(ctx, triage.AuditEntry{Actor: fmt.Sprintf("account %d", login.AccountID), Action: "sign-in-refused", Detail: "wrong password"})
		return SignInAnswer{}, wrong
	}
	if !login.EmailVerified {
		return SignInAnswer{}, triage.Errorf(triage.EFORBIDDEN, "please confirm your email address first, with the link we sent; to get a new link, sign up again with the same address")
	}
	return s.startSession(ctx, login.AccountID)
}

// signOut ends the session of the token it is sent with: a patient's, or a member of
// staff's (whose desk then asks for a new token).
func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	tok := bearer(r)
	if tok == "" {
		s.fail(w, r, triage.Errorf(triage.EUNAUTHORIZED, "sign out needs the token to end"))
		return
	}
	if _, err := s.queue.UserByToken(r.Context(), tok); err == nil {
		if err := s.queue.SignOutUser(r.Context(), tok); err != nil {
			s.fail(w, r, err)
			return
		}
	} else if err := s.queue.EndSession(r.Context(), tok); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// AccountView is what a patient sees of their account.
type AccountView struct {
	Email    string      `json:"email"`
	Verified bool        `json:"verified"`
	Message  string      `json:"message"`
	Claims   []ClaimView `json:"claims"`
}

// ClaimView is one of a patient's claims as they see it: what they sent and where
// the practice's check is, never what is on the list.
type ClaimView struct {
	ID            int64              `json:"id"`
	Kind          triage.ClaimKind   `json:"kind"`
	Name          string             `json:"name"`
	BirthDate     string             `json:"birthDate"`
	Status        triage.ClaimStatus `json:"status"`
	Message       string             `json:"message"`
	ProvisionalID int64              `json:"patientId"` // to send requests for this person meanwhile
}

func (s *Server) myAccount(w http.ResponseWriter, r *http.Request) {
	v, err := s.MyAccount(r.Context(), accountOf(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, "application/json", v)
}

// MyAccount is what the account holder sees of their account and claims.
func (s *Server) MyAccount(ctx context.Context, acc triage.Account) (AccountView, error) {
	claims, err := s.queue.AccountClaims(ctx, acc.ID)
	if err != nil {
		return AccountView{}, err
	}
	v := AccountView{Email: acc.Email, Verified: acc.Verified, Claims: []ClaimView{}}
	switch {
	case acc.Verified:
		v.Message = "The practice has checked who you are."
	case acc.PatientID == 0:
		// Read by the patient in an app: no API path (POST /api/v1/claims is in the
		// API's documentation for the app's makers).
		v.Message = "Please tell the practice who you are: it checks this before you can see its replies here."
	default:
		v.Message = triage.ClaimPending.PatientMessage()
	}
	for _, c := range claims {
		v.Claims = append(v.Claims, claimView(c))
	}
	return v, nil
}

func claimView(c triage.Claim) ClaimView {
	return ClaimView{ID: c.ID, Kind: c.Kind, Name: c.Name(), BirthDate: c.BirthDate.Format(time.DateOnly), Status: c.Status,
		Message: c.Status.PatientMessage(), ProvisionalID: c.ProvisionalID}
}

// ClaimBody is what a patient says about who they are, or who they act for.
type ClaimBody struct {
	Kind         triage.ClaimKind `json:"kind"` // "self" (the default) or "dependant"
	NHSNumber    string           `json:"nhsNumber"`
	GivenName    string           `json:"givenName"`
	FamilyName   string           `json:"familyName"`
	BirthDate    string           `json:"birthDate"` // YYYY-MM-DD
	Sex          string           `json:"sex"`
	Relationship string           `json:"relationship,omitempty"`
}

func (s *Server) claim(w http.ResponseWriter, r *http.Request) {
	var body ClaimBody
	if err := decode(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.Claim(r.Context(), s.ClientAddr(r), accountOf(r), body)
	if err != nil {
		s.failLimited(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, "application/json", v)
}

// Claim records what the account holder, from the client at addr, says about who they
// are or who they act for, within the claims' rate limits; the practice checks it on
// the desk.
func (s *Server) Claim(ctx context.Context, addr string, acc triage.Account, body ClaimBody) (ClaimView, error) {
	switch body.Kind {
	case "", triage.ClaimSelf:
		body.Kind = triage.ClaimSelf
	case triage.ClaimDependant, triage.ClaimProxy:
		body.Kind = triage.ClaimDependant // the store tells a child from an adult by age
	default:
		return ClaimView{}, triage.Errorf(triage.EINVALID, "kind %q: use self for yourself, or dependant for someone you care for", body.Kind)
	}
	birth, err := triage.ParseBirthDate(body.BirthDate, s.now())
	if err != nil {
		return ClaimView{}, err
	}
	c, err := triage.ValidateClaimed(triage.Claim{Kind: body.Kind, NHSNumber: triage.NHSNumber(body.NHSNumber), GivenName: body.GivenName,
		FamilyName: body.FamilyName, BirthDate: birth, Sex: triage.Sex(body.Sex), Relationship: body.Relationship}, s.now())
	if err != nil {
		return ClaimView{}, err
	}
	if err := s.limit(limitCheck{s.id.claimByAddr, addr}, limitCheck{s.id.claimByAccount, fmt.Sprint(acc.ID)}); err != nil {
		return ClaimView{}, err
	}
	c, err = s.queue.SubmitClaim(ctx, acc.ID, c)
	if err != nil {
		return ClaimView{}, err
	}
	s.Notify()
	return claimView(c), nil
}

// openClaims is the desk's verification queue: claims waiting for a decision, each
// with the list's best matches. Reading it shows staff patients' details, so it is
// audited with the claims and patients shown.
func (s *Server) openClaims(w http.ResponseWriter, r *http.Request) {
	claims, err := s.queue.OpenClaims(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var shown []string
	var patients []int64
	for _, c := range claims {
		patients = append(patients, c.ProvisionalID)
		for _, m := range c.Matches {
			patients = append(patients, m.ID)
		}
		shown = append(shown, fmt.Sprint(c.ID))
	}
	if len(claims) > 0 && !s.audited(w, r, triage.AuditEntry{Action: "read-claims", Records: store.RecordList(nil, patients),
		Detail: "claims " + strings.Join(shown, ", ")}) {
		return
	}
	if claims == nil {
		claims = []triage.Claim{}
	}
	writeJSON(w, http.StatusOK, "application/json", claims)
}

func (s *Server) decideClaim(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var d triage.ClaimDecision
	if err := decode(r, &d); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.queue.DecideClaim(r.Context(), id, d, userOf(r).Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.Notify()
	if c.Status == triage.ClaimVerified || c.Status == triage.ClaimAskID {
		s.tellClaimant(r.Context(), c)
	}
	writeJSON(w, http.StatusOK, "application/json", c)
}

// tellClaimant emails the account holder that their claim was decided, saying only
// where to look: the email holds no names and nothing clinical.
func (s *Server) tellClaimant(ctx context.Context, c triage.Claim) {
	if s.id.mailer == nil || c.Email == "" {
		return
	}
	text := "The practice has looked at the details you sent about who you are, or who you care for.\n\nPlease sign in to see what happens next.\n"
	if err := s.id.mailer.Send(ctx, c.Email, "The practice has checked your details", text); err != nil {
		s.log.Printf("claim %d: the email to the account holder was not sent: %v", c.ID, errors.Unwrap(err))
	}
}
