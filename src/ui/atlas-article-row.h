/* atlas-article-row.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-item-row.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ARTICLE_ROW (atlas_article_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasArticleRow, atlas_article_row, ATLAS, ARTICLE_ROW, AtlasItemRow)

GtkWidget *atlas_article_row_new (AtlasDataset      *dataset,
                                  AtlasBrowseFilter *filter,
                                  AtlasHistory      *history);

G_END_DECLS
