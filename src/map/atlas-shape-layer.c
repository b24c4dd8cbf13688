/* atlas-shape-layer.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-shape-layer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-shape-layer-private.h"
#include "atlas-shape-raster.h"

/* Polygons with labels drawn by the app itself: the offline base map (land,
 * borders, provinces) and the geopark areas above any base map. libshumate
 * 1.0 has no vector renderer, and its path layer draws one ring without
 * holes or labels.
 */

/* Points closer than this on screen are drawn as one: a country border at
 * overview zoom has far more vertices than pixels.
 */
#define MIN_SEGMENT_PX 0.75

/* Room around a shape's box for its stroke. */
#define STROKE_MARGIN_PX 4.0

/* An approximate outline: a soft band this many times as wide as its line,
 * under long dashes, unlike the base map's borders.
 */
#define APPROXIMATE_BAND_WIDTH 3.0
#define APPROXIMATE_BAND_ALPHA 0.3
#define APPROXIMATE_DASH_ON 9.0
#define APPROXIMATE_DASH_OFF 5.0

G_DEFINE_FINAL_TYPE (AtlasShapeLayer, atlas_shape_layer, SHUMATE_TYPE_LAYER)

/* A first picture, made or on its way, no longer shows the shapes: from
 * now on they are drawn directly.
 */
static void
forget_picture (AtlasShapeLayer *self)
{
  if (self->picture_idle == 0 && self->picture == NULL)
    return;

  self->pictured = TRUE;
  g_clear_handle_id (&self->picture_idle, g_source_remove);
  g_clear_pointer (&self->picture, cairo_surface_destroy);
}

/* The shapes changed: what was drawn of them is drawn afresh. */
static void
forget_drawings (AtlasShapeLayer *self)
{
  forget_picture (self);
  self->alike_scale = 0;
  _atlas_shape_layer_forget_labels (self);
}

/* Where projected points fall in the widget now: asked of libshumate at the
 * viewport's centre and a little right of and below it, so that the shapes
 * stay where it puts its tiles and markers, rotation included. Without
 * rotation the offset is rounded to whole pixels, so that the image of
 * alike shapes moves by whole pixels when panning (_atlas_shape_layer_snapshot_alike()) and
 * the first picture fits the frame it was made for. FALSE while the
 * viewport has no map source to say.
 */
static gboolean
get_transform (AtlasShapeLayer *self,
               cairo_matrix_t  *matrix)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  /* About 64 pixels at this zoom: far enough for precision, near enough
   * never to cross the antimeridian or the pole.
   */
  double step = 64.0 / atlas_mercator_world_size (zoom);
  AtlasMercatorPoint p0, p1, p2;
  double x0, y0, x1, y1, x2, y2;

  if (shumate_viewport_get_reference_map_source (viewport) == NULL)
    return FALSE;

  atlas_mercator_project (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                          shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), &p0);
  p1 = (AtlasMercatorPoint) { p0.x + (p0.x < 0.5 ? step : -step), p0.y };
  atlas_mercator_project (atlas_mercator_latitude (p0.y + (p0.y < 0.5 ? step : -step)),
                          atlas_mercator_longitude (p0.x), &p2);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                              atlas_mercator_latitude (p0.y),
                                              atlas_mercator_longitude (p0.x), &x0, &y0);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                              atlas_mercator_latitude (p1.y),
                                              atlas_mercator_longitude (p1.x), &x1, &y1);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                              atlas_mercator_latitude (p2.y),
                                              atlas_mercator_longitude (p0.x), &x2, &y2);

  matrix->xx = (x1 - x0) / (p1.x - p0.x);
  matrix->yx = (y1 - y0) / (p1.x - p0.x);
  matrix->xy = (x2 - x0) / (p2.y - p0.y);
  matrix->yy = (y2 - y0) / (p2.y - p0.y);

  if (shumate_viewport_get_rotation (viewport) == 0)
    {
      /* Exactly a scale: the same for every frame at this zoom. */
      matrix->yx = matrix->xy = 0;
      matrix->yy = matrix->xx;
      matrix->x0 = round (x0 - matrix->xx * p0.x);
      matrix->y0 = round (y0 - matrix->yy * p0.y);
    }
  else
    {
      matrix->x0 = x0 - matrix->xx * p0.x - matrix->xy * p0.y;
      matrix->y0 = y0 - matrix->yx * p0.x - matrix->yy * p0.y;
    }

  return TRUE;
}

