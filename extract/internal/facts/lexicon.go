package facts

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
)

//go:generate go run ./internal/genlexicon -in ../../../../shared/ner-data/gazetteers -out lexicon.tsv.gz

// lexicon.tsv.gz is built by internal/genlexicon from public-domain US name
// lists (SSA, 1990 Census), the MIT cspell people-names list and SCOWL; see
// licenses/README.md for sources and licences.
//
//go:embed lexicon.tsv.gz
var lexiconGz []byte

// word is what the lexicon knows about one lower-cased word.
type word struct {
	gender  byte // 'f', 'm', 'u' for a given name, 0 otherwise
	births  int8 // log10 of US births under this given name, -1 if none
	name    bool // a surname or other name part
	surname bool // a frequent US surname (1990 Census)
	common  int8 // SCOWL level (10 = most common) of an ordinary word, 0 if none
}

func (w word) given() bool { return w.gender != 0 }

// minStrongBirths is the log10 of the US births under a given name (here
// 100,000) from which it is read as a name even when it is also an
// ordinary word.
const minStrongBirths = 5

// strongGiven: a given name that is not an ordinary word, or one so
// frequent that it is read as a name when capitalised ("Mark", "Grace").
func (w word) strongGiven() bool {
	return w.given() && (w.common == 0 || w.births >= minStrongBirths)
}

var lexicon = sync.OnceValue(func() map[string]word {
	m := make(map[string]word, 110000)
	zr, err := gzip.NewReader(bytes.NewReader(lexiconGz))
	if err != nil {
		return m
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return m
	}
	// One string backs every key; fields are parsed by hand.
	all := string(data)
	for len(all) > 0 {
		nl := strings.IndexByte(all, '\n')
		if nl < 0 {
			nl = len(all)
		}
		line := all[:nl]
		all = all[min(nl+1, len(all)):]
		t1 := strings.IndexByte(line, '\t')
		if t1 <= 0 || len(line) < t1+8 {
			continue
		}
		key, f := line[:t1], line[t1+1:] // "g\tb\tn\tc"
		w := word{births: -1}
		if f[0] != '-' {
			w.gender = f[0]
		}
		if f[2] >= '0' && f[2] <= '9' {
			w.births = int8(f[2] - '0')
		}
		w.name = f[4] != '-'
		w.surname = f[4] == 's' || f[4] == 'b'
		if c := f[6:]; c != "-" {
			n := 0
			for i := 0; i < len(c) && c[i] >= '0' && c[i] <= '9'; i++ {
				n = n*10 + int(c[i]-'0')
			}
			w.common = int8(n)
		}
		m[key] = w
	}
	return m
})

// frontLevel is the SCOWL level of the words frontLexicon holds.
const frontLevel = 10

// frontLexicon holds the most common words of the lexicon again, a few
// thousand, in a map small enough to stay in the processor's cache: most
// words of running text are found there, before the large map is read.
var frontLexicon = sync.OnceValue(func() map[string]word {
	m := map[string]word{}
	for k, w := range lexicon() {
		if w.common == frontLevel {
			m[k] = w
		}
	}
	return m
})

// lookupWord looks up a word already lower-cased.
func lookupWord(l string) word {
	if w, ok := frontLexicon()[l]; ok {
		return w
	}
	if w, ok := lexicon()[l]; ok {
		return w
	}
	return word{births: -1}
}

// isCommon reports whether a lower-cased word is an ordinary English word.
func isCommon(s string) bool {
	return frequentWord(s) || lookupWord(s).common > 0
}

// frequentWord reports the commonest words of English prose, about a
// third of its running words. All are ordinary words of the lexicon (a
// test holds it), so isCommon answers them without a look-up.
func frequentWord(l string) bool {
	switch l {
	case "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as", "at",
		"by", "he", "it", "said", "his", "from", "be", "has", "have", "are", "an", "not", "but",
		"this", "had", "they", "who", "were", "will", "their", "she", "her", "its", "or", "been",
		"which", "would", "after", "more", "we", "also", "than", "about", "one", "when", "there",
		"you", "new", "up", "out", "can", "all", "if", "what", "into", "so", "no", "some",
		"our", "year", "people", "over", "other", "could", "time", "last", "two", "just", "first",
		"because", "most", "do", "them", "him", "only", "says":
		return true
	}
	return false
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// lazySet returns the set of the space-separated words, built on first
// use.
func lazySet(words string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool { return set(words) })
}

