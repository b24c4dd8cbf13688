/* main.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "geopark-atlas"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "atlas-application.h"
#include "atlas-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasApplication) app = NULL;

  atlas_i18n_init ();

  app = atlas_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
