# sagsgen's messages in Danish: what secretariat staff read on the command line.
# Each id is also the message's stable code in `--message-format json`; the English file
# (locales/en/sagsgen.ftl) holds the same ids with the same placeables.

## Levels

level-error = fejl
level-warning = advarsel
level-help = hjælp: { $help }

## Summaries

summary-errors = { $count } fejl

## Fields (input/fields.rs): { $table } is a phrase such as "en beslutningssag"

field-twice = `{ $field }` står to gange i { $table }
    .help = feltet står allerede på linje { $line }; behold kun den ene
field-of-other-kind = `{ $field }` er et felt i { $other }, ikke i { $table }
    .help = slet linjen, eller ret `type`, hvis filen skal være { $other }
field-misplaced = `{ $field }` er et felt i { $parent }, men det står under en `[[…]]`-linje og læses derfor som en del af { $table }
    .help = flyt linjen op over den første `[[…]]`-linje: felterne i { $parent } skal stå før alle `[[…]]`-afsnit
field-unknown-near = `{ $field }` er ikke et felt i { $table }; mente du `{ $near }`?
    .help = skriv `{ $near }` i stedet
field-unknown = `{ $field }` er ikke et felt i { $table }
    .help = felterne i { $table } er { $fields }
field-missing = feltet `{ $field }` mangler: { $table } skal have det
    .help = tilføj en linje som `{ $field } = { $example }`
field-wrong-kind = `{ $field }` skal være { $expected }, ikke { $found }
    .help = skriv det sådan: `{ $field } = { $example }`
field-not-a-choice = "{ $written }" er ikke { $what }
field-too-long = `{ $field }` er på { $count } tegn; højst { $limit } tegn er tilladt
    .help = gør teksten kortere, eller flyt detaljerne over i et bilag
field-word-too-long = `{ $field }` har { $count } tegn uden mellemrum; højst { $limit } er tilladt
    .help = del teksten op i ord, eller gør den kortere
field-empty = `{ $field }` er tomt
    .help = `{ $field }` skal have en tekst: skriv den mellem anførselstegnene
field-not-a-date = `{ $field }` skal være en dato som 2020-10-20, ikke { $found }
    .help = skriv datoen som år-måned-dag uden klokkeslæt: `dato = 2020-10-20`
field-list-entry-not-text = hver værdi i `{ $field }` skal være en tekst i anførselstegn, ikke { $found }
    .help = sæt anførselstegn om hver værdi: `{ $field } = ["…", "…"]`
field-list-entry-too-long = en værdi i `{ $field }` er længere end { $limit } tegn
    .help = gør den kortere; hver værdi er én kort linje
field-not-sections = `{ $field }` skal skrives som afsnit, der hver begynder med en linje `[[{ $field }]]`
    .help = begynd hvert afsnit med en linje `[[{ $field }]]` og skriv dets felter under den
field-section-entry-not-section = hver værdi i `{ $field }` skal være et afsnit, ikke { $found }

kind-quoted-text = en tekst i anførselstegn
kind-boolean = true eller false (uden anførselstegn)
kind-text-list = en liste af tekster
kind-section = et afsnit, der begynder med en linje `[{ $field }]`

found-text = teksten "{ $text }"
found-number = tallet { $number }
found-date-time = datoen/tidspunktet { $value }
found-list = en liste
found-section = et afsnit

## Reading files (input/)

io-not-found = filen eller mappen findes ikke
io-permission-denied = du har ikke adgang til den
io-already-exists = den findes allerede
io-is-a-folder = det er en mappe, ikke en fil
io-not-a-folder = en del af stien er en fil, ikke en mappe
io-disk-full = disken er fuld
io-invalid-data = indholdet kan ikke læses
file-unreadable = filen kan ikke læses: { $reason }
file-too-big = filen fylder { $size } byte; en sagsfil må højst fylde { $limit } byte
file-ansi = filen er gemt som ANSI (Windows-1252), ikke som UTF-8: "{ $letter }" er én byte, hvor UTF-8 bruger to
    .help = åbn filen i Notesblok, vælg Filer → Gem som, sæt Kodning til UTF-8, og gem den igen
file-not-utf8 = filen er ikke gemt som UTF-8-tekst
    .help = gem filen som UTF-8 (i de fleste programmer: "Gem med kodning" → UTF-8)

## Syntax errors (input/syntax.rs)

syntax-other = linjen kan ikke læses (TOML-fejl: { $parser })
    .help = tekster skal stå i anførselstegn ("…"), lange tekster i tre anførselstegn ("""…"""); sammenlign med eksempelsagerne
syntax-unclosed-long-text = teksten i `{ $field }` begynder med { $quotes }, men slutter aldrig
    .help = afslut teksten med { $quotes } på en linje for sig selv, før det næste felt
