#!/usr/bin/env python3
"""A bundle of about TARGET words: the shortest generated provider, with the same sections of the
next shortest appended while that brings the narrative closer to the target (the data and audit stay the first's).

    bench/grow-bundle.py PROVIDERS_DIR TARGET_WORDS OUT
"""
import os
import re
import shutil
import sys

src, target, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def count(folder):
    return sum(len(open(os.path.join(folder, f), encoding="utf-8").read().split())
               for f in os.listdir(folder) if f.endswith(".md"))


providers = sorted((p for p in os.listdir(src) if os.path.isdir(os.path.join(src, p))),
                   key=lambda p: (count(os.path.join(src, p, "narrative")), p))
shutil.copytree(os.path.join(src, providers[0]), out)
narrative = os.path.join(out, "narrative")


def words():
    return count(narrative)


for p in providers[1:]:
    have, more = words(), count(os.path.join(src, p, "narrative"))
    if abs(have + more - target) >= abs(have - target):
        break
    other = os.path.join(src, p, "narrative")
    for f in sorted(os.listdir(other)):
        mine = os.path.join(narrative, f)
        if f.endswith(".md") and os.path.exists(mine):
            text = open(os.path.join(other, f), encoding="utf-8").read()
            text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
            with open(mine, "a", encoding="utf-8") as w:
                w.write("\n\n" + text)
print(words())
