/* atlas-map-view.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-map-view"

#include "config.h"

#include <adwaita.h>

#include "atlas-i18n.h"
#include "atlas-map-view-private.h"
#include "atlas-offline-map.h"

/* The map and what is drawn on it, bottom to top: the offline base map
 * (always there, under everything), the online tiles or a map package's,
 * the geopark areas,
 * the uncertainty of imprecise places, and the pins. Zoom buttons, a layers
 * menu, the scale and the attribution float over it.
 *
 * This file holds the widget, its layers, the selection and the fitting
 * of places; atlas-map-view-basemap.c chooses the base map and credits it,
 * atlas-map-view-pins.c gives the places their markers,
 * atlas-map-view-search.c shows a search on them,
 * atlas-map-view-package.c opens and shows a map package,
 * atlas-map-view-actions.c holds what the map's actions and keys do.
 */

#define FLY_DURATION_MS 900

/* Northern Vietnam, with Đồng Văn, Cao Bằng and Lạng Sơn in view. */
#define HOME_LATITUDE 22.0
#define HOME_LONGITUDE 105.8
#define HOME_ZOOM 7.0

/* Room around fitted places: the pin heads stand above their points. */
#define FIT_PADDING_TOP 64.0
#define FIT_PADDING_SIDE 48.0

/* Places whose position is this uncertain get a circle at close zoom. */
#define SHOWN_PRECISION_M 1000.0
#define PRECISION_MIN_ZOOM 11.0

G_DEFINE_FINAL_TYPE (AtlasMapView, atlas_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TILE_URL,
  PROP_BASEMAP,
  PROP_OFFLINE,
  PROP_MAP_PACKAGE,
  N_PROPS
};

enum {
  PLACE_ACTIVATED,
  GEOPARK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
atlas_map_view_set_tile_url (AtlasMapView *self,
                             const char   *tile_url)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->tile_url, tile_url) == 0)
    return;

  g_free (self->tile_url);
  self->tile_url = g_strdup (tile_url);
  _atlas_map_view_rebuild_base_layer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILE_URL]);
}

/* "automatic", "online", "offline" or "package", as in the settings. */
void
atlas_map_view_set_basemap (AtlasMapView *self,
                            const char   *basemap)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->basemap, basemap) == 0)
    return;

  g_free (self->basemap);
  self->basemap = g_strdup (basemap);
  _atlas_map_view_update_basemap (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASEMAP]);
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

/* Flies there when @animate and the view animates, else goes at once. */
void
_atlas_map_view_go_to (AtlasMapView *self,
                       double        latitude,
                       double        longitude,
                       double        zoom,
                       gboolean      animate)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (animate && self->animated)
    {
      shumate_map_go_to_full_with_duration (self->map, latitude, longitude, zoom,
                                            FLY_DURATION_MS);
      return;
    }

  shumate_map_stop_go_to (self->map);
  shumate_viewport_set_zoom_level (atlas_map_view_get_viewport (self), zoom);
  shumate_map_center_on (self->map, latitude, longitude);
}

/* Puts the map there at once: a flight still under way ends first, or it
 * would carry the view on to where it was going.
 */
void
atlas_map_view_set_view (AtlasMapView *self,
                         double        latitude,
                         double        longitude,
                         double        zoom)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  _atlas_map_view_go_to (self, latitude, longitude, zoom, FALSE);
}

/* libshumate has no fit-to-bounds: the largest zoom at which the box fits
 * the map with room for the pins, centred in Mercator space.
 */
