/* atlas-schema-geopark.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-schema-geopark"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-geopark-private.h"
#include "atlas-schema.h"

/* geoparks.json: one item of "items". */

#define MAX_OUTLINE_POINTS  100000
#define MAX_AREA_KM2        1000000.0

static void
read_colour (AtlasSchemaReader *r,
             JsonObject        *item,
             AtlasColour       *colour)
{
  g_autofree char *string = atlas_schema_reader_string (r, item, "colour", TRUE);
  gsize mark;

  if (string == NULL || atlas_colour_parse (colour, string))
    return;

  mark = atlas_schema_reader_push_member (r, "colour");
  atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                              _("“%s” is not a colour of the form #rrggbb"), string);
  atlas_schema_reader_pop (r, mark);
}

/* {"date": …, "date_precision": …, "note": …, "source": …} */
static void
read_designation (AtlasSchemaReader *r,
                  JsonObject        *item,
                  AtlasGeopark      *geopark)
{
  static const char *known[] = { "date", "date_precision", "note", "source", NULL };
  JsonObject *object;
  gsize mark;

  object = atlas_schema_reader_enter_object (r, item, "designated", TRUE, known, &mark);
  if (object == NULL)
    return;

  atlas_schema_reader_date (r, object, "date", &geopark->designated);
  if (atlas_schema_reader_date_precision (r, object, "date_precision",
                                          &geopark->designated_precision))
    atlas_schema_reader_check_date_precision (r, &geopark->designated,
                                              geopark->designated_precision, "date");
  geopark->designated_note = atlas_schema_reader_text (r, object, "note", FALSE);
  /* The format requires a source for the record; the app does not show it. */
  g_free (atlas_schema_reader_string (r, object, "source", TRUE));
  atlas_schema_reader_pop (r, mark);
}

/* {"year": …, "note": …, "source": …} */
static void
read_revalidation (AtlasSchemaReader *r,
                   JsonObject        *object,
                   gpointer           user_data)
{
  AtlasGeopark *geopark = user_data;
  AtlasRevalidation revalidation = { 0, };
  JsonNode *year;

  g_assert (ATLAS_IS_GEOPARK (geopark));

  if ((year = atlas_schema_reader_member (r, object, "year", TRUE)) != NULL)
    {
      gsize mark = atlas_schema_reader_push_member (r, "year");

      atlas_schema_reader_expect_year (r, year, &revalidation.year);
      atlas_schema_reader_pop (r, mark);
    }
  revalidation.note = atlas_schema_reader_text (r, object, "note", FALSE);
  revalidation.source = atlas_schema_reader_string (r, object, "source", FALSE);
  g_array_append_val (geopark->revalidations, revalidation);
}

/* {"km2": …, "note": …, "source": …} */
static void
read_area (AtlasSchemaReader *r,
           JsonObject        *object,
           gpointer           user_data)
{
  AtlasGeopark *geopark = user_data;
  AtlasAreaFigure area = { 0, };

  g_assert (ATLAS_IS_GEOPARK (geopark));

  atlas_schema_reader_number (r, object, "km2", 0.01, MAX_AREA_KM2, &area.km2);
  area.note = atlas_schema_reader_text (r, object, "note", FALSE);
  area.source = atlas_schema_reader_string (r, object, "source", TRUE);
  g_array_append_val (geopark->areas, area);
}

static void
read_province (AtlasSchemaReader *r,
               JsonObject        *item,
               AtlasGeopark      *geopark)
{
  static const char *known[] = { "current", "before_2025", NULL };
  JsonObject *object;
  gsize mark;

  object = atlas_schema_reader_enter_object (r, item, "province", TRUE, known, &mark);
  if (object == NULL)
    return;

  geopark->province = atlas_schema_reader_text (r, object, "current", TRUE);
  geopark->province_before_2025 = atlas_schema_reader_text (r, object, "before_2025", FALSE);
  atlas_schema_reader_pop (r, mark);
}

