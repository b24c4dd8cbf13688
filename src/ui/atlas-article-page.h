/* atlas-article-page.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-item-view.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ARTICLE_PAGE (atlas_article_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasArticlePage, atlas_article_page, ATLAS, ARTICLE_PAGE, AtlasItemView)

GtkWidget *atlas_article_page_new (AtlasDataset *dataset);

G_END_DECLS
