/* atlas-map-view-package.c
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
#include "atlas-package-source.h"

/* A map package as the map's base: a layer of its tiles over the built-in
 * map, which shows outside the package's box and zooms; its name in the
 * layers menu, its attribution in the credits; *Open Map Package…*.
 *
 * The "map-package" property is the setting (the path to show when
 * "basemap" is "package"); atlas_map_view_open_map_package() is a person
 * choosing a file, which becomes the setting only once it opened. Until a
 * package opened, or when it cannot be, the map stays as it was, and a
 * toast says what is wrong with which file.
 */

#define PACKAGE_SOURCE_ID "atlas-package"

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **pointer,
         const char  *value)
{
  if (g_strcmp0 (*pointer, value) == 0)
    return FALSE;

  g_free (*pointer);
  *pointer = g_strdup (value);
  return TRUE;
}

static void
show_message (AtlasMapView *self,
              const char   *message)
{
  AdwToast *toast = adw_toast_new (message);
  GtkWidget *title = gtk_label_new (message);

  /* Wrapped, not ellipsized as a toast's title is: the file's name and
   * what is wrong with it are at its end.
   */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 60);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  adw_toast_set_custom_title (toast, title);

  g_debug ("%s", message);
  set_str (&self->package.message, message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->package.toasts), toast);
}

static void
on_problem (AtlasPackageSource *source,
            const GError       *error,
            AtlasMapView       *self)
{
  g_assert (ATLAS_IS_MAP_VIEW (self));

  show_message (self, error->message);
}

/* The menu's radio item for the package, first in its section. */
static void
update_menu (AtlasMapView *self)
{
  GMenu *section = self->package.section;
  g_autoptr(GMenuItem) item = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  /* The section holds "Open Map Package…", and the package's item above. */
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 1)
    g_menu_remove (section, 0);
  if (self->package.package == NULL)
    return;

  /* Underscores in a name are not mnemonics. */
  parts = g_strsplit (atlas_map_package_get_name (self->package.package), "_", -1);
  name = g_strjoinv ("__", parts);
  /* Translators: %s is the name of a map package, such as “Cao Bằng 1:25 000”. */
  label = g_strdup_printf (_("%s (Map Package)"), name);
  item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target (item, "win.basemap", "s", "package");
  g_menu_insert_item (section, 0, item);
}

static void
remove_layer (AtlasMapView *self)
{
  AtlasMapViewPackage *package = &self->package;

  if (package->credited)
    shumate_license_remove_map_source (self->license, package->source);
  package->credited = FALSE;

  if (package->layer != NULL)
    {
      g_signal_handlers_disconnect_by_data (package->layer, self);
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (package->layer));
    }
  g_clear_handle_id (&package->look_id, g_source_remove);

  if (package->source != NULL)
    {
      ShumateDataSource *data_source = NULL;

      g_object_get (package->source, "data-source", &data_source, NULL);
      if (data_source != NULL)
        g_signal_handlers_disconnect_by_data (data_source, self);
      g_clear_object (&data_source);
    }

  g_clear_object (&package->layer);
  g_clear_object (&package->source);
  g_clear_object (&package->package);
}

#if SHUMATE_CHECK_VERSION (1, 1, 0)
/* libshumate from 1.1 holds a map layer's tiles back while it thinks the
 * view moves fast, judging by where the layer last looked: for a new
 * layer, nowhere, so its first look always holds back, and it looks again
 * in its next frame. But a look between frames is given the time GDK's
 * frame clock foretells for the next frame, so the look in that frame
 * counts as the same frame: the layer keeps holding back, asks for no
 * tile and does not look again until the view moves. A package opened
 * while the view stood still was never drawn.
 *
 * So until the layer has asked for a tile, it is told to look again, each
 * time longer than a frame after the last: that look's time is later, and
 * finds the view where the layer last saw it. The layer looks in an idle;
 * a timeout tells it, not a tick callback, whose frames drawn on and on
 * would starve that idle on a loaded machine.
 */
#define LOOK_AGAIN_MS 100