void
atlas_map_view_fit_bounds (AtlasMapView *self,
                           double        south,
                           double        west,
                           double        north,
                           double        east,
                           gboolean      animate)
{
  AtlasBounds bounds = { south, west, north, east };
  AtlasFitPadding padding;
  double max_zoom;
  double latitude, longitude, zoom;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  /* The pins' heads need more room at the top than at the bottom; what
   * covers the map (a caption card) moves the frame's centre away from it.
   */
  padding = (AtlasFitPadding) {
    FIT_PADDING_TOP + self->fit_insets.top,
    FIT_PADDING_SIDE + self->fit_insets.right,
    FIT_PADDING_SIDE + self->fit_insets.bottom,
    FIT_PADDING_SIDE + self->fit_insets.left,
  };
  max_zoom = self->fit_max_zoom > 0 ? self->fit_max_zoom : ATLAS_PIN_GROUPS_APART_ZOOM;
  atlas_mercator_fit (&bounds,
                      gtk_widget_get_width (GTK_WIDGET (self->map)),
                      gtk_widget_get_height (GTK_WIDGET (self->map)),
                      &padding, MAP_VIEW_MIN_ZOOM, MIN (max_zoom, MAP_VIEW_MAX_ZOOM),
                      &latitude, &longitude, &zoom);
  _atlas_map_view_go_to (self, latitude, longitude, zoom, animate);
}

/* How close fit_bounds() may come, or 0 for as close as places can be told
 * apart. A room wants to see where a place is, not its every rock.
 */
void
atlas_map_view_set_fit_max_zoom (AtlasMapView *self,
                                 double        zoom)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  self->fit_max_zoom = zoom;
}

/* Room the frame of fit_bounds() leaves on each side for what covers the
 * map, such as the caption card while presenting. NULL for none.
 */
void
atlas_map_view_set_fit_insets (AtlasMapView    *self,
                               const GtkBorder *insets)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  self->fit_insets = insets != NULL ? *insets : (GtkBorder) { 0, 0, 0, 0 };
}

void
atlas_map_view_fit_places (AtlasMapView *self,
                           GPtrArray    *places,
                           gboolean      animate)
{
  AtlasBounds bounds = ATLAS_BOUNDS_EMPTY;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (places != NULL);

  for (guint i = 0; i < places->len; i++)
    {
      AtlasPlace *place = g_ptr_array_index (places, i);

      atlas_bounds_add (&bounds, atlas_place_get_latitude (place),
                        atlas_place_get_longitude (place));
    }

  if (!atlas_bounds_is_empty (&bounds))
    atlas_map_view_fit_bounds (self, bounds.south, bounds.west, bounds.north, bounds.east,
                               animate);
}

void
atlas_map_view_fit_geopark (AtlasMapView *self,
                            AtlasGeopark *geopark,
                            gboolean      animate)
{
  AtlasBounds bounds = ATLAS_BOUNDS_EMPTY;
  const AtlasPoint *outline;
  guint n_points;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (ATLAS_IS_GEOPARK (geopark));

  outline = atlas_geopark_get_outline (geopark, &n_points);
  for (guint i = 0; i < n_points; i++)
    atlas_bounds_add (&bounds, outline[i].latitude, outline[i].longitude);

  atlas_map_view_fit_bounds (self, bounds.south, bounds.west, bounds.north, bounds.east, animate);
}

gboolean
_atlas_map_view_is_selected (AtlasMapView *self,
                             AtlasPlace   *place)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  return g_ptr_array_find (self->selected_places, place, NULL);
}

/* Presenting: the map alone, with its scale and attribution (which the
 * tiles' licence asks for), without buttons or notes.
 */
void
atlas_map_view_set_presenting (AtlasMapView *self,
                               gboolean      presenting)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  gtk_widget_set_visible (self->zoom_buttons, !presenting);
  gtk_widget_set_visible (self->layers_button, !presenting);
  gtk_widget_set_child_visible (self->approximate_label, !presenting);
  gtk_widget_set_child_visible (self->search.bar, !presenting);
  gtk_widget_set_child_visible (GTK_WIDGET (self->offline_revealer), !presenting);
}

/* Selects the places, or none with an empty array or NULL. */
void
atlas_map_view_select_places (AtlasMapView *self,
                              GPtrArray    *places)
{
  gboolean same;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  same = places != NULL && places->len == self->selected_places->len;
  for (guint i = 0; same && i < places->len; i++)
    same = _atlas_map_view_is_selected (self, g_ptr_array_index (places, i));
  if (same || (places == NULL && self->selected_places->len == 0))
    return;

  g_ptr_array_set_size (self->selected_places, 0);
  for (guint i = 0; places != NULL && i < places->len; i++)
    g_ptr_array_add (self->selected_places, g_object_ref (g_ptr_array_index (places, i)));

  _atlas_map_view_regroup_pins (self, FALSE);
}

