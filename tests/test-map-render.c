/* test-map-render.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-map-render"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "atlas-offline-map.h"
#include "atlas-offline-map-private.h"
#include "atlas-shape-layer-private.h"
#include "atlas-test-gtk.h"
#include "atlas-test-map-fixture.h"

/* The map as shown around Bản Giốc, on the offline map: pins, areas and
 * labels, and nothing that depends on the network.
 */
static void
show_ban_gioc (Fixture *fixture)
{
  atlas_map_view_set_basemap (fixture->view, "offline");
  atlas_map_view_fit_bounds (fixture->view, 22.8, 106.68, 22.87, 106.74, FALSE);
  atlas_test_wait_for_map (fixture);
  g_assert_nonnull (atlas_test_pin_of_place (fixture->view, "cb-01"));
}

static guint
count_colours (GdkTexture *texture)
{
  g_autofree guint32 *pixels = atlas_test_download (texture);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  gsize n_pixels = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture);

  for (gsize i = 0; i < n_pixels; i++)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));

  return g_hash_table_size (colours);
}

/* Pixels of nearly this colour in the box, in the texture's pixels. */
static guint
count_near (GdkTexture *texture,
            guint32     colour,
            int         x0,
            int         y0,
            int         x1,
            int         y1)
{
  g_autofree guint32 *pixels = atlas_test_download (texture);
  int width = gdk_texture_get_width (texture);
  guint n = 0;

  g_assert_cmpint (x0, >=, 0);
  g_assert_cmpint (y0, >=, 0);
  g_assert_cmpint (x1, <=, width);
  g_assert_cmpint (y1, <=, gdk_texture_get_height (texture));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = pixels[y * width + x];
        gboolean near = TRUE;

        for (int shift = 0; shift < 32; shift += 8)
          near &= ABS ((int) ((pixel >> shift) & 0xff) - (int) ((colour >> shift) & 0xff)) <= 8;
        n += near;
      }

  return n;
}

/* The image is the map's size, or twice it, and shows the map, not a
 * blank: the offline map, the areas and the pins give many colours, and a
 * pin's colour is where the pin is.
 */
static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  AtlasPlace *ban_gioc = atlas_dataset_lookup_place (fixture->dataset, "cb-01");
  /* Geology pins are rock orange, #c64600, opaque. */
  guint32 geology = 0xffc64600;
  double x, y;

  show_ban_gioc (fixture);
  g_assert_cmpint (atlas_place_get_kind (ban_gioc), ==, ATLAS_PLACE_KIND_GEOLOGY);
  atlas_test_place_position (fixture, ban_gioc, &x, &y);

  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = _atlas_map_view_render (fixture->view, scale, &error);
      /* The pin's head, above its tip. */
      int left = (int) (x - 12) * scale, right = (int) (x + 12) * scale;
      int top = (int) (y - 40) * scale, bottom = (int) y * scale;

      g_assert_no_error (error);
      g_assert_nonnull (texture);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (map) * scale);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (map) * scale);
      if (scale == 1)
        g_assert_cmpuint (count_colours (texture), >, 1000);
      g_assert_cmpuint (count_near (texture, geology, left, top, right, bottom),
                        >, 100 * scale * scale);
      /* And not everywhere: the corners are land or sea. */
      g_assert_cmpuint (count_near (texture, geology, 0, 0, 24 * scale, 40 * scale), ==, 0);
    }
}

/* The view as it is on screen, controls and all. */
static GdkTexture *
render_on_screen (Fixture *fixture)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (view),
                          gtk_widget_get_height (view));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_true (gsk_renderer_realize (renderer, surface, NULL));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  gsk_renderer_unrealize (renderer);

  return texture;
}

static guint
count_different (GdkTexture *a,
                 GdkTexture *b,
                 int         x0,
                 int         y0,
                 int         x1,
                 int         y1)
{
  g_autofree guint32 *pixels_a = atlas_test_download (a);
  g_autofree guint32 *pixels_b = atlas_test_download (b);
  int width = gdk_texture_get_width (a);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      n += pixels_a[y * width + x] != pixels_b[y * width + x];

  return n;
}

/* The image is the screen without the zoom and layers buttons, which stand
 * in the top right corner.
 */
