/* atlas-map-view.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_VIEW (atlas_map_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapView, atlas_map_view, ATLAS, MAP_VIEW, GtkWidget)

const char      *atlas_map_view_get_tile_url (AtlasMapView *self);
void             atlas_map_view_set_tile_url (AtlasMapView *self,
                                              const char   *tile_url);
ShumateViewport *atlas_map_view_get_viewport (AtlasMapView *self);
void             atlas_map_view_zoom_in      (AtlasMapView *self);
void             atlas_map_view_zoom_out     (AtlasMapView *self);

G_END_DECLS
