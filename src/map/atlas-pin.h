/* atlas-pin.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-place.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PIN (atlas_pin_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPin, atlas_pin, ATLAS, PIN, ShumateMarker)

void        atlas_pin_set_places        (AtlasPin          *self,
                                         AtlasPlace *const *places,
                                         guint              n_places);
AtlasPlace *atlas_pin_get_place         (AtlasPin   *self);
GPtrArray  *atlas_pin_get_places        (AtlasPin   *self);
gboolean    atlas_pin_is_group          (AtlasPin   *self);
void        atlas_pin_set_highlighted   (AtlasPin   *self,
                                         gboolean    highlighted);
gboolean    atlas_pin_get_highlighted   (AtlasPin   *self);
void        atlas_pin_set_n_matches     (AtlasPin   *self,
                                         int         n_matches);
int         atlas_pin_get_n_matches     (AtlasPin   *self);
void        atlas_pin_set_vector        (AtlasPin   *self,
                                         gboolean    vector);
const char *atlas_place_kind_get_icon_name (AtlasPlaceKind kind);

G_END_DECLS
