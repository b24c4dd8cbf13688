/* atlas-window.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-article-page.h"
#include "atlas-geopark-page.h"
#include "atlas-map-view.h"
#include "atlas-place-page.h"
#include "atlas-sidebar.h"
#include "atlas-window-private.h"

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SOURCE,
  PROP_FILTER,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

AtlasWindow *
_atlas_window_new_with_settings (AtlasApplication   *application,
                                 GSettings          *settings,
                                 AtlasDatasetSource *source)
{
  return g_object_new (ATLAS_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "source", source,
                       NULL);
}

AtlasWindow *
atlas_window_new (AtlasApplication *application)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (application), NULL);

  return _atlas_window_new_with_settings (application,
                                          atlas_application_get_settings (application),
                                          atlas_application_get_source (application));
}

/* A map package a person named (on the command line): the map opens it
 * and, if it can, makes it the base map; if not, it says why.
 */
void
atlas_window_open_map_package (AtlasWindow *self,
                               GFile       *file)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  atlas_map_view_open_map_package (self->map_view, file);
}

/* A window like this one, built anew in the language now chosen: the same
 * dataset, search, filters, open item and history, map view, size and
 * panes. The caller shows it and destroys the old one.
 */
AtlasWindow *
atlas_window_new_replacing (AtlasWindow *old)
{
  ShumateViewport *old_viewport, *viewport;
  AtlasWindow *self;
  int width, height;

  g_return_val_if_fail (ATLAS_IS_WINDOW (old), NULL);

  self = g_object_new (ATLAS_TYPE_WINDOW,
                       "application", gtk_window_get_application (GTK_WINDOW (old)),
                       "settings", old->settings,
                       "source", old->source,
                       "filter", old->filter,
                       "history", old->history,
                       NULL);

  gtk_window_get_default_size (GTK_WINDOW (old), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (old)))
    gtk_window_maximize (GTK_WINDOW (self));
  else
    gtk_window_unmaximize (GTK_WINDOW (self));
  if (gtk_window_is_fullscreen (GTK_WINDOW (old)))
    gtk_window_fullscreen (GTK_WINDOW (self));

  old_viewport = atlas_map_view_get_viewport (old->map_view);
  viewport = atlas_map_view_get_viewport (self->map_view);
  shumate_viewport_set_zoom_level (viewport, shumate_viewport_get_zoom_level (old_viewport));
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 shumate_location_get_latitude (SHUMATE_LOCATION (old_viewport)),
                                 shumate_location_get_longitude (SHUMATE_LOCATION (old_viewport)));

  adw_flap_set_reveal_flap (self->detail_flap, adw_flap_get_reveal_flap (old->detail_flap));
  if (adw_leaflet_get_visible_child (old->leaflet) == GTK_WIDGET (old->sidebar))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));

  /* A presenter who pressed L goes on presenting, at the same step. */
  if (atlas_presenter_get_presenting (old->presenter))
    {
      GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (old));
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (old));
      GdkMonitor *monitor = surface != NULL ?
                            gdk_display_get_monitor_at_surface (display, surface) : NULL;

      atlas_presenter_start (self->presenter, atlas_presenter_get_presentation (old->presenter),
                             monitor);
    }

  return self;
}

/* One problem a paragraph: they are long, and often wrap. */
char *
_atlas_window_dup_problems_text (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return g_strjoinv ("\n\n", (char **) atlas_dataset_source_get_problems (self->source));
}

static void restore_browsing (AtlasWindow *self);

/* Builds one of the pages of atlas-window-pages.ui into the main stack. Most
 * starts need neither page: building them with the window was work before
 * its first frame (a GtkTextView among it).
 */
static GtkBuilder *
add_page (AtlasWindow *self,
          const char  *id,
          const char  *name)
{
  GtkBuilder *builder = gtk_builder_new ();
  const char *ids[] = { id, NULL };
  g_autoptr(GError) error = NULL;

  if (!gtk_builder_add_objects_from_resource (builder, RESOURCE_PREFIX "/atlas-window-pages.ui",
                                              ids, &error))
    g_error ("%s", error->message);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (gtk_builder_get_object (builder, id)), name);

  return builder;
}

static void
ensure_loading_page (AtlasWindow *self)
{
  AtlasWindowStatusPages *pages = &self->status_pages;
  g_autoptr(GtkBuilder) builder = NULL;

  if (pages->loading_page != NULL)
    return;

  builder = add_page (self, "loading_box", "loading");
  pages->loading_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "loading_page"));
  pages->loading_title = ADW_WINDOW_TITLE (gtk_builder_get_object (builder, "loading_title"));
  pages->loading_progress = GTK_PROGRESS_BAR (gtk_builder_get_object (builder,
                                                                      "loading_progress"));
}

