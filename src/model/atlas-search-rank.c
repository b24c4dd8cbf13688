/* atlas-search-rank.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-search-rank"

#include "config.h"

#include <string.h>

#include "atlas-search-rank.h"
#include "atlas-search-tokenizer.h"

/* How a folded field holds the words of a query: whether as a phrase, as
 * whole syllables or their starts, with the marks typed. The syllables are
 * the tokenizer's (atlas-search-tokenizer.c): runs of letters and digits.
 * The search index (atlas-search-index.c) puts the fields' answers
 * together into an item's score.
 */

/* Whether the character at p belongs to a syllable, as the tokenizer has it
 * (atlas-search-tokenizer.c); a field's mark and the NUL do not.
 */
static inline gboolean
in_syllable (const char *p)
{
  guchar b = *p;
  gunichar c;

  if (b < 0x80)
    return g_ascii_isalnum (b);
  if (b >= 0xF8)
    return FALSE;

  c = g_utf8_get_char (p);

  return atlas_search_is_syllable_char (c);
}

/* The next syllable of the folded text from *p on, before end, with *p
 * moved past it; NULL when there is none.
 */
static inline const char *
next_syllable (const char **p,
               const char  *end)
{
  const char *syllable;

  while (*p < end && !in_syllable (*p))
    *p = g_utf8_next_char (*p);
  syllable = *p;
  while (*p < end && in_syllable (*p))
    *p = g_utf8_next_char (*p);

  return *p > syllable ? syllable : NULL;
}

/* Whether p, in the field that starts at start, is where a syllable starts. */
static inline gboolean
starts_syllable (const char *start,
                 const char *p)
{
  guchar before;

  if (p == start)
    return TRUE;

  before = p[-1];
  if (before < 0x80)
    return !g_ascii_isalnum (before);
  if (before >= 0xF8)
    return TRUE;

  return !in_syllable (g_utf8_find_prev_char (start, p));
}

/* The next occurrence of the word from from on, before end. */
static inline const char *
find_in (const char *from,
         const char *end,
         const char *word,
         gsize       length)
{
  while (from + length <= end)
    {
      const char *p = memchr (from, word[0], end - from - length + 1);

      if (p == NULL)
        return NULL;
      if (length == 1 ||
          (p[1] == word[1] && (length == 2 || memcmp (p + 2, word + 2, length - 2) == 0)))
        return p;
      from = p + 1;
    }

  return NULL;
}

/* B of word w found at p in the field that starts at start. */
static inline guint8
how_found (const AtlasSearchRank *rank,
           const char            *start,
           const char            *p,
           guint                  w)
{
  if (!starts_syllable (start, p))
    return ATLAS_SEARCH_INSIDE;
  if (!in_syllable (p + rank->lengths[w]))
    return ATLAS_SEARCH_WHOLE;

  return w == rank->n_words - 1 && rank->typing ? ATLAS_SEARCH_PREFIX : ATLAS_SEARCH_INSIDE;
}

/* B of the phrase, known to be at p, by how its ends stand. */
static inline guint8
how_phrase_at (const AtlasSearchRank *rank,
               const char            *start,
               const char            *p)
{
  return MIN (starts_syllable (start, p) ? ATLAS_SEARCH_WHOLE : ATLAS_SEARCH_INSIDE,
              !in_syllable (p + rank->phrase_length) ? ATLAS_SEARCH_WHOLE :
              rank->typing ? ATLAS_SEARCH_PREFIX : ATLAS_SEARCH_INSIDE);
}

/* B of the words as a phrase from the first word found at p: the words
 * one after the other, each after one space (the index keeps one space
 * where the text had several, or a line break); 0 when they are not there.
 */
static guint8
how_phrase (const AtlasSearchRank *rank,
            const char            *start,
            const char            *end,
            const char            *p)
{
  gsize length = rank->phrase_length;

  if (p + length > end || memcmp (p, rank->phrase, length) != 0)
    return 0;

  return how_phrase_at (rank, start, p);
}

/* Whether the accented text holds the word, with its marks, as a whole
 * syllable.
 */
static gboolean
has_accented (const char *accented,
              const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (accented, word); p != NULL; p = strstr (p + 1, word))
    {
      if (starts_syllable (accented, p) && !in_syllable (p + length))
        return TRUE;
    }

  return FALSE;
}

