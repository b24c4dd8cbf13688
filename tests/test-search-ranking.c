/* test-search-ranking.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-search-ranking"

#include "config.h"

#include <locale.h>

#include "atlas-browse-filter.h"
#include "atlas-test-dataset.h"

/* What people type, and what they mean, over the bundled dataset. */

static AtlasDataset *bundled;

typedef struct
{
  guint    score;
  guint    position;
  GObject *item;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *first = a;
  const Ranked *second = b;

  if (first->score != second->score)
    return first->score > second->score ? -1 : 1;

  return first->position < second->position ? -1 : first->position > second->position;
}

static const char *
id_of (GObject *item)
{
  if (ATLAS_IS_ARTICLE (item))
    return atlas_article_get_id (ATLAS_ARTICLE (item));
  if (ATLAS_IS_PLACE (item))
    return atlas_place_get_id (ATLAS_PLACE (item));

  return atlas_geopark_get_id (ATLAS_GEOPARK (item));
}

static const char *
title_of (GObject *item)
{
  if (ATLAS_IS_ARTICLE (item))
    return atlas_text_get (atlas_article_get_title (ATLAS_ARTICLE (item)), 0);
  if (ATLAS_IS_PLACE (item))
    return atlas_text_get (atlas_place_get_name (ATLAS_PLACE (item)), 0);

  return atlas_text_get (atlas_geopark_get_name (ATLAS_GEOPARK (item)), 0);
}

/* The ids of the list's items that match the search, best first, those of
 * one score in the list's order (as a stable sort leaves them).
 */
static GStrv
ranked_ids (const char *query,
            GListModel *list)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  atlas_browse_filter_set_search (filter, query);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      GObject *item = g_list_model_get_item (list, i);
      Ranked ranked = { atlas_browse_filter_get_score (filter, bundled, item), i, item };

      if (ranked.score != 0)
        g_array_append_val (found, ranked);
      else
        g_object_unref (item);
    }
  g_array_sort (found, compare_ranked);

  for (guint i = 0; i < found->len; i++)
    {
      Ranked *ranked = &g_array_index (found, Ranked, i);

      if (i < 5)
        g_test_message ("\"%s\" %u. %s (%08x) %s", query, i + 1, id_of (ranked->item),
                        ranked->score, title_of (ranked->item));
      g_strv_builder_add (ids, id_of (ranked->item));
      g_object_unref (ranked->item);
    }

  return g_strv_builder_end (ids);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) problems = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");

  problems = atlas_test_new_problems ();
  bundled = atlas_dataset_load_bundled (problems);
  atlas_test_assert_no_problems (problems);

  if (argc > 1 && g_str_equal (argv[1], "show"))
    {
      GListModel *lists[] = {
        atlas_dataset_get_articles (bundled), atlas_dataset_get_places (bundled),
        atlas_dataset_get_geoparks (bundled),
      };

      for (int a = 2; a < argc; a++)
        for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
          {
            g_auto(GStrv) ids = ranked_ids (argv[a], lists[l]);
            g_print ("%s [%u]: %u found\n", argv[a], l, g_strv_length (ids));
          }
      return 0;
    }

  status = g_test_run ();
  g_clear_object (&bundled);

  return status;
}
