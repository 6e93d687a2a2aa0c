//go:build linux

package faults

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// server is a running `newsclean serve` on a free loopback port.
type server struct {
	cmd    *exec.Cmd
	addr   string
	mu     sync.Mutex
	stderr strings.Builder
	done   chan struct{} // closed when stderr ends (the process is ending)
}

func (s *server) errText() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stderr.String()
}

// startServer starts serve on 127.0.0.1 with a kernel-chosen port and
// waits for its "serving on" line. It is killed when the test ends if it
// is still running.
func startServer(t *testing.T) *server {
	t.Helper()
	s := &server{done: make(chan struct{})}
	s.cmd = exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	errPipe, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			s.cmd.Wait()
		}
	})
	addrc := make(chan string, 1)
	go func() {
		defer close(s.done)
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.stderr.WriteString(line + "\n")
			s.mu.Unlock()
			if rest, ok := strings.CutPrefix(line, "newsclean: serving on http://"); ok {
				addrc <- strings.TrimSuffix(strings.Fields(rest)[0], "/")
			}
		}
	}()
	select {
	case s.addr = <-addrc:
	case <-s.done:
		t.Fatalf("serve ended before listening:\n%s", s.errText())
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not listen within 30s:\n%s", s.errText())
	}
	return s
}

// stop sends sig and returns the exit code and how long the end took.
func (s *server) stop(t *testing.T, sig os.Signal, within time.Duration) (int, time.Duration) {
	t.Helper()
	start := time.Now()
	if err := s.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() {
		<-s.done
		exited <- s.cmd.Wait()
	}()
	select {
	case err := <-exited:
		return exitCode(t, err, s.cmd), time.Since(start)
	case <-time.After(within):
		t.Fatalf("serve still running %s after %v:\n%s", within, sig, s.errText())
	}
	return 0, 0
}

