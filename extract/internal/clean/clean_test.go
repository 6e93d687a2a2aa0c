package clean

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

// seedPath is a real page scraped to text, full of clutter; it lives
// outside the repository.
const seedPath = "../../../../shared/seeds/000_0dad7d50271e7878.txt"

func TestSeedText(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed page not available (%v); it lives in ../shared outside the repository", err)
	}
	res, err := Text(string(data), Config{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, b := range res.Blocks {
		paras = append(paras, b.Text)
	}
	got := strings.Join(paras, "\n\n")
	clutter := []string{
		"Skip to main content", "Advertisement", "Follow TODAY on WhatsApp",
		"Read more of the latest in", "Stay in the know", "Subscribe to get", "By clicking subscribe",
	}
	for _, c := range clutter {
		if strings.Contains(got, c) {
			t.Errorf("clutter %q is still in the text", c)
		}
	}
	// Every line of the story (a line of twelve words or more) comes out
	// exactly once, the photo caption included: it is printed twice.
	for _, line := range strings.Split(string(data), "\n") {
		line = normalizeSpace(line)
		if wordCount(line) < 12 || strings.HasPrefix(line, "By clicking subscribe") || strings.HasPrefix(line, "Subscribe to get") {
			continue
		}
		if n := strings.Count(got, line); n != 1 {
			t.Errorf("found %d times, want once: %.80q", n, line)
		}
	}
	if res.Title != "S’pore, France to step up collaboration on cyber-security, digital technologies" {
		t.Errorf("title = %q", res.Title)
	}
	if !strings.HasPrefix(got, "PARIS — Amid concerns") {
		t.Errorf("text starts %.60q, want the dateline first", got)
	}
	for _, r := range res.Removed {
		if r.Rule == "" {
			t.Errorf("removal without a rule: %q", r.Text)
		}
	}
}

func TestBlockRules(t *testing.T) {
	tests := []struct {
		kind, text string
		want       string
	}{
		{"p", "Advertisement", "ad-label"},
		{"p", "Story continues below advertisement", "ad-label"},
		{"p", "Skip to main content", "skip-link"},
		{"p", "Follow TODAY on WhatsApp", "follow-prompt"},
		{"p", "Suivez-nous sur Instagram", "follow-prompt"},
		{"p", "Lesen Sie auch: Die Bahn saniert weitere Strecken", "read-more"},
		{"p", "DON'T MISS", "read-more"},
		{"p", "Sign up for our morning newsletter", "newsletter"},
		{"p", "Get the latest updates right in your inbox. Subscribe to our newsletters.", "newsletter"},
		{"p", "Publicité", "ad-label"},
		{"p", "By Jane Doe and John Roe | Reuters", "byline"},
		{"p", "Par Jean Dupont", "byline"},
		{"p", "by Regan September 15, 2014", "byline"},
		{"p", "Renée Lachance and Dwayne Whitehorse · Oct. 4, 2023", "byline"},
		{"p", "Tom Krisher, Ap Auto Writer", "byline"},
		{"p", "Updated 1:39 am EST, Wednesday, November 20, 2019", "date-line"},
		{"p", "Associated Press Published 11:34 PM EST Nov 19, 2019", "date-line"},
		{"p", "Publié le 22 mai 2024 à 06h15, modifié à 09h40", "date-line"},
		{"p", "Published", "date-line"},
		{"p", "https://www.example.com/news/article/some-story-123.php", "url-line"},
		{"p", "Image 3 of 5", "media-label"},
		{"p", "Caption", "media-label"},
		{"p", "The plague wiped out half of Europe in the 14th century (Image: GETTY)", "caption-credit"},
		{"p", "Sakib Ali/Hindustan Times/Getty Images", "caption-credit"},
		{"p", "In this Dec. 12, 2006, file photo, made available by NASA, astronauts work outside the station.", "caption-credit"},
		{"p", "(Reporting by Jane Doe; Editing by John Roe)", "trailer"},
		{"p", "Keith Bradsher contributed reporting from Hong Kong.", "trailer"},
		{"p", "This post may contain affiliate links. Please see my disclosure page.", "disclosure"},
		{"p", "Email Jane Doe at jdoe@example.com or follow her @janedoe.", "contact-line"},
		{"p", "Le Quotidien du Sud · Tous droits réservés", "credit-line"},
		{"p", "Tempo de leitura: 2 minutos", "reading-time"},
		{"p", "Tags: Brexit, Parliament, Elections", "tags"},
		{"p", "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video", "media-label"},
		{"p", "00:00 / 03:15", "media-label"},
		{"p", "Sie haben einen Fehler gefunden?", "feedback-prompt"},
		{"p", "Fehler auf example.de entdeckt?", "feedback-prompt"},
		{"p", "Aus dem Englischen von Jan Muster", "trailer"},
		{"p", "Dies ist eine maschinelle Übersetzung eines Artikels unserer Kollegen.", "trailer"},
		{"p", "The views expressed in this column do not necessarily reflect those of the newspaper.", "disclosure"},
		{"p", "Gastbeiträge müssen nicht der Meinung der Redaktion entsprechen.", "disclosure"},
		{"p", "Sie können sich jederzeit wieder abmelden, wenn Sie das möchten.", "newsletter"},
		{"p", "You can unsubscribe at any time.", "newsletter"},
		{"p", "Download the Example News app for breaking alerts", "app-prompt"},
		{"p", "Vous ne pouvez lire ce journal que sur un seul appareil à la fois.", "paywall"},
		{"p", "Your subscription is being used on another device.", "paywall"},
		{"p", "Publisert 05.08.2024, kl. 13.05 Oppdatert 05.08.2024, kl. 13.52", "date-line"},
		{"p", "Uppdaterad 15.59 | Publicerad 14.14", "date-line"},
		{"p", "21 mins ago", "date-line"},
		{"p", "Lesedauer: 5 Minuten", "reading-time"},
		{"p", "STR/AFP via Getty Images", "caption-credit"},
		{"p", "Migrants wait at the border crossing in Tijuana. AP Photo/Jane Doe", "caption-credit"},
		{"p", "Die Argentinier jubeln nach dem Sieg. Foto: dpa", "caption-credit"},
		{"p", "2 hours ago10:05", "date-line"},
		{"p", "Weitere Informationen", "read-more"},
		{"p", "Do you have a story to tell? Email: desk@example.com", "feedback-prompt"},
		{"p", "시장이 15일 시청에서 열린 회의에서 발언하고 있다. 연합뉴스", "caption-credit"},
		{"p", "시장이 15일 시청에서 열린 회의에서 발언하고 있다. 홍길동 기자", "caption-credit"},
		{"p", "부산 홍길동 기자 gildong@example.co.kr", "byline"},
		{"p", "시장은 이날 회의에서 내년 예산을 늘리겠다고 밝혔다.", ""},
		{"p", "$$ARTICLEAD$$", "ad-label"},
		{"p", "おすすめ情報", "read-more"},
		{"pre", "$$x^2 + y^2$$", ""},
		{"li", "Ten things to know about the new budget", ""},
		{"li", "Vendor lock-in: ongoing fees and reliance on third-party platforms can raise long-term costs.", ""},
		{"p", "With your degree, you could be hired by insurance firms, retailers and government agencies.", ""},
		{"p", "Without this, you will have three definitions of revenue and nobody will trust the reports.", ""},
		{"li", "Video: 4K/30p, Full HD 120p for slow motion", ""},
		{"p", "Video-on-demand sales: streamers sell past streams as premium content.", ""},
		{"h", "Copyright Office weighs in on AI training and fair use", ""},
		{"p", "For a newsletter with 1,193 subscribers, these are strong numbers.", ""},
		{"p", "I also picked 28 newsletters that I subscribe to as the test set.", ""},
		{"p", "Residents can sign up for the city's flood alerts by email, the mayor said.", ""},
		{"p", "The app lets users log in on another device without a password, the company said.", ""},
		{"p", "The minister said the plan did not reflect the realities on the ground.", ""},
		{"h", "Related stories", "read-more"},
		// Article text stays.
		{"p", "By 2030, the government wants half of all new cars to be electric.", ""},
		{"p", "Von der Leyen said the plan would be presented in March.", ""},
		{"p", "The company said it would publish its results on Nov. 20.", ""},
		{"p", "PARIS — Amid concerns about online threats, Singapore and France pledged to cooperate.", ""},
		{"p", "The photo, taken in 1952, shows the harbour before the war damage was repaired.", ""},
		{"h", "Category 5 hurricane", ""},
		{"p", "Follow the money, investigators said, and you find the same three shell companies.", ""},
		{"blockquote", "We are finally building Harbor Street for the people who use it.", ""},
	}
	s := &state{}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := s.blockRule(Block{Kind: tt.kind, Text: tt.text}, boilerplateRule(tt.text), true, false); got != tt.want {
				t.Errorf("blockRule(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFilter(t *testing.T) {
	lead := "PARIS — Amid concerns about increasingly sophisticated online threats, Singapore and France have pledged to beef up cooperation on cyber-security."
	second := "Both countries also agreed to collaborate on areas like artificial intelligence, according to a new digital roadmap issued on Friday."
	tests := []struct {
		name   string
		blocks []Block
		title  string
		want   []string
		rules  []string
	}{
		{
			name: "headline repeated, standfirst kept",
			blocks: []Block{
				{Kind: "h", Level: 1, Text: "Singapore and France step up cyber-security cooperation"},
				{Kind: "h", Level: 2, Text: "The two countries agreed a digital roadmap covering artificial intelligence, data flows and cyber threats during the visit"},
				{Kind: "p", Text: lead},
				{Kind: "p", Text: second},
			},
			title: "Singapore and France step up cyber-security cooperation",
			want:  []string{"The two countries agreed a digital roadmap covering artificial intelligence, data flows and cyber threats during the visit", lead, second},
			rules: []string{"title-repeat"},
		},
		{
			name: "lead repeated by a summary box",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "p", Text: second},
				{Kind: "p", Text: "PARIS - Amid concerns about increasingly sophisticated online threats, Singapore and France have pledged to step up cooperation on cyber-security."},
			},
			want:  []string{lead, second},
			rules: []string{"near-duplicate"},
		},
		{
			name: "a recap far below the lead is the story's",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "p", Text: second},
				{Kind: "p", Text: "The two ministers signed a memorandum on data protection and agreed to meet again in the spring."},
				{Kind: "p", Text: "Officials from both countries will draw up a list of joint exercises by the end of the year."},
				{Kind: "p", Text: "The French delegation also visited the new cyber-security centre at the port authority."},
				{Kind: "h", Text: "What happened before?"},
				{Kind: "p", Text: "PARIS - Amid concerns about increasingly sophisticated online threats, Singapore and France have pledged to step up cooperation on cyber-security."},
			},
			want: []string{lead, second,
				"The two ministers signed a memorandum on data protection and agreed to meet again in the spring.",
				"Officials from both countries will draw up a list of joint exercises by the end of the year.",
				"The French delegation also visited the new cyber-security centre at the port authority.",
				"What happened before?",
				"PARIS - Amid concerns about increasingly sophisticated online threats, Singapore and France have pledged to step up cooperation on cyber-security."},
		},
		{
			name: "recurring structure is kept",
			blocks: []Block{
				{Kind: "h", Text: "Meal 1"}, {Kind: "p", Text: "Eat every two to three hours"}, {Kind: "p", Text: "Oatmeal with berries and a spoon of nut butter."},
				{Kind: "h", Text: "Meal 2"}, {Kind: "p", Text: "Eat every two to three hours"}, {Kind: "p", Text: "Chicken salad with cherry tomatoes and feta."},
				{Kind: "h", Text: "Meal 3"}, {Kind: "p", Text: "Eat every two to three hours"}, {Kind: "p", Text: "Salmon, brown rice and steamed greens."},
			},
			want: []string{"Meal 1", "Eat every two to three hours", "Oatmeal with berries and a spoon of nut butter.",
				"Meal 2", "Eat every two to three hours", "Chicken salad with cherry tomatoes and feta.",
				"Meal 3", "Eat every two to three hours", "Salmon, brown rice and steamed greens."},
		},
		{
			name: "bio led by the role",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "p", Text: second},
				{Kind: "p", Text: "Korrespondent Jan Muster ist bei der Zeitung für Landespolitik zuständig."},
			},
			want:  []string{lead, second},
			rules: []string{"author-bio"},
		},
		{
			name: "a listicle's last numbered point stays",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "h", Text: "5. It employed 3.8 million people."},
				{Kind: "p", Text: second},
				{Kind: "h", Text: "6. Its debt equalled 1.6 percent of the country's output."},
			},
			want: []string{lead, "5. It employed 3.8 million people.", second, "6. Its debt equalled 1.6 percent of the country's output."},
		},
		{
			name: "kicker teasers for the site's stories inside the story",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "li", Text: "Archaeology: Volcano wiped out a whole culture, scientists say", siteChars: 51, linkChars: 51, kicker: "Archaeology:"},
				{Kind: "li", Text: "Interview: Historian traces where the oldest word for god comes from", siteChars: 56, linkChars: 56, kicker: "Interview:"},
				{Kind: "p", Text: second},
			},
			want:  []string{lead, second},
			rules: []string{"related-list", "related-list"},
		},
		{
			name: "a guide's list of courses inside the story stays",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "li", Text: "Getting started on classical Latin", siteChars: 34, linkChars: 34},
				{Kind: "li", Text: "Psychological research, obedience and ethics", siteChars: 45, linkChars: 45},
				{Kind: "p", Text: second},
			},
			want: []string{lead, "Getting started on classical Latin", "Psychological research, obedience and ethics", second},
		},
		{
			name: "newsletter box at the end",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "p", Text: second},
				{Kind: "p", Text: "Newsletter"},
				{Kind: "p", Text: "The Morning"},
				{Kind: "p", Text: "The perfect start to your day with news and stories from the city and the world."},
			},
			want:  []string{lead, second},
			rules: []string{"newsletter", "newsletter", "newsletter"},
		},
		{
			name: "a blogger's last words on newsletters stay",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "p", Text: second},
				{Kind: "p", Text: "If you found this useful, tell me which patterns you miss in your own newsletter; I am curious."},
			},
			want: []string{lead, second, "If you found this useful, tell me which patterns you miss in your own newsletter; I am curious."},
		},
		{
			name: "author bio and trailing label",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "p", Text: second},
				{Kind: "p", Text: "Phil Helsel is a reporter for NBC News."},
				{Kind: "p", Text: "Features"},
			},
			want:  []string{lead, second},
			rules: []string{"trailing-label", "author-bio"},
		},
		{
			name: "captions cut when the story is prose",
			blocks: []Block{
				{Kind: "p", Text: lead},
				{Kind: "caption", Text: "Prime Minister Lee Hsien Loong arrives at the Elysee Palace."},
				{Kind: "p", Text: second},
			},
			want:  []string{lead, second},
			rules: []string{"caption"},
		},
		{
			name: "captions kept when they are the story",
			blocks: []Block{
				{Kind: "p", Text: "The last salt harvest on the marshes."},
				{Kind: "caption", Text: "Aurelio Manzano draws the first salt of the morning into a ridge."},
				{Kind: "caption", Text: "Flor de sal sells for ten times the price of coarse salt."},
			},
			want: []string{"The last salt harvest on the marshes.", "Aurelio Manzano draws the first salt of the morning into a ridge.", "Flor de sal sells for ten times the price of coarse salt."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &state{cfg: Config{Explain: true}}
			out := s.filter(append([]Block(nil), tt.blocks...), tt.title)
			var got []string
			for _, b := range out {
				got = append(got, b.Text)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("kept blocks (-want +got):\n%s", d)
			}
			var rules []string
			for _, r := range s.removed {
				rules = append(rules, r.Rule)
			}
			if d := cmp.Diff(tt.rules, rules); d != "" {
				t.Errorf("rules (-want +got):\n%s", d)
			}
		})
	}
}

