/* atlas-shape.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-shape"

#include "config.h"

#include <math.h>

#include "atlas-shape.h"

/* What the shape layers draw: polygons kept in Web Mercator, as fractions
 * of the world's width, so that the map's scale and position turn them
 * into widget coordinates with one affine transform instead of a
 * projection for every vertex of every frame.
 */

#define EARTH_RADIUS_M 6371008.8
#define CIRCLE_POINTS 49

struct _AtlasShape
{
  char               *id;
  char               *label;
  AtlasMercatorPoint  label_at;
  GPtrArray          *rings;         /* GArray of AtlasMercatorPoint */
  double              circle_m;      /* a circle's radius while its ring is unmade */
  AtlasPoint          centre;
  AtlasShapeStyle     style;
  AtlasBounds         bounds;
  AtlasMercatorPoint  top_left;
  AtlasMercatorPoint  bottom_right;
  gboolean            is_line;       /* its rings are open lines */
};

AtlasShape *
atlas_shape_new (const char *id,
                 const char *label,
                 double      label_latitude,
                 double      label_longitude)
{
  AtlasShape *shape = g_new0 (AtlasShape, 1);

  shape->id = g_strdup (id);
  shape->label = g_strdup (label);
  atlas_mercator_project (label_latitude, label_longitude, &shape->label_at);
  shape->rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  shape->bounds = ATLAS_BOUNDS_EMPTY;
  shape->style.stroke_width = 1;
  shape->style.label_scale = 1;

  return shape;
}

void
atlas_shape_free (AtlasShape *shape)
{
  if (shape == NULL)
    return;

  g_free (shape->id);
  g_free (shape->label);
  g_ptr_array_unref (shape->rings);
  g_free (shape);
}

static void
project_bounds (AtlasShape *shape)
{
  atlas_mercator_project (shape->bounds.north, shape->bounds.west, &shape->top_left);
  atlas_mercator_project (shape->bounds.south, shape->bounds.east, &shape->bottom_right);
}

void
atlas_shape_add_ring (AtlasShape       *shape,
                      const AtlasPoint *points,
                      guint             n_points)
{
  GArray *ring;

  g_return_if_fail (shape != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  ring = g_array_sized_new (FALSE, FALSE, sizeof (AtlasMercatorPoint), n_points);
  g_array_set_size (ring, n_points);
  g_ptr_array_add (shape->rings, ring);

  for (guint i = 0; i < n_points; i++)
    {
      atlas_bounds_add (&shape->bounds, points[i].latitude, points[i].longitude);
      atlas_mercator_project (points[i].latitude, points[i].longitude,
                              &g_array_index (ring, AtlasMercatorPoint, i));
    }

  project_bounds (shape);
}

/* A shape of its own with the same rings, style and label. */
AtlasShape *
atlas_shape_copy (const AtlasShape *shape)
{
  AtlasShape *copy;

  g_return_val_if_fail (shape != NULL, NULL);

  copy = g_memdup2 (shape, sizeof *shape);
  copy->id = g_strdup (shape->id);
  copy->label = g_strdup (shape->label);
  copy->rings = g_ptr_array_new_full (shape->rings->len, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < shape->rings->len; i++)
    {
      GArray *ring = g_ptr_array_index (shape->rings, i);
      GArray *ring_copy = g_array_sized_new (FALSE, FALSE, sizeof (AtlasMercatorPoint), ring->len);

      g_array_append_vals (ring_copy, ring->data, ring->len);
      g_ptr_array_add (copy->rings, ring_copy);
    }

  return copy;
}

/* An open line, such as a river: a shape holds lines or rings, never
 * both, since lines are stroked and not filled.
 */
void
atlas_shape_add_line (AtlasShape       *shape,
                      const AtlasPoint *points,
                      guint             n_points)
{
  g_return_if_fail (shape != NULL);
  g_return_if_fail (shape->is_line || shape->rings->len == 0);
  g_return_if_fail (shape->circle_m <= 0);

  shape->is_line = TRUE;
  atlas_shape_add_ring (shape, points, n_points);
}

gboolean
atlas_shape_is_line (const AtlasShape *shape)
{
  g_return_val_if_fail (shape != NULL, FALSE);

  return shape->is_line;
}

/* The ring of a circle of radius_m metres around a point: a polygon whose
 * last point is its first.
 */
static void
add_circle_ring (AtlasShape *shape,
                 double      latitude,
                 double      longitude,
                 double      radius_m)
{
  AtlasPoint points[CIRCLE_POINTS];
  double angular = radius_m / EARTH_RADIUS_M;
  double lat = latitude * G_PI / 180;
  double lon = longitude * G_PI / 180;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double bearing = 2 * G_PI * (i % (G_N_ELEMENTS (points) - 1)) / (G_N_ELEMENTS (points) - 1);
      double lat2 = asin (sin (lat) * cos (angular) + cos (lat) * sin (angular) * cos (bearing));
      double lon2 = lon + atan2 (sin (bearing) * sin (angular) * cos (lat),
                                 cos (angular) - sin (lat) * sin (lat2));

      points[i].latitude = lat2 * 180 / G_PI;
      points[i].longitude = lon2 * 180 / G_PI;
    }

  atlas_shape_add_ring (shape, points, G_N_ELEMENTS (points));
}

