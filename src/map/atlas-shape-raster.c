/* atlas-shape-raster.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-shape-raster"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-shape-raster.h"

/* Many translucent convex shapes of one style, such as the uncertainty
 * circles of thousands of places, drawn at once into an image.
 *
 * Cairo fills each shape over the whole of its area, one after the other,
 * and tessellates each dash of their outlines: at close zoom a few hundred
 * circles larger than the window make a slow frame (docs/PERFORMANCE.md).
 * Here a fill only adds, along its outline, how much each pixel's
 * coverage differs from its left neighbour's, and one pass over the image
 * adds the rows up: k shapes of opacity a over a pixel give it 1 - (1 - a)^k
 * of their colour, as k fills would. The outlines are walked a pixel at a
 * time along each edge, with their dashes, and drawn over all the fills
 * (cairo veiled each under the fills of the shapes after it). The image is
 * made a band of rows at a time, every shape over each band, so that what
 * is added up stays in the processor's cache.
 */

/* Rows made at a time. */
#define BAND 32

/* Coverage steps per unit in the tables of opacities, and the coverage
 * (overlapping shapes) up to which they go.
 */
#define STEPS 64
#define MAX_COVERAGE 256
#define TABLE_SIZE (STEPS * MAX_COVERAGE + 1)

/* Coverage below this draws nothing: less than a 255th of any shape. */
#define NOTHING (1.0f / 512)

typedef struct
{
  guint    first;               /* in points, as x, y pairs */
  guint    n_points;
  double   top;
  double   bottom;
  float    turn;                /* 1 or -1, as the points go round */
  gboolean fill;
  gboolean stroke;
} Polygon;

struct _AtlasShapeRaster
{
  int      width;
  int      height;
  double   half_width;          /* of the outlines */
  double   dash_on;             /* and their dashes; no period, no dashes */
  double   dash_period;

  GArray  *points;              /* double: x, y of every polygon's points */
  GArray  *along;               /* double: each point's distance along its outline */
  GArray  *polygons;            /* Polygon */

  /* For one band: the fills' change in coverage from one pixel to the next
   * (width + 2 per row), and the outlines' coverage of each pixel (width
   * per row).
   */
  float   *cover;
  float   *lines;

  /* Opacity for each coverage step, for the last colours asked for. */
  GdkRGBA  fill_colour;
  double   stroke_alpha;
  guint32 *fill_table;          /* premultiplied pixels of the fill alone */
  float   *stroke_table;        /* the outlines' opacity */
};

AtlasShapeRaster *
atlas_shape_raster_new (void)
{
  AtlasShapeRaster *self = g_new0 (AtlasShapeRaster, 1);

  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->along = g_array_new (FALSE, FALSE, sizeof (double));
  self->polygons = g_array_new (FALSE, FALSE, sizeof (Polygon));
  self->fill_colour.alpha = -1;
  self->stroke_alpha = -1;
  self->fill_table = g_new (guint32, TABLE_SIZE);
  self->stroke_table = g_new (float, TABLE_SIZE);

  return self;
}

void
atlas_shape_raster_free (AtlasShapeRaster *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->points);
  g_array_unref (self->along);
  g_array_unref (self->polygons);
  g_free (self->cover);
  g_free (self->lines);
  g_free (self->fill_table);
  g_free (self->stroke_table);
  g_free (self);
}

/* Starts an image of width × height pixels, with nothing drawn; outlines
 * @line_width wide, dashed as cairo dashes (on, off, starting on at each
 * polygon's first point), or not with no @dashes.
 */
void
atlas_shape_raster_begin (AtlasShapeRaster *self,
                          int               width,
                          int               height,
                          double            line_width,
                          const double     *dashes,
                          guint             n_dashes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (n_dashes == 0 || n_dashes == 2);

  if (width != self->width)
    {
      g_free (self->cover);
      g_free (self->lines);
      self->cover = g_new0 (float, (gsize) (width + 2) * BAND);
      self->lines = g_new0 (float, (gsize) width * BAND);
    }

  self->width = width;
  self->height = height;
  self->half_width = line_width / 2;
  self->dash_on = n_dashes == 2 ? dashes[0] : 0;
  self->dash_period = n_dashes == 2 ? dashes[0] + dashes[1] : 0;
  g_array_set_size (self->points, 0);
  g_array_set_size (self->along, 0);
  g_array_set_size (self->polygons, 0);
}

/* Adds a convex polygon, @n_points x, y pairs in pixels, closed whether or
 * not its last point is its first: filled, outlined, or both.
 */