var interview = []string{
	"Prof. Carlos: I am here with Eugênio Tadeu, who has been a friend of this blog for years, and we are recording in his studio.",
	"Eugênio: Thank you, Carlos. You did a great deal for the duo, and I still get letters from parents who found us through your video.",
	"Prof. Carlos: What are you preparing at the university now, and who is playing with you in the new group this season?",
	"Eugênio: We are making a series of singing games with Serelepe, a project of the School of Fine Arts, with two young musicians.",
	"Prof. Carlos: Send a greeting to the families who follow your work, and tell them where they can hear the songs next month.",
	"Eugênio: A hug to everyone who reads the blog, and a piece of cheese for the children who sing along at home every evening!",
}

// A blog theme that marks the <article> with "author-<name>" must not lose
// the story: readability takes the first element named "author" for the
// byline and removes it.
func TestHTMLBylineClassOnArticle(t *testing.T) {
	var para strings.Builder
	for _, p := range interview {
		fmt.Fprintf(&para, "<p>%s</p>\n", p)
	}
	page := `<html><head><title>Interview</title></head><body>
<header class="site-header"><nav><a href="/">Home</a></nav></header>
<main><article class="entry author-carlos post-3708"><h1 class="entry-title">Interview</h1>
<div class="entry-content">` + para.String() + `</div></article></main></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	res, err := HTML(doc, Config{})
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	if len(res.Blocks) != 6 {
		t.Errorf("got %d blocks, want the 6 paragraphs", len(res.Blocks))
	}
}

// The marked article body replaces readability's choice when readability
// drops a gallery whose captions carry the story.
func TestHTMLWidenToArticleBody(t *testing.T) {
	var figs strings.Builder
	for i, c := range interview {
		fmt.Fprintf(&figs, `<figure><img src="/p%d.jpg"><figcaption>%s</figcaption></figure>`, i, c)
	}
	page := `<html><body><div class="entry-content">
<p>For three centuries, families on the marshes raked salt from shallow tidal pans by hand, and this summer the last of them worked.</p>
<div class="gallery">` + figs.String() + `</div>
<p>The regional government bought the pans in 2021, and its plan lets the sea back into most of them, which ecologists welcome.</p>
</div></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	res, err := HTML(doc, Config{})
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	n := 0
	for _, b := range res.Blocks {
		if slices.Contains(interview, b.Text) {
			n++
		}
	}
	if n != 6 {
		t.Errorf("kept %d captions, want 6; blocks: %v", n, res.Blocks)
	}
}

