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
 * says; the fields' parts come from atlas-search-rank.c. An item's names
 * are scored first, then the names it links to (each scored once per
 * find), and its long texts only when they could score higher: their
 * phrase is looked for in all of them with one scan, and each word on its
 * own only when the names found no phrase. Names that a filter of their
 * letters says lack a word are scored last, and only for an item that no
 * one field matches; texts that lacked the phrase of the search before,
 * part of this one's, are not searched for it again.
 *
 * The index is immutable once sealed and shared by reference, so that a
 * dataset that takes another's contents takes its index too.
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
} Texts;

struct _AtlasSearchIndex
{
  gatomicrefcount  ref_count;
  gboolean         sealed;

  /* Owned references */
  Texts            names;       /* by name id */
  Texts            items;       /* by item position */
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

static void
texts_init (Texts *texts)
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
texts_clear (Texts *texts)
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
texts_get_size (Texts *texts)
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
texts_add_field (Texts      *texts,
                 guint8      mark,
                 const char *text)
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
texts_add (Texts              *texts,
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

static const char *
texts_get (Texts *texts,
           guint  id)
{
  return texts->folded->str + g_array_index (texts->starts, gsize, id);
}

/* A GString grows by doubling; the texts stay as long as the data. */
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

/* Which names hold the word: one byte each, by name id. */
static guint8 *
find_names (AtlasSearchIndex *self,
            const char       *word)
{
  guint n_names = self->names.starts->len;
  guint8 *found = g_new (guint8, n_names);

  for (guint i = 0; i < n_names; i++)
    found[i] = strstr (texts_get (&self->names, i), word) != NULL;

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

  return strstr (texts_get (&self->items, item), word) != NULL;
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

/* Ranking --------------------------------------------------------------- */

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
field_end (Texts *texts,
           guint  id,
           guint  field)
{
  if (field + 1 < g_array_index (texts->field_starts, guint, id + 1))
    return texts_get (texts, id) + g_array_index (texts->field_offsets, guint32, field + 1);
  if (id + 1 < texts->starts->len)
    return texts_get (texts, id + 1) - 1;

  return texts->folded->str + texts->folded->len - 1;
}

/* Scores the fields of the text id, from its field first on, while they
 * have the mark, into found; returns the field it stopped at.
 */
static guint
score_fields (Texts                 *texts,
              guint                  id,
              guint                  first,
              guint8                 mark,
              AtlasSearchWhere       where,
              const AtlasSearchRank *rank,
              Found                 *found)
{
  const char *text = texts_get (texts, id);
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
                                       accented, syllables, found->score, rank->how);
      found_merge (found, rank, score, rank->how, NULL, where);
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

  /* The one after the last holds the arrays of all. */
  names[n_names].how = g_new0 (guint8, (gsize) n_names * rank->n_words + 1);
  names[n_names].where = g_new0 (guint8, (gsize) n_names * rank->n_words + 1);
  for (guint i = 0; i < n_names; i++)
    {
      const char *text = texts_get (&self->names, i);
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
                    ATLAS_SEARCH_NAME_MARK, ATLAS_SEARCH_IN_LINKED_NAME, rank, &names[i]);
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
                  Found            *found)
{
  const AtlasSearchRank *rank = &scoring->rank;
  Texts *texts = &self->items;
  const char *text = texts_get (texts, item);
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

      while (f + 1 < last && text + g_array_index (texts->field_offsets, guint32, f + 1) < where)
        f++;
      memset (rank->how, how, rank->n_words);
      found_merge (found, rank,
                   ATLAS_SEARCH_SCORE (ATLAS_SEARCH_PHRASE, how, ATLAS_SEARCH_IN_TEXT,
                                       field_end (texts, item, f) -
                                       (text + g_array_index (texts->field_offsets, guint32, f) + 1)),
                   rank->how, NULL, ATLAS_SEARCH_IN_TEXT);
      return;
    }

  scoring->no_phrase[item / BLOCK_BITS] |= G_GUINT64_CONSTANT (1) << (item % BLOCK_BITS);
  if (rank->n_words == 1 ||
      (found->score != 0 &&
       found->score >= ATLAS_SEARCH_SCORE (ATLAS_SEARCH_IN_ONE_FIELD, ATLAS_SEARCH_WHOLE,
                                           ATLAS_SEARCH_IN_TEXT, 0)))
    return;

  score_fields (texts, item, first, ATLAS_SEARCH_TEXT_MARK, ATLAS_SEARCH_IN_TEXT, rank, found);
}

/* The item's score: its names first, then the names it links to, then its
 * long texts, but only when they could score higher.
 */
static guint
score_item (AtlasSearchIndex *self,
            Scoring          *scoring,
            guint             item,
            guint8           *how,
            guint8           *where)
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
  text = texts_get (&self->items, item);
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
                  rank, &found);

  if (found.score == 0 ||
      found.score < atlas_search_rank_text_bound (rank,
                                                  &g_array_index (self->items.short_syllables,
                                                                  AtlasSearchShortSyllables,
                                                                  item)))
    score_long_texts (self, scoring, item, first_text, &found);

  if (found.score != 0)
    return found.score;

  if (first_text > first && !names_may_score)
    score_fields (&self->items, item, first, ATLAS_SEARCH_NAME_MARK, ATLAS_SEARCH_IN_NAME,
                  rank, &found);

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

  for (guint b = part->first; b < part->last; b++)
    {
      for (guint64 block = part->matches->bits[b]; block != 0; block &= block - 1)
        {
          guint item = b * BLOCK_BITS + __builtin_ctzll (block);

          part->matches->scores[item] = score_item (part->self, part->scoring, item, how, where);
        }
    }

  return NULL;
}

/* Fewer matches than this are scored in the calling thread alone: starting
 * a thread would cost more than it saves.
 */
#define MATCHES_SCORED_IN_TWO 2048

/* The block from which the second half of the matches starts. */
static guint
middle_block (const AtlasSearchMatches *matches,
              guint                     n_blocks)
{
  guint seen = 0;

  for (guint b = 0; b < n_blocks; b++)
    {
      seen += __builtin_popcountll (matches->bits[b]);
      if (seen >= matches->count / 2)
        return b + 1;
    }

  return n_blocks;
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
static void
score_items (AtlasSearchIndex         *self,
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

  if (matches->count >= MATCHES_SCORED_IN_TWO && g_get_num_processors () > 1)
    {
      first.last = second.first = middle_block (matches, n_blocks);
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
  score_items (self, query, matches, narrowing);

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
