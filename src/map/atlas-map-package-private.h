/* atlas-map-package-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-map-package.h"

G_BEGIN_DECLS

const char *_atlas_map_package_get_file_name (AtlasMapPackage *self);
char       *_atlas_map_package_plain_text    (const char      *html);

G_END_DECLS
