/* atlas-shape-layer.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-geopark.h"

G_BEGIN_DECLS

/* How a shape is drawn. */
typedef struct
{
  GdkRGBA  fill;
  GdkRGBA  stroke;
  double   stroke_width;
  gboolean dashed;
  GdkRGBA  label_colour;
  GdkRGBA  label_halo;         /* around the letters, to read over lines */
  double   label_scale;        /* relative to the widget's font */
  double   label_min_zoom;     /* labels hide below this zoom level */
  double   min_zoom;           /* the whole shape hides below this zoom level */
} AtlasShapeStyle;

/* A polygon (an outer ring and its holes) with a label, on the map. */
typedef struct _AtlasShape AtlasShape;

AtlasShape *atlas_shape_new            (const char            *id,
                                        const char            *label,
                                        double                 label_latitude,
                                        double                 label_longitude);
void        atlas_shape_free           (AtlasShape            *shape);
void        atlas_shape_add_ring       (AtlasShape            *shape,
                                        const AtlasPoint      *points,
                                        guint                  n_points);
const char *atlas_shape_get_id         (const AtlasShape      *shape);
void        atlas_shape_set_style      (AtlasShape            *shape,
                                        const AtlasShapeStyle *style);
void        atlas_shape_get_bounds     (const AtlasShape      *shape,
                                        AtlasPoint            *south_west,
                                        AtlasPoint            *north_east);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasShape, atlas_shape_free)

#define ATLAS_TYPE_SHAPE_LAYER (atlas_shape_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasShapeLayer, atlas_shape_layer, ATLAS, SHAPE_LAYER, ShumateLayer)

AtlasShapeLayer  *atlas_shape_layer_new            (ShumateViewport *viewport);
void              atlas_shape_layer_add            (AtlasShapeLayer *self,
                                                    AtlasShape      *shape);
void              atlas_shape_layer_clear          (AtlasShapeLayer *self);
guint             atlas_shape_layer_get_n_shapes   (AtlasShapeLayer *self);
AtlasShape       *atlas_shape_layer_get_shape      (AtlasShapeLayer *self,
                                                    guint            index);
const AtlasShape *atlas_shape_layer_pick           (AtlasShapeLayer *self,
                                                    double           x,
                                                    double           y);
void              atlas_shape_layer_set_background (AtlasShapeLayer *self,
                                                    const GdkRGBA   *background);
void              atlas_shape_layer_set_cached     (AtlasShapeLayer *self,
                                                    gboolean         cached);
gboolean          atlas_shape_layer_get_cached     (AtlasShapeLayer *self);
void              atlas_shape_layer_set_alike      (AtlasShapeLayer *self,
                                                    gboolean         alike);
void              atlas_shape_layer_set_draw_scale (AtlasShapeLayer *self,
                                                    int              scale);
guint             atlas_shape_layer_get_n_cached_tiles (AtlasShapeLayer *self);
gboolean          atlas_shape_layer_get_picture_pending (AtlasShapeLayer *self);
gboolean          atlas_shape_layer_get_picture_shown  (AtlasShapeLayer *self);
AtlasShape       *atlas_shape_new_circle           (const char      *id,
                                                    double           latitude,
                                                    double           longitude,
                                                    double           radius_m);

G_END_DECLS
