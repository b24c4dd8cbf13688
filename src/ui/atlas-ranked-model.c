/* atlas-ranked-model.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-ranked-model"

#include "config.h"

#include <string.h>

#include "atlas-ranked-model.h"

/* A filter model's items, best first while a search is typed, and as the
 * filter model has them otherwise.
 *
 * GtkSortListModel would call a GtkCustomSorter back for each comparison,
 * some hundred thousand at a keystroke over the news of a large dataset,
 * and GTK keeps the sort keys that would avoid it private. Here each item is
 * scored once; the scores are sorted with a radix sort, which is stable, so
 * that items of equal score keep the order below (the newest news first,
 * places by geopark and name).
 *
 * The ranking reads the filter model's own model and asks its filter about
 * each item, instead of asking the filter model for its items one by one:
 * GtkFilterListModel finds each of them by counting through its bitset, which
 * is slow over tens of thousands of matches.
 *
 * While frozen, changes below are only noted, and the ranking is made once,
 * at the thaw: the sidebar refilters and reranks for the same keystroke.
 */

struct _AtlasRankedModel
{
  GObject             parent_instance;

  /* Owned references */
  GtkFilterListModel *filtered;
  GPtrArray          *order;       /* the items ranked; NULL while they are not */

  AtlasRankFunc       rank_func;
  gpointer            user_data;

  guint               frozen;
  gboolean            ranked;
  gboolean            stale;       /* changed while frozen */
};

static void atlas_ranked_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasRankedModel, atlas_ranked_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      atlas_ranked_model_list_model_init))

static GType
atlas_ranked_model_get_item_type (GListModel *model)
{
  AtlasRankedModel *self = ATLAS_RANKED_MODEL (model);

  return self->filtered != NULL ? g_list_model_get_item_type (G_LIST_MODEL (self->filtered))
                                : G_TYPE_OBJECT;
}

static guint
atlas_ranked_model_get_n_items (GListModel *model)
{
  AtlasRankedModel *self = ATLAS_RANKED_MODEL (model);

  if (self->order != NULL)
    return self->order->len;

  return self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
}

static gpointer
atlas_ranked_model_get_item (GListModel *model,
                             guint       position)
{
  AtlasRankedModel *self = ATLAS_RANKED_MODEL (model);

  if (self->order != NULL)
    return position < self->order->len ? g_object_ref (self->order->pdata[position]) : NULL;

  return self->filtered != NULL ? g_list_model_get_item (G_LIST_MODEL (self->filtered), position)
                                : NULL;
}

static void
atlas_ranked_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_ranked_model_get_item_type;
  iface->get_n_items = atlas_ranked_model_get_n_items;
  iface->get_item = atlas_ranked_model_get_item;
}

/* Sorts the keys, each a score's complement in the upper half and the
 * item's position in the lower, by their upper half: four passes of a
 * counting sort over a byte each, the lowest first, each stable. A pass in
 * which every key has the same byte changes nothing and is skipped, which
 * is every pass while all matches score the same.
 */
static void
radix_sort (guint64 *keys,
            guint64 *scratch,
            guint    n_keys)
{
  guint64 *from = keys;
  guint64 *to = scratch;

  for (guint shift = 32; shift < 64; shift += 8)
    {
      guint counts[256] = { 0, };
      guint64 *swap;
      guint sum = 0;
      gboolean one_bucket = FALSE;

      for (guint i = 0; i < n_keys; i++)
        counts[(from[i] >> shift) & 0xff]++;
      for (guint b = 0; b < 256; b++)
        {
          guint count = counts[b];

          one_bucket |= count == n_keys;
          counts[b] = sum;
          sum += count;
        }
      if (one_bucket)
        continue;

      for (guint i = 0; i < n_keys; i++)
        to[counts[(from[i] >> shift) & 0xff]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }

  if (from != keys)
    memcpy (keys, from, n_keys * sizeof *keys);
}

/* The items that pass the filter, best first, equal scores in the order
 * of the model below.
 */
static GPtrArray *
rank (AtlasRankedModel *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);
  GtkFilterMatch strictness = filter != NULL ? gtk_filter_get_strictness (filter)
                                             : GTK_FILTER_MATCH_ALL;
  guint n_all = all != NULL && strictness != GTK_FILTER_MATCH_NONE ? g_list_model_get_n_items (all)
                                                                  : 0;
  g_autoptr(GPtrArray) matches = g_ptr_array_new_full (n_all, g_object_unref);
  g_autofree guint64 *keys = g_new (guint64, MAX (n_all, 1));
  g_autofree guint64 *scratch = g_new (guint64, MAX (n_all, 1));
  GPtrArray *order;

  for (guint i = 0; i < n_all; i++)
    {
      gpointer item = g_list_model_get_item (all, i);

      if (strictness == GTK_FILTER_MATCH_SOME && !gtk_filter_match (filter, item))
        {
          g_object_unref (item);
          continue;
        }

      keys[matches->len] = ((guint64) (G_MAXUINT - self->rank_func (item, self->user_data)) << 32) |
                           matches->len;
      g_ptr_array_add (matches, item);
    }

  radix_sort (keys, scratch, matches->len);

  order = g_ptr_array_new_full (matches->len, g_object_unref);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (order, g_object_ref (matches->pdata[keys[i] & G_MAXUINT32]));

  return order;
}