static gboolean
look_again (gpointer user_data)
{
  AtlasMapView *self = user_data;
  GtkWidget *layer = GTK_WIDGET (self->package.layer);
  g_autoptr(AtlasPackageSource) data_source = NULL;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  g_object_get (self->package.source, "data-source", &data_source, NULL);
  if (atlas_package_source_get_asked (data_source) || !gtk_widget_get_mapped (layer))
    {
      self->package.look_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* Any change the view tells makes a layer look; the zoom's limits are
   * what nothing else on the map listens to.
   */
  g_object_notify (G_OBJECT (shumate_layer_get_viewport (SHUMATE_LAYER (layer))),
                   "max-zoom-level");

  return G_SOURCE_CONTINUE;
}

static void
on_layer_mapped (AtlasMapView *self)
{
  g_autoptr(AtlasPackageSource) data_source = NULL;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  g_object_get (self->package.source, "data-source", &data_source, NULL);
  if (self->package.look_id == 0 && !atlas_package_source_get_asked (data_source))
    self->package.look_id = g_timeout_add (LOOK_AGAIN_MS, look_again, self);
}
#endif

static void
install (AtlasMapView    *self,
         AtlasMapPackage *package)
{
  g_autoptr(AtlasPackageSource) data_source = atlas_package_source_new (package);
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  remove_layer (self);

  self->package.package = g_object_ref (package);
  g_signal_connect_object (data_source, "problem", G_CALLBACK (on_problem), self, 0);

  /* Up to the map's deepest zoom: the source scales the package's
   * deepest tiles up past its own.
   */
  self->package.source = SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full (PACKAGE_SOURCE_ID,
                                      atlas_map_package_get_name (package),
                                      atlas_map_package_get_attribution (package),
                                      NULL,
                                      0, MAP_VIEW_MAX_ZOOM, ATLAS_MERCATOR_TILE_SIZE,
                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                      SHUMATE_DATA_SOURCE (data_source)));
  self->package.layer = g_object_ref_sink (shumate_map_layer_new (self->package.source,
                                                                  viewport));
#if SHUMATE_CHECK_VERSION (1, 1, 0)
  g_signal_connect_object (self->package.layer, "map", G_CALLBACK (on_layer_mapped), self,
                           G_CONNECT_SWAPPED);
#endif
  shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (self->package.layer),
                                  SHUMATE_LAYER (self->offline_layer));
  /* libshumate 1.0 asks a layer for its tiles when the view moves, not
   * when the layer is new: tell it the view is where it is. Later versions
   * take it as the layer's first look.
   */
  g_object_notify (G_OBJECT (viewport), "zoom-level");

  update_menu (self);
}

typedef struct
{
  AtlasMapView *self;
  gboolean      chosen;   /* by a person: it becomes the setting */
} OpenRequest;

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenRequest *request = user_data;
  g_autoptr(AtlasMapView) self = request->self;
  g_autoptr(AtlasMapPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  gboolean chosen = request->chosen;

  g_free (request);
  package = atlas_map_package_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  g_clear_object (&self->package.opening);
  if (package == NULL)
    {
      show_message (self, error->message);
      _atlas_map_view_update_basemap (self);
      return;
    }

  install (self, package);
  if (chosen)
    {
      g_autofree char *path = g_file_get_path (atlas_map_package_get_file (package));

      if (set_str (&self->package.path, path))
        g_object_notify (G_OBJECT (self), "map-package");
      atlas_map_view_set_basemap (self, "package");
    }

  _atlas_map_view_update_basemap (self);
}

static void
open_package (AtlasMapView *self,
              GFile        *file,
              gboolean      chosen)
{
  OpenRequest *request;

  g_cancellable_cancel (self->package.opening);
  g_clear_object (&self->package.opening);

  self->package.opening = g_cancellable_new ();
  request = g_new0 (OpenRequest, 1);
  request->self = g_object_ref (self);
  request->chosen = chosen;
  atlas_map_package_open_async (file, self->package.opening, on_opened, request);
}

/**
 * atlas_map_view_set_map_package:
 * @self: a map view
 * @path: (nullable): the MBTiles file to show when the base map is
 *   "package", or %NULL or "" for none
 *
 * The setting: what cannot be opened is said in a toast, and the map is
 * then as if the base map were "automatic".
 */
