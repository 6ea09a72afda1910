"""The page-chrome patterns, kept as data so a new outlet's habits are one line to add.

Unless said otherwise, a pattern is matched case-insensitively against one whole
line, without its surrounding white space and Markdown marks. None names an outlet.
"""

from __future__ import annotations

# A heading after which the rest of the page is links to other stories.
TAIL_HEADINGS: tuple[str, ...] = (
    r"more from\b.{0,40}",
    r"more (?:stories|news|articles|coverage)\b.{0,40}",
    r"related(?: (?:articles?|stories|news|posts|content|coverage|reading|links|topics))?",
    r"read (?:more|also|next)",
    r"also read",
    r"see also",
    r"further reading",
    r"you (?:may|might) (?:also )?(?:like|be interested in)",
    r"recommended(?: for you| stories| articles| reading)?",
    r"(?:latest|top|trending|popular) (?:news|stories|articles|posts|headlines)",
    r"trending(?: now)?",
    r"most (?:read|popular|viewed|shared)",
    r"editor'?s picks?",
    r"in other news",
    r"what to read next",
    r"(?:leave a |post a |\d+ )?comments?",
    r"(?:tags?|topics?|filed under)\s*:.*",
    r"end ?item|\(?ends?\)?|-+\s*end\s*-+",  # wire services' end-of-story marks
)

# A single line that points elsewhere ("Also read: ...") inside the article.
LINK_LINES: tuple[str, ...] = (
    r"(?:read more|also read|read also|see also|related|recommended|watch|listen|read next|next|previous)"
    r"\s*[:|–—-]\s*\S.{0,200}",
)

# Inside a line: where a blog theme's "previous/next post" navigation starts; the rest goes.
INLINE_TAIL_MARKERS: tuple[str, ...] = (
    r"\bprev(?:ious)? post\b",
    r"\bnext post\b",
)

# Share, follow, subscribe and legal lines.
SHARE_LINES: tuple[str, ...] = (
    r"follow\b.{0,60}\bon\b.{0,80}\b(?:x|twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin|"
    r"tiktok|threads|google news)\b.*",
    r"(?:share|share this(?: article| story)?|share on|share via)\b.{0,60}"
    r"\b(?:facebook|twitter|x|whatsapp|e-?mail|linkedin|telegram)\b.{0,40}",
    r"(?:share|tweet|email|print|whatsapp|facebook|twitter|linkedin)"
    r"(?:\s*[|·•,]?\s*(?:share|tweet|email|print|whatsapp|facebook|twitter|linkedin|copy link))*",
    r"(?:subscribe|sign up|register)\b.{0,40}\b(?:newsletter|channel|updates|alerts|podcast)\b.{0,80}",
    r".{0,60}\bclick here\b.{0,120}",
    r"(?:share|like) this\s*:?",
    r"(?:like\s+)?loading\s*(?:\.\.\.|…)?",
    r"join (?:us|our)\b.{0,60}\b(?:channel|community|group)\b.{0,40}",
    r"download (?:our|the)\b.{0,40}\bapp\b.{0,60}",
    r"(?:copyright|©).{0,120}",
    r"all rights reserved.{0,60}",
    r"advertisement|sponsored|scroll to continue.{0,40}",
)

# Image and photo credits.
CREDIT_LINES: tuple[str, ...] = (
    r"(?:image|photo|picture|pic|photograph|file photo|graphic|video)s?\s*"
    r"(?:source|credit|courtesy)?s?\s*[:：]\s*.{1,80}",
    r"\(?(?:photo|image|picture|file photo|graphic)s?\s+(?:by|courtesy(?: of)?|credit)\b.{1,80}\)?",
    r"(?:credit|courtesy|source image)\s*[:：]\s*.{1,80}",
    r".{0,80}\s*/\s*(?:getty images|afp|reuters|ap|ap photo|epa|shutterstock|anadolu|xinhua)\)?",
    r"(?:getty images|shutterstock|istock)\b.{0,40}",
    r".{0,300}\((?:photo:?\s*)?[A-Z][\w.&-]*(?:\s[\w.&-]+){0,3}/[A-Z][\w.'-]*(?:\s[\w.'-]+){0,3}\)",
)

# Breadcrumb navigation ("Home > World > Asia") and site controls.
NAVIGATION_LINES: tuple[str, ...] = (
    r"(?:[\w&',. -]{1,30}\s+[>»›]\s+){1,6}[\w&',. -]{1,40}",
    r"(?:[\w&'-]+(?: [\w&'-]+){0,2}\s+/\s+){1,6}[\w&'-]+(?: [\w&'-]+){0,2}",  # "Home / World / Asia"
    r"skip to (?:main )?(?:content|navigation|menu)|(?:main |toggle )?(?:menu|navigation)|search(?: for)?:?",
    # "Home | World | Sport": three or more short items between bars or dots
    r"(?:[\w&'.-]+(?: [\w&'.-]+){0,2}\s+[|•·]\s+){2,12}[\w&'.-]+(?: [\w&'.-]+){0,2}",
)