void
atlas_shape_raster_add (AtlasShapeRaster *self,
                        const double     *points,
                        guint             n_points,
                        gboolean          fill,
                        gboolean          stroke)
{
  Polygon polygon = { self->points->len / 2, n_points, G_MAXDOUBLE, -G_MAXDOUBLE, 1, fill, stroke };
  double distance = 0;
  double area = 0;

  g_return_if_fail (self != NULL && self->width > 0);

  if (n_points < 2 || (!fill && !stroke))
    return;

  for (guint i = 0; i < n_points; i++)
    {
      if (i > 0)
        distance += hypot (points[2 * i] - points[2 * i - 2], points[2 * i + 1] - points[2 * i - 1]);
      g_array_append_val (self->along, distance);
      polygon.top = MIN (polygon.top, points[2 * i + 1]);
      polygon.bottom = MAX (polygon.bottom, points[2 * i + 1]);
      area += points[2 * i] * points[2 * ((i + 1) % n_points) + 1] -
              points[2 * ((i + 1) % n_points)] * points[2 * i + 1];
    }
  /* Going round clockwise on screen (y down), a downward edge has the
   * inside on its left.
   */
  polygon.turn = area < 0 ? 1 : -1;

  g_array_append_vals (self->points, points, 2 * n_points);
  g_array_append_val (self->polygons, polygon);
}

/* floor() for what fits an int, without a call into libm. */
static int
floor_to_int (double x)
{
  int i = (int) x;

  return i - (x < i);
}

/* The integral from -∞ to @u of the part of a pixel [0, 1] right of a
 * point at u: what a pixel gets from an edge crossing it there.
 */
static double
right_of (double u)
{
  if (u <= 0)
    return u;
  if (u >= 1)
    return 0.5;
  return u - u * u / 2;
}

/* The part of pixel @i right of an edge that crosses its row from @left
 * to @right (either way), averaged over the height it crosses.
 */
static double
share_right_of (double left,
                double right,
                int    i)
{
  if (right - left < 1e-9)
    return CLAMP (i + 1 - left, 0, 1);

  return (right_of (right - i) - right_of (left - i)) / (right - left);
}

/* What the edge gives the row of pixels it crosses from @x0 to @x1 over
 * @height of it: each pixel is covered by the part of it right of the
 * edge, @turn telling whether that is inside or outside. Added to the row
 * as the change from each pixel to the next; what falls left of the image
 * goes to its first pixel.
 */
static void
add_edge_to_row (AtlasShapeRaster *self,
                 float            *row,
                 double            x0,
                 double            x1,
                 double            height,
                 float             turn)
{
  double left = MIN (x0, x1), right = MAX (x0, x1);
  double weight = turn * height;
  int first = MAX (floor_to_int (MAX (left, -1)), 0);
  int last = MIN (floor_to_int (MIN (right, self->width)) + 1, self->width - 1);
  double previous = first > 0 ? 0 : share_right_of (left, right, -1);

  row[0] += weight * previous;
  for (int i = first; i <= last; i++)
    {
      double covered = share_right_of (left, right, i);

      row[i] += weight * (covered - previous);
      previous = covered;
    }
}

/* Adds the polygon's fill to the band from row @top to @bottom: every edge,
 * row by row.
 */
static void
fill_band (AtlasShapeRaster *self,
           const Polygon    *polygon,
           int               top,
           int               bottom)
{
  const double *points = (const double *) (void *) self->points->data + 2 * polygon->first;
  guint n_points = polygon->n_points;

  for (guint i = 0; i < n_points; i++)
    {
      const double *a = &points[2 * i];
      const double *b = &points[2 * ((i + 1) % n_points)];
      /* Downward edges give, upward ones take. */
      float turn = a[1] < b[1] ? polygon->turn : -polygon->turn;
      const double *high = a[1] < b[1] ? a : b;
      const double *low = a[1] < b[1] ? b : a;
      double slope;
      int from, to;

      if (a[1] == b[1] || low[1] <= top || high[1] >= bottom)
        continue;

      slope = (low[0] - high[0]) / (low[1] - high[1]);
      from = MAX (top, floor_to_int (MAX (high[1], top - 1)));
      to = MIN (bottom - 1, -floor_to_int (-MIN (low[1], bottom + 1)) - 1);
      for (int y = from; y <= to; y++)
        {
          double y0 = MAX (y, high[1]);
          double y1 = MIN (y + 1, low[1]);

          add_edge_to_row (self, self->cover + (gsize) (y - top) * (self->width + 2),
                           high[0] + (y0 - high[1]) * slope, high[0] + (y1 - high[1]) * slope,
                           y1 - y0, turn);
        }
    }
}

/* The part from @t0 to @t1 along an outline that is on the edge from
 * @clip0 to @clip1 and dashed on: a pixel's share of the line. The window
 * is shorter than the dash period, so it meets at most two dashes.
 */
