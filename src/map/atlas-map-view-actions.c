/* atlas-map-view-actions.c
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

/* What the map view's actions do, and the keys bound to them: zooming,
 * panning with the keyboard, and the map as an image.
 *
 * The map as an image, for slides and reports: what is on screen, drawn
 * again from the widgets' render nodes rather than read back from the
 * screen, so that a dialog over the window does not end up in the picture
 * and twice the size is drawn, not stretched. Only what is already on
 * screen is drawn: no tile is fetched for it (OpenStreetMap's tile policy).
 */

G_DEFINE_QUARK (atlas-map-export-error-quark, atlas_map_export_error)

/* What an exported image shows, in the map's coordinates: the map and its
 * layers, the note on approximate borders (a border drawn too coarsely must
 * not leave without it), the scale and the attribution. The zoom and layers
 * controls and the banner are about this window, not the map: they stay out.
 * @scale is the image's pixels per pixel of the map, for what the map draws
 * as images itself.
 */
static void
snapshot_content (AtlasMapView *self,
                  GtkSnapshot  *snapshot,
                  int           scale)
{
  GtkWidget *overlay = GTK_WIDGET (self->overlay);
  GtkWidget *content[] = {
    GTK_WIDGET (self->map),
    self->approximate_label,
    GTK_WIDGET (self->scale),
    GTK_WIDGET (self->license),
  };
  graphene_rect_t bounds;
  gboolean was_vector;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->map), overlay, &bounds))
    return;

  /* Drawn as vectors, at the image's scale: it may be larger than the
   * screen, and no first picture on its way stands for the shapes.
   */
  was_vector = self->vector_pins;
  _atlas_map_view_set_pins_vector (self, TRUE);
  atlas_shape_layer_set_draw_scale (self->offline_layer, scale);
  atlas_shape_layer_set_draw_scale (self->area_layer, scale);
  atlas_shape_layer_set_draw_scale (self->precision_layer, scale);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, bounds.size.width,
                                                         bounds.size.height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-bounds.origin.x, -bounds.origin.y));
  for (guint i = 0; i < G_N_ELEMENTS (content); i++)
    gtk_widget_snapshot_child (overlay, content[i], snapshot);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
  atlas_shape_layer_set_draw_scale (self->offline_layer, 0);
  atlas_shape_layer_set_draw_scale (self->area_layer, 0);
  atlas_shape_layer_set_draw_scale (self->precision_layer, 0);
  _atlas_map_view_set_pins_vector (self, was_vector);
}

/**
 * _atlas_map_view_render:
 * @view: a map view that is shown
 * @scale: 1, or 2 for slides
 * @error: where to put an error
 *
 * Draws the map as it is on screen (base map, areas, pins, scale and
 * attribution, without the controls and the banner) at @scale times the
 * map's size. Pins, areas and text are drawn sharp at 2×; the online map's
 * tiles are only enlarged.
 *
 * Returns: (transfer full): the image, or %NULL with @error set
 */
GdkTexture *
_atlas_map_view_render (AtlasMapView  *view,
                        int            scale,
                        GError       **error)
{
  GtkWidget *map;
  GtkNative *native;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GError) local_error = NULL;
  GdkTexture *texture;
  int width, height;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (view), NULL);
  g_return_val_if_fail (scale == 1 || scale == 2, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  map = _atlas_map_view_get_map (view);
  native = gtk_widget_get_native (GTK_WIDGET (view));
  width = gtk_widget_get_width (map);
  height = gtk_widget_get_height (map);
  if (native != NULL && gtk_widget_get_mapped (map) && width > 0 && height > 0)
    {
      snapshot = gtk_snapshot_new ();
      gtk_snapshot_scale (snapshot, scale, scale);
      snapshot_content (view, snapshot, scale);
      node = gtk_snapshot_free_to_node (snapshot);
    }

  if (node == NULL)
    {
      g_set_error_literal (error, ATLAS_MAP_EXPORT_ERROR, ATLAS_MAP_EXPORT_ERROR_NOT_SHOWN,
                           _("The map can only be saved as an image while it is shown."));
      return NULL;
    }

  /* Cairo whatever the window draws with: it needs no GPU, and it replays
   * the pins', areas' and labels' drawing at the new scale.
   */
  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, gtk_native_get_surface (native), &local_error))
    {
      g_set_error (error, ATLAS_MAP_EXPORT_ERROR, ATLAS_MAP_EXPORT_ERROR_RENDER,
                   _("The map could not be drawn as an image: %s"), local_error->message);
      return NULL;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
  gsk_renderer_unrealize (renderer);

  return texture;
}

