"""Page furniture shared by the HTML and plain-text cleaners.

Three kinds of lines are recognised in a list of paragraphs:

* standalone furniture, dropped wherever it stands: share buttons, "Advertisement",
  newsletter and follow-us pitches, copyright lines, agency credit lines, bare e-mail
  addresses and links, markdown table rules;
* section markers that open a block of links to other stories ("Related Posts",
  "Previous Article", "You may also like", "Don't miss", "Most viewed", ...): the marker
  and the headline-like lines after it are dropped, up to the next paragraph of prose;
* inline link lines ("Related: <headline>", "READ MORE: <headline>", "[Related: ...]").
"""

from __future__ import annotations

import re

_DASHES = "\u2013\u2014-"

# Markers that open a block of links to other stories (the marker line alone, maybe with ":").
SECTION_MARKER = re.compile(
    r"^[\[(]?\s*(?:"
    r"previous (?:article|post|story|page)|next (?:article|post|story|page)"
    r"|related(?: (?:posts?|articles?|stories|news|content|coverage|links|topics|videos?|reading))?"
    r"|(?:read|see) (?:more|next|also)|also read|see also|more (?:from|on|in|about|stories|news|like this|to read)\b.{0,60}"
    r"|you (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested(?: in)?)(?: these| this)?"
    r"|recommended(?: for you| stories| reading| articles)?|don'?t miss|do not miss"
    r"|most (?:read|popular|viewed|shared|watched|commented)(?: stories| articles| now)?"
    r"|trending(?: now| stories)?|popular (?:now|stories|articles|posts)|top stories|latest (?:news|stories|articles|posts)"
    r"|what to read next|editor'?s picks?|more headlines|other stories|around the web|from the web"
    r"|sponsored(?: content| stories| links)?|promoted (?:stories|content|links)|tags?|topics|filed under"
    r"|share (?:this|on|the story|article)\b.{0,20}|comments?(?: \(\d+\))?|\d+ comments?|leave a (?:comment|reply)"
    r"|tell us what you think\.*|join the (?:conversation|discussion)|about the author"
    r")\s*[:.…»›>\])]*\s*$",
    re.IGNORECASE,
)

# Whole lines that are page furniture wherever they stand.
FURNITURE = re.compile(
    r"^(?:"
    r"advertisement|advertising|ad|sponsored|skip to (?:main )?content|skip to main navigation"
    r"|share|shares|tweet|email|e-mail|print|facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram"
    r"|share (?:on|via|to) \w+|share this (?:article|story|post|page)|copy link|link copied"
    r"|home|menu|search|close|loading\.*|listen to (?:this )?article|\d+ min(?:ute)?s? read|read time:? .{1,15}"
    r"|\(?photo:?\)?|image|video|watch|play|pause|replay"
    r"|all rights reserved\.?|(?:copyright\s*(?:©|\(c\)|@)?|©|\(c\))\s*\d{4}.{0,120}|.{0,80}\ball rights reserved\.?"
    r"|(?:sign up|subscribe|register)\b.{0,150}\b(?:newsletter|inbox|updates|email|alerts|here|today|now)\b.{0,80}"
    r"|(?:get|receive) (?:the|our) .{0,80}(?:newsletter|inbox|delivered).{0,80}"
    r"|.{0,60}\bnewsletters?\b[^.]{0,40}"
    r"|follow (?:us|\w+(?: \w+){0,3}) on (?:facebook|twitter|instagram|youtube|linkedin|tiktok|x)\b.{0,120}"
    r"|(?:click|tap) here\b.{0,120}"
    r"|source:\s*.{1,60}"
    r"|\(?(?:reporting|writing|additional reporting) by .{0,250}?(?:editing|edited) by [^)]{0,200}\)?\.?"
    r"|\(?editing by [^)]{0,200}\)?\.?"
    r"|[\w ]{1,25}:\s*(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|twitter\.com/\S+|@\w{2,30}"
    r"|reach the (?:reporters?|writers?|authors?) .{0,160}"
    r"|\|?\s*(?:-{3,}\s*\|\s*)+-*\s*\|?|[|\s-]+"
    r"|updated(?: at)? \d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?\.?(?: \w+)?"
    r"|\(published \w+day,? .{3,30}\)"
    r"|(?:this|the) (?:article|story) (?:has been|was) (?:adapted|updated|corrected|amended) .{0,80}"
    r"|this (?:article|story|content) (?:is|was) (?:provided|produced|written|published) by .{0,80}"
    r"|copyright\s+(?:©\s*)?[\w .&'-]{1,40}\s\d{4}\b.{0,80}|.{0,120}©.{0,80}"
    r"|\[\w+[^\]]*\].{0,200}\[/\w+\]"
    r"|(?=.{0,200}$)(?=.*\bclick here\b).+"
    r"|(?=.{0,400}$)(?=.*\b(?:subscribe|subscription|subscriptions|subscribing)\b)(?=.*(?:[$£€₹]|\bRs\.?)\s?\d).+"
    r"|(?=.*\b(?:19|20)\d{2}\b)(?=.*\d{1,2}[:h]\d{2})[^.!?]{0,60}"
    r"|(?:[^|>›»]{1,40}\s[|>›»]\s){2,}[^|>›»]{0,40}"
    r"|(?:story|article|text) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continues below (?:this )?(?:advertisement|ad)"
    r"|(?:accept|manage) cookies.{0,80}|we use cookies.{0,200}"
    r")$",
    re.IGNORECASE,
)

