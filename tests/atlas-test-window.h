/* atlas-test-window.h: a main window for the widget tests, on the bundled
 * dataset, with settings in memory.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "atlas-presenter-private.h"
#include "atlas-sidebar-private.h"
#include "atlas-window-private.h"

/* Tests never reach outside this machine: tiles come from a closed port. */
#define OFFLINE_TILE_URL "http://127.0.0.1:9/{z}/{x}/{y}.png"

static inline GSettings *
new_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  GSettings *settings = g_settings_new_with_backend (APPLICATION_ID, backend);

  g_settings_set_string (settings, "tile-url", OFFLINE_TILE_URL);

  return settings;
}

static inline AtlasWindow *
show_window_with_source (GSettings          *settings,
                         AtlasDatasetSource *source)
{
  AtlasWindow *window = _atlas_window_new_with_settings (NULL, settings, source);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

/* The window as it starts: the bundled dataset. */
static inline AtlasWindow *
show_window (GSettings *settings)
{
  g_autoptr(AtlasDatasetSource) source = atlas_dataset_source_new ();

  return show_window_with_source (settings, source);
}

static inline void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline void
close_window (AtlasWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
}
