// Runwright pages: copy buttons on code blocks, the operator's checklist and record on runbook
// pages, and the filter box of the site index. Without JavaScript the pages work as they are:
// code stays selectable, a runbook is its plain list of steps, the index lists every runbook.
// Nothing leaves the browser: the checklist is kept in this browser's localStorage only.
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }

  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text, done); });
    } else {
      fallback(text, done);
    }
  }

  function fallback(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) { /* leave the text selectable */ }
    document.body.removeChild(area);
  }

  document.querySelectorAll("pre > code").forEach(function (code) {
    var button = el("button", { type: "button", "class": "rw-copy", "aria-label": "Copy this code" }, "Copy");
    button.addEventListener("click", function () {
      copyText(code.textContent, function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
    code.parentNode.classList.add("rw-has-copy");
    code.parentNode.appendChild(button);
  });

  // ---- The forms of a step as tabs ---------------------------------------------------------
  // A group of forms (div.rw-forms: the console, the AWS CLI, Terraform, ...) is written as
  // sections one after another, each with its heading, which is what a page without JavaScript
  // shows and prints. Here each group becomes tabs (the WAI-ARIA tabs pattern); the reader's
  // choice is kept in localStorage, so every group on every page opens on the same form.
  var FORM_KEY = "runwright:form";
  var formGroups = [];

  function storedForm() {
    try { return window.localStorage.getItem(FORM_KEY); } catch (e) { return null; }
  }
  function keepForm(name) {
    try { window.localStorage.setItem(FORM_KEY, name); } catch (e) { /* file:// or private mode */ }
  }

  function showForm(group, index) {
    group.tabs.forEach(function (tab, j) {
      var on = j === index;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      group.panels[j].hidden = !on;
    });
    group.index = index;
  }

  function formIndex(group, name) {
    for (var i = 0; i < group.panels.length; i++) {
      if (group.panels[i].getAttribute("data-rw-form") === name) { return i; }
    }
    return -1;
  }

  function chooseForm(name) { // every group that has the form shows it
    formGroups.forEach(function (g) {
      var i = formIndex(g, name);
      if (i >= 0) { showForm(g, i); }
    });
    document.dispatchEvent(new CustomEvent("rw-forms"));
  }

  document.querySelectorAll(".rw-forms").forEach(function (box, g) {
    var panels = Array.prototype.filter.call(box.children, function (c) {
      return c.classList.contains("rw-form");
    });
    if (panels.length < 2) { return; }
    var list = el("div", { role: "tablist", "class": "rw-tablist", "aria-label": "Ways to do this" });
    var group = { box: box, panels: panels, tabs: [], index: 0 };
    panels.forEach(function (panel, i) {
      var n = (g + 1) + "-" + (i + 1);
      if (!panel.id) { panel.id = "rw-form-" + n; }
      var tab = el("button", {
        type: "button", role: "tab", id: "rw-tab-" + n, "class": "rw-tab",
        "aria-controls": panel.id, "aria-selected": "false", tabindex: "-1"
      }, panel.getAttribute("data-rw-label") || panel.getAttribute("data-rw-form"));
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      tab.addEventListener("click", function () {
        var before = list.getBoundingClientRect().top;
        var name = panel.getAttribute("data-rw-form");
        keepForm(name);
        chooseForm(name);
        // Other groups above may have changed height: keep this one where the reader sees it.
        window.scrollBy(0, list.getBoundingClientRect().top - before);
      });
      list.appendChild(tab);
      group.tabs.push(tab);
    });
    list.addEventListener("keydown", function (e) {
      var last = group.tabs.length - 1;
      var i = { ArrowRight: group.index + 1, ArrowLeft: group.index - 1, Home: 0, End: last }[e.key];
      if (i === undefined) { return; }
      e.preventDefault();
      i = i > last ? 0 : i < 0 ? last : i;
      group.tabs[i].focus();
      group.tabs[i].click(); // automatic activation: the panel shows at once
    });
    box.insertBefore(list, box.firstChild);
    box.classList.add("rw-tabbed");
    var at = formIndex(group, storedForm());
    showForm(group, at >= 0 ? at : 0);
    formGroups.push(group);
  });

  // A link to a heading inside a form that is not shown (a search result, the table of
  // contents) shows that form, in its group only.
  function revealTarget() {
    var id = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
    var target = id && document.getElementById(id);
    var panel = target && target.closest(".rw-tabbed > .rw-form");
    if (!panel || !panel.hidden) { return; }
    formGroups.forEach(function (g) {
      var i = g.panels.indexOf(panel);
      if (i >= 0) { showForm(g, i); }
    });
    document.dispatchEvent(new CustomEvent("rw-forms"));
    target.scrollIntoView();
  }
  if (formGroups.length) {
    window.addEventListener("hashchange", revealTarget);
    revealTarget();
    window.addEventListener("storage", function (e) { // chosen in another window
      if (e.key === FORM_KEY && e.newValue) { chooseForm(e.newValue); }
    });
  }

  // ---- The checklist and the record -------------------------------------------------------
  // Steps are marked at build time (data-rw-step: the procedure's numbered items and command
  // blocks); "Check it" sections carry data-rw-check. The state is kept per page under the
  // page's key, a hash of the runbook's input and of the page: other values, a fresh checklist.

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function localStamp(d) { // 2026-12-01T14:05, the value of a datetime-local input
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) +
      "T" + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }
  function shown(stamp) { return stamp ? stamp.replace("T", " ") : ""; }
  function clean(text) { return text.replace(/\s+/g, " ").trim(); }
  function load(k) {
    try { return JSON.parse(window.localStorage.getItem(k) || "null"); } catch (e) { return null; }
  }
  function store(k, v) {
    try { window.localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* private mode: kept in the page only */ }
  }

  function headingText(h) {
    var c = h.cloneNode(true);
    c.querySelectorAll(".rw-anchor").forEach(function (a) { a.remove(); });
    return clean(c.textContent);
  }

  function stepText(step) {
    if (step.tagName === "PRE") {
      var code = step.querySelector("code");
      return (code || step).textContent.replace(/\s+$/, "");
    }
    var c = step.cloneNode(true);
    c.querySelectorAll(".rw-tick, .rw-when, .rw-copy").forEach(function (x) { x.remove(); });
    return clean(c.textContent);
  }

  function sectionOf(node) { // the heading a step or check sits under
    var body = node.closest(".rw-body") || document.body;
    var found = null;
    body.querySelectorAll("h2, h3").forEach(function (h) {
      if (h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) { found = h; }
    });
    return found ? headingText(found) : "";
  }

  function checklist(key, steps) {
    var storeKey = "runwright:" + key;
    var state = load(storeKey) || {};
    state.ticks = state.ticks || {};
    state.outputs = state.outputs || {};
    var last = load("runwright:last") || {};
    if (state.name == null) { state.name = last.name || ""; }
    if (state.ticket == null) { state.ticket = last.ticket || ""; }
    var boxes = [];
    var checks = [];

    function save() {
      store(storeKey, state);
      store("runwright:last", { name: state.name, ticket: state.ticket });
    }

    function now() { return localStamp(new Date()); }

    var progress = el("span", { "class": "rw-record-progress" });
    function update() {
      var shownBoxes = boxes.filter(applies);
      var done = shownBoxes.filter(function (b) { return b.input.checked; }).length;
      progress.textContent = done === 0 ?
        shownBoxes.length + (shownBoxes.length === 1 ? " step to tick" : " steps to tick") :
        done + " of " + shownBoxes.length + " ticked";
      boxes.forEach(function (b) {
        var at = state.ticks[b.id];
        b.input.checked = !!at;
        b.row.classList.toggle("rw-done", !!at);
        b.when.textContent = at ? "done " + shown(at).slice(11) : "";
        b.when.title = at ? shown(at) : "";
      });
    }

    steps.forEach(function (step, i) {
      var id = "s" + (i + 1);
      var text = stepText(step);
      var input = el("input", {
        type: "checkbox", "class": "rw-tick", id: "rw-tick-" + (i + 1),
        "aria-label": "Done: " + text.slice(0, 120)
      });
      var when = el("span", { "class": "rw-when" });
      var row;
      if (step.tagName === "PRE") {
        row = el("div", { "class": "rw-tickrow" });
        var label = el("label", { "for": input.id });
        label.appendChild(input);
        label.appendChild(document.createTextNode("Done"));
        row.appendChild(label);
        row.appendChild(when);
        step.parentNode.insertBefore(row, step);
        input.setAttribute("aria-label", "Done: " + text.split("\n")[0].slice(0, 120));
      } else {
        row = step;
        var first = step.firstElementChild && step.firstChild === step.firstElementChild &&
          step.firstElementChild.tagName === "P" ? step.firstElementChild : step;
        first.insertBefore(when, first.firstChild);
        first.insertBefore(input, when);
      }
      input.addEventListener("change", function () {
        if (input.checked) {
          state.ticks[id] = now();
          if (!state.start) { state.start = state.ticks[id]; fields.start.value = state.start; }
        } else {
          delete state.ticks[id];
        }
        save();
        update();
      });
      boxes.push({ id: id, input: input, row: row, when: when, step: step, text: text });
    });

    document.querySelectorAll("main h2[data-rw-check]").forEach(function (h, i) {
      var n = String(i + 1);
      var end = h.nextElementSibling;
      while (end && !/^H[12]$/.test(end.tagName)) { end = end.nextElementSibling; }
      var title = headingText(h);
      var box = el("div", { "class": "rw-output" });
      var area = el("textarea", { id: "rw-out-" + n, rows: "4", spellcheck: "false" });
      box.appendChild(el("label", { "for": area.id }, "Output of \u201c" + title + "\u201d, pasted for the record"));
      box.appendChild(area);
      h.parentNode.insertBefore(box, end);
      area.value = state.outputs[n] || "";
      area.addEventListener("input", function () { state.outputs[n] = area.value; save(); });
      checks.push({ n: n, title: title, area: area });
    });

    // The record panel, above the runbook.
    var panel = el("details", { "class": "rw-record", id: "rw-record" });
    var summary = el("summary", {}, "Operator record");
    summary.appendChild(progress);
    panel.appendChild(summary);
    var grid = el("div", { "class": "rw-record-fields" });
    var fields = {};
    function field(name, label, type, auto) {
      var wrap = el("div");
      var input = el("input", { id: "rw-" + name, type: type, autocomplete: auto || "off" });
      wrap.appendChild(el("label", { "for": input.id }, label));
      if (type === "datetime-local") {
        var line = el("div", { "class": "rw-time" });
        line.appendChild(input);
        var set = el("button", { type: "button", "class": "rw-button", "aria-label": label + ": now" }, "Now");
        set.addEventListener("click", function () {
          input.value = now();
          state[name] = input.value;
          save();
        });
        line.appendChild(set);
        wrap.appendChild(line);
      } else {
        wrap.appendChild(input);
      }
      input.value = state[name] || "";
      input.addEventListener("input", function () { state[name] = input.value; save(); });
      input.addEventListener("change", function () { state[name] = input.value; save(); });
      fields[name] = input;
      grid.appendChild(wrap);
    }
    field("name", "Operator", "text", "name");
    field("ticket", "Change ticket", "text");
    field("start", "Started", "datetime-local");
    field("end", "Ended", "datetime-local");
    panel.appendChild(grid);
    var actions = el("div", { "class": "rw-record-actions" });
    var print = el("button", { type: "button", "class": "rw-button rw-primary", id: "rw-print" }, "Print record");
    var clear = el("button", { type: "button", "class": "rw-button", id: "rw-clear" }, "Clear this record");
    actions.appendChild(print);
    actions.appendChild(clear);
    panel.appendChild(actions);
    panel.open = !!state.open;
    panel.addEventListener("toggle", function () { state.open = panel.open; save(); });
    var bodyEl = document.querySelector(".rw-body");
    bodyEl.parentNode.insertBefore(panel, bodyEl);

    clear.addEventListener("click", function () {
      if (!window.confirm("Clear the ticks, times and pasted output of this page?")) { return; }
      state = { ticks: {}, outputs: {}, name: state.name, ticket: state.ticket, open: true };
      Object.keys(fields).forEach(function (k) { fields[k].value = state[k] || ""; });
      checks.forEach(function (c) { c.area.value = ""; });
      save();
      update();
    });

    print.addEventListener("click", function () {
      var old = document.querySelector(".rw-print-record");
      if (old) { old.remove(); }
      document.body.appendChild(record(state, boxes, checks));
      document.documentElement.classList.add("rw-printing");
      window.addEventListener("afterprint", function done() {
        document.documentElement.classList.remove("rw-printing");
        window.removeEventListener("afterprint", done);
      });
      window.print();
    });

    document.addEventListener("rw-forms", update);
    update();
  }

  // A step in a form that is not shown (the CLI while the console tab is chosen) is not counted.
  function applies(box) {
    var panel = box.step.closest(".rw-form");
    return !panel || !panel.hidden;
  }

  // The forms chosen on this page ("Console"), for the record; "" when it has none.
  function chosenLabels() {
    var names = [];
    formGroups.forEach(function (g) {
      var label = g.tabs[g.index].textContent;
      if (names.indexOf(label) < 0) { names.push(label); }
    });
    return names.join(", ");
  }

  // The printed record: what was done on this page, by whom, when, with the checks' output.
  function record(state, boxes, checks) {
    var out = el("section", { "class": "rw-print-record", "aria-label": "Printable record" });
    var h1 = document.querySelector("main h1");
    out.appendChild(el("h1", {}, "Record: " + (h1 ? clean(h1.textContent) : document.title)));
    var meta = el("table", { "class": "rw-record-meta" });
    var stepOf = document.querySelector(".rw-stepof");
    var generator = document.querySelector("meta[name=generator]");
    [
      ["Runbook", (document.body.getAttribute("data-rw-runbook") || "") +
        (stepOf ? " \u00b7 " + stepOf.textContent : "")],
      ["Operator", state.name || ""],
      ["Change ticket", state.ticket || ""],
      ["Started", shown(state.start)],
      ["Ended", shown(state.end)],
      ["Steps ticked", boxes.filter(function (b) { return applies(b) && state.ticks[b.id]; }).length +
        " of " + boxes.filter(applies).length],
      ["Done with", chosenLabels()],
      ["Printed", shown(localStamp(new Date()))],
      ["Page", decodeURI(location.pathname.split("/").slice(-3).join("/"))],
      ["Page key", document.body.getAttribute("data-rw-key") || ""],
      ["Generated by", generator ? generator.getAttribute("content") : ""]
    ].forEach(function (r) {
      if (!r[1]) { return; }
      var tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, r[0]));
      tr.appendChild(el("td", {}, r[1]));
      meta.appendChild(tr);
    });
    out.appendChild(meta);

    var values = document.querySelector(".rw-body h2#values ~ table") || document.querySelector(".rw-body table");
    if (values) {
      out.appendChild(el("h2", {}, "Values"));
      var copy = values.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (x) { x.removeAttribute("id"); });
      out.appendChild(copy);
    }

    out.appendChild(el("h2", {}, "Steps"));
    var steps = el("table", { "class": "rw-record-steps" });
    var head = el("tr");
    ["#", "Section", "Step", "Done at"].forEach(function (t) { head.appendChild(el("th", { scope: "col" }, t)); });
    steps.appendChild(head);
    boxes.filter(applies).forEach(function (b, i) {
      var tr = el("tr");
      tr.appendChild(el("td", {}, String(i + 1)));
      tr.appendChild(el("td", {}, sectionOf(b.step)));
      var what = el("td");
      if (b.step.tagName === "PRE") { what.appendChild(el("pre", {}, b.text)); } else { what.textContent = b.text; }
      tr.appendChild(what);
      tr.appendChild(el("td", {}, state.ticks[b.id] ? shown(state.ticks[b.id]) : "not done"));
      steps.appendChild(tr);
    });
    out.appendChild(steps);

    if (checks.length) {
      out.appendChild(el("h2", {}, "Output of the checks"));
      checks.forEach(function (c) {
        out.appendChild(el("h3", {}, c.title));
        out.appendChild(c.area.value ? el("pre", {}, c.area.value) : el("p", {}, "(nothing pasted)"));
      });
    }
    return out;
  }

  var key = document.body.getAttribute("data-rw-key");
  var steps = Array.prototype.slice.call(document.querySelectorAll("main [data-rw-step]"));
  if (key && steps.length && document.querySelector(".rw-body")) {
    checklist(key, steps);
  }

  // ---- The site index's filter box ---------------------------------------------------------
  var filter = document.getElementById("rw-filter");
  if (!filter) {
    return;
  }
  var box = filter.querySelector("input");
  var count = filter.querySelector(".rw-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-rw-search]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-rw-group]"));
  var empty = document.getElementById("rw-empty");
  filter.hidden = false;

  function apply() {
    // An account in the console's grouped form (four digits, a hyphen, ...) matches its digits.
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean).map(function (w) {
      return /^\d{4}-\d{4}-\d{4}$/.test(w) ? w.replace(/-/g, "") : w;
    });
    var shown = 0;
    items.forEach(function (item) {
      var text = item.getAttribute("data-rw-search");
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      item.hidden = !match;
      if (match) { shown++; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-rw-search]:not([hidden])");
    });
    count.textContent = shown + " of " + items.length;
    if (empty) { empty.hidden = shown !== 0; }
  }

  box.addEventListener("input", apply);
  apply();
})();
