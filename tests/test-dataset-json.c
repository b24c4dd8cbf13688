/* test-dataset-json.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dataset-json"

#include "config.h"

#include <json-glib/json-glib.h>

#include "atlas-dataset-loader.h"
#include "atlas-item-parser-private.h"
#include "atlas-json-check.h"

/* The check the loader makes of every file before json-glib parses it. */

static void
on_item (JsonNode *item,
         guint     index,
         gpointer  user_data)
{
  guint *n_items = user_data;

  g_assert_cmpuint (index, ==, *n_items);
  (*n_items)++;
}

/* What the check accepts, json-glib parses, making as many array elements
 * as the check counted (the loader's progress while json-glib parses),
 * the root's "items" where the check found them (the loader reads them as
 * json-glib makes them).
 */
static void
assert_json_glib_agrees (const char *text,
                         gsize       length)
{
  g_autoptr(JsonParser) plain = json_parser_new ();
  g_autoptr(AtlasItemParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  AtlasJsonCounts counts = { G_MAXUINT, G_MAXUINT, G_MAXUINT };
  guint n_items = 0;
  JsonNode *root;
  JsonNode *items;

  g_assert_true (atlas_json_check (text, length, &counts, NULL, NULL, &error));
  g_assert_no_error (error);

  parser = atlas_item_parser_new (counts.items_array, on_item, NULL, &n_items);
  g_assert_true (json_parser_load_from_data (JSON_PARSER (parser), text, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_atlas_item_parser_get_n_elements (parser), ==, counts.n_elements);
  g_assert_cmpuint (n_items, ==, counts.n_items);
  if (counts.items_array == 0)
    return;

  /* The array handed out is the root's "items", emptied. */
  root = json_parser_get_root (JSON_PARSER (parser));
  items = json_object_get_member (json_node_get_object (root), "items");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (items));
  g_assert_true (json_node_get_array (items) == atlas_item_parser_get_items (parser));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (items)), ==, 0);

  /* json-glib alone has them there. */
  g_assert_true (json_parser_load_from_data (plain, text, length, &error));
  items = json_object_get_member (json_node_get_object (json_parser_get_root (plain)), "items");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (items));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (items)), ==, counts.n_items);
}

