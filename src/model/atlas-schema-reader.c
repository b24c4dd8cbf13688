/* atlas-schema-reader.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-schema-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "atlas-schema-reader.h"

/* The primitives the schema of each item type is written with: typed
 * readers of the values json-glib parsed, each reporting what is wrong at
 * the JSON path of the value, and nothing else. Nothing stops at the first
 * problem, so that one run of the validator lists everything to fix.
 */

#define MAX_TEXT_LENGTH     20000
#define MAX_ID_LENGTH       80
#define MAX_LIST_LENGTH     500
#define MIN_YEAR            1900
#define MAX_YEAR            2100
#define MAX_PRECISION_M     1000000.0

static void
atlas_schema_reference_free (gpointer data)
{
  AtlasSchemaReference *reference = data;

  g_free (reference->location);
  g_free (reference->id);
  g_free (reference);
}

void
atlas_schema_reader_init (AtlasSchemaReader *r,
                          GPtrArray         *problems)
{
  g_return_if_fail (r != NULL);
  g_return_if_fail (problems != NULL);

  r->file = NULL;
  r->path = g_string_new ("$");
  r->problems = problems;
  r->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->references = g_ptr_array_new_with_free_func (atlas_schema_reference_free);
}

void
atlas_schema_reader_clear (AtlasSchemaReader *r)
{
  g_return_if_fail (r != NULL);

  if (r->path != NULL)
    g_string_free (g_steal_pointer (&r->path), TRUE);
  g_clear_pointer (&r->ids, g_hash_table_unref);
  g_clear_pointer (&r->references, g_ptr_array_unref);
}

/* From now on, the values are those of file, from its root. */
void
atlas_schema_reader_start_file (AtlasSchemaReader *r,
                                const char        *file)
{
  g_return_if_fail (r != NULL);

  r->file = file;
  g_string_assign (r->path, "$");
}

/* Adds a problem with the value at location ("news.json: $.items[3].id"). */
static void
atlas_schema_reader_add_problem (GPtrArray         *problems,
                                 const char        *location,
                                 AtlasDatasetError  code,
                                 const char        *message)
{
  /* A message may quote the input and cut a character in half; whatever
   * we print must stay valid text.
   */
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  g_ptr_array_add (problems, g_error_new (ATLAS_DATASET_ERROR, code, "%s: %s", location, valid));
}

/* "news.json: $.items[3].places[0]", the current value's file and path. */
static char *
atlas_schema_reader_location (AtlasSchemaReader *r)
{
  return g_strconcat (r->file, ": ", r->path->str, NULL);
}

void
atlas_schema_reader_report (AtlasSchemaReader *r,
                            AtlasDatasetError  code,
                            const char        *format,
                            ...)
{
  g_autofree char *message = NULL;
  g_autofree char *location = atlas_schema_reader_location (r);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  atlas_schema_reader_add_problem (r->problems, location, code, message);
}

/* "a, b, c": the names of a closed list, for a message that offers them. */
char *
atlas_schema_reader_list_names (AtlasSchemaNameFunc name_of,
                                guint               n_names)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? ", " : "", name_of (i));

  return g_string_free (joined, FALSE);
}

/* The path grows and shrinks at every member and element of every item:
 * appended piece by piece rather than formatted, as that is done millions
 * of times in a large load.
 */
gsize
atlas_schema_reader_push_member (AtlasSchemaReader *r,
                                 const char        *key)
{
  gsize mark = r->path->len;

  g_string_append_c (r->path, '.');
  g_string_append (r->path, key);

  return mark;
}

gsize
atlas_schema_reader_push_index (AtlasSchemaReader *r,
                                guint              index)
{
  char digits[16];
  gsize n = 0;
  gsize mark = r->path->len;

  /* The decimal digits, last first. */
  do
    {
      digits[n++] = (char) ('0' + index % 10);
      index /= 10;
    }
  while (index > 0);

  g_string_append_c (r->path, '[');
  while (n > 0)
    g_string_append_c (r->path, digits[--n]);
  g_string_append_c (r->path, ']');

  return mark;
}

