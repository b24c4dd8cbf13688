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
 * While ranked, the model filters the items itself, and the filter model is
 * left without its filter: asking a GtkFilterListModel for its items one by
 * one counts through its bitset each time, which is slow over tens of
 * thousands of matches, and filtering twice would double a keystroke. Like
 * GtkFilterListModel, it looks again only at the items it has when the
 * filter only became stricter (letters typed onto the search), and only
 * scores them again when the scores alone changed.
 *
 * While frozen, changes are only noted, and the ranking is made once, at the
 * thaw: the sidebar refilters and reranks for the same keystroke.
 */

typedef enum
{
  STALE_NONE,
  STALE_SCORES,    /* the same items, scored otherwise */
  STALE_NARROWED,  /* the filter became stricter: some items may go */
  STALE_ALL,
} Stale;

struct _AtlasRankedModel
{
  GObject             parent_instance;

  /* Owned references: the filter model, and its model and filter, which it
   * is without while the items are ranked; the items that pass the filter,
   * in the order below, and the same ranked (borrowed from the matches),
   * both NULL while not ranked.
   */
  GtkFilterListModel *filtered;
  GListModel         *all;
  GtkFilter          *filter;
  GPtrArray          *matches;
  GPtrArray          *order;
  /* The model's items, read once per change of the model rather than one
   * by one at each keystroke; NULL until needed.
   */
  GPtrArray          *all_items;

  AtlasRankFunc       rank_func;
  gpointer            user_data;
  AtlasRankItemsFunc  rank_items_func;
  gpointer            rank_items_data;

