/* test-search.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-search.h"

static gboolean
finds (const char *query,
       const char *text)
{
  g_auto(GStrv) words = atlas_search_parse (query);
  g_autofree char *folded = atlas_search_fold (text);

  return atlas_search_matches (folded, (const char * const *) words);
}

static void
test_fold (void)
{
  static const struct {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Đồng Văn", "dong van" },
    { "Đắk Nông", "dak nong" },
    { "Thác Bản Giốc", "thac ban gioc" },
    { "ĐƯỜNG ĐI", "duong di" },
    { "Ngườm Ngao", "nguom ngao" },
    { "Khuổi Ky", "khuoi ky" },
    { "Haute-Provence", "haute-provence" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = atlas_search_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

/* Text typed on some keyboards arrives decomposed; it folds the same. */
static void
test_fold_decomposed (void)
{
  g_autofree char *decomposed = g_utf8_normalize ("Đồng Văn Lũng Cú", -1, G_NORMALIZE_NFD);
  g_autofree char *folded = atlas_search_fold (decomposed);

  g_assert_cmpstr (decomposed, !=, "Đồng Văn Lũng Cú");
  g_assert_cmpstr (folded, ==, "dong van lung cu");
}

static void
test_matches (void)
{
  /* Without diacritics, any case, đ as d. */
  g_assert_true (finds ("dong van", "Cao nguyên đá Đồng Văn"));
  g_assert_true (finds ("dak nong", "Công viên địa chất Đắk Nông"));
  g_assert_true (finds ("ban gioc", "Thác Bản Giốc"));
  g_assert_true (finds ("BẢN GIỐC", "Thác Bản Giốc"));
  /* With diacritics the other way round too. */
  g_assert_true (finds ("Đồng", "dong van karst plateau"));
  /* Inside words. */
  g_assert_true (finds ("gioc", "BanGioc"));
  g_assert_true (finds ("ong va", "Đồng Văn"));
  /* Every word required, in any order. */
  g_assert_true (finds ("van dong", "Đồng Văn"));
  g_assert_false (finds ("dong van khorat", "Đồng Văn"));
  g_assert_false (finds ("lang son", "Thác Bản Giốc"));
  /* An empty query matches everything; punctuation is no word. */
  g_assert_true (finds ("", "Thác Bản Giốc"));
  g_assert_true (finds (" , ", "Thác Bản Giốc"));
}

static void
test_parse (void)
{
  g_auto(GStrv) words = atlas_search_parse ("  Đồng   Văn, Hà Giang ");

  g_assert_cmpuint (g_strv_length (words), ==, 4);
  g_assert_cmpstr (words[0], ==, "dong");
  g_assert_cmpstr (words[1], ==, "van");
  g_assert_cmpstr (words[2], ==, "ha");
  g_assert_cmpstr (words[3], ==, "giang");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/fold-decomposed", test_fold_decomposed);
  g_test_add_func ("/search/matches", test_matches);
  g_test_add_func ("/search/parse", test_parse);

  return g_test_run ();
}
