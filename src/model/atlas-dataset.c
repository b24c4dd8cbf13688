/* atlas-dataset.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-article-private.h"
#include "atlas-dataset-private.h"
#include "atlas-place-private.h"
#include "atlas-search.h"

/* The geoparks, places and news the window shows, as list models that the
 * sidebar, the map and the detail panel all observe, with an index by id for
 * the links between them. The window keeps one dataset for its lifetime; a
 * reload replaces its contents.
 */
struct _AtlasDataset
{
  GObject     parent_instance;

  GListStore *geoparks;
  GListStore *places;
  GListStore *articles;

  /* id → object; ids are unique across the three lists */
  GHashTable *index;
};

G_DEFINE_FINAL_TYPE (AtlasDataset, atlas_dataset, G_TYPE_OBJECT)

AtlasDataset *
atlas_dataset_new (void)
{
  return g_object_new (ATLAS_TYPE_DATASET, NULL);
}

static void
index_model (AtlasDataset *self,
             GListModel   *model)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_hash_table_insert (self->index, g_steal_pointer (&id), item);
    }
}

static void
append_text (GString   *haystack,
             AtlasText *text)
{
  for (guint i = 0; text != NULL && i < ATLAS_N_LANGUAGES; i++)
    {
      const char *string = atlas_text_get_exact (text, i);

      if (string != NULL)
        g_string_append_printf (haystack, "%s\n", string);
    }
}

static void
append_geopark_names (AtlasDataset *self,
                      GString      *haystack,
                      const char   *geopark_id)
{
  AtlasGeopark *geopark = geopark_id != NULL ? atlas_dataset_lookup_geopark (self, geopark_id) : NULL;

  if (geopark == NULL)
    return;

  append_text (haystack, atlas_geopark_get_name (geopark));
  append_text (haystack, atlas_geopark_get_short_name (geopark));
}

/* What a search looks in, in both languages, folded once here rather
 * than at every keystroke: titles and summaries, place names, and the names
 * of the geoparks and places an item is linked to.
 */
static void
prepare_search_texts (AtlasDataset *self)
{
  guint n_places = g_list_model_get_n_items (G_LIST_MODEL (self->places));
  guint n_articles = g_list_model_get_n_items (G_LIST_MODEL (self->articles));

  for (guint i = 0; i < n_places; i++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (G_LIST_MODEL (self->places), i);
      g_autoptr(GString) haystack = g_string_new (NULL);

      append_text (haystack, place->name);
      append_geopark_names (self, haystack, place->geopark_id);
      g_free (place->search_text);
      place->search_text = atlas_search_fold (haystack->str);
    }

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), i);
      g_autoptr(GString) haystack = g_string_new (NULL);

      append_text (haystack, article->title);
      append_text (haystack, article->summary);
      append_text (haystack, article->body);
      for (guint g = 0; article->geopark_ids != NULL && article->geopark_ids[g] != NULL; g++)
        append_geopark_names (self, haystack, article->geopark_ids[g]);
      for (guint p = 0; article->place_ids != NULL && article->place_ids[p] != NULL; p++)
        {
          AtlasPlace *place = atlas_dataset_lookup_place (self, article->place_ids[p]);

          if (place != NULL)
            append_text (haystack, place->name);
        }
      g_free (article->search_text);
      article->search_text = atlas_search_fold (haystack->str);
    }
}

static void
store_take (GListStore *store,
            GPtrArray  *items)
{
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  g_ptr_array_unref (items);
}

/* Takes the arrays, whose items the loader has checked. */
AtlasDataset *
_atlas_dataset_new_take (GPtrArray *geoparks,
                         GPtrArray *places,
                         GPtrArray *articles)
{
  AtlasDataset *self = atlas_dataset_new ();

  store_take (self->geoparks, geoparks);
  store_take (self->places, places);
  store_take (self->articles, articles);
  index_model (self, G_LIST_MODEL (self->geoparks));
  index_model (self, G_LIST_MODEL (self->places));
  index_model (self, G_LIST_MODEL (self->articles));
  prepare_search_texts (self);

  return self;
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

  return g_hash_table_size (self->index) == 0;
}

static gpointer
lookup (AtlasDataset *self,
        const char   *id,
        GType         type)
{
  gpointer item = g_hash_table_lookup (self->index, id);

  return item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, type) ? item : NULL;
}

AtlasGeopark *
atlas_dataset_lookup_geopark (AtlasDataset *self,
                              const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, id, ATLAS_TYPE_GEOPARK);
}

AtlasPlace *
atlas_dataset_lookup_place (AtlasDataset *self,
                            const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, id, ATLAS_TYPE_PLACE);
}

AtlasArticle *
atlas_dataset_lookup_article (AtlasDataset *self,
                              const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return lookup (self, id, ATLAS_TYPE_ARTICLE);
}

static void
replace_store (GListStore *store,
               GListModel *other)
{
  guint n_items = g_list_model_get_n_items (other);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (other, i));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* Makes this dataset show what other holds: everything observing it sees
 * one change per list.
 */
void
atlas_dataset_replace_contents (AtlasDataset *self,
                                AtlasDataset *other)
{
  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail (ATLAS_IS_DATASET (other));

  g_hash_table_remove_all (self->index);
  replace_store (self->geoparks, G_LIST_MODEL (other->geoparks));
  replace_store (self->places, G_LIST_MODEL (other->places));
  replace_store (self->articles, G_LIST_MODEL (other->articles));
  index_model (self, G_LIST_MODEL (self->geoparks));
  index_model (self, G_LIST_MODEL (self->places));
  index_model (self, G_LIST_MODEL (self->articles));
}

static void
atlas_dataset_dispose (GObject *object)
{
  AtlasDataset *self = ATLAS_DATASET (object);

  g_clear_pointer (&self->index, g_hash_table_unref);
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
  self->geoparks = g_list_store_new (ATLAS_TYPE_GEOPARK);
  self->places = g_list_store_new (ATLAS_TYPE_PLACE);
  self->articles = g_list_store_new (ATLAS_TYPE_ARTICLE);
  /* The lists own the objects; the index borrows them. */
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
