/* atlas-offline-map.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-offline-map"

#include "config.h"

#include <json-glib/json-glib.h>

#include "atlas-offline-map-private.h"

/* The base map for a room without network, drawn from the open data bundled
 * in data/basemap/ (Natural Earth and GSHHG; see its README): the land
 * around Vietnam, Vietnam with Hoàng Sa and Trường Sa, its main rivers and
 * lakes, and the current provinces; under them, coarse land for the rest
 * of the world, so that a place abroad stands on land.
 * The OpenStreetMap tile policy forbids keeping its tiles for offline use,
 * so this is all ours.
 */

typedef enum
{
  STYLE_LAND,
  STYLE_VIETNAM,
  STYLE_ARCHIPELAGO,
  STYLE_PROVINCE,
  STYLE_LAKE,
  STYLE_RIVER_1,        /* WDBII's levels: 1 the major rivers … 4 the minor */
  STYLE_RIVER_2,
  STYLE_RIVER_3,
  STYLE_RIVER_4,
  N_STYLES
} Style;

/* A land polygon cut at the edge of its file's box is filled by one shape
 * and outlined by another, which leaves the cut lines out (see
 * add_land()); every other shape is filled and outlined by itself.
 */
typedef enum
{
  PART_WHOLE,
  PART_FILL,
  PART_OUTLINE,
} Part;

/* A shape of the base map, and how it is drawn in light and dark. */
typedef struct
{
  AtlasShape *shape;
  Style       style;
  Part        part;
} BaseShape;

typedef struct
{
  const char *fill;
  const char *stroke;
  const char *label;
} Palette;

static const char *halos[2] = { "rgba(250,249,245,0.85)", "rgba(30,30,34,0.85)" };

/* Light and dark palettes: calm land, a clear border, legible labels. */
static const Palette palettes[2][N_STYLES] = {
  {
    { "#ebe7dc", "#c9c2b0", "#77767b" },
    { "#f7f4ea", "#9a4f2c", "#3d3846" },
    { "#f7f4ea", "#9a4f2c", "#9a4f2c" },
    { "rgba(0,0,0,0)", "#b9a98f", "#5e5c64" },
    { "#b4d0e8", "#6f9fcb", NULL },
    { NULL, "#4a86c0", NULL },
    { NULL, "#5590c6", NULL },
    { NULL, "#5f97ca", NULL },
    { NULL, "#6c9fcd", NULL },
  },
  {
    { "#2f2f33", "#48484e", "#9a9996" },
    { "#3b3b40", "#e0a36e", "#deddda" },
    { "#3b3b40", "#e0a36e", "#e0a36e" },
    { "rgba(0,0,0,0)", "#6b6259", "#c0bfbc" },
    { "#1f3b54", "#4f81ad", NULL },
    { NULL, "#6a9fd0", NULL },
    { NULL, "#6398c9", NULL },
    { NULL, "#5d91c2", NULL },
    { NULL, "#568abb", NULL },
  },
};

static const char *sea_colours[2] = { "#c6dcec", "#1b2a38" };

/* Water appears as one zooms in, the major rivers first, and stays thin
 * and calm under the names and pins: a guide to the ground, not a subject.
 */
static const struct {
  double width;
  double min_zoom;
} water_lines[] = {
  [STYLE_LAKE] = { 0.8, 7 },
  [STYLE_RIVER_1] = { 2.0, 7 },
  [STYLE_RIVER_2] = { 1.7, 8 },
  [STYLE_RIVER_3] = { 1.5, 9 },
  [STYLE_RIVER_4] = { 1.2, 10 },
};

static void
water_style_for (Style            style,
                 gboolean         dark,
                 AtlasShapeStyle *shape_style)
{
  const Palette *palette = &palettes[dark ? 1 : 0][style];

  *shape_style = (AtlasShapeStyle) {
    .stroke_width = water_lines[style].width,
    .label_scale = 1,
    .label_min_zoom = G_MAXDOUBLE,
    .min_zoom = water_lines[style].min_zoom,
  };
  gdk_rgba_parse (&shape_style->fill, palette->fill != NULL ? palette->fill : "rgba(0,0,0,0)");
  gdk_rgba_parse (&shape_style->stroke, palette->stroke);
}

