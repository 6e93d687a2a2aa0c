package extract_test

// The hostile corpus: inputs built to break a page extractor (binary data,
// wrong encodings, deep nesting, huge nodes, escape sequences, pages of
// nothing but boilerplate), generated here at test time and run through the
// built newsclean binary, so that time and memory are whole-process figures.
//
//	go test ./extract -run Hostile -v                       # the corpus
//	NEWSCLEAN_HOSTILE_BIG=1 go test ./extract -run Hostile  # with the 100 MB cases
//
// Each case must: exit with one of its expected codes, not panic, finish
// within 10 s of CPU time, peak under 1 GiB of RSS, write no control bytes
// (other than newline and tab) to stdout or stderr, print at most one
// error line shaped "newsclean: SOURCE: reason", and, for the encoding
// cases, print the article in its own script with no U+FFFD.

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const (
	hostileCPULimit = 10 * time.Second
	hostileRSSLimit = 1 << 30
	// The wall-clock limit is looser: the test machine may be shared.
	hostileWallLimit = 30 * time.Second
)

type hostileCase struct {
	name  string
	input func() []byte // written to a file, or piped when stdin is set
	stdin bool
	args  []string
	codes []int  // accepted exit codes
	want  string // must appear in stdout
	// wantErr must appear in stderr.
	wantErr string
	// replaced: the input holds invalid bytes, printed as U+FFFD.
	replaced bool
	big      bool // only with NEWSCLEAN_HOSTILE_BIG=1
}

var hostileArticle = []string{
	"The city council voted on Tuesday to approve a new budget that raises spending on schools and road repairs over the next two years.",
	"Officials said the plan would be paid for by savings elsewhere and by a small increase in parking fees in the city centre.",
	"Opposition members argued that the increase would hurt local shops, and several residents spoke against it at the public meeting.",
	"The mayor said the council had listened to those concerns and would review the parking fees again in the spring.",
}

