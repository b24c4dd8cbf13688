/* atlas-item-row.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-item-row"

#include "config.h"

#include "atlas-item-row.h"
#include "atlas-search.h"

/* A row of the sidebar: an item view that shows where the search matched
 * and which item is open. The filter and the history are the window's; a
 * row redraws when the search changes, since a row that stays in the list
 * is not bound again.
 */

typedef struct
{
  AtlasBrowseFilter *filter;
  AtlasHistory      *history;
} AtlasItemRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AtlasItemRow, atlas_item_row, ATLAS_TYPE_ITEM_VIEW)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The text as Pango markup, the searched words marked. */
char *
atlas_item_row_highlight (AtlasItemRow *self,
                          const char   *text)
{
  AtlasItemRowPrivate *priv = atlas_item_row_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_ITEM_ROW (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return atlas_search_highlight (text, priv->filter != NULL ?
                                       atlas_browse_filter_get_search_words (priv->filter) :
                                       NULL);
}

static void
update_opened (AtlasItemRow *self)
{
  AtlasItemRowPrivate *priv = atlas_item_row_get_instance_private (self);
  GObject *item = atlas_item_view_get_item (ATLAS_ITEM_VIEW (self));
  const char *current = atlas_history_get_current (priv->history);
  g_autofree char *id = NULL;

  g_assert (ATLAS_IS_ITEM_ROW (self));

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);

  if (id != NULL && g_strcmp0 (id, current) == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "opened");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "opened");
}

static void
on_search_changed (AtlasItemRow *self)
{
  g_assert (ATLAS_IS_ITEM_ROW (self));

  if (atlas_item_view_get_item (ATLAS_ITEM_VIEW (self)) != NULL)
    ATLAS_ITEM_VIEW_GET_CLASS (self)->update (ATLAS_ITEM_VIEW (self));
}

static void
atlas_item_row_constructed (GObject *object)
{
  AtlasItemRow *self = ATLAS_ITEM_ROW (object);
  AtlasItemRowPrivate *priv = atlas_item_row_get_instance_private (self);

  G_OBJECT_CLASS (atlas_item_row_parent_class)->constructed (object);

  if (priv->filter != NULL)
    g_signal_connect_object (priv->filter, "notify::search",
                             G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  if (priv->history != NULL)
    {
      g_signal_connect_object (priv->history, "notify::current",
                               G_CALLBACK (update_opened), self, G_CONNECT_SWAPPED);
      g_signal_connect (self, "notify::item", G_CALLBACK (update_opened), NULL);
    }
}

static void
atlas_item_row_dispose (GObject *object)
{
  AtlasItemRow *self = ATLAS_ITEM_ROW (object);
  AtlasItemRowPrivate *priv = atlas_item_row_get_instance_private (self);

  g_clear_object (&priv->filter);
  g_clear_object (&priv->history);

  G_OBJECT_CLASS (atlas_item_row_parent_class)->dispose (object);
}

static void
atlas_item_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasItemRow *self = ATLAS_ITEM_ROW (object);
  AtlasItemRowPrivate *priv = atlas_item_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, priv->filter);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, priv->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_item_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasItemRow *self = ATLAS_ITEM_ROW (object);
  AtlasItemRowPrivate *priv = atlas_item_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_FILTER:
      priv->filter = g_value_dup_object (value);
      break;

    case PROP_HISTORY:
      priv->history = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_item_row_class_init (AtlasItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_item_row_constructed;
  object_class->dispose = atlas_item_row_dispose;
  object_class->get_property = atlas_item_row_get_property;
  object_class->set_property = atlas_item_row_set_property;

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         ATLAS_TYPE_BROWSE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         ATLAS_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_item_row_init (AtlasItemRow *self)
{
}
