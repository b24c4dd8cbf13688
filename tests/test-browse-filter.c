/* test-browse-filter.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-browse-filter"

#include "config.h"

#include <string.h>

#include "atlas-browse-filter.h"
#include "atlas-dataset-loader.h"
#include "atlas-test-utils.h"

/* The valid fixture's geoparks and places (cb-01 and cb-14 of caobang, ls-01
 * of langson, khorat of none) with news that cover each criterion; the
 * second names a place of Cao Bằng but not the geopark.
 */
#define ARTICLE(id, date, geoparks, places, topics, title_vi, title_en) \
  "{\"id\": \"" id "\", \"date\": \"" date "\", \"date_precision\": \"day\"," \
  " \"title\": {\"vi\": \"" title_vi "\", \"en\": \"" title_en "\"}," \
  " \"summary\": {\"vi\": \"Tóm tắt\", \"en\": \"Summary\"}," \
  " \"geoparks\": " geoparks ", \"places\": " places ", \"topics\": " topics "}"

static const char news[] =
  "{\"items\": ["
  ARTICLE ("langson-2025", "2025-06-02", "[\"langson\"]", "[]", "[\"recognition\", \"events\"]",
           "Lạng Sơn nhận bằng", "Lang Son receives its certificate") ", "
  ARTICLE ("ban-gioc-2025", "2025-02-05", "[]", "[\"cb-01\"]", "[\"tourism\"]",
           "Du lịch mùa thu", "Autumn tourism") ", "
  ARTICLE ("dia-tren-2024", "2024-09-13", "[\"caobang\"]", "[\"cb-14\"]",
           "[\"community\", \"conservation\"]", "Làng giấy", "The paper village") ", "
  ARTICLE ("khorat-2024", "2024-09-13", "[\"caobang\"]", "[\"khorat\"]", "[\"cooperation\"]",
           "Hợp tác", "Cooperation")
  "]}";

