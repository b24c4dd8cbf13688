/* test-shape.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-shape"

#include "config.h"

#include <math.h>

#include "atlas-shape.h"

static void
assert_box_holds_rings (AtlasShape *shape)
{
  AtlasMercatorPoint top_left, bottom_right;

  atlas_shape_get_box (shape, &top_left, &bottom_right);
  for (guint r = 0; r < atlas_shape_get_n_rings (shape); r++)
    {
      guint n_points;
      const AtlasMercatorPoint *points = atlas_shape_get_ring (shape, r, &n_points);

      for (guint i = 0; i < n_points; i++)
        {
          g_assert_cmpfloat (points[i].x, >=, top_left.x - 1e-12);
          g_assert_cmpfloat (points[i].x, <=, bottom_right.x + 1e-12);
          g_assert_cmpfloat (points[i].y, >=, top_left.y - 1e-12);
          g_assert_cmpfloat (points[i].y, <=, bottom_right.y + 1e-12);
        }
    }
}

/* A river is a shape of open lines: kept as given (not closed), its box
 * holding them; a shape of rings is no line.
 */
static void
test_lines (void)
{
  static const AtlasPoint river[] = {
    { 105.40, 23.30 }, { 105.42, 23.24 }, { 105.47, 23.20 },
  };
  g_autoptr(AtlasShape) shape = atlas_shape_new (NULL, NULL, 0, 0);
  g_autoptr(AtlasShape) area = atlas_shape_new (NULL, NULL, 0, 0);
  AtlasMercatorPoint top_left, bottom_right;
  const AtlasMercatorPoint *points;
  guint n_points;

  atlas_shape_add_line (shape, river, G_N_ELEMENTS (river));
  g_assert_true (atlas_shape_is_line (shape));
  g_assert_null (atlas_shape_get_label (shape));
  g_assert_cmpuint (atlas_shape_get_n_rings (shape), ==, 1);
  points = atlas_shape_get_ring (shape, 0, &n_points);
  g_assert_cmpuint (n_points, ==, G_N_ELEMENTS (river));
  g_assert_cmpfloat_with_epsilon (points[2].x, atlas_mercator_x (105.47), 1e-12);

  atlas_shape_get_box (shape, &top_left, &bottom_right);
  g_assert_cmpfloat_with_epsilon (top_left.x, atlas_mercator_x (105.40), 1e-12);
  g_assert_cmpfloat_with_epsilon (top_left.y, atlas_mercator_y (23.30), 1e-12);
  g_assert_cmpfloat_with_epsilon (bottom_right.x, atlas_mercator_x (105.47), 1e-12);
  g_assert_cmpfloat_with_epsilon (bottom_right.y, atlas_mercator_y (23.20), 1e-12);

  atlas_shape_add_ring (area, river, G_N_ELEMENTS (river));
  g_assert_false (atlas_shape_is_line (area));
}

/* A copy is a shape of its own: the same rings and kind, freed apart. */
static void
test_copy (void)
{
  static const AtlasPoint river[] = { { 105.40, 23.30 }, { 105.42, 23.24 } };
  AtlasShape *shape = atlas_shape_new ("nho-que", "Nho Quế", 23.24, 105.42);
  g_autoptr(AtlasShape) copy = NULL;
  AtlasShapeStyle style = { .stroke_width = 1.5, .min_zoom = 9 };
  const AtlasMercatorPoint *points;
  guint n_points;

  atlas_shape_add_line (shape, river, G_N_ELEMENTS (river));
  atlas_shape_set_style (shape, &style);
  copy = atlas_shape_copy (shape);
  atlas_shape_free (shape);

  g_assert_true (atlas_shape_is_line (copy));
  g_assert_cmpstr (atlas_shape_get_id (copy), ==, "nho-que");
  g_assert_cmpstr (atlas_shape_get_label (copy), ==, "Nho Quế");
  g_assert_cmpfloat (atlas_shape_get_style (copy)->min_zoom, ==, 9);
  g_assert_cmpuint (atlas_shape_get_n_rings (copy), ==, 1);
  points = atlas_shape_get_ring (copy, 0, &n_points);
  g_assert_cmpuint (n_points, ==, 2);
  g_assert_cmpfloat_with_epsilon (points[1].y, atlas_mercator_y (23.24), 1e-12);
}