# "Related: Some headline", "READ MORE: ...", "[Related: ...]", "SEE ALSO: ..."
INLINE_LINK = re.compile(
    r"^[\[(]?\s*(?:related|read more|read also|also read|see more|see also|more|must read|recommended"
    r"|watch|listen|don'?t miss|opinion|analysis|in pictures|in depth|photos?|videos?|gallery|slideshow)\s*[:|»›\u2013\u2014-]\s*.{3,200}$",
    re.IGNORECASE,
)

# Lines that end an article page after the story: who else reported it, invitations to share
# or comment, and link headlines tagged as media. Dropped from the end of the body.
CONTRIBUTOR = re.compile(
    r"^[(\[]?(?=.{0,300}$).*\b(?:contributed|contributing)(?: reporting)?(?: to)?(?: (?:this|the))?"
    r" (?:report|reporting|story|article|coverage)\b.{0,80}$|^[(\[]?.{0,200}\bcontributed reporting\b.{0,80}$",
    re.IGNORECASE,
)
TRAILER = re.compile(
    r"^(?:"
    r"(?:please )?share (?:this|your|the)\b.{0,120}|(?:click|tap) to share.{0,60}|share on \w+.{0,40}"
    r"|(?:what do you think|tell us what you think|let us know what you think)\b.{0,120}"
    r"|(?:leave|post|add) (?:a|your) comment\b.{0,80}|join the (?:conversation|discussion)\b.{0,80}"
    r"|(?:like|follow) us on (?:facebook|twitter|instagram|x)\b.{0,120}"
    r"|(?:do you have|got) a (?:news )?tip\?.{0,160}"
    r"|more:?|read more:?|related:?|see also:?"
    r"|[^.!?]{5,150}\s[\[(](?:video|photos?|gallery|watch|listen|audio)[\])]"
    r")\s*$",
    re.IGNORECASE,
)

SENTENCE_END = re.compile(r"[.!?\"”’')\]]\s*$")


def words(text: str) -> int:
    return len(text.split())


def is_prose(p: str) -> bool:
    """A paragraph that reads as running text of an article, not a link or a headline."""
    n = words(p)
    return n >= 30 or (n >= 12 and bool(SENTENCE_END.search(p)))


def is_headline_like(p: str) -> bool:
    """A short line that reads as a headline or a link (no sentence at its end)."""
    p = p.strip(" -*•·|")
    n = words(p)
    if n == 0 or n > 25:
        return False
    return n <= 6 or not SENTENCE_END.search(p) or (n <= 15 and not re.search(r"[.!?]\s", p))


def is_keyword_list(p: str) -> bool:
    """"a, b, c, d, e": tags or keywords, not a sentence."""
    items = [x.strip() for x in p.split(",")]
    return len(items) >= 4 and not SENTENCE_END.search(p) and sum(len(x.split()) for x in items) / len(items) <= 5


def is_furniture(p: str) -> bool:
    p = p.strip().strip("\"“”'‘’").strip()
    if len(p) <= 100 and len(p.split()) <= 10 and re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", p):
        return True  # "jane.doe@example.com, (555) 123-4567"
    return bool(p) and len(p) <= 400 and bool(FURNITURE.match(p))


def is_marker(p: str) -> bool:
    p = p.strip()
    return bool(p) and len(p) <= 90 and bool(SECTION_MARKER.match(p))


def strip_furniture(paras: list[str], title: str | None = None) -> list[str]:
    """Remove furniture lines, link blocks after section markers and inline link lines."""
    out: list[str] = []
    i, n = 0, len(paras)
    while i < n:
        p = paras[i].strip()
        if not p or is_furniture(p):
            i += 1
            continue
        if is_marker(p):
            # Drop the marker and the headline-like lines that follow it (the links).
            j = i + 1
            while j < n and (is_keyword_list(paras[j]) or not is_prose(paras[j]) and (
                    is_headline_like(paras[j]) or is_furniture(paras[j]) or is_marker(paras[j]))):
                j += 1
            i = j
            continue
        if len(p) <= 250 and INLINE_LINK.match(p) and not SENTENCE_END.search(p.rstrip("])")):
            i += 1
            continue
        out.append(p)
        i += 1
    return out


def is_contributor_line(p: str) -> bool:
    """ "Jane Doe contributed to this report.", "(Reuters contributed reporting from Paris.)"."""
    return len(p.split()) <= 40 and bool(CONTRIBUTOR.match(p.strip()))


def strip_trailer(paras: list[str]) -> list[str]:
    """Drop contributor lines anywhere, and share / comment prompts and tagged link headlines
    (and bare "More:" labels) from the end of the body."""
    out = [p for p in paras if not is_contributor_line(p)]
    while len(out) > 1 and len(out[-1]) <= 250 and TRAILER.match(out[-1].strip()):
        out.pop()
    return [p for p in out if p.strip().lower().rstrip(":") not in _BARE_LABELS]


_BARE_LABELS = {"more", "read more", "related", "see also"}


def drop_duplicates(paras: list[str], min_words: int = 8) -> list[str]:
    """Drop repeated paragraphs (pages that carry the text twice), keeping the first."""
    seen: set[str] = set()
    out: list[str] = []
    for p in paras:
        key = " ".join(re.findall(r"\w+", p.lower()))
        if words(p) >= min_words and key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out


def same_text(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    na = " ".join(re.findall(r"\w+", a.lower()))
    nb = " ".join(re.findall(r"\w+", b.lower()))
    return bool(na) and na == nb
