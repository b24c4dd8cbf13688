/* atlas-place-row.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-item-row.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PLACE_ROW (atlas_place_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPlaceRow, atlas_place_row, ATLAS, PLACE_ROW, AtlasItemRow)

GtkWidget *atlas_place_row_new (AtlasDataset      *dataset,
                                AtlasBrowseFilter *filter,
                                AtlasHistory      *history);

G_END_DECLS