void
atlas_schema_reader_pop (AtlasSchemaReader *r,
                         gsize              mark)
{
  g_string_truncate (r->path, mark);
}

/* A short, language-neutral picture of a JSON value for messages. */
char *
atlas_schema_reader_describe (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("{…}");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("[…]");
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");

  text = json_to_string (node, FALSE);
  if (g_utf8_strlen (text, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 39);

      return g_strconcat (start, "…", NULL);
    }

  return g_steal_pointer (&text);
}

/* Reports that node is not what must be there: "must be a string, not 5". */
G_GNUC_PRINTF (3, 0)
static void
report_type (AtlasSchemaReader *r,
             JsonNode          *node,
             const char        *format)
{
  g_autofree char *found = atlas_schema_reader_describe (node);

  /* format is checked where report_type() is called, as a gettext result. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_TYPE, format, found);
#pragma GCC diagnostic pop
}

static gboolean
holds_value_of_type (JsonNode *node,
                     GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

JsonObject *
atlas_schema_reader_expect_object (AtlasSchemaReader *r,
                                   JsonNode          *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  report_type (r, node, _("must be an object, not %s"));
  return NULL;
}

JsonArray *
atlas_schema_reader_expect_array (AtlasSchemaReader *r,
                                  JsonNode          *node,
                                  guint              min_length,
                                  guint              max_length)
{
  JsonArray *array;
  guint length;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report_type (r, node, _("must be an array, not %s"));
      return NULL;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length < min_length)
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "must have at least %u entry",
                                               "must have at least %u entries", min_length),
                                  min_length);
      return NULL;
    }
  if (length > max_length)
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_TOO_LARGE,
                                  _("has more than %u entries"), max_length);
      return NULL;
    }

  return array;
}

/* Whether text, valid UTF-8, is NFC already without asking GLib, which
 * decomposes and recomposes every character. True only for text made of
 * characters that are NFC whatever surrounds them and have no combining
 * class: everything below the combining diacritics (U+0300), Vietnamese
 * letters (Latin Extended Additional, U+1E00–U+1EFF) and general
 * punctuation such as dashes and quotes (U+2010–U+2027). Anything else
 * takes the slow path.
 */
static gboolean
is_surely_nfc (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; )
    {
      gunichar c;

      if (*p < 0x80)
        {
          p++;
          continue;
        }

      c = g_utf8_get_char ((const char *) p);
      if (!(c < 0x0300 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x2027)))
        return FALSE;
      p = (const guchar *) g_utf8_next_char (p);
    }

  return TRUE;
}

/* Whether text is empty once stripped of the spaces g_strstrip() strips,
 * without copying it.
 */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* A string, normalized to NFC: text typed on some keyboards arrives
 * decomposed, and "Đồng Văn" must equal "Đồng Văn" whatever the keyboard.
 */
char *
atlas_schema_reader_expect_string (AtlasSchemaReader *r,
                                   JsonNode          *node)
{
  const char *string;

  if (!holds_value_of_type (node, G_TYPE_STRING))
    {
      report_type (r, node, _("must be a string, not %s"));
      return NULL;
    }

  string = json_node_get_string (node);
  /* A character takes at least one byte: count them only when it matters. */
  if (strlen (string) > MAX_TEXT_LENGTH && g_utf8_strlen (string, -1) > MAX_TEXT_LENGTH)
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_TOO_LARGE,
                                  _("is longer than %u characters"), MAX_TEXT_LENGTH);
      return NULL;
    }

  if (is_blank (string))
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE, _("must not be empty"));
      return NULL;
    }

  if (is_surely_nfc (string))
    return g_strdup (string);

  return g_utf8_normalize (string, -1, G_NORMALIZE_NFC);
}

