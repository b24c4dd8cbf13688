/* atlas-window.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-article-row.h"
#include "atlas-map-view.h"
#include "atlas-place-row.h"
#include "atlas-search.h"
#include "atlas-window-private.h"

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SOURCE,
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

AtlasDatasetSource *
atlas_window_get_source (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->source;
}

/* The list, or why there is none: nothing in the dataset, or nothing found. */
static void
update_list_page (AtlasWindow *self,
                  GtkStack    *stack,
                  GListModel  *shown)
{
  gboolean searching = self->search_words != NULL && self->search_words[0] != NULL;

  if (g_list_model_get_n_items (shown) > 0)
    gtk_stack_set_visible_child_name (stack, "list");
  else
    gtk_stack_set_visible_child_name (stack, searching ? "no-results" : "empty");
}

static void
on_articles_changed (AtlasWindow *self)
{
  update_list_page (self, self->news_stack, self->news_model);
}

static void
on_places_changed (AtlasWindow *self)
{
  update_list_page (self, self->places_stack, self->places_model);
}

static gboolean
filter_article (gpointer item,
                gpointer user_data)
{
  AtlasWindow *self = user_data;

  return self->search_words == NULL ||
         atlas_search_matches (atlas_article_get_search_text (item),
                               (const char * const *) self->search_words);
}

static gboolean
filter_place (gpointer item,
              gpointer user_data)
{
  AtlasWindow *self = user_data;

  return self->search_words == NULL ||
         atlas_search_matches (atlas_place_get_search_text (item),
                               (const char * const *) self->search_words);
}

static void
on_search_changed (AtlasWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_strfreev (self->search_words);
  self->search_words = atlas_search_parse (query);

  gtk_filter_changed (self->news_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->places_filter, GTK_FILTER_CHANGE_DIFFERENT);
  on_articles_changed (self);
  on_places_changed (self);
}

/* One problem a paragraph: they are long, and often wrap. */
static char *
join_problems (const char * const *problems)
{
  return g_strjoinv ("\n\n", (char **) problems);
}

/* The dataset's state decides what the window shows: the data, the data
 * with a banner listing the problems of the last edit, or, when a folder
 * never loaded, a page that says why and offers a way back.
 */
static void
on_status_changed (AtlasWindow *self)
{
  AtlasDatasetStatus status = atlas_dataset_source_get_status (self->source);
  const char * const *problems = atlas_dataset_source_get_problems (self->source);
  GFile *folder = atlas_dataset_source_get_folder (self->source);
  g_autofree char *folder_name = folder != NULL ? g_file_get_basename (folder) : NULL;
  g_autofree char *joined = join_problems (problems);
  guint n_problems = g_strv_length ((char **) problems);

  adw_window_title_set_subtitle (self->window_title, folder_name != NULL ? folder_name : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->error_problems_view), joined, -1);

  if (status == ATLAS_DATASET_STATUS_FAILED)
    {
      g_autofree char *path = g_file_get_parse_name (folder);
      g_autofree char *description = NULL;

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "The dataset in %s has %u problem. Fix it "
                                                  "and the dataset opens by itself, or go back "
                                                  "to the dataset that comes with the app.",
                                                  "The dataset in %s has %u problems. Fix them "
                                                  "and the dataset opens by itself, or go back "
                                                  "to the dataset that comes with the app.",
                                                  n_problems),
                                     path, n_problems);
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_window_set_focus (GTK_WINDOW (self), self->use_bundled_button);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "browse");
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

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autofree char *joined = join_problems (atlas_dataset_source_get_problems (self->source));
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Problems in the Dataset"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Fix these in the dataset’s files; the app reloads them when "
                                 "they are saved."));
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", joined,
                        "selectable", TRUE,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, "problems");
  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "child", label,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 300,
                           NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
setup_article_row (GtkListItemFactory *factory,
                   GtkListItem        *list_item,
                   AtlasWindow        *self)
{
  gtk_list_item_set_child (list_item,
                           atlas_article_row_new (atlas_dataset_source_get_dataset (self->source)));
}

static void
bind_article_row (GtkListItemFactory *factory,
                  GtkListItem        *list_item,
                  AtlasWindow        *self)
{
  atlas_item_view_set_item (ATLAS_ITEM_VIEW (gtk_list_item_get_child (list_item)),
                           gtk_list_item_get_item (list_item));
}

static void
setup_place_row (GtkListItemFactory *factory,
                 GtkListItem        *list_item,
                 AtlasWindow        *self)
{
  gtk_list_item_set_child (list_item,
                           atlas_place_row_new (atlas_dataset_source_get_dataset (self->source)));
}

