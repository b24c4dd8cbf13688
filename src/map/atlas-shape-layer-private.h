/* atlas-shape-layer-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-label-placement.h"
#include "atlas-shape-layer.h"
#include "atlas-shape-raster.h"

G_BEGIN_DECLS

/* Dashed outlines: so many pixels on, so many off. */
#define SHAPE_LAYER_DASH_ON 4.0
#define SHAPE_LAYER_DASH_OFF 3.0

/* Asked to place the labels of every layer that shares a placement, for
 * the view that @matrix (world to widget) and the widget's size give:
 * see _atlas_shape_layer_set_label_placer().
 */
typedef void (*AtlasShapeLayerPlacer) (AtlasShapeLayer      *layer,
                                       const cairo_matrix_t *matrix,
                                       double                width,
                                       double                height,
                                       gpointer              user_data);

struct _AtlasShapeLayer
{
  ShumateLayer      parent_instance;

  /* Owned references */
  GPtrArray        *shapes;           /* AtlasShape */
  AtlasShapeRaster *raster;           /* for alike shapes */
  GArray           *device_points;    /* a ring's points in pixels, for the raster */

  /* Settings */
  GdkRGBA           background;
  gboolean          has_background;
  gboolean          alike;            /* convex shapes of one style, without labels */
  int               draw_scale;       /* of the image being exported; 0 for the screen's */

  /* The screen's images of alike shapes, see _atlas_shape_layer_snapshot_alike() */
  cairo_surface_t  *alike_images[2];
  GdkRectangle      alike_boxes[2];   /* what each holds, in its pixels */
  int               alike_current;
  cairo_matrix_t    alike_matrix;     /* where the current one was drawn */
  int               alike_scale;      /* 0 once it is to be drawn afresh */

  /* The labels, see atlas-shape-layer-labels.c */
  GPtrArray        *labels;           /* ShapeLabel, as last placed */
  GArray           *label_boxes;      /* AtlasLabelBox: where those shown are */
  gboolean          labels_stale;     /* the shapes changed since */
  guint             label_serial;     /* of the fonts they were laid out in */
  AtlasShapeLayerPlacer placer;
  gpointer          placer_data;

  /* The first drawing, made after the first frame: see snapshot_first_picture() */
  gboolean          pictured;         /* done with, or given up: draw directly */
  guint             picture_idle;     /* to draw it, once the frame is drawn */
  cairo_surface_t  *picture;
  gboolean          picture_shown;    /* by the last drawing */
  cairo_matrix_t    picture_matrix;
  double            picture_width;
  double            picture_height;
  int               picture_scale;
};

/* atlas-shape-layer.c */
gboolean    _atlas_shape_layer_shape_meets         (const AtlasShape      *shape,
                                                    double                 zoom,
                                                    const cairo_matrix_t  *matrix,
                                                    const graphene_rect_t *area);
graphene_rect_t _atlas_shape_layer_transform_box   (const cairo_matrix_t  *matrix,
                                                    const AtlasShape      *shape);

/* atlas-shape-layer-labels.c */
void        _atlas_shape_layer_set_label_placer    (AtlasShapeLayer       *self,
                                                    AtlasShapeLayerPlacer  placer,
                                                    gpointer               user_data);
void        _atlas_shape_layer_add_labels          (AtlasShapeLayer       *self,
                                                    AtlasLabelPlacement   *placement,
                                                    AtlasLabelPriority     priority,
                                                    const cairo_matrix_t  *matrix,
                                                    double                 width,
                                                    double                 height);
gboolean    _atlas_shape_layer_take_labels         (AtlasShapeLayer       *self,
                                                    AtlasLabelPlacement   *placement);
gboolean    _atlas_shape_layer_get_labels_stale    (AtlasShapeLayer       *self);
void        _atlas_shape_layer_draw_labels         (AtlasShapeLayer       *self,
                                                    cairo_t               *cr,
                                                    const cairo_matrix_t  *matrix,
                                                    const graphene_rect_t *area,
                                                    double                 width,
                                                    double                 height);
void        _atlas_shape_layer_forget_labels       (AtlasShapeLayer       *self);

/* atlas-shape-layer-alike.c */
void        _atlas_shape_layer_draw_alike          (AtlasShapeLayer       *self,
                                                    cairo_t               *cr,
                                                    const cairo_matrix_t  *matrix,
                                                    const graphene_rect_t *area,
                                                    int                    scale);
void        _atlas_shape_layer_snapshot_alike      (AtlasShapeLayer       *self,
                                                    GtkSnapshot           *snapshot,
                                                    const cairo_matrix_t  *matrix,
                                                    double                 width,
                                                    double                 height);

/* For the tests */
guint       _atlas_shape_layer_get_n_shapes        (AtlasShapeLayer       *self);
AtlasShape *_atlas_shape_layer_get_shape           (AtlasShapeLayer       *self,
                                                    guint                  index);
gboolean    _atlas_shape_layer_get_picture_pending (AtlasShapeLayer       *self);
gboolean    _atlas_shape_layer_get_picture_shown   (AtlasShapeLayer       *self);
guint       _atlas_shape_layer_get_label_boxes     (AtlasShapeLayer       *self,
                                                    GArray                *boxes);

G_END_DECLS
