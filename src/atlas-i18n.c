/* atlas-i18n.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "atlas-i18n.h"

/* Tests and `meson devenv` run the app from the build tree, where the
 * compiled catalogs are not under LOCALEDIR yet.
 */
static const char *
atlas_i18n_get_localedir (void)
{
  const char *override = g_getenv ("GEOPARK_ATLAS_LOCALEDIR");

  if (override != NULL && *override != '\0')
    return override;

  return LOCALEDIR;
}

/* The C locale in any of its spellings. */
static gboolean
locale_is_c (const char *locale)
{
  return locale == NULL ||
         g_str_equal (locale, "C") || g_str_equal (locale, "POSIX") ||
         g_str_has_prefix (locale, "C.");
}

/* A real locale for the first language of LANGUAGE, when one is installed. */
static gboolean
set_messages_locale_for_language (void)
{
  static const struct {
    const char *language;
    const char *locale;
  } locales[] = {
    { "vi", "vi_VN" },
    { "en", "en_US" },
  };
  const char *language = g_getenv ("LANGUAGE");
  g_auto(GStrv) wanted = NULL;

  if (language == NULL || *language == '\0')
    return FALSE;

  wanted = g_strsplit (language, ":", 2);
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *utf8 = NULL;

      if (!g_str_has_prefix (wanted[0], locales[i].language))
        continue;

      utf8 = g_strconcat (locales[i].locale, ".UTF-8", NULL);
      if (setlocale (LC_MESSAGES, utf8) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* LANGUAGE as the session gave it, for the "system" choice. */
static char *session_language;

/* The session's locale, with LANGUAGE made to count.
 *
 * glibc ignores LANGUAGE while the message locale is C, which is what a
 * bare session or a container gives us; since glibc 2.41 that includes
 * C.UTF-8. So a presenter's LANGUAGE=vi needs a real message locale:
 * the language's own when it is installed, else C.UTF-8, which older
 * glibc (Debian 12) still lets LANGUAGE override.
 */
static void
set_locale (void)
{
  setlocale (LC_ALL, "");

  if (locale_is_c (setlocale (LC_MESSAGES, NULL)))
    {
      setlocale (LC_ALL, "C.UTF-8");
      set_messages_locale_for_language ();
    }
}

void
atlas_i18n_init (void)
{
  session_language = g_strdup (g_getenv ("LANGUAGE"));
  set_locale ();

  /* gtk_init() would set the locale again from the environment. */
  gtk_disable_setlocale ();

  bindtextdomain (GETTEXT_PACKAGE, atlas_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Switches the interface and the content to "vi", "en", or back to the
 * session's languages ("system"). Widgets built before keep their text:
 * the caller builds them again. Call it on the main thread only: it
 * changes the environment, which glibc's gettext reads.
 */
void
atlas_i18n_set_language (const char *choice)
{
  const char *language;

  g_return_if_fail (choice != NULL);

  if (g_str_equal (choice, "vi") || g_str_equal (choice, "en"))
    language = choice;
  else
    language = session_language;

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  set_locale ();
  /* A new text domain flushes glibc's cache of translations. */
  textdomain (GETTEXT_PACKAGE);
}

/* Content follows the interface: Vietnamese when the user's languages put
 * Vietnamese before English, English otherwise.
 */
AtlasLanguage
atlas_i18n_get_content_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "vi"))
        return ATLAS_LANGUAGE_VI;
      if (g_str_has_prefix (names[i], "en"))
        return ATLAS_LANGUAGE_EN;
    }

  return ATLAS_LANGUAGE_EN;
}
