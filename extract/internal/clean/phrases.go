package clean

import (
	"regexp"
	"strings"
	"sync"
)

// Boilerplate phrases. A block is cut when the whole of it matches one of
// these patterns (after white space is collapsed). Patterns cover English,
// French, German and Spanish news sites. They describe the language of page
// furniture (ad labels, newsletter boxes, follow prompts, read-more links),
// not the text of any one site.
var boilerplateRules = sync.OnceValue(func() []phraseRule {
	return []phraseRule{
		{"ad-label", regexp.MustCompile(`(?i)^(advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|promoted content|partner content|story continues below( this)? advertisement|article continues below( this)? (advertisement|ad)|continue reading (the main story|below)|advertisement\s*[-–—:]\s*(continue|scroll) (reading|down)( below)?|scroll (down )?to continue( reading)?|publicité|publicite|annonce|anzeige|werbung|publicidad|anuncio|contenido patrocinado|contenu sponsorisé)[\s.:!…]*$`)},
		{"skip-link", regexp.MustCompile(`(?i)^(skip to (main )?(content|navigation|search|footer|article)|jump to (main )?content|aller au contenu( principal)?|zum (haupt)?inhalt( springen)?|saltar al contenido( principal)?|ir al contenido( principal)?)\W*$`)},
		{"follow-prompt", regexp.MustCompile(`(?i)^(follow|join|find|like) (us|@?\w+( \w+)?) on (whatsapp|telegram|google news|twitter|x|facebook|instagram|tiktok|linkedin|youtube|threads|bluesky|flipboard|apple news)\b.{0,80}$|^(suivez[- ]nous|rejoignez[- ]nous|folgen sie uns|folge uns|síguenos|siguenos|únete a nuestro canal) .{0,80}$`)},
		{"read-more", regexp.MustCompile(`(?i)^((read|see|view|show|load) (more|all|the full story|full article|the latest)( \w+){0,6}|more (stories|news|from|on this story|in)\b.{0,60}|read more of the latest in\b.{0,60}|(also|must) read\b.{0,120}|related( (articles?|stories|coverage|content|topics|news|reading|links?))?\s*:?.{0,120}|recommended( for you| stories| reading)?\s*:?|you (may|might) (also )?like\b.{0,60}|don'?t miss\s*:.{0,120}|trending now\b.{0,60}|most (read|popular|viewed)\b.{0,60}|top stories|lire (aussi|la suite|plus)\b.{0,120}|à lire (aussi|également)\b.{0,120}|voir aussi\b.{0,120}|lesen sie (auch|mehr)\b.{0,120}|mehr zum thema\b.{0,120}|weiterlesen\b.{0,40}|lee (también|tambien|más|mas)\b.{0,120}|leer más\b.{0,60}|te puede interesar\b.{0,120}|más información\s*:?.{0,60}|click here to (read|see|view|subscribe|sign up)\b.{0,80})$`)},
		{"newsletter", regexp.MustCompile(`(?i)^((sign up|subscribe|register)( now| today| free| here)?( (for|to))? (to )?(our|the|my|this|a|daily|weekly|free)? ?[\w\s'’-]{0,40}(newsletter|briefing|digest|updates|alerts|emails?|inbox)\b.{0,160}|subscribe to get\b.{0,200}|get (our|the) [\w\s'’-]{0,40}(newsletter|briefing|digest) .{0,120}|stay in the know\b.{0,80}|by (clicking|signing up|subscribing|entering your email|submitting)\b.{0,200}(privacy|terms|agree|consent|newsletter|emails?|marketing|offers|data)\b.{0,200}|you('re| are) (now )?(signed up|subscribed)\b.{0,120}|thank you for (signing up|subscribing)\b.{0,120}|enter your email( address)?\b.{0,80}|(your )?email address\W*|this site is protected by recaptcha\b.{0,200}|already (a subscriber|have an account)\b.{0,80}|(subscribe|abonnez-vous|abonnieren|suscríbete|suscribete)( now| today| here| maintenant| jetzt| ahora)?[\s.!:]*|inscrivez-vous (à|a) (notre|nos) .{0,120}|recevez (notre|nos) .{0,40}newsletter.{0,120}|(melden sie sich|jetzt) .{0,40}newsletter.{0,120}|newsletter abonnieren.{0,80}|suscr[íi]bete a (nuestro|nuestra|nuestros) .{0,120}|rec[íi]be (nuestro|nuestra|las) .{0,40}(newsletter|bolet[íi]n).{0,120})$`)},
		{"paywall", regexp.MustCompile(`(?i)^(this (article|story|content) is (only )?(available|reserved|exclusive)( only)? (to|for) (subscribers|members)\b.{0,120}|(to )?(continue|keep) reading,? (please )?(subscribe|log in|sign in|register)\b.{0,160}|(you have|you've) (reached|read) (your|all) (limit|\d+|free)\b.{0,160}|subscribe (now )?(to|for) (continue|keep|unlock|read|full|unlimited)\b.{0,160}|already a subscriber\?.{0,80}|(réservé|reserve) aux abonnés.{0,120}|cet article est réservé .{0,120}|dieser artikel ist (nur )?für abonnenten.{0,120}|(contenido|artículo) exclusivo para (suscriptores|socios).{0,120})$`)},
		{"share-prompt", regexp.MustCompile(`(?i)^((share|sharing)( (this|the))?( (article|story|page|post|on))?( (facebook|twitter|x|whatsapp|email|linkedin|via|with))*|share( on)? (facebook|twitter|whatsapp|email|linkedin)|copy link|link copied|print( this)?( article| page)?|email this( article| story)?|tweet|pin it|comments?|(\d+ )?comments?|leave a (comment|reply)|add (a )?comment|view comments|show comments|partager( cet article)?|teilen|compartir( en)?( \w+)?|listen to (this|the) (article|story)\b.{0,40}|(\d+ )?min(ute)?s? (read|listen)|save( article)?|gift (this )?article|give this article)[\s.:!]*$`)},
		{"cookie-notice", regexp.MustCompile(`(?i)^(we (and our partners )?use cookies\b.{0,300}|this (web)?site uses cookies\b.{0,300}|by (continuing|using) (to (use|browse) )?(this|our) (site|website)\b.{0,200}cookies.{0,200}|(accept|reject|manage|allow) (all )?cookies.{0,60}|cookie (settings|preferences|policy)|nous utilisons des cookies.{0,300}|wir verwenden cookies.{0,300}|utilizamos cookies.{0,300})$`)},
		{"credit-line", regexp.MustCompile(`(?i)^((photo|image|picture|video|graphic|illustration|file photo|photograph|foto|bild|imagen)( credit)?s?\s*(:|/|by|—|-)\s*.{0,80}|\(?(photo|image|credit)s?\s*:\s*[^.]{0,80}\)?|(getty images|reuters|ap photo|afp|epa|shutterstock|istock)(/[\w .]+)?|copyright (©|\(c\))?.{0,100}|© ?\d{4}.{0,100}|all rights reserved\.?.{0,60}|tous droits réservés.{0,60}|alle rechte vorbehalten.{0,60}|todos los derechos reservados.{0,60})$`)},
		{"app-prompt", regexp.MustCompile(`(?i)^(download (our|the) (free )?app\b.{0,120}|get (the|our) (free )?app\b.{0,120}|(turn on|enable|get) (push )?notifications\b.{0,120}|téléchargez (notre|l'application)\b.{0,120}|(jetzt )?app (herunterladen|laden)\b.{0,80}|descarga (nuestra|la) app\b.{0,120})$`)},
		{"feedback-prompt", regexp.MustCompile(`(?i)^(have a (news )?tip\?.{0,160}|got a (news )?tip\?.{0,160}|(found|spotted) (a|an) (error|typo|mistake)\?.{0,160}|report (an|a) (error|correction|typo)\b.{0,80}|was this (article|story) (helpful|useful)\?.{0,60})$`)},
	}
})

type phraseRule struct {
	rule string
	re   *regexp.Regexp
}

// boilerplateRule returns the name of the phrase rule the block matches, or
// "". Long blocks are never phrase-matched: furniture is short.
func boilerplateRule(text string) string {
	if len(text) > 400 {
		return ""
	}
	t := strings.TrimSpace(strings.Trim(text, "|•·›»«<>[]"))
	if t == "" {
		return "empty"
	}
	for _, r := range boilerplateRules() {
		if r.re.MatchString(t) {
			return r.rule
		}
	}
	return ""
}
