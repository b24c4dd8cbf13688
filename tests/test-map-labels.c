/* test-map-labels.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-map-labels"

#include "config.h"

#include <adwaita.h>

#include "atlas-i18n.h"
#include "atlas-pin-private.h"
#include "atlas-shape-layer-private.h"
#include "atlas-test-gtk.h"
#include "atlas-test-map-fixture.h"
#include "atlas-map-view-private.h"

/* The bodies of the pins and badges shown, in the map's pixels, from where
 * GTK put their widgets: a marker's centre is its place.
 */
static GArray *
shown_pin_boxes (Fixture *fixture)
{
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  g_autoptr(GList) pins = _atlas_map_view_get_pins (fixture->view);
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));

  for (GList *l = pins; l != NULL; l = l->next)
    {
      graphene_rect_t bounds, body;
      AtlasLabelBox box;

      g_assert_true (gtk_widget_compute_bounds (l->data, map, &bounds));
      _atlas_pin_get_body_box (l->data, &body);
      box = (AtlasLabelBox) { bounds.origin.x + bounds.size.width / 2 + body.origin.x,
                              bounds.origin.y + bounds.size.height / 2 + body.origin.y,
                              body.size.width, body.size.height };
      if (box.x < gtk_widget_get_width (map) && box.y < gtk_widget_get_height (map) &&
          box.x + box.width > 0 && box.y + box.height > 0)
        g_array_append_val (boxes, box);
    }

  return boxes;
}

/* No label meets a pin, a badge, a control of the map or another label,
 * nor is cut by the view's edge; returns how many labels are shown.
 */
static guint
assert_no_collision (Fixture    *fixture,
                     const char *where)
{
  g_autoptr(GArray) labels = _atlas_map_view_dup_label_boxes (fixture->view);
  g_autoptr(GArray) pins = shown_pin_boxes (fixture);
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  GtkWidget *controls[] = { fixture->view->zoom_buttons, fixture->view->layers_button,
                            GTK_WIDGET (fixture->view->scale),
                            GTK_WIDGET (fixture->view->license) };

  g_test_message ("%s: %u labels, %u pins and badges", where, labels->len, pins->len);
  for (guint i = 0; i < labels->len; i++)
    {
      const AtlasLabelBox *label = &g_array_index (labels, AtlasLabelBox, i);

      if (label->x < 0 || label->y < 0 || label->x + label->width > gtk_widget_get_width (map) ||
          label->y + label->height > gtk_widget_get_height (map))
        g_error ("%s: label %u (%.0f, %.0f %.0f×%.0f) is cut by the view's edge", where, i,
                 label->x, label->y, label->width, label->height);

      for (guint p = 0; p < pins->len; p++)
        if (atlas_label_box_intersects (label, &g_array_index (pins, AtlasLabelBox, p)))
          g_error ("%s: label %u (%.0f, %.0f %.0f×%.0f) meets pin %u", where, i,
                   label->x, label->y, label->width, label->height, p);

      for (guint c = 0; c < G_N_ELEMENTS (controls); c++)
        {
          graphene_rect_t bounds;
          AtlasLabelBox box;

          if (!gtk_widget_get_mapped (controls[c]))
            continue;
          g_assert_true (gtk_widget_compute_bounds (controls[c], map, &bounds));
          box = (AtlasLabelBox) { bounds.origin.x, bounds.origin.y,
                                  bounds.size.width, bounds.size.height };
          if (atlas_label_box_intersects (label, &box))
            g_error ("%s: label %u (%.0f, %.0f %.0f×%.0f) meets the map's %s", where, i,
                     label->x, label->y, label->width, label->height,
                     G_OBJECT_TYPE_NAME (controls[c]));
        }

      for (guint j = 0; j < i; j++)
        if (atlas_label_box_intersects (label, &g_array_index (labels, AtlasLabelBox, j)))
          g_error ("%s: labels %u and %u meet", where, i, j);
    }

  return labels->len;
}

/* At the start view and at each geopark's framing, at the window's size
 * and a projector's, labels keep out of the pins' and each other's way.
 */
static void
test_no_collisions (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *geoparks = atlas_dataset_get_geoparks (fixture->dataset);
  const int sizes[][2] = { { 1000, 700 }, { 1024, 768 } };
  guint n_labels = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gtk_window_set_default_size (fixture->window, sizes[s][0], sizes[s][1]);
      atlas_test_wait_for_map (fixture);
      atlas_map_view_set_view (fixture->view, 22.0, 105.8, 7.0);
      atlas_test_wait_for_map (fixture);
      n_labels += assert_no_collision (fixture, "start view");

      for (guint i = 0; i < g_list_model_get_n_items (geoparks); i++)
        {
          g_autoptr(AtlasGeopark) geopark = g_list_model_get_item (geoparks, i);

          atlas_map_view_fit_geopark (fixture->view, geopark, FALSE);
          atlas_test_wait_for_map (fixture);
          n_labels += assert_no_collision (fixture, atlas_geopark_get_id (geopark));
        }
    }

  /* Not a vacuous pass: labels were shown. */
  g_assert_cmpuint (n_labels, >, 10);
}

