/* atlas-shape.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "atlas-geopark.h"
#include "atlas-mercator.h"

G_BEGIN_DECLS

/* How a shape is drawn. */
typedef struct
{
  GdkRGBA  fill;
  GdkRGBA  stroke;
  double   stroke_width;
  gboolean dashed;
  gboolean approximate;        /* a soft, dashed edge: not an official boundary */
  GdkRGBA  label_colour;
  GdkRGBA  label_halo;         /* around the letters, to read over lines */
  double   label_scale;        /* relative to the widget's font */
  double   label_min_zoom;     /* labels hide below this zoom level */
  double   min_zoom;           /* the whole shape hides below this zoom level */
} AtlasShapeStyle;

/* A polygon (an outer ring and its holes) with a label, on the map; or
 * lines, such as rivers, stroked and never filled.
 */
typedef struct _AtlasShape AtlasShape;

AtlasShape               *atlas_shape_new              (const char            *id,
                                                        const char            *label,
                                                        double                 label_latitude,
                                                        double                 label_longitude);
AtlasShape               *atlas_shape_new_circle       (const char            *id,
                                                        double                 latitude,
                                                        double                 longitude,
                                                        double                 radius_m);
AtlasShape               *atlas_shape_copy             (const AtlasShape      *shape);
void                      atlas_shape_free             (AtlasShape            *shape);
void                      atlas_shape_add_ring         (AtlasShape            *shape,
                                                        const AtlasPoint      *points,
                                                        guint                  n_points);
const char               *atlas_shape_get_id           (const AtlasShape      *shape);
const char               *atlas_shape_get_label        (const AtlasShape      *shape);
const AtlasMercatorPoint *atlas_shape_get_label_point  (const AtlasShape      *shape);
void                      atlas_shape_set_style        (AtlasShape            *shape,
                                                        const AtlasShapeStyle *style);
const AtlasShapeStyle    *atlas_shape_get_style        (const AtlasShape      *shape);
void                      atlas_shape_get_box          (const AtlasShape      *shape,
                                                        AtlasMercatorPoint    *top_left,
                                                        AtlasMercatorPoint    *bottom_right);
void                      atlas_shape_add_line         (AtlasShape            *shape,
                                                        const AtlasPoint      *points,
                                                        guint                  n_points);
gboolean                  atlas_shape_is_line          (const AtlasShape      *shape);
guint                     atlas_shape_get_n_rings      (AtlasShape            *shape);
const AtlasMercatorPoint *atlas_shape_get_ring         (AtlasShape            *shape,
                                                        guint                  index,
                                                        guint                 *n_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasShape, atlas_shape_free)

G_END_DECLS
