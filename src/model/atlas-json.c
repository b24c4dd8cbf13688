/* atlas-json.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "atlas-json.h"

/* A strict JSON reader (RFC 8259) that builds json-glib nodes, for the
 * dataset loader. Ten years of news is a 100 MB file; json-glib's parser
 * reads it a character at a time and holds the whole tree, four times the
 * size of the text. This one reads a few bytes at a time, and can leave the
 * elements of one array of the root object unbuilt: it checks them and says
 * where each lies, so the loader builds, reads and frees one item at a time.
 *
 * The text must be valid UTF-8; the loader checks that first. Unlike
 * json-glib, comments and control characters inside strings are refused, as
 * every other JSON tool a staff member might check the file with does.
 */

G_DEFINE_QUARK (atlas-json-error-quark, atlas_json_error)

/* A dataset needs about eight levels: outlines are arrays of arrays of
 * points. Deep enough for anything sensible, shallow enough for the stack.
 */
#define MAX_DEPTH 64

typedef struct
{
  const char *data;
  const char *p;
  const char *end;
  guint       depth;
  const char *deferred;
  GArray     *spans;
  GString    *scratch;
  guint      *error_line;
  guint      *error_column;
  GError    **error;
} Parser;

G_GNUC_PRINTF (4, 5)
static gboolean
fail (Parser     *parser,
      const char *at,
      int         code,
      const char *format,
      ...)
{
  guint line = 1;
  guint column = 1;
  va_list args;

  /* Only on failure: count lines and characters up to the problem. */
  for (const char *c = parser->data; c < at; c = g_utf8_next_char (c))
    {
      if (*c == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  if (parser->error_line != NULL)
    *parser->error_line = line;
  if (parser->error_column != NULL)
    *parser->error_column = column;

  va_start (args, format);
  g_propagate_error (parser->error,
                     g_error_new_valist (ATLAS_JSON_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

/* What is at parser->p, for a message: a whole word if it starts one. */
static char *
found_here (Parser *parser)
{
  const char *end = g_utf8_next_char (parser->p);

  if (g_ascii_isalnum (*parser->p))
    while (end < parser->end && end - parser->p < 20 && (g_ascii_isalnum (*end) || *end == '_'))
      end++;

  return g_strndup (parser->p, end - parser->p);
}

/* Fails because what (a phrase such as "a value") is not at parser->p. */
static gboolean
expected (Parser     *parser,
          const char *what)
{
  g_autofree char *found = NULL;

  if (parser->p >= parser->end)
    return fail (parser, parser->p, ATLAS_JSON_ERROR_SYNTAX,
                 _("the file ends where %s should be"), what);

  if (*parser->p == '/' && parser->end - parser->p > 1 &&
      (parser->p[1] == '/' || parser->p[1] == '*'))
    return fail (parser, parser->p, ATLAS_JSON_ERROR_SYNTAX,
                 _("JSON does not allow comments"));

  found = found_here (parser);
  return fail (parser, parser->p, ATLAS_JSON_ERROR_SYNTAX,
               _("found “%s” where %s should be"), found, what);
}

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\r' || *parser->p == '\t'))
    parser->p++;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The four hex digits after "\u" at p, or -1. */
static int
read_hex4 (Parser     *parser,
           const char *p)
{
  int value = 0;

  if (parser->end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_digit (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* One escape at parser->p (just after the backslash); appends what it means
 * to out when out is not NULL.
 */
static gboolean
read_escape (Parser  *parser,
             GString *out)
{
  const char *start = parser->p - 1;
  gunichar c;
  int unit;

  if (parser->p >= parser->end)
    return fail (parser, parser->p, ATLAS_JSON_ERROR_SYNTAX,
                 _("the file ends inside a string"));

  switch (*parser->p)
    {
    case '"': c = '"'; break;
    case '\\': c = '\\'; break;
    case '/': c = '/'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;

    case 'u':
      unit = read_hex4 (parser, parser->p + 1);
      if (unit < 0)
        return fail (parser, start, ATLAS_JSON_ERROR_SYNTAX,
                     _("“\\u” must be followed by four hexadecimal digits"));
      parser->p += 4;

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int low = -1;

          /* A character beyond the first plane, written as two halves. */
          if (parser->end - parser->p >= 3 && parser->p[1] == '\\' && parser->p[2] == 'u')
            low = read_hex4 (parser, parser->p + 3);
          if (low < 0xDC00 || low > 0xDFFF)
            return fail (parser, start, ATLAS_JSON_ERROR_SYNTAX,
                         _("“\\u%04X” is half a character without its other half"), unit);
          parser->p += 6;
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail (parser, start, ATLAS_JSON_ERROR_SYNTAX,
                     _("“\\u%04X” is half a character without its other half"), unit);
      else if (unit == 0)
        return fail (parser, start, ATLAS_JSON_ERROR_SYNTAX,
                     _("text cannot hold the character “\\u0000”"));
      c = unit;
      break;

    default:
      return fail (parser, start, ATLAS_JSON_ERROR_SYNTAX,
                   _("“\\%c” is not an escape: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u"),
                   g_ascii_isprint (*parser->p) ? *parser->p : '?');
    }

  parser->p++;
  if (out != NULL)
    g_string_append_unichar (out, c);
  return TRUE;
}

/* The end of the run of plain text that starts at p: the first quote,
 * backslash or control character, or end. Text in strings is most of a
 * dataset, so it is looked at eight bytes at a time while no byte of them
 * can end the run (a word has a byte below n when (word - n * ones) &
 * ~word & highs is not 0, for n up to 0x80; a byte equal to c is a zero
 * byte of word ^ c * ones).
 */
static const char *
skip_plain (const char *p,
            const char *end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guchar c;

  while (end - p >= 8)
    {
      guint64 word, quotes, backslashes;

      memcpy (&word, p, sizeof word);
      quotes = word ^ (ones * '"');
      backslashes = word ^ (ones * '\\');
      if ((((quotes - ones) & ~quotes) | ((backslashes - ones) & ~backslashes) |
           ((word - ones * 0x20) & ~word)) & highs)
        break;
      p += 8;
    }

  while (p < end && (c = *p) != '"' && c != '\\' && c >= 0x20)
    p++;

  return p;
}

/* A string at parser->p (on its opening quote); its text replaces what out
 * holds, unless out is NULL, when it is only checked.
 */
static gboolean
read_string (Parser  *parser,
             GString *out)
{
  parser->p++;
  if (out != NULL)
    g_string_truncate (out, 0);

  for (;;)
    {
      const char *run = parser->p;
      guchar c;

      parser->p = skip_plain (parser->p, parser->end);

      if (parser->p >= parser->end)
        return fail (parser, parser->p, ATLAS_JSON_ERROR_SYNTAX,
                     _("the file ends inside a string"));

      if (out != NULL)
        g_string_append_len (out, run, parser->p - run);

      c = *parser->p++;
      if (c == '"')
        return TRUE;

      if (c != '\\')
        return fail (parser, parser->p - 1, ATLAS_JSON_ERROR_SYNTAX,
                     _("a line break or control character inside a string must be written as an escape such as \\n"));

      if (!read_escape (parser, out))
        return FALSE;
    }
}

static gboolean
skip_digits (Parser *parser)
{
  const char *start = parser->p;

  while (parser->p < parser->end && g_ascii_isdigit (*parser->p))
    parser->p++;

  return parser->p > start;
}

static gboolean
read_number (Parser    *parser,
             JsonNode **node)
{
  const char *start = parser->p;
  gboolean integer = TRUE;
  char buffer[64];
  g_autofree char *long_number = NULL;
  const char *text;
  gsize length;

  if (parser->p < parser->end && *parser->p == '-')
    parser->p++;
  if (parser->p < parser->end && *parser->p == '0')
    parser->p++;
  else if (!skip_digits (parser))
    return fail (parser, start, ATLAS_JSON_ERROR_SYNTAX, _("a number needs digits after “-”"));

  if (parser->p < parser->end && *parser->p == '.')
    {
      integer = FALSE;
      parser->p++;
      if (!skip_digits (parser))
        return fail (parser, start, ATLAS_JSON_ERROR_SYNTAX, _("a number needs digits after its decimal point"));
    }

  if (parser->p < parser->end && (*parser->p == 'e' || *parser->p == 'E'))
    {
      integer = FALSE;
      parser->p++;
      if (parser->p < parser->end && (*parser->p == '+' || *parser->p == '-'))
        parser->p++;
      if (!skip_digits (parser))
        return fail (parser, start, ATLAS_JSON_ERROR_SYNTAX, _("a number needs digits in its exponent"));
    }

  if (node == NULL)
    return TRUE;

  length = parser->p - start;
  if (length < sizeof buffer)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
      text = buffer;
    }
  else
    text = long_number = g_strndup (start, length);

  if (integer)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        {
          *node = json_node_init_int (json_node_alloc (), value);
          return TRUE;
        }
      /* Too large for an integer: json-glib reads it as a double too. */
    }

  *node = json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
  return TRUE;
}

static gboolean
read_word (Parser     *parser,
           const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (parser->end - parser->p) < length || memcmp (parser->p, word, length) != 0 ||
      (parser->p + length < parser->end && g_ascii_isalnum (parser->p[length])))
    return expected (parser, _("a value"));

  parser->p += length;
  return TRUE;
}

static gboolean read_value (Parser    *parser,
                            JsonNode **node);

typedef enum
{
  NEXT_MORE,
  NEXT_DONE,
  NEXT_FAILED,
} Next;

/* After an element or a member: a comma before another, or the closing
 * bracket.
 */
static Next
read_separator (Parser *parser,
                char    close)
{
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ',')
    {
      parser->p++;
      skip_space (parser);
      return NEXT_MORE;
    }
  if (parser->p < parser->end && *parser->p == close)
    {
      parser->p++;
      return NEXT_DONE;
    }

  /* Translated only here: this runs between every two values. */
  expected (parser, close == ']' ? _("“,” or “]”") : _("“,” or “}”"));
  return NEXT_FAILED;
}

/* Steps into an array or object at parser->p; TRUE when it closes at once
 * (close is its closing bracket).
 */
static gboolean
open_is_empty (Parser *parser,
               char    close)
{
  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == close)
    {
      parser->p++;
      return TRUE;
    }

  return FALSE;
}

/* An array whose elements are only checked, each one's place recorded. */
static gboolean
locate_elements (Parser *parser)
{
  g_array_set_size (parser->spans, 0);

  if (open_is_empty (parser, ']'))
    return TRUE;

  for (;;)
    {
      AtlasJsonSpan span;

      span.offset = parser->p - parser->data;
      if (!read_value (parser, NULL))
        return FALSE;
      span.length = (parser->p - parser->data) - span.offset;
      g_array_append_val (parser->spans, span);

      switch (read_separator (parser, ']'))
        {
        case NEXT_MORE:
          break;
        case NEXT_DONE:
          return TRUE;
        case NEXT_FAILED:
        default:
          return FALSE;
        }
    }
}

static gboolean
read_array (Parser    *parser,
            JsonNode **node)
{
  g_autoptr(JsonArray) array = node != NULL ? json_array_new () : NULL;
  Next next;

  if (!open_is_empty (parser, ']'))
    {
      for (;;)
        {
          JsonNode *element = NULL;

          if (!read_value (parser, array != NULL ? &element : NULL))
            return FALSE;
          if (array != NULL)
            json_array_add_element (array, element);

          next = read_separator (parser, ']');
          if (next == NEXT_FAILED)
            return FALSE;
          if (next == NEXT_DONE)
            break;
        }
    }

  if (node != NULL)
    *node = json_node_init_array (json_node_alloc (), array);
  return TRUE;
}

static gboolean
read_object (Parser    *parser,
             JsonNode **node)
{
  g_autoptr(JsonObject) object = node != NULL ? json_object_new () : NULL;
  gboolean root = parser->depth == 1;
  Next next;

  if (!open_is_empty (parser, '}'))
    {
      for (;;)
        {
          g_autofree char *name = NULL;
          JsonNode *member = NULL;

          if (parser->p >= parser->end || *parser->p != '"')
            return expected (parser, _("a name in double quotes"));
          if (!read_string (parser, parser->scratch))
            return FALSE;
          name = g_strndup (parser->scratch->str, parser->scratch->len);
          skip_space (parser);
          if (parser->p >= parser->end || *parser->p != ':')
            return expected (parser, "“:”");
          parser->p++;
          skip_space (parser);

          if (root && parser->deferred != NULL && g_str_equal (name, parser->deferred) &&
              parser->p < parser->end && *parser->p == '[')
            {
              /* Its elements are read later, one at a time. */
              if (!locate_elements (parser))
                return FALSE;
              if (object != NULL)
                member = json_node_init_array (json_node_alloc (), json_array_new ());
            }
          else if (!read_value (parser, object != NULL ? &member : NULL))
            return FALSE;

          if (object != NULL)
            json_object_set_member (object, name, member);

          next = read_separator (parser, '}');
          if (next == NEXT_FAILED)
            return FALSE;
          if (next == NEXT_DONE)
            break;
        }
    }

  if (node != NULL)
    *node = json_node_init_object (json_node_alloc (), object);
  return TRUE;
}

/* A value at parser->p; built into *node unless node is NULL, when it is
 * only checked.
 */
static gboolean
read_value (Parser    *parser,
            JsonNode **node)
{
  gboolean ok;

  if (parser->p >= parser->end)
    return expected (parser, _("a value"));

  switch (*parser->p)
    {
    case '{':
    case '[':
      if (parser->depth >= MAX_DEPTH)
        return fail (parser, parser->p, ATLAS_JSON_ERROR_DEPTH,
                     _("nested more than %u levels deep"), MAX_DEPTH);
      parser->depth++;
      ok = *parser->p == '{' ? read_object (parser, node) : read_array (parser, node);
      parser->depth--;
      return ok;

    case '"':
      if (!read_string (parser, node != NULL ? parser->scratch : NULL))
        return FALSE;
      if (node != NULL)
        *node = json_node_init_string (json_node_alloc (), parser->scratch->str);
      return TRUE;

    case 't':
      ok = read_word (parser, "true");
      if (ok && node != NULL)
        *node = json_node_init_boolean (json_node_alloc (), TRUE);
      return ok;

    case 'f':
      ok = read_word (parser, "false");
      if (ok && node != NULL)
        *node = json_node_init_boolean (json_node_alloc (), FALSE);
      return ok;

    case 'n':
      ok = read_word (parser, "null");
      if (ok && node != NULL)
        *node = json_node_init_null (json_node_alloc ());
      return ok;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (parser, node);

    default:
      return expected (parser, _("a value"));
    }
}

/**
 * atlas_json_parse:
 * @data: JSON text, valid UTF-8
 * @length: its length in bytes
 * @deferred: (nullable): the name of a member of the root object whose
 *   array is to be checked but not built
 * @deferred_spans: (element-type AtlasJsonSpan) (nullable): where each
 *   element of that array lies in @data, replaced when the member is found
 *   (the last one counts, as in json-glib); needed when @deferred is given
 * @error_line: (out) (optional): on error, the line of the problem, from 1
 * @error_column: (out) (optional): on error, its column, in characters from 1
 *
 * Reads one JSON value. The deferred array, if any, is left empty in the
 * tree; its elements can each be read with another call on their spans.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with @error set
 */
JsonNode *
atlas_json_parse (const char  *data,
                  gsize        length,
                  const char  *deferred,
                  GArray      *deferred_spans,
                  guint       *error_line,
                  guint       *error_column,
                  GError     **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  Parser parser = {
    data, data, data + length, 0, deferred, deferred_spans, scratch,
    error_line, error_column, error,
  };
  JsonNode *root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (deferred == NULL || deferred_spans != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  skip_space (&parser);
  if (!read_value (&parser, &root))
    {
      g_clear_pointer (&root, json_node_unref);
      return NULL;
    }

  skip_space (&parser);
  if (parser.p < parser.end)
    {
      g_autofree char *found = found_here (&parser);

      json_node_unref (root);
      fail (&parser, parser.p, ATLAS_JSON_ERROR_SYNTAX,
            _("found “%s” after the end of the JSON value"), found);
      return NULL;
    }

  return root;
}
