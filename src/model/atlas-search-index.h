/* atlas-search-index.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-search.h"

G_BEGIN_DECLS

typedef struct _AtlasSearchIndex   AtlasSearchIndex;
typedef struct _AtlasSearchMatches AtlasSearchMatches;

AtlasSearchIndex   *atlas_search_index_new            (void);
AtlasSearchIndex   *atlas_search_index_ref            (AtlasSearchIndex         *self);
void                atlas_search_index_unref          (AtlasSearchIndex         *self);
guint               atlas_search_index_add_name       (AtlasSearchIndex         *self,
                                                       const char * const       *names);
guint               atlas_search_index_add_item       (AtlasSearchIndex         *self,
                                                       gconstpointer             owner,
                                                       const char * const       *names,
                                                       const char * const       *texts,
                                                       const guint              *links,
                                                       guint                     n_links);
void                atlas_search_index_seal           (AtlasSearchIndex         *self);
AtlasSearchMatches *atlas_search_index_find           (AtlasSearchIndex         *self,
                                                       const AtlasSearchQuery   *query,
                                                       const AtlasSearchMatches *narrowing);

void                atlas_search_matches_free         (AtlasSearchMatches       *self);
AtlasSearchIndex   *atlas_search_matches_get_index    (const AtlasSearchMatches *self);
gboolean            atlas_search_matches_contains     (const AtlasSearchMatches *self,
                                                       guint                     item,
                                                       gconstpointer             owner);
guint               atlas_search_matches_get_score    (const AtlasSearchMatches *self,
                                                       guint                     item,
                                                       gconstpointer             owner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSearchIndex, atlas_search_index_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSearchMatches, atlas_search_matches_free)

G_END_DECLS
