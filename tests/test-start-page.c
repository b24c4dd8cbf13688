/* test-start-page.c: the detail panel before anything is opened.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-start-page"

#include "config.h"

#include "atlas-dataset-source-private.h"
#include "atlas-item-view.h"
#include "atlas-start-page-private.h"
#include "atlas-test-gtk.h"
#include "atlas-test-utils.h"
#include "atlas-test-window.h"

/* The main window on the bundled dataset, or on folders, read as a user
 * reads its start page: the rows shown, their titles and subtitles, and
 * what activating one opens. The figures are counted by hand from the
 * JSON files of data/dataset/ and of the valid fixture, not by the
 * dataset's code.
 */

typedef struct
{
  const char *id;
  const char *title;
  const char *subtitle;
} Row;

/* The four geoparks in the order of geoparks.json; the province of today
 * (Hà Giang's Đồng Văn is in Tuyên Quang since 2025, Đắk Nông's geopark in
 * Lâm Đồng); places by their "geopark"; news naming the geopark or one of
 * its places.
 */
static const Row bundled_geoparks[] = {
  { "dongvan", "Dong Van", "Tuyen Quang Province\n6 places · No news" },
  { "caobang", "Non nuoc Cao Bang", "Cao Bang Province\n15 places · 17 news items" },
  { "daknong", "Dak Nong", "Lam Dong Province\n6 places · No news" },
  { "langson", "Lang Son", "Lang Son Province\n16 places · 7 news items" },
};

/* The five newest of news.json, equal dates in the order of the file. */
static const char *bundled_latest[] = {
  "2025-06-lang-son-after-recognition",
  "2025-06-29-vietnam-geoparks-subcommittee-annual-meeting",
  "2025-06-28-lang-son-receives-unesco-title",
  "2025-06-28-lang-son-celebrates-unesco-title",
  "2025-06-tay-nung-language-contest",
};

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static gboolean
start_page_settled (AtlasWindow *window)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window->start_page)) &&
         !_atlas_start_page_get_pending (window->start_page);
}

/* Gone from the screen: the detail stack's cross-fade and the panel's
 * sliding away keep it mapped for a moment.
 */
static void
wait_hidden (AtlasWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_mapped (GTK_WIDGET (window->start_page)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->start_page)));
}

/* The rows the start page shows, top to bottom, once the panel shows it
 * (a flap that opens again maps it in a frame to come) and they are made
 * (in the frame after the one that shows the page): what a user can see.
 */
static GPtrArray *
shown_rows (AtlasWindow *window)
{
  GPtrArray *rows = g_ptr_array_new ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "none");
  while (!start_page_settled (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (start_page_settled (window));
  collect_rows (GTK_WIDGET (window->start_page), rows);

  return rows;
}

static const char *
row_target (GtkWidget *row)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.open-item");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_nonnull (target);

  return g_variant_get_string (target, NULL);
}

static void
assert_geopark_rows (GPtrArray *rows,
                     const Row *expected,
                     guint      n_expected)
{
  g_assert_cmpuint (rows->len, >=, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row_target (row), ==, expected[i].id);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       expected[i].title);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                       expected[i].subtitle);
    }
}

/* The news rows after the geoparks': these ids, newest first, each with
 * its title and its date first in the subtitle.
 */
static void
assert_news_rows (AtlasWindow        *window,
                  GPtrArray          *rows,
                  guint               first,
                  const char * const *expected)
{
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (window->source);
  const GDate *newer = NULL;

  g_assert_cmpuint (rows->len - first, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, first + i);
      AtlasArticle *article = atlas_dataset_lookup_article (dataset, expected[i]);
      const GDate *date = atlas_article_get_date (article);

      g_assert_cmpstr (row_target (row), ==, expected[i]);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       atlas_text_get (atlas_article_get_title (article), ATLAS_LANGUAGE_EN));
      if (newer != NULL)
        g_assert_cmpint (g_date_compare (date, newer), <=, 0);
      newer = date;
    }
}

static GtkWidget *
row_for (GPtrArray  *rows,
         const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (row_target (g_ptr_array_index (rows, i)), id))
      return g_ptr_array_index (rows, i);

  g_error ("no row opens %s", id);
}

/* As a click or Enter does. */
static void
activate_row (GtkWidget *row)
{
  g_signal_emit_by_name (row, "activate");
  iterate ();
}

