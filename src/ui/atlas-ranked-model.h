/* atlas-ranked-model.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How well an item meets the search: higher first. */
typedef guint (*AtlasRankFunc) (gpointer item,
                                gpointer user_data);

/* How many items at once meet the filter and the search: keeps those that
 * pass the filter, in order, writing each one's index in items to kept and
 * its score to scores; returns how many were kept.
 */
typedef guint (*AtlasRankItemsFunc) (gpointer const *items,
                                     guint           n_items,
                                     guint          *kept,
                                     guint          *scores,
                                     gpointer        user_data);

#define ATLAS_TYPE_RANKED_MODEL (atlas_ranked_model_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRankedModel, atlas_ranked_model, ATLAS, RANKED_MODEL, GObject)

AtlasRankedModel *atlas_ranked_model_new        (GtkFilterListModel *filtered,
                                                 AtlasRankFunc       rank_func,
                                                 gpointer            user_data);
void              atlas_ranked_model_set_rank_items_func
                                                (AtlasRankedModel   *self,
                                                 AtlasRankItemsFunc  rank_items_func,
                                                 gpointer            user_data);
void              atlas_ranked_model_unset      (AtlasRankedModel   *self);
gboolean          atlas_ranked_model_get_ranked (AtlasRankedModel   *self);
void              atlas_ranked_model_set_ranked (AtlasRankedModel   *self,
                                                 gboolean            ranked);
void              atlas_ranked_model_rerank     (AtlasRankedModel   *self);
void              atlas_ranked_model_freeze     (AtlasRankedModel   *self);
void              atlas_ranked_model_thaw       (AtlasRankedModel   *self);

G_END_DECLS
