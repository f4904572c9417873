"""newsweave.geo: offline geocoding.

``load_gazetteer`` opens (building once) a SQLite index of GeoNames places plus a
curated supplement of facilities, borders and regions; ``find_places`` finds and
resolves the toponyms of one parsed article; ``collect_places`` turns the
mentions of a run into one ``Place`` per place id.
"""
from newsweave.geo.gazetteer import Gazetteer, distance_km, load_gazetteer
from newsweave.geo.find import collect_places, find_places, find_places_in_text

__all__ = ["Gazetteer", "collect_places", "distance_km", "find_places", "find_places_in_text", "load_gazetteer"]
