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

/* What the search looks in, folded once when the data is loaded, and the
 * items that match a search, found once per keystroke.
 *
 * An item is its own text (an article's title, summary and body) and the
 * names it is linked to (its geoparks and places); a word matches the item
 * when it is in the text or in one of the names. Matching each name once per
 * keystroke, rather than inside the text of every item that links to it,
 * saves scanning the same few names tens of thousands of times. That is the
 * same search as one scan of the text and the names joined by newlines: a
 * folded word never holds a newline (atlas_search_parse splits at them), so
 * it cannot match across the join.
 *
 * The index is immutable once sealed and shared by reference, so that a
 * dataset that takes another's contents takes its index too.
 */

struct _AtlasSearchIndex
{
  gatomicrefcount  ref_count;
  gboolean         sealed;

  /* Folded names, each NUL-terminated, by name id. */
  GString         *name_texts;
  GArray          *name_starts;   /* gsize */

  /* Folded item texts, each NUL-terminated, by item position. */
  GString         *item_texts;
  GArray          *item_starts;   /* gsize */
  GArray          *link_starts;   /* guint, one more than the items */
  GArray          *links;         /* guint name ids */
  GPtrArray       *owners;        /* borrowed: what each item stands for */
};

struct _AtlasSearchMatches
{
  AtlasSearchIndex *index;
  char            **words;
  guint64          *bits;        /* one per item, by position */
  guint             count;
};

#define BLOCK_BITS 64
#define N_BLOCKS(n) (((n) + BLOCK_BITS - 1) / BLOCK_BITS)

AtlasSearchIndex *
atlas_search_index_new (void)
{
  AtlasSearchIndex *self = g_new0 (AtlasSearchIndex, 1);
  guint no_links = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->name_texts = g_string_new (NULL);
  self->name_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->item_texts = g_string_new (NULL);
  self->item_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
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

  g_string_free (self->name_texts, TRUE);
  g_array_unref (self->name_starts);
  g_string_free (self->item_texts, TRUE);
  g_array_unref (self->item_starts);
  g_array_unref (self->link_starts);
  g_array_unref (self->links);
  g_ptr_array_unref (self->owners);
  g_free (self);
}

/* Folds the text onto the buffer, NUL-terminated, and notes where it starts. */
static void
append_folded (GString    *texts,
               GArray     *starts,
               const char *text)
{
  gsize start = texts->len;

  g_array_append_val (starts, start);
  atlas_search_fold_append_valid (texts, text);
  g_string_append_c (texts, '\0');
}

/* A name that items link to (a geopark's names, a place's), unfolded and
 * valid UTF-8 (as a dataset's texts are); its id is what
 * atlas_search_index_add_item() takes.
 */
guint
atlas_search_index_add_name (AtlasSearchIndex *self,
                             const char       *text)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->sealed, 0);
  g_return_val_if_fail (text != NULL, 0);

  append_folded (self->name_texts, self->name_starts, text);

  return self->name_starts->len - 1;
}

/* An item: what it stands for (checked when matching), its own text,
 * unfolded and valid UTF-8, and the ids of the names it links to. Returns
 * its position.
 */
guint
atlas_search_index_add_item (AtlasSearchIndex *self,
                             gconstpointer     owner,
                             const char       *text,
                             const guint      *names,
                             guint             n_names)
{
  guint n_links;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->sealed, 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (names != NULL || n_names == 0, 0);

  for (guint i = 0; i < n_names; i++)
    g_return_val_if_fail (names[i] < self->name_starts->len, 0);

  append_folded (self->item_texts, self->item_starts, text);
  g_array_append_vals (self->links, names, n_names);
  n_links = self->links->len;
  g_array_append_val (self->link_starts, n_links);
  g_ptr_array_add (self->owners, (gpointer) owner);

  return self->owners->len - 1;
}

/* A GString grows by doubling; the texts stay as long as the data. */
static void
shrink (GString *string)
{
  string->str = g_realloc (string->str, string->len + 1);
  string->allocated_len = string->len + 1;
}

