/* test-ranked-model.c: a filter model's items best first, stable, and the
 * changes it says it made.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ranked-model"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atlas-ranked-model.h"

/* Items are GtkStringObjects "0", "1", … whose number looks up their score
 * and whether the filter passes them.
 */
typedef struct
{
  GListStore         *store;
  GtkFilter          *filter;
  GtkFilterListModel *filtered;
  AtlasRankedModel   *ranked;
  guint              *scores;
  gboolean           *passes;
  guint               n_items;
  guint               n_rank_calls;
  guint               n_filter_calls;
  guint               n_rank_items_calls;
  guint               n_items_asked;  /* by the rank items function */
  /* What a view would hold: the items as the changes said. */
  GPtrArray          *mirror;
  guint               n_changes;
  guint               last_change[3];  /* position, removed, added */
} Fixture;

static guint
number (gpointer item)
{
  return (guint) atoi (gtk_string_object_get_string (item));
}

static guint
rank_by_table (gpointer item,
               gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->n_rank_calls++;
  return fixture->scores[number (item)];
}

static gboolean
filter_by_table (gpointer item,
                 gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->n_filter_calls++;
  return fixture->passes[number (item)];
}

/* The table's filter and scores, many items at once. */
static guint
rank_items_by_table (gpointer const *items,
                     guint           n_items,
                     guint          *kept,
                     guint          *scores,
                     gpointer        user_data)
{
  Fixture *fixture = user_data;
  guint n_kept = 0;

  fixture->n_rank_items_calls++;
  fixture->n_items_asked += n_items;
  for (guint i = 0; i < n_items; i++)
    {
      if (!fixture->passes[number (items[i])])
        continue;
      kept[n_kept] = i;
      scores[n_kept++] = fixture->scores[number (items[i])];
    }

  return n_kept;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));
  fixture->n_changes++;
  fixture->last_change[0] = position;
  fixture->last_change[1] = removed;
  fixture->last_change[2] = added;
}

static void
fill (Fixture *fixture,
      guint    n_items)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->n_items = n_items;
  fixture->scores = g_renew (guint, fixture->scores, n_items);
  fixture->passes = g_renew (gboolean, fixture->passes, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u", i);

      fixture->scores[i] = 1;
      fixture->passes[i] = TRUE;
      g_ptr_array_add (items, gtk_string_object_new (name));
    }
  g_list_store_splice (fixture->store, 0, g_list_model_get_n_items (G_LIST_MODEL (fixture->store)),
                       items->pdata, items->len);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  fixture->filter = GTK_FILTER (gtk_custom_filter_new (filter_by_table, fixture, NULL));
  fixture->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (fixture->store)),
                                                 g_object_ref (fixture->filter));
  fixture->ranked = atlas_ranked_model_new (fixture->filtered, rank_by_table, fixture);
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->ranked, "items-changed", G_CALLBACK (on_items_changed), fixture);
  fill (fixture, GPOINTER_TO_UINT (data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ranked);
  g_clear_object (&fixture->filtered);
  g_clear_object (&fixture->filter);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->mirror, g_ptr_array_unref);
  g_free (fixture->scores);
  g_free (fixture->passes);
}

/* The model holds what its changes said, and nothing else. */
static void
assert_mirror (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (fixture->ranked);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->mirror->len);
  for (guint i = 0; i < fixture->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == fixture->mirror->pdata[i]);
    }
}

