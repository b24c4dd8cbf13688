/* test-dataset.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dataset"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "atlas-article-private.h"
#include "atlas-browse-filter.h"
#include "atlas-dataset-loader-private.h"
#include "atlas-dataset-private.h"
#include "atlas-place-private.h"
#include "atlas-search.h"
#include "atlas-test-utils.h"
#include "atlas-search-index-private.h"

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

static void
assert_no_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "datasets", name, NULL);
}

/* The seed listing: a title line, a blank line, a summary, a blank line… */
static GPtrArray *
read_seed_items (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "seed",
                                                 "news-listing-vi.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) paragraphs = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  paragraphs = g_strsplit (contents, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] != '\0')
        g_ptr_array_add (items, g_strdup (paragraphs[i]));
    }

  g_assert_cmpuint (items->len % 2, ==, 0);
  return items;
}

static void
test_bundled_is_valid (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);

  assert_no_problems (problems);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_geoparks (dataset)), ==, 4);
  /* 42 geosites of the research bundle, 3 partner geoparks, the venues */
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_places (dataset)), >=, 45);

  for (guint i = 0; i < 4; i++)
    {
      static const char *ids[] = { "dongvan", "caobang", "daknong", "langson" };

      g_assert_nonnull (atlas_dataset_lookup_geopark (dataset, ids[i]));
    }
}

/* The ids of a list model's items, in order, one per line. */
static char *
join_list_ids (GListModel *model)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_string_append_printf (ids, "%s\n", id);
    }

  return g_string_free (ids, FALSE);
}

/* Loaded ahead in a thread at start-up, the bundled dataset is the same;
 * the next load, with no preload, reads it again.
 */
static void
test_bundled_preload (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) direct = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) preloaded = NULL;
  g_autoptr(AtlasDataset) again = NULL;
  GListModel *(*lists[]) (AtlasDataset *) = {
    atlas_dataset_get_geoparks, atlas_dataset_get_places, atlas_dataset_get_articles,
  };

  atlas_dataset_preload_bundled ();
  preloaded = atlas_dataset_load_bundled (problems);
  again = atlas_dataset_load_bundled (problems);
  assert_no_problems (problems);
  g_assert_nonnull (preloaded);
  g_assert_nonnull (again);
  g_assert_true (preloaded != direct && again != preloaded);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *expected = join_list_ids (lists[i] (direct));
      g_autofree char *from_preload = join_list_ids (lists[i] (preloaded));
      g_autofree char *from_again = join_list_ids (lists[i] (again));

      g_assert_cmpstr (expected, !=, "");
      g_assert_cmpstr (from_preload, ==, expected);
      g_assert_cmpstr (from_again, ==, expected);
    }
  g_assert_cmpuint (atlas_dataset_get_articles_by_date (preloaded)->len, ==,
                    atlas_dataset_get_articles_by_date (direct)->len);
}

/* Every item of the seed listing is there, word for word, once. */
static void
test_bundled_has_every_seed_item (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);
  g_autoptr(GPtrArray) seed = read_seed_items ();
  GListModel *articles = atlas_dataset_get_articles (dataset);
  guint n_articles = g_list_model_get_n_items (articles);

  g_assert_cmpuint (n_articles, ==, seed->len / 2);

  for (guint s = 0; s < seed->len; s += 2)
    {
      const char *title = g_ptr_array_index (seed, s);
      const char *summary = g_ptr_array_index (seed, s + 1);
      guint found = 0;

      for (guint a = 0; a < n_articles; a++)
        {
          g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, a);
          AtlasText *article_title = atlas_article_get_title (article);

          if (g_strcmp0 (atlas_text_get_exact (article_title, ATLAS_LANGUAGE_VI), title) != 0)
            continue;

          found++;
          g_assert_cmpstr (atlas_text_get_exact (atlas_article_get_summary (article),
                                                 ATLAS_LANGUAGE_VI), ==, summary);
          /* Translated by us, not left in Vietnamese */
          g_assert_nonnull (atlas_text_get_exact (article_title, ATLAS_LANGUAGE_EN));
        }

      if (found != 1)
        g_test_message ("seed title “%s” found %u times", title, found);
      g_assert_cmpuint (found, ==, 1);
    }
}

/* Approximate stays marked approximate: an article whose date had to be
 * guessed says how.
 */
static void
test_bundled_dates_explained (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);
  GListModel *articles = atlas_dataset_get_articles (dataset);
  guint n_approximate = 0;

  for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
    {
      g_autoptr(AtlasArticle) article = g_list_model_get_item (articles, a);

      if (atlas_article_get_date_precision (article) != ATLAS_DATE_PRECISION_APPROXIMATE)
        continue;

      n_approximate++;
      g_assert_nonnull (atlas_article_get_date_note (article));
    }

  g_assert_cmpuint (n_approximate, >, 0);
}

