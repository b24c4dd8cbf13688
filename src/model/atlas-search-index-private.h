/* atlas-search-index-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-search-index.h"

G_BEGIN_DECLS

/* For the tests */
guint _atlas_search_index_get_n_items (AtlasSearchIndex *self);
gsize _atlas_search_index_get_size    (AtlasSearchIndex *self);
guint _atlas_search_matches_count     (const AtlasSearchMatches *self);

G_END_DECLS