gboolean
atlas_schema_reader_expect_number (AtlasSchemaReader *r,
                                   JsonNode          *node,
                                   double             min,
                                   double             max,
                                   double            *value)
{
  if (holds_value_of_type (node, G_TYPE_INT64))
    *value = (double) json_node_get_int (node);
  else if (holds_value_of_type (node, G_TYPE_DOUBLE))
    *value = json_node_get_double (node);
  else
    {
      report_type (r, node, _("must be a number, not %s"));
      return FALSE;
    }

  if (!(*value >= min && *value <= max))
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_RANGE,
                                  _("%.10g is out of range (%.10g to %.10g)"), *value, min, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
expect_boolean (AtlasSchemaReader *r,
                JsonNode          *node,
                gboolean          *value)
{
  if (!holds_value_of_type (node, G_TYPE_BOOLEAN))
    {
      report_type (r, node, _("must be true or false, not %s"));
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
atlas_schema_reader_expect_year (AtlasSchemaReader *r,
                                 JsonNode          *node,
                                 int               *year)
{
  gint64 value;

  if (!holds_value_of_type (node, G_TYPE_INT64))
    {
      report_type (r, node, _("must be a whole number, not %s"));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < MIN_YEAR || value > MAX_YEAR)
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_RANGE,
                                  _("year %d is out of range (%d to %d)"),
                                  (int) CLAMP (value, G_MININT, G_MAXINT), MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  *year = (int) value;
  return TRUE;
}

/* Reports every member that is not one of known. */
void
atlas_schema_reader_check_fields (AtlasSchemaReader  *r,
                                  JsonObject         *object,
                                  const char * const *known)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    {
      if (!g_strv_contains (known, name))
        {
          gsize mark = atlas_schema_reader_push_member (r, name);

          atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_UNKNOWN_FIELD,
                                      _("unknown field “%s”"), name);
          atlas_schema_reader_pop (r, mark);
        }
    }
}

/* The member, or NULL (reporting it when required). */
JsonNode *
atlas_schema_reader_member (AtlasSchemaReader *r,
                            JsonObject        *object,
                            const char        *key,
                            gboolean           required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_MISSING,
                                _("missing required field “%s”"), key);

  return node;
}

/* Enters the object at key and checks its fields: the path points into it
 * until atlas_schema_reader_pop (r, mark). NULL, with the path unchanged,
 * when there is no such object (reported when it matters).
 */
JsonObject *
atlas_schema_reader_enter_object (AtlasSchemaReader  *r,
                                  JsonObject         *parent,
                                  const char         *key,
                                  gboolean            required,
                                  const char * const *known,
                                  gsize              *mark)
{
  JsonNode *node = atlas_schema_reader_member (r, parent, key, required);
  JsonObject *object;

  if (node == NULL)
    return NULL;

  *mark = atlas_schema_reader_push_member (r, key);
  object = atlas_schema_reader_expect_object (r, node);
  if (object == NULL)
    {
      atlas_schema_reader_pop (r, *mark);
      return NULL;
    }

  atlas_schema_reader_check_fields (r, object, known);
  return object;
}

char *
atlas_schema_reader_string (AtlasSchemaReader *r,
                            JsonObject        *object,
                            const char        *key,
                            gboolean           required)
{
  JsonNode *node = atlas_schema_reader_member (r, object, key, required);
  char *string;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = atlas_schema_reader_push_member (r, key);
  string = atlas_schema_reader_expect_string (r, node);
  atlas_schema_reader_pop (r, mark);

  return string;
}

gboolean
atlas_schema_reader_number (AtlasSchemaReader *r,
                            JsonObject        *object,
                            const char        *key,
                            double             min,
                            double             max,
                            double            *value)
{
  JsonNode *node = atlas_schema_reader_member (r, object, key, TRUE);
  gboolean ok;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = atlas_schema_reader_push_member (r, key);
  ok = atlas_schema_reader_expect_number (r, node, min, max, value);
  atlas_schema_reader_pop (r, mark);

  return ok;
}

void
atlas_schema_reader_boolean (AtlasSchemaReader *r,
                             JsonObject        *object,
                             const char        *key,
                             gboolean          *value)
{
  JsonNode *node = atlas_schema_reader_member (r, object, key, TRUE);
  gsize mark;

  if (node == NULL)
    return;

  mark = atlas_schema_reader_push_member (r, key);
  expect_boolean (r, node, value);
  atlas_schema_reader_pop (r, mark);
}

