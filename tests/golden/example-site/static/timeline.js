// dateline index: search box and tag/person/place filter. Progressive enhancement: without
// JavaScript the form stays hidden and the static tag, person and place pages do the job.
(function () {
  "use strict";
  var form = document.querySelector("form.finder");
  if (!form) return;
  var q = form.querySelector("#q");
  var filter = form.querySelector("#filter");
  var status = form.querySelector("#finder-status");
  var split = form.getAttribute("data-split") === "yes";
  var items = Array.prototype.slice.call(document.querySelectorAll("li.event-item"));
  var index = null; // events.json, fetched on first use
  form.hidden = false;

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function loadIndex(then) {
    if (index) return then(index);
    fetch(form.getAttribute("data-index"))
      .then(function (r) { return r.json(); })
      .then(function (data) { index = data; then(index); })
      .catch(function () { status.textContent = "Search is unavailable."; });
  }

  function textOf(entry) {
    return entry.text || (entry.title + " " + (entry.display || "")).toLowerCase();
  }

  function termsOf(entry) {
    return entry.filters || [];
  }

  function applyInPage(index) {
    var terms = words(q.value);
    var want = filter.value;
    var byId = {};
    index.forEach(function (e) { byId[e.id.toLowerCase()] = e; });
    var shown = 0;
    items.forEach(function (li) {
      var entry = byId[li.getAttribute("data-id")];
      var hay = entry ? textOf(entry) : li.textContent.toLowerCase();
      var ok = terms.every(function (t) { return hay.indexOf(t) !== -1; });
      if (ok && want) ok = (" " + li.getAttribute("data-terms") + " ").indexOf(" " + want + " ") !== -1;
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    document.querySelectorAll("li.year, li.month").forEach(function (group) {
      group.hidden = !group.querySelector("li.event-item:not([hidden])");
    });
    status.textContent = (terms.length || want) ? shown + " of " + items.length + " events" : "";
  }

  function applySplit(index) {
    var list = document.querySelector("ol.search-results");
    var summaries = document.querySelector("ol.year-summaries");
    var terms = words(q.value);
    var want = filter.value;
    if (!terms.length && !want) {
      list.hidden = true; summaries.hidden = false; status.textContent = ""; return;
    }
    var hits = index.filter(function (e) {
      var hay = textOf(e);
      return terms.every(function (t) { return hay.indexOf(t) !== -1; }) &&
        (!want || termsOf(e).indexOf(want) !== -1);
    });
    list.textContent = "";
    hits.slice(0, 200).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.url; a.textContent = e.title;
      var when = document.createElement("span");
      when.className = "when"; when.textContent = e.display + ": ";
      li.appendChild(when); li.appendChild(a); list.appendChild(li);
    });
    list.hidden = false; summaries.hidden = true;
    status.textContent = hits.length + " matching events" + (hits.length > 200 ? " (first 200 shown)" : "");
  }

  function run() {
    loadIndex(split ? applySplit : applyInPage);
    var params = new URLSearchParams();
    if (q.value) params.set("q", q.value);
    if (filter.value) params.set("filter", filter.value);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  var timer = null;
  q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  filter.addEventListener("change", run);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  // The search and filter live in the address bar, so a filtered view can be shared.
  var params = new URLSearchParams(location.search);
  if (params.get("q")) q.value = params.get("q");
  if (params.get("filter")) filter.value = params.get("filter");
  if (q.value || filter.value) run();
})();
