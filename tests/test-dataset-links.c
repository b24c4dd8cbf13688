/* test-dataset-links.c: how articles, places and geoparks are linked.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dataset-links"

#include "config.h"

#include "atlas-article-private.h"
#include "atlas-dataset-private.h"
#include "atlas-place-private.h"
#include "atlas-test-dataset.h"

/* The valid fixture with news made up for the links: each article names
 * only ids (places cb-01, cb-14 and ls-01 of caobang and langson, khorat of
 * no geopark), and the dates are picked to tie or not.
 */
static const struct {
  const char *id;
  const char *date;
  const char *precision;
  const char *geoparks;
  const char *places;
} linked_articles[] = {
  { "b-new", "2025-03-01", "day", "[]", "[\"cb-01\", \"cb-14\"]" },
  { "g-before", "2024-03-31", "day", "[\"caobang\"]", "[\"cb-01\"]" },
  { "c-mid", "2024-05-01", "month", "[\"caobang\"]", "[\"cb-01\"]" },
  { "d-langson", "2024-05-01", "day", "[\"langson\"]", "[\"ls-01\"]" },
  { "e-khorat", "2024-05-01", "day", "[\"caobang\"]", "[\"khorat\"]" },
  { "f-after", "2024-06-01", "day", "[\"caobang\"]", "[\"cb-01\"]" },
  { "a-old", "2023-01-10", "day", "[\"caobang\"]", "[\"cb-01\", \"cb-14\"]" },
  { "h-khorat-visit", "2024-05-02", "day", "[]", "[\"khorat\"]" },
  { "i-khorat-caobang", "2020-01-01", "day", "[\"caobang\"]", "[\"khorat\"]" },
};

static GBytes *
linked_news (void)
{
  GString *json = g_string_new ("{\"items\": [");

  for (guint i = 0; i < G_N_ELEMENTS (linked_articles); i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"%s\", \"date\": \"%s\", \"date_precision\": \"%s\","
                            " \"title\": {\"vi\": \"%s\", \"en\": \"%s\"},"
                            " \"summary\": {\"vi\": \"Tóm tắt\", \"en\": \"Summary\"},"
                            " \"geoparks\": %s, \"places\": %s, \"topics\": [\"events\"]}",
                            i > 0 ? ", " : "", linked_articles[i].id, linked_articles[i].date,
                            linked_articles[i].precision, linked_articles[i].id,
                            linked_articles[i].id, linked_articles[i].geoparks,
                            linked_articles[i].places);
  g_string_append (json, "]}");

  return g_string_free_to_bytes (json);
}

static AtlasDataset *
load_linked (void)
{
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  GBytes *files[ATLAS_DATASET_N_FILES];
  AtlasDataset *dataset;

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      files[f] = f == ATLAS_DATASET_FILE_NEWS ? linked_news ()
                                              : atlas_test_read_fixture_file (name);
    }

  dataset = atlas_dataset_load_bytes ((GBytes * const *) files, problems);
  atlas_test_assert_no_problems (problems);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);

  return dataset;
}

#define assert_ids(items, expected) \
  G_STMT_START { \
    g_autofree char *_ids = atlas_test_join_ids (items); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return atlas_article_compare_newest_first (*(AtlasArticle **) a, *(AtlasArticle **) b);
}

static void
assert_newest_first (GPtrArray *articles)
{
  for (guint i = 1; i < articles->len; i++)
    g_assert_cmpint (atlas_article_compare_newest_first (g_ptr_array_index (articles, i - 1),
                                                         g_ptr_array_index (articles, i)), <=, 0);
}

static gboolean
names (const char * const *ids,
       const char         *id)
{
  return ids != NULL && g_strv_contains (ids, id);
}

