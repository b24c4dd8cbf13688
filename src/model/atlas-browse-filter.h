/* atlas-browse-filter.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BROWSE_FILTER (atlas_browse_filter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBrowseFilter, atlas_browse_filter, ATLAS, BROWSE_FILTER, GObject)

AtlasBrowseFilter  *atlas_browse_filter_new                   (void);
const char         *atlas_browse_filter_get_search            (AtlasBrowseFilter *self);
void                atlas_browse_filter_set_search            (AtlasBrowseFilter *self,
                                                               const char        *search);
const char * const *atlas_browse_filter_get_search_words      (AtlasBrowseFilter *self);
gboolean            atlas_browse_filter_get_narrowed          (AtlasBrowseFilter *self);
gboolean            atlas_browse_filter_get_matches_unchanged (AtlasBrowseFilter *self);
const char         *atlas_browse_filter_get_geopark_id        (AtlasBrowseFilter *self);
void                atlas_browse_filter_set_geopark_id        (AtlasBrowseFilter *self,
                                                               const char        *geopark_id);
const char         *atlas_browse_filter_get_place_id          (AtlasBrowseFilter *self);
void                atlas_browse_filter_set_place_id          (AtlasBrowseFilter *self,
                                                               const char        *place_id);
AtlasTopics         atlas_browse_filter_get_topic             (AtlasBrowseFilter *self);
void                atlas_browse_filter_set_topic             (AtlasBrowseFilter *self,
                                                               AtlasTopics        topic);
int                 atlas_browse_filter_get_year              (AtlasBrowseFilter *self);
void                atlas_browse_filter_set_year              (AtlasBrowseFilter *self,
                                                               int                year);
gboolean            atlas_browse_filter_is_empty              (AtlasBrowseFilter *self);
void                atlas_browse_filter_clear                 (AtlasBrowseFilter *self);
gboolean            atlas_browse_filter_match_article         (AtlasBrowseFilter *self,
                                                               AtlasDataset      *dataset,
                                                               AtlasArticle      *article);
gboolean            atlas_browse_filter_match_place           (AtlasBrowseFilter *self,
                                                               AtlasDataset      *dataset,
                                                               AtlasPlace        *place);
gboolean            atlas_browse_filter_match_geopark         (AtlasBrowseFilter *self,
                                                               AtlasDataset      *dataset,
                                                               AtlasGeopark      *geopark);
gboolean            atlas_browse_filter_get_ranked            (AtlasBrowseFilter *self);
guint               atlas_browse_filter_get_score             (AtlasBrowseFilter *self,
                                                               AtlasDataset      *dataset,
                                                               gpointer           item);
guint               atlas_browse_filter_rank_items            (AtlasBrowseFilter *self,
                                                               AtlasDataset      *dataset,
                                                               gpointer const    *items,
                                                               guint              n_items,
                                                               guint             *kept,
                                                               guint             *scores);

G_END_DECLS