static AtlasDataset *
load_dataset (void)
{
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  AtlasDataset *dataset;

  atlas_test_write (dir, "news.json", news);
  dataset = atlas_dataset_load_directory (folder, problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  atlas_test_remove_dataset (dir);

  return dataset;
}

/* The ids of what the filter lets through, in dataset order. */
static char *
matching (AtlasBrowseFilter *filter,
          AtlasDataset      *dataset,
          GListModel        *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gboolean matches;
      g_autofree char *id = NULL;

      if (ATLAS_IS_ARTICLE (item))
        matches = atlas_browse_filter_match_article (filter, dataset, ATLAS_ARTICLE (item));
      else
        matches = atlas_browse_filter_match_place (filter, dataset, ATLAS_PLACE (item));

      g_object_get (item, "id", &id, NULL);
      if (matches)
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "", id);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_articles(filter, dataset, expected) \
  G_STMT_START { \
    g_autofree char *_ids = matching (filter, dataset, atlas_dataset_get_articles (dataset)); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

#define assert_places(filter, dataset, expected) \
  G_STMT_START { \
    g_autofree char *_ids = matching (filter, dataset, atlas_dataset_get_places (dataset)); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

#define ALL_ARTICLES "langson-2025 ban-gioc-2025 dia-tren-2024 khorat-2024"
#define ALL_PLACES "cb-01 cb-14 ls-01 khorat"

static void
test_defaults (void)
{
  g_autoptr(AtlasDataset) dataset = load_dataset ();
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  g_autofree char *search = NULL;

  g_assert_cmpstr (atlas_browse_filter_get_search (filter), ==, "");
  g_assert_nonnull (atlas_browse_filter_get_search_words (filter));
  g_assert_null (atlas_browse_filter_get_search_words (filter)[0]);
  g_assert_null (atlas_browse_filter_get_geopark_id (filter));
  g_assert_null (atlas_browse_filter_get_place_id (filter));
  g_assert_cmpuint (atlas_browse_filter_get_topic (filter), ==, 0);
  g_assert_cmpint (atlas_browse_filter_get_year (filter), ==, 0);
  g_assert_true (atlas_browse_filter_is_empty (filter));
  g_object_get (filter, "search", &search, NULL);
  g_assert_cmpstr (search, ==, "");

  assert_articles (filter, dataset, ALL_ARTICLES);
  assert_places (filter, dataset, ALL_PLACES);
}

static void
test_search (void)
{
  g_autoptr(AtlasDataset) dataset = load_dataset ();
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  const char * const *words;

  atlas_browse_filter_set_search (filter, "  Bản  GIỐC ");
  g_assert_cmpstr (atlas_browse_filter_get_search (filter), ==, "  Bản  GIỐC ");
  words = atlas_browse_filter_get_search_words (filter);
  g_assert_cmpuint (g_strv_length ((GStrv) words), ==, 2);
  g_assert_cmpstr (words[0], ==, "ban");
  g_assert_cmpstr (words[1], ==, "gioc");
  /* The article names the place; its name is part of what is searched. */
  assert_articles (filter, dataset, "ban-gioc-2025");
  assert_places (filter, dataset, "cb-01");

  /* Geopark names too, for what names the geopark or is in it. */
  atlas_browse_filter_set_search (filter, "cao bang");
  assert_articles (filter, dataset, "dia-tren-2024 khorat-2024");
  assert_places (filter, dataset, "cb-01 cb-14");

  atlas_browse_filter_set_search (filter, "cao bang khorat");
  assert_articles (filter, dataset, "khorat-2024");
  assert_places (filter, dataset, "");

  atlas_browse_filter_set_search (filter, NULL);
  g_assert_cmpstr (atlas_browse_filter_get_search (filter), ==, "");
  assert_articles (filter, dataset, ALL_ARTICLES);
}

static void
test_geopark (void)
{
  g_autoptr(AtlasDataset) dataset = load_dataset ();
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();

  /* ban-gioc-2025 names only a place of Cao Bằng; khorat is in no geopark. */
  atlas_browse_filter_set_geopark_id (filter, "caobang");
  assert_articles (filter, dataset, "ban-gioc-2025 dia-tren-2024 khorat-2024");
  assert_places (filter, dataset, "cb-01 cb-14");

  atlas_browse_filter_set_geopark_id (filter, "langson");
  assert_articles (filter, dataset, "langson-2025");
  assert_places (filter, dataset, "ls-01");

  atlas_browse_filter_set_geopark_id (filter, "no-such-geopark");
  assert_articles (filter, dataset, "");
  assert_places (filter, dataset, "");

  /* "" is no geopark, as NULL. */
  atlas_browse_filter_set_geopark_id (filter, "");
  g_assert_null (atlas_browse_filter_get_geopark_id (filter));
  assert_articles (filter, dataset, ALL_ARTICLES);
}

/* The place, the topic and the year pick news, and leave places alone. */
static void
test_news_only_criteria (void)
{
  g_autoptr(AtlasDataset) dataset = load_dataset ();
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();

  atlas_browse_filter_set_place_id (filter, "cb-01");
  g_assert_cmpstr (atlas_browse_filter_get_place_id (filter), ==, "cb-01");
  assert_articles (filter, dataset, "ban-gioc-2025");
  assert_places (filter, dataset, ALL_PLACES);
  atlas_browse_filter_set_place_id (filter, "ls-01");
  assert_articles (filter, dataset, "");
  atlas_browse_filter_set_place_id (filter, NULL);

  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_CONSERVATION);
  g_assert_cmpuint (atlas_browse_filter_get_topic (filter), ==, ATLAS_TOPIC_CONSERVATION);
  assert_articles (filter, dataset, "dia-tren-2024");
  assert_places (filter, dataset, ALL_PLACES);
  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_EVENTS);
  assert_articles (filter, dataset, "langson-2025");
  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_EDUCATION);
  assert_articles (filter, dataset, "");
  atlas_browse_filter_set_topic (filter, 0);

  atlas_browse_filter_set_year (filter, 2024);
  g_assert_cmpint (atlas_browse_filter_get_year (filter), ==, 2024);
  assert_articles (filter, dataset, "dia-tren-2024 khorat-2024");
  assert_places (filter, dataset, ALL_PLACES);
  atlas_browse_filter_set_year (filter, 2023);
  assert_articles (filter, dataset, "");
  atlas_browse_filter_set_year (filter, 0);

  assert_articles (filter, dataset, ALL_ARTICLES);
}

