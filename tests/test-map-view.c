/* test-map-view.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-map-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "atlas-dataset-loader.h"
#include "atlas-offline-map.h"
#include "atlas-shape-layer-private.h"
#include "atlas-test-gtk.h"
#include "atlas-test-map.h"
#include "atlas-test-utils.h"

typedef struct
{
  GtkWindow    *window;
  AtlasMapView *view;
  AtlasDataset *dataset;
} Fixture;

static void
wait_for_draw (Fixture *fixture)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  /* A layer's first drawing, made after the frame, draws the map again. */
  while (_atlas_map_view_get_picture_pending (fixture->view))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
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
  wait_for_draw (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->dataset);
}

static GPtrArray *
places_of_geopark (AtlasDataset *dataset,
                   const char   *geopark_id)
{
  GListModel *places = atlas_dataset_get_places (dataset);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (places, i);

      if (g_strcmp0 (atlas_place_get_geopark_id (place), geopark_id) == 0)
        g_ptr_array_add (found, g_object_ref (place));
    }

  return found;
}

/* Where a place is drawn in the map widget. */
static void
place_position (Fixture    *fixture,
                AtlasPlace *place,
                double     *x,
                double     *y)
{
  shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (fixture->view),
                                              _atlas_map_view_get_map (fixture->view),
                                              atlas_place_get_latitude (place),
                                              atlas_place_get_longitude (place), x, y);
}

static void
test_fit_places (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *geoparks[] = { "caobang", "langson", "dongvan", "daknong" };

  for (guint g = 0; g < G_N_ELEMENTS (geoparks); g++)
    {
      g_autoptr(GPtrArray) places = places_of_geopark (fixture->dataset, geoparks[g]);
      GtkWidget *map = _atlas_map_view_get_map (fixture->view);
      double width = gtk_widget_get_width (map);
      double height = gtk_widget_get_height (map);

      g_test_message ("%s: %u places", geoparks[g], places->len);
      g_assert_cmpuint (places->len, >, 1);
      atlas_map_view_fit_places (fixture->view, places, TRUE);
      wait_for_draw (fixture);

      /* Every place inside, with room for its pin's head above it. */
      for (guint i = 0; i < places->len; i++)
        {
          double x, y;

          place_position (fixture, g_ptr_array_index (places, i), &x, &y);
          g_assert_cmpfloat (x, >=, 20);
          g_assert_cmpfloat (x, <=, width - 20);
          g_assert_cmpfloat (y, >=, 40);
          g_assert_cmpfloat (y, <=, height - 20);
        }

      /* And not from afar: the zoom makes use of the room. */
      g_assert_cmpfloat (shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (fixture->view)),
                         >=, 8);
    }
}

static guint
count_groups (Fixture *fixture,
              guint   *n_pins)
{
  g_autoptr(GList) pins = _atlas_map_view_get_pins (fixture->view);
  guint n_groups = 0;

  *n_pins = g_list_length (pins);
  for (GList *l = pins; l != NULL; l = l->next)
    n_groups += atlas_pin_is_group (l->data);

  return n_groups;
}

/* Overlapping pins become a badge; zoomed in, they stand apart. */
static void
test_grouping (Fixture       *fixture,
               gconstpointer  data)
{
  AtlasPlace *ban_gioc = atlas_dataset_lookup_place (fixture->dataset, "cb-01");
  AtlasPlace *nguom_ngao = atlas_dataset_lookup_place (fixture->dataset, "cb-02");
  guint n_pins, n_groups;

  atlas_map_view_fit_bounds (fixture->view, 8.5, 102, 23.4, 109.5, FALSE);
  wait_for_draw (fixture);
  n_groups = count_groups (fixture, &n_pins);
  g_assert_cmpuint (n_groups, >, 0);
  g_assert_cmpuint (n_pins, <, g_list_model_get_n_items (atlas_dataset_get_places (fixture->dataset)));
  g_assert_null (atlas_test_pin_of_place (fixture->view, "cb-01"));

  /* 2 km apart: separate at a geopark's zoom. */
  {
    g_autoptr(GPtrArray) two = g_ptr_array_new ();

    g_ptr_array_add (two, ban_gioc);
    g_ptr_array_add (two, nguom_ngao);
    atlas_map_view_fit_places (fixture->view, two, FALSE);
  }
  wait_for_draw (fixture);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-01"));
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-02"));
}

/* Close in, only the places near the view have a marker; panning to the
 * others gives them theirs, and takes it from those left far behind.
 */
static void
test_pins_near_view (Fixture       *fixture,
                     gconstpointer  data)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->view);
  AtlasPlace *ban_gioc = atlas_dataset_lookup_place (fixture->dataset, "cb-01");
  AtlasPlace *lang_son = atlas_dataset_lookup_place (fixture->dataset, "ls-01");
  guint n_pins;

  shumate_viewport_set_zoom_level (viewport, 14);
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 atlas_place_get_latitude (ban_gioc),
                                 atlas_place_get_longitude (ban_gioc));
  wait_for_draw (fixture);
  count_groups (fixture, &n_pins);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-01"));
  g_assert_null (atlas_test_pin_of_place (fixture->view, "ls-01"));
  g_assert_cmpuint (n_pins, <, g_list_model_get_n_items (atlas_dataset_get_places (fixture->dataset)) / 2);

  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 atlas_place_get_latitude (lang_son),
                                 atlas_place_get_longitude (lang_son));
  wait_for_draw (fixture);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "ls-01"));
  g_assert_null (atlas_test_pin_of_place (fixture->view, "cb-01"));

  /* A selected place keeps its marker wherever the view is. */
  {
    g_autoptr(GPtrArray) selected = g_ptr_array_new ();

    g_ptr_array_add (selected, ban_gioc);
    atlas_map_view_select_places (fixture->view, selected);
  }
  wait_for_draw (fixture);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-01"));
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "ls-01"));
}

