// Command queueserver is the practice queue: the single source of truth that patients
// submit to and every desk syncs with. Subcommands: serve, demo, user add.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"triagedesk/assets"
	"triagedesk/demo"
	"triagedesk/server"
	"triagedesk/store"
	"triagedesk/triage"
	"triagedesk/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `Usage: queueserver COMMAND [flags]

Commands:
  serve     serve the practice queue over HTTP
  demo      fill a new database with a realistic demo practice
  user add     create a member of staff and print their bearer token
  user token   give a member of staff a new token (the old one stops working)
  user revoke  end a member of staff's token at once (a lost laptop, a leaver)

Every flag can also be set as an environment variable QUEUESERVER_<FLAG> (for
example QUEUESERVER_DB) or in a config file named with --config (YAML, TOML or JSON).
Run 'queueserver COMMAND --help' for a command's flags.
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	var err error
	switch {
	case args[0] == "serve":
		err = serve(ctx, args[1:], stdout, stderr)
	case args[0] == "demo":
		err = fill(ctx, args[1:], stdout, stderr)
	case args[0] == "user" && len(args) > 1 && args[1] == "add":
		err = addUser(ctx, args[2:], stdout, stderr)
	case args[0] == "user" && len(args) > 1 && (args[1] == "revoke" || args[1] == "token"):
		err = changeToken(ctx, args[1], args[2:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "queueserver: unknown command %q\n\n%s", strings.Join(args, " "), usage)
		return 2
	}
	if errors.Is(err, pflag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "queueserver: %v\n", err)
		return 1
	}
	return 0
}

