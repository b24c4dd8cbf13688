/* atlas-i18n.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "atlas-i18n.h"

/* Tests and `meson devenv` run the app from the build tree, where the
 * compiled catalogs are not under LOCALEDIR yet.
 */
const char *
atlas_i18n_get_localedir (void)
{
  const char *override = g_getenv ("GEOPARK_ATLAS_LOCALEDIR");

  if (override != NULL && *override != '\0')
    return override;

  return LOCALEDIR;
}

static gboolean
locale_is_plain_c (const char *locale)
{
  return locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX");
}

void
atlas_i18n_init (void)
{
  const char *messages;

  setlocale (LC_ALL, "");

  /* glibc ignores LANGUAGE while the message locale is plain C/POSIX, which
   * is what a bare session or a container gives us. C.UTF-8 behaves the same
   * for everything else but honours LANGUAGE, so a presenter's LANGUAGE=vi
   * works everywhere.
   */
  messages = setlocale (LC_MESSAGES, NULL);
  if (locale_is_plain_c (messages))
    setlocale (LC_ALL, "C.UTF-8");

  /* gtk_init() would set the locale again from the environment. */
  gtk_disable_setlocale ();

  bindtextdomain (GETTEXT_PACKAGE, atlas_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
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