/* The box around the shape, in the coordinates @matrix gives. */
static graphene_rect_t
transform_box (const cairo_matrix_t *matrix,
               const AtlasShape     *shape)
{
  AtlasMercatorPoint top_left, bottom_right;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double xs[4], ys[4];

  atlas_shape_get_box (shape, &top_left, &bottom_right);
  xs[0] = xs[2] = top_left.x;
  xs[1] = xs[3] = bottom_right.x;
  ys[0] = ys[1] = top_left.y;
  ys[2] = ys[3] = bottom_right.y;
  for (guint i = 0; i < 4; i++)
    {
      cairo_matrix_transform_point (matrix, &xs[i], &ys[i]);
      x1 = MIN (x1, xs[i]);
      y1 = MIN (y1, ys[i]);
      x2 = MAX (x2, xs[i]);
      y2 = MAX (y2, ys[i]);
    }

  return GRAPHENE_RECT_INIT (x1, y1, x2 - x1, y2 - y1);
}

graphene_rect_t
_atlas_shape_layer_transform_box (const cairo_matrix_t *matrix,
                                  const AtlasShape     *shape)
{
  return transform_box (matrix, shape);
}

static gboolean
boxes_meet (const graphene_rect_t *a,
            const graphene_rect_t *b,
            double                 margin)
{
  return a->origin.x - margin <= b->origin.x + b->size.width &&
         b->origin.x <= a->origin.x + a->size.width + margin &&
         a->origin.y - margin <= b->origin.y + b->size.height &&
         b->origin.y <= a->origin.y + a->size.height + margin;
}

/* Whether the shape is shown at this zoom and meets the area. */
gboolean
_atlas_shape_layer_shape_meets (const AtlasShape      *shape,
                                double                 zoom,
                                const cairo_matrix_t  *matrix,
                                const graphene_rect_t *area)
{
  const AtlasShapeStyle *style = atlas_shape_get_style (shape);
  graphene_rect_t box;

  if (zoom < style->min_zoom)
    return FALSE;

  box = transform_box (matrix, shape);

  return boxes_meet (&box, area, STROKE_MARGIN_PX + style->stroke_width);
}

