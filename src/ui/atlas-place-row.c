/* atlas-place-row.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-i18n.h"
#include "atlas-place-row.h"

/* A place in the sidebar: its name, what kind of place it is and where. */

struct _AtlasPlaceRow
{
  GtkWidget     parent_instance;

  AtlasDataset *dataset;

  GtkWidget    *box;
  AtlasPlace   *item;

  GtkLabel     *name_label;
  GtkLabel     *details_label;
};

G_DEFINE_FINAL_TYPE (AtlasPlaceRow, atlas_place_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
kind_label (AtlasPlaceKind kind)
{
  switch (kind)
    {
    case ATLAS_PLACE_KIND_GEOLOGY:
      return _("Geology");
    case ATLAS_PLACE_KIND_LANDSCAPE:
      return _("Landscape");
    case ATLAS_PLACE_KIND_CULTURE:
      return _("Culture");
    case ATLAS_PLACE_KIND_BIOLOGY:
      return _("Biodiversity");
    case ATLAS_PLACE_KIND_VENUE:
      return _("Event venue");
    case ATLAS_PLACE_KIND_PARTNER_GEOPARK:
      return _("Partner geopark");
    case ATLAS_N_PLACE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update (AtlasPlaceRow *self)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  const char *geopark_id;
  AtlasGeopark *geopark = NULL;
  g_autofree char *details = NULL;

  if (self->item == NULL)
    return;

  geopark_id = atlas_place_get_geopark_id (self->item);
  if (geopark_id != NULL)
    geopark = atlas_dataset_lookup_geopark (self->dataset, geopark_id);

  if (geopark != NULL)
    /* Translators: a kind of place, then the geopark it belongs to */
    details = g_strdup_printf (_("%s · %s"), kind_label (atlas_place_get_kind (self->item)),
                               atlas_text_get (atlas_geopark_get_short_name (geopark), language));
  else
    details = g_strdup (kind_label (atlas_place_get_kind (self->item)));

  gtk_label_set_label (self->name_label,
                       atlas_text_get (atlas_place_get_name (self->item), language));
  gtk_label_set_label (self->details_label, details);
}

AtlasPlace *
atlas_place_row_get_item (AtlasPlaceRow *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_ROW (self), NULL);

  return self->item;
}

void
atlas_place_row_set_item (AtlasPlaceRow *self,
                          AtlasPlace    *item)
{
  g_return_if_fail (ATLAS_IS_PLACE_ROW (self));
  g_return_if_fail (!item || ATLAS_IS_PLACE (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

static void
atlas_place_row_dispose (GObject *object)
{
  AtlasPlaceRow *self = ATLAS_PLACE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PLACE_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_place_row_parent_class)->dispose (object);
}

static void
atlas_place_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasPlaceRow *self = ATLAS_PLACE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_place_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasPlaceRow *self = ATLAS_PLACE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      atlas_place_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_place_row_class_init (AtlasPlaceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_place_row_dispose;
  object_class->get_property = atlas_place_row_get_property;
  object_class->set_property = atlas_place_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         ATLAS_TYPE_PLACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-place-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceRow, box);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceRow, details_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_place_row_init (AtlasPlaceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_place_row_new (AtlasDataset *dataset)
{
  AtlasPlaceRow *self = g_object_new (ATLAS_TYPE_PLACE_ROW, NULL);

  g_set_object (&self->dataset, dataset);

  return GTK_WIDGET (self);
}
