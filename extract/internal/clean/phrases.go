package clean

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// Boilerplate phrases. A block is cut when the whole of it matches one of
// these patterns (after white space is collapsed). Patterns cover English,
// French, German and Spanish news sites. They describe the language of page
// furniture (ad labels, newsletter boxes, follow prompts, read-more links),
// not the text of any one site.
var boilerplateRules = sync.OnceValue(func() []phraseRule {
	return []phraseRule{
		{"ad-label", anchored(`(?i)^(advertisement|advertisements|advertising|advert|adverts|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|promoted content|partner content|story continues below( this)? advertisement|article continues below( this)? (advertisement|ad)|continue reading (the main story|below)|advertisement\s*[-–—:]\s*(continue|scroll) (reading|down)( below)?|scroll (down )?to continue( reading)?|publicité|publicite|annonce|anzeige|werbung|publicidad|anuncio|contenido patrocinado|contenu sponsorisé)[\s.:!…]*$`), nil},
		{"skip-link", anchored(`(?i)^(skip to (main )?(content|navigation|search|footer|article)|jump to (main )?content|aller au contenu( principal)?|zum (haupt)?inhalt( springen)?|saltar al contenido( principal)?|ir al contenido( principal)?)\W*$`), nil},
		{"follow-prompt", anchored(`(?i)^(.{0,80}[\s.!?])?(follow|join|find|like) (us|@?\w+( \w+)?) on (whatsapp|telegram|google news|twitter|x|facebook|instagram|tiktok|linkedin|youtube|threads|bluesky|flipboard|apple news)\b.*$|^(suivez[- ]nous|rejoignez[- ]nous|folgen sie uns|folge uns|síguenos|siguenos|únete a nuestro canal) .*$`), nil},
		{"read-more", anchored(`(?i)^((read|see|view|show|load) (more|all|the full story|full article|the latest)( \w+){0,6}|more (stories|news|from|on this story|in)\b.*|read more of the latest in\b.*|(also|must) read\b.*|related( (articles?|stories|coverage|content|topics|news|reading|links?|posts?|videos?))?\s*:?|related( (articles?|stories|coverage|content|topics|news|reading|links?|posts?|videos?))?\s*:\s*[^.!?]{0,150}|recommended( for you| stories| reading)?\s*:?|you (may|might) (also )?like\b.*|don'?t miss\s*:.*|trending now\b.*|most (read|popular|viewed)\b.*|top stories|(breaking|latest|more|top|recent) (news|stories|articles|posts|headlines)\b.*|(most )?popular( (this week|now|today|stories|articles))?|don['’]?t miss\b.*|more great .* stories|(more|related|see also|also|further reading|more on this( story)?)\s*:|lire (aussi|la suite|plus)\b.*|à lire (aussi|également)\b.*|voir aussi\b.*|lesen sie (auch|mehr)\b.*|mehr zum thema\b.*|weiterlesen\b.*|lee (también|tambien|más|mas)\b.*|leer más\b.*|te puede interesar\b.*|leggi anche\b.*|(leia|veja) (também|mais)\b.*|(à|a) la une|les plus lus|meistgelesen|auch interessant\b.*|mehr anzeigen|weitere (videos|artikel|nachrichten|beiträge|themen)\b.*|czytaj (więcej|także|też|również)\b.*|читайте (также|еще|ещё)\b.*|últimas noticias|dernières (nouvelles|infos)|neueste (artikel|nachrichten)|(lo )?más le[íi]do|más información\s*:?.*|click here to (read|see|view|subscribe|sign up)\b.*|mehr themen\b.*|for more (stories|news|articles|coverage) like this\b.*|para saber más\b.*|weitere informationen\s*:?|(read|watch|up) next\s*:?|more trending|recommended videos)$`), nil},
		{"newsletter", anchored(`(?i)^((sign up|subscribe|register)( now| today| free| here)?( (for|to))? (to )?(our|the|my|this|a|daily|weekly|free)? ?[\w\s'’-]*(newsletter|briefing|digest|updates|alerts|emails?|inbox)\b.*|subscribe to get\b.*|get (our|the) [\w\s'’-]*(newsletter|briefing|digest) .*|stay in the know\b.*|by (clicking|signing up|subscribing|entering your email|submitting)\b.*(privacy|terms|agree|consent|newsletter|emails?|marketing|offers|data)\b.*|you('re| are) (now )?(signed up|subscribed)\b.*|thank you for (signing up|subscribing)\b.*|enter your email( address)?\b.*|(your )?email address\W*|this site is protected by recaptcha\b.*|already (a subscriber|have an account)\b.*|(subscribe|abonnez-vous|abonnieren|suscríbete|suscribete)( now| today| here| maintenant| jetzt| ahora)?[\s.!:]*|inscrivez-vous (à|a) (notre|nos) .*|recevez (notre|nos) .*newsletter.*|(melden sie sich|jetzt) .*newsletter.*|newsletter abonnieren.*|suscr[íi]bete a (nuestro|nuestra|nuestros) .*|rec[íi]be (nuestro|nuestra|las) .*(newsletter|bolet[íi]n).*)$`), nil},
		// Paywall notes inside a sentence: "Article réservé aux abonnés", "Il vous
		// reste 57% de cet article à lire", "You have 60% of this article left
		// to read", "Jetzt abonnieren und …".
		{"paywall", anchored(`(?i)(.{0,40}\b(réservée?s? aux abonnés|reserved for (subscribers|members)|nur für abonnenten|exclusivo para (suscriptores|socios))\b.{0,200}|il vous reste .{0,40}à lire\b.{0,200}|you have .{0,20} of this article left to read\b.{0,200}|votre abonnement n.{0,3}autorise pas\b.{0,200}|jetzt abonnieren\b.{0,200})$`), []string{"abonn", "subscrib", "members", "suscript", "socios", "reste", "left to read"}},
		// "Be the first to comment on this article".
		{"comments-prompt", anchored(`(?i)(be the first to comment|soyez le premier à (commenter|réagir)|schreiben sie den ersten kommentar|sé el primero en comentar)\b.{0,80}$`), []string{"first", "premier", "ersten", "primero"}},
		{"paywall", anchored(`(?i)^(this (article|story|content) is (only )?(available|reserved|exclusive)( only)? (to|for) (subscribers|members)\b.*|(to )?(continue|keep) reading,? (please )?(subscribe|log in|sign in|register)\b.*|(you have|you've) (reached|read) (your|all) (limit|\d+|free)\b.*|subscribe (now )?(to|for) (continue|keep|unlock|read|full|unlimited)\b.*|already a subscriber\?.*|(réservé|reserve) aux abonnés.*|cet article est réservé .*|dieser artikel ist (nur )?für abonnenten.*|(contenido|artículo) exclusivo para (suscriptores|socios).*)$`), nil},
		{"share-prompt", anchored(`(?i)^((share|sharing)( (this|the))?( (article|story|page|post|on))?( (facebook|twitter|x|whatsapp|email|linkedin|via|with))*|share( on)? (facebook|twitter|whatsapp|email|linkedin)|copy link|link copied|print( this)?( article| page)?|email this( article| story)?|tweet|pin it|comments?|(\d+ )?comments?|leave a (comment|reply)|add (a )?comment|view comments|show comments|partager( cet article)?|teilen|compartir( en)?( \w+)?|listen to (this|the) (article|story)\b.*|(like|liked|enjoy|enjoyed|love|loved) this (story|article|post)\?.*|(\d+ )?min(ute)?s? (read|listen)|save( article)?|gift (this )?article|give this article)[\s.:!]*$`), nil},
		{"cookie-notice", anchored(`(?i)^(we (and our partners )?use cookies\b.*|this (web)?site uses cookies\b.*|by (continuing|using) (to (use|browse) )?(this|our) (site|website)\b.*cookies.*|(accept|reject|manage|allow) (all )?cookies.*|cookie (settings|preferences|policy)|nous utilisons des cookies.*|wir verwenden cookies.*|utilizamos cookies.*)$`), nil},
		{"credit-line", anchored(`(?i)^((photo|image|picture|graphic|illustration|file photo|photograph|foto|bild|imagen|фото)( credit)?s?\s*(:|/|by\b|\s[—–-]\s)\s*.*|quelle\s*:\s*[^.!?]{0,80}|\(?(photo|image|credit)s?\s*:\s*[^.]*\)?|(getty images|reuters|ap photo|afp|epa|shutterstock|istock)(/[\w .]+)?|copyright\s*(©|\(c\)|\d{4}|by\b).*|© ?\d{4}.*|all rights reserved\.?.*|tous droits réservés.*|alle rechte vorbehalten.*|todos los derechos reservados.*)$`), nil},
		{"credit-line", anchored(`(?i).*(©|\(c\)|copyright)\s*(\d{4}|by)\b.*`), []string{"©", "(c)", "copyright"}},
		{"credit-line", anchored(`(?i).*\b(all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|todos os direitos reservados)\b.*`), []string{"rights", "droits", "rechte", "derechos", "direitos"}},
		{"app-prompt", anchored(`(?i)^(download (our|the) (free )?app\b.*|get (the|our) (free )?app\b.*|(turn on|enable|get) (push )?notifications\b.*|téléchargez (notre|l'application)\b.*|(jetzt )?app (herunterladen|laden)\b.*|descarga (nuestra|la) app\b.*)$`), nil},
		{"media-label", anchored(`(?i)^(caption|close|hide caption|toggle caption|(show|hide) caption|enlarge( this)? image|expand( image)?|zoom|fullscreen|view (fullscreen|full screen|gallery|slideshow|all photos|photos?)|(open|launch|start) (the )?(gallery|slideshow)|(image|photo|picture|slide|foto|bild|imagen) \d+\s*(of|/|von|de|sur)\s*\d+|\d+\s*(of|/|von|de|sur)\s*\d+|text size|font size|media playback is (unsupported|not supported) on your device|this (slideshow|video|content|feature) requires javascript\.?|((to )?(view|watch|play|see) this (video|content|media|player),? )?please (turn on|enable) javascript\b.*|(video ?)?player (wird geladen|is loading|loading)\W*|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}|audio \d{1,2}:\d{2} min\.?\b.{0,80}|(watch|play)( the)? video|video|audio|listen|replay|gallery|slideshow|photos|(\d+ )?(photos|images|pictures)|see (more )?photos\s*:?)[\s.:!]*$`), nil},
		{"caption-label", anchored(`(?i)(image|photo|picture|video) caption\W*|légende\W*|bildunterschrift\W*|pie de foto\W*`), nil},
		// A caption led by its label: "Legende: The president met …".
		{"caption-credit", anchored(`(?i)(legende|légende|bildunterschrift|caption|pie de foto)\s*:\s.{0,400}$`), []string{"legende", "légende", "bildunterschrift", "caption", "pie de foto"}},
		{"caption-credit", anchored(`(?i)^(image (copyright|caption|source)\b.*|(photo|image|picture|video)(graph)?( credit)?s?\s*(:|by)\s*[^\d\s].*|courtesy( of)? [^.]*|©\s*.*|[^.!?]*[/|]\s*(getty images|ap|afp|reuters|epa|shutterstock|istock|alamy|dpa|efe|imago|picture alliance|keystone|anp|ansa|sipa)( images)?( via [\w ]{1,20})?|(imago( images)?|picture alliance|getty images|keystone)\s*/\s*[^.!?]{1,60}|[^.!?]{1,80} via getty images)$`), nil},
		// Agency captions: "In this Dec. 12, 2006, file photo, ...", "FILE - ...".
		{"caption-credit", anchored(`(?i)(file( photo)?\s*[-–—:]\s*)?in this\b.{0,60}\b(photo|image|picture|photograph|handout|video|frame grab|still)\b.*|file( photo)?\s*[-–—:]\s.*`), []string{"in this", "file"}},
		// A caption paragraph ends with its credit in brackets.
		{"caption-credit", anchored(`(?i).*\((image|photo|picture|credit|image credit|photo credit|photograph|foto|bild|imagen|crédit photo)s?\s*(:|by)\s*[^()]+\)?\s*$|.*\((ap|afp|reuters|epa|getty|dpa|efe)( photo| images)?(/[^()]*)?\)\s*$`), []string{"("}},
		// A caption ends with its credit after a copyright sign: "Smoke rises
		// over the roofs. © Jane Doe | Agency".
		{"caption-credit", anchored(`.{8,300}?\s©\s*([^©.!?]|\b\p{Lu}\.){2,80}$`), []string{"©"}},
		// … or with an agency's credit: "… at the border. AP Photo/Jane Doe",
		// "A clinic in Berlin.Jane Doe/dpa", "…で（山田太郎撮影）".
		{"caption-credit", anchored(`(?i).{8,300}?[\s.](ap|afp|reuters|epa|dpa|efe|ansa|anp)( photo)?/([^.!?/]|\b\p{Lu}\.){2,60}$|.{8,300}?/\s*(dpa|afp|ap|reuters|epa|imago|keystone|anp|ansa|efe|sipa|getty images)( photo)?$|.{4,300}[（(][^（）()]{1,20}撮影[）)]$`), []string{"ap/", "ap photo/", "afp/", "reuters/", "epa/", "dpa/", "efe/", "ansa/", "anp/", "/ dpa", "/dpa", "/afp", "/ap", "/reuters", "/epa", "/imago", "/keystone", "/anp", "/ansa", "/efe", "/sipa", "/getty", "/ getty", "撮影"}},
		// Japanese labels of recommended and related reading: "おすすめ情報",
		// "関連記事".
		{"read-more", anchored(`(おすすめ|関連)(情報|記事|ニュース)\W*$`), []string{"おすすめ", "関連"}},
		// An ad slot's template marker the page never filled in:
		// "$$ARTICLEAD$$".
		{"ad-label", anchored(`\$\$[A-Z][A-Z0-9_]{2,40}\$\$$`), []string{"$$"}},
		// Korean captions end with the agency or the photographer after the
		// sentence: "… 연설하고 있다. 연합뉴스", "… 있다. 홍길동 기자"; a
		// reporter's sign-off gives a name and an address: "홍길동 기자
		// gildong@example.co.kr".
		{"caption-credit", anchored(`.{8,400}?다\.\s*(연합뉴스|뉴시스|뉴스1|[가-힣]{2,4} 기자|[가-힣]{2,12} 제공)$`), []string{"연합뉴스", "뉴시스", "뉴스1", "기자", "제공"}},
		{"byline", anchored(`[가-힣, ]{0,40}[가-힣]{2,4} 기자\s+[\w.+-]+@[\w.-]+$`), []string{"기자"}},
		// … or after a credit label: "The winners after the final. Foto: dpa",
		// "Workers at the plant. Bildrechte: Example/Jane Doe".
		{"caption-credit", anchored(`(?i).{8,300}?[\s.!?](bildrechte|bildquelle|fotos?|photos?|crédit photo|crédits? photos?)\s*:\s*[^.!?:]{2,80}$`), []string{"bildrechte", "bildquelle", "foto", "photo", "crédit"}},
		// A caption with an expand or collapse toggle: "... the nation. less".
		{"caption-credit", anchored(`(?i).*[.!?”"]\s*(less|more|show less|show more|read less)$`), []string{"less", "more"}},
		{"reading-time", anchored(`(?i)^((estimated )?(reading|read|listening) time|temps de lecture|lesezeit|lesedauer|tiempo de lectura|tempo de leitura|tempo di lettura|läsetid|lesetid|læsetid|leestijd|czas czytania|okuma süresi|lukuaika)\s*:?\s*(\d+|one|a|un|une|ein|eine|uno|una)\s*\w*[\s.]*$|^\d+\s*(letture|lectures|views|reads|aufrufe|visitas|lecturas)$`), nil},
		{"trailer", anchored(`(?i)^(\(?\s*((additional|further|with|and) )?(reporting|writing|editing|research|compiled|produced|translated)( by|:)\b.*|(contributing|source|sources|with|via)\b\s*:?\s*[^.]{0,40}\b(wires?|agencies|reports?|news|press)\.?|contributing\s*:.*|sources?\s*:\s*[^.]*|this (story|article|report) (was|has been) (updated|corrected|produced|written|edited)\b.*|(this|the) (story|article) (first )?appeared (first )?(in|on)\b.*|appeared (originally )?in the .* print edition\b.*|(a version|an earlier version) of this (story|article)\b.*|(mit material von|avec (l'?)?afp|con información de|with files from)\b.*)$`), nil},
		{"trailer", anchored(`(?i).*\bcontributed (reporting|to this (report|story|article))\b.*`), []string{"contributed"}},
		{"disclosure", anchored(`(?i)^(.*\b(we|i|may) (may |might )?(earn|receive|get) (an? )?(small )?(affiliate )?(commission|share of (sales|revenue))\b.*|disclaimer\s*:.*|(our|the) (journalism|reporting) is (free|independent)\b.*|read (more )?about our (approach|policy|policies|standards|editorial)\b.*|.*\bis a (nonprofit|non-profit|independent) newsroom\b.*|(donate|support (us|our journalism|independent journalism))( today| now)?\b.*)$`), []string{"affiliate", "commission", "disclaimer", "journalism", "reporting", "newsroom", "donate", "support", "about our"}},
		// An affiliate disclosure speaks of the page itself or of what the
		// publisher earns; an article about affiliate marketing does not.
		{"disclosure", anchored(`(?i)(.*\b(this|our|my) (post|article|page|site|story|guide|review|content|website|blog)\b.*\baffiliate\b.*|.*\baffiliate\b.*\b(this|our|my) (post|article|page|site|story|guide|review|website|blog)\b.*|.*\b(we|i) (may |might |could |will )?(earn|receive|get|make) (a |an )?(small )?(affiliate )?commission\b.*)`), []string{"affiliate", "commission"}},
		{"contact-line", anchored(`(?i)^(e-?mail|write to|reach|contact|follow|tweet|send)\b.*(@[\w.]+|\b(twitter|facebook|instagram)\b).*$`), nil},
		{"contact-line", anchored(`(?i).*\bfollow (him|her|them|us|me)\b.*\b(on|at) (twitter|facebook|instagram|x|bluesky|threads|linkedin)\b.*`), []string{"follow"}},
		{"comments-prompt", anchored(`(?i)^(post (a )?comments?( \(\+\))?|join the (conversation|discussion|debate)\b.*|tell us what you think\b.*|réagissez\b.*|(commentez|kommentieren sie|comenta|comente)\b.*|join our .*(forums?|community|discussion)\b.*|what do you think\?.*|(have your say|share your thoughts)\b.*|comments? (are|is) (closed|moderated)\b.*|note: we (are|may be) (temporarily )?moderating\b.*|(add|write|leave|post) (your|a|an) (comment|review|reply)\b.*|\d+ (comments?|replies|responses|kommentare|commentaires|comentarios)|commenter|kommentieren|comentar|comentários|comentarios)[\s.!:]*$`), nil},
		{"tags", anchored(`(?i)^((tags?|tagged( with)?|filed under|archivado en|schlagwörter|schlagworte|mots-clés|etiquetas)\s*:?|(topics?|related topics|themen|sujets?|temas|categories|category|catégories|kategorien|categorías)\s*:)(\s+[^.!?]*)?$`), nil},
		// Reader callouts and error reports: "We want to hear from you: …",
		// "Fehler gefunden? Jetzt melden.", "Signaler une erreur".
		// Live-blog entry stamps: "20:42KEY EVENT", "21:00 Jane Doe", "17:35",
		// "17.35" (an hour of one figure before a point is a decimal: "3.53",
		// "4.41 lbs").
		{"date-line", anchored(`(\d{1,2}[:h]|\d{2}\.)\d{2}(\s*(am|pm|a\.m\.|p\.m\.|uhr|h))?\s*([\p{L}.'’-]+\s*){0,4}$`), nil},
		// Player and box controls: "Duration 1:30", "abspielen. Laufzeit 8
		// Minuten", "Box aufklappen Box zuklappen", "WATCH | Title:".
		{"media-label", anchored(`(?i)((duration|laufzeit|durée|duración|durata)\s*:?\s*\d{1,2}:\d{2}(:\d{2})?|.{0,20}\b(abspielen|wiedergeben)\.? (laufzeit|dauer)\b.{0,40}|([\p{L}-]+ )?(aufklappen|zuklappen|ausklappen|einklappen)( [\p{L}-]+)?( (aufklappen|zuklappen|ausklappen|einklappen))?|(watch|listen|video|audio|play)\s*[|:]\s*[^\d\s.!?][^.!?]{0,149}[:]?)$`), []string{"duration", "laufzeit", "durée", "duración", "durata", "abspielen", "wiedergeben", "klappen", "watch", "listen", "video", "audio", "play"}},
		// More embed consent prompts: "YouTube-Inhalte erlauben", "Ich bin damit
		// einverstanden, dass mir Inhalte von YouTube angezeigt werden",
		// "Empfohlener redaktioneller Inhalt", "Link zum YouTube-Inhalt".
		{"consent-placeholder", anchored(`(?i)([\p{L}-]*inhalte? (erlauben|anzeigen|laden|aktivieren)|ich bin damit einverstanden, dass mir .{0,120}|.{0,80}\b(drittplattformen|third[- ]party (platforms?|providers?))\b.{0,120}\b(cookies?|consent|accept|allow|enable|einwillig\p{L}*|zustimm\p{L}*|aktivier\p{L}*|geladen|laden|loaded|displayed|angezeigt|datenschutz\p{L}*|privacy)\b.{0,120}|empfohlener (redaktioneller )?inhalt|link zum [\p{L}-]*inhalt|(allow|accept|enable) (all )?(cookies|content) (from|to view)\b.{0,200})$`), []string{"inhalt", "einverstanden", "drittplattform", "third", "cookies", "content"}},
		// Licensing and contact lines: "If you are interested in licensing this
		// content …", "Get in touch at news@example.com".
		{"contact-line", anchored(`(?i)(.{0,40}\b(licensing this content|licenciar este contenido|reprints? (and|&) permissions)\b.{0,200}|(get in touch|contact us|write to us|email us)\b.{0,120}@.{0,80})$`), []string{"licens", "reprint", "touch", "contact", "write to us", "email us"}},
		{"feedback-prompt", anchored(`(?i)(we want to hear from you|we('d| would) like to hear from you|fehler gefunden|inhaltliches feedback|signaler une erreur|vous avez (vu|repéré) une erreur|¿(has|ha) (visto|encontrado) un error)\b.*`), []string{"hear from you", "fehler", "feedback", "erreur", "error"}},
		// The placeholder of an embed that waits for consent: "An dieser Stelle
		// findest du einen externen Inhalt von YouTube …", "External content:
		// to view it, accept cookies".
		{"consent-placeholder", anchored(`(?i).{0,80}\b(externen? inhalte?s?|external content|contenu externe|contenido externo|contenuto esterno)\b.{0,300}$`), []string{"extern", "contenu", "contenido", "contenuto"}},
		// Ad-blocker notices.
		{"ad-label", anchored(`(?i).*\b(disable|turn off|pause|whitelist|allowlist|deactivate)\b.{0,40}\bad ?-?block(er|ing)?s?\b.*|.*\bad ?-?block(er|ing)? (users|detected|is (on|enabled|active))\b.*`), []string{"adblock", "ad block", "ad-block"}},
		// Appeals for money: "We appreciate that not everyone can afford to pay
		// … support The Example News by making a contribution", "Unterstützen
		// Sie unabhängigen Journalismus".
		{"disclosure", anchored(`(?i).*\b(make|making) a (contribution|donation)\b.*|.*\b(support|unterstützen sie|soutenez|apoya) [^.]{0,40}\b(journalism|journalismus|journalisme|periodismo)\b.*|.*\bnot everyone can afford to pay\b.*`), []string{"contribution", "donation", "journalism", "journalismus", "journalisme", "periodismo", "afford"}},
		// Affiliate notes in German: "… sind Affiliate-Links … erhalten wir
		// eine Provision".
		{"disclosure", anchored(`(?i).*\baffiliate-links?\b.*\bprovision\b.*|hinweis zu affiliate-links\b.*`), []string{"affiliate"}},
		// Sourcing lines: "Mit Informationen der Nachrichtenagenturen AFP, AP".
		{"trailer", anchored(`(?i)(mit (informationen|material) (von|der|des)|unter verwendung von material|mit agenturmaterial)\b.{0,200}$`), []string{"mit ", "material"}},
		{"feedback-prompt", anchored(`(?i)^((do you|did you) have a (story|tip) to (tell|share)\?.*|have a (news )?tip\?.*|got a (news )?tip\?.*|(found|spotted) (a|an) (error|typo|mistake)\?.*|report (an|a) (error|correction|typo)\b.*|was this (article|story) (helpful|useful)\?.*)$`), nil},
		// Error reports led by a question: "Fehler auf example.de entdeckt?",
		// "Sie haben einen Fehler gefunden?", "… melden Sie den Fehler der
		// Redaktion".
		{"feedback-prompt", anchored(`(?i)(.{0,40}\b(fehler|tippfehler|rechtschreibfehler)\b.{0,30}\b(gefunden|entdeckt|bemerkt)\?.{0,200}|.{0,160}\b(fehler|error|erreur|typo|mistake)s? (der|to the|à la|a la) (redaktion|editors?|rédaction|redacción)\b.{0,120}|fehler melden)$`), []string{"fehler", "redaktion", "editor", "rédaction", "redacción"}},
		// Notes on the page's translation: "Aus dem Englischen von …",
		// "Dies ist eine maschinelle Übersetzung …", "This article was
		// originally published in Spanish", "Übersetzung: …, Redaktion: …".
		{"trailer", anchored(`(?i)((aus dem [\p{L}]+ (übersetzt )?von|übersetzt (aus dem [\p{L}]+ )?von|translated (from (the )?[\p{L}]+ )?by|traduit (de l.[\p{L}]+ )?par|traducido (del [\p{L}]+ )?por|traduzione di)\b.{0,200}|übersetzung\s*:.{0,200}|(dies|das) ist eine (maschinelle|automatische|automatisierte) übersetzung\b.{0,300}|(dieser artikel|der artikel|this (article|story)|cet article|este artículo) (wurde|was|a été|fue) (im original|originally|initialement|originalmente|zuerst|first) (auf [\p{L}]+ )?(veröffentlicht|published|publié|publicado)\b.{0,120}|(lest|lesen sie) den original(artikel|beitrag)?\b.{0,80}|read the original (article|story|version)\b.{0,80})$`), []string{"aus dem", "übersetz", "translat", "tradu", "original", "veröffentlicht", "published", "publié", "publicado"}},
		// Opinion disclaimers: "The views expressed … do not necessarily
		// reflect …", "… müssen nicht der Meinung der Redaktion entsprechen".
		{"disclosure", anchored(`(?i)(.{0,200}\b(do|does|did) not (necessarily )?(reflect|represent)\b.{0,60}\b(views?|opinions?|positions?|policy)\b.{0,160}|.{0,200}\b(views?|opinions?)\b.{0,120}\b(do|does) not (necessarily )?(reflect|represent)\b.{0,160}|.{0,200}\b(muss|müssen|spiegeln|spiegelt) nicht (unbedingt |zwingend |notwendigerweise )?(der|die) (meinung|position|haltung|ansicht) der redaktion\b.{0,160}|.{0,200}\bne (reflètent|reflète|représentent|représente|engagent|engage) (pas|que) .{0,60}\b(opinions?|position|avis|auteurs?|rédaction)\b.{0,160}|.{0,200}\bno (necesariamente )?(refleja|reflejan|representa|representan)\b.{0,60}\b(opini[oó]n|posici[oó]n|l[ií]nea)\b.{0,160})$`), []string{"reflect", "represent", "meinung", "position", "haltung", "ansicht", "reflèt", "représent", "engage", "refleja"}},
		// The small print of a sign-up box ends with a pointer to the privacy
		// policy: "… You can check out at any time. Read our Privacy Policy".
		{"newsletter", anchored(`(?i).{0,300}\b(read|see|view) our privacy (policy|notice)\W*$`), []string{"privacy"}},
		// Newsletter boxes: "You can unsubscribe at any time", "Sie können
		// sich jederzeit wieder abmelden".
		{"newsletter", anchored(`(?i)(.{0,150}\b(jederzeit|at any time|anytime|à tout moment|en cualquier momento|in qualsiasi momento)\b.{0,40}\b(abmelden|abbestellen|widerrufen|unsubscribe|opt out|désinscrire|désabonner|darte de baja|cancelar)\b.{0,150}|.{0,150}\b(unsubscribe|opt out|abmelden|abbestellen|désinscrire|désabonner|darte de baja|disiscriverti)\b.{0,40}\b(at any time|anytime|jederzeit|à tout moment|en cualquier momento|in qualsiasi momento)\b.{0,150})$`), []string{"jederzeit", "any time", "anytime", "tout moment", "cualquier momento", "qualsiasi momento"}},
		// App prompts: "Download the Example News app", "Hier geht es zur
		// neuen News-App", "uygulamasını indirin", "حمل الآن تطبيق".
		{"app-prompt", anchored(`(?i)((download|install|get) (the|our) ([\p{L}-]+ ){0,3}app\b.{0,120}|.{0,80}\bhier geht (es|'s) zu(r|m)? .{0,40}app\b.{0,80}|.{0,60}\buygulamas[ıi]n[ıi] ind(ir|irin)\b.{0,80}|.{0,20}حمل.{0,20}تطبيق.{0,80})$`), []string{" app", "-app", "uygulama", "تطبيق"}},
		// Notices that an account is reading on another device.
		{"paywall", anchored(`(?i)(.{0,200}\b(account|subscription|compte|abonnement|cuenta|suscripción|konto|abo)\b.{0,120}\b(another device|other device|autre appareil|otro dispositivo|anderen gerät)\b.{0,200}|.{0,200}\b(another device|other device|autre appareil|otro dispositivo|anderen gerät)\b.{0,120}\b(account|subscription|compte|abonnement|cuenta|suscripción|konto|abo)\b.{0,200}|.{0,120}\b(sur un seul appareil|one device at a time|un (solo )?dispositivo a la vez|desde un dispositivo a la vez)\b.{0,200})$`), []string{"device", "appareil", "dispositivo", "gerät"}},
	}
})

