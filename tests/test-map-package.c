/* test-map-package.c: map packages made by GDAL, read without a display.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-map-package"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "atlas-map-package-private.h"
#include "atlas-mercator.h"
#include "atlas-package-source.h"
#include "atlas-test-map-package.h"

static AtlasMapPackage *
open_package (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return atlas_map_package_open (file, NULL, error);
}

static AtlasMapPackage *
open_fixture (const char *name)
{
  g_autofree char *path = atlas_test_package_path (name);
  g_autoptr(GError) error = NULL;
  AtlasMapPackage *package = open_package (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (package);

  return package;
}

/* The tile holding the point at @zoom (XYZ), and the point's pixel in it. */
static void
locate (double  latitude,
        double  longitude,
        int     zoom,
        int    *x,
        int    *y,
        int    *px,
        int    *py)
{
  double size = atlas_mercator_world_size (zoom);
  double wx = atlas_mercator_x (longitude) * size;
  double wy = atlas_mercator_y (latitude) * size;

  *x = (int) (wx / ATLAS_MERCATOR_TILE_SIZE);
  *y = (int) (wy / ATLAS_MERCATOR_TILE_SIZE);
  *px = (int) wx % ATLAS_MERCATOR_TILE_SIZE;
  *py = (int) wy % ATLAS_MERCATOR_TILE_SIZE;
}

/* 0xAARRGGBB of a pixel of an image (premultiplied), decoded as the app
 * decodes it.
 */
static guint32
pixel_of (GBytes *image,
          int     px,
          int     py)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *pixels = NULL;
  int width;

  texture = gdk_texture_new_from_bytes (image, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));
  /* GDK_MEMORY_DEFAULT: one native-endian ARGB word a pixel. */
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  return pixels[py * width + px];
}

static void
test_metadata (void)
{
  g_autoptr(AtlasMapPackage) package = open_fixture ("quadrants.mbtiles");
  const AtlasBounds *bounds = atlas_map_package_get_bounds (package);

  g_assert_cmpstr (atlas_map_package_get_name (package), ==, "Quadrants");
  g_assert_cmpstr (atlas_map_package_get_format (package), ==, "png");
  g_assert_null (atlas_map_package_get_attribution (package));
  g_assert_cmpint (atlas_map_package_get_min_zoom (package), ==, 6);
  g_assert_cmpint (atlas_map_package_get_max_zoom (package), ==, 8);
  g_assert_cmpfloat_with_epsilon (bounds->west, 104, 0.01);
  g_assert_cmpfloat_with_epsilon (bounds->east, 108, 0.01);
  g_assert_cmpfloat_with_epsilon (bounds->south, 21, 0.01);
  g_assert_cmpfloat_with_epsilon (bounds->north, 24.5, 0.01);
  g_assert_true (atlas_map_package_covers (package, 22.0, 105.0));
  g_assert_false (atlas_map_package_covers (package, 20.0, 105.0));
  g_assert_false (atlas_map_package_covers (package, 22.0, 109.0));
}

/* Each quadrant's colour where it is, at every zoom the package holds:
 * the rows are turned from MBTiles' south-up to libshumate's north-down.
 */
static void
check_tiles (const char *name,
             int         tolerance)
{
  g_autoptr(AtlasMapPackage) package = open_fixture (name);

  for (int zoom = 6; zoom <= 8; zoom++)
    for (guint i = 0; i < G_N_ELEMENTS (quadrant_points); i++)
      {
        const QuadrantPoint *point = &quadrant_points[i];
        g_autoptr(GBytes) tile = NULL;
        g_autoptr(GError) error = NULL;
        int x, y, px, py;

        locate (point->latitude, point->longitude, zoom, &x, &y, &px, &py);
        tile = atlas_map_package_read_tile (package, x, y, zoom, &error);
        g_assert_no_error (error);
        g_assert_nonnull (tile);
        g_assert_true (atlas_test_colour_near (pixel_of (tile, px, py), point->colour, tolerance));
      }
}

static void
test_tiles_png (void)
{
  check_tiles ("quadrants.mbtiles", 0);
}

static void
test_tiles_jpeg (void)
{
  g_autoptr(AtlasMapPackage) package = open_fixture ("quadrants-jpeg.mbtiles");

  g_assert_cmpstr (atlas_map_package_get_format (package), ==, "jpg");
  check_tiles ("quadrants-jpeg.mbtiles", 12);
}

/* Whether gdk-pixbuf hands images to glycin loaders, which must start a
 * sandbox of their own (gdk-pixbuf 2.43 and later).
 */
static gboolean
decodes_through_glycin (void)
{
  return gdk_pixbuf_major_version > 2 ||
         (gdk_pixbuf_major_version == 2 && gdk_pixbuf_minor_version >= 43);
}

