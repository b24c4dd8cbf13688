/* atlas-package-source.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-map-package.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PACKAGE_SOURCE (atlas_package_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPackageSource, atlas_package_source, ATLAS, PACKAGE_SOURCE,
                      ShumateDataSource)

AtlasPackageSource *atlas_package_source_new         (AtlasMapPackage    *package);
AtlasMapPackage    *atlas_package_source_get_package (AtlasPackageSource *self);
gboolean            atlas_package_source_get_asked   (AtlasPackageSource *self);

G_END_DECLS