// TestServeDrain stops serve with SIGTERM while a request is in flight:
// the request is answered, new connections are refused, and serve exits 0.
func TestServeDrain(t *testing.T) {
	s := startServer(t)
	body := page(7)
	conn, err := net.Dial("tcp", s.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	br := bufio.NewReader(conn)
	// Expect: 100-continue makes the server say when the handler starts
	// reading the body: from then on the request is in flight.
	fmt.Fprintf(conn, "POST /api/extract HTTP/1.1\r\nHost: %s\r\nContent-Type: text/html\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n", s.addr, len(body))
	line, err := br.ReadString('\n')
	if err != nil || !strings.Contains(line, "100 Continue") {
		t.Fatalf("no 100 Continue: %q, %v", line, err)
	}
	if _, err := br.ReadString('\n'); err != nil { // the blank line after it
		t.Fatal(err)
	}
	conn.Write(body[:len(body)/2])

	codec := make(chan int, 1)
	go func() {
		code, took := s.stop(t, syscall.SIGTERM, 30*time.Second)
		t.Logf("serve ended %s after SIGTERM", took.Round(time.Millisecond))
		codec <- code
	}()
	// Wait for the listener to close: new connections are refused.
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(10 * time.Second)
	for refused := false; !refused; {
		c, err := net.Dial("tcp", s.addr)
		if refused = err != nil; !refused {
			c.Close()
		}
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatal("serve still accepts connections 10s after SIGTERM")
		}
	}
	conn.Write(body[len(body)/2:])
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v\n%s", err, s.errText())
	}
	defer resp.Body.Close()
	var art struct {
		Title string `json:"title"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&art); err != nil || resp.StatusCode != 200 || !strings.Contains(art.Title, "report 7") {
		t.Errorf("in-flight request: status %d, title %q, %v", resp.StatusCode, art.Title, err)
	}
	if code := <-codec; code != 0 {
		t.Errorf("serve exit %d after SIGTERM, want 0\n%s", code, s.errText())
	}
	if !strings.Contains(s.errText(), "newsclean: shutting down") {
		t.Errorf("stderr lacks the shutdown line:\n%s", s.errText())
	}
}

// Slow-client load: the figures of the issue.
const (
	slowClients   = 1000
	normalClients = 50
	loadTime      = 20 * time.Second // longer than the header timeout, so dropped slow clients come back
	maxP99        = time.Second
	maxServerRSS  = 256 << 10 // KiB
)

// slowClient holds a connection open sending one byte a second: the
// headers (kind "header") or, after whole headers, the body ("body").
// When the server drops it, it connects again. It stops when ctx ends.
func slowClient(ctx context.Context, addr, kind string, open, drops *atomic.Int64) {
	for ctx.Err() == nil {
		conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
		if err != nil {
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
			continue
		}
		open.Add(1)
		start := "POST /api/extract HTTP/1.1\r\nHost: " + addr + "\r\nX-Slow: "
		if kind == "body" {
			start = "POST /api/extract HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>"
		}
		_, err = io.WriteString(conn, start)
		tick := time.NewTicker(time.Second)
		for err == nil {
			select {
			case <-ctx.Done():
				err = ctx.Err()
			case <-tick.C:
				_, err = conn.Write([]byte("a"))
			}
		}
		tick.Stop()
		conn.Close()
		open.Add(-1)
		if ctx.Err() == nil {
			drops.Add(1)
		}
	}
}

// rssKiB reads a field (VmRSS, VmHWM) of /proc/PID/status in KiB.
func rssKiB(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, field+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return -1
}

// raiseFileLimit lifts the soft open-file limit to at least n (the slow
// clients and the server's ends of their connections).
func raiseFileLimit(t *testing.T, n uint64) {
	t.Helper()
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Skipf("open-file limit: %v", err)
	}
	if lim.Cur >= n {
		return
	}
	if lim.Max < n {
		t.Skipf("open-file limit %d is below the %d this test needs", lim.Max, n)
	}
	lim.Cur = n
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Skipf("raising the open-file limit: %v", err)
	}
}

// TestServeSlowClients holds 1,000 slow clients against serve (half
// sending headers, half a body, at 1 byte/s) while 50 normal clients post
// pages: normal requests keep p99 under 1 s, the server's memory stays
// bounded, and SIGTERM still ends it promptly.
func TestServeSlowClients(t *testing.T) {
	needEnv(t, loadEnv)
	raiseFileLimit(t, 4*slowClients)
	s := startServer(t)
	pid := s.cmd.Process.Pid

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var open, drops atomic.Int64
	var wg sync.WaitGroup
	for i := range slowClients {
		kind := "header"
		if i%2 == 1 {
			kind = "body"
		}
		wg.Go(func() { slowClient(ctx, s.addr, kind, &open, &drops) })
	}
	defer wg.Wait()
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	connectBy := time.After(30 * time.Second)
	for open.Load() < slowClients {
		select {
		case <-tick.C:
		case <-connectBy:
			t.Fatalf("only %d of %d slow clients connected", open.Load(), slowClients)
		}
	}
	rssSlow := rssKiB(pid, "VmRSS")

	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: normalClients},
	}
	var mu sync.Mutex
	var lat []time.Duration
	failures := 0
	end := time.Now().Add(loadTime)
	var nwg sync.WaitGroup
	for c := range normalClients {
		nwg.Go(func() {
			for i := c; time.Now().Before(end); i += normalClients {
				body := page(i)
				start := time.Now()
				resp, err := client.Post("http://"+s.addr+"/api/extract", "text/html", bytes.NewReader(body))
				ok := err == nil && resp.StatusCode == http.StatusOK
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				took := time.Since(start)
				mu.Lock()
				lat = append(lat, took)
				if !ok {
					failures++
				}
				mu.Unlock()
			}
		})
	}
	var peakRSS int64
	sample := time.NewTicker(250 * time.Millisecond)
	for time.Now().Before(end) {
		<-sample.C
		peakRSS = max(peakRSS, rssKiB(pid, "VmRSS"))
	}
	sample.Stop()
	nwg.Wait()
	hwm := rssKiB(pid, "VmHWM")

	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))] }
	t.Logf("%d slow clients open (%d dropped by the server and reconnected); %d normal requests, %d failed", open.Load(), drops.Load(), len(lat), failures)
	t.Logf("normal latency p50 %s, p90 %s, p99 %s, max %s", pct(0.50).Round(time.Millisecond), pct(0.90).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
	t.Logf("server RSS: %d KiB with the slow clients alone, %d KiB peak sampled under load, VmHWM %d KiB", rssSlow, peakRSS, hwm)
	if failures > 0 {
		t.Errorf("%d normal requests failed", failures)
	}
	if p99 := pct(0.99); p99 > maxP99 {
		t.Errorf("normal p99 %s, want under %s", p99, maxP99)
	}
	if hwm > maxServerRSS {
		t.Errorf("server peak RSS %d KiB, want under %d KiB", hwm, maxServerRSS)
	}

	code, took := s.stop(t, syscall.SIGTERM, 30*time.Second)
	t.Logf("SIGTERM with %d slow clients open: exit %d after %s; stderr tail: %s", open.Load(), code, took.Round(time.Millisecond), lastLine(s.errText()))
	if code != 0 {
		t.Errorf("exit %d after SIGTERM, want 0\n%s", code, s.errText())
	}
}
