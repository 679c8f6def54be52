// Suggestions under the search box: organization names and aliases in either language,
// from /api/suggest. Built with textContent only: names are untrusted text.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (!input || !list) return;
  var timer = null, active = -1, seq = 0;

  function hide() { list.hidden = true; list.replaceChildren(); active = -1; input.setAttribute("aria-expanded", "false"); }

  function show(items) {
    list.replaceChildren();
    items.forEach(function (s, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "suggestion-" + i;
      var a = document.createElement("a");
      a.href = "/org/" + encodeURIComponent(s.org.id);
      a.textContent = s.org.name;
      if (s.match !== s.org.name) {
        var alias = document.createElement("span");
        alias.className = "alias";
        alias.textContent = " (" + s.match + ")";
        a.appendChild(alias);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    active = -1;
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (!q) { hide(); return; }
    var mine = ++seq;
    fetch("/api/suggest?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) { if (mine === seq) show(items); })
      .catch(function () { hide(); });
  }

  function move(step) {
    var items = list.querySelectorAll("li");
    if (!items.length) return;
    if (active >= 0) items[active].classList.remove("active");
    active = (active + step + items.length) % items.length;
    items[active].classList.add("active");
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 120); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { move(1); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { move(-1); ev.preventDefault(); }
    else if (ev.key === "Escape") { hide(); }
    else if (ev.key === "Enter" && active >= 0) {
      ev.preventDefault();
      window.location.href = list.querySelectorAll("li a")[active].href;
    }
  });
  document.addEventListener("click", function (ev) { if (!list.contains(ev.target) && ev.target !== input) hide(); });
})();
