/* atlas-article.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-article"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-article-private.h"

/* A news item, with the geoparks and places its text names. */

G_DEFINE_FINAL_TYPE (AtlasArticle, atlas_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *precision_names[ATLAS_N_DATE_PRECISIONS] = {
  "day", "month", "year", "approximate",
};

static const char *topic_names[ATLAS_N_TOPICS] = {
  "recognition", "conservation", "education", "community", "tourism", "cooperation", "events",
};

const char *
atlas_date_precision_to_string (AtlasDatePrecision precision)
{
  g_return_val_if_fail (precision < ATLAS_N_DATE_PRECISIONS, NULL);

  return precision_names[precision];
}

gboolean
atlas_date_precision_from_string (const char         *string,
                                  AtlasDatePrecision *precision)
{
  for (guint i = 0; i < ATLAS_N_DATE_PRECISIONS; i++)
    {
      if (g_strcmp0 (string, precision_names[i]) == 0)
        {
          *precision = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
atlas_topic_to_string (AtlasTopics topic)
{
  for (guint i = 0; i < ATLAS_N_TOPICS; i++)
    {
      if (topic == (1u << i))
        return topic_names[i];
    }

  g_return_val_if_reached (NULL);
}

/* A topic's name in the interface's language. */
const char *
atlas_topic_get_label (AtlasTopics topic)
{
  switch (topic)
    {
    case ATLAS_TOPIC_RECOGNITION:
      return _("Recognition");
    case ATLAS_TOPIC_CONSERVATION:
      return _("Conservation");
    case ATLAS_TOPIC_EDUCATION:
      return _("Education");
    case ATLAS_TOPIC_COMMUNITY:
      return _("Community");
    case ATLAS_TOPIC_TOURISM:
      return _("Tourism");
    case ATLAS_TOPIC_COOPERATION:
      return _("Cooperation");
    case ATLAS_TOPIC_EVENTS:
      return _("Events");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
atlas_topic_from_string (const char  *string,
                         AtlasTopics *topic)
{
  for (guint i = 0; i < ATLAS_N_TOPICS; i++)
    {
      if (g_strcmp0 (string, topic_names[i]) == 0)
        {
          *topic = 1u << i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
atlas_article_finalize (GObject *object)
{
  AtlasArticle *self = ATLAS_ARTICLE (object);

  g_free (self->id);
  g_clear_pointer (&self->date_note, atlas_text_unref);
  g_clear_pointer (&self->title, atlas_text_unref);
  g_clear_pointer (&self->summary, atlas_text_unref);
  g_clear_pointer (&self->body, atlas_text_unref);
  g_strfreev (self->geopark_ids);
  g_strfreev (self->place_ids);
  g_free (self->source);

  G_OBJECT_CLASS (atlas_article_parent_class)->finalize (object);
}

static void
atlas_article_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasArticle *self = ATLAS_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_boxed (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_article_class_init (AtlasArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_article_finalize;
  object_class->get_property = atlas_article_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_boxed ("title", NULL, NULL, ATLAS_TYPE_TEXT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_article_init (AtlasArticle *self)
{
  g_date_clear (&self->date, 1);
}

const char *
atlas_article_get_id (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return self->id;
}

/* For a month, a year or an approximate date, the first day of the period. */
const GDate *
atlas_article_get_date (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return &self->date;
}

AtlasDatePrecision
atlas_article_get_date_precision (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), 0);
  return self->date_precision;
}

/* How the date was found, when it was not written in the article: may be NULL. */
AtlasText *
atlas_article_get_date_note (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return self->date_note;
}

AtlasText *
atlas_article_get_title (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return self->title;
}

AtlasText *
atlas_article_get_summary (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return self->summary;
}

/* May be NULL: most items have a summary only. */
AtlasText *
atlas_article_get_body (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return self->body;
}

const char * const *
atlas_article_get_geopark_ids (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return (const char * const *) self->geopark_ids;
}

const char * const *
atlas_article_get_place_ids (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return (const char * const *) self->place_ids;
}

AtlasTopics
atlas_article_get_topics (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), 0);
  return self->topics;
}

/* May be NULL when the source is not known. */
const char *
atlas_article_get_source (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return self->source;
}

/* The year of the date, for filtering by year; 0 when the article has no date. */
int
atlas_article_get_year (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), 0);
  return g_date_valid (&self->date) ? g_date_get_year (&self->date) : 0;
}

/* News reads newest first. Equal dates compare equal, so that a stable sort
 * (g_ptr_array_sort, GtkSortListModel) keeps the order of the file, which is
 * the order the editors chose. An article without a date, which only a
 * half-built one can be, goes last.
 */
int
atlas_article_compare_newest_first (AtlasArticle *a,
                                    AtlasArticle *b)
{
  gboolean a_dated, b_dated;

  g_return_val_if_fail (ATLAS_IS_ARTICLE (a), 0);
  g_return_val_if_fail (ATLAS_IS_ARTICLE (b), 0);

  a_dated = g_date_valid (&a->date);
  b_dated = g_date_valid (&b->date);
  if (!a_dated || !b_dated)
    return b_dated - a_dated;

  return g_date_compare (&b->date, &a->date);
}
