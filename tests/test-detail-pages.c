/* test-detail-pages.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-detail-pages"

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "atlas-article-page.h"
#include "atlas-dataset-loader.h"
#include "atlas-format.h"
#include "atlas-geopark-page.h"
#include "atlas-i18n.h"
#include "atlas-place-page.h"
#include "atlas-test-gtk.h"
#include "atlas-test-utils.h"
#include "atlas-wrap-box.h"

/* The detail pages with the bundled dataset, each in a real window, read
 * the way a user reads them: the labels on screen and where the rows lead.
 */

/* A news item that names no place and no geopark. */
#define UNLINKED_ARTICLE "2025-06-29-vietnam-geoparks-subcommittee-annual-meeting"

typedef struct
{
  AtlasDataset *dataset;
  GtkWindow    *window;
  GtkWidget    *page;
  GPtrArray    *opened;      /* the targets of win.open-item, as activated */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  fixture->dataset = atlas_dataset_load_bundled (problems);
  g_assert_nonnull (fixture->dataset);
  g_assert_cmpuint (problems->len, ==, 0);
  fixture->opened = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->dataset);
  g_clear_pointer (&fixture->opened, g_ptr_array_unref);
}

static void
open_item_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->opened, g_variant_dup_string (parameter, NULL));
}

/* The window installs the actions the pages link with; without them the
 * rows would be insensitive.
 */
static void
show_page (Fixture   *fixture,
           GtkWidget *page,
           gpointer   item)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_item = g_simple_action_new ("open-item", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) filter = g_simple_action_new ("filter-geopark", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) places = g_simple_action_new ("show-geopark-places", G_VARIANT_TYPE_STRING);

  g_signal_connect (open_item, "activate", G_CALLBACK (open_item_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open_item));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (filter));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (places));

  fixture->page = page;
  atlas_item_view_set_item (ATLAS_ITEM_VIEW (page), item);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (fixture->window, 400, 800);
  gtk_window_set_child (fixture->window, page);
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* Every widget of a type the user can see, in reading order. */
static GPtrArray *
find_shown (GtkWidget *root,
            GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);

  return found;
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = find_shown (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
assert_shows (GtkWidget  *root,
              const char *text)
{
  if (!shows_text (root, text))
    g_error ("“%s” is not shown", text);
}

/* The string targets of the shown rows that activate `action`. */
static GStrv
link_targets (GtkWidget  *root,
              const char *action)
{
  g_autoptr(GPtrArray) rows = find_shown (root, GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(GStrvBuilder) targets = g_strv_builder_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      GtkActionable *row = g_ptr_array_index (rows, i);
      GVariant *target = gtk_actionable_get_action_target_value (row);

      if (g_strcmp0 (gtk_actionable_get_action_name (row), action) != 0)
        continue;

      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (row)));
      g_assert_nonnull (target);
      g_assert_true (g_variant_is_of_type (target, G_VARIANT_TYPE_STRING));
      g_strv_builder_add (targets, g_variant_get_string (target, NULL));
    }

  return g_strv_builder_end (targets);
}

static GStrv
article_ids (GPtrArray *articles,
             guint      max)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < MIN (articles->len, max); i++)
    g_strv_builder_add (ids, atlas_article_get_id (g_ptr_array_index (articles, i)));

  return g_strv_builder_end (ids);
}

