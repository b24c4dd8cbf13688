/* atlas-item-view.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-item-view"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-item-view.h"

/* What every view of one dataset item shares, a row of the sidebar or a
 * page of the detail panel: the item it shows and the dataset it looks the
 * item's links up in. Subclasses draw the item in update().
 */

typedef struct
{
  GObject      *item;
  AtlasDataset *dataset;
} AtlasItemViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AtlasItemView, atlas_item_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gpointer
atlas_item_view_get_item (AtlasItemView *self)
{
  AtlasItemViewPrivate *priv = atlas_item_view_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_ITEM_VIEW (self), NULL);

  return priv->item;
}

void
atlas_item_view_set_item (AtlasItemView *self,
                         GObject      *item)
{
  AtlasItemViewPrivate *priv = atlas_item_view_get_instance_private (self);

  g_return_if_fail (ATLAS_IS_ITEM_VIEW (self));
  g_return_if_fail (!item || G_IS_OBJECT (item));

  if (!g_set_object (&priv->item, item))
    return;

  if (item != NULL)
    ATLAS_ITEM_VIEW_GET_CLASS (self)->update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

AtlasDataset *
atlas_item_view_get_dataset (AtlasItemView *self)
{
  AtlasItemViewPrivate *priv = atlas_item_view_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_ITEM_VIEW (self), NULL);

  return priv->dataset;
}

/* Text missing in the language shown comes in the other one, marked as
 * such: in italics, with a tooltip that says which language it is in.
 */
void
atlas_item_view_mark_language (GtkWidget     *widget,
                               AtlasText     *text,
                               AtlasLanguage  language)
{
  gboolean other = text != NULL && atlas_text_get_exact (text, language) == NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (other)
    {
      gtk_widget_add_css_class (widget, "other-language");
      gtk_widget_set_tooltip_text (widget, language == ATLAS_LANGUAGE_VI ?
                                           _("Only in English") : _("Only in Vietnamese"));
    }
  else if (gtk_widget_has_css_class (widget, "other-language"))
    {
      gtk_widget_remove_css_class (widget, "other-language");
      gtk_widget_set_tooltip_text (widget, NULL);
    }
}

static void
atlas_item_view_dispose (GObject *object)
{
  AtlasItemView *self = ATLAS_ITEM_VIEW (object);
  AtlasItemViewPrivate *priv = atlas_item_view_get_instance_private (self);

  g_clear_object (&priv->item);
  g_clear_object (&priv->dataset);

  G_OBJECT_CLASS (atlas_item_view_parent_class)->dispose (object);
}

static void
atlas_item_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasItemView *self = ATLAS_ITEM_VIEW (object);
  AtlasItemViewPrivate *priv = atlas_item_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, priv->item);
      break;

    case PROP_DATASET:
      g_value_set_object (value, priv->dataset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_item_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasItemView *self = ATLAS_ITEM_VIEW (object);
  AtlasItemViewPrivate *priv = atlas_item_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM:
      atlas_item_view_set_item (self, g_value_get_object (value));
      break;

    case PROP_DATASET:
      priv->dataset = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_item_view_class_init (AtlasItemViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_item_view_dispose;
  object_class->get_property = atlas_item_view_get_property;
  object_class->set_property = atlas_item_view_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ATLAS_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_item_view_init (AtlasItemView *self)
{
}
