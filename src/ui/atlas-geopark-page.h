/* atlas-geopark-page.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-item-view.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_GEOPARK_PAGE (atlas_geopark_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasGeoparkPage, atlas_geopark_page, ATLAS, GEOPARK_PAGE, AtlasItemView)

GtkWidget *atlas_geopark_page_new (AtlasDataset *dataset);

G_END_DECLS