static void
on_place_activated (AtlasMapView  *view,
                    AtlasPlace    *place,
                    AtlasPlace   **activated)
{
  *activated = place;
}

/* Activating a pin selects its place: highlighted, on top, announced. */
static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  AtlasPlace *activated = NULL;
  AtlasPin *pin;
  g_autoptr(GList) pins = NULL;

  g_signal_connect (fixture->view, "place-activated", G_CALLBACK (on_place_activated), &activated);
  atlas_map_view_fit_bounds (fixture->view, 22.8, 106.68, 22.87, 106.74, FALSE);
  wait_for_draw (fixture);

  pin = atlas_test_pin_of_place (fixture->view, "cb-01");
  g_assert_nonnull (pin);
  g_assert_false (atlas_pin_get_highlighted (pin));
  g_signal_emit_by_name (pin, "activate");

  g_assert_true (activated == atlas_dataset_lookup_place (fixture->dataset, "cb-01"));
  g_assert_true (atlas_map_view_get_selected_place (fixture->view) == activated);
  pin = atlas_test_pin_of_place (fixture->view, "cb-01");
  g_assert_true (atlas_pin_get_highlighted (pin));
  pins = _atlas_map_view_get_pins (fixture->view);
  g_assert_true (g_list_last (pins)->data == pin);

  /* What its tooltip says, and a screen reader announces. */
  g_assert_cmpstr (atlas_pin_get_tooltip (pin), ==, "Ban Gioc Waterfall");
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (pin)));
  gtk_test_accessible_assert_property (pin, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ban Gioc Waterfall, geology site");
  gtk_test_accessible_assert_property (pin, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Ban Gioc Waterfall");
}

/* An article's places: each highlighted and standing alone, even at a zoom
 * where they would otherwise hide in one badge; selecting none clears them.
 */
static void
test_select_places (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) two = g_ptr_array_new ();

  g_ptr_array_add (two, atlas_dataset_lookup_place (fixture->dataset, "cb-01"));
  g_ptr_array_add (two, atlas_dataset_lookup_place (fixture->dataset, "cb-02"));
  atlas_map_view_fit_bounds (fixture->view, 8.5, 102, 23.4, 109.5, FALSE);
  wait_for_draw (fixture);
  g_assert_null (atlas_test_pin_of_place (fixture->view, "cb-01"));

  atlas_map_view_select_places (fixture->view, two);
  wait_for_draw (fixture);
  g_assert_cmpuint (atlas_map_view_get_selected_places (fixture->view)->len, ==, 2);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-01"));
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-02"));
  g_assert_true (atlas_pin_get_highlighted (atlas_test_pin_of_place (fixture->view, "cb-01")));
  g_assert_true (atlas_pin_get_highlighted (atlas_test_pin_of_place (fixture->view, "cb-02")));

  atlas_map_view_select_places (fixture->view, NULL);
  wait_for_draw (fixture);
  g_assert_null (atlas_map_view_get_selected_place (fixture->view));
  g_assert_null (atlas_test_pin_of_place (fixture->view, "cb-01"));
}

static void
on_geopark_activated (AtlasMapView  *view,
                      AtlasGeopark  *geopark,
                      AtlasGeopark **activated)
{
  *activated = geopark;
}

/* The first widget under @widget whose action is @action_name. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The arrow keys' action pans the map by a quarter of its size while a pin
 * (or the map) has the focus; on the zoom buttons it does nothing, and the
 * keys move the focus as elsewhere.
 */
static void
test_keyboard_pan (Fixture       *fixture,
                   gconstpointer  data)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->view);
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  GtkWidget *zoom_in = find_actionable (GTK_WIDGET (fixture->view), "map.zoom-in");
  g_autoptr(GList) pins = _atlas_map_view_get_pins (fixture->view);
  double width = gtk_widget_get_width (map);
  double height = gtk_widget_get_height (map);
  g_autoptr(GtkShortcutAction) pan = gtk_named_action_new ("map.pan");
  g_autoptr(GVariant) east_args = g_variant_ref_sink (g_variant_new ("(ii)", 1, 0));
  double latitude, longitude, east, south;

  g_assert_nonnull (zoom_in);
  g_assert_nonnull (pins);
  latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));

  /* What a key binding does: the key goes on (to move the focus) unless
   * the action is taken.
   */
  g_assert_true (gtk_widget_grab_focus (zoom_in));
  g_assert_false (gtk_shortcut_action_activate (pan, 0, GTK_WIDGET (fixture->view), east_args));
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), ==, longitude);

  g_assert_true (gtk_widget_grab_focus (pins->data));
  shumate_viewport_widget_coords_to_location (viewport, map, width * 3 / 4, height / 2,
                                              &south, &east);
  g_assert_true (gtk_shortcut_action_activate (pan, 0, GTK_WIDGET (fixture->view), east_args));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                  east, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  latitude, 1e-6);

  shumate_viewport_widget_coords_to_location (viewport, map, width / 2, height * 3 / 4,
                                              &south, &east);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "map.pan", "(ii)", 0, 1);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  south, 1e-6);
  g_assert_cmpfloat (south, <, latitude);
}

/* A click inside a geopark's area, away from pins, names that geopark. */
static void
test_area_click (Fixture       *fixture,
                 gconstpointer  data)
{
  AtlasGeopark *daknong = atlas_dataset_lookup_geopark (fixture->dataset, "daknong");
  AtlasGeopark *activated = NULL;
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  double x, y;

  g_signal_connect (fixture->view, "geopark-activated", G_CALLBACK (on_geopark_activated),
                    &activated);
  atlas_map_view_fit_geopark (fixture->view, daknong, FALSE);
  wait_for_draw (fixture);

  shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (fixture->view), map,
                                              atlas_geopark_get_latitude (daknong),
                                              atlas_geopark_get_longitude (daknong), &x, &y);

  _atlas_map_view_click (fixture->view, x, y);
  g_assert_true (activated == daknong);

  /* Out at sea: nothing. */
  activated = NULL;
  _atlas_map_view_click (fixture->view, 2, 2);
  g_assert_null (activated);
}

