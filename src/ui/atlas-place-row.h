/* atlas-place-row.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-place.h"
#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PLACE_ROW (atlas_place_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPlaceRow, atlas_place_row, ATLAS, PLACE_ROW, GtkWidget)

GtkWidget  *atlas_place_row_new      (AtlasDataset  *dataset);
AtlasPlace *atlas_place_row_get_item (AtlasPlaceRow *self);
void        atlas_place_row_set_item (AtlasPlaceRow *self,
                                      AtlasPlace    *item);

G_END_DECLS
