/* atlas-search.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-search"

#include "config.h"

#include "atlas-search.h"
#include "atlas-search-private.h"

/* Accent-insensitive Vietnamese search.
 *
 * GLib's own folding turns "đồng" into "?ong" (g_str_to_ascii has no
 * transliteration for đ) and only matches word prefixes, so "dong van"
 * would not find "Đồng Văn". Ours: decompose, drop the combining marks
 * (tones and vowel hats), map đ/Đ to d, lowercase. Data is folded once
 * when it is loaded, each query once per keystroke.
 */

/* One character of the text, composed or decomposed as it came: its
 * canonical decomposition without the combining marks, đ as d, in lower
 * case. A combining mark on its own folds to nothing. Folding character by
 * character is what lets the highlighting map the folded text back.
 */
static void
append_folded (GString  *folded,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n_decomposed;

  /* Most of any text, Vietnamese too: the same answer, much sooner. */
  if (c < 0x80)
    {
      g_string_append_c (folded, g_ascii_tolower (c));
      return;
    }

  n_decomposed = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n_decomposed; i++)
    {
      gunichar d = decomposed[i];

      if (g_unichar_type (d) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (d == 0x0110 || d == 0x0111) /* Đ đ */
        d = 'd';
      g_string_append_unichar (folded, g_unichar_tolower (d));
    }
}

/* Folding the same few hundred letters again and again is most of the
 * load time of a large dataset: below U+2000 (Latin, Vietnamese, Greek,
 * Cyrillic) each character's folding is looked up, made once per process.
 */
#define FOLD_TABLE_SIZE 0x2000

typedef struct
{
  char bytes[15];
  guint8 length;
} Folded;

static const Folded *
fold_table (void)
{
  static Folded *table;

  if (g_once_init_enter (&table))
    {
      Folded *made = g_new0 (Folded, FOLD_TABLE_SIZE);

      for (gunichar c = 0; c < FOLD_TABLE_SIZE; c++)
        {
          g_autoptr(GString) folded = g_string_new (NULL);

          append_folded (folded, c);
          g_assert (folded->len < sizeof made[c].bytes);
          memcpy (made[c].bytes, folded->str, folded->len);
          made[c].length = folded->len;
        }
      g_once_init_leave (&table, made);
    }

  return table;
}

/* Appends the folding of one character, as atlas_search_fold() folds it:
 * nothing for a combining mark. For whoever cuts text into words itself,
 * such as the tokenizer.
 */
void
atlas_search_fold_append_char (GString  *folded,
                               gunichar  c)
{
  g_return_if_fail (folded != NULL);

  if (c < FOLD_TABLE_SIZE)
    {
      const Folded *table = fold_table ();

      g_string_append_len (folded, table[c].bytes, table[c].length);
    }
  else
    append_folded (folded, c);
}

/* Makes room in folded for at least needed more bytes after length. */
static char *
grow (GString *folded,
      gsize    length,
      gsize    needed)
{
  if (length + needed >= folded->len)
    g_string_set_size (folded, 2 * folded->len + needed);

  return folded->str;
}

/* Folds text, valid UTF-8, onto the end of folded. Written straight into
 * its buffer: this runs over every byte of a dataset when it is loaded.
 */