static gboolean
save_png (GdkTexture  *texture,
          GFile       *file,
          GError     **error)
{
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: the first %s is a file name, the second what went wrong. */
      g_set_error (error, local_error->domain, local_error->code,
                   _("The map image could not be saved as “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Writes the map, as _atlas_map_view_render() draws it, as a PNG file. */
gboolean
_atlas_map_view_export_png (AtlasMapView  *view,
                            GFile         *file,
                            int            scale,
                            GError       **error)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (view), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (scale == 1 || scale == 2, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  texture = _atlas_map_view_render (view, scale, error);
  if (texture == NULL)
    return FALSE;

  return save_png (texture, file, error);
}

/* The actions ------------------------------------------------------------ */

static void
show_error (AtlasMapView *self,
            const char   *heading,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The image waits for its file: it is the map as it was when asked for. */
typedef struct
{
  AtlasMapView *view;
  GdkTexture   *texture;
} ExportRequest;

static void
export_request_free (gpointer  data,
                     GClosure *closure)
{
  ExportRequest *request = data;

  g_clear_object (&request->view);
  g_clear_object (&request->texture);
  g_free (request);
}

static void
on_export_file_chosen (GtkNativeDialog *chooser,
                       int              response,
                       ExportRequest   *request)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (request != NULL && ATLAS_IS_MAP_VIEW (request->view));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !save_png (request->texture, file, &error))
    show_error (request->view, _("Could Not Export the Map Image"), error);

  /* Last: the request goes with the chooser. */
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_image (AtlasMapView *self,
              int           scale)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;
  ExportRequest *request;
  GtkRoot *root;

  texture = _atlas_map_view_render (self, scale, &error);
  if (texture == NULL)
    {
      show_error (self, _("Could Not Export the Map Image"), error);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  chooser = gtk_file_chooser_native_new (_("Export Map Image"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* Translators: file names an exported map gets unless the user changes
   * them; keep them short, without spaces, and ending in “.png”.
   */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     scale == 1 ? _("geopark-atlas-map.png")
                                                : _("geopark-atlas-map-slides.png"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  request = g_new0 (ExportRequest, 1);
  request->view = g_object_ref (self);
  request->texture = g_steal_pointer (&texture);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_export_file_chosen),
                         request, export_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasMapView *self = (AtlasMapView *) widget;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  export_image (self, 1);
}

static void
export_image_for_slides_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  AtlasMapView *self = (AtlasMapView *) widget;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  export_image (self, 2);
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasMapView *self = (AtlasMapView *) widget;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  texture = _atlas_map_view_render (self, 1, &error);
  if (texture == NULL)
    {
      show_error (self, _("Could Not Copy the Map Image"), error);
      return;
    }

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

/* The keyboard -------------------------------------------------------- */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasMapView *self = (AtlasMapView *) widget;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  atlas_map_view_zoom_in (self);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasMapView *self = (AtlasMapView *) widget;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  atlas_map_view_zoom_out (self);
}

static void
frame_results_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasMapView *self = (AtlasMapView *) widget;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  _atlas_map_view_frame_search_results (self);
}

/* Moves the map by quarters of its size, (columns, rows) of them: libshumate
 * 1.0 has no keyboard panning of its own.
 */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AtlasMapView *self = (AtlasMapView *) widget;
  ShumateViewport *viewport;
  double width, height;
  double latitude, longitude;
  int columns, rows;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  viewport = atlas_map_view_get_viewport (self);
  width = gtk_widget_get_width (GTK_WIDGET (self->map));
  height = gtk_widget_get_height (GTK_WIDGET (self->map));
  g_variant_get (parameter, "(ii)", &columns, &rows);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map),
                                              width / 2 + columns * width / 4,
                                              height / 2 + rows * height / 4,
                                              &latitude, &longitude);
  _atlas_map_view_go_to (self, latitude, longitude, shumate_viewport_get_zoom_level (viewport),
                         TRUE);
}

static void
add_pan_binding (GtkWidgetClass *widget_class,
                 guint           keyval,
                 int             columns,
                 int             rows)
{
  /* With Shift too, as the keys did before they were actions. */
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "map.pan", "(ii)", columns, rows);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK, "map.pan", "(ii)",
                                       columns, rows);
}

/* The focus moved into or out of the map. */
static void
on_map_focus_changed (AtlasMapView *self)
{
  g_assert (ATLAS_IS_MAP_VIEW (self));

  _atlas_map_view_actions_update (self);
}

/* Installs the view's actions and binds their keys. */
void
_atlas_map_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", pan_action);
  gtk_widget_class_install_action (widget_class, "map.frame-results", NULL,
                                   frame_results_action);
  gtk_widget_class_install_action (widget_class, "map.export-image", NULL,
                                   export_image_action);
  gtk_widget_class_install_action (widget_class, "map.export-image-for-slides", NULL,
                                   export_image_for_slides_action);
  gtk_widget_class_install_action (widget_class, "map.copy-image", NULL, copy_image_action);

  add_pan_binding (widget_class, GDK_KEY_Left, -1, 0);
  add_pan_binding (widget_class, GDK_KEY_Right, 1, 0);
  add_pan_binding (widget_class, GDK_KEY_Up, 0, -1);
  add_pan_binding (widget_class, GDK_KEY_Down, 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out",
                                       NULL);
}

/* The arrow keys pan only while the map or a pin has the focus: on the
 * buttons over the map they move the focus, as elsewhere.
 */
void
_atlas_map_view_actions_init (AtlasMapView *self)
{
  self->map_focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (self->map_focus, "notify::contains-focus",
                           G_CALLBACK (on_map_focus_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->map), self->map_focus);
}

/* The one place that enables and disables the view's actions. */
void
_atlas_map_view_actions_update (AtlasMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double zoom = shumate_viewport_get_zoom_level (viewport);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-in",
                                 zoom < shumate_viewport_get_max_zoom_level (viewport));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-out",
                                 zoom > shumate_viewport_get_min_zoom_level (viewport));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.pan",
                                 self->map_focus != NULL &&
                                 gtk_event_controller_focus_contains_focus (
                                   GTK_EVENT_CONTROLLER_FOCUS (self->map_focus)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.frame-results",
                                 _atlas_map_view_get_n_matches (self) > 0);
}