static void
style_for (Style            style,
           gboolean         dark,
           AtlasShapeStyle *shape_style)
{
  const Palette *palette = &palettes[dark ? 1 : 0][style];

  if (style >= STYLE_LAKE)
    {
      water_style_for (style, dark, shape_style);
      return;
    }

  *shape_style = (AtlasShapeStyle) {
    .stroke_width = style == STYLE_VIETNAM ? 1.5 : 1.0,
    .dashed = style == STYLE_PROVINCE,
    .label_scale = style == STYLE_VIETNAM ? 1.2 : 0.9,
    .label_min_zoom = style == STYLE_PROVINCE ? 8 : style == STYLE_LAND ? 5 : 4,
  };
  gdk_rgba_parse (&shape_style->fill, palette->fill);
  gdk_rgba_parse (&shape_style->stroke, palette->stroke);
  gdk_rgba_parse (&shape_style->label_colour, palette->label);
  gdk_rgba_parse (&shape_style->label_halo, halos[dark ? 1 : 0]);
}

/* The style of a shape, or of the part of one it draws. */
static void
base_style_for (const BaseShape *base,
                gboolean         dark,
                AtlasShapeStyle *shape_style)
{
  style_for (base->style, dark, shape_style);
  if (base->part == PART_FILL)
    shape_style->stroke_width = 0;
  else if (base->part == PART_OUTLINE)
    shape_style->fill = (GdkRGBA) { 0, 0, 0, 0 };
}

/* A number of the base map's: GeoJSON writes whole degrees without a point. */
static double
number_of (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  return json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node) :
         json_node_get_value_type (node) == G_TYPE_DOUBLE ? json_node_get_double (node) : 0;
}

/* The lines along which the files' land is cut, not coasts or borders and
 * never outlined: the edges of the box of land.geojson (lon 97–118 E,
 * lat 5–27 N), where world.geojson takes over, the lines half a degree
 * either side of them along which world.geojson's pieces overlap, and the
 * edges of the world (build-aux/basemap/make-basemap.py has the same list).
 */
static const double cut_longitudes[] = { -180, 96.5, 97, 97.5, 117.5, 118, 118.5, 180 };
static const double cut_latitudes[] = { -90, 5, 5.5, 26.5, 27 };

static gboolean
is_cut_edge (const AtlasPoint *a,
             const AtlasPoint *b)
{
  if (a->longitude == b->longitude)
    {
      for (guint i = 0; i < G_N_ELEMENTS (cut_longitudes); i++)
        if (a->longitude == cut_longitudes[i])
          return TRUE;
    }
  else if (a->latitude == b->latitude)
    {
      for (guint i = 0; i < G_N_ELEMENTS (cut_latitudes); i++)
        if (a->latitude == cut_latitudes[i])
          return TRUE;
    }

  return FALSE;
}

/* The outline of a land ring without its cut edges, as lines of @outline;
 * TRUE if it had any.
 */
static gboolean
add_coasts (AtlasShape       *outline,
            const AtlasPoint *points,
            guint             n_points)
{
  gboolean cut = FALSE;
  guint start = 0;

  for (guint i = 1; i <= n_points; i++)
    if (i == n_points || is_cut_edge (&points[i - 1], &points[i]))
      {
        cut |= i < n_points;
        if (i - start >= 2)
          atlas_shape_add_line (outline, points + start, i - start);
        start = i;
      }

  return cut;
}

/* [[longitude, latitude], …], and its coasts to @outline unless NULL; TRUE
 * if it was cut.
 */
static gboolean
add_ring (AtlasShape *shape,
          AtlasShape *outline,
          JsonArray  *ring)
{
  guint n_points = json_array_get_length (ring);
  g_autofree AtlasPoint *points = g_new (AtlasPoint, n_points);

  for (guint i = 0; i < n_points; i++)
    {
      JsonArray *pair = json_array_get_array_element (ring, i);

      g_assert (pair != NULL && json_array_get_length (pair) >= 2);
      points[i].longitude = number_of (json_array_get_element (pair, 0));
      points[i].latitude = number_of (json_array_get_element (pair, 1));
    }

  atlas_shape_add_ring (shape, points, n_points);

  return outline != NULL && add_coasts (outline, points, n_points);
}

