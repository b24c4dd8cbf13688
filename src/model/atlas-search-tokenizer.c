/* atlas-search-tokenizer.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-search-tokenizer"

#include "config.h"

#include "atlas-search.h"
#include "atlas-search-tokenizer.h"

/* Vietnamese text cut into the units people type: a syllable ("Đồng",
 * "Văn") is a run of letters and digits, so is a number ("2025") or a
 * word of another language. Hyphens, apostrophes and every other
 * character between them separate tokens. A combining mark, as in text
 * that came decomposed, belongs to the letter before it.
 *
 * Each token is handed on folded as atlas_search_fold() folds (marks
 * removed, đ as d, lower case), with its byte offsets in the original text
 * so that whoever highlights can find it again. The shape is that of
 * SQLite FTS5's xTokenize callback, so that the same tokenizer can serve
 * there.
 */

/* Whether the character belongs to a syllable: a letter or a digit, or a
 * combining mark (which goes with the character before it).
 */
gboolean
atlas_search_is_syllable_char (gunichar c)
{
  GUnicodeType type;

  if (g_unichar_isalnum (c))
    return TRUE;

  type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

/* Calls func for each token of text: length bytes, or up to the NUL when
 * length is negative. Bytes that are not UTF-8 separate tokens, as
 * punctuation does.
 */
void
atlas_search_tokenize (const char           *text,
                       gssize                length,
                       AtlasSearchTokenFunc  func,
                       gpointer              user_data)
{
  g_autoptr(GString) folded = NULL;
  const char *end;
  const char *token = NULL;

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (func != NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  folded = g_string_sized_new (64);

  for (const char *p = text; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gsize n_bytes;
      gboolean in_token;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: a separator of one byte. */
          c = 0;
          n_bytes = 1;
        }
      else
        n_bytes = g_utf8_next_char (p) - p;

      /* A mark with no letter before it is no token. */
      in_token = token != NULL ? atlas_search_is_syllable_char (c) : g_unichar_isalnum (c);

      if (in_token)
        {
          if (token == NULL)
            token = p;
          atlas_search_fold_append_char (folded, c);
        }
      else if (token != NULL)
        {
          gboolean go_on = folded->len == 0 ||
                           func (folded->str, folded->len, token - text, p - text, user_data);

          g_string_truncate (folded, 0);
          token = NULL;
          if (!go_on)
            return;
        }

      p += n_bytes;
    }

  if (token != NULL && folded->len > 0)
    func (folded->str, folded->len, token - text, end - text, user_data);
}