void
atlas_map_view_select_place (AtlasMapView *self,
                             AtlasPlace   *place)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new ();

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (!place || ATLAS_IS_PLACE (place));

  if (place != NULL)
    g_ptr_array_add (places, place);
  atlas_map_view_select_places (self, places);
}

/* The places selected, borrowed; never NULL. */
GPtrArray *
_atlas_map_view_get_selected_places (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->selected_places;
}

AtlasPlace *
_atlas_map_view_get_selected_place (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->selected_places->len > 0 ? g_ptr_array_index (self->selected_places, 0) : NULL;
}

/* A pin was clicked or activated with the keyboard. */
void
_atlas_map_view_activate_pin (AtlasMapView *self,
                              AtlasPin     *pin)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (ATLAS_IS_PIN (pin));

  /* A group opens up: zoom in until its places stand apart. */
  if (atlas_pin_is_group (pin))
    {
      /* While searching, until the places found in it stand apart. */
      g_autoptr(GPtrArray) places = _atlas_map_view_dup_matches (self,
                                                                 atlas_pin_get_places (pin));
      double zoom = shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (self));

      atlas_map_view_fit_places (self, places, TRUE);
      /* Places on the very same spot: at least get closer. */
      if (shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (self)) <= zoom &&
          !self->animated)
        _atlas_map_view_go_to (self, shumate_location_get_latitude (SHUMATE_LOCATION (pin)),
                               shumate_location_get_longitude (SHUMATE_LOCATION (pin)), zoom + 2,
                               FALSE);
      return;
    }

  atlas_map_view_select_place (self, atlas_pin_get_place (pin));
  g_signal_emit (self, signals[PLACE_ACTIVATED], 0, atlas_pin_get_place (pin));
}

/* A geopark's area, and how it looks while searching: stronger when the
 * search finds the geopark itself, fainter when it does not.
 */
static void
add_geopark_area (AtlasMapView *self,
                  AtlasGeopark *geopark)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  const AtlasColour *colour = atlas_geopark_get_colour (geopark);
  int found = _atlas_map_view_geopark_found (self, geopark);
  double strength = found < 0 ? 1.0 : found ? 1.5 : 0.4;
  /* Dark letters in a light halo, or light ones in a dark halo. */
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double shade = dark ? 0.45 : 0.7, tint = dark ? 0.55 : 0;
  double halo = dark ? 0.13 : 1;
  const AtlasPoint *outline;
  AtlasShape *shape;
  guint n_points;

  shape = atlas_shape_new (atlas_geopark_get_id (geopark),
                           atlas_text_get (atlas_geopark_get_short_name (geopark), language),
                           atlas_geopark_get_latitude (geopark),
                           atlas_geopark_get_longitude (geopark));
  outline = atlas_geopark_get_outline (geopark, &n_points);
  atlas_shape_add_ring (shape, outline, n_points);
  atlas_shape_set_style (shape, &(AtlasShapeStyle) {
    .fill = { colour->red, colour->green, colour->blue, 0.16 * strength },
    .stroke = { colour->red, colour->green, colour->blue, MIN (0.9 * strength, 1) },
    .stroke_width = 2.5 * MAX (strength, 0.6),
    .approximate = atlas_geopark_get_outline_approximate (geopark),
    .label_colour = { colour->red * shade + tint, colour->green * shade + tint,
                      colour->blue * shade + tint, found == 0 ? 0.6 : 1 },
    .label_halo = { halo, halo, halo, 0.85 },
    .label_scale = 1.0,
    .label_min_zoom = 6,
  });
  atlas_shape_layer_add (self->area_layer, shape);
}

/* The geoparks' areas, drawn anew. */
void
_atlas_map_view_update_areas (AtlasMapView *self)
{
  GListModel *geoparks;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  atlas_shape_layer_clear (self->area_layer);
  if (self->dataset == NULL)
    return;

  geoparks = atlas_dataset_get_geoparks (self->dataset);
  for (guint i = 0; i < g_list_model_get_n_items (geoparks); i++)
    {
      g_autoptr(AtlasGeopark) geopark = g_list_model_get_item (geoparks, i);

      add_geopark_area (self, geopark);
    }
}

