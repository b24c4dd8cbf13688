#!/bin/sh
# Map packages for the tests, made as a GIS officer makes them: GDAL writes
# a raster whose colour says where it is as MBTiles, with lower zooms added
# by gdaladdo.
#
#   tests/make-map-packages.sh OUTDIR
#
# quadrants.mbtiles covers 104–108° E, 21–24.5° N, in four colours split at
# 106° E and 22.75° N: north-west red (220, 40, 40), north-east green
# (40, 180, 40), south-west blue (40, 40, 220), south-east yellow
# (230, 200, 30). PNG tiles at zooms 6 to 8, named "Quadrants";
# quadrants-jpeg.mbtiles is the same in JPEG, quadrants-webp.mbtiles in
# WebP at quality 100 (still lossy). GDAL 3.6 writes no attribution: the
# tests add one, as QGIS writes it. For WebP it warns that WEBP is not one
# of TILE_FORMAT's values, writes WebP tiles all the same and labels them
# "png" in the metadata: the app goes by the tiles' bytes.
#
# Copyright 2026 The Geopark Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

out=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

quadrant () {
  gdal_create -q -of GTiff -outsize 400 350 -bands 3 \
    -burn "$2" -burn "$3" -burn "$4" -a_srs EPSG:4326 -a_ullr $5 "$work/$1.tif"
}

quadrant nw 220 40 40 '104 24.5 106 22.75'
quadrant ne 40 180 40 '106 24.5 108 22.75'
quadrant sw 40 40 220 '104 22.75 106 21'
quadrant se 230 200 30 '106 22.75 108 21'
gdalbuildvrt -q "$work/quadrants.vrt" "$work/nw.tif" "$work/ne.tif" "$work/sw.tif" "$work/se.tif"

# package NAME FORMAT [QUALITY]: the overviews are made as the full
# resolution is, which gdaladdo is told (GDAL 3.6 would make WebP ones PNG).
package () {
  rm -f "$out/$1"
  gdal_translate -q -of MBTILES -co TILE_FORMAT="$2" ${3:+-co QUALITY="$3"} \
    -co NAME=Quadrants -co 'DESCRIPTION=Four colours for the tests' \
    "$work/quadrants.vrt" "$work/$1"
  gdaladdo -q -r nearest -oo TILE_FORMAT="$2" ${3:+-oo QUALITY="$3"} "$work/$1" 2 4
  mv "$work/$1" "$out/$1"
}

package quadrants.mbtiles PNG
package quadrants-jpeg.mbtiles JPEG
package quadrants-webp.mbtiles WEBP 100
