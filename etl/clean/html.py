"""HTML pages through trafilatura: body paragraphs and page metadata; captions from figures.

Steps:
1. Parse the page once with lxml; read metadata trafilatura misses or gets wrong: the
   on-page H1 headline, ``<html lang>`` / ``og:locale``, the JSON-LD / ``article:``
   publication date, and the photo captions (``<figcaption>``, ``.caption`` elements).
2. Drop hidden and pop-up elements (hover cards with a person's latest headlines,
   ``display:none`` blocks) and run trafilatura in precision mode on what is left; when that
   finds (almost) nothing, fall back to its default mode.
3. Post-process the paragraphs: the headline repeated at the top, captions, page furniture,
   link blocks and repeated paragraphs out; dateline and agency from the first paragraph.
"""

from __future__ import annotations

import copy
import json
import logging
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import load_html

from etl.clean.dateline import split_dateline
from etl.clean.dates import iso_date as _iso
from etl.clean.furniture import (
    SENTENCE_END,
    drop_duplicates,
    is_furniture,
    is_headline_like,
    is_marker,
    is_prose,
    same_text,
    strip_furniture,
    strip_trailer,
)
from etl.clean.lang import settle_language
from etl.clean.text import BYLINE, TEXT_FURNITURE, is_caption_line
from etl.models import CleanDoc

log = logging.getLogger(__name__)

