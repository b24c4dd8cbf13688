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