static void
ensure_error_page (AtlasWindow *self)
{
  AtlasWindowStatusPages *pages = &self->status_pages;
  g_autoptr(GtkBuilder) builder = NULL;

  if (pages->error_page != NULL)
    return;

  builder = add_page (self, "error_box", "error");
  pages->error_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "error_page"));
  pages->error_problems_view = GTK_TEXT_VIEW (gtk_builder_get_object (builder,
                                                                      "error_problems_view"));
  pages->use_bundled_button = GTK_WIDGET (gtk_builder_get_object (builder,
                                                                  "use_bundled_button"));
}

/* The loading page comes and goes at once, without the stack's
 * cross-fade: with the cairo renderer every frame of a cross-fade draws
 * both pages (the map and the lists among them) into offscreen surfaces on
 * the main thread, and those frames fall just when the worker thread
 * reading the folder competes with it for the cores.
 */
static void
show_main_page (AtlasWindow *self,
                const char  *name)
{
  const char *shown = gtk_stack_get_visible_child_name (self->main_stack);
  GtkStackTransitionType transition = gtk_stack_get_transition_type (self->main_stack);

  if (g_strcmp0 (name, "loading") == 0 || g_strcmp0 (shown, "loading") == 0)
    transition = GTK_STACK_TRANSITION_TYPE_NONE;

  gtk_stack_set_visible_child_full (self->main_stack, name, transition);
}

/* A folder's first load fills the loading page's bar; a reload, the thin
 * bar over the content, while the data it replaces stays in use.
 */
static void
on_loading_changed (AtlasWindow *self)
{
  gboolean loading = atlas_dataset_source_get_loading (self->source);
  double progress = atlas_dataset_source_get_progress (self->source);
  gboolean first = atlas_dataset_source_get_status (self->source) == ATLAS_DATASET_STATUS_LOADING;

  g_assert (ATLAS_IS_WINDOW (self));

  if (self->status_pages.loading_progress != NULL)
    gtk_progress_bar_set_fraction (self->status_pages.loading_progress, progress);
  gtk_progress_bar_set_fraction (self->reload_progress, progress);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_progress), loading && !first);
}

/* The dataset's state decides what the window shows: the data, the data
 * with a banner listing the problems of the last edit, a page with the
 * progress of a folder's first load, or, when a folder never loaded, a
 * page that says why and offers a way back.
 */
/* A folder that cannot be opened, or, which only a damaged installation
 * gives, a bundled dataset with problems: then going back to it is no way
 * out, and the page says so.
 */
static void
show_error_page (AtlasWindow *self,
                 GFile       *folder,
                 guint        n_problems)
{
  AtlasWindowStatusPages *pages = &self->status_pages;
  g_autofree char *joined = _atlas_window_dup_problems_text (self);
  g_autofree char *description = NULL;

  if (folder != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (folder);

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "The dataset in %s has %u problem. Fix it "
                                                  "and the dataset opens by itself, or go back "
                                                  "to the dataset that comes with the app.",
                                                  "The dataset in %s has %u problems. Fix them "
                                                  "and the dataset opens by itself, or go back "
                                                  "to the dataset that comes with the app.",
                                                  n_problems),
                                     path, n_problems);
    }
  else
    {
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "The dataset that comes with the app has %u "
                                                  "problem: the installation is damaged. "
                                                  "Reinstall Geopark Atlas, or open a dataset "
                                                  "of your own.",
                                                  "The dataset that comes with the app has %u "
                                                  "problems: the installation is damaged. "
                                                  "Reinstall Geopark Atlas, or open a dataset "
                                                  "of your own.",
                                                  n_problems),
                                     n_problems);
    }

  ensure_error_page (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (pages->error_problems_view), joined, -1);
  adw_status_page_set_description (pages->error_page, description);
  gtk_widget_set_visible (pages->use_bundled_button, folder != NULL);
  show_main_page (self, "error");
  if (folder != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), pages->use_bundled_button);
}