/* A circle's ring is made the first time it is drawn or picked: a dataset
 * with thousands of imprecise places would otherwise spend most of its
 * swap into the map on circles that no view has shown yet.
 */
static void
ensure_rings (AtlasShape *shape)
{
  double radius_m = shape->circle_m;

  if (radius_m <= 0)
    return;

  shape->circle_m = 0;
  add_circle_ring (shape, shape->centre.latitude, shape->centre.longitude, radius_m);
}

/* A circle of radius_m metres around a point, as a polygon: how far a place
 * may really be from its pin. Its box is known at once; the polygon is made
 * when first needed.
 */
AtlasShape *
atlas_shape_new_circle (const char *id,
                        double      latitude,
                        double      longitude,
                        double      radius_m)
{
  AtlasShape *shape = atlas_shape_new (id, NULL, latitude, longitude);
  double angular = radius_m / EARTH_RADIUS_M;
  double lat = latitude * G_PI / 180;
  double reach;

  /* Around a pole or over half the Earth, no box is simpler than the ring. */
  if (angular >= G_PI / 2 || sin (angular) >= cos (lat))
    {
      add_circle_ring (shape, latitude, longitude, radius_m);
      return shape;
    }

  /* Its northernmost and southernmost points are due north and south, as
   * are two of the ring's; no point of the ring is further east or west
   * than the circle's widest reach.
   */
  reach = asin (sin (angular) / cos (lat)) * 180 / G_PI;
  atlas_bounds_add (&shape->bounds, latitude - angular * 180 / G_PI, longitude - reach);
  atlas_bounds_add (&shape->bounds, latitude + angular * 180 / G_PI, longitude + reach);
  project_bounds (shape);
  shape->centre = (AtlasPoint) { longitude, latitude };
  shape->circle_m = radius_m;

  return shape;
}

const char *
atlas_shape_get_id (const AtlasShape *shape)
{
  g_return_val_if_fail (shape != NULL, NULL);

  return shape->id;
}

/* The name drawn at the shape's label point, or NULL for none. */
const char *
atlas_shape_get_label (const AtlasShape *shape)
{
  g_return_val_if_fail (shape != NULL, NULL);

  return shape->label;
}

const AtlasMercatorPoint *
atlas_shape_get_label_point (const AtlasShape *shape)
{
  g_return_val_if_fail (shape != NULL, NULL);

  return &shape->label_at;
}

void
atlas_shape_set_style (AtlasShape            *shape,
                       const AtlasShapeStyle *style)
{
  g_return_if_fail (shape != NULL);
  g_return_if_fail (style != NULL);

  shape->style = *style;
}

const AtlasShapeStyle *
atlas_shape_get_style (const AtlasShape *shape)
{
  g_return_val_if_fail (shape != NULL, NULL);

  return &shape->style;
}

/* The shape's box in Web Mercator, known before a circle's ring is made. */
void
atlas_shape_get_box (const AtlasShape   *shape,
                     AtlasMercatorPoint *top_left,
                     AtlasMercatorPoint *bottom_right)
{
  g_return_if_fail (shape != NULL);
  g_return_if_fail (top_left != NULL && bottom_right != NULL);

  *top_left = shape->top_left;
  *bottom_right = shape->bottom_right;
}

/* The rings, made now for a circle whose ring was not needed yet. */
guint
atlas_shape_get_n_rings (AtlasShape *shape)
{
  g_return_val_if_fail (shape != NULL, 0);

  ensure_rings (shape);
  return shape->rings->len;
}

const AtlasMercatorPoint *
atlas_shape_get_ring (AtlasShape *shape,
                      guint       index,
                      guint      *n_points)
{
  GArray *ring;

  g_return_val_if_fail (shape != NULL, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  ensure_rings (shape);
  g_return_val_if_fail (index < shape->rings->len, NULL);

  ring = g_ptr_array_index (shape->rings, index);
  *n_points = ring->len;
  return (const AtlasMercatorPoint *) (void *) ring->data;
}