/* LineString: [[longitude, latitude], …]; MultiLineString: [line, …]. Each
 * line a shape of its own, so that a view draws only the parts of a long
 * river it shows (the generator cuts them short).
 */
static void
add_lines (JsonObject *geometry,
           Style       style,
           GArray     *shapes)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", NULL);
  JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");
  gboolean multi = g_strcmp0 (type, "MultiLineString") == 0;
  guint n_lines = multi ? json_array_get_length (coordinates) : 1;

  g_assert (coordinates != NULL);
  for (guint i = 0; i < n_lines; i++)
    {
      JsonArray *line = multi ? json_array_get_array_element (coordinates, i) : coordinates;
      guint n_points = json_array_get_length (line);
      g_autofree AtlasPoint *points = g_new (AtlasPoint, n_points);
      BaseShape base = { atlas_shape_new (NULL, NULL, 0, 0), style, PART_WHOLE };

      for (guint p = 0; p < n_points; p++)
        {
          JsonArray *pair = json_array_get_array_element (line, p);

          g_assert (pair != NULL && json_array_get_length (pair) >= 2);
          points[p].longitude = number_of (json_array_get_element (pair, 0));
          points[p].latitude = number_of (json_array_get_element (pair, 1));
        }
      atlas_shape_add_line (base.shape, points, n_points);
      g_array_append_val (shapes, base);
    }
}

/* Polygon: [ring, …]; MultiPolygon: [[ring, …], …]; with the coasts to
 * @outline unless NULL. TRUE if a ring was cut.
 */
static gboolean
add_geometry (AtlasShape *shape,
              AtlasShape *outline,
              JsonObject *geometry)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", NULL);
  JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");
  gboolean cut = FALSE;

  g_assert (coordinates != NULL);
  for (guint i = 0; i < json_array_get_length (coordinates); i++)
    {
      JsonArray *element = json_array_get_array_element (coordinates, i);

      g_assert (element != NULL);
      if (g_strcmp0 (type, "MultiPolygon") == 0)
        for (guint r = 0; r < json_array_get_length (element); r++)
          cut |= add_ring (shape, outline, json_array_get_array_element (element, r));
      else
        cut |= add_ring (shape, outline, element);
    }

  return cut;
}

/* Land, filled by @base and, when cut at a box, outlined by a shape of its
 * own after it: where a file's land ends, the next one's goes on, and a
 * line there would cross the land.
 */
static void
add_land (BaseShape  *base,
          JsonObject *geometry,
          GArray     *shapes)
{
  BaseShape outline = { atlas_shape_new (NULL, NULL, 0, 0), base->style, PART_OUTLINE };

  if (!add_geometry (base->shape, outline.shape, geometry))
    {
      atlas_shape_free (outline.shape);
      g_array_append_val (shapes, *base);
      return;
    }

  base->part = PART_FILL;
  g_array_append_val (shapes, *base);
  g_array_append_val (shapes, outline);
}

static Style
style_of (JsonObject *properties,
          Style       default_style)
{
  const char *kind = json_object_get_string_member_with_default (properties, "kind", NULL);

  if (g_strcmp0 (kind, "archipelago") == 0)
    return STYLE_ARCHIPELAGO;
  if (g_strcmp0 (kind, "province") == 0)
    return STYLE_PROVINCE;
  if (g_strcmp0 (kind, "lake") == 0 || g_strcmp0 (kind, "riverlake") == 0)
    return STYLE_LAKE;
  if (g_strcmp0 (kind, "river") == 0)
    return CLAMP (STYLE_RIVER_1 + json_object_get_int_member_with_default (properties, "rank", 4) - 1,
                  STYLE_RIVER_1, STYLE_RIVER_4);

  return default_style;
}

/* The files of the base map, bottom to top, and how each is drawn. */
static const struct {
  const char *name;
  Style       style;
} files[] = {
  { "land.geojson", STYLE_LAND },
  { "vietnam.geojson", STYLE_VIETNAM },
  { "provinces.geojson", STYLE_PROVINCE },
};

/* Made ahead by atlas_offline_map_preload(), or NULL; in what language. */
static GThread *preload_thread;
static AtlasLanguage preload_language;

