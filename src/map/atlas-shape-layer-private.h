/* atlas-shape-layer-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-shape-layer.h"

G_BEGIN_DECLS

/* For the tests. */
guint       _atlas_shape_layer_get_n_shapes        (AtlasShapeLayer *self);
AtlasShape *_atlas_shape_layer_get_shape           (AtlasShapeLayer *self,
                                                    guint            index);
gboolean    _atlas_shape_layer_get_picture_pending (AtlasShapeLayer *self);
gboolean    _atlas_shape_layer_get_picture_shown   (AtlasShapeLayer *self);

G_END_DECLS