/* Every criterion must hold. */
static void
test_combined (void)
{
  g_autoptr(AtlasDataset) dataset = load_dataset ();
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();

  atlas_browse_filter_set_geopark_id (filter, "caobang");
  atlas_browse_filter_set_year (filter, 2024);
  assert_articles (filter, dataset, "dia-tren-2024 khorat-2024");

  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_COOPERATION);
  assert_articles (filter, dataset, "khorat-2024");

  atlas_browse_filter_set_place_id (filter, "cb-14");
  assert_articles (filter, dataset, "");
  atlas_browse_filter_set_place_id (filter, "khorat");
  assert_articles (filter, dataset, "khorat-2024");

  atlas_browse_filter_set_search (filter, "gioc");
  assert_articles (filter, dataset, "");
  assert_places (filter, dataset, "cb-01");

  atlas_browse_filter_set_search (filter, "giay");
  assert_places (filter, dataset, "cb-14");
  atlas_browse_filter_set_geopark_id (filter, "langson");
  assert_places (filter, dataset, "");
}

typedef struct
{
  guint n_changed;
  guint n_notify[6];
} Counts;

static const char *property_names[] = { "search", "geopark-id", "place-id", "topic", "year" };

static void
on_changed (AtlasBrowseFilter *filter,
            Counts            *counts)
{
  counts->n_changed++;
}

static void
on_notify (AtlasBrowseFilter *filter,
           GParamSpec        *pspec,
           Counts            *counts)
{
  for (guint i = 0; i < G_N_ELEMENTS (property_names); i++)
    counts->n_notify[i] += g_strcmp0 (pspec->name, property_names[i]) == 0;
  counts->n_notify[G_N_ELEMENTS (property_names)]++;
}

static void
watch (AtlasBrowseFilter *filter,
       Counts            *counts)
{
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), counts);
  g_signal_connect (filter, "notify", G_CALLBACK (on_notify), counts);
}

/* After an action, "changed" came n_changed times, and each property was
 * notified as many times as the mask has it (bit i for property_names[i]).
 */
static void
assert_counts (Counts *counts,
               guint   n_changed,
               guint   notified)
{
  guint n_notified = 0;

  g_assert_cmpuint (counts->n_changed, ==, n_changed);
  for (guint i = 0; i < G_N_ELEMENTS (property_names); i++)
    {
      guint expected = (notified >> i) & 1;

      if (counts->n_notify[i] != expected)
        g_test_message ("property %s notified %u times", property_names[i], counts->n_notify[i]);
      g_assert_cmpuint (counts->n_notify[i], ==, expected);
      n_notified += expected;
    }
  g_assert_cmpuint (counts->n_notify[G_N_ELEMENTS (property_names)], ==, n_notified);

  memset (counts, 0, sizeof (*counts));
}

#define SEARCH (1 << 0)
#define GEOPARK_ID (1 << 1)
#define PLACE_ID (1 << 2)
#define TOPIC (1 << 3)
#define YEAR (1 << 4)