/* GDAL 3.6 labels its WebP tiles "png"; they are WebP all the same. */
static void
test_tiles_webp (void)
{
  g_autoptr(AtlasMapPackage) package = open_fixture ("quadrants-webp.mbtiles");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int x, y, px, py;

  g_assert_cmpstr (atlas_map_package_get_format (package), ==, "webp");

  /* GTK decodes WebP through gdk-pixbuf. Where that means glycin and no
   * sandbox can be made for it (flatpak-builder's test run), no WebP
   * image can be decoded at all, the app's or any other.
   */
  locate (quadrant_points[0].latitude, quadrant_points[0].longitude, 7, &x, &y, &px, &py);
  first = atlas_map_package_read_tile (package, x, y, 7, NULL);
  g_assert_nonnull (first);
  texture = gdk_texture_new_from_bytes (first, &error);
  if (texture == NULL && decodes_through_glycin ())
    {
      g_autofree char *reason = g_strdup_printf ("glycin cannot decode WebP here: %s",
                                                 error->message);

      g_test_skip (reason);
      return;
    }
  g_assert_no_error (error);

  check_tiles ("quadrants-webp.mbtiles", 12);

  /* Every zoom in WebP, gdaladdo's too, not only the first tile. */
  for (int zoom = 6; zoom <= 8; zoom++)
    {
      g_autoptr(GBytes) tile = NULL;
      gsize size;
      const char *data;

      locate (quadrant_points[0].latitude, quadrant_points[0].longitude, zoom, &x, &y, &px, &py);
      tile = atlas_map_package_read_tile (package, x, y, zoom, NULL);
      g_assert_nonnull (tile);
      data = g_bytes_get_data (tile, &size);
      g_assert_cmpuint (size, >=, 12);
      g_assert_cmpmem (data + 8, 4, "WEBP", 4);
    }
}

/* Outside its box and zooms the package has no tile, and that is no error. */
static void
test_no_tile (void)
{
  g_autoptr(AtlasMapPackage) package = open_fixture ("quadrants.mbtiles");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) outside = NULL;
  g_autoptr(GBytes) too_far = NULL;
  int x, y, px, py;

  locate (19.0, 106.0, 7, &x, &y, &px, &py);
  outside = atlas_map_package_read_tile (package, x, y, 7, &error);
  g_assert_no_error (error);
  g_assert_null (outside);

  locate (22.0, 105.0, 5, &x, &y, &px, &py);
  too_far = atlas_map_package_read_tile (package, x, y, 5, &error);
  g_assert_no_error (error);
  g_assert_null (too_far);
}

/* Without metadata: the name from the file, the format from the tiles'
 * bytes, the zooms and the box from the tiles.
 */
