/* test-browse.c: the links between the map, the lists and the detail panel.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-browse"

#include "config.h"

#include "atlas-article-row.h"
#include "atlas-search.h"
#include "atlas-test-gtk.h"
#include "atlas-test-map.h"
#include "atlas-test-utils.h"
#include "atlas-test-window.h"
#include "atlas-map-view-private.h"

/* Places of the bundled dataset: the Dìa Trên paper village, which one
 * news item names, and Bản Giốc, which none does; and their geopark.
 */
#define DIA_TREN "cb-14"
#define BAN_GIOC "cb-01"
#define CAO_BANG "caobang"

typedef struct {
  GSettings   *settings;
  AtlasWindow *window;
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
  fixture->dataset = atlas_dataset_source_get_dataset (fixture->window->source);
  /* Fits land at once, so that the test can look where the map went. */
  _atlas_map_view_set_animated (fixture->window->map_view, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture->window);
  g_clear_object (&fixture->settings);
}

static GObject *
open_item (Fixture *fixture)
{
  GtkStack *stack = fixture->window->detail_stack;
  GtkWidget *page = gtk_stack_get_visible_child (stack);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "none") == 0)
    return NULL;

  return atlas_item_view_get_item (ATLAS_ITEM_VIEW (page));
}

static const char *
open_id (Fixture *fixture)
{
  GObject *item = open_item (fixture);
  static char *id;

  g_clear_pointer (&id, g_free);
  if (item != NULL)
    g_object_get (item, "id", &id, NULL);

  return id;
}

static guint
n_news (Fixture *fixture)
{
  return g_list_model_get_n_items (fixture->window->sidebar->news.shown);
}

static guint
n_places (Fixture *fixture)
{
  return g_list_model_get_n_items (fixture->window->sidebar->places.shown);
}

static guint
n_chips (Fixture *fixture)
{
  GtkWidget *box = GTK_WIDGET (fixture->window->sidebar->chips_box);
  guint n = 0;

  if (!gtk_widget_get_visible (box))
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static GtkWidget *
first_chip_button (Fixture *fixture)
{
  return gtk_widget_get_first_child (GTK_WIDGET (fixture->window->sidebar->chips_box));
}

static void
assert_map_shows (Fixture *fixture,
                  double   latitude,
                  double   longitude)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->window->map_view);
  GtkWidget *map = _atlas_map_view_get_map (fixture->window->map_view);
  double x, y;

  shumate_viewport_location_to_widget_coords (viewport, map, latitude, longitude, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (map));
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (map));
}

static void
assert_map_shows_place (Fixture    *fixture,
                        AtlasPlace *place)
{
  assert_map_shows (fixture, atlas_place_get_latitude (place), atlas_place_get_longitude (place));
}

static gboolean
pin_highlighted (Fixture    *fixture,
                 const char *id)
{
  AtlasPin *pin = atlas_test_pin_of_place (fixture->window->map_view, id);

  return pin != NULL && atlas_pin_get_highlighted (pin);
}

static gpointer
nth (GListModel *model,
     guint       position)
{
  gpointer item = g_list_model_get_item (model, position);

  /* The dataset keeps it alive. */
  g_object_unref (item);
  return item;
}

/* An article naming at least two places, for the map's framing. */
static AtlasArticle *
article_with_places (Fixture *fixture)
{
  GListModel *articles = atlas_dataset_get_articles (fixture->dataset);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, i);
      const char * const *ids = atlas_article_get_place_ids (article);

      if (ids != NULL && g_strv_length ((char **) ids) >= 2)
        return article;
    }

  g_assert_not_reached ();
}

/* Clicking a pin opens its place, filters the news to it with a chip, and
 * the chip takes the filter away.
 */