static float
along_coverage (AtlasShapeRaster *self,
                double            t0,
                double            t1,
                double            clip0,
                double            clip1)
{
  double from = MAX (t0, clip0);
  double to = MIN (t1, clip1);
  double phase, end;

  if (to <= from)
    return 0;
  if (self->dash_period <= 0)
    return (to - from) / (t1 - t0);

  phase = from - self->dash_period * floor_to_int (from / self->dash_period);
  end = phase + (to - from);

  return (MAX (0, MIN (end, self->dash_on) - phase) +
          MAX (0, MIN (end, self->dash_period + self->dash_on) - self->dash_period)) / (t1 - t0);
}

/* The part of the segment from (x0, y0) along (ux, uy) that is in the box
 * from (left, top) to (right, bottom), as @t0 to @t1 along it.
 */
static gboolean
clip_segment (double  x0,
              double  y0,
              double  ux,
              double  uy,
              double  left,
              double  top,
              double  right,
              double  bottom,
              double *t0,
              double *t1)
{
  double direction[4] = { -ux, ux, -uy, uy };
  double room[4] = { x0 - left, right - x0, y0 - top, bottom - y0 };

  for (guint i = 0; i < 4; i++)
    {
      if (direction[i] == 0)
        {
          if (room[i] < 0)
            return FALSE;
        }
      else if (direction[i] < 0)
        *t0 = MAX (*t0, room[i] / direction[i]);
      else
        *t1 = MIN (*t1, room[i] / direction[i]);
    }

  return *t0 <= *t1;
}

/* Draws the part in the band from row @top to @bottom of the edge from
 * @a to @b, @length long, its dashes starting @start along the outline. The pixels are
 * taken along the line's longer axis; each one's share of the line is how
 * near its centre is across the line, times how much of its length along
 * the line is dashed on.
 */
static void
stroke_edge_band (AtlasShapeRaster *self,
                  const double     *a,
                  const double     *b,
                  double            length,
                  double            start,
                  int               top,
                  int               bottom)
{
  double ux = length > 0 ? (b[0] - a[0]) / length : 1;
  double uy = length > 0 ? (b[1] - a[1]) / length : 0;
  gboolean along_x = fabs (ux) >= fabs (uy);
  /* The line's direction on the axis walked, and across it. */
  double u = along_x ? ux : uy;
  double v = along_x ? uy : ux;
  double a0 = along_x ? a[0] : a[1];
  double b0 = along_x ? a[1] : a[0];
  double slant = fabs (u);
  double reach = (self->half_width + 0.5) / slant;
  double step = 0.5 / slant;
  double margin = self->half_width + 1.5;
  double t0 = -step, t1 = length + step;
  int first, last;

  if (length == 0 ||
      !clip_segment (a[0], a[1], ux, uy, -margin, top - margin, self->width + margin,
                     bottom + margin, &t0, &t1))
    return;

  first = floor_to_int (MIN (a0 + t0 * u, a0 + t1 * u) - 0.5);
  last = floor_to_int (MAX (a0 + t0 * u, a0 + t1 * u) + 0.5) + 1;
  first = MAX (first, along_x ? 0 : top);
  last = MIN (last, along_x ? self->width - 1 : bottom - 1);
  for (int i = first; i <= last; i++)
    {
      double t = (i + 0.5 - a0) / u;
      double across_at = b0 + t * v;
      float along;
      int from, to;

      if (t < -step || t > length + step)
        continue;
      along = along_coverage (self, start + t - step, start + t + step, start, start + length);
      if (along <= 0)
        continue;

      /* Clipped to the band and its margin: all within an int. */
      from = floor_to_int (across_at - reach);
      to = floor_to_int (across_at + reach);
      from = MAX (from, along_x ? top : 0);
      to = MIN (to, along_x ? bottom - 1 : self->width - 1);
      for (int j = from; j <= to; j++)
        {
          float across = self->half_width + 0.5 - fabs (j + 0.5 - across_at) * slant;

          if (across <= 0)
            continue;
          if (along_x)
            self->lines[(gsize) (j - top) * self->width + i] += along * MIN (across, 1);
          else
            self->lines[(gsize) (i - top) * self->width + j] += along * MIN (across, 1);
        }
    }
}

/* Adds the polygon's outline to the band from row @top to @bottom. */
static void
stroke_band (AtlasShapeRaster *self,
             const Polygon    *polygon,
             int               top,
             int               bottom)
{
  const double *points = (const double *) (void *) self->points->data + 2 * polygon->first;
  const double *along = (const double *) (void *) self->along->data + polygon->first;
  double margin = self->half_width + 1.5;
  guint n_points = polygon->n_points;
  /* The closing edge, back to the first point, starts at the last. */
  guint n_edges = n_points > 2 ? n_points : n_points - 1;

  for (guint i = 0; i < n_edges; i++)
    {
      const double *a = &points[2 * i];
      const double *b = &points[2 * ((i + 1) % n_points)];

      if (MAX (a[1], b[1]) < top - margin || MIN (a[1], b[1]) > bottom + margin)
        continue;
      stroke_edge_band (self, a, b,
                        i + 1 < n_points ? along[i + 1] - along[i]
                                         : hypot (b[0] - a[0], b[1] - a[1]),
                        along[i], top, bottom);
    }
}

