/* test-caption-card.c: the caption card in rooms of a projector's and a
 * screen's size, and presenting in a window.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-caption-card"

#include "config.h"

#include "atlas-caption-card-private.h"
#include "atlas-dataset-loader.h"
#include "atlas-i18n.h"
#include "atlas-map-view-private.h"
#include "atlas-test-gtk.h"
#include "atlas-test-window.h"

/* A room is a map with the card over it, as presenting shows them. Rooms
 * larger than the test's screen are scrolled; the card and the map are laid
 * out at the room's size all the same.
 */
typedef struct
{
  AtlasDataset *dataset;
  GtkWindow    *window;
  GtkWidget    *room;
  AtlasMapView *map_view;
  GtkWidget    *card;
  char         *saved_language;
} Fixture;

/* The most the card may cover of the room, even for the longest title. */
#define MOST_COVERED 0.25

/* The room a pin's head takes above its place. */
#define PIN_WIDTH  40
#define PIN_HEIGHT 52

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *scrolled;

  fixture->saved_language = g_strdup (g_getenv ("LANGUAGE"));
  fixture->dataset = atlas_dataset_load_bundled (problems);
  g_assert_nonnull (fixture->dataset);
  g_assert_cmpuint (problems->len, ==, 0);

  fixture->map_view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  atlas_map_view_set_tile_url (fixture->map_view, OFFLINE_TILE_URL);
  atlas_map_view_set_basemap (fixture->map_view, "offline");
  atlas_map_view_set_presenting (fixture->map_view, TRUE);
  _atlas_map_view_set_animated (fixture->map_view, FALSE);
  atlas_map_view_set_dataset (fixture->map_view, fixture->dataset);

  fixture->card = atlas_caption_card_new (fixture->dataset);
  fixture->room = gtk_overlay_new ();
  gtk_widget_set_halign (fixture->room, GTK_ALIGN_START);
  gtk_widget_set_valign (fixture->room, GTK_ALIGN_START);
  gtk_overlay_set_child (GTK_OVERLAY (fixture->room), GTK_WIDGET (fixture->map_view));
  gtk_overlay_add_overlay (GTK_OVERLAY (fixture->room), fixture->card);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), fixture->room);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 780);
  gtk_window_set_child (fixture->window, scrolled);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  iterate ();
  g_clear_object (&fixture->dataset);
  if (fixture->saved_language != NULL)
    g_setenv ("LANGUAGE", fixture->saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_free (fixture->saved_language);
}

/* The room at @width × @height, the card told so, both laid out. */
static void
set_room (Fixture *fixture,
          int      width,
          int      height)
{
  gtk_widget_set_size_request (fixture->room, width, height);
  atlas_caption_card_set_room (ATLAS_CAPTION_CARD (fixture->card), width, height);
  for (guint i = 0; i < 50 && (gtk_widget_get_width (fixture->room) != width ||
                               gtk_widget_get_height (fixture->room) != height); i++)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpint (gtk_widget_get_width (fixture->room), ==, width);
  g_assert_cmpint (gtk_widget_get_height (fixture->room), ==, height);
}

static void
show (Fixture *fixture,
      GObject *item)
{
  atlas_item_view_set_item (ATLAS_ITEM_VIEW (fixture->card), item);
  atlas_caption_card_set_step (ATLAS_CAPTION_CARD (fixture->card), 40, 42);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static const char *
item_title (GObject       *item,
            AtlasLanguage  language)
{
  if (ATLAS_IS_ARTICLE (item))
    return atlas_text_get (atlas_article_get_title (ATLAS_ARTICLE (item)), language);

  return atlas_text_get (atlas_place_get_name (ATLAS_PLACE (item)), language);
}

/* The news item with the longest title in @language, by characters; with
 * @framed, among those that name places in Vietnam only.
 */
static AtlasArticle *
longest_title (AtlasDataset  *dataset,
               AtlasLanguage  language,
               gboolean       framed)
{
  GListModel *articles = atlas_dataset_get_articles (dataset);
  AtlasArticle *longest = NULL;
  glong most = 0;

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, i);
      const char * const *ids = atlas_article_get_place_ids (article);
      glong length = g_utf8_strlen (item_title (G_OBJECT (article), language), -1);
      gboolean at_home = ids != NULL && ids[0] != NULL;

      for (guint j = 0; at_home && ids[j] != NULL; j++)
        at_home = g_strcmp0 (atlas_place_get_country (atlas_dataset_lookup_place (dataset, ids[j])),
                             "VN") == 0;
      if (length > most && (!framed || at_home))
        {
          most = length;
          longest = article;
        }
    }

  return longest;
}

