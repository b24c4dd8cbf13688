/* atlas-search-index.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-search-index"

#include "config.h"

#include <string.h>

#include "atlas-search-index.h"
#include "atlas-search-index-private.h"
#include "atlas-search.h"
#include "atlas-search-rank.h"

/* What the search looks in, folded once when the data is loaded, and the
 * items that match a search, found and ranked once per keystroke.
 *
 * An item is its own fields (an article's titles, summaries and bodies, a
 * place's or geopark's names and description, in both languages) and the
 * names it is linked to (its geoparks and places), each of them fields too;
 * a word matches the item when it is in one of them, inside a longer word
 * too. Matching each name once per keystroke, rather than inside the text
 * of every item that links to it, saves scanning the same few names tens of
 * thousands of times.
 *
 * An item's fields are folded into one text, each after a byte that says
 * its kind (0xFE a name, 0xFF a long text) and that valid UTF-8, and so a
 * folded word, never holds: a word found in the text is inside one field.
 *
 * Each matched item is scored at find time, as atlas-search-index.h
 * says, by atlas-search-score.c.
 *
 * The index is immutable once sealed and shared by reference, so that a
 * dataset that takes another's contents takes its index too.
 */


static void
texts_init (AtlasSearchTexts *texts)
{
  guint no_fields = 0;

  texts->folded = g_string_new (NULL);
  texts->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  texts->field_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  texts->field_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  texts->accented = g_string_new (NULL);
  texts->accented_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  texts->short_syllables = g_array_new (FALSE, TRUE, sizeof (AtlasSearchShortSyllables));
  texts->letter_pairs = g_array_new (FALSE, TRUE, sizeof (AtlasSearchLetterPairs));
  texts->syllables = g_array_new (FALSE, TRUE, sizeof (AtlasSearchSyllables));
  g_array_append_val (texts->field_starts, no_fields);
}

static void
texts_clear (AtlasSearchTexts *texts)
{
  g_string_free (texts->folded, TRUE);
  g_array_unref (texts->starts);
  g_array_unref (texts->field_offsets);
  g_array_unref (texts->field_starts);
  g_string_free (texts->accented, TRUE);
  g_array_unref (texts->accented_starts);
  g_array_unref (texts->short_syllables);
  g_array_unref (texts->letter_pairs);
  g_array_unref (texts->syllables);
}

static gsize
texts_get_size (AtlasSearchTexts *texts)
{
  return texts->folded->allocated_len + texts->starts->len * sizeof (gsize) +
         texts->field_offsets->len * sizeof (guint32) +
         texts->field_starts->len * sizeof (guint) +
         texts->accented->allocated_len + texts->accented_starts->len * sizeof (gsize) +
         texts->short_syllables->len * sizeof (AtlasSearchShortSyllables) +
         texts->letter_pairs->len * sizeof (AtlasSearchLetterPairs) +
         texts->syllables->len * sizeof (AtlasSearchSyllables);
}

/* One space where the folded text from start on has spaces, tabs or line
 * breaks, so that the words of a phrase are one space apart. A query's
 * words hold none of them, so what matches stays the same.
 */
static void
collapse_spaces (GString *folded,
                 gsize    start)
{
  gsize out = start;
  gboolean in_space = FALSE;

  for (gsize in = start; in < folded->len; in++)
    {
      char c = folded->str[in];
      gboolean space = c == ' ' || c == '\t' || c == '\n';

      if (space && in_space)
        continue;
      folded->str[out++] = space ? ' ' : c;
      in_space = space;
    }
  g_string_truncate (folded, out);
}