/* Nothing answers at the tile address: the map says so and draws its own. */
static void
test_offline_when_unreachable (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!atlas_map_view_get_offline (fixture->view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (atlas_map_view_get_offline (fixture->view));
  atlas_map_view_set_basemap (fixture->view, "offline");
  g_assert_true (atlas_map_view_get_offline (fixture->view));
  atlas_map_view_set_basemap (fixture->view, "online");
  /* Chosen online: the tiles are what was asked for, reachable or not. */
  g_assert_false (atlas_map_view_get_offline (fixture->view));
}

/* The map as shown around Bản Giốc, on the offline map: pins, areas and
 * labels, and nothing that depends on the network.
 */
static void
show_ban_gioc (Fixture *fixture)
{
  atlas_map_view_set_basemap (fixture->view, "offline");
  atlas_map_view_fit_bounds (fixture->view, 22.8, 106.68, 22.87, 106.74, FALSE);
  wait_for_draw (fixture);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-01"));
}

/* Pixels as 0xAARRGGBB, premultiplied, row after row. */
static guint32 *
download (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  guint32 *pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));

  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  return pixels;
}

static guint
count_colours (GdkTexture *texture)
{
  g_autofree guint32 *pixels = download (texture);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  gsize n_pixels = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture);

  for (gsize i = 0; i < n_pixels; i++)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));

  return g_hash_table_size (colours);
}

/* Pixels of nearly this colour in the box, in the texture's pixels. */
static guint
count_near (GdkTexture *texture,
            guint32     colour,
            int         x0,
            int         y0,
            int         x1,
            int         y1)
{
  g_autofree guint32 *pixels = download (texture);
  int width = gdk_texture_get_width (texture);
  guint n = 0;

  g_assert_cmpint (x0, >=, 0);
  g_assert_cmpint (y0, >=, 0);
  g_assert_cmpint (x1, <=, width);
  g_assert_cmpint (y1, <=, gdk_texture_get_height (texture));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = pixels[y * width + x];
        gboolean near = TRUE;

        for (int shift = 0; shift < 32; shift += 8)
          near &= ABS ((int) ((pixel >> shift) & 0xff) - (int) ((colour >> shift) & 0xff)) <= 8;
        n += near;
      }

  return n;
}

/* The image is the map's size, or twice it, and shows the map, not a
 * blank: the offline map, the areas and the pins give many colours, and a
 * pin's colour is where the pin is.
 */
static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  AtlasPlace *ban_gioc = atlas_dataset_lookup_place (fixture->dataset, "cb-01");
  /* Geology pins are rock orange, #c64600, opaque. */
  guint32 geology = 0xffc64600;
  double x, y;

  show_ban_gioc (fixture);
  g_assert_cmpint (atlas_place_get_kind (ban_gioc), ==, ATLAS_PLACE_KIND_GEOLOGY);
  place_position (fixture, ban_gioc, &x, &y);

  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = _atlas_map_view_render (fixture->view, scale, &error);
      /* The pin's head, above its tip. */
      int left = (int) (x - 12) * scale, right = (int) (x + 12) * scale;
      int top = (int) (y - 40) * scale, bottom = (int) y * scale;

      g_assert_no_error (error);
      g_assert_nonnull (texture);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (map) * scale);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (map) * scale);
      if (scale == 1)
        g_assert_cmpuint (count_colours (texture), >, 1000);
      g_assert_cmpuint (count_near (texture, geology, left, top, right, bottom),
                        >, 100 * scale * scale);
      /* And not everywhere: the corners are land or sea. */
      g_assert_cmpuint (count_near (texture, geology, 0, 0, 24 * scale, 40 * scale), ==, 0);
    }
}

/* The view as it is on screen, controls and all. */
static GdkTexture *
render_on_screen (Fixture *fixture)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (view),
                          gtk_widget_get_height (view));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_true (gsk_renderer_realize (renderer, surface, NULL));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  gsk_renderer_unrealize (renderer);

  return texture;
}

static guint
count_different (GdkTexture *a,
                 GdkTexture *b,
                 int         x0,
                 int         y0,
                 int         x1,
                 int         y1)
{
  g_autofree guint32 *pixels_a = download (a);
  g_autofree guint32 *pixels_b = download (b);
  int width = gdk_texture_get_width (a);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      n += pixels_a[y * width + x] != pixels_b[y * width + x];

  return n;
}

/* The image is the screen without the zoom and layers buttons, which stand
 * in the top right corner.
 */
static void
test_render_without_controls (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GdkTexture) screen = NULL;
  g_autoptr(GdkTexture) image = NULL;
  int width, height;

  show_ban_gioc (fixture);
  screen = render_on_screen (fixture);
  image = _atlas_map_view_render (fixture->view, 1, NULL);
  width = gdk_texture_get_width (image);
  height = gdk_texture_get_height (image);
  g_assert_cmpint (gdk_texture_get_width (screen), ==, width);
  g_assert_cmpint (gdk_texture_get_height (screen), ==, height);

  g_assert_cmpuint (count_different (screen, image, 0, 0, width - 70, height), ==, 0);
  g_assert_cmpuint (count_different (screen, image, width - 70, 0, width, 160), >, 100);
}

/* Pixels where a channel differs by more than @tolerance. */
static guint
count_far (GdkTexture *a,
           GdkTexture *b,
           int         tolerance)
{
  g_autofree guint32 *pixels_a = download (a);
  g_autofree guint32 *pixels_b = download (b);
  gsize n_pixels = (gsize) gdk_texture_get_width (a) * gdk_texture_get_height (a);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, gdk_texture_get_width (a));
  g_assert_cmpint (gdk_texture_get_height (b), ==, gdk_texture_get_height (a));
  for (gsize i = 0; i < n_pixels; i++)
    {
      gboolean far = FALSE;

      for (int shift = 0; shift < 32; shift += 8)
        far |= ABS ((int) ((pixels_a[i] >> shift) & 0xff) -
                    (int) ((pixels_b[i] >> shift) & 0xff)) > tolerance;
      n += far;
    }

  return n;
}

