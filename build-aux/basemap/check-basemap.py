#!/usr/bin/env python3
"""Check data/basemap/*.geojson (python3 standard library only).

Run from anywhere:  python3 build-aux/basemap/check-basemap.py [--dir DIR]

Checks: strict UTF-8 + JSON parse (no NaN/Infinity), FeatureCollection of
Features with Polygon/MultiPolygon only, lon/lat ranges, every coordinate
on the 1e-4 degree grid, rings closed with >= 4 positions and no repeated
consecutive positions, non-zero ring area, RFC 7946 winding, no
self-crossing edges inside a feature, required properties and Vietnamese
names in NFC, land inside the region box and without Vietnam / Hoàng Sa /
Trường Sa, label points inside their polygon (archipelagos: inside the
bounding box of the island group), Vietnam's land border shared
vertex-for-vertex with the neighbours, and sizes (< 400 KB in total).
water.geojson (rivers and lakes from GSHHG): lines of rank 1-4 with at
least 2 positions and at most RIVER_PART_POSITIONS per part, ranks 2-4
inside the detail box, lakes as closed counter-clockwise rings without
self-crossings, all on the 1e-4 grid inside the region box, the licence
note, the Nho Quế within 1.5 km of Mã Pí Lèng, and its size (< 450 KB).
world.geojson (the world's land from GSHHG): polygons of kind "land",
closed counter-clockwise rings on the 1e-4 grid without self-crossings,
nothing inside the region box but the band of land.geojson's own land
along its edges, land at Haute-Provence, the Muskauer Faltenbogen and
Khorat and none in the Atlantic, the licence note, and its size
(< 300 KB).
Exits non-zero on any error.
"""

import argparse
import json
import math
import os
import sys
import unicodedata
import importlib.util

# The generator's geometry helpers, so that the check tests the same code.
_SPEC = importlib.util.spec_from_file_location(
    "make_basemap", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-basemap.py"))
MAKE_BASEMAP = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(MAKE_BASEMAP)

BOX = (97.0, 5.0, 118.0, 27.0)
LIMIT = 400 * 1024
WATER_LIMIT = 450 * 1024
WORLD_LIMIT = 300 * 1024
# Places of the dataset abroad, on land, and points at sea (lon, lat).
WORLD_LAND = {"Haute-Provence": (6.24, 44.09),
              "Muskauer Faltenbogen": (14.72, 51.55),
              "Khorat": (102.1, 14.97)}
WORLD_SEA = {"Atlantic": (-30.0, 40.0), "Bay of Biscay": (-5.0, 45.5),
             "Pacific": (-150.0, 0.0)}
errors = []


def err(msg):
    errors.append(msg)
    print("ERROR: " + msg)


def polys_of(g):
    return [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]


def area(r):
    return sum(r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1]
               for i in range(len(r) - 1)) / 2