  guint               frozen;
  gboolean            ranked;
  Stale               stale;
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
 * counting sort over a byte each, the lowest first, each stable. The four
 * bytes are counted in one read of the keys. A pass in which every key has
 * the same byte changes nothing and is skipped, which is every pass while
 * all matches score the same.
 */
static void
radix_sort (guint64 *keys,
            guint64 *scratch,
            guint    n_keys)
{
  g_autofree guint *counts = g_new0 (guint, 4 * 256);
  guint64 *from = keys;
  guint64 *to = scratch;

  for (guint i = 0; i < n_keys; i++)
    {
      guint32 upper = from[i] >> 32;

      counts[upper & 0xff]++;
      counts[256 + ((upper >> 8) & 0xff)]++;
      counts[512 + ((upper >> 16) & 0xff)]++;
      counts[768 + (upper >> 24)]++;
    }

  for (guint pass = 0; pass < 4; pass++)
    {
      guint *pass_counts = counts + pass * 256;
      guint shift = 32 + pass * 8;
      guint64 *swap;
      guint sum = 0;
      gboolean one_bucket = FALSE;

      for (guint b = 0; b < 256; b++)
        {
          guint count = pass_counts[b];

          one_bucket |= count == n_keys;
          pass_counts[b] = sum;
          sum += count;
        }
      if (one_bucket)
        continue;

      for (guint i = 0; i < n_keys; i++)
        to[pass_counts[(from[i] >> shift) & 0xff]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }

  if (from != keys)
    memcpy (keys, from, n_keys * sizeof *keys);
}

/* Item arrays hold one reference per item, in the matches; the ranked
 * order borrows them. Items taken over by the next matches leave a NULL.
 */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* The model's items, in its order, each with a reference. */
static GPtrArray *
get_all_items (AtlasRankedModel *self)
{
  if (self->all_items == NULL)
    {
      guint n_items = g_list_model_get_n_items (self->all);

      self->all_items = g_ptr_array_new_full (n_items, g_object_unref);
      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (self->all_items, g_list_model_get_item (self->all, i));
    }

  return self->all_items;
}

/* What the filter is to look at: all the items, or those that passed
 * before (@before) when the filter only became stricter.
 */
static gpointer *
get_candidates (AtlasRankedModel *self,
                GPtrArray        *before,
                guint            *n_candidates)
{
  GPtrArray *candidates = self->stale <= STALE_NARROWED && before != NULL
                          ? before : get_all_items (self);

  *n_candidates = candidates->len;

  return candidates->pdata;
}

/* The candidate at @i, with a reference for the matches: taken from
 * @before when the candidates are its items, or a new one.
 */
static inline gpointer
take_candidate (gpointer  *candidates,
                guint      i,
                GPtrArray *before)
{
  gpointer item = candidates[i];

  if (before != NULL && candidates == before->pdata)
    candidates[i] = NULL;
  else
    g_object_ref (item);

  return item;
}

/* The items that pass the filter, in the order below, taken from the
 * candidates.
 */
static GPtrArray *
find_matches (AtlasRankedModel *self,
              GPtrArray        *before)
{
  GtkFilterMatch strictness = gtk_filter_get_strictness (self->filter);
  gboolean check = strictness == GTK_FILTER_MATCH_SOME && self->stale != STALE_SCORES;
  gpointer *candidates;
  guint n_candidates;
  GPtrArray *matches;

  if (strictness == GTK_FILTER_MATCH_NONE)
    return g_ptr_array_new_with_free_func (unref_item);

  candidates = get_candidates (self, before, &n_candidates);
  matches = g_ptr_array_new_full (n_candidates, unref_item);
  for (guint i = 0; i < n_candidates; i++)
    {
      if (!check || gtk_filter_match (self->filter, candidates[i]))
        g_ptr_array_add (matches, take_candidate (candidates, i, before));
    }

  return matches;
}

/* The matches in the order of the keys' lower halves, once sorted. */
static GPtrArray *
sort_matches (GPtrArray *matches,
              guint64   *keys)
{
  g_autofree guint64 *scratch = g_new (guint64, MAX (matches->len, 1));
  GPtrArray *order;

  radix_sort (keys, scratch, matches->len);

  order = g_ptr_array_sized_new (matches->len);
  for (guint i = 0; i < matches->len; i++)
    order->pdata[i] = matches->pdata[keys[i] & G_MAXUINT32];
  order->len = matches->len;

  return order;
}

static inline guint64
rank_key (guint score,
          guint position)
{
  return ((guint64) (G_MAXUINT - score) << 32) | position;
}

/* The matches best first, equal scores in the order below. */
static GPtrArray *
rank (AtlasRankedModel *self,
      GPtrArray        *matches)
{
  g_autofree guint64 *keys = g_new (guint64, MAX (matches->len, 1));

  for (guint i = 0; i < matches->len; i++)
    keys[i] = rank_key (self->rank_func (matches->pdata[i], self->user_data), i);

  return sort_matches (matches, keys);
}

/* What find_matches() and rank() do, with one call of the rank items
 * function for all the candidates: the matches into @matches, and their
 * order returned.
 */
static GPtrArray *
find_and_rank (AtlasRankedModel  *self,
               GPtrArray         *before,
               GPtrArray        **matches)
{
  g_autofree guint *kept = NULL;
  g_autofree guint *scores = NULL;
  g_autofree guint64 *keys = NULL;
  gpointer *candidates;
  guint n_candidates, n_kept;

  if (gtk_filter_get_strictness (self->filter) == GTK_FILTER_MATCH_NONE)
    {
      *matches = g_ptr_array_new_with_free_func (unref_item);
      return g_ptr_array_new ();
    }

  candidates = get_candidates (self, before, &n_candidates);
  kept = g_new (guint, MAX (n_candidates, 1));
  scores = g_new (guint, MAX (n_candidates, 1));
  n_kept = self->rank_items_func (candidates, n_candidates, kept, scores, self->rank_items_data);
  g_assert (n_kept <= n_candidates);

  *matches = g_ptr_array_new_full (n_kept, unref_item);
  keys = g_new (guint64, MAX (n_kept, 1));
  for (guint i = 0; i < n_kept; i++)
    {
      (*matches)->pdata[i] = take_candidate (candidates, kept[i], before);
      keys[i] = rank_key (scores[i], i);
    }
  (*matches)->len = n_kept;

  return sort_matches (*matches, keys);
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

/* Ranks now, or stops ranking, as the model is set to. The filter model
 * has its filter back before the items ranked go, and loses it once they
 * are there: it says what changes for it, which only a model not ranked
 * passes on.
 */
static void
update (AtlasRankedModel *self)
{
  /* The items before stay until their changes are said: an item of the
   * order before may be gone from the models below, and its address
   * another item's.
   */
  g_autoptr(GPtrArray) matches_before = NULL;
  g_autoptr(GPtrArray) before = NULL;
  guint n_before;

  if (self->filtered == NULL || (!self->ranked && self->order == NULL))
    {
      self->stale = STALE_NONE;
      return;
    }

  n_before = g_list_model_get_n_items (G_LIST_MODEL (self));
  if (!self->ranked)
    gtk_filter_list_model_set_filter (self->filtered, self->filter);
  before = g_steal_pointer (&self->order);
  matches_before = g_steal_pointer (&self->matches);
  if (self->ranked)
    {
      if (self->rank_items_func != NULL)
        {
          self->order = find_and_rank (self, matches_before, &self->matches);
        }
      else
        {
          self->matches = find_matches (self, matches_before);
          self->order = rank (self, self->matches);
        }
      gtk_filter_list_model_set_filter (self->filtered, NULL);
    }
  self->stale = STALE_NONE;

  emit_changes (self, before, n_before, g_list_model_get_n_items (G_LIST_MODEL (self)));
}

static void
make_stale (AtlasRankedModel *self,
            Stale             stale)
{
  self->stale = MAX (self->stale, stale);
  if (self->frozen == 0 && self->ranked)
    update (self);
}

/* Not ranked, the items are the filter model's, and so are their changes. */
static void
on_items_changed (AtlasRankedModel *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  g_assert (ATLAS_IS_RANKED_MODEL (self));

  if (self->order == NULL)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
on_all_items_changed (AtlasRankedModel *self)
{
  g_assert (ATLAS_IS_RANKED_MODEL (self));

  g_clear_pointer (&self->all_items, g_ptr_array_unref);
  if (self->order != NULL)
    make_stale (self, STALE_ALL);
}

static void
on_filter_changed (AtlasRankedModel *self,
                   GtkFilterChange   change)
{
  g_assert (ATLAS_IS_RANKED_MODEL (self));

  if (self->order != NULL)
    make_stale (self, change == GTK_FILTER_CHANGE_MORE_STRICT ? STALE_NARROWED : STALE_ALL);
}

/* Deaf to the models and the filter, and the filter model given its filter
 * back, for a model that others may hold after the rank function's data
 * is gone.
 */
static void
disconnect (AtlasRankedModel *self)
{
  if (self->filtered == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->filtered, self);
  g_signal_handlers_disconnect_by_data (self->all, self);
  g_signal_handlers_disconnect_by_data (self->filter, self);
  if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, self->filter);
  g_clear_object (&self->filtered);
  g_clear_object (&self->all);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->all_items, g_ptr_array_unref);
}

/* Ranks the items of @filtered with @rank_func, which must be quick: it is
 * called for each item that passes the filter whenever the filter or the
 * items change while the model is ranked. Not ranked at first. The filter
 * model's model and filter must stay the same.
 */
AtlasRankedModel *
atlas_ranked_model_new (GtkFilterListModel *filtered,
                        AtlasRankFunc       rank_func,
                        gpointer            user_data)
{
  AtlasRankedModel *self;

  g_return_val_if_fail (GTK_IS_FILTER_LIST_MODEL (filtered), NULL);
  g_return_val_if_fail (gtk_filter_list_model_get_model (filtered) != NULL, NULL);
  g_return_val_if_fail (gtk_filter_list_model_get_filter (filtered) != NULL, NULL);
  g_return_val_if_fail (rank_func != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_RANKED_MODEL, NULL);
  self->filtered = g_object_ref (filtered);
  self->all = g_object_ref (gtk_filter_list_model_get_model (filtered));
  self->filter = g_object_ref (gtk_filter_list_model_get_filter (filtered));
  self->rank_func = rank_func;
  self->user_data = user_data;
  g_signal_connect_object (filtered, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all, "items-changed",
                           G_CALLBACK (on_all_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);

  return self;
}

/* Ranks with @rank_items_func rather than with the filter and the rank
 * function item by item: one call for all the items the filter is to look
 * at, for a model of tens of thousands whose filter and scores cost little
 * per item once the call is made. It must keep exactly what the filter
 * passes and score as the rank function does. NULL goes back to the filter
 * and the rank function.
 */
void
atlas_ranked_model_set_rank_items_func (AtlasRankedModel   *self,
                                        AtlasRankItemsFunc  rank_items_func,
                                        gpointer            user_data)
{
  g_return_if_fail (ATLAS_IS_RANKED_MODEL (self));

  self->rank_items_func = rank_items_func;
  self->rank_items_data = user_data;
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
  disconnect (self);
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
  self->stale = STALE_ALL;
  /* Frozen and about to rank, the model filters at the thaw, and the filter
   * model need not: without its filter from now on, it does not run it over
   * every item for a change of the filter before the thaw.
   */
  if (self->frozen > 0 && self->filtered != NULL && self->order == NULL)
    gtk_filter_list_model_set_filter (self->filtered, ranked ? NULL : self->filter);
  if (self->frozen == 0)
    update (self);
}

/* The scores changed: ranks again, when ranked. */
void
atlas_ranked_model_rerank (AtlasRankedModel *self)
{
  g_return_if_fail (ATLAS_IS_RANKED_MODEL (self));

  if (self->order != NULL)
    make_stale (self, STALE_SCORES);
}

/* Until the matching thaw, the items stay as they are while a ranked model
 * notes what changes; a model not ranked follows the filter model still.
 * A model made ranked while frozen filters only at the thaw: set it ranked
 * before the filter changes.
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

  if (--self->frozen == 0 && self->stale != STALE_NONE)
    update (self);
}

static void
atlas_ranked_model_dispose (GObject *object)
{
  AtlasRankedModel *self = ATLAS_RANKED_MODEL (object);

  disconnect (self);

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