static void
test_pin_opens_place (Fixture       *fixture,
                      gconstpointer  data)
{
  GPtrArray *mentions = atlas_dataset_get_place_articles (fixture->dataset, DIA_TREN);
  AtlasPlace *dia_tren = atlas_dataset_lookup_place (fixture->dataset, DIA_TREN);
  guint all_news = n_news (fixture);
  AtlasPin *pin;

  g_assert_cmpuint (mentions->len, >, 0);
  g_assert_cmpuint (mentions->len, <, all_news);
  atlas_map_view_fit_bounds (fixture->window->map_view,
                             atlas_place_get_latitude (dia_tren) - 0.01,
                             atlas_place_get_longitude (dia_tren) - 0.01,
                             atlas_place_get_latitude (dia_tren) + 0.01,
                             atlas_place_get_longitude (dia_tren) + 0.01, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  pin = atlas_test_pin_of_place (fixture->window->map_view, DIA_TREN);
  g_assert_nonnull (pin);
  g_signal_emit_by_name (pin, "activate");

  g_assert_cmpstr (open_id (fixture), ==, DIA_TREN);
  g_assert_true (gtk_stack_get_visible_child (fixture->window->detail_stack) ==
                 gtk_stack_get_child_by_name (fixture->window->detail_stack, "place"));
  g_assert_cmpstr (atlas_browse_filter_get_place_id (fixture->window->filter), ==, DIA_TREN);
  g_assert_cmpuint (n_news (fixture), ==, mentions->len);
  for (guint i = 0; i < n_news (fixture); i++)
    {
      AtlasArticle *article = nth (fixture->window->sidebar->news.shown, i);

      g_assert_true (g_ptr_array_find (mentions, article, NULL));
    }
  g_assert_cmpuint (n_chips (fixture), ==, 1);
  g_assert_true (pin_highlighted (fixture, DIA_TREN));

  g_signal_emit_by_name (first_chip_button (fixture), "clicked");
  g_assert_null (atlas_browse_filter_get_place_id (fixture->window->filter));
  g_assert_cmpuint (n_news (fixture), ==, all_news);
  g_assert_cmpuint (n_chips (fixture), ==, 0);
  /* The place stays open: only the filter went. */
  g_assert_cmpstr (open_id (fixture), ==, DIA_TREN);
}

/* Opening an article from the list selects its places and frames them. */
static void
test_article_selects_places (Fixture       *fixture,
                             gconstpointer  data)
{
  AtlasArticle *article = article_with_places (fixture);
  const char * const *ids = atlas_article_get_place_ids (article);
  GPtrArray *selected;

  g_signal_emit_by_name (fixture->window->sidebar, "item-activated", article);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_cmpstr (open_id (fixture), ==, atlas_article_get_id (article));
  selected = _atlas_map_view_get_selected_places (fixture->window->map_view);
  g_assert_cmpuint (selected->len, ==, g_strv_length ((char **) ids));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      AtlasPlace *place = atlas_dataset_lookup_place (fixture->dataset, ids[i]);

      g_assert_true (g_ptr_array_find (selected, place, NULL));
      g_assert_true (pin_highlighted (fixture, ids[i]));
      /* Framed when in Vietnam; a partner geopark abroad is only highlighted. */
      if (g_strcmp0 (atlas_place_get_country (place), "VN") == 0)
        assert_map_shows_place (fixture, place);
    }
  /* An article does not filter the lists. */
  g_assert_true (atlas_browse_filter_is_empty (fixture->window->filter));
}

/* A geopark, from a click on its area: the map fits it and both lists
 * show only what belongs to it.
 */
static void
test_geopark_filters_lists (Fixture       *fixture,
                            gconstpointer  data)
{
  AtlasGeopark *geopark = atlas_dataset_lookup_geopark (fixture->dataset, CAO_BANG);
  guint n_geopark_places = atlas_dataset_get_geopark_places (fixture->dataset, CAO_BANG)->len;
  guint n_geopark_news = atlas_dataset_get_geopark_articles (fixture->dataset, CAO_BANG)->len;

  g_signal_emit_by_name (fixture->window->map_view, "geopark-activated", geopark);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_cmpstr (open_id (fixture), ==, CAO_BANG);
  g_assert_cmpstr (atlas_browse_filter_get_geopark_id (fixture->window->filter), ==, CAO_BANG);
  g_assert_cmpuint (n_places (fixture), ==, n_geopark_places);
  g_assert_cmpuint (n_news (fixture), ==, n_geopark_news);
  for (guint i = 0; i < n_places (fixture); i++)
    {
      AtlasPlace *place = nth (fixture->window->sidebar->places.shown, i);

      g_assert_cmpstr (atlas_place_get_geopark_id (place), ==, CAO_BANG);
      /* In alphabetical order, in the language shown (English here). */
      if (i > 0)
        g_assert_cmpstr (atlas_place_get_sort_key (nth (fixture->window->sidebar->places.shown,
                                                        i - 1),
                                                   ATLAS_LANGUAGE_EN),
                         <, atlas_place_get_sort_key (place, ATLAS_LANGUAGE_EN));
    }
  assert_map_shows (fixture, atlas_geopark_get_latitude (geopark),
                    atlas_geopark_get_longitude (geopark));
  g_assert_cmpuint (n_chips (fixture), ==, 1);
}