static void
test_signals (void)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  Counts counts = { 0, };

  watch (filter, &counts);

  atlas_browse_filter_set_search (filter, "dong");
  assert_counts (&counts, 1, SEARCH);
  atlas_browse_filter_set_search (filter, "dong");
  assert_counts (&counts, 0, 0);
  atlas_browse_filter_set_search (filter, "Đồng");
  assert_counts (&counts, 1, SEARCH);

  atlas_browse_filter_set_geopark_id (filter, "caobang");
  assert_counts (&counts, 1, GEOPARK_ID);
  atlas_browse_filter_set_geopark_id (filter, "caobang");
  assert_counts (&counts, 0, 0);
  atlas_browse_filter_set_geopark_id (filter, NULL);
  assert_counts (&counts, 1, GEOPARK_ID);
  atlas_browse_filter_set_geopark_id (filter, "");
  assert_counts (&counts, 0, 0);

  atlas_browse_filter_set_place_id (filter, "cb-01");
  assert_counts (&counts, 1, PLACE_ID);
  atlas_browse_filter_set_place_id (filter, "cb-01");
  assert_counts (&counts, 0, 0);

  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_TOURISM);
  assert_counts (&counts, 1, TOPIC);
  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_TOURISM);
  assert_counts (&counts, 0, 0);

  atlas_browse_filter_set_year (filter, 2025);
  assert_counts (&counts, 1, YEAR);
  atlas_browse_filter_set_year (filter, 2025);
  assert_counts (&counts, 0, 0);

  /* Through the properties, as bindings and saved state set them. */
  g_object_set (filter, "year", 2024, NULL);
  assert_counts (&counts, 1, YEAR);
  g_object_set (filter, "topic", ATLAS_TOPIC_TOURISM, "place-id", "cb-01", NULL);
  assert_counts (&counts, 0, 0);
  g_object_set (filter, "search", "ban gioc", "geopark-id", "caobang", NULL);
  assert_counts (&counts, 2, SEARCH | GEOPARK_ID);
  g_assert_cmpstr (atlas_browse_filter_get_search_words (filter)[1], ==, "gioc");
}

static void
test_clear (void)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  Counts counts = { 0, };

  atlas_browse_filter_set_search (filter, "dong van");
  atlas_browse_filter_set_geopark_id (filter, "dongvan");
  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_EVENTS);
  atlas_browse_filter_set_year (filter, 2024);
  watch (filter, &counts);

  atlas_browse_filter_clear (filter);
  assert_counts (&counts, 1, SEARCH | GEOPARK_ID | TOPIC | YEAR);
  g_assert_true (atlas_browse_filter_is_empty (filter));
  g_assert_cmpstr (atlas_browse_filter_get_search (filter), ==, "");
  g_assert_null (atlas_browse_filter_get_search_words (filter)[0]);
  g_assert_null (atlas_browse_filter_get_geopark_id (filter));
  g_assert_cmpuint (atlas_browse_filter_get_topic (filter), ==, 0);
  g_assert_cmpint (atlas_browse_filter_get_year (filter), ==, 0);

  /* Nothing to clear, nothing changes. */
  atlas_browse_filter_clear (filter);
  assert_counts (&counts, 0, 0);

  atlas_browse_filter_set_place_id (filter, "cb-01");
  assert_counts (&counts, 1, PLACE_ID);
  atlas_browse_filter_clear (filter);
  assert_counts (&counts, 1, PLACE_ID);
}

/* Any criterion, a search of spaces included, makes the filter not empty. */
static void
test_is_empty (void)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();

  g_assert_true (atlas_browse_filter_is_empty (filter));

  atlas_browse_filter_set_search (filter, " ");
  g_assert_false (atlas_browse_filter_is_empty (filter));
  atlas_browse_filter_set_search (filter, "");
  g_assert_true (atlas_browse_filter_is_empty (filter));

  atlas_browse_filter_set_geopark_id (filter, "caobang");
  g_assert_false (atlas_browse_filter_is_empty (filter));
  atlas_browse_filter_set_geopark_id (filter, NULL);

  atlas_browse_filter_set_place_id (filter, "cb-01");
  g_assert_false (atlas_browse_filter_is_empty (filter));
  atlas_browse_filter_set_place_id (filter, NULL);

  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_RECOGNITION);
  g_assert_false (atlas_browse_filter_is_empty (filter));
  atlas_browse_filter_set_topic (filter, 0);

  atlas_browse_filter_set_year (filter, 2025);
  g_assert_false (atlas_browse_filter_is_empty (filter));
  atlas_browse_filter_set_year (filter, 0);

  g_assert_true (atlas_browse_filter_is_empty (filter));
}

/* A topic filter is one topic, not a set of them. */
static void
test_one_topic (void)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();

  g_test_expect_message ("atlas-browse-filter", G_LOG_LEVEL_CRITICAL, "*topic*");
  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_EVENTS | ATLAS_TOPIC_TOURISM);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (atlas_browse_filter_get_topic (filter), ==, 0);
}

