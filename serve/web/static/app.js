// netcensus UI: the little the pages need beyond htmx. No inline script
// anywhere (the Content-Security-Policy forbids it): everything is here.
(function () {
  "use strict";

  // Every htmx request carries the session's CSRF token.
  document.addEventListener("htmx:configRequest", function (e) {
    var t = document.body.dataset.csrf;
    if (t) { e.detail.headers["X-CSRF-Token"] = t; }
  });

  // Unknown devices: a sweep's new device (or someone's approval) comes
  // as a server-sent event and the list is fetched again, unless boxes
  // are ticked (then a note asks before the selection is replaced).
  function live() {
    var list = document.getElementById("unknown-list");
    if (!list || !window.EventSource || !window.htmx) { return; }
    var note = document.querySelector(".live");
    if (note) { note.hidden = false; }
    var es = new EventSource(list.dataset.live);
    var pending = false;
    // A person's own request on the list (approve, set) and the live
    // fetch must not cross: a list fetched before an approval, landing
    // after it, would bring the approved row back and drop the answer
    // (or the answer would be swapped into a list no longer shown). So a
    // person's request cancels a live fetch in flight, and events that
    // come while it runs are answered once it has been swapped in.
    var own = [], again = false;
    function onList(e) { return e.detail.target && e.detail.target.id === "unknown-list"; }
    function isLive(e) { return e.detail.elt && e.detail.elt.id === "unknown-list"; }
    document.body.addEventListener("htmx:beforeRequest", function (e) {
      if (!onList(e) || isLive(e)) { return; }
      own.push(e.detail.xhr);
      var cur = document.getElementById("unknown-list");
      if (cur) { htmx.trigger(cur, "htmx:abort"); }
    });
    document.body.addEventListener("htmx:afterRequest", function (e) {
      var i = own.indexOf(e.detail.xhr);
      if (i < 0) { return; }
      own.splice(i, 1);
      if (!own.length && again) { again = false; refresh(); }
    });
    function refresh() {
      if (own.length) { again = true; return; }
      var cur = document.getElementById("unknown-list");
      if (cur && cur.querySelector("input[type=checkbox]:checked")) {
        if (!pending) {
          pending = true;
          var p = document.createElement("p");
          p.className = "flash";
          p.textContent = "New events: untick the boxes or reload to see them.";
          cur.prepend(p);
        }
        return;
      }
      pending = false;
      // The answer to the person's own last action stays shown: an
      // approval's own event must not wipe "Approved 1 device(s)".
      var said = cur && cur.querySelector(".flash[role=status]");
      var u = "/unknown" + (said ? "?done=" + encodeURIComponent(said.textContent) : "");
      htmx.ajax("GET", u, { target: "#unknown-list", swap: "outerHTML" });
    }
    es.onmessage = refresh;
    ["new_unapproved", "approved", "set"].forEach(function (t) { es.addEventListener(t, refresh); });
    window.addEventListener("pagehide", function () { es.close(); });
  }

  function fmt(v, unit) {
    if (v == null) { return ""; }
    if (unit === "bytes") {
      var u = ["B", "KiB", "MiB", "GiB", "TiB"], i = 0;
      while (Math.abs(v) >= 1024 && i < u.length - 1) { v /= 1024; i++; }
      return v.toFixed(1) + " " + u[i];
    }
    if (unit === "%") { return v.toFixed(1) + " %"; }
    if (unit === "bit/s") {
      if (v >= 1e9) { return (v / 1e9).toFixed(2) + " Gbit/s"; }
      if (v >= 1e6) { return (v / 1e6).toFixed(2) + " Mbit/s"; }
      return (v / 1e3).toFixed(1) + " kbit/s";
    }
    return String(Math.round(v * 100) / 100);
  }

  // Capacity charts: the series' points and the forecast line (to the
  // day it fills, or 30 days out), drawn with uPlot on a canvas.
  function charts() {
    if (!window.uPlot) { return; }
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var d = JSON.parse(el.dataset.chart);
      var ts = d.t.slice(), ft = d.ft || [];
      ft.forEach(function (t) { if (ts.indexOf(t) < 0) { ts.push(t); } });
      ts.sort(function (a, b) { return a - b; });
      var vals = ts.map(function (t) { var i = d.t.indexOf(t); return i < 0 ? null : d.v[i]; });
      var fc = ts.map(function (t) { var i = ft.indexOf(t); return i < 0 ? null : d.fv[i]; });
      var series = [{}, { label: "value", stroke: "#1f6feb", width: 2, points: { show: true, size: 5 }, value: function (u, v) { return fmt(v, d.unit); } }];
      var data = [ts, vals];
      if (ft.length) {
        series.push({ label: "forecast", stroke: "#d9480f", dash: [6, 4], width: 2, spanGaps: true, points: { show: false }, value: function (u, v) { return fmt(v, d.unit); } });
        data.push(fc);
      }
      var w = Math.max(260, Math.min(el.clientWidth || 600, 900));
      var scale = d.limit ? { range: function (u, mn, mx) { return [0, Math.max(d.limit, mx || 0)]; } } : {};
      // One time alone (a series' first sample, no forecast) spans a day
      // around it: uPlot's own range for a single x runs over years.
      var x = ts.length === 1 ? { time: true, range: function () { return [ts[0] - 43200, ts[0] + 43200]; } } : { time: true };
      var u = new uPlot({
        width: w, height: 200, series: series,
        scales: { x: x, y: scale },
        axes: [{}, { size: 70, values: function (u, vs) { return vs.map(function (v) { return fmt(v, d.unit); }); } }],
        legend: { show: true },
        // The seconds the time axis spans, once drawn.
        hooks: { draw: [function (u) { el.dataset.xspan = String(u.scales.x.max - u.scales.x.min); }] }
      }, data, el);
      el.dataset.points = String(d.t.length);
      el.dataset.drawn = "true";
      window.addEventListener("resize", function () {
        u.setSize({ width: Math.max(260, Math.min(el.clientWidth || 600, 900)), height: 200 });
      });
    });
  }

  // The search box asks as the person types (its own trigger). Its
  // change event, which comes when it loses focus (as when a result is
  // clicked), must not make the filters form ask again: that answer would
  // replace the results under the click, which then hits nothing.
  function search() {
    var q = document.getElementById("q");
    if (q && q.hasAttribute("hx-get")) {
      q.addEventListener("change", function (e) { e.stopPropagation(); });
    }
  }

  // A running sweep's progress (its page, the Sweeps page's recent
  // runs): the server pushes the section again as server-sent events
  // ("update" while it changes, "done" when the run ends), rendered and
  // escaped by its templates; it replaces the section in place.
  function progress() {
    if (!window.EventSource) { return; }
    ["run", "runs"].forEach(function (id) {
      var el = document.getElementById(id);
      if (!el || !el.dataset.live) { return; }
      var es = new EventSource(el.dataset.live);
      function swap(e) {
        var cur = document.getElementById(id);
        if (cur) { cur.outerHTML = e.data; }
      }
      es.addEventListener("update", swap);
      es.addEventListener("done", function (e) { es.close(); swap(e); });
      window.addEventListener("pagehide", function () { es.close(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { live(); charts(); search(); progress(); });
})();