func articlePage(title, head string, paras []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head>%s<title>%s</title></head><body><article><h1>%s</h1>", head, title, title)
	for i := range 3 {
		for _, p := range paras {
			fmt.Fprintf(&b, "<p>%s</p>\n", p)
		}
		_ = i
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

func englishPage() string { return articlePage("Council approves budget", "", hostileArticle) }

var (
	japaneseParas = []string{
		"市議会は火曜日、今後二年間で学校と道路の補修への支出を増やす新しい予算案を可決した。",
		"市の担当者によると、財源は他の分野での節約と、市中心部の駐車料金の小幅な値上げで賄うという。",
		"野党議員は値上げが地元の商店に打撃を与えると主張し、公聴会では複数の住民が反対意見を述べた。",
		"市長は議会がこうした懸念に耳を傾けたとして、春に駐車料金を改めて見直すと述べた。",
	}
	chineseParas = []string{
		"市议会周二投票通过了一项新预算，将在未来两年内增加学校和道路维修方面的支出。",
		"官员表示，这项计划的资金将来自其他领域的节约，以及市中心停车费的小幅上涨。",
		"反对派议员认为涨价会伤害当地商店，几位居民在公开会议上发言反对。",
		"市长说，议会已经听取了这些意见，并将在春季再次审查停车费。",
	}
	russianParas = []string{
		"Городской совет во вторник утвердил новый бюджет, который увеличивает расходы на школы и ремонт дорог в ближайшие два года.",
		"По словам чиновников, план будет оплачен за счёт экономии в других областях и небольшого повышения платы за парковку в центре города.",
		"Депутаты оппозиции заявили, что повышение ударит по местным магазинам, и несколько жителей выступили против на публичных слушаниях.",
		"Мэр сказал, что совет прислушался к этим опасениям и весной ещё раз пересмотрит плату за парковку.",
	}
	frenchParas = []string{
		"Le conseil municipal a approuvé mardi un nouveau budget qui augmente les dépenses consacrées aux écoles et à l'entretien des routes pendant deux ans.",
		"Selon les élus, le plan sera financé par des économies réalisées ailleurs et par une légère hausse du prix du stationnement au centre-ville.",
		"Les conseillers de l'opposition ont estimé que cette hausse pénaliserait les commerçants, et plusieurs habitants s'y sont opposés lors de la réunion publique.",
		"Le maire a déclaré que le conseil avait entendu ces inquiétudes et qu'il réexaminerait les tarifs au printemps.",
	}
)

func encoded(enc encoding.Encoding, s string) []byte {
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func encodingCases() []hostileCase {
	type lang struct {
		name, label, title string
		enc                encoding.Encoding
		paras              []string
	}
	langs := []lang{
		{"shift_jis", "Shift_JIS", "市議会が予算案を可決", japanese.ShiftJIS, japaneseParas},
		{"euc-jp", "EUC-JP", "市議会が予算案を可決", japanese.EUCJP, japaneseParas},
		{"gbk", "GBK", "市议会通过新预算", simplifiedchinese.GBK, chineseParas},
		{"windows-1251", "windows-1251", "Совет утвердил бюджет", charmap.Windows1251, russianParas},
		{"iso-8859-1", "ISO-8859-1", "Le conseil approuve le budget", charmap.ISO8859_1, frenchParas},
	}
	var cases []hostileCase
	for _, l := range langs {
		want := l.paras[1][:len(l.paras[1])/2]
		want = strings.ToValidUTF8(want, "")
		want = want[:len(want)-utf8.RuneLen([]rune(want)[len([]rune(want))-1])]
		meta := fmt.Sprintf(`<meta charset="%s">`, l.label)
		cases = append(cases,
			hostileCase{name: l.name + "-meta", input: func() []byte { return encoded(l.enc, articlePage(l.title, meta, l.paras)) }, codes: []int{0}, want: want},
			hostileCase{name: l.name + "-nometa", input: func() []byte { return encoded(l.enc, articlePage(l.title, "", l.paras)) }, codes: []int{0}, want: want},
		)
	}
	cases = append(cases,
		hostileCase{name: "utf-16le-bom", input: func() []byte {
			return encoded(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), articlePage("Совет утвердил бюджет", "", russianParas))
		}, codes: []int{0}, want: "Городской совет"},
		hostileCase{name: "utf-16be-bom", input: func() []byte {
			return encoded(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), articlePage("市议会通过新预算", "", chineseParas))
		}, codes: []int{0}, want: "市议会周二"},
		hostileCase{name: "utf-16le-nobom", input: func() []byte {
			return encoded(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), englishPage())
		}, codes: []int{0}, want: "The city council voted"},
		hostileCase{name: "windows-1251-decoded-over-max-bytes", input: func() []byte {
			// 600 kB of Cyrillic bytes decode to 1.1 MB of UTF-8: over the cap.
			return encoded(charmap.Windows1251, articlePage("Бюджет", `<meta charset="windows-1251">`, repeatParas(russianParas, 400)))
		}, args: []string{"--max-bytes", "700000"}, codes: []int{5}, wantErr: "once decoded"},
	)
	return cases
}

// sentence makes a distinct sentence for each seed, so that no paragraph
// is a near-duplicate of another.
func sentence(seed uint64) string {
	words := strings.Fields("council budget school road mayor resident shop parking fee spring meeting plan spending repair city centre vote member debate report officer river bridge market library tax grant park station harbour festival")
	verbs := strings.Fields("approved rejected discussed delayed praised questioned funded reviewed announced opened closed expanded")
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.WriteString("The")
	for range 14 {
		b.WriteString(" " + words[r.IntN(len(words))])
		if r.IntN(4) == 0 {
			b.WriteString(" " + verbs[r.IntN(len(verbs))])
		}
	}
	b.WriteString(".")
	return b.String()
}

func repeatParas(p []string, n int) []string {
	var out []string
	for range n {
		out = append(out, p...)
	}
	return out
}

func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func gzipped(s string) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write([]byte(s))
	w.Close()
	return buf.Bytes()
}