/* Links in the detail panel open what they name. */
static void
test_detail_links (Fixture       *fixture,
                   gconstpointer  data)
{
  GPtrArray *mentions = atlas_dataset_get_place_articles (fixture->dataset, DIA_TREN);
  AtlasArticle *article = g_ptr_array_index (mentions, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", BAN_GIOC);
  g_assert_cmpstr (open_id (fixture), ==, BAN_GIOC);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s",
                              atlas_article_get_id (article));
  g_assert_cmpstr (open_id (fixture), ==, atlas_article_get_id (article));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.filter-geopark", "s", CAO_BANG);
  g_assert_cmpstr (atlas_browse_filter_get_geopark_id (fixture->window->filter), ==, CAO_BANG);
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->window->sidebar), ==, "news");

  atlas_browse_filter_set_geopark_id (fixture->window->filter, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-geopark-places", "s", CAO_BANG);
  g_assert_cmpstr (atlas_browse_filter_get_geopark_id (fixture->window->filter), ==, CAO_BANG);
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->window->sidebar), ==, "places");
}

/* Back and forward walk through what was opened, the map following. */
static void
test_back_forward (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasArticle *article = article_with_places (fixture);
  AtlasPlace *ban_gioc = atlas_dataset_lookup_place (fixture->dataset, BAN_GIOC);

  g_assert_false (gtk_widget_is_sensitive (fixture->window->back_button));
  _atlas_window_open_id (fixture->window, BAN_GIOC);
  _atlas_window_open_id (fixture->window, atlas_article_get_id (article));
  _atlas_window_open_id (fixture->window, CAO_BANG);
  g_assert_true (gtk_widget_is_sensitive (fixture->window->back_button));
  g_assert_false (gtk_widget_is_sensitive (fixture->window->forward_button));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  g_assert_cmpstr (open_id (fixture), ==, atlas_article_get_id (article));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  g_assert_cmpstr (open_id (fixture), ==, BAN_GIOC);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  assert_map_shows_place (fixture, ban_gioc);
  g_assert_false (gtk_widget_is_sensitive (fixture->window->back_button));
  g_assert_true (gtk_widget_is_sensitive (fixture->window->forward_button));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-forward", NULL);
  g_assert_cmpstr (open_id (fixture), ==, atlas_article_get_id (article));

  /* Opening something new drops what was ahead. */
  _atlas_window_open_id (fixture->window, BAN_GIOC);
  g_assert_false (gtk_widget_is_sensitive (fixture->window->forward_button));
}

/* The search highlights what it found in the rows still shown. */
static AtlasArticleRow *
first_article_row (GtkWidget *widget)
{
  if (ATLAS_IS_ARTICLE_ROW (widget) && gtk_widget_get_mapped (widget))
    return ATLAS_ARTICLE_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AtlasArticleRow *row = first_article_row (child);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static gboolean
row_has_highlight (AtlasArticleRow *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *label = gtk_widget_get_first_child (child); label != NULL;
         label = gtk_widget_get_next_sibling (label))
      if (GTK_IS_LABEL (label) &&
          strstr (gtk_label_get_label (GTK_LABEL (label)), ATLAS_SEARCH_HIGHLIGHT_OPEN) != NULL)
        return TRUE;

  return FALSE;
}

static void
test_search_highlights (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (fixture->window->sidebar->news.view);
  AtlasArticleRow *row;

  row = first_article_row (list);
  g_assert_nonnull (row);
  g_assert_false (row_has_highlight (row));

  /* Every news item names a geopark, "Lạng Sơn" or another: "lang son" is
   * in the first row's title or its geoparks when that row still shows.
   */
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->sidebar->search_entry), "lang son");
  g_signal_emit_by_name (fixture->window->sidebar->search_entry, "search-changed");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  row = first_article_row (list);
  g_assert_nonnull (row);
  g_assert_true (row_has_highlight (row));

  gtk_editable_set_text (GTK_EDITABLE (fixture->window->sidebar->search_entry), "");
  g_signal_emit_by_name (fixture->window->sidebar->search_entry, "search-changed");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_false (row_has_highlight (first_article_row (list)));
}

