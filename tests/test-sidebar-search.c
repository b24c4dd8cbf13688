/* test-sidebar-search.c: the sidebar's lists while a search is typed: best
 * first, the geoparks found above them, both counts, what an empty list
 * offers, and the keyboard from the search to the first result.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sidebar-search"

#include "config.h"

#include "atlas-item-view.h"
#include "atlas-test-gtk.h"
#include "atlas-test-window.h"

typedef struct {
  GSettings    *settings;
  AtlasWindow  *window;
  AtlasSidebar *sidebar;
  AtlasDataset *dataset;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = new_settings ();
  g_settings_set_int (fixture->settings, "window-width", 1280);
  g_settings_set_int (fixture->settings, "window-height", 760);
  fixture->window = show_window (fixture->settings);
  fixture->sidebar = fixture->window->sidebar;
  fixture->dataset = atlas_dataset_source_get_dataset (fixture->window->source);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture->window);
  g_clear_object (&fixture->settings);
}

/* As typed into the search entry. */
static void
type (Fixture    *fixture,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->sidebar->search_entry), text);
  g_signal_emit_by_name (fixture->sidebar->search_entry, "search-changed");
  iterate ();
}

static const char *
open_id (Fixture *fixture)
{
  GtkStack *stack = fixture->window->detail_stack;
  static char *id;

  g_clear_pointer (&id, g_free);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "none") != 0)
    g_object_get (atlas_item_view_get_item (ATLAS_ITEM_VIEW (gtk_stack_get_visible_child (stack))),
                  "id", &id, NULL);

  return id;
}

typedef struct
{
  GObject *item;
  guint    score;
  guint    position;
} Scored;

static int
compare_scored (gconstpointer a,
                gconstpointer b)
{
  const Scored *scored_a = a;
  const Scored *scored_b = b;

  if (scored_a->score != scored_b->score)
    return scored_a->score > scored_b->score ? -1 : 1;

  return scored_a->position < scored_b->position ? -1 : 1;
}

/* The list shows the items its filter passes: ranked, in the order of the
 * scores, equal scores in the order without a search (whatever the scores
 * are: the engine decides those); not ranked, in that order.
 */
static void
assert_list_order (Fixture          *fixture,
                   AtlasSidebarList *list,
                   gboolean          ranked)
{
  GListModel *all = gtk_filter_list_model_get_model (list->matches);
  GtkFilterMatch strictness = gtk_filter_get_strictness (list->filter);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Scored));

  g_assert_cmpint (atlas_ranked_model_get_ranked (ATLAS_RANKED_MODEL (list->shown)), ==, ranked);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      Scored scored = { g_list_model_get_item (all, i), 0, i };

      if (strictness == GTK_FILTER_MATCH_NONE ||
          (strictness == GTK_FILTER_MATCH_SOME && !gtk_filter_match (list->filter, scored.item)))
        {
          g_object_unref (scored.item);
          continue;
        }
      scored.score = atlas_browse_filter_get_score (fixture->window->filter, fixture->dataset,
                                                    scored.item);
      g_array_append_val (expected, scored);
    }
  if (ranked)
    g_array_sort (expected, compare_scored);

  g_assert_cmpuint (g_list_model_get_n_items (list->shown), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(GObject) shown = g_list_model_get_item (list->shown, i);
      Scored *scored = &g_array_index (expected, Scored, i);

      g_assert_true (shown == scored->item);
      g_object_unref (scored->item);
    }
}

/* Without a search, today's order; with one, best first, in both lists;
 * the news newest first again when asked, the places still ranked.
 */
