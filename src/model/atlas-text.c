/* atlas-text.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-text"

#include "config.h"

#include "atlas-text.h"
#include "atlas-text-private.h"

struct _AtlasText
{
  gatomicrefcount  ref_count;
  char            *strings[ATLAS_N_LANGUAGES];
};

G_DEFINE_BOXED_TYPE (AtlasText, atlas_text, atlas_text_ref, atlas_text_unref)

static const char *language_codes[ATLAS_N_LANGUAGES] = { "vi", "en" };

const char *
_atlas_language_to_code (AtlasLanguage language)
{
  g_return_val_if_fail (language < ATLAS_N_LANGUAGES, NULL);

  return language_codes[language];
}

gboolean
atlas_language_from_code (const char    *code,
                          AtlasLanguage *language)
{
  for (guint i = 0; i < ATLAS_N_LANGUAGES; i++)
    {
      if (g_strcmp0 (code, language_codes[i]) == 0)
        {
          if (language != NULL)
            *language = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Either string may be NULL, not both. */
AtlasText *
atlas_text_new (const char *vi,
                const char *en)
{
  AtlasText *text;

  g_return_val_if_fail (vi != NULL || en != NULL, NULL);

  text = g_new0 (AtlasText, 1);
  g_atomic_ref_count_init (&text->ref_count);
  text->strings[ATLAS_LANGUAGE_VI] = g_strdup (vi);
  text->strings[ATLAS_LANGUAGE_EN] = g_strdup (en);

  return text;
}

AtlasText *
atlas_text_ref (AtlasText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  g_atomic_ref_count_inc (&text->ref_count);

  return text;
}

void
atlas_text_unref (AtlasText *text)
{
  g_return_if_fail (text != NULL);

  if (!g_atomic_ref_count_dec (&text->ref_count))
    return;

  for (guint i = 0; i < ATLAS_N_LANGUAGES; i++)
    g_free (text->strings[i]);
  g_free (text);
}

/* The text in this language, or NULL when it has none. */
const char *
atlas_text_get_exact (const AtlasText *text,
                      AtlasLanguage    language)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language < ATLAS_N_LANGUAGES, NULL);

  return text->strings[language];
}

/* The text in this language, falling back to the other one: never NULL. */
const char *
atlas_text_get (const AtlasText *text,
                AtlasLanguage    language)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language < ATLAS_N_LANGUAGES, NULL);

  if (text->strings[language] != NULL)
    return text->strings[language];

  for (guint i = 0; i < ATLAS_N_LANGUAGES; i++)
    {
      if (text->strings[i] != NULL)
        return text->strings[i];
    }

  g_assert_not_reached ();
}
