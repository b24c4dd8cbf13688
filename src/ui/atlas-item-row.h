/* atlas-item-row.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-browse-filter.h"
#include "atlas-history.h"
#include "atlas-item-view.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ITEM_ROW (atlas_item_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (AtlasItemRow, atlas_item_row, ATLAS, ITEM_ROW, AtlasItemView)

struct _AtlasItemRowClass
{
  AtlasItemViewClass parent_class;
};

char              *atlas_item_row_highlight     (AtlasItemRow *self,
                                                 const char   *text);

G_END_DECLS
