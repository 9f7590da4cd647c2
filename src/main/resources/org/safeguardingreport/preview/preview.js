// The preview page: every piece of text from the report or its files goes in through textContent.
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('t') || '';
  var q = token ? '?t=' + encodeURIComponent(token) : '';
  var wanted = {};         // page number -> version the server has
  var shown = {};          // page number -> version on screen (or loading)
  var zoom = 1;
  var last = null;
  var buildStarted = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function goTo(n) {
    var p = document.getElementById('page-' + n);
    if (!p) { return; }
    p.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -48);
    document.querySelectorAll('.page.target').forEach(function (x) { x.classList.remove('target'); });
    p.classList.add('target');
    load(p);
    // the address names the page: a reload opens it again
    if (location.hash !== '#page-' + n) { history.replaceState(null, '', '#page-' + n); }
  }

  // #page-N in the address goes to that page, once the pages are there
  var hashPending = true;
  function fromHash() {
    var m = /^#page-([1-9][0-9]*)$/.exec(location.hash);
    if (m && document.getElementById('page-' + m[1])) { goTo(Number(m[1])); hashPending = false; }
  }
  window.addEventListener('hashchange', fromHash);

  function pageLink(n, text) {
    var a = el('a', 'page-link', text || n);
    a.href = '#page-' + n;
    a.addEventListener('click', function (ev) { ev.preventDefault(); goTo(n); });
    return a;
  }

  // A page's picture is fetched when the page is on screen or near it; a new version replaces the
  // old one only once loaded: no flash, no jump.
  function load(div) {
    var n = div.dataset.n;
    var v = wanted[n];
    if (!v || shown[n] === v) { return; }
    shown[n] = v;
    var next = new Image();
    next.onload = function () {
      if (wanted[n] !== v) { return; }
      var img = div.querySelector('img');
      img.src = next.src;
      img.dataset.v = v;
    };
    next.onerror = function () { if (shown[n] === v) { delete shown[n]; } };
    next.src = 'page/' + n + '.png' + q + (q ? '&' : '?') + 'v=' + encodeURIComponent(v);
  }

  var near = new Set();
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { near.add(e.target); load(e.target); } else { near.delete(e.target); }
    });
  }, { rootMargin: '1200px 0px' });

  function renderPages(s) {
    var box = document.getElementById('pages');
    var want = s.pages || [];
    Array.prototype.slice.call(box.children).forEach(function (div) {
      if (Number(div.dataset.n) > want.length) {
        observer.unobserve(div); near.delete(div);
        box.removeChild(div); delete shown[div.dataset.n]; delete wanted[div.dataset.n];
      }
    });
    want.forEach(function (p) {
      var div = document.getElementById('page-' + p.n);
      if (!div) {
        div = el('div', 'page');
        div.id = 'page-' + p.n;
        div.dataset.n = p.n;
        div.appendChild(el('span', 'num', p.n));
        var img = el('img');
        img.alt = 'Page ' + p.n + ' of the report';
        div.appendChild(img);
        box.appendChild(div);
        observer.observe(div);
      }
      div.style.width = Math.round(p.w * zoom) + 'px';
      div.style.height = Math.round(p.h * zoom) + 'px';
      wanted[p.n] = p.v;
    });
    near.forEach(load);
  }

  function source(x) {
    var pre = el('pre', 'source');
    var first = x.source.first;
    x.source.lines.forEach(function (line, i) {
      var row = el('span', first + i === x.line ? 'line at' : 'line', String(first + i).padStart(4, ' ') + '  ' + line);
      pre.appendChild(row);
      pre.appendChild(document.createTextNode('\n'));
    });
    return pre;
  }

  function renderSide(s) {
    var c = document.getElementById('contents');
    c.replaceChildren();
    (s.contents || []).forEach(function (e) {
      var li = el('li');
      var a = el('a', null, e.title);
      a.href = '#page-' + e.page;
      a.addEventListener('click', function (ev) { ev.preventDefault(); goTo(e.page); });
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', 'where', 'p. ' + e.page));
      c.appendChild(li);
    });
    var d = document.getElementById('diagnostics');
    d.replaceChildren();
    var errors = 0, warnings = 0;
    (s.diagnostics || []).forEach(function (x) {
      if (x.severity === 'error') { errors++; } else { warnings++; }
      var li = el('li', 'diag ' + (x.severity || ''));
      li.tabIndex = 0;
      var where = (x.file || '') + (x.line ? ':' + x.line + ':' + (x.column || 1) : '');
      li.appendChild(el('span', 'where', where + (where ? ': ' : '') + (x.severity || '') + ': '));
      li.appendChild(el('span', 'message', x.message));
      if (x.hint) { li.appendChild(el('div', 'hint', 'hint: ' + x.hint)); }
      var extra = null;
      if (x.page) {
        li.appendChild(el('div', 'where', 'on page ' + x.page));
      } else if (x.source) {
        extra = source(x);
        extra.hidden = true;
        li.appendChild(extra);
      }
      var open = function () {
        document.querySelectorAll('.diag.selected').forEach(function (o) { o.classList.remove('selected'); });
        li.classList.add('selected');
        if (x.page) { goTo(x.page); } else if (extra) { extra.hidden = false; }
      };
      li.addEventListener('click', open);
      li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { open(); } });
      d.appendChild(li);
    });
    document.getElementById('count').textContent = '(' + errors + ' errors, ' + warnings + ' warnings)';
    var au = document.getElementById('audit');
    au.replaceChildren();
    (s.audit || []).forEach(function (g) {
      au.appendChild(el('h3', null, 'Standard ' + g.standard + ': ' + g.title));
      var ul = el('ul', 'questions');
      g.rows.forEach(function (r) {
        var li = el('li', r.gap ? 'question gap' : 'question');
        li.id = 'q-' + r.id;
        li.appendChild(el('span', 'qid', r.id + ' '));
        li.appendChild(el('span', 'qtext', r.text));
        var ans = el('div', 'answer');
        ans.appendChild(el('strong', null, r.answer || 'Not answered'));
        if (r.comment) { ans.appendChild(document.createTextNode(' — ' + r.comment)); }
        li.appendChild(ans);
        var see = el('div', 'see');
        if (r.pages.length) {
          see.appendChild(document.createTextNode(r.pages.length > 1 ? 'See pages ' : 'See page '));
          r.pages.forEach(function (n, i) {
            if (i > 0) { see.appendChild(document.createTextNode(', ')); }
            see.appendChild(pageLink(n));
          });
        } else {
          see.textContent = r.gap ? 'No evidence provided' : 'No evidence marked in the report';
        }
        li.appendChild(see);
        ul.appendChild(li);
      });
      au.appendChild(ul);
    });
  }

  function renderState(s) {
    var st = document.getElementById('state');
    st.className = 'state ' + s.status;
    if (s.status === 'building') {
      if (!buildStarted) { buildStarted = Date.now(); }
      var secs = Math.floor((Date.now() - buildStarted) / 1000);
      st.textContent = 'building: ' + (s.stage || '') + '…' + (secs >= 1 ? ' (' + secs + ' s)' : '');
    } else if (s.status === 'built') {
      buildStarted = null;
      var t = s.timings || {};
      var shownAfter = t['first look (at ms)'] || t.pagesMillis;
      st.textContent = 'built in ' + s.millis + ' ms (' + s.pageCount + ' pages'
        + (shownAfter ? ', ' + (t['first look (at ms)'] ? 'changed pages' : 'pages') + ' shown after ' + shownAfter + ' ms' : '')
        + ')';
    } else {
      buildStarted = null;
      st.textContent = 'failed: see the messages' + (s.stale ? ' (pages out of date)' : '');
    }
    document.body.classList.toggle('stale', !!s.stale);
  }

  function show(s) {
    last = s;
    renderState(s);
    if ((s.pages || []).length && !s.stale) {
      renderPages(s);
      if (hashPending) { hashPending = false; fromHash(); }
    }
    if (s.status !== 'building') {
      renderSide(s);
      if (s.status === 'failed' && (s.diagnostics || []).length) { select('messages-panel'); }
    }
  }

  function select(panel) {
    document.querySelectorAll('.tabs button').forEach(function (b) {
      var on = b.dataset.panel === panel;
      b.setAttribute('aria-selected', String(on));
      document.getElementById(b.dataset.panel).hidden = !on;
    });
  }
  document.querySelectorAll('.tabs button').forEach(function (b) {
    b.addEventListener('click', function () { select(b.dataset.panel); });
  });

  // #audit or #messages in the address opens that list
  if (location.hash === '#audit') { select('audit-panel'); }
  if (location.hash === '#messages') { select('messages-panel'); }

  function refresh() {
    fetch('state' + q, { cache: 'no-store' }).then(function (r) { return r.json(); }).then(show);
  }

  // the elapsed time of a long build, counted on screen between the server's stages
  setInterval(function () { if (last && last.status === 'building') { renderState(last); } }, 1000);

  document.getElementById('zoom').addEventListener('change', function (ev) {
    zoom = Number(ev.target.value) || 1;
    if (last) { renderPages(last); }
  });
  document.getElementById('pdf').href = 'report.pdf' + q;
  document.getElementById('word').href = 'annual-report.docx' + q;
  document.getElementById('word-audit').href = 'audit.docx' + q;

  var events = new EventSource('events' + q);
  ['hello', 'building', 'built', 'failed'].forEach(function (name) {
    events.addEventListener(name, function (ev) {
      try { show(JSON.parse(ev.data)); } catch (e) { refresh(); }
    });
  });
  // a build moving on: its status and stage alone
  events.addEventListener('stage', function (ev) {
    try {
      var x = JSON.parse(ev.data);
      if (last) { last = Object.assign({}, last, { status: x.status, stage: x.stage }); renderState(last); }
    } catch (e) { refresh(); }
  });
  refresh();
}());