static void
on_status_changed (AtlasWindow *self)
{
  AtlasDatasetStatus status = atlas_dataset_source_get_status (self->source);
  const char * const *problems = atlas_dataset_source_get_problems (self->source);
  GFile *folder = atlas_dataset_source_get_folder (self->source);
  g_autofree char *folder_name = folder != NULL ? g_file_get_basename (folder) : NULL;
  guint n_problems = g_strv_length ((char **) problems);
  AtlasWindowStatusPages *pages = &self->status_pages;

  g_assert (ATLAS_IS_WINDOW (self));

  adw_window_title_set_subtitle (self->window_title, folder_name != NULL ? folder_name : "");

  if (status == ATLAS_DATASET_STATUS_LOADING)
    {
      g_autofree char *path = g_file_get_parse_name (folder);

      ensure_loading_page (self);
      adw_window_title_set_subtitle (pages->loading_title, folder_name);
      adw_status_page_set_description (pages->loading_page, path);
      on_loading_changed (self);
      show_main_page (self, "loading");
      return;
    }
  on_loading_changed (self);

  if (self->restore_pending && status != ATLAS_DATASET_STATUS_FAILED)
    {
      self->restore_pending = FALSE;
      restore_browsing (self);
    }

  if (status == ATLAS_DATASET_STATUS_FAILED)
    {
      show_error_page (self, folder, n_problems);
      return;
    }

  show_main_page (self, "browse");
  gtk_revealer_set_reveal_child (self->problems_revealer, status == ATLAS_DATASET_STATUS_STALE);
  if (status == ATLAS_DATASET_STATUS_STALE)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The last change to the dataset has %u problem. "
                                              "The last good version is shown until it is fixed.",
                                              "The last change to the dataset has %u problems. "
                                              "The last good version is shown until they are fixed.",
                                              n_problems),
                                 n_problems);
      gtk_label_set_label (self->problems_label, message);
    }
}

/* Opening an item ------------------------------------------------------- */

#define OPEN_BY_USER \
  (ATLAS_OPEN_PUSH_HISTORY | ATLAS_OPEN_MOVE_MAP | ATLAS_OPEN_FILTER | ATLAS_OPEN_REVEAL)

static GPtrArray *
article_places (AtlasWindow  *self,
                AtlasArticle *article)
{
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (self->source);
  const char * const *ids = atlas_article_get_place_ids (article);
  GPtrArray *places = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      AtlasPlace *place = atlas_dataset_lookup_place (dataset, ids[i]);

      if (place != NULL)
        g_ptr_array_add (places, place);
    }

  return places;
}

/* An article's places framed on the map. Partner geoparks abroad stay
 * highlighted but out of the frame when the article also names places in
 * Vietnam: a frame from France to Cao Bằng shows neither, and the offline
 * map has nothing to draw there. An article that names only geoparks
 * frames the first of them.
 */
static void
frame_article (AtlasWindow  *self,
               AtlasArticle *article,
               GPtrArray    *places)
{
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (self->source);
  const char * const *geopark_ids = atlas_article_get_geopark_ids (article);
  g_autoptr(GPtrArray) at_home = g_ptr_array_new ();

  for (guint i = 0; i < places->len; i++)
    {
      AtlasPlace *place = g_ptr_array_index (places, i);

      if (g_strcmp0 (atlas_place_get_country (place), "VN") == 0)
        g_ptr_array_add (at_home, place);
    }

  if (places->len > 0)
    {
      atlas_map_view_fit_places (self->map_view, at_home->len > 0 ? at_home : places, TRUE);
      return;
    }

  for (guint i = 0; geopark_ids != NULL && geopark_ids[i] != NULL; i++)
    {
      AtlasGeopark *geopark = atlas_dataset_lookup_geopark (dataset, geopark_ids[i]);

      if (geopark != NULL)
        {
          atlas_map_view_fit_geopark (self->map_view, geopark, TRUE);
          return;
        }
    }
}

/* The detail pages are made the first time one is needed: most starts open
 * nothing, and building the three is work before the first frame.
 */
static void
show_in_page (AtlasWindow  *self,
              GtkWidget  *(*page_new) (AtlasDataset *dataset),
              const char   *name,
              GObject      *item)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->detail_stack, name);

  if (page == NULL)
    {
      page = page_new (atlas_dataset_source_get_dataset (self->source));
      gtk_stack_add_named (self->detail_stack, page, name);
    }

  atlas_item_view_set_item (ATLAS_ITEM_VIEW (page), item);
  gtk_stack_set_visible_child (self->detail_stack, page);
}