static guint32
pack (double alpha,
      double red,
      double green,
      double blue)
{
  return ((guint32) (alpha * 255 + 0.5) << 24) | ((guint32) (red * 255 + 0.5) << 16) |
         ((guint32) (green * 255 + 0.5) << 8) | (guint32) (blue * 255 + 0.5);
}

/* The opacity of k shapes of opacity @alpha, for k in coverage steps. */
static void
make_tables (AtlasShapeRaster *self,
             const GdkRGBA    *fill,
             const GdkRGBA    *stroke)
{
  if (!gdk_rgba_equal (fill, &self->fill_colour))
    {
      for (guint i = 0; i < TABLE_SIZE; i++)
        {
          double alpha = 1 - pow (1 - fill->alpha, (double) i / STEPS);

          self->fill_table[i] = pack (alpha, fill->red * alpha, fill->green * alpha,
                                      fill->blue * alpha);
        }
      self->fill_colour = *fill;
    }

  if (stroke->alpha != self->stroke_alpha)
    {
      for (guint i = 0; i < TABLE_SIZE; i++)
        self->stroke_table[i] = 1 - pow (1 - stroke->alpha, (double) i / STEPS);
      self->stroke_alpha = stroke->alpha;
    }
}

static guint
table_index (float coverage)
{
  guint i = (guint) (coverage * STEPS + 0.5f);

  return MIN (i, TABLE_SIZE - 1);
}

/* An outline of @stroke's colour and opacity @alpha over a premultiplied
 * pixel.
 */
static guint32
blend_stroke (guint32        under,
              const GdkRGBA *stroke,
              double         alpha)
{
  double keep = (1 - alpha) / 255.0;

  return pack (alpha + keep * (under >> 24),
               stroke->red * alpha + keep * ((under >> 16) & 0xff),
               stroke->green * alpha + keep * ((under >> 8) & 0xff),
               stroke->blue * alpha + keep * (under & 0xff));
}

/* Turns the band's coverage into pixels, and clears it for the next. */
static void
finish_band (AtlasShapeRaster *self,
             const GdkRGBA    *stroke,
             guchar           *data,
             int               stride,
             int               top,
             int               bottom)
{
  for (int y = top; y < bottom; y++)
    {
      float *cover = self->cover + (gsize) (y - top) * (self->width + 2);
      float *lines = self->lines + (gsize) (y - top) * self->width;
      guint32 *pixels = (guint32 *) (void *) (data + (gsize) y * stride);
      float coverage = 0;

      for (int x = 0; x < self->width; x++)
        {
          float line = lines[x];
          guint32 filled = 0;

          coverage += cover[x];
          if (coverage >= NOTHING)
            filled = self->fill_table[table_index (coverage)];
          pixels[x] = line < NOTHING ? filled
                                     : blend_stroke (filled, stroke,
                                                     self->stroke_table[table_index (line)]);
        }
    }

  memset (self->cover, 0, sizeof (float) * (self->width + 2) * (bottom - top));
  memset (self->lines, 0, sizeof (float) * self->width * (bottom - top));
}

/* Writes the image of what was added since atlas_shape_raster_begin() to
 * @data (rows @stride bytes apart), premultiplied ARGB32: the fills in
 * @fill, the outlines in @stroke over them, nothing elsewhere.
 */
void
atlas_shape_raster_finish (AtlasShapeRaster *self,
                           const GdkRGBA    *fill,
                           const GdkRGBA    *stroke,
                           guchar           *data,
                           int               stride)
{
  const Polygon *polygons = (const Polygon *) (void *) self->polygons->data;

  g_return_if_fail (self != NULL && self->width > 0);
  g_return_if_fail (data != NULL && stride >= self->width * 4);

  make_tables (self, fill, stroke);

  for (int top = 0; top < self->height; top += BAND)
    {
      int bottom = MIN (top + BAND, self->height);
      double margin = self->half_width + 1.5;
      gboolean any = FALSE;

      for (guint i = 0; i < self->polygons->len; i++)
        {
          const Polygon *polygon = &polygons[i];

          if (polygon->bottom < top - margin || polygon->top > bottom + margin)
            continue;
          if (polygon->fill)
            fill_band (self, polygon, top, bottom);
          if (polygon->stroke)
            stroke_band (self, polygon, top, bottom);
          any = TRUE;
        }

      if (any)
        finish_band (self, stroke, data, stride, top, bottom);
      else
        for (int y = top; y < bottom; y++)
          memset (data + (gsize) y * stride, 0, (gsize) self->width * 4);
    }
}
