# sagsgen's messages in English (`--sprog en`, or an environment whose language is
# English). The same ids and placeables as locales/da/sagsgen.ftl.

## Levels

level-error = error
level-warning = warning
level-help = help: { $help }

## Summaries

summary-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}

## Fields (input/fields.rs): { $table } is a phrase such as "a beslutningssag"

field-twice = `{ $field }` is given twice in { $table }
    .help = it is already set on line { $line }; keep one of them
field-of-other-kind = `{ $field }` is a field of { $other }, not of { $table }
    .help = remove the line, or change `type` if the file is meant to be { $other }
field-misplaced = `{ $field }` is a field of { $parent }, but it stands below a `[[…]]` line, so it is read as part of { $table }
    .help = move the line up, above the first `[[…]]` line: the fields of { $parent } come before all `[[…]]` entries
field-unknown-near = `{ $field }` is not a field of { $table }; did you mean `{ $near }`?
    .help = write `{ $near }` instead
field-unknown = `{ $field }` is not a field of { $table }
    .help = the fields of { $table } are { $fields }
field-missing = missing field `{ $field }`: { $table } must have it
    .help = add a line such as `{ $field } = { $example }`
field-wrong-kind = `{ $field }` must be { $expected }, not { $found }
    .help = write it like this: `{ $field } = { $example }`
field-not-a-choice = "{ $written }" is not { $what }
field-too-long = `{ $field }` is { $count } characters long; at most { $limit } are allowed
    .help = shorten the text, or move the detail into an attachment (bilag)
field-word-too-long = `{ $field }` contains { $count } characters without a space; at most { $limit } are allowed
    .help = break the text into words, or shorten it
field-empty = `{ $field }` is empty
    .help = `{ $field }` must have some text: write it between the quotes
field-not-a-date = `{ $field }` must be a date such as 2020-10-20, not { $found }
    .help = write the date as year-month-day, without a time: `dato = 2020-10-20`
field-list-entry-not-text = each entry of `{ $field }` must be text in quotes, not { $found }
    .help = put each entry in quotes: `{ $field } = ["…", "…"]`
field-list-entry-too-long = an entry of `{ $field }` is longer than { $limit } characters
    .help = shorten it; each entry is one short line
field-not-sections = `{ $field }` must be sections, each starting with a line `[[{ $field }]]`
    .help = start each entry with a line `[[{ $field }]]` followed by its fields
field-section-entry-not-section = each entry of `{ $field }` must be a section, not { $found }

kind-quoted-text = text in quotes
kind-boolean = true or false (without quotes)
kind-text-list = a list of texts
kind-section = a section, starting with a line `[{ $field }]`

found-text = the text "{ $text }"
found-number = the number { $number }
found-date-time = the date/time { $value }
found-list = a list
found-section = a section

## Reading files (input/)

io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it exists already
io-is-a-folder = it is a folder, not a file
io-not-a-folder = a part of the path is a file, not a folder
io-disk-full = the disk is full
io-invalid-data = its content cannot be read
file-unreadable = cannot read the file: { $reason }
file-too-big = the file is { $size } bytes; a case file may be at most { $limit } bytes
file-ansi = the file is saved as ANSI (Windows-1252), not as UTF-8: "{ $letter }" is one byte where UTF-8 has two
    .help = open the file in Notepad, choose File → Save As, set Encoding to UTF-8 and save it again
file-not-utf8 = the file is not valid UTF-8 text
    .help = save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)

## Syntax errors (input/syntax.rs)

syntax-other = TOML syntax error: { $parser }
    .help = text values need quotes ("…"), long texts triple quotes ("""…"""); compare with the example cases
syntax-unclosed-long-text = the text of `{ $field }` starts with { $quotes } but never ends
    .help = end the text with { $quotes } on a line of its own, before the next field