/* Rings are closed; lines (rivers) are traced as they are, open. */
static void
trace_shape (cairo_t              *cr,
             const cairo_matrix_t *matrix,
             AtlasShape           *shape)
{
  guint n_rings = atlas_shape_get_n_rings (shape);
  gboolean closed = !atlas_shape_is_line (shape);

  cairo_new_path (cr);
  for (guint r = 0; r < n_rings; r++)
    {
      guint n_points;
      const AtlasMercatorPoint *points = atlas_shape_get_ring (shape, r, &n_points);
      double last_x = 0, last_y = 0;

      for (guint i = 0; i < n_points; i++)
        {
          double x = points[i].x, y = points[i].y;

          cairo_matrix_transform_point (matrix, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else if (i == n_points - 1 || fabs (x - last_x) + fabs (y - last_y) >= MIN_SEGMENT_PX)
            cairo_line_to (cr, x, y);
          else
            continue;

          last_x = x;
          last_y = y;
        }
      if (closed)
        cairo_close_path (cr);
    }
}

/* A line shape in its stroke colour, with round ends so that the parts of
 * one river meet without a seam; never filled.
 */
static void
stroke_lines (cairo_t               *cr,
              const cairo_matrix_t  *matrix,
              AtlasShape            *shape,
              const AtlasShapeStyle *style)
{
  if (style->stroke_width <= 0)
    return;

  trace_shape (cr, matrix, shape);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, style->stroke_width);
  gdk_cairo_set_source_rgba (cr, &style->stroke);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* An edge nobody surveyed: a soft band of its colour under long dashes,
 * so that it never reads as a border.
 */
static void
stroke_approximate (cairo_t               *cr,
                    const AtlasShapeStyle *style)
{
  static const double dashes[] = { APPROXIMATE_DASH_ON, APPROXIMATE_DASH_OFF };
  GdkRGBA band = style->stroke;

  band.alpha *= APPROXIMATE_BAND_ALPHA;
  cairo_set_line_width (cr, style->stroke_width * APPROXIMATE_BAND_WIDTH);
  gdk_cairo_set_source_rgba (cr, &band);
  cairo_stroke_preserve (cr);

  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, style->stroke_width);
  gdk_cairo_set_source_rgba (cr, &style->stroke);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Fills and outlines the shapes that meet @area (in @matrix's coordinates)
 * on @cr. TRUE if any meets it.
 */
static gboolean
draw_outlines (AtlasShapeLayer       *self,
               cairo_t               *cr,
               const cairo_matrix_t  *matrix,
               const graphene_rect_t *area)
{
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  static const double dashes[] = { SHAPE_LAYER_DASH_ON, SHAPE_LAYER_DASH_OFF };
  gboolean drawn = FALSE;

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < self->shapes->len; i++)
    {
      AtlasShape *shape = g_ptr_array_index (self->shapes, i);
      const AtlasShapeStyle *style = atlas_shape_get_style (shape);

      if (!_atlas_shape_layer_shape_meets (shape, zoom, matrix, area))
        continue;

      drawn = TRUE;
      if (atlas_shape_is_line (shape))
        {
          stroke_lines (cr, matrix, shape, style);
          continue;
        }

      trace_shape (cr, matrix, shape);
      gdk_cairo_set_source_rgba (cr, &style->fill);
      cairo_fill_preserve (cr);
      if (style->stroke_width > 0 && style->approximate)
        stroke_approximate (cr, style);
      else if (style->stroke_width > 0)
        {
          cairo_set_dash (cr, dashes, style->dashed ? G_N_ELEMENTS (dashes) : 0, 0);
          cairo_set_line_width (cr, style->stroke_width);
          gdk_cairo_set_source_rgba (cr, &style->stroke);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
    }

  cairo_set_dash (cr, NULL, 0, 0);
  return drawn;
}

/* Draws the shapes and labels that meet @area (in @matrix's coordinates)
 * on @cr. Alike shapes are drawn as an image of @scale pixels per unit.
 */
static void
draw_shapes (AtlasShapeLayer       *self,
             cairo_t               *cr,
             const cairo_matrix_t  *matrix,
             const graphene_rect_t *area,
             int                    scale,
             double                 width,
             double                 height)
{
  if (self->alike)
    {
      _atlas_shape_layer_draw_alike (self, cr, matrix, area, scale);
      return;
    }

  draw_outlines (self, cr, matrix, area);
  _atlas_shape_layer_draw_labels (self, cr, matrix, area, width, height);
}

/* The first picture -------------------------------------------------------
 *
 * A layer's first drawing is rasterized on the main thread once the first
 * frame is drawn. At start-up that is the base map's, whose outlines are
 * the largest part of the window's first frame (docs/PERFORMANCE.md): that
 * frame shows the layer's background only; right after it, the shapes are
 * drawn into an image for that frame's view, which the next frame shows,
 * the labels drawn over it. The image serves as long as the view stays
 * where it was; once the view or the shapes change, the layer draws
 * directly, as always.
 *
 * Not in a worker thread: on Debian 13 (cairo 1.18) that made test
 * processes crash at exit, in a library destructor, whether the thread
 * was GLib's pool's or one of its own, joined. After the frame, the main
 * thread delays nothing that a person sees first.
 */

/* Once the frame that asked for it is drawn, unless it was forgotten
 * meanwhile (which removes this source): the shapes drawn into an image,
 * for the view of that frame, and the layer drawn again.
 */
static gboolean
draw_picture (gpointer data)
{
  AtlasShapeLayer *self = data;
  graphene_rect_t area;
  int scale;
  cairo_surface_t *image;
  cairo_t *cr;

  g_assert (ATLAS_IS_SHAPE_LAYER (self));

  area = GRAPHENE_RECT_INIT (0, 0, self->picture_width, self->picture_height);
  scale = self->picture_scale;
  self->picture_idle = 0;
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                      (int) ceil (self->picture_width) * scale,
                                      (int) ceil (self->picture_height) * scale);
  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  if (self->has_background)
    {
      gdk_cairo_set_source_rgba (cr, &self->background);
      cairo_paint (cr);
    }
  draw_outlines (self, cr, &self->picture_matrix, &area);
  cairo_destroy (cr);

  self->picture = image;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static gboolean
is_picture_view (AtlasShapeLayer      *self,
                 const cairo_matrix_t *matrix,
                 double                width,
                 double                height,
                 int                   scale)
{
  return width == self->picture_width && height == self->picture_height &&
         scale == self->picture_scale &&
         memcmp (matrix, &self->picture_matrix, sizeof *matrix) == 0;
}

static void
snapshot_background (AtlasShapeLayer       *self,
                     GtkSnapshot           *snapshot,
                     const graphene_rect_t *area)
{
  if (self->has_background)
    gtk_snapshot_append_color (snapshot, &self->background, area);
}

/* Starts the first picture, shows it, or says (FALSE) to draw directly. */
static gboolean
snapshot_first_picture (AtlasShapeLayer      *self,
                        GtkSnapshot          *snapshot,
                        const cairo_matrix_t *matrix,
                        double                width,
                        double                height)
{
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, width, height);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_t *cr;

  self->picture_shown = FALSE;
  if (self->pictured || self->draw_scale > 0)
    return FALSE;

  if (self->picture_idle != 0)
    {
      snapshot_background (self, snapshot, &area);
      return TRUE;
    }

  if (self->picture != NULL)
    {
      if (!is_picture_view (self, matrix, width, height, scale))
        {
          forget_picture (self);
          return FALSE;
        }

      cr = gtk_snapshot_append_cairo (snapshot, &area);
      cairo_set_source_surface (cr, self->picture, 0, 0);
      cairo_paint (cr);
      _atlas_shape_layer_draw_labels (self, cr, matrix, &area, width, height);
      cairo_destroy (cr);
      self->picture_shown = TRUE;
      return TRUE;
    }

  self->picture_matrix = *matrix;
  self->picture_width = width;
  self->picture_height = height;
  self->picture_scale = scale;
  self->picture_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, draw_picture, self, NULL);

  snapshot_background (self, snapshot, &area);
  return TRUE;
}

