/* atlas-shape-raster.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

typedef struct _AtlasShapeRaster AtlasShapeRaster;

AtlasShapeRaster *atlas_shape_raster_new    (void);
void              atlas_shape_raster_free   (AtlasShapeRaster *self);
void              atlas_shape_raster_begin  (AtlasShapeRaster *self,
                                             int               width,
                                             int               height,
                                             double            line_width,
                                             const double     *dashes,
                                             guint             n_dashes);
void              atlas_shape_raster_add    (AtlasShapeRaster *self,
                                             const double     *points,
                                             guint             n_points,
                                             gboolean          fill,
                                             gboolean          stroke);
void              atlas_shape_raster_finish (AtlasShapeRaster *self,
                                             const GdkRGBA    *fill,
                                             const GdkRGBA    *stroke,
                                             guchar           *data,
                                             int               stride);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasShapeRaster, atlas_shape_raster_free)

G_END_DECLS