static void
add_precision_circle (AtlasMapView *self,
                      AtlasPlace   *place)
{
  AtlasShape *shape;

  if (atlas_place_get_precision_m (place) < SHOWN_PRECISION_M)
    return;

  shape = atlas_shape_new_circle (atlas_place_get_id (place),
                                  atlas_place_get_latitude (place),
                                  atlas_place_get_longitude (place),
                                  atlas_place_get_precision_m (place));
  atlas_shape_set_style (shape, &(AtlasShapeStyle) {
    .fill = { 0.24, 0.22, 0.27, 0.08 },
    .stroke = { 0.24, 0.22, 0.27, 0.35 },
    .stroke_width = 1,
    .dashed = TRUE,
    .min_zoom = PRECISION_MIN_ZOOM,
  });
  atlas_shape_layer_add (self->precision_layer, shape);
}

/* The circles of the imprecise places, made when the map first comes close
 * enough to show them: far out, thousands of places cost nothing for them.
 */
static void
add_precision_circles (AtlasMapView *self)
{
  double zoom = shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (self));
  guint n_places = atlas_pin_groups_get_n_places (self->pin_groups);

  if (self->circles_made || self->dataset == NULL || zoom < PRECISION_MIN_ZOOM)
    return;

  self->circles_made = TRUE;
  for (guint i = 0; i < n_places; i++)
    add_precision_circle (self, atlas_pin_groups_get_place (self->pin_groups, i));
}

/* A reload replaces the places: keep selecting those still there. */
static void
reselect_places (AtlasMapView *self)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->selected_places);

  self->selected_places = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < old->len; i++)
    {
      const char *id = atlas_place_get_id (g_ptr_array_index (old, i));
      AtlasPlace *place = atlas_dataset_lookup_place (self->dataset, id);

      if (place != NULL)
        g_ptr_array_add (self->selected_places, g_object_ref (place));
    }
}

static void
rebuild_dataset_layers (AtlasMapView *self)
{
  g_assert (ATLAS_IS_MAP_VIEW (self));

  _atlas_map_view_update_areas (self);
  reselect_places (self);
  _atlas_map_view_regroup_pins (self, TRUE);

  atlas_shape_layer_clear (self->precision_layer);
  self->circles_made = FALSE;
  add_precision_circles (self);
}

void
atlas_map_view_set_dataset (AtlasMapView *self,
                            AtlasDataset *dataset)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (atlas_dataset_get_places (self->dataset), self);
  g_set_object (&self->dataset, dataset);

  g_signal_connect_object (atlas_dataset_get_places (dataset), "items-changed",
                           G_CALLBACK (rebuild_dataset_layers), self, G_CONNECT_SWAPPED);
  rebuild_dataset_layers (self);
}

static void
update_offline_map (AtlasMapView *self);

static void
on_world_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AtlasMapView *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_offline_map_read_world_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The world's land was not read: %s", error->message);
      return;
    }

  g_assert (ATLAS_IS_MAP_VIEW (self));

  g_clear_object (&self->world_reading);
  update_offline_map (self);
}

static gboolean
read_world (gpointer user_data)
{
  AtlasMapView *self = user_data;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  /* Not once the view is disposed, which cancels and drops it. */
  if (self->world_reading != NULL && !g_cancellable_is_cancelled (self->world_reading))
    atlas_offline_map_read_world_async (self->world_reading, on_world_read, self);

  return G_SOURCE_REMOVE;
}

/* In the map's first frame: once it is drawn, with what is left of the
 * main loop's time, the world's land is read.
 */
static gboolean
on_first_frame (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);

  self->world_tick_id = 0;
  self->world_reading = g_cancellable_new ();
  g_idle_add_full (G_PRIORITY_LOW, read_world, g_object_ref (self), g_object_unref);

  return G_SOURCE_REMOVE;
}

/* The built-in map, with the world's land outside the region once it is
 * read. The first frame shows the region and does not wait for it: it is
 * asked for after that frame.
 */
