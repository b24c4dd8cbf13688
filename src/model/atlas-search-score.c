/* atlas-search-score.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-search-score"

#include "config.h"

#include <string.h>

#include "atlas-search-index-private.h"
#include "atlas-search-rank.h"

/* The matches of a search ranked, once per keystroke, as
 * atlas-search-index.h says; the fields' parts come from
 * atlas-search-rank.c, the matches from atlas-search-index.c.
 *
 * An item's names are scored first, then the names it links to (each
 * scored once per find), and its long texts only when they could score
 * higher: their phrase is looked for in all of them with one scan, and each
 * word on its own only when the names found no phrase. Names that a filter
 * of their letters says lack a word are scored last, and only for an item
 * that no one field matches; texts that lacked the phrase of the search
 * before, part of this one's, are not searched for it again.
 */

/* What a name or an item holds of the words. */
typedef struct
{
  guint   score;  /* the best of its fields holding every word; 0 if none */
  guint8 *how;    /* by word: its best B, 0 where it is not found */
  guint8 *where;  /* by word: its best C */
} Found;

/* Takes into found what a field, or a name, holds. */
static void
found_merge (Found                 *found,
             const AtlasSearchRank *rank,
             guint                  score,
             const guint8          *how,
             const guint8          *where,
             guint8                 field_where)
{
  found->score = MAX (found->score, score);
  for (guint w = 0; w < rank->n_words; w++)
    {
      if (how[w] == 0)
        continue;
      found->how[w] = MAX (found->how[w], how[w]);
      found->where[w] = MAX (found->where[w], where != NULL ? where[w] : field_where);
    }
}

static const char *
field_end (AtlasSearchTexts *texts,
           guint             id,
           guint             field)
{
  if (field + 1 < g_array_index (texts->field_starts, guint, id + 1))
    return _atlas_search_texts_get (texts, id) +
           g_array_index (texts->field_offsets, guint32, field + 1);
  if (id + 1 < texts->starts->len)
    return _atlas_search_texts_get (texts, id + 1) - 1;

  return texts->folded->str + texts->folded->len - 1;
}

/* Scores the fields of the text id, from its field first on, while they
 * have the mark, into found; returns the field it stopped at. Field how is
 * room for a B by word, the caller's own: threads that score at the same
 * time must not share it.
 */
static guint
score_fields (AtlasSearchTexts      *texts,
              guint                  id,
              guint                  first,
              guint8                 mark,
              AtlasSearchWhere       where,
              const AtlasSearchRank *rank,
              Found                 *found,
              guint8                *field_how)
{
  const char *text = _atlas_search_texts_get (texts, id);
  const char *accented = NULL;
  const AtlasSearchSyllables *syllables = NULL;
  guint last = g_array_index (texts->field_starts, guint, id + 1);
  guint f;

  if (mark == ATLAS_SEARCH_NAME_MARK)
    {
      accented = texts->accented->str + g_array_index (texts->accented_starts, gsize, id);
      syllables = &g_array_index (texts->syllables, AtlasSearchSyllables, id);
    }

  for (f = first; f < last; f++)
    {
      const char *start = text + g_array_index (texts->field_offsets, guint32, f);
      guint score;

      if ((guchar) *start != mark)
        break;

      score = atlas_search_rank_field (rank, start + 1, field_end (texts, id, f), where,
                                       accented, syllables, found->score, field_how);
      found_merge (found, rank, score, field_how, NULL, where);
    }

  return f;
}

/* What each name holds of the words, once for all the items linked to it;
 * free with free_names().
 */
static Found *
score_names (AtlasSearchIndex      *self,
             const AtlasSearchRank *rank)
{
  guint n_names = self->names.starts->len;
  Found *names = g_new0 (Found, n_names + 1);
  g_autofree guint8 *field_how = g_new0 (guint8, rank->n_words + 1);

  /* The one after the last holds the arrays of all. */
  names[n_names].how = g_new0 (guint8, (gsize) n_names * rank->n_words + 1);
  names[n_names].where = g_new0 (guint8, (gsize) n_names * rank->n_words + 1);
  for (guint i = 0; i < n_names; i++)
    {
      const char *text = _atlas_search_texts_get (&self->names, i);
      gboolean any = FALSE;

      names[i].how = names[n_names].how + (gsize) i * rank->n_words;
      names[i].where = names[n_names].where + (gsize) i * rank->n_words;

      /* Most names hold none of the words; most of those surely lack them. */
      for (guint w = 0; !any && w < rank->n_words; w++)
        any = atlas_search_rank_may_hold (rank, w,
                                          &g_array_index (self->names.letter_pairs,
                                                          AtlasSearchLetterPairs, i)) &&
              strstr (text, rank->words[w]) != NULL;
      if (any)
        score_fields (&self->names, i, g_array_index (self->names.field_starts, guint, i),
                      ATLAS_SEARCH_NAME_MARK, ATLAS_SEARCH_IN_LINKED_NAME, rank, &names[i],
                      field_how);
    }

  return names;
}