/* Adds the field to the text being made. */
static void
texts_add_field (AtlasSearchTexts *texts,
                 guint8            mark,
                 const char       *text)
{
  gsize start = g_array_index (texts->starts, gsize, texts->starts->len - 1);
  gsize field_start;
  guint32 offset;

  if (text == NULL || *text == '\0')
    return;

  offset = texts->folded->len - start;
  g_array_append_val (texts->field_offsets, offset);
  g_string_append_c (texts->folded, (char) mark);
  field_start = texts->folded->len;
  atlas_search_fold_append_valid (texts->folded, text);
  collapse_spaces (texts->folded, field_start);

  if (mark == ATLAS_SEARCH_NAME_MARK)
    {
      g_autofree char *lower = g_utf8_strdown (text, -1);
      g_autofree char *composed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFC);

      atlas_search_letter_pairs_add (&g_array_index (texts->letter_pairs, AtlasSearchLetterPairs,
                                                     texts->letter_pairs->len - 1),
                                     texts->folded->str + field_start,
                                     texts->folded->str + texts->folded->len);
      atlas_search_syllables_add (&g_array_index (texts->syllables, AtlasSearchSyllables,
                                                  texts->syllables->len - 1),
                                  texts->folded->str + field_start,
                                  texts->folded->str + texts->folded->len);
      g_string_append_c (texts->accented, (char) mark);
      g_string_append (texts->accented, composed != NULL ? composed : lower);
    }
  else
    {
      AtlasSearchShortSyllables *short_syllables =
        &g_array_index (texts->short_syllables, AtlasSearchShortSyllables,
                        texts->short_syllables->len - 1);

      atlas_search_short_syllables_add (short_syllables, texts->folded->str + field_start,
                                        texts->folded->str + texts->folded->len);
    }
}

/* A text of names then long texts, each list NULL-terminated or NULL. */
static guint
texts_add (AtlasSearchTexts   *texts,
           const char * const *names,
           const char * const *long_texts)
{
  gsize start = texts->folded->len;
  gsize accented_start = texts->accented->len;
  guint n_fields;

  g_array_append_val (texts->starts, start);
  g_array_append_val (texts->accented_starts, accented_start);
  g_array_set_size (texts->short_syllables, texts->short_syllables->len + 1);
  g_array_set_size (texts->letter_pairs, texts->letter_pairs->len + 1);
  g_array_set_size (texts->syllables, texts->syllables->len + 1);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    texts_add_field (texts, ATLAS_SEARCH_NAME_MARK, names[i]);
  for (guint i = 0; long_texts != NULL && long_texts[i] != NULL; i++)
    texts_add_field (texts, ATLAS_SEARCH_TEXT_MARK, long_texts[i]);
  g_string_append_c (texts->folded, '\0');
  g_string_append_c (texts->accented, '\0');
  n_fields = texts->field_offsets->len;
  g_array_append_val (texts->field_starts, n_fields);

  return texts->starts->len - 1;
}

static void
shrink (GString *string)
{
  string->str = g_realloc (string->str, string->len + 1);
  string->allocated_len = string->len + 1;
}

AtlasSearchIndex *
atlas_search_index_new (void)
{
  AtlasSearchIndex *self = g_new0 (AtlasSearchIndex, 1);
  guint no_links = 0;

  g_atomic_ref_count_init (&self->ref_count);
  texts_init (&self->names);
  texts_init (&self->items);
  self->link_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->links = g_array_new (FALSE, FALSE, sizeof (guint));
  self->owners = g_ptr_array_new ();
  g_array_append_val (self->link_starts, no_links);

  return self;
}

AtlasSearchIndex *
atlas_search_index_ref (AtlasSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
atlas_search_index_unref (AtlasSearchIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  texts_clear (&self->names);
  texts_clear (&self->items);
  g_array_unref (self->link_starts);
  g_array_unref (self->links);
  g_ptr_array_unref (self->owners);
  g_free (self);
}

/* Names that items link to (a geopark's names and short names, a place's
 * names, in each language), NULL-terminated, unfolded and valid UTF-8 (as
 * a dataset's texts are); its id is what atlas_search_index_add_item()
 * takes.
 */
guint
atlas_search_index_add_name (AtlasSearchIndex   *self,
                             const char * const *names)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->sealed, 0);
  g_return_val_if_fail (names != NULL, 0);

  return texts_add (&self->names, names, NULL);
}

/* An item: what it stands for (checked when matching); its own names and
 * titles, and its long texts (summaries, descriptions, bodies), each list
 * NULL-terminated or NULL, unfolded and valid UTF-8; and the ids of the
 * names it links to. Returns its position.
 */
guint
atlas_search_index_add_item (AtlasSearchIndex   *self,
                             gconstpointer       owner,
                             const char * const *names,
                             const char * const *texts,
                             const guint        *links,
                             guint               n_links)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->sealed, 0);
  g_return_val_if_fail (links != NULL || n_links == 0, 0);

  for (guint i = 0; i < n_links; i++)
    g_return_val_if_fail (links[i] < self->names.starts->len, 0);

  texts_add (&self->items, names, texts);
  g_array_append_vals (self->links, links, n_links);
  n = self->links->len;
  g_array_append_val (self->link_starts, n);
  g_ptr_array_add (self->owners, (gpointer) owner);

  return self->owners->len - 1;
}