// anchored compiles a whole-block pattern so that the matcher tries it at
// the start of the text only: a top-level alternation of anchored branches
// would otherwise be searched for at every position.
func anchored(pattern string) *regexp.Regexp {
	flags := ""
	if strings.HasPrefix(pattern, "(?i)") {
		flags, pattern = "(?i)", pattern[len("(?i)"):]
	}
	return regexp.MustCompile(flags + "^(?:" + pattern + ")")
}

type phraseRule struct {
	rule string
	re   *regexp.Regexp
	// need lists words one of which the lower-cased block must contain
	// for re to be tried: a cheap test in front of a costly pattern.
	need []string
}

func (r *phraseRule) match(text, lower string) bool {
	if len(r.need) > 0 {
		found := false
		for _, w := range r.need {
			if strings.Contains(lower, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return r.re.MatchString(text)
}

// boilerplateRule returns the name of the phrase rule the block matches, or
// "". Long blocks are never phrase-matched: furniture is short.
func boilerplateRule(text string) string {
	return foldedRule(text, nil)
}

// foldedRule is boilerplateRule given text lower-cased (see fold), or
// nil to lower-case it here.
func foldedRule(text string, lower *folded) string {
	i, j, rule := phraseSpan(text)
	if i == j {
		return rule
	}
	t := text[i:j]
	if lower == nil {
		lower = fold(t)
	} else {
		lower = lower.cut(text, i, j)
	}
	// The rules are tried in order. Those without a need list are
	// settled at once by the screen, which names the first that matches.
	screened := boilerplateScreen().first(t, lower)
	needs := boilerplateNeeds()
	var found []uint64
	if needs != nil {
		var buf [4]uint64
		found = needs.find(lower, buf[:0])
	}
	for i, r := range boilerplateRules() {
		switch {
		case r.need == nil:
			if i == screened {
				return r.rule
			}
		case needs != nil:
			if needs.holds(found, i) && needBranches()[i].match(t, lower) {
				return r.rule
			}
		case r.match(t, lower.s):
			return r.rule
		}
	}
	return ""
}

// needBranches are the patterns of the phrase rules with a need list,
// split into alternatives.
var needBranches = sync.OnceValue(func() []branchSet {
	return branchSets(boilerplateRules(), func(r phraseRule) bool { return r.need != nil })
})

// phraseSpan returns the bounds of the text of a block that the phrase
// rules read, or empty bounds and the rule that settles the block without
// them. What lies outside the bounds is white space and the marks
// phraseTrim lists, none of which has case.
func phraseSpan(text string) (i, j int, rule string) {
	if len(text) > maxRuleText {
		return 0, 0, ""
	}
	t := strings.TrimLeft(text, phraseTrim)
	t = strings.TrimLeftFunc(t, unicode.IsSpace)
	i = len(text) - len(t)
	t = strings.TrimRight(t, phraseTrim)
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	if t == "" {
		return 0, 0, "empty"
	}
	return i, i + len(t), ""
}

// phraseTrim are the marks around a block's text that the phrase rules
// do not read: separators, arrows, brackets, dashes.
const phraseTrim = "|•·›»«<>[]–— "

// needIndex finds which of the words the phrase rules require (their need
// lists) a lower-cased block holds, in one pass over the block: at each
// byte it hashes the next needKey bytes and compares only the words that
// begin with bytes of that hash. The words found are bits, one uint64 per
// 64 words.
type needIndex struct {
	words []string
	short []int // the words shorter than needKey bytes, searched for alone
	// some has the bit of each key hash a word begins with: a small table
	// the scan reads at every byte. slot holds, for each key hash, 1 + the
	// index in starts of the words that begin with it, or 0.
	some   [keyHashes / 64]uint64
	slot   *[keyHashes]uint16
	starts [][]int
	masks  [][]uint64 // per rule, the words of its need list
}

// needKey is the number of leading bytes a word is looked up by: two
// bytes such as "re" or "co" begin words at most places of a text, three
// far fewer.
const needKey = 3

// keyHashes is the number of hashes of keys.
const keyHashes = 1 << 16

// keyHash hashes the needKey bytes at the start of s (multiplicative
// hashing, top bits).
func keyHash(s string) uint32 {
	return (uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])) * 0x9E3779B1 >> 16
}

// boilerplateNeeds indexes the need lists of the phrase rules, or is nil
// when a list holds an empty word.
var boilerplateNeeds = sync.OnceValue(func() *needIndex {
	x := &needIndex{slot: new([keyHashes]uint16)}
	at := map[string]int{}
	for _, r := range boilerplateRules() {
		for _, w := range r.need {
			if w == "" {
				return nil
			}
			if _, ok := at[w]; ok {
				continue
			}
			k := len(x.words)
			at[w] = k
			x.words = append(x.words, w)
			if len(w) < needKey {
				x.short = append(x.short, k)
				continue
			}
			h := keyHash(w)
			if x.slot[h] == 0 {
				x.starts = append(x.starts, nil)
				x.slot[h] = uint16(len(x.starts))
				x.some[h/64] |= 1 << (h % 64)
			}
			x.starts[x.slot[h]-1] = append(x.starts[x.slot[h]-1], k)
		}
	}
	groups := (len(x.words) + 63) / 64
	for _, r := range boilerplateRules() {
		mask := make([]uint64, groups)
		for _, w := range r.need {
			mask[at[w]/64] |= 1 << (at[w] % 64)
		}
		x.masks = append(x.masks, mask)
	}
	return x
})

// find appends to found the words lower holds, as bits, one uint64 per
// group of 64 words.
func (x *needIndex) find(lower *folded, found []uint64) []uint64 {
	n := len(found)
	for range (len(x.words) + 63) / 64 {
		found = append(found, 0)
	}
	bits := found[n:]
	l := lower.s
	for _, k := range x.short {
		if strings.Contains(l, x.words[k]) {
			bits[k/64] |= 1 << (k % 64)
		}
	}
	for i := 0; i+needKey <= len(l); i++ {
		h := keyHash(l[i:])
		if x.some[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for _, k := range x.starts[x.slot[h]-1] {
			if bits[k/64]&(1<<(k%64)) == 0 && strings.HasPrefix(l[i:], x.words[k]) {
				bits[k/64] |= 1 << (k % 64)
			}
		}
	}
	return found
}

// holds reports whether found (from find) has a word of rule i's list.
func (x *needIndex) holds(found []uint64, i int) bool {
	for g, m := range x.masks[i] {
		if found[g]&m != 0 {
			return true
		}
	}
	return false
}