static void
test_render_without_controls (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GdkTexture) screen = NULL;
  g_autoptr(GdkTexture) image = NULL;
  int width, height;

  show_ban_gioc (fixture);
  screen = render_on_screen (fixture);
  image = _atlas_map_view_render (fixture->view, 1, NULL);
  width = gdk_texture_get_width (image);
  height = gdk_texture_get_height (image);
  g_assert_cmpint (gdk_texture_get_width (screen), ==, width);
  g_assert_cmpint (gdk_texture_get_height (screen), ==, height);

  g_assert_cmpuint (count_different (screen, image, 0, 0, width - 70, height), ==, 0);
  g_assert_cmpuint (count_different (screen, image, width - 70, 0, width, 160), >, 100);
}

/* Pixels where a channel differs by more than @tolerance. */
static guint
count_far (GdkTexture *a,
           GdkTexture *b,
           int         tolerance)
{
  g_autofree guint32 *pixels_a = atlas_test_download (a);
  g_autofree guint32 *pixels_b = atlas_test_download (b);
  gsize n_pixels = (gsize) gdk_texture_get_width (a) * gdk_texture_get_height (a);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, gdk_texture_get_width (a));
  g_assert_cmpint (gdk_texture_get_height (b), ==, gdk_texture_get_height (a));
  for (gsize i = 0; i < n_pixels; i++)
    {
      gboolean far = FALSE;

      for (int shift = 0; shift < 32; shift += 8)
        far |= ABS ((int) ((pixels_a[i] >> shift) & 0xff) -
                    (int) ((pixels_b[i] >> shift) & 0xff)) > tolerance;
      n += far;
    }

  return n;
}

/* Marks where the pins are drawn: which of two overlapping pins is on top
 * depends on which marker each was given, not on what the map shows.
 */
static void
mask_pins (AtlasMapView *view,
           guint8       *mask,
           int           width,
           int           height)
{
  g_autoptr(GList) pins = _atlas_map_view_get_pins (view);

  for (GList *l = pins; l != NULL; l = l->next)
    {
      double x, y;

      shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (view),
                                                  _atlas_map_view_get_map (view),
                                                  shumate_location_get_latitude (l->data),
                                                  shumate_location_get_longitude (l->data),
                                                  &x, &y);
      for (int py = MAX (0, (int) y - 56); py < MIN (height, (int) y + 8); py++)
        for (int px = MAX (0, (int) x - 24); px < MIN (width, (int) x + 24); px++)
          mask[py * width + px] = 1;
    }
}

/* Pixels that differ, out of those not marked in @mask. */
static guint
count_different_unmasked (GdkTexture   *a,
                          GdkTexture   *b,
                          const guint8 *mask)
{
  g_autofree guint32 *pixels_a = atlas_test_download (a);
  g_autofree guint32 *pixels_b = atlas_test_download (b);
  gsize n_pixels = (gsize) gdk_texture_get_width (a) * gdk_texture_get_height (a);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, gdk_texture_get_width (a));
  for (gsize i = 0; i < n_pixels; i++)
    n += !mask[i] && pixels_a[i] != pixels_b[i];

  return n;
}

static guint
count_unmasked (const guint8 *mask,
                gsize         n_pixels)
{
  guint n = 0;

  for (gsize i = 0; i < n_pixels; i++)
    n += !mask[i];

  return n;
}

/* A map view of its own in a 1000 × 700 window, on the offline base map,
 * with the dataset, once the window has drawn its first frame.
 */
static AtlasMapView *
show_offline_map (AtlasDataset  *dataset,
                  GtkWindow    **window)
{
  AtlasMapView *view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);

  *window = GTK_WINDOW (gtk_window_new ());
  atlas_map_view_set_tile_url (view, "http://127.0.0.1:9/{z}/{x}/{y}.png");
  atlas_map_view_set_basemap (view, "offline");
  _atlas_map_view_set_animated (view, FALSE);
  atlas_map_view_set_dataset (view, dataset);
  gtk_window_set_default_size (*window, 1000, 700);
  gtk_window_set_child (*window, GTK_WIDGET (view));
  gtk_window_present (*window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (*window));

  return view;
}

/* The map of a dataset with the grid's places swapped in, in a new view of
 * the fixture's size, at @zoom over the middle of the grid; with the
 * number of precision circles made once it is drawn.
 */