/* The shapes of the regional files as last read, in what language: a
 * layer populated again in it (once the world's land came) copies them.
 */
static GArray *regional;
static AtlasLanguage regional_language;

/* Files the same in every language, each read by a thread of its own
 * beside the rest, then kept and copied into every populated layer: a
 * change of style or language does not read them again. The water is the
 * largest file, read at start. The world's land lies outside the box of
 * the others, where the first frame never looks: it is read only once a
 * map asks for it (atlas_offline_map_read_world_async()), so that it does
 * not take a core from the start.
 */
typedef struct
{
  const char *name;
  const char *thread_name;
  Style       style;
  gboolean    at_start;   /* read for the first frame, or only once asked for */
  GThread    *preload;
  GArray     *shapes;
} KeptFile;

enum {
  KEPT_WORLD,
  KEPT_WATER,
  N_KEPT
};

static KeptFile kept_files[N_KEPT] = {
  [KEPT_WORLD] = { "world.geojson", "atlas-world", STYLE_LAND, FALSE },
  [KEPT_WATER] = { "water.geojson", "atlas-water", STYLE_LAKE, TRUE },
};

/* A bundled file: the compiled-in data itself, valid as long as the
 * program runs, even once its resources are unregistered as it exits.
 */
static GBytes *
lookup_file (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/basemap/", name, NULL);
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  /* Bundled and checked by the tests: anything else is a packaging bug. */
  g_assert (bytes != NULL);

  return bytes;
}

static JsonNode *
parse_bytes (const char *name,
             GBytes     *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error))
    g_error ("The bundled base map %s is not valid JSON: %s", name, error->message);

  return json_parser_steal_root (parser);
}

static JsonNode *
parse_file (const char *name)
{
  g_autoptr(GBytes) bytes = lookup_file (name);

  return parse_bytes (name, bytes);
}

static void
read_features (JsonNode      *root,
               Style          default_style,
               AtlasLanguage  language,
               GArray        *shapes)
{
  JsonArray *features = json_object_get_array_member (json_node_get_object (root), "features");
  const char *key = language == ATLAS_LANGUAGE_VI ? "name_vi" : "name_en";

  g_assert (features != NULL);
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *properties = json_object_get_object_member (feature, "properties");
      JsonObject *geometry = json_object_get_object_member (feature, "geometry");
      JsonNode *label_lat, *label_lon;
      const char *label;
      BaseShape base = { NULL, STYLE_LAND, PART_WHOLE };

      g_assert (properties != NULL);
      g_assert (geometry != NULL);
      label = json_object_get_string_member_with_default (properties, key, NULL);
      label_lat = json_object_get_member (properties, "label_lat");
      label_lon = json_object_get_member (properties, "label_lon");
      base.style = style_of (properties, default_style);
      if (base.style >= STYLE_RIVER_1)
        {
          add_lines (geometry, base.style, shapes);
          continue;
        }

      /* Land around Vietnam gets no label until one can tell the countries apart. */
      if (label_lat == NULL)
        label = base.style == STYLE_LAND ? label : NULL;

      base.shape = atlas_shape_new (label, label, number_of (label_lat), number_of (label_lon));
      if (base.style == STYLE_LAND)
        {
          add_land (&base, geometry, shapes);
          continue;
        }

      add_geometry (base.shape, NULL, geometry);
      g_array_append_val (shapes, base);
    }
}

/* Every shape of the base map, labelled in language. */
static GArray *
read_all (AtlasLanguage language)
{
  GArray *shapes = g_array_new (FALSE, FALSE, sizeof (BaseShape));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(JsonNode) root = parse_file (files[i].name);

      read_features (root, files[i].style, language, shapes);
    }

  return shapes;
}

static gpointer
read_all_in_thread (gpointer data)
{
  return read_all (GPOINTER_TO_INT (data));
}

static GArray *
read_kept_bytes (const KeptFile *kept,
                 GBytes         *bytes)
{
  g_autoptr(JsonNode) root = parse_bytes (kept->name, bytes);
  GArray *shapes = g_array_new (FALSE, FALSE, sizeof (BaseShape));

  read_features (root, kept->style, ATLAS_LANGUAGE_EN, shapes);

  return shapes;
}