func nested(open, close string, n int) []byte {
	var b bytes.Buffer
	b.WriteString("<!doctype html><html><head><title>Council approves budget</title></head><body>")
	for range n {
		b.WriteString(open)
	}
	b.WriteString("<h1>Council approves budget</h1>")
	for _, p := range hostileArticle {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	for range n {
		b.WriteString(close)
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

func hostileCases() []hostileCase {
	article := englishPage()
	cases := []hostileCase{
		// Binary and garbage.
		{name: "random-bytes", input: func() []byte { return randomBytes(1<<20, 1) }, codes: []int{5}},
		{name: "random-bytes-stdin", stdin: true, input: func() []byte { return randomBytes(64<<10, 2) }, codes: []int{5}},
		{name: "png", input: func() []byte { return append([]byte("\x89PNG\r\n\x1a\n"), randomBytes(50_000, 3)...) }, codes: []int{5}},
		{name: "jpeg", input: func() []byte { return append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), randomBytes(50_000, 4)...) }, codes: []int{5}},
		{name: "pdf", input: func() []byte {
			return []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nstream\n" + string(randomBytes(20_000, 5)) + "\nendstream\n%%EOF\n")
		}, codes: []int{5}},
		{name: "gzip-html", input: func() []byte { return gzipped(article) }, codes: []int{5}},
		{name: "zip", input: func() []byte { return append([]byte("PK\x03\x04\x14\x00"), randomBytes(10_000, 6)...) }, codes: []int{5}},
		{name: "elf", input: func() []byte { return append([]byte("\x7fELF\x02\x01\x01"), randomBytes(10_000, 7)...) }, codes: []int{5}},
		{name: "nul-bytes-only", input: func() []byte { return make([]byte, 64<<10) }, codes: []int{5}},
		{name: "nul-bytes-in-html", input: func() []byte { return []byte(strings.ReplaceAll(article, "council", "coun\x00cil")) }, codes: []int{0}, want: "The city council voted"},
		{name: "invalid-utf8-sprinkled", input: func() []byte {
			return []byte(strings.ReplaceAll(articlePage("Le conseil approuve le budget", "", frenchParas), "budget", "bud\xffget"))
		}, codes: []int{0}, want: "Le conseil municipal a approuvé", replaced: true},
		// Output hygiene.
		{name: "escape-sequences-raw", input: func() []byte {
			return []byte(articlePage("Budget \x1b]0;owned\x07 vote \x1b[2J\x1b[31m", "", append([]string{"Breaking \x1b[1;31mred\x1b[0m text \x07\x08\x7f and \u009b31m C1."}, hostileArticle...)))
		}, codes: []int{0}, want: "The city council voted"},
		{name: "escape-sequences-entities", input: func() []byte {
			return []byte(articlePage("Budget &#x1b;]0;owned&#7; vote &#27;[2J &#x9b;1m", "", append([]string{"Breaking &#x1b;[1;31mred&#x1b;[0m &#x202e;txet desrever&#x202c; &#127;."}, hostileArticle...)))
		}, codes: []int{0}, want: "The city council voted"},
		{name: "escape-sequences-json", args: []string{"--format", "json"}, input: func() []byte {
			return []byte(articlePage("Budget &#x1b;]0;owned&#7; \x1b[2J", `<meta name="author" content="Ann &#x1b;[2J Lee"><meta name="description" content="x&#x1b;]0;t&#7;">`, hostileArticle))
		}, codes: []int{0}, want: `"title": "Budget`},
		{name: "escape-sequences-markdown-facts", args: []string{"--format", "markdown", "--facts"}, input: func() []byte {
			return []byte(articlePage("Budget &#x1b;]0;owned&#7;", "", append([]string{"“We will act \x1b[2J now,” said Mayor Ann \x1b]0;x\x07Lee on Tuesday."}, hostileArticle...)))
		}, codes: []int{0}, want: "Budget"},
		// No article.
		{name: "empty", input: func() []byte { return nil }, codes: []int{3}},
		{name: "whitespace-only", input: func() []byte { return []byte(strings.Repeat(" \n\t", 1000)) }, codes: []int{3}},
		{name: "boilerplate-only", input: func() []byte {
			return []byte(`<!doctype html><html><head><title>Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Advertisement</div>
<div class="newsletter"><p>Subscribe to our newsletter for the latest news delivered to your inbox every morning.</p><button>Subscribe</button></div>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.</p><button>Accept all cookies</button></div>
<footer><p>© 2026 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer></body></html>`)
		}, codes: []int{3}},
		{name: "boilerplate-only-plain-markup", input: func() []byte {
			return []byte(`<html><body><div><p>Advertisement</p><p>Subscribe</p><p>Sign up for our newsletter</p><p>We use cookies to give you the best experience. Accept all cookies</p><p>Advertisement</p><p>Share this article</p></div></body></html>`)
		}, codes: []int{3}},
		{name: "script-only", input: func() []byte {
			return []byte("<html><head><script>" + strings.Repeat("window.dataLayer.push({event:'x'});", 20000) + "</script></head><body><script>document.write('<p>hi</p>')</script></body></html>")
		}, codes: []int{3}},
		{name: "frameset", input: func() []byte {
			return []byte(`<!doctype html><html><head><title>Frames</title></head><frameset cols="25%,75%"><frame src="menu.html"><frame src="story.html"><noframes><p>Your browser does not support frames.</p></noframes></frameset></html>`)
		}, codes: []int{0, 3}},
		{name: "unclosed-comment", input: func() []byte { return []byte("<html><body><!-- " + strings.Repeat("<p>hidden text</p>", 200_000)) }, codes: []int{3}},
		// Size.
		{name: "sibling-paragraphs-50k", input: func() []byte {
			var b bytes.Buffer
			b.WriteString("<html><head><title>Long</title></head><body><article>")
			for i := range 50_000 {
				fmt.Fprintf(&b, "<p>%d. %s</p>\n", i, sentence(uint64(i)))
			}
			b.WriteString("</article></body></html>")
			return b.Bytes()
		}, codes: []int{0}, want: "49999."},
		{name: "text-node-20MB-no-spaces", input: func() []byte {
			return []byte("<html><body><p>" + strings.Repeat("abcdefghij", 2_000_000) + "</p></body></html>")
		}, codes: []int{0, 3}},
		{name: "huge-attribute-10MB", input: func() []byte {
			return []byte(strings.Replace(article, "<article>", `<article data-x="`+strings.Repeat("A", 10_000_000)+`">`, 1))
		}, codes: []int{0}, want: "The city council voted"},
		{name: "many-attributes-200k", input: func() []byte {
			var b strings.Builder
			b.WriteString("<div")
			for i := range 200_000 {
				fmt.Fprintf(&b, " a%d=x", i)
			}
			b.WriteString(">")
			return []byte(strings.Replace(article, "<article>", "<article>"+b.String(), 1))
		}, codes: []int{0}, want: "The city council voted"},
		{name: "repeated-body-attributes", input: func() []byte {
			var b strings.Builder
			b.WriteString("<html><body")
			for i := range 100_000 {
				fmt.Fprintf(&b, " a%d=x", i)
			}
			b.WriteString(">")
			b.WriteString(strings.Repeat("<body b=1>", 1_000_000))
			return []byte(b.String() + article)
		}, codes: []int{0}, want: "The city council voted"},
		{name: "formatting-clone-bomb", input: func() []byte {
			var b strings.Builder
			b.WriteString("<html><body><p>")
			for i := range 300 {
				fmt.Fprintf(&b, "<b id=%d>", i)
			}
			b.WriteString(strings.Repeat("</p><p>x", 300_000))
			return []byte(b.String() + article)
		}, codes: []int{0, 3}},
		{name: "svg-heavy", input: func() []byte {
			var b strings.Builder
			b.WriteString(`<svg viewBox="0 0 100 100">`)
			for i := range 20_000 {
				fmt.Fprintf(&b, `<path d="M%d 0L0 %d"/><text x="1">label %d</text>`, i, i, i)
			}
			b.WriteString("</svg>")
			return []byte(strings.Replace(article, "<article>", b.String()+"<article>", 1))
		}, codes: []int{0}, want: "The city council voted"},
		{name: "mathml-heavy", input: func() []byte {
			var b strings.Builder
			for i := range 5_000 {
				fmt.Fprintf(&b, `<math><mrow><mi>x</mi><mo>=</mo><mfrac><mn>%d</mn><mn>2</mn></mfrac></mrow></math>`, i)
			}
			return []byte(strings.Replace(article, "</article>", "<p>"+b.String()+"</p></article>", 1))
		}, codes: []int{0}, want: "The city council voted"},
		// Nesting.
		{name: "nested-div-600", input: func() []byte { return nested("<div>", "</div>", 600) }, codes: []int{0}, want: "The city council voted"},
		{name: "nested-div-10k", input: func() []byte { return nested("<div>", "</div>", 10_000) }, codes: []int{0, 3}},
		{name: "nested-div-100k", input: func() []byte { return nested("<div>", "</div>", 100_000) }, codes: []int{0, 3}},
		{name: "nested-div-1M", input: func() []byte { return nested("<div>", "</div>", 1_000_000) }, codes: []int{0, 3}},
		{name: "nested-span-unclosed-1M", input: func() []byte { return nested("<span>", "", 1_000_000) }, codes: []int{0, 3}},
		{name: "nested-tables-10k", input: func() []byte { return nested("<table><tr><td>", "</td></tr></table>", 10_000) }, codes: []int{0, 3}},
		{name: "nested-blockquote-100k", input: func() []byte { return nested("<blockquote>", "</blockquote>", 100_000) }, codes: []int{0, 3}},
		{name: "nested-lists-100k", input: func() []byte { return nested("<ul><li>", "</li></ul>", 100_000) }, codes: []int{0, 3}},
		{name: "nested-b-100k", input: func() []byte { return nested("<b>", "</b>", 100_000) }, codes: []int{0, 3}},
		{name: "nested-svg-g-100k", input: func() []byte { return nested("<svg><g>", "</g></svg>", 100_000) }, codes: []int{0, 3}},
		{name: "nested-template-100k", input: func() []byte { return nested("<template>", "</template>", 100_000) }, codes: []int{0, 3}},
		// Text dumps.
		{name: "text-dump-escapes", args: []string{"--input", "text"}, input: func() []byte {
			return []byte("Council approves budget \x1b]0;t\x07\n\n" + strings.Join(hostileArticle, "\n\n") + "\n\x1b[2J\n")
		}, codes: []int{0}, want: "The city council voted"},
		// Size caps.
		{name: "page-100MB", big: true, input: func() []byte {
			return bytes.Repeat([]byte("<p>"+hostileArticle[0]+"</p>\n"), 100<<20/(len(hostileArticle[0])+8))
		}, codes: []int{5}},
		{name: "page-100MB-stdin", big: true, stdin: true, input: func() []byte {
			return bytes.Repeat([]byte("<p>"+hostileArticle[0]+"</p>\n"), 100<<20/(len(hostileArticle[0])+8))
		}, codes: []int{5}},
		{name: "page-30MB-over-default-cap", input: func() []byte {
			return bytes.Repeat([]byte("<p>"+hostileArticle[1]+"</p>\n"), 30<<20/(len(hostileArticle[1])+8))
		}, codes: []int{5}},
	}
	return append(cases, encodingCases()...)
}

// buildNewsclean builds the binary once per test run.
func buildNewsclean(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsclean")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/newsclean/newsclean/cmd/newsclean")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary over the hostile corpus")
	}
	big := os.Getenv("NEWSCLEAN_HOSTILE_BIG") != ""
	bin := buildNewsclean(t)
	dir := t.TempDir()
	cases := hostileCases()
	if len(cases) < 40 {
		t.Errorf("corpus has %d cases, want at least 40", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.big && !big {
				t.Skip("set NEWSCLEAN_HOSTILE_BIG=1 to run")
			}
			in := c.input()
			path := filepath.Join(dir, c.name+".html")
			args := append([]string{"extract"}, c.args...)
			var stdin *os.File
			if c.stdin {
				if err := os.WriteFile(path, in, 0o644); err != nil {
					t.Fatal(err)
				}
				f, err := os.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				stdin = f
			} else {
				if err := os.WriteFile(path, in, 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, path)
			}
			in = nil
			ctx, cancel := context.WithTimeout(context.Background(), 2*hostileWallLimit)
			defer cancel()
			// /usr/bin/time measures the process alone: the rusage of a child
			// started straight from this (large) test process counts the
			// test's own memory in its peak RSS.
			stats := filepath.Join(dir, c.name+".time")
			timeBin, timeErr := exec.LookPath("/usr/bin/time")
			var cmd *exec.Cmd
			if timeErr == nil {
				cmd = exec.CommandContext(ctx, timeBin, append([]string{"-f", "%M %U %S", "-o", stats, bin}, args...)...)
			} else {
				cmd = exec.CommandContext(ctx, bin, args...)
			}
			// On timeout, kill the whole process group, not only the timer.
			cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
			if stdin != nil {
				// A pipe, not a file: the reader cannot seek or stat it.
				cmd.Stdin = struct{ *os.File }{stdin}
			}
			cmd.Env = append(os.Environ(), "NO_COLOR=1")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			wall := time.Since(start)
			code := 0
			if err != nil {
				ee, ok := err.(*exec.ExitError)
				if !ok {
					t.Fatalf("running: %v", err)
				}
				code = ee.ExitCode()
			}
			var cpu time.Duration
			var rss int64
			if timeErr == nil {
				var kb int64
				var user, sys float64
				b, _ := os.ReadFile(stats)
				lines := strings.Split(strings.TrimSpace(string(b)), "\n")
				// A killed command adds a "Command exited..." line first.
				if _, err := fmt.Sscan(lines[len(lines)-1], &kb, &user, &sys); err != nil {
					t.Fatalf("no figures (killed after %v?): %v", wall.Round(time.Millisecond), err)
				}
				rss = kb << 10
				cpu = time.Duration((user + sys) * float64(time.Second))
			} else if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
				rss = ru.Maxrss << 10 // kilobytes on Linux; an upper bound
			}
			t.Logf("exit %d, wall %v, cpu %v, max RSS %d MiB, stdout %d bytes, stderr %q",
				code, wall.Round(time.Millisecond), cpu.Round(time.Millisecond), rss>>20, stdout.Len(), firstLine(stderr.String()))
			if !contains(c.codes, code) {
				t.Errorf("exit code %d, want one of %v; stderr: %s", code, c.codes, stderr.String())
			}
			if strings.Contains(stderr.String(), "panic:") || strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("panic:\n%s", stderr.String())
			}
			if cpu > hostileCPULimit || wall > hostileWallLimit {
				t.Errorf("too slow: cpu %v, wall %v", cpu, wall)
			}
			if rss > hostileRSSLimit {
				t.Errorf("max RSS %d MiB, limit %d MiB", rss>>20, hostileRSSLimit>>20)
			}
			for name, b := range map[string][]byte{"stdout": stdout.Bytes(), "stderr": stderr.Bytes()} {
				if i := controlIndex(b); i >= 0 {
					t.Errorf("%s has control character %U at %d: %q", name, []rune(string(b[i:]))[0], i, b[max(0, i-20):min(len(b), i+20)])
				}
				if !utf8.Valid(b) {
					t.Errorf("%s is not valid UTF-8", name)
				}
			}
			if code != 0 {
				lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
				if len(lines) != 1 || !strings.HasPrefix(lines[0], "newsclean: ") {
					t.Errorf("stderr is not one \"newsclean: SOURCE: reason\" line: %q", stderr.String())
				}
				if stdout.Len() != 0 {
					t.Errorf("stdout not empty on failure: %.200q", stdout.String())
				}
			}
			if c.want != "" && !strings.Contains(stdout.String(), c.want) {
				t.Errorf("stdout lacks %q: %.300q", c.want, stdout.String())
			}
			if c.wantErr != "" && !strings.Contains(stderr.String(), c.wantErr) {
				t.Errorf("stderr lacks %q: %q", c.wantErr, stderr.String())
			}
			if c.want != "" && !c.replaced && strings.ContainsRune(stdout.String(), utf8.RuneError) {
				i := strings.IndexRune(stdout.String(), utf8.RuneError)
				t.Errorf("stdout has U+FFFD: %.100q", stdout.String()[max(0, i-50):])
			}
		})
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 120 {
		s = s[:120]
	}
	return s
}

func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// controlIndex returns the offset of the first control character other
// than newline and tab (C0, DEL, C1), or -1.
func controlIndex(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
			return i
		}
		i += size
	}
	return -1
}
