/* The events map: Leaflet over shipped country outlines, no tiles fetched.
 * Reads the events from the JSON API (the same filters as the page) and their
 * places from /api/places; every label is set as text, never as HTML. */
(function () {
  "use strict";

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      return r.json();
    });
  }

  function placesFor(ids) {
    var chunks = [];
    for (var i = 0; i < ids.length; i += 100) { chunks.push(ids.slice(i, i + 100)); }
    return Promise.all(chunks.map(function (chunk) {
      var qs = chunk.map(function (id) { return "id=" + encodeURIComponent(id); }).join("&");
      return getJSON("/api/places?limit=500&" + qs);
    })).then(function (pages) {
      var out = {};
      pages.forEach(function (p) { p.places.forEach(function (pl) { out[pl.id] = pl; }); });
      return out;
    });
  }

  function popup(place, events) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var h = document.createElement("strong");
    h.textContent = place.name + (place.country ? " (" + place.country + ")" : "");
    box.appendChild(h);
    var ul = document.createElement("ul");
    events.slice(0, 12).forEach(function (ev) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "/events/" + encodeURIComponent(ev.id);
      a.textContent = (ev.date && ev.date.start ? ev.date.start + " " : "") + ev.type.charAt(0) + ev.type.slice(1).toLowerCase();
      li.appendChild(a);
      if (ev.summary) {
        var s = document.createElement("div");
        s.className = "map-popup-summary";
        s.textContent = ev.summary;
        li.appendChild(s);
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
    if (events.length > 12) {
      var more = document.createElement("div");
      more.textContent = "and " + (events.length - 12) + " more";
      box.appendChild(more);
    }
    return box;
  }

  function start() {
    var el = document.getElementById("map");
    if (!el || typeof L === "undefined") { return; }
    el.classList.add("map-live");
    var map = L.map(el, { zoomSnap: 0.5, minZoom: 1, maxZoom: 9, worldCopyJump: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    map.setView([25, 20], 1.5);

    getJSON("/static/countries-110m.geojson").then(function (geo) {
      L.geoJSON(geo, {
        interactive: false,
        style: { color: "#a3a89c", weight: 0.8, fillColor: "#f7f5ef", fillOpacity: 1 }
      }).addTo(map).bringToBack();
    }).catch(function () { /* the points still show without outlines */ });

    getJSON(el.getAttribute("data-events")).then(function (page) {
      var byPlace = {};
      page.events.forEach(function (ev) {
        if (ev.place) { (byPlace[ev.place] = byPlace[ev.place] || []).push(ev); }
      });
      var ids = Object.keys(byPlace);
      el.setAttribute("data-count", "0");
      if (!ids.length) { return; }
      return placesFor(ids).then(function (places) {
        var bounds = [];
        ids.forEach(function (id) {
          var pl = places[id];
          if (!pl || pl.lat === null || pl.lon === null) { return; }
          var evs = byPlace[id];
          var docs = 0;
          evs.forEach(function (ev) { docs += ev.documents.length; });
          var violent = evs.some(function (ev) { return ev.type === "ASSAULT"; });
          L.circleMarker([pl.lat, pl.lon], {
            radius: Math.min(18, 5 + 2 * Math.sqrt(docs)),
            color: violent ? "#9b1c1c" : "#1f4e79",
            weight: 1.5,
            fillColor: violent ? "#d64545" : "#3d7cc9",
            fillOpacity: 0.75
          }).bindPopup(popup(pl, evs)).addTo(map);
          bounds.push([pl.lat, pl.lon]);
        });
        el.setAttribute("data-count", String(bounds.length));
        if (bounds.length) { map.fitBounds(bounds, { padding: [40, 40], maxZoom: 5 }); }
      });
    }).catch(function (err) {
      var note = document.createElement("p");
      note.className = "map-error";
      note.textContent = "The map could not load the events.";
      el.appendChild(note);
      if (window.console) { console.warn(err); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
