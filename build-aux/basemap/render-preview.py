#!/usr/bin/env python3
"""Render a quick visual check of data/basemap/*.geojson (developer aid).

    python3 build-aux/basemap/render-preview.py --out /tmp/basemap-preview \\
        [--sites /work/shared/geodata/geosites.csv]

Writes overview.svg/.png (whole region box), south.svg/.png (Đắk Lắk,
Lâm Đồng) and north.svg/.png (the Cao Bằng – Hà Giang border area;
geosite pins if --sites is given) in
Web Mercator, like libshumate.  PNG conversion needs rsvg-convert
(Debian package librsvg2-bin); without it only the SVGs are written.
Python 3 standard library only.  Nothing is written into the source tree.
"""

import argparse
import csv
import json
import math
import os
import shutil
import subprocess
from xml.sax.saxutils import escape


def merc_y(lat):
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def polys_of(g):
    return [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]


def render(layers, view, width, path_svg, sites=(), title=""):
    x0, y0, x1, y1 = view
    s = width / (x1 - x0)
    height = int(round((merc_y(y1) - merc_y(y0)) * s))

    def P(lon, lat):
        return (lon - x0) * s, (merc_y(y1) - merc_y(lat)) * s

    def d_of(geom):
        out = []
        for poly in polys_of(geom):
            for r in poly:
                pts = [P(x, y) for x, y in r]
                out.append("M" + "L".join("%.1f,%.1f" % p for p in pts) + "Z")
        return "".join(out)

    land, vn, pv = layers
    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
         'font-family="DejaVu Sans">' % (width, height),
         '<rect width="100%" height="100%" fill="#aacbe6"/>']
    for f in land["features"]:
        o.append('<path d="%s" fill="#e9e4d6" stroke="#8c8c8c" '
                 'stroke-width="0.7" fill-rule="evenodd"/>' % d_of(f["geometry"]))
    for f in vn["features"]:
        if f["properties"]["kind"] == "country":
            o.append('<path d="%s" fill="#fff3c4" stroke="#b03a2e" '
                     'stroke-width="1.2" fill-rule="evenodd"/>'
                     % d_of(f["geometry"]))
    for f in pv["features"]:
        o.append('<path d="%s" fill="#f5c77e" fill-opacity="0.45" '
                 'stroke="#8a5a00" stroke-width="0.8" stroke-dasharray="3,2" '
                 'fill-rule="evenodd"/>' % d_of(f["geometry"]))
    for f in vn["features"]:
        p = f["properties"]
        if p["kind"] == "archipelago":
            o.append('<path d="%s" fill="#b03a2e" stroke="#b03a2e" '
                     'stroke-width="1.5"/>' % d_of(f["geometry"]))
    for f in land["features"] + vn["features"] + pv["features"]:
        p = f["properties"]
        x, y = P(p["label_lon"], p["label_lat"])
        if not (0 <= x <= width and 0 <= y <= height):
            continue
        size = {"country": 15, "archipelago": 11, "province": 10}[p["kind"]]
        color = "#555" if p.get("iso_a3") not in (None, "VNM") else "#6b1f12"
        if p["kind"] == "province":
            color = "#5a3a00"
        o.append('<circle cx="%.1f" cy="%.1f" r="1.5" fill="%s"/>'
                 % (x, y, color))
        o.append('<text x="%.1f" y="%.1f" font-size="%d" fill="%s" '
                 'text-anchor="middle" stroke="#fff" stroke-width="2.5" '
                 'paint-order="stroke">%s</text>'
                 % (x, y - 3, size, color, escape(p["name_vi"])))
    for lat, lon, name in sites:
        if x0 <= lon <= x1 and y0 <= lat <= y1:
            x, y = P(lon, lat)
            o.append('<circle cx="%.1f" cy="%.1f" r="3" fill="#1f5fbf" '
                     'stroke="#fff" stroke-width="1"/>' % (x, y))
            if name:
                o.append('<text x="%.1f" y="%.1f" font-size="9" '
                         'fill="#1f3f7f">%s</text>' % (x + 4, y + 3,
                                                       escape(name)))
    o.append('<text x="8" y="%d" font-size="11" fill="#333">%s</text>'
             % (height - 8, escape(title)))
    o.append("</svg>")
    with open(path_svg, "w", encoding="utf-8") as fh:
        fh.write("\n".join(o))
    rsvg = shutil.which("rsvg-convert")
    if rsvg:
        png = path_svg[:-4] + ".png"
        subprocess.run([rsvg, "-o", png, path_svg], check=True)
        return png
    return path_svg


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=os.path.normpath(
        os.path.join(here, "..", "..", "data", "basemap")))
    ap.add_argument("--out", default="/tmp/basemap-preview")
    ap.add_argument("--sites", help="geosites.csv (lat/lon/name_vi) to pin")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    layers = [json.load(open(os.path.join(a.dir, n), encoding="utf-8"))
              for n in ("land.geojson", "vietnam.geojson",
                        "provinces.geojson")]
    sites = []
    if a.sites:
        with open(a.sites, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                sites.append((float(row["lat"]), float(row["lon"]),
                              row["name_vi"]))
    print(render(layers, (97.0, 5.0, 118.0, 27.0), 1100,
                 os.path.join(a.out, "overview.svg"),
                 [(la, lo, "") for la, lo, _ in sites],
                 "data/basemap: land (grey), Việt Nam (yellow), 9 derived "
                 "provinces (orange, dashed), Hoàng Sa / Trường Sa (red)"))
    print(render(layers, (106.3, 10.2, 109.8, 14.0), 900,
                 os.path.join(a.out, "south.svg"), sites,
                 "Đắk Lắk and Lâm Đồng (2025, derived)"))
    print(render(layers, (104.3, 21.9, 107.2, 23.45), 1300,
                 os.path.join(a.out, "north.svg"), sites,
                 "North border at full detail; blue = geosites.csv pins"))


if __name__ == "__main__":
    main()
