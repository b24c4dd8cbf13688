/* atlas-start-page.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_START_PAGE (atlas_start_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStartPage, atlas_start_page, ATLAS, START_PAGE, GtkWidget)

GtkWidget    *atlas_start_page_new         (void);
AtlasDataset *atlas_start_page_get_dataset (AtlasStartPage *self);
void          atlas_start_page_set_dataset (AtlasStartPage *self,
                                            AtlasDataset   *dataset);

G_END_DECLS
