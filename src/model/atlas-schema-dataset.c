/* atlas-schema-dataset.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-schema-dataset"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-schema.h"

/* dataset.json: what the folder is, and in which format. */

static void
read_format (AtlasSchemaReader *r,
             JsonObject        *object)
{
  JsonNode *format = atlas_schema_reader_member (r, object, "format", TRUE);
  gsize mark;

  if (format == NULL)
    return;

  mark = atlas_schema_reader_push_member (r, "format");
  if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != ATLAS_DATASET_FORMAT)
    {
      g_autofree char *found = atlas_schema_reader_describe (format);

      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                                  _("format %s is not supported: this version of the app reads "
                                    "format %d"),
                                  found, ATLAS_DATASET_FORMAT);
    }
  atlas_schema_reader_pop (r, mark);
}

/* FALSE when there is no list of languages at all. */
static gboolean
read_languages (AtlasSchemaReader *r,
                JsonObject        *object)
{
  g_auto(GStrv) languages = NULL;

  if (atlas_schema_reader_member (r, object, "languages", TRUE) == NULL)
    return FALSE;

  languages = atlas_schema_reader_string_list (r, object, "languages");
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (!atlas_language_from_code (languages[i], NULL))
        {
          gsize mark = atlas_schema_reader_push_member (r, "languages");
          gsize index_mark = atlas_schema_reader_push_index (r, i);

          atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                                      _("unknown language “%s”: use “vi” or “en”"), languages[i]);
          atlas_schema_reader_pop (r, index_mark);
          atlas_schema_reader_pop (r, mark);
        }
    }

  return TRUE;
}

void
atlas_schema_read_dataset_info (AtlasSchemaReader *r,
                                JsonNode          *root)
{
  static const char *known[] = {
    "$schema", "format", "title", "description", "licence", "attribution", "languages",
    "updated", NULL
  };
  JsonObject *object;
  g_autoptr(AtlasText) title = NULL;
  g_autoptr(AtlasText) description = NULL;
  g_autoptr(AtlasText) attribution = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *licence = NULL;
  GDate updated;

  g_return_if_fail (r != NULL);
  g_return_if_fail (root != NULL);

  if ((object = atlas_schema_reader_expect_object (r, root)) == NULL)
    return;

  atlas_schema_reader_check_fields (r, object, known);
  schema = atlas_schema_reader_string (r, object, "$schema", FALSE);
  read_format (r, object);
  title = atlas_schema_reader_text (r, object, "title", TRUE);
  description = atlas_schema_reader_text (r, object, "description", FALSE);
  licence = atlas_schema_reader_string (r, object, "licence", TRUE);
  attribution = atlas_schema_reader_text (r, object, "attribution", TRUE);
  if (!read_languages (r, object))
    return;

  g_date_clear (&updated, 1);
  if (json_object_has_member (object, "updated"))
    atlas_schema_reader_date (r, object, "updated", &updated);
}
