/* atlas-mercator.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the square world of Web Mercator ends, north and south:
 * atan (sinh (π)), as libshumate's SHUMATE_MAX_LATITUDE, so that what we
 * project lands where libshumate puts its tiles and markers.
 */
#define ATLAS_MERCATOR_MAX_LATITUDE 85.0511287798

/* The world's width in pixels at zoom level 0. */
#define ATLAS_MERCATOR_TILE_SIZE 256

/* A point of the world as fractions of its width, from the top left. */
typedef struct
{
  double x;
  double y;
} AtlasMercatorPoint;

/* A box of the Earth in degrees; empty (south > north) until a point is
 * added.
 */
typedef struct
{
  double south;
  double west;
  double north;
  double east;
} AtlasBounds;

#define ATLAS_BOUNDS_EMPTY ((AtlasBounds) { 90, 180, -90, -180 })

/* A rectangle of the world in pixels at one zoom level: doubles, as the
 * world is millions of pixels wide at close zoom.
 */
typedef struct
{
  double left;
  double top;
  double right;
  double bottom;
} AtlasWorldArea;

/* Pixels of a view left free around a fitted box, on each side. */
typedef struct
{
  double top;
  double right;
  double bottom;
  double left;
} AtlasFitPadding;

double   atlas_mercator_x               (double                 longitude);
double   atlas_mercator_y               (double                 latitude);
void     atlas_mercator_project         (double                 latitude,
                                         double                 longitude,
                                         AtlasMercatorPoint    *point);
double   atlas_mercator_latitude        (double                 y);
double   atlas_mercator_longitude       (double                 x);
double   atlas_mercator_world_size      (double                 zoom);
void     atlas_mercator_fit             (const AtlasBounds     *bounds,
                                         double                 width,
                                         double                 height,
                                         const AtlasFitPadding *padding,
                                         double                 min_zoom,
                                         double                 max_zoom,
                                         double                *latitude,
                                         double                *longitude,
                                         double                *zoom);

void     atlas_bounds_add               (AtlasBounds           *bounds,
                                         double                 latitude,
                                         double                 longitude);
gboolean atlas_bounds_is_empty          (const AtlasBounds     *bounds);

gboolean atlas_world_area_contains      (const AtlasWorldArea  *area,
                                         double                 x,
                                         double                 y);
gboolean atlas_world_area_covers        (const AtlasWorldArea  *area,
                                         const AtlasWorldArea  *other);

G_END_DECLS