static AtlasPlace *
longest_name (AtlasDataset  *dataset,
              AtlasLanguage  language)
{
  GListModel *places = atlas_dataset_get_places (dataset);
  AtlasPlace *longest = NULL;
  glong most = 0;

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (places, i);
      glong length = g_utf8_strlen (item_title (G_OBJECT (place), language), -1);

      if (length > most)
        {
          most = length;
          longest = place;
        }
    }

  return longest;
}

/* The whole title on the card, in type no smaller than the floor; the
 * card within the room and covering no more than its share of it.
 */
static void
assert_title_whole (GtkWidget *card,
                    GtkWidget *room,
                    GObject   *item)
{
  GtkLabel *title = _atlas_caption_card_get_title_label (ATLAS_CAPTION_CARD (card));
  const AtlasCaptionFit *fit = _atlas_caption_card_get_fit (ATLAS_CAPTION_CARD (card));
  PangoLayout *layout = gtk_label_get_layout (title);
  int width = gtk_widget_get_width (room);
  int height = gtk_widget_get_height (room);
  int layout_height;
  graphene_rect_t bounds;

  g_test_message ("%d × %d: %s", width, height, gtk_label_get_text (title));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
  g_assert_cmpstr (gtk_label_get_text (title), ==,
                   item_title (item, atlas_i18n_get_content_language ()));
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, fit->title_lines);
  pango_layout_get_pixel_size (layout, NULL, &layout_height);
  g_assert_cmpint (layout_height, <=, gtk_widget_get_height (GTK_WIDGET (title)));
  g_assert_cmpfloat (fit->title_size, >=, MIN (width * 3.0 / 4, height) / 28.0 - 1e-9);

  g_assert_true (gtk_widget_compute_bounds (card, room, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height);
  g_assert_cmpfloat (bounds.size.width * bounds.size.height, <=,
                     MOST_COVERED * width * height);
}

/* Each place framed on @map_view, with its pin's head, clear of @card. */
static void
assert_places_clear (AtlasMapView *map_view,
                     GtkWidget    *card,
                     GPtrArray    *places)
{
  GtkWidget *map = _atlas_map_view_get_map (map_view);
  ShumateViewport *viewport = atlas_map_view_get_viewport (map_view);
  GtkWidget *room = gtk_widget_get_parent (card);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (card, room, &bounds));
  for (guint i = 0; i < places->len; i++)
    {
      AtlasPlace *place = g_ptr_array_index (places, i);
      graphene_point_t point;
      graphene_rect_t pin;
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, map,
                                                  atlas_place_get_latitude (place),
                                                  atlas_place_get_longitude (place), &x, &y);
      g_assert_true (gtk_widget_compute_point (map, room, &GRAPHENE_POINT_INIT (x, y), &point));
      g_test_message ("%s at %.0f, %.0f; the card at %.0f, %.0f, %.0f × %.0f",
                      atlas_place_get_id (place), point.x, point.y, bounds.origin.x,
                      bounds.origin.y, bounds.size.width, bounds.size.height);
      g_assert_cmpfloat (point.x, >=, 0);
      g_assert_cmpfloat (point.y, >=, 0);
      g_assert_cmpfloat (point.x, <=, gtk_widget_get_width (room));
      g_assert_cmpfloat (point.y, <=, gtk_widget_get_height (room));
      graphene_rect_init (&pin, point.x - PIN_WIDTH / 2, point.y - PIN_HEIGHT, PIN_WIDTH,
                          PIN_HEIGHT);
      g_assert_false (graphene_rect_intersection (&bounds, &pin, NULL));
    }
}

/* The whole of @geopark's outline framed on @map_view clear of @card. */
static void
assert_outline_clear (AtlasMapView *map_view,
                      GtkWidget    *card,
                      AtlasGeopark *geopark)
{
  GtkWidget *map = _atlas_map_view_get_map (map_view);
  ShumateViewport *viewport = atlas_map_view_get_viewport (map_view);
  GtkWidget *room = gtk_widget_get_parent (card);
  const AtlasPoint *outline;
  graphene_rect_t bounds;
  guint n_points;

  g_assert_true (gtk_widget_compute_bounds (card, room, &bounds));
  outline = atlas_geopark_get_outline (geopark, &n_points);
  g_assert_cmpuint (n_points, >, 0);
  for (guint i = 0; i < n_points; i++)
    {
      graphene_point_t point;
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, map, outline[i].latitude,
                                                  outline[i].longitude, &x, &y);
      g_assert_true (gtk_widget_compute_point (map, room, &GRAPHENE_POINT_INIT (x, y), &point));
      g_assert_false (graphene_rect_contains_point (&bounds, &point));
    }
}