static void
test_export_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-export-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) bundled = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_assert_true (atlas_dataset_export_bundled (folder, &error));
  g_assert_no_error (error);

  exported = atlas_dataset_load_directory (folder, problems);
  assert_no_problems (problems);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_articles (exported)),
                    ==, g_list_model_get_n_items (atlas_dataset_get_articles (bundled)));
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_places (exported)),
                    ==, g_list_model_get_n_items (atlas_dataset_get_places (bundled)));

  /* The schemas come along, for editors that check as staff type. */
  {
    g_autofree char *schema = g_build_filename (dir, "news.schema.json", NULL);

    g_assert_true (g_file_test (schema, G_FILE_TEST_IS_REGULAR));
  }

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static GBytes *
read_fixture_file (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* Text typed as decomposed Unicode is stored composed. */
static void
test_text_is_nfc (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) dataset = NULL;
  GBytes *files[ATLAS_DATASET_N_FILES];
  g_autofree char *places = NULL;
  g_autofree char *decomposed = g_utf8_normalize ("Thác Bản Giốc", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) edited = NULL;
  AtlasPlace *place;

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      files[f] = read_fixture_file (name);
    }

  g_assert_cmpstr (decomposed, !=, "Thác Bản Giốc");
  edited = g_string_new_len (g_bytes_get_data (files[ATLAS_DATASET_FILE_PLACES], NULL),
                             g_bytes_get_size (files[ATLAS_DATASET_FILE_PLACES]));
  g_assert_cmpuint (g_string_replace (edited, "\"Thác Bản Giốc\"", "PLACEHOLDER", 1), ==, 1);
  places = g_strdup_printf ("\"%s\"", decomposed);
  g_string_replace (edited, "PLACEHOLDER", places, 1);
  g_bytes_unref (files[ATLAS_DATASET_FILE_PLACES]);
  files[ATLAS_DATASET_FILE_PLACES] = g_string_free_to_bytes (g_steal_pointer (&edited));

  dataset = atlas_dataset_load_bytes ((GBytes * const *) files, problems);
  assert_no_problems (problems);
  place = atlas_dataset_lookup_place (dataset, "cb-01");
  g_assert_cmpstr (atlas_text_get (atlas_place_get_name (place), ATLAS_LANGUAGE_VI),
                   ==, "Thác Bản Giốc");

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);
}

static void
test_lookup_by_kind (void)
{
  g_autofree char *valid = fixture_path ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (valid);
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_directory (folder, problems);

  assert_no_problems (problems);
  g_assert_nonnull (atlas_dataset_lookup_place (dataset, "cb-14"));
  g_assert_null (atlas_dataset_lookup_geopark (dataset, "cb-14"));
  g_assert_nonnull (atlas_dataset_lookup_geopark (dataset, "caobang"));
  g_assert_null (atlas_dataset_lookup_place (dataset, "caobang"));
  g_assert_nonnull (atlas_dataset_lookup_article (dataset, "2024-09-13-cao-bang-khorat-cooperation"));
  g_assert_null (atlas_dataset_lookup_article (dataset, "no-such-article"));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_signals)
{
  (*n_signals)++;
}

/* Whether a search for the query finds the item, as the lists search. */
static gboolean
search_finds (AtlasDataset *dataset,
              gpointer      item,
              const char   *query)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();

  atlas_browse_filter_set_search (filter, query);
  if (ATLAS_IS_PLACE (item))
    return atlas_browse_filter_match_place (filter, dataset, item);

  return atlas_browse_filter_match_article (filter, dataset, item);
}

/* Each item is searchable by its own text in both languages and by the
 * names of what it is linked to, without diacritics.
 */
static void
test_search_texts (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);
  AtlasPlace *ban_gioc = atlas_dataset_lookup_place (dataset, "cb-01");
  AtlasArticle *paper = atlas_dataset_lookup_article (dataset,
                                                       "2025-02-dia-tren-paper-village-livelihoods");

  g_assert_true (search_finds (dataset, ban_gioc, "ban gioc"));
  g_assert_true (search_finds (dataset, ban_gioc, "Thác Bản Giốc"));
  g_assert_true (search_finds (dataset, ban_gioc, "waterfall"));
  g_assert_true (search_finds (dataset, ban_gioc, "non nuoc cao bang"));
  g_assert_false (search_finds (dataset, ban_gioc, "lang son"));

  g_assert_true (search_finds (dataset, paper, "dia tren"));
  g_assert_true (search_finds (dataset, paper, "giấy bản"));
  g_assert_true (search_finds (dataset, paper, "paper village"));
  g_assert_false (search_finds (dataset, paper, "khorat"));
}

