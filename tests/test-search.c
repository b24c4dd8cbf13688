/* test-search.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <pango/pango.h>

#include "atlas-search-private.h"

static gboolean
finds (const char *query,
       const char *text)
{
  g_auto(GStrv) words = atlas_search_parse (query);
  g_autofree char *folded = atlas_search_fold (text);

  return _atlas_search_matches (folded, (const char * const *) words);
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

/* ASCII, folded a byte at a time, is the lower case of each character,
 * alone or between letters that decompose.
 */
static void
test_fold_ascii (void)
{
  for (guint c = 1; c < 0x80; c++)
    {
      char text[] = { 'A', (char) c, 'z', '\0' };
      char expected[] = { 'a', g_ascii_tolower ((char) c), 'z', '\0' };
      g_autofree char *mixed = g_strconcat ("Đ", text, "ồ", NULL);
      g_autofree char *mixed_expected = g_strconcat ("d", expected, "o", NULL);
      g_autofree char *alone = atlas_search_fold (text);
      g_autofree char *between = atlas_search_fold (mixed);

      g_assert_cmpstr (alone, ==, expected);
      g_assert_cmpstr (between, ==, mixed_expected);
    }
}

/* Folding onto text already there: the same folding, after it; nothing
 * from text that is not UTF-8, unless it is said to be valid. Also for a
 * text that grows when folded: a musical half note decomposes into two
 * characters of twice its length, neither of them a mark.
 */
static void
test_fold_append (void)
{
  static const char *texts[] = { "", "Đồng Văn", "Non nước — “Cao Bằng” 🌋", "plain ascii" };
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) expected_notes = g_string_new (NULL);
  g_autoptr(GString) folded = g_string_new ("before|");
  g_autoptr(GString) folded_valid = g_string_new ("before|");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *alone = atlas_search_fold (texts[i]);
      g_autofree char *expected = g_strconcat ("before|", alone, NULL);

      g_string_assign (folded, "before|");
      _atlas_search_fold_append (folded, texts[i]);
      g_assert_cmpstr (folded->str, ==, expected);
      g_string_assign (folded_valid, "before|");
      atlas_search_fold_append_valid (folded_valid, texts[i]);
      g_assert_cmpstr (folded_valid->str, ==, expected);
    }

  g_string_assign (folded, "before|");
  _atlas_search_fold_append (folded, "caf\xc3 au lait");
  g_assert_cmpstr (folded->str, ==, "before|");

  for (guint i = 0; i < 100; i++)
    {
      g_string_append_unichar (notes, 0x1D15E);
      g_string_append_unichar (expected_notes, 0x1D157);
      g_string_append_unichar (expected_notes, 0x1D165);
    }
  g_string_assign (folded_valid, "before|");
  atlas_search_fold_append_valid (folded_valid, notes->str);
  g_string_prepend (expected_notes, "before|");
  g_assert_cmpstr (folded_valid->str, ==, expected_notes->str);
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

/* What ranking needs of a query: the words as typed when they have
 * accents, and whether the last one is still being typed.
 */
static void
test_query (void)
{
  g_autoptr(AtlasSearchQuery) accented = atlas_search_query_new ("ĐỒNG Van, Bản-Giốc");
  g_autoptr(AtlasSearchQuery) typing = atlas_search_query_new ("ban gi");
  g_autoptr(AtlasSearchQuery) complete = atlas_search_query_new ("ban gi ");
  g_autoptr(AtlasSearchQuery) punctuated = atlas_search_query_new ("ban gi,");
  g_autoptr(AtlasSearchQuery) empty = atlas_search_query_new (" ");
  g_autofree char *nfd = g_utf8_normalize ("Đồng", -1, G_NORMALIZE_NFD);
  g_autoptr(AtlasSearchQuery) decomposed = atlas_search_query_new (nfd);
  const char * const *words = atlas_search_query_get_words (accented);

  g_assert_cmpuint (g_strv_length ((char **) words), ==, 3);
  g_assert_cmpstr (words[0], ==, "dong");
  g_assert_cmpstr (words[1], ==, "van");
  g_assert_cmpstr (words[2], ==, "ban-gioc");
  g_assert_cmpstr (atlas_search_query_get_accented (accented, 0), ==, "đồng");
  g_assert_null (atlas_search_query_get_accented (accented, 1));
  g_assert_cmpstr (atlas_search_query_get_accented (accented, 2), ==, "bản-giốc");
  g_assert_cmpstr (atlas_search_query_get_accented (decomposed, 0), ==, "đồng");
  g_assert_true (atlas_search_query_get_typing (accented));

  g_assert_true (atlas_search_query_get_typing (typing));
  g_assert_false (atlas_search_query_get_typing (complete));
  g_assert_false (atlas_search_query_get_typing (punctuated));
  g_assert_false (atlas_search_query_get_typing (empty));
  g_assert_null (atlas_search_query_get_words (empty)[0]);
}

#define OPEN ATLAS_SEARCH_HIGHLIGHT_OPEN
#define CLOSE ATLAS_SEARCH_HIGHLIGHT_CLOSE

static char *
highlight (const char *query,
           const char *text)
{
  g_auto(GStrv) words = atlas_search_parse (query);

  return atlas_search_highlight (text, (const char * const *) words);
}

#define assert_highlight(query, text, expected) \
  G_STMT_START { \
    g_autofree char *_markup = highlight (query, text); \
    g_assert_cmpstr (_markup, ==, expected); \
  } G_STMT_END

static char *
nfd (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
}

