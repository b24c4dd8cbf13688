/* atlas-shape-layer.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "atlas-shape-layer.h"

/* Polygons with labels drawn by the app itself: the offline base map (land,
 * borders, provinces) and the geopark areas above any base map. libshumate
 * 1.0 has no vector renderer, and its path layer draws one ring without
 * holes or labels.
 */

/* Points closer than this on screen are drawn as one: a country border at
 * overview zoom has far more vertices than pixels.
 */
#define MIN_SEGMENT_PX 0.75

struct _AtlasShape
{
  char            *id;
  char            *label;
  double           label_latitude;
  double           label_longitude;
  GPtrArray       *rings;         /* GArray of AtlasPoint */
  GPtrArray       *projected;     /* GArray of ProjectedPoint, per ring; made when first drawn */
  AtlasShapeStyle  style;
  AtlasPoint       south_west;
  AtlasPoint       north_east;
};

struct _AtlasShapeLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *shapes;           /* AtlasShape */
  GdkRGBA       background;
  gboolean      has_background;
};

G_DEFINE_FINAL_TYPE (AtlasShapeLayer, atlas_shape_layer, SHUMATE_TYPE_LAYER)

/* A point as the map projects it whatever the view: its longitude and its
 * Web Mercator ordinate, the function of the latitude that ShumateMapSource
 * scales to pixels (latitude clamped as it does).
 */
typedef struct
{
  double longitude;
  double mercator;
} ProjectedPoint;

#define MERCATOR_MAX_LATITUDE 85.0511287798

static double
mercator (double latitude)
{
  double radians = CLAMP (latitude, -MERCATOR_MAX_LATITUDE, MERCATOR_MAX_LATITUDE) * G_PI / 180.0;

  return log (tan (radians) + 1.0 / cos (radians));
}

/* Widget coordinates are affine in (longitude, Mercator ordinate) for a
 * given view, rotation included: three points through the viewport give
 * the transform, and each vertex then costs four multiplications instead
 * of a call into the viewport (most of drawing the offline map before).
 */
typedef struct
{
  double x0, x_lon, x_merc;
  double y0, y_lon, y_merc;
} Transform;

static void
get_transform (AtlasShapeLayer *self,
               Transform       *t)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GtkWidget *widget = GTK_WIDGET (self);
  double center_lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double center_lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  double lat1 = center_lat > 0 ? center_lat - 1 : center_lat + 1;
  double lon1 = center_lon + 1;
  double m0 = mercator (center_lat), m1 = mercator (lat1);
  double x0, y0, x_lon, y_lon, x_lat, y_lat;

  shumate_viewport_location_to_widget_coords (viewport, widget, center_lat, center_lon, &x0, &y0);
  shumate_viewport_location_to_widget_coords (viewport, widget, center_lat, lon1, &x_lon, &y_lon);
  shumate_viewport_location_to_widget_coords (viewport, widget, lat1, center_lon, &x_lat, &y_lat);

  t->x_lon = (x_lon - x0) / (lon1 - center_lon);
  t->y_lon = (y_lon - y0) / (lon1 - center_lon);
  t->x_merc = (x_lat - x0) / (m1 - m0);
  t->y_merc = (y_lat - y0) / (m1 - m0);
  t->x0 = x0 - t->x_lon * center_lon - t->x_merc * m0;
  t->y0 = y0 - t->y_lon * center_lon - t->y_merc * m0;
}

static GArray *
project_ring (GArray *ring)
{
  GArray *projected = g_array_sized_new (FALSE, FALSE, sizeof (ProjectedPoint), ring->len);

  g_array_set_size (projected, ring->len);
  for (guint i = 0; i < ring->len; i++)
    {
      const AtlasPoint *point = &g_array_index (ring, AtlasPoint, i);

      g_array_index (projected, ProjectedPoint, i) = (ProjectedPoint) {
        point->longitude, mercator (point->latitude)
      };
    }

  return projected;
}

AtlasShape *
atlas_shape_new (const char *id,
                 const char *label,
                 double      label_latitude,
                 double      label_longitude)
{
  AtlasShape *shape = g_new0 (AtlasShape, 1);

  shape->id = g_strdup (id);
  shape->label = g_strdup (label);
  shape->label_latitude = label_latitude;
  shape->label_longitude = label_longitude;
  shape->rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  shape->projected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  shape->south_west = (AtlasPoint) { 180, 90 };
  shape->north_east = (AtlasPoint) { -180, -90 };
  shape->style.stroke_width = 1;
  shape->style.label_scale = 1;

  return shape;
}

