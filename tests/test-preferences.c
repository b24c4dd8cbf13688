/* test-preferences.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "atlas-preferences-dialog.h"

static AdwEntryRow *
find_entry_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found;

      if (ADW_IS_ENTRY_ROW (child))
        return ADW_ENTRY_ROW (child);
      if ((found = find_entry_row (child)) != NULL)
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
  row = find_entry_row (GTK_WIDGET (dialog));
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/preferences/tile-url-validated", test_tile_url_validated);

  return g_test_run ();
}
