/* atlas-map-package.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-map-package"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "atlas-map-package-private.h"

/* A map package: an MBTiles file, raster tiles in one SQLite database, as
 * QGIS, GDAL and TileMill write them for a geopark's GIS staff.
 *
 * Opening checks what a person may have picked by mistake (any file, a
 * database of something else, vector tiles) and says so in words that name
 * the file; the metadata the app needs is read once. Tiles are then read
 * from any thread: one read-only connection, taken in turn.
 */

struct _AtlasMapPackage
{
  GObject       parent_instance;

  GFile        *file;
  char         *file_name;      /* for messages */

  /* Metadata, or what the tiles say where it is missing */
  char         *name;
  char         *attribution;    /* plain text, or NULL */
  char         *format;         /* "png", "jpg" or "webp" */
  AtlasBounds   bounds;
  int           min_zoom;
  int           max_zoom;

  /* Owned references: readers of any thread take turns */
  GMutex        lock;
  sqlite3      *db;
  sqlite3_stmt *tile_query;
};

G_DEFINE_FINAL_TYPE (AtlasMapPackage, atlas_map_package, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-map-package-error-quark, atlas_map_package_error)

#define MAX_ZOOM_LEVEL 30

static void
atlas_map_package_finalize (GObject *object)
{
  AtlasMapPackage *self = ATLAS_MAP_PACKAGE (object);

  g_clear_pointer (&self->tile_query, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->file);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->attribution, g_free);
  g_clear_pointer (&self->format, g_free);

  G_OBJECT_CLASS (atlas_map_package_parent_class)->finalize (object);
}

static void
atlas_map_package_class_init (AtlasMapPackageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_map_package_finalize;
}

static void
atlas_map_package_init (AtlasMapPackage *self)
{
  g_mutex_init (&self->lock);
  self->bounds = ATLAS_BOUNDS_EMPTY;
  self->min_zoom = -1;
  self->max_zoom = -1;
}

static gboolean
set_read_error (AtlasMapPackage  *self,
                GError          **error)
{
  /* Translators: the first %s is a file name, the second what SQLite said. */
  g_set_error (error, ATLAS_MAP_PACKAGE_ERROR, ATLAS_MAP_PACKAGE_ERROR_READ,
               _("The map package “%s” cannot be read: %s"),
               self->file_name, sqlite3_errmsg (self->db));
  return FALSE;
}

