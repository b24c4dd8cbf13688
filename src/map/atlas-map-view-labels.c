/* atlas-map-view-labels.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-map-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "atlas-i18n.h"
#include "atlas-map-view-private.h"
#include "atlas-pin-private.h"

/* What the map view's labels know of the rest of the map: the pins and
 * count badges shown, and the map's controls, are obstacles that the
 * geopark names (the areas' layer) and then the base map's names (the
 * offline layer) keep out of, and out of each other's way
 * (atlas-label-placement.c). The layers ask
 * for the placement as they draw, for the view they draw; it is made once
 * for both, again only when the view, the pins or the shapes changed.
 *
 * The geoparks' outlines are approximate: their tooltip and the layers
 * menu's legend say so.
 */

/* Room kept around a pin's body. */
#define PIN_MARGIN_PX 2.0
/* How near an outline the pointer must be for its tooltip. */
#define OUTLINE_TOOLTIP_PX 6.0

typedef struct
{
  AtlasLabelBox      box;
  AtlasLabelPriority priority;
} Obstacle;

/* What lies over the map: its own controls (the zoom buttons, the layers
 * button, the scale and the credits, which move only with the window's
 * size, when the labels are placed again anyway) and the cover set from
 * outside.
 */
static void
add_controls (AtlasMapView *self,
              GtkWidget    *layer,
              GArray       *obstacles)
{
  GtkWidget *controls[] = { self->zoom_buttons, self->layers_button,
                            GTK_WIDGET (self->scale), GTK_WIDGET (self->license),
                            self->labels.cover };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      graphene_rect_t bounds;
      Obstacle obstacle;

      if (controls[i] == NULL || !gtk_widget_get_mapped (controls[i]) ||
          !gtk_widget_compute_bounds (controls[i], layer, &bounds))
        continue;

      graphene_rect_inset (&bounds, -PIN_MARGIN_PX, -PIN_MARGIN_PX);
      obstacle.box = (AtlasLabelBox) { bounds.origin.x, bounds.origin.y,
                                       bounds.size.width, bounds.size.height };
      obstacle.priority = ATLAS_LABEL_PRIORITY_PIN;
      g_array_append_val (obstacles, obstacle);
    }
}

/* The pins and badges shown, and the map's controls, in the map's pixels,
 * as they are now.
 */
static GArray *
collect_obstacles (AtlasMapView *self)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (self);
  GtkWidget *layer = GTK_WIDGET (self->area_layer);
  double width = gtk_widget_get_width (layer);
  double height = gtk_widget_get_height (layer);
  GArray *obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));

  add_controls (self, layer, obstacles);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pin_layer));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AtlasPin *pin = ATLAS_PIN (child);
      graphene_rect_t body;
      Obstacle obstacle;
      double x, y;

      if (!gtk_widget_get_visible (child))
        continue;

      shumate_viewport_location_to_widget_coords (viewport, layer,
                                                  shumate_location_get_latitude (SHUMATE_LOCATION (pin)),
                                                  shumate_location_get_longitude (SHUMATE_LOCATION (pin)),
                                                  &x, &y);
      _atlas_pin_get_body_box (pin, &body);
      graphene_rect_inset (&body, -PIN_MARGIN_PX, -PIN_MARGIN_PX);
      obstacle.box = (AtlasLabelBox) { x + body.origin.x, y + body.origin.y,
                                       body.size.width, body.size.height };
      if (obstacle.box.x > width || obstacle.box.y > height ||
          obstacle.box.x + obstacle.box.width < 0 || obstacle.box.y + obstacle.box.height < 0)
        continue;

      obstacle.priority = atlas_pin_get_highlighted (pin) ? ATLAS_LABEL_PRIORITY_SELECTED_PIN
                                                          : ATLAS_LABEL_PRIORITY_PIN;
      g_array_append_val (obstacles, obstacle);
    }

  return obstacles;
}

static gboolean
same_obstacles (GArray *a,
                GArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const Obstacle *p = &g_array_index (a, Obstacle, i), *q = &g_array_index (b, Obstacle, i);

      if (p->priority != q->priority || p->box.x != q->box.x || p->box.y != q->box.y ||
          p->box.width != q->box.width || p->box.height != q->box.height)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_placed_view (AtlasMapLabels       *labels,
                const cairo_matrix_t *matrix,
                double                width,
                double                height)
{
  return labels->width == width && labels->height == height &&
         memcmp (matrix, &labels->matrix, sizeof *matrix) == 0;
}

/* The layers' placer: places every label of both layers, unless they are
 * placed for this view already. A layer whose labels moved while another
 * was drawn is drawn again.
 */
static void
place_labels (AtlasShapeLayer      *layer,
              const cairo_matrix_t *matrix,
              double                width,
              double                height,
              gpointer              user_data)
{
  AtlasMapView *self = user_data;
  AtlasMapLabels *labels = &self->labels;
  AtlasShapeLayer *layers[] = { self->area_layer, self->offline_layer };
  AtlasLabelPriority priorities[] = { ATLAS_LABEL_PRIORITY_GEOPARK,
                                      ATLAS_LABEL_PRIORITY_BASE_MAP };

  g_assert (ATLAS_IS_MAP_VIEW (self));

  if (!labels->dirty && is_placed_view (labels, matrix, width, height) &&
      !_atlas_shape_layer_get_labels_stale (self->area_layer) &&
      !_atlas_shape_layer_get_labels_stale (self->offline_layer))
    return;

  g_clear_pointer (&labels->obstacles, g_array_unref);
  labels->obstacles = collect_obstacles (self);
  atlas_label_placement_clear (labels->placement);
  for (guint i = 0; i < labels->obstacles->len; i++)
    {
      const Obstacle *obstacle = &g_array_index (labels->obstacles, Obstacle, i);

      atlas_label_placement_add_obstacle (labels->placement, &obstacle->box, obstacle->priority);
    }
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    _atlas_shape_layer_add_labels (layers[i], labels->placement, priorities[i], matrix,
                                   width, height);
  atlas_label_placement_place (labels->placement);
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    if (_atlas_shape_layer_take_labels (layers[i], labels->placement) && layers[i] != layer)
      gtk_widget_queue_draw (GTK_WIDGET (layers[i]));

  labels->dirty = FALSE;
  labels->matrix = *matrix;
  labels->width = width;
  labels->height = height;
}

/* The pins changed, or may have: when any shown moved, grew or went, the
 * labels are placed again as the layers are next drawn. Cheap when nothing
 * changed, as while typing a search.
 */
void
_atlas_map_view_update_label_obstacles (AtlasMapView *self)
{
  g_autoptr(GArray) obstacles = NULL;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->labels.dirty || self->labels.obstacles == NULL)
    return;

  obstacles = collect_obstacles (self);
  if (same_obstacles (obstacles, self->labels.obstacles))
    return;

  self->labels.dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self->area_layer));
  gtk_widget_queue_draw (GTK_WIDGET (self->offline_layer));
}

