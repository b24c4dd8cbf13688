/* test-map-search.c: the search shown on the map.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-map-search"

#include "config.h"

#include <adwaita.h>

#include "atlas-browse-filter.h"
#include "atlas-pin-private.h"
#include "atlas-test-gtk.h"
#include "atlas-test-map-fixture.h"

/* The places a search finds, as the sidebar's list model: a filter model
 * over the dataset's places that the browse filter drives.
 */
typedef struct
{
  AtlasBrowseFilter  *filter;
  AtlasDataset       *dataset;
  GtkFilterListModel *places;
} Search;

static gboolean
match_place (gpointer item,
             gpointer user_data)
{
  Search *search = user_data;

  return atlas_browse_filter_match_place (search->filter, search->dataset, item);
}

static Search *
search_new (AtlasDataset *dataset)
{
  Search *search = g_new0 (Search, 1);

  search->filter = atlas_browse_filter_new ();
  search->dataset = g_object_ref (dataset);
  search->places = gtk_filter_list_model_new (
    g_object_ref (atlas_dataset_get_places (dataset)),
    GTK_FILTER (gtk_custom_filter_new (match_place, search, NULL)));

  return search;
}

static void
search_free (Search *search)
{
  g_clear_object (&search->places);
  g_clear_object (&search->filter);
  g_clear_object (&search->dataset);
  g_free (search);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Search, search_free)

/* Types @text into the search, as the sidebar's entry would. */
static void
search_type (Search     *search,
             const char *text)
{
  atlas_browse_filter_set_search (search->filter, text);
  gtk_filter_changed (gtk_filter_list_model_get_filter (search->places),
                      GTK_FILTER_CHANGE_DIFFERENT);
}

static guint
count_found (Search    *search,
             GPtrArray *places)
{
  guint n = 0;

  for (guint i = 0; i < places->len; i++)
    n += atlas_browse_filter_match_place (search->filter, search->dataset,
                                          g_ptr_array_index (places, i));

  return n;
}

/* Every pin shown says what the search finds in it: those with a match at
 * full strength, the others dimmed and drawn below them.
 */
static void
assert_pins_show_search (Fixture *fixture,
                         Search  *search,
                         guint   *n_found,
                         guint   *n_dimmed)
{
  g_autoptr(GList) pins = _atlas_map_view_get_pins (fixture->view);
  gboolean dimmed_above = FALSE;

  *n_found = *n_dimmed = 0;
  for (GList *l = g_list_last (pins); l != NULL; l = l->prev)
    {
      AtlasPin *pin = l->data;
      guint n = count_found (search, atlas_pin_get_places (pin));

      g_assert_cmpint (atlas_pin_get_n_matches (pin), ==, n);
      if (n > 0)
        {
          g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (pin)), ==, 1.0);
          g_assert_false (dimmed_above);
          *n_found += 1;
        }
      else
        {
          g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (pin)), <, 0.75);
          dimmed_above = TRUE;
          *n_dimmed += 1;
        }
    }
}

/* The first widget under @widget that is a label reading @text, or an
 * actionable of @action_name.
 */
