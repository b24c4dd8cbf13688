/* atlas-schema-place.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-schema-place"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-geopark.h"
#include "atlas-place-private.h"
#include "atlas-schema.h"

/* places.json: one item of "items". */

static const char *
kind_name (guint index)
{
  return atlas_place_kind_to_string (index);
}

static void
read_kind (AtlasSchemaReader *r,
           JsonObject        *item,
           AtlasPlace        *place)
{
  g_autofree char *kind = atlas_schema_reader_string (r, item, "kind", TRUE);
  g_autofree char *choices = NULL;
  gsize mark;

  if (kind == NULL || atlas_place_kind_from_string (kind, &place->kind))
    return;

  choices = atlas_schema_reader_list_names (kind_name, ATLAS_N_PLACE_KINDS);
  mark = atlas_schema_reader_push_member (r, "kind");
  atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                              _("“%s” is not a kind of place: use one of %s"), kind, choices);
  atlas_schema_reader_pop (r, mark);
}

/* Partner geoparks abroad belong to none of ours: absent or null. */
static void
read_geopark (AtlasSchemaReader *r,
              JsonObject        *item,
              AtlasPlace        *place)
{
  JsonNode *geopark = atlas_schema_reader_member (r, item, "geopark", FALSE);
  gsize mark;

  if (geopark == NULL || JSON_NODE_HOLDS_NULL (geopark))
    return;

  mark = atlas_schema_reader_push_member (r, "geopark");
  place->geopark_id = atlas_schema_reader_expect_id (r, geopark);
  if (place->geopark_id != NULL)
    atlas_schema_reader_add_reference (r, place->geopark_id, ATLAS_TYPE_GEOPARK);
  atlas_schema_reader_pop (r, mark);
}

static void
read_country (AtlasSchemaReader *r,
              JsonObject        *item,
              AtlasPlace        *place)
{
  g_autofree char *country = atlas_schema_reader_string (r, item, "country", TRUE);

  if (country != NULL && !(strlen (country) == 2 && g_ascii_isupper (country[0]) &&
                           g_ascii_isupper (country[1])))
    {
      gsize mark = atlas_schema_reader_push_member (r, "country");

      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                                  _("“%s” is not a two-letter country code such as “VN”"),
                                  country);
      atlas_schema_reader_pop (r, mark);
    }
  place->country = g_steal_pointer (&country);
}

gpointer
atlas_schema_read_place (AtlasSchemaReader *r,
                         JsonObject        *item)
{
  static const char *known[] = {
    "id", "kind", "geopark", "name", "location", "approximate", "description", "source",
    "country", NULL
  };
  AtlasPlace *place = g_object_new (ATLAS_TYPE_PLACE, NULL);
  AtlasSchemaLocation location = { 0, };

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (item != NULL, NULL);

  atlas_schema_reader_check_fields (r, item, known);
  place->id = atlas_schema_reader_own_id (r, item);
  read_kind (r, item, place);
  read_geopark (r, item, place);
  place->name = atlas_schema_reader_text (r, item, "name", TRUE);
  place->description = atlas_schema_reader_text (r, item, "description", FALSE);
  if (atlas_schema_reader_location_of (r, item, "location", &location))
    {
      place->latitude = location.latitude;
      place->longitude = location.longitude;
      place->precision_m = location.precision_m;
    }
  atlas_schema_reader_boolean (r, item, "approximate", &place->approximate);
  place->source = atlas_schema_reader_string (r, item, "source", TRUE);
  read_country (r, item, place);

  return place;
}