// The near-duplicate check is windowed: a page of 50,000 distinct
// paragraphs keeps them all. BenchmarkFilter measures the cost per block.
func TestFilterLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	blocks := distinctBlocks(50000)
	s := &state{}
	out := s.filter(blocks, "")
	if len(out) != len(blocks) {
		t.Errorf("kept %d of %d distinct paragraphs", len(out), len(blocks))
	}
}

func distinctBlocks(n int) []Block {
	blocks := make([]Block, n)
	for i := range blocks {
		blocks[i] = Block{Kind: "p", Text: fmt.Sprintf("Paragraph number %d says something different about item %d and its %d neighbours today.", i, i*7, i%13)}
	}
	return blocks
}

// BenchmarkFilter runs the block rules over pages of growing length; the
// ns/block figure stays flat when the cost is linear.
func BenchmarkFilter(b *testing.B) {
	for _, n := range []int{500, 5000, 50000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			src := distinctBlocks(n)
			blocks := make([]Block, n)
			b.ReportAllocs()
			for b.Loop() {
				copy(blocks, src)
				s := &state{}
				s.filter(blocks, "")
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/block")
		})
	}
}

// A run of <br> in a quoted post becomes a paragraph break, not a join:
// readability wraps the text after the run in a <p> it names but gives no
// atom.
func TestBreaksInQuote(t *testing.T) {
	long := strings.Repeat("The council met on Tuesday to discuss the new budget for the coming year and its effects on schools. ", 3)
	src := `<html><body><article><p>` + long + `</p><blockquote>first line of the post<br><br>second line of the post<br>third</blockquote><p>` + long + `</p></article></body></html>`
	res := cleanPage(t, src)
	var quotes []string
	for _, b := range res.Blocks {
		if b.Kind == "blockquote" {
			quotes = append(quotes, b.Text)
		}
	}
	want := []string{"first line of the post", "second line of the post third"}
	if !slices.Equal(quotes, want) {
		t.Errorf("quote blocks = %q, want %q", quotes, want)
	}
}