static inline guint
syllable_bit (const char *syllable,
              gsize       length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) syllable[i]) * 16777619u;

  return hash >> 24;
}

/* Notes the syllables of the folded text [start, end). */
void
atlas_search_syllables_add (AtlasSearchSyllables *self,
                            const char           *start,
                            const char           *end)
{
  const char *p = start;
  const char *syllable;

  g_return_if_fail (self != NULL);

  while ((syllable = next_syllable (&p, end)) != NULL)
    {
      guint bit = syllable_bit (syllable, p - syllable);

      self->bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
    }
}

/* The filter's bit for the word as a whole syllable, G_MAXUINT for a word
 * that holds what is not part of a syllable.
 */
static guint
syllable_bit_of_word (const char *word,
                      gsize       length)
{
  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      if (!in_syllable (p))
        return G_MAXUINT;
    }

  return syllable_bit (word, length);
}

/* The score of the field [start, end) (0 unless it holds every word), and
 * B for each word in it. Accented is the marked text the field is among,
 * NULL for a long text; syllables, when not NULL, the filter of the
 * syllables of the texts the field is among: a word it says is no whole
 * syllable there is looked for only up to its first occurrence as good as
 * it can be otherwise. When floor is not 0, a field that cannot score
 * above it may be left early: it scores 0 then, with B not known for every
 * word.
 */
guint
atlas_search_rank_field (const AtlasSearchRank      *self,
                         const char                 *start,
                         const char                 *end,
                         AtlasSearchWhere            where,
                         const char                 *accented,
                         const AtlasSearchSyllables *syllables,
                         guint                       floor,
                         guint8                     *how)
{
  guint8 phrase = 0;
  guint8 worst = ATLAS_SEARCH_WHOLE;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (start <= end, 0);
  g_return_val_if_fail (how != NULL, 0);

  for (guint w = 0; w < self->n_words; w++)
    {
      const char *word = self->words[w];
      gsize length = self->lengths[w];
      gboolean find_phrase = w == 0 && self->n_words > 1;
      guint bit = self->syllable_bits[w];
      guint8 best_possible = ATLAS_SEARCH_WHOLE;
      guint8 phrase_possible = ATLAS_SEARCH_WHOLE;
      guint8 best = 0;

      /* Not a whole syllable here: as a phrase, not from a syllable's start
       * either, since the word would be whole there.
       */
      if (syllables != NULL && bit != G_MAXUINT &&
          !((syllables->bits[bit / 64] >> (bit % 64)) & 1))
        {
          best_possible = self->not_syllable_how[w];
          phrase_possible = ATLAS_SEARCH_INSIDE;
        }

      for (const char *p = find_in (start, end, word, length);
           p != NULL;
           p = find_in (p + 1, end, word, length))
        {
          best = MAX (best, how_found (self, start, p, w));
          if (find_phrase && p[length] == ' ')
            phrase = MAX (phrase, how_phrase (self, start, end, p));
          if (best == best_possible && (!find_phrase || phrase == phrase_possible))
            break;
        }

      if (best == ATLAS_SEARCH_WHOLE && self->accented[w] != NULL &&
          (accented == NULL || !has_accented (accented, self->accented[w])))
        best = ATLAS_SEARCH_OTHER_MARKS;
      how[w] = best;
      worst = MIN (worst, best);

      /* Without the phrase, the most the field can score. */
      if (find_phrase && phrase == 0 && floor != 0 &&
          floor >= ATLAS_SEARCH_SCORE (ATLAS_SEARCH_IN_ONE_FIELD, ATLAS_SEARCH_WHOLE, where, 0))
        {
          memset (how + 1, 0, self->n_words - 1);
          return 0;
        }
    }

  if (worst == 0)
    return 0;
  if (self->n_words == 1)
    return ATLAS_SEARCH_SCORE (ATLAS_SEARCH_PHRASE, worst, where, end - start);
  if (phrase != 0)
    {
      /* A phrase of whole syllables, some of them with other marks */
      if (phrase == ATLAS_SEARCH_WHOLE)
        phrase = worst;

      return ATLAS_SEARCH_SCORE (ATLAS_SEARCH_PHRASE, phrase, where, end - start);
    }

  return ATLAS_SEARCH_SCORE (ATLAS_SEARCH_IN_ONE_FIELD, worst, where, end - start);
}

