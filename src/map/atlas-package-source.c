/* atlas-package-source.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-package-source"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "atlas-map-package-private.h"
#include "atlas-package-source-private.h"

/* A map package's tiles for libshumate, read in worker threads so that a
 * slow disk never holds up a frame.
 *
 * Every request gets an image: where the package has no tile (outside its
 * box, above its shallowest zoom) or only a damaged one, a transparent one,
 * through which the built-in map shows. An error would do the same on
 * screen, but libshumate 1.0 then keeps the tiles of the zoom before
 * around them, and logs a warning for an image it cannot decode. Past the
 * package's deepest zoom, the deepest tile's part is scaled up.
 */

struct _AtlasPackageSource
{
  ShumateDataSource  parent_instance;

  /* Owned references */
  AtlasMapPackage   *package;
  GBytes            *transparent;   /* the tile where there is none */
  GMainContext      *context;       /* where "problem" is emitted */

  /* State */
  int                problem_found; /* atomic: only the first is told */
  guint              n_reading;     /* tiles asked for and not answered */
  int                last_zoom;     /* of the last tile asked for, or -1 */
};

G_DEFINE_FINAL_TYPE (AtlasPackageSource, atlas_package_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  int x;
  int y;
  int zoom;
} TileRequest;

typedef struct
{
  AtlasPackageSource *self;
  GError             *error;
} Problem;

static void
problem_free (gpointer data)
{
  Problem *problem = data;

  g_clear_object (&problem->self);
  g_clear_error (&problem->error);
  g_free (problem);
}

static gboolean
emit_problem (gpointer data)
{
  Problem *problem = data;

  g_assert (ATLAS_IS_PACKAGE_SOURCE (problem->self));

  g_signal_emit (problem->self, signals[PROBLEM], 0, problem->error);

  return G_SOURCE_REMOVE;
}

/* From a worker thread: the first problem goes to the main thread, the
 * others only to the debug log.
 */
static void
report_problem (AtlasPackageSource *self,
                GError             *error)
{
  Problem *problem;

  g_debug ("%s", error->message);
  if (!g_atomic_int_compare_and_exchange (&self->problem_found, 0, 1))
    {
      g_error_free (error);
      return;
    }

  problem = g_new0 (Problem, 1);
  problem->self = g_object_ref (self);
  problem->error = error;
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emit_problem, problem,
                              problem_free);
}

/* Decoded by GTK: PNG and JPEG by its own loaders, in this process.
 * gdk-pixbuf 2.43 and later (the GNOME runtime's) hand every image to a
 * glycin loader, a process of its own in a sandbox: a process per tile,
 * and none at all where the sandbox cannot be made, as in
 * flatpak-builder's test run. Other formats (WebP) still go through
 * gdk-pixbuf.
 */
static GdkTexture *
read_texture (AtlasPackageSource *self,
              int                 x,
              int                 y,
              int                 zoom,
              GBytes            **bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  GdkTexture *texture;

  data = atlas_map_package_read_tile (self->package, x, y, zoom, &error);
  if (data == NULL)
    {
      if (error != NULL)
        report_problem (self, g_steal_pointer (&error));
      return NULL;
    }

  texture = gdk_texture_new_from_bytes (data, &error);
  if (texture == NULL)
    {
      g_debug ("Tile %d/%d/%d: %s", zoom, x, y, error->message);
      /* Translators: %s is a file name; the numbers say which tile. */
      report_problem (self, g_error_new (ATLAS_MAP_PACKAGE_ERROR,
                                         ATLAS_MAP_PACKAGE_ERROR_CORRUPT_TILE,
                                         _("The map package “%s” has a damaged tile "
                                           "(zoom %d, column %d, row %d): "
                                           "the built-in map shows in its place"),
                                         _atlas_map_package_get_file_name (self->package),
                                         zoom, x, y));
      return NULL;
    }

  if (bytes != NULL)
    *bytes = g_steal_pointer (&data);

  return texture;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* PNG, which every libshumate decodes; written by cairo, in this process. */
static GBytes *
encode_png (cairo_surface_t *surface)
{
  GByteArray *png = g_byte_array_new ();

  if (cairo_surface_write_to_png_stream (surface, append_bytes, png) != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      return NULL;
    }

  return g_byte_array_free_to_bytes (png);
}

/* Past the deepest zoom: the part of the deepest tile that covers this
 * one, scaled up to a whole tile.
 */
static GBytes *
read_scaled_up (AtlasPackageSource *self,
                int                 x,
                int                 y,
                int                 zoom)
{
  int depth = zoom - atlas_map_package_get_max_zoom (self->package);
  int parts = 1 << depth;
  g_autoptr(GdkTexture) parent = NULL;
  cairo_surface_t *source;
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  GBytes *png;
  cairo_t *cr;
  int width, height;

  parent = read_texture (self, x >> depth, y >> depth, zoom - depth, NULL);
  if (parent == NULL)
    return NULL;

  width = gdk_texture_get_width (parent);
  height = gdk_texture_get_height (parent);
  source = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  gdk_texture_download (parent, cairo_image_surface_get_data (source),
                        cairo_image_surface_get_stride (source));
  cairo_surface_mark_dirty (source);

  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (tile);
  cairo_translate (cr, -(x % parts) * width, -(y % parts) * height);
  cairo_scale (cr, parts, parts);
  cairo_set_source_surface (cr, source, 0, 0);
  pattern = cairo_get_source (cr);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_BILINEAR);
  /* The parent's edge pixels carry on to the tile's edge, not into
   * transparency.
   */
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_destroy (cr);

  png = encode_png (tile);
  if (png == NULL)
    g_debug ("Tile %d/%d/%d: cannot write it as PNG", zoom, x, y);

  cairo_surface_destroy (tile);
  cairo_surface_destroy (source);

  return png;
}

