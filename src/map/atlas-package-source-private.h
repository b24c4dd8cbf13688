/* atlas-package-source-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-package-source.h"

G_BEGIN_DECLS

guint _atlas_package_source_get_n_reading (AtlasPackageSource *self);
int   _atlas_package_source_get_last_zoom (AtlasPackageSource *self);

G_END_DECLS
