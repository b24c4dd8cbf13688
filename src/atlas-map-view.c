/* atlas-map-view.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-view.h"
#include "atlas-tile-source.h"

/* The map and what floats over it: zoom buttons, the scale and the
 * attribution. Layers (areas, pins) are added on top of the base map.
 */

#define DEFAULT_TILE_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#define MIN_ZOOM 4
#define MAX_ZOOM 18
#define TILE_SIZE 256

/* Northern Vietnam, with Đồng Văn, Cao Bằng and Lạng Sơn in view. */
#define HOME_LATITUDE 22.0
#define HOME_LONGITUDE 105.8
#define HOME_ZOOM 7.0

struct _AtlasMapView
{
  GtkWidget        parent_instance;

  GtkOverlay      *overlay;
  ShumateMap      *map;
  ShumateScale    *scale;
  ShumateLicense  *license;
  GtkRevealer     *offline_revealer;

  char            *tile_url;
  ShumateMapLayer *base_layer;
  ShumateMapSource *base_source;
};

G_DEFINE_FINAL_TYPE (AtlasMapView, atlas_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TILE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
get_tile_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "tiles", NULL);
}

static void
remove_base_layer (AtlasMapView *self)
{
  if (self->base_layer != NULL)
    {
      shumate_license_remove_map_source (self->license, self->base_source);
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->base_layer));
    }

  g_clear_object (&self->base_layer);
  g_clear_object (&self->base_source);
}

static void
on_reachable_changed (AtlasTileSource *source,
                      GParamSpec      *pspec,
                      AtlasMapView    *self)
{
  gtk_revealer_set_reveal_child (self->offline_revealer,
                                 !atlas_tile_source_get_reachable (source));
}

static void
rebuild_base_layer (AtlasMapView *self)
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
      url = DEFAULT_TILE_URL;
    }

  remove_base_layer (self);

  data_source = atlas_tile_source_new (url, cache_dir);
  g_signal_connect_object (data_source, "notify::reachable",
                           G_CALLBACK (on_reachable_changed), self, 0);
  gtk_revealer_set_reveal_child (self->offline_revealer, FALSE);
  self->base_source = SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full ("atlas-online",
                                      _("Online Map"),
                                      "© OpenStreetMap contributors",
                                      "https://www.openstreetmap.org/copyright",
                                      0, 19, TILE_SIZE,
                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                      SHUMATE_DATA_SOURCE (data_source)));

  shumate_map_set_map_source (self->map, self->base_source);
  self->base_layer = g_object_ref_sink (shumate_map_layer_new (self->base_source, viewport));
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->base_layer), NULL);
  shumate_license_append_map_source (self->license, self->base_source);

  /* The source's limits would let people zoom out to a world of empty sea. */
  shumate_viewport_set_min_zoom_level (viewport, MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (viewport, MAX_ZOOM);
}

const char *
atlas_map_view_get_tile_url (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->tile_url;
}

void
atlas_map_view_set_tile_url (AtlasMapView *self,
                             const char   *tile_url)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->tile_url, tile_url) == 0)
    return;

  g_free (self->tile_url);
  self->tile_url = g_strdup (tile_url);
  rebuild_base_layer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILE_URL]);
}

ShumateViewport *
atlas_map_view_get_viewport (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return shumate_map_get_viewport (self->map);
}

void
atlas_map_view_zoom_in (AtlasMapView *self)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  shumate_map_zoom_in (self->map);
}

void
atlas_map_view_zoom_out (AtlasMapView *self)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  shumate_map_zoom_out (self->map);
}

static void
update_zoom_actions (AtlasMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double zoom = shumate_viewport_get_zoom_level (viewport);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-in",
                                 zoom < shumate_viewport_get_max_zoom_level (viewport));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-out",
                                 zoom > shumate_viewport_get_min_zoom_level (viewport));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  atlas_map_view_zoom_in (ATLAS_MAP_VIEW (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  atlas_map_view_zoom_out (ATLAS_MAP_VIEW (widget));
}

static void
atlas_map_view_dispose (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  remove_base_layer (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_MAP_VIEW);

  G_OBJECT_CLASS (atlas_map_view_parent_class)->dispose (object);
}

static void
atlas_map_view_finalize (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  g_clear_pointer (&self->tile_url, g_free);

  G_OBJECT_CLASS (atlas_map_view_parent_class)->finalize (object);
}

static void
atlas_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_TILE_URL:
      g_value_set_string (value, self->tile_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_TILE_URL:
      atlas_map_view_set_tile_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_view_class_init (AtlasMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_view_dispose;
  object_class->finalize = atlas_map_view_finalize;
  object_class->get_property = atlas_map_view_get_property;
  object_class->set_property = atlas_map_view_set_property;

  properties[PROP_TILE_URL] =
    g_param_spec_string ("tile-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, map);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, license);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, offline_revealer);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "atlasmapview");
}

static void
atlas_map_view_init (AtlasMapView *self)
{
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));

  viewport = shumate_map_get_viewport (self->map);
  shumate_scale_set_viewport (self->scale, viewport);
  g_signal_connect_object (viewport, "notify::zoom-level",
                           G_CALLBACK (update_zoom_actions), self, G_CONNECT_SWAPPED);

  atlas_map_view_set_tile_url (self, DEFAULT_TILE_URL);
  shumate_map_center_on (self->map, HOME_LATITUDE, HOME_LONGITUDE);
  shumate_viewport_set_zoom_level (viewport, HOME_ZOOM);
  update_zoom_actions (self);
}
