#!/usr/bin/env python3
"""Incident linking on a dev set without a warehouse: fast iteration and an error list.

    .venv/bin/newsetl extract --jsonl ../shared/eval/dev/incidents_gva/*.json > /tmp/x.jsonl
    .venv/bin/python scripts/dev/incidents_dev.py /tmp/x.jsonl ../shared/eval/dev/incidents_gva_dev_gold.json [--errors]

Builds each article's report (etl.incidents.evidence), links the reports as the loader does
(etl.incidents.scoring: connected components of the linked pairs), chooses the incidents'
figures (etl.incidents.figures) and prints the metrics of score_incidents.py (pair P/R/F1,
incident and date accuracy, killed/injured ratios); --errors lists split and merged gold
incidents and wrong figures with each report's evidence.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations

from etl.incidents.evidence import report_of
from etl.incidents.figures import incident_figures
from etl.incidents.scoring import linked, score
from etl.load import parse_published
from etl.models import Article, Casualty, CleanDoc, Entity

_CASUALTY = set(Casualty.__dataclass_fields__)


def article_of(d: dict) -> Article:
    doc = CleanDoc(title=d.get("title"), published=d.get("published"), url=d.get("url"), body=d.get("body") or "")
    ents = [Entity(e["name"], e["type"], [tuple(o) for o in e.get("offsets", [])], e.get("country_code"),
                   place_country=e.get("place_country"), place_admin1=e.get("place_admin1"))
            for e in d.get("entities", [])]
    cas = [Casualty(**{k: v for k, v in c.items() if k in _CASUALTY}) for c in d.get("casualties", [])]
    return Article(d["source_path"], "", "html", doc, ents, [], cas)


def components(reports: dict[str, object]) -> dict[str, int]:
    keys = sorted(reports)
    parent = {k: k for k in keys}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k
    for a, b in combinations(keys, 2):
        if linked(reports[a], reports[b]):
            parent[find(a)] = find(b)
    roots = {}
    return {k: roots.setdefault(find(k), len(roots)) for k in keys}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("jsonl")
    ap.add_argument("gold")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    gold = json.load(open(args.gold))
    reports = {}
    for line in open(args.jsonl):
        d = json.loads(line)
        if d.get("url") in gold:
            r = report_of(article_of(d), parse_published(d.get("published")))
            if r is not None:
                reports[d["url"]] = r
    inc = components(reports)
    members = defaultdict(list)
    for u, i in inc.items():
        members[i].append(reports[u])
    figs = {i: incident_figures(rs) for i, rs in members.items()}
    dates = {i: Counter(r.day for r in rs if r.day).most_common(1) for i, rs in members.items()}
    urls = sorted(gold)
    tp = npred = ngold = 0
    for a, b in combinations(urls, 2):
        sg = gold[a]["incident"] == gold[b]["incident"]
        sp = a in inc and b in inc and inc[a] == inc[b]
        tp += sg and sp
        npred += sp
        ngold += sg
    p, r = tp / max(1, npred), tp / max(1, ngold)
    gmem = defaultdict(list)
    for u in urls:
        gmem[gold[u]["incident"]].append(u)
    acc = dacc = 0
    errors = []
    for gid, us in gmem.items():
        votes = Counter(inc[u] for u in us if u in inc)
        if not votes:
            errors.append(("uncovered", gid, us))
            continue
        best = votes.most_common(1)[0][0]
        g = gold[us[0]]
        ok = (figs[best]["killed"] or 0) == g["killed"] and (figs[best]["injured"] or 0) == g["injured"]
        acc += ok
        d = dates[best][0][0] if dates[best] else None
        dacc += d is not None and abs((d - __import__("datetime").date.fromisoformat(g["date"])).days) <= 1
        if len(votes) > 1:
            errors.append(("split", gid, us))
        elif len(members[best]) > len(us):
            errors.append(("merged", gid, us))
        if not ok:
            errors.append(("figure", gid, us))
    held = set(inc.values())
    pk = sum(figs[i]["killed"] or 0 for i in held)
    pi = sum(figs[i]["injured"] or 0 for i in held)
    gk = sum(gold[us[0]]["killed"] for us in gmem.values())
    gi = sum(gold[us[0]]["injured"] for us in gmem.values())
    print(f"reports {len(reports)}/{len(urls)} pair P {p:.3f} R {r:.3f} F1 {2*p*r/max(1e-9,p+r):.3f} "
          f"incident_acc {acc/len(gmem):.3f} date_acc {dacc/len(gmem):.3f} "
          f"killed {pk/gk:.3f} injured {pi/gi:.3f} incidents {len(held)}")
    if args.errors:
        for kind, gid, us in errors:
            g = gold[us[0]]
            print(f"\n## {kind} {gid} {g['date']} {g['city']}, {g['state']} k={g['killed']} i={g['injured']}")
            for u in us:
                rp = reports.get(u)
                if rp is None:
                    print(f"   - {u} (no report)")
                    continue
                others = [score(rp, reports[v]) for v in us if v != u and v in reports]
                print(f"   [{inc[u]}] {rp.event_date} pub={rp.published.date() if rp.published else None} "
                      f"{rp.admin1} {rp.place!r} fig={rp.figures} hedged={rp.hedged} "
                      f"scores={[round(s, 1) for s in others]} places={rp.places[:6]} names={rp.names[:4]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