static void
free_names (Found *names,
            guint  n_names)
{
  g_free (names[n_names].how);
  g_free (names[n_names].where);
  g_free (names);
}

/* What a keystroke's scoring has for all items. */
typedef struct
{
  AtlasSearchRank  rank;
  Found           *names;
  guint64         *no_phrase;      /* by position, set where the texts lack the phrase */
  const guint64   *had_no_phrase;  /* the same of the search before, or NULL */
} Scoring;

static inline gboolean
test_bit (const guint64 *bits,
          guint          item)
{
  return (bits[item / BLOCK_BITS] >> (item % BLOCK_BITS)) & 1;
}

/* Scores the item's long texts, from its field first on, into found. The
 * phrase is looked for in all of them at once, unless the texts lacked the
 * search's phrase before, which this one's holds (letters typed on); only
 * without one, and when the words in one text could score above what was
 * found, is each text looked at word by word.
 */
static void
score_long_texts (AtlasSearchIndex *self,
                  Scoring          *scoring,
                  guint             item,
                  guint             first,
                  Found            *found,
                  guint8           *field_how)
{
  const AtlasSearchRank *rank = &scoring->rank;
  AtlasSearchTexts *texts = &self->items;
  const char *text = _atlas_search_texts_get (texts, item);
  guint last = g_array_index (texts->field_starts, guint, item + 1);
  const char *where;
  guint8 how;

  if (first == last)
    return;

  if (scoring->had_no_phrase != NULL && test_bit (scoring->had_no_phrase, item))
    how = 0;
  else
    how = atlas_search_rank_phrase (rank,
                                    text + g_array_index (texts->field_offsets, guint32, first),
                                    &where);
  if (how != 0)
    {
      guint f = first;
      const char *field;

      while (f + 1 < last && text + g_array_index (texts->field_offsets, guint32, f + 1) < where)
        f++;
      field = text + g_array_index (texts->field_offsets, guint32, f) + 1;
      memset (field_how, how, rank->n_words);
      found_merge (found, rank,
                   ATLAS_SEARCH_SCORE (ATLAS_SEARCH_PHRASE, how, ATLAS_SEARCH_IN_TEXT,
                                       field_end (texts, item, f) - field),
                   field_how, NULL, ATLAS_SEARCH_IN_TEXT);
      return;
    }

  scoring->no_phrase[item / BLOCK_BITS] |= G_GUINT64_CONSTANT (1) << (item % BLOCK_BITS);
  if (rank->n_words == 1 ||
      (found->score != 0 &&
       found->score >= ATLAS_SEARCH_SCORE (ATLAS_SEARCH_IN_ONE_FIELD, ATLAS_SEARCH_WHOLE,
                                           ATLAS_SEARCH_IN_TEXT, 0)))
    return;

  score_fields (texts, item, first, ATLAS_SEARCH_TEXT_MARK, ATLAS_SEARCH_IN_TEXT, rank, found,
                field_how);
}

/* The item's score: its names first, then the names it links to, then its
 * long texts, but only when they could score higher. How, where and field
 * how are the caller's room for a byte by word.
 */
static guint
score_item (AtlasSearchIndex *self,
            Scoring          *scoring,
            guint             item,
            guint8           *how,
            guint8           *where,
            guint8           *field_how)
{
  const AtlasSearchRank *rank = &scoring->rank;
  const Found *names = scoring->names;
  Found found = { 0, how, where };
  guint first = g_array_index (self->items.field_starts, guint, item);
  guint last = g_array_index (self->items.field_starts, guint, item + 1);
  guint first_text = first;
  const char *text, *names_end;
  guint link = g_array_index (self->link_starts, guint, item);
  guint last_link = g_array_index (self->link_starts, guint, item + 1);
  guint8 worst_how = ATLAS_SEARCH_WHOLE, worst_where = ATLAS_SEARCH_IN_NAME;
  gboolean names_may_score;

  /* A query has a few words: no call to memset() for them. */
  for (guint w = 0; w < rank->n_words; w++)
    {
      how[w] = 0;
      where[w] = 0;
    }

  /* The linked names first, scored once for all items: what the item's
   * own names must beat.
   */
  for (; link < last_link; link++)
    {
      const Found *name = &names[g_array_index (self->links, guint, link)];

      found_merge (&found, rank, name->score, name->how, name->where,
                   ATLAS_SEARCH_IN_LINKED_NAME);
    }

  /* Many items' names do not hold the phrase the linked names hold: one
   * look at all of them. Whether they hold any of the words at all is not
   * looked at first: scoring a field that holds none costs about as much,
   * and most items that match hold some of the words in their names.
   */
  text = _atlas_search_texts_get (&self->items, item);
  while (first_text < last &&
         (guchar) text[g_array_index (self->items.field_offsets, guint32, first_text)] ==
         ATLAS_SEARCH_NAME_MARK)
    first_text++;
  names_end = first_text < last
              ? text + g_array_index (self->items.field_offsets, guint32, first_text)
              : field_end (&self->items, item, last - 1);
  /* Names that surely lack one of the words score nothing: what they hold
   * of the others counts only when no field holds every word, and they are
   * looked at then, below.
   */
  names_may_score = first_text > first &&
                    atlas_search_rank_may_hold_all (rank,
                                                    &g_array_index (self->items.letter_pairs,
                                                                    AtlasSearchLetterPairs,
                                                                    item));
  if (names_may_score &&
      (found.score >> 28 != ATLAS_SEARCH_PHRASE || rank->n_words == 1 ||
       atlas_search_rank_holds_phrase (rank, text, names_end)))
    score_fields (&self->items, item, first, ATLAS_SEARCH_NAME_MARK, ATLAS_SEARCH_IN_NAME,
                  rank, &found, field_how);

  if (found.score == 0 ||
      found.score < atlas_search_rank_text_bound (rank,
                                                  &g_array_index (self->items.short_syllables,
                                                                  AtlasSearchShortSyllables,
                                                                  item)))
    score_long_texts (self, scoring, item, first_text, &found, field_how);

  if (found.score != 0)
    return found.score;

  if (first_text > first && !names_may_score)
    score_fields (&self->items, item, first, ATLAS_SEARCH_NAME_MARK, ATLAS_SEARCH_IN_NAME,
                  rank, &found, field_how);

  /* No one field holds every word. */
  for (guint w = 0; w < rank->n_words; w++)
    {
      worst_how = MIN (worst_how, how[w]);
      worst_where = MIN (worst_where, where[w]);
    }

  return ATLAS_SEARCH_SCORE (ATLAS_SEARCH_SPREAD, MAX (worst_how, ATLAS_SEARCH_INSIDE),
                             MAX (worst_where, ATLAS_SEARCH_IN_TEXT), 0xFFFF);
}