/* The filter menus: each narrows the news, the count says how far. They are
 * built when first opened, showing the filter as it is then.
 */
static void
test_filter_menus (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasSidebar *sidebar = fixture->window->sidebar;
  GListModel *articles = atlas_dataset_get_articles (fixture->dataset);
  guint all = g_list_model_get_n_items (articles);
  guint expected = 0;
  g_autofree char *count = NULL;

  for (guint i = 0; i < all; i++)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, i);

      expected += (atlas_article_get_topics (article) & ATLAS_TOPIC_EDUCATION) != 0;
    }
  g_assert_cmpuint (expected, >, 0);

  atlas_browse_filter_set_geopark_id (fixture->window->filter, CAO_BANG);
  g_assert_null (sidebar->filter_popover);
  gtk_menu_button_popup (sidebar->filter_button);
  g_assert_nonnull (sidebar->filter_popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar->filter_popover)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (sidebar->geopark_dropdown)),
                    ==, 1 + g_list_model_get_n_items (atlas_dataset_get_geoparks (fixture->dataset)));
  g_assert_cmpuint (gtk_drop_down_get_selected (sidebar->geopark_dropdown), >, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (sidebar->topic_dropdown), ==, 0);
  atlas_browse_filter_set_geopark_id (fixture->window->filter, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (sidebar->geopark_dropdown), ==, 0);

  /* The first topic after "All Topics" is Recognition, then Conservation, Education. */
  gtk_drop_down_set_selected (sidebar->topic_dropdown, 3);
  g_assert_cmpuint (atlas_browse_filter_get_topic (fixture->window->filter), ==,
                    ATLAS_TOPIC_EDUCATION);
  g_assert_cmpuint (n_news (fixture), ==, expected);
  count = g_strdup_printf ("%u of %u news items", expected, all);
  g_assert_cmpstr (gtk_label_get_label (sidebar->count_label), ==, count);
  g_assert_cmpuint (n_chips (fixture), ==, 1);

  gtk_drop_down_set_selected (sidebar->year_dropdown, 1);
  g_assert_cmpint (atlas_browse_filter_get_year (fixture->window->filter), >, 2000);
  g_assert_cmpuint (n_chips (fixture), ==, 2);

  /* A filter set elsewhere shows in the menus. */
  atlas_browse_filter_set_geopark_id (fixture->window->filter, CAO_BANG);
  g_assert_cmpuint (gtk_drop_down_get_selected (sidebar->geopark_dropdown), >, 0);

  gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.clear-filters", NULL);
  g_assert_true (atlas_browse_filter_is_empty (fixture->window->filter));
  g_assert_cmpuint (gtk_drop_down_get_selected (sidebar->topic_dropdown), ==, 0);
  g_assert_cmpuint (n_news (fixture), ==, all);
}

