/* atlas-place-row.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-place-row"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-i18n.h"
#include "atlas-pin.h"
#include "atlas-place-row.h"

/* A place in the sidebar: its name, what kind of place it is and where. */

struct _AtlasPlaceRow
{
  AtlasItemRow   parent_instance;

  GtkWidget    *box;
  GtkImage     *kind_image;
  GtkLabel     *name_label;
  GtkLabel     *details_label;
};

G_DEFINE_FINAL_TYPE (AtlasPlaceRow, atlas_place_row, ATLAS_TYPE_ITEM_ROW)

static void
atlas_place_row_update (AtlasItemView *view)
{
  AtlasPlaceRow *self = ATLAS_PLACE_ROW (view);
  AtlasPlace *place = atlas_item_view_get_item (view);
  AtlasLanguage language = atlas_i18n_get_content_language ();
  const char *geopark_id = atlas_place_get_geopark_id (place);
  const char *kind = atlas_place_kind_get_label (atlas_place_get_kind (place));
  AtlasGeopark *geopark = NULL;
  g_autofree char *details = NULL;
  g_autofree char *name = NULL;

  if (geopark_id != NULL)
    geopark = atlas_dataset_lookup_geopark (atlas_item_view_get_dataset (view), geopark_id);

  if (geopark != NULL)
    /* Translators: a kind of place, then the geopark it belongs to */
    details = g_strdup_printf (_("%s · %s"), kind,
                               atlas_text_get (atlas_geopark_get_short_name (geopark), language));
  else
    details = g_strdup (kind);

  name = atlas_item_row_highlight (ATLAS_ITEM_ROW (self),
                                   atlas_text_get (atlas_place_get_name (place), language));
  gtk_label_set_markup (self->name_label, name);
  atlas_item_view_mark_language (GTK_WIDGET (self->name_label), atlas_place_get_name (place),
                                 language);
  gtk_image_set_from_icon_name (self->kind_image,
                                atlas_place_kind_get_icon_name (atlas_place_get_kind (place)));
  gtk_label_set_label (self->details_label, details);
}

static void
atlas_place_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_PLACE_ROW);

  G_OBJECT_CLASS (atlas_place_row_parent_class)->dispose (object);
}

static void
atlas_place_row_class_init (AtlasPlaceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AtlasItemViewClass *view_class = ATLAS_ITEM_VIEW_CLASS (klass);

  object_class->dispose = atlas_place_row_dispose;
  view_class->update = atlas_place_row_update;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-place-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceRow, box);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceRow, kind_image);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceRow, details_label);
}

static void
atlas_place_row_init (AtlasPlaceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_place_row_new (AtlasDataset      *dataset,
                     AtlasBrowseFilter *filter,
                     AtlasHistory      *history)
{
  return g_object_new (ATLAS_TYPE_PLACE_ROW,
                       "dataset", dataset,
                       "filter", filter,
                       "history", history,
                       NULL);
}