/* Newest first; equal dates keep the order of the file. */
static void
test_article_order (void)
{
  g_autoptr(AtlasDataset) dataset = load_linked ();
  GListModel *articles = atlas_dataset_get_articles (dataset);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  AtlasArticle *c_mid = atlas_dataset_lookup_article (dataset, "c-mid");
  AtlasArticle *d_langson = atlas_dataset_lookup_article (dataset, "d-langson");
  AtlasArticle *b_new = atlas_dataset_lookup_article (dataset, "b-new");

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (articles, i));
  g_ptr_array_sort (sorted, compare_newest_first);

  assert_ids (sorted, "b-new f-after h-khorat-visit c-mid d-langson e-khorat g-before a-old "
                      "i-khorat-caobang");
  /* The dataset keeps them in that order, for the news list. */
  assert_ids (atlas_dataset_get_articles_by_date (dataset),
              "b-new f-after h-khorat-visit c-mid d-langson e-khorat g-before a-old "
              "i-khorat-caobang");
  g_assert_cmpint (atlas_article_compare_newest_first (c_mid, d_langson), ==, 0);
  g_assert_cmpint (atlas_article_compare_newest_first (b_new, c_mid), <, 0);
  g_assert_cmpint (atlas_article_compare_newest_first (c_mid, b_new), >, 0);
  g_assert_cmpint (atlas_article_get_year (b_new), ==, 2025);
  g_assert_cmpint (atlas_article_get_year (c_mid), ==, 2024);
}

static void
test_place_articles (void)
{
  g_autoptr(AtlasDataset) dataset = load_linked ();

  /* Bản Giốc */
  assert_ids (atlas_dataset_get_place_articles (dataset, "cb-01"),
              "b-new f-after c-mid g-before a-old");
  assert_ids (atlas_dataset_get_place_articles (dataset, "cb-14"), "b-new a-old");
  assert_ids (atlas_dataset_get_place_articles (dataset, "khorat"),
              "h-khorat-visit e-khorat i-khorat-caobang");
  assert_ids (atlas_dataset_get_place_articles (dataset, "no-such-place"), "");
  /* A geopark is no place. */
  assert_ids (atlas_dataset_get_place_articles (dataset, "caobang"), "");
}

static void
test_geopark_links (void)
{
  g_autoptr(AtlasDataset) dataset = load_linked ();

  /* b-new names only places of Cao Bằng; a-old names it and two of its
   * places, and comes once.
   */
  assert_ids (atlas_dataset_get_geopark_articles (dataset, "caobang"),
              "b-new f-after c-mid e-khorat g-before a-old i-khorat-caobang");
  assert_ids (atlas_dataset_get_geopark_articles (dataset, "langson"), "d-langson");
  assert_ids (atlas_dataset_get_geopark_articles (dataset, "dongvan"), "");
  assert_ids (atlas_dataset_get_geopark_places (dataset, "caobang"), "cb-01 cb-14");
  assert_ids (atlas_dataset_get_geopark_places (dataset, "langson"), "ls-01");
  assert_ids (atlas_dataset_get_geopark_places (dataset, "dongvan"), "");
  assert_ids (atlas_dataset_get_geopark_places (dataset, "cb-01"), "");
}

static GPtrArray *
related (AtlasDataset *dataset,
         const char   *id,
         guint         max)
{
  return atlas_dataset_get_related_articles (dataset, atlas_dataset_lookup_article (dataset, id),
                                             max);
}

/* What "see also" means, weighed the slow way over every article. */
typedef struct
{
  AtlasArticle *article;
  guint         shared_places;
  guint         shared_geoparks;
  guint         days_apart;
  guint         position;
} NaiveRelation;

static GPtrArray *
geoparks_of (AtlasDataset *dataset,
             AtlasArticle *article)
{
  GPtrArray *ids = g_ptr_array_new ();
  const char * const *named = atlas_article_get_geopark_ids (article);
  const char * const *places = atlas_article_get_place_ids (article);

  for (guint i = 0; named != NULL && named[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (ids, named[i], g_str_equal, NULL))
      g_ptr_array_add (ids, (gpointer) named[i]);
  for (guint i = 0; places != NULL && places[i] != NULL; i++)
    {
      AtlasPlace *place = atlas_dataset_lookup_place (dataset, places[i]);
      const char *id = place != NULL ? atlas_place_get_geopark_id (place) : NULL;

      if (id != NULL && !g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) id);
    }

  return ids;
}

