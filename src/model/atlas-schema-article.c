/* atlas-schema-article.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-schema-article"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-article-private.h"
#include "atlas-geopark.h"
#include "atlas-place.h"
#include "atlas-schema.h"

/* news.json: one item of "items". */

static const char *
topic_name (guint index)
{
  return atlas_topic_to_string (1u << index);
}

/* One topic of the list at the current path, added to topics. */
static void
read_topic (AtlasSchemaReader *r,
            JsonNode          *node,
            AtlasTopics       *topics)
{
  g_autofree char *name = atlas_schema_reader_expect_string (r, node);
  AtlasTopics topic;

  if (name == NULL)
    return;

  if (!atlas_topic_from_string (name, &topic))
    {
      g_autofree char *choices = atlas_schema_reader_list_names (topic_name, ATLAS_N_TOPICS);

      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                                  _("“%s” is not a topic: use one of %s"), name, choices);
    }
  else if (*topics & topic)
    atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_DUPLICATE, _("“%s” is listed twice"), name);
  else
    *topics |= topic;
}

static AtlasTopics
read_topics (AtlasSchemaReader *r,
             JsonObject        *item)
{
  JsonNode *node = atlas_schema_reader_member (r, item, "topics", TRUE);
  AtlasTopics topics = 0;
  JsonArray *array;
  guint length;
  gsize mark;

  if (node == NULL)
    return 0;

  mark = atlas_schema_reader_push_member (r, "topics");
  array = atlas_schema_reader_expect_array (r, node, 1, ATLAS_N_TOPICS);
  length = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < length; i++)
    {
      gsize item_mark = atlas_schema_reader_push_index (r, i);

      read_topic (r, json_array_get_element (array, i), &topics);
      atlas_schema_reader_pop (r, item_mark);
    }
  atlas_schema_reader_pop (r, mark);

  return topics;
}

gpointer
atlas_schema_read_article (AtlasSchemaReader *r,
                           JsonObject        *item)
{
  static const char *known[] = {
    "id", "date", "date_precision", "date_note", "title", "summary", "body", "geoparks",
    "places", "topics", "source", NULL
  };
  AtlasArticle *article = g_object_new (ATLAS_TYPE_ARTICLE, NULL);

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (item != NULL, NULL);

  atlas_schema_reader_check_fields (r, item, known);
  article->id = atlas_schema_reader_own_id (r, item);
  atlas_schema_reader_date (r, item, "date", &article->date);
  if (atlas_schema_reader_date_precision (r, item, "date_precision", &article->date_precision))
    atlas_schema_reader_check_date_precision (r, &article->date, article->date_precision, "date");
  article->date_note = atlas_schema_reader_text (r, item, "date_note", FALSE);
  article->title = atlas_schema_reader_text (r, item, "title", TRUE);
  article->summary = atlas_schema_reader_text (r, item, "summary", TRUE);
  article->body = atlas_schema_reader_text (r, item, "body", FALSE);
  article->geopark_ids = atlas_schema_reader_references (r, item, "geoparks", ATLAS_TYPE_GEOPARK);
  article->place_ids = atlas_schema_reader_references (r, item, "places", ATLAS_TYPE_PLACE);
  article->topics = read_topics (r, item);
  article->source = atlas_schema_reader_string (r, item, "source", FALSE);

  return article;
}
