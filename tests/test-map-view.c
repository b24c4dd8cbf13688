/* test-map-view.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "atlas-dataset-loader.h"
#include "atlas-test-map.h"

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
  g_autofree char *name = NULL;

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

  /* What a screen reader announces. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (pin)), ==, "Ban Gioc Waterfall");
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PREFIX "/icons");

  g_test_add ("/map-view/fit-places", Fixture, NULL, fixture_set_up, test_fit_places, fixture_tear_down);
  g_test_add ("/map-view/grouping", Fixture, NULL, fixture_set_up, test_grouping, fixture_tear_down);
  g_test_add ("/map-view/selection", Fixture, NULL, fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/map-view/select-places", Fixture, NULL, fixture_set_up, test_select_places, fixture_tear_down);
  g_test_add ("/map-view/area-click", Fixture, NULL, fixture_set_up, test_area_click, fixture_tear_down);
  g_test_add ("/map-view/offline-when-unreachable", Fixture, NULL, fixture_set_up,
              test_offline_when_unreachable, fixture_tear_down);

  return g_test_run ();
}
