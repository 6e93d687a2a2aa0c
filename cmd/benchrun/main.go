// Command benchrun extracts every page of an article-extraction benchmark
// directory (<id>.html or <id>.html.gz) in one process and writes
// OUT/<id>.txt for a scorer. With -mode readability it writes readability's
// own text instead, as a baseline.
//
//	go run ./cmd/benchrun -in ../shared/bench/scrapinghub/html -out /tmp/ours
//	python3 ../shared/bench/score.py --pred /tmp/ours
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"

	"github.com/newsclean/newsclean/cmd/internal/pagefile"
	"github.com/newsclean/newsclean/extract"
)

func main() {
	in := flag.String("in", "../shared/bench/scrapinghub/html", "directory of benchmark pages")
	out := flag.String("out", "", "directory for <id>.txt outputs")
	mode := flag.String("mode", "newsclean", "newsclean or readability")
	blocks := flag.Bool("blocks", false, "also write OUT/<id>.blocks, one \"kind<TAB>text\" line per block")
	explain := flag.String("explain", "", "print the blocks cut from pages whose id starts with this prefix (all: every page)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "benchrun: -out is required")
		os.Exit(2)
	}
	if err := run(*in, *out, *mode, *explain, *blocks); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

func run(in, out, mode, explain string, blocks bool) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(in, "*.html*"))
	if err != nil {
		return err
	}
	var total time.Duration
	var bytesIn int64
	fails := 0
	for _, f := range files {
		data, err := pagefile.Read(f)
		if err != nil {
			return err
		}
		id := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(f), ".gz"), ".html")
		start := time.Now()
		var text string
		switch mode {
		case "readability":
			a, err := readability.FromReader(bytes.NewReader(data), nil)
			if err == nil && a.Node != nil {
				var b strings.Builder
				a.RenderText(&b)
				text = b.String()
			}
		default:
			show := explain == "all" || explain != "" && strings.HasPrefix(id, explain)
			a, err := extract.FromBytes(data, extract.Options{NoFacts: true, Explain: show})
			if err != nil {
				fails++
				fmt.Fprintf(os.Stderr, "%s: %v\n", id, err)
			} else {
				text = a.Text
				if blocks {
					var kinds strings.Builder
					for _, b := range a.Blocks {
						fmt.Fprintf(&kinds, "%s\t%s\n", b.Kind, strings.ReplaceAll(b.Text, "\n", " "))
					}
					if err := os.WriteFile(filepath.Join(out, id+".blocks"), []byte(kinds.String()), 0o644); err != nil {
						return err
					}
				}
				for _, r := range a.Removed {
					fmt.Fprintf(os.Stderr, "%s\t%s\t%s\n", id[:min(len(id), 8)], r.Rule, r.Text)
				}
			}
		}
		total += time.Since(start)
		bytesIn += int64(len(data))
		if err := os.WriteFile(filepath.Join(out, id+".txt"), []byte(text), 0o644); err != nil {
			return err
		}
	}
	n := len(files)
	fmt.Fprintf(os.Stderr, "%s: %d pages, %d failures, %.2f ms/page, %.2f MB/s\n", mode, n, fails,
		float64(total.Microseconds())/1000/float64(n), float64(bytesIn)/1e6/total.Seconds())
	return nil
}