/* Whether [start, end) holds the words as a phrase, anywhere: when it
 * does not, its fields can hold them scattered at best.
 */
gboolean
atlas_search_rank_holds_phrase (const AtlasSearchRank *self,
                                const char            *start,
                                const char            *end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->n_words > 0 && find_in (start, end, self->phrase, self->phrase_length) != NULL;
}

/* Where a syllable of one or two bytes is noted: a syllable of one ASCII
 * letter or digit, the commonest first keystroke, has a bit of its own in
 * bits[0], so that the filter never lets it through wrongly; the others
 * are hashed into the three other words.
 */
static inline guint
short_syllable_bit (const char *syllable,
                    gsize       length)
{
  guint32 key;

  if (length == 1 && g_ascii_isalnum (syllable[0]))
    return g_ascii_isdigit (syllable[0]) ? syllable[0] - '0'
                                         : 10 + g_ascii_tolower (syllable[0]) - 'a';

  key = (guchar) syllable[0] | (length > 1 ? (guint32) (guchar) syllable[1] << 8 : 0);

  return 64 + ((key * 0x9E3779B1u) >> 24) % 192;
}

/* Notes the syllables of one or two bytes of the folded text [start, end). */
void
atlas_search_short_syllables_add (AtlasSearchShortSyllables *self,
                                  const char                *start,
                                  const char                *end)
{
  const char *p = start;
  const char *syllable;

  g_return_if_fail (self != NULL);

  while ((syllable = next_syllable (&p, end)) != NULL)
    {
      if (p - syllable <= 2)
        {
          guint bit = short_syllable_bit (syllable, p - syllable);

          self->bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
        }
    }
}

/* The filter's bit that says whether the word may be a whole syllable of a
 * text, or G_MAXUINT when it may be one whatever the text.
 */
static guint
short_syllable_bit_of_word (const char *word,
                            gsize       length)
{
  if (length > 2)
    return G_MAXUINT;
  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      if (!in_syllable (p))
        return G_MAXUINT;
    }

  return short_syllable_bit (word, length);
}

static inline void
letter_pairs_set (AtlasSearchLetterPairs *self,
                  guint32                 key)
{
  guint bit = (key * 0x9E3779B1u) >> 23;

  self->bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
}

/* Notes each byte of the folded text [start, end) and each pair of bytes
 * one after the other.
 */
void
atlas_search_letter_pairs_add (AtlasSearchLetterPairs *self,
                               const char             *start,
                               const char             *end)
{
  g_return_if_fail (self != NULL);

  for (const char *p = start; p < end; p++)
    {
      letter_pairs_set (self, (guchar) p[0] | 0x10000);
      if (p + 1 < end)
        letter_pairs_set (self, (guchar) p[0] | (guint32) (guchar) p[1] << 8);
    }
}

static inline gboolean
may_hold_word (const AtlasSearchRank        *self,
               guint                         w,
               const AtlasSearchLetterPairs *letter_pairs)
{
  const guint64 *word = self->letter_pairs[w].bits;
  guint64 missing = 0;

  for (guint i = 0; i < G_N_ELEMENTS (letter_pairs->bits); i++)
    missing |= word[i] & ~letter_pairs->bits[i];

  return missing == 0;
}

/* Whether a text with these letter pairs may hold the word w of the query:
 * FALSE only when it surely lacks it.
 */
gboolean
atlas_search_rank_may_hold (const AtlasSearchRank        *self,
                            guint                         w,
                            const AtlasSearchLetterPairs *letter_pairs)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (w < self->n_words, TRUE);
  g_return_val_if_fail (letter_pairs != NULL, TRUE);

  return may_hold_word (self, w, letter_pairs);
}

/* Whether a text with these letter pairs may hold every word of the query:
 * FALSE only when it surely lacks one.
 */
gboolean
atlas_search_rank_may_hold_all (const AtlasSearchRank        *self,
                                const AtlasSearchLetterPairs *letter_pairs)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (letter_pairs != NULL, TRUE);

  for (guint w = 0; w < self->n_words; w++)
    {
      if (!may_hold_word (self, w, letter_pairs))
        return FALSE;
    }

  return TRUE;
}

/* The query's words as ranking needs them; clear with
 * atlas_search_rank_clear().
 */
