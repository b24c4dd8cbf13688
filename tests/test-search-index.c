/* test-search-index.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-search-index"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "atlas-article-private.h"
#include "atlas-browse-filter.h"
#include "atlas-dataset-loader.h"
#include "atlas-dataset-private.h"
#include "atlas-place-private.h"
#include "atlas-ranked-model.h"
#include "atlas-search-index-private.h"
#include "atlas-search-private.h"
#include "atlas-search-rank.h"
#include "atlas-test-utils.h"

/* The index directly ---------------------------------------------------- */

typedef struct
{
  AtlasSearchIndex *index;
  guint             items[3];
} Small;

/* Two names and three items: "Thác Bản Giốc" linked to Cao Bằng, a text
 * with no links, and an item with no text linked to both names.
 */
static void
small_index (Small *small)
{
  guint cao_bang, ban_gioc;
  guint both[2];

  static const char *cao_bang_names[] = { "Non nước Cao Bằng", "Non nuoc Cao Bang", NULL };
  static const char *ban_gioc_names[] = { "Thác Bản Giốc", NULL };
  static const char *autumn[] = { "Mùa thu ở thác", "Autumn at the falls", NULL };
  static const char *dong_van[] = { "Đồng Văn", NULL };

  small->index = atlas_search_index_new ();
  cao_bang = atlas_search_index_add_name (small->index, cao_bang_names);
  ban_gioc = atlas_search_index_add_name (small->index, ban_gioc_names);
  both[0] = cao_bang;
  both[1] = ban_gioc;
  small->items[0] = atlas_search_index_add_item (small->index, &small->items[0],
                                                 autumn, NULL, &cao_bang, 1);
  small->items[1] = atlas_search_index_add_item (small->index, &small->items[1],
                                                 NULL, dong_van, NULL, 0);
  small->items[2] = atlas_search_index_add_item (small->index, &small->items[2],
                                                 NULL, NULL, both, 2);
  atlas_search_index_seal (small->index);
}

/* Which of the small index's items match, as "1 0 1". */
static char *
small_find (Small                    *small,
            const char               *query,
            const AtlasSearchMatches *narrowing,
            AtlasSearchMatches      **found)
{
  g_autoptr(AtlasSearchQuery) parsed = atlas_search_query_new (query);
  AtlasSearchMatches *matches = atlas_search_index_find (small->index, parsed, narrowing);
  char *answer = g_strdup_printf ("%d %d %d",
                                  atlas_search_matches_contains (matches, small->items[0],
                                                                 &small->items[0]),
                                  atlas_search_matches_contains (matches, small->items[1],
                                                                 &small->items[1]),
                                  atlas_search_matches_contains (matches, small->items[2],
                                                                 &small->items[2]));

  if (found != NULL)
    *found = matches;
  else
    atlas_search_matches_free (matches);

  return answer;
}

#define assert_small_finds(small, query, expected) \
  G_STMT_START { \
    g_autofree char *answer = small_find (small, query, NULL, NULL); \
    g_assert_cmpstr (answer, ==, expected); \
  } G_STMT_END

static void
test_index_words (void)
{
  Small small;

  small_index (&small);
  g_assert_cmpuint (_atlas_search_index_get_n_items (small.index), ==, 3);
  g_assert_cmpuint (small.items[2], ==, 2);

  assert_small_finds (&small, "", "1 1 1");
  assert_small_finds (&small, "thu", "1 0 0");
  assert_small_finds (&small, "cao bang", "1 0 1");     /* through the link */
  assert_small_finds (&small, "thác cao", "1 0 1");     /* one word in each */
  assert_small_finds (&small, "ban gioc", "0 0 1");
  assert_small_finds (&small, "dong", "0 1 0");
  assert_small_finds (&small, "van", "0 1 0");
  assert_small_finds (&small, "dong autumn", "0 0 0");
  assert_small_finds (&small, "zzz", "0 0 0");
  /* Never across the end of a text: "…falls" then "non nuoc…". */
  assert_small_finds (&small, "fallsnon", "0 0 0");
  assert_small_finds (&small, "bangthac", "0 0 0");

  atlas_search_index_unref (small.index);
}

/* Narrowing from an answer before gives what a search from nothing gives,
 * and an answer that cannot narrow (a letter taken away) is not used to.
 */
static void
test_index_narrowing (void)
{
  static const char *typed[] = {
    "c", "ca", "cao", "cao ", "cao b", "cao ba", "cao ban", "cao bang", "cao ban", "ca",
    "t", "th", "tha", "thac", "thac b", "thac ba", "thac ban", "ban thac", "ban", "a", "",
  };
  Small small;
  AtlasSearchMatches *before = NULL;

  small_index (&small);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      AtlasSearchMatches *now = NULL;
      g_autofree char *narrowed = small_find (&small, typed[i], before, &now);
      g_autofree char *fresh = small_find (&small, typed[i], NULL, NULL);

      g_assert_cmpstr (narrowed, ==, fresh);
      g_clear_pointer (&before, atlas_search_matches_free);
      before = now;
    }
  g_clear_pointer (&before, atlas_search_matches_free);

  atlas_search_index_unref (small.index);
}

