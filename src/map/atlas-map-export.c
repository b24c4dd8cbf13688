/* atlas-map-export.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-map-export.h"
#include "atlas-map-view-private.h"

/* The map as an image, for slides and reports: what is on screen, drawn
 * again from the widgets' render nodes rather than read back from the
 * screen, so that a dialog over the window does not end up in the picture
 * and twice the size is drawn, not stretched. Only what is already on
 * screen is drawn: no tile is fetched for it (OpenStreetMap's tile policy).
 */

G_DEFINE_QUARK (atlas-map-export-error-quark, atlas_map_export_error)

/**
 * atlas_map_view_render:
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
atlas_map_view_render (AtlasMapView  *view,
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
      _atlas_map_view_snapshot_content (view, snapshot, scale);
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

/* Writes the map, as atlas_map_view_render() draws it, as a PNG file. */
gboolean
atlas_map_view_export_png (AtlasMapView  *view,
                           GFile         *file,
                           int            scale,
                           GError       **error)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (view), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (scale == 1 || scale == 2, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  texture = atlas_map_view_render (view, scale, error);
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

  texture = atlas_map_view_render (self, scale, &error);
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
  export_image (ATLAS_MAP_VIEW (widget), 1);
}

static void
export_image_for_slides_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  export_image (ATLAS_MAP_VIEW (widget), 2);
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = atlas_map_view_render (self, 1, &error);
  if (texture == NULL)
    {
      show_error (self, _("Could Not Copy the Map Image"), error);
      return;
    }

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

void
_atlas_map_view_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "map.export-image", NULL,
                                   export_image_action);
  gtk_widget_class_install_action (widget_class, "map.export-image-for-slides", NULL,
                                   export_image_for_slides_action);
  gtk_widget_class_install_action (widget_class, "map.copy-image", NULL, copy_image_action);
}
