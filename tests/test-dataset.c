/* test-dataset.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dataset"

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-browse-filter.h"
#include "atlas-dataset-private.h"
#include "atlas-place-private.h"
#include "atlas-test-dataset.h"
#include "atlas-test-utils.h"

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
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_bundled (problems);

  atlas_test_assert_no_problems (problems);
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
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) direct = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) preloaded = NULL;
  g_autoptr(AtlasDataset) again = NULL;
  GListModel *(*lists[]) (AtlasDataset *) = {
    atlas_dataset_get_geoparks, atlas_dataset_get_places, atlas_dataset_get_articles,
  };

  atlas_dataset_preload_bundled ();
  preloaded = atlas_dataset_load_bundled (problems);
  again = atlas_dataset_load_bundled (problems);
  atlas_test_assert_no_problems (problems);
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
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
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
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
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
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) bundled = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_assert_true (atlas_dataset_export_bundled (folder, &error));
  g_assert_no_error (error);

  exported = atlas_dataset_load_directory (folder, problems);
  atlas_test_assert_no_problems (problems);
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

/* Text typed as decomposed Unicode is stored composed. */
static void
test_text_is_nfc (void)
{
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) dataset = NULL;
  GBytes *files[ATLAS_DATASET_N_FILES];
  g_autofree char *places = NULL;
  g_autofree char *decomposed = g_utf8_normalize ("Thác Bản Giốc", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) edited = NULL;
  AtlasPlace *place;

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      files[f] = atlas_test_read_fixture_file (name);
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
  atlas_test_assert_no_problems (problems);
  place = atlas_dataset_lookup_place (dataset, "cb-01");
  g_assert_cmpstr (atlas_text_get (atlas_place_get_name (place), ATLAS_LANGUAGE_VI),
                   ==, "Thác Bản Giốc");

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);
}

static void
test_lookup_by_kind (void)
{
  g_autofree char *valid = atlas_test_fixture_path ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (valid);
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_directory (folder, problems);

  atlas_test_assert_no_problems (problems);
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
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
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
  g_autofree char *valid = atlas_test_fixture_path ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (valid);
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) shown = atlas_dataset_load_bundled (problems);
  g_autoptr(AtlasDataset) small = atlas_dataset_load_directory (folder, problems);
  guint n_signals = 0;

  atlas_test_assert_no_problems (problems);
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
      g_autofree char *overlay_path = atlas_test_fixture_path (overlay);
      g_autofree char *removed = g_strconcat (overlay_path, ".removed", NULL);
      g_autofree char *base = g_build_filename ("valid", file, NULL);
      g_autofree char *target = g_build_filename (dir, file, NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (g_file_test (removed, G_FILE_TEST_EXISTS))
        continue;

      bytes = atlas_test_read_fixture_file (g_file_test (overlay_path, G_FILE_TEST_EXISTS) ?
                                            overlay : base);
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

static AtlasDataset *
load_folder (gconstpointer  folder,
             GPtrArray     *problems)
{
  return atlas_dataset_load_directory ((GFile *) folder, problems);
}

/* Each bad dataset is refused, with exactly the problems expected. */
static void
test_bad_dataset (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = assemble_case (name);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *expected_name = g_build_filename ("bad", name, "expected.txt", NULL);
  g_autoptr(GBytes) expected_bytes = atlas_test_read_fixture_file (expected_name);
  g_autofree char *expected_text = g_strndup (g_bytes_get_data (expected_bytes, NULL),
                                              g_bytes_get_size (expected_bytes));
  g_autoptr(GString) expected = g_string_new (g_strstrip (expected_text));

  g_string_replace (expected, "{dir}", dir, 0);
  atlas_test_assert_refused (load_folder, folder, expected->str);

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
        files[f] = atlas_test_read_fixture_file (name);
    }

  atlas_test_assert_refused (atlas_test_load_files, files, expected->str);

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

      files[f] = atlas_test_read_fixture_file (name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
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

      actual = atlas_test_join_problems (problems);
      g_assert_cmpstr (actual, ==, cases[i].problems);
    }

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);
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
  g_test_add_func ("/dataset/duplicate-members", test_duplicate_members);
  g_test_add_func ("/dataset/blank-text", test_blank_text);

  bad = atlas_test_fixture_path ("bad");
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
