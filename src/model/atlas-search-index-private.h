/* atlas-search-index-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-search-index.h"

G_BEGIN_DECLS

/* What atlas-search-index.c (the texts, matching) and atlas-search-score.c
 * (ranking) share of the index.
 */

/* Folded texts, each field after its mark, NUL-terminated, by id; and the
 * names among the fields (not the long texts) in lower case with their
 * marks, composed, for the ranking.
 */
typedef struct
{
  GString *folded;
  GArray  *starts;          /* gsize, one per text */
  GArray  *field_offsets;   /* guint32 from the text's start, each field's mark */
  GArray  *field_starts;    /* guint into field_offsets, one more than the texts */
  GString *accented;
  GArray  *accented_starts; /* gsize, one per text */
  GArray  *short_syllables; /* AtlasSearchShortSyllables of the long texts, one per text */
  GArray  *letter_pairs;    /* AtlasSearchLetterPairs of the names, one per text */
  GArray  *syllables;       /* AtlasSearchSyllables of the names, one per text */
} AtlasSearchTexts;

struct _AtlasSearchIndex
{
  gatomicrefcount  ref_count;
  gboolean         sealed;

  /* Owned references */
  AtlasSearchTexts names;       /* by name id */
  AtlasSearchTexts items;       /* by item position */
  GArray          *link_starts; /* guint, one more than the items */
  GArray          *links;       /* guint name ids */

  /* Borrowed references */
  GPtrArray       *owners;      /* what each item stands for */
};

struct _AtlasSearchMatches
{
  AtlasSearchIndex *index;
  char            **words;
  guint64          *bits;        /* one per item, by position */
  guint            *scores;      /* by position, 0 where nothing matched */
  char             *phrase;      /* the words, one space between */
  guint64          *no_phrase;   /* by position: the long texts were looked at, without it */
  guint             count;
};

#define BLOCK_BITS 64
#define N_BLOCKS(n) (((n) + BLOCK_BITS - 1) / BLOCK_BITS)

/* Fewer items than this are looked at in the calling thread alone: starting
 * a thread would cost more than it saves.
 */
#define ATLAS_SEARCH_IN_TWO_FROM 2048

static inline const char *
_atlas_search_texts_get (AtlasSearchTexts *texts,
                         guint             id)
{
  return texts->folded->str + g_array_index (texts->starts, gsize, id);
}

guint _atlas_search_middle_block (const guint64            *bits,
                                  guint                     count,
                                  guint                     n_blocks);
void  _atlas_search_index_score  (AtlasSearchIndex         *self,
                                  const AtlasSearchQuery   *query,
                                  AtlasSearchMatches       *matches,
                                  const AtlasSearchMatches *narrowing);

/* For the tests */
guint _atlas_search_index_get_n_items (AtlasSearchIndex *self);
gsize _atlas_search_index_get_size    (AtlasSearchIndex *self);
guint _atlas_search_matches_count     (const AtlasSearchMatches *self);

G_END_DECLS
