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
#include "atlas-search-rank.h"
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

typedef enum
{
  NEWS,
  PLACES,
  GEOPARKS,
} List;

typedef struct
{
  const char *query;
  List        list;
  const char *first;             /* the id of what must come first */
  const char *not_in_top[3];     /* ids that must not be in the first five */
} Expectation;

/* Each checked against data/dataset: what the query means, and the
 * look-alikes that must not come before it.
 */
static const Expectation expectations[] = {
  /* The issue's own: phrase over scattered, own name over linked names. */
  { "dong van", PLACES, "dv-04", { "ls-11" } },
  { "dong van", GEOPARKS, "dongvan" },
  { "đồng văn", PLACES, "dv-04", { "ls-11" } },
  { "đồng văn", GEOPARKS, "dongvan" },
  { "ban gioc", PLACES, "cb-01" },
  { "Bản Giốc", PLACES, "cb-01" },
  { "ban gioc waterfall", PLACES, "cb-01" },
  { "cao bang", PLACES, "venue-caobang-city" },
  { "cao bang", GEOPARKS, "caobang" },
  { "Cao Bằng", NEWS, "2024-09-11-ggn-20th-anniversary-cao-bang" },
  { "dak nong", GEOPARKS, "daknong" },
  { "Đắk Nông", GEOPARKS, "daknong" },
  { "lang son", PLACES, "venue-langson-city" },
  { "lang son", NEWS, "2025-06-28-lang-son-receives-unesco-title" },
  { "Lạng Sơn", GEOPARKS, "langson" },
  /* Partial last words, as while typing */
  { "ban gi", PLACES, "cb-01" },
  { "thac ban", PLACES, "cb-01" },
  { "nguom ng", PLACES, "cb-02" },
  { "pho c", PLACES, "dv-04" },
  /* Single words; with accents, the syllables with those accents first */
  { "đồng", PLACES, "dv-04", { "ls-01", "ls-02", "cb-02" } },
  { "động", PLACES, "ls-01" },
  { "giay", NEWS, "2025-02-dia-tren-paper-village-livelihoods" },
  { "2025", NEWS, "2025-02-cao-bang-tourism-target-2025" },
  /* Phrases of other places */
  { "ma pi leng", PLACES, "dv-03" },
  { "lung cu", PLACES, "dv-01" },
  { "khuoi ky", PLACES, "cb-04" },
  { "ky lua", PLACES, "ls-04" },
  { "meo vac", PLACES, "dv-05" },
  /* English, whatever the interface's language */
  { "paper village", PLACES, "cb-14" },
  { "flag tower", PLACES, "dv-01" },
  { "old quarter", PLACES, "dv-04" },
  { "karst plateau", GEOPARKS, "dongvan" },
  /* A geopark by its province, today's or the one before 2025 */
  { "ha giang", GEOPARKS, "dongvan" },
  { "tuyên quang", GEOPARKS, "dongvan" },
  { "lam dong", GEOPARKS, "daknong" },
  { "Nguom Ngao Cave", PLACES, "cb-02" },
};

static GListModel *
list_model (List list)
{
  switch (list)
    {
    case NEWS:
      return atlas_dataset_get_articles (bundled);

    case PLACES:
      return atlas_dataset_get_places (bundled);

    case GEOPARKS:
      return atlas_dataset_get_geoparks (bundled);

    default:
      g_assert_not_reached ();
    }
}

static void
test_expectation (gconstpointer data)
{
  const Expectation *expected = data;
  g_auto(GStrv) ids = ranked_ids (expected->query, list_model (expected->list));

  g_assert_nonnull (ids[0]);
  g_assert_cmpstr (ids[0], ==, expected->first);
  for (guint i = 0; i < G_N_ELEMENTS (expected->not_in_top) && expected->not_in_top[i] != NULL; i++)
    for (guint r = 0; r < 5 && ids[r] != NULL; r++)
      g_assert_cmpstr (ids[r], !=, expected->not_in_top[i]);
}

static guint
score_of (const char *query,
          gpointer    item)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();

  atlas_browse_filter_set_search (filter, query);

  return atlas_browse_filter_get_score (filter, bundled, item);
}

/* No news in the bundled data is about Đồng Văn: those "dong van" finds,
 * as "cộng đồng" and "văn hóa", never score as the phrase, so they come
 * after the geopark and the place that are.
 */
