/* atlas-dataset-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-dataset.h"
#include "atlas-search-index.h"

G_BEGIN_DECLS

AtlasDataset     *_atlas_dataset_new_take          (GPtrArray    *geoparks,
                                                   GPtrArray    *places,
                                                   GPtrArray    *articles,
                                                   gboolean      in_thread);
AtlasSearchIndex *_atlas_dataset_get_search_index (AtlasDataset *self);

G_END_DECLS
