/* atlas-application.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-application"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-dataset-loader.h"
#include "atlas-i18n.h"
#include "atlas-offline-map.h"
#include "atlas-preferences-dialog.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication  parent_instance;

  GSettings          *settings;
  gboolean            present;   /* --present: once the window is there */
  AtlasDatasetSource *source;

  /* --dataset FOLDER: shown this time, not remembered */
  GFile              *command_line_folder;
  /* --map-package FILE: opened once the window is there, and remembered */
  GFile              *command_line_package;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { "present", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start presenting the news or places listed when the app was last closed"), NULL },
  { "dataset", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Show the dataset in this folder instead of the bundled one"), N_("FOLDER") },
  { "map-package", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Show this map package (an MBTiles file) as the base map from now on"), N_("FILE") },
  { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check the dataset in this folder, print every problem and quit"), N_("FOLDER") },
  { "export-dataset", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the bundled dataset and its schemas into this folder and quit"), N_("FOLDER") },
  { NULL }
};

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

GSettings *
atlas_application_get_settings (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  return self->settings;
}

AtlasDatasetSource *
atlas_application_get_source (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  return self->source;
}

static void
update_color_scheme (AtlasApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint scheme = g_settings_get_enum (self->settings, "color-scheme");

  g_assert (ATLAS_IS_APPLICATION (self));
  g_assert (scheme < G_N_ELEMENTS (schemes));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[scheme]);
}

/* A new language: every window is built again in it, in place of the old
 * one, keeping what it showed. Preferences open (where the choice may have
 * been made) open again over the new window.
 */
static void
update_language (AtlasApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  g_autoptr(GList) windows = NULL;
  gboolean had_preferences = FALSE;
  GtkWindow *replacement = NULL;

  g_assert (ATLAS_IS_APPLICATION (self));

  atlas_i18n_set_language (language);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;

      if (ATLAS_IS_PREFERENCES_DIALOG (window))
        {
          had_preferences = TRUE;
          gtk_window_destroy (window);
        }
    }
  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;
      AtlasWindow *old;

      if (!ATLAS_IS_WINDOW (window))
        continue;

      old = ATLAS_WINDOW (window);
      replacement = GTK_WINDOW (atlas_window_new_replacing (old));
      gtk_window_present (replacement);
      gtk_window_destroy (window);
    }

  if (had_preferences && replacement != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), "preferences", NULL);
}

static void
atlas_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  g_assert (ATLAS_IS_APPLICATION (self));

  /* Close the windows rather than quitting outright, so that each one saves
   * its state on the way out.
   */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
