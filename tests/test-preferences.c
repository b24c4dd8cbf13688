/* test-preferences.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "atlas-preferences-dialog.h"
#include "atlas-test-gtk.h"

/* The first widget of this type in the dialog, depth first. */
static gpointer
find_by_type (GtkWidget *widget,
              GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_by_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* Only a valid tile address is saved; a wrong one is marked and explained. */
static void
test_tile_url_validated (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  AtlasPreferencesDialog *dialog = atlas_preferences_dialog_new (settings);
  g_autofree char *saved = NULL;
  AdwEntryRow *row;

  gtk_window_present (GTK_WINDOW (dialog));
  row = find_by_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "https://tile.openstreetmap.org/{z}/{x}/{y}.png");

  gtk_editable_set_text (GTK_EDITABLE (row), "http://tiles.example.vn/{z}/{x}/{y}.png");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  saved = g_settings_get_string (settings, "tile-url");
  g_assert_cmpstr (saved, ==, "https://tile.openstreetmap.org/{z}/{x}/{y}.png");

  gtk_editable_set_text (GTK_EDITABLE (row), "https://tiles.example.vn/{z}/{x}/{y}.png");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_signal_emit_by_name (row, "apply");
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (settings, "tile-url");
  g_assert_cmpstr (saved, ==, "https://tiles.example.vn/{z}/{x}/{y}.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The language (the first choice of the page) and the presentation's
 * auto-advance are saved as they are chosen.
 */
static void
test_language_and_auto_advance (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  AtlasPreferencesDialog *dialog = atlas_preferences_dialog_new (settings);
  g_autofree char *language = NULL;
  AdwComboRow *language_row;
  GtkSpinButton *spin;

  gtk_window_present (GTK_WINDOW (dialog));
  language_row = find_by_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 0);
  adw_combo_row_set_selected (language_row, 2);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "en");

  spin = find_by_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 0);
  gtk_spin_button_set_value (spin, 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "present-auto-advance"), ==, 30);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_gtk (&argc, &argv);

  g_test_add_func ("/preferences/tile-url-validated", test_tile_url_validated);
  g_test_add_func ("/preferences/language-and-auto-advance", test_language_and_auto_advance);

  return g_test_run ();
}
