/* atlas-article.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "atlas-text.h"

G_BEGIN_DECLS

/* How much of an article's date is known. */
typedef enum
{
  ATLAS_DATE_PRECISION_DAY,
  ATLAS_DATE_PRECISION_MONTH,
  ATLAS_DATE_PRECISION_YEAR,
  ATLAS_DATE_PRECISION_APPROXIMATE,
  ATLAS_N_DATE_PRECISIONS
} AtlasDatePrecision;

/* The small fixed vocabulary of topics. */
typedef enum
{
  ATLAS_TOPIC_RECOGNITION  = 1 << 0,
  ATLAS_TOPIC_CONSERVATION = 1 << 1,
  ATLAS_TOPIC_EDUCATION    = 1 << 2,
  ATLAS_TOPIC_COMMUNITY    = 1 << 3,
  ATLAS_TOPIC_TOURISM      = 1 << 4,
  ATLAS_TOPIC_COOPERATION  = 1 << 5,
  ATLAS_TOPIC_EVENTS       = 1 << 6,
} AtlasTopics;

#define ATLAS_N_TOPICS 7

#define ATLAS_TYPE_ARTICLE (atlas_article_get_type ())

G_DECLARE_FINAL_TYPE (AtlasArticle, atlas_article, ATLAS, ARTICLE, GObject)

const char          *atlas_article_get_id             (AtlasArticle *self);
const GDate         *atlas_article_get_date           (AtlasArticle *self);
AtlasDatePrecision   atlas_article_get_date_precision (AtlasArticle *self);
AtlasText           *atlas_article_get_date_note      (AtlasArticle *self);
AtlasText           *atlas_article_get_title          (AtlasArticle *self);
AtlasText           *atlas_article_get_summary        (AtlasArticle *self);
AtlasText           *atlas_article_get_body           (AtlasArticle *self);
const char * const  *atlas_article_get_geopark_ids    (AtlasArticle *self);
const char * const  *atlas_article_get_place_ids      (AtlasArticle *self);
AtlasTopics          atlas_article_get_topics         (AtlasArticle *self);
const char          *atlas_article_get_source         (AtlasArticle *self);

const char          *atlas_date_precision_to_string   (AtlasDatePrecision  precision);
gboolean             atlas_date_precision_from_string (const char         *string,
                                                       AtlasDatePrecision *precision);
const char          *atlas_topic_to_string            (AtlasTopics         topic);
gboolean             atlas_topic_from_string          (const char         *string,
                                                       AtlasTopics        *topic);
const char          *atlas_topic_get_label            (AtlasTopics         topic);

int         atlas_article_get_year             (AtlasArticle *self);
int         atlas_article_compare_newest_first (AtlasArticle *a,
                                                AtlasArticle *b);

G_END_DECLS
