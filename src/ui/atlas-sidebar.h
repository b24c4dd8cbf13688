/* atlas-sidebar.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-browse-filter.h"
#include "atlas-dataset.h"
#include "atlas-history.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SIDEBAR (atlas_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSidebar, atlas_sidebar, ATLAS, SIDEBAR, AdwBin)

void        atlas_sidebar_set_up           (AtlasSidebar      *self,
                                            AtlasDataset      *dataset,
                                            AtlasBrowseFilter *filter,
                                            AtlasHistory      *history);
const char *atlas_sidebar_get_page         (AtlasSidebar      *self);
void        atlas_sidebar_set_page         (AtlasSidebar      *self,
                                            const char        *page);
void        atlas_sidebar_set_folded       (AtlasSidebar      *self,
                                            gboolean           folded);
void        atlas_sidebar_focus_search     (AtlasSidebar      *self);
void        atlas_sidebar_scroll_to        (AtlasSidebar      *self,
                                            gpointer           item);
GStrv       atlas_sidebar_dup_visible_ids  (AtlasSidebar      *self);
GListModel *atlas_sidebar_get_places       (AtlasSidebar      *self);

G_END_DECLS
