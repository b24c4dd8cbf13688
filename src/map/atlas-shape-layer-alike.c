/* atlas-shape-layer-alike.c
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

/* A shape layer of alike shapes: convex rings of one style without labels,
 * such as the uncertainty circles of thousands of places. Cairo draws each
 * over the whole of its area, one after the other, which at close zoom
 * makes a frame over many large circles slow (docs/PERFORMANCE.md, the
 * flying benchmark); they are drawn all at once by our own rasterizer
 * (atlas-shape-raster.c) into an image, which panning at the same zoom
 * moves rather than draws again.
 */

/* Draws the shapes that meet @area, all of one style, at once, into
 * @width × @height premultiplied pixels at @data, @stride bytes a row, at
 * @scale pixels per unit: their fills add up as cairo's would, their
 * outlines are drawn over all of them. FALSE if none meets it (the pixels
 * are then left as they were); else @drawn is the box of the pixels that
 * may not be empty.
 */
static gboolean
raster_alike_shapes (AtlasShapeLayer       *self,
                     const cairo_matrix_t  *matrix,
                     const graphene_rect_t *area,
                     int                    scale,
                     guchar                *data,
                     int                    stride,
                     int                    width,
                     int                    height,
                     GdkRectangle          *drawn)
{
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  cairo_matrix_t to_image = { scale, 0, 0, scale, -area->origin.x * scale,
                              -area->origin.y * scale };
  const AtlasShapeStyle *style = NULL;
  cairo_matrix_t matrix_in_image;

  cairo_matrix_multiply (&matrix_in_image, matrix, &to_image);

  for (guint i = 0; i < self->shapes->len; i++)
    {
      AtlasShape *shape = g_ptr_array_index (self->shapes, i);
      guint n_rings;

      if (!_atlas_shape_layer_shape_meets (shape, zoom, matrix, area))
        continue;

      /* The first shape drawn gives the style of all. */
      if (style == NULL)
        {
          double dashes[2] = { SHAPE_LAYER_DASH_ON * scale, SHAPE_LAYER_DASH_OFF * scale };

          style = atlas_shape_get_style (shape);
          atlas_shape_raster_begin (self->raster, width, height, style->stroke_width * scale,
                                    dashes, style->dashed ? G_N_ELEMENTS (dashes) : 0);
        }

      n_rings = atlas_shape_get_n_rings (shape);
      for (guint r = 0; r < n_rings; r++)
        {
          guint n_points;
          const AtlasMercatorPoint *points = atlas_shape_get_ring (shape, r, &n_points);
          double *xy;

          g_array_set_size (self->device_points, 2 * n_points);
          xy = (double *) (void *) self->device_points->data;
          for (guint p = 0; p < n_points; p++)
            {
              xy[2 * p] = points[p].x;
              xy[2 * p + 1] = points[p].y;
              cairo_matrix_transform_point (&matrix_in_image, &xy[2 * p], &xy[2 * p + 1]);
              left = MIN (left, xy[2 * p]);
              right = MAX (right, xy[2 * p]);
              top = MIN (top, xy[2 * p + 1]);
              bottom = MAX (bottom, xy[2 * p + 1]);
            }

          atlas_shape_raster_add (self->raster, xy, n_points, style->fill.alpha > 0,
                                  style->stroke_width > 0 && style->stroke.alpha > 0);
        }
    }

  if (style == NULL)
    return FALSE;

  atlas_shape_raster_finish (self->raster, &style->fill, &style->stroke, data, stride);

  /* With room for the outline and its antialiasing. */
  left = CLAMP (floor (left - style->stroke_width * scale - 2), 0, width);
  top = CLAMP (floor (top - style->stroke_width * scale - 2), 0, height);
  right = CLAMP (ceil (right + style->stroke_width * scale + 2), 0, width);
  bottom = CLAMP (ceil (bottom + style->stroke_width * scale + 2), 0, height);
  *drawn = (GdkRectangle) { left, top, right - left, bottom - top };

  return TRUE;
}

/* The alike shapes that meet @area, as an image painted on @cr: an image
 * drawn afresh, for an exported image.
 */
