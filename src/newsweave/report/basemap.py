"""An offline map for the brief: event points over country outlines, as inline SVG.

The brief must be one file that works with no network and no JavaScript, so the
map is drawn here: Natural Earth country outlines (the ``world-atlas`` TopoJSON
shipped under ``data/world-atlas/``) in an equirectangular projection scaled by
the cosine of the view's middle latitude, zoomed to the events' bounding box.
Only numbers leave this module (path data, coordinates); labels are escaped by
the template that draws them.
"""
from __future__ import annotations

import functools
import importlib.resources
import json
import math
from dataclasses import dataclass, field
from typing import Any, Optional

# views wider than this many degrees of longitude use the coarser outlines
COARSE_ABOVE_DEG = 60.0
MIN_SPAN_DEG = 6.0  # never zoom closer than this: a single point still shows its region
PAD_FRACTION = 0.25
MAX_RATIO = 0.66  # height / width
MIN_RATIO = 0.5


@dataclass(slots=True)
class Outline:
    iso_numeric: str
    name: str
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat
    rings: list[list[tuple[float, float]]]


@dataclass(slots=True)
class MapPoint:
    lon: float
    lat: float
    label: str
    href: str
    n: int
    x: float = 0.0
    y: float = 0.0


@dataclass(slots=True)
class SvgMap:
    width: int
    height: int
    paths: list[str] = field(default_factory=list)
    points: list[MapPoint] = field(default_factory=list)
    bbox: tuple[float, float, float, float] = (0, 0, 0, 0)


def _decode_topojson(topo: dict[str, Any], obj: str) -> list[Outline]:
    tf = topo.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        pts = []
        if tf:
            (sx, sy), (tx, ty) = tf["scale"], tf["translate"]
            x = y = 0
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        arcs.append(pts)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return out

    outlines = []
    for geom in topo["objects"][obj]["geometries"]:
        polys = geom.get("arcs") or []
        if geom.get("type") == "Polygon":
            polys = [polys]
        elif geom.get("type") != "MultiPolygon":
            continue
        rings = [ring(r) for poly in polys for r in poly]
        rings = [r for r in rings if len(r) >= 3]
        if not rings:
            continue
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        outlines.append(Outline(str(geom.get("id", "")), (geom.get("properties") or {}).get("name", ""),
                                (min(lons), min(lats), max(lons), max(lats)), rings))
    return outlines


@functools.lru_cache(maxsize=2)
def load_outlines(resolution: str = "110m") -> tuple[Outline, ...]:
    """Country outlines at 110m or 50m (Natural Earth via world-atlas), decoded once."""
    text = importlib.resources.files("newsweave").joinpath("data", "world-atlas", f"countries-{resolution}.json").read_text(encoding="utf-8")
    return tuple(_decode_topojson(json.loads(text), "countries"))


def view_box(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The lon/lat box to show: the points' box, padded, at least MIN_SPAN_DEG wide and tall."""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    w, s, e, n = min(lons), min(lats), max(lons), max(lats)
    span_x = max(e - w, MIN_SPAN_DEG)
    span_y = max(n - s, MIN_SPAN_DEG * 0.6)
    cx, cy = (w + e) / 2, (s + n) / 2
    span_x *= 1 + 2 * PAD_FRACTION
    span_y *= 1 + 2 * PAD_FRACTION
    w, e = max(-180.0, cx - span_x / 2), min(180.0, cx + span_x / 2)
    s, n = max(-85.0, cy - span_y / 2), min(85.0, cy + span_y / 2)
    return (w, s, e, n)


def build_map(points: list[MapPoint], width: int = 720) -> Optional[SvgMap]:
    """Project the points and the outlines around them; None when no point has coordinates."""
    if not points:
        return None
    w, s, e, n = view_box([(p.lon, p.lat) for p in points])
    kx = math.cos(math.radians((s + n) / 2))
    # keep a landscape shape (between 2:1 and 3:2) by widening whichever side is short
    ratio = (n - s) / ((e - w) * kx)
    if ratio > MAX_RATIO:
        half = (n - s) / MAX_RATIO / kx / 2
        cx = (w + e) / 2
        w, e = max(-180.0, cx - half), min(180.0, cx + half)
    elif ratio < MIN_RATIO:
        half = (e - w) * kx * MIN_RATIO / 2
        cy = (s + n) / 2
        s, n = max(-85.0, cy - half), min(85.0, cy + half)
    scale = width / ((e - w) * kx)
    height = max(120, int(round((n - s) * scale)))

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return ((lon - w) * kx * scale, (n - lat) * scale)

    resolution = "110m" if (e - w) > COARSE_ABOVE_DEG else "50m"
    paths = []
    for o in load_outlines(resolution):
        ow, os_, oe, on = o.bbox
        if oe < w or ow > e or on < s or os_ > n:
            continue
        parts = []
        for r in o.rings:
            coords: list[tuple[float, float]] = []
            for lon, lat in r:  # drop points closer than a pixel to the last one kept
                x, y = xy(lon, lat)
                if coords and abs(x - coords[-1][0]) < 0.8 and abs(y - coords[-1][1]) < 0.8:
                    continue
                coords.append((x, y))
            if len(coords) < 3:
                continue
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in coords) + "Z")
        if parts:
            paths.append("".join(parts))
    placed: list[tuple[float, float]] = []
    for p in points:
        x, y = xy(p.lon, p.lat)
        k = 0
        # points that would cover one another are fanned out around their spot (labels stay readable)
        while any(abs(x - px) < 15 and abs(y - py) < 15 for px, py in placed) and k < 24:
            k += 1
            angle = math.radians(60 * k)
            radius = 17 * (1 + (k - 1) // 6)
            x0, y0 = xy(p.lon, p.lat)
            x, y = x0 + radius * math.cos(angle), y0 + radius * math.sin(angle)
        placed.append((x, y))
        p.x, p.y = round(x, 1), round(y, 1)
    return SvgMap(width=width, height=height, paths=paths, points=points, bbox=(w, s, e, n))