static void
test_ranked_order (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *typing[] = { "ho", "ba", "la", "ng", "gi", "lan", "hoa" };
  AtlasSidebar *sidebar = fixture->sidebar;

  assert_list_order (fixture, &sidebar->news, FALSE);
  assert_list_order (fixture, &sidebar->places, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar->order_button)));

  type (fixture, "cao bang");
  g_assert_cmpuint (g_list_model_get_n_items (sidebar->news.shown), >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sidebar->places.shown), >, 1);
  assert_list_order (fixture, &sidebar->news, TRUE);
  assert_list_order (fixture, &sidebar->places, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar->order_button)));
  g_assert_cmpstr (gtk_menu_button_get_label (sidebar->order_button), ==, "Best Match First");
  /* Its menu is made when first opened. */
  g_assert_null (gtk_menu_button_get_popover (sidebar->order_button));
  gtk_menu_button_popup (sidebar->order_button);
  g_assert_nonnull (gtk_menu_button_get_popover (sidebar->order_button));
  gtk_menu_button_popdown (sidebar->order_button);

  /* Letters typed on, and a filter set: still best first. */
  type (fixture, "cao bang th");
  assert_list_order (fixture, &sidebar->places, TRUE);
  atlas_browse_filter_set_year (fixture->window->filter, 2025);
  assert_list_order (fixture, &sidebar->news, TRUE);
  atlas_browse_filter_set_year (fixture->window->filter, 0);
  /* A space typed: the same items, but the last word complete now, which
   * scores its starts of syllables otherwise.
   */
  for (guint i = 0; i < G_N_ELEMENTS (typing); i++)
    {
      g_autofree char *complete = g_strconcat (typing[i], " ", NULL);

      type (fixture, typing[i]);
      assert_list_order (fixture, &sidebar->places, TRUE);
      type (fixture, complete);
      assert_list_order (fixture, &sidebar->places, TRUE);
      assert_list_order (fixture, &sidebar->news, TRUE);
    }
  type (fixture, "cao bang");

  gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.news-order", "s", "date");
  assert_list_order (fixture, &sidebar->news, FALSE);
  assert_list_order (fixture, &sidebar->places, TRUE);
  g_assert_cmpstr (gtk_menu_button_get_label (sidebar->order_button), ==, "Newest First");
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.news-order", "s", "relevance");
  assert_list_order (fixture, &sidebar->news, TRUE);

  type (fixture, "");
  assert_list_order (fixture, &sidebar->news, FALSE);
  assert_list_order (fixture, &sidebar->places, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar->order_button)));
}

/* The geopark a search names comes above the lists, first for the keyboard
 * and for Enter; it goes when the search does.
 */
static void
test_geoparks_found (Fixture       *fixture,
                     gconstpointer  data)
{
  AtlasSidebar *sidebar = fixture->sidebar;
  GtkListBoxRow *row;
  GtkWidget *focus;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar->geoparks_box)));

  type (fixture, "dong van");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar->geoparks_box)));
  g_assert_cmpuint (sidebar->geopark_results->len, ==, 1);
  g_assert_cmpstr (atlas_geopark_get_id (sidebar->geopark_results->pdata[0]), ==, "dongvan");
  row = gtk_list_box_get_row_at_index (sidebar->geoparks_box, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (sidebar->geoparks_box, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Dong Van");

  /* Down from the search: the geopark. */
  gtk_widget_grab_focus (GTK_WIDGET (sidebar->search_entry));
  g_assert_true (_atlas_sidebar_focus_results (sidebar));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));

  /* Enter in the search: the geopark's page. */
  g_signal_emit_by_name (sidebar->search_entry, "activate");
  g_assert_cmpstr (open_id (fixture), ==, "dongvan");

  /* Its row too. */
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpstr (open_id (fixture), ==, "dongvan");

  type (fixture, "dong vanx");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar->geoparks_box)));
  g_assert_cmpuint (sidebar->geopark_results->len, ==, 0);
}

/* The row of the list's item, if it has one. */
static GtkWidget *
row_of (AtlasSidebarList *list,
        gpointer          item)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (ATLAS_IS_ITEM_VIEW (row) && atlas_item_view_get_item (ATLAS_ITEM_VIEW (row)) == item)
        return child;
    }

  return NULL;
}