void
_atlas_shape_layer_draw_alike (AtlasShapeLayer       *self,
                               cairo_t               *cr,
                               const cairo_matrix_t  *matrix,
                               const graphene_rect_t *area,
                               int                    scale)
{
  int width = (int) ceil (area->size.width * scale);
  int height = (int) ceil (area->size.height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GdkRectangle box;
  gboolean drawn;

  cairo_surface_flush (surface);
  drawn = raster_alike_shapes (self, matrix, area, scale, cairo_image_surface_get_data (surface),
                               cairo_image_surface_get_stride (surface), width, height, &box);
  cairo_surface_mark_dirty (surface);
  if (drawn)
    {
      cairo_surface_set_device_scale (surface, scale, scale);
      cairo_save (cr);
      cairo_set_source_surface (cr, surface, area->origin.x, area->origin.y);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  cairo_surface_destroy (surface);
}

/* The smallest box holding both; an empty one holds nothing. */
static GdkRectangle
box_union (const GdkRectangle *a,
           const GdkRectangle *b)
{
  GdkRectangle both;

  if (a->width <= 0 || a->height <= 0)
    return *b;
  if (b->width <= 0 || b->height <= 0)
    return *a;

  gdk_rectangle_union (a, b, &both);
  return both;
}

/* Draws the alike shapes in the part of @image from (x, y), @width ×
 * @height pixels, which shows the layer from there in its units; returns
 * the box of what it drew there, in the image's pixels.
 */
static GdkRectangle
raster_alike_part (AtlasShapeLayer      *self,
                   const cairo_matrix_t *matrix,
                   cairo_surface_t      *image,
                   int                   scale,
                   int                   x,
                   int                   y,
                   int                   width,
                   int                   height)
{
  int stride = cairo_image_surface_get_stride (image);
  guchar *data = cairo_image_surface_get_data (image) + (gsize) y * stride + 4 * x;
  graphene_rect_t area = GRAPHENE_RECT_INIT ((double) x / scale, (double) y / scale,
                                             (double) width / scale, (double) height / scale);
  GdkRectangle drawn = { 0, 0, 0, 0 };

  if (width <= 0 || height <= 0 ||
      !raster_alike_shapes (self, matrix, &area, scale, data, stride, width, height, &drawn))
    return (GdkRectangle) { 0, 0, 0, 0 };

  drawn.x += x;
  drawn.y += y;
  return drawn;
}

/* The screen's image of alike shapes, made again only where panning at the
 * same zoom uncovered the map: the rest is the last frame's image, moved by
 * the whole pixels the view moved. Two images take turns, so that the one
 * drawn into is no longer one a frame being shown still holds. Only the box
 * of what they hold is copied and shown: a few small circles cost little.
 */
void
_atlas_shape_layer_snapshot_alike (AtlasShapeLayer      *self,
                                   GtkSnapshot          *snapshot,
                                   const cairo_matrix_t *matrix,
                                   double                width,
                                   double                height)
{
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, width, height);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int image_width = (int) ceil (width * scale);
  int image_height = (int) ceil (height * scale);
  cairo_surface_t *last = self->alike_scale > 0 ? self->alike_images[self->alike_current] : NULL;
  cairo_surface_t *image = self->alike_images[1 - self->alike_current];
  gboolean moved = last != NULL && self->alike_scale == scale &&
                   cairo_image_surface_get_width (last) == image_width &&
                   cairo_image_surface_get_height (last) == image_height &&
                   matrix->xy == 0 && matrix->yx == 0 && matrix->xx == self->alike_matrix.xx &&
                   matrix->yy == self->alike_matrix.yy;
  GdkRectangle box = { 0, 0, 0, 0 };
  gboolean any = FALSE;
  int dx = 0, dy = 0;
  cairo_t *cr;

  for (guint i = 0; i < self->shapes->len && !any; i++)
    any = _atlas_shape_layer_shape_meets (g_ptr_array_index (self->shapes, i), zoom, matrix, &area);
  if (!any)
    {
      self->alike_scale = 0;
      return;
    }

  if (moved)
    {
      /* Without rotation the offsets are whole pixels (get_transform()). */
      dx = (int) round ((matrix->x0 - self->alike_matrix.x0) * scale);
      dy = (int) round ((matrix->y0 - self->alike_matrix.y0) * scale);
      moved = ABS (dx) < image_width && ABS (dy) < image_height;
    }

  if (moved && dx == 0 && dy == 0)
    {
      image = last;
      box = self->alike_boxes[self->alike_current];
    }
  else
    {
      if (image == NULL || cairo_image_surface_get_width (image) != image_width ||
          cairo_image_surface_get_height (image) != image_height)
        {
          g_clear_pointer (&image, cairo_surface_destroy);
          image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, image_width, image_height);
        }
      /* Copies it first if a frame still holds it. */
      cairo_surface_flush (image);

      if (moved)
        {
          int stride = cairo_image_surface_get_stride (image);
          int x_from = MAX (dx, 0), x_to = image_width + MIN (dx, 0);
          int y_from = MAX (dy, 0), y_to = image_height + MIN (dy, 0);
          GdkRectangle kept = self->alike_boxes[self->alike_current];
          GdkRectangle strip;

          kept.x += dx;
          kept.y += dy;
          if (!gdk_rectangle_intersect (&kept, &(GdkRectangle) { x_from, y_from, x_to - x_from,
                                                                 y_to - y_from }, &kept))
            kept = (GdkRectangle) { 0, 0, 0, 0 };
          for (int y = kept.y; y < kept.y + kept.height; y++)
            memcpy (cairo_image_surface_get_data (image) + (gsize) y * stride + 4 * kept.x,
                    cairo_image_surface_get_data (last) + (gsize) (y - dy) * stride +
                      4 * (kept.x - dx),
                    (gsize) kept.width * 4);

          box = kept;
          strip = raster_alike_part (self, matrix, image, scale, 0, 0, image_width, y_from);
          box = box_union (&box, &strip);
          strip = raster_alike_part (self, matrix, image, scale, 0, y_to, image_width,
                                     image_height - y_to);
          box = box_union (&box, &strip);
          strip = raster_alike_part (self, matrix, image, scale, 0, y_from, x_from,
                                     y_to - y_from);
          box = box_union (&box, &strip);
          strip = raster_alike_part (self, matrix, image, scale, x_to, y_from,
                                     image_width - x_to, y_to - y_from);
          box = box_union (&box, &strip);
        }
      else
        box = raster_alike_part (self, matrix, image, scale, 0, 0, image_width, image_height);

      cairo_surface_mark_dirty (image);
      cairo_surface_set_device_scale (image, scale, scale);
      self->alike_images[1 - self->alike_current] = image;
      self->alike_boxes[1 - self->alike_current] = box;
      self->alike_current = 1 - self->alike_current;
      self->alike_matrix = *matrix;
      self->alike_scale = scale;
    }

  /* Outside the box the image holds what an older frame left there. */
  if (box.width <= 0 || box.height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT ((double) box.x / scale,
                                                       (double) box.y / scale,
                                                       (double) box.width / scale,
                                                       (double) box.height / scale));
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_rectangle (cr, (double) box.x / scale, (double) box.y / scale,
                   (double) box.width / scale, (double) box.height / scale);
  cairo_fill (cr);
  cairo_destroy (cr);
}