/* Says what changed between the items before and after, leaving out the
 * items that stayed at both ends, so that their rows stay as they are.
 */
static void
emit_changes (AtlasRankedModel *self,
              GPtrArray        *before,
              guint             n_before,
              guint             n_after)
{
  guint start = 0, end = 0;

  if (before != NULL && self->order != NULL)
    {
      guint n_same = MIN (before->len, self->order->len);

      while (start < n_same && before->pdata[start] == self->order->pdata[start])
        start++;
      while (end < n_same - start &&
             before->pdata[before->len - 1 - end] == self->order->pdata[self->order->len - 1 - end])
        end++;
    }

  if (n_before - start - end > 0 || n_after - start - end > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start, n_before - start - end,
                                n_after - start - end);
}

/* Ranks now, or stops ranking, as the model is set to. */
static void
update (AtlasRankedModel *self)
{
  g_autoptr(GPtrArray) before = NULL;
  guint n_before;

  self->stale = FALSE;
  if (!self->ranked && self->order == NULL)
    return;

  n_before = g_list_model_get_n_items (G_LIST_MODEL (self));
  before = g_steal_pointer (&self->order);
  if (self->ranked && self->filtered != NULL)
    self->order = rank (self);

  emit_changes (self, before, n_before, g_list_model_get_n_items (G_LIST_MODEL (self)));
}

static void
on_items_changed (AtlasRankedModel *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  g_assert (ATLAS_IS_RANKED_MODEL (self));

  /* Not ranked, the items are those below, and so are their changes. */
  if (self->order == NULL && !self->ranked)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else if (self->frozen > 0)
    self->stale = TRUE;
  else
    update (self);
}

/* Ranks the items of @filtered with @rank_func, which must be quick: it is
 * called for each item that passes the filter whenever the filter or the
 * items change while the model is ranked. Not ranked at first.
 */
AtlasRankedModel *
atlas_ranked_model_new (GtkFilterListModel *filtered,
                        AtlasRankFunc       rank_func,
                        gpointer            user_data)
{
  AtlasRankedModel *self;

  g_return_val_if_fail (GTK_IS_FILTER_LIST_MODEL (filtered), NULL);
  g_return_val_if_fail (rank_func != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_RANKED_MODEL, NULL);
  self->filtered = g_object_ref (filtered);
  self->rank_func = rank_func;
  self->user_data = user_data;
  g_signal_connect_object (filtered, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);

  return self;
}

/* Empty from now on, and deaf to the filter model: for a model that others
 * may hold after the rank function's data is gone.
 */
void
atlas_ranked_model_unset (AtlasRankedModel *self)
{
  guint n_items;

  g_return_if_fail (ATLAS_IS_RANKED_MODEL (self));

  if (self->filtered == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self));
  g_signal_handlers_disconnect_by_data (self->filtered, self);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  self->ranked = FALSE;
  if (n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_items, 0);
}

gboolean
atlas_ranked_model_get_ranked (AtlasRankedModel *self)
{
  g_return_val_if_fail (ATLAS_IS_RANKED_MODEL (self), FALSE);

  return self->ranked;
}

/* Ranked, the items are best first; not ranked, in the filter model's order. */
void
atlas_ranked_model_set_ranked (AtlasRankedModel *self,
                               gboolean          ranked)
{
  g_return_if_fail (ATLAS_IS_RANKED_MODEL (self));

  ranked = !!ranked;
  if (self->ranked == ranked)
    return;

  self->ranked = ranked;
  if (self->frozen > 0)
    self->stale = TRUE;
  else
    update (self);
}

/* The scores changed: ranks again, when ranked. */
void
atlas_ranked_model_rerank (AtlasRankedModel *self)
{
  g_return_if_fail (ATLAS_IS_RANKED_MODEL (self));

  if (!self->ranked)
    return;

  if (self->frozen > 0)
    self->stale = TRUE;
  else
    update (self);
}

/* Until the matching thaw, the items stay as they are while a ranked model
 * notes what changes; a model not ranked follows the filter model still.
 */
void
atlas_ranked_model_freeze (AtlasRankedModel *self)
{
  g_return_if_fail (ATLAS_IS_RANKED_MODEL (self));

  self->frozen++;
}

void
atlas_ranked_model_thaw (AtlasRankedModel *self)
{
  g_return_if_fail (ATLAS_IS_RANKED_MODEL (self));
  g_return_if_fail (self->frozen > 0);

  if (--self->frozen == 0 && self->stale)
    update (self);
}

static void
atlas_ranked_model_dispose (GObject *object)
{
  AtlasRankedModel *self = ATLAS_RANKED_MODEL (object);

  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_ranked_model_parent_class)->dispose (object);
}

static void
atlas_ranked_model_class_init (AtlasRankedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_ranked_model_dispose;
}

static void
atlas_ranked_model_init (AtlasRankedModel *self)
{
}
