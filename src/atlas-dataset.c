/* atlas-dataset.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-dataset.h"

/* The geoparks, places and news the window shows, as list models that the
 * sidebar, the map and the detail panel all observe. The loader fills them;
 * until then they are empty and the window shows its empty states.
 */
struct _AtlasDataset
{
  GObject     parent_instance;

  GListStore *geoparks;
  GListStore *places;
  GListStore *articles;
};

G_DEFINE_FINAL_TYPE (AtlasDataset, atlas_dataset, G_TYPE_OBJECT)

AtlasDataset *
atlas_dataset_new (void)
{
  return g_object_new (ATLAS_TYPE_DATASET, NULL);
}

GListModel *
atlas_dataset_get_geoparks (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->geoparks);
}

GListModel *
atlas_dataset_get_places (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->places);
}

GListModel *
atlas_dataset_get_articles (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->articles);
}

gboolean
atlas_dataset_is_empty (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), TRUE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->geoparks)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->places)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 0;
}

static void
atlas_dataset_dispose (GObject *object)
{
  AtlasDataset *self = ATLAS_DATASET (object);

  g_clear_object (&self->geoparks);
  g_clear_object (&self->places);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->dispose (object);
}

static void
atlas_dataset_class_init (AtlasDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_dataset_dispose;
}

static void
atlas_dataset_init (AtlasDataset *self)
{
  self->geoparks = g_list_store_new (G_TYPE_OBJECT);
  self->places = g_list_store_new (G_TYPE_OBJECT);
  self->articles = g_list_store_new (G_TYPE_OBJECT);
}