static AtlasWindow *
show_window_sized (GSettings *settings,
                   int        width,
                   int        height)
{
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);

  return show_window (settings);
}

/* At the start, the four geoparks and the five latest news. */
static void
test_start_page_bundled (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window = show_window_sized (settings, 1280, 760);
  g_autoptr(GPtrArray) rows = shown_rows (window);
  g_autofree char *dates = NULL;

  g_assert_true (adw_flap_get_reveal_flap (window->detail_flap));
  assert_geopark_rows (rows, bundled_geoparks, G_N_ELEMENTS (bundled_geoparks));
  assert_news_rows (window, rows, G_N_ELEMENTS (bundled_geoparks),
                    (const char * const []) { bundled_latest[0], bundled_latest[1],
                                              bundled_latest[2], bundled_latest[3],
                                              bundled_latest[4], NULL });

  /* The date as the lists write it, then the geoparks. */
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 4)), ==,
                   "around June 2025 · Lang Son");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 5)), ==,
                   "29 June 2025");

  close_window (window);
}

/* A row opens its item as the sidebar does: the page, the history, the
 * lists filtered to a geopark; and nothing open again is the start page.
 */
static void
test_start_page_opens (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window = show_window_sized (settings, 1280, 760);
  g_autoptr(GPtrArray) rows = shown_rows (window);
  GtkWidget *page;

  activate_row (row_for (rows, "caobang"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "geopark");
  page = gtk_stack_get_visible_child (window->detail_stack);
  g_assert_cmpstr (atlas_geopark_get_id (atlas_item_view_get_item (ATLAS_ITEM_VIEW (page))), ==,
                   "caobang");
  g_assert_cmpstr (atlas_history_get_current (window->history), ==, "caobang");
  g_assert_cmpstr (atlas_browse_filter_get_geopark_id (window->filter), ==, "caobang");

  _atlas_window_close_item (window);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (window);
  activate_row (row_for (rows, bundled_latest[1]));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "article");
  g_assert_cmpstr (atlas_history_get_current (window->history), ==, bundled_latest[1]);
  g_assert_true (atlas_history_can_go_back (window->history));

  close_window (window);
}

/* news.json of the valid fixture without its first (newest) item. */
static void
remove_newest_news (const char *dir)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *path = g_build_filename (dir, "news.json", NULL);
  JsonArray *items;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "items");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"),
                   ==, "2025-06-02-lang-son-certificate-paris");
  json_array_remove_element (items, 0);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, NULL));
}

/* Another folder, then an edit of it: the start page follows both, whether
 * it was shown at the time or not.
 */
static void
test_start_page_follows_dataset (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) rows = NULL;
  AtlasWindow *window;

  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 760);
  window = show_window_with_source (settings, source);

  /* Đồng Văn open, then a folder without it: back to the start page. */
  rows = shown_rows (window);
  activate_row (row_for (rows, "dongvan"));
  wait_hidden (window);
  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  iterate ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (window);
  assert_geopark_rows (rows, (const Row []) {
    { "caobang", "Non nuoc Cao Bang", "Cao Bang Province\n2 places · 2 news items" },
    { "langson", "Lang Son", "Lang Son Province\n1 place · 1 news item" },
  }, 2);
  assert_news_rows (window, rows, 2, (const char * const []) {
    "2025-06-02-lang-son-certificate-paris",
    "2025-02-dia-tren-paper-village-livelihoods",
    "2024-09-13-cao-bang-khorat-cooperation",
    NULL,
  });

  /* The newest news item deleted from the file, while the page is shown. */
  remove_newest_news (dir);
  _atlas_dataset_source_reload (source);
  atlas_test_wait_loaded (source);
  iterate ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (window);
  assert_geopark_rows (rows, (const Row []) {
    { "caobang", "Non nuoc Cao Bang", "Cao Bang Province\n2 places · 2 news items" },
    { "langson", "Lang Son", "Lang Son Province\n1 place · No news" },
  }, 2);
  assert_news_rows (window, rows, 2, (const char * const []) {
    "2025-02-dia-tren-paper-village-livelihoods",
    "2024-09-13-cao-bang-khorat-cooperation",
    NULL,
  });

  close_window (window);
  atlas_test_remove_dataset (dir);
}