/* MBTiles names a table "tiles" with these columns; a view is as good. */
static gboolean
prepare_tile_query (AtlasMapPackage  *self,
                    GError          **error)
{
  int status = sqlite3_prepare_v2 (self->db,
                                   "SELECT tile_data FROM tiles "
                                   "WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                                   -1, &self->tile_query, NULL);

  if (status == SQLITE_NOTADB)
    {
      g_set_error (error, ATLAS_MAP_PACKAGE_ERROR, ATLAS_MAP_PACKAGE_ERROR_NOT_SQLITE,
                   _("“%s” is not a map package: it is not an SQLite file"),
                   self->file_name);
      return FALSE;
    }

  if (status != SQLITE_OK)
    {
      g_debug ("%s: %s", self->file_name, sqlite3_errmsg (self->db));
      g_set_error (error, ATLAS_MAP_PACKAGE_ERROR, ATLAS_MAP_PACKAGE_ERROR_NO_TILES,
                   _("“%s” is not a map package: it has no table of tiles"),
                   self->file_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_database (AtlasMapPackage  *self,
               GError          **error)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (path == NULL)
    {
      g_set_error (error, ATLAS_MAP_PACKAGE_ERROR, ATLAS_MAP_PACKAGE_ERROR_NOT_LOCAL,
                   _("The map package “%s” is not a file on this computer"),
                   self->file_name);
      return FALSE;
    }

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *parse_name = g_file_get_parse_name (self->file);

      g_set_error (error, ATLAS_MAP_PACKAGE_ERROR, ATLAS_MAP_PACKAGE_ERROR_NOT_FOUND,
                   _("The map package “%s” cannot be found"), parse_name);
      return FALSE;
    }

  /* Immutable: no lock and no journal, which a USB stick, a read-only
   * share or the Flatpak document portal may not allow. A package is
   * made once and then only read.
   */
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  if (sqlite3_open_v2 (uri, &self->db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    return set_read_error (self, error);

  return prepare_tile_query (self, error);
}

/* Text of an HTML attribution (MBTiles allows links in it), as the
 * credits show plain text.
 */
char *
_atlas_map_package_plain_text (const char *html)
{
  static const struct {
    const char *entity;
    const char *text;
  } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", " " }, { "&copy;", "©" },
  };
  GString *text;
  gboolean in_tag = FALSE;

  g_return_val_if_fail (html != NULL, NULL);

  text = g_string_new (NULL);
  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>' && in_tag)
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (text, *p);
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (text, entities[i].entity, entities[i].text, 0);

  return g_strstrip (g_string_free (text, FALSE));
}

static gboolean
parse_zoom (const char *value,
            int        *zoom)
{
  gint64 number;

  if (value == NULL ||
      !g_ascii_string_to_signed (value, 10, 0, MAX_ZOOM_LEVEL, &number, NULL))
    return FALSE;

  *zoom = (int) number;
  return TRUE;
}

/* "west,south,east,north" in degrees. */
static gboolean
parse_bounds (const char  *value,
              AtlasBounds *bounds)
{
  g_auto(GStrv) parts = NULL;
  double numbers[4];

  if (value == NULL)
    return FALSE;

  parts = g_strsplit (value, ",", -1);
  if (g_strv_length (parts) != 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      char *end;

      numbers[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0')
        return FALSE;
    }

  *bounds = (AtlasBounds) { numbers[1], numbers[0], numbers[3], numbers[2] };

  return bounds->west >= -180 && bounds->east <= 180 && bounds->west < bounds->east &&
         bounds->south >= -90 && bounds->north <= 90 && bounds->south < bounds->north;
}

/* The metadata table is optional here: what it lacks, the tiles tell. */
static void
read_metadata (AtlasMapPackage *self)
{
  sqlite3_stmt *statement = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata", -1, &statement,
                          NULL) != SQLITE_OK)
    {
      g_debug ("%s: no metadata: %s", self->file_name, sqlite3_errmsg (self->db));
      return;
    }

  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (statement, 0);
      const char *value = (const char *) sqlite3_column_text (statement, 1);

      if (key == NULL || value == NULL)
        continue;

      if (g_str_equal (key, "name") && *value != '\0')
        {
          g_free (self->name);
          self->name = g_strdup (value);
        }
      else if (g_str_equal (key, "attribution") && *value != '\0')
        {
          g_free (self->attribution);
          self->attribution = _atlas_map_package_plain_text (value);
        }
      else if (g_str_equal (key, "format"))
        {
          g_free (self->format);
          self->format = g_ascii_strdown (value, -1);
        }
      else if (g_str_equal (key, "minzoom"))
        parse_zoom (value, &self->min_zoom);
      else if (g_str_equal (key, "maxzoom"))
        parse_zoom (value, &self->max_zoom);
      else if (g_str_equal (key, "bounds") && !parse_bounds (value, &self->bounds))
        self->bounds = ATLAS_BOUNDS_EMPTY;
    }

  sqlite3_finalize (statement);
}

/* What the first bytes of a tile say it is, for packages that do not. */
static char *
sniff_format (AtlasMapPackage *self)
{
  static const struct {
    const char *magic;
    gsize       length;
    const char *format;
  } magics[] = {
    { "\x89PNG", 4, "png" },
    { "\xff\xd8\xff", 3, "jpg" },
    { "\x1f\x8b", 2, "pbf" },
  };
  sqlite3_stmt *statement = NULL;
  const guchar *data;
  int size;
  char *format = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles LIMIT 1", -1, &statement,
                          NULL) != SQLITE_OK)
    return NULL;

  if (sqlite3_step (statement) == SQLITE_ROW)
    {
      data = sqlite3_column_blob (statement, 0);
      size = sqlite3_column_bytes (statement, 0);
      for (guint i = 0; data != NULL && format == NULL && i < G_N_ELEMENTS (magics); i++)
        if ((gsize) size >= magics[i].length &&
            memcmp (data, magics[i].magic, magics[i].length) == 0)
          format = g_strdup (magics[i].format);
      if (format == NULL && size >= 12 && memcmp (data, "RIFF", 4) == 0 &&
          memcmp (data + 8, "WEBP", 4) == 0)
        format = g_strdup ("webp");
    }

  sqlite3_finalize (statement);

  return format;
}

static gboolean
have_image_loader (const char *name)
{
  GSList *formats = gdk_pixbuf_get_formats ();
  gboolean found = FALSE;

  for (GSList *l = formats; l != NULL && !found; l = l->next)
    {
      g_autofree char *format = gdk_pixbuf_format_get_name (l->data);

      found = g_strcmp0 (format, name) == 0;
    }
  g_slist_free (formats);

  return found;
}

