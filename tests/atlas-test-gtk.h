/* atlas-test-gtk.h: starting GTK and libadwaita in a widget test.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <adwaita.h>
#include <gtk/gtk.h>

/* GTK 4.24's X11 backend reports a frame as submitted twice on an X server
 * without a compositor, such as Xvfb, whatever the window does: that one
 * warning says nothing about our code. Every other message goes on to
 * GLib's writer, where warnings and criticals stay fatal.
 */
static inline GLogWriterOutput
atlas_test_log_writer (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
      strstr (message, "gdk_frame_timings_submitted() called on submitted frame") != NULL)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* gtk_test_init() and adw_init(), for a test of widgets in real windows. */
static inline void
atlas_test_init_gtk (int    *argc,
                     char ***argv)
{
  g_log_set_writer_func (atlas_test_log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}