/* A dataset with nothing in it says so, rather than two empty groups. */
static void
test_start_page_empty (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();
  g_autofree char *dir = atlas_test_copy_dataset ("empty");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) rows = NULL;
  AtlasWindow *window;

  atlas_dataset_source_set_folder (source, folder);
  atlas_test_wait_loaded (source);
  window = show_window_with_source (settings, source);
  rows = shown_rows (window);
  g_assert_cmpuint (rows->len, ==, 0);
  {
    GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (window->start_page));
    GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (stack));

    g_assert_true (ADW_IS_STATUS_PAGE (page));
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==,
                     "No Geoparks or News");
  }

  close_window (window);
  atlas_test_remove_dataset (dir);
}

/* Every row, shown or not. */
static guint
count_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

/* A window that reopens the last item does not build the start page's
 * rows; they come when nothing is open again.
 */
static void
test_start_page_lazy (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GPtrArray) rows = NULL;
  AtlasWindow *window;

  g_settings_set_string (settings, "last-selection", "cb-01");
  window = show_window_sized (settings, 1280, 760);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "place");
  g_assert_true (_atlas_start_page_get_pending (window->start_page));
  g_assert_cmpuint (count_rows (GTK_WIDGET (window->start_page)), ==, 0);

  _atlas_window_close_item (window);
  rows = shown_rows (window);
  g_assert_cmpuint (rows->len, ==, 4 + 5);

  close_window (window);
}

/* On a narrow window the panel opens over the map with the same page. */
static void
test_start_page_narrow (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasWindow *window = show_window_sized (settings, 400, 700);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_false (adw_flap_get_reveal_flap (window->detail_flap));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-details", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rows = shown_rows (window);
  assert_geopark_rows (rows, bundled_geoparks, G_N_ELEMENTS (bundled_geoparks));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (rows, i)), <=, 400);

  activate_row (row_for (rows, "langson"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "geopark");
  g_assert_true (adw_flap_get_reveal_flap (window->detail_flap));
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->content);

  close_window (window);
}

/* Presenting hides the panel; stopping, with nothing open before, brings
 * the start page back as it was.
 */
static void
test_start_page_presenting (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GPtrArray) rows = NULL;
  AtlasWindow *window;

  g_settings_set_string (settings, "basemap", "offline");
  window = show_window_sized (settings, 1280, 760);
  rows = shown_rows (window);
  g_assert_cmpuint (rows->len, ==, 4 + 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wait_hidden (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  iterate ();
  g_assert_true (adw_flap_get_reveal_flap (window->detail_flap));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (window);
  assert_geopark_rows (rows, bundled_geoparks, G_N_ELEMENTS (bundled_geoparks));
  g_assert_cmpuint (rows->len, ==, 4 + 5);

  close_window (window);
}

/* In a Vietnamese window, the content is in Vietnamese. */
static void
test_start_page_vietnamese (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *names[] = { "Đồng Văn", "Non nước Cao Bằng", "Đắk Nông", "Lạng Sơn" };
  const char *provinces[] = { "Tuyên Quang", "Cao Bằng", "Lâm Đồng", "Lạng Sơn" };
  AtlasWindow *window;

  g_setenv ("LANGUAGE", "vi", TRUE);
  settings = new_settings ();
  window = show_window_sized (settings, 1280, 760);
  rows = shown_rows (window);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, names[i]);
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                provinces[i]));
    }
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, 5)),
                                   "29/6/2025"));

  close_window (window);
  g_setenv ("LANGUAGE", "en", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  /* The strings compared are the untranslated ones; the content English. */
  g_setenv ("LANGUAGE", "en", TRUE);

  atlas_test_init_gtk (&argc, &argv);

  g_test_add_func ("/start-page/bundled", test_start_page_bundled);
  g_test_add_func ("/start-page/opens", test_start_page_opens);
  g_test_add_func ("/start-page/follows-dataset", test_start_page_follows_dataset);
  g_test_add_func ("/start-page/empty", test_start_page_empty);
  g_test_add_func ("/start-page/lazy", test_start_page_lazy);
  g_test_add_func ("/start-page/narrow", test_start_page_narrow);
  g_test_add_func ("/start-page/presenting", test_start_page_presenting);
  g_test_add_func ("/start-page/vietnamese", test_start_page_vietnamese);

  return g_test_run ();
}
