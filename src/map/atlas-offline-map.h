/* atlas-offline-map.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-shape-layer.h"
#include "atlas-text.h"

G_BEGIN_DECLS

void atlas_offline_map_populate     (AtlasShapeLayer *layer,
                                     AtlasLanguage    language,
                                     gboolean         dark);
void atlas_offline_map_preload      (AtlasLanguage    language);
void atlas_offline_map_drop_preload (void);

G_END_DECLS