/* A reload shows up as one change per list, and the indexes move over. */
static void
test_take_contents (void)
{
  g_autofree char *valid = fixture_path ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (valid);
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) shown = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) small = atlas_dataset_load_directory (folder, problems);
  guint n_signals = 0;

  assert_no_problems (problems);
  g_signal_connect (atlas_dataset_get_articles (shown), "items-changed",
                    G_CALLBACK (on_items_changed), &n_signals);
  g_assert_nonnull (atlas_dataset_lookup_geopark (shown, "dongvan"));

  atlas_dataset_take_contents (shown, small);

  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_articles (shown)), ==, 3);
  g_assert_null (atlas_dataset_lookup_geopark (shown, "dongvan"));
  g_assert_nonnull (atlas_dataset_lookup_geopark (shown, "langson"));

  /* What was taken is gone from the other, which stays consistent. */
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_articles (small)), ==, 0);
  g_assert_null (atlas_dataset_lookup_geopark (small, "langson"));
  g_assert_cmpuint (atlas_dataset_get_geopark_places (small, "caobang")->len, ==, 0);
}

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
  g_autoptr(GPtrArray) problems = new_problems ();
  GBytes *files[ATLAS_DATASET_N_FILES];
  AtlasDataset *dataset;

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      files[f] = f == ATLAS_DATASET_FILE_NEWS ? linked_news () : read_fixture_file (name);
    }

  dataset = atlas_dataset_load_bytes ((GBytes * const *) files, problems);
  assert_no_problems (problems);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);

  return dataset;
}

/* The ids of an array of articles or places, space-separated. */
static char *
join_ids (GPtrArray *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *id = NULL;

      g_object_get (g_ptr_array_index (items, i), "id", &id, NULL);
      g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);

  return g_strjoinv (" ", ids);
}

#define assert_ids(items, expected) \
  G_STMT_START { \
    g_autofree char *_ids = join_ids (items); \
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
  g_autoptr(GPtrArray) problems = new_problems ();
  AtlasDataset *datasets[] = { atlas_dataset_load_bundled (problems), load_linked () };

  assert_no_problems (problems);
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
  g_autoptr(GPtrArray) problems = new_problems ();
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
  g_autoptr(GPtrArray) problems = new_problems ();
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
  g_autofree char *valid = fixture_path ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (valid);
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) shown = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) small = atlas_dataset_load_directory (folder, problems);
  g_autoptr(AtlasDataset) linked = load_linked ();
  g_autoptr(GPtrArray) related_articles = NULL;
  gulong handler;

  assert_no_problems (problems);
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

/* The valid fixture overlaid with a case's files, in a fresh folder. */
static char *
assemble_case (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-bad-XXXXXX", NULL);
  g_autofree char *case_dir = NULL;

  case_dir = g_build_filename ("bad", name, NULL);
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      const char *file = atlas_dataset_file_get_name (f);
      g_autofree char *overlay = g_build_filename (case_dir, file, NULL);
      g_autofree char *overlay_path = fixture_path (overlay);
      g_autofree char *removed = g_strconcat (overlay_path, ".removed", NULL);
      g_autofree char *base = g_build_filename ("valid", file, NULL);
      g_autofree char *target = g_build_filename (dir, file, NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (g_file_test (removed, G_FILE_TEST_EXISTS))
        continue;

      bytes = read_fixture_file (g_file_test (overlay_path, G_FILE_TEST_EXISTS) ? overlay : base);
      g_assert_true (g_file_set_contents (target, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), NULL));
    }

  return g_steal_pointer (&dir);
}

static void
remove_case (const char *dir)
{
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *target = g_build_filename (dir, atlas_dataset_file_get_name (f), NULL);

      g_remove (target);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The problems' messages, one per line. */
static char *
join_problems (GPtrArray *problems)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);

      g_assert_true (problem->domain == ATLAS_DATASET_ERROR);
      g_string_append_printf (joined, "%s%s", i > 0 ? "\n" : "", problem->message);
    }

  return g_string_free (joined, FALSE);
}

typedef AtlasDataset *(*LoadFunc) (gconstpointer data,
                                   GPtrArray    *problems);

/* The dataset is refused with exactly the problems expected, whether its
 * items are read from json-glib's whole tree or while json-glib makes
 * them (however few they are).
 */
static void
assert_refused (LoadFunc       load,
                gconstpointer  data,
                const char    *expected)
{
  static const guint min_items_to_stream[] = { G_MAXUINT, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (min_items_to_stream); i++)
    {
      g_autoptr(GPtrArray) problems = new_problems ();
      g_autoptr(AtlasDataset) dataset = NULL;
      g_autofree char *actual = NULL;

      _atlas_dataset_loader_set_min_items_to_stream (min_items_to_stream[i]);
      dataset = load (data, problems);
      actual = join_problems (problems);

      g_test_message ("items read as made from %u", min_items_to_stream[i]);
      g_assert_null (dataset);
      g_assert_cmpstr (actual, ==, expected);
    }
  _atlas_dataset_loader_set_min_items_to_stream (0);
}

static AtlasDataset *
load_folder (gconstpointer  folder,
             GPtrArray     *problems)
{
  return atlas_dataset_load_directory ((GFile *) folder, problems);
}

static AtlasDataset *
load_files (gconstpointer  files,
            GPtrArray     *problems)
{
  return atlas_dataset_load_bytes ((GBytes * const *) files, problems);
}