/* [longitude, latitude] at the current path, added to points. */
static gboolean
read_point (AtlasSchemaReader *r,
            JsonNode          *node,
            GArray            *points)
{
  JsonArray *pair = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  AtlasPoint point;
  gboolean ok = TRUE;
  gsize mark;

  if (pair == NULL || json_array_get_length (pair) != 2)
    {
      g_autofree char *found = atlas_schema_reader_describe (node);

      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_TYPE,
                                  _("must be a point [longitude, latitude], not %s"), found);
      return FALSE;
    }

  mark = atlas_schema_reader_push_index (r, 0);
  ok &= atlas_schema_reader_expect_number (r, json_array_get_element (pair, 0), -180, 180,
                                           &point.longitude);
  atlas_schema_reader_pop (r, mark);
  mark = atlas_schema_reader_push_index (r, 1);
  ok &= atlas_schema_reader_expect_number (r, json_array_get_element (pair, 1), -90, 90,
                                           &point.latitude);
  atlas_schema_reader_pop (r, mark);
  g_array_append_val (points, point);

  return ok;
}

/* [[lon, lat], …], a closed ring */
static void
read_polygon (AtlasSchemaReader *r,
              JsonObject        *object,
              GArray            *points)
{
  JsonNode *node = atlas_schema_reader_member (r, object, "polygon", TRUE);
  JsonArray *array;
  gboolean complete = TRUE;
  guint length;
  gsize mark;

  if (node == NULL)
    return;

  mark = atlas_schema_reader_push_member (r, "polygon");
  array = atlas_schema_reader_expect_array (r, node, 4, MAX_OUTLINE_POINTS);
  length = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < length; i++)
    {
      gsize point_mark = atlas_schema_reader_push_index (r, i);

      complete &= read_point (r, json_array_get_element (array, i), points);
      atlas_schema_reader_pop (r, point_mark);
    }

  if (array != NULL && complete && points->len > 0)
    {
      const AtlasPoint *first = &g_array_index (points, AtlasPoint, 0);
      const AtlasPoint *last = &g_array_index (points, AtlasPoint, points->len - 1);

      if (first->longitude != last->longitude || first->latitude != last->latitude)
        atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                                    _("the outline is not closed: its last point must be its "
                                      "first"));
    }
  atlas_schema_reader_pop (r, mark);
}

static void
read_outline (AtlasSchemaReader *r,
              JsonObject        *item,
              AtlasGeopark      *geopark)
{
  static const char *known[] = { "approximate", "note", "source", "polygon", NULL };
  JsonObject *object;
  gsize mark;

  object = atlas_schema_reader_enter_object (r, item, "outline", TRUE, known, &mark);
  if (object == NULL)
    return;

  atlas_schema_reader_boolean (r, object, "approximate", &geopark->outline_approximate);
  geopark->outline_note = atlas_schema_reader_text (r, object, "note", FALSE);
  /* The format requires a source for the record; the app does not show it. */
  g_free (atlas_schema_reader_string (r, object, "source", TRUE));
  read_polygon (r, object, geopark->outline);
  atlas_schema_reader_pop (r, mark);
}

gpointer
atlas_schema_read_geopark (AtlasSchemaReader *r,
                           JsonObject        *item)
{
  static const char *known[] = {
    "id", "name", "short_name", "colour", "designated", "revalidations", "area", "province",
    "centre", "outline", "description", "sources", NULL
  };
  static const char *revalidation_known[] = { "year", "note", "source", NULL };
  static const char *area_known[] = { "km2", "note", "source", NULL };
  AtlasGeopark *geopark = _atlas_geopark_new ();
  AtlasSchemaLocation centre = { 0, };

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (item != NULL, NULL);

  atlas_schema_reader_check_fields (r, item, known);
  geopark->id = atlas_schema_reader_own_id (r, item);
  geopark->name = atlas_schema_reader_text (r, item, "name", TRUE);
  geopark->short_name = atlas_schema_reader_text (r, item, "short_name", TRUE);
  read_colour (r, item, &geopark->colour);
  read_designation (r, item, geopark);
  atlas_schema_reader_object_list (r, item, "revalidations", 0, revalidation_known,
                                   read_revalidation, geopark);
  atlas_schema_reader_object_list (r, item, "area", 1, area_known, read_area, geopark);
  read_province (r, item, geopark);
  if (atlas_schema_reader_location_of (r, item, "centre", &centre))
    {
      geopark->latitude = centre.latitude;
      geopark->longitude = centre.longitude;
    }
  read_outline (r, item, geopark);
  geopark->description = atlas_schema_reader_text (r, item, "description", TRUE);
  geopark->sources = atlas_schema_reader_string_list (r, item, "sources");

  return geopark;
}
