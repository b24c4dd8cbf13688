/* atlas-item-row.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ITEM_ROW (atlas_item_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (AtlasItemRow, atlas_item_row, ATLAS, ITEM_ROW, GtkWidget)

struct _AtlasItemRowClass
{
  GtkWidgetClass parent_class;

  /* Shows the item; called when it changes. */
  void (*update) (AtlasItemRow *self);
};

gpointer      atlas_item_row_get_item    (AtlasItemRow *self);
void          atlas_item_row_set_item    (AtlasItemRow *self,
                                          GObject      *item);
AtlasDataset *atlas_item_row_get_dataset (AtlasItemRow *self);

G_END_DECLS
