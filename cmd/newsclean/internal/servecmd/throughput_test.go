package servecmd

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsclean/newsclean/cmd/newsclean/internal/render"
	"github.com/newsclean/newsclean/extract"
)

// benchDir is the shared benchmark's pages, relative to this package.
const benchDir = "../../../../../shared/bench/scrapinghub/html"

func loadBenchPages(t *testing.T) [][]byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(benchDir, "*.html*"))
	if len(files) == 0 {
		t.Skipf("no benchmark pages in %s (the shared benchmark is not part of a clone)", benchDir)
	}
	var pages [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
		pages = append(pages, b)
	}
	return pages
}

// TestServeThroughput measures POST /api/extract over the shared benchmark
// pages with 4 concurrent clients, against in-process extraction (and JSON
// rendering) of the same pages with 2 workers. It runs only when asked:
//
//	NEWSCLEAN_BENCH_SERVE=1 go test ./cmd/newsclean/internal/servecmd -run Throughput -v
//
// NEWSCLEAN_BENCH_ROUNDS sets the number of alternating rounds (default 3).
// NEWSCLEAN_BATCH names a newsclean binary: each round then also times
// `newsclean batch --jobs 2` over the same directory (a separate process
// reading the gzipped files, output discarded).
func TestServeThroughput(t *testing.T) {
	if os.Getenv("NEWSCLEAN_BENCH_SERVE") == "" {
		t.Skip("set NEWSCLEAN_BENCH_SERVE=1 to measure API throughput")
	}
	pages := loadBenchPages(t)
	rounds := 3
	if n, err := strconv.Atoi(os.Getenv("NEWSCLEAN_BENCH_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	ts := httptest.NewServer(NewHandler(Config{}))
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}

	// Warm up: lazy data (lexicons) loads on first use.
	inProcess(t, pages, 2)

	var lat []time.Duration
	var apiRates, libRates, ratios, batchRates, batchRatios []float64
	batchBin := os.Getenv("NEWSCLEAN_BATCH")
	var bytesIn int64
	for _, p := range pages {
		bytesIn += int64(len(p))
	}
	for r := 0; r < rounds; r++ {
		d, l, fails := viaAPI(t, client, ts.URL, pages, 4)
		lat = append(lat, l...)
		apiRates = append(apiRates, float64(len(pages))/d.Seconds())
		ld := inProcess(t, pages, 2)
		libRates = append(libRates, float64(len(pages))/ld.Seconds())
		ratios = append(ratios, apiRates[r]/libRates[r])
		t.Logf("round %d: API %.1f pages/s (%d non-200), in-process %.1f pages/s", r+1, apiRates[r], fails, libRates[r])
		if batchBin != "" {
			bd := runBatch(t, batchBin)
			batchRates = append(batchRates, float64(len(pages))/bd.Seconds())
			batchRatios = append(batchRatios, apiRates[r]/batchRates[r])
			t.Logf("round %d: batch --jobs 2 %.1f pages/s", r+1, batchRates[r])
		}
	}
	slices.Sort(lat)
	api, lib := median(apiRates), median(libRates)
	t.Logf("%d pages (%.1f MiB), %d rounds", len(pages), float64(bytesIn)/(1<<20), rounds)
	t.Logf("API, 4 clients: p50 %v, p90 %v, p99 %v, max %v; %.1f pages/s (median of rounds)",
		pct(lat, 50), pct(lat, 90), pct(lat, 99), lat[len(lat)-1].Round(time.Millisecond), api)
	t.Logf("in-process, 2 workers: %.1f pages/s; API/in-process = %.0f%% (median of per-round ratios %.0f%%)", lib, 100*api/lib, 100*median(ratios))
	if batchBin != "" {
		b := median(batchRates)
		t.Logf("newsclean batch --jobs 2: %.1f pages/s; API/batch = %.0f%% (median of per-round ratios %.0f%%)", b, 100*api/b, 100*median(batchRatios))
	}
}

// runBatch times `newsclean batch --jobs 2` over the benchmark directory.
func runBatch(t *testing.T, bin string) time.Duration {
	t.Helper()
	cmd := exec.Command(bin, "batch", "--jobs", "2", "--failures-ok", benchDir)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s batch: %v: %s", bin, err, stderr.Bytes())
	}
	return time.Since(start)
}

// viaAPI posts every page once with n clients.
func viaAPI(t *testing.T, client *http.Client, base string, pages [][]byte, n int) (time.Duration, []time.Duration, int) {
	t.Helper()
	jobs := make(chan []byte)
	var mu sync.Mutex
	var lat []time.Duration
	fails := 0
	var wg sync.WaitGroup
	start := time.Now()
	for range n {
		wg.Go(func() {
			for p := range jobs {
				t0 := time.Now()
				resp, err := client.Post(base+"/api/extract", "text/html", bytes.NewReader(p))
				if err != nil {
					t.Error(err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				if resp.StatusCode != 200 {
					fails++
				}
				mu.Unlock()
			}
		})
	}
	for _, p := range pages {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return time.Since(start), lat, fails
}

// inProcess extracts and renders every page once with n workers.
func inProcess(t *testing.T, pages [][]byte, n int) time.Duration {
	t.Helper()
	jobs := make(chan []byte)
	var wg sync.WaitGroup
	start := time.Now()
	for range n {
		wg.Go(func() {
			for p := range jobs {
				a, err := extract.FromBytes(p, extract.Options{})
				if err != nil {
					continue
				}
				if _, err := render.Bytes(a, render.JSON, render.Options{}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	for _, p := range pages {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return time.Since(start)
}

func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	i = min(max(i-1, 0), len(sorted)-1)
	return sorted[i].Round(time.Millisecond)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