static void
fold_onto (GString    *folded,
           const char *text)
{
  const Folded *table = fold_table ();
  gsize length = folded->len;
  char *out;

  /* The text's own length is enough but for a few characters. */
  g_string_set_size (folded, length + strlen (text) + 16);
  out = folded->str;
  for (const char *p = text; *p != '\0'; )
    {
      const char *bytes;
      gsize n_bytes;
      g_autoptr(GString) other = NULL;
      gunichar c;

      /* ASCII, most of any text, folds to one byte. */
      if ((guchar) *p < 0x80)
        {
          out = grow (folded, length, 1);
          out[length++] = table[(guchar) *p++].bytes[0];
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (c < FOLD_TABLE_SIZE)
        {
          bytes = table[c].bytes;
          n_bytes = table[c].length;
        }
      else
        {
          other = g_string_new (NULL);
          append_folded (other, c);
          bytes = other->str;
          n_bytes = other->len;
        }

      out = grow (folded, length, n_bytes);
      memcpy (out + length, bytes, n_bytes);
      length += n_bytes;
    }

  g_string_truncate (folded, length);
}

char *
atlas_search_fold (const char *text)
{
  GString *folded;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  folded = g_string_sized_new (strlen (text) + 16);
  fold_onto (folded, text);

  return g_string_free (folded, FALSE);
}

/* Appends the text folded; nothing when it is not valid UTF-8. */
void
_atlas_search_fold_append (GString    *folded,
                           const char *text)
{
  g_return_if_fail (folded != NULL);
  g_return_if_fail (text != NULL);

  if (g_utf8_validate (text, -1, NULL))
    fold_onto (folded, text);
}

/* Appends the text folded, for text known to be valid UTF-8 (a dataset's,
 * checked when it was loaded): checking it again was a quarter of the
 * folding.
 */
void
atlas_search_fold_append_valid (GString    *folded,
                                const char *text)
{
  g_return_if_fail (folded != NULL);
  g_return_if_fail (text != NULL);

  fold_onto (folded, text);
}

/* What was typed, as the search and its ranking need it: the words,
 * folded; each word as typed, in lower case, when it was typed with marks
 * (accents, đ), so that syllables with exactly those marks can come first;
 * and whether the last word may still be growing (nothing typed after it),
 * so that a syllable it begins counts above one it is inside.
 */
struct _AtlasSearchQuery
{
  GStrv     words;
  char    **accented;  /* by word; NULL for a word typed without marks */
  gboolean  typing;
};

/* What separates the words of a query. Hyphens and the like are not: a
 * word matches the text as typed, "Bản-Giốc" only where it is written so.
 */
#define QUERY_SEPARATORS " \t\n,.;:!?\"'()"

AtlasSearchQuery *
atlas_search_query_new (const char *text)
{
  AtlasSearchQuery *self;
  g_auto(GStrv) pieces = NULL;
  gsize length;
  guint n_words = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = "";

  length = strlen (text);
  pieces = g_strsplit_set (text, QUERY_SEPARATORS, -1);
  self = g_new0 (AtlasSearchQuery, 1);
  self->words = g_new0 (char *, g_strv_length (pieces) + 1);
  self->accented = g_new0 (char *, g_strv_length (pieces) + 1);
  self->typing = length > 0 && strchr (QUERY_SEPARATORS, text[length - 1]) == NULL;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *folded = atlas_search_fold (pieces[i]);
      g_autofree char *lower = NULL;

      if (*folded == '\0')
        continue;

      lower = g_utf8_strdown (pieces[i], -1);
      if (!g_str_equal (lower, folded))
        self->accented[n_words] = g_utf8_normalize (lower, -1, G_NORMALIZE_NFC);
      self->words[n_words++] = g_steal_pointer (&folded);
    }

  return self;
}

void
atlas_search_query_free (AtlasSearchQuery *self)
{
  g_return_if_fail (self != NULL);

  /* Not a GStrv: NULL for the words typed without marks. */
  for (guint i = 0; self->words[i] != NULL; i++)
    g_free (self->accented[i]);
  g_free (self->accented);
  g_strfreev (self->words);
  g_free (self);
}

/* The words folded, as atlas_search_parse() gives them. */
const char * const *
atlas_search_query_get_words (const AtlasSearchQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->words;
}

/* The word as typed, lower case and composed (NFC), when it was typed with
 * marks; NULL otherwise.
 */
const char *
atlas_search_query_get_accented (const AtlasSearchQuery *self,
                                 guint                   word)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word < g_strv_length (self->words), NULL);

  return self->accented[word];
}

/* Whether the query ends in its last word rather than in a space or
 * punctuation: the word may be the start of a syllable still being typed.
 */
gboolean
atlas_search_query_get_typing (const AtlasSearchQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->typing && self->words[0] != NULL;
}