static gboolean
check_format (AtlasMapPackage  *self,
              GError          **error)
{
  g_autofree char *sniffed = sniff_format (self);

  /* GDAL 3.6 (Debian 12) writes WebP tiles and labels them "png": the
   * tiles' own bytes say whether a WebP loader is needed.
   */
  if (self->format == NULL || g_strcmp0 (sniffed, "webp") == 0)
    {
      g_free (self->format);
      self->format = g_steal_pointer (&sniffed);
    }
  if (g_strcmp0 (self->format, "jpeg") == 0)
    {
      g_free (self->format);
      self->format = g_strdup ("jpg");
    }

  if (g_strcmp0 (self->format, "pbf") == 0 || g_strcmp0 (self->format, "mvt") == 0)
    {
      g_set_error (error, ATLAS_MAP_PACKAGE_ERROR, ATLAS_MAP_PACKAGE_ERROR_VECTOR,
                   _("“%s” holds vector tiles, which this version does not draw"),
                   self->file_name);
      return FALSE;
    }

  if (g_strcmp0 (self->format, "webp") == 0 && !have_image_loader ("webp"))
    {
      g_set_error (error, ATLAS_MAP_PACKAGE_ERROR, ATLAS_MAP_PACKAGE_ERROR_FORMAT,
                   _("“%s” holds WebP tiles, and this computer has no WebP image loader"),
                   self->file_name);
      return FALSE;
    }

  if (g_strcmp0 (self->format, "png") != 0 && g_strcmp0 (self->format, "jpg") != 0 &&
      g_strcmp0 (self->format, "webp") != 0)
    {
      /* Translators: the first %s is a file name, the second a format such as “tiff”. */
      g_set_error (error, ATLAS_MAP_PACKAGE_ERROR, ATLAS_MAP_PACKAGE_ERROR_FORMAT,
                   _("“%s” holds tiles as “%s”, which this version does not draw"),
                   self->file_name, self->format != NULL ? self->format : "?");
      return FALSE;
    }

  return TRUE;
}

/* Two integers from a query of one row, with @zoom for its parameter if
 * it has one: SQLITE_ROW if they are there, SQLITE_DONE if they are NULL,
 * or SQLite's error.
 */
static int
query_pair (AtlasMapPackage *self,
            const char      *sql,
            int              zoom,
            int             *first,
            int             *second)
{
  sqlite3_stmt *statement = NULL;
  int status;

  status = sqlite3_prepare_v2 (self->db, sql, -1, &statement, NULL);
  if (status != SQLITE_OK)
    return status;

  if (sqlite3_bind_parameter_count (statement) > 0)
    sqlite3_bind_int (statement, 1, zoom);

  status = sqlite3_step (statement);
  if (status == SQLITE_ROW)
    {
      if (sqlite3_column_type (statement, 0) == SQLITE_NULL ||
          sqlite3_column_type (statement, 1) == SQLITE_NULL)
        status = SQLITE_DONE;
      *first = sqlite3_column_int (statement, 0);
      *second = sqlite3_column_int (statement, 1);
    }

  sqlite3_finalize (statement);

  return status;
}

/* The box of the tiles at the deepest zoom: MBTiles rows count from the
 * south (TMS).
 */
static void
compute_bounds (AtlasMapPackage *self)
{
  double n = (double) (1 << self->max_zoom);
  int west, east, south_row, north_row;

  if (query_pair (self, "SELECT MIN(tile_column), MAX(tile_column) FROM tiles "
                        "WHERE zoom_level = ?1", self->max_zoom, &west, &east) != SQLITE_ROW ||
      query_pair (self, "SELECT MIN(tile_row), MAX(tile_row) FROM tiles "
                        "WHERE zoom_level = ?1", self->max_zoom,
                  &south_row, &north_row) != SQLITE_ROW)
    return;

  self->bounds.west = atlas_mercator_longitude (west / n);
  self->bounds.east = atlas_mercator_longitude ((east + 1) / n);
  self->bounds.north = atlas_mercator_latitude ((n - 1 - north_row) / n);
  self->bounds.south = atlas_mercator_latitude ((n - south_row) / n);
}

static gboolean
read_extent (AtlasMapPackage  *self,
             GError          **error)
{
  int min_zoom = 0, max_zoom = 0;
  int status;

  status = query_pair (self, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles", 0,
                       &min_zoom, &max_zoom);
  if (status != SQLITE_ROW && status != SQLITE_DONE)
    return set_read_error (self, error);

  if (status == SQLITE_DONE || min_zoom < 0 || max_zoom > MAX_ZOOM_LEVEL)
    {
      g_set_error (error, ATLAS_MAP_PACKAGE_ERROR, ATLAS_MAP_PACKAGE_ERROR_EMPTY,
                   _("The map package “%s” holds no tiles"), self->file_name);
      return FALSE;
    }

  /* The metadata's zooms, unless missing or at odds with each other. */
  if (self->min_zoom < 0)
    self->min_zoom = min_zoom;
  if (self->max_zoom < 0)
    self->max_zoom = max_zoom;
  if (self->min_zoom > self->max_zoom)
    {
      self->min_zoom = min_zoom;
      self->max_zoom = max_zoom;
    }

  if (atlas_bounds_is_empty (&self->bounds))
    compute_bounds (self);

  return TRUE;
}