/* The numbers of the items in the model's order, as "3 1 2". */
static char *
numbers (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (fixture->ranked);
  g_autoptr(GString) text = g_string_new (NULL);

  assert_mirror (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%u", i > 0 ? " " : "", number (item));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_order(fixture, expected) \
  G_STMT_START { \
    g_autofree char *found = numbers (fixture); \
    g_assert_cmpstr (found, ==, expected); \
  } G_STMT_END

static void
refilter (Fixture *fixture)
{
  gtk_filter_changed (fixture->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Not ranked, the filter model's order; ranked, best first, equal scores in
 * the filter model's order; not ranked again, the filter model's order.
 */
static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  guint scores[] = { 2, 5, 2, 0, 5, 300, 70000, 1 };

  memcpy (fixture->scores, scores, sizeof scores);
  fixture->passes[7] = FALSE;
  refilter (fixture);

  assert_order (fixture, "0 1 2 3 4 5 6");
  g_assert_cmpuint (fixture->n_rank_calls, ==, 0);

  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  g_assert_true (atlas_ranked_model_get_ranked (fixture->ranked));
  assert_order (fixture, "6 5 1 4 0 2 3");
  g_assert_cmpuint (fixture->n_rank_calls, ==, 7);

  atlas_ranked_model_set_ranked (fixture->ranked, FALSE);
  assert_order (fixture, "0 1 2 3 4 5 6");
}

/* Every match scoring the same, as the search's scores do while they are
 * all 1: the ranked order is the filter model's, whatever the filter.
 */
static void
test_equal_scores_stable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) expected = g_string_new (NULL);

  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  for (guint i = 0; i < fixture->n_items; i++)
    {
      fixture->passes[i] = i % 3 != 0;
      if (fixture->passes[i])
        g_string_append_printf (expected, "%s%u", expected->len > 0 ? " " : "", i);
    }
  refilter (fixture);

  assert_order (fixture, expected->str);
}

static int
compare_by_score (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const guint *scores = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (scores[ia] != scores[ib])
    return scores[ia] > scores[ib] ? -1 : 1;

  return ia < ib ? -1 : ia > ib;
}

/* Scores over the whole range of a guint, many equal: the order is that
 * of a stable sort by score, and the rank function is called once a match.
 */
static void
test_many_scores (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_passed = 0;

  for (guint i = 0; i < fixture->n_items; i++)
    {
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          fixture->scores[i] = g_rand_int (rand);
          break;
        case 1:
          fixture->scores[i] = g_rand_int_range (rand, 0, 4);
          break;
        case 2:
          fixture->scores[i] = G_MAXUINT - (guint) g_rand_int_range (rand, 0, 2);
          break;
        default:
          fixture->scores[i] = (guint) g_rand_int_range (rand, 0, 3) << 16;
        }
      fixture->passes[i] = g_rand_boolean (rand);
      if (fixture->passes[i])
        {
          g_array_append_val (expected, i);
          n_passed++;
        }
    }
  g_array_sort_with_data (expected, compare_by_score, fixture->scores);

  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  fixture->n_rank_calls = 0;
  refilter (fixture);
  g_assert_cmpuint (fixture->n_rank_calls, ==, n_passed);

  assert_mirror (fixture);
  g_assert_cmpuint (expected->len, ==, fixture->mirror->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpuint (number (fixture->mirror->pdata[i]), ==, g_array_index (expected, guint, i));
}

/* While frozen, a ranked model keeps its items and ranks once at the thaw,
 * saying so in one change; not ranked, it follows the filter model.
 */
static void
test_freeze (Fixture       *fixture,
             gconstpointer  data)
{
  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  assert_order (fixture, "0 1 2 3 4");

  fixture->n_rank_calls = fixture->n_changes = 0;
  atlas_ranked_model_freeze (fixture->ranked);
  fixture->passes[1] = FALSE;
  refilter (fixture);
  fixture->scores[4] = 9;
  atlas_ranked_model_rerank (fixture->ranked);
  assert_order (fixture, "0 1 2 3 4");
  g_assert_cmpuint (fixture->n_rank_calls, ==, 0);
  atlas_ranked_model_thaw (fixture->ranked);
  assert_order (fixture, "4 0 2 3");
  g_assert_cmpuint (fixture->n_rank_calls, ==, 4);
  g_assert_cmpuint (fixture->n_changes, ==, 1);

  atlas_ranked_model_set_ranked (fixture->ranked, FALSE);
  atlas_ranked_model_freeze (fixture->ranked);
  fixture->passes[1] = TRUE;
  refilter (fixture);
  assert_order (fixture, "0 1 2 3 4");
  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  assert_order (fixture, "0 1 2 3 4");
  atlas_ranked_model_thaw (fixture->ranked);
  assert_order (fixture, "4 0 1 2 3");
}

/* Ranked, the items below replaced: ranked again at once. A change that
 * leaves both ends alone says only what changed in between.
 */
static void
test_items_replaced (Fixture       *fixture,
                     gconstpointer  data)
{
  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  fill (fixture, 3);
  fixture->scores[0] = 4;
  atlas_ranked_model_rerank (fixture->ranked);
  assert_order (fixture, "0 1 2");

  fill (fixture, 6);
  fixture->scores[5] = 2;
  atlas_ranked_model_rerank (fixture->ranked);
  assert_order (fixture, "5 0 1 2 3 4");

  fixture->passes[2] = FALSE;
  refilter (fixture);
  assert_order (fixture, "5 0 1 3 4");
  g_assert_cmpuint (fixture->last_change[0], ==, 3);
  g_assert_cmpuint (fixture->last_change[1], ==, 1);
  g_assert_cmpuint (fixture->last_change[2], ==, 0);
}

/* Letters typed on make the filter stricter: only the items ranked before
 * are asked about again. Scores changed alone: none is, each is scored.
 * Ranked, the filter model is left without its filter, and has it back once
 * the model is no longer ranked.
 */
static void
test_narrowed (Fixture       *fixture,
               gconstpointer  data)
{
  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  g_assert_null (gtk_filter_list_model_get_filter (fixture->filtered));
  for (guint i = 0; i < fixture->n_items; i++)
    fixture->passes[i] = i % 2 == 0;
  refilter (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->ranked)), ==, 50);

  fixture->n_filter_calls = fixture->n_rank_calls = 0;
  for (guint i = 0; i < fixture->n_items; i++)
    fixture->passes[i] = i % 4 == 0;
  gtk_filter_changed (fixture->filter, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (fixture->n_filter_calls, ==, 50);
  g_assert_cmpuint (fixture->n_rank_calls, ==, 25);
  assert_mirror (fixture);
  g_assert_cmpuint (fixture->mirror->len, ==, 25);

  fixture->n_filter_calls = fixture->n_rank_calls = 0;
  fixture->scores[8] = 3;
  atlas_ranked_model_rerank (fixture->ranked);
  g_assert_cmpuint (fixture->n_filter_calls, ==, 0);
  g_assert_cmpuint (fixture->n_rank_calls, ==, 25);
  g_assert_cmpuint (number (fixture->mirror->pdata[0]), ==, 8);

  atlas_ranked_model_set_ranked (fixture->ranked, FALSE);
  g_assert_true (gtk_filter_list_model_get_filter (fixture->filtered) == fixture->filter);
  assert_mirror (fixture);
  g_assert_cmpuint (fixture->mirror->len, ==, 25);
  g_assert_cmpuint (number (fixture->mirror->pdata[0]), ==, 0);
}