/* Done adding: from now on the index only answers searches. */
void
atlas_search_index_seal (AtlasSearchIndex *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);

  shrink (self->name_texts);
  shrink (self->item_texts);
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

  return sizeof *self +
         self->name_texts->allocated_len + self->name_starts->len * sizeof (gsize) +
         self->item_texts->allocated_len + self->item_starts->len * sizeof (gsize) +
         self->link_starts->len * sizeof (guint) + self->links->len * sizeof (guint) +
         self->owners->len * sizeof (gpointer);
}

static const char *
name_text (AtlasSearchIndex *self,
           guint             name)
{
  return self->name_texts->str + g_array_index (self->name_starts, gsize, name);
}

static const char *
item_text (AtlasSearchIndex *self,
           guint             item)
{
  return self->item_texts->str + g_array_index (self->item_starts, gsize, item);
}

/* Which names hold the word: one byte each, by name id. */
static guint8 *
find_names (AtlasSearchIndex *self,
            const char       *word)
{
  guint n_names = self->name_starts->len;
  guint8 *found = g_new (guint8, n_names);

  for (guint i = 0; i < n_names; i++)
    found[i] = strstr (name_text (self, i), word) != NULL;

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

  return strstr (item_text (self, item), word) != NULL;
}

/* Keeps, of the items in bits, those that have the word. */
static void
keep_items_with (AtlasSearchIndex *self,
                 guint64          *bits,
                 const char       *word)
{
  g_autofree guint8 *names_found = find_names (self, word);
  guint n_blocks = N_BLOCKS (self->owners->len);

  for (guint b = 0; b < n_blocks; b++)
    {
      guint64 block = bits[b];

      while (block != 0)
        {
          guint bit = __builtin_ctzll (block);
          guint item = b * BLOCK_BITS + bit;

          block &= block - 1;
          if (!item_has_word (self, item, word, names_found))
            bits[b] &= ~(G_GUINT64_CONSTANT (1) << bit);
        }
    }
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

/* The items that have every folded word (atlas_search_parse()). Narrowing,
 * when not NULL, is an earlier answer of this index: when whatever matches
 * these words must have matched its words too (letters typed onto the
 * search), only its items are looked at, and only for the words it did not
 * have.
 */
AtlasSearchMatches *
atlas_search_index_find (AtlasSearchIndex         *self,
                         const char * const       *folded_words,
                         const AtlasSearchMatches *narrowing)
{
  AtlasSearchMatches *matches;
  guint n_items;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->sealed, NULL);
  g_return_val_if_fail (folded_words != NULL, NULL);

  n_items = self->owners->len;
  matches = g_new0 (AtlasSearchMatches, 1);
  matches->index = atlas_search_index_ref (self);
  matches->words = g_strdupv ((char **) folded_words);
  matches->bits = g_new (guint64, MAX (1, N_BLOCKS (n_items)));

  if (narrowing != NULL && narrowing->index == self &&
      implies (folded_words, (const char * const *) narrowing->words))
    {
      memcpy (matches->bits, narrowing->bits, N_BLOCKS (n_items) * sizeof (guint64));
      for (guint w = 0; folded_words[w] != NULL; w++)
        {
          if (!g_strv_contains ((const char * const *) narrowing->words, folded_words[w]))
            keep_items_with (self, matches->bits, folded_words[w]);
        }
    }
  else
    {
      set_all (matches->bits, n_items);
      for (guint w = 0; folded_words[w] != NULL; w++)
        keep_items_with (self, matches->bits, folded_words[w]);
    }

  matches->count = count_bits (matches->bits, n_items);

  return matches;
}

void
atlas_search_matches_free (AtlasSearchMatches *self)
{
  g_return_if_fail (self != NULL);

  atlas_search_index_unref (self->index);
  g_strfreev (self->words);
  g_free (self->bits);
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

guint
_atlas_search_matches_count (const AtlasSearchMatches *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->count;
}
