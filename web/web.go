// Package web is the patients' front door: server-rendered pages, served by the
// queue itself, where patients sign up, tell the practice who they are, send requests
// one question a page, and read the practice's replies. The pages work without
// JavaScript and follow the NHS design system (its CSS is vendored under static/).
//
// Every rule comes from the queue's own server and domain (package server, package
// triage): the pages call the same methods as the JSON API, so the two cannot
// disagree about who may see what, the limits or the opening hours.
package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"triagedesk/server"
	"triagedesk/triage"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// CSSVersion is the version of the NHS design system (npm nhsuk-frontend) whose
// compiled CSS is vendored in static/, purged to the rules the templates use by
// scripts/vendor-css.sh (which pins the same version).
const CSSVersion = "10.6.1"

// Options are the practice's details the pages show, and how cookies are set.
type Options struct {
	Practice  string // the practice's name, like "Riverside Surgery"
	Phone     string // the number patients call, like "01632 960 123"
	FrontDesk string // the front desk's hours, like "Monday to Friday, 8am to 6:30pm"
	// Secure marks cookies Secure: set it when the queue serves TLS or sits behind a
	// TLS proxy. Cookies on a request that came over TLS are Secure either way.
	Secure bool
	// SessionIdle is how long a session lasts without use; 30 minutes when 0.
	SessionIdle time.Duration
}

// Web serves the patient pages and passes everything else (the JSON API, FHIR) to the
// queue's server.
type Web struct {
	srv      *server.Server
	opt      Options
	mux      *http.ServeMux
	pages    map[string]*template.Template
	sessions *sessions
	css      []byte // the stylesheet, and its gzip form for clients that accept it
	cssGzip  []byte
}

// New makes the patient pages for srv, and points srv's sign-up emails at them.
func New(srv *server.Server, opt Options) (*Web, error) {
	if opt.Practice == "" {
		opt.Practice = "Your GP practice"
	}
	if opt.SessionIdle <= 0 {
		opt.SessionIdle = 30 * time.Minute
	}
	w := &Web{srv: srv, opt: opt, mux: http.NewServeMux(), sessions: newSessions(srv.Queue(), srv.Log().Printf)}
	if err := w.parse(); err != nil {
		return nil, err
	}
	css, err := staticFS.ReadFile("static/nhsuk-frontend.min.css")
	if err != nil {
		return nil, fmt.Errorf("read the vendored stylesheet: %w", err)
	}
	own, err := staticFS.ReadFile("static/site.css")
	if err != nil {
		return nil, fmt.Errorf("read the pages' own stylesheet: %w", err)
	}
	// One file for the browser to fetch: the design system's rules, then ours.
	css = append(append(withoutRemoteFonts(css), '\n'), own...)
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(css)
	zw.Close()
	w.css, w.cssGzip = css, gz.Bytes()
	srv.SetConfirmPage("/verify")
	w.routes()
	return w, nil
}

func (w *Web) routes() {
	m := w.mux
	m.Handle("/api/", w.srv)
	m.Handle("/fhir/", w.srv)
	m.HandleFunc("GET /static/nhsuk-frontend.min.css", w.stylesheet)
	assets, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(assets)
	m.Handle("GET /assets/images/", cached(files))
	m.Handle("GET /assets/js/", cached(files))
	m.HandleFunc("GET /favicon.ico", func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, "/assets/images/favicon.svg", http.StatusMovedPermanently)
	})

	m.HandleFunc("GET /{$}", w.page(w.start))
	m.HandleFunc("GET /help", w.page(w.help))
	m.HandleFunc("GET /sign-up", w.page(w.signUpForm))
	m.HandleFunc("POST /sign-up", w.page(w.signUp))
	m.HandleFunc("GET /check-email", w.page(w.checkEmail))
	m.HandleFunc("GET /verify", w.page(w.verify))
	m.HandleFunc("GET /sign-in", w.page(w.signInForm))
	m.HandleFunc("POST /sign-in", w.page(w.signIn))
	m.HandleFunc("POST /sign-out", w.page(w.signOut))
	m.HandleFunc("GET /forgot-password", w.page(w.forgotForm))
	m.HandleFunc("POST /forgot-password", w.page(w.forgot))
	m.HandleFunc("GET "+server.ResetPasswordPath, w.page(w.resetForm))
	m.HandleFunc("POST "+server.ResetPasswordPath, w.page(w.reset))
	m.HandleFunc("GET /password-changed", w.page(w.signedIn(w.passwordChanged)))
	m.HandleFunc("GET /sign-in/email", w.page(w.linkForm))
	m.HandleFunc("POST /sign-in/email", w.page(w.emailLink))
	m.HandleFunc("GET "+server.SignInLinkPath, w.page(w.linkPage))
	m.HandleFunc("POST "+server.SignInLinkPath, w.page(w.linkSignIn))
	m.HandleFunc("GET /details", w.page(w.signedIn(w.details)))
	m.HandleFunc("POST /details", w.page(w.signedIn(w.saveDetails)))
	m.HandleFunc("GET /dependants/add", w.page(w.signedIn(w.dependantForm)))
	m.HandleFunc("POST /dependants/add", w.page(w.signedIn(w.addDependant)))

	m.HandleFunc("GET /request/{step}", w.page(w.signedIn(w.requestStep)))
	m.HandleFunc("POST /request/{step}", w.page(w.signedIn(w.requestAnswer)))
	m.HandleFunc("GET /request/sent/{id}", w.page(w.signedIn(w.requestSent)))
	m.HandleFunc("GET /requests", w.page(w.signedIn(w.myRequests)))
	m.HandleFunc("GET /requests/{id}", w.page(w.signedIn(w.oneRequest)))
	m.HandleFunc("POST /requests/{id}/reply", w.page(w.signedIn(w.reply)))
}

