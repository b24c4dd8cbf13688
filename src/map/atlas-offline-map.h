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

gboolean atlas_offline_map_has_world         (void);
void     atlas_offline_map_read_world_async  (GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean atlas_offline_map_read_world_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