/* Escape clears the search, then the filters; Down goes to the results,
 * Enter in the search opens the first.
 */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  AtlasSidebar *sidebar = fixture->window->sidebar;
  GtkWidget *focus;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  atlas_browse_filter_set_place_id (fixture->window->filter, BAN_GIOC);
  gtk_editable_set_text (GTK_EDITABLE (sidebar->search_entry), "thac");
  g_signal_emit_by_name (sidebar->search_entry, "search-changed");
  g_assert_cmpstr (atlas_browse_filter_get_search (fixture->window->filter), ==, "thac");

  g_signal_emit_by_name (sidebar->search_entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sidebar->search_entry)), ==, "");
  g_assert_cmpstr (atlas_browse_filter_get_place_id (fixture->window->filter), ==, BAN_GIOC);
  g_signal_emit_by_name (sidebar->search_entry, "stop-search");
  g_assert_true (atlas_browse_filter_is_empty (fixture->window->filter));

  /* Enter: the first result opens. */
  atlas_sidebar_set_page (sidebar, "places");
  gtk_editable_set_text (GTK_EDITABLE (sidebar->search_entry), "ban gioc");
  g_signal_emit_by_name (sidebar->search_entry, "search-changed");
  g_signal_emit_by_name (sidebar->search_entry, "activate");
  g_assert_cmpstr (open_id (fixture), ==, BAN_GIOC);

  /* Down: into the list. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  {
    GtkEventController *keys = NULL;
    gboolean handled = FALSE;
    GtkWidget *entry = GTK_WIDGET (sidebar->search_entry);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
    guint key_pressed = g_signal_lookup ("key-pressed", GTK_TYPE_EVENT_CONTROLLER_KEY);

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
            gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_BUBBLE &&
            g_signal_has_handler_pending (controller, key_pressed, 0, FALSE))
          keys = controller;
      }
    g_assert_nonnull (keys);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
    g_assert_true (handled);
  }
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (sidebar->places.view) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (sidebar->places.view)));
}

/* The filters, the search and the open item come back on the next start. */
static void
test_state_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  AtlasWindow *window;

  atlas_browse_filter_set_search (fixture->window->filter, "thac");
  _atlas_window_open_id (fixture->window, BAN_GIOC);
  atlas_browse_filter_set_topic (fixture->window->filter, ATLAS_TOPIC_TOURISM);
  atlas_browse_filter_set_year (fixture->window->filter, 2025);
  close_window (fixture->window);

  window = show_window (fixture->settings);
  fixture->window = window;
  g_assert_cmpstr (open_id (fixture), ==, BAN_GIOC);
  g_assert_cmpstr (atlas_browse_filter_get_search (window->filter), ==, "thac");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->sidebar->search_entry)), ==,
                   "thac");
  g_assert_cmpstr (atlas_browse_filter_get_place_id (window->filter), ==, BAN_GIOC);
  g_assert_cmpuint (atlas_browse_filter_get_topic (window->filter), ==, ATLAS_TOPIC_TOURISM);
  g_assert_cmpint (atlas_browse_filter_get_year (window->filter), ==, 2025);
  g_assert_cmpuint (n_chips (fixture), ==, 3);
}

/* Presenting on a monitor picked from the menu, and back: the chrome goes
 * and comes back, the caption shows the step.
 */
static void
test_present_on_monitor (Fixture       *fixture,
                         gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  GtkWidget *caption_card = _atlas_presenter_get_caption_card (window->presenter);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  GMenuModel *menu = gtk_menu_button_get_menu_model (window->present_monitor_button);
  guint n_monitors = g_list_model_get_n_items (monitors);

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, n_monitors);
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (window->present_monitor_button)), ==,
                   n_monitors > 1);

  _atlas_window_open_id (window, DIA_TREN);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-on-monitor", "i", n_monitors - 1);
  g_assert_true (atlas_presenter_get_presenting (window->presenter));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sidebar)));
  g_assert_true (gtk_widget_get_visible (caption_card));
  /* The place open is not in the news listed: the tour starts at their top. */
  g_assert_true (atlas_item_view_get_item (ATLAS_ITEM_VIEW (caption_card)) ==
                 nth (window->sidebar->news.shown, 0));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_false (atlas_presenter_get_presenting (window->presenter));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar)));
  g_assert_false (gtk_widget_get_visible (caption_card));
  g_assert_cmpstr (open_id (fixture), ==, DIA_TREN);
}

/* The action a key triggers among the window's shortcuts of the capture
 * phase, where the clicker's keys are bound; NULL for none.
 */
static const char *
capture_action_for_key (AtlasWindow     *window,
                        guint            keyval,
                        GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }

  return NULL;
}

/* The keys the shortcuts window lists for presenting drive the tour, and
 * only while presenting: otherwise the lists and the map keep them.
 */