static GdkTexture *
render_grid (Fixture  *fixture,
             gboolean  precise,
             double    zoom,
             guint    *n_circles,
             guint8   *pins_mask)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) grid = atlas_test_load_with_grid (600, precise);
  GtkWindow *window = NULL;
  AtlasMapView *view = show_offline_map (dataset, &window);
  GdkTexture *texture;

  /* Swapped in as a reload does: far out, no circle is made yet. */
  atlas_map_view_fit_bounds (view, 22.7, 106.1, 22.8, 106.2, FALSE);
  shumate_viewport_set_zoom_level (atlas_map_view_get_viewport (view), 9);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  atlas_dataset_take_contents (dataset, grid);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (_atlas_map_view_count_circles (view), ==, 0);

  shumate_viewport_set_zoom_level (atlas_map_view_get_viewport (view), zoom);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  texture = _atlas_map_view_render (view, 1, NULL);
  *n_circles = _atlas_map_view_count_circles (view);
  mask_pins (view, pins_mask, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  gtk_window_destroy (window);

  return texture;
}

/* The circles of imprecise places are made when a zoom first shows them,
 * not when the places are swapped in, and drawn: from zoom 11, the map
 * differs from its precise twin's, and not below it.
 */
static void
test_circles_when_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  double zooms[] = { 10.5, 12.5 };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autofree guint8 *mask = g_new0 (guint8, 1000 * 700);
      g_autoptr(GdkTexture) with_circles = NULL;
      g_autoptr(GdkTexture) without = NULL;
      guint n_circles, n_none, n_different;

      with_circles = render_grid (fixture, FALSE, zooms[z], &n_circles, mask);
      without = render_grid (fixture, TRUE, zooms[z], &n_none, mask);
      g_assert_cmpint (gdk_texture_get_width (without) * gdk_texture_get_height (without), <=,
                       1000 * 700);
      n_different = count_different_unmasked (with_circles, without, mask);
      g_test_message ("zoom %.1f: %u circles, %u pixels differ", zooms[z], n_circles,
                      n_different);
      if (zooms[z] < 11)
        {
          g_assert_cmpuint (n_circles, ==, 0);
          g_assert_cmpuint (n_different, ==, 0);
        }
      else
        {
          /* One grid place in four, and the bundled imprecise ones. */
          g_assert_cmpuint (n_circles, >=, 150);
          g_assert_cmpuint (n_circles, ==, n_none + 150);
          /* Most of what the pins leave: the grid's 10 km circles overlap. */
          g_assert_cmpuint (n_different, >, count_unmasked (mask, gdk_texture_get_width (without) *
                                                                  gdk_texture_get_height (without)) / 2);
        }
    }
}

/* The layer alone, as a window draws it, over nothing. */
static GdkTexture *
render_layer (GtkWidget *layer)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (layer);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (layer),
                          gtk_widget_get_height (layer));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, gtk_native_get_surface (gtk_widget_get_native (layer)),
                                       NULL));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (layer),
                                                              gtk_widget_get_height (layer)));
  gsk_renderer_unrealize (renderer);

  return texture;
}

/* Pixels at least this opaque: the circles' outlines, not their fills. */
static guint
count_opaque (GdkTexture *texture,
              guint       alpha)
{
  g_autofree guint32 *pixels = atlas_test_download (texture);
  gsize n_pixels = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture);
  guint n = 0;

  for (gsize i = 0; i < n_pixels; i++)
    n += pixels[i] >> 24 >= alpha;

  return n;
}

/* A layer of alike shapes (the precision circles) moves its last image when
 * the view pans at the same zoom, and draws only what that uncovers: what
 * it shows stays what a fresh drawing shows, after moves of a pixel, of
 * most of the view, and diagonally, and after a zoom.
 */
