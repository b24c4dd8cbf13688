/* atlas-shape-layer-labels.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-shape-layer"

#include "config.h"

#include <string.h>

#include "atlas-shape-layer-private.h"

/* The labels of a shape layer: laid out, offered to a placement with a few
 * places each (atlas-label-placement.c) and drawn where it put them. The
 * map view places the labels of its layers together, around its pins
 * (_atlas_shape_layer_set_label_placer()); a layer on its own places its
 * own. Placing happens when a layer is drawn, for the view it is drawn
 * in, so a label never trails the pins it avoids.
 */

/* Room around a label for its halo. */
#define HALO_MARGIN_PX 3.0
/* A label moved beside its anchor keeps this far from it: half a pin. */
#define SIDE_GAP_PX 18.0
/* Labels of shapes smaller than this on screen are not shown. */
#define MIN_SHAPE_PX 24.0

/* A shape's label, laid out once for as long as the shapes and the
 * widget's fonts stay: laying out is most of what labels cost a frame.
 */
typedef struct
{
  const AtlasShape *shape;
  PangoLayout      *layout;      /* NULL until first shown */
  graphene_rect_t   extent;      /* around the anchor, halo included */
  double            dx;          /* from the box's corner to the layout's */
  double            dy;
  gboolean          offered;     /* to the last placement */
  guint             index;       /* in it */
  gboolean          shown;
  AtlasLabelBox     box;         /* where it was placed */
} ShapeLabel;

static void
shape_label_free (ShapeLabel *label)
{
  g_clear_object (&label->layout);
  g_free (label);
}

static GPtrArray *
ensure_labels (AtlasShapeLayer *self)
{
  if (self->labels == NULL)
    self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) shape_label_free);

  return self->labels;
}

/* The shapes changed: their labels are placed afresh when next drawn. */
void
_atlas_shape_layer_forget_labels (AtlasShapeLayer *self)
{
  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));

  self->labels_stale = TRUE;
}

gboolean
_atlas_shape_layer_get_labels_stale (AtlasShapeLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), FALSE);

  return self->labels_stale;
}

/* Lets @placer place this layer's labels together with others': asked
 * whenever the layer draws its labels, it calls
 * _atlas_shape_layer_add_labels() and _atlas_shape_layer_take_labels() on
 * each layer when anything changed. NULL: the layer places its own.
 */
void
_atlas_shape_layer_set_label_placer (AtlasShapeLayer       *self,
                                     AtlasShapeLayerPlacer  placer,
                                     gpointer               user_data)
{
  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));

  self->placer = placer;
  self->placer_data = user_data;
  self->labels_stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Lays the label out, in the widget's font made bold and scaled by its
 * style, wrapped and centred on its anchor.
 */
static void
lay_out (AtlasShapeLayer *self,
         ShapeLabel      *label)
{
  const AtlasShapeStyle *style = atlas_shape_get_style (label->shape);
  PangoFontDescription *font;
  PangoRectangle ink, extents;
  graphene_rect_t *box = &label->extent;

  label->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                  atlas_shape_get_label (label->shape));
  font = pango_font_description_copy (pango_context_get_font_description (
                                        pango_layout_get_context (label->layout)));
  pango_font_description_set_size (font, pango_font_description_get_size (font) *
                                         style->label_scale);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (label->layout, font);
  pango_font_description_free (font);
  pango_layout_set_alignment (label->layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (label->layout, 180 * PANGO_SCALE);
  pango_layout_set_wrap (label->layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_extents (label->layout, &ink, &extents);

  /* Centred on the anchor, as the layout's logical extents are. */
  graphene_rect_union (&GRAPHENE_RECT_INIT (ink.x, ink.y, ink.width, ink.height),
                       &GRAPHENE_RECT_INIT (extents.x, extents.y, extents.width, extents.height),
                       box);
  graphene_rect_inset (box, -HALO_MARGIN_PX, -HALO_MARGIN_PX);
  graphene_rect_offset (box, -(extents.x + extents.width / 2.0), -extents.height / 2.0);
  label->dx = -(extents.x + extents.width / 2.0) - box->origin.x;
  label->dy = -extents.height / 2.0 - box->origin.y;
}

/* Whether the shape's label is shown at this zoom: a territory too small to
 * see gets no name to crowd its neighbours.
 */
static gboolean
is_label_shown (const AtlasShape      *shape,
                double                 zoom,
                const graphene_rect_t *shape_box)
{
  const AtlasShapeStyle *style = atlas_shape_get_style (shape);

  return zoom >= style->label_min_zoom && zoom >= style->min_zoom &&
         (shape_box->size.width >= MIN_SHAPE_PX || shape_box->size.height >= MIN_SHAPE_PX);
}

/* The labels of the shapes that have one, afresh when the shapes or the
 * widget's fonts changed.
 */
static GPtrArray *
update_labels (AtlasShapeLayer *self)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (!self->labels_stale && serial == self->label_serial)
    return ensure_labels (self);

  g_ptr_array_set_size (ensure_labels (self), 0);
  for (guint i = 0; i < self->shapes->len; i++)
    {
      const AtlasShape *shape = g_ptr_array_index (self->shapes, i);
      ShapeLabel *label;

      if (atlas_shape_get_label (shape) == NULL)
        continue;

      label = g_new0 (ShapeLabel, 1);
      label->shape = shape;
      g_ptr_array_add (self->labels, label);
    }
  self->labels_stale = FALSE;
  self->label_serial = serial;

  return self->labels;
}

