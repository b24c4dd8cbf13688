/* atlas-test-map-fixture.h: a map view in a window, for the map's widget
 * tests (test-map-view.c, test-map-render.c).
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-dataset-loader.h"
#include "atlas-test-map.h"
#include "atlas-test-utils.h"

typedef struct
{
  GtkWindow    *window;
  AtlasMapView *view;
  AtlasDataset *dataset;
} Fixture;

#define ATLAS_TEST_MAP_ADD(path, test) \
  g_test_add (path, Fixture, NULL, atlas_test_map_set_up, test, atlas_test_map_tear_down)

/* GTK for the map's tests: no animations, as a banner fading in or out
 * would be half on screen when a test looks; the app's icons.
 */
static inline void
atlas_test_map_init (int    *argc,
                     char ***argv)
{
  atlas_test_init_gtk (argc, argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PREFIX "/icons");
}

static inline void
atlas_test_wait_for_map (Fixture *fixture)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  /* A layer's first drawing, made after the frame, draws the map again. */
  while (_atlas_map_view_get_picture_pending (fixture->view))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static inline void
atlas_test_map_set_up (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  fixture->dataset = atlas_dataset_load_bundled (problems);
  fixture->view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  /* Tests never reach outside this machine: tiles come from a closed port. */
  atlas_map_view_set_tile_url (fixture->view, "http://127.0.0.1:9/{z}/{x}/{y}.png");
  _atlas_map_view_set_animated (fixture->view, FALSE);
  atlas_map_view_set_dataset (fixture->view, fixture->dataset);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  atlas_test_wait_for_map (fixture);
}

static inline void
atlas_test_map_tear_down (Fixture       *fixture,
                          gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->dataset);
}

/* Where a place is drawn in the map widget. */
static inline void
atlas_test_place_position (Fixture    *fixture,
                           AtlasPlace *place,
                           double     *x,
                           double     *y)
{
  shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (fixture->view),
                           _atlas_map_view_get_map (fixture->view),
                           atlas_place_get_latitude (place),
                           atlas_place_get_longitude (place), x, y);
}

/* Pixels as 0xAARRGGBB, premultiplied, row after row. */
static inline guint32 *
atlas_test_download (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  guint32 *pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));

  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  return pixels;
}

/* The bundled dataset with @n more places in Cao Bằng, on a jittered grid
 * about 1.2 km apart (a badge at a geopark's zoom, apart close in), of
 * every kind. One in four is known to 10 km only, unless @precise.
 */
static inline AtlasDataset *
atlas_test_load_with_grid (guint    n,
                           gboolean precise)
{
  static const char *kinds[] = { "geology", "landscape", "culture", "biology", "venue" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(JsonNode) root = atlas_test_bundled_json (ATLAS_DATASET_FILE_PLACES);
  JsonArray *items = json_object_get_array_member (json_node_get_object (root), "items");

  for (guint i = 0; i < n; i++)
    {
      JsonObject *place = json_object_new ();
      JsonObject *name = json_object_new ();
      JsonObject *location = json_object_new ();
      g_autofree char *id = g_strdup_printf ("grid-%u", i);
      g_autofree char *vi = g_strdup_printf ("Điểm %u", i);
      g_autofree char *en = g_strdup_printf ("Spot %u", i);

      json_object_set_string_member (name, "vi", vi);
      json_object_set_string_member (name, "en", en);
      json_object_set_double_member (location, "lat",
                           22.60 + (i / 30) * 0.011 + g_rand_double_range (rand, 0, 0.006));
      json_object_set_double_member (location, "lon",
                           106.00 + (i % 30) * 0.012 + g_rand_double_range (rand, 0, 0.006));
      json_object_set_int_member (location, "precision_m", !precise && i % 4 == 0 ? 10000 : 100);
      json_object_set_string_member (place, "id", id);
      json_object_set_string_member (place, "kind", kinds[i % G_N_ELEMENTS (kinds)]);
      json_object_set_string_member (place, "geopark", "caobang");
      json_object_set_object_member (place, "name", name);
      json_object_set_object_member (place, "location", location);
      json_object_set_boolean_member (place, "approximate", FALSE);
      json_object_set_string_member (place, "source", "test-map-view");
      json_object_set_string_member (place, "country", "VN");
      json_array_add_object_element (items, place);
    }

  return atlas_test_load_bundled_with (ATLAS_DATASET_FILE_PLACES, root);
}