static int
compare_naive (gconstpointer a,
               gconstpointer b)
{
  const NaiveRelation *x = a;
  const NaiveRelation *y = b;

  if (x->shared_places != y->shared_places)
    return x->shared_places > y->shared_places ? -1 : 1;
  if (x->shared_geoparks != y->shared_geoparks)
    return x->shared_geoparks > y->shared_geoparks ? -1 : 1;
  if (x->days_apart != y->days_apart)
    return x->days_apart < y->days_apart ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

static char *
naive_related (AtlasDataset *dataset,
               AtlasArticle *article,
               guint         max)
{
  GListModel *articles = atlas_dataset_get_articles (dataset);
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (NaiveRelation));
  g_autoptr(GPtrArray) mine = geoparks_of (dataset, article);
  const char * const *my_places = atlas_article_get_place_ids (article);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(AtlasArticle) other = g_list_model_get_item (articles, i);
      g_autoptr(GPtrArray) theirs = NULL;
      const char * const *their_places = atlas_article_get_place_ids (other);
      NaiveRelation relation = { other, 0, 0, G_MAXUINT, i };

      if (other == article)
        continue;
      theirs = geoparks_of (dataset, other);
      for (guint p = 0; my_places != NULL && my_places[p] != NULL; p++)
        relation.shared_places += their_places != NULL && g_strv_contains (their_places, my_places[p]);
      for (guint g = 0; g < mine->len; g++)
        relation.shared_geoparks += g_ptr_array_find_with_equal_func (theirs, mine->pdata[g],
                                                                      g_str_equal, NULL);
      if (g_date_valid (atlas_article_get_date (article)) && g_date_valid (atlas_article_get_date (other)))
        relation.days_apart = ABS (g_date_days_between (atlas_article_get_date (article),
                                                        atlas_article_get_date (other)));
      if (relation.shared_places > 0 || relation.shared_geoparks > 0)
        g_array_append_val (relations, relation);
    }

  g_array_sort (relations, compare_naive);
  for (guint i = 0; i < relations->len && i < max; i++)
    {
      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, atlas_article_get_id (g_array_index (relations, NaiveRelation, i).article));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The indexes give the same "see also" as weighing every article, for
 * every article of the bundled data and of the linked fixture.
 */
static void
test_related_articles_as_scanned (void)
{
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  AtlasDataset *datasets[] = { atlas_dataset_load_bundled (problems), load_linked () };

  atlas_test_assert_no_problems (problems);
  for (guint d = 0; d < G_N_ELEMENTS (datasets); d++)
    {
      GListModel *articles = atlas_dataset_get_articles (datasets[d]);

      for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
        {
          g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, i);
          g_autoptr(GPtrArray) related = atlas_dataset_get_related_articles (datasets[d], article, 100);
          g_autofree char *expected = naive_related (datasets[d], article, 100);
          g_autoptr(GString) found = g_string_new (NULL);

          for (guint r = 0; r < related->len; r++)
            {
              if (found->len > 0)
                g_string_append_c (found, ' ');
              g_string_append (found, atlas_article_get_id (g_ptr_array_index (related, r)));
            }
          g_assert_cmpstr (found->str, ==, expected);
        }
      g_object_unref (datasets[d]);
    }
}

