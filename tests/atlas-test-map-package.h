/* atlas-test-map-package.h: the map packages GDAL made for the tests
 * (make-map-packages.sh), and bad ones made from them.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <math.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

/* The colours of quadrants.mbtiles as 0xAARRGGBB, split at 106° E and
 * 22.75° N, and a point well inside each quadrant.
 */
#define QUADRANT_RED    0xffdc2828u   /* north-west */
#define QUADRANT_GREEN  0xff28b428u   /* north-east */
#define QUADRANT_BLUE   0xff2828dcu   /* south-west */
#define QUADRANT_YELLOW 0xffe6c81eu   /* south-east */

typedef struct
{
  double  latitude;
  double  longitude;
  guint32 colour;
} QuadrantPoint;

static const QuadrantPoint quadrant_points[] = {
  { 23.9, 104.6, QUADRANT_RED },
  { 23.9, 107.4, QUADRANT_GREEN },
  { 21.5, 104.6, QUADRANT_BLUE },
  { 21.5, 107.4, QUADRANT_YELLOW },
};

/* Whether two 0xAARRGGBB colours differ by at most @tolerance in each
 * channel (JPEG and WebP tiles are lossy).
 */
static inline gboolean
atlas_test_colour_near (guint32 a,
                        guint32 b,
                        int     tolerance)
{
  for (int shift = 0; shift < 32; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;

  return TRUE;
}

static inline char *
atlas_test_package_path (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

/* A copy of a GDAL-made package in a fresh folder, named @copy_name. */
static inline char *
atlas_test_copy_package (const char *name,
                         const char *copy_name)
{
  g_autofree char *from = atlas_test_package_path (name);
  g_autofree char *dir = g_dir_make_tmp ("atlas-package-XXXXXX", NULL);
  char *to = g_build_filename (dir, copy_name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));

  return to;
}

/* Runs SQL on a file with SQLite, as a person editing a package would;
 * the number of rows it changed.
 */
static inline int
atlas_test_package_exec (const char *path,
                         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int changes;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  changes = sqlite3_changes (db);
  sqlite3_close (db);

  return changes;
}

/* A package copy with one tile's data replaced by text: the tile of
 * zoom @zoom (XYZ rows, as libshumate asks) holding the point.
 */
static inline char *
atlas_test_corrupt_package (int    zoom,
                            double latitude,
                            double longitude)
{
  char *path = atlas_test_copy_package ("quadrants.mbtiles", "damaged.mbtiles");
  double n = 1 << zoom;
  int x = (int) ((longitude + 180) / 360 * n);
  double phi = latitude * G_PI / 180;
  int y = (int) ((1 - asinh (tan (phi)) / G_PI) / 2 * n);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE tiles SET tile_data = CAST('not an image' AS BLOB) "
                         "WHERE zoom_level = %d AND tile_column = %d AND tile_row = %d",
                         zoom, x, (1 << zoom) - 1 - y);
  g_assert_cmpint (atlas_test_package_exec (path, sql), ==, 1);

  return path;
}

/* Removes a copy made above, and its folder. */
static inline void
atlas_test_remove_package (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}
