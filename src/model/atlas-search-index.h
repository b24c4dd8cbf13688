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

/* The items of a dataset (news, places, geoparks) with their fields folded,
 * matched against a query's words, and ranked.
 *
 * Matching: every word is somewhere in the item's fields (its own names or
 * titles, its summaries, descriptions or bodies, the names of the places
 * and geoparks it links to), inside longer words too.
 *
 * Ranking: atlas_search_matches_get_score(), higher first, 0 for an item
 * that does not match, is a key of four parts compared in this order:
 *
 *   A (bits 28–29) how the words stand together: 3 as a phrase, the words
 *     in order, one space apart (or any run of spaces and line breaks), in
 *     one field (one word is a phrase); 2 all in one field, scattered; 1
 *     spread over fields.
 *   B (bits 24–26) how the words are found, the worst word counting, or
 *     the phrase's: 4 a whole syllable, with exactly the accents typed when
 *     the word was typed with accents ("đồng" in "Đồng", not in "Động"),
 *     case aside; 3 a whole syllable with other accents; 2 the start of a
 *     syllable, for the last word while it is being typed (the query does
 *     not end in a space or punctuation); 1 inside a longer word, or its
 *     start once the word is complete.
 *   C (bits 20–21) where: 3 the item's own names and titles; 2 the names of
 *     the places and geoparks it links to; 1 its summaries, descriptions
 *     and bodies.
 *   D (bits 0–15) for the same match, the shorter field first: 0xFFFF less
 *     the field's folded length.
 *
 * An item scores the best of its fields; one whose words are in no one
 * field scores A = 1 with B and C the lowest of each word's best, D 0.
 * Syllables are runs of letters and digits, as atlas_search_tokenize() has
 * them. Two approximations, for speed: the index keeps the accents of names
 * and titles only, so a whole syllable of a long text counts as "other
 * accents" for a word typed with accents; and among an item's long texts D
 * is that of the first one with the best phrase.
 *
 * The index is the only thing that knows how items are stored and scored:
 * a query and a position in, whether it matches and its score out.
 */

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
const guint        *atlas_search_matches_get_scores   (const AtlasSearchMatches *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSearchIndex, atlas_search_index_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSearchMatches, atlas_search_matches_free)

G_END_DECLS