static void
assert_strv_equal (GStrv actual,
                   GStrv expected)
{
  g_assert_cmpuint (g_strv_length (actual), ==, g_strv_length (expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (actual[i], ==, expected[i]);
}

static void
test_article_page (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  AtlasArticle *article = atlas_dataset_lookup_article (fixture->dataset,
                                                        "2024-09-13-haute-provence-delegation");
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) related = NULL;
  g_auto(GStrv) opened = NULL;
  g_auto(GStrv) related_ids = NULL;
  g_auto(GStrv) shown_related = NULL;

  g_assert_nonnull (article);
  show_page (fixture, atlas_article_page_new (fixture->dataset), article);

  assert_shows (fixture->page, atlas_text_get (atlas_article_get_title (article), language));
  date = atlas_format_date (atlas_article_get_date (article),
                            atlas_article_get_date_precision (article), language);
  assert_shows (fixture->page, date);
  assert_shows (fixture->page, atlas_text_get (atlas_article_get_date_note (article), language));
  assert_shows (fixture->page, atlas_text_get (atlas_article_get_summary (article), language));
  assert_shows (fixture->page, "Cooperation");
  assert_shows (fixture->page, "Events");
  g_assert_null (atlas_article_get_source (article));
  assert_shows (fixture->page, "The listing this item comes from does not name its publisher.");

  /* Its places, as rows that open them. */
  opened = link_targets (fixture->page, "win.open-item");
  g_assert_true (g_strv_contains ((const char * const *) opened, "haute-provence"));
  g_assert_true (g_strv_contains ((const char * const *) opened, "venue-caobang-city"));
  assert_shows (fixture->page, "Partner geopark");

  /* Related news, never the article itself. */
  related = atlas_dataset_get_related_articles (fixture->dataset, article, 5);
  g_assert_cmpuint (related->len, >, 0);
  related_ids = article_ids (related, related->len);
  for (guint i = 0; related_ids[i] != NULL; i++)
    {
      AtlasArticle *other = g_ptr_array_index (related, i);

      g_assert_cmpstr (related_ids[i], !=, atlas_article_get_id (article));
      g_assert_true (g_strv_contains ((const char * const *) opened, related_ids[i]));
      assert_shows (fixture->page, atlas_text_get (atlas_article_get_title (other), language));
    }
  g_assert_false (g_strv_contains ((const char * const *) opened, atlas_article_get_id (article)));

  /* Activating a row asks the window to open that item. */
  {
    g_autoptr(GPtrArray) rows = find_shown (fixture->page, ADW_TYPE_ACTION_ROW);

    g_assert_cmpuint (rows->len, >, 0);
    gtk_widget_activate (g_ptr_array_index (rows, 0));
    g_assert_cmpuint (fixture->opened->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (fixture->opened, 0), ==, opened[0]);
  }

  /* Another article replaces everything; groups without rows go away. */
  article = atlas_dataset_lookup_article (fixture->dataset, UNLINKED_ARTICLE);
  atlas_item_view_set_item (ATLAS_ITEM_VIEW (fixture->page), G_OBJECT (article));
  gtk_test_widget_wait_for_draw (fixture->page);
  assert_shows (fixture->page, atlas_text_get (atlas_article_get_title (article), language));
  g_assert_false (shows_text (fixture->page, "Places"));
  g_assert_false (shows_text (fixture->page, "Geoparks"));
  g_assert_false (shows_text (fixture->page, "Cooperation"));
  shown_related = link_targets (fixture->page, "win.open-item");
  g_assert_false (g_strv_contains ((const char * const *) shown_related,
                                   atlas_article_get_id (article)));
  g_assert_false (g_strv_contains ((const char * const *) shown_related, "haute-provence"));
}

typedef struct
{
  gboolean  done;
  char     *text;
} ClipboardRead;

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static char *
read_clipboard (GtkWidget *widget)
{
  ClipboardRead read = { FALSE, NULL };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 clipboard_text_cb, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);

  return read.text;
}

static GtkWidget *
find_copy_button (GtkWidget *page)
{
  g_autoptr(GPtrArray) buttons = find_shown (page, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_widget_get_tooltip_text (button), "Copy Coordinates") == 0)
        return button;
    }

  g_error ("No copy button");
}

static void
test_place_page (Fixture       *fixture,
                 gconstpointer  data)
{
  AtlasPlace *place = atlas_dataset_lookup_place (fixture->dataset, "cb-01");
  g_autofree char *coordinates = NULL;
  g_autofree char *copied = NULL;
  g_auto(GStrv) opened = NULL;
  GtkWidget *copy_button;

  g_assert_nonnull (place);
  show_page (fixture, atlas_place_page_new (fixture->dataset), place);

  /* Both names, whichever language is on screen. */
  assert_shows (fixture->page, "Thác Bản Giốc");
  assert_shows (fixture->page, "Ban Gioc Waterfall");
  assert_shows (fixture->page, "Geology");

  coordinates = atlas_format_coordinates (22.8564, 106.722, atlas_i18n_get_content_language ());
  assert_shows (fixture->page, coordinates);
  assert_shows (fixture->page, "± 300 m");
  g_assert_false (atlas_place_get_approximate (place));

  opened = link_targets (fixture->page, "win.open-item");
  g_assert_true (g_strv_contains ((const char * const *) opened, "caobang"));
  assert_shows (fixture->page, atlas_place_get_source (place));

  /* Nothing in the bundled news names the waterfall: the page says so. */
  g_assert_cmpuint (atlas_dataset_get_place_articles (fixture->dataset, "cb-01")->len, ==, 0);
  assert_shows (fixture->page, "No news mentions this place yet.");

  /* Copying gives what map apps accept, and the button says it worked. */
  copy_button = find_copy_button (fixture->page);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (copy_button)), ==, "edit-copy-symbolic");
  g_signal_emit_by_name (copy_button, "clicked");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (copy_button)), ==,
                   "object-select-symbolic");
  copied = read_clipboard (fixture->page);
  g_assert_cmpstr (copied, ==, "22.856400, 106.722000");

  /* A new place offers to copy again at once. */
  atlas_item_view_set_item (ATLAS_ITEM_VIEW (fixture->page),
                            G_OBJECT (atlas_dataset_lookup_place (fixture->dataset, "cb-02")));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (copy_button)), ==, "edit-copy-symbolic");
}

