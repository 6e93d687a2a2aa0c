// Command metaeval runs the extractor and the facts reader over the articles
// of a metadata gold file and writes OUT/<id>.json for score_meta.py.
//
//	go run ./cmd/metaeval -out /tmp/meta
//	python3 ../shared/metadata-dev/score_meta.py /tmp/meta
//
// With -source text it reads DIR/<id>.txt plain-text articles (our own
// annotated ones: -gold testdata/facts/gold.json -text testdata/facts).
// With -source gold it reads the benchmark's gold articleBody text (split
// into paragraphs at blank lines) instead of the HTML, to separate facts
// errors from extraction errors. With -dump it prints each article's
// paragraphs and facts to stderr.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/newsclean/newsclean/cmd/internal/pagefile"
	"github.com/newsclean/newsclean/extract"
)

type goldFile struct {
	Articles []struct {
		ID string `json:"id"`
	} `json:"articles"`
}

type bench map[string]struct {
	ArticleBody string `json:"articleBody"`
}

type dateline struct {
	Place  string `json:"place"`
	Date   string `json:"date"`
	Agency string `json:"agency"`
	Raw    string `json:"raw"`
}

type output struct {
	Dateline *dateline        `json:"dateline"`
	People   []extract.Person `json:"people"`
	Quotes   []extract.Quote  `json:"quotes"`
}

func main() {
	gold := flag.String("gold", "../shared/metadata-dev/meta-dev-gold.json", "metadata gold file")
	benchDir := flag.String("bench", "../shared/bench/scrapinghub", "benchmark directory (html/, ground-truth.json)")
	seeds := flag.String("seed", "../shared/seeds/000_0dad7d50271e7878.txt", "text page scored as id 'seed'")
	out := flag.String("out", "", "directory for <id>.json outputs")
	source := flag.String("source", "html", "html (through the extractor), gold (benchmark articleBody) or text (DIR/<id>.txt, see -text)")
	textDir := flag.String("text", "testdata/facts", "directory of <id>.txt articles for -source text")
	dump := flag.Bool("dump", false, "print paragraphs and facts to stderr")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "metaeval: -out is required")
		os.Exit(2)
	}
	if err := run(*gold, *benchDir, *seeds, *textDir, *out, *source, *dump); err != nil {
		fmt.Fprintln(os.Stderr, "metaeval:", err)
		os.Exit(1)
	}
}

func run(goldPath, benchDir, seed, textDir, out, source string, dump bool) error {
	var g goldFile
	if err := readJSON(goldPath, &g); err != nil {
		return err
	}
	var b bench
	if source == "gold" {
		if err := readJSON(filepath.Join(benchDir, "ground-truth.json"), &b); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", out, err)
	}
	for _, a := range g.Articles {
		var data []byte
		var err error
		opts := extract.Options{Now: func() time.Time { return time.Date(2019, 11, 20, 12, 0, 0, 0, time.UTC) }}
		switch {
		case a.ID == "seed":
			data, err = os.ReadFile(seed)
			opts.Input = extract.InputText
		case source == "text":
			data, err = os.ReadFile(filepath.Join(textDir, a.ID+".txt"))
			opts.Input = extract.InputText
		case source == "gold":
			body, ok := b[a.ID]
			if !ok {
				return fmt.Errorf("article %s not in ground truth", a.ID)
			}
			data = []byte(body.ArticleBody)
			opts.Input = extract.InputText
		default:
			data, err = pagefile.Read(filepath.Join(benchDir, "html", a.ID+".html.gz"))
		}
		if err != nil {
			return err
		}
		art, err := extract.FromBytes(data, opts)
		if err != nil {
			fmt.Fprintf(os.Stderr, "metaeval: %s: %v\n", a.ID, err)
			continue
		}
		o := output{People: art.People, Quotes: art.Quotes}
		if art.Dateline != nil {
			d := art.Dateline
			o.Dateline = &dateline{d.Place, d.Date, d.Agency, d.Raw}
		}
		if dump {
			fmt.Fprintf(os.Stderr, "=== %s\n", a.ID)
			for i, bl := range art.Blocks {
				fmt.Fprintf(os.Stderr, "[%d] %s\n", i, bl.Text)
			}
			j, _ := json.MarshalIndent(o, "", "  ")
			fmt.Fprintf(os.Stderr, "%s\n", j)
		}
		j, err := json.MarshalIndent(o, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, a.ID+".json"), append(j, '\n'), 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", a.ID, err)
		}
	}
	return nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("parsing %s: %w", path, err)
	}
	return nil
}