// Small hand-made lists, built on first use.
type lists struct {
	honorific, title, roleNoun, org, place, placePrefix, particle, speech, pronoun,
	stopSpeaker, monthDay map[string]bool
	// notName holds the words of title, honorific, org and monthDay, which
	// nameLike checks for every capitalised word: one look-up for four.
	notName map[string]wordClass
}

// wordClass says which of the lists in notName hold a word.
type wordClass uint8

const (
	inTitle wordClass = 1 << iota
	inHonorific
	inOrg
	inMonthDay
)

// classify fills notName from the lists.
func (L *lists) classify() *lists {
	L.notName = map[string]wordClass{}
	for c, set := range map[wordClass]map[string]bool{inTitle: L.title, inHonorific: L.honorific, inOrg: L.org, inMonthDay: L.monthDay} {
		for w := range set {
			L.notName[w] |= c
		}
	}
	return L
}

var wordLists = sync.OnceValue(func() *lists {
	return (&lists{
		honorific: set(`mr mr. mrs mrs. ms ms. miss mx dr dr. sir dame prof prof. mme mlle madam cllr`),
		// Capitalised words that make up titles before a name; matched lower-cased.
		title: set(`president vice prime minister secretary deputy director chief executive officer
			chairman chairwoman chair chairperson gov. governor sen. senator rep. representative
			congressman congresswoman mayor judge justice attorney general gen. lt. col. capt. sgt.
			adm. cmdr. maj. lt col gen sgt capt adm cmdr maj gov sen rep commissioner superintendent speaker leader king queen prince princess
			pope lord lady sheriff detective coach professor rev. reverend father ambassador chancellor
			premier mp mep ceo cfo coo cto chief councillor councilman councilwoman trooper inspector
			constable sergeant captain lieutenant colonel major admiral commander archbishop bishop
			cardinal rabbi imam sheikh emir duke duchess earl baron baroness editor founder
			co-founder manager spokesman spokeswoman spokesperson ombudsman minister foreign home
			defence defense finance health interior treasury state public former acting assistant
			associate senior interim then u.s. us uk eu un republican democratic democrat labour
			conservative liberal gop white house senate opposition party national federal first
			head principal dean provost registrar chancellor officer agent pilot private corporal
			president-elect ex-president dictator tsar czar treasurer comptroller auditor`),
		// Lower-case nouns naming a role: "his French counterpart Edouard Philippe".
		roleNoun: set(`president minister secretary spokesperson spokesman spokeswoman director chief
			executive officer ceo chairman chairwoman chair founder co-founder leader counterpart
			teacher professor meteorologist editor editor-in-chief correspondent reporter analyst
			economist attorney lawyer judge mayor governor senator representative congressman
			congresswoman speaker superintendent commissioner manager coach player captain owner
			author researcher scientist doctor physician nurse adviser advisor aide ambassador envoy
			chancellor king queen prince princess general commander head deputy official member
			candidate lawmaker legislator activist student resident father mother wife husband son
			daughter sister brother friend partner investor strategist consultant historian sheriff
			detective prosecutor defendant victim witness singer actor actress artist writer
			journalist photographer ombudsman administrator pastor priest bishop rabbi imam
			president-elect chairperson economist expert specialist engineer architect designer
			producer director-general secretary-general vice-president cofounder boss colleague
			organizer organiser campaigner protester survivor neighbour neighbor owner mp
			meteorologist commentator columnist host anchor novelist poet composer musician
			athlete striker midfielder defender goalkeeper quarterback pitcher rapper chef
			entrepreneur billionaire businessman businesswoman banker trader diplomat spokesman
			treasurer comptroller auditor clerk`),
		// Words that end an organisation, a building or a place name.
		org: set(`inc inc. corp corp. co co. ltd ltd. llc plc group company companies corporation
			university college school academy institute association society union party ministry
			department council committee agency authority court commission office bank times news
			post journal herald tribune gazette daily airlines airways air force army navy police
			hospital center centre foundation fund trust church cathedral mosque temple club team
			league federation organisation organization palace hall house base airport station
			street st. avenue ave road boulevard square bridge park county city province state
			district region valley river lake mountain mountains island islands beach coast
			creek canal reservoir dam gorge peak estuary
			hotel suites tower building stadium arena museum gallery theatre theater library
			parliament congress senate assembly cabinet government administration network channel
			radio tv television press magazine records studios pictures entertainment media labs
			systems technologies technology software motors holdings partners capital securities
			brothers bros associates corriere gazzetta zeitung stampa repubblica monde figaro mundo diario
			folha tageblatt rundschau chronicle inquirer examiner observer courier
			exchange fc united city democrats republicans conservatives nations embassy consulate
			prison jail clinic laboratory lab initiative project program programme service services
			forces guard guards brigade regiment corps command bureau unit division summit forum
			dialogue conference games cup championship prize award awards festival day week act
			bill treaty accord agreement plan report review index fund trophy`),
		// Countries, US states and large cities that also look like names.
		place: set(`america american africa asia europe australia canada mexico brazil argentina chile
			peru colombia venezuela bolivia ecuador cuba china japan korea india pakistan iran iraq
			syria israel egypt turkey russia ukraine germany france spain italy portugal britain
			england scotland wales ireland sweden norway denmark finland poland greece austria
			switzerland belgium netherlands holland singapore malaysia indonesia thailand vietnam
			philippines taiwan nigeria kenya ethiopia ghana libya lebanon jordan yemen qatar
			afghanistan bangladesh nepal myanmar cambodia zimbabwe uganda rwanda sudan somalia
			alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
			hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
			massachusetts michigan minnesota mississippi missouri montana nebraska nevada
			carolina dakota ohio oklahoma oregon pennsylvania rhode
			tennessee texas utah vermont virginia washington wisconsin wyoming london paris berlin
			madrid rome moscow beijing tokyo seoul delhi mumbai sydney melbourne toronto chicago
			boston houston dallas atlanta detroit seattle denver phoenix miami brussels geneva
			vienna dublin stockholm oslo kyiv kiev warsaw prague budapest athens istanbul cairo
			dubai tehran baghdad kabul jerusalem gaza hong kong shanghai taipei manila jakarta
			bangkok hanoi sacramento indianapolis arab emirates kingdom republic
			beach springs falls heights hills island city
			northern southern eastern western central`),
		placePrefix: set(`san santa los las fort port mount mt. mt saint st. st new north south east west
			northern southern eastern western central upper lower lake cape bay el rio hong sri
			buenos costa puerto saudi united abu tel kuala ho ciudad sierra`),
		particle: set(`de del della der den van von da di du la le bin binti ibn al el ter ten dos das y`),
		speech: set(`said says say saying added adds told tells telling asked asks explained explains
			noted stated wrote writes declared declares announced announces insisted
			insists argued argues warned warns continued continues recalled recalls replied replies
			responded responds remarked acknowledged acknowledges admitted admits claimed
			stressed stresses emphasised emphasized emphasises emphasizes suggested suggests urged testified testifies chanted shouted shouts yelled yells quipped joked tweeted
			posted conceded concedes observed observes contended predicted promised vowed cautioned complained complains countered lamented boasted agreed agrees pleaded
			whispered screamed cried sang wondered asserted asserts maintained maintains confirmed
			confirms reported described describes called calls alleged begged pledged demanded
			sighed sighs laughed laughs mused muses snapped snaps fumed fumes groaned scoffed scoffs
			gushed recounted recounts reflected reasoned texted emailed murmured muttered retorted
			retorts interjected deadpanned marvelled marveled fretted bristled`),
		pronoun:     set(`he she they it we i`),
		stopSpeaker: set(`and but that which who whom whose while as because when where if though although since after before so or nor then`),
		monthDay: set(`january february march april may june july august september october november
			december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
			thursday friday saturday sunday today yesterday tomorrow christmas easter`),
	}).classify()
})
