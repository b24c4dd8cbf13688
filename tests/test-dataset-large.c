/* test-dataset-large.c: loading large datasets, in threads.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dataset-large"

#include "config.h"

#include "atlas-article-private.h"
#include "atlas-dataset-private.h"
#include "atlas-place-private.h"
#include "atlas-search-index-private.h"
#include "atlas-search.h"
#include "atlas-test-dataset.h"
#include "atlas-test-utils.h"

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

/* The files of the valid fixture, with news as news.json (taken). */
static void
valid_files_with_news (GBytes **files,
                       GBytes  *news)
{
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *name = g_build_filename ("valid", atlas_dataset_file_get_name (f), NULL);

      files[f] = f == ATLAS_DATASET_FILE_NEWS ? news : atlas_test_read_fixture_file (name);
    }
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

  valid_files_with_news (files, many_news (with_problems));

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
  atlas_test_assert_refused (load_many_with_problems, NULL, many_problems);
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
  valid_files_with_news (files, g_bytes_new (text->str, text->len));

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
    atlas_test_assert_refused (load_many_rewritten, root_starts[i], expected);
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

  valid_files_with_news (files, g_bytes_new (news->data, news->len));

  atlas_test_assert_refused (atlas_test_load_files, files, expected);

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
  g_autoptr(AtlasSearchQuery) parsed = atlas_search_query_new (query);
  AtlasSearchMatches *matches = atlas_search_index_find (index, parsed, NULL);
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
          g_string_append_printf (found, " %u.%u=%x", l, i,
                                  atlas_search_matches_get_score (matches, position, item));
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
  g_autofree char *by_date = atlas_test_join_ids (atlas_dataset_get_articles_by_date (dataset));
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
          g_autofree char *ids = atlas_test_join_ids (arrays[a]);

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
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
  g_autoptr(AtlasDataset) dataset = load_many_from_folder (&progress, problems);

  atlas_test_assert_no_problems (problems);
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
  g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
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
      g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
      g_autoptr(AtlasDataset) dataset = NULL;
      g_autofree char *described = NULL;

      _atlas_dataset_loader_set_n_threads (n_threads);
      dataset = load_many (FALSE, problems);
      atlas_test_assert_no_problems (problems);
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
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset/large/same-problems", test_large_same_problems);
  g_test_add_func ("/dataset/large/read-as-parsed", test_large_read_as_parsed);
  g_test_add_func ("/dataset/threads/same-dataset", test_threads_same_dataset);
  g_test_add_func ("/dataset/large/not-utf8", test_large_not_utf8);
  g_test_add_func ("/dataset/large/progress", test_large_progress);
  g_test_add_func ("/dataset/large/cancel", test_large_cancel);

  return g_test_run ();
}