static GtkWidget *
find_widget (GtkWidget  *widget,
             const char *text,
             const char *action_name)
{
  if (text != NULL && GTK_IS_LABEL (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  if (action_name != NULL && GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, text, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
pin_is_dimmed (AtlasPin *pin)
{
  return atlas_pin_get_n_matches (pin) == 0 && gtk_widget_get_opacity (GTK_WIDGET (pin)) < 1;
}

/* Close in on Bản Giốc: the waterfall stands out, the cave nearby steps back. */
static void
test_pins (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(Search) search = search_new (fixture->dataset);
  guint n_found, n_dimmed;

  atlas_map_view_set_view (fixture->view, 22.851, 106.714, 14);
  atlas_test_wait_for_map (fixture);
  g_assert_false (pin_is_dimmed (atlas_test_pin_of_place (fixture->view, "cb-02")));

  search_type (search, "ban gioc");
  atlas_map_view_set_search_results (fixture->view, G_LIST_MODEL (search->places));
  atlas_test_wait_for_map (fixture);

  g_assert_cmpint (atlas_pin_get_n_matches (atlas_test_pin_of_place (fixture->view, "cb-01")),
                   ==, 1);
  g_assert_true (pin_is_dimmed (atlas_test_pin_of_place (fixture->view, "cb-02")));
  assert_pins_show_search (fixture, search, &n_found, &n_dimmed);
  g_assert_cmpuint (n_found, >=, 1);
  g_assert_cmpuint (n_dimmed, >=, 1);

  /* Typing on: the map follows the list at the next frame. */
  search_type (search, "nguom ngao");
  atlas_test_wait_for_map (fixture);
  g_assert_true (pin_is_dimmed (atlas_test_pin_of_place (fixture->view, "cb-01")));
  g_assert_false (pin_is_dimmed (atlas_test_pin_of_place (fixture->view, "cb-02")));
  assert_pins_show_search (fixture, search, &n_found, &n_dimmed);

  /* A selected place that the search does not find is still selected. */
  atlas_map_view_select_place (fixture->view,
                               atlas_dataset_lookup_place (fixture->dataset, "cb-01"));
  atlas_test_wait_for_map (fixture);
  {
    g_autoptr(GList) pins = _atlas_map_view_get_pins (fixture->view);
    AtlasPin *pin = atlas_test_pin_of_place (fixture->view, "cb-01");

    g_assert_true (atlas_pin_get_highlighted (pin));
    g_assert_true (g_list_last (pins)->data == pin);
  }
}

/* From afar, a badge holding a place the search finds stands out and
 * counts what it finds; the others step back.
 */
static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Search) search = search_new (fixture->dataset);
  g_autoptr(GList) pins = NULL;
  AtlasPin *with_waterfall = NULL;
  guint n_found, n_dimmed, n_in_group;

  atlas_map_view_fit_bounds (fixture->view, 8.5, 102, 23.4, 109.5, FALSE);
  atlas_test_wait_for_map (fixture);
  search_type (search, "ban gioc");
  atlas_map_view_set_search_results (fixture->view, G_LIST_MODEL (search->places));
  atlas_test_wait_for_map (fixture);

  assert_pins_show_search (fixture, search, &n_found, &n_dimmed);
  g_assert_cmpuint (n_dimmed, >, 0);

  pins = _atlas_map_view_get_pins (fixture->view);
  for (GList *l = pins; l != NULL; l = l->next)
    if (g_ptr_array_find (atlas_pin_get_places (l->data),
                          atlas_dataset_lookup_place (fixture->dataset, "cb-01"), NULL))
      with_waterfall = l->data;

  g_assert_nonnull (with_waterfall);
  g_assert_true (atlas_pin_is_group (with_waterfall));
  n_in_group = atlas_pin_get_places (with_waterfall)->len;
  n_found = count_found (search, atlas_pin_get_places (with_waterfall));
  g_assert_cmpuint (n_found, <, n_in_group);

  /* Its badge counts what the search finds, and says of how many. */
  {
    g_autofree char *count = g_strdup_printf ("%u", n_found);
    g_autofree char *label = g_strdup_printf ("%u of %u places match the search, "
                                              "zoom in to tell them apart",
                                              n_found, n_in_group);

    g_assert_nonnull (find_widget (GTK_WIDGET (with_waterfall), count, NULL));
    gtk_test_accessible_assert_property (with_waterfall, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  }

  /* Opening it comes close enough for what it finds to stand apart. */
  g_signal_emit_by_name (with_waterfall, "activate");
  atlas_test_wait_for_map (fixture);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-01"));
  g_assert_false (pin_is_dimmed (atlas_test_pin_of_place (fixture->view, "cb-01")));
}

static void
assert_in_view (Fixture    *fixture,
                AtlasPlace *place)
{
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  double x, y;

  atlas_test_place_position (fixture, place, &x, &y);
  g_assert_cmpfloat (x, >=, 20);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (map) - 20);
  g_assert_cmpfloat (y, >=, 40);
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (map) - 20);
}

/* The bar over the map frames every place found, from wherever the view
 * is; one place is framed as opening it would.
 */
static void
test_frame (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(Search) search = search_new (fixture->dataset);
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->view);
  GListModel *found = G_LIST_MODEL (search->places);
  GtkWidget *button;
  double zoom;

  /* Đắk Nông, far from Đồng Văn. */
  atlas_map_view_set_view (fixture->view, 12.1, 107.7, 11);
  search_type (search, "dong van");
  atlas_map_view_set_search_results (fixture->view, found);
  atlas_test_wait_for_map (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (found), >, 1);

  /* A button a keyboard reaches, that a screen reader names. */
  button = find_widget (GTK_WIDGET (fixture->view), NULL, "map.frame-results");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_nonnull (find_widget (button, "Show All", NULL));
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Show every matching place on the map");

  g_signal_emit_by_name (button, "clicked");
  atlas_test_wait_for_map (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (found, i);

      assert_in_view (fixture, place);
    }
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >=, 8);

  /* One place: as close as opening it comes. */
  search_type (search, "ma pi leng");
  atlas_test_wait_for_map (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  {
    g_autoptr(GPtrArray) one = g_ptr_array_new ();

    g_ptr_array_add (one, atlas_dataset_lookup_place (fixture->dataset, "dv-03"));
    atlas_map_view_fit_places (fixture->view, one, FALSE);
    atlas_test_wait_for_map (fixture);
    zoom = shumate_viewport_get_zoom_level (viewport);
  }
  atlas_map_view_set_view (fixture->view, 12.1, 107.7, 11);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "map.frame-results", NULL);
  atlas_test_wait_for_map (fixture);
  assert_in_view (fixture, atlas_dataset_lookup_place (fixture->dataset, "dv-03"));
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, zoom);

  /* Nothing found: nothing to frame, and the bar says so. */
  search_type (search, "zzzz quux");
  atlas_test_wait_for_map (fixture);
  g_assert_false (gtk_widget_is_visible (button));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->view), "No places match the search",
                                 NULL));
}

