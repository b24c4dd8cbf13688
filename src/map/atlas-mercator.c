/* atlas-mercator.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-mercator"

#include "config.h"

#include <math.h>

#include "atlas-mercator.h"

/* Web Mercator (EPSG:3857) as libshumate draws it, and the sums the map
 * does on it: where a place falls in the world, which boxes meet, and the
 * view that fits a box, which libshumate does not offer.
 */

double
atlas_mercator_x (double longitude)
{
  return (longitude + 180.0) / 360.0;
}

double
atlas_mercator_y (double latitude)
{
  double phi = CLAMP (latitude, -ATLAS_MERCATOR_MAX_LATITUDE, ATLAS_MERCATOR_MAX_LATITUDE) *
               G_PI / 180.0;

  return (1.0 - asinh (tan (phi)) / G_PI) / 2.0;
}

void
atlas_mercator_project (double              latitude,
                        double              longitude,
                        AtlasMercatorPoint *point)
{
  g_return_if_fail (point != NULL);

  point->x = atlas_mercator_x (longitude);
  point->y = atlas_mercator_y (latitude);
}

double
atlas_mercator_latitude (double y)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

double
atlas_mercator_longitude (double x)
{
  return x * 360.0 - 180.0;
}

/* The world's width in pixels at this zoom level. */
double
atlas_mercator_world_size (double zoom)
{
  return ATLAS_MERCATOR_TILE_SIZE * exp2 (zoom);
}

/* The view that shows @bounds as large as it can in @width × @height
 * pixels with @padding free around it, at a zoom between @min_zoom and
 * @max_zoom, centred in Mercator space. Uneven padding moves the centre
 * away from its larger side.
 */
void
atlas_mercator_fit (const AtlasBounds     *bounds,
                    double                 width,
                    double                 height,
                    const AtlasFitPadding *padding,
                    double                 min_zoom,
                    double                 max_zoom,
                    double                *latitude,
                    double                *longitude,
                    double                *zoom)
{
  double x1, x2, y1, y2, room_x, room_y, zoom_x, zoom_y, world;

  g_return_if_fail (bounds != NULL && !atlas_bounds_is_empty (bounds));
  g_return_if_fail (padding != NULL);
  g_return_if_fail (latitude != NULL && longitude != NULL && zoom != NULL);

  x1 = atlas_mercator_x (bounds->west);
  x2 = atlas_mercator_x (bounds->east);
  y1 = atlas_mercator_y (bounds->north);
  y2 = atlas_mercator_y (bounds->south);
  room_x = MAX (width - padding->left - padding->right, 1);
  room_y = MAX (height - padding->top - padding->bottom, 1);
  zoom_x = x2 - x1 > 0 ? log2 (room_x / (ATLAS_MERCATOR_TILE_SIZE * (x2 - x1))) : max_zoom;
  zoom_y = y2 - y1 > 0 ? log2 (room_y / (ATLAS_MERCATOR_TILE_SIZE * (y2 - y1))) : max_zoom;
  *zoom = MAX (MIN (MIN (zoom_x, zoom_y), max_zoom), min_zoom);

  world = atlas_mercator_world_size (*zoom);
  *latitude = atlas_mercator_latitude ((y1 + y2) / 2.0 -
                                       (padding->top - padding->bottom) / 2.0 / world);
  *longitude = atlas_mercator_longitude ((x1 + x2) / 2.0 -
                                         (padding->left - padding->right) / 2.0 / world);
}

void
atlas_bounds_add (AtlasBounds *bounds,
                  double       latitude,
                  double       longitude)
{
  g_return_if_fail (bounds != NULL);

  bounds->south = MIN (bounds->south, latitude);
  bounds->north = MAX (bounds->north, latitude);
  bounds->west = MIN (bounds->west, longitude);
  bounds->east = MAX (bounds->east, longitude);
}

gboolean
atlas_bounds_is_empty (const AtlasBounds *bounds)
{
  g_return_val_if_fail (bounds != NULL, TRUE);

  return bounds->south > bounds->north || bounds->west > bounds->east;
}

gboolean
atlas_world_area_contains (const AtlasWorldArea *area,
                           double                x,
                           double                y)
{
  g_return_val_if_fail (area != NULL, FALSE);

  return x >= area->left && x <= area->right && y >= area->top && y <= area->bottom;
}

gboolean
atlas_world_area_covers (const AtlasWorldArea *area,
                         const AtlasWorldArea *other)
{
  g_return_val_if_fail (area != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  return atlas_world_area_contains (area, other->left, other->top) &&
         atlas_world_area_contains (area, other->right, other->bottom);
}