/* {"vi": "…", "en": "…"} with at least one of them. */
AtlasText *
atlas_schema_reader_text (AtlasSchemaReader *r,
                          JsonObject        *object,
                          const char        *key,
                          gboolean           required)
{
  JsonNode *node = atlas_schema_reader_member (r, object, key, required);
  char *strings[ATLAS_N_LANGUAGES] = { NULL, };
  AtlasText *result = NULL;
  JsonObject *text;
  JsonObjectIter iter;
  const char *code;
  JsonNode *value;
  gboolean complete = TRUE;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = atlas_schema_reader_push_member (r, key);
  text = atlas_schema_reader_expect_object (r, node);
  if (text == NULL)
    {
      atlas_schema_reader_pop (r, mark);
      return NULL;
    }

  json_object_iter_init_ordered (&iter, text);
  while (json_object_iter_next_ordered (&iter, &code, &value))
    {
      AtlasLanguage language;
      gsize language_mark = atlas_schema_reader_push_member (r, code);

      if (!atlas_language_from_code (code, &language))
        {
          atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_UNKNOWN_FIELD,
                                      _("unknown language “%s”: use “vi” or “en”"), code);
          complete = FALSE;
        }
      else
        {
          g_free (strings[language]);
          strings[language] = atlas_schema_reader_expect_string (r, value);
          complete &= strings[language] != NULL;
        }
      atlas_schema_reader_pop (r, language_mark);
    }

  if (complete && strings[ATLAS_LANGUAGE_VI] == NULL && strings[ATLAS_LANGUAGE_EN] == NULL)
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_MISSING,
                                  _("needs the text in at least one language (“vi” or “en”)"));
      complete = FALSE;
    }
  atlas_schema_reader_pop (r, mark);

  if (complete)
    result = atlas_text_new (strings[ATLAS_LANGUAGE_VI], strings[ATLAS_LANGUAGE_EN]);

  for (guint i = 0; i < ATLAS_N_LANGUAGES; i++)
    g_free (strings[i]);

  return result;
}

static gboolean
is_valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > MAX_ID_LENGTH || id[0] == '-' || id[length - 1] == '-')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

/* An identifier in the value at the current path. */
char *
atlas_schema_reader_expect_id (AtlasSchemaReader *r,
                               JsonNode          *node)
{
  g_autofree char *id = atlas_schema_reader_expect_string (r, node);

  if (id == NULL)
    return NULL;

  if (!is_valid_id (id))
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                                  _("“%s” is not a valid id: use up to %u lowercase letters, "
                                    "digits and hyphens"),
                                  id, MAX_ID_LENGTH);
      return NULL;
    }

  return g_steal_pointer (&id);
}

/* The item's own id, which must be unique across all the files, the
 * files being read in order.
 */
char *
atlas_schema_reader_own_id (AtlasSchemaReader *r,
                            JsonObject        *object)
{
  JsonNode *node = atlas_schema_reader_member (r, object, "id", TRUE);
  g_autofree char *id = NULL;
  const char *first;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = atlas_schema_reader_push_member (r, "id");
  id = atlas_schema_reader_expect_id (r, node);
  if (id != NULL && (first = g_hash_table_lookup (r->ids, id)) != NULL)
    atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_DUPLICATE,
                                _("duplicate id “%s”, already used at %s"), id, first);
  else if (id != NULL)
    g_hash_table_insert (r->ids, g_strdup (id), atlas_schema_reader_location (r));
  atlas_schema_reader_pop (r, mark);

  return g_steal_pointer (&id);
}

/* Remembers a reference to check when every file has been read. */
void
atlas_schema_reader_add_reference (AtlasSchemaReader *r,
                                   const char        *id,
                                   GType              type)
{
  AtlasSchemaReference *reference = g_new0 (AtlasSchemaReference, 1);

  reference->location = atlas_schema_reader_location (r);
  reference->id = g_strdup (id);
  reference->type = type;
  g_ptr_array_add (r->references, reference);
}