/* Each bad dataset is refused, with exactly the problems expected. */
static void
test_bad_dataset (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = assemble_case (name);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *expected_name = g_build_filename ("bad", name, "expected.txt", NULL);
  g_autoptr(GBytes) expected_bytes = read_fixture_file (expected_name);
  g_autofree char *expected_text = g_strndup (g_bytes_get_data (expected_bytes, NULL),
                                              g_bytes_get_size (expected_bytes));
  g_autoptr(GString) expected = g_string_new (g_strstrip (expected_text));

  g_string_replace (expected, "{dir}", dir, 0);
  assert_refused (load_folder, folder, expected->str);

  remove_case (dir);
}

/* A name given twice in an object is one member, as json-glib reads it:
 * where it first appears, with its last value; the same for the root's
 * "items". In a small object and in one with many members alike.
 */
static void
test_duplicate_members (void)
{
  g_autoptr(GString) news = g_string_new (
    "{\"items\": [\"not this list\"],\n"
    " \"items\": [\n"
    "  {\"id\": \"first-id\", \"date\": \"2025-06-02\", \"date_precision\": \"day\",\n"
    "   \"title\": {\"vi\": 5, \"en\": \"Title\", \"vi\": \"Tiêu đề\"},\n"
    "   \"summary\": {\"xx\": 1, \"en\": \"Summary\", \"xx\": \"again\"},\n"
    "   \"geoparks\": [\"caobang\"], \"places\": [\"cb-01\"], \"topics\": [\"events\"],\n"
    "   \"extra\": 1, \"id\": \"Second Id\", \"extra\": [], \"date\": \"2025-02-30\"},\n"
    "  {\"id\": \"many-members\", \"date\": \"2025-06-02\", \"date_precision\": \"day\",\n"
    "   \"title\": {\"en\": \"Title\"}, \"summary\": {\"en\": \"Summary\"},\n"
    "   \"geoparks\": [], \"places\": [], \"topics\": [\"events\"]");
  g_autoptr(GString) expected = g_string_new (
    "news.json: $.items[0].extra: unknown field “extra”\n"
    "news.json: $.items[0].id: “Second Id” is not a valid id: use up to 80 lowercase letters, "
    "digits and hyphens\n"
    "news.json: $.items[0].date: 2025-02-30 is not a day that exists\n"
    "news.json: $.items[0].summary.xx: unknown language “xx”: use “vi” or “en”");
  GBytes *files[ATLAS_DATASET_N_FILES];

  /* 40 unknown fields, each twice, and the id again: over 32 members. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 40; i++)
      g_string_append_printf (news, ", \"u%u\": %u", (i * 3) % 40, round);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (expected, "\nnews.json: $.items[1].u%u: unknown field “u%u”",
                            (i * 3) % 40, (i * 3) % 40);
  g_string_append (news, ", \"id\": \"Many Again\"}\n]}\n");
  g_string_append (expected, "\nnews.json: $.items[1].id: “Many Again” is not a valid id: use up "
                   "to 80 lowercase letters, digits and hyphens");

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      if (f == ATLAS_DATASET_FILE_NEWS)
        files[f] = g_bytes_new (news->str, news->len);
      else
        files[f] = read_fixture_file (name);
    }

  assert_refused (load_files, files, expected->str);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);
}

/* Text made only of what g_strstrip() strips (g_ascii_isspace(): not the
 * vertical tab) is empty, written with any of JSON's escapes; a no-break
 * space or a vertical tab is text.
 */
static void
test_blank_text (void)
{
  static const char *title = "\"Lễ trao bằng công nhận Công viên địa chất toàn cầu UNESCO Lạng Sơn\"";
  static const struct {
    const char *json;
    const char *problems;
  } cases[] = {
    { "\" \\t\\n\\r\\f \"", "news.json: $.items[0].title.vi: must not be empty" },
    { "\" \\t\\u00a0\\n\"", "" },
    { "\"\\u000b\"", "" },
  };
  GBytes *files[ATLAS_DATASET_N_FILES];

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      files[f] = read_fixture_file (name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = new_problems ();
      g_autoptr(AtlasDataset) dataset = NULL;
      g_autoptr(GString) news = g_string_new_len (g_bytes_get_data (files[ATLAS_DATASET_FILE_NEWS],
                                                                    NULL),
                                                  g_bytes_get_size (files[ATLAS_DATASET_FILE_NEWS]));
      GBytes *edited[ATLAS_DATASET_N_FILES];
      g_autofree char *actual = NULL;

      g_assert_cmpuint (g_string_replace (news, title, cases[i].json, 1), ==, 1);
      memcpy (edited, files, sizeof edited);
      edited[ATLAS_DATASET_FILE_NEWS] = g_bytes_new (news->str, news->len);
      dataset = atlas_dataset_load_bytes (edited, problems);
      g_bytes_unref (edited[ATLAS_DATASET_FILE_NEWS]);

      actual = join_problems (problems);
      g_assert_cmpstr (actual, ==, cases[i].problems);
    }

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);
}