typedef struct
{
  double latitude;
  double longitude;
  double zoom;
  char  *pins;
} MapState;

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* What a user sees of the map: where it is, and each pin's places and looks. */
static void
map_state_get (Fixture  *fixture,
               MapState *state)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->view);
  g_autoptr(GList) pins = _atlas_map_view_get_pins (fixture->view);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);

  state->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  state->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  state->zoom = shumate_viewport_get_zoom_level (viewport);

  for (GList *l = pins; l != NULL; l = l->next)
    {
      GPtrArray *places = atlas_pin_get_places (l->data);
      GString *line = g_string_new (NULL);

      for (guint i = 0; i < places->len; i++)
        g_string_append_printf (line, "%s ", atlas_place_get_id (g_ptr_array_index (places, i)));
      g_string_append_printf (line, "highlighted=%d opacity=%g tooltip=%s",
                              atlas_pin_get_highlighted (l->data),
                              gtk_widget_get_opacity (l->data),
                              _atlas_pin_get_tooltip (l->data));
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (all, "%s\n", (char *) g_ptr_array_index (lines, i));
  state->pins = g_string_free (g_steal_pointer (&all), FALSE);
}

/* Clearing the search puts every pin back as it was, and leaves the view
 * where the search left it.
 */
static void
test_clear (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(Search) search = search_new (fixture->dataset);
  MapState before, searching, after;

  atlas_map_view_fit_bounds (fixture->view, 20.5, 103.5, 23.4, 107.5, FALSE);
  atlas_test_wait_for_map (fixture);
  map_state_get (fixture, &before);

  search_type (search, "dong van");
  atlas_map_view_set_search_results (fixture->view, G_LIST_MODEL (search->places));
  atlas_test_wait_for_map (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "map.frame-results", NULL);
  atlas_test_wait_for_map (fixture);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (fixture->view)),
                     !=, before.zoom);

  /* Back where it was, with the search still on: the pins step back. */
  atlas_map_view_set_view (fixture->view, before.latitude, before.longitude, before.zoom);
  atlas_test_wait_for_map (fixture);
  map_state_get (fixture, &searching);
  g_assert_cmpstr (searching.pins, !=, before.pins);
  g_clear_pointer (&searching.pins, g_free);

  /* Framed again, then cleared: the view stays. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "map.frame-results", NULL);
  atlas_test_wait_for_map (fixture);
  map_state_get (fixture, &searching);
  search_type (search, "");
  atlas_map_view_set_search_results (fixture->view, NULL);
  atlas_test_wait_for_map (fixture);
  map_state_get (fixture, &after);
  g_assert_cmpfloat (after.latitude, ==, searching.latitude);
  g_assert_cmpfloat (after.longitude, ==, searching.longitude);
  g_assert_cmpfloat (after.zoom, ==, searching.zoom);
  g_assert_false (gtk_widget_is_visible (find_widget (GTK_WIDGET (fixture->view), NULL,
                                                      "map.frame-results")));
  g_clear_pointer (&after.pins, g_free);

  /* And where it was before, the pins as they were. */
  atlas_map_view_set_view (fixture->view, before.latitude, before.longitude, before.zoom);
  atlas_test_wait_for_map (fixture);
  map_state_get (fixture, &after);
  g_assert_cmpstr (after.pins, ==, before.pins);
  g_assert_cmpuint (_atlas_map_view_get_n_matches (fixture->view), ==, 0);

  g_free (before.pins);
  g_free (searching.pins);
  g_free (after.pins);
}

#define ADD ATLAS_TEST_MAP_ADD

int
main (int   argc,
      char *argv[])
{
  atlas_test_map_init (&argc, &argv);

  ADD ("/map-search/pins", test_pins);
  ADD ("/map-search/groups", test_groups);
  ADD ("/map-search/frame", test_frame);
  ADD ("/map-search/clear", test_clear);

  return g_test_run ();
}