static void
test_related_articles (void)
{
  g_autoptr(AtlasDataset) dataset = load_linked ();
  g_autoptr(GPtrArray) of_khorat = related (dataset, "e-khorat", 100);
  g_autoptr(GPtrArray) of_khorat_3 = related (dataset, "e-khorat", 3);
  g_autoptr(GPtrArray) of_khorat_0 = related (dataset, "e-khorat", 0);
  g_autoptr(GPtrArray) of_mid = related (dataset, "c-mid", 100);
  g_autoptr(GPtrArray) of_new = related (dataset, "b-new", 100);
  g_autoptr(GPtrArray) of_langson = related (dataset, "d-langson", 100);

  /* Shared places first (i before h, which is closer in time), then shared
   * geoparks (i before h), then nearest in time (c, g/f, b, a), then the
   * order of the file (g before f, both 31 days away).
   */
  assert_ids (of_khorat, "i-khorat-caobang h-khorat-visit c-mid g-before f-after b-new a-old");
  assert_ids (of_khorat_3, "i-khorat-caobang h-khorat-visit c-mid");
  assert_ids (of_khorat_0, "");
  /* b-new names Cao Bằng through its places only; d-langson shares nothing. */
  assert_ids (of_mid, "g-before f-after b-new a-old e-khorat i-khorat-caobang");
  /* Two shared places beat one. */
  assert_ids (of_new, "a-old f-after c-mid g-before e-khorat i-khorat-caobang");
  assert_ids (of_langson, "");
}

static void
assert_years (AtlasDataset *dataset,
              const int    *expected,
              guint         n_expected)
{
  g_autoptr(GArray) years = atlas_dataset_get_article_years (dataset);

  g_assert_cmpmem (years->data, years->len * sizeof (int), expected, n_expected * sizeof (int));
}

static void
test_article_years (void)
{
  g_autoptr(AtlasDataset) dataset = load_linked ();
  g_autoptr(AtlasDataset) empty = atlas_dataset_new ();

  assert_years (dataset, (const int[]) { 2025, 2024, 2023, 2020 }, 4);
  assert_years (empty, NULL, 0);
  assert_ids (atlas_dataset_get_place_articles (empty, "cb-01"), "");
}

/* In the real data, each place's and each geopark's articles are exactly
 * those that name it (or, for a geopark, one of its places), newest first.
 */
static void
test_bundled_links (void)
{
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);
  GListModel *places = atlas_dataset_get_places (dataset);
  GListModel *articles = atlas_dataset_get_articles (dataset);
  g_autoptr(GArray) years = atlas_dataset_get_article_years (dataset);
  guint n_linked_places = 0;

  for (guint p = 0; p < g_list_model_get_n_items (places); p++)
    {
      g_autoptr(AtlasPlace) place = g_list_model_get_item (places, p);
      const char *id = atlas_place_get_id (place);
      GPtrArray *linked = atlas_dataset_get_place_articles (dataset, id);
      guint n_naming = 0;

      for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
        {
          g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, a);

          n_naming += names (atlas_article_get_place_ids (article), id);
        }
      for (guint i = 0; i < linked->len; i++)
        g_assert_true (names (atlas_article_get_place_ids (g_ptr_array_index (linked, i)), id));
      g_assert_cmpuint (linked->len, ==, n_naming);
      assert_newest_first (linked);
      n_linked_places += linked->len > 0;
    }
  g_assert_cmpuint (n_linked_places, >, 0);

  for (guint i = 1; i < years->len; i++)
    g_assert_cmpint (g_array_index (years, int, i - 1), >, g_array_index (years, int, i));
  for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, a);
      int year = atlas_article_get_year (article);
      gboolean found = FALSE;

      for (guint i = 0; i < years->len; i++)
        found |= g_array_index (years, int, i) == year;
      g_assert_true (found);
    }
}

