/* atlas-map-export.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-map-view.h"

G_BEGIN_DECLS

#define ATLAS_MAP_EXPORT_ERROR (atlas_map_export_error_quark ())

typedef enum
{
  ATLAS_MAP_EXPORT_ERROR_NOT_SHOWN,
  ATLAS_MAP_EXPORT_ERROR_RENDER,
} AtlasMapExportError;

GQuark      atlas_map_export_error_quark (void);
GdkTexture *atlas_map_view_render        (AtlasMapView  *view,
                                          int            scale,
                                          GError       **error);
gboolean    atlas_map_view_export_png    (AtlasMapView  *view,
                                          GFile         *file,
                                          int            scale,
                                          GError       **error);

G_END_DECLS
