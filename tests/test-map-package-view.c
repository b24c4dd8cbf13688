/* test-map-package-view.c: a map package made by GDAL as the map's base.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-map-package-view"

#include "config.h"

#include "atlas-map-view-private.h"
#include "atlas-package-source-private.h"
#include "atlas-test-gtk.h"
#include "atlas-test-map-package.h"
#include "atlas-test-window.h"

#define WAIT_US (15 * G_USEC_PER_SEC)

typedef struct
{
  GtkWindow    *window;
  AtlasMapView *view;
} Fixture;

static void
wait_for_map (AtlasMapView *view)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view)));

  gtk_test_widget_wait_for_draw (window);
  /* A layer's first drawing, made after the frame, draws the map again. */
  while (_atlas_map_view_get_picture_pending (view))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Over the corner where the quadrants meet, at @zoom. */
static void
go_to (Fixture *fixture,
       double   zoom)
{
  atlas_map_view_set_view (fixture->view, 22.75, 106.0, zoom);
  wait_for_map (fixture->view);
}

/* A map view alone, no dataset: nothing over the base map. */
static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  atlas_map_view_set_tile_url (fixture->view, OFFLINE_TILE_URL);
  atlas_map_view_set_basemap (fixture->view, "offline");
  _atlas_map_view_set_animated (fixture->view, FALSE);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  go_to (fixture, 7);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

/* The map as drawn now, as 0xAARRGGBB pixels. */
static guint32 *
render (Fixture *fixture,
        int     *width)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint32 *pixels;

  /* Tiles that came in since the last frame want the map laid out again. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  texture = _atlas_map_view_render (fixture->view, 1, &error);
  g_assert_no_error (error);
  *width = gdk_texture_get_width (texture);
  pixels = g_new (guint32, (gsize) *width * gdk_texture_get_height (texture));
  gdk_texture_download (texture, (guchar *) pixels, *width * 4);

  return pixels;
}

static guint32
pixel_at (Fixture *fixture,
          double   latitude,
          double   longitude)
{
  g_autofree guint32 *pixels = NULL;
  double x, y;
  int width;

  shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (fixture->view),
                                              _atlas_map_view_get_map (fixture->view),
                                              latitude, longitude, &x, &y);
  pixels = render (fixture, &width);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <, width);

  return pixels[(int) y * width + (int) x];
}

/* Everything ready to run, down to the idles: a map layer looks at the
 * view in an idle, which one iteration between frames would starve on a
 * loaded machine, the frames always due first.
 */
static void
run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Tiles come from worker threads: wait until the point has the colour,
 * give or take @tolerance in each channel (or give up, and let the
 * caller's assertion say what it has).
 */
static guint32
wait_for_near_colour (Fixture *fixture,
                      double   latitude,
                      double   longitude,
                      guint32  colour,
                      int      tolerance)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;
  guint32 pixel;

  while (!atlas_test_colour_near (pixel = pixel_at (fixture, latitude, longitude), colour,
                                  tolerance) &&
         g_get_monotonic_time () < deadline)
    {
      run_pending ();
      g_usleep (10000);
    }

  return pixel;
}

static guint32
wait_for_colour (Fixture *fixture,
                 double   latitude,
                 double   longitude,
                 guint32  colour)
{
  return wait_for_near_colour (fixture, latitude, longitude, colour, 0);
}

/* Until the package's layer has what it asked for at @zoom, drawn: for
 * what must not appear.
 */