static void
test_alike_shapes_panned (void)
{
  static const double circles[][3] = {
    { 21.95, 106.3667, 20000 }, { 21.95, 106.3667, 5000 }, { 21.9006, 106.3154, 3000 },
    { 21.88, 106.40, 2000 }, { 21.97, 106.28, 1000 }, { 21.86, 106.30, 10000 },
  };
  /* Back and forth, the circles' outlines always in view. */
  static const double moves[][2] = { { 3, 0 }, { 0, -2 }, { 37, -23 }, { -300, 150 },
                                     { 0, -411 }, { 650, -5 }, { 1, 1 } };
  g_autoptr(ShumateViewport) viewport = shumate_viewport_new ();
  g_autoptr(ShumateRasterRenderer) source =
    shumate_raster_renderer_new_from_url ("http://127.0.0.1:9/{z}/{x}/{y}.png");
  AtlasShapeLayer *layer = atlas_shape_layer_new (viewport);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (source));
  shumate_viewport_set_zoom_level (viewport, 12);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 21.92, 106.34);
  atlas_shape_layer_set_alike (layer, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (circles); i++)
    {
      AtlasShape *shape = atlas_shape_new_circle ("circle", circles[i][0], circles[i][1],
                                                  circles[i][2]);

      atlas_shape_set_style (shape, &(AtlasShapeStyle) {
        .fill = { 0.24, 0.22, 0.27, 0.08 },
        .stroke = { 0.24, 0.22, 0.27, 0.35 },
        .stroke_width = 1,
        .dashed = TRUE,
        .min_zoom = 11,
      });
      atlas_shape_layer_add (layer, shape);
    }

  gtk_window_set_default_size (window, 900, 650);
  gtk_window_set_child (window, GTK_WIDGET (layer));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  for (guint m = 0; m <= G_N_ELEMENTS (moves); m++)
    {
      g_autoptr(GdkTexture) screen = NULL;
      g_autoptr(GdkTexture) fresh = NULL;
      double latitude, longitude;

      if (m == G_N_ELEMENTS (moves))
        shumate_viewport_set_zoom_level (viewport, 12.5);
      else
        {
          shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (layer),
                                                      gtk_widget_get_width (GTK_WIDGET (layer)) / 2.0 + moves[m][0],
                                                      gtk_widget_get_height (GTK_WIDGET (layer)) / 2.0 + moves[m][1],
                                                      &latitude, &longitude);
          shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
        }
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      screen = render_layer (GTK_WIDGET (layer));

      /* Drawn afresh, as for an image of this scale. */
      atlas_shape_layer_set_draw_scale (layer, 1);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      fresh = render_layer (GTK_WIDGET (layer));
      atlas_shape_layer_set_draw_scale (layer, 0);

      g_test_message ("move %u: %u outline pixels", m, count_opaque (fresh, 60));
      g_assert_cmpuint (count_opaque (fresh, 60), >, 500);
      g_assert_cmpuint (count_far (screen, fresh, 2), ==, 0);
    }

  gtk_window_destroy (window);
}

/* A layer's first drawing is made on the main thread once the first frame
 * is drawn (the base map's, at start-up), then shown as long as the view
 * stays: it shows what drawing directly shows, and once the view moves the
 * layer is drawn directly.
 */
static void
test_first_picture (void)
{
  g_autoptr(ShumateViewport) viewport = shumate_viewport_new ();
  g_autoptr(ShumateRasterRenderer) source =
    shumate_raster_renderer_new_from_url ("http://127.0.0.1:9/{z}/{x}/{y}.png");
  AtlasShapeLayer *layer = atlas_shape_layer_new (viewport);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (source));
  shumate_viewport_set_zoom_level (viewport, 7);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 21.5, 105.5);
  atlas_offline_map_populate (layer, ATLAS_LANGUAGE_VI, FALSE);

  gtk_window_set_default_size (window, 700, 500);
  gtk_window_set_child (window, GTK_WIDGET (layer));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  for (guint move = 0; move < 2; move++)
    {
      g_autoptr(GdkTexture) screen = NULL;
      g_autoptr(GdkTexture) fresh = NULL;

      /* The picture comes a frame or a few later. */
      while (move == 0 && !_atlas_shape_layer_get_picture_shown (layer) &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (_atlas_shape_layer_get_picture_shown (layer) == (move == 0));
      screen = render_layer (GTK_WIDGET (layer));

      atlas_shape_layer_set_draw_scale (layer, 1);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      fresh = render_layer (GTK_WIDGET (layer));
      atlas_shape_layer_set_draw_scale (layer, 0);

      g_test_message ("view %u: %u colours", move, count_colours (fresh));
      g_assert_cmpuint (count_colours (fresh), >, 50);
      g_assert_cmpuint (count_far (screen, fresh, 1), ==, 0);

      shumate_location_set_location (SHUMATE_LOCATION (viewport), 21.6, 105.7);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }

  gtk_window_destroy (window);
}