void
_atlas_window_open_item (AtlasWindow    *self,
                         GObject        *item,
                         AtlasOpenFlags  flags)
{
  g_autofree char *id = NULL;

  g_object_get (item, "id", &id, NULL);

  if (ATLAS_IS_ARTICLE (item))
    {
      g_autoptr(GPtrArray) places = article_places (self, ATLAS_ARTICLE (item));

      show_in_page (self, atlas_article_page_new, "article", item);
      atlas_map_view_select_places (self->map_view, places);
      if (flags & ATLAS_OPEN_MOVE_MAP)
        frame_article (self, ATLAS_ARTICLE (item), places);
    }
  else if (ATLAS_IS_PLACE (item))
    {
      AtlasPlace *place = ATLAS_PLACE (item);

      show_in_page (self, atlas_place_page_new, "place", item);
      atlas_map_view_select_place (self->map_view, place);
      if (flags & ATLAS_OPEN_FILTER)
        atlas_browse_filter_set_place_id (self->filter, id);
      if (flags & ATLAS_OPEN_MOVE_MAP)
        {
          g_autoptr(GPtrArray) places = g_ptr_array_new ();

          g_ptr_array_add (places, place);
          atlas_map_view_fit_places (self->map_view, places, TRUE);
        }
    }
  else if (ATLAS_IS_GEOPARK (item))
    {
      show_in_page (self, atlas_geopark_page_new, "geopark", item);
      atlas_map_view_select_places (self->map_view, NULL);
      if (flags & ATLAS_OPEN_FILTER)
        {
          atlas_browse_filter_set_place_id (self->filter, NULL);
          atlas_browse_filter_set_geopark_id (self->filter, id);
        }
      if (flags & ATLAS_OPEN_MOVE_MAP)
        atlas_map_view_fit_geopark (self->map_view, ATLAS_GEOPARK (item), TRUE);
    }
  else
    g_return_if_reached ();

  if (flags & ATLAS_OPEN_PUSH_HISTORY)
    atlas_history_push (self->history, id);
  if (flags & ATLAS_OPEN_REVEAL)
    {
      adw_flap_set_reveal_flap (self->detail_flap, TRUE);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
  atlas_sidebar_scroll_to (self->sidebar, item);
}

GObject *
_atlas_window_lookup_item (AtlasWindow *self,
                           const char  *id)
{
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (self->source);
  GObject *item;

  if ((item = G_OBJECT (atlas_dataset_lookup_article (dataset, id))) != NULL ||
      (item = G_OBJECT (atlas_dataset_lookup_place (dataset, id))) != NULL ||
      (item = G_OBJECT (atlas_dataset_lookup_geopark (dataset, id))) != NULL)
    return item;

  return NULL;
}

/* Opens the article, place or geopark with this id as a user would. */
gboolean
_atlas_window_open_id (AtlasWindow *self,
                       const char  *id)
{
  GObject *item = _atlas_window_lookup_item (self, id);

  if (item == NULL)
    return FALSE;

  _atlas_window_open_item (self, item, OPEN_BY_USER);
  return TRUE;
}

/* Back to the start page, which "none" holds: nothing is open. */
void
_atlas_window_close_item (AtlasWindow *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  atlas_map_view_select_places (self->map_view, NULL);
}

static void
on_item_activated (AtlasWindow *self,
                   GObject     *item)
{
  g_assert (ATLAS_IS_WINDOW (self));

  _atlas_window_open_item (self, item, OPEN_BY_USER);
}

/* A pin's place opens where the user is looking: the map stays put. */
static void
on_place_activated (AtlasWindow *self,
                    AtlasPlace  *place)
{
  g_assert (ATLAS_IS_WINDOW (self));

  _atlas_window_open_item (self, G_OBJECT (place), OPEN_BY_USER & ~ATLAS_OPEN_MOVE_MAP);
}

static void
on_geopark_activated (AtlasWindow  *self,
                      AtlasGeopark *geopark)
{
  g_assert (ATLAS_IS_WINDOW (self));

  _atlas_window_open_item (self, G_OBJECT (geopark), OPEN_BY_USER);
}

/* A reload replaces the objects: show the new ones of the same ids, or
 * the start page when the open item is gone.
 */
static void
on_dataset_reloaded (AtlasWindow *self)
{
  const char *current = atlas_history_get_current (self->history);
  GObject *item = current != NULL ? _atlas_window_lookup_item (self, current) : NULL;

  g_assert (ATLAS_IS_WINDOW (self));

  if (item != NULL)
    _atlas_window_open_item (self, item, 0);
  else
    _atlas_window_close_item (self);
}

/* While a search is typed, the map shows the places it finds, as the
 * Places tab lists them (with the other filters), and the geoparks it
 * finds; clearing it leaves the map where it is.
 */
static void
show_search_on_map (AtlasWindow *self)
{
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (self->source);
  GListModel *geoparks = atlas_dataset_get_geoparks (dataset);
  g_autoptr(GPtrArray) found = NULL;

  g_assert (ATLAS_IS_WINDOW (self));

  if (!atlas_browse_filter_get_ranked (self->filter))
    {
      atlas_map_view_set_search_results (self->map_view, NULL);
      atlas_map_view_set_search_geoparks (self->map_view, NULL);
      return;
    }

  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (geoparks); i++)
    {
      AtlasGeopark *geopark = g_list_model_get_item (geoparks, i);

      if (atlas_browse_filter_match_geopark (self->filter, dataset, geopark))
        g_ptr_array_add (found, geopark);
      else
        g_object_unref (geopark);
    }

  atlas_map_view_set_search_results (self->map_view, atlas_sidebar_get_places (self->sidebar));
  atlas_map_view_set_search_geoparks (self->map_view, found);
}

