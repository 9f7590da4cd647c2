// The preview page: every piece of text from the report or its files goes in through textContent.
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('t') || '';
  var q = token ? '?t=' + encodeURIComponent(token) : '';
  var shown = {};          // page number -> version shown
  var zoom = 1;
  var last = null;

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
  }

  function pageLink(n) {
    var a = el('a', null, n);
    a.href = '#page-' + n;
    a.addEventListener('click', function (ev) { ev.preventDefault(); goTo(n); });
    return a;
  }

  function renderPages(s) {
    var box = document.getElementById('pages');
    var want = s.pages || [];
    // drop pages beyond the new count
    Array.prototype.slice.call(box.children).forEach(function (div) {
      if (Number(div.dataset.n) > want.length) { box.removeChild(div); delete shown[div.dataset.n]; }
    });
    want.forEach(function (p) {
      var div = document.getElementById('page-' + p.n);
      if (!div) {
        div = el('div', 'page');
        div.id = 'page-' + p.n;
        div.dataset.n = p.n;
        div.appendChild(el('span', 'num', p.n));
        var img = el('img');
        img.alt = 'Page ' + p.n;
        div.appendChild(img);
        box.appendChild(div);
      }
      div.style.width = Math.round(p.w * zoom) + 'px';
      div.style.height = Math.round(p.h * zoom) + 'px';
      if (shown[p.n] !== p.v) {
        // the new image replaces the old one only once loaded: no flash, no jump
        var next = new Image();
        next.onload = function () {
          var img = div.querySelector('img');
          img.src = next.src;
        };
        next.src = 'page/' + p.n + '.png' + q + (q ? '&' : '?') + 'v=' + encodeURIComponent(p.v);
        shown[p.n] = p.v;
      }
    });
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
      var where = (x.file || '') + (x.line ? ':' + x.line + ':' + (x.column || 1) : '');
      li.appendChild(el('span', 'where', where + (where ? ': ' : '') + (x.severity || '') + ': '));
      li.appendChild(el('span', 'message', x.message));
      if (x.hint) { li.appendChild(el('div', 'hint', 'hint: ' + x.hint)); }
      if (x.page) {
        li.appendChild(el('div', 'where', 'page ' + x.page));
        li.addEventListener('click', function () { goTo(x.page); });
      }
      d.appendChild(li);
    });
    document.getElementById('count').textContent = '(' + errors + ' errors, ' + warnings + ' warnings)';
    var ci = document.getElementById('citations');
    ci.replaceChildren();
    Object.keys(s.citations || {}).forEach(function (question) {
      var li = el('li', null, question + ': see page ');
      s.citations[question].forEach(function (n, i) {
        if (i > 0) { li.appendChild(document.createTextNode(', ')); }
        li.appendChild(pageLink(n));
      });
      ci.appendChild(li);
    });
  }

  function renderState(s) {
    var st = document.getElementById('state');
    st.className = 'state ' + s.status;
    if (s.status === 'building') {
      st.textContent = 'building…';
    } else if (s.status === 'built') {
      st.textContent = 'built in ' + s.millis + ' ms (' + s.pageCount + ' pages)';
    } else {
      st.textContent = 'failed: see the messages' + (s.stale ? ' (pages out of date)' : '');
    }
    document.body.classList.toggle('stale', !!s.stale);
  }

  function show(s) {
    last = s;
    renderState(s);
    if (s.status !== 'building') {
      renderPages(s);
      renderSide(s);
    }
  }

  function refresh() {
    fetch('state' + q, { cache: 'no-store' }).then(function (r) { return r.json(); }).then(show);
  }

  document.getElementById('zoom').addEventListener('change', function (ev) {
    zoom = Number(ev.target.value) || 1;
    if (last) { renderPages(last); }
  });
  document.getElementById('pdf').href = 'report.pdf' + q;

  var events = new EventSource('events' + q);
  ['hello', 'building', 'built', 'failed'].forEach(function (name) {
    events.addEventListener(name, function (ev) {
      try { show(JSON.parse(ev.data)); } catch (e) { refresh(); }
    });
  });
  refresh();
}());