/* With a rank items function, the same order as with the filter and the
 * rank function, from one call per change; letters typed on ask only about
 * the items ranked before, new items about all of them.
 */
static void
test_rank_items (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  g_autofree char *by_item = NULL;
  g_autofree char *by_items = NULL;
  guint n_before;

  for (guint i = 0; i < fixture->n_items; i++)
    {
      fixture->scores[i] = g_rand_int_range (rand, 0, 5);
      fixture->passes[i] = g_rand_int_range (rand, 0, 3) > 0;
    }
  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  by_item = numbers (fixture);

  atlas_ranked_model_set_rank_items_func (fixture->ranked, rank_items_by_table, fixture);
  fixture->n_filter_calls = fixture->n_rank_calls = 0;
  refilter (fixture);
  by_items = numbers (fixture);
  g_assert_cmpstr (by_items, ==, by_item);
  g_assert_cmpuint (fixture->n_filter_calls + fixture->n_rank_calls, ==, 0);
  g_assert_cmpuint (fixture->n_rank_items_calls, ==, 1);
  g_assert_cmpuint (fixture->n_items_asked, ==, fixture->n_items);

  n_before = fixture->mirror->len;
  fixture->n_rank_items_calls = fixture->n_items_asked = 0;
  for (guint i = 0; i < fixture->n_items; i++)
    fixture->passes[i] = fixture->passes[i] && i % 2 == 0;
  gtk_filter_changed (fixture->filter, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (fixture->n_rank_items_calls, ==, 1);
  g_assert_cmpuint (fixture->n_items_asked, ==, n_before);
  g_clear_pointer (&by_items, g_free);
  by_items = numbers (fixture);

  atlas_ranked_model_set_rank_items_func (fixture->ranked, NULL, NULL);
  refilter (fixture);
  g_clear_pointer (&by_item, g_free);
  by_item = numbers (fixture);
  g_assert_cmpstr (by_items, ==, by_item);

  atlas_ranked_model_set_rank_items_func (fixture->ranked, rank_items_by_table, fixture);
  fixture->n_rank_items_calls = fixture->n_items_asked = 0;
  fill (fixture, 7);
  fixture->scores[3] = 2;
  atlas_ranked_model_rerank (fixture->ranked);
  assert_order (fixture, "3 0 1 2 4 5 6");
  g_assert_cmpuint (fixture->n_items_asked, ==, 7 + 7);
}

/* Set ranked while frozen, before the filter changes: the filter is asked
 * about each item once, by the model at the thaw, not by the filter model
 * too; set not ranked again before the thaw, the filter model filters.
 */
static void
test_ranked_while_frozen (Fixture       *fixture,
                          gconstpointer  data)
{
  fixture->n_filter_calls = 0;
  atlas_ranked_model_freeze (fixture->ranked);
  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  for (guint i = 0; i < fixture->n_items; i++)
    fixture->passes[i] = i % 2 == 0;
  fixture->scores[4] = 2;
  refilter (fixture);
  atlas_ranked_model_rerank (fixture->ranked);
  g_assert_cmpuint (fixture->n_filter_calls, ==, 0);
  atlas_ranked_model_thaw (fixture->ranked);
  g_assert_cmpuint (fixture->n_filter_calls, ==, fixture->n_items);
  assert_order (fixture, "4 0 2 6 8");

  atlas_ranked_model_freeze (fixture->ranked);
  atlas_ranked_model_set_ranked (fixture->ranked, FALSE);
  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  atlas_ranked_model_set_ranked (fixture->ranked, FALSE);
  atlas_ranked_model_thaw (fixture->ranked);
  g_assert_true (gtk_filter_list_model_get_filter (fixture->filtered) == fixture->filter);
  assert_order (fixture, "0 2 4 6 8");

  atlas_ranked_model_freeze (fixture->ranked);
  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  atlas_ranked_model_set_ranked (fixture->ranked, FALSE);
  fixture->passes[1] = TRUE;
  refilter (fixture);
  atlas_ranked_model_thaw (fixture->ranked);
  g_assert_true (gtk_filter_list_model_get_filter (fixture->filtered) == fixture->filter);
  assert_order (fixture, "0 1 2 4 6 8");
}

/* Unset, it is empty and asks no one. */
static void
test_unset (Fixture       *fixture,
            gconstpointer  data)
{
  atlas_ranked_model_set_ranked (fixture->ranked, TRUE);
  assert_order (fixture, "0 1 2");
  fixture->n_rank_calls = 0;
  atlas_ranked_model_unset (fixture->ranked);
  assert_order (fixture, "");
  fill (fixture, 4);
  refilter (fixture);
  assert_order (fixture, "");
  g_assert_cmpuint (fixture->n_rank_calls, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)
  ADD ("/ranked-model/order", 8, test_order);
  ADD ("/ranked-model/equal-scores-stable", 1000, test_equal_scores_stable);
  ADD ("/ranked-model/many-scores", 5000, test_many_scores);
  ADD ("/ranked-model/freeze", 5, test_freeze);
  ADD ("/ranked-model/items-replaced", 3, test_items_replaced);
  ADD ("/ranked-model/narrowed", 100, test_narrowed);
  ADD ("/ranked-model/unset", 3, test_unset);
  ADD ("/ranked-model/rank-items", 300, test_rank_items);
  ADD ("/ranked-model/ranked-while-frozen", 10, test_ranked_while_frozen);
#undef ADD

  return g_test_run ();
}