/* A list of references to geoparks or places: ["caobang", …] */
char **
atlas_schema_reader_references (AtlasSchemaReader *r,
                                JsonObject        *object,
                                const char        *key,
                                GType              type)
{
  JsonNode *node = atlas_schema_reader_member (r, object, key, TRUE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;
  guint length;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = atlas_schema_reader_push_member (r, key);
  array = atlas_schema_reader_expect_array (r, node, 0, MAX_LIST_LENGTH);
  length = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < length; i++)
    {
      gsize item_mark = atlas_schema_reader_push_index (r, i);
      g_autofree char *id = atlas_schema_reader_expect_id (r, json_array_get_element (array, i));

      if (id != NULL && g_hash_table_contains (seen, id))
        {
          atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_DUPLICATE,
                                      _("“%s” is listed twice"), id);
        }
      else if (id != NULL)
        {
          atlas_schema_reader_add_reference (r, id, type);
          g_strv_builder_add (builder, id);
          g_hash_table_add (seen, g_steal_pointer (&id));
        }
      atlas_schema_reader_pop (r, item_mark);
    }
  atlas_schema_reader_pop (r, mark);

  return g_strv_builder_end (builder);
}

static gboolean
parse_iso_date (const char *string,
                int        *year,
                int        *month,
                int        *day)
{
  if (strlen (string) != 10 || string[4] != '-' || string[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (string[i]))
        return FALSE;
    }

  *year = atoi (string);
  *month = atoi (string + 5);
  *day = atoi (string + 8);

  return TRUE;
}

/* "2025-06-29", a day that exists, in a sensible range; reports why not. */
static gboolean
check_date (AtlasSchemaReader *r,
            const char        *string,
            GDate             *date)
{
  int year, month, day;

  if (!parse_iso_date (string, &year, &month, &day))
    atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_DATE,
                                _("“%s” is not a date of the form YYYY-MM-DD"), string);
  else if (year < MIN_YEAR || year > MAX_YEAR)
    atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_RANGE,
                                _("year %d is out of range (%d to %d)"),
                                year, MIN_YEAR, MAX_YEAR);
  else if (!g_date_valid_dmy (day, month, year))
    atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_DATE,
                                _("%s is not a day that exists"), string);
  else
    {
      g_date_set_dmy (date, day, month, year);
      return TRUE;
    }

  return FALSE;
}

gboolean
atlas_schema_reader_date (AtlasSchemaReader *r,
                          JsonObject        *object,
                          const char        *key,
                          GDate             *date)
{
  JsonNode *node = atlas_schema_reader_member (r, object, key, TRUE);
  g_autofree char *string = NULL;
  gboolean ok = FALSE;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = atlas_schema_reader_push_member (r, key);
  string = atlas_schema_reader_expect_string (r, node);
  if (string != NULL)
    ok = check_date (r, string, date);
  atlas_schema_reader_pop (r, mark);

  return ok;
}

static const char *
date_precision_name (guint index)
{
  return atlas_date_precision_to_string (index);
}

gboolean
atlas_schema_reader_date_precision (AtlasSchemaReader  *r,
                                    JsonObject         *object,
                                    const char         *key,
                                    AtlasDatePrecision *precision)
{
  g_autofree char *string = atlas_schema_reader_string (r, object, key, TRUE);
  g_autofree char *choices = NULL;
  gsize mark;

  if (string == NULL)
    return FALSE;
  if (atlas_date_precision_from_string (string, precision))
    return TRUE;

  choices = atlas_schema_reader_list_names (date_precision_name, ATLAS_N_DATE_PRECISIONS);
  mark = atlas_schema_reader_push_member (r, key);
  atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_VALUE,
                              _("“%s” is not a date precision: use one of %s"), string, choices);
  atlas_schema_reader_pop (r, mark);

  return FALSE;
}