/* Done adding: from now on the index only answers searches. */
void
atlas_search_index_seal (AtlasSearchIndex *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);

  shrink (self->names.folded);
  shrink (self->names.accented);
  shrink (self->items.folded);
  shrink (self->items.accented);
  self->sealed = TRUE;
}

guint
_atlas_search_index_get_n_items (AtlasSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->owners->len;
}

/* About how many bytes the index holds, for the performance figures. */
gsize
_atlas_search_index_get_size (AtlasSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sizeof *self + texts_get_size (&self->names) + texts_get_size (&self->items) +
         self->link_starts->len * sizeof (guint) + self->links->len * sizeof (guint) +
         self->owners->len * sizeof (gpointer);
}

/* Matching -------------------------------------------------------------- */

static void
set_all (guint64 *bits,
         guint    n_items)
{
  guint n_blocks = N_BLOCKS (n_items);

  memset (bits, 0xff, n_blocks * sizeof (guint64));
  if (n_items % BLOCK_BITS != 0)
    bits[n_blocks - 1] = (G_GUINT64_CONSTANT (1) << (n_items % BLOCK_BITS)) - 1;
}

static guint
count_bits (const guint64 *bits,
            guint          n_items)
{
  guint count = 0;

  for (guint b = 0; b < N_BLOCKS (n_items); b++)
    count += __builtin_popcountll (bits[b]);

  return count;
}

/* The block from which the second half of the count items in bits starts. */
guint
_atlas_search_middle_block (const guint64 *bits,
                            guint          count,
                            guint          n_blocks)
{
  guint seen = 0;

  for (guint b = 0; b < n_blocks; b++)
    {
      seen += __builtin_popcountll (bits[b]);
      if (seen >= count / 2)
        return b + 1;
    }

  return n_blocks;
}

/* Which names hold the word: one byte each, by name id. */
static guint8 *
find_names (AtlasSearchIndex *self,
            const char       *word)
{
  guint n_names = self->names.starts->len;
  guint8 *found = g_new (guint8, n_names);

  for (guint i = 0; i < n_names; i++)
    found[i] = strstr (_atlas_search_texts_get (&self->names, i), word) != NULL;

  return found;
}

static gboolean
item_has_word (AtlasSearchIndex *self,
               guint             item,
               const char       *word,
               const guint8     *names_found)
{
  guint first = g_array_index (self->link_starts, guint, item);
  guint last = g_array_index (self->link_starts, guint, item + 1);

  for (guint l = first; l < last; l++)
    {
      if (names_found[g_array_index (self->links, guint, l)])
        return TRUE;
    }

  return strstr (_atlas_search_texts_get (&self->items, item), word) != NULL;
}

/* The items of blocks first to last (of BLOCK_BITS items each) that keep
 * the word. Blocks never share an item: parts of the blocks can be looked
 * at at the same time.
 */
typedef struct
{
  AtlasSearchIndex *self;
  guint64          *bits;
  const char       *word;
  const guint8     *names_found;
  guint             first;
  guint             last;
} MatchingPart;

static gpointer
keep_part (gpointer data)
{
  MatchingPart *part = data;

  for (guint b = part->first; b < part->last; b++)
    {
      guint64 block = part->bits[b];

      while (block != 0)
        {
          guint bit = __builtin_ctzll (block);
          guint item = b * BLOCK_BITS + bit;

          block &= block - 1;
          if (!item_has_word (part->self, item, part->word, part->names_found))
            part->bits[b] &= ~(G_GUINT64_CONSTANT (1) << bit);
        }
    }

  return NULL;
}

/* Keeps, of the items in bits, those that have the word. Each item is
 * looked at on its own, reading only the index: with a second processor,
 * the second half of many is looked at in a thread of its own meanwhile.
 */
static void
keep_items_with (AtlasSearchIndex *self,
                 guint64          *bits,
                 const char       *word)
{
  g_autofree guint8 *names_found = find_names (self, word);
  guint n_items = self->owners->len;
  guint n_blocks = N_BLOCKS (n_items);
  MatchingPart first = { self, bits, word, names_found, 0, n_blocks };
  MatchingPart second = first;
  GThread *thread = NULL;
  guint count = count_bits (bits, n_items);

  if (count >= ATLAS_SEARCH_IN_TWO_FROM && g_get_num_processors () > 1)
    {
      first.last = second.first = _atlas_search_middle_block (bits, count, n_blocks);
      thread = g_thread_try_new ("atlas-search-match", keep_part, &second, NULL);
    }
  if (thread == NULL)
    first.last = n_blocks;
  keep_part (&first);
  if (thread != NULL)
    g_thread_join (thread);
}

