/* atlas-tile-source.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define ATLAS_TILE_SOURCE_ERROR (atlas_tile_source_error_quark ())

typedef enum
{
  ATLAS_TILE_SOURCE_ERROR_INVALID_TEMPLATE,
  ATLAS_TILE_SOURCE_ERROR_HTTP,
} AtlasTileSourceError;

#define ATLAS_TYPE_TILE_SOURCE (atlas_tile_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTileSource, atlas_tile_source, ATLAS, TILE_SOURCE, ShumateDataSource)

GQuark           atlas_tile_source_error_quark       (void);
AtlasTileSource *atlas_tile_source_new               (const char  *url_template,
                                                      const char  *cache_dir);
gboolean         atlas_tile_source_get_reachable     (AtlasTileSource *self);
gboolean         atlas_tile_source_validate_template (const char  *url_template,
                                                      GError     **error);

G_END_DECLS
