/* atlas-search.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where atlas_search_highlight puts what the search found. */
#define ATLAS_SEARCH_HIGHLIGHT_OPEN  "<span background=\"#f6d32d\" bgalpha=\"40%\">"
#define ATLAS_SEARCH_HIGHLIGHT_CLOSE "</span>"

typedef struct _AtlasSearchQuery AtlasSearchQuery;

char      *atlas_search_fold              (const char         *text);
void       atlas_search_fold_append_valid (GString            *folded,
                                           const char         *text);
void       atlas_search_fold_append_char  (GString            *folded,
                                           gunichar            c);
char     **atlas_search_parse             (const char         *query);

AtlasSearchQuery   *atlas_search_query_new          (const char             *text);
void                atlas_search_query_free         (AtlasSearchQuery       *self);
const char * const *atlas_search_query_get_words    (const AtlasSearchQuery *self);
const char         *atlas_search_query_get_accented (const AtlasSearchQuery *self,
                                                     guint                   word);
gboolean            atlas_search_query_get_typing   (const AtlasSearchQuery *self);

char      *atlas_search_highlight         (const char         *text,
                                           const char * const *folded_words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSearchQuery, atlas_search_query_free)

G_END_DECLS
