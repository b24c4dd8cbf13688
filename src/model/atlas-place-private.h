/* atlas-place-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-place.h"

G_BEGIN_DECLS

/* Filled in by the dataset loader, read-only afterwards. */
struct _AtlasPlace
{
  GObject         parent_instance;

  char           *id;
  AtlasPlaceKind  kind;
  char           *geopark_id;
  AtlasText      *name;
  AtlasText      *description;
  double          latitude;
  double          longitude;
  double          precision_m;
  gboolean        approximate;
  char           *source;
  char           *country;

  /* Where the dataset's search index holds it, and the name's sort key in
   * each language, set by the dataset.
   */
  guint               search_position;
  char               *sort_keys[ATLAS_N_LANGUAGES];
};

G_END_DECLS
