/* atlas-offline-map-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-offline-map.h"

G_BEGIN_DECLS

/* For the tests */
GPtrArray *_atlas_offline_map_read_water       (void);
void       _atlas_offline_map_get_river_colour (int       rank,
                                                gboolean  dark,
                                                GdkRGBA  *colour);
GPtrArray *_atlas_offline_map_read_world       (void);
void       _atlas_offline_map_get_land_colour  (gboolean  dark,
                                                GdkRGBA  *colour);

G_END_DECLS
