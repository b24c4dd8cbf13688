/* atlas-map-view.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_VIEW (atlas_map_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapView, atlas_map_view, ATLAS, MAP_VIEW, GtkWidget)

void             atlas_map_view_set_tile_url    (AtlasMapView *self,
                                                 const char   *tile_url);
void             atlas_map_view_set_basemap     (AtlasMapView *self,
                                                 const char   *basemap);
gboolean         atlas_map_view_get_offline     (AtlasMapView *self);
void             atlas_map_view_set_map_package (AtlasMapView *self,
                                                 const char   *path);
const char      *atlas_map_view_get_map_package (AtlasMapView *self);
void             atlas_map_view_open_map_package (AtlasMapView *self,
                                                  GFile        *file);
void             atlas_map_view_set_dataset     (AtlasMapView *self,
                                                 AtlasDataset *dataset);
ShumateViewport *atlas_map_view_get_viewport    (AtlasMapView *self);
void             atlas_map_view_set_presenting  (AtlasMapView *self,
                                                 gboolean      presenting);
void             atlas_map_view_set_fit_insets  (AtlasMapView    *self,
                                                 const GtkBorder *insets);
void             atlas_map_view_set_fit_max_zoom (AtlasMapView *self,
                                                  double        zoom);
void             atlas_map_view_set_cover       (AtlasMapView *self,
                                                 GtkWidget    *cover);
void             atlas_map_view_set_view        (AtlasMapView *self,
                                                 double        latitude,
                                                 double        longitude,
                                                 double        zoom);
void             atlas_map_view_zoom_in         (AtlasMapView *self);
void             atlas_map_view_zoom_out        (AtlasMapView *self);
void             atlas_map_view_fit_bounds      (AtlasMapView *self,
                                                 double        south,
                                                 double        west,
                                                 double        north,
                                                 double        east,
                                                 gboolean      animate);
void             atlas_map_view_fit_places      (AtlasMapView *self,
                                                 GPtrArray    *places,
                                                 gboolean      animate);
void             atlas_map_view_fit_geopark     (AtlasMapView *self,
                                                 AtlasGeopark *geopark,
                                                 gboolean      animate);
void             atlas_map_view_select_place    (AtlasMapView *self,
                                                 AtlasPlace   *place);
void             atlas_map_view_select_places   (AtlasMapView *self,
                                                 GPtrArray    *places);
void             atlas_map_view_set_search_results (AtlasMapView *self,
                                                    GListModel   *places);
void             atlas_map_view_set_search_geoparks (AtlasMapView *self,
                                                     GPtrArray    *geoparks);

G_END_DECLS