# Last words of an outlet's name: a masthead line ending in one names the outlet.
OUTLET_WORDS: tuple[str, ...] = (
    "news",
    "daily",
    "times",
    "herald",
    "post",
    "monitor",
    "tribune",
    "gazette",
    "observer",
    "review",
    "journal",
    "express",
    "chronicle",
    "telegraph",
    "agency",
    "today",
    "star",
    "mirror",
    "dispatch",
    "courier",
    "standard",
    "guardian",
    "nation",
    "insider",
    "report",
    "wire",
    "desk",
    "diplomat",
    "center",
    "centre",
    "institute",
    "forum",  # think tanks: "Gulf Strategy Forum", "Atlantic Council", "Carnegie Endowment"
    "council",
    "foundation",
    "endowment",
    "weekly",
    "magazine",
    "online",
)

# Menu items (white-space separated): a line made only of these is a site menu, never a headline.
SECTION_WORDS = (
    "home news world local national international region regional regions nation politics economy "
    "business markets money sport sports opinion opinions editorial editorials comment video "
    "videos photos gallery multimedia podcasts podcast culture arts lifestyle entertainment "
    "health science tech technology education environment travel weather defence defense security "
    "military africa asia europe americas middle east features analysis about contact us "
    "subscribe login log in sign search menu latest trending more live e-paper epaper jobs "
    "classifieds blogs columns interviews archive archives investigations diplomacy media centre "
    "center releases"
)

# Government bodies that publish their own news: "Ministry of Defence" atop a page is its publisher.
PUBLISHING_BODIES: tuple[str, ...] = (
    "Ministry",
    "Department",
    "Embassy",
    "Office",
    "Secretariat",
    "Presidency",
    "Government",
)

# Wire services' tags glued to a headline's front: "UPDATE 2-Poland signs ...", "EXCLUSIVE-...".
WIRE_TAGS: tuple[str, ...] = (
    "UPDATE",
    "CORRECTED",
    "REFILE",
    "RPT",
    "WRAPUP",
    "EXCLUSIVE",
    "ANALYSIS",
    "FACTBOX",
    "INSIGHT",
    "COLUMN",
)

# Words that make a top line a banner rather than an outlet's name.
BANNER_WORDS: tuple[str, ...] = ("breaking", "exclusive", "live", "update", "updates", "latest", "opinion")

# A name in a byline: no sentence stop, but abbreviated titles ("Dr.", "Lt. Gen.", "(ret.)") may stand in it.
_BYLINE_NAME = r"(?:(?-i:\b[A-Z][a-z]{0,3}\.)(?=\s)|\bretd?\.(?=\))|[^.!?]){2,80}"

# A byline; the `name` group is the author or agency.
BYLINE_LINES: tuple[str, ...] = (
    r"by",
    rf"by\s+(?P<name>{_BYLINE_NAME})",
    r"(?:author|written by|reported by|story by|posted by|reporter|correspondent|source|editor|edited by)"
    rf"\s*[:|–—-]?\s*(?P<name>{_BYLINE_NAME})",
)

# A "Published in <outlet>, <date>" statement; the date is read separately.
PUBLISHED_LINES: tuple[str, ...] = (
    r"(?:originally |first )?(?:published|posted|appeared)\s+(?:in|at|by)\s+"
    r"(?P<outlet>[^,]{2,60}?)\s*,.{4,60}",
    r"(?:originally |first )?(?:published|posted|updated|last updated|(?:last )?modified)"
    r"\s*(?:on)?\s*[:|–—-]?\s*.{4,60}",
)

# A line that files the page rather than heads it: "Press Release No. 241/2025", "Ref: MOD/PR/118".
REFERENCE_LINES: tuple[str, ...] = (
    r"(?:press release|release|statement|bulletin|communiqu[eé]|notice|circular|issue|ref(?:erence)?)"
    r"\s*(?:no\.?|number|#|:)\s*[\w/.-]{1,20}",
)

# News agencies that appear as bylines; short all-capital names (APP, AFP, PTI) are recognised anyway.
AGENCIES: tuple[str, ...] = (
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "Xinhua",
    "Anadolu Agency",
    "Anadolu",
    "Tasnim",
    "Tasnim News Agency",
    "Mehr News Agency",
    "Fars News Agency",
    "Kyodo",
    "Kyodo News",
    "Yonhap",
    "Bernama",
    "Press Trust of India",
    "Asian News International",
    "Sputnik",
    "Interfax",
    "Kazinform",
    "Khovar",
    "Trend",
    "Kabar",
    "Dunya News",
    "Antara",
    "Saudi Press Agency",
    "Emirates News Agency",
    "Qatar News Agency",
    "Kuwait News Agency",
)

# Words that make a byline an editorial desk rather than an outlet.
DESK_WORDS: tuple[str, ...] = ("desk", "staff", "reporter", "correspondent", "editor", "team", "bureau")

# Little words left out of an acronym ("CPC - Caspian Policy Center").
ACRONYM_STOPWORDS: tuple[str, ...] = ("of", "the", "and", "for", "on", "in", "&")