void
atlas_shape_free (AtlasShape *shape)
{
  if (shape == NULL)
    return;

  g_free (shape->id);
  g_free (shape->label);
  g_ptr_array_unref (shape->rings);
  g_ptr_array_unref (shape->projected);
  g_free (shape);
}

void
atlas_shape_add_ring (AtlasShape       *shape,
                      const AtlasPoint *points,
                      guint             n_points)
{
  GArray *ring;

  g_return_if_fail (shape != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  ring = g_array_sized_new (FALSE, FALSE, sizeof (AtlasPoint), n_points);
  g_array_append_vals (ring, points, n_points);
  g_ptr_array_add (shape->rings, ring);

  for (guint i = 0; i < n_points; i++)
    {
      shape->south_west.longitude = MIN (shape->south_west.longitude, points[i].longitude);
      shape->south_west.latitude = MIN (shape->south_west.latitude, points[i].latitude);
      shape->north_east.longitude = MAX (shape->north_east.longitude, points[i].longitude);
      shape->north_east.latitude = MAX (shape->north_east.latitude, points[i].latitude);
    }
}

const char *
atlas_shape_get_id (const AtlasShape *shape)
{
  g_return_val_if_fail (shape != NULL, NULL);

  return shape->id;
}

void
atlas_shape_set_style (AtlasShape            *shape,
                       const AtlasShapeStyle *style)
{
  g_return_if_fail (shape != NULL);
  g_return_if_fail (style != NULL);

  shape->style = *style;
}

void
atlas_shape_get_bounds (const AtlasShape *shape,
                        AtlasPoint       *south_west,
                        AtlasPoint       *north_east)
{
  g_return_if_fail (shape != NULL);

  *south_west = shape->south_west;
  *north_east = shape->north_east;
}

/* The shape's bounding box on screen: top left, bottom right. */
static void
get_screen_bounds (AtlasShapeLayer  *self,
                   const AtlasShape *shape,
                   double           *x1,
                   double           *y1,
                   double           *x2,
                   double           *y2)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                              shape->north_east.latitude,
                                              shape->south_west.longitude, x1, y1);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                              shape->south_west.latitude,
                                              shape->north_east.longitude, x2, y2);
}

/* Whether the shape's bounding box meets the visible part of the map. */
static gboolean
shape_is_visible (AtlasShapeLayer  *self,
                  const AtlasShape *shape,
                  double            width,
                  double            height)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double x1, y1, x2, y2;

  if (shumate_viewport_get_zoom_level (viewport) < shape->style.min_zoom)
    return FALSE;

  get_screen_bounds (self, shape, &x1, &y1, &x2, &y2);

  return x2 >= 0 && x1 <= width && y2 >= 0 && y1 <= height;
}

static void
trace_shape (AtlasShapeLayer  *self,
             cairo_t          *cr,
             AtlasShape       *shape,
             const Transform  *t)
{
  while (shape->projected->len < shape->rings->len)
    g_ptr_array_add (shape->projected,
                     project_ring (g_ptr_array_index (shape->rings, shape->projected->len)));

  cairo_new_path (cr);
  for (guint r = 0; r < shape->projected->len; r++)
    {
      GArray *ring = g_ptr_array_index (shape->projected, r);
      double last_x = 0, last_y = 0;

      for (guint i = 0; i < ring->len; i++)
        {
          const ProjectedPoint *point = &g_array_index (ring, ProjectedPoint, i);
          double x = t->x0 + t->x_lon * point->longitude + t->x_merc * point->mercator;
          double y = t->y0 + t->y_lon * point->longitude + t->y_merc * point->mercator;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else if (i == ring->len - 1 || fabs (x - last_x) + fabs (y - last_y) >= MIN_SEGMENT_PX)
            cairo_line_to (cr, x, y);
          else
            continue;

          last_x = x;
          last_y = y;
        }
      cairo_close_path (cr);
    }
}

