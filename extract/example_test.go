package extract_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/newsclean/newsclean/extract"
)

func ExampleFromReader() {
	page := `<!DOCTYPE html>
<html lang="en">
<head>
  <title>Library reopens after flood repairs | Riverside Weekly</title>
  <meta property="og:title" content="Library reopens after flood repairs">
  <meta property="og:site_name" content="Riverside Weekly">
  <meta property="article:published_time" content="2024-03-02T09:00:00Z">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Library reopens after flood repairs</h1>
    <p>The central library reopened on Saturday, eight months after floodwater filled its basement and ruined more than 12,000 books stored there.</p>
    <div class="ad-slot"><span class="ad-label">Advertisement</span></div>
    <p>Repairs cost the council £1.3 million. The children's section has moved upstairs, away from the river, and the basement now holds only the boiler.</p>
    <p>Sign up for our newsletter</p>
  </article>
  <footer>© 2024 Riverside Weekly</footer>
</body>
</html>`
	a, err := extract.FromReader(strings.NewReader(page), extract.Options{NoFacts: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.SiteName, a.Published.Format("2006-01-02"))
	fmt.Println()
	fmt.Println(a.Text)
	// Output:
	// Library reopens after flood repairs
	// Riverside Weekly 2024-03-02
	//
	// The central library reopened on Saturday, eight months after floodwater filled its basement and ruined more than 12,000 books stored there.
	//
	// Repairs cost the council £1.3 million. The children's section has moved upstairs, away from the river, and the basement now holds only the boiler.
}

func ExampleOptions_explain() {
	page := `<html><body><article>
<p>Rescue crews pulled two hikers from a ravine on Sunday after a night in freezing temperatures, the county sheriff's office said.</p>
<p>Advertisement</p>
<p>Both were taken to hospital with mild hypothermia and were expected to recover fully, a spokesperson for the office said on Monday.</p>
</article></body></html>`
	a, err := extract.FromReader(strings.NewReader(page), extract.Options{Explain: true, NoFacts: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range a.Removed {
		fmt.Printf("%s: %s\n", r.Rule, r.Text)
	}
	// Output:
	// ad-label: Advertisement
}