static void
settle (Fixture *fixture,
        int      zoom)
{
  g_autoptr(AtlasPackageSource) source = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  g_object_get (fixture->view->package.source, "data-source", &source, NULL);
  while ((_atlas_package_source_get_last_zoom (source) != zoom ||
          _atlas_package_source_get_n_reading (source) > 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (_atlas_package_source_get_last_zoom (source), ==, zoom);
  g_assert_cmpuint (_atlas_package_source_get_n_reading (source), ==, 0);

  /* libshumate takes the last answers in, then draws them. */
  run_pending ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
wait_while_opening (AtlasMapView *view)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (_atlas_map_view_get_package_opening (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_atlas_map_view_get_package_opening (view));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
open_package (Fixture    *fixture,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  atlas_map_view_open_map_package (fixture->view, file);
  wait_while_opening (fixture->view);
}

static void
check_quadrants (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (quadrant_points); i++)
    g_assert_cmphex (wait_for_colour (fixture, quadrant_points[i].latitude,
                                      quadrant_points[i].longitude, quadrant_points[i].colour),
                     ==, quadrant_points[i].colour);
}

/* The built-in map where the package has nothing: the same pixels as
 * with the built-in map alone.
 */
static void
check_built_in (Fixture             *fixture,
                const QuadrantPoint *points,
                guint                n_points,
                const guint32       *built_in)
{
  for (guint i = 0; i < n_points; i++)
    g_assert_cmphex (pixel_at (fixture, points[i].latitude, points[i].longitude), ==,
                     built_in[i]);
}

/* Opening makes the package the base map: its colours where they are at
 * two zooms, the built-in map outside its box, and above its shallowest
 * zoom; scaled up past its deepest.
 */
static void
test_draws_package (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = atlas_test_package_path ("quadrants.mbtiles");
  static const QuadrantPoint outside[] = {
    { 22.75, 102.5, 0 },
    { 20.3, 106.0, 0 },
    { 23.0, 109.8, 0 },
  };
  static const QuadrantPoint near_corner[] = {
    { 22.78, 105.97, QUADRANT_RED },
    { 22.78, 106.03, QUADRANT_GREEN },
    { 22.72, 105.97, QUADRANT_BLUE },
    { 22.72, 106.03, QUADRANT_YELLOW },
  };
  g_autofree char *basemap = NULL;
  guint32 built_in[G_N_ELEMENTS (outside)];
  guint32 built_in_far[G_N_ELEMENTS (quadrant_points)];

  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    built_in[i] = pixel_at (fixture, outside[i].latitude, outside[i].longitude);
  go_to (fixture, 5);
  for (guint i = 0; i < G_N_ELEMENTS (quadrant_points); i++)
    built_in_far[i] = pixel_at (fixture, quadrant_points[i].latitude,
                                quadrant_points[i].longitude);
  go_to (fixture, 7);

  open_package (fixture, path);
  g_assert_null (_atlas_map_view_get_package_message (fixture->view));
  g_assert_nonnull (_atlas_map_view_get_package (fixture->view));
  g_assert_cmpstr (atlas_map_view_get_map_package (fixture->view), ==, path);
  g_object_get (fixture->view, "basemap", &basemap, NULL);
  g_assert_cmpstr (basemap, ==, "package");
  g_assert_true (_atlas_map_view_shows_package (fixture->view));

  check_quadrants (fixture);
  check_built_in (fixture, outside, G_N_ELEMENTS (outside), built_in);

  go_to (fixture, 8);
  check_quadrants (fixture);

  /* Past zoom 8, the package's deepest. */
  go_to (fixture, 11);
  for (guint i = 0; i < G_N_ELEMENTS (near_corner); i++)
    g_assert_cmphex (wait_for_colour (fixture, near_corner[i].latitude,
                                      near_corner[i].longitude, near_corner[i].colour),
                     ==, near_corner[i].colour);

  /* Above zoom 6, its shallowest: the built-in map, and no tile of a
   * deeper zoom left behind.
   */
  go_to (fixture, 7);
  check_quadrants (fixture);
  go_to (fixture, 5);
  settle (fixture, 5);
  check_built_in (fixture, quadrant_points, G_N_ELEMENTS (quadrant_points), built_in_far);
}

/* Waits for each point's colour, give or take the tolerance WebP needs
 * (lossy even at quality 100; the JPEG tests' tolerance).
 */
static void
check_near (Fixture             *fixture,
            const QuadrantPoint *points,
            guint                n_points)
{
  for (guint i = 0; i < n_points; i++)
    {
      guint32 pixel = wait_for_near_colour (fixture, points[i].latitude, points[i].longitude,
                                            points[i].colour, 12);

      g_test_message ("%g, %g: 0x%08x for 0x%08x", points[i].latitude, points[i].longitude,
                      pixel, points[i].colour);
      g_assert_true (atlas_test_colour_near (pixel, points[i].colour, 12));
    }
}

/* WebP tiles are drawn as PNG ones are, at two zooms, and scaled up past
 * the deepest.
 */
static void
test_draws_webp (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = atlas_test_package_path ("quadrants-webp.mbtiles");
  static const QuadrantPoint near_corner[] = {
    { 22.78, 105.97, QUADRANT_RED },
    { 22.78, 106.03, QUADRANT_GREEN },
    { 22.72, 105.97, QUADRANT_BLUE },
    { 22.72, 106.03, QUADRANT_YELLOW },
  };

  open_package (fixture, path);
  g_assert_null (_atlas_map_view_get_package_message (fixture->view));
  g_assert_true (_atlas_map_view_shows_package (fixture->view));

  check_near (fixture, quadrant_points, G_N_ELEMENTS (quadrant_points));
  go_to (fixture, 8);
  check_near (fixture, quadrant_points, G_N_ELEMENTS (quadrant_points));
  go_to (fixture, 11);
  check_near (fixture, near_corner, G_N_ELEMENTS (near_corner));
}

static char *
license_text (AtlasMapView *view)
{
  GString *text = g_string_new (NULL);
  GtkWidget *widget = GTK_WIDGET (view->license);

  /* Depth first through the credits' labels. */
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; )
    {
      if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (w)));

      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != widget && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == widget ? NULL : gtk_widget_get_next_sibling (w);
        }
    }

  return g_string_free (text, FALSE);
}