/**
 * atlas_map_view_set_cover:
 * @self: a map view
 * @cover: (nullable): a widget shown over the map, or %NULL
 *
 * The map's labels keep out from under @cover while it is shown, as they
 * do from under the map's own controls: the presenter's caption card. Set
 * it again when it changed size, and %NULL when it is gone.
 */
void
atlas_map_view_set_cover (AtlasMapView *self,
                          GtkWidget    *cover)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (cover == NULL || GTK_IS_WIDGET (cover));

  g_set_object (&self->labels.cover, cover);

  /* Placed as the layers are next drawn: after the cover's new size. */
  self->labels.dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self->area_layer));
  gtk_widget_queue_draw (GTK_WIDGET (self->offline_layer));
}

/* "Đồng Văn: approximate outline, …" near a geopark's approximate
 * outline at (x, y) of the map widget; NULL elsewhere.
 */
char *
_atlas_map_view_dup_outline_tooltip (AtlasMapView *self,
                                     double        x,
                                     double        y)
{
  const AtlasShape *shape;
  AtlasGeopark *geopark;
  const char *name;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  if (self->dataset == NULL)
    return NULL;

  shape = atlas_shape_layer_pick_edge (self->area_layer, x, y, OUTLINE_TOOLTIP_PX);
  if (shape == NULL)
    return NULL;

  geopark = atlas_dataset_lookup_geopark (self->dataset, atlas_shape_get_id (shape));
  if (geopark == NULL || !atlas_geopark_get_outline_approximate (geopark))
    return NULL;

  name = atlas_text_get (atlas_geopark_get_short_name (geopark),
                         atlas_i18n_get_content_language ());
  /* Translators: the tooltip of a geopark's outline on the map; %s is the
   * geopark's name.
   */
  return g_strdup_printf (_("%s: approximate outline, not an official boundary"), name);
}

static gboolean
on_map_query_tooltip (GtkWidget    *map,
                      int           x,
                      int           y,
                      gboolean      keyboard_mode,
                      GtkTooltip   *tooltip,
                      AtlasMapView *self)
{
  g_autofree char *text = NULL;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  if (keyboard_mode || (text = _atlas_map_view_dup_outline_tooltip (self, x, y)) == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The layers menu's legend: what a dashed, soft edge means. */
void
_atlas_map_view_add_legend (AtlasMapView   *self,
                            GtkPopoverMenu *popover)
{
  GtkWidget *box, *image, *label;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER_MENU (popover));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  image = gtk_image_new_from_icon_name ("atlas-approximate-outline-symbolic");
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  label = gtk_label_new (_("Dashed edge: approximate outline of a geopark, "
                           "not an official boundary"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  gtk_popover_menu_add_child (popover, box, "outline-legend");
}

void
_atlas_map_view_labels_init (AtlasMapView *self)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  self->labels.placement = atlas_label_placement_new ();
  self->labels.dirty = TRUE;
  _atlas_shape_layer_set_label_placer (self->area_layer, place_labels, self);
  _atlas_shape_layer_set_label_placer (self->offline_layer, place_labels, self);

  /* The geopark names' colours follow the style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_atlas_map_view_update_areas), self, G_CONNECT_SWAPPED);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->map), TRUE);
  g_signal_connect_object (self->map, "query-tooltip", G_CALLBACK (on_map_query_tooltip),
                           self, 0);
}

void
_atlas_map_view_labels_dispose (AtlasMapView *self)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  /* Once: the layers go with the template, after the first dispose. */
  if (self->labels.placement == NULL)
    return;

  _atlas_shape_layer_set_label_placer (self->area_layer, NULL, NULL);
  _atlas_shape_layer_set_label_placer (self->offline_layer, NULL, NULL);
  g_clear_pointer (&self->labels.placement, atlas_label_placement_free);
  g_clear_pointer (&self->labels.obstacles, g_array_unref);
  g_clear_object (&self->labels.cover);
}

/* The boxes of the labels shown, in the map's pixels, as last placed. */
GArray *
_atlas_map_view_dup_label_boxes (AtlasMapView *self)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), boxes);

  _atlas_shape_layer_get_label_boxes (self->area_layer, boxes);
  _atlas_shape_layer_get_label_boxes (self->offline_layer, boxes);

  return boxes;
}