/* The score's parts, from a small index: the same two words as a phrase in
 * a name, in a linked name, in a long text; scattered in one name; spread
 * over a name and a text.
 */
static void
test_index_scores (void)
{
  static const char *linked[] = { "Non nước Cao Bằng", NULL };
  static const char *phrase[] = { "Cao Bằng", NULL };
  static const char *other[] = { "Thác", NULL };
  static const char *text[] = { "Đi Cao  Bằng\nvào mùa thu", NULL };
  static const char *reversed[] = { "Bằng Cao", NULL };
  static const char *plateau[] = { "Cao nguyên", NULL };
  static const char *tree[] = { "Bằng lăng", NULL };
  static const char *longer[] = { "Thành phố Cao Bằng", NULL };
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new ();
  g_autoptr(AtlasSearchQuery) query = atlas_search_query_new ("cao bang");
  g_autoptr(AtlasSearchMatches) matches = NULL;
  guint name = atlas_search_index_add_name (index, linked);
  guint items[6];
  guint scores[6];

  items[0] = atlas_search_index_add_item (index, &items[0], phrase, NULL, NULL, 0);
  items[1] = atlas_search_index_add_item (index, &items[1], NULL, NULL, &name, 1);
  items[2] = atlas_search_index_add_item (index, &items[2], other, text, NULL, 0);
  items[3] = atlas_search_index_add_item (index, &items[3], reversed, NULL, NULL, 0);
  items[4] = atlas_search_index_add_item (index, &items[4], plateau, tree, NULL, 0);
  items[5] = atlas_search_index_add_item (index, &items[5], longer, NULL, NULL, 0);
  atlas_search_index_seal (index);

  matches = atlas_search_index_find (index, query, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    scores[i] = atlas_search_matches_get_score (matches, items[i], &items[i]);

  g_assert_cmpuint (scores[0] >> 28, ==, ATLAS_SEARCH_PHRASE);
  g_assert_cmpuint (scores[1] >> 28, ==, ATLAS_SEARCH_PHRASE);
  g_assert_cmpuint (scores[2] >> 28, ==, ATLAS_SEARCH_PHRASE);  /* across a line break */
  g_assert_cmpuint (scores[3] >> 28, ==, ATLAS_SEARCH_IN_ONE_FIELD);
  g_assert_cmpuint (scores[4] >> 28, ==, ATLAS_SEARCH_SPREAD);
  /* Own name, shorter first, then the linked name, then the long text */
  g_assert_cmpuint (scores[0], >, scores[5]);
  g_assert_cmpuint (scores[5], >, scores[1]);
  g_assert_cmpuint (scores[1], >, scores[2]);
  g_assert_cmpuint (scores[2], >, scores[3]);
  g_assert_cmpuint (scores[3], >, scores[4]);
}

/* Many matches are scored in two threads, each item as if it were alone:
 * each of thousands of items scores what an index of it alone gives it.
 */
static void
test_index_many_scores (void)
{
  static const char *linked[] = { "Non nước Cao Bằng", NULL };
  static const char *forms[][2] = {
    { "Thác Bản Giốc", "Bản Giốc Waterfall" },
    { "Chùa Phật tích Trúc Lâm Bản Giốc", "Ban Gioc pagoda" },
    { "Bản làng", "Gióc đá" },
    { "Cao Bằng", "Thành phố Bản Giốc" },
  };
  static const char *texts[] = { "Đi thăm bản Giốc ở Cao Bằng", "Mùa thu ở thác", NULL };
  const guint n_items = 6000;
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new ();
  g_autoptr(GArray) owners = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_items);
  guint name = atlas_search_index_add_name (index, linked);

  g_array_set_size (owners, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const char *names[] = { forms[i % 4][0], forms[(i / 4) % 4][1], NULL };

      atlas_search_index_add_item (index, &g_array_index (owners, guint, i), names,
                                   i % 3 == 0 ? texts : NULL, &name, i % 5 == 0);
    }
  atlas_search_index_seal (index);

  for (guint q = 0; q < 3; q++)
    {
      static const char *queries[] = { "b", "ban gi", "bản giốc " };
      g_autoptr(AtlasSearchQuery) query = atlas_search_query_new (queries[q]);
      g_autoptr(AtlasSearchMatches) matches = atlas_search_index_find (index, query, NULL);

      g_assert_cmpuint (_atlas_search_matches_count (matches), >=, 2048);
      /* Every form of item, near the start, the middle and the end. */
      for (guint i = 0; i < n_items; i += (i % 20 == 19 ? 2971 : 1))
        {
          const char *names[] = { forms[i % 4][0], forms[(i / 4) % 4][1], NULL };
          g_autoptr(AtlasSearchIndex) alone = atlas_search_index_new ();
          g_autoptr(AtlasSearchMatches) alone_matches = NULL;
          guint alone_name = atlas_search_index_add_name (alone, linked);
          guint owner = 0;

          atlas_search_index_add_item (alone, &owner, names, i % 3 == 0 ? texts : NULL,
                                       &alone_name, i % 5 == 0);
          atlas_search_index_seal (alone);
          alone_matches = atlas_search_index_find (alone, query, NULL);
          g_assert_cmpuint (atlas_search_matches_get_score (matches, i,
                                                            &g_array_index (owners, guint, i)),
                            ==, atlas_search_matches_get_score (alone_matches, 0, &owner));
        }
    }
}