static char *
menu_label (AtlasMapView *view,
            int           position)
{
  char *label = NULL;

  g_menu_model_get_item_attribute (G_MENU_MODEL (view->package.section), position,
                                   G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

/* The package's name in the layers menu, its attribution in the credits
 * while it is shown.
 */
static void
test_name_and_credits (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = atlas_test_copy_package ("quadrants.mbtiles", "attributed.mbtiles");
  g_autofree char *before = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *online = NULL;
  g_autofree char *offline = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  atlas_test_package_exec (path, "INSERT INTO metadata VALUES ('attribution', "
                                 "'<a href=\"https://example.org/\">&copy; Geopark GIS team</a>')");
  before = license_text (fixture->view);
  g_assert_null (strstr (before, "Geopark GIS team"));
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (fixture->view->package.section)),
                   ==, 1);

  open_package (fixture, path);
  shown = license_text (fixture->view);
  g_assert_nonnull (strstr (shown, "© Geopark GIS team"));
  /* Neither the package nor the built-in map draws OpenStreetMap's data. */
  g_assert_null (strstr (shown, "OpenStreetMap"));
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (fixture->view->package.section)),
                   ==, 2);
  first = menu_label (fixture->view, 0);
  second = menu_label (fixture->view, 1);
  g_assert_cmpstr (first, ==, "Quadrants (Map Package)");
  g_assert_cmpstr (second, ==, "Open Map _Package…");

  /* Not shown, not credited; still in the menu, to choose again. */
  atlas_map_view_set_basemap (fixture->view, "online");
  online = license_text (fixture->view);
  g_assert_null (strstr (online, "Geopark GIS team"));
  g_assert_nonnull (strstr (online, "© OpenStreetMap contributors"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->view->package.layer)));
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (fixture->view->package.section)),
                   ==, 2);

  atlas_map_view_set_basemap (fixture->view, "offline");
  offline = license_text (fixture->view);
  g_assert_nonnull (strstr (offline, "Natural Earth"));
  g_assert_null (strstr (offline, "OpenStreetMap"));

  atlas_test_remove_package (path);
}

