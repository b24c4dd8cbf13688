/* first-frame-exit.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "first-frame-exit"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <gtk/gtk.h>

/* An LD_PRELOAD module for counting what a GTK program does before its
 * first frame: the first window presented ends the process once its frame
 * clock has painted, so that `valgrind --tool=callgrind` (which counts up
 * to the exit) measures start-up and nothing after. Used for Geopark Atlas
 * and for tests/bench/minimal-map alike; see docs/PERFORMANCE.md.
 */

static gboolean presented;

G_GNUC_NORETURN static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  fflush (stdout);
  exit (0);
}

static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *window);

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");

  if (!presented)
    {
      presented = TRUE;
      if (gtk_widget_get_realized (GTK_WIDGET (window)))
        on_realize (GTK_WIDGET (window), NULL);
      else
        g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
    }

  real_present (window);
}