/* A place selected in a crowd: its pin grows, and the labels move again. */
static void
test_selection_moves_labels (Fixture       *fixture,
                             gconstpointer  data)
{
  AtlasGeopark *geopark = atlas_dataset_lookup_geopark (fixture->dataset, "caobang");
  GListModel *places = atlas_dataset_get_places (fixture->dataset);

  atlas_map_view_fit_geopark (fixture->view, geopark, FALSE);
  atlas_test_wait_for_map (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (places); i += 7)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (places, i);

      atlas_map_view_select_place (fixture->view, place);
      atlas_test_wait_for_map (fixture);
      assert_no_collision (fixture, atlas_place_get_id (place));
    }
}

/* Every geopark outline of the bundled data is approximate, and drawn as
 * such; the base map's borders are not.
 */
static void
test_approximate_outlines (Fixture       *fixture,
                           gconstpointer  data)
{
  AtlasShapeLayer *areas = fixture->view->area_layer;
  AtlasShapeLayer *base = fixture->view->offline_layer;

  g_assert_cmpuint (_atlas_shape_layer_get_n_shapes (areas), ==, 4);
  for (guint i = 0; i < _atlas_shape_layer_get_n_shapes (areas); i++)
    g_assert_true (atlas_shape_get_style (_atlas_shape_layer_get_shape (areas, i))->approximate);

  g_assert_cmpuint (_atlas_shape_layer_get_n_shapes (base), >, 0);
  for (guint i = 0; i < _atlas_shape_layer_get_n_shapes (base); i++)
    g_assert_false (atlas_shape_get_style (_atlas_shape_layer_get_shape (base, i))->approximate);
}

/* Near an outline the tooltip says it is approximate; inside, far from
 * it, nothing.
 */
static void
test_outline_tooltip (Fixture       *fixture,
                      gconstpointer  data)
{
  AtlasGeopark *geopark = atlas_dataset_lookup_geopark (fixture->dataset, "dongvan");
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->view);
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  g_autofree char *on_edge = NULL;
  g_autofree char *inside = NULL;
  const AtlasPoint *outline;
  guint n_points;
  double x, y;

  atlas_map_view_fit_geopark (fixture->view, geopark, FALSE);
  atlas_test_wait_for_map (fixture);

  outline = atlas_geopark_get_outline (geopark, &n_points);
  shumate_viewport_location_to_widget_coords (viewport, map, outline[0].latitude,
                                              outline[0].longitude, &x, &y);
  on_edge = _atlas_map_view_dup_outline_tooltip (fixture->view, x + 2, y + 2);
  g_assert_nonnull (on_edge);
  g_assert_nonnull (strstr (on_edge, atlas_text_get (atlas_geopark_get_short_name (geopark),
                                                      atlas_i18n_get_content_language ())));
  g_assert_nonnull (strstr (on_edge, "approximate outline"));

  shumate_viewport_location_to_widget_coords (viewport, map, atlas_geopark_get_latitude (geopark),
                                              atlas_geopark_get_longitude (geopark), &x, &y);
  inside = _atlas_map_view_dup_outline_tooltip (fixture->view, x, y);
  g_assert_null (inside);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The layers menu says what the dashed edge means. */
static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (fixture->view->layers_button);
  GtkWidget *legend;

  gtk_menu_button_popup (button);
  atlas_test_wait_for_map (fixture);
  legend = find_label (GTK_WIDGET (gtk_menu_button_get_popover (button)), "approximate outline");
  g_assert_nonnull (legend);
  g_assert_true (gtk_widget_is_drawable (legend));
  gtk_menu_button_popdown (button);
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_map_init (&argc, &argv);

  ATLAS_TEST_MAP_ADD ("/map-labels/no-collisions", test_no_collisions);
  ATLAS_TEST_MAP_ADD ("/map-labels/selection", test_selection_moves_labels);
  ATLAS_TEST_MAP_ADD ("/map-labels/approximate-outlines", test_approximate_outlines);
  ATLAS_TEST_MAP_ADD ("/map-labels/outline-tooltip", test_outline_tooltip);
  ATLAS_TEST_MAP_ADD ("/map-labels/legend", test_legend);

  return g_test_run ();
}
