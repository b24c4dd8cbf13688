/* atlas-map-view-basemap.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-map-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-map-view-private.h"
#include "atlas-tile-source.h"

/* The map view's base map: the online tiles' layer over the built-in map,
 * shown or not as the "basemap" setting and the network say (a map
 * package's layer is atlas-map-view-package.c's), the credits for what is
 * shown, and the notes that the map is offline or its borders approximate.
 */

/* Offline, boundaries this close are past what Natural Earth can tell. */
#define APPROXIMATE_BOUNDARIES_ZOOM 9.0

static char *
get_tile_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "tiles", NULL);
}

gboolean
atlas_map_view_get_offline (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  return g_strcmp0 (self->basemap, "offline") == 0 ||
         _atlas_map_view_shows_package (self) ||
         (g_strcmp0 (self->basemap, "online") != 0 && !self->reachable);
}

/* Offline, close in: say that Natural Earth's borders are approximate
 * (unless a map package covers them there).
 */
void
_atlas_map_view_update_approximate_note (AtlasMapView *self)
{
  double zoom = shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (self));

  gtk_widget_set_visible (self->approximate_label,
                          atlas_map_view_get_offline (self) &&
                          zoom >= APPROXIMATE_BOUNDARIES_ZOOM &&
                          !_atlas_map_view_package_covers_view (self));
}

/* The online tiles' source is credited while its layer is shown, and only
 * then: neither the built-in map nor a package draws OpenStreetMap's data.
 */
static void
set_online_credited (AtlasMapView *self,
                     gboolean      credited)
{
  if (self->base_source == NULL || credited == self->online_credited)
    return;

  if (credited)
    shumate_license_append_map_source (self->license, self->base_source);
  else
    shumate_license_remove_map_source (self->license, self->base_source);
  self->online_credited = credited;
}

/* Online tiles, a map package or our own map, as chosen, or as the network
 * allows.
 */
void
_atlas_map_view_update_basemap (AtlasMapView *self)
{
  gboolean offline = atlas_map_view_get_offline (self);
  gboolean package = _atlas_map_view_shows_package (self);
  gboolean online = g_strcmp0 (self->basemap, "offline") != 0 && !package;

  /* Online tiles stay above our map unless it or a package was chosen:
   * where a tile cannot be fetched, our map shows through, and the tiles
   * come back by themselves when the network does.
   */
  if (self->base_layer != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->base_layer), online);
  set_online_credited (self, online);
  _atlas_map_view_package_update (self);

  shumate_license_set_extra_text (self->license,
                                  offline ? _("Offline map: Natural Earth, GSHHG") : NULL);
  /* A package still opening has nothing to credit yet, and an empty
   * credits box is no credit at all.
   */
  gtk_widget_set_visible (GTK_WIDGET (self->license),
                          offline || self->online_credited || self->package.credited);

  /* Only say so when it was not the user's choice. */
  gtk_revealer_set_reveal_child (self->offline_revealer,
                                 offline && g_strcmp0 (self->basemap, "offline") != 0 &&
                                 !package);
  _atlas_map_view_update_approximate_note (self);

  g_object_notify (G_OBJECT (self), "offline");
}

static void
on_reachable_changed (AtlasTileSource *source,
                      GParamSpec      *pspec,
                      AtlasMapView    *self)
{
  g_assert (ATLAS_IS_MAP_VIEW (self));

  self->reachable = atlas_tile_source_get_reachable (source);
  _atlas_map_view_update_basemap (self);
}

void
_atlas_map_view_remove_base_layer (AtlasMapView *self)
{
  set_online_credited (self, FALSE);
  if (self->base_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->base_layer));
    }

  g_clear_object (&self->base_layer);
  g_clear_object (&self->base_source);
}

void
_atlas_map_view_rebuild_base_layer (AtlasMapView *self)
{
  g_autoptr(AtlasTileSource) data_source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = get_tile_cache_dir ();
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  const char *url = self->tile_url;

  if (url == NULL || !atlas_tile_source_validate_template (url, &error))
    {
      if (error != NULL)
        g_warning ("Ignoring tile address “%s”: %s", url, error->message);
      url = MAP_VIEW_DEFAULT_TILE_URL;
    }

  _atlas_map_view_remove_base_layer (self);

  data_source = atlas_tile_source_new (url, cache_dir);
  g_signal_connect_object (data_source, "notify::reachable",
                           G_CALLBACK (on_reachable_changed), self, 0);
  self->reachable = TRUE;

  self->base_source = SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full ("atlas-online",
                                      _("Online Map"),
                                      "© OpenStreetMap contributors",
                                      "https://www.openstreetmap.org/copyright",
                                      0, 19, ATLAS_MERCATOR_TILE_SIZE,
                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                      SHUMATE_DATA_SOURCE (data_source)));

  /* The online source stays the reference for the projection even while
   * the offline map is shown.
   */
  shumate_map_set_map_source (self->map, self->base_source);
  self->base_layer = g_object_ref_sink (shumate_map_layer_new (self->base_source, viewport));
  shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (self->base_layer),
                                  SHUMATE_LAYER (self->offline_layer));
  set_online_credited (self, gtk_widget_get_visible (GTK_WIDGET (self->base_layer)));

  /* The source's limits would let people zoom out to a world of empty sea. */
  shumate_viewport_set_min_zoom_level (viewport, MAP_VIEW_MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (viewport, MAP_VIEW_MAX_ZOOM);

  _atlas_map_view_update_basemap (self);
}