static void
update_offline_map (AtlasMapView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_assert (ATLAS_IS_MAP_VIEW (self));

  atlas_offline_map_populate (self->offline_layer, atlas_i18n_get_content_language (), dark);
  if (!atlas_offline_map_has_world () && self->world_reading == NULL && self->world_tick_id == 0)
    self->world_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_first_frame,
                                                        NULL, NULL);
}

/* Runs at every frame of a zoom animation: only what depends on the zoom. */
static void
on_zoom_changed (AtlasMapView *self)
{
  g_assert (ATLAS_IS_MAP_VIEW (self));

  _atlas_map_view_actions_update (self);
  _atlas_map_view_update_approximate_note (self);
  add_precision_circles (self);
  _atlas_map_view_update_pins (self);
}

/* Panning: new markers only once the view leaves the area that has them. */
static void
on_view_moved (AtlasMapView *self)
{
  g_assert (ATLAS_IS_MAP_VIEW (self));

  _atlas_map_view_update_approximate_note (self);
  _atlas_map_view_update_pins (self);
}

/* A click on the map at (x, y) of the map widget, not on a pin: inside a
 * geopark's area, it selects that geopark.
 */
void
_atlas_map_view_click (AtlasMapView *self,
                       double        x,
                       double        y)
{
  const AtlasShape *shape;
  AtlasGeopark *geopark;
  double lx, ly;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->dataset == NULL)
    return;

  gtk_widget_translate_coordinates (GTK_WIDGET (self->map), GTK_WIDGET (self->area_layer),
                                    x, y, &lx, &ly);
  shape = atlas_shape_layer_pick (self->area_layer, lx, ly);
  if (shape == NULL)
    return;

  geopark = atlas_dataset_lookup_geopark (self->dataset, atlas_shape_get_id (shape));
  if (geopark != NULL)
    g_signal_emit (self, signals[GEOPARK_ACTIVATED], 0, geopark);
}

static void
on_map_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 AtlasMapView    *self)
{
  g_assert (ATLAS_IS_MAP_VIEW (self));

  if (n_press == 1)
    _atlas_map_view_click (self, x, y);
}

GtkWidget *
_atlas_map_view_get_map (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return GTK_WIDGET (self->map);
}

/* Whether a layer's first drawing is still to be made, after the frame
 * that asked for it: the map is drawn again when it is done.
 */
gboolean
_atlas_map_view_get_picture_pending (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  return _atlas_shape_layer_get_picture_pending (self->offline_layer) ||
         _atlas_shape_layer_get_picture_pending (self->area_layer) ||
         _atlas_shape_layer_get_picture_pending (self->precision_layer);
}

/* How many precision circles are made. */
guint
_atlas_map_view_count_circles (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), 0);

  return _atlas_shape_layer_get_n_shapes (self->precision_layer);
}

/* Tests want the camera where it is going, not on its way. */
void
_atlas_map_view_set_animated (AtlasMapView *self,
                              gboolean      animated)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  self->animated = animated;
  shumate_map_set_animate_zoom (self->map, animated);
}

static void
atlas_map_view_dispose (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  _atlas_map_view_remove_base_layer (self);
  _atlas_map_view_package_dispose (self);
  if (self->pins_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pins_tick_id);
  self->pins_tick_id = 0;
  if (self->world_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->world_tick_id);
  self->world_tick_id = 0;
  g_cancellable_cancel (self->world_reading);
  g_clear_object (&self->world_reading);
  self->map_focus = NULL;
  _atlas_map_view_search_dispose (self);
  _atlas_map_view_labels_dispose (self);
  g_clear_object (&self->dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_MAP_VIEW);

  G_OBJECT_CLASS (atlas_map_view_parent_class)->dispose (object);
}