static void
test_dong_van_news (void)
{
  GListModel *news = atlas_dataset_get_articles (bundled);
  guint geopark = score_of ("dong van", atlas_dataset_lookup_geopark (bundled, "dongvan"));
  guint place = score_of ("dong van", atlas_dataset_lookup_place (bundled, "dv-04"));
  guint n_found = 0;

  g_assert_cmpuint (geopark >> 28, ==, ATLAS_SEARCH_PHRASE);
  g_assert_cmpuint (place >> 28, ==, ATLAS_SEARCH_PHRASE);
  for (guint i = 0; i < g_list_model_get_n_items (news); i++)
    {
      g_autoptr(GObject) article = g_list_model_get_item (news, i);
      guint score = score_of ("dong van", article);

      if (score == 0)
        continue;

      n_found++;
      g_assert_cmpuint (score >> 28, <, ATLAS_SEARCH_PHRASE);
      g_assert_cmpuint (score, <, geopark);
      g_assert_cmpuint (score, <, place);
    }

  /* Matching stays what it was: the scattered ones are found. */
  g_assert_cmpuint (n_found, >, 0);
}

/* A geopark is a result when the search names it (or its province), not
 * when its description holds the words somewhere.
 */
static void
test_geoparks_named (void)
{
  g_auto(GStrv) dong_van = ranked_ids ("dong van", atlas_dataset_get_geoparks (bundled));
  g_auto(GStrv) ha_giang = ranked_ids ("ha giang", atlas_dataset_get_geoparks (bundled));
  g_auto(GStrv) geopark = ranked_ids ("geopark", atlas_dataset_get_geoparks (bundled));

  g_assert_cmpstrv (dong_van, ((const char * const[]) { "dongvan", NULL }));
  g_assert_cmpstrv (ha_giang, ((const char * const[]) { "dongvan", NULL }));
  g_assert_cmpuint (g_strv_length (geopark), ==, 4);
}

/* Whatever the query, items of one list come in an order the parts of the
 * score explain: a phrase first, then whole syllables before their
 * starts, names before linked names before long texts.
 */
static void
test_parts (void)
{
  AtlasPlace *waterfall = atlas_dataset_lookup_place (bundled, "cb-01");
  AtlasPlace *pagoda = atlas_dataset_lookup_place (bundled, "cb-05");
  AtlasPlace *cave = atlas_dataset_lookup_place (bundled, "cb-02");

  /* Phrase, in the name, shorter name */
  g_assert_cmpuint (score_of ("ban gioc", waterfall), >, score_of ("ban gioc", pagoda));
  /* Whole syllable over the start of one, while typing */
  g_assert_cmpuint (score_of ("ban", waterfall), >, score_of ("ban gi", waterfall));
  /* The start of a syllable while typing, inside one once the word is
   * complete
   */
  g_assert_cmpuint (score_of ("gi", waterfall), >, score_of ("gi ", waterfall));
  g_assert_cmpuint (score_of ("gi ", waterfall), >, 0);
  /* The same for the last word of a phrase */
  g_assert_cmpuint (score_of ("ban gi ", waterfall), <, score_of ("ban gi", waterfall));
  /* Own name over the geopark's name linked to */
  g_assert_cmpuint (score_of ("cao bang", atlas_dataset_lookup_place (bundled, "venue-caobang-city")),
                    >, score_of ("cao bang", cave));
  /* Accents typed: the same tones first, either way */
  g_assert_cmpuint (score_of ("đồng", atlas_dataset_lookup_place (bundled, "dv-04")),
                    >, score_of ("đồng", atlas_dataset_lookup_place (bundled, "ls-01")));
  g_assert_cmpuint (score_of ("động", atlas_dataset_lookup_place (bundled, "dv-04")),
                    <, score_of ("động", atlas_dataset_lookup_place (bundled, "ls-01")));
  g_assert_cmpuint (score_of ("dong", atlas_dataset_lookup_place (bundled, "dv-04")),
                    ==, score_of ("đồng", atlas_dataset_lookup_place (bundled, "dv-04")));
  /* Not found, no score */
  g_assert_cmpuint (score_of ("zzz", waterfall), ==, 0);
  g_assert_cmpuint (score_of ("", waterfall), ==, 0);
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

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      static const char *lists[] = { "news", "places", "geoparks" };
      g_autofree char *path = g_strdup_printf ("/search/ranking/%s/%s", lists[expectations[i].list],
                                               expectations[i].query);

      g_test_add_data_func (path, &expectations[i], test_expectation);
    }
  g_test_add_func ("/search/ranking/dong-van-news", test_dong_van_news);
  g_test_add_func ("/search/ranking/parts", test_parts);
  g_test_add_func ("/search/ranking/geoparks-named", test_geoparks_named);

  status = g_test_run ();
  g_clear_object (&bundled);

  return status;
}