/* Before it is shown, the map has nothing to give. */
static void
test_render_unshown (void)
{
  g_autoptr(AtlasMapView) view = g_object_ref_sink (g_object_new (ATLAS_TYPE_MAP_VIEW, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  atlas_map_view_set_tile_url (view, "http://127.0.0.1:9/{z}/{x}/{y}.png");
  texture = _atlas_map_view_render (view, 1, &error);
  g_assert_error (error, ATLAS_MAP_EXPORT_ERROR, ATLAS_MAP_EXPORT_ERROR_NOT_SHOWN);
  g_assert_null (texture);
}

/* An image asked for while the base map's first drawing is still to be
 * made, after the frame, has the base map all the same.
 */
static void
test_render_at_once (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);
  GtkWindow *window = NULL;
  AtlasMapView *view = show_offline_map (dataset, &window);
  g_autoptr(GdkTexture) at_once = NULL;
  g_autoptr(GdkTexture) settled = NULL;

  g_assert_true (_atlas_map_view_get_picture_pending (view));
  at_once = _atlas_map_view_render (view, 1, NULL);

  while (_atlas_map_view_get_picture_pending (view))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  settled = _atlas_map_view_render (view, 1, NULL);
  g_assert_cmpuint (count_colours (settled), >, 50);
  g_assert_cmpuint (count_far (at_once, settled, 1), ==, 0);

  gtk_window_destroy (window);
}

static void
test_export_png (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  g_autofree char *dir = g_dir_make_tmp ("atlas-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GdkTexture) read_back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  show_ban_gioc (fixture);

  g_assert_true (_atlas_map_view_export_png (fixture->view, file, 2, &error));
  g_assert_no_error (error);
  read_back = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (read_back), ==, 2 * gtk_widget_get_width (map));
  g_assert_cmpint (gdk_texture_get_height (read_back), ==, 2 * gtk_widget_get_height (map));

  /* A folder that is not there: said, not ignored. */
  g_assert_false (_atlas_map_view_export_png (fixture->view, missing_file, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "map.png"));

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Copy Map Image puts the map, at its size, on the clipboard. */
static void
test_copy_image (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->view));
  g_autoptr(GdkTexture) texture = NULL;

  show_ban_gioc (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "map.copy-image", NULL));

  texture = atlas_test_read_clipboard_texture (clipboard);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (map));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (map));
}

/* The map's first frame shows the region without waiting for the world's
 * land, which the map view asks for after it: then France, away from the
 * Haute-Provence geopark's pin and circle, is land.
 */
static void
test_world_after_first_frame (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *map = _atlas_map_view_get_map (fixture->view);
  int width, height;
  GdkRGBA land;

  atlas_map_view_set_basemap (fixture->view, "offline");
  atlas_map_view_set_view (fixture->view, 45.0, 4.5, 11);
  while (!atlas_offline_map_has_world () && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (atlas_offline_map_has_world ());
  atlas_test_wait_for_map (fixture);

  texture = _atlas_map_view_render (fixture->view, 1, &error);
  g_assert_no_error (error);
  width = gtk_widget_get_width (map);
  height = gtk_widget_get_height (map);
  _atlas_offline_map_get_land_colour (FALSE, &land);
  g_assert_cmpuint (count_near (texture, 0xff000000u | (guint32) (land.red * 255 + 0.5) << 16 |
                                         (guint32) (land.green * 255 + 0.5) << 8 |
                                         (guint32) (land.blue * 255 + 0.5),
                                width / 2 - 20, height / 2 - 20, width / 2 + 20, height / 2 + 20),
                    ==, 40 * 40);
}

#define ADD ATLAS_TEST_MAP_ADD

int
main (int   argc,
      char *argv[])
{
  atlas_test_map_init (&argc, &argv);

  ADD ("/map-view/render", test_render);
  ADD ("/map-view/render-without-controls", test_render_without_controls);
  g_test_add_func ("/map-view/render-unshown", test_render_unshown);
  g_test_add_func ("/map-view/render-at-once", test_render_at_once);
  ADD ("/map-view/export-png", test_export_png);
  ADD ("/map-view/circles-when-shown", test_circles_when_shown);
  g_test_add_func ("/map-view/alike-shapes-panned", test_alike_shapes_panned);
  g_test_add_func ("/map-view/first-picture", test_first_picture);
  ADD ("/map-view/copy-image", test_copy_image);
  ADD ("/map-view/world-after-first-frame", test_world_after_first_frame);

  return g_test_run ();
}
