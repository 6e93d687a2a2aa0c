package meta

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclean/newsclean/extract/internal/benchpages"
)

// decodedLD is what encoding/json makes of a script, read the way addLD
// reads it: the objects of an article type among those it follows, each as
// a map of the keys Read uses.
func decodedLD(src string) []map[string]any {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return nil
	}
	var out []map[string]any
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > maxLDDepth {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				add(e, depth+1)
			}
		case map[string]any:
			if typeScore(t["@type"]) < 0 {
				break // not kept, but followed
			}
			kept := map[string]any{}
			for k := range ldKeys {
				if val, ok := t[k]; ok && val != nil {
					kept[k] = val
				}
			}
			out = append(out, kept)
		}
		if t, ok := v.(map[string]any); ok {
			if g, ok := t["@graph"]; ok {
				add(g, depth+1)
			}
			if me, ok := t["mainEntity"]; ok {
				add(me, depth+1)
			}
		}
	}
	add(v, 0)
	return out
}

// scannedLD is the same read through addLD.
func scannedLD(src string) []map[string]any {
	var p page
	p.addLD(src)
	var out []map[string]any
	for i := range p.ld {
		kept := map[string]any{}
		for k, key := range ldKeys {
			if v := p.ld[i].value(key); v != nil {
				kept[k] = v
			}
		}
		out = append(out, kept)
	}
	return out
}

// checkLD fails when addLD reads src otherwise than decoding it with
// encoding/json would.
func checkLD(t *testing.T, src string) {
	t.Helper()
	var v any
	data := strings.TrimSpace(src)
	if want, got := json.Unmarshal([]byte(data), &v) == nil, new(page).addLDValue(data, 0); got != want {
		t.Errorf("addLDValue(%q) = %v, want %v", src, got, want)
	}
	want, got := decodedLD(src), scannedLD(src)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("JSON-LD %q:\n got %v\nwant %v", src, got, want)
	}
}

var ldSeeds = []string{
	`{"@type":"NewsArticle","headline":" Title ","author":[{"@type":"Person","name":"Jane Doe"}]}`,
	`[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"A","datePublished":"2024-05-01"}]`,
	`{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"X"},{"@type":"Article","headline":"B","mainEntity":{"@type":"NewsArticle","headline":"C"}}]}`,
	`{"@type":"Article","headline":"first","headline":"second","@type":"BlogPosting"}`,
	`{"\u0040type":"Article","head\u006cine":"escaped keys","Headline":"other case"}`,
	`{"@type":"Report","headline":"x", "image":{"url":"/a.jpg"}, "publisher":{"name":"P"}, "url":1e2}`,
	`{"@type":"Article","width":1e400,"headline":"overflow"}`, `{"@type":"Article","w":1e308,"h":-1E-400}`,
	`{"@type":"newsarticle","n":-0.5e-3,"headline":"small"}`,
	`{"@type":"Article","headline":"bad \xff utf8"}`, "{\"headline\":\"tab\tinside\"}", `{"@type":["Thing","Article"],"headline":"\u00e9\n"}`,
	`{"headline":"a"} trailing`, `{"headline":"a",}`, `[1,2,]`, `{"a":01}`, `{"a":-}`, `{"a":1.}`,
	`{"a":tru}`, `{"a":"\x"}`, `{"a":"\u12"}`, ``, `   `, `null`, `"text"`, `42`, `{"a":[]}`, `{}`, `[]`,
	"\u00a0{\"@type\":\"Article\",\"headline\":\"nbsp around\"}\u00a0", `{"@type":"Article","@graph":{"@type":"Article","@graph":{"@type":"Article","@graph":{"@type":"Article","@graph":{"@type":"Article","@graph":{"@type":"Article","@graph":{"@type":"Article","headline":"deep"}}}}}}}`,
	`[[[[[[{"@type":"Article","headline":"deep array"}]]]]]]`, `[[[[{"@type":"Article","headline":"array"}]]]]`, `{"mainEntity":null,"@graph":null}`,
	strings.Repeat("[", maxNesting) + strings.Repeat("]", maxNesting),
	strings.Repeat("[", maxNesting+1) + strings.Repeat("]", maxNesting+1),
	`{"a":` + strings.Repeat("[", maxNesting-1) + strings.Repeat("]", maxNesting-1) + `}`,
	`{"a":` + strings.Repeat("[", maxNesting) + strings.Repeat("]", maxNesting) + `}`,
}

func TestLDMatchesDecoding(t *testing.T) {
	for _, src := range ldSeeds {
		checkLD(t, src)
	}
}

func FuzzLD(f *testing.F) {
	for _, src := range ldSeeds {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<16 {
			return
		}
		checkLD(t, src)
	})
}

// TestReadProps checks that every meta key Read weighs is one page.set
// keeps.
func TestReadProps(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "meta.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		ix, ok := node.(*ast.IndexExpr)
		if !ok {
			return true
		}
		sel, ok := ix.X.(*ast.SelectorExpr)
		lit, isLit := ix.Index.(*ast.BasicLit)
		if !ok || sel.Sel.Name != "props" || !isLit || lit.Kind != token.STRING {
			return true
		}
		key, _ := strconv.Unquote(lit.Value)
		n++
		if !readProps[key] {
			t.Errorf("Read weighs the meta key %q, which readProps leaves out", key)
		}
		return true
	})
	if n < 30 {
		t.Errorf("found %d meta keys read in meta.go, want the 40 or so Read weighs", n)
	}
}

// Every JSON-LD script of the shared benchmark and corpora reads as
// encoding/json decodes it.
func TestLDMatchesDecodingOnBench(t *testing.T) {
	var pages []benchpages.Page
	for _, dir := range []string{"bench/scrapinghub", "corpora/fundus", "corpora/wcxb-dev"} {
		dir = filepath.Join("../../../../shared", dir)
		if _, err := os.Stat(dir); err == nil {
			pages = append(pages, benchpages.Read(t, dir)...)
		}
	}
	if len(pages) == 0 {
		t.Skip("../shared is not beside the repository")
	}
	scripts := 0
	for _, page := range pages {
		for n := range benchpages.Parse(t, page.HTML).Descendants() {
			if n.Type == html.ElementNode && n.DataAtom == atom.Script && strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				scripts++
				checkLD(t, n.FirstChild.Data)
			}
		}
	}
	if scripts == 0 {
		t.Error("found no JSON-LD script in the benchmark pages")
	}
	t.Logf("%d JSON-LD scripts", scripts)
}
