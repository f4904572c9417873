"""The offline basemap: shipped outlines decode, and the view zooms to the events."""
from __future__ import annotations

from newsweave.report.basemap import MapPoint, _decode_topojson, build_map, load_outlines, view_box


def test_report_basemap_outlines_load():
    coarse = load_outlines("110m")
    assert len(coarse) > 150
    names = {o.name for o in coarse}
    assert {"Somalia", "Brazil", "Japan"} <= names
    somalia = next(o for o in coarse if o.name == "Somalia")
    w, s, e, n = somalia.bbox
    assert 40 < w < 42 and 50 < e < 52 and -2 < s < 0 and 11 < n < 13


def test_report_basemap_topojson_arcs_reverse():
    topo = {"arcs": [[[0, 0], [1, 0], [1, 1]], [[1, 1], [0, 0]]],
            "objects": {"c": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "id": "1", "arcs": [[0, 1]], "properties": {"name": "tri"}},
                {"type": "Polygon", "id": "2", "arcs": [[~1, ~0]], "properties": {"name": "rev"}}]}}}
    tri, rev = _decode_topojson(topo, "c")
    assert tri.rings[0] == [(0, 0), (1, 0), (1, 1), (0, 0)]
    assert rev.rings[0] == [(0, 0), (1, 1), (1, 0), (0, 0)]


def test_report_basemap_zooms_to_points():
    w, s, e, n = view_box([(42.0, 0.5), (45.0, 2.0)])
    assert w < 42 and e > 45 and s < 0.5 and n > 2.0
    assert e - w < 20  # a region, not the world
    m = build_map([MapPoint(42.0, 0.5, "a", "#a", 1), MapPoint(45.0, 2.0, "b", "#b", 2)])
    assert m is not None and m.paths
    assert all(0 <= p.x <= m.width and 0 <= p.y <= m.height for p in m.points)
    assert build_map([]) is None