/* A month or a year is written as its first day. */
void
atlas_schema_reader_check_date_precision (AtlasSchemaReader  *r,
                                          const GDate        *date,
                                          AtlasDatePrecision  precision,
                                          const char         *key)
{
  gsize mark;

  if (!g_date_valid (date))
    return;

  mark = atlas_schema_reader_push_member (r, key);
  if (precision == ATLAS_DATE_PRECISION_MONTH && g_date_get_day (date) != 1)
    atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_DATE,
                                _("with the precision “month”, the date must be the first day "
                                  "of the month"));
  else if (precision == ATLAS_DATE_PRECISION_YEAR &&
           (g_date_get_day (date) != 1 || g_date_get_month (date) != G_DATE_JANUARY))
    atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_DATE,
                                _("with the precision “year”, the date must be the first of "
                                  "January"));
  atlas_schema_reader_pop (r, mark);
}

/* {"lat": …, "lon": …, "precision_m": …} */
gboolean
atlas_schema_reader_location_of (AtlasSchemaReader   *r,
                                 JsonObject          *object,
                                 const char          *key,
                                 AtlasSchemaLocation *location)
{
  static const char *known[] = { "lat", "lon", "precision_m", NULL };
  JsonObject *value;
  gboolean ok = TRUE;
  gsize mark;

  if ((value = atlas_schema_reader_enter_object (r, object, key, TRUE, known, &mark)) == NULL)
    return FALSE;

  ok &= atlas_schema_reader_number (r, value, "lat", -90, 90, &location->latitude);
  ok &= atlas_schema_reader_number (r, value, "lon", -180, 180, &location->longitude);
  ok &= atlas_schema_reader_number (r, value, "precision_m", 1, MAX_PRECISION_M,
                                    &location->precision_m);
  atlas_schema_reader_pop (r, mark);

  return ok;
}

/* ["…", …], absent meaning empty. */
char **
atlas_schema_reader_string_list (AtlasSchemaReader *r,
                                 JsonObject        *object,
                                 const char        *key)
{
  JsonNode *node = atlas_schema_reader_member (r, object, key, FALSE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint length;
  gsize mark;

  if (node == NULL)
    return g_strv_builder_end (builder);

  mark = atlas_schema_reader_push_member (r, key);
  array = atlas_schema_reader_expect_array (r, node, 0, MAX_LIST_LENGTH);
  length = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < length; i++)
    {
      gsize item_mark = atlas_schema_reader_push_index (r, i);
      g_autofree char *string =
        atlas_schema_reader_expect_string (r, json_array_get_element (array, i));

      if (string != NULL)
        g_strv_builder_add (builder, string);
      atlas_schema_reader_pop (r, item_mark);
    }
  atlas_schema_reader_pop (r, mark);

  return g_strv_builder_end (builder);
}

/* [{…}, …] at key: checks each object's fields and hands it to read_object,
 * with the path pointing into it.
 */
void
atlas_schema_reader_object_list (AtlasSchemaReader     *r,
                                 JsonObject            *parent,
                                 const char            *key,
                                 guint                  min_length,
                                 const char * const    *known,
                                 AtlasSchemaObjectFunc  read_object,
                                 gpointer               user_data)
{
  JsonNode *node = atlas_schema_reader_member (r, parent, key, min_length > 0);
  JsonArray *array;
  guint length;
  gsize mark;

  if (node == NULL)
    return;

  mark = atlas_schema_reader_push_member (r, key);
  array = atlas_schema_reader_expect_array (r, node, min_length, MAX_LIST_LENGTH);
  length = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < length; i++)
    {
      gsize item_mark = atlas_schema_reader_push_index (r, i);
      JsonObject *object =
        atlas_schema_reader_expect_object (r, json_array_get_element (array, i));

      if (object != NULL)
        {
          atlas_schema_reader_check_fields (r, object, known);
          read_object (r, object, user_data);
        }
      atlas_schema_reader_pop (r, item_mark);
    }
  atlas_schema_reader_pop (r, mark);
}
