"""Where the reference cities are (``ontology/reference/coordinates.yaml``), for the map.

Why a file of its own beside ``cities.yaml``: the coordinates are only drawn, never matched
against text, so the gazetteer and its loader stay as they are; a city without coordinates is
listed under the map instead of drawn in a wrong spot.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from kgraph.paths import reference_dir

PLACE_BASE = "https://w3id.org/ckg/id/place/"


class CoordinatesError(ValueError):
    """A malformed coordinates file (the message names the file and the entry)."""


@lru_cache(maxsize=4)
def coordinates(path: Path | None = None) -> dict[str, tuple[float, float]]:
    """Place IRI → (latitude, longitude)."""
    path = path or reference_dir() / "coordinates.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CoordinatesError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise CoordinatesError(f"{path}: expected a mapping of city id to [latitude, longitude]")
    out: dict[str, tuple[float, float]] = {}
    for key, point in data.items():
        ok = (isinstance(point, list) and len(point) == 2 and all(isinstance(v, int | float) for v in point)
              and -90 <= point[0] <= 90 and -180 <= point[1] <= 180)
        if not ok:
            raise CoordinatesError(f"{path}: {key}: expected [latitude, longitude] in degrees, got {point!r}")
        out[PLACE_BASE + str(key)] = (float(point[0]), float(point[1]))
    return out