syntax-unclosed-text = the text of `{ $field }` has no closing quote
    .help = end the text with a quote (") on the same line; text over several lines goes between triple quotes (""" … """)
syntax-curly-quotes = the text of `{ $field }` is in typographic quotes (“…”), which TOML does not read
    .help = use straight quotes, as a word processor does not: `{ $field } = "{ $text }"`
syntax-backslash = the text of `{ $field }` contains a backslash (\), which starts a special code in text in double quotes
    .help = write \\ for each \, or put the text in single quotes ('…')
    .help-quoted = write the text in single quotes, where \ is just a character: `{ $field } = '{ $text }'` (or write \\ for each \)
syntax-danish-date = `{ $field }` must be written year-month-day
syntax-short-date = `{ $field }` needs two digits for the month and the day
syntax-impossible-date = `{ $field }` is not a date that exists: { $date }
    .help = write the date as year-month-day with a month from 01 to 12 and a day the month has, e.g. `dato = 2025-01-13`
syntax-date =
    .help = write `{ $field } = { $date }`
syntax-yes-or-no = `{ $field }` is true or false (without quotes), not { $written }
syntax-write = write `{ $field } = { $value }`
syntax-unquoted-list = `{ $field }` looks like a list, which TOML writes in square brackets with each text in quotes
syntax-danish-key = the field name `{ $field }` has letters TOML only reads in quotes (æ, ø, å)
    .help = write `{ $folded }` or `"{ $field }"` instead
syntax-spaced-key = the field name `{ $field }` contains spaces
    .help = field names are written with _ between the words, e.g. `{ $joined }`
syntax-twice = `{ $field }` is given twice
    .help = each field may be given once; keep one of them
syntax-unquoted-text = the text of `{ $field }` must be in quotes
    .help = put the text in quotes: "…"
    .help-field = put the text in quotes: `{ $field } = "{ $text }"`
syntax-toml = the line cannot be read: { $what }
    .help = look where the marker points, and compare with the example cases (`sagsgen new` writes a new file with every field)
toml-unclosed-heading = a heading such as `[udvalg]` or `[[bilag]]` lacks its closing `]`
toml-unclosed-braces = `{"{"}` lacks its closing `{"}"}` (everything between them goes on one line)
toml-unclosed-list = the list lacks its closing `]`
toml-missing-comma = a comma is missing between two values
toml-extra-comma = there is one comma too many
toml-missing-value = nothing follows the `=`; write the value after it
toml-missing-equals = an `=` is missing between the field name and its value
toml-extra-equals = there is one `=` too many
toml-bad-key = the field name cannot be read; field names are words of a–z, digits and _
toml-trailing = something follows the value that does not belong there; each field goes on a line of its own
toml-number = the number is written wrongly; write it in digits, without leading zeros
toml-comment = a comment (after #) holds a character that is not allowed
toml-line-break = a line break is damaged (a CR without LF); save the file again in your editor
toml-too-deep = lists or sections are nested too deep
toml-unreadable-value = the value cannot be read; texts go in quotes

## Cases (case/)

table-case = a case
table-sag-kinds = a beslutningssag or an orienteringssag
table-kind = { $kind ->
    [orienteringssag] an orienteringssag
   *[other] a { $kind }
}
case-type-missing = missing field `type`: every case file must say what it is
    .help = add a first line such as `type = "beslutningssag"` (notat, beslutningssag, orienteringssag or moede)
case-type-not-text = `type` must be text in quotes, such as "notat"
case-type-unknown = "{ $written }" is not a kind of case
    .help = `type` is one of "notat", "beslutningssag", "orienteringssag", "moede"
case-type-unknown-near = "{ $written }" is not a kind of case; did you mean "{ $near }"?
adgang-unknown = `adgang` must be "åben" or "lukket", not "{ $written }"
    .help = write adgang = "åben" for a public item, adgang = "lukket" for a closed one
table-the-case = the case
table-entry = a `[[{ $entry }]]` entry
committee-not-configured = the committee "{ $written }" is not in `[udvalg]` of sagsgen.toml; it is used as written
    .help = add it to `[udvalg]` in sagsgen.toml, or check the spelling
committee-unknown = "{ $written }" is not a committee abbreviation in sagsgen.toml
    .help = the known abbreviations are { $known }; or write the committee's full name
placering-unknown-section = "{ $section }" is not a section of this case
    .help = the sections are { $sections }; write e.g. placering = "før sagsfremstilling" or placering = "efter indstilling"
placering-unknown-section-near = "{ $section }" is not a section of this case; did you mean "{ $near }"?
placering-unknown = `placering` must say "før …" or "efter …" a section, not "{ $written }"
    .help = write e.g. placering = "før sagsfremstilling" or placering = "efter indstilling"
url-not-https = the address "{ $url }" must start with https://
url-invalid = the address "{ $url }" is not a valid web address
    .help = write the whole address as a browser shows it, e.g. url = "https://www.retsinformation.dk/eli/lta/2018/102"
overskrifter-unknown = "{ $written }" in `overskrifter` is not a section of this case
    .help = the sections are { $sections }
overskrifter-unknown-near = "{ $written }" in `overskrifter` is not a section of this case; did you mean "{ $near }"?
overskrifter-not-text = the heading of `{ $written }` must be one line of text in quotes
    .help = write e.g. overskrifter = {"{"} { $written } = "Baggrund" {"}"}
bilag-on-drive = the attachment "{ $fil }" is on a drive or network share, outside the project folder
    .help = copy the PDF into the project (e.g. a `bilag/` folder) and write `fil` relative to this case file, e.g. fil = "../../bilag/x.pdf"
bilag-missing = the attachment "{ $fil }" does not exist
    .help = `fil` is relative to the folder of this case file
bilag-outside = the attachment "{ $fil }" lies outside the project folder
    .help = copy the PDF into the project (e.g. a `bilag/` folder) and point `fil` at the copy
bilag-not-pdf = the attachment "{ $fil }" is not a PDF file
    .help = attachments must be PDF files; export the document as PDF first
table-afstemning = `afstemning`
resultat-unknown = an outcome of a vote
    .help = write resultat = "vedtaget" or resultat = "forkastet"
afstemning-empty = `afstemning` says nothing: no `for`, `imod`, `undlod` or `resultat`
    .help = e.g. afstemning = {"{"} for = ["A", "F"], imod = ["V"], resultat = "vedtaget" {"}"}
votes-negative = `{ $field }` must be a number of votes from 0 up, not { $written }
    .help = e.g. `{ $field } = 3`, or who: `{ $field } = ["A", "F"]`
votes-wrong-kind = `{ $field }` must be a number of votes or a list of who voted so, not { $found }
    .help = e.g. `{ $field } = 3`, or `{ $field } = ["A", "F"]` (party letters or members' names)

## Meetings (meeting/)

table-the-meeting = the meeting
item-number-twice = two items have the number "{ $number }"; this is the second
    .help = give each item its own `nummer`, or leave `nummer` out to number the items by their place
tid-invalid = `tid` must be a time such as "15:30", not "{ $written }"
    .help = write hours and minutes with a colon, e.g. tid = "09:00"
item-both-kinds = an item is either `sag = "…"` or a standing item with `titel`, not both
    .help = the title, text and decisions of a case item come from its case file
item-neither-kind = an item needs `sag = "…"` (a case file) or a `titel` (a standing item)
    .help = e.g. `sag = "../cases/2025/budget.toml"`, or `titel = "Godkendelse af dagsorden"`
item-case-on-drive = the case file "{ $sag }" is on a drive or network share, outside the project folder
    .help = move the case into the project (e.g. under cases/) and write `sag` relative to this meeting file, e.g. sag = "../cases/2025/x.toml"
item-case-missing = the case file "{ $sag }" does not exist
    .help = `sag` is relative to the folder of this meeting file
item-case-outside = the case file "{ $sag }" lies outside the project folder
    .help = move the case into the project (e.g. under cases/) and point `sag` at it
item-case-is-meeting = "{ $sag }" is a meeting, not a case
    .help = `sag` names a case file (notat, beslutningssag or orienteringssag)
item-case-unreadable = the case file "{ $sag }" cannot be read
item-case-has-errors = the case file "{ $sag }" has errors (shown above)
item-closed-vague = the closed item "{ $title }" does not say what it is about
    .help = the public agenda shows a closed item's title: name its subject without confidential details, e.g. "Salg af grund på Industrivej" (in `titel`, or in `offentlig_titel` when the title itself is confidential)
item-no-decision = "{ $title }" has no decision of { $committee } dated { $date }; the minutes will say "Ingen beslutning registreret"
    .help-case = add a [[beslutninger]] entry with this committee and date to the case file once the decision is taken
    .help-standing = add `beslutning = "…"` to this item once the decision is taken
item-closed-no-public-text = the closed item "{ $title }" has a decision without `offentlig_tekst`
    .help = Danish law requires decisions taken behind closed doors to be published as far as confidentiality allows: add offentlig_tekst to the decision
table-member = a member in `medlemmer`
table-godkendelse = `godkendelse`
member-wrong-kind = each member must be a name in quotes or {"{"} navn = "…" {"}"}, not { $found }
    .help = e.g. medlemmer = ["Anne Hansen", {"{"} navn = "Bo Berg", parti = "V", rolle = "formand" {"}"}]
rolle-unknown = a role sagsgen knows
    .help = write rolle = "formand" or rolle = "næstformand", or leave `rolle` out
substitute-for-unknown = the substitute { $name } sat in for "{ $replaced }", who is not in `medlemmer`
    .help = `for` names the member the substitute replaced, as written in `medlemmer`
approval-before-meeting = the minutes are approved on { $approved }, before the meeting on { $meeting }
    .help = `godkendelse.dato` is the day the members approved the minutes, on or after the meeting
approval-by-absent = "{ $name }" approved the minutes but is not among those present (`medlemmer` without `afbud`, and `stedfortraedere`)
    .help = the members present approve the minutes (kommunestyrelsesloven § 13); check the name's spelling
decision-after-meeting = "{ $title }" has a decision of { $committee } dated { $date }, after this meeting on { $meeting }; this meeting's documents do not show it
    .help = if the decision was taken at this meeting, give it this meeting's date
record-names-stranger = the decision on "{ $title }" names "{ $name }" in `{ $field }`, who is not in the meeting's `medlemmer` or `stedfortraedere`
    .help = write the name as the meeting file does, or add the person to `medlemmer` or `[[stedfortraedere]]`
vote-too-many = the vote on "{ $title }" counts { $counted } votes, but { $present } members were present for the item
    .help = check `for`, `imod` and `undlod`: together they can be no more than the members present (`medlemmer` without `afbud`, with `stedfortraedere`, without the item's `inhabile` and `fravaerende`)
vote-absent-party = the vote on "{ $title }" names { $party } in `{ $field }`, but no member of { $party } was present for the item
    .help = check the vote, `afbud`, `inhabile` and `fravaerende`: the minutes cannot count a party's votes with no member there
attachment-unreadable = the attachment { $file } cannot be read: { $reason }
attachment-too-big = the attachment { $file } is { $size } MB; attachments may be at most { $limit } MB
attachment-not-pdf = the attachment { $file } is not a readable PDF ({ $reason })
attachment-encrypted = the attachment { $file } is encrypted (password-protected); save an unprotected copy
attachment-no-pages = the attachment { $file } has no pages

## The project (sagsgen.toml)

table-file = `{ $name }`
table-section = `[{ $name }]`
use-one-of = use one of { $choices }
project-unreadable = cannot open the project folder: { $reason }
site-address-invalid = `{ $field }` must be a web address starting with https://, not "{ $written }"
    .help = e.g. { $field } = "{ $example }"
logo-wrong-kind = the logo "{ $logo }" must be an SVG, PNG or JPEG file
    .help = save the logo as .svg (best), .png or .jpg and point `logo` at that file
logo-missing = the logo "{ $logo }" does not exist
    .help = give the path relative to the folder holding sagsgen.toml
logo-outside = the logo "{ $logo }" lies outside the project folder
    .help = copy the logo into the project folder and give its path relative to sagsgen.toml
caption-not-text = `"{ $caption }"` must name what the caption becomes, in quotes
    .help = e.g. "{ $caption }" = "sagsfremstilling"
caption-target-unknown = "{ $target }" is not something a section can become
caption-target-unknown-near = "{ $target }" is not something a section can become; did you mean "{ $near }"?
pdf-standard-unknown = "{ $written }" is not a PDF/A level sagsgen writes
committee-name-not-text = the committee `{ $abbreviation }` needs its full name as text
    .help = { $abbreviation } = "Udvalg for …"

## Described export formats ([import.formater])

path-empty = an empty path
path-absolute = "{ $written }" starts with /; a path goes from the element it is read from, e.g. "{ $example }"
path-empty-step = "{ $written }" has an empty step
path-attribute-not-last = in "{ $written }", an attribute (@name) can only be the last step
path-unclosed-condition = in "{ $written }", "[{ $condition }" lacks its closing ]
path-not-a-name = in "{ $written }", "{ $name }" is not an element name
path-bad-condition = in "{ $written }", [{ $condition }] must be written [@attribute='value']
format-not-section = `{ $name }` under `[import.formater]` must describe a format
    .help = write it as a section: `[import.formater.{ $name }]` followed by lines such as `rod = "Publication"`
format-root-not-a-name = "{ $written }" is not an element name
    .help = write the root element's name without < >, e.g. `rod = "Publication"`
format-text-kind-unknown = "{ $written }" is not a kind of text sagsgen reads
    .help = use "html" (HTML, also escaped or in CDATA) or "tekst" (plain text)
format-path-invalid = `{ $field }`: { $why }
    .help = write element names separated by /, e.g. "Items/Item"; // for any depth, [@attr='value'] to choose, @attr to read an attribute, | between alternatives
format-needs = `{ $field }` needs `{ $needs }`, which says where the entries are
    .help = add `{ $needs } = "…"` to { $table }

## Files

cannot-read = cannot read { $file }: { $reason }
cannot-write = cannot write { $file }: { $reason }
cannot-make = cannot make { $file }: { $reason }

## The website (site/)

site-meeting-has-errors = { $file } has errors and is left out of the site
    .help = run `sagsgen check` to see them
site-meeting-twice = { $first } and { $second } are both the meeting of { $committee } on { $date }; the site shows the first
site-no-accessibility-statement = the site links no accessibility statement: a Danish public body must link its tilgængelighedserklæring from every page
    .help = make the statement on the Agency for Digital Government's WAS tool and add `[site] tilgaengelighedserklaering = "https://…"` to sagsgen.toml
site-no-licence = the open data states no licence, so others may not know they can reuse it
    .help = add `[site] licens = "https://creativecommons.org/licenses/by/4.0/"` (or the licence your organisation uses) to sagsgen.toml
site-no-address = sagsgen.toml gives no `[site] adresse`: the feeds and the calendar cannot name the site's address, and no OParl data is written (its ids are addresses)
    .help = add `[site] adresse = "https://dagsordener.eksempel.dk"`, where the site is published
site-pdf-not-built = { $file } is not built: the page of { $meeting } does not link to it
    .help = run `sagsgen build` (or `sagsgen site` without --no-build)

## Templates (templates/)

did-you-mean = did you mean `{ $near }`?
template-no-such = no template or asset named { $name }
template-error = template { $name }: { $detail }
template-built-in-bug = in the built-in template { $name }; this is a bug in sagsgen
template-unclosed-block = template { $name }: `{"{"}% { $block } %{"}"}` is never closed
    .help = add `{"{"}% end{ $block } %{"}"}` where the { $block } block should end
template-undefined = `{ $code }` is not a value this template is given
    .help = the values a template is given are listed in the comment at its top (`sagsgen init --templates` writes the built-in ones out)
template-syntax =
    .help = every `{"{"}% if %{"}"}` needs its `{"{"}% endif %{"}"}`, every `{"{"}% for %{"}"}` its `{"{"}% endfor %{"}"}`, every `{"{{"}` its `{"}}"}`
template-unknown-filter =
    .help = templates have minijinja's built-in filters, tests and functions, and `str` (text as a Typst string)
template-not-found =
    .help = the templates are { $templates }, and any file of your own in templates/
template-other =
    .help = fix the template, or delete it to use the built-in one
template-invalid-typst = this line of your template override produced invalid Typst; fix it, or delete the file to use the built-in template

## Typesetting (engine/)

pdf-version-unavailable = PDF version not available: { $detail }
pdf-standards-conflict = PDF standards cannot be combined: { $detail }
typesetting-failed = typesetting { $what } failed: { $detail }
    .help = run `sagsgen build --emit-typst` to see the generated Typst source
typesetting-warning = while typesetting { $what }: { $detail }
typesetting-at-line = at line { $line } of the generated Typst: { $text }
typesetting-hint = hint: { $hint }
font-unreadable = cannot read the font: { $reason }
font-not-a-font = this is not a font Typst can read

## Building (typeset/)

and = and
and-more = and { $count } more
cannot-remove-outdated = cannot remove the outdated { $file }: { $reason }
attachment-problem-scanned = { $count ->
    [one] is a scan without text
   *[other] are scans without text
}
attachment-problem-fonts = { $count ->
    [one] has fonts that are not embedded
   *[other] have fonts that are not embedded
}
attachment-problem-untagged = { $count ->
    [one] is not a tagged PDF
   *[other] are not tagged PDFs
}
attachment-inaccessible = the attachment { $file } { $problems }: the packets that include it are not fully accessible
attachments-inaccessible = { $count } attachments { $problems }: the packets that include them are not fully accessible
    .help = they are { $files }
attachment-repaired = the attachment { $file } has a damaged cross-reference table; it was rebuilt to read the file, as PDF readers do
    .help = the packet shows its pages; to be sure of the file, export it anew from its source system or run `qpdf in.pdf out.pdf` on it
attachment-unusable =
    .help = the agenda and minutes are built; the reading packets that include this attachment are not, until it is replaced by a readable PDF

## Choosing files (output/, batch/)

path-not-found = no such file or folder: { $path }
    .help = run sagsgen in a project folder (one with cases/), or name the case files or folders to build
project-no-input-folders = the project folder { $folder } has no cases/ or moeder/ folder
    .help = put case files under cases/ and meeting files under moeder/ (`sagsgen init` makes both), or name the files or folders to build
threads-unavailable = cannot start worker threads: { $reason }
internal-failure = sagsgen failed unexpectedly on this file: { $detail }
    .help = this is a bug in sagsgen; the other files were built. Please report it with this file
file-outside-project = the file lies outside the project folder

## Importing agendas (import/)

import-no-committee = the meeting names no committee ({ $place })
import-no-date = the meeting of { $committee } has no date ({ $place })
import-bad-date = the meeting date "{ $date }" is not a date
import-no-meeting = the file has no { $element }
import-described-no-meeting = described as "{ $name }" in sagsgen.toml, but no meeting is found at moede = "{ $path }"
import-described-place = { $field } = "{ $path }" in [import.formater.{ $name }]
import-formats = sagsgen reads SBSYS Publication XML, Acadre agenda XML (or its publishing manifest), eDoc agenda XML (the Fujitsu schema or the eDocAgendaPublishing <Meeting> export), FirstAgenda Publication pages saved as HTML, and XML a project describes in sagsgen.toml ([import.formater])
import-unknown-html = an HTML page, but not a FirstAgenda Publication agenda or minutes (no span.udvalg and h2.overskrift); { $formats }
import-bad-xml = not readable XML: { $reason }; { $formats }
import-unknown-xml = XML with a <{ $root }> root that sagsgen does not know ({ $seen }); { $formats } — see "Eksporter, sagsgen ikke kender" in sagsgen's handbook (docs/src/import.md)
import-seen-nothing = nothing under it
import-seen = under it: { $elements }
import-manifest-alone = an Acadre publishing manifest, but none of the agenda files it names (xmlfilename) lies beside it; import the agenda XML itself
import-cut-off-no-item = no item
import-cut-off-last = the last item read is { $item }
import-cut-off = the page ends before its end (no </html>): it may have been saved before it finished loading, so items may be missing and the last text cut off; { $last }. Save the page again once it has loaded
import-minutes-entry = "{ $title }" (number 0) is the minutes' own entry, not an agenda item: not imported
import-minutes-entry-listing = "{ $title }" (number 0) is the minutes' own entry, not an agenda item: not imported; it lists { $listed }
import-no-organisation = the export does not say which municipality or region it comes from: the new sagsgen.toml says navn = "Kommunen" under [organisation]; write your organisation's name there
import-rendition-skipped = skipped: the system's own HTML rendition of { $export }, which was imported
import-cannot-read = cannot import this file: { $why }
import-same-meeting = { $kept } and { $dropped } hold the same meeting; it is imported from { $kept }, which has more text
import-words-missing = { $missing } of the source's { $words } words are not in { $file } ({ $kept } kept); the first missing: "{ $first }"
import-no-title = the item has no title; it is called "{ $title }"
import-decision-no-date = { $caption }: the decision names no date; the meeting's date ({ $date }) is used
import-decision-no-committee = { $caption }: the decision of { $date } names no committee; the meeting's committee ({ $committee }) is used
import-absent-no-decision = the export lists { $names } as absent from the item, but the item has no decision of this meeting to record it under; not imported
import-attachment-no-file = attachment "{ $title }": the export names no file for it; it is listed without its file
import-attachment-missing = attachment "{ $title }": its file { $file } is not in the export folder; it is listed without its file
import-attachment-not-pdf = attachment "{ $title }": { $file } is not a PDF; it is listed without its file (convert it to PDF and set `fil`)
import-attachment-unreadable = attachment "{ $title }": { $reason }; it is listed without its file
import-picture-left-out = a picture is left out (add it to an attachment if it matters)
import-picture-described = a picture ("{ $alt }") is left out; its description is kept
import-link-overlong = a link with an embedded or overlong address: its text is kept, the address left out
import-link-not-https = the link to { $address } is not https: kept as text with its address
report-imported = Imported { $committee } { $date } ({ $system }: { $source }) → { $file }
report-item = Punkt { $number } { $title } → { $file } (words kept: { $kept })
report-committees-added = Committees added to sagsgen.toml:
report-kept = Kept { $file }: it differs from what the import would write (--force overwrites it)
report-words-kept = Words kept: { $kept } of the export's { $words } words are in the case files ({ $share })
report-summary = { $meetings ->
    [one] 1 meeting
   *[other] { $meetings } meetings
}, { $items ->
    [one] 1 item
   *[other] { $items } items
}: { $written ->
    [one] 1 file written
   *[other] { $written } files written
}, { $unchanged } unchanged
report-summary-kept = { $count } kept (differ)
report-nothing-changed = nothing changed
import-strict-lost = { $missing } of the export's { $words } words are not in the files written (--strict)
    .help = the warnings above name each item and quote the first missing passage; import without --strict to keep what was read
import-kept = { $file } differs from what the import would write; it was kept
    .help = run the import again with --force to overwrite it

## The preview (serve/)

serve-cannot-start = cannot start the server: { $reason }
serve-cannot-watch = cannot watch { $folder }: { $reason }
serve-cannot-listen = cannot listen on { $address }: { $reason }
    .help = choose another port with --port, or --port 0 for a free one
serve-stopped = the server stopped: { $reason }
meeting-cancelled-no-documents = the meeting is cancelled (aflyst): it has no documents
meeting-planned-no-documents = a planned meeting (no items yet): it has no documents
    .help = add its items as `[[punkter]]` sections to make its agenda
document-not-made = the document could not be made

## Archiving (archive/)

validator-cannot-read = the validator cannot read the file: { $reason }
pdf-unreadable = not a readable PDF ({ $reason })
pdf-no-catalog = the PDF has no catalog
pdf-no-source = the PDF carries no embedded source file (it is not an archive copy made by sagsgen archive)
manifest-invalid = { $file } is not a sagsgen manifest: { $reason }
    .help = an archive folder holds the manifest.json that `sagsgen archive` wrote; name another folder, or move this file away
archive-draft = a draft (udkast = true) is not archived
    .help = archive the finished version: remove `udkast = true` when the case is final
archive-conflict = { $file } is already archived with other content; the archived copy is kept (use --new-version to archive this as a new version beside it)
archive-not-an-archive = { $folder } has no { $manifest }: it is not a sagsgen archive
    .help = name the folder `sagsgen archive --to` wrote
verify-missing = missing: { $file } is in the manifest but not in the archive
verify-extra = extra: { $file } is in the archive but not in the manifest
verify-changed = changed: { $file } differs from the SHA-256 in the manifest
verify-not-conforming = not conforming: { $file }: { $why }

## The command line's progress and summaries (cli/)

status-built = Built
status-checked = Checked
status-failed = Failed
status-pages = { $count ->
    [one] 1 page
   *[other] { $count } pages
}
status-pages-short = { $count } p.
status-no-documents = no documents: { $why }
status-failed-nothing-written = { $count ->
    [one] { $count } error; nothing written
   *[other] { $count } errors; nothing written
}
no-documents-cancelled = the meeting is cancelled (aflyst)
no-documents-planned = a planned meeting (no items yet)
progress-rate = { $rate } documents/s
progress-building = Building
interrupted = Interrupted: finishing the documents in progress; existing PDFs are kept as they are.
no-case-files = no case files (.toml) found
summary-files-with-errors = Files with errors: { $files }
summary-files-with-errors-unwritten = Files with errors (no PDF written): { $files }
summary-incomplete-files = Built without the files their errors name: { $files }
summary-built = { $count } built
summary-checked = { $count } checked
summary-unchanged = { $count } unchanged
summary-incomplete = { $count } built without some files (see the errors)
summary-failed = { $count } failed
summary-interrupted = { $count } not started (interrupted)
summary-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
summary-finished = Finished: { $parts }
status-archived = Archived
status-unchanged = Unchanged
status-new-version = new version
verify-intact = The archive is intact: every file matches the manifest and conforms ({ $conformance }).
verify-problems = { $count ->
    [one] 1 problem found
   *[other] { $count } problems found
}
extract-wrote = Wrote { $name } to { $file }
extract-cannot-write = cannot write the source: { $reason }
status-created = Created
status-kept = Kept
status-kept-exists = it exists
new-exists = { $file } already exists; sagsgen new never overwrites a file
    .help = choose another file name, or delete the file first
cannot-create-folder = cannot create the folder { $folder }: { $reason }
cannot-open-folder = cannot open the folder { $folder }: { $reason }
init-ready = Ready: run `sagsgen build` in { $folder } to build the examples
serve-address = Preview on { $url }
serve-started = Open it in a browser; pages update when you save. Ctrl-C stops.
site-publishing = { $count ->
    [one] Publishing 1 meeting file to { $folder } …
   *[other] Publishing { $count } meeting files to { $folder } …
}
site-published = { $count ->
    [one] Published 1 meeting
   *[other] Published { $count } meetings
} to { $folder }: { $written ->
    [one] 1 file written
   *[other] { $written } files written
}, { $unchanged } unchanged
site-removed = { $count } removed
watch-watching = [{ $ms } ms] watching { $folder } for changes (Ctrl-C to stop)

## Usage errors (cli/usage.rs)

usage-did-you-mean = tip: did you mean `{ $near }`?
usage-unknown-argument = unexpected argument `{ $arg }`
usage-unknown-command = unrecognized subcommand `{ $command }`
usage-invalid-value = invalid value `{ $value }` for { $arg }
usage-valid-values = possible values: { $values }
usage-missing-argument = { $arg } is required
usage-missing-command = a command is required, e.g. `sagsgen build`
usage-conflict = { $arg } cannot be used with the other options
usage-values-count = { $arg } has the wrong number of values
usage-other = { $detail }
usage-more = For more information, try `sagsgen --help`.
man-page-failed = cannot render the man page: { $reason }
stdout-failed = cannot write to standard output: { $reason }

## The command line's help (cli/help.rs): cli-<command> is what a command does,
## cli-<command>--<option> an option, cli-global--<option> an option of every command.

cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-value-command = COMMAND
cli-value-options = [OPTIONS]
cli-value-DIR = DIR
cli-value-FILE = FILE
cli-value-PATH = PATH
cli-value-COLOR = COLOR
cli-value-MESSAGE_FORMAT = FORMAT
cli-value-SHELL = SHELL
cli-value-OF = OF
cli-value-KIND = KIND
cli-value-PORT = PORT
cli-flag-help = Print help
cli-flag-version = Print version
cli-sagsgen = sagsgen — case files (TOML) to the PDF documents of a committee secretariat
    .long = sagsgen — case files (TOML) to the PDF documents of a committee secretariat.

        Write each case (notat, beslutningssag, orienteringssag) as a TOML file under `cases/`, and each committee meeting (`type = "moede"`) as one listing its items, then run `sagsgen build`: every case becomes an accessible, archivable PDF (PDF/A + PDF/UA) under `output/`, mirroring the folders of `cases/`; every meeting becomes its agenda, minutes, their public versions and reading packets with the attachments.
cli-global--quiet = Print only errors (no progress, warnings or summary)
cli-global--color = When to colour messages: auto (on a terminal), always or never
cli-global--message_format = How to print errors and warnings: human (for people, the default) or json (JSON lines for tools)
cli-global--sprog = The language of messages and help: da (Danish) or en (English). Default: English when the environment's language (LC_ALL, LC_MESSAGES, LANG) is English, else Danish
cli-build = Build case and meeting files into PDFs under `output/` (only what changed)
cli-build--paths = Case and meeting files, or folders searched for `.toml` files (default: the whole project — its `cases/` and `moeder/` folders)
cli-build--root = The project folder (default: the nearest folder above PATH holding sagsgen.toml, else the current folder)
cli-build--output = Where to write the PDFs (default: `output/` in the project folder)
cli-build--jobs = How many documents to build at once (default: one per CPU core)
cli-build--emit_typst = Also write the generated Typst source beside each PDF (for template authors)
cli-build--force = Rebuild everything, even files unchanged since the last build
cli-check = Check case and meeting files for every problem, without writing anything
cli-check--paths = { cli-build--paths }
cli-check--root = { cli-build--root }
cli-watch = Rebuild what changes as files are saved (takes the options of `build`)
cli-watch--paths = { cli-build--paths }
cli-watch--root = { cli-build--root }
cli-watch--output = { cli-build--output }
cli-watch--jobs = { cli-build--jobs }
cli-watch--emit_typst = { cli-build--emit_typst }
cli-watch--force = { cli-build--force }
cli-archive = Archive finished documents as PDF/A-3a + PDF/UA-1 with their source embedded
cli-archive--paths = { cli-build--paths }
cli-archive--root = { cli-build--root }
cli-archive--to = The archive folder (created if needed; holds manifest.json and manifest.csv)
cli-archive--new_version = Archive a changed document as a new version beside the archived one
cli-verify = Check an archive against its manifest: hashes, missing and extra files, conformance
cli-verify--dir = The archive folder
cli-extract = Write out the source TOML embedded in an archived PDF
cli-extract--file = An archive copy made by `sagsgen archive`
cli-extract--output = Where to write the source (default: standard output)
cli-import = Import agenda exports (SBSYS, Acadre, eDoc, FirstAgenda Publication) as meeting and case files, with a report of where every section went
cli-import--files = Export files (SBSYS Publication XML, Acadre agenda XML or its manifest, eDoc agenda XML, FirstAgenda Publication pages saved as HTML), or folders holding them. The format is found from each file's content
cli-import--to = The project to import into (created when the folder has no sagsgen.toml; default: the nearest folder from here up holding sagsgen.toml, else the current folder)
cli-import--force = Overwrite files that differ from what the import writes (by default they are kept)
cli-import--strict = Exit with status 1 when some of the export's words are not in the files written (the report names each such item and quotes what is missing)
cli-serve = A live preview in the browser: every document, its pages and its problems, updated as files are saved (on 127.0.0.1 only)
cli-serve--port = The port on 127.0.0.1 (0: a free one, printed on start; default: 8000)
cli-serve--open = Open the overview in the web browser (`--aabn` too)
cli-serve--root = The project folder (default: the nearest folder from here up holding sagsgen.toml, else the current folder)
cli-site = Publish the meetings as a static website of their public editions (pages, search, feeds, open data) under `output/site/`
cli-site--paths = { cli-build--paths }
cli-site--root = { cli-build--root }
cli-site--to = Where to write the site (default: `output/site/` in the project folder)
cli-site--output = Where the PDFs are built (default: `output/` in the project folder)
cli-site--jobs = { cli-build--jobs }
cli-site--no_build = Publish the PDFs `sagsgen build` has made, without building: a meeting whose public PDFs are missing is published without links to them (and a warning says so)
cli-init = Start a new project: sagsgen.toml, an example of every kind, templates/ and fonts/
cli-init--dir = The project folder (created if needed; default: the current folder)
cli-init--templates = Also write the built-in templates into `templates/`, for editing
cli-new = Write a new case or meeting file with every field present and explained
cli-new--kind = What to write: notat, beslutningssag, orienteringssag or moede
cli-new--path = The new file (e.g. `cases/2025/budget.toml`)
cli-completions = Print shell completions (bash, zsh, fish, elvish, powershell)
cli-completions--shell = The shell: bash, zsh, fish, elvish or powershell
cli-man = Print the man page (roff)
cli-schema = Print the JSON Schema of case and meeting files (or of sagsgen.toml), for editors
cli-schema--of = Which schema: sag (case and meeting files, the default) or config (sagsgen.toml)
