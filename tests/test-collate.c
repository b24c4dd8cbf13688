/* test-collate.c: names in alphabetical order, Vietnamese and English,
 * without any locale installed.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-collate"

#include "config.h"

#include <locale.h>

#include "atlas-collate.h"
#include "atlas-text-private.h"

/* Each word must sort strictly before the next. */
static void
assert_order (AtlasLanguage       language,
              const char * const *words)
{
  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
    {
      g_autofree char *a = atlas_collate_key (words[i], language);
      g_autofree char *b = atlas_collate_key (words[i + 1], language);

      if (strcmp (a, b) >= 0)
        g_error ("“%s” should sort before “%s” in %s", words[i], words[i + 1],
                 _atlas_language_to_code (language));
    }
}

/* The alphabet: a ă â b c d đ e ê … o ô ơ … u ư … y. */
static void
test_vietnamese_letters (void)
{
  static const char *letters[] = {
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y", NULL
  };

  assert_order (ATLAS_LANGUAGE_VI, letters);
}

/* Tones decide only between otherwise equal words, in the dictionaries'
 * order: none, huyền, hỏi, ngã, sắc, nặng.
 */
static void
test_vietnamese_tones (void)
{
  static const char *tones[] = { "ma", "mà", "mả", "mã", "má", "mạ", NULL };
  static const char *words[] = { "Ban", "Bàn", "Bản", "Bạn", "Bắc", "Bằng", "Bậc", NULL };

  assert_order (ATLAS_LANGUAGE_VI, tones);
  assert_order (ATLAS_LANGUAGE_VI, words);
}

/* Real names: a letter's marks count before any later letter. */
static void
test_vietnamese_names (void)
{
  static const char *names[] = {
    "An Giang", "Ăn Ý", "Ân Thi", "Bản Giốc", "Cao Bằng", "Dương Kinh", "Đắk Nông",
    "Đồng Văn", "Ê Đê", "Ngườm Ngao", "Ô Quy Hồ", "Ơn", "Uông Bí", "Ưng Hòa", "Yên Minh",
    NULL
  };

  assert_order (ATLAS_LANGUAGE_VI, names);
}

/* In English the marks are only marks: Đồng sorts among the D's. */
static void
test_english_names (void)
{
  static const char *names[] = {
    "Bắc Kạn", "Ban Gioc Waterfall", "Dak Nong", "Đồng Văn", "Duong Kinh", "Khorat", "Ưng Hòa",
    "Uong Bi", NULL
  };

  assert_order (ATLAS_LANGUAGE_EN, names);
}

/* Lower case first among equals; decomposed text sorts as composed; spaces
 * and digits before letters; two different names never compare equal.
 */
static void
test_details (void)
{
  static const char *cases[] = { "an", "An", "AN", NULL };
  static const char *digits[] = { "Cao Bang", "Cao Bang 2", "CaoBang", NULL };
  g_autofree char *decomposed = g_utf8_normalize ("Đồng Văn", -1, G_NORMALIZE_NFD);
  g_autofree char *key_nfd = atlas_collate_key (decomposed, ATLAS_LANGUAGE_VI);
  g_autofree char *key_nfc = atlas_collate_key ("Đồng Văn", ATLAS_LANGUAGE_VI);
  g_autofree char *before = atlas_collate_key ("Đồng Vân", ATLAS_LANGUAGE_VI);

  assert_order (ATLAS_LANGUAGE_VI, cases);
  assert_order (ATLAS_LANGUAGE_EN, cases);
  assert_order (ATLAS_LANGUAGE_VI, digits);
  g_assert_cmpint (strcmp (key_nfc, before), <, 0);
  /* Equal but for the normalization, which the last level keeps apart. */
  g_assert_cmpint (strncmp (key_nfd, key_nfc, strlen (key_nfc) - strlen ("Đồng Văn")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* No Vietnamese locale: the keys must not need one. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collate/vietnamese-letters", test_vietnamese_letters);
  g_test_add_func ("/collate/vietnamese-tones", test_vietnamese_tones);
  g_test_add_func ("/collate/vietnamese-names", test_vietnamese_names);
  g_test_add_func ("/collate/english-names", test_english_names);
  g_test_add_func ("/collate/details", test_details);

  return g_test_run ();
}