static GArray *
read_kept (const KeptFile *kept)
{
  g_autoptr(GBytes) bytes = lookup_file (kept->name);

  return read_kept_bytes (kept, bytes);
}

static gpointer
read_kept_in_thread (gpointer data)
{
  return read_kept (data);
}

static void
free_shapes (GArray *shapes)
{
  for (guint i = 0; i < shapes->len; i++)
    atlas_shape_free (g_array_index (shapes, BaseShape, i).shape);
  g_array_unref (shapes);
}

/* What the preload made, waiting for it if need be; NULL without one, or
 * when it was made for another language.
 */
static GArray *
take_preloaded (AtlasLanguage language)
{
  GThread *thread = g_steal_pointer (&preload_thread);
  GArray *shapes;

  if (thread == NULL)
    return NULL;

  shapes = g_thread_join (thread);
  if (preload_language != language)
    g_clear_pointer (&shapes, free_shapes);

  return shapes;
}

/* The file's shapes, read by its preload if it had one. */
static GArray *
take_kept (KeptFile *kept)
{
  GThread *thread = g_steal_pointer (&kept->preload);

  return thread != NULL ? g_thread_join (thread) : read_kept (kept);
}

/* Reading the base map's GeoJSON into shapes is a visible part of the way
 * to the first frame (docs/PERFORMANCE.md). Started before GTK initializes
 * (which takes longer), a
 * thread has them ready when the first map view asks for them. Only the
 * next atlas_offline_map_populate() in the same language uses them. Call
 * it once the language is set: the thread must not race a change of the
 * environment (PLATFORM.md §5).
 */
void
atlas_offline_map_preload (AtlasLanguage language)
{
  g_return_if_fail (preload_thread == NULL);

  preload_language = language;
  preload_thread = g_thread_new ("atlas-basemap", read_all_in_thread, GINT_TO_POINTER (language));
  for (guint i = 0; i < N_KEPT; i++)
    if (kept_files[i].at_start && kept_files[i].shapes == NULL && kept_files[i].preload == NULL)
      kept_files[i].preload = g_thread_new (kept_files[i].thread_name, read_kept_in_thread,
                                            &kept_files[i]);
}

/* Forgets a preload that no map view used. */
void
atlas_offline_map_drop_preload (void)
{
  GArray *shapes = take_preloaded (preload_language);

  if (shapes != NULL)
    free_shapes (shapes);
  for (guint i = 0; i < N_KEPT; i++)
    {
      GThread *thread = g_steal_pointer (&kept_files[i].preload);

      if (thread != NULL)
        free_shapes (g_thread_join (thread));
    }
}

typedef enum
{
  ALL_SHAPES,
  ALL_BUT_PROVINCES,
  PROVINCES_ONLY,
} Which;

/* Gives the layer copies of shapes kept for every layer, styled. */
static void
add_copies (AtlasShapeLayer *layer,
            GArray          *kept,
            gboolean         dark,
            Which            which)
{
  for (guint i = 0; i < kept->len; i++)
    {
      const BaseShape *base = &g_array_index (kept, BaseShape, i);
      AtlasShapeStyle shape_style;
      AtlasShape *shape;

      if (which != ALL_SHAPES && (base->style == STYLE_PROVINCE) != (which == PROVINCES_ONLY))
        continue;

      shape = atlas_shape_copy (base->shape);
      base_style_for (base, dark, &shape_style);
      atlas_shape_set_style (shape, &shape_style);
      atlas_shape_layer_add (layer, shape);
    }
}

void
atlas_offline_map_populate (AtlasShapeLayer *layer,
                            AtlasLanguage    language,
                            gboolean         dark)
{
  GArray *shapes;
  GdkRGBA sea;

  g_return_if_fail (ATLAS_IS_SHAPE_LAYER (layer));

  shapes = take_preloaded (language);
  if (shapes == NULL && (regional == NULL || regional_language != language))
    shapes = read_all (language);
  if (shapes != NULL)
    {
      g_clear_pointer (&regional, free_shapes);
      regional = shapes;
      regional_language = language;
    }
  for (guint i = 0; i < N_KEPT; i++)
    if (kept_files[i].at_start && kept_files[i].shapes == NULL)
      kept_files[i].shapes = take_kept (&kept_files[i]);

  gdk_rgba_parse (&sea, sea_colours[dark ? 1 : 0]);
  atlas_shape_layer_clear (layer);
  atlas_shape_layer_set_background (layer, &sea);
  /* The world's land (once read) under that of the region, rivers over
   * the land, the dashed province lines over the rivers.
   */
  if (kept_files[KEPT_WORLD].shapes != NULL)
    add_copies (layer, kept_files[KEPT_WORLD].shapes, dark, ALL_SHAPES);
  add_copies (layer, regional, dark, ALL_BUT_PROVINCES);
  add_copies (layer, kept_files[KEPT_WATER].shapes, dark, ALL_SHAPES);
  add_copies (layer, regional, dark, PROVINCES_ONLY);
}