/* A syllable of one letter or digit in a long text is found whole, above
 * the start of a name's syllable, whatever letters of one or two bytes the
 * other texts hold: the filter that spares looking in texts for them must
 * not leave one out.
 */
static void
test_index_short_syllables (void)
{
  static const char *plateau[] = { "Cao nguyên", NULL };
  static const char *vitamin[] = { "Vitamin C, hang số 2 và đá", NULL };
  static const char *caves[] = { "Các hang ở xa", NULL };
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new ();
  guint items[3];
  struct {
    const char *query;
    guint8      how[3];   /* B of each item, 0 where it does not match */
    guint8      where[3];
  } expected[] = {
    { "c", { ATLAS_SEARCH_PREFIX, ATLAS_SEARCH_WHOLE, ATLAS_SEARCH_PREFIX },
      { ATLAS_SEARCH_IN_NAME, ATLAS_SEARCH_IN_TEXT, ATLAS_SEARCH_IN_NAME } },
    { "2", { 0, ATLAS_SEARCH_WHOLE, 0 }, { 0, ATLAS_SEARCH_IN_TEXT, 0 } },
    { "x", { 0, 0, ATLAS_SEARCH_PREFIX }, { 0, 0, ATLAS_SEARCH_IN_TEXT } },
    { "da", { 0, ATLAS_SEARCH_WHOLE, 0 }, { 0, ATLAS_SEARCH_IN_TEXT, 0 } },
    { "ha", { 0, ATLAS_SEARCH_PREFIX, ATLAS_SEARCH_PREFIX },
      { 0, ATLAS_SEARCH_IN_TEXT, ATLAS_SEARCH_IN_TEXT } },
  };

  items[0] = atlas_search_index_add_item (index, &items[0], plateau, NULL, NULL, 0);
  items[1] = atlas_search_index_add_item (index, &items[1], plateau, vitamin, NULL, 0);
  items[2] = atlas_search_index_add_item (index, &items[2], plateau, caves, NULL, 0);
  atlas_search_index_seal (index);

  for (guint q = 0; q < G_N_ELEMENTS (expected); q++)
    {
      g_autoptr(AtlasSearchQuery) query = atlas_search_query_new (expected[q].query);
      g_autoptr(AtlasSearchMatches) matches = atlas_search_index_find (index, query, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (items); i++)
        {
          guint score = atlas_search_matches_get_score (matches, items[i], &items[i]);

          g_test_message ("\"%s\", item %u: %08x", expected[q].query, i, score);
          if (expected[q].how[i] == 0)
            {
              g_assert_cmpuint (score, ==, 0);
              continue;
            }
          g_assert_cmpuint (score >> 28, ==, ATLAS_SEARCH_PHRASE);
          g_assert_cmpuint ((score >> 24) & 0x7, ==, expected[q].how[i]);
          g_assert_cmpuint ((score >> 20) & 0x3, ==, expected[q].where[i]);
        }
    }
}

/* In names, a word is found at its best even after worse occurrences: inside
 * a longer syllable first, then at the start of one, then whole; and as a
 * phrase after the first word alone.
 */
static void
test_index_names_syllables (void)
{
  static const char *prefix[] = { "Xcao Caob", NULL };
  static const char *whole[] = { "Xcao Caob Cao", NULL };
  static const char *phrase[] = { "Cao nguyên, cao bằng", NULL };
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new ();
  guint items[3];
  struct {
    const char *query;
    guint8      how[3];
  } expected[] = {
    { "cao", { ATLAS_SEARCH_PREFIX, ATLAS_SEARCH_WHOLE, ATLAS_SEARCH_WHOLE } },
    { "cao ", { ATLAS_SEARCH_INSIDE, ATLAS_SEARCH_WHOLE, ATLAS_SEARCH_WHOLE } },
    { "ca", { ATLAS_SEARCH_PREFIX, ATLAS_SEARCH_PREFIX, ATLAS_SEARCH_PREFIX } },
    { "cao b", { 0, 0, ATLAS_SEARCH_PREFIX } },
    { "ao b", { 0, 0, ATLAS_SEARCH_INSIDE } },
  };

  items[0] = atlas_search_index_add_item (index, &items[0], prefix, NULL, NULL, 0);
  items[1] = atlas_search_index_add_item (index, &items[1], whole, NULL, NULL, 0);
  items[2] = atlas_search_index_add_item (index, &items[2], phrase, NULL, NULL, 0);
  atlas_search_index_seal (index);

  for (guint q = 0; q < G_N_ELEMENTS (expected); q++)
    {
      g_autoptr(AtlasSearchQuery) query = atlas_search_query_new (expected[q].query);
      g_autoptr(AtlasSearchMatches) matches = atlas_search_index_find (index, query, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (items); i++)
        {
          guint score = atlas_search_matches_get_score (matches, items[i], &items[i]);

          g_test_message ("\"%s\", item %u: %08x", expected[q].query, i, score);
          if (expected[q].how[i] == 0)
            continue;
          g_assert_cmpuint (score >> 28, ==, ATLAS_SEARCH_PHRASE);
          g_assert_cmpuint ((score >> 24) & 0x7, ==, expected[q].how[i]);
        }
    }
}