/* The query's words, folded; empty when there is nothing to search for. */
char **
atlas_search_parse (const char *query)
{
  g_autoptr(AtlasSearchQuery) parsed = NULL;

  g_return_val_if_fail (query != NULL, NULL);

  parsed = atlas_search_query_new (query);

  return g_strdupv (parsed->words);
}

/* Every word somewhere in the text, inside words too ("gioc" in "bangioc"). */
gboolean
_atlas_search_matches (const char         *folded_text,
                       const char * const *folded_words)
{
  g_return_val_if_fail (folded_text != NULL, FALSE);
  g_return_val_if_fail (folded_words != NULL, FALSE);

  for (guint i = 0; folded_words[i] != NULL; i++)
    {
      if (strstr (folded_text, folded_words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* What find_words says of each character of the text, by its offset. */
enum
{
  FOLDS_TO_NOTHING, /* a combining mark of decomposed text */
  NOT_FOUND,
  FOUND,
};

/* Folds the text character by character, noting for each folded byte the
 * character it comes from, then notes the characters that some occurrence of
 * a word covers, even in part: a match never splits a character.
 */
static guint8 *
find_words (const char         *text,
              const char * const *folded_words)
{
  gsize length = strlen (text);
  guint8 *states = g_new0 (guint8, length + 1);
  g_autoptr(GString) folded = g_string_sized_new (length);
  g_autoptr(GArray) origins = g_array_sized_new (FALSE, FALSE, sizeof (gsize), length);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize offset = p - text;
      gsize folded_before = folded->len;

      append_folded (folded, g_utf8_get_char (p));
      if (folded->len > folded_before)
        states[offset] = NOT_FOUND;
      while (origins->len < folded->len)
        g_array_append_val (origins, offset);
    }

  for (guint w = 0; folded_words[w] != NULL; w++)
    {
      gsize word_length = strlen (folded_words[w]);

      if (word_length == 0)
        continue;

      /* One byte on, to find overlapping occurrences too. */
      for (const char *found = strstr (folded->str, folded_words[w]);
           found != NULL;
           found = strstr (found + 1, folded_words[w]))
        {
          gsize start = found - folded->str;

          for (gsize i = start; i < start + word_length; i++)
            states[g_array_index (origins, gsize, i)] = FOUND;
        }
    }

  return states;
}

static void
append_escaped (GString    *markup,
                const char *start,
                const char *end)
{
  g_autofree char *escaped = g_markup_escape_text (start, end - start);

  g_string_append (markup, escaped);
}

/* The text as Pango markup with what the search found in it highlighted:
 * each stretch of the text whose folded form is one of the words, the
 * accents and marks that go with it included. The search matches words
 * anywhere, so the highlight does too.
 */
char *
atlas_search_highlight (const char         *text,
                        const char * const *folded_words)
{
  static const char * const no_words[] = { NULL };
  g_autofree char *valid = NULL;
  g_autofree guint8 *states = NULL;
  GString *markup;
  const char *run;
  gboolean in_match = FALSE;

  g_return_val_if_fail (text != NULL, g_strdup (""));

  valid = g_utf8_make_valid (text, -1);
  states = find_words (valid, folded_words != NULL ? folded_words : no_words);
  markup = g_string_sized_new (strlen (valid));
  run = valid;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint8 state = states[p - valid];

      /* A combining mark goes with the character before it. */
      if (state == FOLDS_TO_NOTHING || (state == FOUND) == in_match)
        continue;

      append_escaped (markup, run, p);
      g_string_append (markup, in_match ? ATLAS_SEARCH_HIGHLIGHT_CLOSE
                                        : ATLAS_SEARCH_HIGHLIGHT_OPEN);
      in_match = !in_match;
      run = p;
    }

  append_escaped (markup, run, valid + strlen (valid));
  if (in_match)
    g_string_append (markup, ATLAS_SEARCH_HIGHLIGHT_CLOSE);

  return g_string_free (markup, FALSE);
}
