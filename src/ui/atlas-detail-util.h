/* atlas-detail-util.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

void          atlas_detail_show_paragraphs (GtkBox            *box,
                                            const char        *text);
void          atlas_detail_clear_list      (GtkListBox        *list);
AdwActionRow *atlas_detail_row_new         (const char        *title,
                                            const char        *subtitle);
GtkWidget    *atlas_detail_article_row_new (AtlasDataset      *dataset,
                                            AtlasArticle      *article,
                                            AtlasLanguage      language);
GtkWidget    *atlas_detail_place_row_new   (AtlasDataset      *dataset,
                                            AtlasPlace        *place,
                                            gboolean           with_geopark,
                                            AtlasLanguage      language);
GtkWidget    *atlas_detail_geopark_row_new (AtlasGeopark      *geopark,
                                            AtlasLanguage      language);
void          atlas_detail_scroll_to_top   (GtkScrolledWindow *scrolled_window);
GtkWidget    *atlas_detail_show_all_row_new (const char       *geopark_id,
                                             guint             n_articles);
GtkWidget    *atlas_detail_show_all_places_row_new (const char *geopark_id,
                                                    guint       n_places);

G_END_DECLS