/* Closing the panel right after copying: the page goes, and the "copied"
 * icon's timeout with it, so that nothing is left to touch the button once
 * the page is gone (which would crash the app two seconds later).
 */
static void
test_place_page_copy_then_close (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *page = atlas_place_page_new (fixture->dataset);
  gpointer gone = page;
  GtkWidget *copy_button;

  show_page (fixture, page, atlas_dataset_lookup_place (fixture->dataset, "cb-01"));
  g_object_add_weak_pointer (G_OBJECT (page), &gone);
  copy_button = find_copy_button (page);
  g_signal_emit_by_name (copy_button, "clicked");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (copy_button)), ==,
                   "object-select-symbolic");
  g_assert_nonnull (g_main_context_find_source_by_user_data (NULL, page));

  g_clear_pointer (&fixture->window, gtk_window_destroy);
  g_assert_null (gone);
  /* The page was the timeout's data: no source may still point to it. */
  g_assert_null (g_main_context_find_source_by_user_data (NULL, page));
}

static void
test_place_page_news (Fixture       *fixture,
                      gconstpointer  data)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  GPtrArray *articles = atlas_dataset_get_place_articles (fixture->dataset, "venue-caobang-city");
  g_auto(GStrv) expected = article_ids (articles, articles->len);
  g_auto(GStrv) opened = NULL;

  g_assert_cmpuint (articles->len, >, 0);
  show_page (fixture, atlas_place_page_new (fixture->dataset),
             atlas_dataset_lookup_place (fixture->dataset, "venue-caobang-city"));

  /* Outside any geopark: its country instead, and every news item naming it. */
  assert_shows (fixture->page, "Vietnam");
  opened = link_targets (fixture->page, "win.open-item");
  assert_strv_equal (opened, expected);
  for (guint i = 0; i < articles->len; i++)
    assert_shows (fixture->page,
                  atlas_text_get (atlas_article_get_title (g_ptr_array_index (articles, i)),
                                  language));
  g_assert_false (shows_text (fixture->page, "No news mentions this place yet."));
}

static void
test_place_page_approximate (Fixture       *fixture,
                             gconstpointer  data)
{
  AtlasPlace *place = atlas_dataset_lookup_place (fixture->dataset, "ls-08");
  g_autofree char *precision = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (atlas_place_get_approximate (place));
  show_page (fixture, atlas_place_page_new (fixture->dataset), place);

  precision = atlas_format_precision (atlas_place_get_precision_m (place),
                                      atlas_i18n_get_content_language ());
  g_assert_cmpstr (precision, ==, "± 10 km");
  expected = g_strdup_printf ("%s, approximate", precision);
  assert_shows (fixture->page, expected);
}