/* Names that lack one of the words, and are looked at only when no field
 * holds them all, still count for the words they hold: here "cao" is whole
 * only in the name, "bang" whole only in the text, the linked name holds
 * "thac" and "ban" inside a longer word ("ban" starts one in the text).
 */
static void
test_index_spread_over_names (void)
{
  static const char *linked[] = { "Thácbản", NULL };
  static const char *plateau[] = { "Cao nguyên", NULL };
  static const char *tree[] = { "Bằng lăng", NULL };
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new ();
  guint name = atlas_search_index_add_name (index, linked);
  guint item;
  struct {
    const char *query;
    guint       score;
  } expected[] = {
    { "cao bang ", ATLAS_SEARCH_SCORE (ATLAS_SEARCH_SPREAD, ATLAS_SEARCH_WHOLE,
                                       ATLAS_SEARCH_IN_TEXT, 0xFFFF) },
    { "bang ca", ATLAS_SEARCH_SCORE (ATLAS_SEARCH_SPREAD, ATLAS_SEARCH_PREFIX,
                                     ATLAS_SEARCH_IN_TEXT, 0xFFFF) },
    { "nguyen lang ", ATLAS_SEARCH_SCORE (ATLAS_SEARCH_SPREAD, ATLAS_SEARCH_WHOLE,
                                          ATLAS_SEARCH_IN_TEXT, 0xFFFF) },
    { "cao thac ", ATLAS_SEARCH_SCORE (ATLAS_SEARCH_SPREAD, ATLAS_SEARCH_INSIDE,
                                       ATLAS_SEARCH_IN_LINKED_NAME, 0xFFFF) },
    { "cao ban", ATLAS_SEARCH_SCORE (ATLAS_SEARCH_SPREAD, ATLAS_SEARCH_PREFIX,
                                     ATLAS_SEARCH_IN_LINKED_NAME, 0xFFFF) },
  };

  item = atlas_search_index_add_item (index, &item, plateau, tree, &name, 1);
  atlas_search_index_seal (index);

  for (guint q = 0; q < G_N_ELEMENTS (expected); q++)
    {
      g_autoptr(AtlasSearchQuery) query = atlas_search_query_new (expected[q].query);
      g_autoptr(AtlasSearchMatches) matches = atlas_search_index_find (index, query, NULL);

      g_test_message ("\"%s\"", expected[q].query);
      g_assert_cmphex (atlas_search_matches_get_score (matches, item, &item), ==,
                       expected[q].score);
    }
}

/* Against a plain scan, over a generated dataset -------------------------- */

static const char *const syllables[] = {
  "Thác", "Bản", "Giốc", "Đồng", "Văn", "Cao", "Bằng", "Lạng", "Sơn", "Động", "Tam", "Thanh",
  "núi", "đá", "hang", "sông", "suối", "làng", "giấy", "Dìa", "Trên", "Ngườm", "Ngao", "Pác",
  "Bó", "Phia", "Oắc", "đèo", "Mã", "Pì", "Lèng", "hồ", "Ba", "Bể", "Quây", "Trùng", "Khánh",
  "Đàm", "Thủy", "Hòa", "Quảng", "ướt", "Ưu", "Ơn", "ĐẮK", "Nông", "Krông", "Nô",
  "waterfall", "cave", "village", "paper", "geopark", "karst", "trail", "board", "guides",
  "UNESCO", "2025", "4239", "—", "(tin)", "v.v.", "x",
};

static void
append_words (GString *out,
              GRand   *rand,
              guint    min,
              guint    max)
{
  guint n = g_rand_int_range (rand, min, max + 1);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
}

/* A JSON string of random words; escaping is not needed for these. */
static void
append_json_text (GString    *out,
                  const char *key,
                  GRand      *rand,
                  guint       min,
                  guint       max)
{
  g_string_append_printf (out, "\"%s\": {\"vi\": \"", key);
  append_words (out, rand, min, max);
  g_string_append (out, "\", \"en\": \"");
  append_words (out, rand, min, max);
  g_string_append (out, "\"}");
}

#define N_PLACES 120
#define N_NEWS   700

static const char *const geoparks[] = { "caobang", "langson" };

/* The valid fixture's geoparks, with generated places in them and news that
 * link to both, some to none.
 */