static void
set_up_dataset (AtlasWindow *self)
{
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (self->source);

  atlas_sidebar_set_up (self->sidebar, dataset, self->filter, self->history);
  atlas_map_view_set_dataset (self->map_view, dataset);
  g_signal_connect_object (self->filter, "changed",
                           G_CALLBACK (show_search_on_map), self, G_CONNECT_SWAPPED);
  show_search_on_map (self);
  atlas_presenter_set_dataset (self->presenter, dataset);
  atlas_start_page_set_dataset (self->start_page, dataset);

  /* Every load sets the problems, and the status with them. */
  g_signal_connect_object (self->source, "notify::problems",
                           G_CALLBACK (on_status_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source, "notify::loading",
                           G_CALLBACK (on_loading_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source, "notify::progress",
                           G_CALLBACK (on_loading_changed), self, G_CONNECT_SWAPPED);
  /* The articles are replaced last. */
  g_signal_connect_object (atlas_dataset_get_articles (dataset), "items-changed",
                           G_CALLBACK (on_dataset_reloaded), self, G_CONNECT_SWAPPED);

  on_status_changed (self);
}

/* The filters and the open item come back as they were left. */
static void
restore_browsing (AtlasWindow *self)
{
  g_autofree char *search = g_settings_get_string (self->settings, "search-text");
  g_autofree char *geopark_id = g_settings_get_string (self->settings, "filter-geopark");
  g_autofree char *place_id = g_settings_get_string (self->settings, "filter-place");
  g_autofree char *topic_name = g_settings_get_string (self->settings, "filter-topic");
  g_autofree char *last = g_settings_get_string (self->settings, "last-selection");
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (self->source);
  AtlasTopics topic = 0;
  GObject *item;

  atlas_browse_filter_set_search (self->filter, search);
  if (atlas_dataset_lookup_geopark (dataset, geopark_id) != NULL)
    atlas_browse_filter_set_geopark_id (self->filter, geopark_id);
  if (atlas_dataset_lookup_place (dataset, place_id) != NULL)
    atlas_browse_filter_set_place_id (self->filter, place_id);
  if (atlas_topic_from_string (topic_name, &topic))
    atlas_browse_filter_set_topic (self->filter, topic);
  atlas_browse_filter_set_year (self->filter, g_settings_get_int (self->settings, "filter-year"));

  item = *last != '\0' ? _atlas_window_lookup_item (self, last) : NULL;
  if (item != NULL)
    _atlas_window_open_item (self, item, ATLAS_OPEN_PUSH_HISTORY);
}

static void
save_browsing (AtlasWindow *self)
{
  const char *current = atlas_history_get_current (self->history);
  const char *geopark_id = atlas_browse_filter_get_geopark_id (self->filter);
  const char *place_id = atlas_browse_filter_get_place_id (self->filter);
  AtlasTopics topic = atlas_browse_filter_get_topic (self->filter);

  /* Closed before the folder loaded: what was saved still stands. */
  if (self->restore_pending)
    return;

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "search-text",
                         atlas_browse_filter_get_search (self->filter));
  g_settings_set_string (self->settings, "filter-geopark", geopark_id != NULL ? geopark_id : "");
  g_settings_set_string (self->settings, "filter-place", place_id != NULL ? place_id : "");
  g_settings_set_string (self->settings, "filter-topic",
                         topic != 0 ? atlas_topic_to_string (topic) : "");
  g_settings_set_int (self->settings, "filter-year", atlas_browse_filter_get_year (self->filter));
  g_settings_set_string (self->settings, "last-selection", current != NULL ? current : "");
  g_settings_apply (self->settings);
}

static void
restore_window_state (AtlasWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
restore_map_view (AtlasWindow *self)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (self->map_view);

  shumate_viewport_set_zoom_level (viewport, g_settings_get_double (self->settings, "map-zoom"));
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 g_settings_get_double (self->settings, "map-latitude"),
                                 g_settings_get_double (self->settings, "map-longitude"));
}