static void
draw_label (AtlasShapeLayer  *self,
            cairo_t          *cr,
            const AtlasShape *shape)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  PangoRectangle extents;
  double x1, y1, x2, y2;
  double x, y;

  if (shape->label == NULL ||
      shumate_viewport_get_zoom_level (viewport) < shape->style.label_min_zoom)
    return;

  /* A territory too small to see gets no name to crowd its neighbours. */
  get_screen_bounds (self, shape, &x1, &y1, &x2, &y2);
  if (x2 - x1 < 24 && y2 - y1 < 24)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), shape->label);
  font = pango_font_description_copy (pango_context_get_font_description (
                                        pango_layout_get_context (layout)));
  pango_font_description_set_size (font, pango_font_description_get_size (font) *
                                         shape->style.label_scale);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (layout, 180 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_extents (layout, NULL, &extents);

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                              shape->label_latitude, shape->label_longitude,
                                              &x, &y);
  x -= extents.x + extents.width / 2.0;
  y -= extents.height / 2.0;

  /* A halo in the background colour keeps the label legible over lines. */
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_width (cr, 3.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gdk_cairo_set_source_rgba (cr, &shape->style.label_halo);
  cairo_stroke (cr);

  cairo_move_to (cr, x, y);
  gdk_cairo_set_source_rgba (cr, &shape->style.label_colour);
  pango_cairo_show_layout (cr, layout);
}

static void
atlas_shape_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasShapeLayer *self = ATLAS_SHAPE_LAYER (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(GPtrArray) visible = g_ptr_array_new ();
  static const double dashes[] = { 4, 3 };
  Transform transform;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  if (self->has_background)
    gtk_snapshot_append_color (snapshot, &self->background,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->shapes->len; i++)
    {
      AtlasShape *shape = g_ptr_array_index (self->shapes, i);

      if (shape_is_visible (self, shape, width, height))
        g_ptr_array_add (visible, shape);
    }

  if (visible->len == 0)
    return;

  get_transform (self, &transform);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < visible->len; i++)
    {
      AtlasShape *shape = g_ptr_array_index (visible, i);

      trace_shape (self, cr, shape, &transform);
      gdk_cairo_set_source_rgba (cr, &shape->style.fill);
      cairo_fill_preserve (cr);
      if (shape->style.stroke_width > 0)
        {
          cairo_set_dash (cr, dashes, shape->style.dashed ? G_N_ELEMENTS (dashes) : 0, 0);
          cairo_set_line_width (cr, shape->style.stroke_width);
          gdk_cairo_set_source_rgba (cr, &shape->style.stroke);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
    }

  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < visible->len; i++)
    draw_label (self, cr, g_ptr_array_index (visible, i));

  cairo_destroy (cr);
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

  g_clear_pointer (&self->shapes, g_ptr_array_unref);

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
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_shape_layer_clear (AtlasShapeLayer *self)
{
  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));

  g_ptr_array_set_size (self->shapes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
atlas_shape_layer_get_n_shapes (AtlasShapeLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), 0);

  return self->shapes->len;
}

AtlasShape *
atlas_shape_layer_get_shape (AtlasShapeLayer *self,
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
  Transform transform;
  cairo_t *cr;

  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), NULL);

  get_transform (self, &transform);
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = self->shapes->len; i > 0 && found == NULL; i--)
    {
      AtlasShape *shape = g_ptr_array_index (self->shapes, i - 1);

      trace_shape (self, cr, shape, &transform);
      if (cairo_in_fill (cr, x, y))
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
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A circle of radius_m metres around a point, as a polygon: how far a place
 * may really be from its pin.
 */
AtlasShape *
atlas_shape_new_circle (const char *id,
                        double      latitude,
                        double      longitude,
                        double      radius_m)
{
  AtlasShape *shape = atlas_shape_new (id, NULL, latitude, longitude);
  AtlasPoint points[49];
  const double earth_radius_m = 6371008.8;
  double angular = radius_m / earth_radius_m;
  double lat = latitude * G_PI / 180;
  double lon = longitude * G_PI / 180;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double bearing = 2 * G_PI * (i % (G_N_ELEMENTS (points) - 1)) / (G_N_ELEMENTS (points) - 1);
      double lat2 = asin (sin (lat) * cos (angular) + cos (lat) * sin (angular) * cos (bearing));
      double lon2 = lon + atan2 (sin (bearing) * sin (angular) * cos (lat),
                                 cos (angular) - sin (lat) * sin (lat2));

      points[i].latitude = lat2 * 180 / G_PI;
      points[i].longitude = lon2 * 180 / G_PI;
    }

  atlas_shape_add_ring (shape, points, G_N_ELEMENTS (points));

  return shape;
}
