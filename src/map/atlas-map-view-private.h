/* atlas-map-view-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-map-view.h"
#include "atlas-pin.h"

G_BEGIN_DECLS

GList     *_atlas_map_view_get_pins         (AtlasMapView *self);
GtkWidget *_atlas_map_view_get_map          (AtlasMapView *self);
void       _atlas_map_view_set_animated     (AtlasMapView *self,
                                             gboolean      animated);
void       _atlas_map_view_click            (AtlasMapView *self,
                                             double        x,
                                             double        y);
void       _atlas_map_view_snapshot_content (AtlasMapView *self,
                                             GtkSnapshot  *snapshot,
                                             int           scale);
void       _atlas_map_view_set_cached       (AtlasMapView *self,
                                             gboolean      cached);
guint      _atlas_map_view_count_cached_tiles (AtlasMapView *self);
gboolean   _atlas_map_view_get_picture_pending (AtlasMapView *self);
guint      _atlas_map_view_count_circles      (AtlasMapView *self);

/* atlas-map-export.c */
void _atlas_map_view_class_add_export_actions (GtkWidgetClass *widget_class);

G_END_DECLS
