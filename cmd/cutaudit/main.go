// Command cutaudit weighs every cleaning rule against a gold text. It runs
// the extractor over a corpus whose pages come with the article text a
// person marked as the story, and prints, for each rule, the words it cut
// that belong to the story and the words it cut that do not, plus the story
// words lost with no rule at all (the chosen container was too small).
//
//	go run ./cmd/cutaudit ../shared/corpora/fundus
//	go run ./cmd/cutaudit -ids ../shared/corpora/fundus/validation.txt ../shared/corpora/fundus
//	go run ./cmd/cutaudit -skip ../shared/corpora/wcxb-dev/validation.txt -pages 20 ../shared/corpora/wcxb-dev
//	go run ./cmd/cutaudit testdata/golden
//
// A corpus is one of: a directory with gold.json ({"<id>": {"text": …}})
// and html/<id>.html(.gz) (the shared corpora); a directory with
// ground-truth.json ({"<id>": {"articleBody": …}}) and html/ (the shared
// benchmark); or a directory of case folders each holding input.html (or
// input.txt) and want.txt, whose first line is the title (the project's
// golden cases).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	ids := flag.String("ids", "", "audit only the page ids listed in this file, one a line")
	skip := flag.String("skip", "", "leave out the page ids listed in this file (a validation split)")
	pages := flag.Int("pages", 0, "also list the N pages that lose the most story words")
	markdown := flag.Bool("md", false, "print the rule table as Markdown")
	kept := flag.Bool("kept", false, "print every kept block that is mostly not in the gold (page, kind, words in gold/words, text)")
	show := flag.String("show", "", "print every cut of this rule (page, story words/words cut, text)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: cutaudit [-ids FILE] [-skip FILE] [-show RULE] [-kept] [-pages N] [-md] CORPUS_DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, flag.Arg(0), *ids, *skip, *show, *kept, *pages, *markdown); err != nil {
		fmt.Fprintln(os.Stderr, "cutaudit:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, dir, idsFile, skipFile, show string, kept bool, worst int, markdown bool) error {
	corpus, err := loadCorpus(dir)
	if err != nil {
		return err
	}
	if corpus, err = selectPages(corpus, idsFile, skipFile); err != nil {
		return err
	}
	rep := audit(corpus, show, kept, w)
	rep.write(w, markdown)
	if worst > 0 {
		rep.writeWorst(w, worst)
	}
	return nil
}