/* Whether the world's land is read: layers populated since have it. */
gboolean
atlas_offline_map_has_world (void)
{
  return kept_files[KEPT_WORLD].shapes != NULL;
}

static void
read_world_in_task (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_task_return_pointer (task, read_kept_bytes (&kept_files[KEPT_WORLD], task_data),
                         (GDestroyNotify) free_shapes);
}

/**
 * atlas_offline_map_read_world_async:
 * @cancellable: (nullable): a cancellable
 * @callback: called on this thread once the world's land is read
 * @user_data: for @callback
 *
 * Reads the land of the world outside the region in a worker thread.
 * Once atlas_offline_map_read_world_finish() returned %TRUE, every layer
 * populated has it: populate yours again.
 */
void
atlas_offline_map_read_world_async (GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, atlas_offline_map_read_world_async);
  g_task_set_name (task, "[atlas] read the world's land");
  if (atlas_offline_map_has_world ())
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  /* Looked up here: the thread may still be reading as the program exits
   * and its resources are unregistered.
   */
  g_task_set_task_data (task, lookup_file (kept_files[KEPT_WORLD].name),
                        (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, read_world_in_task);
}

/* Kept here, on the thread the layers are populated on: a layer populated
 * before never sees the world appear halfway.
 */
gboolean
atlas_offline_map_read_world_finish (GAsyncResult  *result,
                                     GError       **error)
{
  GArray *shapes;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  shapes = g_task_propagate_pointer (G_TASK (result), error);
  if (shapes != NULL && kept_files[KEPT_WORLD].shapes == NULL)
    kept_files[KEPT_WORLD].shapes = shapes;
  else if (shapes != NULL)
    free_shapes (shapes);

  return atlas_offline_map_has_world ();
}

/* A kept file's shapes, read afresh and drawn light, for tests. */
static GPtrArray *
read_kept_styled (const KeptFile *kept)
{
  g_autoptr(GArray) shapes = read_kept (kept);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_shape_free);

  for (guint i = 0; i < shapes->len; i++)
    {
      const BaseShape *base = &g_array_index (shapes, BaseShape, i);
      AtlasShapeStyle shape_style;

      base_style_for (base, FALSE, &shape_style);
      atlas_shape_set_style (base->shape, &shape_style);
      g_ptr_array_add (found, base->shape);
    }

  return found;
}

/* The rivers and lakes of the base map, drawn light, for tests. */
GPtrArray *
_atlas_offline_map_read_water (void)
{
  return read_kept_styled (&kept_files[KEPT_WATER]);
}

/* The colour of the rivers of WDBII's level @rank (1–4), for tests. */
void
_atlas_offline_map_get_river_colour (int       rank,
                                     gboolean  dark,
                                     GdkRGBA  *colour)
{
  g_return_if_fail (rank >= 1 && rank <= 4);
  g_return_if_fail (colour != NULL);

  gdk_rgba_parse (colour, palettes[dark ? 1 : 0][STYLE_RIVER_1 + rank - 1].stroke);
}

/* The land of the base map outside the region, drawn light, for tests. */
GPtrArray *
_atlas_offline_map_read_world (void)
{
  return read_kept_styled (&kept_files[KEPT_WORLD]);
}

/* The fill of the land of the base map, for tests. */
void
_atlas_offline_map_get_land_colour (gboolean  dark,
                                    GdkRGBA  *colour)
{
  g_return_if_fail (colour != NULL);

  gdk_rgba_parse (colour, palettes[dark ? 1 : 0][STYLE_LAND].fill);
}