// A hover card after a linked name in running text goes; the name stays.
func TestPopupCard(t *testing.T) {
	long := strings.Repeat("Lawmakers returned to the capital on Monday to take up the spending bill again. ", 3)
	src := `<html><body><article><p>` + long + `</p><p>Rep. <span class="rollover-people"><a href="/people/jane-roe">Jane Roe</a><span class="rollover-people-block"><span class="rollover-people-name">Jane Roe</span><span class="rollover-people-headline">Budget talks stall again as deadline nears</span><a href="/people/jane-roe">MORE</a></span></span> (D-Ore.) said the vote would come this week, according to two aides familiar with the schedule.</p><p>` + long + `</p></article></body></html>`
	res := cleanPage(t, src)
	want := "Rep. Jane Roe (D-Ore.) said the vote would come this week, according to two aides familiar with the schedule."
	for _, b := range res.Blocks {
		if strings.HasPrefix(b.Text, "Rep.") {
			if b.Text != want {
				t.Errorf("got %q, want %q", b.Text, want)
			}
			return
		}
	}
	t.Errorf("the paragraph with the name is gone: %v", res.Blocks)
}

func TestPostalAddressTail(t *testing.T) {
	body := "The city will open the new library branch in March, officials said on Tuesday after the final inspection."
	for _, addr := range []string{
		"Harbor Media Group, 1200 Harbor Street, Suite 400, Portland, OR 97201",
		"Stadtanzeiger Verlag GmbH, Hafenstraße 12, 20459 Hamburg",
	} {
		s := &state{cfg: Config{Explain: true}}
		got := s.trimTail([]Block{{Kind: "p", Text: body}, {Kind: "p", Text: addr}})
		if len(got) != 1 {
			t.Errorf("%q was kept", addr)
		}
	}
	s := &state{}
	story := []Block{{Kind: "p", Text: body}, {Kind: "p", Text: "Residents can reach the branch at 40 Elm Street from Monday; it will stay open until 9 p.m. on weekdays."}}
	if got := s.trimTail(story); len(got) != 2 {
		t.Errorf("a sentence naming an address was cut")
	}
}