void
atlas_map_view_set_map_package (AtlasMapView *self,
                                const char   *path)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (path != NULL && *path == '\0')
    path = NULL;
  if (!set_str (&self->package.path, path))
    return;

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      open_package (self, file, FALSE);
    }
  else
    {
      g_cancellable_cancel (self->package.opening);
      g_clear_object (&self->package.opening);
      remove_layer (self);
      update_menu (self);
    }

  _atlas_map_view_update_basemap (self);
  g_object_notify (G_OBJECT (self), "map-package");
}

const char *
atlas_map_view_get_map_package (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->package.path != NULL ? self->package.path : "";
}

/**
 * atlas_map_view_open_map_package:
 * @self: a map view
 * @file: an MBTiles file a person chose
 *
 * Opens the package and, once it opened, makes it the base map and the
 * setting ("map-package" and "basemap" change). If it cannot be opened, a
 * toast says why and the map stays as it was.
 */
void
atlas_map_view_open_map_package (AtlasMapView *self,
                                 GFile        *file)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  open_package (self, file, TRUE);
}

/* Whether the package is the base map, or will be once it opened. */
gboolean
_atlas_map_view_shows_package (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  return g_strcmp0 (self->basemap, "package") == 0 &&
         (self->package.package != NULL ||
          (self->package.opening != NULL && self->package.path != NULL));
}

/* Whether the package's own tiles are what the middle of the view shows. */
gboolean
_atlas_map_view_package_covers_view (AtlasMapView *self)
{
  ShumateViewport *viewport;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  if (!_atlas_map_view_shows_package (self) || self->package.package == NULL)
    return FALSE;

  viewport = shumate_map_get_viewport (self->map);
  return shumate_viewport_get_zoom_level (viewport) >=
           atlas_map_package_get_min_zoom (self->package.package) &&
         atlas_map_package_covers (self->package.package,
                                   shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                   shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
}

/* The layer shown, and its attribution credited, while it is the base. */
void
_atlas_map_view_package_update (AtlasMapView *self)
{
  AtlasMapViewPackage *package = &self->package;
  gboolean shown;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  shown = _atlas_map_view_shows_package (self) && package->layer != NULL;
  if (package->layer != NULL)
    gtk_widget_set_visible (GTK_WIDGET (package->layer), shown);

  if (shown && !package->credited &&
      atlas_map_package_get_attribution (package->package) != NULL)
    {
      shumate_license_append_map_source (self->license, package->source);
      package->credited = TRUE;
    }
  else if (!shown && package->credited)
    {
      shumate_license_remove_map_source (self->license, package->source);
      package->credited = FALSE;
    }
}

void
_atlas_map_view_package_dispose (AtlasMapView *self)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  g_cancellable_cancel (self->package.opening);
  g_clear_object (&self->package.opening);
  remove_layer (self);
  g_clear_pointer (&self->package.path, g_free);
  g_clear_pointer (&self->package.message, g_free);
}

static void
on_package_chosen (GtkNativeDialog *chooser,
                   int              response,
                   AtlasMapView    *self)
{
  g_autoptr(GFile) file = NULL;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    atlas_map_view_open_map_package (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Through the file chooser portal in a Flatpak: the file it gives stays
 * readable at the same path on the next start (the document portal).
 */
static void
open_package_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasMapView *self = (AtlasMapView *) widget;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) packages = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  chooser = gtk_file_chooser_native_new (_("Open Map Package"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (packages, _("Map Packages (MBTiles)"));
  gtk_file_filter_add_suffix (packages, "mbtiles");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), packages);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_package_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_atlas_map_view_class_package_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (ADW_TYPE_TOAST_OVERLAY);

  gtk_widget_class_bind_template_child_full (widget_class, "package_toasts", FALSE,
                                             G_STRUCT_OFFSET (AtlasMapView, package.toasts));
  gtk_widget_class_bind_template_child_full (widget_class, "package_section", FALSE,
                                             G_STRUCT_OFFSET (AtlasMapView, package.section));
  gtk_widget_class_install_action (widget_class, "map.open-package", NULL, open_package_action);
}

/* The package open, or NULL. */
AtlasMapPackage *
_atlas_map_view_get_package (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->package.package;
}

/* Whether a package is being opened. */
gboolean
_atlas_map_view_get_package_opening (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  return self->package.opening != NULL;
}

/* The last problem a toast told, or NULL. */
const char *
_atlas_map_view_get_package_message (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->package.message;
}