static gboolean
has_focus_in (Fixture   *fixture,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return widget != NULL && focus != NULL &&
         (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Down from the search reaches the first row shown, even when another row
 * had the focus before; Enter then opens what Enter in the search opens.
 */
static void
test_down_reaches_first_row (Fixture       *fixture,
                             gconstpointer  data)
{
  AtlasSidebar *sidebar = fixture->sidebar;
  AtlasSidebarList *list = &sidebar->places;
  g_autoptr(GObject) third = NULL;
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) result = NULL;
  g_autofree char *first_id = NULL;

  atlas_sidebar_set_page (sidebar, "places");
  iterate ();
  type (fixture, "thac");
  g_assert_cmpuint (g_list_model_get_n_items (list->shown), >, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* A row further down had the focus. */
  third = g_list_model_get_item (list->shown, 2);
  g_assert_true (gtk_widget_grab_focus (row_of (list, third)));
  g_assert_true (has_focus_in (fixture, row_of (list, third)));

  gtk_widget_grab_focus (GTK_WIDGET (sidebar->search_entry));
  type (fixture, "thac b");
  g_assert_cmpuint (sidebar->geopark_results->len, ==, 0);
  first = g_list_model_get_item (list->shown, 0);
  g_assert_true (_atlas_sidebar_focus_results (sidebar));
  g_assert_true (has_focus_in (fixture, row_of (list, first)));

  result = _atlas_sidebar_dup_first_result (sidebar);
  g_assert_true (result == first);
  g_object_get (first, "id", &first_id, NULL);
  g_signal_emit_by_name (sidebar->search_entry, "activate");
  g_assert_cmpstr (open_id (fixture), ==, first_id);
}

/* Both counts while a search is typed; an empty list says so, truthfully,
 * and offers the other list with its count, which one click shows.
 */
static void
test_counts_and_empty_list (Fixture       *fixture,
                            gconstpointer  data)
{
  AtlasSidebar *sidebar = fixture->sidebar;
  guint n_news = g_list_model_get_n_items (atlas_dataset_get_articles (fixture->dataset));
  guint n_places = g_list_model_get_n_items (atlas_dataset_get_places (fixture->dataset));
  g_autofree char *count = NULL;
  g_autofree char *show = NULL;
  guint found;
  const char *description;

  atlas_sidebar_set_page (sidebar, "news");
  type (fixture, "nguom ngao");
  found = g_list_model_get_n_items (sidebar->places.shown);
  g_assert_cmpuint (g_list_model_get_n_items (sidebar->news.shown), ==, 0);
  g_assert_cmpuint (found, >, 0);

  count = g_strdup_printf ("0 of %u news items · %u of %u places", n_news, found, n_places);
  g_assert_cmpstr (gtk_label_get_label (sidebar->count_label), ==, count);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar->news.stack), ==, "no-results");
  g_assert_cmpstr (adw_status_page_get_title (sidebar->news.no_results), ==, "No News Found");
  description = adw_status_page_get_description (sidebar->news.no_results);
  g_assert_null (strstr (description, "dong van"));
  g_assert_null (strstr (description, "filter"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar->news.other_button)));
  show = g_strdup_printf (found == 1 ? "Show %u Place" : "Show %u Places", found);
  g_assert_cmpstr (gtk_button_get_label (sidebar->news.other_button), ==, show);

  g_signal_emit_by_name (sidebar->news.other_button, "clicked");
  g_assert_cmpstr (atlas_sidebar_get_page (sidebar), ==, "places");

  /* A filter that leaves nothing either: the hint says to remove it. */
  atlas_sidebar_set_page (sidebar, "news");
  atlas_browse_filter_set_year (fixture->window->filter, 2025);
  description = adw_status_page_get_description (sidebar->news.no_results);
  g_assert_nonnull (strstr (description, "filter"));

  /* Nothing anywhere: nothing to offer. */
  type (fixture, "xyzzyq");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar->news.other_button)));
  g_assert_cmpstr (gtk_label_get_label (sidebar->count_label), ==,
                   (count = (g_free (count),
                             g_strdup_printf ("0 of %u news items · 0 of %u places",
                                              n_news, n_places))));
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_gtk (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sidebar-search/ranked-order", test_ranked_order);
  ADD ("/sidebar-search/geoparks-found", test_geoparks_found);
  ADD ("/sidebar-search/down-reaches-first-row", test_down_reaches_first_row);
  ADD ("/sidebar-search/counts-and-empty-list", test_counts_and_empty_list);
#undef ADD

  return g_test_run ();
}
