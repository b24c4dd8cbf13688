/* atlas-place.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "atlas-text.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_PLACE_KIND_GEOLOGY,
  ATLAS_PLACE_KIND_LANDSCAPE,
  ATLAS_PLACE_KIND_CULTURE,
  ATLAS_PLACE_KIND_BIOLOGY,
  ATLAS_PLACE_KIND_VENUE,
  ATLAS_PLACE_KIND_PARTNER_GEOPARK,
  ATLAS_N_PLACE_KINDS
} AtlasPlaceKind;

#define ATLAS_TYPE_PLACE (atlas_place_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPlace, atlas_place, ATLAS, PLACE, GObject)

const char      *atlas_place_get_id           (AtlasPlace *self);
AtlasPlaceKind   atlas_place_get_kind         (AtlasPlace *self);
const char      *atlas_place_get_geopark_id   (AtlasPlace *self);
AtlasText       *atlas_place_get_name         (AtlasPlace *self);
AtlasText       *atlas_place_get_description  (AtlasPlace *self);
double           atlas_place_get_latitude     (AtlasPlace *self);
double           atlas_place_get_longitude    (AtlasPlace *self);
double           atlas_place_get_precision_m  (AtlasPlace *self);
gboolean         atlas_place_get_approximate  (AtlasPlace *self);
const char      *atlas_place_get_source       (AtlasPlace *self);
const char      *atlas_place_get_country      (AtlasPlace *self);

const char      *atlas_place_kind_to_string   (AtlasPlaceKind  kind);
gboolean         atlas_place_kind_from_string (const char     *string,
                                               AtlasPlaceKind *kind);
const char      *atlas_place_kind_get_label   (AtlasPlaceKind  kind);

const char *atlas_place_get_sort_key    (AtlasPlace    *self,
                                         AtlasLanguage  language);

G_END_DECLS