/* A polygon's rings are kept in Web Mercator, and its box holds them all. */
static void
test_rings (void)
{
  static const AtlasPoint outer[] = {
    { 105.9, 22.1 }, { 106.6, 21.9 }, { 106.5, 22.5 }, { 105.9, 22.1 },
  };
  static const AtlasPoint hole[] = {
    { 106.2, 22.1 }, { 106.3, 22.1 }, { 106.25, 22.2 }, { 106.2, 22.1 },
  };
  g_autoptr(AtlasShape) shape = atlas_shape_new ("caobang", "Non nước Cao Bằng", 22.2, 106.2);
  AtlasMercatorPoint top_left, bottom_right;
  const AtlasMercatorPoint *points;
  guint n_points;

  g_assert_cmpstr (atlas_shape_get_id (shape), ==, "caobang");
  g_assert_cmpstr (atlas_shape_get_label (shape), ==, "Non nước Cao Bằng");
  g_assert_cmpfloat_with_epsilon (atlas_shape_get_label_point (shape)->x, atlas_mercator_x (106.2),
                                  1e-12);
  g_assert_cmpuint (atlas_shape_get_n_rings (shape), ==, 0);

  atlas_shape_add_ring (shape, outer, G_N_ELEMENTS (outer));
  atlas_shape_add_ring (shape, hole, G_N_ELEMENTS (hole));
  g_assert_cmpuint (atlas_shape_get_n_rings (shape), ==, 2);
  points = atlas_shape_get_ring (shape, 0, &n_points);
  g_assert_cmpuint (n_points, ==, G_N_ELEMENTS (outer));
  g_assert_cmpfloat_with_epsilon (points[1].x, atlas_mercator_x (106.6), 1e-12);
  g_assert_cmpfloat_with_epsilon (points[1].y, atlas_mercator_y (21.9), 1e-12);

  atlas_shape_get_box (shape, &top_left, &bottom_right);
  g_assert_cmpfloat_with_epsilon (top_left.x, atlas_mercator_x (105.9), 1e-12);
  g_assert_cmpfloat_with_epsilon (top_left.y, atlas_mercator_y (22.5), 1e-12);
  g_assert_cmpfloat_with_epsilon (bottom_right.x, atlas_mercator_x (106.6), 1e-12);
  g_assert_cmpfloat_with_epsilon (bottom_right.y, atlas_mercator_y (21.9), 1e-12);
  assert_box_holds_rings (shape);
}

/* A circle's box is known before its ring is made; the ring, closed, lies
 * in that box at the radius from the centre.
 */
static void
test_circle (void)
{
  g_autoptr(AtlasShape) shape = atlas_shape_new_circle ("place", 22.85, 106.05, 10000);
  AtlasMercatorPoint top_left, bottom_right;
  const AtlasMercatorPoint *points;
  guint n_points;
  double height;

  g_assert_null (atlas_shape_get_label (shape));
  atlas_shape_get_box (shape, &top_left, &bottom_right);
  height = (atlas_mercator_latitude (top_left.y) - atlas_mercator_latitude (bottom_right.y));
  /* 20 km of latitude. */
  g_assert_cmpfloat_with_epsilon (height, 20000 / 6371008.8 * 180 / G_PI, 1e-9);

  g_assert_cmpuint (atlas_shape_get_n_rings (shape), ==, 1);
  points = atlas_shape_get_ring (shape, 0, &n_points);
  g_assert_cmpuint (n_points, >, 16);
  g_assert_cmpfloat (points[0].x, ==, points[n_points - 1].x);
  g_assert_cmpfloat (points[0].y, ==, points[n_points - 1].y);
  assert_box_holds_rings (shape);
  /* The ring made the box no larger: it was the circle's own. */
  {
    AtlasMercatorPoint after_top_left, after_bottom_right;

    atlas_shape_get_box (shape, &after_top_left, &after_bottom_right);
    g_assert_cmpfloat_with_epsilon (after_top_left.x, top_left.x, 1e-9);
    g_assert_cmpfloat_with_epsilon (after_bottom_right.y, bottom_right.y, 1e-9);
  }
}

/* Around a pole no box is simpler than the ring, which is made at once. */
static void
test_circle_near_pole (void)
{
  g_autoptr(AtlasShape) shape = atlas_shape_new_circle ("pole", 89.99, 0, 50000);

  assert_box_holds_rings (shape);
}

static void
test_style (void)
{
  g_autoptr(AtlasShape) shape = atlas_shape_new ("area", NULL, 0, 0);
  AtlasShapeStyle style = { .stroke_width = 2.5, .dashed = TRUE, .min_zoom = 11 };

  g_assert_cmpfloat (atlas_shape_get_style (shape)->stroke_width, ==, 1);
  atlas_shape_set_style (shape, &style);
  g_assert_cmpfloat (atlas_shape_get_style (shape)->stroke_width, ==, 2.5);
  g_assert_true (atlas_shape_get_style (shape)->dashed);
  g_assert_cmpfloat (atlas_shape_get_style (shape)->min_zoom, ==, 11);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shape/rings", test_rings);
  g_test_add_func ("/shape/lines", test_lines);
  g_test_add_func ("/shape/copy", test_copy);
  g_test_add_func ("/shape/circle", test_circle);
  g_test_add_func ("/shape/circle-near-pole", test_circle_near_pole);
  g_test_add_func ("/shape/style", test_style);

  return g_test_run ();
}