/**
 * atlas_map_package_open:
 * @file: an MBTiles file
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put what is wrong with it, in the user's words
 *
 * Opens a map package and reads what it is. It may take a while on a slow
 * disk: the map calls it in a thread (atlas_map_package_open_async()).
 *
 * Returns: (transfer full) (nullable): the package, or %NULL
 */
AtlasMapPackage *
atlas_map_package_open (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(AtlasMapPackage) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATLAS_TYPE_MAP_PACKAGE, NULL);
  self->file = g_object_ref (file);
  self->file_name = g_file_get_basename (file);

  if (!open_database (self, error))
    return NULL;

  read_metadata (self);
  if (!check_format (self, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_extent (self, error))
    return NULL;

  if (self->name == NULL)
    {
      char *dot = strrchr (self->file_name, '.');

      self->name = dot != NULL && dot != self->file_name
                   ? g_strndup (self->file_name, dot - self->file_name)
                   : g_strdup (self->file_name);
    }

  return g_steal_pointer (&self);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  AtlasMapPackage *package = atlas_map_package_open (task_data, cancellable, &error);

  if (package == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, package, g_object_unref);
}

void
atlas_map_package_open_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_map_package_open_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, open_in_thread);
}

AtlasMapPackage *
atlas_map_package_open_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * atlas_map_package_read_tile:
 * @self: a package
 * @x: the tile's column
 * @y: the tile's row, from the north, as libshumate counts
 * @zoom_level: the zoom level
 * @error: where to put a read error
 *
 * Reads a tile's image as stored. Safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): the image, or %NULL, without an
 *   error if the package has no such tile
 */
GBytes *
atlas_map_package_read_tile (AtlasMapPackage  *self,
                             int               x,
                             int               y,
                             int               zoom_level,
                             GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GBytes *bytes = NULL;
  int status;

  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), NULL);
  g_return_val_if_fail (zoom_level >= 0 && zoom_level <= MAX_ZOOM_LEVEL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  sqlite3_bind_int (self->tile_query, 1, zoom_level);
  sqlite3_bind_int (self->tile_query, 2, x);
  sqlite3_bind_int (self->tile_query, 3, (1 << zoom_level) - 1 - y);

  status = sqlite3_step (self->tile_query);
  if (status == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (self->tile_query, 0),
                         sqlite3_column_bytes (self->tile_query, 0));
  else if (status != SQLITE_DONE)
    set_read_error (self, error);

  sqlite3_reset (self->tile_query);

  return bytes;
}

GFile *
atlas_map_package_get_file (AtlasMapPackage *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), NULL);

  return self->file;
}

/* The file's name, for messages about it. */
const char *
_atlas_map_package_get_file_name (AtlasMapPackage *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), NULL);

  return self->file_name;
}

/* The package's own name, or its file's without the extension. */
const char *
atlas_map_package_get_name (AtlasMapPackage *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), NULL);

  return self->name;
}

const char *
atlas_map_package_get_attribution (AtlasMapPackage *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), NULL);

  return self->attribution;
}

const char *
atlas_map_package_get_format (AtlasMapPackage *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), NULL);

  return self->format;
}

int
atlas_map_package_get_min_zoom (AtlasMapPackage *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), 0);

  return self->min_zoom;
}

int
atlas_map_package_get_max_zoom (AtlasMapPackage *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), 0);

  return self->max_zoom;
}

/* Empty (atlas_bounds_is_empty()) if neither metadata nor tiles say. */
const AtlasBounds *
atlas_map_package_get_bounds (AtlasMapPackage *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), NULL);

  return &self->bounds;
}

/* Whether the point is in the package's box (or it has none: anywhere). */
gboolean
atlas_map_package_covers (AtlasMapPackage *self,
                          double           latitude,
                          double           longitude)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PACKAGE (self), FALSE);

  if (atlas_bounds_is_empty (&self->bounds))
    return TRUE;

  return latitude >= self->bounds.south && latitude <= self->bounds.north &&
         longitude >= self->bounds.west && longitude <= self->bounds.east;
}
