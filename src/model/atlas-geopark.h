/* atlas-geopark.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "atlas-article.h"
#include "atlas-colour.h"
#include "atlas-text.h"

G_BEGIN_DECLS

typedef struct
{
  int        year;
  AtlasText *note;     /* may be NULL */
  char      *source;   /* may be NULL */
} AtlasRevalidation;

/* One figure for the area; sources disagree, so each names its own. */
typedef struct
{
  double     km2;
  AtlasText *note;     /* may be NULL */
  char      *source;
} AtlasAreaFigure;

typedef struct
{
  double longitude;
  double latitude;
} AtlasPoint;

#define ATLAS_TYPE_GEOPARK (atlas_geopark_get_type ())

G_DECLARE_FINAL_TYPE (AtlasGeopark, atlas_geopark, ATLAS, GEOPARK, GObject)

const char              *atlas_geopark_get_id                   (AtlasGeopark *self);
AtlasText               *atlas_geopark_get_name                 (AtlasGeopark *self);
AtlasText               *atlas_geopark_get_short_name           (AtlasGeopark *self);
AtlasText               *atlas_geopark_get_description          (AtlasGeopark *self);
const AtlasColour       *atlas_geopark_get_colour               (AtlasGeopark *self);
const GDate             *atlas_geopark_get_designated           (AtlasGeopark *self);
AtlasDatePrecision       atlas_geopark_get_designated_precision (AtlasGeopark *self);
AtlasText               *atlas_geopark_get_designated_note      (AtlasGeopark *self);
const AtlasRevalidation *atlas_geopark_get_revalidations        (AtlasGeopark *self,
                                                                 guint        *n_revalidations);
const AtlasAreaFigure   *atlas_geopark_get_areas                (AtlasGeopark *self,
                                                                 guint        *n_areas);
AtlasText               *atlas_geopark_get_province             (AtlasGeopark *self);
AtlasText               *atlas_geopark_get_province_before_2025 (AtlasGeopark *self);
double                   atlas_geopark_get_latitude             (AtlasGeopark *self);
double                   atlas_geopark_get_longitude            (AtlasGeopark *self);
const AtlasPoint        *atlas_geopark_get_outline              (AtlasGeopark *self,
                                                                 guint        *n_points);
gboolean                 atlas_geopark_get_outline_approximate  (AtlasGeopark *self);
AtlasText               *atlas_geopark_get_outline_note         (AtlasGeopark *self);
const char * const      *atlas_geopark_get_sources              (AtlasGeopark *self);

G_END_DECLS
