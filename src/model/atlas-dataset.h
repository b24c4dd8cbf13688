/* atlas-dataset.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-article.h"
#include "atlas-geopark.h"
#include "atlas-place.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_DATASET (atlas_dataset_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDataset, atlas_dataset, ATLAS, DATASET, GObject)

AtlasDataset *atlas_dataset_new              (void);
GListModel   *atlas_dataset_get_geoparks     (AtlasDataset *self);
GListModel   *atlas_dataset_get_places       (AtlasDataset *self);
GListModel   *atlas_dataset_get_articles     (AtlasDataset *self);
AtlasGeopark *atlas_dataset_lookup_geopark   (AtlasDataset *self,
                                              const char   *id);
AtlasPlace   *atlas_dataset_lookup_place     (AtlasDataset *self,
                                              const char   *id);
AtlasArticle *atlas_dataset_lookup_article   (AtlasDataset *self,
                                              const char   *id);
char         *atlas_dataset_join_geopark_names (AtlasDataset       *self,
                                                const char * const *ids,
                                                AtlasLanguage       language);
void          atlas_dataset_take_contents    (AtlasDataset *self,
                                              AtlasDataset *other);

GPtrArray    *atlas_dataset_get_place_articles   (AtlasDataset *self,
                                                  const char   *place_id);
GPtrArray    *atlas_dataset_get_geopark_articles (AtlasDataset *self,
                                                  const char   *geopark_id);
GPtrArray    *atlas_dataset_get_geopark_places   (AtlasDataset *self,
                                                  const char   *geopark_id);
GPtrArray    *atlas_dataset_get_related_articles (AtlasDataset *self,
                                                  AtlasArticle *article,
                                                  guint         max);
GArray       *atlas_dataset_get_article_years    (AtlasDataset *self);
GPtrArray    *atlas_dataset_get_articles_by_date (AtlasDataset *self);

G_END_DECLS