static void
atlas_map_view_finalize (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  g_clear_pointer (&self->tile_url, g_free);
  g_clear_pointer (&self->basemap, g_free);
  g_clear_pointer (&self->selected_places, g_ptr_array_unref);
  g_clear_pointer (&self->pin_groups, atlas_pin_groups_free);
  g_clear_pointer (&self->spare_pins, g_ptr_array_unref);

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

    case PROP_BASEMAP:
      g_value_set_string (value, self->basemap);
      break;

    case PROP_OFFLINE:
      g_value_set_boolean (value, atlas_map_view_get_offline (self));
      break;

    case PROP_MAP_PACKAGE:
      g_value_set_string (value, atlas_map_view_get_map_package (self));
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

    case PROP_BASEMAP:
      atlas_map_view_set_basemap (self, g_value_get_string (value));
      break;

    case PROP_MAP_PACKAGE:
      atlas_map_view_set_map_package (self, g_value_get_string (value));
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
  properties[PROP_BASEMAP] =
    g_param_spec_string ("basemap", NULL, NULL,
                         "automatic",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The path of the map package to show when "basemap" says so, or "". */
  properties[PROP_MAP_PACKAGE] =
    g_param_spec_string ("map-package", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PLACE_ACTIVATED] =
    g_signal_new ("place-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATLAS_TYPE_PLACE);
  signals[GEOPARK_ACTIVATED] =
    g_signal_new ("geopark-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATLAS_TYPE_GEOPARK);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (ADW_TYPE_BUTTON_CONTENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, map);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, license);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, approximate_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, zoom_buttons);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, layers_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, layers_menu);
  gtk_widget_class_bind_template_child_full (widget_class, "search_bar", FALSE,
                                             G_STRUCT_OFFSET (AtlasMapView, search.bar));
  gtk_widget_class_bind_template_child_full (widget_class, "search_label", FALSE,
                                             G_STRUCT_OFFSET (AtlasMapView, search.label));
  gtk_widget_class_bind_template_child_full (widget_class, "frame_results_button", FALSE,
                                             G_STRUCT_OFFSET (AtlasMapView, search.frame_button));

  _atlas_map_view_class_actions_init (widget_class);
  _atlas_map_view_class_package_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "atlasmapview");
}

/* The layers menu's popover is built when it is first opened, not with
 * the window: its rows are work before the first frame.
 */
static void
add_layers_menu (GtkMenuButton *button,
                 gpointer       user_data)
{
  AtlasMapView *self = user_data;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  if (gtk_menu_button_get_menu_model (button) == NULL)
    {
      gtk_menu_button_set_menu_model (button, self->layers_menu);
      _atlas_map_view_add_legend (self, GTK_POPOVER_MENU (gtk_menu_button_get_popover (button)));
    }
}

static void
atlas_map_view_init (AtlasMapView *self)
{
  ShumateViewport *viewport;
  GtkGesture *click;

  self->basemap = g_strdup ("automatic");
  self->selected_places = g_ptr_array_new_with_free_func (g_object_unref);
  self->pin_groups = atlas_pin_groups_new ();
  self->spare_pins = g_ptr_array_new ();
  self->reachable = TRUE;
  self->animated = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->layers_button), add_layers_menu,
                                         self, NULL);

  viewport = shumate_map_get_viewport (self->map);
  shumate_scale_set_viewport (self->scale, viewport);

  self->offline_layer = atlas_shape_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->offline_layer));
  update_offline_map (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_offline_map), self, G_CONNECT_SWAPPED);

  atlas_map_view_set_tile_url (self, MAP_VIEW_DEFAULT_TILE_URL);

  self->area_layer = atlas_shape_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->area_layer));
  self->precision_layer = atlas_shape_layer_new (viewport);
  atlas_shape_layer_set_alike (self->precision_layer, TRUE);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->precision_layer));
  self->pin_layer = shumate_marker_layer_new_full (viewport, GTK_SELECTION_NONE);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->pin_layer));

  g_signal_connect_object (viewport, "notify::zoom-level",
                           G_CALLBACK (on_zoom_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::latitude",
                           G_CALLBACK (on_view_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude",
                           G_CALLBACK (on_view_moved), self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_map_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  _atlas_map_view_actions_init (self);
  _atlas_map_view_search_init (self);
  _atlas_map_view_labels_init (self);

  shumate_map_center_on (self->map, HOME_LATITUDE, HOME_LONGITUDE);
  shumate_viewport_set_zoom_level (viewport, HOME_ZOOM);
  _atlas_map_view_actions_update (self);

  /* No network at all: do not wait for a tile to fail. */
  self->reachable = g_network_monitor_get_network_available (g_network_monitor_get_default ());
  _atlas_map_view_update_basemap (self);
}