static void
test_highlight (void)
{
  /* The accents and the đ of the text are inside the span. */
  assert_highlight ("gioc", "Thác Bản Giốc", "Thác Bản " OPEN "Giốc" CLOSE);
  assert_highlight ("dong van", "Cao nguyên đá Đồng Văn",
                    "Cao nguyên đá " OPEN "Đồng" CLOSE " " OPEN "Văn" CLOSE);
  assert_highlight ("da", "Cao nguyên đá", "Cao nguyên " OPEN "đá" CLOSE);
  assert_highlight ("Đắk", "Đắk Nông", OPEN "Đắk" CLOSE " Nông");
  /* Every occurrence of every word. */
  assert_highlight ("ban gioc", "Thác Bản Giốc", "Thác " OPEN "Bản" CLOSE " " OPEN "Giốc" CLOSE);
  assert_highlight ("an", "Bản Giốc Bản", "B" OPEN "ản" CLOSE " Giốc B" OPEN "ản" CLOSE);
  /* Inside words, only the part found. */
  assert_highlight ("gioc", "BảnGiốc", "Bản" OPEN "Giốc" CLOSE);
  assert_highlight ("ong", "Đồng", "Đ" OPEN "ồng" CLOSE);
  /* Any case. */
  assert_highlight ("dong", "ĐỒNG VĂN", OPEN "ĐỒNG" CLOSE " VĂN");
  assert_highlight ("VĂN", "Đồng Văn", "Đồng " OPEN "Văn" CLOSE);
}

/* Overlapping and touching matches make one span. */
static void
test_highlight_merges (void)
{
  assert_highlight ("ba n", "Bản", OPEN "Bản" CLOSE);
  assert_highlight ("ban an", "Bản", OPEN "Bản" CLOSE);
  assert_highlight ("aa", "aaaa", OPEN "aaaa" CLOSE);
  assert_highlight ("nguyen da", "nguyênđá", OPEN "nguyênđá" CLOSE);
}

/* Decomposed text keeps its marks, inside the span when they follow a
 * highlighted letter.
 */
static void
test_highlight_decomposed (void)
{
  g_autofree char *text = nfd ("Thác Bản Giốc");
  g_autofree char *before = nfd ("Thác Bản ");
  g_autofree char *found = nfd ("Giốc");
  g_autofree char *expected = g_strconcat (before, OPEN, found, CLOSE, NULL);
  g_autofree char *ga = nfd ("Gà");

  g_assert_cmpstr (text, !=, "Thác Bản Giốc");
  assert_highlight ("gioc", text, expected);
  /* A mark after the last letter found */
  assert_highlight ("ga", ga, OPEN "Ga\u0300" CLOSE);
  /* A mark after a letter not found */
  assert_highlight ("g", ga, OPEN "G" CLOSE "a\u0300");
  /* A mark with no letter before it */
  assert_highlight ("a", "\u0300a", "\u0300" OPEN "a" CLOSE);
}

static void
test_highlight_escapes (void)
{
  assert_highlight ("", "a & b <i>", "a &amp; b &lt;i&gt;");
  assert_highlight ("b", "a & b", "a &amp; " OPEN "b" CLOSE);
  assert_highlight ("dong van", "<Đồng> \"Văn\" & Co",
                    "&lt;" OPEN "Đồng" CLOSE "&gt; &quot;" OPEN "Văn" CLOSE "&quot; &amp; Co");
  /* The text is searched, not its markup. */
  assert_highlight ("amp", "a & b", "a &amp; b");
  assert_highlight ("lt", "<b>", "&lt;b&gt;");
  /* A special character found is escaped whole. */
  assert_highlight ("&", "a & b", "a " OPEN "&amp;" CLOSE " b");
  assert_highlight ("a&", "a&<", OPEN "a&amp;" CLOSE "&lt;");
}

static void
test_highlight_nothing (void)
{
  static const char * const no_words[] = { NULL };
  static const char * const empty_word[] = { "", NULL };
  g_autofree char *with_null = atlas_search_highlight ("Đồng & Văn", NULL);
  g_autofree char *with_none = atlas_search_highlight ("Đồng & Văn", no_words);
  g_autofree char *with_empty = atlas_search_highlight ("Đồng & Văn", empty_word);
  g_autofree char *empty = atlas_search_highlight ("", no_words);

  g_assert_cmpstr (with_null, ==, "Đồng &amp; Văn");
  g_assert_cmpstr (with_none, ==, "Đồng &amp; Văn");
  g_assert_cmpstr (with_empty, ==, "Đồng &amp; Văn");
  g_assert_cmpstr (empty, ==, "");
  assert_highlight (" , ", "Thác Bản Giốc", "Thác Bản Giốc");
  /* No match */
  assert_highlight ("lang son", "Thác Bản Giốc", "Thác Bản Giốc");
  assert_highlight ("gioc", "", "");
}

/* What the labels get is markup Pango takes, and it shows the text. */
static void
test_highlight_is_markup (void)
{
  g_autofree char *markup = highlight ("dong van & o", "<Đồng> & \"Văn\"");
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &shown, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (shown, ==, "<Đồng> & \"Văn\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/fold-ascii", test_fold_ascii);
  g_test_add_func ("/search/fold-append", test_fold_append);
  g_test_add_func ("/search/fold-decomposed", test_fold_decomposed);
  g_test_add_func ("/search/matches", test_matches);
  g_test_add_func ("/search/parse", test_parse);
  g_test_add_func ("/search/query", test_query);
  g_test_add_func ("/search/highlight", test_highlight);
  g_test_add_func ("/search/highlight/merges", test_highlight_merges);
  g_test_add_func ("/search/highlight/decomposed", test_highlight_decomposed);
  g_test_add_func ("/search/highlight/escapes", test_highlight_escapes);
  g_test_add_func ("/search/highlight/nothing", test_highlight_nothing);
  g_test_add_func ("/search/highlight/is-markup", test_highlight_is_markup);

  return g_test_run ();
}
