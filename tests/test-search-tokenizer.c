/* test-search-tokenizer.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-search-tokenizer"

#include "config.h"

#include "atlas-search.h"
#include "atlas-search-tokenizer.h"

typedef struct
{
  const char *text;
  GString    *tokens;
  guint       count;
  guint       stop_after;
} Collected;

/* Each token as "folded@start-end=original", separated by spaces. */
static gboolean
collect (const char *folded,
         gsize       folded_length,
         gsize       start,
         gsize       end,
         gpointer    user_data)
{
  Collected *collected = user_data;

  g_assert_cmpuint (strlen (folded), ==, folded_length);
  g_assert_cmpuint (start, <, end);
  g_assert_true (g_utf8_validate (folded, folded_length, NULL));

  if (collected->tokens->len > 0)
    g_string_append_c (collected->tokens, ' ');
  g_string_append_printf (collected->tokens, "%s@%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "=",
                          folded, start, end);
  g_string_append_len (collected->tokens, collected->text + start, end - start);
  collected->count++;

  return collected->stop_after == 0 || collected->count < collected->stop_after;
}

static char *
tokens_of (const char *text,
           gssize      length)
{
  Collected collected = { text, g_string_new (NULL), 0, 0 };

  atlas_search_tokenize (text, length, collect, &collected);

  return g_string_free (collected.tokens, FALSE);
}

static void
check (const char *text,
       const char *expected)
{
  g_autofree char *tokens = tokens_of (text, -1);

  g_assert_cmpstr (tokens, ==, expected);
}

static void
test_syllables (void)
{
  check ("Đồng Văn", "dong@0-7=Đồng van@8-12=Văn");
  check ("ĐẮK NÔNG", "dak@0-6=ĐẮK nong@7-12=NÔNG");
  check ("đường đi", "duong@0-9=đường di@10-13=đi");
  check ("Thác Bản Giốc", "thac@0-5=Thác ban@6-11=Bản gioc@12-18=Giốc");
}

/* Decomposed text: each mark goes with its letter, and the offsets count
 * the marks' bytes.
 */
static void
test_decomposed (void)
{
  /* "Đồng Văn" in NFD: o, circumflex, grave; a, breve. */
  const char *nfd = "\xc4\x90o\xcc\x82\xcc\x80ng Va\xcc\x86n";
  g_autofree char *composed = g_utf8_normalize (nfd, -1, G_NORMALIZE_NFC);
  g_autofree char *tokens = tokens_of (nfd, -1);
  g_autofree char *expected = g_strdup_printf ("dong@0-9=%.9s van@10-15=%s", nfd, nfd + 10);

  g_assert_cmpstr (composed, ==, "Đồng Văn");
  g_assert_cmpstr (tokens, ==, expected);

  /* A mark with no letter before it is no token. */
  check ("\xcc\x81 a\xcc\x81", "a@3-6=a\xcc\x81");
}

static void
test_punctuation (void)
{
  check ("Bản-Giốc,", "ban@0-5=Bản gioc@6-12=Giốc");
  check ("UNESCO's", "unesco@0-6=UNESCO s@7-8=s");
  check ("(Cao Bằng) — “Hà Giang”!",
         "cao@1-4=Cao bang@5-11=Bằng ha@20-23=Hà giang@24-29=Giang");
  check ("a.b/c_d", "a@0-1=a b@2-3=b c@4-5=c d@6-7=d");
}

/* Numbers are tokens, with the letters they are written with; a
 * superscript is a number too.
 */
static void
test_numbers (void)
{
  check ("năm 2025", "nam@0-4=năm 2025@5-9=2025");
  check ("4239 km², QL4C", "4239@0-4=4239 km²@5-9=km² ql4c@11-15=QL4C");
  check ("1.000", "1@0-1=1 000@2-5=000");
}

static void
test_empty (void)
{
  check ("", "");
  check (" \t\n  ", "");
  check ("—…!?", "");
  check ("  đá  ", "da@2-6=đá");
}

static void
test_other_scripts (void)
{
  check ("Ελλάδα Россия", "ελλαδα@0-12=Ελλάδα россия@13-25=Россия");
  check ("Ölüdeniz Ærø", "oludeniz@0-10=Ölüdeniz ærø@11-16=Ærø");
  check ("東京 ok", "東京@0-6=東京 ok@7-9=ok");
  check ("🌋 núi lửa 🌋", "nui@5-9=núi lua@10-15=lửa");
}

/* The length given is where the text ends; bytes that are not UTF-8
 * separate tokens.
 */
static void
test_length (void)
{
  g_autofree char *part = tokens_of ("Cao Bằng, Hà Giang", 10);
  g_autofree char *broken = tokens_of ("ab\xff" "cd\xc3", -1);

  g_assert_cmpstr (part, ==, "cao@0-3=Cao bang@4-10=Bằng");
  g_assert_cmpstr (broken, ==, "ab@0-2=ab cd@3-5=cd");
}

static void
test_stop (void)
{
  Collected collected = { "một hai ba bốn", g_string_new (NULL), 0, 2 };

  atlas_search_tokenize (collected.text, -1, collect, &collected);

  g_assert_cmpuint (collected.count, ==, 2);
  g_assert_cmpstr (collected.tokens->str, ==, "mot@0-5=một hai@6-9=hai");
  g_string_free (collected.tokens, TRUE);
}

/* A token folds as the search folds the same text. */
static void
test_same_folding (void)
{
  static const char *texts[] = { "Ngườm Ngao", "Khuổi Ky", "ĐƯỜNG", "Ærø", "Ελλάδα" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = atlas_search_fold (texts[i]);
      g_autofree char *tokens = tokens_of (texts[i], -1);
      g_auto(GStrv) parts = g_strsplit (tokens, " ", -1);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          if (p > 0)
            g_string_append_c (joined, ' ');
          g_string_append_len (joined, parts[p], strchr (parts[p], '@') - parts[p]);
        }
      g_assert_cmpstr (joined->str, ==, folded);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/tokenizer/syllables", test_syllables);
  g_test_add_func ("/search/tokenizer/decomposed", test_decomposed);
  g_test_add_func ("/search/tokenizer/punctuation", test_punctuation);
  g_test_add_func ("/search/tokenizer/numbers", test_numbers);
  g_test_add_func ("/search/tokenizer/empty", test_empty);
  g_test_add_func ("/search/tokenizer/other-scripts", test_other_scripts);
  g_test_add_func ("/search/tokenizer/length", test_length);
  g_test_add_func ("/search/tokenizer/stop", test_stop);
  g_test_add_func ("/search/tokenizer/same-folding", test_same_folding);

  return g_test_run ();
}