static AtlasDataset *
generated_dataset (void)
{
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(GString) places = g_string_new ("{\"items\": [");
  g_autoptr(GString) news = g_string_new ("{\"items\": [");
  AtlasDataset *dataset;

  for (guint i = 0; i < N_PLACES; i++)
    {
      g_string_append_printf (places, "%s{\"id\": \"p%u\", \"kind\": \"geology\", "
                              "\"geopark\": \"%s\", ", i > 0 ? ", " : "", i,
                              geoparks[i % G_N_ELEMENTS (geoparks)]);
      append_json_text (places, "name", rand, 1, 4);
      g_string_append_printf (places, ", \"location\": {\"lat\": %s, \"lon\": %s, "
                              "\"precision_m\": 100}, \"approximate\": false, "
                              "\"source\": \"test\", \"country\": \"VN\"}",
                              i % 2 == 0 ? "22.8564" : "21.85", i % 2 == 0 ? "106.722" : "106.76");
    }
  g_string_append (places, "]}");

  for (guint i = 0; i < N_NEWS; i++)
    {
      guint n_places = g_rand_int_range (rand, 0, 4);
      guint first_place = g_rand_int_range (rand, 0, N_PLACES);

      g_string_append_printf (news, "%s{\"id\": \"n%u\", \"date\": \"2025-01-%02u\", "
                              "\"date_precision\": \"day\", ", i > 0 ? ", " : "", i, 1 + i % 28);
      append_json_text (news, "title", rand, 2, 8);
      g_string_append (news, ", ");
      append_json_text (news, "summary", rand, 4, 20);
      if (i % 3 == 0)
        {
          g_string_append (news, ", ");
          append_json_text (news, "body", rand, 10, 40);
        }
      g_string_append_printf (news, ", \"geoparks\": [%s], \"places\": [",
                              i % 4 == 0 ? "" : i % 4 == 1 ? "\"caobang\""
                              : i % 4 == 2 ? "\"langson\"" : "\"caobang\", \"langson\"");
      for (guint p = 0; p < n_places; p++)
        g_string_append_printf (news, "%s\"p%u\"", p > 0 ? ", " : "",
                                (first_place + 37 * p) % N_PLACES);
      g_string_append (news, "], \"topics\": [\"tourism\"]}");
    }
  g_string_append (news, "]}");

  atlas_test_write (dir, "places.json", places->str);
  atlas_test_write (dir, "news.json", news->str);
  dataset = atlas_dataset_load_directory (folder, problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (problems, i))->message);
  g_assert_nonnull (dataset);
  atlas_test_remove_dataset (dir);

  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_articles (dataset)), ==, N_NEWS);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_places (dataset)), >=, N_PLACES);

  return dataset;
}

static void
append_text (GString   *haystack,
             AtlasText *text)
{
  for (guint i = 0; text != NULL && i < ATLAS_N_LANGUAGES; i++)
    {
      const char *string = atlas_text_get_exact (text, i);

      if (string != NULL)
        g_string_append_printf (haystack, "%s\n", string);
    }
}

static void
append_geopark (GString      *haystack,
                AtlasDataset *dataset,
                const char   *id)
{
  AtlasGeopark *geopark = id != NULL ? atlas_dataset_lookup_geopark (dataset, id) : NULL;

  if (geopark != NULL)
    {
      append_text (haystack, atlas_geopark_get_name (geopark));
      append_text (haystack, atlas_geopark_get_short_name (geopark));
    }
}

/* What the search looked in before it had an index: everything in one
 * folded text, made here from the public getters.
 */
static char *
plain_text (AtlasDataset *dataset,
            GObject      *item)
{
  g_autoptr(GString) haystack = g_string_new (NULL);

  if (ATLAS_IS_PLACE (item))
    {
      AtlasPlace *place = ATLAS_PLACE (item);

      append_text (haystack, atlas_place_get_name (place));
      append_geopark (haystack, dataset, atlas_place_get_geopark_id (place));
    }
  else
    {
      AtlasArticle *article = ATLAS_ARTICLE (item);
      const char * const *geopark_ids = atlas_article_get_geopark_ids (article);
      const char * const *place_ids = atlas_article_get_place_ids (article);

      append_text (haystack, atlas_article_get_title (article));
      append_text (haystack, atlas_article_get_summary (article));
      append_text (haystack, atlas_article_get_body (article));
      for (guint g = 0; geopark_ids != NULL && geopark_ids[g] != NULL; g++)
        append_geopark (haystack, dataset, geopark_ids[g]);
      for (guint p = 0; place_ids != NULL && place_ids[p] != NULL; p++)
        {
          AtlasPlace *place = atlas_dataset_lookup_place (dataset, place_ids[p]);

          if (place != NULL)
            append_text (haystack, atlas_place_get_name (place));
        }
    }

  return atlas_search_fold (haystack->str);
}

