/* test-map-view.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-map-view"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "atlas-offline-map.h"
#include "atlas-pin-private.h"
#include "atlas-shape-layer-private.h"
#include "atlas-test-gtk.h"
#include "atlas-test-map-fixture.h"
#include "atlas-map-view-private.h"

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
      atlas_test_wait_for_map (fixture);

      /* Every place inside, with room for its pin's head above it. */
      for (guint i = 0; i < places->len; i++)
        {
          double x, y;

          atlas_test_place_position (fixture, g_ptr_array_index (places, i), &x, &y);
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
  atlas_test_wait_for_map (fixture);
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
  atlas_test_wait_for_map (fixture);
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
  atlas_test_wait_for_map (fixture);
  count_groups (fixture, &n_pins);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-01"));
  g_assert_null (atlas_test_pin_of_place (fixture->view, "ls-01"));
  g_assert_cmpuint (n_pins, <, g_list_model_get_n_items (atlas_dataset_get_places (fixture->dataset)) / 2);

  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 atlas_place_get_latitude (lang_son),
                                 atlas_place_get_longitude (lang_son));
  atlas_test_wait_for_map (fixture);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "ls-01"));
  g_assert_null (atlas_test_pin_of_place (fixture->view, "cb-01"));

  /* A selected place keeps its marker wherever the view is. */
  {
    g_autoptr(GPtrArray) selected = g_ptr_array_new ();

    g_ptr_array_add (selected, ban_gioc);
    atlas_map_view_select_places (fixture->view, selected);
  }
  atlas_test_wait_for_map (fixture);
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
  atlas_test_wait_for_map (fixture);

  pin = atlas_test_pin_of_place (fixture->view, "cb-01");
  g_assert_nonnull (pin);
  g_assert_false (atlas_pin_get_highlighted (pin));
  g_signal_emit_by_name (pin, "activate");

  g_assert_true (activated == atlas_dataset_lookup_place (fixture->dataset, "cb-01"));
  g_assert_true (_atlas_map_view_get_selected_place (fixture->view) == activated);
  pin = atlas_test_pin_of_place (fixture->view, "cb-01");
  g_assert_true (atlas_pin_get_highlighted (pin));
  pins = _atlas_map_view_get_pins (fixture->view);
  g_assert_true (g_list_last (pins)->data == pin);

  /* What its tooltip says, and a screen reader announces. */
  g_assert_cmpstr (_atlas_pin_get_tooltip (pin), ==, "Ban Gioc Waterfall");
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
  atlas_test_wait_for_map (fixture);
  g_assert_null (atlas_test_pin_of_place (fixture->view, "cb-01"));

  atlas_map_view_select_places (fixture->view, two);
  atlas_test_wait_for_map (fixture);
  g_assert_cmpuint (_atlas_map_view_get_selected_places (fixture->view)->len, ==, 2);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-01"));
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-02"));
  g_assert_true (atlas_pin_get_highlighted (atlas_test_pin_of_place (fixture->view, "cb-01")));
  g_assert_true (atlas_pin_get_highlighted (atlas_test_pin_of_place (fixture->view, "cb-02")));

  atlas_map_view_select_places (fixture->view, NULL);
  atlas_test_wait_for_map (fixture);
  g_assert_null (_atlas_map_view_get_selected_place (fixture->view));
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
  atlas_test_wait_for_map (fixture);

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
  GPtrArray *selected = _atlas_map_view_get_selected_places (view);
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
          g_assert_cmpstr (_atlas_pin_get_tooltip (pin), ==, name);
          g_assert_cmpint (atlas_pin_get_highlighted (pin), ==,
                           g_ptr_array_find (selected, place, NULL));
        }
      if (label != NULL)
        {
          g_assert_cmpstr (_atlas_pin_get_tooltip (pin), ==, label);
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
  atlas_map_view_select_places (view, _atlas_map_view_get_selected_places (fixture->view));
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
  atlas_test_wait_for_map (fixture);
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
  g_autoptr(AtlasDataset) grid = atlas_test_load_with_grid (600, FALSE);
  AtlasPlace *selected;
  AtlasPin *focused;
  guint n_groups;

  atlas_map_view_fit_bounds (fixture->view, 22.58, 105.98, 22.86, 106.38, FALSE);
  atlas_test_wait_for_map (fixture);
  atlas_dataset_take_contents (fixture->dataset, grid);
  atlas_test_wait_for_map (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_places (fixture->dataset)), >, 600);
  g_assert_cmpuint (assert_pins_right (fixture->view, fixture->dataset), >, 10);
  assert_same_pins_as_fresh_view (fixture, fixture->dataset);

  selected = atlas_dataset_lookup_place (fixture->dataset, "grid-247");
  atlas_map_view_select_place (fixture->view, selected);
  atlas_test_wait_for_map (fixture);
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
  atlas_test_wait_for_map (fixture);
  atlas_map_view_fit_places (fixture->view, _atlas_map_view_get_selected_places (fixture->view),
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
  g_autoptr(AtlasDataset) grid = atlas_test_load_with_grid (600, FALSE);
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
      atlas_test_wait_for_map (fixture);
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

#define ADD ATLAS_TEST_MAP_ADD

int
main (int   argc,
      char *argv[])
{
  atlas_test_map_init (&argc, &argv);

  ADD ("/map-view/fit-places", test_fit_places);
  ADD ("/map-view/grouping", test_grouping);
  ADD ("/map-view/pins-near-view", test_pins_near_view);
  ADD ("/map-view/selection", test_selection);
  ADD ("/map-view/select-places", test_select_places);
  ADD ("/map-view/keyboard-pan", test_keyboard_pan);
  ADD ("/map-view/area-click", test_area_click);
  ADD ("/map-view/offline-when-unreachable", test_offline_when_unreachable);
  g_test_add_func ("/map-view/offline-preload", test_offline_preload);
  ADD ("/map-view/swap-many-places", test_swap_many_places);
  ADD ("/map-view/pins-move-on", test_pins_move_on);

  return g_test_run ();
}
