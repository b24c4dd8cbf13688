/* atlas-search-rank.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-search.h"

G_BEGIN_DECLS

/* How one folded field holds a query's words: the parts of the score that
 * atlas-search-index.h describes, for the search index to put together.
 */

/* A: how the words stand together */
typedef enum
{
  ATLAS_SEARCH_SPREAD = 1,
  ATLAS_SEARCH_IN_ONE_FIELD,
  ATLAS_SEARCH_PHRASE,
} AtlasSearchTogether;

/* B: how a word is found */
typedef enum
{
  ATLAS_SEARCH_INSIDE = 1,
  ATLAS_SEARCH_PREFIX,
  ATLAS_SEARCH_OTHER_MARKS,
  ATLAS_SEARCH_WHOLE,
} AtlasSearchHow;

/* C: where */
typedef enum
{
  ATLAS_SEARCH_IN_TEXT = 1,
  ATLAS_SEARCH_IN_LINKED_NAME,
  ATLAS_SEARCH_IN_NAME,
} AtlasSearchWhere;

#define ATLAS_SEARCH_SCORE(together, how, where, length) \
  (((guint) (together) << 28) | ((guint) (how) << 24) | ((guint) (where) << 20) | \
   (0xFFFF - MIN ((gsize) (length), 0xFFFF)))

/* What starts each field of a folded text; never in UTF-8. */
#define ATLAS_SEARCH_NAME_MARK 0xFE
#define ATLAS_SEARCH_TEXT_MARK 0xFF

/* The short syllables of a long text, hashed: a filter that says which
 * syllables of one or two letters it surely lacks. Those are what a first
 * letter or two typed would otherwise be looked for all through the text.
 */
typedef struct
{
  guint64 bits[4];
} AtlasSearchShortSyllables;

/* The letters and pairs of letters (bytes of the folded text) of an item's
 * names, hashed: a filter that says when the names surely lack a word, so
 * that they need not be scored before the item's other fields.
 */
typedef struct
{
  guint64 bits[8];
} AtlasSearchLetterPairs;

/* The syllables of an item's names, hashed: a filter that says which words
 * are surely not a whole syllable there, so that a field need not be
 * looked through for one.
 */
typedef struct
{
  guint64 bits[4];
} AtlasSearchSyllables;

/* A query, as fields are scored against it. */
typedef struct
{
  const char * const  *words;
  gsize               *lengths;
  const char         **accented;   /* by word, NULL for a word typed without marks */
  guint                n_words;
  gboolean             typing;
  gboolean             any_accented;
  char                *phrase;       /* the words, one space between */
  gsize                phrase_length;

  /* For atlas_search_rank_text_bound(): by word, its bit among the short
   * syllables (G_MAXUINT when it needs none) and its B when it is not a
   * syllable of the text; the bound whatever the text.
   */
  guint               *short_bits;

  /* By word, its bit among the syllables of names (G_MAXUINT when it holds
   * what is not part of a syllable).
   */
  guint               *syllable_bits;

  /* By word, the bits of its letter pairs, for
   * atlas_search_rank_may_hold() and atlas_search_rank_may_hold_all().
   */
  AtlasSearchLetterPairs *letter_pairs;

  guint8              *not_syllable_how;
  guint8               text_bound;
} AtlasSearchRank;

void     atlas_search_rank_init            (AtlasSearchRank                 *self,
                                            const AtlasSearchQuery          *query);
void     atlas_search_rank_clear           (AtlasSearchRank                 *self);
guint    atlas_search_rank_field           (const AtlasSearchRank           *self,
                                            const char                      *start,
                                            const char                      *end,
                                            AtlasSearchWhere                 where,
                                            const char                      *accented,
                                            const AtlasSearchSyllables      *syllables,
                                            guint                            floor,
                                            guint8                          *how);
gboolean atlas_search_rank_holds_phrase    (const AtlasSearchRank           *self,
                                            const char                      *start,
                                            const char                      *end);
guint8   atlas_search_rank_phrase          (const AtlasSearchRank           *self,
                                            const char                      *start,
                                            const char                     **found);
guint    atlas_search_rank_text_bound      (const AtlasSearchRank           *self,
                                            const AtlasSearchShortSyllables *short_syllables);
void     atlas_search_short_syllables_add  (AtlasSearchShortSyllables       *self,
                                            const char                      *start,
                                            const char                      *end);
void     atlas_search_syllables_add        (AtlasSearchSyllables            *self,
                                            const char                      *start,
                                            const char                      *end);
void     atlas_search_letter_pairs_add     (AtlasSearchLetterPairs          *self,
                                            const char                      *start,
                                            const char                      *end);
gboolean atlas_search_rank_may_hold        (const AtlasSearchRank           *self,
                                            guint                            w,
                                            const AtlasSearchLetterPairs    *letter_pairs);
gboolean atlas_search_rank_may_hold_all    (const AtlasSearchRank           *self,
                                            const AtlasSearchLetterPairs    *letter_pairs);

G_END_DECLS