typedef struct
{
  AtlasDataset *dataset;
  GPtrArray    *items;        /* places, then articles */
  GPtrArray    *plain_texts;  /* of each item */
  guint         n_found;      /* matches seen, to know the test tested */
} Scan;

static void
scan_init (Scan *scan)
{
  GListModel *lists[2];

  scan->dataset = generated_dataset ();
  scan->items = g_ptr_array_new_with_free_func (g_object_unref);
  scan->plain_texts = g_ptr_array_new_with_free_func (g_free);
  scan->n_found = 0;
  lists[0] = atlas_dataset_get_places (scan->dataset);
  lists[1] = atlas_dataset_get_articles (scan->dataset);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        GObject *item = g_list_model_get_item (lists[l], i);

        g_ptr_array_add (scan->items, item);
        g_ptr_array_add (scan->plain_texts, plain_text (scan->dataset, item));
      }
}

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->items, g_ptr_array_unref);
  g_clear_pointer (&scan->plain_texts, g_ptr_array_unref);
  g_clear_object (&scan->dataset);
}

/* The filter, as it stands, lets through exactly what a scan of the plain
 * texts finds; and its scores, found from the search before it where it
 * could, are those of a search from nothing.
 */
static void
assert_same_as_scan (Scan              *scan,
                     AtlasBrowseFilter *filter)
{
  const char * const *words = atlas_browse_filter_get_search_words (filter);
  g_autoptr(AtlasSearchQuery) query =
    atlas_search_query_new (atlas_browse_filter_get_search (filter));
  g_autoptr(AtlasSearchMatches) fresh =
    atlas_search_index_find (_atlas_dataset_get_search_index (scan->dataset), query, NULL);

  for (guint i = 0; i < scan->items->len; i++)
    {
      GObject *item = g_ptr_array_index (scan->items, i);
      gboolean expected = _atlas_search_matches (g_ptr_array_index (scan->plain_texts, i), words);
      gboolean found = ATLAS_IS_PLACE (item)
                       ? atlas_browse_filter_match_place (filter, scan->dataset, ATLAS_PLACE (item))
                       : atlas_browse_filter_match_article (filter, scan->dataset,
                                                            ATLAS_ARTICLE (item));
      guint position = ATLAS_IS_PLACE (item) ? ((AtlasPlace *) item)->search_position
                                             : ((AtlasArticle *) item)->search_position;

      if (words[0] != NULL)
        g_assert_cmphex (atlas_browse_filter_get_score (filter, scan->dataset, item), ==,
                         atlas_search_matches_get_score (fresh, position, item));

      if (found != expected)
        g_error ("search \"%s\": item %u (%s) %s by the index, %s by a scan",
                 atlas_browse_filter_get_search (filter), i,
                 (const char *) g_ptr_array_index (scan->plain_texts, i),
                 found ? "found" : "not found", expected ? "found" : "not found");
      scan->n_found += found;
    }
}

/* Some characters of a random item's folded text: always found somewhere. */
static char *
random_piece (Scan  *scan,
              GRand *rand)
{
  const char *text = g_ptr_array_index (scan->plain_texts,
                                        g_rand_int_range (rand, 0, scan->plain_texts->len));
  glong length = g_utf8_strlen (text, -1);
  glong start, n_chars;

  if (length < 2)
    return g_strdup ("a");

  start = g_rand_int_range (rand, 0, length - 1);
  n_chars = MIN (g_rand_int_range (rand, 1, 8), length - start);

  return g_utf8_substring (text, start, start + n_chars);
}

static void
test_same_as_scan_queries (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  Scan scan;

  scan_init (&scan);

  for (guint i = 0; i < G_N_ELEMENTS (syllables); i++)
    {
      g_autofree char *folded = atlas_search_fold (syllables[i]);

      atlas_browse_filter_set_search (filter, syllables[i]);
      assert_same_as_scan (&scan, filter);
      atlas_browse_filter_set_search (filter, folded);
      assert_same_as_scan (&scan, filter);
    }

  /* Pieces of the texts, alone and two or three together; pieces may hold
   * newlines and punctuation, which the parse splits at.
   */
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GString) query = g_string_new (NULL);
      guint n_pieces = g_rand_int_range (rand, 1, 4);

      for (guint p = 0; p < n_pieces; p++)
        {
          g_autofree char *piece = random_piece (&scan, rand);

          g_string_append_printf (query, "%s%s", p > 0 ? " " : "", piece);
        }
      atlas_browse_filter_set_search (filter, query->str);
      assert_same_as_scan (&scan, filter);
    }

  g_assert_cmpuint (scan.n_found, >, 10000);
  scan_clear (&scan);
}

/* Typed a letter at a time and taken back, through one filter, as in the
 * search entry: the narrowing path and the fresh one.
 */
