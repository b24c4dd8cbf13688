/* atlas-map-package.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-mercator.h"

G_BEGIN_DECLS

#define ATLAS_MAP_PACKAGE_ERROR (atlas_map_package_error_quark ())

typedef enum
{
  ATLAS_MAP_PACKAGE_ERROR_NOT_FOUND,
  ATLAS_MAP_PACKAGE_ERROR_NOT_LOCAL,
  ATLAS_MAP_PACKAGE_ERROR_NOT_SQLITE,
  ATLAS_MAP_PACKAGE_ERROR_NO_TILES,
  ATLAS_MAP_PACKAGE_ERROR_EMPTY,
  ATLAS_MAP_PACKAGE_ERROR_VECTOR,
  ATLAS_MAP_PACKAGE_ERROR_FORMAT,
  ATLAS_MAP_PACKAGE_ERROR_CORRUPT_TILE,
  ATLAS_MAP_PACKAGE_ERROR_READ,
} AtlasMapPackageError;

#define ATLAS_TYPE_MAP_PACKAGE (atlas_map_package_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapPackage, atlas_map_package, ATLAS, MAP_PACKAGE, GObject)

GQuark             atlas_map_package_error_quark   (void);
AtlasMapPackage   *atlas_map_package_open          (GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void               atlas_map_package_open_async    (GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
AtlasMapPackage   *atlas_map_package_open_finish   (GAsyncResult         *result,
                                                    GError              **error);
GFile             *atlas_map_package_get_file      (AtlasMapPackage      *self);
const char        *atlas_map_package_get_name      (AtlasMapPackage      *self);
const char        *atlas_map_package_get_attribution (AtlasMapPackage    *self);
const char        *atlas_map_package_get_format    (AtlasMapPackage      *self);
int                atlas_map_package_get_min_zoom  (AtlasMapPackage      *self);
int                atlas_map_package_get_max_zoom  (AtlasMapPackage      *self);
const AtlasBounds *atlas_map_package_get_bounds    (AtlasMapPackage      *self);
gboolean           atlas_map_package_covers        (AtlasMapPackage      *self,
                                                    double                latitude,
                                                    double                longitude);
GBytes            *atlas_map_package_read_tile     (AtlasMapPackage      *self,
                                                    int                   x,
                                                    int                   y,
                                                    int                   zoom_level,
                                                    GError              **error);

G_END_DECLS