/* Many news about the valid fixture's places, for a load large enough to
 * report its progress many times: about 1,100 bytes each, some in Vietnamese, the dates
 * spread over ten years so that many tie.
 */
static void
append_article (GString    *json,
                guint       i,
                const char *id,
                const char *extra_field,
                const char *date,
                const char *places,
                const char *topic)
{
  static const char *place_lists[] = {
    "[\"cb-01\"]", "[\"cb-14\", \"cb-01\"]", "[\"ls-01\"]", "[\"khorat\"]", "[]",
  };
  static const char *geopark_lists[] = {
    "[\"caobang\"]", "[\"caobang\", \"langson\"]", "[\"langson\"]", "[]", "[\"langson\"]",
  };
  g_autofree char *own_id = g_strdup_printf ("news-%05u", i);
  g_autofree char *own_date = g_strdup_printf ("%04u-%02u-%02u", 2016 + i % 10, 1 + i % 12,
                                               1 + i % 28);

  g_string_append_printf (json,
                          "%s\n{\"id\": \"%s\",%s \"date\": \"%s\","
                          " \"date_precision\": \"day\","
                          " \"title\": {\"vi\": \"Tin số %u về Non nước Cao Bằng và Bản Giốc\","
                          " \"en\": \"News number %u about Ban Gioc\"},"
                          " \"summary\": {\"vi\": \"Đoàn công tác của tỉnh Lạng Sơn đã đến "
                          "thăm Công viên địa chất toàn cầu UNESCO Non nước Cao Bằng, trao đổi "
                          "kinh nghiệm về bảo tồn di sản địa chất và du lịch cộng đồng (%u).\","
                          " \"en\": \"A delegation from Lang Son visited the Non nuoc Cao Bang "
                          "UNESCO Global Geopark to share experience in conserving geological "
                          "heritage and in community tourism (%u).\"},"
                          "%s \"geoparks\": %s, \"places\": %s, \"topics\": [\"%s\"]}",
                          i > 0 ? "," : "", id != NULL ? id : own_id,
                          extra_field != NULL ? extra_field : "",
                          date != NULL ? date : own_date, i, i, i, i,
                          i % 3 == 0 ? " \"body\": {\"vi\": \"Nội dung chi tiết.\"}," : "",
                          geopark_lists[i % G_N_ELEMENTS (geopark_lists)],
                          places != NULL ? places : place_lists[i % G_N_ELEMENTS (place_lists)],
                          topic != NULL ? topic : "cooperation");
}

#define N_MANY_NEWS 6000

static GBytes *
many_news (gboolean with_problems)
{
  GString *json = g_string_new ("{\"$schema\": \"news.schema.json\", \"items\": [");

  for (guint i = 0; i < N_MANY_NEWS; i++)
    {
      const char *id = NULL, *extra_field = NULL, *date = NULL, *places = NULL, *topic = NULL;

      if (with_problems)
        {
          switch (i)
            {
            case 10: extra_field = " \"colour\": \"red\","; break;
            case 1000: id = "cb-01"; break;
            case 2900: id = "twin"; break;
            case 3100: id = "twin"; break;
            case 4000:
              id = "news-00020";
              extra_field = " \"colour\": 1,";
              date = "2024-02-30";
              break;
            case 4500: id = "news-00020"; break;
            case 5000: id = "news-04900"; places = "[\"nowhere\"]"; break;
            case N_MANY_NEWS - 1: topic = "weather"; break;
            default: break;
            }
        }
      append_article (json, i, id, extra_field, date, places, topic);
    }
  g_string_append (json, "\n]}\n");

  return g_string_free_to_bytes (json);
}

/* The valid fixture with many news; its problems, when there are any, go
 * to problems.
 */
static AtlasDataset *
load_many (gboolean   with_problems,
           GPtrArray *problems)
{
  GBytes *files[ATLAS_DATASET_N_FILES];
  AtlasDataset *dataset;

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      if (f == ATLAS_DATASET_FILE_NEWS)
        files[f] = many_news (with_problems);
      else
        files[f] = read_fixture_file (name);
    }

  dataset = atlas_dataset_load_bytes ((GBytes * const *) files, problems);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);

  return dataset;
}

static AtlasDataset *
load_many_with_problems (gconstpointer  unused,
                         GPtrArray     *problems)
{
  return load_many (TRUE, problems);
}

/* A large file's problems come in file order: each duplicate id found
 * where its second definition is, and said to be a duplicate of the first
 * in the files; references checked last.
 */
