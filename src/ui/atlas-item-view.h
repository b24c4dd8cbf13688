/* atlas-item-view.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ITEM_VIEW (atlas_item_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (AtlasItemView, atlas_item_view, ATLAS, ITEM_VIEW, GtkWidget)

struct _AtlasItemViewClass
{
  GtkWidgetClass parent_class;

  /* Shows the item; called when it changes. */
  void (*update) (AtlasItemView *self);
};

gpointer      atlas_item_view_get_item    (AtlasItemView *self);
void          atlas_item_view_set_item    (AtlasItemView *self,
                                          GObject      *item);
AtlasDataset *atlas_item_view_get_dataset (AtlasItemView *self);

void          atlas_item_view_mark_language (GtkWidget     *widget,
                                             AtlasText     *text,
                                             AtlasLanguage  language);

G_END_DECLS