# Elements that are never visible article text.
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:(?:rollover|hover)[\w-]*?[-_](?:block|card|content|box|popup|panel)|hovercard|tooltip|popover"
    r"|element-hidden|visually-hidden|sr-only|screen-reader-text)(?:$|\s)",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Containers of the article itself (captions inside one of them are the article's).
_ARTICLE_CLASS = re.compile(
    r"article|story|post-content|entry-content|post-body|content-body|main-content", re.IGNORECASE
)
# Containers of page chrome whose figures are not the article's.
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|header|footer|sidebar|breaking|promo|related|recirc|trending"
    r"|newsletter|advert|ad-slot|teaser|carousel)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
_CAPTION_SKIP_CLASS = re.compile(
    r"captions?-(?:wrap|container|holder|toggle|button)|(?:hide|show|toggle|expand|close)-?caption|closed-caption|cc-",
    re.IGNORECASE,
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_LANG = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
_BODY_FIELDS = frozenset({"text", "raw_text", "body", "comments", "commentsbody"})  # trafilatura


def _parse(page: str):
    """The page as trafilatura's own loader builds it (comments and processing instructions
    out, faulty markup repaired): a tree from ``lxml.html.fromstring`` keeps the comments, and
    trafilatura then cuts some paragraphs short at an inline link."""
    try:
        tree = load_html(_XML_DECL.sub("", page, count=1))
    except (TypeError, ValueError, etree.ParserError, etree.XMLSyntaxError):
        tree = None
    return tree if isinstance(tree, lxml_html.HtmlElement) else None


def _text(node) -> str:
    return " ".join(node.text_content().split())


def _cls(node) -> str:
    return f"{node.get('class') or ''} {node.get('id') or ''}"


# --------------------------------------------------------------------------- metadata


def _h1s(tree) -> list[str]:
    out = []
    for node in tree.iter("h1"):
        text = _text(node)
        if 8 <= len(text) <= 300 and text not in out:
            out.append(text)
    return out


def _h1(tree, title: str | None = None, site_name: str | None = None) -> str | None:
    """The on-page headline: the H1 found inside the page title, else the first H1."""
    heads = [h for h in _h1s(tree) if not same_text(h, site_name)]
    norm_title = " ".join((title or "").split())
    for h in heads:
        if norm_title and h in norm_title:
            return h
    return heads[0] if heads else None


def _headline_h1(h1: str) -> bool:
    """An H1 of three words or more that is not page furniture or a section label."""
    return len(h1.split()) >= 3 and not is_furniture(h1) and not is_marker(h1)


def _meta(tree, *keys: str) -> str | None:
    for key in keys:
        for node in tree.iter("meta"):
            if key in ((node.get("property") or "").lower(), (node.get("name") or "").lower(),
                       (node.get("itemprop") or "").lower(), (node.get("http-equiv") or "").lower()):
                value = (node.get("content") or "").strip()
                if value:
                    return value
    return None


def _language(tree, trafilatura_lang: str | None) -> str | None:
    candidates = []
    if tree is not None:
        root = tree.getroottree().getroot()
        candidates += [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
        candidates += [_meta(tree, "og:locale", "content-language", "language", "dc.language")]
    candidates.append(trafilatura_lang)
    for cand in candidates:
        m = _LANG.match(cand or "")
        if m:
            return m.group(1).lower()
    return None


_ARTICLE_TYPES = re.compile(r"article|posting|report|blog|webpage|creativework", re.IGNORECASE)


def _jsonld_dates(tree) -> list[str]:
    """datePublished values of the JSON-LD objects, article types first."""
    found: list[tuple[int, str]] = []

    def walk(obj, depth=0):
        if depth > 6:
            return
        if isinstance(obj, list):
            for item in obj:
                walk(item, depth + 1)
        elif isinstance(obj, dict):
            kind = obj.get("@type")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            date = obj.get("datePublished")
            if isinstance(date, str) and date.strip():
                rank = 0 if re.search(r"article|posting|report|blog", kind, re.IGNORECASE) else 1
                found.append((rank, date.strip()))
            for key, value in obj.items():
                if key not in ("datePublished",) and isinstance(value, (dict, list)):
                    walk(value, depth + 1)

    for node in tree.iter("script"):
        if (node.get("type") or "").lower() != "application/ld+json" or not node.text:
            continue
        try:
            walk(json.loads(node.text))
        except (ValueError, RecursionError):
            continue
    return [d for _, d in sorted(found, key=lambda x: x[0])]


def _published(tree, trafilatura_date: str | None) -> str | None:
    candidates: list[str | None] = []
    if tree is not None:
        candidates += _jsonld_dates(tree)
        candidates.append(_meta(tree, "article:published_time", "datepublished", "pubdate",
                                "publishdate", "publish-date", "date", "dc.date.issued", "dc.date",
                                "sailthru.date", "parsely-pub-date", "og:published_time"))
        for node in tree.iter("time"):
            if (node.get("itemprop") or "").lower() == "datepublished" and node.get("datetime"):
                candidates.append(node.get("datetime"))
    candidates.append(trafilatura_date)
    for cand in candidates:
        iso = _iso(cand)
        if iso:
            return iso
    return None


def _title(meta_title: str | None, h1: str | None, site_name: str | None) -> str | None:
    title = " ".join((meta_title or "").split()) or None
    # The on-page headline is what the reader sees: it beats a <title> / og:title padded with
    # the site's name or worded for search engines, whenever it reads as a headline.
    if h1 and (not title or _headline_h1(h1)):
        return h1
    if title:
        site = (site_name or "").lower().strip()
        for sep in _TITLE_SEPARATORS:
            if sep in title:
                head, _, tail = title.rpartition(sep)
                tail_l = tail.lower().strip()
                is_site = bool(site) and (site in tail_l or tail_l in site)
                if head.strip() and len(tail.split()) <= 5 and (is_site or (sep == " | " and not site)):
                    title = head.strip()
                    break
    return title


# --------------------------------------------------------------------------- captions


def _in_chrome(node) -> bool:
    for anc in node.iterancestors():
        if anc.tag in ("nav", "header", "footer", "aside") and anc.tag != "article":
            # A <header> inside the article holds its lead picture.
            if anc.tag == "header" and any(a.tag == "article" for a in anc.iterancestors()):
                continue
            return True
        if _CHROME_CLASS.search(_cls(anc)):
            return True
    return False


def _in_article(node) -> bool:
    for anc in node.iterancestors():
        if anc.tag in ("article", "main") or (anc.get("itemprop") or "").lower() == "articlebody":
            return True
        if anc.tag != "body" and _ARTICLE_CLASS.search(_cls(anc)):
            return True
    return False


_CAPTION_CONTROLS = re.compile(r"\b(?:hide|show|toggle|expand|close|open|view) (?:caption|image|photo)s?\b", re.IGNORECASE)
_CAPTION_LABEL = re.compile(r"^\s*(?:caption|image caption|photo caption)\s*[:,]?\s*", re.IGNORECASE)
_CAPTION_JUNK = re.compile(r"^(?:(?:image|photo|picture|slide)\s*)?\d+\s*(?:of|/)\s*\d+$|^enlarge\b.{0,20}$", re.IGNORECASE)


def _caption_nodes(tree) -> list:
    nodes = list(tree.iter("figcaption"))
    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag in ("figcaption", "figure", "img", "meta", "script", "style"):
            continue
        cls = _cls(node)
        if _CAPTION_CLASS.search(cls) and not _CAPTION_SKIP_CLASS.search(cls):
            # Innermost only: skip a wrapper that holds another caption element.
            if any(_CAPTION_CLASS.search(_cls(d)) and not _CAPTION_SKIP_CLASS.search(_cls(d))
                   for d in node.iterdescendants() if isinstance(d.tag, str)):
                continue
            if any(a.tag == "figcaption" for a in node.iterancestors()):
                continue
            nodes.append(node)
    return nodes


def _captions(tree) -> list[str]:
    found: list[tuple[bool, str]] = []
    for node in _caption_nodes(tree):
        if _in_chrome(node):
            continue
        text = _CAPTION_CONTROLS.sub(" ", _text(node))
        text = " ".join(_CAPTION_LABEL.sub("", text).split())
        if not 3 <= len(text) <= 1000 or len(text.split()) < 2 or _CAPTION_JUNK.match(text):
            continue
        found.append((_in_article(node), text))
    if any(inside for inside, _ in found):
        found = [(inside, t) for inside, t in found if inside]
    out: list[str] = []
    for _, text in found:
        if text not in out:
            out.append(text)
    return out


def _is_caption_para(p: str, captions: list[str]) -> bool:
    if not captions:
        return False
    key = " ".join(re.findall(r"\w+", p.lower()))
    if not key:
        return False
    for cap in captions:
        ckey = " ".join(re.findall(r"\w+", cap.lower()))
        # The caption itself, or the caption without / with its credit.
        if key == ckey or (len(key) >= 20 and (ckey.startswith(key) or key.startswith(ckey) and len(key) - len(ckey) < 60)):
            return True
    return False


# --------------------------------------------------------------------------- body


def _strip_hidden(tree) -> None:
    for node in list(tree.iter()):
        if not isinstance(node.tag, str) or node.getparent() is None:
            continue
        if _HIDDEN_CLASS.search(node.get("class") or "") or _HIDDEN_STYLE.search(node.get("style") or "") \
                or node.get("hidden") is not None:
            tail = node.tail
            parent = node.getparent()
            if tail:
                prev = node.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
            parent.remove(node)


def _extract(source, url: str | None, with_metadata: bool = False, **options):
    try:
        return trafilatura.bare_extraction(
            source, url=url, with_metadata=with_metadata, include_comments=False,
            include_tables=True, deduplicate=False, **options,
        )
    except Exception:  # trafilatura raises assorted errors on odd markup
        log.debug("trafilatura failed", exc_info=True)
        return None


def _as_dict(extracted) -> dict:
    if extracted is None:
        return {}
    return extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)


def _paragraphs(text: str | None) -> list[str]:
    paras = [" ".join(p.split()) for p in (text or "").split("\n")]
    return [p for p in paras if p]


_BODY_CHUNK_CLASS = re.compile(
    r"(?:^|\s)(?:article(?:__|-|_)?body|story(?:__|-|_)?body|entry-content|post-content|article-content"
    r"|body__inner-container|articlebody)(?:$|\s)",
    re.IGNORECASE,
)


def _body_chunks(tree) -> list:
    """Sibling containers that each hold a part of the article text (split by ads)."""
    found = [
        n for n in tree.iter()
        if isinstance(n.tag, str) and n.tag in ("div", "section")
        and (_BODY_CHUNK_CLASS.search(n.get("class") or "") or (n.get("itemprop") or "").lower() == "articlebody")
    ]
    outer = [n for n in found if not any(a in found for a in n.iterancestors())]
    return outer if len(outer) >= 2 else []


def _chunked_readings(work, url: str | None) -> list[list[str]]:
    """Readings of an article split over several body containers, best first: the
    containers together as one page, then each container read on its own."""
    chunks = _body_chunks(work)
    if not chunks:
        return []
    parts = [lxml_html.tostring(copy.deepcopy(c), encoding="unicode") for c in chunks]
    whole = "<html><body><article>" + "".join(parts) + "</article></body></html>"
    readings = [_paragraphs(_as_dict(_extract(whole, url, favor_precision=True)).get("text"))]
    each: list[str] = []
    for part in parts:
        page = "<html><body><article>" + part + "</article></body></html>"
        each += _paragraphs(_as_dict(_extract(page, url, favor_precision=True)).get("text"))
    readings.append(each)
    return readings


_BLOCK_TAGS = ("p", "h2", "h3")
_OUTSIDE_TAGS = {"blockquote", "figure", "aside", "nav", "footer", "header", "form", "li"}
_EMBED_CLASS = re.compile(r"tweet|instagram|tiktok|facebook|embed|social|related|promo|share", re.IGNORECASE)


def _dom_paragraphs(tree) -> list[str]:
    """The text of the page's own paragraphs in document order, read from the tree rather than
    by a second extraction: not in quotes of embedded posts, figures, navigation or link lists."""
    out = []
    for node in tree.iter(*_BLOCK_TAGS):
        ancestors = list(node.iterancestors())
        if any(a.tag in _BLOCK_TAGS or a.tag in _OUTSIDE_TAGS for a in ancestors):
            continue
        if any(_EMBED_CLASS.search(_cls(a)) for a in [node, *ancestors]):
            continue
        text = " ".join(node.text_content().split())
        links = sum(len(" ".join(a.text_content().split())) for a in node.iter("a"))
        if text and links <= 0.5 * len(text):
            out.append(text)
    return out


def _link_keys(tree) -> set[str]:
    """Normalised texts of the page's links (of three words or more)."""
    keys = set()
    for node in tree.iter("a"):
        key = " ".join(_key(node.text_content()))
        if key.count(" ") >= 2:
            keys.add(key)
    return keys


def _nwords(paras: list[str]) -> int:
    return sum(len(p.split()) for p in paras)


def _key(p: str) -> list[str]:
    return re.findall(r"\w+", p.lower())


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def _merge(precise: list[str], default: list[str]) -> list[str]:
    """Precision-mode paragraphs, completed from the default reading of the same page.

    Precision mode sometimes drops a link's text inside a sentence, a short paragraph between
    two others, or the dateline paragraph at the top. Paragraphs of the default reading are
    aligned to the precise ones; a precise paragraph that is the default one with words left
    out is replaced by it; prose paragraphs of the default reading that stand between two
    aligned ones are put back, and so is one that opens with a dateline just before the first.
    """
    if not precise or not default:
        return precise
    dkeys = [_key(d) for d in default]
    pos: list[int | None] = []
    start = 0
    for p in precise:
        pk = _key(p)
        found = None
        for j in range(start, len(default)):
            dk = dkeys[j]
            if dk == pk or (
                pk and len(dk) <= 1.3 * len(pk) + 12 and dk[:3] == pk[:3] and dk[-3:] == pk[-3:]
                and _is_subsequence(pk, dk)
            ):
                found = j
                break
        pos.append(found)
        if found is not None:
            start = found + 1
    matched = [(i, j) for i, j in enumerate(pos) if j is not None]
    if len(matched) < max(2, len(precise) // 2):
        return precise
    out: list[str] = []
    first_j = matched[0][1]
    if first_j > 0:
        lead = default[first_j - 1]
        place, agency, _ = split_dateline(lead)
        if (place or agency) and is_prose(lead) and not is_furniture(lead):
            out.append(lead)
    prev_j = None
    for i, p in enumerate(precise):
        j = pos[i]
        if j is not None:
            if prev_j is not None:
                for g in default[prev_j + 1:j]:
                    if is_prose(g) and not is_furniture(g) and not is_marker(g):
                        out.append(g)
            out.append(default[j])
            prev_j = j
        else:
            out.append(p)
    return out


def _read_body(page: str, tree, url: str | None) -> tuple[dict, list[str], object]:
    """(trafilatura's metadata, the body paragraphs, the page tree without hidden elements).

    One precision-mode extraction per page: paragraphs it dropped between two it kept come
    back from the page's own blocks; only a short result (a short article thrown out whole)
    pays for a second, default-mode reading; an article split over several body containers
    is read container by container.
    """
    work = None
    if tree is not None:
        work = copy.deepcopy(tree)
        _strip_hidden(work)
    # trafilatura prunes the tree it is given: it reads a copy, ``work`` stays whole.
    source = (lambda: copy.deepcopy(work)) if work is not None else (lambda: page)
    meta = _as_dict(_extract(source(), url, with_metadata=True, favor_precision=True))
    paras = _paragraphs(meta.get("text"))
    if _nwords(paras) < 60:
        fallback = _as_dict(_extract(source(), url))
        default_paras = _paragraphs(fallback.get("text"))
        if _nwords(default_paras) > max(2 * _nwords(paras), 20):
            # the body fields follow the reading kept (body, commentsbody: lxml elements, never truth-tested)
            meta = {**fallback, **{k: v for k, v in meta.items() if k not in _BODY_FIELDS and v}}
            paras = default_paras
    if work is None:
        return meta, paras, None
    paras = _merge(paras, _dom_paragraphs(work))
    for chunked in _chunked_readings(work, url):
        if _nwords(chunked) > 1.3 * _nwords(paras) + 20:
            have = set(_key(" ".join(chunked)))
            if sum(1 for w in _key(" ".join(paras)) if w in have) >= 0.8 * max(1, _nwords(paras)):
                return meta, chunked, work
    return meta, paras, work


def _fill_metadata(doc: CleanDoc, meta: dict, tree, url: str | None) -> str | None:
    """Title, author, date, url, language, site and captions; returns the on-page H1."""
    doc.site_name = meta.get("sitename") or (_meta(tree, "og:site_name") if tree is not None else None) \
        or meta.get("hostname")
    meta_title = meta.get("title") or (_meta(tree, "og:title") if tree is not None else None)
    h1 = _h1(tree, meta_title, doc.site_name) if tree is not None else None
    doc.title = _title(meta_title, h1, doc.site_name)
    doc.author = meta.get("author")
    doc.published = _published(tree, meta.get("date"))
    doc.url = meta.get("url") or url
    doc.language = _language(tree, meta.get("language"))
    doc.captions = _captions(tree) if tree is not None else []
    return h1


def _split_captions(paras: list[str], doc: CleanDoc) -> list[str]:
    """Caption paragraphs out of the body: those of caption elements, and those that announce
    themselves ("... (AP Photo/Jane Doe)", "Photo: ...")."""
    kept = []
    for p in paras:
        if _is_caption_para(p, doc.captions):
            continue
        if len(p.split()) <= 60 and is_caption_line(p):
            if p not in doc.captions:
                doc.captions.append(p)
        else:
            kept.append(p)
    return kept


def _drop_top_matter(paras: list[str], doc: CleanDoc, h1: str | None) -> list[str]:
    """The headline repeated, then a byline or a date stamp above the story."""
    while paras and (same_text(paras[0], doc.title) or same_text(paras[0], h1)):
        paras.pop(0)
    paras = _split_captions(paras, doc)
    for _ in range(3):
        if not paras:
            break
        m = BYLINE.match(paras[0]) if len(paras[0].split()) <= 14 else None
        if m:
            doc.author = doc.author or m.group("name").strip()
            paras.pop(0)
        elif TEXT_FURNITURE.match(paras[0]):
            paras.pop(0)
        else:
            break
    return paras


def _is_standfirst(paras: list[str]) -> bool:
    """A standfirst under the headline: one short line with no sentence end, then the story."""
    return len(paras) >= 3 and is_headline_like(paras[0]) and not SENTENCE_END.search(paras[0]) \
        and len(paras[0].split()) >= 6 and not re.search(r"[:|]", paras[0]) \
        and is_prose(paras[1]) and bool(re.match(r"[\"“‘'(]?[A-Z0-9]", paras[1])) \
        and not any(split_dateline(paras[0])[:2])


def _take_dateline(paras: list[str], doc: CleanDoc) -> list[str]:
    if not paras:
        return paras
    place, agency, rest = split_dateline(paras[0])
    if place or agency:
        doc.dateline, doc.agency = place, agency
        paras[0] = rest
    elif len(paras) > 1 and len(paras[0]) <= 60:
        # The dateline in an element of its own: "<span>KABUL (AP) —</span><p>..."
        place, agency, rest = split_dateline(f"{paras[0]} {paras[1]}")
        if (place or agency) and rest == paras[1]:
            doc.dateline, doc.agency = place, agency
            paras.pop(0)
    return paras


def clean_html(page: str, url: str | None = None) -> CleanDoc:
    doc = CleanDoc()
    tree = _parse(page)
    meta, paras, work = _read_body(page, tree, url)
    if not meta and tree is None:
        return doc
    h1 = _fill_metadata(doc, meta, tree, url)
    paras = _drop_top_matter(paras, doc, h1)
    if work is not None:
        # A paragraph that is one link's whole text is a pointer to another page.
        links = _link_keys(work)
        paras = [p for p in paras if not (" ".join(_key(p)) in links and is_headline_like(p))]
    paras = drop_duplicates(strip_trailer(strip_furniture(paras)))
    if _is_standfirst(paras):
        paras.pop(0)
    paras = _take_dateline(paras, doc)
    doc.body = "\n\n".join(p for p in paras if p)
    settle_language(doc, doc.language)  # the body's language wins over the page's
    if doc.site_name and re.match(r"^https?://", doc.site_name):
        doc.site_name = re.sub(r"^https?://(?:www\.)?", "", doc.site_name).strip("/")
    return doc