// maxPageBody is the most a page's form may send: three photos of 5 MB with room for
// the rest, so a photo that is too big is refused with the page, not a broken
// connection.
const maxPageBody = 48 << 20

// ServeHTTP serves the patient pages, and the queue's API under /api/ and /fhir/.
func (w *Web) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, "/api/") && !strings.HasPrefix(r.URL.Path, "/fhir/") {
		r.Body = http.MaxBytesReader(rw, r.Body, maxPageBody)
	}
	w.mux.ServeHTTP(rw, r)
}

// remoteFont is an @font-face rule of the NHS design system's CSS: its Frutiger files
// are on NHS England's servers, not vendored here (their licence).
var remoteFont = regexp.MustCompile(`@font-face\{[^}]*https?://[^}]*\}`)

// withoutRemoteFonts drops the stylesheet's @font-face rules that load fonts from
// another server. The CSP (font-src 'self') blocks them anyway, so they only cost
// every page four blocked requests and console errors; without them the pages use the
// CSS's own fallback (Arial), and a patient's browser never asks another server for
// anything.
func withoutRemoteFonts(css []byte) []byte { return remoteFont.ReplaceAll(css, nil) }

// securityHeaders are on every page: only the server's own files may load, nothing
// may frame the pages, and nothing personal is cached or sent on as a referrer.
func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
}

func cached(h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		securityHeaders(rw.Header())
		rw.Header().Set("Cache-Control", "public, max-age=86400")
		h.ServeHTTP(rw, r)
	})
}

// stylesheet serves the NHS design system's CSS, gzipped for browsers that accept it
// (about 30 KB instead of 278 KB).
func (w *Web) stylesheet(rw http.ResponseWriter, r *http.Request) {
	h := rw.Header()
	securityHeaders(h)
	h.Set("Content-Type", "text/css; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=86400")
	h.Set("Vary", "Accept-Encoding")
	body := w.css
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = w.cssGzip
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	rw.Write(body)
}

// --- pages ------------------------------------------------------------------------------

// view is what every page template gets.
type view struct {
	Title     string
	Practice  string
	Phone     string
	FrontDesk string
	CSRF      string
	SignedIn  bool
	Path      string
	Errors    []fieldError      // shown in the error summary and beside each field
	Values    map[string]string // what the patient typed, given back on an error
	Notice    string            // a message at the top of the page
	Success   string            // what was just done, in a success banner ("Your reply has been sent")
	Back      string            // where the back link goes
	Data      any               // the page's own
}

// fieldError is one problem with what was typed: the field's id and the message.
type fieldError struct {
	Field   string
	Message string
}

