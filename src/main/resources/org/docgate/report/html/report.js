(function () {
  'use strict';
  // Renders, filters and pages the findings table from the JSON block. Every value from documents goes through
  // textContent or a checked href, never through innerHTML. Filter state lives in the URL hash
  // (#rule=links/missing-file&severity=error&validator=links&path=install/&page=2), so a view can be linked.
  var PAGE_SIZE = 100;
  var KEYS = ['rule', 'severity', 'validator', 'path'];
  var SAFE_HREF = /^(https?:|file:|\/(?!\/)|\.\.?\/)/i;
  var $ = function (id) { return document.getElementById(id); };
  document.documentElement.className += ' js';
  var findings = JSON.parse($('findings-data').textContent);
  var body = $('findings-body');
  var controls = { rule: $('f-rule'), severity: $('f-severity'), validator: $('f-validator'), path: $('f-path') };
  var state = blank();

  function blank() { return { rule: '', severity: '', validator: '', path: '', page: 1 }; }

  function decode(s) {
    try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; }
  }

  function fromHash() {
    var s = blank();
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      if (!pair) { return; }
      var i = pair.indexOf('=');
      var key = decode(i < 0 ? pair : pair.slice(0, i));
      var value = i < 0 ? '' : decode(pair.slice(i + 1));
      if (key === 'page') { s.page = Math.max(1, parseInt(value, 10) || 1); }
      else if (KEYS.indexOf(key) >= 0) { s[key] = value; }
    });
    return s;
  }

  function toHash() {
    var parts = [];
    KEYS.forEach(function (k) {
      if (state[k]) { parts.push(k + '=' + encodeURIComponent(state[k]).replace(/%2F/g, '/')); }
    });
    if (state.page > 1) { parts.push('page=' + state.page); }
    var url = location.pathname + location.search + (parts.length ? '#' + parts.join('&') : '');
    try { history.replaceState(null, '', url); } catch (e) { /* file: pages in some browsers */ }
  }

  function syncControls() {
    ['rule', 'severity', 'validator'].forEach(function (k) {
      var select = controls[k];
      if (state[k] && !Array.prototype.some.call(select.options, function (o) { return o.value === state[k]; })) {
        var extra = document.createElement('option');
        extra.value = state[k];
        extra.textContent = state[k] + ' (0)';
        select.appendChild(extra);
      }
      select.value = state[k];
    });
    if (controls.path.value !== state.path) { controls.path.value = state.path; }
  }

  function matches(f) {
    if (state.rule && f.rule !== state.rule) { return false; }
    if (state.severity && f.severity !== state.severity) { return false; }
    if (state.validator && f.validator !== state.validator) { return false; }
    return !state.path || f.path.toLowerCase().indexOf(state.path.toLowerCase()) >= 0;
  }

  function cell(row, className, child) {
    var td = document.createElement('td');
    if (className) { td.className = className; }
    if (typeof child === 'string') { td.textContent = child; } else if (child) { td.appendChild(child); }
    row.appendChild(td);
    return td;
  }

  function span(className, text) {
    var s = document.createElement('span');
    s.className = className;
    s.textContent = text;
    return s;
  }

  function row(f) {
    var tr = document.createElement('tr');
    tr.className = 'finding sev-' + f.severity;
    cell(tr, null, span('badge sev-' + f.severity, f.severity));
    var where = f.path + ':' + f.line + ':' + f.column;
    var loc;
    if (f.href && SAFE_HREF.test(f.href)) {
      loc = document.createElement('a');
      loc.href = f.href;
      loc.rel = 'noopener noreferrer';
      loc.textContent = where;
    } else {
      loc = document.createTextNode(where);
    }
    cell(tr, 'loc', loc);
    var rule = document.createElement('a');
    rule.href = '#rule=' + encodeURIComponent(f.rule).replace(/%2F/g, '/');
    rule.title = 'Show only this rule';
    rule.textContent = f.rule;
    cell(tr, 'rule', rule);
    var msg = cell(tr, 'msg', f.message);
    if (f.target != null && f.message.indexOf(f.target) < 0) { msg.appendChild(span('tgt', 'target: ' + f.target)); }
    if (f.suggestion != null) { msg.appendChild(span('fix', 'fix: ' + f.suggestion)); }
    return tr;
  }

  function groupRow(cause) {
    var tr = document.createElement('tr');
    tr.className = 'group';
    var td = cell(tr, null, cause);
    td.colSpan = 4;
    return tr;
  }

  function render() {
    var shown = findings.filter(matches);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    if (state.page > pages) { state.page = pages; }
    var start = (state.page - 1) * PAGE_SIZE;
    var fragment = document.createDocumentFragment();
    var group = null;
    shown.slice(start, start + PAGE_SIZE).forEach(function (f) {
      // Findings with one root cause arrive together under the cause's header row (a missing file, a lost anchor).
      if (f.group && f.group !== group) { fragment.appendChild(groupRow(f.group)); }
      group = f.group || null;
      fragment.appendChild(row(f));
    });
    body.textContent = '';
    body.appendChild(fragment);
    $('shown-count').textContent = String(shown.length);
    $('no-match').hidden = shown.length > 0;
    $('page-info').textContent = shown.length > PAGE_SIZE
      ? '(rows ' + (start + 1) + '\u2013' + Math.min(start + PAGE_SIZE, shown.length) + ')' : '';
    $('pager-info').textContent = 'Page ' + state.page + ' of ' + pages;
    $('prev').disabled = state.page <= 1;
    $('next').disabled = state.page >= pages;
  }

  function update(fromUser) {
    if (fromUser) { toHash(); }
    syncControls();
    render();
  }

  ['rule', 'severity', 'validator'].forEach(function (k) {
    controls[k].addEventListener('change', function () { state[k] = controls[k].value; state.page = 1; update(true); });
  });
  controls.path.addEventListener('input', function () { state.path = controls.path.value; state.page = 1; update(true); });
  $('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  $('f-clear').addEventListener('click', function () { state = blank(); update(true); });
  $('prev').addEventListener('click', function () { state.page -= 1; update(true); $('findings').scrollIntoView(); });
  $('next').addEventListener('click', function () { state.page += 1; update(true); $('findings').scrollIntoView(); });
  window.addEventListener('hashchange', function () {
    state = fromHash();
    update(false);
    if (location.hash) { $('findings').scrollIntoView(); }
  });
  var started = Date.now();
  state = fromHash();
  update(false);
  // How long the first filter and render took: the browser test reads it from the DOM.
  document.documentElement.setAttribute('data-render-ms', String(Date.now() - started));
})();