/* The map frames @places as presenting frames a step: clear of the card. */
static void
frame (Fixture   *fixture,
       GPtrArray *places)
{
  GtkBorder insets;
  graphene_rect_t bounds;

  /* The room asked is the card's, no more, on one side. */
  atlas_caption_card_get_map_insets (ATLAS_CAPTION_CARD (fixture->card), &insets);
  g_assert_true (gtk_widget_compute_bounds (fixture->card, fixture->room, &bounds));
  g_assert_cmpint (insets.top, ==, 0);
  g_assert_cmpint (insets.right, ==, 0);
  if (insets.bottom > 0)
    {
      g_assert_cmpint (insets.left, ==, 0);
      g_assert_cmpfloat_with_epsilon (insets.bottom,
                                      gtk_widget_get_height (fixture->room) - bounds.origin.y, 1);
    }
  else
    g_assert_cmpfloat_with_epsilon (insets.left, bounds.origin.x + bounds.size.width, 1);

  atlas_map_view_set_fit_insets (fixture->map_view, &insets);
  atlas_map_view_set_fit_max_zoom (fixture->map_view, 11);
  atlas_map_view_fit_places (fixture->map_view, places, FALSE);
  atlas_map_view_set_fit_max_zoom (fixture->map_view, 0);
  atlas_map_view_set_fit_insets (fixture->map_view, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static GPtrArray *
article_places (AtlasDataset *dataset,
                AtlasArticle *article)
{
  const char * const *ids = atlas_article_get_place_ids (article);
  GPtrArray *places = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (places, atlas_dataset_lookup_place (dataset, ids[i]));

  return places;
}

/* In @room_size, in both languages: the longest title of the news whole,
 * the longest name of a place too, and the places and geoparks framed
 * clear of the card.
 */
static void
test_room (Fixture       *fixture,
           gconstpointer  data)
{
  const int *room_size = data;
  const char *languages[] = { "vi", "en" };
  GListModel *geoparks = atlas_dataset_get_geoparks (fixture->dataset);

  set_room (fixture, room_size[0], room_size[1]);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      AtlasLanguage language;
      AtlasArticle *article;
      AtlasPlace *place;
      g_autoptr(GPtrArray) places = NULL;
      g_autoptr(GPtrArray) alone = g_ptr_array_new ();

      g_setenv ("LANGUAGE", languages[i], TRUE);
      language = atlas_i18n_get_content_language ();
      g_assert_cmpint (language, ==, i == 0 ? ATLAS_LANGUAGE_VI : ATLAS_LANGUAGE_EN);

      article = longest_title (fixture->dataset, language, FALSE);
      show (fixture, G_OBJECT (article));
      assert_title_whole (fixture->card, fixture->room, G_OBJECT (article));

      article = longest_title (fixture->dataset, language, TRUE);
      places = article_places (fixture->dataset, article);
      show (fixture, G_OBJECT (article));
      assert_title_whole (fixture->card, fixture->room, G_OBJECT (article));
      frame (fixture, places);
      assert_places_clear (fixture->map_view, fixture->card, places);

      /* A geopark frames its outline, from edge to edge of the map. */
      for (guint j = 0; j < g_list_model_get_n_items (geoparks); j++)
        {
          g_autoptr(AtlasGeopark) geopark = g_list_model_get_item (geoparks, j);
          GtkBorder insets;

          show (fixture, G_OBJECT (geopark));
          atlas_caption_card_get_map_insets (ATLAS_CAPTION_CARD (fixture->card), &insets);
          atlas_map_view_set_fit_insets (fixture->map_view, &insets);
          atlas_map_view_fit_geopark (fixture->map_view, geopark, FALSE);
          atlas_map_view_set_fit_insets (fixture->map_view, NULL);
          gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
          assert_outline_clear (fixture->map_view, fixture->card, geopark);
        }

      place = longest_name (fixture->dataset, language);
      g_ptr_array_add (alone, place);
      show (fixture, G_OBJECT (place));
      assert_title_whole (fixture->card, fixture->room, G_OBJECT (place));
      frame (fixture, alone);
      assert_places_clear (fixture->map_view, fixture->card, alone);
    }
}

/* Presenting in a window, full screen on the test's own screen: the card
 * takes its size from the map, and the map frames each step clear of it.
 */
/* No name on the map lies under the card, where the room could not read
 * it and it would show through.
 */
static void
assert_labels_clear (AtlasMapView *view,
                     GtkWidget    *card)
{
  g_autoptr(GArray) labels = _atlas_map_view_dup_label_boxes (view);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (card, _atlas_map_view_get_map (view), &bounds));
  for (guint i = 0; i < labels->len; i++)
    {
      const AtlasLabelBox *label = &g_array_index (labels, AtlasLabelBox, i);
      AtlasLabelBox box = { bounds.origin.x, bounds.origin.y,
                            bounds.size.width, bounds.size.height };

      if (atlas_label_box_intersects (label, &box))
        g_error ("Label %u (%.0f, %.0f %.0f×%.0f) is under the card", i,
                 label->x, label->y, label->width, label->height);
    }
}