/* The bundled dataset with @n more places in Cao Bằng, on a jittered grid
 * about 1.2 km apart (a badge at a geopark's zoom, apart close in), of
 * every kind. One in four is known to 10 km only, unless @precise.
 */
static AtlasDataset *
load_with_grid (guint    n,
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

/* Whether the place's point is inside the map, @margin pixels from its edges. */
static gboolean
place_in_view (AtlasMapView *view,
               AtlasPlace   *place,
               double        margin)
{
  GtkWidget *map = _atlas_map_view_get_map (view);
  double x, y;

  shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (view), map,
                                              atlas_place_get_latitude (place),
                                              atlas_place_get_longitude (place), &x, &y);

  return x >= margin && y >= margin && x <= gtk_widget_get_width (map) - margin &&
         y <= gtk_widget_get_height (map) - margin;
}

/* What the pins shown say, checked against the dataset: no place on two
 * pins, every place well inside the view on one, each badge counting its
 * places, each pin telling its name or count to the tooltip and to a
 * screen reader, and the selected places alone, highlighted, on top.
 * Returns the number of badges.
 */
static guint
assert_pins_right (AtlasMapView *view,
                   AtlasDataset *dataset)
{
  GListModel *places = atlas_dataset_get_places (dataset);
  GPtrArray *selected = atlas_map_view_get_selected_places (view);
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  g_autoptr(GList) pins = _atlas_map_view_get_pins (view);
  guint n_groups = 0;
  guint n_checked = 0;
  GList *l;

  for (l = pins; l != NULL; l = l->next)
    {
      AtlasPin *pin = l->data;
      GPtrArray *members = atlas_pin_get_places (pin);
      g_autofree char *label = NULL;

      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pin)));
      for (guint i = 0; i < members->len; i++)
        {
          g_assert_false (g_hash_table_contains (shown, members->pdata[i]));
          g_hash_table_add (shown, members->pdata[i]);
        }

      if (atlas_pin_is_group (pin))
        {
          label = g_strdup_printf ("%u places, zoom in to tell them apart", members->len);
          n_groups++;
          for (guint i = 0; i < members->len; i++)
            g_assert_false (g_ptr_array_find (selected, members->pdata[i], NULL));
        }
      else
        {
          static const char *kinds[] = {
            "geology site", "landscape site", "culture site", "biodiversity site",
            "event venue", "partner geopark",
          };
          AtlasPlace *place = atlas_pin_get_place (pin);
          const char *name = atlas_text_get (atlas_place_get_name (place), ATLAS_LANGUAGE_EN);

          G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == ATLAS_N_PLACE_KINDS);
          label = g_strdup_printf ("%s, %s", name, kinds[atlas_place_get_kind (place)]);
          gtk_test_accessible_assert_property (pin, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
          g_clear_pointer (&label, g_free);
          g_assert_cmpstr (atlas_pin_get_tooltip (pin), ==, name);
          g_assert_cmpint (atlas_pin_get_highlighted (pin), ==,
                           g_ptr_array_find (selected, place, NULL));
        }
      if (label != NULL)
        {
          g_assert_cmpstr (atlas_pin_get_tooltip (pin), ==, label);
          gtk_test_accessible_assert_property (pin, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (places, i);

      if (place_in_view (view, place, 32) || g_ptr_array_find (selected, place, NULL))
        {
          g_assert_true (g_hash_table_contains (shown, place));
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, 0);

  /* The selected places' pins last, drawn above the others. */
  l = g_list_last (pins);
  for (guint i = 0; i < selected->len; i++, l = l->prev)
    {
      g_assert_nonnull (l);
      g_assert_true (atlas_pin_get_highlighted (l->data));
    }

  return n_groups;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The places of each pin shown whose point is in the view, as sorted ids. */
static GPtrArray *
describe_pins_in_view (AtlasMapView *view)
{
  g_autoptr(GList) pins = _atlas_map_view_get_pins (view);
  GPtrArray *descriptions = g_ptr_array_new_with_free_func (g_free);

  for (GList *l = pins; l != NULL; l = l->next)
    {
      GPtrArray *members = atlas_pin_get_places (l->data);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      if (!place_in_view (view, members->pdata[0], 0))
        continue;
      for (guint i = 0; i < members->len; i++)
        g_ptr_array_add (ids, (gpointer) atlas_place_get_id (members->pdata[i]));
      g_ptr_array_sort (ids, compare_strings);
      g_ptr_array_add (ids, NULL);
      joined = g_strjoinv (",", (char **) ids->pdata);
      g_ptr_array_add (descriptions, g_steal_pointer (&joined));
    }
  g_ptr_array_sort (descriptions, compare_strings);

  return descriptions;
}

/* A map view of its own, in a window of the fixture's size, showing @dataset
 * where the fixture's view is, with the same places selected: what a view
 * made afresh shows there.
 */
static GPtrArray *
describe_fresh_view (Fixture      *fixture,
                     AtlasDataset *dataset)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->view);
  AtlasMapView *view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GPtrArray *descriptions;

  atlas_map_view_set_tile_url (view, "http://127.0.0.1:9/{z}/{x}/{y}.png");
  _atlas_map_view_set_animated (view, FALSE);
  gtk_window_set_default_size (window, gtk_widget_get_width (GTK_WIDGET (fixture->window)),
                               gtk_widget_get_height (GTK_WIDGET (fixture->window)));
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  atlas_map_view_set_dataset (view, dataset);
  atlas_map_view_select_places (view, atlas_map_view_get_selected_places (fixture->view));
  shumate_viewport_set_zoom_level (atlas_map_view_get_viewport (view),
                                   shumate_viewport_get_zoom_level (viewport));
  shumate_location_set_location (SHUMATE_LOCATION (atlas_map_view_get_viewport (view)),
                                 shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                 shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (_atlas_map_view_get_map (view)), ==,
                   gtk_widget_get_width (_atlas_map_view_get_map (fixture->view)));

  descriptions = describe_pins_in_view (view);
  gtk_window_destroy (window);

  return descriptions;
}

