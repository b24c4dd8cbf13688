/* atlas-collate.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-collate"

#include "config.h"

#include <string.h>

#include "atlas-collate.h"

/* Sorting names the way their readers expect, whatever locale is installed.
 *
 * g_utf8_collate_key() is only right for Vietnamese under a vi_VN locale,
 * which is often missing; under C.UTF-8 every accented word sorts after Y.
 * Ours works on the letters themselves. In Vietnamese, ă and â are letters
 * of their own after a, as are đ after d, ê after e, ô and ơ after o and ư
 * after u; tones only decide between words that are otherwise equal, in
 * the dictionaries' order: none, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ).
 * In English, all of those are marks on the base letter.
 *
 * A key compares with strcmp(): the letters, then the vowel marks and
 * tones, then the case, each level ended by \1, then the text itself so
 * that no two different names compare equal.
 */

enum {
  MARK_NONE,
  MARK_BREVE,       /* ă */
  MARK_CIRCUMFLEX,  /* â ê ô */
  MARK_HORN,        /* ơ ư */
  MARK_STROKE,      /* đ */
};

enum {
  TONE_NONE,
  TONE_GRAVE,       /* huyền */
  TONE_HOOK,        /* hỏi */
  TONE_TILDE,       /* ngã */
  TONE_ACUTE,       /* sắc */
  TONE_DOT,         /* nặng */
  TONE_OTHER,       /* any other mark, after the Vietnamese ones */
};

#define LEVEL_END      '\1'
#define SPACE_WEIGHT   '\2'
#define OTHER_WEIGHT   '\3'
#define DIGIT_WEIGHT   0x10
#define LETTER_WEIGHT  0x20

/* The Vietnamese alphabet, with f j w z of borrowed words where Latin has them. */
static const struct {
  char letter;
  int  mark;
} vietnamese_alphabet[] = {
  { 'a', MARK_NONE }, { 'a', MARK_BREVE }, { 'a', MARK_CIRCUMFLEX }, { 'b', MARK_NONE },
  { 'c', MARK_NONE }, { 'd', MARK_NONE }, { 'd', MARK_STROKE }, { 'e', MARK_NONE },
  { 'e', MARK_CIRCUMFLEX }, { 'f', MARK_NONE }, { 'g', MARK_NONE }, { 'h', MARK_NONE },
  { 'i', MARK_NONE }, { 'j', MARK_NONE }, { 'k', MARK_NONE }, { 'l', MARK_NONE },
  { 'm', MARK_NONE }, { 'n', MARK_NONE }, { 'o', MARK_NONE }, { 'o', MARK_CIRCUMFLEX },
  { 'o', MARK_HORN }, { 'p', MARK_NONE }, { 'q', MARK_NONE }, { 'r', MARK_NONE },
  { 's', MARK_NONE }, { 't', MARK_NONE }, { 'u', MARK_NONE }, { 'u', MARK_HORN },
  { 'v', MARK_NONE }, { 'w', MARK_NONE }, { 'x', MARK_NONE }, { 'y', MARK_NONE },
  { 'z', MARK_NONE },
};

static int
tone_of (gunichar mark)
{
  switch (mark)
    {
    case 0x0300: return TONE_GRAVE;
    case 0x0309: return TONE_HOOK;
    case 0x0303: return TONE_TILDE;
    case 0x0301: return TONE_ACUTE;
    case 0x0323: return TONE_DOT;
    default: return TONE_OTHER;
    }
}

static int
vowel_mark_of (gunichar mark)
{
  switch (mark)
    {
    case 0x0306: return MARK_BREVE;
    case 0x0302: return MARK_CIRCUMFLEX;
    case 0x031B: return MARK_HORN;
    default: return MARK_NONE;
    }
}

/* The letter's place: in the Vietnamese alphabet, or by its base letter. */
static guint
letter_rank (char          base,
             int           mark,
             AtlasLanguage language)
{
  if (language == ATLAS_LANGUAGE_VI)
    {
      for (guint i = 0; i < G_N_ELEMENTS (vietnamese_alphabet); i++)
        if (vietnamese_alphabet[i].letter == base && vietnamese_alphabet[i].mark == mark)
          return i;
      /* A mark Vietnamese does not have on this letter: the base letter. */
      return letter_rank (base, MARK_NONE, language);
    }

  return base - 'a';
}

char *
atlas_collate_key (const char    *text,
                   AtlasLanguage  language)
{
  g_autofree char *decomposed = NULL;
  GString *primary, *secondary, *tertiary;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    decomposed = g_utf8_make_valid (text, -1);

  primary = g_string_new (NULL);
  secondary = g_string_new (NULL);
  tertiary = g_string_new (NULL);

  for (p = decomposed; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char (p);
      gunichar lower = g_unichar_tolower (c);
      gboolean upper = lower != c;
      int mark = MARK_NONE, tone = TONE_NONE;

      p = g_utf8_next_char (p);
      /* The marks that follow the letter are part of it. */
      while (*p != '\0' && g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_NON_SPACING_MARK)
        {
          gunichar m = g_utf8_get_char (p);

          if (vowel_mark_of (m) != MARK_NONE)
            mark = vowel_mark_of (m);
          else
            tone = MAX (tone, tone_of (m));
          p = g_utf8_next_char (p);
        }
      if (lower == 0x0111) /* đ */
        {
          lower = 'd';
          mark = MARK_STROKE;
        }

      if (lower >= 'a' && lower <= 'z')
        {
          guint rank = letter_rank ((char) lower, mark, language);

          g_string_append_c (primary, (char) (LETTER_WEIGHT + rank));
          /* English orders the vowel marks after the tones. */
          g_string_append_c (secondary, (char) (SPACE_WEIGHT + tone +
                                                (language == ATLAS_LANGUAGE_VI ? 0 :
                                                 mark * (TONE_OTHER + 1))));
          g_string_append_c (tertiary, upper ? OTHER_WEIGHT : SPACE_WEIGHT);
        }
      else if (lower >= '0' && lower <= '9')
        g_string_append_c (primary, (char) (DIGIT_WEIGHT + (lower - '0')));
      else if (g_unichar_isspace (lower))
        g_string_append_c (primary, SPACE_WEIGHT);
      else if (lower < 0x80 || !g_unichar_isalnum (lower))
        g_string_append_c (primary, OTHER_WEIGHT);
      else
        /* Other scripts: after the Latin letters, in code point order. */
        g_string_append_unichar (primary, lower);
    }

  g_string_append_c (primary, LEVEL_END);
  g_string_append_len (primary, secondary->str, secondary->len);
  g_string_append_c (primary, LEVEL_END);
  g_string_append_len (primary, tertiary->str, tertiary->len);
  g_string_append_c (primary, LEVEL_END);
  g_string_append (primary, text);

  g_string_free (secondary, TRUE);
  g_string_free (tertiary, TRUE);

  return g_string_free (primary, FALSE);
}