static void
test_same_as_scan_typing (void)
{
  static const char *phrases[] = {
    "cao bằng", "lang son", "thác bản giốc", "đồng văn", "ĐẮK Nông", "paper village",
    "ngườm ngao", "núi 2025", "x", "a b c", "bằng cao", "thac ban gioc waterfall",
  };
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  Scan scan;

  scan_init (&scan);

  for (guint q = 0; q < G_N_ELEMENTS (phrases); q++)
    {
      const char *end = phrases[q];

      while (*end != '\0')
        {
          g_autofree char *typed = NULL;

          end = g_utf8_next_char (end);
          typed = g_strndup (phrases[q], end - phrases[q]);
          atlas_browse_filter_set_search (filter, typed);
          assert_same_as_scan (&scan, filter);
        }

      while (end > phrases[q])
        {
          g_autofree char *typed = NULL;

          end = g_utf8_prev_char (end);
          typed = g_strndup (phrases[q], end - phrases[q]);
          atlas_browse_filter_set_search (filter, typed);
          assert_same_as_scan (&scan, filter);
        }
    }

  g_assert_cmpuint (scan.n_found, >, 10000);
  scan_clear (&scan);
}

/* The lists typed into ---------------------------------------------------- */

/* The sidebar's two chains (news by date, places in the dataset's order),
 * each filtered and ranked as atlas-sidebar.c has them: one call of the
 * rank items function per keystroke, the items narrowed from those of the
 * keystroke before while letters are typed on.
 */
typedef struct
{
  AtlasDataset      *dataset;
  AtlasBrowseFilter *filter;
  GtkFilter         *filters[2];
  GtkFilterListModel *filtered[2];
  AtlasRankedModel  *ranked[2];
} Typed;

static gboolean
typed_match (gpointer item,
             gpointer user_data)
{
  Typed *typed = user_data;

  return ATLAS_IS_PLACE (item)
         ? atlas_browse_filter_match_place (typed->filter, typed->dataset, item)
         : atlas_browse_filter_match_article (typed->filter, typed->dataset, item);
}

static guint
typed_rank (gpointer item,
            gpointer user_data)
{
  Typed *typed = user_data;

  return atlas_browse_filter_get_score (typed->filter, typed->dataset, item);
}

static guint
typed_rank_items (gpointer const *items,
                  guint           n_items,
                  guint          *kept,
                  guint          *scores,
                  gpointer        user_data)
{
  Typed *typed = user_data;

  return atlas_browse_filter_rank_items (typed->filter, typed->dataset, items, n_items, kept,
                                         scores);
}

static void
typed_on_changed (Typed *typed)
{
  GtkFilterChange change = atlas_browse_filter_get_narrowed (typed->filter)
                           ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT;
  gboolean unchanged = atlas_browse_filter_get_matches_unchanged (typed->filter);

  for (guint l = 0; l < 2; l++)
    {
      atlas_ranked_model_freeze (typed->ranked[l]);
      atlas_ranked_model_set_ranked (typed->ranked[l],
                                     atlas_browse_filter_get_ranked (typed->filter));
    }
  for (guint l = 0; l < 2 && !unchanged; l++)
    gtk_filter_changed (typed->filters[l], change);
  for (guint l = 0; l < 2; l++)
    {
      atlas_ranked_model_rerank (typed->ranked[l]);
      atlas_ranked_model_thaw (typed->ranked[l]);
    }
}

static void
typed_init (Typed        *typed,
            AtlasDataset *dataset)
{
  GPtrArray *by_date = atlas_dataset_get_articles_by_date (dataset);
  GListStore *news = g_list_store_new (ATLAS_TYPE_ARTICLE);
  GListModel *lists[2];

  g_list_store_splice (news, 0, 0, by_date->pdata, by_date->len);
  lists[0] = G_LIST_MODEL (news);
  lists[1] = g_object_ref (atlas_dataset_get_places (dataset));
  typed->dataset = dataset;
  typed->filter = atlas_browse_filter_new ();
  for (guint l = 0; l < 2; l++)
    {
      typed->filters[l] = GTK_FILTER (gtk_custom_filter_new (typed_match, typed, NULL));
      typed->filtered[l] = gtk_filter_list_model_new (lists[l], g_object_ref (typed->filters[l]));
      typed->ranked[l] = atlas_ranked_model_new (typed->filtered[l], typed_rank, typed);
      atlas_ranked_model_set_rank_items_func (typed->ranked[l], typed_rank_items, typed);
    }
  g_signal_connect_swapped (typed->filter, "changed", G_CALLBACK (typed_on_changed), typed);
}

static void
typed_clear (Typed *typed)
{
  for (guint l = 0; l < 2; l++)
    {
      g_clear_object (&typed->ranked[l]);
      g_clear_object (&typed->filtered[l]);
      g_clear_object (&typed->filters[l]);
    }
  g_clear_object (&typed->filter);
}

typedef struct
{
  GObject *item;
  guint    score;
  guint    position;
} Expected;

static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  const Expected *first = a, *second = b;

  if (first->score != second->score)
    return first->score > second->score ? -1 : 1;

  return first->position < second->position ? -1 : first->position > second->position;
}

/* Each list as the typed filter has it is what a filter set to the same
 * search and criteria at once, with nothing before it, gives: its matches in
 * the list's order, best first, equal scores in the list's order.
 */
