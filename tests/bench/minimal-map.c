/* minimal-map.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "minimal-map"

#include <adwaita.h>
#include <shumate/shumate.h>

/* The floor of the time-to-first-content benchmark (tests/bench/ttfc.c):
 * the least a libadwaita app with a map can do before its first frame. One
 * AdwApplicationWindow at Geopark Atlas's default size (1200×760, the
 * schema's window-width and window-height) with a header bar over a
 * ShumateSimpleMap showing OpenStreetMap's raster tiles, centred where
 * Geopark Atlas opens (22.0° N, 105.8° E, zoom 7). Nothing else: no data,
 * no settings, no menus.
 *
 * It draws what a ShumateSimpleMap draws before any tile arrives: the
 * header bar, the map's empty background, the zoom buttons, the scale and
 * the licence text.
 */

static void
on_activate (GtkApplication *app)
{
  g_autoptr(ShumateMapSourceRegistry) registry = NULL;
  ShumateMapSource *source;
  ShumateSimpleMap *map;
  ShumateViewport *viewport;
  GtkWidget *window;
  GtkWidget *box;

  registry = shumate_map_source_registry_new_with_defaults ();
  source = shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);

  map = shumate_simple_map_new ();
  shumate_simple_map_set_map_source (map, source);
  viewport = shumate_simple_map_get_viewport (map);
  shumate_viewport_set_zoom_level (viewport, 7.0);
  shumate_map_center_on (shumate_simple_map_get_map (map), 22.0, 105.8);
  gtk_widget_set_vexpand (GTK_WIDGET (map), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (map));

  window = adw_application_window_new (app);
  gtk_window_set_title (GTK_WINDOW (window), "Minimal Map");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.geoparkatlas.MinimalMap", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