static void
test_bundled_geopark_links (void)
{
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);
  GListModel *articles = atlas_dataset_get_articles (dataset);
  GPtrArray *linked = atlas_dataset_get_geopark_articles (dataset, "caobang");
  GPtrArray *caobang_places = atlas_dataset_get_geopark_places (dataset, "caobang");
  guint n_about = 0;

  g_assert_cmpuint (caobang_places->len, >=, 15);
  for (guint i = 0; i < caobang_places->len; i++)
    g_assert_cmpstr (atlas_place_get_geopark_id (g_ptr_array_index (caobang_places, i)),
                     ==, "caobang");

  for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, a);
      const char * const *place_ids = atlas_article_get_place_ids (article);
      gboolean about = names (atlas_article_get_geopark_ids (article), "caobang");

      for (guint p = 0; place_ids[p] != NULL; p++)
        {
          AtlasPlace *place = atlas_dataset_lookup_place (dataset, place_ids[p]);

          about |= g_strcmp0 (atlas_place_get_geopark_id (place), "caobang") == 0;
        }
      n_about += about;
      g_assert_cmpint (about, ==, g_ptr_array_find (linked, article, NULL));
    }

  /* Each once. */
  g_assert_cmpuint (linked->len, ==, n_about);
  g_assert_cmpuint (n_about, >, 0);
  assert_newest_first (linked);
}

static void
on_articles_changed (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     AtlasDataset *dataset)
{
  assert_ids (atlas_dataset_get_place_articles (dataset, "cb-01"),
              "b-new f-after c-mid g-before a-old");
}

/* The links follow a reload, and whoever reacts to the change already
 * finds the new ones.
 */
static void
test_take_contents_links (void)
{
  g_autofree char *valid = atlas_test_fixture_path ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (valid);
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) shown = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) small = atlas_dataset_load_directory (folder, problems);
  g_autoptr(AtlasDataset) linked = load_linked ();
  g_autoptr(GPtrArray) related_articles = NULL;
  gulong handler;

  atlas_test_assert_no_problems (problems);
  g_assert_cmpuint (atlas_dataset_get_geopark_articles (shown, "langson")->len, >, 1);
  g_assert_cmpuint (atlas_dataset_get_geopark_places (shown, "dongvan")->len, >, 0);

  handler = g_signal_connect (atlas_dataset_get_articles (shown), "items-changed",
                              G_CALLBACK (on_articles_changed), shown);
  atlas_dataset_take_contents (shown, linked);
  g_signal_handler_disconnect (atlas_dataset_get_articles (shown), handler);

  assert_ids (atlas_dataset_get_geopark_articles (shown, "langson"), "d-langson");
  assert_ids (atlas_dataset_get_geopark_places (shown, "dongvan"), "");
  assert_ids (atlas_dataset_get_geopark_articles (shown, "dongvan"), "");
  assert_years (shown, (const int[]) { 2025, 2024, 2023, 2020 }, 4);
  related_articles = related (shown, "b-new", 2);
  assert_ids (related_articles, "a-old f-after");

  atlas_dataset_take_contents (shown, small);

  assert_ids (atlas_dataset_get_place_articles (shown, "cb-01"), "");
  assert_ids (atlas_dataset_get_place_articles (shown, "cb-14"),
              "2025-02-dia-tren-paper-village-livelihoods");
  assert_ids (atlas_dataset_get_geopark_articles (shown, "caobang"),
              "2025-02-dia-tren-paper-village-livelihoods 2024-09-13-cao-bang-khorat-cooperation");
  assert_ids (atlas_dataset_get_geopark_places (shown, "caobang"), "cb-01 cb-14");
  assert_years (shown, (const int[]) { 2025, 2024 }, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset/links/article-order", test_article_order);
  g_test_add_func ("/dataset/links/place-articles", test_place_articles);
  g_test_add_func ("/dataset/links/geopark", test_geopark_links);
  g_test_add_func ("/dataset/links/related-articles", test_related_articles);
  g_test_add_func ("/dataset/links/related-articles-as-scanned", test_related_articles_as_scanned);
  g_test_add_func ("/dataset/links/article-years", test_article_years);
  g_test_add_func ("/dataset/links/bundled", test_bundled_links);
  g_test_add_func ("/dataset/links/bundled-geopark", test_bundled_geopark_links);
  g_test_add_func ("/dataset/links/take-contents", test_take_contents_links);

  return g_test_run ();
}
