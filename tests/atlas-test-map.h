/* atlas-test-map.h: finding what the map shows, for the widget tests.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-map-view-private.h"
#include "atlas-pin.h"

/* The pin that stands for this place alone, or NULL when it has none (it
 * is in a group, or off the map).
 */
static inline AtlasPin *
atlas_test_pin_of_place (AtlasMapView *view,
                         const char   *id)
{
  g_autoptr(GList) pins = _atlas_map_view_get_pins (view);

  for (GList *l = pins; l != NULL; l = l->next)
    {
      AtlasPlace *place = atlas_pin_get_place (l->data);

      if (place != NULL && g_str_equal (atlas_place_get_id (place), id))
        return l->data;
    }

  return NULL;
}

static inline void
atlas_test_on_texture_read (GObject      *clipboard,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

/* What the clipboard holds as an image, read back as another app would
 * (waiting at most 10 s).
 */
static inline GdkTexture *
atlas_test_read_clipboard_texture (GdkClipboard *clipboard)
{
  GdkTexture *texture = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gdk_clipboard_read_texture_async (clipboard, NULL, atlas_test_on_texture_read, &texture);
  while (texture == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (texture);
  return texture;
}