/* A bad file: a message naming it and what is wrong; the map as it was. */
static void
check_bad_file (Fixture    *fixture,
                const char *path,
                const char *words)
{
  AtlasMapPackage *before = _atlas_map_view_get_package (fixture->view);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *setting = g_strdup (atlas_map_view_get_map_package (fixture->view));
  g_autofree char *basemap = NULL;

  open_package (fixture, path);
  g_object_get (fixture->view, "basemap", &basemap, NULL);
  g_assert_nonnull (strstr (_atlas_map_view_get_package_message (fixture->view), name));
  g_assert_nonnull (strstr (_atlas_map_view_get_package_message (fixture->view), words));
  g_assert_true (_atlas_map_view_get_package (fixture->view) == before);
  g_assert_cmpstr (atlas_map_view_get_map_package (fixture->view), ==, setting);
  g_assert_cmpstr (basemap, ==, before != NULL ? "package" : "offline");
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *good = atlas_test_package_path ("quadrants.mbtiles");
  g_autofree char *dir = g_dir_make_tmp ("atlas-package-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "readme.mbtiles", NULL);
  g_autofree char *no_tiles = g_build_filename (dir, "no-tiles.mbtiles", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.mbtiles", NULL);
  g_autofree char *vector = atlas_test_copy_package ("quadrants.mbtiles", "vector.mbtiles");

  g_assert_true (g_file_set_contents (text, "not a map\n", -1, NULL));
  atlas_test_package_exec (no_tiles, "CREATE TABLE metadata (name TEXT, value TEXT)");
  atlas_test_package_exec (vector, "UPDATE metadata SET value = 'pbf' WHERE name = 'format'");

  /* With the built-in map, then with a package: either stays. */
  check_bad_file (fixture, text, "not an SQLite file");
  open_package (fixture, good);
  g_assert_nonnull (_atlas_map_view_get_package (fixture->view));
  check_bad_file (fixture, text, "not an SQLite file");
  check_bad_file (fixture, no_tiles, "no table of tiles");
  check_bad_file (fixture, missing, "cannot be found");
  check_bad_file (fixture, vector, "vector tiles, which this version does not draw");
  check_quadrants (fixture);

  g_remove (text);
  g_remove (no_tiles);
  g_rmdir (dir);
  atlas_test_remove_package (vector);
}

/* A damaged tile: that square shows the built-in map, the others the
 * package, and a message says which file.
 */
static void
test_corrupt_tile (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = atlas_test_corrupt_package (7, 23.9, 104.6);
  guint32 built_in = pixel_at (fixture, 23.9, 104.6);

  open_package (fixture, path);
  for (guint i = 1; i < G_N_ELEMENTS (quadrant_points); i++)
    g_assert_cmphex (wait_for_colour (fixture, quadrant_points[i].latitude,
                                      quadrant_points[i].longitude, quadrant_points[i].colour),
                     ==, quadrant_points[i].colour);
  settle (fixture, 7);
  g_assert_cmphex (pixel_at (fixture, 23.9, 104.6), ==, built_in);
  g_assert_nonnull (strstr (_atlas_map_view_get_package_message (fixture->view),
                            "damaged.mbtiles"));
  g_assert_nonnull (strstr (_atlas_map_view_get_package_message (fixture->view),
                            "damaged tile"));

  atlas_test_remove_package (path);
}

/* Chosen in one window, there in the next: the settings remember it. */
static void
test_remembered (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *path = atlas_test_package_path ("quadrants.mbtiles");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autofree char *basemap = NULL;
  AtlasWindow *window;

  g_settings_set_string (settings, "basemap", "offline");
  window = show_window (settings);
  g_assert_null (_atlas_map_view_get_package (window->map_view));
  atlas_map_view_open_map_package (window->map_view, file);
  wait_while_opening (window->map_view);
  saved = g_settings_get_string (settings, "map-package");
  basemap = g_settings_get_string (settings, "basemap");
  g_assert_cmpstr (saved, ==, path);
  g_assert_cmpstr (basemap, ==, "package");
  close_window (window);

  window = show_window (settings);
  wait_while_opening (window->map_view);
  g_assert_nonnull (_atlas_map_view_get_package (window->map_view));
  g_assert_true (_atlas_map_view_shows_package (window->map_view));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->map_view->package.layer)));
  g_assert_null (_atlas_map_view_get_package_message (window->map_view));
  close_window (window);
}

/* A package gone since the last start (a USB stick left at the office):
 * a message names it, the map is as if "automatic", the setting stays
 * for when the file is back.
 */
static void
test_missing_at_start (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *basemap = NULL;
  AtlasWindow *window;

  g_settings_set_string (settings, "map-package", "/nonexistent/Đồng Văn.mbtiles");
  g_settings_set_string (settings, "basemap", "package");
  window = show_window (settings);
  wait_while_opening (window->map_view);

  g_assert_nonnull (strstr (_atlas_map_view_get_package_message (window->map_view),
                            "/nonexistent/Đồng Văn.mbtiles"));
  g_assert_false (_atlas_map_view_shows_package (window->map_view));
  g_assert_null (_atlas_map_view_get_package (window->map_view));
  basemap = g_settings_get_string (settings, "basemap");
  g_assert_cmpstr (basemap, ==, "package");
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_gtk (&argc, &argv);

  g_test_add ("/map-package-view/draws-package", Fixture, NULL, set_up, test_draws_package,
              tear_down);
  g_test_add ("/map-package-view/draws-webp", Fixture, NULL, set_up, test_draws_webp,
              tear_down);
  g_test_add ("/map-package-view/name-and-credits", Fixture, NULL, set_up,
              test_name_and_credits, tear_down);
  g_test_add ("/map-package-view/bad-files", Fixture, NULL, set_up, test_bad_files, tear_down);
  g_test_add ("/map-package-view/corrupt-tile", Fixture, NULL, set_up, test_corrupt_tile,
              tear_down);
  g_test_add_func ("/map-package-view/remembered", test_remembered);
  g_test_add_func ("/map-package-view/missing-at-start", test_missing_at_start);

  return g_test_run ();
}
