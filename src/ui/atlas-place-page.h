/* atlas-place-page.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-item-view.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PLACE_PAGE (atlas_place_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPlacePage, atlas_place_page, ATLAS, PLACE_PAGE, AtlasItemView)

GtkWidget *atlas_place_page_new (AtlasDataset *dataset);

G_END_DECLS
