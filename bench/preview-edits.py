#!/usr/bin/env python3
"""Drives a running preview: edits one section file N times and times, for each save, the event
that announces the new pages (the first look, when only a few pages changed, or else the saved
pages), the serving of the pages that changed, and the "built" event (the audit's citations and the
messages). Prints median and p95.
   preview-edits.py ADDRESS SECTION_FILE N       (EDIT_AT=middle: the sentence goes halfway down the section)"""
import http.client, json, re, statistics, sys, threading, time, urllib.request

address, section, n = sys.argv[1], sys.argv[2], int(sys.argv[3])  # -v after them: each edit's figures
where = __import__('os').environ.get('EDIT_AT', 'end')   # end: the sentence ends the section; middle: halfway down
m = re.match(r'http://127\.0\.0\.1:(\d+)/\?t=(\S+)', address)
port, token = int(m.group(1)), m.group(2)
events, lock = [], threading.Lock()


def listen():
    c = http.client.HTTPConnection('127.0.0.1', port)
    c.request('GET', '/events?t=' + token)
    r = c.getresponse()
    name, data = None, ''
    while True:
        line = r.readline().decode()
        if not line:
            return
        if line.startswith('event: '):
            name, data, at = line.strip()[7:], '', time.monotonic()
        elif line.startswith('data: '):
            data += line[6:]
        elif line.strip() == '' and name and data:
            with lock:
                events.append((at, name, json.loads(data)))
            name, data = None, ''


def event_after(t0, test, timeout=60):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with lock:
            for e in events:
                if e[0] > t0 and test(e):
                    return e
        time.sleep(0.002)
    raise SystemExit('no such event within %d s' % timeout)


threading.Thread(target=listen, daemon=True).start()
# the first build: wait until the pages are there
while True:
    s = json.loads(urllib.request.urlopen('http://127.0.0.1:%d/state?t=%s' % (port, token)).read())
    if s['status'] == 'built':
        break
    time.sleep(0.2)
versions = {p['n']: p['v'] for p in s['pages']}
# the nurse reads the first pages for a few seconds before her first edit (the server warms up meanwhile:
# twelve unseen builds, about 14 s on two cores)
time.sleep(float(__import__('os').environ.get('READ_SECONDS', '14')))
base = open(section, encoding='utf-8').read()
to_event, to_pages, to_built = [], [], []
try:
    for i in range(n):
        time.sleep(1.0)
        t0 = time.monotonic()
        sentence = 'Edit %d of the preview benchmark, one sentence more.' % i
        with open(section, 'w', encoding='utf-8') as f:
            if where == 'middle':
                # between two paragraphs halfway down the section: its later pages move too
                cut = base.find('\n\n', len(base) // 2)
                f.write(base[:cut] + '\n\n' + sentence + base[cut:] if cut > 0 else base + '\n\n' + sentence + '\n')
            else:
                f.write(base + '\n\n' + sentence + '\n')
        # the update: the first event whose pages differ from those shown (or a failure)
        e = event_after(t0, lambda e: e[1] == 'failed' or (e[2].get('pages') and not e[2]['stale']
                        and {p['n']: p['v'] for p in e[2]['pages']} != versions))
        changed = [p['n'] for p in e[2]['pages'] if versions.get(p['n']) != p['v']]
        versions = {p['n']: p['v'] for p in e[2]['pages']}
        for page in changed:
            urllib.request.urlopen('http://127.0.0.1:%d/page/%d.png?t=%s' % (port, page, token)).read()
        t2 = time.monotonic()
        b = event_after(t0, lambda e: e[1] in ('built', 'failed'))
        to_event.append((e[0] - t0) * 1000)
        to_pages.append((t2 - t0) * 1000)
        to_built.append((b[0] - t0) * 1000)
        if '-v' in sys.argv:
            print('edit %d: update event %.0f ms, changed pages %s served at %.0f ms, built event %.0f ms; server %s'
                  % (i, (e[0] - t0) * 1000, changed, (t2 - t0) * 1000, (b[0] - t0) * 1000, b[2].get('timings')), flush=True)
finally:
    with open(section, 'w', encoding='utf-8') as f:
        f.write(base)


def p95(xs):
    xs = sorted(xs)
    return xs[max(0, int(round(0.95 * len(xs))) - 1)]


print('| measure (%d edits) | median (ms) | p95 (ms) |' % n)
print('|---|---:|---:|')
print('| save to update event (new pages announced) | %.0f | %.0f |' % (statistics.median(to_event), p95(to_event)))
print('| save to changed page images served | %.0f | %.0f |' % (statistics.median(to_pages), p95(to_pages)))
print('| save to "built" event (audit citations and messages) | %.0f | %.0f |' % (statistics.median(to_built), p95(to_built)))
