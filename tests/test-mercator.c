/* test-mercator.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-mercator"

#include "config.h"

#include <math.h>

#include "atlas-mercator.h"

/* The world's corners, its centre, and a point of Cao Bằng there and back. */
static void
test_project (void)
{
  AtlasMercatorPoint point;

  g_assert_cmpfloat (atlas_mercator_x (-180), ==, 0);
  g_assert_cmpfloat (atlas_mercator_x (180), ==, 1);
  g_assert_cmpfloat_with_epsilon (atlas_mercator_y (0), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (atlas_mercator_y (ATLAS_MERCATOR_MAX_LATITUDE), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_mercator_y (-ATLAS_MERCATOR_MAX_LATITUDE), 1, 1e-9);

  atlas_mercator_project (22.85, 106.05, &point);
  g_assert_cmpfloat (point.x, >, 0.5);
  g_assert_cmpfloat (point.y, <, 0.5);
  g_assert_cmpfloat_with_epsilon (atlas_mercator_longitude (point.x), 106.05, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_mercator_latitude (point.y), 22.85, 1e-9);
}

/* Beyond the square world the poles are cut off, as libshumate does. */
static void
test_latitude_limit (void)
{
  g_assert_cmpfloat_with_epsilon (atlas_mercator_y (89.9), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (atlas_mercator_y (-90), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (ATLAS_MERCATOR_MAX_LATITUDE,
                                  atan (sinh (G_PI)) * 180 / G_PI, 1e-9);
}

static void
test_world_size (void)
{
  g_assert_cmpfloat (atlas_mercator_world_size (0), ==, ATLAS_MERCATOR_TILE_SIZE);
  g_assert_cmpfloat (atlas_mercator_world_size (11), ==, ATLAS_MERCATOR_TILE_SIZE * 2048);
}

static void
test_bounds (void)
{
  AtlasBounds bounds = ATLAS_BOUNDS_EMPTY;

  g_assert_true (atlas_bounds_is_empty (&bounds));
  atlas_bounds_add (&bounds, 22.5, 106.2);
  g_assert_false (atlas_bounds_is_empty (&bounds));
  g_assert_cmpfloat (bounds.south, ==, bounds.north);
  atlas_bounds_add (&bounds, 21.9, 106.6);
  atlas_bounds_add (&bounds, 22.1, 105.9);
  g_assert_cmpfloat (bounds.south, ==, 21.9);
  g_assert_cmpfloat (bounds.north, ==, 22.5);
  g_assert_cmpfloat (bounds.west, ==, 105.9);
  g_assert_cmpfloat (bounds.east, ==, 106.6);
}

static void
test_world_area (void)
{
  AtlasWorldArea area = { 10, 20, 110, 220 };
  AtlasWorldArea inside = { 20, 30, 100, 200 };
  AtlasWorldArea across = { 0, 30, 100, 200 };

  g_assert_true (atlas_world_area_contains (&area, 10, 220));
  g_assert_false (atlas_world_area_contains (&area, 9.5, 100));
  g_assert_true (atlas_world_area_covers (&area, &inside));
  g_assert_false (atlas_world_area_covers (&area, &across));
}

/* The fitted box fills the room left by the padding along one side, fits
 * along the other, and sits in the middle of that room.
 */
static void
test_fit (void)
{
  AtlasBounds bounds = { 21.9, 105.9, 22.5, 106.6 };
  AtlasFitPadding padding = { 64, 48, 48, 48 };
  double width = 1000, height = 700;
  double latitude, longitude, zoom, world;
  double left, right, top, bottom;

  atlas_mercator_fit (&bounds, width, height, &padding, 4, 14, &latitude, &longitude, &zoom);
  g_assert_cmpfloat (zoom, >, 4);
  g_assert_cmpfloat (zoom, <, 14);

  world = atlas_mercator_world_size (zoom);
  left = width / 2 + (atlas_mercator_x (bounds.west) - atlas_mercator_x (longitude)) * world;
  right = width / 2 + (atlas_mercator_x (bounds.east) - atlas_mercator_x (longitude)) * world;
  top = height / 2 + (atlas_mercator_y (bounds.north) - atlas_mercator_y (latitude)) * world;
  bottom = height / 2 + (atlas_mercator_y (bounds.south) - atlas_mercator_y (latitude)) * world;
  g_assert_cmpfloat (left, >=, padding.left - 1e-6);
  g_assert_cmpfloat (right, <=, width - padding.right + 1e-6);
  g_assert_cmpfloat (top, >=, padding.top - 1e-6);
  g_assert_cmpfloat (bottom, <=, height - padding.bottom + 1e-6);
  g_assert_true (fabs (right - left - (width - padding.left - padding.right)) < 1e-6 ||
                 fabs (bottom - top - (height - padding.top - padding.bottom)) < 1e-6);
  g_assert_cmpfloat_with_epsilon (left - padding.left, width - padding.right - right, 1e-6);
  g_assert_cmpfloat_with_epsilon (top - padding.top, height - padding.bottom - bottom, 1e-6);
}

/* A single point, or a box too large, gives the closest or farthest zoom. */
static void
test_fit_limits (void)
{
  AtlasBounds point = { 22.0, 106.0, 22.0, 106.0 };
  AtlasBounds world = { -80, -170, 80, 170 };
  AtlasFitPadding padding = { 0, 0, 0, 0 };
  double latitude, longitude, zoom;

  atlas_mercator_fit (&point, 800, 600, &padding, 4, 14, &latitude, &longitude, &zoom);
  g_assert_cmpfloat (zoom, ==, 14);
  g_assert_cmpfloat_with_epsilon (latitude, 22.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (longitude, 106.0, 1e-9);

  atlas_mercator_fit (&world, 800, 600, &padding, 4, 14, &latitude, &longitude, &zoom);
  g_assert_cmpfloat (zoom, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mercator/project", test_project);
  g_test_add_func ("/mercator/latitude-limit", test_latitude_limit);
  g_test_add_func ("/mercator/world-size", test_world_size);
  g_test_add_func ("/mercator/bounds", test_bounds);
  g_test_add_func ("/mercator/world-area", test_world_area);
  g_test_add_func ("/mercator/fit", test_fit);
  g_test_add_func ("/mercator/fit-limits", test_fit_limits);

  return g_test_run ();
}