static GBytes *
read_tile (AtlasPackageSource *self,
           int                 x,
           int                 y,
           int                 zoom)
{
  g_autoptr(GdkTexture) texture = NULL;
  GBytes *bytes = NULL;

  if (zoom < atlas_map_package_get_min_zoom (self->package))
    return NULL;

  if (zoom > atlas_map_package_get_max_zoom (self->package))
    return read_scaled_up (self, x, y, zoom);

  /* Decoded here only to know it can be: libshumate decodes it again. */
  texture = read_texture (self, x, y, zoom, &bytes);

  return bytes;
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AtlasPackageSource *self = source_object;
  TileRequest *request = task_data;
  GBytes *bytes;

  g_assert (ATLAS_IS_PACKAGE_SOURCE (self));

  if (g_task_return_error_if_cancelled (task))
    return;

  bytes = read_tile (self, request->x, request->y, request->zoom);
  if (bytes == NULL)
    bytes = g_bytes_ref (self->transparent);

  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* Back on the main thread. libshumate 1.0 draws what "received-data"
 * brings and takes the result only as "done"; later versions draw the
 * result and leave the signal unheard.
 */
static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AtlasPackageSource *self = ATLAS_PACKAGE_SOURCE (object);
  g_autoptr(GTask) task = user_data;
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_assert (ATLAS_IS_PACKAGE_SOURCE (self));

  self->n_reading--;
  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
atlas_package_source_get_tile_data_async (ShumateDataSource   *source,
                                          int                  x,
                                          int                  y,
                                          int                  zoom_level,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  AtlasPackageSource *self = ATLAS_PACKAGE_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read = NULL;
  TileRequest *request;

  self->n_reading++;
  self->last_zoom = zoom_level;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_package_source_get_tile_data_async);
  request = g_new (TileRequest, 1);
  *request = (TileRequest) { x, y, zoom_level };
  g_task_set_task_data (task, request, g_free);

  read = g_task_new (self, cancellable, on_read, g_steal_pointer (&task));
  g_task_set_source_tag (read, read_in_thread);
  g_task_set_task_data (read, g_memdup2 (request, sizeof *request), g_free);
  g_task_run_in_thread (read, read_in_thread);
}

static GBytes *
atlas_package_source_get_tile_data_finish (ShumateDataSource  *source,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
atlas_package_source_finalize (GObject *object)
{
  AtlasPackageSource *self = ATLAS_PACKAGE_SOURCE (object);

  g_clear_object (&self->package);
  g_clear_pointer (&self->transparent, g_bytes_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (atlas_package_source_parent_class)->finalize (object);
}

static void
atlas_package_source_class_init (AtlasPackageSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = atlas_package_source_finalize;

  source_class->get_tile_data_async = atlas_package_source_get_tile_data_async;
  source_class->get_tile_data_finish = atlas_package_source_get_tile_data_finish;

  /**
   * AtlasPackageSource::problem:
   * @error: what is wrong, in the user's words
   *
   * A tile could not be read or decoded; emitted for the first only.
   */
  signals[PROBLEM] =
    g_signal_new ("problem",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

/* A one-pixel transparent PNG: a tile drawn over the whole square. */
static GBytes *
make_transparent_tile (void)
{
  cairo_surface_t *pixel = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  GBytes *png = encode_png (pixel);

  if (png == NULL)
    g_error ("Cannot make a PNG image");
  cairo_surface_destroy (pixel);

  return png;
}

static void
atlas_package_source_init (AtlasPackageSource *self)
{
  self->transparent = make_transparent_tile ();
  self->context = g_main_context_ref_thread_default ();
  self->last_zoom = -1;
}

AtlasPackageSource *
atlas_package_source_new (AtlasMapPackage *package)
{
  AtlasPackageSource *self;

  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (package), NULL);

  self = g_object_new (ATLAS_TYPE_PACKAGE_SOURCE, NULL);
  self->package = g_object_ref (package);

  return self;
}

AtlasMapPackage *
atlas_package_source_get_package (AtlasPackageSource *self)
{
  g_return_val_if_fail (ATLAS_IS_PACKAGE_SOURCE (self), NULL);

  return self->package;
}

/* Whether libshumate has asked for a tile yet. */
gboolean
atlas_package_source_get_asked (AtlasPackageSource *self)
{
  g_return_val_if_fail (ATLAS_IS_PACKAGE_SOURCE (self), FALSE);

  return self->last_zoom >= 0;
}

/* How many tiles are asked for and not answered yet, and the zoom of the
 * last asked for, for tests that wait until the package is drawn.
 */
guint
_atlas_package_source_get_n_reading (AtlasPackageSource *self)
{
  g_return_val_if_fail (ATLAS_IS_PACKAGE_SOURCE (self), 0);

  return self->n_reading;
}

int
_atlas_package_source_get_last_zoom (AtlasPackageSource *self)
{
  g_return_val_if_fail (ATLAS_IS_PACKAGE_SOURCE (self), -1);

  return self->last_zoom;
}
