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
    "{\"b\": 1, \"a\": 2, \"b\": [3], \"c\": {}, \"a\": null, \"d\": {\"x\": 1, \"x\": {}}}",
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
  const AtlasJsonValue *root_value;
  JsonObject *object;

  root = atlas_json_parse (text, strlen (text), "items", spans, NULL, NULL, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "$schema"), ==, "news.schema.json");
  g_assert_true (json_object_get_boolean_member (object, "after"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "items")), ==, 0);

  {
    g_autoptr(AtlasJsonDocument) document = atlas_json_document_new ();
    g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (AtlasJsonSpan));
    const AtlasJsonValue *items;

    root_value = atlas_json_document_parse (document, text, strlen (text), "items", again, NULL,
                                            NULL, &error);
    g_assert_no_error (error);
    items = atlas_json_value_get_member (root_value, "items");
    g_assert_cmpint (items->type, ==, ATLAS_JSON_ARRAY);
    g_assert_cmpuint (items->length, ==, 0);
    g_assert_cmpuint (again->len, ==, G_N_ELEMENTS (elements));
    g_assert_cmpmem (again->data, again->len * sizeof (AtlasJsonSpan),
                     spans->data, spans->len * sizeof (AtlasJsonSpan));
  }

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

/* What a document holds, read straight from it. */
static void
test_json_document_values (void)
{
  const char *text = "{\"s\": \"Đồng Văn\", \"e\": \"a\\u0110\\n\\\"b\\ud83c\\udf0b\", "
                     "\"i\": -42, \"d\": 2.5, \"big\": 99999999999999999999, \"t\": true, "
                     "\"f\": false, \"n\": null, \"empty\": \"\", \"list\": [1, \"two\", [], {}], "
                     "\"object\": {\"inner\": [[21.5, 105.3]]}}";
  g_autoptr(AtlasJsonDocument) document = atlas_json_document_new ();
  g_autoptr(GError) error = NULL;
  const AtlasJsonValue *root, *value, *list, *inner;

  root = atlas_json_document_parse (document, text, strlen (text), NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (root->type, ==, ATLAS_JSON_OBJECT);
  g_assert_cmpuint (root->length, ==, 11);
  g_assert_cmpstr (root->members[0].name.string, ==, "s");
  g_assert_cmpstr (root->members[10].name.string, ==, "object");

  value = atlas_json_value_get_member (root, "s");
  g_assert_cmpint (value->type, ==, ATLAS_JSON_STRING);
  g_assert_cmpstr (value->string, ==, "Đồng Văn");
  g_assert_cmpuint (value->length, ==, strlen ("Đồng Văn"));

  value = atlas_json_value_get_member (root, "e");
  g_assert_cmpstr (value->string, ==, "aĐ\n\"b🌋");
  g_assert_cmpuint (value->length, ==, strlen ("aĐ\n\"b🌋"));

  value = atlas_json_value_get_member (root, "i");
  g_assert_cmpint (value->type, ==, ATLAS_JSON_INTEGER);
  g_assert_cmpint (value->integer, ==, -42);
  value = atlas_json_value_get_member (root, "d");
  g_assert_cmpint (value->type, ==, ATLAS_JSON_DOUBLE);
  g_assert_cmpfloat (value->number, ==, 2.5);
  value = atlas_json_value_get_member (root, "big");
  g_assert_cmpint (value->type, ==, ATLAS_JSON_DOUBLE);
  g_assert_cmpfloat (value->number, ==, 1e20);

  value = atlas_json_value_get_member (root, "t");
  g_assert_cmpint (value->type, ==, ATLAS_JSON_BOOLEAN);
  g_assert_true (value->boolean);
  value = atlas_json_value_get_member (root, "f");
  g_assert_cmpint (value->type, ==, ATLAS_JSON_BOOLEAN);
  g_assert_false (value->boolean);
  g_assert_cmpint (atlas_json_value_get_member (root, "n")->type, ==, ATLAS_JSON_NULL);
  value = atlas_json_value_get_member (root, "empty");
  g_assert_cmpstr (value->string, ==, "");
  g_assert_cmpuint (value->length, ==, 0);

  list = atlas_json_value_get_member (root, "list");
  g_assert_cmpint (list->type, ==, ATLAS_JSON_ARRAY);
  g_assert_cmpuint (list->length, ==, 4);
  g_assert_cmpint (list->elements[0].integer, ==, 1);
  g_assert_cmpstr (list->elements[1].string, ==, "two");
  g_assert_cmpint (list->elements[2].type, ==, ATLAS_JSON_ARRAY);
  g_assert_cmpuint (list->elements[2].length, ==, 0);
  g_assert_cmpint (list->elements[3].type, ==, ATLAS_JSON_OBJECT);
  g_assert_cmpuint (list->elements[3].length, ==, 0);
  g_assert_null (atlas_json_value_get_member (&list->elements[3], "s"));

  inner = atlas_json_value_get_member (atlas_json_value_get_member (root, "object"), "inner");
  g_assert_cmpuint (inner->length, ==, 1);
  g_assert_cmpuint (inner->elements[0].length, ==, 2);
  g_assert_cmpfloat (inner->elements[0].elements[1].number, ==, 105.3);

  g_assert_null (atlas_json_value_get_member (root, "missing"));
  g_assert_null (atlas_json_value_get_member (root, "S"));
}

/* A name given twice is one member, as in json-glib: where it first
 * appears, with its last value. Objects of more than a few dozen members
 * find their duplicates another way: the same result.
 */
static void
test_json_document_duplicates (void)
{
  /* Around 32, where the way changes; none a multiple of 7. */
  static const guint sizes[] = { 1, 2, 5, 16, 31, 32, 33, 80 };
  g_autoptr(AtlasJsonDocument) document = atlas_json_document_new ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n_names = sizes[s];
      g_autoptr(GString) text = g_string_new ("{");
      g_autoptr(GError) error = NULL;
      const AtlasJsonValue *root;

      /* Every name three times, the values counting up; the names in an
       * order of their own (7 and n_names have no common factor).
       */
      for (guint round = 0, value = 0; round < 3; round++)
        for (guint i = 0; i < n_names; i++, value++)
          g_string_append_printf (text, "%s\"name%u\": %u", value > 0 ? ", " : "",
                                  (i * 7) % n_names, value);
      g_string_append_c (text, '}');

      g_test_message ("%u names", n_names);
      root = atlas_json_document_parse (document, text->str, text->len, NULL, NULL, NULL, NULL,
                                        &error);
      g_assert_no_error (error);
      g_assert_cmpuint (root->length, ==, n_names);
      for (guint i = 0; i < n_names; i++)
        {
          g_autofree char *name = g_strdup_printf ("name%u", (i * 7) % n_names);

          g_assert_cmpstr (root->members[i].name.string, ==, name);
          g_assert_cmpint (root->members[i].value.integer, ==, 2 * n_names + i);
        }

      assert_same_tree (text->str, text->len);
    }
}

