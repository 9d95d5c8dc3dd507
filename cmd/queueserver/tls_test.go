package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// selfSigned writes a certificate for 127.0.0.1 and its key, and returns their files
// and a pool that trusts the certificate.
func selfSigned(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "queue test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

// TestServeRefusesPlainHTTPOffThisComputer: patient data never crosses a network in
// the clear unless a TLS proxy is said to be in front.
func TestServeRefusesPlainHTTPOffThisComputer(t *testing.T) {
	db := filepath.Join(t.TempDir(), "queue.db")
	certFile, _, _ := selfSigned(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--addr", "0.0.0.0:0"}, "without TLS"},
		{[]string{"--addr", ":0"}, "--behind-proxy"},
		{[]string{"--addr", "queue.example.nhs.uk:8443"}, "--tls-cert and --tls-key"},
		{[]string{"--addr", "127.0.0.1:0", "--tls-cert", certFile}, "go together"},
		{[]string{"--addr", "127.0.0.1:0", "--tls-cert", certFile, "--tls-key", certFile}, "load the TLS certificate"},
		{[]string{"--addr", "127.0.0.1:0", "--public-url", "queue.example.nhs.uk"}, "not an address"},
	}
	for _, tt := range tests {
		var out, errs bytes.Buffer
		args := append([]string{"serve", "--db", db}, tt.args...)
		if code := run(context.Background(), args, &out, &errs); code == 0 || !strings.Contains(errs.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want a refusal saying %q", tt.args, code, errs.String(), tt.want)
		}
	}
}

// startServe runs serve until the test ends and returns the address it printed.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errs bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run(ctx, append([]string{"serve", "--db", filepath.Join(t.TempDir(), "queue.db")}, args...), pw, &errs)
		pw.Close()
	}()
	t.Cleanup(func() { cancel(); <-done })
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil || !strings.Contains(line, "serving the practice queue") {
		t.Fatalf("serve said %q, %v: %s", line, err, errs.String())
	}
	go io.Copy(io.Discard, pr)
	f := strings.Fields(line)
	return f[len(f)-3]
}

func TestServeHTTPS(t *testing.T) {
	certFile, keyFile, pool := selfSigned(t)
	base := startServe(t, "--addr", "127.0.0.1:0", "--tls-cert", certFile, "--tls-key", keyFile)
	if !strings.HasPrefix(base, "https://127.0.0.1:") {
		t.Fatalf("serve printed %q, want an https address", base)
	}
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := c.Get(base + "/fhir/metadata")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.TLS == nil {
		t.Fatalf("metadata over TLS: %d, TLS %v", resp.StatusCode, resp.TLS != nil)
	}
	if resp, err := http.Get(strings.Replace(base, "https://", "http://", 1) + "/fhir/metadata"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == 200 {
			t.Error("the TLS port served the page over plain HTTP")
		}
	}
}

func TestServeBehindProxy(t *testing.T) {
	// Loopback here: the test must not open a port to the network. That
	// --behind-proxy lets serve listen on other addresses is server.CheckListen's test.
	base := startServe(t, "--addr", "127.0.0.1:0", "--behind-proxy")
	req, _ := http.NewRequest("GET", base+"/fhir/metadata", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("X-Forwarded-Host", "queue.example.nhs.uk")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"url":"https://queue.example.nhs.uk/fhir"`) {
		t.Fatalf("behind a proxy: %d %s; want links on the proxy's https address", resp.StatusCode, b)
	}
}