/* Content in Vietnamese: the name, and numbers with a decimal comma. */
static void
test_place_page_vietnamese (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  GtkWidget *title;

  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_cmpint (atlas_i18n_get_content_language (), ==, ATLAS_LANGUAGE_VI);

  show_page (fixture, atlas_place_page_new (fixture->dataset),
             atlas_dataset_lookup_place (fixture->dataset, "cb-01"));
  assert_shows (fixture->page, "22,8564° N, 106,7220° E");
  assert_shows (fixture->page, "Non nước Cao Bằng");

  /* The content language's name is the title, the other one below it. */
  {
    g_autoptr(GPtrArray) labels = find_shown (fixture->page, GTK_TYPE_LABEL);

    title = g_ptr_array_index (labels, 0);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Thác Bản Giốc");
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, 1)), ==, "Ban Gioc Waterfall");
  }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_geopark_page (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  AtlasGeopark *geopark = atlas_dataset_lookup_geopark (fixture->dataset, "caobang");
  GPtrArray *places = atlas_dataset_get_geopark_places (fixture->dataset, "caobang");
  GPtrArray *articles = atlas_dataset_get_geopark_articles (fixture->dataset, "caobang");
  const AtlasAreaFigure *areas;
  guint n_areas;
  g_auto(GStrv) opened = NULL;
  g_auto(GStrv) filters = NULL;
  g_auto(GStrv) newest = article_ids (articles, 10);
  g_autofree char *show_all = NULL;

  show_page (fixture, atlas_geopark_page_new (fixture->dataset), geopark);

  assert_shows (fixture->page, atlas_text_get (atlas_geopark_get_name (geopark), language));
  assert_shows (fixture->page, atlas_text_get (atlas_geopark_get_short_name (geopark), language));

  /* Every area figure, each with its own source. */
  areas = atlas_geopark_get_areas (geopark, &n_areas);
  g_assert_cmpuint (n_areas, >, 1);
  for (guint i = 0; i < n_areas; i++)
    {
      g_autofree char *area = atlas_format_area (areas[i].km2, language);

      g_assert_true (g_str_has_suffix (area, " km²"));
      assert_shows (fixture->page, area);
    }
  assert_shows (fixture->page, "3,275 km²");

  /* Its places, then its newest news, as links. */
  opened = link_targets (fixture->page, "win.open-item");
  g_assert_cmpuint (places->len, >, 0);
  for (guint i = 0; i < places->len; i++)
    {
      AtlasPlace *place = g_ptr_array_index (places, i);

      g_assert_cmpstr (opened[i], ==, atlas_place_get_id (place));
      assert_shows (fixture->page, atlas_text_get (atlas_place_get_name (place), language));
    }
  /* On its own page, a place's row needs no "· Non nuoc Cao Bang". */
  {
    g_autofree char *with_geopark = NULL;

    with_geopark = g_strdup_printf ("Geology · %s",
                                    atlas_text_get (atlas_geopark_get_short_name (geopark),
                                                    language));
    assert_shows (fixture->page, "Geology");
    g_assert_false (shows_text (fixture->page, with_geopark));
  }

  g_assert_cmpuint (articles->len, >, 10);
  g_assert_cmpuint (g_strv_length (opened), ==, places->len + 10);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpstr (opened[places->len + i], ==, newest[i]);

  /* The rest are a click away, in the filtered list. */
  show_all = g_strdup_printf ("Show all %u news items", articles->len);
  assert_shows (fixture->page, show_all);
  filters = link_targets (fixture->page, "win.filter-geopark");
  g_assert_cmpuint (g_strv_length (filters), ==, 1);
  g_assert_cmpstr (filters[0], ==, "caobang");
}

/* The bundled dataset with n more places in Cao Bằng, copies of its first. */
static AtlasDataset *
load_with_many_places (guint n)
{
  g_autoptr(JsonNode) root = atlas_test_bundled_json (ATLAS_DATASET_FILE_PLACES);
  JsonArray *items = json_object_get_array_member (json_node_get_object (root), "items");
  g_autofree char *first = json_to_string (json_array_get_element (items, 0), FALSE);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *copy = json_from_string (first, NULL);
      g_autofree char *id = g_strdup_printf ("copy-%u", i);

      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (copy), "geopark"), ==,
                       "caobang");
      json_object_set_string_member (json_node_get_object (copy), "id", id);
      json_array_add_element (items, copy);
    }

  return atlas_test_load_bundled_with (ATLAS_DATASET_FILE_PLACES, root);
}

/* A geopark with thousands of places lists the first ones; the rest are
 * a click away, in the sidebar's places.
 */
static void
test_geopark_page_many_places (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AtlasDataset) dataset = load_with_many_places (400);
  AtlasGeopark *geopark = atlas_dataset_lookup_geopark (dataset, "caobang");
  guint n_places = atlas_dataset_get_geopark_places (dataset, "caobang")->len;
  g_auto(GStrv) opened = NULL;
  g_auto(GStrv) show_places = NULL;
  g_autofree char *show_all = NULL;

  g_assert_cmpuint (n_places, >, 400);
  show_page (fixture, atlas_geopark_page_new (dataset), geopark);

  opened = link_targets (fixture->page, "win.open-item");
  g_assert_cmpuint (g_strv_length (opened), ==, 150 + 10);
  show_all = g_strdup_printf ("Show all %u places", n_places);
  assert_shows (fixture->page, show_all);
  show_places = link_targets (fixture->page, "win.show-geopark-places");
  g_assert_cmpuint (g_strv_length (show_places), ==, 1);
  g_assert_cmpstr (show_places[0], ==, "caobang");
}