atlas_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AtlasApplication *self = user_data;
  static const char *developers[] = { "The Geopark Atlas developers", NULL };
  static const char *map_data[] = {
    "OpenStreetMap contributors https://www.openstreetmap.org/copyright",
    "Natural Earth https://www.naturalearthdata.com",
    "GSHHG https://www.soest.hawaii.edu/pwessel/gshhg/",
    NULL
  };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  g_assert (ATLAS_IS_APPLICATION (self));

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  adw_about_window_set_application_name (about, _("Geopark Atlas"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Geopark Atlas developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_copyright (about, "© 2026 The Geopark Atlas developers");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, PACKAGE_URL);
  adw_about_window_set_issue_url (about, PACKAGE_BUGREPORT);
  /* Translators: Replace this with your name, one translator per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_set_comments (about,
                                 _("Vietnam’s UNESCO Global Geoparks, their geosites "
                                   "and the news about them, on a map."));
  adw_about_window_add_credit_section (about, _("Map Data"), map_data);
  adw_about_window_add_legal_section (about,
                                      _("OpenStreetMap"),
                                      "© OpenStreetMap contributors",
                                      GTK_LICENSE_CUSTOM,
                                      _("Map tiles and map data are available under the "
                                        "Open Database License (ODbL)."));
  adw_about_window_add_legal_section (about,
                                      _("Natural Earth"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Borders and provinces of the offline map come from "
                                        "Natural Earth, which is in the public domain."));
  adw_about_window_add_legal_section (about,
                                      "GSHHG",
                                      "© The GMT Team",
                                      GTK_LICENSE_LGPL_3_0,
                                      _("Land beyond Vietnam and its neighbours, rivers and "
                                        "lakes of the offline map come from GSHHG (its "
                                        "shorelines and WDBII rivers), version 2.3.7."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
atlas_application_preferences_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AtlasPreferencesDialog *dialog;

  g_assert (ATLAS_IS_APPLICATION (self));

  dialog = atlas_preferences_dialog_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), window);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_folder_chosen (GtkNativeDialog  *chooser,
                  int               response,
                  AtlasApplication *self)
{
  g_autoptr(GFile) folder = NULL;

  g_assert (ATLAS_IS_APPLICATION (self));

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (folder != NULL)
    {
      g_autofree char *path = g_file_get_path (folder);

      atlas_dataset_source_set_folder (self->source, folder);
      g_settings_set_string (self->settings, "dataset-folder", path != NULL ? path : "");
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
atlas_application_open_dataset_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;

  g_assert (ATLAS_IS_APPLICATION (self));

  chooser = gtk_file_chooser_native_new (_("Open Dataset"), window,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
atlas_application_use_bundled_dataset_action (GSimpleAction *action,
                                              GVariant      *parameter,
                                              gpointer       user_data)
{
  AtlasApplication *self = user_data;

  g_assert (ATLAS_IS_APPLICATION (self));

  atlas_dataset_source_set_folder (self->source, NULL);
  g_settings_set_string (self->settings, "dataset-folder", "");
}

static const GActionEntry app_actions[] = {
  { "quit", atlas_application_quit_action },
  { "about", atlas_application_about_action },
  { "preferences", atlas_application_preferences_action },
  { "open-dataset", atlas_application_open_dataset_action },
  { "use-bundled-dataset", atlas_application_use_bundled_dataset_action },
};

/* Every accelerator of the application, in one place. */
static void
atlas_application_set_accels (AtlasApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.open-dataset", { "<Control>o", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.go-back", { "<Alt>Left", "Back", NULL } },
    { "win.go-forward", { "<Alt>Right", "Forward", NULL } },
    { "win.toggle-details", { "F9", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.export-map-image", { "<Control><Shift>s", NULL } },
    { "win.copy-map-image", { "<Control><Shift>c", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);
}

static void
atlas_application_startup (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);

  self->settings = g_settings_new (APPLICATION_ID);
  /* The language chosen in the app, over the session's: before any thread
   * starts (PLATFORM.md §5), and before GTK reads it.
   */
  {
    g_autofree char *language = g_settings_get_string (self->settings, "language");

    if (!g_str_equal (language, "system"))
      atlas_i18n_set_language (language);
  }

  /* The window needs the base map's shapes and the bundled dataset: make
   * them on the other core while GTK starts.
   */
  atlas_offline_map_preload (atlas_i18n_get_content_language ());
  atlas_dataset_preload_bundled ();

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  g_set_application_name (_("Geopark Atlas"));

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (update_color_scheme), self, G_CONNECT_SWAPPED);
  update_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (update_language), self, G_CONNECT_SWAPPED);

  /* The bundled dataset, unless this run or the settings name a folder. */
  self->source = atlas_dataset_source_new ();
  if (self->command_line_folder != NULL)
    atlas_dataset_source_set_folder (self->source, self->command_line_folder);
  else
    {
      g_autofree char *path = g_settings_get_string (self->settings, "dataset-folder");

      if (*path != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_path (path);

          atlas_dataset_source_set_folder (self->source, folder);
        }
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  /* The primary menu's language choice, as radio items. */
  {
    g_autoptr(GAction) language = g_settings_create_action (self->settings, "language");

    g_action_map_add_action (G_ACTION_MAP (self), language);
  }
  atlas_application_set_accels (self);
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (atlas_window_new (self));

  gtk_window_present (window);
  if (self->present)
    {
      self->present = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
    }
  if (self->command_line_package != NULL && ATLAS_IS_WINDOW (window))
    {
      atlas_window_open_map_package (ATLAS_WINDOW (window), self->command_line_package);
      g_clear_object (&self->command_line_package);
    }
}

/* geopark-atlas --validate DIR: every problem on a line of its own, so that
 * staff can check a dataset before they share it.
 */
static int
validate_folder (const char *path)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (path);
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_directory (folder, problems);

  if (dataset == NULL)
    {
      g_autoptr(GError) summary = atlas_dataset_summarize (problems, path);

      for (guint i = 0; i < problems->len; i++)
        g_print ("%s\n", ((GError *) g_ptr_array_index (problems, i))->message);
      g_printerr ("%s\n", summary->message);
      return 1;
    }

  g_print (_("No problems found (geoparks: %u, places: %u, news items: %u)\n"),
           g_list_model_get_n_items (atlas_dataset_get_geoparks (dataset)),
           g_list_model_get_n_items (atlas_dataset_get_places (dataset)),
           g_list_model_get_n_items (atlas_dataset_get_articles (dataset)));
  return 0;
}

static int
export_dataset (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!atlas_dataset_export_bundled (folder, &error))
    {
      g_printerr (_("Cannot export the dataset to %s: %s\n"), path, error->message);
      return 1;
    }

  return 0;
}

static int
atlas_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  const char *path;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "validate", "^&ay", &path))
    return validate_folder (path);

  if (g_variant_dict_lookup (options, "export-dataset", "^&ay", &path))
    return export_dataset (path);

  if (g_variant_dict_contains (options, "present"))
    ATLAS_APPLICATION (application)->present = TRUE;

  if (g_variant_dict_lookup (options, "dataset", "^&ay", &path))
    {
      AtlasApplication *self = ATLAS_APPLICATION (application);

      g_clear_object (&self->command_line_folder);
      self->command_line_folder = g_file_new_for_commandline_arg (path);
    }

  if (g_variant_dict_lookup (options, "map-package", "^&ay", &path))
    {
      AtlasApplication *self = ATLAS_APPLICATION (application);

      g_clear_object (&self->command_line_package);
      self->command_line_package = g_file_new_for_commandline_arg (path);
    }

  return -1;
}

static void
atlas_application_dispose (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->source);
  g_clear_object (&self->command_line_folder);
  g_clear_object (&self->command_line_package);
  atlas_offline_map_drop_preload ();

  G_OBJECT_CLASS (atlas_application_parent_class)->dispose (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = atlas_application_dispose;

  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
  app_class->handle_local_options = atlas_application_handle_local_options;
}

static void
atlas_application_init (AtlasApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}