static void
test_present_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    guint            keyval;
    GdkModifierType  modifiers;
    const char      *action;
  } keys[] = {
    { GDK_KEY_Page_Down, 0, "present.next" },
    { GDK_KEY_Right, 0, "present.next" },
    { GDK_KEY_space, 0, "present.next" },
    { GDK_KEY_Page_Up, 0, "present.previous" },
    { GDK_KEY_Left, 0, "present.previous" },
    { GDK_KEY_Home, 0, "present.first" },
    { GDK_KEY_End, 0, "present.last" },
    { GDK_KEY_b, 0, "present.blank" },
    { GDK_KEY_period, 0, "present.blank" },
    { GDK_KEY_l, 0, "present.switch-language" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "present.text-larger" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "present.text-smaller" },
    { GDK_KEY_Escape, 0, "present.stop" },
  };
  AtlasWindow *window = fixture->window;
  AtlasPresentation *tour;
  guint n_steps;
  double scale;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (capture_action_for_key (window, keys[i].keyval, keys[i].modifiers), ==,
                     keys[i].action);

  /* Not presenting: the tour's actions do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "present.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "present.blank", NULL);
  g_assert_false (atlas_presenter_get_presenting (window->presenter));
  g_assert_false (gtk_widget_get_visible (window->presentation_blank));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  tour = atlas_presenter_get_presentation (window->presenter);
  g_assert_nonnull (tour);
  n_steps = atlas_presentation_get_n_steps (tour);
  g_assert_cmpuint (n_steps, >, 2);
  g_assert_cmpuint (atlas_presentation_get_position (tour), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "present.next", NULL);
  g_assert_cmpuint (atlas_presentation_get_position (tour), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "present.last", NULL);
  g_assert_cmpuint (atlas_presentation_get_position (tour), ==, n_steps - 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "present.previous", NULL);
  g_assert_cmpuint (atlas_presentation_get_position (tour), ==, n_steps - 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "present.first", NULL);
  g_assert_cmpuint (atlas_presentation_get_position (tour), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "present.blank", NULL);
  g_assert_true (gtk_widget_get_visible (window->presentation_blank));
  gtk_widget_activate_action (GTK_WIDGET (window), "present.blank", NULL);
  g_assert_false (gtk_widget_get_visible (window->presentation_blank));

  scale = g_settings_get_double (fixture->settings, "present-text-scale");
  gtk_widget_activate_action (GTK_WIDGET (window), "present.text-larger", NULL);
  g_assert_cmpfloat (g_settings_get_double (fixture->settings, "present-text-scale"), >, scale);
  gtk_widget_activate_action (GTK_WIDGET (window), "present.text-reset", NULL);
  g_assert_cmpfloat (g_settings_get_double (fixture->settings, "present-text-scale"), ==, 1.0);

  gtk_widget_activate_action (GTK_WIDGET (window), "present.stop", NULL);
  g_assert_false (atlas_presenter_get_presenting (window->presenter));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar)));
}

/* The row showing item, when it is drawn inside the list's scrolled window. */
static GtkWidget *
row_in_view (GtkWidget *widget,
             GtkWidget *scrolled,
             gpointer   item)
{
  graphene_rect_t bounds;

  if (ATLAS_IS_ITEM_VIEW (widget) && atlas_item_view_get_item (ATLAS_ITEM_VIEW (widget)) == item)
    return gtk_widget_get_mapped (widget) && gtk_widget_compute_bounds (widget, scrolled, &bounds) &&
           bounds.origin.y >= 0 &&
           bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled) ? widget : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = row_in_view (child, scrolled, item);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* Until the news list's view holds every news item the filters leave;
 * frames go on meanwhile.
 */
static void
wait_for_every_row (Fixture *fixture)
{
  GtkListView *list = fixture->window->sidebar->news.view;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))) < n_news (fixture) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==,
                    n_news (fixture));
}

/* The list view is given a screenful of items first and the rest over the
 * next frames (atlas-sidebar-list.c): every item can still be scrolled
 * to, at start-up and once a large dataset has replaced the list, even
 * before the rest has come.
 */