static void
test_presenting (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AtlasDataset *dataset;
  AtlasWindow *window;
  AtlasPresentation *tour;
  GtkWidget *card, *room;
  AtlasArticle *article;

  /* A projector's window: the details fold over the map until the
   * sidebar goes, and must not come back then.
   */
  g_settings_set_string (settings, "basemap", "offline");
  g_settings_set_int (settings, "window-width", 1024);
  g_settings_set_int (settings, "window-height", 768);
  window = show_window (settings);
  _atlas_map_view_set_animated (window->map_view, FALSE);
  dataset = atlas_dataset_source_get_dataset (window->source);
  article = longest_title (dataset, atlas_i18n_get_content_language (), TRUE);
  _atlas_window_open_item (window, G_OBJECT (article), ATLAS_OPEN_PUSH_HISTORY);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  tour = atlas_presenter_get_presentation (window->presenter);
  g_assert_nonnull (tour);
  for (guint i = 0; i < 50 && !gtk_window_is_fullscreen (GTK_WINDOW (window)); i++)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Framed again at full screen, at once; the next steps too. */
  _atlas_map_view_set_animated (window->map_view, FALSE);
  card = _atlas_presenter_get_caption_card (window->presenter);
  room = gtk_widget_get_parent (card);
  g_assert_cmpint (gtk_widget_get_width (room), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_false (gtk_widget_get_mapped (window->detail_panel));
  assert_title_whole (card, room, G_OBJECT (article));

  /* Every step of the tour, framed as the window frames it: the news
   * item's places in Vietnam, or else those abroad, or else its geopark.
   */
  atlas_presentation_first (tour);
  do
    {
      GObject *item = _atlas_window_lookup_item (window, atlas_presentation_get_id (tour));
      g_autoptr(GPtrArray) places = NULL;
      g_autoptr(GPtrArray) at_home = g_ptr_array_new ();
      const char * const *geopark_ids;

      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      assert_title_whole (card, room, item);
      assert_labels_clear (window->map_view, card);
      places = article_places (dataset, ATLAS_ARTICLE (item));
      for (guint i = 0; i < places->len; i++)
        if (g_strcmp0 (atlas_place_get_country (g_ptr_array_index (places, i)), "VN") == 0)
          g_ptr_array_add (at_home, g_ptr_array_index (places, i));
      geopark_ids = atlas_article_get_geopark_ids (ATLAS_ARTICLE (item));
      if (places->len > 0)
        assert_places_clear (window->map_view, card, at_home->len > 0 ? at_home : places);
      else if (geopark_ids != NULL && geopark_ids[0] != NULL)
        assert_outline_clear (window->map_view, card,
                              atlas_dataset_lookup_geopark (dataset, geopark_ids[0]));
    }
  while (atlas_presentation_next (tour));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  static const int projector[] = { 1024, 768 };
  static const int wide[] = { 1280, 720 };
  static const int screen[] = { 1920, 1080 };

  atlas_test_init_gtk (&argc, &argv);

  g_test_add ("/caption-card/1024x768", Fixture, projector,
              fixture_set_up, test_room, fixture_tear_down);
  g_test_add ("/caption-card/1280x720", Fixture, wide,
              fixture_set_up, test_room, fixture_tear_down);
  g_test_add ("/caption-card/1920x1080", Fixture, screen,
              fixture_set_up, test_room, fixture_tear_down);
  g_test_add_func ("/caption-card/presenting", test_presenting);

  return g_test_run ();
}
