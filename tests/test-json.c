/* test-json.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-dataset-loader.h"
#include "atlas-json.h"

static JsonNode *
parse (const char *text,
       GError    **error)
{
  return atlas_json_parse (text, strlen (text), NULL, NULL, NULL, NULL, error);
}

static JsonNode *
parse_with_json_glib (const char *text,
                      gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static void
assert_same_tree (const char *text,
                  gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ours = atlas_json_parse (text, length, NULL, NULL, NULL, NULL, &error);
  g_autoptr(JsonNode) theirs = parse_with_json_glib (text, length);
  g_autofree char *ours_text = NULL;
  g_autofree char *theirs_text = NULL;

  g_assert_no_error (error);
  ours_text = json_to_string (ours, FALSE);
  theirs_text = json_to_string (theirs, FALSE);
  g_assert_cmpstr (ours_text, ==, theirs_text);
  g_assert_true (json_node_equal (ours, theirs));
}

/* Whatever json-glib reads from valid JSON, we read the same. */
static void
test_json_same_as_json_glib (void)
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
    "\"just a string\"",
    "42",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    assert_same_tree (documents[i], strlen (documents[i]));
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

      assert_same_tree (data, length);
    }
}

static void
test_json_numbers (void)
{
  g_autoptr(JsonNode) integer = parse ("-17", NULL);
  g_autoptr(JsonNode) fraction = parse ("21.0285", NULL);
  g_autoptr(JsonNode) exponent = parse ("1e2", NULL);
  g_autoptr(JsonNode) huge = parse ("123456789012345678901234567890", NULL);

  g_assert_cmpint (json_node_get_value_type (integer), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (integer), ==, -17);
  g_assert_cmpint (json_node_get_value_type (fraction), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (fraction), ==, 21.0285);
  g_assert_cmpint (json_node_get_value_type (exponent), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (exponent), ==, 100.0);
  g_assert_cmpint (json_node_get_value_type (huge), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (huge), 1.2345678901234568e29, 1e15);
}

/* The items of the root object are checked and located, not built. */
static void
test_json_deferred_items (void)
{
  const char *text = "{\"$schema\": \"news.schema.json\",\n"
                     " \"items\": [ {\"id\": \"a\"}, [1, 2] ,\"x\",{\"nested\": {\"items\": [1]}} ],\n"
                     " \"after\": true}";
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (AtlasJsonSpan));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  static const char *elements[] = {
    "{\"id\": \"a\"}", "[1, 2]", "\"x\"", "{\"nested\": {\"items\": [1]}}",
  };
  JsonObject *object;

  root = atlas_json_parse (text, strlen (text), "items", spans, NULL, NULL, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "$schema"), ==, "news.schema.json");
  g_assert_true (json_object_get_boolean_member (object, "after"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "items")), ==, 0);

  g_assert_cmpuint (spans->len, ==, G_N_ELEMENTS (elements));
  for (guint i = 0; i < spans->len; i++)
    {
      AtlasJsonSpan *span = &g_array_index (spans, AtlasJsonSpan, i);
      g_autofree char *element = g_strndup (text + span->offset, span->length);
      g_autoptr(JsonNode) node = NULL;

      g_assert_cmpstr (element, ==, elements[i]);
      node = atlas_json_parse (text + span->offset, span->length, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  /* Nested "items" are ordinary members: only the root's are deferred. */
  {
    JsonNode *element = NULL;
    AtlasJsonSpan *last = &g_array_index (spans, AtlasJsonSpan, 3);
    g_autoptr(JsonNode) node = atlas_json_parse (text + last->offset, last->length,
                                                 "items", spans, NULL, NULL, &error);

    g_assert_no_error (error);
    element = json_object_get_member (json_object_get_object_member (json_node_get_object (node),
                                                                     "nested"), "items");
    g_assert_cmpuint (json_array_get_length (json_node_get_array (element)), ==, 1);
  }
}

/* As in json-glib, the last of two members of the same name counts. */
static void
test_json_deferred_last_wins (void)
{
  struct {
    const char *text;
    guint n_spans;
    JsonNodeType type;
  } cases[] = {
    { "{\"items\": [1, 2, 3], \"items\": [4]}", 1, JSON_NODE_ARRAY },
    { "{\"items\": [1, 2, 3], \"items\": {\"a\": 1}}", 3, JSON_NODE_OBJECT },
    { "{\"items\": \"none\"}", 0, JSON_NODE_VALUE },
    { "{\"items\": []}", 0, JSON_NODE_ARRAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (AtlasJsonSpan));
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = atlas_json_parse (cases[i].text, strlen (cases[i].text),
                                                   "items", spans, NULL, NULL, &error);
      JsonNode *items;

      g_assert_no_error (error);
      items = json_object_get_member (json_node_get_object (root), "items");
      g_assert_cmpint (JSON_NODE_TYPE (items), ==, cases[i].type);
      /* Spans only matter when the member that counts is an array. */
      if (cases[i].type == JSON_NODE_ARRAY)
        g_assert_cmpuint (spans->len, ==, cases[i].n_spans);
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
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (AtlasJsonSpan));
      g_autoptr(GError) error = NULL;
      guint line = 0;
      guint column = 0;
      JsonNode *node;

      g_test_message ("%s", cases[i].text);
      node = atlas_json_parse (cases[i].text, strlen (cases[i].text), "items", spans,
                               &line, &column, &error);
      g_assert_null (node);
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
  JsonNode *node = atlas_json_parse (text, strlen (text), NULL, NULL, &line, &error_column, &error);

  g_assert_null (node);
  g_assert_error (error, ATLAS_JSON_ERROR, ATLAS_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (error_column, ==, column);
}

/* Strings are looked at eight bytes at a time: whatever ends a run of
 * plain text (an escape, the closing quote, a control character, the end
 * of the text) is found wherever it falls in a word, after ASCII or
 * Vietnamese letters.
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

          assert_same_tree (escaped, strlen (escaped));
          assert_same_tree (closed, strlen (closed));
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
  g_autoptr(JsonNode) fine = NULL;
  JsonNode *node;

  /* 64 levels read; one more is refused without using up the stack. */
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, ']');
  fine = parse (deep->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fine);

  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  node = parse (deep->str, &error);
  g_assert_null (node);
  g_assert_error (error, ATLAS_JSON_ERROR, ATLAS_JSON_ERROR_DEPTH);
  g_assert_cmpstr (error->message, ==, "nested more than 64 levels deep");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/same-as-json-glib", test_json_same_as_json_glib);
  g_test_add_func ("/json/bundled-files", test_json_bundled_files);
  g_test_add_func ("/json/numbers", test_json_numbers);
  g_test_add_func ("/json/deferred-items", test_json_deferred_items);
  g_test_add_func ("/json/deferred-last-wins", test_json_deferred_last_wins);
  g_test_add_func ("/json/errors", test_json_errors);
  g_test_add_func ("/json/string-runs", test_json_string_runs);
  g_test_add_func ("/json/depth", test_json_depth);

  return g_test_run ();
}