static void
assert_same_pins_as_fresh_view (Fixture      *fixture,
                                AtlasDataset *dataset)
{
  g_autoptr(GPtrArray) shown = describe_pins_in_view (fixture->view);
  g_autoptr(GPtrArray) fresh = describe_fresh_view (fixture, dataset);

  g_assert_cmpuint (shown->len, >, 0);
  g_assert_cmpuint (shown->len, ==, fresh->len);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (shown->pdata[i], ==, fresh->pdata[i]);
}

static void
zoom_to (Fixture *fixture,
         double   zoom)
{
  shumate_viewport_set_zoom_level (atlas_map_view_get_viewport (fixture->view), zoom);
  wait_for_draw (fixture);
}

/* A folder with hundreds more places swapped in, as a reload does: the pins
 * in the view are there at once, grouped as a fresh view groups them, at
 * every zoom level down to single places; the selected place keeps its
 * highlighted pin on top; and a pin that stays alone keeps its widget and
 * the keyboard focus from one level to the next.
 */
static void
test_swap_many_places (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AtlasDataset) grid = load_with_grid (600, FALSE);
  AtlasPlace *selected;
  AtlasPin *focused;
  guint n_groups;

  atlas_map_view_fit_bounds (fixture->view, 22.58, 105.98, 22.86, 106.38, FALSE);
  wait_for_draw (fixture);
  atlas_dataset_take_contents (fixture->dataset, grid);
  wait_for_draw (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_places (fixture->dataset)), >, 600);
  g_assert_cmpuint (assert_pins_right (fixture->view, fixture->dataset), >, 10);
  assert_same_pins_as_fresh_view (fixture, fixture->dataset);

  selected = atlas_dataset_lookup_place (fixture->dataset, "grid-247");
  atlas_map_view_select_place (fixture->view, selected);
  wait_for_draw (fixture);
  for (double zoom = shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (fixture->view));
       zoom <= 15; zoom += 0.75)
    {
      zoom_to (fixture, zoom);
      n_groups = assert_pins_right (fixture->view, fixture->dataset);
      g_test_message ("zoom %.2f: %u badges", zoom, n_groups);
      assert_same_pins_as_fresh_view (fixture, fixture->dataset);
      g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "grid-247"));
    }
  /* Close in, no badges: some places share a point. */
  g_assert_cmpuint (n_groups, ==, 0);

  /* And out again, after panning away and back. */
  shumate_location_set_location (SHUMATE_LOCATION (atlas_map_view_get_viewport (fixture->view)),
                                 22.95, 106.6);
  wait_for_draw (fixture);
  atlas_map_view_fit_places (fixture->view, atlas_map_view_get_selected_places (fixture->view),
                             FALSE);
  zoom_to (fixture, 12.2);
  g_assert_cmpuint (assert_pins_right (fixture->view, fixture->dataset), >, 0);
  assert_same_pins_as_fresh_view (fixture, fixture->dataset);

  /* The focused pin of a place that stays alone is the same widget after a
   * regrouping, and keeps the focus.
   */
  zoom_to (fixture, 14);
  focused = atlas_test_pin_of_place (fixture->view, "grid-247");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (focused)));
  zoom_to (fixture, 15.2);
  g_assert_true (atlas_test_pin_of_place (fixture->view, "grid-247") == focused);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (focused)));
}

/* Panning far over many places moves markers on to the places that come
 * near rather than making new ones; what they show is still right, and the
 * markers kept hidden stay out of the pins shown.
 */
static void
test_pins_move_on (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AtlasDataset) grid = load_with_grid (600, FALSE);
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->view);
  guint n_new = 0, n_moved = 0;

  atlas_dataset_take_contents (fixture->dataset, grid);
  zoom_to (fixture, 14);
  for (guint step = 0; step <= 16; step++)
    {
      g_autoptr(GList) pins = NULL;

      /* Half a view or more at each step, over the whole grid. */
      shumate_location_set_location (SHUMATE_LOCATION (viewport), 22.605 + (step % 8) * 0.028,
                                     106.0 + step * 0.022);
      wait_for_draw (fixture);
      assert_pins_right (fixture->view, fixture->dataset);

      pins = _atlas_map_view_get_pins (fixture->view);
      for (GList *l = pins; l != NULL; l = l->next)
        {
          GObject *pin = l->data;
          gpointer place = atlas_pin_get_places (l->data)->pdata[0];
          gpointer shown = g_object_get_data (pin, "test-shown");

          /* After the first view, a widget new to the test is a new marker. */
          if (shown == NULL && step > 0)
            n_new++;
          else if (shown != NULL && shown != place)
            n_moved++;
          g_object_set_data (pin, "test-shown", place);
        }
    }

  g_test_message ("%u markers moved on to other places, %u made", n_moved, n_new);
  g_assert_cmpuint (n_moved, >, 100);
  g_assert_cmpuint (n_new, <, n_moved / 4);
}

/* Marks where the pins are drawn: which of two overlapping pins is on top
 * depends on which marker each was given, not on what the map shows.
 */