/* Which of the arrays that are members of the root is its "items". */
static void
test_json_items_array (void)
{
  static const struct {
    const char *text;
    guint items_array;
    guint n_items;
  } cases[] = {
    { "{\"$schema\": \"x\", \"items\": [{}, {}, 3]}", 1, 3 },
    { "{\"a\": [], \"items\": [1, 2], \"b\": [3], \"items\": [[4, 5]]}", 4, 1 },
    { "{\"items\": [1], \"items\": 5}", 0, 0 },
    { "{\"items\": [1], \"\\u0069tems\": [1, 2]}", 0, 0 },
    { "{\"nested\": {\"items\": [1]}}", 0, 0 },
    { "[{\"items\": [1]}]", 0, 0 },
    { "{\"items\": []}", 1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasJsonCounts counts;

      g_test_message ("%s", cases[i].text);
      g_assert_true (atlas_json_check (cases[i].text, strlen (cases[i].text), &counts,
                                       NULL, NULL, NULL));
      g_assert_cmpuint (counts.items_array, ==, cases[i].items_array);
      g_assert_cmpuint (counts.n_items, ==, cases[i].n_items);
      assert_json_glib_agrees (cases[i].text, strlen (cases[i].text));
    }
}

static void
test_json_valid (void)
{
  static const char *documents[] = {
    "{}",
    "[]",
    " \n\t{ \"a\" : [ 1 , -2 , 0 , 3.25 , -0.5 , 1e3 , 2E-2 , 6.02e+23 ] }\r\n",
    "{\"int\": 9007199254740993, \"max\": 9223372036854775807, \"min\": -9223372036854775808}",
    "{\"t\": true, \"f\": false, \"n\": null, \"nested\": {\"deeper\": [[[{}]]]}}",
    "{\"escapes\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}",
    "{\"unicode\": \"\\u0110\\u1ed3ng V\\u0103n \\u00e9 \\ud83c\\udf0b\"}",
    "{\"raw\": \"Đồng Văn, Non nước Cao Bằng, Đắk Nông — “quoted” 🌋\"}",
    "{\"same\": 1, \"same\": 2}",
    "{\"b\": 1, \"a\": 2, \"b\": [3], \"c\": {}, \"a\": null, \"d\": {\"x\": 1, \"x\": {}}}",
    "\"just a string\"",
    "42",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    assert_json_glib_agrees (documents[i], strlen (documents[i]));
}

static void
test_json_bundled_files (void)
{
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/dataset/",
                                           atlas_dataset_file_get_name (f), NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      assert_json_glib_agrees (data, length);
    }
}

/* Every way a hand-edited file goes wrong gets its line, its column and
 * what is wrong, including what json-glib let through.
 */
static void
test_json_errors (void)
{
  struct {
    const char *text;
    guint line;
    guint column;
    const char *message;
    int code;
  } cases[] = {
    { "", 1, 1, "the file ends where a value should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{\n  \"items\": [\n", 3, 1, "the file ends where a value should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{\"items\": [1 2]}", 1, 14, "found “2” where “,” or “]” should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{\"a\": 1,}", 1, 9, "found “}” where a name in double quotes should be", ATLAS_JSON_ERROR_SYNTAX },
    { "[1, 2,]", 1, 7, "found “]” where a value should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{\"a\" 1}", 1, 6, "found “1” where “:” should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{\"a\": 1 \"b\": 2}", 1, 9, "found “\"” where “,” or “}” should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{a: 1}", 1, 2, "found “a” where a name in double quotes should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{\"a\": tru}", 1, 7, "found “tru” where a value should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{\"a\": nulls}", 1, 7, "found “nulls” where a value should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{\"a\": 'x'}", 1, 7, "found “'” where a value should be", ATLAS_JSON_ERROR_SYNTAX },
    { "// a note\n{}", 1, 1, "JSON does not allow comments", ATLAS_JSON_ERROR_SYNTAX },
    { "{\"a\": 1 /* why */}", 1, 9, "JSON does not allow comments", ATLAS_JSON_ERROR_SYNTAX },
    { "{\"a\": \"two\nlines\"}", 1, 11,
      "a line break or control character inside a string must be written as an escape such as \\n",
      ATLAS_JSON_ERROR_SYNTAX },
    { "{\"Đồng\": \"x\\q\"}", 1, 12,
      "“\\q” is not an escape: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u", ATLAS_JSON_ERROR_SYNTAX },
    { "[\"\\u12\"]", 1, 3, "“\\u” must be followed by four hexadecimal digits", ATLAS_JSON_ERROR_SYNTAX },
    { "[\"\\ud83c\"]", 1, 3, "“\\uD83C” is half a character without its other half", ATLAS_JSON_ERROR_SYNTAX },
    { "[\"\\udf0b\"]", 1, 3, "“\\uDF0B” is half a character without its other half", ATLAS_JSON_ERROR_SYNTAX },
    { "[\"a\\u0000b\"]", 1, 4, "text cannot hold the character “\\u0000”", ATLAS_JSON_ERROR_SYNTAX },
    { "[\"open", 1, 7, "the file ends inside a string", ATLAS_JSON_ERROR_SYNTAX },
    { "[-x]", 1, 2, "a number needs digits after “-”", ATLAS_JSON_ERROR_SYNTAX },
    { "[1.]", 1, 2, "a number needs digits after its decimal point", ATLAS_JSON_ERROR_SYNTAX },
    { "[1e+]", 1, 2, "a number needs digits in its exponent", ATLAS_JSON_ERROR_SYNTAX },
    { "[01]", 1, 3, "found “1” where “,” or “]” should be", ATLAS_JSON_ERROR_SYNTAX },
    { "{} {}", 1, 4, "found “{” after the end of the JSON value", ATLAS_JSON_ERROR_SYNTAX },
    { "\xef\xbb\xbf{}", 1, 1, "found “\xef\xbb\xbf” where a value should be", ATLAS_JSON_ERROR_SYNTAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint line = 0;
      guint column = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_false (atlas_json_check (cases[i].text, strlen (cases[i].text), NULL,
                                        &line, &column, &error));
      g_assert_error (error, ATLAS_JSON_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_cmpuint (column, ==, cases[i].column);
    }
}


static void
assert_error_at (const char *text,
                 guint       column,
                 const char *message)
{
  g_autoptr(GError) error = NULL;
  guint line = 0;
  guint error_column = 0;

  g_assert_false (atlas_json_check (text, strlen (text), NULL, &line, &error_column, &error));
  g_assert_error (error, ATLAS_JSON_ERROR, ATLAS_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (error_column, ==, column);
}

/* Whatever ends a run of plain text in a string (an escape, the closing
 * quote, a control character, the end of the text) is found wherever it
 * falls, after ASCII or Vietnamese letters.
 */
static void
test_json_string_runs (void)
{
  static const char *fillers[] = {
    "abcdefghijklmnopqrstuvwxyz0123456789",
    "Đồng Văn, Non nước Cao Bằng, Lạng Sơn — “ơ”",
  };

  for (guint f = 0; f < G_N_ELEMENTS (fillers); f++)
    for (guint length = 0; length <= 24; length++)
      for (guint at = 0; at <= length; at++)
        {
          g_autofree char *before = g_utf8_substring (fillers[f], 0, at);
          g_autofree char *after = g_utf8_substring (fillers[f], at, length);
          g_autofree char *escaped = g_strconcat ("[\"", before, "\\n\\\"", after, "\"]", NULL);
          g_autofree char *closed = g_strconcat ("[\"", before, "\", 1]", NULL);
          g_autofree char *control = g_strconcat ("[\"", before, "\t", after, "\"]", NULL);
          g_autofree char *open = g_strconcat ("[\"", before, NULL);

          assert_json_glib_agrees (escaped, strlen (escaped));
          assert_json_glib_agrees (closed, strlen (closed));
          assert_error_at (control, 3 + at,
                           "a line break or control character inside a string must be written "
                           "as an escape such as \\n");
          assert_error_at (open, 3 + at, "the file ends inside a string");
        }
}

static void
test_json_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* 64 levels pass; one more is refused without using up the stack. */
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, ']');
  assert_json_glib_agrees (deep->str, deep->len);

  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  g_assert_false (atlas_json_check (deep->str, deep->len, NULL, NULL, NULL, &error));
  g_assert_error (error, ATLAS_JSON_ERROR, ATLAS_JSON_ERROR_DEPTH);
  g_assert_cmpstr (error->message, ==, "nested more than 64 levels deep");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset/json/valid", test_json_valid);
  g_test_add_func ("/dataset/json/bundled-files", test_json_bundled_files);
  g_test_add_func ("/dataset/json/items-array", test_json_items_array);
  g_test_add_func ("/dataset/json/errors", test_json_errors);
  g_test_add_func ("/dataset/json/string-runs", test_json_string_runs);
  g_test_add_func ("/dataset/json/depth", test_json_depth);

  return g_test_run ();
}
