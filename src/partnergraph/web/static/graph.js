// The interactive partnership graph: /api/graph drawn with Cytoscape.js. Organizations are
// coloured by kind and sized by events, edges coloured by their main event type and as wide
// as their number of events. A click on an organization opens it; a click on an edge lists
// its events. Labels are drawn on the canvas, so names are never parsed as HTML.
(function () {
  "use strict";
  var KIND = { university: "#1f77b4", company: "#e8710a", government: "#2ca02c", research: "#9467bd", alliance: "#8c564b", other: "#7f7f7f" };
  var TYPE = { agreement: "#d62728", visit: "#138d9c", meeting: "#8a8b12", joint_entity: "#c2479d" };
  var box = document.getElementById("graph");
  var form = document.getElementById("filters");
  var status = document.getElementById("graph-status");
  var info = document.getElementById("edge-info");
  var cy = null;

  function params() {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (String(v).trim()) p.set(k, String(v).trim()); });
    return p;
  }

  function fill() {  // the filters in the address bar, so a view can be shared
    var p = new URLSearchParams(window.location.search);
    p.forEach(function (v, k) { var el = form.elements.namedItem(k); if (el && el.type !== "hidden") el.value = v; });
  }

  function say(text) { status.textContent = text; }

  function edgeInfo(edge) {
    info.replaceChildren();
    var d = edge.data();
    var h = document.createElement("strong");
    h.textContent = d.sourceName + " ↔ " + d.targetName + ": " + d.weight + " event" + (d.weight === 1 ? "" : "s");
    info.appendChild(h);
    var ul = document.createElement("ul");
    d.eventIds.slice(0, 50).forEach(function (id) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "/event/" + encodeURIComponent(id);
      a.textContent = "event " + id;
      li.appendChild(a);
      ul.appendChild(li);
    });
    info.appendChild(ul);
    var docs = document.createElement("p");
    docs.className = "muted";
    docs.textContent = "Articles: " + d.docIds.join(", ");
    info.appendChild(docs);
    info.hidden = false;
  }

  function draw(g) {
    performance.mark("graph-data");
    var names = {};
    var maxEvents = 1, maxWeight = 1;
    g.nodes.forEach(function (n) { names[n.id] = n.name; maxEvents = Math.max(maxEvents, n.events); });
    g.edges.forEach(function (e) { maxWeight = Math.max(maxWeight, e.weight); });
    var elements = g.nodes.map(function (n) {
      return { group: "nodes", data: { id: "o" + n.id, orgId: n.id, label: n.name, kind: n.kind, events: n.events,
        color: KIND[n.kind] || KIND.other, size: 14 + 34 * Math.sqrt(n.events / maxEvents),
        font: Math.round(7 + 7 * Math.sqrt(n.events / maxEvents)) } };
    }).concat(g.edges.map(function (e, i) {
      return { group: "edges", data: { id: "e" + i, source: "o" + e.source, target: "o" + e.target, weight: e.weight,
        width: 1 + 7 * Math.sqrt(e.weight / maxWeight), color: TYPE[e.main_type] || "#999", mainType: e.main_type,
        eventIds: e.event_ids, docIds: e.doc_ids, sourceName: names[e.source], targetName: names[e.target] } };
    }));
    if (cy) cy.destroy();
    var big = g.nodes.length > 300;
    cy = window.cy = cytoscape({
      container: box, elements: elements, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4,
      hideEdgesOnViewport: big, textureOnViewport: big, pixelRatio: 1,
      style: [
        { selector: "node", style: { "background-color": "data(color)", width: "data(size)", height: "data(size)",
          label: "data(label)", "font-size": "data(font)", "text-valign": "bottom", "text-margin-y": 3, color: "#1d2430",
          "text-outline-color": "#fff", "text-outline-width": 2, "min-zoomed-font-size": 10 } },
        { selector: "edge", style: { "line-color": "data(color)", width: "data(width)", opacity: 0.75, "curve-style": "haystack" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
        { selector: "edge:selected", style: { opacity: 1, "line-color": "#111" } }
      ],
      layout: { name: "preset" }
    });
    performance.mark("graph-elements");
    var start = performance.now();
    // cose's cost grows with the square of the nodes: 250 iterations (its default is 1000)
    // for 100 organizations and fewer for more keep the layout near 0.3-0.6 s in headless
    // Chromium (bench/bench_web.py: 200 organizations at 250 iterations took 0.9-1.0 s)
    var iterations = Math.round(Math.min(250, 25000 / Math.max(1, g.nodes.length)));
    var layout = cy.layout(g.nodes.length <= 400
      ? { name: "cose", animate: false, randomize: true, numIter: iterations, nodeRepulsion: 40000, nodeOverlap: 20, idealEdgeLength: 90, edgeElasticity: 60, gravity: 0.4, fit: true, padding: 30 }
      : { name: "concentric", animate: false, concentric: function (n) { return n.data("events"); }, levelWidth: function () { return 2; }, fit: true, padding: 30 });
    layout.one("layoutstop", function () {
      say(g.nodes.length + " of " + g.total_nodes + " organizations, " + g.edges.length + " of " + g.total_edges +
          " partner pairs (layout " + Math.round(performance.now() - start) + " ms)");
      box.dataset.ready = "1";
      window.partnergraphReady = performance.now();
    });
    cy.on("tap", "node", function (ev) { window.location.href = "/org/" + encodeURIComponent(ev.target.data("orgId")); });
    cy.on("tap", "edge", function (ev) { edgeInfo(ev.target); });
    layout.run();
  }

  function load() {
    box.dataset.ready = "";
    info.hidden = true;
    say("Loading…");
    var p = params();
    fetch("/api/graph?" + p.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) { say((res.body.error || "error") + (res.body.problems ? ": " + res.body.problems.join("; ") : "") + (res.body.hint ? " (" + res.body.hint + ")" : "")); return; }
        if (!res.body.nodes.length) { if (cy) cy.destroy(); cy = null; say("No event matches these filters."); box.dataset.ready = "1"; return; }
        draw(res.body);
      })
      .catch(function (err) { say("Could not load the graph: " + err); });
  }

  if (typeof cytoscape === "undefined") {
    say("The graph library is not installed on the server: run `make` there (it installs Cytoscape.js with npm).");
    return;
  }
  fill();
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var p = params();
    window.history.replaceState(null, "", "/graph" + (p.toString() ? "?" + p.toString() : ""));
    load();
  });
  load();
})();