static void
save_map_view (AtlasWindow *self)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (self->map_view);
  ShumateLocation *center = SHUMATE_LOCATION (viewport);

  g_settings_set_double (self->settings, "map-zoom",
                         CLAMP (shumate_viewport_get_zoom_level (viewport), 3, 18));
  g_settings_set_double (self->settings, "map-latitude",
                         CLAMP (shumate_location_get_latitude (center), -85, 85));
  g_settings_set_double (self->settings, "map-longitude",
                         CLAMP (shumate_location_get_longitude (center), -180, 180));
}

static void
save_window_state (AtlasWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  save_map_view (self);
  save_browsing (self);

  /* A maximized window's size says nothing about the size to come back to. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
}

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  /* What is saved is the window as it was before presenting. */
  atlas_presenter_stop (ATLAS_WINDOW (window)->presenter);
  save_window_state (ATLAS_WINDOW (window));

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
on_leaflet_folded_changed (AtlasWindow *self)
{
  g_assert (ATLAS_IS_WINDOW (self));

  /* A narrow window opens on the map, the heart of the app; the sidebar is
   * one button away.
   */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
atlas_window_constructed (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);
  gboolean continuing;

  G_OBJECT_CLASS (atlas_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  g_assert (ATLAS_IS_DATASET_SOURCE (self->source));

  /* A window that replaces another (in a new language) takes over its
   * filter and history; a new one finds them in the settings.
   */
  continuing = self->filter != NULL && self->history != NULL;
  if (!continuing)
    {
      g_set_object (&self->filter, NULL);
      g_set_object (&self->history, NULL);
      self->filter = atlas_browse_filter_new ();
      self->history = atlas_history_new ();
    }
  _atlas_window_actions_init (self);

  restore_window_state (self);
  set_up_dataset (self);
  restore_map_view (self);
  if (continuing)
    on_dataset_reloaded (self);
  else if (atlas_dataset_source_get_status (self->source) == ATLAS_DATASET_STATUS_LOADING)
    self->restore_pending = TRUE;
  else
    restore_browsing (self);

  g_settings_bind (self->settings, "sidebar-page",
                   self->sidebar, "page",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "tile-url",
                   self->map_view, "tile-url",
                   G_SETTINGS_BIND_GET);
  /* Both ways: the map view chooses a map package once it opened. */
  g_settings_bind (self->settings, "map-package",
                   self->map_view, "map-package",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "basemap",
                   self->map_view, "basemap",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->map_view, "geopark-activated",
                           G_CALLBACK (on_geopark_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map_view, "place-activated",
                           G_CALLBACK (on_place_activated), self, G_CONNECT_SWAPPED);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  /* Presenting lets go of the window's widgets before they go. */
  g_clear_object (&self->presenter);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);
  /* The loading and error pages went with the main stack. */
  self->status_pages = (AtlasWindowStatusPages) { NULL, };

  g_clear_object (&self->settings);
  g_clear_object (&self->source);
  g_clear_object (&self->filter);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;

    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = atlas_window_constructed;
  object_class->dispose = atlas_window_dispose;
  object_class->get_property = atlas_window_get_property;
  object_class->set_property = atlas_window_set_property;

  window_class->close_request = atlas_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         ATLAS_TYPE_DATASET_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         ATLAS_TYPE_BROWSE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         ATLAS_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_MAP_VIEW);
  g_type_ensure (ATLAS_TYPE_SIDEBAR);
  g_type_ensure (ATLAS_TYPE_START_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, reload_progress);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, forward_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, detail_flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, detail_panel);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, presentation_blank);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, present_monitor_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar_separator);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated);

  _atlas_window_class_actions_init (klass);
}

static void
atlas_window_init (AtlasWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->presenter = atlas_presenter_new (self);
}