/* A document parsed again forgets what it held, whatever the sizes and
 * whatever went wrong the time before.
 */
static void
test_json_document_reuse (void)
{
  g_autoptr(AtlasJsonDocument) document = atlas_json_document_new ();
  g_autoptr(GString) large = g_string_new ("[");
  g_autoptr(GString) long_string = g_string_new ("\"");
  const char *small = "{\"a\": [\"b\", {\"c\": \"d\"}]}";
  const AtlasJsonValue *root;

  /* Many blocks' worth of values and strings; then a string longer than
   * a block.
   */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (large, "%s{\"id\": \"item-%u\", \"n\": %u}", i > 0 ? ", " : "", i, i);
  g_string_append_c (large, ']');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (long_string, 'a' + i % 26);
  g_string_append_c (long_string, '"');

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;

      root = atlas_json_document_parse (document, large->str, large->len, NULL, NULL, NULL, NULL,
                                        &error);
      g_assert_no_error (error);
      g_assert_cmpuint (root->length, ==, 20000);
      for (guint i = 0; i < 20000; i += 997)
        {
          g_autofree char *id = g_strdup_printf ("item-%u", i);

          g_assert_cmpstr (atlas_json_value_get_member (&root->elements[i], "id")->string, ==, id);
          g_assert_cmpint (atlas_json_value_get_member (&root->elements[i], "n")->integer, ==, i);
        }

      root = atlas_json_document_parse (document, "[1, {\"a\": [2, ", 15, NULL, NULL, NULL, NULL,
                                        &error);
      g_assert_null (root);
      g_assert_error (error, ATLAS_JSON_ERROR, ATLAS_JSON_ERROR_SYNTAX);
      g_clear_error (&error);

      root = atlas_json_document_parse (document, small, strlen (small), NULL, NULL, NULL, NULL,
                                        &error);
      g_assert_no_error (error);
      g_assert_cmpuint (root->length, ==, 1);
      g_assert_cmpstr (root->members[0].name.string, ==, "a");
      g_assert_cmpstr (root->members[0].value.elements[0].string, ==, "b");
      g_assert_cmpstr (atlas_json_value_get_member (&root->members[0].value.elements[1], "c")->string,
                       ==, "d");

      root = atlas_json_document_parse (document, long_string->str, long_string->len, NULL, NULL,
                                        NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (root->length, ==, 100000);
      g_assert_cmpuint (strlen (root->string), ==, 100000);
      g_assert_true (strncmp (root->string, long_string->str + 1, 100000) == 0);
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
  g_test_add_func ("/json/document/values", test_json_document_values);
  g_test_add_func ("/json/document/duplicates", test_json_document_duplicates);
  g_test_add_func ("/json/document/reuse", test_json_document_reuse);
  g_test_add_func ("/json/depth", test_json_depth);

  return g_test_run ();
}