static const char *many_problems =
    "news.json: $.items[10].colour: unknown field “colour”\n"
    "news.json: $.items[1000].id: duplicate id “cb-01”, already used at "
    "places.json: $.items[0].id\n"
    "news.json: $.items[3100].id: duplicate id “twin”, already used at "
    "news.json: $.items[2900].id\n"
    "news.json: $.items[4000].colour: unknown field “colour”\n"
    "news.json: $.items[4000].id: duplicate id “news-00020”, already used at "
    "news.json: $.items[20].id\n"
    "news.json: $.items[4000].date: 2024-02-30 is not a day that exists\n"
    "news.json: $.items[4500].id: duplicate id “news-00020”, already used at "
    "news.json: $.items[20].id\n"
    "news.json: $.items[5000].id: duplicate id “news-04900”, already used at "
    "news.json: $.items[4900].id\n"
    "news.json: $.items[5999].topics[0]: “weather” is not a topic: use one of recognition, "
    "conservation, education, community, tourism, cooperation, events\n"
    "news.json: $.items[5000].places[0]: unknown place “nowhere”";

static void
test_large_same_problems (void)
{
  assert_refused (load_many_with_problems, NULL, many_problems);
}

/* The many news with problems, the start of the root object rewritten. */
static AtlasDataset *
load_many_rewritten (gconstpointer  root_start,
                     GPtrArray     *problems)
{
  g_autoptr(GBytes) news = many_news (TRUE);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (news, NULL),
                                             g_bytes_get_size (news));
  GBytes *files[ATLAS_DATASET_N_FILES];
  AtlasDataset *dataset;

  g_assert_cmpuint (g_string_replace (text, "{\"$schema\": \"news.schema.json\", \"items\": [",
                                      root_start, 1), ==, 1);
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      if (f == ATLAS_DATASET_FILE_NEWS)
        files[f] = g_bytes_new (text->str, text->len);
      else
        files[f] = read_fixture_file (name);
    }

  dataset = atlas_dataset_load_bytes ((GBytes * const *) files, problems);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);

  return dataset;
}

/* The items are read while json-glib makes them, unless the check cannot
 * tell which array is the root's "items" (a name written with escapes):
 * then once it has made them all. Either way, the same problems in the
 * same order, the root's own before its items'; an array of objects before
 * "items" is not taken for it (its id would clash with the first item's).
 */
static void
test_large_read_as_parsed (void)
{
  static const char *root_starts[] = {
    "{\"extra\": [{\"id\": \"news-00000\"}], \"$schema\": 5, \"items\": [",
    "{\"extra\": [{\"id\": \"news-00000\"}], \"$schema\": 5, \"\\u0069tems\": [",
  };
  g_autofree char *expected = g_strconcat ("news.json: $.extra: unknown field “extra”\n"
                                           "news.json: $.$schema: must be a string, not 5\n",
                                           many_problems, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (root_starts); i++)
    assert_refused (load_many_rewritten, root_starts[i], expected);
}

/* Spoils the character after the first occurrence of text in the news:
 * a lead byte followed by no continuation. Returns where it is.
 */
static gsize
spoil_utf8 (GByteArray *news,
            const char *text)
{
  const char *found = g_strstr_len ((const char *) news->data, news->len, text);
  gsize at;

  g_assert_nonnull (found);
  at = found - (const char *) news->data + strlen (text);
  news->data[at] = 0xC3;

  return at;
}

/* A large file that is not UTF-8 is refused at the first byte that is
 * not (the generated news are full of Vietnamese letters).
 */
static void
test_large_not_utf8 (void)
{
  g_autoptr(GBytes) valid_news = many_news (FALSE);
  gsize size = g_bytes_get_size (valid_news);
  g_autoptr(GByteArray) news = g_byte_array_sized_new (size);
  g_autofree char *expected = NULL;
  GBytes *files[ATLAS_DATASET_N_FILES];
  gsize first;

  g_byte_array_append (news, g_bytes_get_data (valid_news, NULL), size);
  first = spoil_utf8 (news, "News number 2500 ");
  spoil_utf8 (news, "News number 5000 ");
  expected = g_strdup_printf ("news.json: $: the file is not valid UTF-8 text (at byte %"
                              G_GSIZE_FORMAT ")", first);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      if (f == ATLAS_DATASET_FILE_NEWS)
        files[f] = g_bytes_new (news->data, news->len);
      else
        files[f] = read_fixture_file (name);
    }

  assert_refused (load_files, files, expected);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);
}

/* Everything the dataset holds of an article or a place, on one line. */
static char *
describe_item (gpointer item)
{
  GString *line = g_string_new (NULL);
  g_autofree char *id = NULL;

  g_object_get (item, "id", &id, NULL);
  g_string_append (line, id);
  if (ATLAS_IS_ARTICLE (item))
    {
      AtlasArticle *article = item;
      AtlasText *texts[] = { article->date_note, article->title, article->summary, article->body };
      g_autofree char *geoparks = g_strjoinv (",", article->geopark_ids);
      g_autofree char *places = g_strjoinv (",", article->place_ids);

      g_string_append_printf (line, " %u %d %s %s %x %s %u %u",
                              g_date_get_julian (&article->date), article->date_precision,
                              geoparks, places, article->topics, article->source,
                              article->position, article->search_position);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        for (guint l = 0; texts[t] != NULL && l < ATLAS_N_LANGUAGES; l++)
          g_string_append_printf (line, " [%s]", atlas_text_get_exact (texts[t], l));
    }
  else
    {
      AtlasPlace *place = item;

      g_string_append_printf (line, " %d %s %s %g %g %g %d %s %s %u %s %s", place->kind,
                              place->geopark_id, atlas_text_get (place->name, 0),
                              place->latitude, place->longitude, place->precision_m,
                              place->approximate, place->source, place->country,
                              place->search_position, place->sort_keys[0], place->sort_keys[1]);
    }

  return g_string_free (line, FALSE);
}

