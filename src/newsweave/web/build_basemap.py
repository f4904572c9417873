"""Build the web map's offline basemap: country outlines as a small GeoJSON file.

The UI's map must work with no network, so instead of fetching tiles it draws
Natural Earth country outlines shipped with the package.  They come from the
``world-atlas`` TopoJSON under ``data/world-atlas/`` (see its README and
LICENSE); Leaflet reads GeoJSON, so this converts the 110m file once, at build
time, into ``web/static/countries-110m.geojson`` (coordinates rounded to 0.01
degree, about a kilometre: far finer than the 1:110m source).

Run ``python -m newsweave.web.build_basemap`` after updating world-atlas.
"""
from __future__ import annotations

import importlib.resources
import json
import pathlib
from typing import Any

PRECISION = 2  # decimal places of a degree
# Antarctica (ISO numeric 010): its ring wraps the pole, which no flat event map needs
SKIP_IDS = frozenset({"010"})


def _unwrap(ring: list[list[float]]) -> list[list[float]]:
    """Make a ring that crosses the antimeridian continuous (longitudes past +/-180).

    world-atlas is spherical TopoJSON: a ring may jump from 179.9 to -179.9,
    which a flat map draws as a stripe across the whole world.  Shifting the
    points after each jump by 360 degrees keeps the ring in one piece.
    """
    out: list[list[float]] = []
    shift = 0.0
    prev = None
    for lon, lat in ring:
        if prev is not None:
            if lon - prev > 180:
                shift -= 360
            elif prev - lon > 180:
                shift += 360
        prev = lon
        out.append([round(lon + shift, PRECISION), lat])
    return out


def _arcs(topo: dict[str, Any]) -> list[list[list[float]]]:
    tf = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        if tf:
            (sx, sy), (tx, ty) = tf["scale"], tf["translate"]
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append([round(x * sx + tx, PRECISION), round(y * sy + ty, PRECISION)])
        else:
            pts = [[round(p[0], PRECISION), round(p[1], PRECISION)] for p in arc]
        out.append(pts)
    return out


def topojson_to_geojson(topo: dict[str, Any], obj: str = "countries") -> dict[str, Any]:
    """Decode one TopoJSON object collection into a GeoJSON FeatureCollection (Polygon/MultiPolygon only)."""
    arcs = _arcs(topo)

    def ring(indexes: list[int]) -> list[list[float]]:
        pts: list[list[float]] = []
        for i in indexes:
            seg = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(seg[1:] if pts else seg)
        return pts

    features = []
    for geom in topo["objects"][obj]["geometries"]:
        kind = geom.get("type")
        if str(geom.get("id", "")) in SKIP_IDS:
            continue
        if kind == "Polygon":
            coords: Any = [_unwrap(ring(r)) for r in geom["arcs"]]
        elif kind == "MultiPolygon":
            coords = [[_unwrap(ring(r)) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append({
            "type": "Feature",
            "id": str(geom.get("id", "")),
            "properties": {"name": (geom.get("properties") or {}).get("name", "")},
            "geometry": {"type": kind, "coordinates": coords},
        })
    return {"type": "FeatureCollection", "features": features}


def build(resolution: str = "110m") -> pathlib.Path:
    src = importlib.resources.files("newsweave").joinpath("data", "world-atlas", f"countries-{resolution}.json")
    geo = topojson_to_geojson(json.loads(src.read_text(encoding="utf-8")))
    out = pathlib.Path(__file__).resolve().parent / "static" / f"countries-{resolution}.geojson"
    out.write_text(json.dumps(geo, separators=(",", ":")), encoding="utf-8")
    return out


if __name__ == "__main__":  # pragma: no cover
    print(build())
