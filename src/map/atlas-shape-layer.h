/* atlas-shape-layer.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-shape.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SHAPE_LAYER (atlas_shape_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasShapeLayer, atlas_shape_layer, ATLAS, SHAPE_LAYER, ShumateLayer)

AtlasShapeLayer  *atlas_shape_layer_new            (ShumateViewport *viewport);
void              atlas_shape_layer_add            (AtlasShapeLayer *self,
                                                    AtlasShape      *shape);
void              atlas_shape_layer_clear          (AtlasShapeLayer *self);
const AtlasShape *atlas_shape_layer_pick           (AtlasShapeLayer *self,
                                                    double           x,
                                                    double           y);
const AtlasShape *atlas_shape_layer_pick_edge      (AtlasShapeLayer *self,
                                                    double           x,
                                                    double           y,
                                                    double           tolerance);
void              atlas_shape_layer_set_background (AtlasShapeLayer *self,
                                                    const GdkRGBA   *background);
void              atlas_shape_layer_set_alike      (AtlasShapeLayer *self,
                                                    gboolean         alike);
void              atlas_shape_layer_set_draw_scale (AtlasShapeLayer *self,
                                                    int              scale);

G_END_DECLS