static void
test_without_metadata (void)
{
  g_autofree char *path = atlas_test_copy_package ("quadrants.mbtiles",
                                                   "Bản Giốc 1_25k.mbtiles");
  g_autoptr(AtlasMapPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  const AtlasBounds *bounds;

  atlas_test_package_exec (path, "DELETE FROM metadata");
  package = open_package (path, &error);
  g_assert_no_error (error);

  bounds = atlas_map_package_get_bounds (package);
  g_assert_cmpstr (atlas_map_package_get_name (package), ==, "Bản Giốc 1_25k");
  g_assert_cmpstr (atlas_map_package_get_format (package), ==, "png");
  g_assert_cmpint (atlas_map_package_get_min_zoom (package), ==, 6);
  g_assert_cmpint (atlas_map_package_get_max_zoom (package), ==, 8);
  /* The tiles' own edges, around the raster's. */
  g_assert_cmpfloat (bounds->west, <=, 104);
  g_assert_cmpfloat (bounds->west, >, 104 - 360.0 / 256);
  g_assert_cmpfloat (bounds->east, >=, 108);
  g_assert_cmpfloat (bounds->east, <, 108 + 360.0 / 256);
  g_assert_cmpfloat (bounds->south, <=, 21);
  g_assert_cmpfloat (bounds->south, >, 19.5);
  g_assert_cmpfloat (bounds->north, >=, 24.5);
  g_assert_cmpfloat (bounds->north, <, 26);

  g_clear_object (&package);
  atlas_test_remove_package (path);
}

/* MBTiles allows HTML in the attribution; the credits show its text. */
static void
test_attribution (void)
{
  g_autofree char *path = atlas_test_copy_package ("quadrants.mbtiles", "attributed.mbtiles");
  g_autoptr(AtlasMapPackage) package = NULL;
  g_autoptr(GError) error = NULL;

  atlas_test_package_exec (path, "INSERT INTO metadata VALUES ('attribution', "
                                 "'<a href=\"https://example.org/\">&copy; Geopark GIS team "
                                 "&amp; friends</a>')");
  package = open_package (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_map_package_get_attribution (package), ==,
                   "© Geopark GIS team & friends");

  g_clear_object (&package);
  atlas_test_remove_package (path);
}

static void
test_plain_text (void)
{
  static const struct {
    const char *html;
    const char *text;
  } cases[] = {
    { "© OpenStreetMap contributors", "© OpenStreetMap contributors" },
    { "<a href='https://osm.org/copyright'>&copy; OSM</a> &amp; <b>Sở TN&amp;MT</b>",
      "© OSM & Sở TN&MT" },
    { "  a &lt;b&gt; c ", "a <b> c" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _atlas_map_package_plain_text (cases[i].html);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Each bad file: the error says which file and what is wrong. */
static void
check_bad (const char *path,
           int         code,
           const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasMapPackage) package = open_package (path, &error);
  g_autofree char *name = g_path_get_basename (path);

  g_assert_null (package);
  g_assert_error (error, ATLAS_MAP_PACKAGE_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-package-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.mbtiles", NULL);
  g_autofree char *no_tiles = g_build_filename (dir, "no-tiles.mbtiles", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.mbtiles", NULL);
  g_autofree char *vector = atlas_test_copy_package ("quadrants.mbtiles", "vector.mbtiles");
  g_autofree char *tiff = atlas_test_copy_package ("quadrants.mbtiles", "tiff.mbtiles");
  g_autofree char *empty = atlas_test_copy_package ("quadrants.mbtiles", "empty.mbtiles");

  g_assert_true (g_file_set_contents (text, "Bản đồ địa chất, in năm 2024\n", -1, NULL));
  check_bad (text, ATLAS_MAP_PACKAGE_ERROR_NOT_SQLITE, "SQLite");

  atlas_test_package_exec (no_tiles, "CREATE TABLE metadata (name TEXT, value TEXT);"
                                     "INSERT INTO metadata VALUES ('format', 'png')");
  check_bad (no_tiles, ATLAS_MAP_PACKAGE_ERROR_NO_TILES, "tiles");

  check_bad (missing, ATLAS_MAP_PACKAGE_ERROR_NOT_FOUND, "cannot be found");

  atlas_test_package_exec (vector, "UPDATE metadata SET value = 'pbf' WHERE name = 'format'");
  check_bad (vector, ATLAS_MAP_PACKAGE_ERROR_VECTOR, "vector tiles");

  atlas_test_package_exec (tiff, "UPDATE metadata SET value = 'tiff' WHERE name = 'format'");
  check_bad (tiff, ATLAS_MAP_PACKAGE_ERROR_FORMAT, "tiff");

  atlas_test_package_exec (empty, "DELETE FROM tiles");
  check_bad (empty, ATLAS_MAP_PACKAGE_ERROR_EMPTY, "no tiles");

  g_remove (text);
  g_remove (no_tiles);
  g_rmdir (dir);
  atlas_test_remove_package (vector);
  atlas_test_remove_package (tiff);
  atlas_test_remove_package (empty);
}

/* Without a WebP loader a WebP package is refused, saying why. The child
 * process is given an empty list of gdk-pixbuf loaders before gdk-pixbuf
 * first reads it, so this runs where the loader is installed too.
 */
static void
test_webp_without_loader (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("atlas-loaders-XXXXXX", NULL);
      g_autofree char *cache = g_build_filename (dir, "loaders.cache", NULL);
      g_autofree char *path = atlas_test_package_path ("quadrants-webp.mbtiles");

      g_assert_true (g_file_set_contents (cache, "# No loaders\n", -1, NULL));
      g_setenv ("GDK_PIXBUF_MODULE_FILE", cache, TRUE);
      check_bad (path, ATLAS_MAP_PACKAGE_ERROR_FORMAT, "WebP");
      g_remove (cache);
      g_rmdir (dir);
      return;
    }

  /* gdk-pixbuf 2.43 and later (forky's 2.44) decode through glycin as well
   * as through the loaders listed: an empty list leaves WebP readable.
   */
  if (decodes_through_glycin ())
    {
      g_test_skip ("gdk-pixbuf decodes through glycin here: WebP cannot be taken away");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
on_tile_data (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GBytes **bytes = user_data;
  g_autoptr(GError) error = NULL;

  *bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, &error);
  g_assert_no_error (error);
}

/* What the source gives libshumate for a tile, and what it said with
 * "received-data" (libshumate 1.0 draws that).
 */
static GBytes *
fetch (AtlasPackageSource *source,
       int                 x,
       int                 y,
       int                 zoom)
{
  GBytes *bytes = NULL;

  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), x, y, zoom, NULL,
                                           on_tile_data, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);

  return bytes;
}

static void
on_received_data (ShumateDataSource *source,
                  int                x,
                  int                y,
                  int                zoom,
                  GBytes            *bytes,
                  gpointer           user_data)
{
  guint *n_received = user_data;

  (*n_received)++;
}

/* Past the package's deepest zoom (8), the deepest tile's part is scaled
 * up: each quadrant's colour is where it is at zoom 11, close to the
 * corner where the four meet; above its shallowest (6), nothing.
 */
static void
test_source_overzoom (void)
{
  g_autoptr(AtlasMapPackage) package = open_fixture ("quadrants.mbtiles");
  g_autoptr(AtlasPackageSource) source = atlas_package_source_new (package);
  static const QuadrantPoint near_corner[] = {
    { 22.80, 105.95, QUADRANT_RED },
    { 22.80, 106.05, QUADRANT_GREEN },
    { 22.70, 105.95, QUADRANT_BLUE },
    { 22.70, 106.05, QUADRANT_YELLOW },
  };
  guint n_received = 0;
  int x, y, px, py;

  g_signal_connect (source, "received-data", G_CALLBACK (on_received_data), &n_received);

  for (guint i = 0; i < G_N_ELEMENTS (near_corner); i++)
    {
      g_autoptr(GBytes) tile = NULL;

      locate (near_corner[i].latitude, near_corner[i].longitude, 11, &x, &y, &px, &py);
      tile = fetch (source, x, y, 11);
      g_assert_cmphex (pixel_of (tile, px, py), ==, near_corner[i].colour);
    }
  g_assert_cmpuint (n_received, ==, G_N_ELEMENTS (near_corner));

  {
    g_autoptr(GBytes) tile = NULL;

    locate (22.0, 105.0, 5, &x, &y, &px, &py);
    tile = fetch (source, x, y, 5);
    g_assert_cmphex (pixel_of (tile, 0, 0) >> 24, ==, 0);
  }
}

static void
on_problem (AtlasPackageSource *source,
            const GError       *error,
            gpointer            user_data)
{
  GPtrArray *problems = user_data;

  g_ptr_array_add (problems, g_strdup (error->message));
}

/* A damaged tile is a transparent one (the built-in map shows), and said
 * once, however often it is asked for and scaled up.
 */
static void
test_source_corrupt_tile (void)
{
  g_autofree char *path = atlas_test_corrupt_package (8, 23.9, 104.6);
  g_autoptr(AtlasMapPackage) package = NULL;
  g_autoptr(AtlasPackageSource) source = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int x, y, px, py;

  package = open_package (path, &error);
  g_assert_no_error (error);
  source = atlas_package_source_new (package);
  g_signal_connect (source, "problem", G_CALLBACK (on_problem), problems);

  for (int zoom = 8; zoom <= 10; zoom++)
    for (int round = 0; round < 2; round++)
      {
        g_autoptr(GBytes) damaged = NULL;
        g_autoptr(GBytes) good = NULL;

        locate (23.9, 104.6, zoom, &x, &y, &px, &py);
        damaged = fetch (source, x, y, zoom);
        g_assert_cmphex (pixel_of (damaged, 0, 0) >> 24, ==, 0);

        locate (21.5, 107.4, zoom, &x, &y, &px, &py);
        good = fetch (source, x, y, zoom);
        g_assert_cmphex (pixel_of (good, px, py), ==, QUADRANT_YELLOW);
      }

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "damaged.mbtiles"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "damaged tile"));

  g_clear_object (&source);
  g_clear_object (&package);
  atlas_test_remove_package (path);
}

/* Opened in a thread, as the map does. */
static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AtlasMapPackage **package = user_data;
  g_autoptr(GError) error = NULL;

  *package = atlas_map_package_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async (void)
{
  g_autofree char *path = atlas_test_package_path ("quadrants.mbtiles");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasMapPackage) package = NULL;

  atlas_map_package_open_async (file, NULL, on_opened, &package);
  while (package == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_equal (atlas_map_package_get_file (package), file));
  g_assert_cmpstr (atlas_map_package_get_name (package), ==, "Quadrants");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-package/metadata", test_metadata);
  g_test_add_func ("/map-package/tiles-png", test_tiles_png);
  g_test_add_func ("/map-package/tiles-jpeg", test_tiles_jpeg);
  g_test_add_func ("/map-package/tiles-webp", test_tiles_webp);
  g_test_add_func ("/map-package/no-tile", test_no_tile);
  g_test_add_func ("/map-package/without-metadata", test_without_metadata);
  g_test_add_func ("/map-package/attribution", test_attribution);
  g_test_add_func ("/map-package/plain-text", test_plain_text);
  g_test_add_func ("/map-package/bad-files", test_bad_files);
  g_test_add_func ("/map-package/webp-without-loader", test_webp_without_loader);
  g_test_add_func ("/map-package/open-async", test_open_async);
  g_test_add_func ("/map-package/source-overzoom", test_source_overzoom);
  g_test_add_func ("/map-package/source-corrupt-tile", test_source_corrupt_tile);

  return g_test_run ();
}
