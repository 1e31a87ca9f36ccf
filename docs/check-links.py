#!/usr/bin/env python3
"""Checks every relative link and #anchor (GitHub heading slugs) in the given Markdown files:

    python3 docs/check-links.py README.md docs/*.md cron/README.md reports/README.md
"""
import os, re, sys, unicodedata

def slugs(path):
    out, seen, fence = set(), {}, False
    for line in open(path, encoding='utf-8'):
        if line.lstrip().startswith('```'):
            fence = not fence
            continue
        if fence:
            continue
        m = re.match(r'^(#{1,6})\s+(.*?)\s*#*\s*$', line)
        if not m:
            continue
        text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', m.group(2))
        text = text.replace('`', '').lower()
        slug = ''.join(c for c in text if c in ' -_' or unicodedata.category(c)[0] in 'LMN')
        slug = slug.replace(' ', '-')
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f'{slug}-{n}')
    return out

bad = 0
for f in sys.argv[1:]:
    text = open(f, encoding='utf-8').read()
    # drop fenced code blocks and inline code
    text = re.sub(r'```.*?```', '', text, flags=re.S)
    text = re.sub(r'`[^`\n]*`', '', text)
    for target in re.findall(r'\]\(([^)\s]+)\)', text):
        if re.match(r'^[a-z]+://', target) or target.startswith('mailto:'):
            continue
        path, _, anchor = target.partition('#')
        dest = os.path.normpath(os.path.join(os.path.dirname(f), path)) if path else f
        if not os.path.exists(dest):
            print(f'{f}: missing file: {target}'); bad += 1; continue
        if anchor:
            if not dest.endswith('.md'):
                print(f'{f}: anchor into non-Markdown: {target}'); bad += 1; continue
            if anchor not in slugs(dest):
                print(f'{f}: missing anchor: {target}'); bad += 1
print(f'{bad} broken link(s)')
sys.exit(1 if bad else 0)