/* Whether whatever has every word of new_words also has every word of
 * old_words: true when each old word is part of some new one, as when
 * letters are typed onto a search.
 */
static gboolean
implies (const char * const *new_words,
         const char * const *old_words)
{
  for (guint o = 0; old_words[o] != NULL; o++)
    {
      gboolean found = FALSE;

      for (guint n = 0; !found && new_words[n] != NULL; n++)
        found = strstr (new_words[n], old_words[o]) != NULL;
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* Finding --------------------------------------------------------------- */

/* The items that have every word of the query, ranked. Narrowing, when not
 * NULL, is an earlier answer of this index: when whatever matches these
 * words must have matched its words too (letters typed onto the search),
 * only its items are looked at, and only for the words it did not have.
 */
AtlasSearchMatches *
atlas_search_index_find (AtlasSearchIndex         *self,
                         const AtlasSearchQuery   *query,
                         const AtlasSearchMatches *narrowing)
{
  const char * const *words;
  AtlasSearchMatches *matches;
  guint n_items;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->sealed, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  words = atlas_search_query_get_words (query);
  n_items = self->owners->len;
  matches = g_new0 (AtlasSearchMatches, 1);
  matches->index = atlas_search_index_ref (self);
  matches->words = g_strdupv ((char **) words);
  matches->bits = g_new (guint64, MAX (1, N_BLOCKS (n_items)));

  if (narrowing != NULL && narrowing->index == self &&
      implies (words, (const char * const *) narrowing->words))
    {
      memcpy (matches->bits, narrowing->bits, N_BLOCKS (n_items) * sizeof (guint64));
      for (guint w = 0; words[w] != NULL; w++)
        {
          if (!g_strv_contains ((const char * const *) narrowing->words, words[w]))
            keep_items_with (self, matches->bits, words[w]);
        }
    }
  else
    {
      set_all (matches->bits, n_items);
      for (guint w = 0; words[w] != NULL; w++)
        keep_items_with (self, matches->bits, words[w]);
    }

  matches->count = count_bits (matches->bits, n_items);
  _atlas_search_index_score (self, query, matches, narrowing);

  return matches;
}

void
atlas_search_matches_free (AtlasSearchMatches *self)
{
  g_return_if_fail (self != NULL);

  atlas_search_index_unref (self->index);
  g_strfreev (self->words);
  g_free (self->bits);
  g_free (self->scores);
  g_free (self->phrase);
  g_free (self->no_phrase);
  g_free (self);
}

AtlasSearchIndex *
atlas_search_matches_get_index (const AtlasSearchMatches *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->index;
}

/* Whether the item at this position matches; owner is what the item was
 * added for, which must be what sits at that position.
 */
gboolean
atlas_search_matches_contains (const AtlasSearchMatches *self,
                               guint                     item,
                               gconstpointer             owner)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (item < self->index->owners->len, FALSE);
  g_return_val_if_fail (g_ptr_array_index (self->index->owners, item) == owner, FALSE);

  return (self->bits[item / BLOCK_BITS] >> (item % BLOCK_BITS)) & 1;
}

/* How well the item at this position matches (see the top of this file):
 * higher first, 0 when it does not match; with no words, every item
 * matches and scores 0.
 */
guint
atlas_search_matches_get_score (const AtlasSearchMatches *self,
                                guint                     item,
                                gconstpointer             owner)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (item < self->index->owners->len, 0);
  g_return_val_if_fail (g_ptr_array_index (self->index->owners, item) == owner, 0);

  return self->scores[item];
}

/* The scores of all the index's items, by position, as
 * atlas_search_matches_get_score() has them: for whoever reads many at
 * once. Every match scores above 0, so an item scores 0 exactly when it
 * does not match, unless the query has no words (every item matches then,
 * and scores 0).
 */
const guint *
atlas_search_matches_get_scores (const AtlasSearchMatches *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->scores;
}

guint
_atlas_search_matches_count (const AtlasSearchMatches *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->count;
}
