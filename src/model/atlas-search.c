/* atlas-search.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-search.h"

/* Accent-insensitive Vietnamese search.
 *
 * GLib's own folding turns "đồng" into "?ong" (g_str_to_ascii has no
 * transliteration for đ) and only matches word prefixes, so "dong van"
 * would not find "Đồng Văn". Ours: decompose, drop the combining marks
 * (tones and vowel hats), map đ/Đ to d, lowercase. Data is folded once
 * when it is loaded, each query once per keystroke.
 */

char *
atlas_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *folded;

  g_return_val_if_fail (text != NULL, NULL);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (c == 0x0110 || c == 0x0111) /* Đ đ */
        c = 'd';
      g_string_append_unichar (folded, g_unichar_tolower (c));
    }

  return g_string_free (folded, FALSE);
}

/* The query's words, folded; empty when there is nothing to search for. */
char **
atlas_search_parse (const char *query)
{
  g_autofree char *folded = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (query != NULL, NULL);

  folded = atlas_search_fold (query);
  words = g_strsplit_set (folded, " \t\n,.;:!?\"'()", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    }

  return g_strv_builder_end (builder);
}

/* Every word somewhere in the text, inside words too ("gioc" in "bangioc"). */
gboolean
atlas_search_matches (const char         *folded_text,
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