static void
mask_pins (AtlasMapView *view,
           guint8       *mask,
           int           width,
           int           height)
{
  g_autoptr(GList) pins = _atlas_map_view_get_pins (view);

  for (GList *l = pins; l != NULL; l = l->next)
    {
      double x, y;

      shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (view),
                                                  _atlas_map_view_get_map (view),
                                                  shumate_location_get_latitude (l->data),
                                                  shumate_location_get_longitude (l->data),
                                                  &x, &y);
      for (int py = MAX (0, (int) y - 56); py < MIN (height, (int) y + 8); py++)
        for (int px = MAX (0, (int) x - 24); px < MIN (width, (int) x + 24); px++)
          mask[py * width + px] = 1;
    }
}

/* Pixels that differ, out of those not marked in @mask. */
static guint
count_different_unmasked (GdkTexture   *a,
                          GdkTexture   *b,
                          const guint8 *mask)
{
  g_autofree guint32 *pixels_a = download (a);
  g_autofree guint32 *pixels_b = download (b);
  gsize n_pixels = (gsize) gdk_texture_get_width (a) * gdk_texture_get_height (a);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, gdk_texture_get_width (a));
  for (gsize i = 0; i < n_pixels; i++)
    n += !mask[i] && pixels_a[i] != pixels_b[i];

  return n;
}

static guint
count_unmasked (const guint8 *mask,
                gsize         n_pixels)
{
  guint n = 0;

  for (gsize i = 0; i < n_pixels; i++)
    n += !mask[i];

  return n;
}

/* A map view of its own in a 1000 × 700 window, on the offline base map,
 * with the dataset, once the window has drawn its first frame.
 */
static AtlasMapView *
show_offline_map (AtlasDataset  *dataset,
                  GtkWindow    **window)
{
  AtlasMapView *view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);

  *window = GTK_WINDOW (gtk_window_new ());
  atlas_map_view_set_tile_url (view, "http://127.0.0.1:9/{z}/{x}/{y}.png");
  atlas_map_view_set_basemap (view, "offline");
  _atlas_map_view_set_animated (view, FALSE);
  atlas_map_view_set_dataset (view, dataset);
  gtk_window_set_default_size (*window, 1000, 700);
  gtk_window_set_child (*window, GTK_WIDGET (view));
  gtk_window_present (*window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (*window));

  return view;
}

/* The map of a dataset with the grid's places swapped in, in a new view of
 * the fixture's size, at @zoom over the middle of the grid; with the
 * number of precision circles made once it is drawn.
 */
static GdkTexture *
render_grid (Fixture  *fixture,
             gboolean  precise,
             double    zoom,
             guint    *n_circles,
             guint8   *pins_mask)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) grid = load_with_grid (600, precise);
  GtkWindow *window = NULL;
  AtlasMapView *view = show_offline_map (dataset, &window);
  GdkTexture *texture;

  /* Swapped in as a reload does: far out, no circle is made yet. */
  atlas_map_view_fit_bounds (view, 22.7, 106.1, 22.8, 106.2, FALSE);
  shumate_viewport_set_zoom_level (atlas_map_view_get_viewport (view), 9);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  atlas_dataset_take_contents (dataset, grid);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (_atlas_map_view_count_circles (view), ==, 0);

  shumate_viewport_set_zoom_level (atlas_map_view_get_viewport (view), zoom);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  texture = _atlas_map_view_render (view, 1, NULL);
  *n_circles = _atlas_map_view_count_circles (view);
  mask_pins (view, pins_mask, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  gtk_window_destroy (window);

  return texture;
}

/* The circles of imprecise places are made when a zoom first shows them,
 * not when the places are swapped in, and drawn: from zoom 11, the map
 * differs from its precise twin's, and not below it.
 */
static void
test_circles_when_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  double zooms[] = { 10.5, 12.5 };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autofree guint8 *mask = g_new0 (guint8, 1000 * 700);
      g_autoptr(GdkTexture) with_circles = NULL;
      g_autoptr(GdkTexture) without = NULL;
      guint n_circles, n_none, n_different;

      with_circles = render_grid (fixture, FALSE, zooms[z], &n_circles, mask);
      without = render_grid (fixture, TRUE, zooms[z], &n_none, mask);
      g_assert_cmpint (gdk_texture_get_width (without) * gdk_texture_get_height (without), <=,
                       1000 * 700);
      n_different = count_different_unmasked (with_circles, without, mask);
      g_test_message ("zoom %.1f: %u circles, %u pixels differ", zooms[z], n_circles,
                      n_different);
      if (zooms[z] < 11)
        {
          g_assert_cmpuint (n_circles, ==, 0);
          g_assert_cmpuint (n_different, ==, 0);
        }
      else
        {
          /* One grid place in four, and the bundled imprecise ones. */
          g_assert_cmpuint (n_circles, >=, 150);
          g_assert_cmpuint (n_circles, ==, n_none + 150);
          /* Most of what the pins leave: the grid's 10 km circles overlap. */
          g_assert_cmpuint (n_different, >, count_unmasked (mask, gdk_texture_get_width (without) *
                                                                  gdk_texture_get_height (without)) / 2);
        }
    }
}

/* The layer alone, as a window draws it, over nothing. */
static GdkTexture *
render_layer (GtkWidget *layer)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (layer);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (layer),
                          gtk_widget_get_height (layer));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, gtk_native_get_surface (gtk_widget_get_native (layer)),
                                       NULL));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (layer),
                                                              gtk_widget_get_height (layer)));
  gsk_renderer_unrealize (renderer);

  return texture;
}

/* Pixels at least this opaque: the circles' outlines, not their fills. */
static guint
count_opaque (GdkTexture *texture,
              guint       alpha)
{
  g_autofree guint32 *pixels = download (texture);
  gsize n_pixels = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture);
  guint n = 0;

  for (gsize i = 0; i < n_pixels; i++)
    n += pixels[i] >> 24 >= alpha;

  return n;
}

/* A layer of alike shapes (the precision circles) moves its last image when
 * the view pans at the same zoom, and draws only what that uncovers: what
 * it shows stays what a fresh drawing shows, after moves of a pixel, of
 * most of the view, and diagonally, and after a zoom.
 */