/* Where the label may go, best first: on its anchor, then above and below
 * it, then beside it, as long as its middle stays in or near the shape's
 * box (the anchor too, once @slid), and the whole label in @area: the
 * view's edge cuts no name.
 */
static guint
make_candidates (const graphene_rect_t *box,
                 double                 x,
                 double                 y,
                 gboolean               slid,
                 const graphene_rect_t *shape_box,
                 const graphene_rect_t *area,
                 AtlasLabelBox         *candidates)
{
  double w = box->size.width, h = box->size.height;
  double side = w / 2 + SIDE_GAP_PX;
  const double offsets[][2] = {
    { 0, 0 }, { 0, -h }, { 0, h }, { 0, -2 * h }, { 0, 2 * h },
    { side, 0 }, { -side, 0 }, { side, -h }, { -side, -h }, { side, h }, { -side, h },
    { 0, -3 * h }, { 0, 3 * h },
  };
  graphene_rect_t room;
  guint n = 0;

  /* A shape too small for its name lets it go just outside. */
  graphene_rect_inset_r (shape_box, -MIN (2 * h, shape_box->size.width),
                         -MIN (2 * h, shape_box->size.height), &room);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      double cx = x + offsets[i][0], cy = y + offsets[i][1];
      graphene_rect_t candidate = GRAPHENE_RECT_INIT (box->origin.x + cx, box->origin.y + cy,
                                                      w, h);

      if (((i > 0 || slid) && !graphene_rect_contains_point (&room,
                                                             &GRAPHENE_POINT_INIT (cx, cy))) ||
          !graphene_rect_contains_rect (area, &candidate))
        continue;

      candidates[n++] = (AtlasLabelBox) { candidate.origin.x, candidate.origin.y, w, h };
    }

  return n;
}

/* A label whose anchor is near or past the view's edge slides along it,
 * into the view, as a large shape's name does on a map that pans. TRUE if
 * it moved.
 */
static gboolean
slide_into (const graphene_rect_t *box,
            const graphene_rect_t *area,
            double                *x,
            double                *y)
{
  double min_x = area->origin.x - box->origin.x;
  double max_x = area->origin.x + area->size.width - box->origin.x - box->size.width;
  double min_y = area->origin.y - box->origin.y;
  double max_y = area->origin.y + area->size.height - box->origin.y - box->size.height;
  double old_x = *x, old_y = *y;

  if (min_x <= max_x)
    *x = CLAMP (*x, min_x, max_x);
  if (min_y <= max_y)
    *y = CLAMP (*y, min_y, max_y);

  return *x != old_x || *y != old_y;
}

/* Lays out the labels of the shapes in a @width × @height widget seen
 * through @matrix, and adds them to @placement at @priority.
 */
void
_atlas_shape_layer_add_labels (AtlasShapeLayer      *self,
                               AtlasLabelPlacement  *placement,
                               AtlasLabelPriority    priority,
                               const cairo_matrix_t *matrix,
                               double                width,
                               double                height)
{
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, width, height);
  GPtrArray *labels;
  double zoom;

  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));
  g_return_if_fail (placement != NULL);

  zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  labels = update_labels (self);
  for (guint i = 0; i < labels->len; i++)
    {
      ShapeLabel *label = g_ptr_array_index (labels, i);
      const AtlasMercatorPoint *at = atlas_shape_get_label_point (label->shape);
      AtlasLabelBox candidates[16];
      graphene_rect_t shape_box;
      double x = at->x, y = at->y;
      gboolean slid;

      label->offered = FALSE;
      shape_box = _atlas_shape_layer_transform_box (matrix, label->shape);
      if (!graphene_rect_intersection (&shape_box, &area, NULL) ||
          !is_label_shown (label->shape, zoom, &shape_box))
        continue;

      if (label->layout == NULL)
        lay_out (self, label);

      label->offered = TRUE;
      cairo_matrix_transform_point (matrix, &x, &y);
      slid = slide_into (&label->extent, &area, &x, &y);
      label->index = atlas_label_placement_add_label (placement, priority, candidates,
                                                      make_candidates (&label->extent, x, y,
                                                                       slid, &shape_box, &area,
                                                                       candidates));
    }
}