static void
snapshot_directly (AtlasShapeLayer      *self,
                   GtkSnapshot          *snapshot,
                   const cairo_matrix_t *matrix,
                   double                width,
                   double                height)
{
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, width, height);
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  gboolean any = FALSE;
  cairo_t *cr;

  for (guint i = 0; i < self->shapes->len && !any; i++)
    any = _atlas_shape_layer_shape_meets (g_ptr_array_index (self->shapes, i), zoom, matrix, &area);
  if (!any)
    {
      snapshot_background (self, snapshot, &area);
      return;
    }

  if (snapshot_first_picture (self, snapshot, matrix, width, height))
    return;

  /* The background in the same drawing, as on a tile: the edges of the
   * shapes blend with it alike, whichever way the frame is drawn.
   */
  cr = gtk_snapshot_append_cairo (snapshot, &area);
  if (self->has_background)
    {
      gdk_cairo_set_source_rgba (cr, &self->background);
      cairo_paint (cr);
    }
  draw_shapes (self, cr, matrix, &area,
               self->draw_scale > 0 ? self->draw_scale
                                    : gtk_widget_get_scale_factor (GTK_WIDGET (self)),
               width, height);
  cairo_destroy (cr);
}

static void
atlas_shape_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasShapeLayer *self = ATLAS_SHAPE_LAYER (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_matrix_t matrix;

  if (width <= 0 || height <= 0 || !get_transform (self, &matrix))
    return;

  if (self->alike && self->draw_scale == 0)
    _atlas_shape_layer_snapshot_alike (self, snapshot, &matrix, width, height);
  else
    snapshot_directly (self, snapshot, &matrix, width, height);
}

static void
atlas_shape_layer_constructed (GObject *object)
{
  AtlasShapeLayer *self = ATLAS_SHAPE_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  G_OBJECT_CLASS (atlas_shape_layer_parent_class)->constructed (object);

  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
}

static void
atlas_shape_layer_finalize (GObject *object)
{
  AtlasShapeLayer *self = ATLAS_SHAPE_LAYER (object);

  forget_picture (self);
  g_clear_pointer (&self->shapes, g_ptr_array_unref);
  g_clear_pointer (&self->raster, atlas_shape_raster_free);
  g_clear_pointer (&self->alike_images[0], cairo_surface_destroy);
  g_clear_pointer (&self->alike_images[1], cairo_surface_destroy);
  g_clear_pointer (&self->device_points, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->label_boxes, g_array_unref);

  G_OBJECT_CLASS (atlas_shape_layer_parent_class)->finalize (object);
}

static void
atlas_shape_layer_class_init (AtlasShapeLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_shape_layer_constructed;
  object_class->finalize = atlas_shape_layer_finalize;

  widget_class->snapshot = atlas_shape_layer_snapshot;
}