// A caption that the page writes as a paragraph or a div with a caption
// class is read as one, whatever the element.
func TestCaptionByClass(t *testing.T) {
	para := func(topic string) string {
		return strings.Repeat("Lawmakers returned to the capital on Monday to take up the "+topic+" again. ", 3)
	}
	caption := "The finance minister arrives at parliament on Monday morning."
	src := `<html><body><article><p>` + para("spending bill") + `</p><div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">` + caption + `</p></div><p>` + para("pension reform") + `</p><div class="image__caption">` + caption + ` Credit line</div><p>` + para("rail budget") + `</p></article></body></html>`
	res := cleanPage(t, src)
	if len(res.Blocks) != 3 {
		t.Errorf("got %d blocks, want the 3 paragraphs: %v", len(res.Blocks), res.Blocks)
	}
	for _, b := range res.Blocks {
		if strings.Contains(b.Text, "finance minister") {
			t.Errorf("caption kept: %q", b.Text)
		}
	}
}

// cleanPage parses src and cleans it with the default configuration.
func cleanPage(t *testing.T, src string) *Result {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := HTML(doc, Config{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A block's word count tells, without its pairs, whether it has pairs and
// how many: nearDuplicate and nearLeadSize rely on it.
func TestLazyPairsCount(t *testing.T) {
	texts := append(textSamples(),
		"Lawmakers returned to the capital on Monday to take up the spending bill again.",
		strings.Repeat("word ", nearDuplicateMax-1)+"end", strings.Repeat("word ", nearDuplicateMax+1),
		"ÜBER ALLE BERGE İST RUH, ÜBER ALLEN WIPFELN SPÜREST DU KAUM EINEN HAUCH \xff")
	for _, text := range texts {
		for _, lower := range []*folded{nil, fold(text)} {
			p := lazyPairs{text: text, lower: lower, n: countWordsUpTo(text, nearDuplicateMax)}
			ps := p.pairs()
			if p.none() != (ps == nil) || ps != nil && len(ps) != p.n-1 {
				t.Errorf("%q: %d words, none %v; pairs gives %d pairs (nil %v)", text, p.n, p.none(), len(ps), ps == nil)
			}
			if !p.none() && !slices.Equal(wordPairs(text, nil), ps) {
				t.Errorf("%q: lazy pairs differ", text)
			}
		}
	}
}

// An ask matches at the start of a word, hyphenated or not; the nouns for
// subscribers ask nothing.
func TestAskAt(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Sign-up to get early access in your inbox", 0},
		{"Get our newsletter: subscribe now", 3},
		{"The newsletter has 40,000 subscribers", -1},
		{"Die Abonnenten lesen den Newsletter", -1},
		{"You can unsubscribe at any time", -1},
		{"Jetzt kostenlos anmelden", 2},
	} {
		if got := askAt(words(tc.text)); got != tc.want {
			t.Errorf("askAt(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
