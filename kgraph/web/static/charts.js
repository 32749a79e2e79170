/* The timeline and the map, drawn as SVG from the workbench's JSON (no tiles, no network). */
"use strict";

/* Meetings on a time axis, one lane per body; a hollow dot is a meeting dated by its first report. */
function timelineChart(meetings, labels) {
  const dated = meetings.filter(m => m.date);
  const lanes = [...new Set(dated.map(m => m.body || ""))]
    .sort((a, b) => (labels[a] || a).localeCompare(labels[b] || b));
  const left = 300, right = 30, top = 30, laneHeight = 28, width = 1200;
  const height = top + Math.max(1, lanes.length) * laneHeight + 30;
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
                             "aria-label": "Timeline of meetings", id: "timeline-chart" });
  if (!dated.length) { svg.append(svgEl("text", { x: 20, y: 40 }, "No dated meetings match.")); return svg; }
  const times = dated.map(m => Date.parse(m.date));
  const first = new Date(Math.min(...times)), last = new Date(Math.max(...times));
  const t0 = Date.UTC(first.getUTCFullYear(), 0, 1), t1 = Date.UTC(last.getUTCFullYear() + 1, 0, 1);
  const x = t => left + (t - t0) / (t1 - t0) * (width - left - right);
  const axisY = top + lanes.length * laneHeight + 4;
  svg.append(svgEl("line", { class: "axis", x1: left, x2: width - right, y1: axisY, y2: axisY }));
  const years = last.getUTCFullYear() - first.getUTCFullYear() + 1;
  const step = Math.max(1, Math.ceil(years / 15));
  for (let y = first.getUTCFullYear(); y <= last.getUTCFullYear() + 1; y += step) {
    const px = x(Date.UTC(y, 0, 1));
    svg.append(svgEl("line", { class: "axis", x1: px, x2: px, y1: axisY, y2: axisY + 5 }),
               svgEl("text", { x: px, y: axisY + 18, "text-anchor": "middle" }, String(y)));
  }
  lanes.forEach((body, i) => {
    const y = top + i * laneHeight + laneHeight / 2;
    svg.append(svgEl("line", { class: "lane", x1: left, x2: width - right, y1: y, y2: y }),
               laneLabel(left - 8, y + 4, labels[body] || body || "(body unknown)"));
    for (const m of dated.filter(m => (m.body || "") === body)) {
      const title = `${m.date}${m.dateKnown ? "" : " (undated: first report)"} — ${m.label}`;
      svg.append(svgEl("a", { href: entityHref(m.iri), class: "meeting-dot" },
        svgEl("circle", { class: m.dateKnown ? "dot" : "dot undated", cx: x(Date.parse(m.date)), cy: y, r: 6 }),
        svgEl("title", {}, title)));
    }
  });
  return svg;
}

/* A lane's name, shortened to fit the margin (the whole name in its tooltip). */
function laneLabel(x, y, text) {
  const short = text.length > 46 ? text.slice(0, 45) + "…" : text;
  return svgEl("text", { x, y, "text-anchor": "end" }, short, svgEl("title", {}, text));
}

/* Meeting places as dots over country outlines (Natural Earth 1:110m via world-atlas), in an
 * equirectangular projection around the places drawn. */
function mapChart(places, world) {
  const width = 1100, height = 640;
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img",
                             "aria-label": "Map of meeting places", id: "map-chart" });
  if (!places.length) { svg.append(svgEl("text", { x: 20, y: 40 }, "No meeting places with coordinates.")); return svg; }
  const lons = places.map(p => p.lon), lats = places.map(p => p.lat);
  let [west, east] = [Math.min(...lons) - 8, Math.max(...lons) + 8];
  let [south, north] = [Math.min(...lats) - 6, Math.max(...lats) + 6];
  const k = Math.cos((south + north) / 2 * Math.PI / 180);  // degrees of longitude shrink with latitude
  const spanX = Math.max(east - west, 40) * k, spanY = Math.max(north - south, 22);
  const scale = Math.min(width / spanX, height / spanY);
  const cx = (west + east) / 2, cy = (south + north) / 2;
  const px = lon => width / 2 + (lon - cx) * k * scale, py = lat => height / 2 - (lat - cy) * scale;
  svg.append(svgEl("defs", {}, svgEl("clipPath", { id: "map-clip" }, svgEl("rect", { width, height }))));
  const land = svgEl("g", { "clip-path": "url(#map-clip)" });
  if (world && window.topojson) {
    for (const feature of topojson.feature(world, world.objects.countries).features) {
      const g = feature.geometry;
      if (!g) continue;
      const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      let d = "";
      for (const polygon of polygons) for (const ring of polygon) {
        ring.forEach(([lon, lat], i) => {
          const jump = i > 0 && Math.abs(lon - ring[i - 1][0]) > 180;  // crossing the antimeridian
          d += (i === 0 || jump ? "M" : "L") + px(lon).toFixed(1) + "," + py(lat).toFixed(1);
        });
        d += "Z";
      }
      land.append(svgEl("path", { class: "country", d }, svgEl("title", {}, feature.properties.name || "")));
    }
  }
  svg.append(land);
  const most = Math.max(...places.map(p => p.meetings.length));
  const placed = places.map(p => ({ x: px(p.lon), y: py(p.lat), r: 5 + 10 * Math.sqrt(p.meetings.length / most) }));
  const labelled = [];  // label boxes drawn so far
  const hits = b => labelled.some(o => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0)
    || placed.some(d => b.x0 < d.x + d.r && b.x1 > d.x - d.r && b.y0 < d.y + d.r && b.y1 > d.y - d.r);
  for (const place of places.slice().sort((a, b) => b.meetings.length - a.meetings.length)) {
    const n = place.meetings.length, r = 5 + 10 * Math.sqrt(n / most);
    const x = px(place.lon), y = py(place.lat);
    const text = `${place.label} (${n})`, wide = text.length * 6.5;
    // right of the dot, else left, above or below: the first spot free of other labels and dots
    const spots = [[x + r + 3, y + 4, "start"], [x - r - 3, y + 4, "end"], [x, y - r - 4, "middle"], [x, y + r + 12, "middle"]];
    const box = ([lx, ly, anchor]) => {
      const x0 = anchor === "start" ? lx : anchor === "end" ? lx - wide : lx - wide / 2;
      return { x0, x1: x0 + wide, y0: ly - 10, y1: ly + 2 };
    };
    const spot = spots.find(s => !hits(box(s))) || spots[0];
    labelled.push(box(spot));
    svg.append(svgEl("a", { href: entityHref(place.iri), class: "place-dot" },
      svgEl("circle", { class: "place", cx: x, cy: y, r }),
      svgEl("text", { x: spot[0], y: spot[1], "text-anchor": spot[2] }, text),
      svgEl("title", {}, `${place.label}: ${n} meeting${n === 1 ? "" : "s"}`)));
  }
  return svg;
}