/* Which items of the dataset's lists the search index gives for a query. */
static char *
describe_search (AtlasDataset *dataset,
                 const char   *query)
{
  AtlasSearchIndex *index = _atlas_dataset_get_search_index (dataset);
  g_auto(GStrv) words = atlas_search_parse (query);
  AtlasSearchMatches *matches = atlas_search_index_find (index, (const char * const *) words, NULL);
  GListModel *lists[] = {
    atlas_dataset_get_places (dataset), atlas_dataset_get_articles (dataset),
  };
  GString *found = g_string_new (NULL);

  g_string_append_printf (found, "%u of %u:", _atlas_search_matches_count (matches),
                          _atlas_search_index_get_n_items (index));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        guint position = ATLAS_IS_PLACE (item) ? ATLAS_PLACE (item)->search_position
                                               : ATLAS_ARTICLE (item)->search_position;

        if (atlas_search_matches_contains (matches, position, item))
          g_string_append_printf (found, " %u.%u", l, i);
      }
  atlas_search_matches_free (matches);

  return g_string_free (found, FALSE);
}

/* The whole of a dataset as text: its lists, its orders, its links and
 * what searches find in it.
 */
static char *
describe_dataset (AtlasDataset *dataset)
{
  static const char *queries[] = { "ban gioc", "lạng sơn", "12", "news number 59", "chi tiet" };
  GListModel *lists[] = {
    atlas_dataset_get_geoparks (dataset), atlas_dataset_get_places (dataset),
    atlas_dataset_get_articles (dataset),
  };
  GString *text = g_string_new (NULL);
  g_autofree char *by_date = join_ids (atlas_dataset_get_articles_by_date (dataset));
  const char *links[] = { "caobang", "langson", "cb-01", "khorat" };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        g_autofree char *line = NULL;

        if (ATLAS_IS_GEOPARK (item))
          line = g_strdup (atlas_geopark_get_id (ATLAS_GEOPARK (item)));
        else
          line = describe_item (item);
        g_string_append_printf (text, "%s\n", line);
      }
  g_string_append_printf (text, "by date: %s\n", by_date);
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      GPtrArray *arrays[] = {
        atlas_dataset_get_geopark_articles (dataset, links[i]),
        atlas_dataset_get_place_articles (dataset, links[i]),
        atlas_dataset_get_geopark_places (dataset, links[i]),
      };

      g_string_append_printf (text, "%s:", links[i]);
      for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
        {
          g_autofree char *ids = join_ids (arrays[a]);

          g_string_append_printf (text, " | %s", ids);
        }
      g_string_append_c (text, '\n');
    }
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *found = describe_search (dataset, queries[q]);

      g_string_append_printf (text, "%s: %s\n", queries[q], found);
    }
  g_string_append_printf (text, "search index: %" G_GSIZE_FORMAT " bytes\n",
                          _atlas_search_index_get_size (_atlas_dataset_get_search_index (dataset)));

  return g_string_free (text, FALSE);
}

typedef struct
{
  GThread      *thread;
  GArray       *fractions;
  GCancellable *cancellable;
  double        cancel_at;
  double        cancelled_at;     /* what the progress said when cancelled */
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_thread_self () == progress->thread);
  g_array_append_val (progress->fractions, fraction);
  if (fraction >= progress->cancel_at && !g_cancellable_is_cancelled (progress->cancellable))
    {
      progress->cancelled_at = fraction;
      g_cancellable_cancel (progress->cancellable);
    }
}

/* Loads the valid fixture with many news from a folder, with the progress
 * and cancellation of the window's loads, the search index made in a
 * thread of its own.
 */
static AtlasDataset *
load_many_from_folder (Progress  *progress,
                       GPtrArray *problems)
{
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GBytes) news = many_news (FALSE);
  AtlasDatasetProgress load_progress = { progress->cancellable, on_progress, progress };
  g_autofree char *path = g_build_filename (dir, "news.json", NULL);
  AtlasDataset *dataset;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (news, NULL),
                                      g_bytes_get_size (news), NULL));
  _atlas_dataset_loader_set_n_threads (2);
  dataset = atlas_dataset_load_directory_full (folder, &load_progress, problems);
  _atlas_dataset_loader_set_n_threads (0);
  atlas_test_remove_dataset (dir);

  return dataset;
}

/* The progress of a load only goes forward, while json-glib parses as
 * while the items are read, and is only reported in the thread that loads.
 */