// Err returns the message for a field, or "".
func (v *view) Err(field string) string {
	for _, e := range v.Errors {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Val returns what the patient typed in a field.
func (v *view) Val(field string) string { return v.Values[field] }

// Is reports whether a field holds value (a radio button or checkbox to check).
func (v *view) Is(field, value string) bool { return v.Values[field] == value }

// pageFunc handles a page: it returns the template to show with its view, or a
// redirect (ctx.redirect) and "".
type pageFunc func(c *ctx) (string, *view)

// ctx is one request to a page, with its session.
type ctx struct {
	w      *Web
	rw     http.ResponseWriter
	r      *http.Request
	sess   *session
	acc    triage.Account // the signed-in account, when signedIn let it through
	done   bool           // a redirect or error was written
	status int            // the page's HTTP status; 200 when 0
}

func (c *ctx) redirect(to string) (string, *view) {
	http.Redirect(c.rw, c.r, to, http.StatusSeeOther)
	c.done = true
	return "", nil
}

func (c *ctx) view(title string) *view {
	v := &view{Title: title, Practice: c.w.opt.Practice, Phone: c.w.opt.Phone, FrontDesk: c.w.opt.FrontDesk,
		CSRF: c.sess.csrf, SignedIn: c.sess.token != "", Path: c.r.URL.Path, Values: map[string]string{}}
	if c.r.Method == http.MethodGet && c.sess.keptFor == c.r.URL.Path && c.sess.token != "" {
		for k, val := range c.sess.kept {
			v.Values[k] = val
		}
		v.Notice = "We have kept what you typed before your session ended. Please check it and carry on."
		c.sess.kept, c.sess.keptFor = nil, ""
	}
	if c.r.Method == http.MethodGet && c.sess.successFor == c.r.URL.Path {
		v.Success, c.sess.success, c.sess.successFor = c.sess.success, "", ""
	}
	return v
}

// page wraps a page handler: it finds or starts the session, checks the CSRF token
// on every POST, sets the security headers, and renders what the handler returns.
func (w *Web) page(h pageFunc) http.HandlerFunc {
	return func(rw http.ResponseWriter, r *http.Request) {
		securityHeaders(rw.Header())
		rw.Header().Set("Cache-Control", "no-store")
		now := w.srv.Now()
		sess, fresh := w.sessions.get(r, now, w.opt.SessionIdle)
		if fresh {
			w.setCookie(rw, r, sess.id)
		}
		sess.mu.Lock()
		defer sess.mu.Unlock()
		// Whatever the page did to the session is written to the queue before the
		// next page of this browser can run, even if this one's client has gone.
		defer w.sessions.save(context.WithoutCancel(r.Context()), sess)
		c := &ctx{w: w, rw: rw, r: r, sess: sess}
		if r.Method == http.MethodPost {
			if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
				if err := r.ParseMultipartForm(8 << 20); err != nil {
					w.formTooBig(c, err)
					return
				}
			} else if err := r.ParseForm(); err != nil {
				w.formTooBig(c, err)
				return
			}
			if fresh || subtle.ConstantTimeCompare([]byte(r.PostFormValue("csrf")), []byte(sess.csrf)) != 1 {
				w.expired(c)
				return
			}
		}
		name, v := h(c)
		if c.done {
			return
		}
		if c.status == 0 {
			c.status = http.StatusOK
		}
		w.render(rw, c.status, name, v)
	}
}

// formTooBig answers a form that could not be read: almost always photos over the
// limit all together.
func (w *Web) formTooBig(c *ctx, err error) {
	v := c.view("There is a problem")
	var mbe *http.MaxBytesError
	msg := "What you sent could not be read. Please go back and try again."
	if errors.As(err, &mbe) {
		msg = "What you sent is too large. Photos can be up to 5 MB each. Please go back and choose smaller photos."
	}
	v.Errors = []fieldError{{Field: "", Message: msg}}
	w.render(c.rw, http.StatusRequestEntityTooLarge, "problem", v)
}

// expired answers a form sent without a live session (it ended, or the server
// restarted) or with the wrong CSRF token. Nothing is done with what was sent, but
// what the patient typed is kept in a new session so that, once they sign in again,
// the form they were filling in has it back.
func (w *Web) expired(c *ctx) {
	kept := map[string]string{}
	for k, vs := range c.r.PostForm {
		if k == "csrf" || k == "password" || k == "token" || len(vs) == 0 {
			continue
		}
		kept[k] = vs[0]
	}
	c.sess.kept, c.sess.keptFor = kept, c.r.URL.Path
	c.sess.token, c.sess.accountID = "", 0
	v := c.view("Sign in again")
	v.Errors = []fieldError{{Field: "email", Message: "For your safety, your session ended. Please sign in again: we have kept what you typed."}}
	w.render(c.rw, http.StatusForbidden, "sign-in", v)
}

// render writes a page; a template that fails is a bug, answered with a plain error
// page and nothing personal in the log.
func (w *Web) render(rw http.ResponseWriter, status int, name string, v *view) {
	t := w.pages[name]
	if t == nil {
		w.srv.Log().Printf("web: no page template %q", name)
		http.Error(rw, "Something went wrong. Please try again later.", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		w.srv.Log().Printf("web: page %s failed to render: %T", name, err)
		http.Error(rw, "Something went wrong. Please try again later.", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(status)
	rw.Write(buf.Bytes())
}

// problem shows a page that says what went wrong and what to do, for errors that
// belong to no field (a limit, a closed service, a failure at the practice's end).
func (c *ctx) problem(title string, err error) (string, *view) {
	v := c.view(title)
	v.Errors = []fieldError{{Message: triage.PatientMessage(err)}}
	c.status = http.StatusInternalServerError
	switch triage.ErrorCode(err) {
	case triage.ELIMIT:
		c.status = http.StatusTooManyRequests
	case triage.EUNAVAILABLE:
		c.status = http.StatusServiceUnavailable
	case triage.EINVALID:
		c.status = http.StatusUnprocessableEntity
	case triage.EFORBIDDEN:
		c.status = http.StatusForbidden
	}
	if triage.ErrorCode(err) == triage.EINTERNAL {
		c.w.srv.Log().Printf("web: %s %s failed (%T)", c.r.Method, c.r.URL.Path, errors.Unwrap(err))
	}
	return "problem", v
}

// signedIn lets only a signed-in patient through; anyone else goes to sign in and
// comes back.
func (w *Web) signedIn(h pageFunc) pageFunc {
	return func(c *ctx) (string, *view) {
		if c.sess.token != "" {
			acc, err := w.srv.Account(c.r.Context(), c.sess.token)
			if err == nil {
				c.acc = acc
				return h(c)
			}
			if triage.ErrorCode(err) == triage.EINTERNAL {
				// A fault at the practice's end is not a sign-out: the patient keeps
				// their session (and what they typed) and is told to try again.
				return c.problem("Sorry, there is a problem with the service", err)
			}
			c.sess.token, c.sess.accountID = "", 0
		}
		if c.r.Method == http.MethodGet {
			c.sess.next = c.r.URL.Path
		}
		return c.redirect("/sign-in")
	}
}

// setCookie gives the browser its session id, or clears its cookie when id is "" (at
// sign-out): one place sets the cookie's settings, so a cleared cookie matches the one
// it replaces.
func (w *Web) setCookie(rw http.ResponseWriter, r *http.Request, id string) {
	c := &http.Cookie{Name: cookieName, Value: id, Path: "/", HttpOnly: true,
		Secure: w.opt.Secure || r.TLS != nil, SameSite: http.SameSiteLaxMode}
	if id == "" {
		c.MaxAge = -1
	}
	http.SetCookie(rw, c)
}

// formValues copies the named fields of a form, trimmed, for a page shown again.
func formValues(r *http.Request, names ...string) map[string]string {
	m := make(map[string]string, len(names))
	for _, n := range names {
		m[n] = strings.TrimSpace(r.PostFormValue(n))
	}
	return m
}

// when says a time as a patient reads it: "Tuesday 3 March at 8:00am".
func when(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return t.Format("Monday 2 January") + " at " + strings.ToLower(t.Format("3:04PM"))
}

func (w *Web) parse() error {
	funcs := template.FuncMap{
		"add": func(a, b int) int { return a + b },
		"query": func(s string) string {
			return url.QueryEscape(s)
		},
		"longDate": longDate,
	}
	base, err := template.New("base").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return fmt.Errorf("parse the page layout: %w", err)
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return err
	}
	w.pages = map[string]*template.Template{}
	for _, n := range names {
		if n == "templates/layout.html" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return fmt.Errorf("parse page %s: %w", n, err)
		}
		w.pages[strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")] = t
	}
	return nil
}

// longDate writes a date kept as 2006-01-02 the way the NHS style guide writes dates
// for people ("21 April 1980"); anything else is shown as it is rather than hidden.
func longDate(s string) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return d.Format("2 January 2006")
}