def pip_ring(x, y, r):
    c = False
    for i in range(len(r) - 1):
        x1, y1 = r[i]
        x2, y2 = r[i + 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c


def pip_poly(x, y, p):
    return pip_ring(x, y, p[0]) and not any(pip_ring(x, y, h) for h in p[1:])


def seg_dist_km(x, y, a, b):
    k = math.cos(math.radians(y))
    ax, ay, bx, by = a[0] * k, a[1], b[0] * k, b[1]
    px = x * k
    vx, vy = bx - ax, by - ay
    l2 = vx * vx + vy * vy
    t = 0 if l2 == 0 else max(0, min(1, ((px - ax) * vx + (y - ay) * vy) / l2))
    return math.hypot(px - ax - t * vx, y - ay - t * vy) * 111.2


def bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def crossings(polys, cell=0.05):
    """Proper crossings between edges of one feature: make-basemap.py's own
    finder, over all the rings of the feature's polygons."""
    return MAKE_BASEMAP.find_crossings([r for p in polys for r in p], cell)


def check_file(path, kind_expected):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8: %s" % (path, e))
        return None
    if text != unicodedata.normalize("NFC", text):
        err("%s: text is not NFC-normalised" % path)
    if "\ufffd" in text or "?" in text:  # replacement chars / lost letters
        err("%s: contains '?' or U+FFFD (lost diacritics?)" % path)

    def bad_const(c):
        raise ValueError("non-finite number " + c)
    fc = json.loads(text, parse_constant=bad_const)
    name = os.path.basename(path)
    if fc.get("type") != "FeatureCollection":
        err(name + ": not a FeatureCollection")
    feats = fc["features"]
    npoly = nring = npos = 0
    allpts = []
    for f in feats:
        p = f.get("properties") or {}
        fname = "%s[%s]" % (name, p.get("name_en"))
        if f.get("type") != "Feature":
            err(fname + ": not a Feature")
        g = f["geometry"]
        if g["type"] not in ("Polygon", "MultiPolygon"):
            err(fname + ": geometry " + g["type"])
            continue
        if p.get("kind") not in kind_expected:
            err(fname + ": kind %r" % p.get("kind"))
        for key in ("name_vi", "name_en"):
            if not isinstance(p.get(key), str) or not p[key]:
                err(fname + ": missing " + key)
        polys = polys_of(g)
        for poly in polys:
            npoly += 1
            for k, r in enumerate(poly):
                nring += 1
                npos += len(r)
                if len(r) < 4:
                    err(fname + ": ring with < 4 positions")
                if r[0] != r[-1]:
                    err(fname + ": ring not closed")
                for i, pt in enumerate(r):
                    if len(pt) != 2:
                        err(fname + ": position without exactly 2 numbers")
                    x, y = pt
                    if not (-180 <= x <= 180 and -90 <= y <= 90):
                        err(fname + ": out of range %r" % pt)
                    for v in pt:
                        if abs(v * 1e4 - round(v * 1e4)) > 1e-6:
                            err(fname + ": not rounded to 1e-4: %r" % v)
                            break
                    if i and r[i - 1] == pt:
                        err(fname + ": repeated consecutive position %r" % pt)
                a = area(r)
                if a == 0:
                    err(fname + ": zero-area ring")
                if (a > 0) != (k == 0):
                    err(fname + ": RFC 7946 winding (ring %d)" % k)
                allpts.extend(r)
        cx = crossings(polys)
        if cx:
            err(fname + ": %d self-crossing edge pairs, e.g. %r"
                % (len(cx), cx[0]))
        f["_bbox"] = bbox([q for poly in polys for q in poly[0]])
    b = bbox(allpts) if allpts else None
    size = len(raw)
    print("%-18s %7d bytes  %2d features  %4d polygons  %4d rings  %6d "
          "positions  bbox %s" % (name, size, len(feats), npoly, nring, npos,
                                  tuple(round(v, 4) for v in b)))
    return fc, size


def label_check(fc, name):
    for f in fc["features"]:
        p = f["properties"]
        lx, ly = p.get("label_lon"), p.get("label_lat")
        if not isinstance(lx, (int, float)) or not isinstance(ly, (int, float)):
            err("%s[%s]: no label point" % (name, p["name_en"]))
            continue
        polys = polys_of(f["geometry"])
        if p["kind"] == "archipelago":
            x0, y0, x1, y1 = f["_bbox"]
            ok = x0 <= lx <= x1 and y0 <= ly <= y1
            dist = min(seg_dist_km(lx, ly, r[i], r[i + 1]) for poly in polys
                       for r in poly for i in range(len(r) - 1))
            print("  label %-40s (%.4f, %.4f) in island-group bbox: %s; "
                  "nearest island %.0f km" % (p["name_vi"], lx, ly, ok, dist))
            if not ok:
                err("%s: archipelago label outside its island group" % name)
            continue
        inside = [pip_poly(lx, ly, poly) for poly in polys]
        dist = min(seg_dist_km(lx, ly, r[i], r[i + 1]) for poly in polys
                   for r in poly for i in range(len(r) - 1))
        print("  label %-40s (%.4f, %.4f) inside: %s; %.1f km from edge"
              % (p["name_vi"], lx, ly, any(inside), dist))
        if not any(inside):
            err("%s[%s]: label point outside polygon" % (name, p["name_en"]))


def on_grid(pt):
    return all(abs(v * 1e4 - round(v * 1e4)) <= 1e-6 for v in pt)


def check_water(path):
    raw = open(path, "rb").read()
    fc = json.loads(raw.decode("utf-8"))
    name = os.path.basename(path)
    if "LGPL" not in fc.get("note", ""):
        err(name + ": the licence note is missing")
    box, detail = MAKE_BASEMAP.BOX, MAKE_BASEMAP.DETAIL_BOX
    counts = {}
    nho_que = math.inf
    for n, f in enumerate(fc["features"]):
        p, g = f["properties"], f["geometry"]
        what = "%s[%d]" % (name, n)
        kind = p.get("kind")
        if kind == "river":
            rank = p.get("rank")
            if rank not in (1, 2, 3, 4):
                err(what + ": rank %r" % rank)
                continue
            lines = [g["coordinates"]] if g["type"] == "LineString" else \
                g["coordinates"] if g["type"] == "MultiLineString" else None
            if lines is None:
                err(what + ": river geometry " + g["type"])
                continue
            inside = box if rank == 1 else detail
            for line in lines:
                if not 2 <= len(line) <= MAKE_BASEMAP.RIVER_PART_POSITIONS:
                    err(what + ": a part of %d positions" % len(line))
                for i, pt in enumerate(line):
                    if not on_grid(pt):
                        err(what + ": not rounded to 1e-4: %r" % pt)
                    if not (inside[0] <= pt[0] <= inside[2] and
                            inside[1] <= pt[1] <= inside[3]):
                        err(what + ": outside its box: %r" % pt)
                    if i and line[i - 1] == pt:
                        err(what + ": repeated consecutive position")
                    if i:
                        nho_que = min(nho_que, seg_dist_km(
                            105.41, 23.23, line[i - 1], pt))
            counts["river %d" % rank] = counts.get("river %d" % rank, 0) + \
                sum(len(line) for line in lines)
        elif kind in ("lake", "riverlake"):
            if g["type"] != "Polygon" or len(g["coordinates"]) != 1:
                err(what + ": a lake is one ring")
                continue
            r = g["coordinates"][0]
            if len(r) < 4 or r[0] != r[-1]:
                err(what + ": ring not closed")
            if area(r) <= 0:
                err(what + ": ring not counter-clockwise")
            if not all(on_grid(pt) and box[0] <= pt[0] <= box[2] and
                       box[1] <= pt[1] <= box[3] for pt in r):
                err(what + ": off the grid or outside the box")
            if crossings([[r]]):
                err(what + ": self-crossing ring")
            counts[kind] = counts.get(kind, 0) + len(r)
        else:
            err(what + ": kind %r" % kind)
    print("%-18s %7d bytes  %d features  positions %s" % (
        name, len(raw), len(fc["features"]), counts))
    print("  Nho Quế: nearest river %.2f km from Mã Pí Lèng (23.23 N, "
          "105.41 E)" % nho_que)
    if nho_que > 1.5:
        err(name + ": no river within 1.5 km of Mã Pí Lèng")
    if len(raw) >= WATER_LIMIT:
        err(name + ": over %d KB" % (WATER_LIMIT // 1024))


def check_world(path, land):
    """The world's land: GSHHG outside the box and, in a band inside its
    edges, land.geojson's land (every band ring within the band and within
    land.geojson's land)."""
    raw = open(path, "rb").read()
    fc = json.loads(raw.decode("utf-8"))
    name = os.path.basename(path)
    if "LGPL" not in fc.get("note", ""):
        err(name + ": the licence note is missing")
    box, overlap = MAKE_BASEMAP.BOX, MAKE_BASEMAP.WORLD_OVERLAP
    inner = (box[0] + overlap, box[1] + overlap, box[2] - overlap,
             box[3] - overlap)
    land_polys = [p for f in land["features"]
                  for p in polys_of(f["geometry"])] if land else []
    polys = []
    n_positions = 0
    for n, f in enumerate(fc["features"]):
        p, g = f["properties"], f["geometry"]
        what = "%s[%d]" % (name, n)
        if p != {"kind": "land"}:
            err(what + ": properties %r" % p)
        if g["type"] not in ("Polygon", "MultiPolygon"):
            err(what + ": geometry " + g["type"])
            continue
        for poly in polys_of(g):
            if len(poly) != 1:
                err(what + ": a polygon with holes")
            r = poly[0]
            n_positions += len(r)
            if len(r) < 4 or r[0] != r[-1]:
                err(what + ": ring not closed")
            if area(r) <= 0:
                err(what + ": ring not counter-clockwise")
            if any(r[i] == r[i + 1] for i in range(len(r) - 1)):
                err(what + ": repeated consecutive position")
            if not all(on_grid(pt) and -180 <= pt[0] <= 180 and
                       -90 <= pt[1] <= 90 for pt in r):
                err(what + ": off the grid or off the world")
            x0, y0, x1, y1 = bbox(r)
            if x1 > box[0] and x0 < box[2] and y1 > box[1] and y0 < box[3]:
                # In the box: only a band of land.geojson's own land.
                if (x0 < box[0] or x1 > box[2] or y0 < box[1] or
                        y1 > box[3]):
                    err(what + ": a ring across the box's edge")
                if x0 < inner[2] and x1 > inner[0] and y0 < inner[3] and \
                        y1 > inner[1]:
                    err(what + ": a ring inside the box, off the band")
                cx = sum(q[0] for q in r[:-1]) / (len(r) - 1)
                cy = sum(q[1] for q in r[:-1]) / (len(r) - 1)
                inside = [pt for pt in r[:-1] if not any(
                    pip_poly(pt[0], pt[1], lp) for lp in land_polys)]
                if land_polys and not any(
                        pip_poly(cx, cy, lp) for lp in land_polys) and \
                        len(inside) == len(r) - 1:
                    err(what + ": a band ring off land.geojson's land")
            polys.append(poly)
        if crossings(polys_of(g)):
            err(what + ": self-crossing ring")
    print("%-18s %7d bytes  %d features  %d polygons  %d positions" % (
        name, len(raw), len(fc["features"]), len(polys), n_positions))
    for place, (x, y) in sorted(WORLD_LAND.items()):
        inside = any(pip_poly(x, y, p) for p in polys)
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            inside = inside or any(pip_poly(x, y, p) for p in land_polys)
        print("  %s (%.2f E, %.2f N): %s" % (place, x, y,
                                             "land" if inside else "sea"))
        if not inside:
            err(name + ": no land at " + place)
    for place, (x, y) in sorted(WORLD_SEA.items()):
        if any(pip_poly(x, y, p) for p in polys):
            err(name + ": land in the " + place)
    if len(raw) >= WORLD_LIMIT:
        err(name + ": over %d KB" % (WORLD_LIMIT // 1024))
    # The app leaves the cut lines out of the outline: same lists there.
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                          "..", "src", "map", "atlas-offline-map.c")
    with open(source, encoding="utf-8") as fh:
        text = fh.read()
    for array, want in (("cut_longitudes", MAKE_BASEMAP.WORLD_CUT_LONGITUDES),
                        ("cut_latitudes", MAKE_BASEMAP.WORLD_CUT_LATITUDES)):
        start = text.find(array + "[] = {")
        got = text[text.find("{", start) + 1:text.find("}", start)] \
            if start >= 0 else ""
        if tuple(float(v) for v in got.split(",") if v.strip()) != want:
            err("atlas-offline-map.c: %s is not %r" % (array, want))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=os.path.normpath(
        os.path.join(here, "..", "..", "data", "basemap")))
    a = ap.parse_args()
    files = {"land.geojson": {"country"},
             "vietnam.geojson": {"country", "archipelago"},
             "provinces.geojson": {"province"}}
    data = {}
    total = 0
    for fn, kinds in files.items():
        r = check_file(os.path.join(a.dir, fn), kinds)
        if r:
            data[fn], size = r
            total += size
    print("total %d bytes (%.1f KB, limit %d KB)" % (total, total / 1024,
                                                    LIMIT // 1024))
    if total >= LIMIT:
        err("total size over 400 KB")
    check_water(os.path.join(a.dir, "water.geojson"))

    land, vn, pv = (data.get(k) for k in files)
    check_world(os.path.join(a.dir, "world.geojson"), land)
    if land:
        print("land features: " + ", ".join(
            "%s %s" % (f["properties"]["iso_a3"], f["properties"]["name_vi"])
            for f in land["features"]))
        for f in land["features"]:
            p = f["properties"]
            if not p.get("iso_a3") or len(p["iso_a3"]) != 3:
                err("land: bad iso_a3 %r" % p.get("iso_a3"))
            if p["iso_a3"] == "VNM":
                err("land: contains Vietnam")
            x0, y0, x1, y1 = f["_bbox"]
            if x0 < BOX[0] or y0 < BOX[1] or x1 > BOX[2] or y1 > BOX[3]:
                err("land: %s outside region box" % p["iso_a3"])
            for poly in polys_of(f["geometry"]):
                bx = bbox(poly[0])
                for nm, (a0, b0, a1, b1) in (
                        ("Hoàng Sa", (110.9, 15.5, 113.0, 17.5)),
                        ("Trường Sa", (111.5, 6.0, 117.0, 12.0))):
                    if bx[0] >= a0 and bx[2] <= a1 and bx[1] >= b0 and \
                            bx[3] <= b1:
                        err("land: %s polygon in the %s area"
                            % (p["iso_a3"], nm))
        label_check(land, "land")
    if vn:
        names = [f["properties"]["name_vi"] for f in vn["features"]]
        want = ["Việt Nam", "Quần đảo Hoàng Sa (Việt Nam)",
                "Quần đảo Trường Sa (Việt Nam)"]
        if names != want:
            err("vietnam: features %r, expected %r" % (names, want))
        label_check(vn, "vietnam")
    if pv:
        if not isinstance(pv.get("note"), str) or "not official" not in \
                pv["note"].lower():
            err("provinces: top-level note missing")
        want = {"Cao Bằng", "Lạng Sơn", "Quảng Ninh", "Tuyên Quang",
                "Thái Nguyên", "Lào Cai", "Bắc Ninh", "Lâm Đồng", "Đắk Lắk"}
        got = {f["properties"]["name_vi"] for f in pv["features"]}
        if got != want:
            err("provinces: %r" % got)
        for f in pv["features"]:
            if f["properties"].get("derived") is not True:
                err("provinces: derived != true")
        label_check(pv, "provinces")
    if land and vn:
        vnpts = {tuple(q) for poly in polys_of(vn["features"][0]["geometry"])
                 for r in poly for q in r}
        for f in land["features"]:
            pts = {tuple(q) for poly in polys_of(f["geometry"])
                   for r in poly for q in r}
            shared = len(vnpts & pts)
            if shared:
                print("  %s shares %d vertices with Vietnam's border"
                      % (f["properties"]["iso_a3"], shared))
    if land and vn:
        rings = [r for fc in (land, vn) for f in fc["features"]
                 for p in polys_of(f["geometry"]) for r in p]
        cx = crossings([[r] for r in rings])
        print("land + vietnam: %d crossing edge pairs between layers"
              % len(cx))
        if cx:
            err("land and vietnam edges cross, e.g. %r" % (cx[0],))
    if pv:
        rings = [r for f in pv["features"] for p in polys_of(f["geometry"])
                 for r in p]
        cx = crossings([[r] for r in rings])
        print("provinces: %d crossing edge pairs between provinces" % len(cx))
        if cx:
            err("province edges cross, e.g. %r" % (cx[0],))
    if pv and vn:
        # information only: the old-edition admin-1 lines do not follow the
        # NE 4.1 border exactly (documented in README.md)
        vpolys = polys_of(vn["features"][0]["geometry"])
        lpolys = [p for f in (land or {"features": []})["features"]
                  for p in polys_of(f["geometry"])]
        worst = (0, None, None)
        outside = total = 0
        for f in pv["features"]:
            for p in polys_of(f["geometry"]):
                for x, y in p[0][:-1]:
                    total += 1
                    if not any(pip_poly(x, y, vp) for vp in vpolys):
                        if not any(pip_poly(x, y, lp) for lp in lpolys):
                            continue  # in the sea: coastline editions differ
                        outside += 1
                        d = min(seg_dist_km(x, y, r[i], r[i + 1])
                                for vp in vpolys for r in vp
                                for i in range(len(r) - 1)
                                if abs(r[i][1] - y) < 0.2
                                and abs(r[i][0] - x) < 0.2)
                        if d > worst[0]:
                            worst = (d, f["properties"]["name_vi"], (x, y))
        print("provinces vs Vietnam border (info): %d of %d province "
              "vertices lie on a neighbour's land (NE 4.1); farthest "
              "%.2f km (%s at %r)" % (outside, total, *worst))
    print("%d error(s)" % len(errors))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