static void
atlas_shape_layer_init (AtlasShapeLayer *self)
{
  self->shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_shape_free);
  self->raster = atlas_shape_raster_new ();
  self->device_points = g_array_new (FALSE, FALSE, sizeof (double));
  self->labels_stale = TRUE;
  /* Clicks go to the map and the pins; shapes are picked by the map view. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

AtlasShapeLayer *
atlas_shape_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (ATLAS_TYPE_SHAPE_LAYER, "viewport", viewport, NULL);
}

/* Takes the shape. */
void
atlas_shape_layer_add (AtlasShapeLayer *self,
                       AtlasShape      *shape)
{
  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));
  g_return_if_fail (shape != NULL);

  g_ptr_array_add (self->shapes, shape);
  forget_drawings (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_shape_layer_clear (AtlasShapeLayer *self)
{
  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));

  forget_drawings (self);
  g_ptr_array_set_size (self->shapes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
_atlas_shape_layer_get_n_shapes (AtlasShapeLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), 0);

  return self->shapes->len;
}

AtlasShape *
_atlas_shape_layer_get_shape (AtlasShapeLayer *self,
                              guint            index)
{
  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), NULL);
  g_return_val_if_fail (index < self->shapes->len, NULL);

  return g_ptr_array_index (self->shapes, index);
}

/* The topmost shape under a point of the widget, or NULL. */
const AtlasShape *
atlas_shape_layer_pick (AtlasShapeLayer *self,
                        double           x,
                        double           y)
{
  cairo_surface_t *surface;
  const AtlasShape *found = NULL;
  cairo_matrix_t matrix;
  cairo_t *cr;

  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), NULL);

  if (!get_transform (self, &matrix))
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = self->shapes->len; i > 0 && found == NULL; i--)
    {
      AtlasShape *shape = g_ptr_array_index (self->shapes, i - 1);

      /* A river is no area to point at. */
      if (atlas_shape_is_line (shape))
        continue;

      trace_shape (cr, &matrix, shape);
      if (cairo_in_fill (cr, x, y))
        found = shape;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return found;
}

/* The topmost shape whose outline passes within @tolerance pixels of a
 * point of the widget, or NULL.
 */
const AtlasShape *
atlas_shape_layer_pick_edge (AtlasShapeLayer *self,
                             double           x,
                             double           y,
                             double           tolerance)
{
  cairo_surface_t *surface;
  const AtlasShape *found = NULL;
  cairo_matrix_t matrix;
  cairo_t *cr;

  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), NULL);

  if (!get_transform (self, &matrix))
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  cairo_set_line_width (cr, 2 * tolerance);
  for (guint i = self->shapes->len; i > 0 && found == NULL; i--)
    {
      AtlasShape *shape = g_ptr_array_index (self->shapes, i - 1);

      trace_shape (cr, &matrix, shape);
      if (cairo_in_stroke (cr, x, y))
        found = shape;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return found;
}

void
atlas_shape_layer_set_background (AtlasShapeLayer *self,
                                  const GdkRGBA   *background)
{
  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));

  self->has_background = background != NULL;
  if (background != NULL)
    self->background = *background;
  forget_drawings (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Tells the layer that its shapes are convex rings sharing one style and
 * no labels, such as the uncertainty circles of many places: it then draws
 * them all at once, their fills adding up as cairo's would and their
 * outlines over them, in a small part of the time cairo takes for
 * hundreds of overlapping shapes.
 */
void
atlas_shape_layer_set_alike (AtlasShapeLayer *self,
                             gboolean         alike)
{
  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));

  self->alike = !!alike;
  forget_drawings (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The scale of an image the layer is drawn into, where its own drawing is
 * an image too (alike shapes), or 0 for the screen's.
 */
void
atlas_shape_layer_set_draw_scale (AtlasShapeLayer *self,
                                  int              scale)
{
  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));
  g_return_if_fail (scale >= 0);

  if (self->draw_scale == scale)
    return;

  /* Drawn again: a widget that was not queued is snapshot from its last
   * drawing, here the screen's image.
   */
  self->draw_scale = scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether the first picture is still to be drawn (see
 * snapshot_first_picture()): the layer is drawn again once it is.
 */
gboolean
_atlas_shape_layer_get_picture_pending (AtlasShapeLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), FALSE);

  return self->picture_idle != 0;
}

/* Whether the last drawing showed the first picture, for tests. */
gboolean
_atlas_shape_layer_get_picture_shown (AtlasShapeLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), FALSE);

  return self->picture_shown;
}