/* Hà Giang became part of Tuyên Quang in 2025: both are shown. */
static void
test_geopark_page_provinces (Fixture       *fixture,
                             gconstpointer  data)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  AtlasGeopark *geopark = atlas_dataset_lookup_geopark (fixture->dataset, "dongvan");

  show_page (fixture, atlas_geopark_page_new (fixture->dataset), geopark);
  assert_shows (fixture->page, atlas_text_get (atlas_geopark_get_province (geopark), language));
  assert_shows (fixture->page,
                atlas_text_get (atlas_geopark_get_province_before_2025 (geopark), language));
  assert_shows (fixture->page, "2,356 km²");
  assert_shows (fixture->page, "2,350 km²");

  /* No news about it in the bundled dataset: no empty group either. */
  g_assert_cmpuint (atlas_dataset_get_geopark_articles (fixture->dataset, "dongvan")->len, ==, 0);
  g_assert_false (shows_text (fixture->page, "News"));
}

/* Topics flow like words: side by side, onto a new line when one does not
 * fit, never overlapping nor wider than the box.
 */
static void
test_wrap_box (void)
{
  const char *words[] = { "Recognition", "Conservation", "Education", "Community", "Tourism" };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = g_object_new (ATLAS_TYPE_WRAP_BOX, NULL);
  GtkWidget *children[G_N_ELEMENTS (words)];
  graphene_rect_t bounds[G_N_ELEMENTS (words)];
  int lines = 1;

  atlas_wrap_box_set_spacing (ATLAS_WRAP_BOX (box), 6);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      children[i] = gtk_label_new (words[i]);
      atlas_wrap_box_append (ATLAS_WRAP_BOX (box), children[i]);
    }
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_window_set_child (window, box);
  gtk_window_set_default_size (window, 220, 300);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      int natural;

      g_assert_true (gtk_widget_compute_bounds (children[i], box, &bounds[i]));
      gtk_widget_measure (children[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpfloat (bounds[i].size.width, ==, natural);
      g_assert_cmpfloat (bounds[i].origin.x + bounds[i].size.width, <=, gtk_widget_get_width (box));

      if (i == 0)
        continue;
      if (bounds[i].origin.y == bounds[i - 1].origin.y)
        /* Same line: right after the one before. */
        g_assert_cmpfloat (bounds[i].origin.x, ==,
                           bounds[i - 1].origin.x + bounds[i - 1].size.width + 6);
      else
        {
          /* A new line: below the one before, from the start. */
          g_assert_cmpfloat (bounds[i].origin.y, >=,
                             bounds[i - 1].origin.y + bounds[i - 1].size.height + 6);
          g_assert_cmpfloat (bounds[i].origin.x, ==, 0);
          lines++;
        }
    }
  g_assert_cmpint (lines, >, 1);
  g_assert_cmpint (lines, <, G_N_ELEMENTS (words));
  g_assert_cmpfloat (gtk_widget_get_height (box), ==,
                     bounds[G_N_ELEMENTS (words) - 1].origin.y
                     + bounds[G_N_ELEMENTS (words) - 1].size.height);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The strings compared below are the untranslated ones. */
  g_setenv ("LANGUAGE", "en", TRUE);

  atlas_test_init_gtk (&argc, &argv);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PREFIX "/icons");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/detail-pages/article", test_article_page);
  ADD ("/detail-pages/place", test_place_page);
  ADD ("/detail-pages/place/copy-then-close", test_place_page_copy_then_close);
  ADD ("/detail-pages/place/news", test_place_page_news);
  ADD ("/detail-pages/place/approximate", test_place_page_approximate);
  ADD ("/detail-pages/place/vietnamese", test_place_page_vietnamese);
  ADD ("/detail-pages/geopark", test_geopark_page);
  ADD ("/detail-pages/geopark/provinces", test_geopark_page_provinces);
  ADD ("/detail-pages/geopark/many-places", test_geopark_page_many_places);

#undef ADD

  g_test_add_func ("/detail-pages/wrap-box", test_wrap_box);

  return g_test_run ();
}