static void
bind_place_row (GtkListItemFactory *factory,
                GtkListItem        *list_item,
                AtlasWindow        *self)
{
  atlas_item_view_set_item (ATLAS_ITEM_VIEW (gtk_list_item_get_child (list_item)),
                           gtk_list_item_get_item (list_item));
}

static void
set_up_list (AtlasWindow *self,
             GtkListView *list,
             GListModel  *model,
             GCallback    setup,
             GCallback    bind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_signal_connect_object (factory, "setup", setup, self, 0);
  g_signal_connect_object (factory, "bind", bind, self, 0);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (model)));
  gtk_list_view_set_factory (list, factory);
  gtk_list_view_set_model (list, selection);
}

/* The dataset's list as the search leaves it. */
static GListModel *
filtered (GListModel *model,
          GtkFilter  *filter)
{
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (model), g_object_ref (filter)));
}

static void
set_up_dataset (AtlasWindow *self)
{
  AtlasDataset *dataset = atlas_dataset_source_get_dataset (self->source);

  self->news_filter = GTK_FILTER (gtk_custom_filter_new (filter_article, self, NULL));
  self->places_filter = GTK_FILTER (gtk_custom_filter_new (filter_place, self, NULL));
  self->news_model = filtered (atlas_dataset_get_articles (dataset), self->news_filter);
  self->places_model = filtered (atlas_dataset_get_places (dataset), self->places_filter);

  set_up_list (self, self->news_list, self->news_model,
               G_CALLBACK (setup_article_row), G_CALLBACK (bind_article_row));
  set_up_list (self, self->places_list, self->places_model,
               G_CALLBACK (setup_place_row), G_CALLBACK (bind_place_row));

  g_signal_connect_object (self->news_model, "items-changed",
                           G_CALLBACK (on_articles_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->places_model, "items-changed",
                           G_CALLBACK (on_places_changed), self, G_CONNECT_SWAPPED);
  /* Every load sets the problems, and the status with them. */
  g_signal_connect_object (self->source, "notify::problems",
                           G_CALLBACK (on_status_changed), self, G_CONNECT_SWAPPED);

  atlas_map_view_set_dataset (self->map_view, dataset);

  on_articles_changed (self);
  on_places_changed (self);
  on_status_changed (self);
}

static void
on_geopark_activated (AtlasWindow  *self,
                      AtlasGeopark *geopark)
{
  atlas_map_view_fit_geopark (self->map_view, geopark, TRUE);
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

  g_settings_set_double (self->settings, "map-zoom",
                         CLAMP (shumate_viewport_get_zoom_level (viewport), 3, 18));
  g_settings_set_double (self->settings, "map-latitude",
                         CLAMP (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), -85, 85));
  g_settings_set_double (self->settings, "map-longitude",
                         CLAMP (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), -180, 180));
}

static void
save_window_state (AtlasWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  save_map_view (self);

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
  save_window_state (ATLAS_WINDOW (window));

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
on_leaflet_folded_changed (AtlasWindow *self)
{
  /* A narrow window opens on the map, the heart of the app; the sidebar is
   * one button away.
   */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
show_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
toggle_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->detail_flap, !adw_flap_get_reveal_flap (self->detail_flap));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  atlas_map_view_zoom_in (ATLAS_WINDOW (widget)->map_view);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  atlas_map_view_zoom_out (ATLAS_WINDOW (widget)->map_view);
}

static void
atlas_window_constructed (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  G_OBJECT_CLASS (atlas_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  g_assert (ATLAS_IS_DATASET_SOURCE (self->source));

  restore_window_state (self);
  set_up_dataset (self);
  restore_map_view (self);

  g_settings_bind (self->settings, "sidebar-page",
                   self->sidebar_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "tile-url",
                   self->map_view, "tile-url",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "basemap",
                   self->map_view, "basemap",
                   G_SETTINGS_BIND_GET);
  /* The layers menu's radio items. */
  {
    g_autoptr(GAction) basemap = g_settings_create_action (self->settings, "basemap");

    g_action_map_add_action (G_ACTION_MAP (self), basemap);
  }
  g_signal_connect_object (self->map_view, "geopark-activated",
                           G_CALLBACK (on_geopark_activated), self, G_CONNECT_SWAPPED);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->source);
  g_clear_object (&self->news_model);
  g_clear_object (&self->places_model);
  g_clear_object (&self->news_filter);
  g_clear_object (&self->places_filter);
  g_clear_pointer (&self->search_words, g_strfreev);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_MAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, error_problems_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, use_bundled_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, news_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, news_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, places_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, places_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, detail_flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, detail_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-map", NULL, show_map_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-details", NULL, toggle_details_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
}

static void
atlas_window_init (AtlasWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