static void
note_narrowed (AtlasBrowseFilter *filter,
               int               *narrowed)
{
  *narrowed = atlas_browse_filter_get_narrowed (filter);
}

/* Letters typed onto the search narrow it; anything else may widen it. */
static void
test_narrowed (void)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  int narrowed = -1;

  g_signal_connect (filter, "changed", G_CALLBACK (note_narrowed), &narrowed);

  atlas_browse_filter_set_search (filter, "c");
  g_assert_cmpint (narrowed, ==, TRUE);
  atlas_browse_filter_set_search (filter, "cao b");
  g_assert_cmpint (narrowed, ==, TRUE);
  atlas_browse_filter_set_search (filter, "cao");
  g_assert_cmpint (narrowed, ==, FALSE);
  atlas_browse_filter_set_search (filter, "dao");
  g_assert_cmpint (narrowed, ==, FALSE);
  atlas_browse_filter_set_search (filter, "dao ");
  g_assert_cmpint (narrowed, ==, TRUE);
  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_TOURISM);
  g_assert_cmpint (narrowed, ==, FALSE);
  atlas_browse_filter_set_search (filter, "dao b");
  g_assert_cmpint (narrowed, ==, TRUE);
  atlas_browse_filter_clear (filter);
  g_assert_cmpint (narrowed, ==, FALSE);

  /* Only while "changed" is emitted. */
  atlas_browse_filter_set_search (filter, "c");
  g_assert_false (atlas_browse_filter_get_narrowed (filter));
}

static void
note_unchanged (AtlasBrowseFilter *filter,
                int               *unchanged)
{
  *unchanged = atlas_browse_filter_get_matches_unchanged (filter);
}

/* The same words, however typed, leave the matches as they were. */
static void
test_matches_unchanged (void)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  int unchanged = -1;

  g_signal_connect (filter, "changed", G_CALLBACK (note_unchanged), &unchanged);

  atlas_browse_filter_set_search (filter, "cao");
  g_assert_cmpint (unchanged, ==, FALSE);
  atlas_browse_filter_set_search (filter, "cao ");
  g_assert_cmpint (unchanged, ==, TRUE);
  atlas_browse_filter_set_search (filter, "Cao,");
  g_assert_cmpint (unchanged, ==, TRUE);
  atlas_browse_filter_set_search (filter, "Cao, b");
  g_assert_cmpint (unchanged, ==, FALSE);
  atlas_browse_filter_set_search (filter, " ");
  g_assert_cmpint (unchanged, ==, FALSE);
  atlas_browse_filter_set_search (filter, "");
  g_assert_cmpint (unchanged, ==, TRUE);
  atlas_browse_filter_set_search (filter, "cao");
  unchanged = -1;
  atlas_browse_filter_set_topic (filter, ATLAS_TOPIC_TOURISM);
  g_assert_cmpint (unchanged, ==, FALSE);
  atlas_browse_filter_clear (filter);
  g_assert_cmpint (unchanged, ==, FALSE);

  /* Only while "changed" is emitted. */
  atlas_browse_filter_set_search (filter, "cao ");
  g_assert_false (atlas_browse_filter_get_matches_unchanged (filter));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/browse-filter/defaults", test_defaults);
  g_test_add_func ("/browse-filter/narrowed", test_narrowed);
  g_test_add_func ("/browse-filter/matches-unchanged", test_matches_unchanged);
  g_test_add_func ("/browse-filter/search", test_search);
  g_test_add_func ("/browse-filter/geopark", test_geopark);
  g_test_add_func ("/browse-filter/news-only-criteria", test_news_only_criteria);
  g_test_add_func ("/browse-filter/combined", test_combined);
  g_test_add_func ("/browse-filter/signals", test_signals);
  g_test_add_func ("/browse-filter/clear", test_clear);
  g_test_add_func ("/browse-filter/is-empty", test_is_empty);
  g_test_add_func ("/browse-filter/one-topic", test_one_topic);

  return g_test_run ();
}
