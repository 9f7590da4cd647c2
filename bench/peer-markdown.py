#!/usr/bin/env python3
"""The peer pipeline's input: a bundle's narrative as one Markdown file, in the template's order,
with figures replaced by their values (as the report prints them), ratings by their words, chart
lines and evidence markers removed, and front matter dropped.

    bench/peer-markdown.py BUNDLE TEMPLATE_JSON OUT.md
"""
import json
import os
import re
import sys

bundle, template_json, out = sys.argv[1:4]
report = json.load(open(os.path.join(bundle, "report.json")))
year = report["reportingYear"].replace("/", "-")
data = json.load(open(os.path.join(bundle, "data", year + ".json")))
order = [s["id"] for s in json.load(open(template_json))["sections"]]
narrative = os.path.join(bundle, "narrative")
files = [f[:-3] for f in sorted(os.listdir(narrative)) if f.endswith(".md")]
ids = [i for i in order if i in files] + [f for f in files if f not in order]


def value(measure, period):
    v = data["annual"].get(measure) if period == "year" else data["quarters"].get(period, {}).get(measure)
    if v is None:
        return None
    if isinstance(v, dict):
        return None if v["denominator"] == 0 else v["numerator"] / v["denominator"] * 100
    return v


def figure(m):
    measure, period, rag = m.group(1), m.group(2), m.group(3)
    v = value(measure, period)
    if v is None:
        return "\u2014"
    if rag:
        return "Green" if v >= 90 else "Amber" if v >= 76 else "Red"
    return f"{v:.1f}%" if isinstance(v, float) else str(v)


text = []
for i in ids:
    md = open(os.path.join(narrative, i + ".md"), encoding="utf-8-sig").read()
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)
    md = re.sub(r"^\{\{chart [^}]*\}\}\s*$", "", md, flags=re.M)
    md = re.sub(r"\{\{([a-z0-9-]+)@(Q[1-4]|year)( rag)?\}\}", figure, md)
    md = re.sub(r"\s*\{audit=[^}]*\}", "", md)
    text.append("# " + i.replace("-", " ").capitalize() + "\n\n" + md.strip() + "\n")
open(out, "w", encoding="utf-8").write("\n".join(text))