static void
test_large_progress (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { g_thread_self (), fractions, cancellable, 2.0 };
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) dataset = load_many_from_folder (&progress, problems);

  assert_no_problems (problems);
  g_assert_nonnull (dataset);
  /* Once per thousandth at most, and often while the news are read. */
  g_assert_cmpuint (fractions->len, >, 100);
  g_assert_cmpuint (fractions->len, <=, 1000);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i - 1), <,
                       g_array_index (fractions, double, i));
  /* Reading is three quarters of a load; the news are almost all of the
   * bytes.
   */
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 2), >, 0.7);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

/* A load says no more of its progress once it is cancelled, and stops:
 * at its next item, or once json-glib has parsed the file it was parsing.
 */
static void
test_large_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { g_thread_self (), fractions, cancellable, 0.05 };
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(AtlasDataset) dataset = load_many_from_folder (&progress, problems);
  double last;

  g_assert_null (dataset);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error ((GError *) g_ptr_array_index (problems, 0), ATLAS_DATASET_ERROR,
                  ATLAS_DATASET_ERROR_IO);
  /* Where the cancel comes depends on how often json-glib makes an
   * element, not on what follows it.
   */
  last = g_array_index (fractions, double, fractions->len - 1);
  g_test_message ("cancelled at %g, stopped at %g", progress.cancelled_at, last);
  g_assert_cmpfloat (progress.cancelled_at, >=, 0.05);
  g_assert_cmpfloat (last - progress.cancelled_at, <, 0.02);
}

/* With the search index made in a thread of its own, a dataset is the one
 * made in one thread, to the last byte of its search index.
 */
static void
test_threads_same_dataset (void)
{
  g_autofree char *one_thread = NULL;

  for (guint n_threads = 1; n_threads <= 3; n_threads++)
    {
      g_autoptr(GPtrArray) problems = new_problems ();
      g_autoptr(AtlasDataset) dataset = NULL;
      g_autofree char *described = NULL;

      _atlas_dataset_loader_set_n_threads (n_threads);
      dataset = load_many (FALSE, problems);
      assert_no_problems (problems);
      g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_articles (dataset)), ==,
                        N_MANY_NEWS);
      described = describe_dataset (dataset);

      g_test_message ("%u threads", n_threads);
      if (one_thread == NULL)
        one_thread = g_steal_pointer (&described);
      else
        g_assert_cmpstr (described, ==, one_thread);
    }
  _atlas_dataset_loader_set_n_threads (0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bad = NULL;
  g_autoptr(GDir) cases = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset/bundled/valid", test_bundled_is_valid);
  g_test_add_func ("/dataset/bundled/preload", test_bundled_preload);
  g_test_add_func ("/dataset/bundled/every-seed-item", test_bundled_has_every_seed_item);
  g_test_add_func ("/dataset/bundled/dates-explained", test_bundled_dates_explained);
  g_test_add_func ("/dataset/export-round-trip", test_export_round_trip);
  g_test_add_func ("/dataset/text-is-nfc", test_text_is_nfc);
  g_test_add_func ("/dataset/lookup-by-kind", test_lookup_by_kind);
  g_test_add_func ("/dataset/take-contents", test_take_contents);
  g_test_add_func ("/dataset/search-texts", test_search_texts);
  g_test_add_func ("/dataset/links/article-order", test_article_order);
  g_test_add_func ("/dataset/links/place-articles", test_place_articles);
  g_test_add_func ("/dataset/links/geopark", test_geopark_links);
  g_test_add_func ("/dataset/links/related-articles", test_related_articles);
  g_test_add_func ("/dataset/links/related-articles-as-scanned", test_related_articles_as_scanned);
  g_test_add_func ("/dataset/links/article-years", test_article_years);
  g_test_add_func ("/dataset/links/bundled", test_bundled_links);
  g_test_add_func ("/dataset/links/bundled-geopark", test_bundled_geopark_links);
  g_test_add_func ("/dataset/links/take-contents", test_take_contents_links);
  g_test_add_func ("/dataset/duplicate-members", test_duplicate_members);
  g_test_add_func ("/dataset/blank-text", test_blank_text);
  g_test_add_func ("/dataset/large/same-problems", test_large_same_problems);
  g_test_add_func ("/dataset/large/read-as-parsed", test_large_read_as_parsed);
  g_test_add_func ("/dataset/threads/same-dataset", test_threads_same_dataset);
  g_test_add_func ("/dataset/large/not-utf8", test_large_not_utf8);
  g_test_add_func ("/dataset/large/progress", test_large_progress);
  g_test_add_func ("/dataset/large/cancel", test_large_cancel);

  bad = fixture_path ("bad");
  cases = g_dir_open (bad, 0, NULL);
  g_assert_nonnull (cases);
  while ((name = g_dir_read_name (cases)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strconcat ("/dataset/bad/", (char *) names->pdata[i], NULL);

      g_test_add_data_func (path, names->pdata[i], test_bad_dataset);
    }

  return g_test_run ();
}
