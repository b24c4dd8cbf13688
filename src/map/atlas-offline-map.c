/* atlas-offline-map.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-offline-map"

#include "config.h"


#include "atlas-json.h"
#include "atlas-offline-map.h"

/* The base map for a room without network, drawn from the open data bundled
 * in data/basemap/ (Natural Earth; see its README): the land around
 * Vietnam, Vietnam with Hoàng Sa and Trường Sa, and the current provinces.
 * The OpenStreetMap tile policy forbids keeping its tiles for offline use,
 * so this is all ours.
 */

typedef enum
{
  STYLE_LAND,
  STYLE_VIETNAM,
  STYLE_ARCHIPELAGO,
  STYLE_PROVINCE,
  N_STYLES
} Style;

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
  },
  {
    { "#2f2f33", "#48484e", "#9a9996" },
    { "#3b3b40", "#e0a36e", "#deddda" },
    { "#3b3b40", "#e0a36e", "#e0a36e" },
    { "rgba(0,0,0,0)", "#6b6259", "#c0bfbc" },
  },
};

static const char *sea_colours[2] = { "#c6dcec", "#1b2a38" };

static void
style_for (Style            style,
           gboolean         dark,
           AtlasShapeStyle *shape_style)
{
  const Palette *palette = &palettes[dark ? 1 : 0][style];

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

/* A number of the base map's: GeoJSON writes whole degrees without a point. */
static double
number_of (const AtlasJsonValue *value)
{
  if (value == NULL)
    return 0;

  return value->type == ATLAS_JSON_INTEGER ? (double) value->integer :
         value->type == ATLAS_JSON_DOUBLE ? value->number : 0;
}

static const char *
string_member (const AtlasJsonValue *object,
               const char           *name)
{
  const AtlasJsonValue *member = atlas_json_value_get_member (object, name);

  return member != NULL && member->type == ATLAS_JSON_STRING ? member->string : NULL;
}

/* [[longitude, latitude], …] */
static void
add_ring (AtlasShape           *shape,
          const AtlasJsonValue *ring)
{
  g_autofree AtlasPoint *points = g_new (AtlasPoint, ring->length);

  for (guint i = 0; i < ring->length; i++)
    {
      const AtlasJsonValue *pair = &ring->elements[i];

      g_assert (pair->type == ATLAS_JSON_ARRAY && pair->length >= 2);
      points[i].longitude = number_of (&pair->elements[0]);
      points[i].latitude = number_of (&pair->elements[1]);
    }

  atlas_shape_add_ring (shape, points, ring->length);
}

/* Polygon: [ring, …]; MultiPolygon: [[ring, …], …] */
static void
add_geometry (AtlasShape           *shape,
              const AtlasJsonValue *geometry)
{
  const char *type = string_member (geometry, "type");
  const AtlasJsonValue *coordinates = atlas_json_value_get_member (geometry, "coordinates");

  g_assert (coordinates != NULL && coordinates->type == ATLAS_JSON_ARRAY);
  for (guint i = 0; i < coordinates->length; i++)
    {
      const AtlasJsonValue *element = &coordinates->elements[i];

      g_assert (element->type == ATLAS_JSON_ARRAY);
      if (g_strcmp0 (type, "MultiPolygon") == 0)
        for (guint r = 0; r < element->length; r++)
          add_ring (shape, &element->elements[r]);
      else
        add_ring (shape, element);
    }
}

static Style
style_of (const AtlasJsonValue *properties,
          Style                 default_style)
{
  const char *kind = string_member (properties, "kind");

  if (g_strcmp0 (kind, "archipelago") == 0)
    return STYLE_ARCHIPELAGO;
  if (g_strcmp0 (kind, "province") == 0)
    return STYLE_PROVINCE;

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

/* A shape of the base map, and how it is drawn in light and dark. */
typedef struct
{
  AtlasShape *shape;
  Style       style;
} BaseShape;

/* Made ahead by atlas_offline_map_preload(), or NULL; in what language. */
static GThread *preload_thread;
static AtlasLanguage preload_language;

static const AtlasJsonValue *
parse_file (AtlasJsonDocument *document,
            const char        *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/basemap/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  const AtlasJsonValue *root;

  /* Bundled and checked by the tests: anything else is a packaging bug.
   * Read with the dataset's parser, into values of its own: no json-glib
   * tree to build and free.
   */
  g_assert (bytes != NULL);
  root = atlas_json_document_parse (document, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), NULL, NULL, NULL, NULL, &error);
  if (root == NULL)
    g_error ("The bundled base map %s is not valid JSON: %s", name, error->message);

  return root;
}

static void
read_features (const AtlasJsonValue *root,
               Style                 default_style,
               AtlasLanguage         language,
               GArray               *shapes)
{
  const AtlasJsonValue *features = atlas_json_value_get_member (root, "features");
  const char *key = language == ATLAS_LANGUAGE_VI ? "name_vi" : "name_en";

  g_assert (features != NULL && features->type == ATLAS_JSON_ARRAY);
  for (guint i = 0; i < features->length; i++)
    {
      const AtlasJsonValue *feature = &features->elements[i];
      const AtlasJsonValue *properties = atlas_json_value_get_member (feature, "properties");
      const AtlasJsonValue *geometry = atlas_json_value_get_member (feature, "geometry");
      const AtlasJsonValue *label_lat, *label_lon;
      const char *label;
      BaseShape base;

      g_assert (properties != NULL && properties->type == ATLAS_JSON_OBJECT);
      g_assert (geometry != NULL && geometry->type == ATLAS_JSON_OBJECT);
      label = string_member (properties, key);
      label_lat = atlas_json_value_get_member (properties, "label_lat");
      label_lon = atlas_json_value_get_member (properties, "label_lon");
      base.style = style_of (properties, default_style);

      /* Land around Vietnam gets no label until one can tell the countries apart. */
      if (label_lat == NULL)
        label = base.style == STYLE_LAND ? label : NULL;

      base.shape = atlas_shape_new (label, label, number_of (label_lat), number_of (label_lon));
      add_geometry (base.shape, geometry);
      g_array_append_val (shapes, base);
    }
}

/* Every shape of the base map, labelled in language. */
static GArray *
read_all (AtlasLanguage language)
{
  g_autoptr(AtlasJsonDocument) document = atlas_json_document_new ();
  GArray *shapes = g_array_new (FALSE, FALSE, sizeof (BaseShape));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    read_features (parse_file (document, files[i].name), files[i].style, language, shapes);

  return shapes;
}

static gpointer
read_all_in_thread (gpointer data)
{
  return read_all (GPOINTER_TO_INT (data));
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
}

/* Forgets a preload that no map view used. */
void
atlas_offline_map_drop_preload (void)
{
  GArray *shapes = take_preloaded (preload_language);

  if (shapes != NULL)
    free_shapes (shapes);
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
  if (shapes == NULL)
    shapes = read_all (language);

  gdk_rgba_parse (&sea, sea_colours[dark ? 1 : 0]);
  atlas_shape_layer_clear (layer);
  atlas_shape_layer_set_background (layer, &sea);
  for (guint i = 0; i < shapes->len; i++)
    {
      const BaseShape *base = &g_array_index (shapes, BaseShape, i);
      AtlasShapeStyle shape_style;

      style_for (base->style, dark, &shape_style);
      atlas_shape_set_style (base->shape, &shape_style);
      atlas_shape_layer_add (layer, base->shape);
    }
  g_array_unref (shapes);
}
