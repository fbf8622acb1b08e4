// Runwright pages: copy buttons on code blocks, and the filter box of the site index.
// Without JavaScript the pages work as they are: code stays selectable, the index lists all.
(function () {
  "use strict";

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
    var button = document.createElement("button");
    button.type = "button";
    button.className = "rw-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy this code");
    button.addEventListener("click", function () {
      copyText(code.textContent, function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
    code.parentNode.classList.add("rw-has-copy");
    code.parentNode.appendChild(button);
  });

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
