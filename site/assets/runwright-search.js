// Runwright's site search: the box in the top bar of every page of a site. On first use it loads
// MiniSearch (assets/minisearch.js) and the site's index (search-index.js), both as scripts so
// that it works from file:// as well as from any static host; it sends nothing anywhere.
//
// The index keeps every runbook's values (account, Region, ids, keys, names) once per runbook and
// the words of its pages once per kind of page (see SearchIndex.java). A result is a section of
// a page of a runbook in which every word of the query is found, either in the runbook's values
// or in that section: "reboot payments-prod" finds the reboot step of that cluster's runbook.
(function () {
  "use strict";
  var box = document.getElementById("rw-q");
  var root = document.body.getAttribute("data-rw-root");
  if (!box || root == null) { return; }
  var form = box.parentNode;
  var panel = document.getElementById("rw-hits");
  var status = panel.querySelector(".rw-hits-status");
  var list = panel.querySelector("ol");
  var SPLIT = /[^\p{L}\p{N}]+/u;
  var MAX = 40;
  var data = null, runbookIndex = null, sectionIndex = null, loading = false, timer = null;
  form.hidden = false;

  function words(text) {
    // An account in the console's grouped form (four digits, a hyphen, ...) is one word, as the
    // index has it.
    return text.replace(/\b(\d{4})-(\d{4})-(\d{4})\b/g, "$1$2$3").toLowerCase().split(SPLIT).filter(Boolean);
  }

  function loadScript(src, done, failed) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = done;
    s.onerror = failed;
    document.head.appendChild(s);
  }

  function load() {
    if (data || loading) { return; }
    loading = true;
    say("Loading the search index\u2026");
    var failed = function () { loading = false; say("The search index could not be loaded."); };
    loadScript(root + "assets/minisearch.js", function () {
      loadScript(root + "search-index.js", function () {
        build(window.RUNWRIGHT_SEARCH);
        loading = false;
        search();
      }, failed);
    }, failed);
  }

  function build(d) {
    var options = function (fields) {
      return { fields: fields, tokenize: function (t) { return t.split(SPLIT); } };
    };
    runbookIndex = new window.MiniSearch(options(["title", "terms"]));
    runbookIndex.addAll(d.runbooks.map(function (r, i) {
      return { id: i, title: r[1], terms: r[0] + " " + r[2] + " " + r[3] };
    }));
    sectionIndex = new window.MiniSearch(options(["heading", "terms"]));
    sectionIndex.addAll(d.sections.map(function (s, i) { return { id: i, heading: s[1], terms: s[2] }; }));
    data = d;
  }

  // Ids and numbers match exactly or as the start of a longer one; words also when misspelt a little.
  // In the pages' text, only the last word typed matches as a start (it may not be finished).
  function matches(index, term, prefix) {
    var exact = /\d/.test(term) || term.length < 5;
    var found = new Map();
    index.search(term, { prefix: prefix, fuzzy: exact ? false : 0.2, boost: { title: 2, heading: 2 } })
      .forEach(function (r) { found.set(r.id, r.score); });
    return found;
  }

  // Every (runbook, page) with a section in which each part of the query is found, either in the
  // section or in the runbook's values. A part is what the query has between spaces; its words
  // ("payments-prod" has two) must all be found in the same place.
  function find(query) {
    var parts = query.trim().split(/\s+/).map(words).filter(function (w) { return w.length; }).slice(0, 8);
    var terms = [], partBits = [];
    parts.forEach(function (ws) {
      var bits = 0;
      ws.forEach(function (w) { if (terms.length < 30) { bits |= 1 << terms.length; terms.push(w); } });
      partBits.push(bits);
    });
    if (!terms.length) { return null; }
    var full = (1 << parts.length) - 1;
    function found(termMask) { // the parts whose every word is in termMask
      var m = 0;
      partBits.forEach(function (bits, u) { if ((termMask & bits) === bits) { m |= 1 << u; } });
      return m;
    }
    var rbMask = new Map(), rbScore = new Map(), secMask = new Map(), secScore = new Map();
    terms.forEach(function (t, k) {
      var last = k === terms.length - 1;
      matches(runbookIndex, t, true).forEach(function (score, id) {
        rbMask.set(id, (rbMask.get(id) || 0) | (1 << k));
        rbScore.set(id, (rbScore.get(id) || 0) + score);
      });
      matches(sectionIndex, t, last).forEach(function (score, id) {
        secMask.set(id, (secMask.get(id) || 0) | (1 << k));
        secScore.set(id, (secScore.get(id) || 0) + score);
      });
    });
    var secParts = new Map(), inSections = 0;
    secMask.forEach(function (m, id) { var p = found(m); secParts.set(id, p); inSections |= p; });
    // Parts found in no section must be in the runbook's values.
    var needValues = full & ~inSections;
    var hits = [];
    data.runbooks.forEach(function (r, i) {
      var values = found(rbMask.get(i) || 0);
      if ((values & needValues) !== needValues) { return; }
      var pages = r[4], home = pages[0];
      var all = values === full;
      for (var p = 0; p < pages.length; p += 2) {
        if (data.pages[pages[p]][0] === "index.html") { home = pages[p]; }
        var best = null;
        data.shapes[pages[p + 1]].forEach(function (s, n) {
          var m = secParts.get(s) || 0;
          if ((m | values) !== full || !m || (all && n === 0)) { return; }
          var score = (secScore.get(s) || 0) + (values ? rbScore.get(i) : 0);
          if (!best || score > best.score) { best = { runbook: i, page: pages[p], section: s, score: score }; }
        });
        if (best) { hits.push(best); }
      }
      if (all) { // the values alone match: the runbook, at its overview
        hits.push({ runbook: i, page: home, section: -1, score: rbScore.get(i) * 1.5 });
      }
    });
    hits.sort(function (a, b) { return b.score - a.score || a.runbook - b.runbook || a.page - b.page; });
    return hits;
  }

  function say(text) { status.textContent = text; panel.hidden = false; }

  function close() { panel.hidden = true; }

  function render(hits, query) {
    list.textContent = "";
    panel.setAttribute("data-query", query);
    if (!hits.length) { say("No page matches \u201c" + query + "\u201d."); return; }
    say(hits.length > MAX ? "The best " + MAX + " of " + hits.length + " matches"
      : hits.length + " match" + (hits.length === 1 ? "" : "es"));
    hits.slice(0, MAX).forEach(function (h) {
      var r = data.runbooks[h.runbook];
      var page = data.pages[h.page];
      var section = h.section >= 0 ? data.sections[h.section] : null;
      var href = root + r[0] + "/" + page[0] + (section && section[0] ? "#" + section[0] : "");
      var overview = page[0] === "index.html";
      var title = section && section[1] ? section[1] : overview ? r[1] : page[1];
      var where = [r[0], section && section[1] || !overview ? page[1] : "", r[2]];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = href;
      var t = document.createElement("span");
      t.className = "rw-hit-title";
      t.textContent = title;
      var w = document.createElement("span");
      w.className = "rw-hit-where";
      w.textContent = where.filter(Boolean).join(" \u00b7 ");
      a.appendChild(t);
      a.appendChild(w);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  var shownQuery = null;
  function search() {
    var query = box.value.trim();
    if (!query) { list.textContent = ""; shownQuery = null; close(); return; }
    if (!data) { load(); return; }
    if (query === shownQuery) { panel.hidden = false; return; }
    shownQuery = query;
    render(find(query) || [], query);
  }

  box.addEventListener("focus", load);
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  box.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) { e.preventDefault(); first.focus(); }
    } else if (e.key === "Escape") {
      if (!panel.hidden) { e.preventDefault(); close(); } else { box.value = ""; }
    } else if (e.key === "Enter") {
      var top = list.querySelector("a");
      if (top && !panel.hidden) { e.preventDefault(); top.click(); }
    }
  });
  panel.addEventListener("keydown", function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var i = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && i >= 0 && i < links.length - 1) { e.preventDefault(); links[i + 1].focus(); }
    if (e.key === "ArrowUp" && i >= 0) { e.preventDefault(); (i === 0 ? box : links[i - 1]).focus(); }
    if (e.key === "Escape") { e.preventDefault(); close(); box.focus(); }
  });
  document.addEventListener("click", function (e) {
    if (!form.contains(e.target)) { close(); }
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      box.focus();
    }
  });
})();
