/* atlas-geopark-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-geopark.h"

G_BEGIN_DECLS

/* Filled in by the dataset loader, read-only afterwards. */
struct _AtlasGeopark
{
  GObject             parent_instance;

  char               *id;
  AtlasText          *name;
  AtlasText          *short_name;
  AtlasText          *description;
  AtlasColour         colour;
  GDate               designated;
  AtlasDatePrecision  designated_precision;
  AtlasText          *designated_note;
  GArray             *revalidations;   /* AtlasRevalidation */
  GArray             *areas;           /* AtlasAreaFigure */
  AtlasText          *province;
  AtlasText          *province_before_2025;
  double              latitude;
  double              longitude;
  GArray             *outline;         /* AtlasPoint, a closed ring */
  gboolean            outline_approximate;
  AtlasText          *outline_note;
  char              **sources;

  /* Where the dataset's search index holds it, set by the dataset. */
  guint               search_position;
};

AtlasGeopark *_atlas_geopark_new (void);

G_END_DECLS