syntax-unclosed-text = teksten i `{ $field }` mangler det afsluttende anførselstegn
    .help = afslut teksten med et anførselstegn (") på samme linje; tekst over flere linjer skal stå mellem tre anførselstegn (""" … """)
syntax-curly-quotes = teksten i `{ $field }` står i typografiske anførselstegn (“…”), som sagsgen ikke kan læse
    .help = brug lige anførselstegn (") i stedet for tekstbehandlingens krøllede: `{ $field } = "{ $text }"`
syntax-backslash = teksten i `{ $field }` indeholder en omvendt skråstreg (\), som indleder en særlig kode i tekst i dobbelte anførselstegn
    .help = skriv \\ for hver \, eller sæt teksten i enkelte anførselstegn ('…')
    .help-quoted = skriv teksten i enkelte anførselstegn, hvor \ bare er et tegn: `{ $field } = '{ $text }'` (eller skriv \\ for hver \)
syntax-danish-date = `{ $field }` skal skrives år-måned-dag
syntax-short-date = `{ $field }` skal have to cifre for måned og dag
syntax-impossible-date = `{ $field }` er ikke en dato, der findes: { $date }
    .help = skriv datoen som år-måned-dag med en måned fra 01 til 12 og en dag, måneden har, fx `dato = 2025-01-13`
syntax-date =
    .help = skriv `{ $field } = { $date }`
syntax-yes-or-no = `{ $field }` er true eller false (uden anførselstegn), ikke { $written }
syntax-write = skriv `{ $field } = { $value }`
syntax-unquoted-list = `{ $field }` ligner en liste, som skal stå i firkantede parenteser med hver tekst i anførselstegn
syntax-danish-key = feltnavnet `{ $field }` har bogstaver (æ, ø, å), som kun kan stå i et feltnavn i anførselstegn
    .help = skriv `{ $folded }` eller `"{ $field }"` i stedet
syntax-spaced-key = feltnavnet `{ $field }` indeholder mellemrum
    .help = feltnavne skrives med _ mellem ordene, fx `{ $joined }`
syntax-twice = `{ $field }` står to gange
    .help = hvert felt må kun stå én gang; behold kun det ene
syntax-unquoted-text = teksten i `{ $field }` skal stå i anførselstegn
    .help = sæt teksten i anførselstegn: "…"
    .help-field = sæt teksten i anførselstegn: `{ $field } = "{ $text }"`
syntax-toml = linjen kan ikke læses: { $what }
    .help = se på stedet, markeringen peger på, og sammenlign med eksempelsagerne (`sagsgen new` skriver en ny fil med alle felter)
toml-unclosed-heading = en overskrift som `[udvalg]` eller `[[bilag]]` mangler sin afsluttende `]`
toml-unclosed-braces = `{"{"}` mangler sin afsluttende `{"}"}` (alt mellem dem skal stå på én linje)
toml-unclosed-list = listen mangler sin afsluttende `]`
toml-missing-comma = der mangler et komma mellem to værdier
toml-extra-comma = der står et komma for meget
toml-missing-value = der står intet efter `=`; skriv værdien efter lighedstegnet
toml-missing-equals = der mangler et `=` mellem feltnavnet og værdien
toml-extra-equals = der står et `=` for meget
toml-bad-key = feltnavnet kan ikke læses; feltnavne er ord med a–z, tal og _
toml-trailing = der står noget efter værdien, som ikke hører til; hvert felt skal stå på sin egen linje
toml-number = tallet er skrevet forkert; skriv det med cifre, uden foranstillede nuller
toml-comment = en kommentar (efter #) indeholder et tegn, der ikke er tilladt
toml-line-break = et linjeskift er ødelagt (et CR uden LF); gem filen igen i din editor
toml-too-deep = der er for mange lister eller afsnit inden i hinanden
toml-unreadable-value = værdien kan ikke læses; tekster skal stå i anførselstegn

## Cases (case/)

table-case = en sag
table-sag-kinds = en beslutningssag eller en orienteringssag
table-kind = { $kind ->
    [notat] et notat
    [moede] et møde
   *[other] en { $kind }
}
case-type-missing = feltet `type` mangler: hver sagsfil skal sige, hvad den er
    .help = tilføj en første linje som `type = "beslutningssag"` (notat, beslutningssag, orienteringssag eller moede)
case-type-not-text = `type` skal være en tekst i anførselstegn, fx "notat"
case-type-unknown = "{ $written }" er ikke en slags sag
    .help = `type` er en af "notat", "beslutningssag", "orienteringssag", "moede"
case-type-unknown-near = "{ $written }" er ikke en slags sag; mente du "{ $near }"?
adgang-unknown = `adgang` skal være "åben" eller "lukket", ikke "{ $written }"
    .help = skriv adgang = "åben" for et åbent punkt, adgang = "lukket" for et lukket
table-the-case = sagen
table-entry = et `[[{ $entry }]]`-afsnit
committee-not-configured = udvalget "{ $written }" står ikke under `[udvalg]` i sagsgen.toml; det bruges, som det er skrevet
    .help = tilføj det under `[udvalg]` i sagsgen.toml, eller ret stavemåden
committee-unknown = "{ $written }" er ikke en udvalgsforkortelse i sagsgen.toml
    .help = de kendte forkortelser er { $known }; eller skriv udvalgets fulde navn
placering-unknown-section = "{ $section }" er ikke et afsnit i denne sag
    .help = afsnittene er { $sections }; skriv fx placering = "før sagsfremstilling" eller placering = "efter indstilling"
placering-unknown-section-near = "{ $section }" er ikke et afsnit i denne sag; mente du "{ $near }"?
placering-unknown = `placering` skal sige "før …" eller "efter …" et afsnit, ikke "{ $written }"
    .help = skriv fx placering = "før sagsfremstilling" eller placering = "efter indstilling"
url-not-https = adressen "{ $url }" skal begynde med https://
url-invalid = adressen "{ $url }" er ikke en gyldig webadresse
    .help = skriv hele adressen, som browseren viser den, fx url = "https://www.retsinformation.dk/eli/lta/2018/102"
overskrifter-unknown = "{ $written }" i `overskrifter` er ikke et afsnit i denne sag
    .help = afsnittene er { $sections }
overskrifter-unknown-near = "{ $written }" i `overskrifter` er ikke et afsnit i denne sag; mente du "{ $near }"?
overskrifter-not-text = overskriften til `{ $written }` skal være én linje tekst i anførselstegn
    .help = skriv fx overskrifter = {"{"} { $written } = "Baggrund" {"}"}
bilag-on-drive = bilaget "{ $fil }" ligger på et drev eller et netværksdrev uden for projektmappen
    .help = kopiér PDF-filen ind i projektet (fx i en mappe `bilag/`), og skriv `fil` i forhold til denne sagsfil, fx fil = "../../bilag/x.pdf"
bilag-missing = bilaget "{ $fil }" findes ikke
    .help = `fil` regnes fra den mappe, sagsfilen ligger i
bilag-outside = bilaget "{ $fil }" ligger uden for projektmappen
    .help = kopiér PDF-filen ind i projektet (fx i en mappe `bilag/`), og lad `fil` pege på kopien
bilag-not-pdf = bilaget "{ $fil }" er ikke en PDF-fil
    .help = bilag skal være PDF-filer; gem dokumentet som PDF først
table-afstemning = `afstemning`
resultat-unknown = et udfald af en afstemning
    .help = skriv resultat = "vedtaget" eller resultat = "forkastet"
afstemning-empty = `afstemning` siger ingenting: hverken `for`, `imod`, `undlod` eller `resultat`
    .help = fx afstemning = {"{"} for = ["A", "F"], imod = ["V"], resultat = "vedtaget" {"}"}
votes-negative = `{ $field }` skal være et antal stemmer fra 0 og op, ikke { $written }
    .help = fx `{ $field } = 3`, eller hvem: `{ $field } = ["A", "F"]`
votes-wrong-kind = `{ $field }` skal være et antal stemmer eller en liste over, hvem der stemte sådan, ikke { $found }
    .help = fx `{ $field } = 3` eller `{ $field } = ["A", "F"]` (partibogstaver eller medlemmernes navne)

## Meetings (meeting/)

table-the-meeting = mødet
item-number-twice = to punkter har nummeret "{ $number }"; dette er det andet
    .help = giv hvert punkt sit eget `nummer`, eller udelad `nummer`, så punkterne nummereres efter deres plads
tid-invalid = `tid` skal være et klokkeslæt som "15:30", ikke "{ $written }"
    .help = skriv timer og minutter med kolon, fx tid = "09:00"
item-both-kinds = et punkt er enten `sag = "…"` eller et fast punkt med `titel`, ikke begge dele
    .help = titel, tekst og beslutninger for et sagspunkt kommer fra sagsfilen
item-neither-kind = et punkt skal have `sag = "…"` (en sagsfil) eller en `titel` (et fast punkt)
    .help = fx `sag = "../cases/2025/budget.toml"` eller `titel = "Godkendelse af dagsorden"`
item-case-on-drive = sagsfilen "{ $sag }" ligger på et drev eller et netværksdrev uden for projektmappen
    .help = flyt sagen ind i projektet (fx under cases/), og skriv `sag` i forhold til denne mødefil, fx sag = "../cases/2025/x.toml"
item-case-missing = sagsfilen "{ $sag }" findes ikke
    .help = `sag` regnes fra den mappe, mødefilen ligger i
item-case-outside = sagsfilen "{ $sag }" ligger uden for projektmappen
    .help = flyt sagen ind i projektet (fx under cases/), og lad `sag` pege på den
item-case-is-meeting = "{ $sag }" er et møde, ikke en sag
    .help = `sag` skal pege på en sagsfil (notat, beslutningssag eller orienteringssag)
item-case-unreadable = sagsfilen "{ $sag }" kan ikke læses
item-case-has-errors = sagsfilen "{ $sag }" har fejl (se ovenfor)
item-closed-vague = det lukkede punkt "{ $title }" siger ikke, hvad det handler om
    .help = den offentlige dagsorden viser et lukket punkts titel: nævn emnet uden fortrolige detaljer, fx "Salg af grund på Industrivej" (i `titel`, eller i `offentlig_titel`, når selve titlen er fortrolig)
item-no-decision = "{ $title }" har ingen beslutning fra { $committee } den { $date }; referatet vil sige "Ingen beslutning registreret"
    .help-case = tilføj et [[beslutninger]]-afsnit med dette udvalg og denne dato i sagsfilen, når beslutningen er truffet
    .help-standing = tilføj `beslutning = "…"` til punktet, når beslutningen er truffet
item-closed-no-public-text = det lukkede punkt "{ $title }" har en beslutning uden `offentlig_tekst`
    .help = beslutninger truffet for lukkede døre skal offentliggøres, så vidt fortroligheden tillader det: tilføj offentlig_tekst til beslutningen
table-member = et medlem i `medlemmer`
table-godkendelse = `godkendelse`
member-wrong-kind = hvert medlem skal være et navn i anførselstegn eller {"{"} navn = "…" {"}"}, ikke { $found }
    .help = fx medlemmer = ["Anne Hansen", {"{"} navn = "Bo Berg", parti = "V", rolle = "formand" {"}"}]
rolle-unknown = en rolle, sagsgen kender
    .help = skriv rolle = "formand" eller rolle = "næstformand", eller udelad `rolle`
substitute-for-unknown = stedfortræderen { $name } mødte for "{ $replaced }", som ikke står i `medlemmer`
    .help = `for` er navnet på det medlem, stedfortræderen erstattede, skrevet som i `medlemmer`
approval-before-meeting = referatet er godkendt den { $approved }, før mødet den { $meeting }
    .help = `godkendelse.dato` er den dag, medlemmerne godkendte referatet, på eller efter mødedagen
approval-by-absent = "{ $name }" godkendte referatet, men er ikke blandt de tilstedeværende (`medlemmer` uden `afbud`, og `stedfortraedere`)
    .help = de tilstedeværende medlemmer godkender referatet (kommunestyrelsesloven § 13); tjek stavemåden af navnet
decision-after-meeting = "{ $title }" har en beslutning fra { $committee } den { $date }, efter dette møde den { $meeting }; mødets dokumenter viser den ikke
    .help = hvis beslutningen blev truffet på dette møde, så giv den mødets dato
record-names-stranger = beslutningen om "{ $title }" nævner "{ $name }" i `{ $field }`, som ikke står i mødets `medlemmer` eller `stedfortraedere`
    .help = skriv navnet, som mødefilen skriver det, eller tilføj personen til `medlemmer` eller `[[stedfortraedere]]`
vote-too-many = afstemningen om "{ $title }" tæller { $counted } stemmer, men { $present } medlemmer var til stede under punktet
    .help = tjek `for`, `imod` og `undlod`: tilsammen kan de højst være de tilstedeværende medlemmer (`medlemmer` uden `afbud`, med `stedfortraedere`, uden punktets `inhabile` og `fravaerende`)
vote-absent-party = afstemningen om "{ $title }" nævner { $party } i `{ $field }`, men intet medlem fra { $party } var til stede under punktet
    .help = tjek afstemningen, `afbud`, `inhabile` og `fravaerende`: referatet kan ikke tælle et partis stemmer, når ingen af dets medlemmer var der
attachment-unreadable = bilaget { $file } kan ikke læses: { $reason }
attachment-too-big = bilaget { $file } fylder { $size } MB; et bilag må højst fylde { $limit } MB
attachment-not-pdf = bilaget { $file } er ikke en PDF, der kan læses ({ $reason })
attachment-encrypted = bilaget { $file } er krypteret (beskyttet med adgangskode); gem en kopi uden beskyttelse
attachment-no-pages = bilaget { $file } har ingen sider

## The project (sagsgen.toml)

table-file = `{ $name }`
table-section = afsnittet `[{ $name }]`
use-one-of = brug en af { $choices }
project-unreadable = projektmappen kan ikke åbnes: { $reason }
site-address-invalid = `{ $field }` skal være en webadresse, der begynder med https://, ikke "{ $written }"
    .help = fx { $field } = "{ $example }"
logo-wrong-kind = logoet "{ $logo }" skal være en SVG-, PNG- eller JPEG-fil
    .help = gem logoet som .svg (bedst), .png eller .jpg, og lad `logo` pege på den fil
logo-missing = logoet "{ $logo }" findes ikke
    .help = skriv stien i forhold til den mappe, sagsgen.toml ligger i
logo-outside = logoet "{ $logo }" ligger uden for projektmappen
    .help = kopiér logoet ind i projektmappen, og skriv stien i forhold til sagsgen.toml
caption-not-text = `"{ $caption }"` skal i anførselstegn sige, hvad overskriften bliver til
    .help = fx "{ $caption }" = "sagsfremstilling"
caption-target-unknown = "{ $target }" er ikke noget, et afsnit kan blive til
caption-target-unknown-near = "{ $target }" er ikke noget, et afsnit kan blive til; mente du "{ $near }"?
pdf-standard-unknown = "{ $written }" er ikke et PDF/A-niveau, sagsgen skriver
committee-name-not-text = udvalget `{ $abbreviation }` skal have sit fulde navn som tekst
    .help = { $abbreviation } = "Udvalg for …"

## Described export formats ([import.formater])

path-empty = en tom sti
path-absolute = "{ $written }" begynder med /; en sti går fra det element, den læses fra, fx "{ $example }"
path-empty-step = "{ $written }" har et tomt trin
path-attribute-not-last = i "{ $written }" kan en attribut (@navn) kun være det sidste trin
path-unclosed-condition = i "{ $written }" mangler "[{ $condition }" sin afsluttende ]
path-not-a-name = i "{ $written }" er "{ $name }" ikke et elementnavn
path-bad-condition = i "{ $written }" skal [{ $condition }] skrives [@attribut='værdi']
format-not-section = `{ $name }` under `[import.formater]` skal beskrive et format
    .help = skriv det som et afsnit: `[import.formater.{ $name }]` efterfulgt af linjer som `rod = "Publication"`
format-root-not-a-name = "{ $written }" er ikke et elementnavn
    .help = skriv rodelementets navn uden < >, fx `rod = "Publication"`
format-text-kind-unknown = "{ $written }" er ikke en slags tekst, sagsgen læser
    .help = brug "html" (HTML, også når det er kodet som tekst eller står i CDATA) eller "tekst" (ren tekst)
format-path-invalid = `{ $field }`: { $why }
    .help = skriv elementnavne adskilt af /, fx "Items/Item"; // for en vilkårlig dybde, [@attr='værdi'] for at vælge, @attr for at læse en attribut, | mellem alternativer
format-needs = `{ $field }` kræver `{ $needs }`, som siger, hvor posterne står
    .help = tilføj `{ $needs } = "…"` i { $table }

## Files

cannot-read = { $file } kan ikke læses: { $reason }
cannot-write = { $file } kan ikke skrives: { $reason }
cannot-make = { $file } kan ikke laves: { $reason }

## The website (site/)

site-meeting-has-errors = { $file } har fejl og kommer ikke med på hjemmesiden
    .help = kør `sagsgen check` for at se dem
site-meeting-twice = { $first } og { $second } er begge mødet i { $committee } den { $date }; hjemmesiden viser det første
site-no-accessibility-statement = hjemmesiden linker ikke til en tilgængelighedserklæring: en dansk offentlig myndighed skal linke til sin tilgængelighedserklæring fra hver side
    .help = lav erklæringen i Digitaliseringsstyrelsens WAS-værktøj, og tilføj `[site] tilgaengelighedserklaering = "https://…"` i sagsgen.toml
site-no-licence = de åbne data angiver ingen licens, så andre ved måske ikke, at de må genbruge dem
    .help = tilføj `[site] licens = "https://creativecommons.org/licenses/by/4.0/"` (eller den licens, jeres organisation bruger) i sagsgen.toml
site-no-address = sagsgen.toml angiver ingen `[site] adresse`: nyhedsfeeds og kalenderen kan ikke nævne hjemmesidens adresse, og der skrives ingen OParl-data (deres id'er er adresser)
    .help = tilføj `[site] adresse = "https://dagsordener.eksempel.dk"`, hvor hjemmesiden bliver offentliggjort
site-pdf-not-built = { $file } er ikke lavet: siden for { $meeting } linker ikke til den
    .help = kør `sagsgen build` (eller `sagsgen site` uden --no-build)

## Templates (templates/)

did-you-mean = mente du `{ $near }`?
template-no-such = der er ingen skabelon eller fil ved navn { $name }
template-error = skabelonen { $name }: { $detail }
template-built-in-bug = i den indbyggede skabelon { $name }; det er en fejl i sagsgen
template-unclosed-block = skabelonen { $name }: `{"{"}% { $block } %{"}"}` bliver aldrig afsluttet
    .help = tilføj `{"{"}% end{ $block } %{"}"}`, hvor { $block }-blokken skal slutte
template-undefined = `{ $code }` er ikke en værdi, skabelonen får
    .help = de værdier, en skabelon får, står i kommentaren øverst i den (`sagsgen init --templates` skriver de indbyggede ud)
template-syntax =
    .help = hvert `{"{"}% if %{"}"}` skal have sit `{"{"}% endif %{"}"}`, hvert `{"{"}% for %{"}"}` sit `{"{"}% endfor %{"}"}`, hvert `{"{{"}` sit `{"}}"}`
template-unknown-filter =
    .help = skabeloner har minijinjas indbyggede filtre, test og funktioner samt `str` (tekst som en Typst-streng)
template-not-found =
    .help = skabelonerne er { $templates } samt dine egne filer i templates/
template-other =
    .help = ret skabelonen, eller slet den for at bruge den indbyggede
template-invalid-typst = denne linje i din skabelon gav ugyldig Typst; ret den, eller slet filen for at bruge den indbyggede skabelon

## Typesetting (engine/)

pdf-version-unavailable = PDF-versionen findes ikke: { $detail }
pdf-standards-conflict = PDF-standarderne kan ikke kombineres: { $detail }
typesetting-failed = opsætningen af { $what } mislykkedes: { $detail }
    .help = kør `sagsgen build --emit-typst` for at se den Typst-kilde, sagsgen lavede
typesetting-warning = under opsætningen af { $what }: { $detail }
typesetting-at-line = på linje { $line } i den lavede Typst-kilde: { $text }
typesetting-hint = tip: { $hint }
font-unreadable = skrifttypen kan ikke læses: { $reason }
font-not-a-font = det er ikke en skrifttype, Typst kan læse

## Building (typeset/)

and = og
and-more = og { $count } andre
cannot-remove-outdated = den forældede { $file } kan ikke fjernes: { $reason }
attachment-problem-scanned = { $count ->
    [one] er en scanning uden tekst
   *[other] er scanninger uden tekst
}
attachment-problem-fonts = { $count ->
   *[other] har skrifttyper, der ikke er indlejret
}
attachment-problem-untagged = { $count ->
    [one] er ikke en tagget PDF
   *[other] er ikke taggede PDF'er
}
attachment-inaccessible = bilaget { $file } { $problems }: de læsepakker, der indeholder det, er ikke fuldt tilgængelige
attachments-inaccessible = { $count } bilag { $problems }: de læsepakker, der indeholder dem, er ikke fuldt tilgængelige
    .help = det er { $files }
attachment-repaired = bilaget { $file } har en beskadiget krydsreferencetabel; den blev genopbygget for at læse filen, som PDF-læsere gør
    .help = læsepakken viser siderne; for at være sikker på filen kan du eksportere den igen fra kildesystemet eller køre `qpdf in.pdf out.pdf` på den
attachment-unusable =
    .help = dagsorden og referat er lavet; de læsepakker, der indeholder bilaget, laves først, når det er erstattet af en PDF, der kan læses

## Choosing files (output/, batch/)

path-not-found = filen eller mappen findes ikke: { $path }
    .help = kør sagsgen i en projektmappe (en med cases/), eller angiv de sagsfiler eller mapper, der skal laves
project-no-input-folders = projektmappen { $folder } har ingen mappe cases/ eller moeder/
    .help = læg sagsfiler i cases/ og mødefiler i moeder/ (`sagsgen init` laver begge), eller angiv de filer eller mapper, der skal laves
threads-unavailable = sagsgen kan ikke starte sine arbejdstråde: { $reason }
internal-failure = sagsgen fejlede uventet på denne fil: { $detail }
    .help = det er en fejl i sagsgen; de andre filer blev lavet. Send venligst en fejlrapport med denne fil
file-outside-project = filen ligger uden for projektmappen

## Importing agendas (import/)

import-no-committee = mødet nævner intet udvalg ({ $place })
import-no-date = mødet i { $committee } har ingen dato ({ $place })
import-bad-date = mødedatoen "{ $date }" er ikke en dato
import-no-meeting = filen har intet { $element }
import-described-no-meeting = beskrevet som "{ $name }" i sagsgen.toml, men der findes intet møde ved moede = "{ $path }"
import-described-place = { $field } = "{ $path }" i [import.formater.{ $name }]
import-formats = sagsgen læser SBSYS Publication-XML, Acadre-dagsordens-XML (eller dens publiceringsmanifest), eDoc-dagsordens-XML (Fujitsu-skemaet eller eDocAgendaPublishing-eksporten <Meeting>), FirstAgenda Publication-sider gemt som HTML og XML, som et projekt beskriver i sagsgen.toml ([import.formater])
import-unknown-html = en HTML-side, men ikke en dagsorden eller et referat fra FirstAgenda Publication (ingen span.udvalg og h2.overskrift); { $formats }
import-bad-xml = XML, der ikke kan læses: { $reason }; { $formats }
import-unknown-xml = XML med roden <{ $root }>, som sagsgen ikke kender ({ $seen }); { $formats } — se "Eksporter, sagsgen ikke kender" i sagsgens håndbog (docs/src/import.md)
import-seen-nothing = intet under den
import-seen = under den: { $elements }
import-manifest-alone = et publiceringsmanifest fra Acadre, men ingen af de dagsordensfiler, det nævner (xmlfilename), ligger ved siden af det; importér selve dagsordens-XML'en
import-cut-off-no-item = intet punkt
import-cut-off-last = det sidste punkt, der blev læst, er { $item }
import-cut-off = siden slutter før sin afslutning (ingen </html>): den er måske gemt, før den var færdig med at indlæse, så punkter kan mangle og den sidste tekst være skåret af; { $last }. Gem siden igen, når den er indlæst
import-minutes-entry = "{ $title }" (nummer 0) er referatets egen post, ikke et punkt på dagsordenen: ikke importeret
import-minutes-entry-listing = "{ $title }" (nummer 0) er referatets egen post, ikke et punkt på dagsordenen: ikke importeret; den nævner { $listed }
import-no-organisation = eksporten siger ikke, hvilken kommune eller region den kommer fra: den nye sagsgen.toml siger navn = "Kommunen" under [organisation]; skriv jeres organisations navn der
import-rendition-skipped = sprunget over: systemets egen HTML-udgave af { $export }, som blev importeret
import-cannot-read = filen kan ikke importeres: { $why }
import-same-meeting = { $kept } og { $dropped } indeholder det samme møde; det importeres fra { $kept }, som har mest tekst
import-words-missing = { $missing } af kildens { $words } ord står ikke i { $file } ({ $kept } med); det første, der mangler: "{ $first }"
import-no-title = punktet har ingen titel; det kaldes "{ $title }"
import-decision-no-date = { $caption }: beslutningen nævner ingen dato; mødets dato ({ $date }) bruges
import-decision-no-committee = { $caption }: beslutningen den { $date } nævner intet udvalg; mødets udvalg ({ $committee }) bruges
import-absent-no-decision = eksporten nævner { $names } som fraværende under punktet, men punktet har ingen beslutning fra dette møde at skrive det under; ikke importeret
import-attachment-no-file = bilaget "{ $title }": eksporten nævner ingen fil til det; det står på listen uden sin fil
import-attachment-missing = bilaget "{ $title }": filen { $file } ligger ikke i eksportmappen; det står på listen uden sin fil
import-attachment-not-pdf = bilaget "{ $title }": { $file } er ikke en PDF; det står på listen uden sin fil (konvertér det til PDF, og sæt `fil`)
import-attachment-unreadable = bilaget "{ $title }": { $reason }; det står på listen uden sin fil
import-picture-left-out = et billede er udeladt (læg det i et bilag, hvis det har betydning)
import-picture-described = et billede ("{ $alt }") er udeladt; dets beskrivelse er bevaret
import-link-overlong = et link med en indlejret eller meget lang adresse: teksten er bevaret, adressen udeladt
import-link-not-https = linket til { $address } er ikke https: bevaret som tekst med adressen
report-imported = Importerede { $committee } { $date } ({ $system }: { $source }) → { $file }
report-item = Punkt { $number } { $title } → { $file } (ord med: { $kept })
report-committees-added = Udvalg tilføjet i sagsgen.toml:
report-kept = Beholdt { $file }: den er anderledes end det, importen ville skrive (--force overskriver den)
report-words-kept = Ord med: { $kept } af eksportens { $words } ord står i sagsfilerne ({ $share })
report-summary = { $meetings ->
    [one] 1 møde
   *[other] { $meetings } møder
}, { $items ->
    [one] 1 punkt
   *[other] { $items } punkter
}: { $written ->
    [one] 1 fil skrevet
   *[other] { $written } filer skrevet
}, { $unchanged } uændret
report-summary-kept = { $count } beholdt (anderledes)
report-nothing-changed = intet ændret
import-strict-lost = { $missing } af eksportens { $words } ord står ikke i de skrevne filer (--strict)
    .help = advarslerne ovenfor nævner hvert punkt og citerer det første stykke, der mangler; importér uden --strict for at beholde det, der blev læst
import-kept = { $file } er anderledes end det, importen ville skrive; den blev beholdt
    .help = kør importen igen med --force for at overskrive den

## The preview (serve/)

serve-cannot-start = forhåndsvisningen kan ikke starte: { $reason }
serve-cannot-watch = { $folder } kan ikke overvåges: { $reason }
serve-cannot-listen = der kan ikke lyttes på { $address }: { $reason }
    .help = vælg en anden port med --port, eller --port 0 for en ledig
serve-stopped = forhåndsvisningen stoppede: { $reason }
meeting-cancelled-no-documents = mødet er aflyst: det har ingen dokumenter
meeting-planned-no-documents = et planlagt møde (endnu ingen punkter): det har ingen dokumenter
    .help = tilføj punkterne som `[[punkter]]`-afsnit for at lave dagsordenen
document-not-made = dokumentet kunne ikke laves

## Archiving (archive/)

validator-cannot-read = valideringen kan ikke læse filen: { $reason }
pdf-unreadable = ikke en PDF, der kan læses ({ $reason })
pdf-no-catalog = PDF'en har intet katalog
pdf-no-source = PDF'en har ingen indlejret kildefil (den er ikke en arkivkopi lavet af sagsgen archive)
manifest-invalid = { $file } er ikke et manifest fra sagsgen: { $reason }
    .help = en arkivmappe indeholder den manifest.json, `sagsgen archive` skrev; angiv en anden mappe, eller flyt denne fil væk
archive-draft = et udkast (udkast = true) arkiveres ikke
    .help = arkivér den endelige udgave: fjern `udkast = true`, når sagen er færdig
archive-conflict = { $file } er allerede arkiveret med et andet indhold; den arkiverede kopi beholdes (brug --new-version for at arkivere denne som en ny version ved siden af)
archive-not-an-archive = { $folder } har ingen { $manifest }: det er ikke et arkiv fra sagsgen
    .help = angiv den mappe, `sagsgen archive --to` skrev
verify-missing = mangler: { $file } står i manifestet, men ikke i arkivet
verify-extra = i overskud: { $file } står i arkivet, men ikke i manifestet
verify-changed = ændret: { $file } passer ikke med SHA-256 i manifestet
verify-not-conforming = overholder ikke standarden: { $file }: { $why }

## The command line's progress and summaries (cli/)

status-built = Lavet
status-checked = Tjekket
status-failed = Fejlede
status-pages = { $count ->
    [one] 1 side
   *[other] { $count } sider
}
status-pages-short = { $count } s.
status-no-documents = ingen dokumenter: { $why }
status-failed-nothing-written = { $count } fejl; intet skrevet
no-documents-cancelled = mødet er aflyst
no-documents-planned = et planlagt møde (endnu ingen punkter)
progress-rate = { $rate } dokumenter/s
progress-building = Laver
interrupted = Afbrudt: de dokumenter, der er i gang, gøres færdige; eksisterende PDF'er beholdes, som de er.
no-case-files = ingen sagsfiler (.toml) fundet
summary-files-with-errors = Filer med fejl: { $files }
summary-files-with-errors-unwritten = Filer med fejl (ingen PDF skrevet): { $files }
summary-incomplete-files = Lavet uden de filer, fejlene nævner: { $files }
summary-built = { $count } lavet
summary-checked = { $count } tjekket
summary-unchanged = { $count } uændret
summary-incomplete = { $count } lavet uden nogle filer (se fejlene)
summary-failed = { $count } fejlede
summary-interrupted = { $count } ikke startet (afbrudt)
summary-warnings = { $count ->
    [one] 1 advarsel
   *[other] { $count } advarsler
}
summary-finished = Færdig: { $parts }
status-archived = Arkiveret
status-unchanged = Uændret
status-new-version = ny version
verify-intact = Arkivet er intakt: hver fil passer med manifestet og overholder standarden ({ $conformance }).
verify-problems = { $count ->
    [one] 1 problem fundet
   *[other] { $count } problemer fundet
}
extract-wrote = Skrev { $name } til { $file }
extract-cannot-write = kildefilen kan ikke skrives: { $reason }
status-created = Oprettet
status-kept = Beholdt
status-kept-exists = den findes
new-exists = { $file } findes allerede; sagsgen new overskriver aldrig en fil
    .help = vælg et andet filnavn, eller slet filen først
cannot-create-folder = mappen { $folder } kan ikke oprettes: { $reason }
cannot-open-folder = mappen { $folder } kan ikke åbnes: { $reason }
init-ready = Klar: kør `sagsgen build` i { $folder } for at lave eksemplerne
serve-address = Forhåndsvisning på { $url }
serve-started = Åbn den i en browser; siderne opdateres, når du gemmer. Ctrl-C stopper.
site-publishing = { $count ->
    [one] Offentliggør 1 mødefil i { $folder } …
   *[other] Offentliggør { $count } mødefiler i { $folder } …
}
site-published = { $count ->
    [one] Offentliggjorde 1 møde
   *[other] Offentliggjorde { $count } møder
} i { $folder }: { $written ->
    [one] 1 fil skrevet
   *[other] { $written } filer skrevet
}, { $unchanged } uændret
site-removed = { $count } fjernet
watch-watching = [{ $ms } ms] holder øje med ændringer i { $folder } (Ctrl-C stopper)

## Usage errors (cli/usage.rs)

usage-did-you-mean = tip: mente du `{ $near }`?
usage-unknown-argument = `{ $arg }` er ikke et tilvalg til denne kommando
usage-unknown-command = `{ $command }` er ikke en kommando
usage-invalid-value = `{ $value }` kan ikke bruges som { $arg }
usage-valid-values = mulige værdier: { $values }
usage-missing-argument = { $arg } skal angives
usage-missing-command = angiv en kommando, fx `sagsgen build`
usage-conflict = { $arg } kan ikke bruges sammen med de andre tilvalg
usage-values-count = { $arg } har det forkerte antal værdier
usage-other = { $detail }
usage-more = Se `sagsgen --help` for mere.
man-page-failed = man-siden kan ikke laves: { $reason }
stdout-failed = der kan ikke skrives til standard output: { $reason }

## The command line's help (cli/help.rs): cli-<command> is what a command does,
## cli-<command>--<option> an option, cli-global--<option> an option of every command.

cli-heading-usage = Brug:
cli-heading-commands = Kommandoer
cli-heading-options = Tilvalg
cli-heading-arguments = Argumenter
cli-value-command = KOMMANDO
cli-value-options = [TILVALG]
cli-value-DIR = MAPPE
cli-value-FILE = FIL
cli-value-PATH = STI
cli-value-COLOR = FARVE
cli-value-MESSAGE_FORMAT = FORMAT
cli-value-SHELL = SKAL
cli-value-OF = HVILKET
cli-value-KIND = SLAGS
cli-value-PORT = PORT
cli-flag-help = Vis denne hjælp
cli-flag-version = Vis versionen
cli-sagsgen = sagsgen — sagsfiler (TOML) til de PDF-dokumenter, et udvalgssekretariat laver
    .long = sagsgen — sagsfiler (TOML) til de PDF-dokumenter, et udvalgssekretariat laver.

        Skriv hver sag (notat, beslutningssag, orienteringssag) som en TOML-fil under `cases/`, og hvert udvalgsmøde (`type = "moede"`) som en fil, der nævner dets punkter, og kør så `sagsgen build`: hver sag bliver en tilgængelig PDF, der kan arkiveres (PDF/A + PDF/UA), under `output/` i de samme mapper som under `cases/`; hvert møde bliver til dagsorden, referat, deres offentlige udgaver og læsepakker med bilagene.
cli-global--quiet = Skriv kun fejl (ingen fremdrift, advarsler eller opsummering)
cli-global--color = Hvornår meddelelser skal have farver: auto (i en terminal), always eller never
cli-global--message_format = Hvordan fejl og advarsler skrives: human (til mennesker, standard) eller json (JSON-linjer til programmer)
cli-global--sprog = Sproget i meddelelser og hjælp: da (dansk) eller en (engelsk). Standard: engelsk, når miljøets sprog (LC_ALL, LC_MESSAGES, LANG) er engelsk, ellers dansk
cli-build = Lav sags- og mødefiler til PDF'er under `output/` (kun det, der er ændret)
cli-build--paths = Sags- og mødefiler eller mapper, hvor der søges efter `.toml`-filer (standard: hele projektet — dets mapper `cases/` og `moeder/`)
cli-build--root = Projektmappen (standard: den nærmeste mappe over STI med en sagsgen.toml, ellers den aktuelle mappe)
cli-build--output = Hvor PDF'erne skal skrives (standard: `output/` i projektmappen)
cli-build--jobs = Hvor mange dokumenter der laves ad gangen (standard: én pr. processorkerne)
cli-build--emit_typst = Skriv også den lavede Typst-kilde ved siden af hver PDF (til skabelonforfattere)
cli-build--force = Lav alt igen, også filer, der ikke er ændret siden sidst
cli-check = Tjek sags- og mødefiler for alle problemer uden at skrive noget
cli-check--paths = { cli-build--paths }
cli-check--root = { cli-build--root }
cli-watch = Lav det igen, der ændres, hver gang filer gemmes (tager de samme tilvalg som `build`)
cli-watch--paths = { cli-build--paths }
cli-watch--root = { cli-build--root }
cli-watch--output = { cli-build--output }
cli-watch--jobs = { cli-build--jobs }
cli-watch--emit_typst = { cli-build--emit_typst }
cli-watch--force = { cli-build--force }
cli-archive = Arkivér færdige dokumenter som PDF/A-3a + PDF/UA-1 med kildefilen indlejret
cli-archive--paths = { cli-build--paths }
cli-archive--root = { cli-build--root }
cli-archive--to = Arkivmappen (oprettes om nødvendigt; indeholder manifest.json og manifest.csv)
cli-archive--new_version = Arkivér et ændret dokument som en ny version ved siden af det arkiverede
cli-verify = Tjek et arkiv mod dets manifest: kontrolsummer, manglende og overskydende filer, overholdelse af standarderne
cli-verify--dir = Arkivmappen
cli-extract = Skriv den TOML-kildefil ud, der er indlejret i en arkiveret PDF
cli-extract--file = En arkivkopi lavet af `sagsgen archive`
cli-extract--output = Hvor kildefilen skal skrives (standard: standard output)
cli-import = Importér dagsordenseksporter (SBSYS, Acadre, eDoc, FirstAgenda Publication) som møde- og sagsfiler med en rapport over, hvor hvert afsnit endte
cli-import--files = Eksportfiler (SBSYS Publication-XML, Acadre-dagsordens-XML eller dens manifest, eDoc-dagsordens-XML, FirstAgenda Publication-sider gemt som HTML) eller mapper med dem. Formatet findes ud fra hver fils indhold
cli-import--to = Det projekt, der importeres til (oprettes, når mappen ingen sagsgen.toml har; standard: den nærmeste mappe herfra og op med en sagsgen.toml, ellers den aktuelle mappe)
cli-import--force = Overskriv filer, der er anderledes end det, importen skriver (som standard beholdes de)
cli-import--strict = Afslut med status 1, når nogle af eksportens ord ikke står i de skrevne filer (rapporten nævner hvert sådant punkt og citerer det, der mangler)
cli-serve = En levende forhåndsvisning i browseren: hvert dokument, dets sider og dets problemer, opdateret når filer gemmes (kun på 127.0.0.1)
cli-serve--port = Porten på 127.0.0.1 (0: en ledig, som skrives ved start; standard: 8000)
cli-serve--open = Åbn oversigten i browseren (også `--aabn`)
cli-serve--root = Projektmappen (standard: den nærmeste mappe herfra og op med en sagsgen.toml, ellers den aktuelle mappe)
cli-site = Offentliggør møderne som en statisk hjemmeside med deres offentlige udgaver (sider, søgning, nyhedsfeeds, åbne data) under `output/site/`
cli-site--paths = { cli-build--paths }
cli-site--root = { cli-build--root }
cli-site--to = Hvor hjemmesiden skal skrives (standard: `output/site/` i projektmappen)
cli-site--output = Hvor PDF'erne laves (standard: `output/` i projektmappen)
cli-site--jobs = { cli-build--jobs }
cli-site--no_build = Offentliggør de PDF'er, `sagsgen build` har lavet, uden at lave dem: et møde, hvis offentlige PDF'er mangler, offentliggøres uden links til dem (og en advarsel siger det)
cli-init = Start et nyt projekt: sagsgen.toml, et eksempel på hver slags, templates/ og fonts/
cli-init--dir = Projektmappen (oprettes om nødvendigt; standard: den aktuelle mappe)
cli-init--templates = Skriv også de indbyggede skabeloner ud i `templates/`, så de kan redigeres
cli-new = Skriv en ny sags- eller mødefil med alle felter til stede og forklaret
cli-new--kind = Hvad der skal skrives: notat, beslutningssag, orienteringssag eller moede
cli-new--path = Den nye fil (fx `cases/2025/budget.toml`)
cli-completions = Skriv fuldførelser til en skal (bash, zsh, fish, elvish, powershell)
cli-completions--shell = Skallen: bash, zsh, fish, elvish eller powershell
cli-man = Skriv man-siden (roff)
cli-schema = Skriv JSON-skemaet for sags- og mødefiler (eller for sagsgen.toml) til teksteditorer
cli-schema--of = Hvilket skema: sag (sags- og mødefiler, standard) eller config (sagsgen.toml)