/* The matched items of blocks first to last (of BLOCK_BITS items each),
 * scored. Blocks never share an item, nor a word of no_phrase: parts of
 * the blocks can be scored at the same time.
 */
typedef struct
{
  AtlasSearchIndex   *self;
  Scoring            *scoring;
  AtlasSearchMatches *matches;
  guint               first;
  guint               last;
} ScoringPart;

static gpointer
score_part (gpointer data)
{
  ScoringPart *part = data;
  guint n_words = part->scoring->rank.n_words;
  g_autofree guint8 *how = g_new0 (guint8, n_words);
  g_autofree guint8 *where = g_new0 (guint8, n_words);
  g_autofree guint8 *field_how = g_new0 (guint8, n_words);

  for (guint b = part->first; b < part->last; b++)
    {
      for (guint64 block = part->matches->bits[b]; block != 0; block &= block - 1)
        {
          guint item = b * BLOCK_BITS + __builtin_ctzll (block);

          part->matches->scores[item] = score_item (part->self, part->scoring, item, how, where,
                                                    field_how);
        }
    }

  return NULL;
}

/* The score of every item of the matches, by position, 0 for the others;
 * and the items whose long texts were seen to lack the phrase. Narrowing,
 * when not NULL, is an earlier answer of this index: where its phrase is
 * part of this one, texts that lacked it lack this one too.
 *
 * The first letters of a search match most of a large dataset, and each
 * match is scored on its own, reading only what the index and the query
 * hold: with a second processor, the second half of the matches is scored
 * in a thread of its own meanwhile.
 */
void
_atlas_search_index_score (AtlasSearchIndex         *self,
                           const AtlasSearchQuery   *query,
                           AtlasSearchMatches       *matches,
                           const AtlasSearchMatches *narrowing)
{
  guint n_items = self->owners->len;
  guint n_blocks = N_BLOCKS (n_items);
  Scoring scoring = { 0, };
  ScoringPart first = { self, &scoring, matches, 0, n_blocks };
  ScoringPart second = first;
  GThread *thread = NULL;

  matches->scores = g_new0 (guint, MAX (n_items, 1));
  matches->no_phrase = g_new0 (guint64, MAX (1, n_blocks));
  atlas_search_rank_init (&scoring.rank, query);
  matches->phrase = g_strdup (scoring.rank.phrase);
  if (scoring.rank.n_words == 0)
    {
      atlas_search_rank_clear (&scoring.rank);
      return;
    }

  if (narrowing != NULL && narrowing->index == self && narrowing->phrase[0] != '\0' &&
      strstr (scoring.rank.phrase, narrowing->phrase) != NULL)
    scoring.had_no_phrase = narrowing->no_phrase;
  scoring.no_phrase = matches->no_phrase;
  scoring.names = score_names (self, &scoring.rank);

  if (matches->count >= ATLAS_SEARCH_IN_TWO_FROM && g_get_num_processors () > 1)
    {
      first.last = second.first = _atlas_search_middle_block (matches->bits, matches->count,
                                                              n_blocks);
      thread = g_thread_try_new ("atlas-search-score", score_part, &second, NULL);
    }
  if (thread == NULL)
    first.last = n_blocks;
  score_part (&first);
  if (thread != NULL)
    g_thread_join (thread);

  free_names (scoring.names, self->names.starts->len);
  atlas_search_rank_clear (&scoring.rank);
}