static void
test_alike_shapes_panned (void)
{
  static const double circles[][3] = {
    { 21.95, 106.3667, 20000 }, { 21.95, 106.3667, 5000 }, { 21.9006, 106.3154, 3000 },
    { 21.88, 106.40, 2000 }, { 21.97, 106.28, 1000 }, { 21.86, 106.30, 10000 },
  };
  /* Back and forth, the circles' outlines always in view. */
  static const double moves[][2] = { { 3, 0 }, { 0, -2 }, { 37, -23 }, { -300, 150 },
                                     { 0, -411 }, { 650, -5 }, { 1, 1 } };
  g_autoptr(ShumateViewport) viewport = shumate_viewport_new ();
  g_autoptr(ShumateRasterRenderer) source =
    shumate_raster_renderer_new_from_url ("http://127.0.0.1:9/{z}/{x}/{y}.png");
  AtlasShapeLayer *layer = atlas_shape_layer_new (viewport);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (source));
  shumate_viewport_set_zoom_level (viewport, 12);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 21.92, 106.34);
  atlas_shape_layer_set_alike (layer, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (circles); i++)
    {
      AtlasShape *shape = atlas_shape_new_circle ("circle", circles[i][0], circles[i][1],
                                                  circles[i][2]);

      atlas_shape_set_style (shape, &(AtlasShapeStyle) {
        .fill = { 0.24, 0.22, 0.27, 0.08 },
        .stroke = { 0.24, 0.22, 0.27, 0.35 },
        .stroke_width = 1,
        .dashed = TRUE,
        .min_zoom = 11,
      });
      atlas_shape_layer_add (layer, shape);
    }

  gtk_window_set_default_size (window, 900, 650);
  gtk_window_set_child (window, GTK_WIDGET (layer));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  for (guint m = 0; m <= G_N_ELEMENTS (moves); m++)
    {
      g_autoptr(GdkTexture) screen = NULL;
      g_autoptr(GdkTexture) fresh = NULL;
      double latitude, longitude;

      if (m == G_N_ELEMENTS (moves))
        shumate_viewport_set_zoom_level (viewport, 12.5);
      else
        {
          shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (layer),
                                                      gtk_widget_get_width (GTK_WIDGET (layer)) / 2.0 + moves[m][0],
                                                      gtk_widget_get_height (GTK_WIDGET (layer)) / 2.0 + moves[m][1],
                                                      &latitude, &longitude);
          shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
        }
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      screen = render_layer (GTK_WIDGET (layer));

      /* Drawn afresh, as for an image of this scale. */
      atlas_shape_layer_set_draw_scale (layer, 1);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      fresh = render_layer (GTK_WIDGET (layer));
      atlas_shape_layer_set_draw_scale (layer, 0);

      g_test_message ("move %u: %u outline pixels", m, count_opaque (fresh, 60));
      g_assert_cmpuint (count_opaque (fresh, 60), >, 500);
      g_assert_cmpuint (count_far (screen, fresh, 2), ==, 0);
    }

  gtk_window_destroy (window);
}

/* A layer's first drawing is made on the main thread once the first frame
 * is drawn (the base map's, at start-up), then shown as long as the view
 * stays: it shows what drawing directly shows, and once the view moves the
 * layer is drawn directly.
 */
static void
test_first_picture (void)
{
  g_autoptr(ShumateViewport) viewport = shumate_viewport_new ();
  g_autoptr(ShumateRasterRenderer) source =
    shumate_raster_renderer_new_from_url ("http://127.0.0.1:9/{z}/{x}/{y}.png");
  AtlasShapeLayer *layer = atlas_shape_layer_new (viewport);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (source));
  shumate_viewport_set_zoom_level (viewport, 7);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 21.5, 105.5);
  atlas_offline_map_populate (layer, ATLAS_LANGUAGE_VI, FALSE);

  gtk_window_set_default_size (window, 700, 500);
  gtk_window_set_child (window, GTK_WIDGET (layer));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  for (guint move = 0; move < 2; move++)
    {
      g_autoptr(GdkTexture) screen = NULL;
      g_autoptr(GdkTexture) fresh = NULL;

      /* The picture comes a frame or a few later. */
      while (move == 0 && !_atlas_shape_layer_get_picture_shown (layer) &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (_atlas_shape_layer_get_picture_shown (layer) == (move == 0));
      screen = render_layer (GTK_WIDGET (layer));

      atlas_shape_layer_set_draw_scale (layer, 1);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      fresh = render_layer (GTK_WIDGET (layer));
      atlas_shape_layer_set_draw_scale (layer, 0);

      g_test_message ("view %u: %u colours", move, count_colours (fresh));
      g_assert_cmpuint (count_colours (fresh), >, 50);
      g_assert_cmpuint (count_far (screen, fresh, 1), ==, 0);

      shumate_location_set_location (SHUMATE_LOCATION (viewport), 21.6, 105.7);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }

  gtk_window_destroy (window);
}