// config reads a command's settings from flags, QUEUESERVER_ variables and an optional
// config file, in that order of precedence.
func config(name string, args []string, stderr io.Writer, define func(*pflag.FlagSet)) (*viper.Viper, error) {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.String("config", "", "a config file (YAML, TOML or JSON) with any of these settings")
	fs.String("db", "queue.db", "the practice queue's SQLite database file")
	define(fs)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	v := viper.New()
	v.SetEnvPrefix("QUEUESERVER")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	if err := v.BindPFlags(fs); err != nil {
		return nil, err
	}
	if f := v.GetString("config"); f != "" {
		v.SetConfigFile(f)
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("read config file %s: %w (fix the file, or leave out --config)", f, err)
		}
	}
	return v, nil
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	def := server.DefaultTimeouts()
	v, err := config("serve", args, stderr, func(fs *pflag.FlagSet) {
		fs.String("addr", "127.0.0.1:8443", "the address to listen on; anything but loopback needs --tls-cert and --tls-key, or --behind-proxy")
		fs.String("rules", "", "a practice's triage rules file (the built-in rules when empty or refused)")
		fs.Duration("shutdown-grace", 20*time.Second, "how long requests in flight get to finish on SIGTERM")
		fs.String("tls-cert", "", "the TLS certificate file (PEM, with its chain) to serve HTTPS with")
		fs.String("tls-key", "", "the TLS private key file (PEM) of --tls-cert")
		fs.Bool("behind-proxy", false, "a TLS proxy (nginx, Caddy) is in front: serve plain HTTP to it and believe its X-Forwarded-Proto, X-Forwarded-Host and the client address it adds to X-Forwarded-For")
		fs.String("public-url", "", "the address desks and FHIR clients use, like https://queue.example.nhs.uk, for the links the queue hands out (default: as each request came in)")
		fs.Duration("read-timeout", def.Read, "the longest a client may take to send one request, body included")
		fs.Duration("write-timeout", def.Write, "the longest an answer may take to send (the feed's long poll has this on top of its wait)")
		fs.Duration("idle-timeout", def.Idle, "how long an idle kept-alive connection stays open")
		fs.String("smtp-host", "", "the practice's SMTP server, for patients' sign-up emails (without it, sign-up is refused)")
		fs.Int("smtp-port", 0, "the SMTP server's port (587, or 465 with --smtp-tls tls)")
		fs.String("smtp-user", "", "the SMTP sign-in name, if the server needs one")
		fs.String("smtp-password", "", "the SMTP password (better in QUEUESERVER_SMTP_PASSWORD or the config file than on the command line)")
		fs.String("smtp-from", "", "the address emails come from, like \"Riverside Surgery <noreply@riverside.example>\"")
		fs.String("smtp-tls", "starttls", "starttls (refuse a server that cannot encrypt), tls (port 465) or none (a relay on this machine only)")
		fs.String("practice-name", "", "the practice's name on the patient pages, like \"Riverside Surgery\"")
		fs.String("practice-phone", "", "the phone number the patient pages give for help, like \"01632 960 123\"")
		fs.String("front-desk-hours", "", "the front desk's hours on the patient pages' help page, like \"Monday to Friday, 8am to 6:30pm\"")
	})
	if err != nil {
		return err
	}
	certFile, keyFile, behindProxy := v.GetString("tls-cert"), v.GetString("tls-key"), v.GetBool("behind-proxy")
	if (certFile == "") != (keyFile == "") {
		return errors.New("--tls-cert and --tls-key go together: give both files, or neither")
	}
	var tlsConfig *tls.Config
	if certFile != "" {
		cert, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return fmt.Errorf("load the TLS certificate %s and key %s: %w (check both are PEM files and the key is the certificate's)", certFile, keyFile, err)
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	if err := server.CheckListen(v.GetString("addr"), tlsConfig != nil, behindProxy); err != nil {
		return err
	}
	if pub := v.GetString("public-url"); pub != "" && !strings.HasPrefix(pub, "https://") && !strings.HasPrefix(pub, "http://") {
		return fmt.Errorf("--public-url %q is not an address like https://queue.example.nhs.uk", pub)
	}
	logger := log.New(stderr, "queueserver: ", log.LstdFlags)
	q, err := store.OpenQueue(ctx, v.GetString("db"))
	if err != nil {
		return err
	}
	defer q.Close()
	engine, err := loadRules(v.GetString("rules"))
	if err != nil {
		logger.Print(err)
	}
	srv := server.New(q, engine, triage.DefaultCalendar(), logger)
	srv.SetNetwork(server.Network{PublicURL: v.GetString("public-url"), BehindProxy: behindProxy})
	mailer, err := server.NewMailer(server.MailConfig{Host: v.GetString("smtp-host"), Port: v.GetInt("smtp-port"), Username: v.GetString("smtp-user"),
		Password: v.GetString("smtp-password"), From: v.GetString("smtp-from"), TLS: v.GetString("smtp-tls"), PublicURL: v.GetString("public-url")})
	if err != nil {
		return fmt.Errorf("email settings: %w", err)
	}
	if mailer == nil {
		logger.Print("no --smtp-host: patients cannot sign up online until email is set up")
	}
	srv.UseMail(mailer)
	ln, err := net.Listen("tcp", v.GetString("addr"))
	if err != nil {
		return fmt.Errorf("listen on %s: %w", v.GetString("addr"), err)
	}
	pages, err := web.New(srv, web.Options{Practice: v.GetString("practice-name"), Phone: v.GetString("practice-phone"),
		FrontDesk: v.GetString("front-desk-hours"), Secure: tlsConfig != nil || behindProxy})
	if err != nil {
		return err
	}
	hs := srv.HTTPServer(server.Timeouts{ReadHeader: def.ReadHeader, Read: v.GetDuration("read-timeout"),
		Write: v.GetDuration("write-timeout"), Idle: v.GetDuration("idle-timeout")})
	hs.Handler = pages // the patient pages at /, the API and FHIR passed through to srv
	scheme := "http"
	if tlsConfig != nil {
		hs.TLSConfig, scheme = tlsConfig, "https"
		ln = tls.NewListener(ln, tlsConfig)
	}
	fmt.Fprintf(stdout, "serving the practice queue %s on %s://%s (rules %s)\n", v.GetString("db"), scheme, ln.Addr(), engine.Version())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// In-flight requests finish; long polls are woken so they answer at once.
	logger.Print("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), v.GetDuration("shutdown-grace"))
	defer cancel()
	return srv.Shutdown(shutdownCtx, hs) // and waits, a little, for emails being sent
}

func loadRules(path string) (*triage.Engine, error) {
	if path == "" {
		return assets.DefaultEngine(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return assets.DefaultEngine(), fmt.Errorf("read rules %s: %w; the built-in rules are in force", path, err)
	}
	return assets.LoadEngine(b, path)
}

func fill(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	v, err := config("demo", args, stderr, func(fs *pflag.FlagSet) {
		fs.Int("requests", 5000, "how many requests to make, over the last 30 days")
		fs.Int("patients", 30000, "how many patients the practice has")
		fs.Uint64("seed", 1, "the seed: the same seed makes the same practice")
	})
	if err != nil {
		return err
	}
	path := v.GetString("db")
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return fmt.Errorf("%s already exists: demo fills a new database only, so it never mixes with real data", path)
	}
	q, err := store.OpenQueue(ctx, path)
	if err != nil {
		return err
	}
	defer q.Close()
	now := time.Now()
	res, err := server.FillDemo(ctx, q, v.GetUint64("seed"), v.GetInt("patients"), v.GetInt("requests"), now)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "made %d patients and %d requests in %s\n", v.GetInt("patients"), v.GetInt("requests"), path)
	// The few requests sent with photos, as the desk's own demo has them. The demo
	// works without them (a practice too small has no patient with room to send them).
	if err := server.EnsureDemoPhotos(ctx, q, res.Practice, now); err != nil {
		fmt.Fprintf(stderr, "queueserver: the demo's requests with photos could not be added: %v\n", err)
	} else {
		fmt.Fprintf(stdout, "and %d requests sent with photos\n", demo.PhotoRequestCount)
	}
	for _, u := range res.Users {
		fmt.Fprintf(stdout, "%-22s %-9s %-13s %s\n", u.Name, u.Role, u.Team, u.Token)
	}
	return nil
}

func addUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	v, err := config("user add", args, stderr, func(fs *pflag.FlagSet) {
		fs.String("name", "", "the member of staff's name, as shown in the audit trail")
		fs.String("role", "", "reviewer, clinician or manager")
		fs.String("team", "", "a clinician's team: gp, medicines, physio, mental-health or admin")
	})
	if err != nil {
		return err
	}
	q, err := store.OpenQueue(ctx, v.GetString("db"))
	if err != nil {
		return err
	}
	defer q.Close()
	token, err := q.AddUser(ctx, v.GetString("name"), store.Role(v.GetString("role")), triage.Team(v.GetString("team")))
	if err != nil {
		return errors.New(triage.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "added %s (%s). Their bearer token, shown once:\n%s\n", v.GetString("name"), v.GetString("role"), token)
	return nil
}

// changeToken revokes a member of staff's token, or gives them a new one.
func changeToken(ctx context.Context, what string, args []string, stdout, stderr io.Writer) error {
	v, err := config("user "+what, args, stderr, func(fs *pflag.FlagSet) {
		fs.String("name", "", "the member of staff's name")
	})
	if err != nil {
		return err
	}
	name := v.GetString("name")
	if name == "" {
		return errors.New("--name is missing: whose token?")
	}
	q, err := store.OpenQueue(ctx, v.GetString("db"))
	if err != nil {
		return err
	}
	defer q.Close()
	if what == "revoke" {
		if err := q.RevokeUser(ctx, name, "queueserver user revoke"); err != nil {
			return errors.New(triage.ErrorMessage(err))
		}
		fmt.Fprintf(stdout, "revoked the token of %s: every desk using it is signed out. Give them a new one with: queueserver user token --name %q\n", name, name)
		return nil
	}
	token, err := q.NewUserToken(ctx, name, "queueserver user token")
	if err != nil {
		return errors.New(triage.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "a new token for %s, valid for %d days; the old one no longer works. Shown once:\n%s\n", name, int(store.StaffTokenTTL.Hours()/24), token)
	return nil
}