void
atlas_search_rank_init (AtlasSearchRank        *self,
                        const AtlasSearchQuery *query)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (query != NULL);

  self->words = atlas_search_query_get_words (query);
  self->n_words = g_strv_length ((char **) self->words);
  self->lengths = g_new0 (gsize, self->n_words + 1);
  self->accented = g_new0 (const char *, self->n_words + 1);
  self->short_bits = g_new0 (guint, self->n_words + 1);
  self->syllable_bits = g_new0 (guint, self->n_words + 1);
  self->letter_pairs = g_new0 (AtlasSearchLetterPairs, self->n_words + 1);
  self->not_syllable_how = g_new0 (guint8, self->n_words + 1);
  self->typing = atlas_search_query_get_typing (query);
  self->phrase = g_strjoinv (" ", (char **) self->words);
  self->phrase_length = strlen (self->phrase);
  self->any_accented = FALSE;
  for (guint w = 0; w < self->n_words; w++)
    {
      self->lengths[w] = strlen (self->words[w]);
      self->accented[w] = atlas_search_query_get_accented (query, w);
      self->any_accented |= self->accented[w] != NULL;
      self->short_bits[w] = short_syllable_bit_of_word (self->words[w], self->lengths[w]);
      self->syllable_bits[w] = syllable_bit_of_word (self->words[w], self->lengths[w]);
      atlas_search_letter_pairs_add (&self->letter_pairs[w], self->words[w],
                                     self->words[w] + self->lengths[w]);
      self->not_syllable_how[w] = w == self->n_words - 1 && self->typing ? ATLAS_SEARCH_PREFIX
                                                                         : ATLAS_SEARCH_INSIDE;
    }

  /* The texts' marks are not kept. */
  self->text_bound = self->any_accented ? ATLAS_SEARCH_OTHER_MARKS : ATLAS_SEARCH_WHOLE;
}

void
atlas_search_rank_clear (AtlasSearchRank *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->lengths, g_free);
  g_clear_pointer (&self->accented, g_free);
  g_clear_pointer (&self->short_bits, g_free);
  g_clear_pointer (&self->syllable_bits, g_free);
  g_clear_pointer (&self->letter_pairs, g_free);
  g_clear_pointer (&self->not_syllable_how, g_free);
  g_clear_pointer (&self->phrase, g_free);
}

/* The best phrase of the words (one word is a phrase) in the folded text
 * from start to its NUL, across the fields it holds: its B, the marks
 * counted as other marks when any were typed (long texts keep none), and
 * where it is; 0 when there is none. Looked for with strstr(), as the
 * long texts are: the first best one found counts.
 */
guint8
atlas_search_rank_phrase (const AtlasSearchRank  *self,
                          const char             *start,
                          const char            **found)
{
  guint8 best = 0;
  guint8 top = self->any_accented ? ATLAS_SEARCH_OTHER_MARKS : ATLAS_SEARCH_WHOLE;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (start != NULL, 0);
  g_return_val_if_fail (found != NULL, 0);

  *found = NULL;
  if (self->n_words == 0)
    return 0;

  for (const char *p = strstr (start, self->phrase); p != NULL; p = strstr (p + 1, self->phrase))
    {
      guint8 how = MIN (how_phrase_at (self, start, p), top);

      if (how > best)
        {
          best = how;
          *found = p;
        }
      if (best == top)
        break;
    }

  return best;
}

/* The most that the long texts with these short syllables could score:
 * an item whose names score at least that need not look in its texts.
 * What does not depend on the texts is worked out once, in
 * atlas_search_rank_init().
 */
guint
atlas_search_rank_text_bound (const AtlasSearchRank           *self,
                              const AtlasSearchShortSyllables *short_syllables)
{
  guint8 bound;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (short_syllables != NULL, 0);

  bound = self->text_bound;
  for (guint w = 0; w < self->n_words; w++)
    {
      guint bit = self->short_bits[w];

      if (bit != G_MAXUINT && !((short_syllables->bits[bit / 64] >> (bit % 64)) & 1))
        bound = MIN (bound, self->not_syllable_how[w]);
    }

  return ATLAS_SEARCH_SCORE (ATLAS_SEARCH_PHRASE, bound, ATLAS_SEARCH_IN_TEXT, 0);
}
