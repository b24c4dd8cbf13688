/* test-offline-map.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-offline-map"

#include "config.h"

#include <adwaita.h>

#include "atlas-offline-map-private.h"
#include "atlas-shape-layer-private.h"
#include "atlas-test-gtk.h"

/* The base map alone in a window, as a window draws it, over nothing. */
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

/* Pixels within @slack of the colour in each channel, in a box of the
 * texture around its middle.
 */
static guint
count_colour (GdkTexture    *texture,
              const GdkRGBA *colour,
              int            half_box,
              int            slack)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  int want[3] = { colour->red * 255 + 0.5, colour->green * 255 + 0.5, colour->blue * 255 + 0.5 };
  guint n = 0;

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int y = height / 2 - half_box; y < height / 2 + half_box; y++)
    for (int x = width / 2 - half_box; x < width / 2 + half_box; x++)
      {
        guint32 pixel = pixels[y * width + x];
        gboolean near = TRUE;

        for (int c = 0; c < 3; c++)
          near &= ABS ((int) ((pixel >> (16 - 8 * c)) & 0xff) - want[c]) <= slack;
        n += near;
      }

  return n;
}

/* The built-in map at a place at @zoom, light or dark, 400 × 300 pixels. */
static GdkTexture *
render_offline_map (double   latitude,
                    double   longitude,
                    double   zoom,
                    gboolean dark)
{
  g_autoptr(ShumateViewport) viewport = shumate_viewport_new ();
  g_autoptr(ShumateRasterRenderer) source =
    shumate_raster_renderer_new_from_url ("http://127.0.0.1:9/{z}/{x}/{y}.png");
  AtlasShapeLayer *layer = atlas_shape_layer_new (viewport);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GdkTexture *texture;

  shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (source));
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
  atlas_offline_map_populate (layer, ATLAS_LANGUAGE_VI, dark);
  /* Drawn directly, not from a first picture made later. */
  atlas_shape_layer_set_draw_scale (layer, 1);

  gtk_window_set_default_size (window, 400, 300);
  gtk_window_set_child (window, GTK_WIDGET (layer));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  texture = render_layer (GTK_WIDGET (layer));
  gtk_window_destroy (window);

  return texture;
}

/* The built-in map around Mã Pí Lèng at @zoom, light or dark: the pixels of
 * the colour of the Nho Quế's rank near the middle.
 */
static guint
count_river_pixels (double   zoom,
                    gboolean dark)
{
  g_autoptr(GdkTexture) texture = render_offline_map (23.2356, 105.4155, zoom, dark);
  GdkRGBA river;
  guint n;

  _atlas_offline_map_get_river_colour (3, dark, &river);
  n = count_colour (texture, &river, 60, 12);
  g_test_message ("zoom %.0f, %s: %u river pixels", zoom, dark ? "dark" : "light", n);

  return n;
}

/* At geopark zoom the Nho Quế is drawn in the water colour through the
 * middle of the view, in both palettes; zoomed out to the country, the
 * lesser rivers give way.
 */
static void
test_river_at_geopark_zoom (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      g_assert_cmpuint (count_river_pixels (11, dark), >, 20);
      g_assert_cmpuint (count_river_pixels (7, dark), ==, 0);
    }
}

/* A place abroad is drawn on land, not in the sea: at Haute-Provence
 * (France) at zoom 11, the middle of the view is all the land's colour, in
 * both palettes.
 */
static void
on_world_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *read = user_data;

  g_assert_true (atlas_offline_map_read_world_finish (result, NULL));
  *read = TRUE;
}

/* The world's land, read as a map view asks for it after its first frame. */
static void
read_world (void)
{
  gboolean read = FALSE;

  atlas_offline_map_read_world_async (NULL, on_world_read, &read);
  while (!read)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (atlas_offline_map_has_world ());
}

static void
test_land_abroad (void)
{
  /* Not read for the first frame: the sea there until it is. */
  if (!atlas_offline_map_has_world ())
    {
      g_autoptr(GdkTexture) texture = render_offline_map (44.09, 6.24, 11, FALSE);
      GdkRGBA land;

      _atlas_offline_map_get_land_colour (FALSE, &land);
      g_assert_cmpuint (count_colour (texture, &land, 20, 2), ==, 0);
    }
  read_world ();

  for (int dark = 0; dark <= 1; dark++)
    {
      g_autoptr(GdkTexture) texture = render_offline_map (44.09, 6.24, 11, dark);
      GdkRGBA land;
      guint n;

      _atlas_offline_map_get_land_colour (dark, &land);
      n = count_colour (texture, &land, 20, 2);
      g_test_message ("Haute-Provence, %s: %u land pixels of 1600", dark ? "dark" : "light", n);
      g_assert_cmpuint (n, ==, 40 * 40);
    }
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_gtk (&argc, &argv);

  g_test_add_func ("/offline-map/river-at-geopark-zoom", test_river_at_geopark_zoom);
  g_test_add_func ("/offline-map/land-abroad", test_land_abroad);

  return g_test_run ();
}