/* Takes where @placement put the labels this layer added to it. TRUE if
 * any is shown elsewhere than before, or no longer, or newly.
 */
gboolean
_atlas_shape_layer_take_labels (AtlasShapeLayer     *self,
                                AtlasLabelPlacement *placement)
{
  g_autoptr(GArray) boxes = NULL;
  gboolean changed;

  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), FALSE);
  g_return_val_if_fail (placement != NULL, FALSE);

  for (guint i = 0; i < ensure_labels (self)->len; i++)
    {
      ShapeLabel *label = g_ptr_array_index (self->labels, i);
      const AtlasLabelBox *box = NULL;

      if (label->offered)
        box = atlas_label_placement_get_box (placement, label->index);
      label->shown = box != NULL;
      if (box != NULL)
        label->box = *box;
    }

  boxes = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  for (guint i = 0; i < self->labels->len; i++)
    {
      const ShapeLabel *label = g_ptr_array_index (self->labels, i);

      if (label->shown)
        g_array_append_val (boxes, label->box);
    }

  /* An empty GArray has no data: memcmp() must not see its NULL. */
  changed = self->label_boxes == NULL || self->label_boxes->len != boxes->len ||
            (boxes->len > 0 &&
             memcmp (self->label_boxes->data, boxes->data,
                     boxes->len * sizeof (AtlasLabelBox)) != 0);
  g_clear_pointer (&self->label_boxes, g_array_unref);
  self->label_boxes = g_steal_pointer (&boxes);

  return changed;
}

/* Places the labels: with the other layers' when a placer is set, else
 * alone.
 */
static void
place_labels (AtlasShapeLayer      *self,
              const cairo_matrix_t *matrix,
              double                width,
              double                height)
{
  g_autoptr(AtlasLabelPlacement) placement = NULL;

  if (self->placer != NULL)
    {
      self->placer (self, matrix, width, height, self->placer_data);
      return;
    }

  placement = atlas_label_placement_new ();
  _atlas_shape_layer_add_labels (self, placement, ATLAS_LABEL_PRIORITY_BASE_MAP, matrix,
                                 width, height);
  atlas_label_placement_place (placement);
  _atlas_shape_layer_take_labels (self, placement);
}

static void
draw_label (cairo_t          *cr,
            const ShapeLabel *label)
{
  const AtlasShapeStyle *style = atlas_shape_get_style (label->shape);
  double x = label->box.x + label->dx;
  double y = label->box.y + label->dy;

  /* A halo in the background colour keeps the label legible over lines. */
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, label->layout);
  cairo_set_line_width (cr, 3.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gdk_cairo_set_source_rgba (cr, &style->label_halo);
  cairo_stroke (cr);

  cairo_move_to (cr, x, y);
  gdk_cairo_set_source_rgba (cr, &style->label_colour);
  pango_cairo_show_layout (cr, label->layout);
}

/* Places the labels for this view (once a frame, whichever layer asks
 * first), and draws this layer's that meet @area.
 */
void
_atlas_shape_layer_draw_labels (AtlasShapeLayer       *self,
                                cairo_t               *cr,
                                const cairo_matrix_t  *matrix,
                                const graphene_rect_t *area,
                                double                 width,
                                double                 height)
{
  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (self));

  place_labels (self, matrix, width, height);

  for (guint i = 0; i < ensure_labels (self)->len; i++)
    {
      const ShapeLabel *label = g_ptr_array_index (self->labels, i);

      if (label->shown &&
          graphene_rect_intersection (&GRAPHENE_RECT_INIT (label->box.x, label->box.y,
                                                           label->box.width, label->box.height),
                                      area, NULL))
        draw_label (cr, label);
    }
}

/* The boxes of the labels shown, halo included, in widget pixels, as they
 * were last placed; adds them to @boxes and returns how many.
 */
guint
_atlas_shape_layer_get_label_boxes (AtlasShapeLayer *self,
                                    GArray          *boxes)
{
  g_return_val_if_fail (ATLAS_IS_SHAPE_LAYER (self), 0);
  g_return_val_if_fail (boxes != NULL, 0);

  if (self->label_boxes == NULL)
    return 0;

  g_array_append_vals (boxes, self->label_boxes->data, self->label_boxes->len);
  return self->label_boxes->len;
}