static void
test_rows_for_every_item (Fixture       *fixture,
                          gconstpointer  data)
{
  AtlasDatasetSource *source = fixture->window->source;
  GtkWidget *list = GTK_WIDGET (fixture->window->sidebar->news.view);
  GtkWidget *scrolled = gtk_widget_get_parent (list);
  g_autofree char *dir = atlas_test_make_large_dataset (300);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  gint64 deadline;
  gpointer last;

  wait_for_every_row (fixture);
  g_assert_cmpuint (n_news (fixture), ==, 42);

  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  g_assert_cmpuint (n_news (fixture), ==, 300);

  /* At once, before the rows have grown to it. */
  last = nth (fixture->window->sidebar->news.shown, 299);
  atlas_sidebar_scroll_to (fixture->window->sidebar, last);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (row_in_view (list, scrolled, last) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (row_in_view (list, scrolled, last));
  wait_for_every_row (fixture);

  /* Back to the bundled data, whose rows come as at start-up. */
  atlas_dataset_source_set_folder (source, NULL);
  g_assert_cmpuint (n_news (fixture), ==, 42);
  wait_for_every_row (fixture);

  atlas_test_remove_dataset (dir);
}

/* A search stays on while another dataset comes in: the lists show what it
 * finds in the new items, not what it found in the old ones.
 */
static void
test_search_across_datasets (Fixture       *fixture,
                             gconstpointer  data)
{
  AtlasDatasetSource *source = fixture->window->source;
  AtlasSidebar *sidebar = fixture->window->sidebar;
  g_autofree char *dir = atlas_test_make_large_dataset (300);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *count = NULL;
  guint found_news, found_places;

  atlas_browse_filter_set_search (fixture->window->filter, "thac");
  found_news = n_news (fixture);
  found_places = n_places (fixture);
  g_assert_cmpuint (found_news, >, 0);
  g_assert_cmpuint (found_news, <, 42);
  g_assert_cmpuint (found_places, >, 0);

  /* 300 copies of a news item about Lạng Sơn's certificate: none of them. */
  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_articles (fixture->dataset)), ==,
                    300);
  g_assert_cmpuint (n_news (fixture), ==, 0);
  /* A search is typed: both lists' counts. */
  count = g_strdup_printf ("0 of 300 news items · %u of %u places", n_places (fixture),
                           g_list_model_get_n_items (atlas_dataset_get_places (fixture->dataset)));
  g_assert_cmpstr (gtk_label_get_label (sidebar->count_label), ==, count);

  atlas_browse_filter_set_search (fixture->window->filter, "lang son");
  g_assert_cmpuint (n_news (fixture), ==, 300);

  atlas_browse_filter_set_search (fixture->window->filter, "thac");
  atlas_dataset_source_set_folder (source, NULL);
  g_assert_cmpuint (n_news (fixture), ==, found_news);
  g_assert_cmpuint (n_places (fixture), ==, found_places);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sidebar->search_entry)), ==, "thac");

  atlas_test_remove_dataset (dir);
}

/* A news item without its English title: the row shows the Vietnamese
 * one, marked as being in the other language.
 */
static void
test_other_language_marked (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autofree char *path = g_build_filename (dir, "news.json", NULL);
  g_autofree char *news = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  AtlasWindow *window;
  AtlasArticleRow *row;
  GtkWidget *title = NULL;

  g_assert_true (g_file_get_contents (path, &news, NULL, NULL));
  edited = g_string_new (news);
  g_assert_cmpuint (g_string_replace (edited, ",\n        \"en\": \"Certificate ceremony for the "
                                              "Lạng Sơn UNESCO Global Geopark\"", "", 1), ==, 1);
  atlas_test_write (dir, "news.json", edited->str);
  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);

  window = show_window_with_source (settings, source);
  row = first_article_row (GTK_WIDGET (window->sidebar->news.view));
  g_assert_nonnull (row);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (row)));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (gtk_widget_has_css_class (w, "other-language"))
      title = w;
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==,
                   "Lễ trao bằng công nhận Công viên địa chất toàn cầu UNESCO Lạng Sơn");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, "Only in Vietnamese");

  close_window (window);
  atlas_test_remove_dataset (dir);
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_gtk (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/browse/pin-opens-place", test_pin_opens_place);
  ADD ("/browse/article-selects-places", test_article_selects_places);
  ADD ("/browse/geopark-filters-lists", test_geopark_filters_lists);
  ADD ("/browse/detail-links", test_detail_links);
  ADD ("/browse/back-forward", test_back_forward);
  ADD ("/browse/search-highlights", test_search_highlights);
  ADD ("/browse/filter-menus", test_filter_menus);
  ADD ("/browse/keyboard", test_keyboard);
  ADD ("/browse/state-round-trip", test_state_round_trip);
  ADD ("/browse/present-on-monitor", test_present_on_monitor);
  ADD ("/browse/present-keys", test_present_keys);
  ADD ("/browse/swap/rows-for-every-item", test_rows_for_every_item);
  ADD ("/browse/swap/search-across-datasets", test_search_across_datasets);
#undef ADD
  g_test_add_func ("/browse/other-language-marked", test_other_language_marked);

  return g_test_run ();
}