/* Before it is shown, the map has nothing to give. */
static void
test_render_unshown (void)
{
  g_autoptr(AtlasMapView) view = g_object_ref_sink (g_object_new (ATLAS_TYPE_MAP_VIEW, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  atlas_map_view_set_tile_url (view, "http://127.0.0.1:9/{z}/{x}/{y}.png");
  texture = _atlas_map_view_render (view, 1, &error);
  g_assert_error (error, ATLAS_MAP_EXPORT_ERROR, ATLAS_MAP_EXPORT_ERROR_NOT_SHOWN);
  g_assert_null (texture);
}

/* An image asked for while the base map's first drawing is still to be
 * made, after the frame, has the base map all the same.
 */
static void
test_render_at_once (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);
  GtkWindow *window = NULL;
  AtlasMapView *view = show_offline_map (dataset, &window);
  g_autoptr(GdkTexture) at_once = NULL;
  g_autoptr(GdkTexture) settled = NULL;

  g_assert_true (_atlas_map_view_get_picture_pending (view));
  at_once = _atlas_map_view_render (view, 1, NULL);

  while (_atlas_map_view_get_picture_pending (view))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  settled = _atlas_map_view_render (view, 1, NULL);
  g_assert_cmpuint (count_colours (settled), >, 50);
  g_assert_cmpuint (count_far (at_once, settled, 1), ==, 0);

  gtk_window_destroy (window);
}

static void
test_export_png (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  g_autofree char *dir = g_dir_make_tmp ("atlas-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GdkTexture) read_back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  show_ban_gioc (fixture);

  g_assert_true (_atlas_map_view_export_png (fixture->view, file, 2, &error));
  g_assert_no_error (error);
  read_back = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (read_back), ==, 2 * gtk_widget_get_width (map));
  g_assert_cmpint (gdk_texture_get_height (read_back), ==, 2 * gtk_widget_get_height (map));

  /* A folder that is not there: said, not ignored. */
  g_assert_false (_atlas_map_view_export_png (fixture->view, missing_file, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "map.png"));

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Copy Map Image puts the map, at its size, on the clipboard. */
static void
test_copy_image (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->view));
  g_autoptr(GdkTexture) texture = NULL;

  show_ban_gioc (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "map.copy-image", NULL));

  texture = atlas_test_read_clipboard_texture (clipboard);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (map));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (map));
}

/* The labels of the base map's shapes, in order, one per line. */
static char *
offline_labels (AtlasShapeLayer *layer,
                AtlasLanguage    language)
{
  GString *labels = g_string_new (NULL);

  atlas_offline_map_populate (layer, language, FALSE);
  for (guint i = 0; i < _atlas_shape_layer_get_n_shapes (layer); i++)
    {
      const char *id = atlas_shape_get_id (_atlas_shape_layer_get_shape (layer, i));

      g_string_append_printf (labels, "%s\n", id != NULL ? id : "");
    }

  return g_string_free (labels, FALSE);
}

/* The base map made ahead at start-up serves the first map in the same
 * language, and only in that one.
 */
static void
test_offline_preload (void)
{
  g_autoptr(ShumateViewport) viewport = shumate_viewport_new ();
  g_autoptr(AtlasShapeLayer) layer = g_object_ref_sink (atlas_shape_layer_new (viewport));
  g_autofree char *vi = offline_labels (layer, ATLAS_LANGUAGE_VI);
  g_autofree char *en = offline_labels (layer, ATLAS_LANGUAGE_EN);
  g_autofree char *preloaded_en = NULL;
  g_autofree char *other_language = NULL;
  g_autofree char *dropped = NULL;

  g_assert_nonnull (strstr (vi, "Cao Bằng\n"));
  g_assert_nonnull (strstr (en, "Cao Bang\n"));

  atlas_offline_map_preload (ATLAS_LANGUAGE_EN);
  preloaded_en = offline_labels (layer, ATLAS_LANGUAGE_EN);
  g_assert_cmpstr (preloaded_en, ==, en);

  atlas_offline_map_preload (ATLAS_LANGUAGE_VI);
  other_language = offline_labels (layer, ATLAS_LANGUAGE_EN);
  g_assert_cmpstr (other_language, ==, en);

  atlas_offline_map_preload (ATLAS_LANGUAGE_EN);
  atlas_offline_map_drop_preload ();
  dropped = offline_labels (layer, ATLAS_LANGUAGE_VI);
  g_assert_cmpstr (dropped, ==, vi);
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_gtk (&argc, &argv);
  /* A banner fading in or out would be half on screen when a test looks. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PREFIX "/icons");

  g_test_add ("/map-view/fit-places", Fixture, NULL, fixture_set_up, test_fit_places, fixture_tear_down);
  g_test_add ("/map-view/grouping", Fixture, NULL, fixture_set_up, test_grouping, fixture_tear_down);
  g_test_add ("/map-view/pins-near-view", Fixture, NULL, fixture_set_up, test_pins_near_view,
              fixture_tear_down);
  g_test_add ("/map-view/selection", Fixture, NULL, fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/map-view/select-places", Fixture, NULL, fixture_set_up, test_select_places, fixture_tear_down);
  g_test_add ("/map-view/keyboard-pan", Fixture, NULL, fixture_set_up, test_keyboard_pan,
              fixture_tear_down);
  g_test_add ("/map-view/area-click", Fixture, NULL, fixture_set_up, test_area_click, fixture_tear_down);
  g_test_add ("/map-view/offline-when-unreachable", Fixture, NULL, fixture_set_up,
              test_offline_when_unreachable, fixture_tear_down);
  g_test_add ("/map-view/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/map-view/render-without-controls", Fixture, NULL, fixture_set_up,
              test_render_without_controls, fixture_tear_down);
  g_test_add_func ("/map-view/render-unshown", test_render_unshown);
  g_test_add_func ("/map-view/render-at-once", test_render_at_once);
  g_test_add_func ("/map-view/offline-preload", test_offline_preload);
  g_test_add ("/map-view/export-png", Fixture, NULL, fixture_set_up, test_export_png,
              fixture_tear_down);
  g_test_add ("/map-view/swap-many-places", Fixture, NULL, fixture_set_up, test_swap_many_places,
              fixture_tear_down);
  g_test_add ("/map-view/pins-move-on", Fixture, NULL, fixture_set_up, test_pins_move_on,
              fixture_tear_down);
  g_test_add ("/map-view/circles-when-shown", Fixture, NULL, fixture_set_up,
              test_circles_when_shown, fixture_tear_down);
  g_test_add_func ("/map-view/alike-shapes-panned", test_alike_shapes_panned);
  g_test_add_func ("/map-view/first-picture", test_first_picture);
  g_test_add ("/map-view/copy-image", Fixture, NULL, fixture_set_up, test_copy_image,
              fixture_tear_down);

  return g_test_run ();
}