static void
assert_typed_as_fresh (Typed *typed)
{
  const char *search = atlas_browse_filter_get_search (typed->filter);
  g_autoptr(AtlasBrowseFilter) fresh = atlas_browse_filter_new ();

  atlas_browse_filter_set_search (fresh, search);
  atlas_browse_filter_set_geopark_id (fresh, atlas_browse_filter_get_geopark_id (typed->filter));
  atlas_browse_filter_set_topic (fresh, atlas_browse_filter_get_topic (typed->filter));

  for (guint l = 0; l < 2; l++)
    {
      GListModel *all = gtk_filter_list_model_get_model (typed->filtered[l]);
      GListModel *shown = G_LIST_MODEL (typed->ranked[l]);
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Expected));

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (all, i);
          Expected match = { item, 0, i };
          gboolean passes = ATLAS_IS_PLACE (item)
                            ? atlas_browse_filter_match_place (fresh, typed->dataset,
                                                               ATLAS_PLACE (item))
                            : atlas_browse_filter_match_article (fresh, typed->dataset,
                                                                 ATLAS_ARTICLE (item));

          if (!passes)
            continue;
          match.score = atlas_browse_filter_get_score (fresh, typed->dataset, item);
          g_array_append_val (expected, match);
        }
      if (atlas_browse_filter_get_ranked (fresh))
        g_array_sort (expected, compare_expected);

      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (shown, i);

          if (item != g_array_index (expected, Expected, i).item)
            g_error ("search \"%s\": row %u of list %u differs from a fresh search's",
                     search, i, l);
        }
    }
}

/* Typed a letter at a time, words added and taken back, with and without
 * other criteria: the lists, narrowed from each keystroke's before, are
 * those of the same search made fresh.
 */
static void
test_typed_as_fresh (void)
{
  static const char *phrases[] = {
    "thác bản giốc", "thac ban gioc waterfall", "cao bằng", "lang son", "đồng văn",
    "ĐẮK Nông", "a b c", "núi 2025",
  };
  g_autoptr(AtlasDataset) dataset = generated_dataset ();
  Typed typed = { NULL, };
  guint n_rows = 0;

  typed_init (&typed, dataset);

  for (guint q = 0; q < G_N_ELEMENTS (phrases); q++)
    {
      const char *end = phrases[q];

      /* The second half of the phrases with a geopark and a topic picked. */
      if (q == G_N_ELEMENTS (phrases) / 2)
        {
          atlas_browse_filter_set_geopark_id (typed.filter, "caobang");
          atlas_browse_filter_set_topic (typed.filter, 1 << 0);
        }

      while (*end != '\0')
        {
          g_autofree char *text = NULL;

          end = g_utf8_next_char (end);
          text = g_strndup (phrases[q], end - phrases[q]);
          atlas_browse_filter_set_search (typed.filter, text);
          assert_typed_as_fresh (&typed);
          n_rows += g_list_model_get_n_items (G_LIST_MODEL (typed.ranked[0]));
        }

      while (end > phrases[q])
        {
          g_autofree char *text = NULL;

          end = g_utf8_prev_char (end);
          text = g_strndup (phrases[q], end - phrases[q]);
          atlas_browse_filter_set_search (typed.filter, text);
          assert_typed_as_fresh (&typed);
        }
    }

  g_assert_cmpuint (n_rows, >, 1000);
  typed_clear (&typed);
}

/* A dataset that takes another's contents searches them. */
static void
test_replaced_contents (void)
{
  g_autoptr(AtlasBrowseFilter) filter = atlas_browse_filter_new ();
  g_autoptr(AtlasDataset) shown = atlas_dataset_new ();
  Scan scan;

  scan_init (&scan);
  atlas_browse_filter_set_search (filter, "thác");
  atlas_dataset_take_contents (shown, scan.dataset);
  g_clear_object (&scan.dataset);
  scan.dataset = g_object_ref (shown);
  assert_same_as_scan (&scan, filter);
  atlas_browse_filter_set_search (filter, "thác bản");
  assert_same_as_scan (&scan, filter);

  scan_clear (&scan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/search-index/words", test_index_words);
  g_test_add_func ("/search-index/narrowing", test_index_narrowing);
  g_test_add_func ("/search-index/scores", test_index_scores);
  g_test_add_func ("/search-index/many-scores", test_index_many_scores);
  g_test_add_func ("/search-index/short-syllables", test_index_short_syllables);
  g_test_add_func ("/search-index/spread-over-names", test_index_spread_over_names);
  g_test_add_func ("/search-index/names-syllables", test_index_names_syllables);
  g_test_add_func ("/search-index/same-as-scan/queries", test_same_as_scan_queries);
  g_test_add_func ("/search-index/same-as-scan/typing", test_same_as_scan_typing);
  g_test_add_func ("/search-index/replaced-contents", test_replaced_contents);
  g_test_add_func ("/search-index/typed-as-fresh", test_typed_as_fresh);

  return g_test_run ();
}
