package web_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// patientClient is one patient's browser below the real one: an HTTP client with
// cookies, connecting from an address of its own on the loopback network (127.0.0.x)
// so the per-address limits on sign-up and sign-in count each patient apart, as they
// would for patients at home.
type patientClient struct {
	c *http.Client
	s *site
}

func newPatientClient(s *site, n int) *patientClient {
	jar, _ := cookiejar.New(nil)
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, byte(1+n/250), byte(2+n%250))}, Timeout: 10 * time.Second}
	tr := &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 2}
	return &patientClient{c: &http.Client{Jar: jar, Transport: tr, Timeout: 30 * time.Second}, s: s}
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// get fetches a page and returns its status and body.
func (p *patientClient) get(path string) (int, string, error) {
	resp, err := p.c.Get(p.s.URL + path)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

// send fills in the form on the page at from and posts it to to, as a browser would.
func (p *patientClient) send(from, to string, form url.Values) (int, string, error) {
	_, page, err := p.get(from)
	if err != nil {
		return 0, "", err
	}
	m := csrfInput.FindStringSubmatch(page)
	if m == nil {
		return 0, "", fmt.Errorf("%s has no form with a CSRF token", from)
	}
	form.Set("csrf", m[1])
	resp, err := p.c.PostForm(p.s.URL+to, form)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

// signUpAndIn opens an account for email through the pages and signs in.
func (p *patientClient) signUpAndIn(email string) error {
	if _, _, err := p.send("/sign-up", "/sign-up", url.Values{"email": {email}, "password": {patientPassword}}); err != nil {
		return err
	}
	link := p.s.mail.Link(email, 1)
	if status, _, err := p.get(strings.TrimPrefix(link, p.s.URL)); err != nil || status != http.StatusOK {
		return fmt.Errorf("the link in the email: %d %v", status, err)
	}
	status, page, err := p.send("/sign-in", "/sign-in", url.Values{"email": {email}, "password": {patientPassword}})
	if err != nil || status != http.StatusOK || strings.Contains(page, "nhsuk-error-summary") {
		return fmt.Errorf("sign in %s: %d %v", email, status, err)
	}
	return nil
}

// serverTimes records how long the server took over each page.
type serverTimes struct {
	mu     sync.Mutex
	d      []time.Duration
	byPath map[string][]time.Duration
}

func (st *serverTimes) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h.ServeHTTP(w, r)
		d := time.Since(start)
		st.mu.Lock()
		st.d = append(st.d, d)
		if st.byPath == nil {
			st.byPath = map[string][]time.Duration{}
		}
		st.byPath[r.URL.Path] = append(st.byPath[r.URL.Path], d)
		st.mu.Unlock()
	})
}

func (st *serverTimes) reset() { st.mu.Lock(); st.d, st.byPath = st.d[:0], nil; st.mu.Unlock() }

// perPage says the median and 99th percentile of each page's times.
func (st *serverTimes) perPage() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []string
	for path, d := range st.byPath {
		d = slices.Clone(d)
		slices.Sort(d)
		out = append(out, fmt.Sprintf("%s p50 %v p99 %v (%d)", path, d[len(d)/2], d[min(len(d)-1, len(d)*99/100)], len(d)))
	}
	slices.Sort(out)
	return strings.Join(out, "; ")
}

// quantile returns the q-th quantile (0..1) of the times recorded.
func (st *serverTimes) quantile(q float64) time.Duration {
	st.mu.Lock()
	defer st.mu.Unlock()
	if len(st.d) == 0 {
		return 0
	}
	d := slices.Clone(st.d)
	slices.Sort(d)
	return d[min(len(d)-1, int(q*float64(len(d))))]
}

// concurrentPatients is how many patients use the pages at once in the benchmark.
const concurrentPatients = 50

// benchPages are the pages a signed-in patient opens, in turn.
var benchPages = []string{"/", "/details", "/help", "/dependants/add", "/requests"}

// BenchmarkPages50Patients measures the server's time per page (in the handler, from
// the request read to the page written) with 50 signed-in patients opening pages at
// once, and reports its median and 99th percentile:
//
//	go test -tags migrated_fynedo,ci -run '^$' -bench Pages50Patients -benchtime 4000x ./web/
func BenchmarkPages50Patients(b *testing.B) {
	var st serverTimes
	s := startSiteWith(b, st.wrap)
	patients := make([]*patientClient, concurrentPatients)
	var wg sync.WaitGroup
	errs := make(chan error, concurrentPatients)
	signingUp := make(chan struct{}, 4) // argon2id is memory-hard: four at a time
	for i := range patients {
		patients[i] = newPatientClient(s, i)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			signingUp <- struct{}{}
			defer func() { <-signingUp }()
			if err := patients[i].signUpAndIn(fmt.Sprintf("patient%d@example.com", i)); err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	st.reset()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	work := make(chan int)
	failures := make(chan error, 1)
	b.ResetTimer()
	for i := range patients {
		wg.Add(1)
		go func(p *patientClient) {
			defer wg.Done()
			for n := range work {
				status, _, err := p.get(benchPages[n%len(benchPages)])
				if err == nil && status != http.StatusOK {
					err = fmt.Errorf("%s answered %d", benchPages[n%len(benchPages)], status)
				}
				if err != nil {
					select {
					case failures <- err:
					default:
					}
					cancel()
				}
			}
		}(patients[i])
	}
feed:
	for n := 0; n < b.N; n++ {
		select {
		case work <- n:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	b.StopTimer()
	select {
	case err := <-failures:
		b.Fatal(err)
	default:
	}
	b.Logf("server time per page with %d patients at once: %s", concurrentPatients, st.perPage())
	b.ReportMetric(float64(st.quantile(0.5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(st.quantile(0.99).Microseconds())/1000, "p99-ms")
}
