/* test-offline-world.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-offline-world"

#include "config.h"

#include "atlas-offline-map-private.h"

/* Whether a point is inside a ring of points, by the crossings of a ray. */
static gboolean
ring_contains (const AtlasMercatorPoint *points,
               guint                     n_points,
               double                    x,
               double                    y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    if ((points[i].y > y) != (points[j].y > y) &&
        x < points[j].x + (y - points[j].y) * (points[i].x - points[j].x) / (points[i].y - points[j].y))
      inside = !inside;

  return inside;
}

/* Whether the land of the world outside the region is under a place. */
static gboolean
is_land (GPtrArray *world,
         double     latitude,
         double     longitude)
{
  double x = atlas_mercator_x (longitude), y = atlas_mercator_y (latitude);

  for (guint s = 0; s < world->len; s++)
    {
      AtlasShape *shape = g_ptr_array_index (world, s);
      gboolean inside = FALSE;

      if (atlas_shape_is_line (shape))
        continue;

      /* Even-odd, as the map fills it. */
      for (guint r = 0; r < atlas_shape_get_n_rings (shape); r++)
        {
          guint n_points;
          const AtlasMercatorPoint *points = atlas_shape_get_ring (shape, r, &n_points);

          inside ^= ring_contains (points, n_points, x, y);
        }
      if (inside)
        return TRUE;
    }

  return FALSE;
}

/* The places of the dataset abroad stand on land; the oceans stay sea. */
static void
test_places_abroad (void)
{
  g_autoptr(GPtrArray) world = _atlas_offline_map_read_world ();

  g_assert_true (is_land (world, 44.09, 6.24));       /* Haute-Provence */
  g_assert_true (is_land (world, 51.55, 14.72));      /* Muskauer Faltenbogen */
  g_assert_true (is_land (world, 48.86, 2.35));       /* Paris */
  g_assert_true (is_land (world, 40.0, -100.0));      /* Kansas */

  g_assert_false (is_land (world, 40.0, -30.0));      /* the Atlantic */
  g_assert_false (is_land (world, 45.5, -5.0));       /* the Bay of Biscay */
  g_assert_false (is_land (world, 0.0, -150.0));      /* the Pacific */
  g_assert_false (is_land (world, 43.0, 5.0));        /* the Gulf of Lion */
}

/* Inside the region the regional files are the land, drawn as before:
 * the world's only there under them, in a band along the region's edge.
 */
static void
test_not_in_the_region (void)
{
  g_autoptr(GPtrArray) world = _atlas_offline_map_read_world ();

  g_assert_false (is_land (world, 21.0, 105.8));      /* Hà Nội */
  g_assert_false (is_land (world, 14.97, 102.1));     /* Khorat, Thailand */
  g_assert_true (is_land (world, 30.0, 105.0));       /* Sichuan, north of the region */
}

/* The land is filled and outlined at its coasts only: no line runs along
 * the edges where one file's land meets the other's.
 */
static void
test_no_outline_at_cuts (void)
{
  g_autoptr(GPtrArray) world = _atlas_offline_map_read_world ();
  double cut_x = atlas_mercator_x (97);
  guint n_fills = 0, n_lines = 0;

  for (guint s = 0; s < world->len; s++)
    {
      AtlasShape *shape = g_ptr_array_index (world, s);
      const AtlasShapeStyle *style = atlas_shape_get_style (shape);

      g_assert_null (atlas_shape_get_label (shape));
      if (!atlas_shape_is_line (shape))
        {
          n_fills++;
          g_assert_cmpfloat (style->fill.alpha, ==, 1);
          continue;
        }

      n_lines++;
      g_assert_cmpfloat (style->stroke_width, >, 0);
      for (guint r = 0; r < atlas_shape_get_n_rings (shape); r++)
        {
          guint n_points;
          const AtlasMercatorPoint *points = atlas_shape_get_ring (shape, r, &n_points);

          for (guint i = 0; i + 1 < n_points; i++)
            g_assert_false (points[i].x == cut_x && points[i + 1].x == cut_x);
        }
    }

  g_assert_cmpuint (n_fills, >, 300);
  g_assert_cmpuint (n_lines, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/offline-world/places-abroad", test_places_abroad);
  g_test_add_func ("/offline-world/not-in-the-region", test_not_in_the_region);
  g_test_add_func ("/offline-world/no-outline-at-cuts", test_no_outline_at_cuts);

  return g_test_run ();
}
