/* atlas-json-check.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-json-check"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-json-check.h"

/* Checks that text is JSON as RFC 8259 writes it, before json-glib reads
 * it. json-glib's parser is lenient: it takes comments, single quotes,
 * hexadecimal and "01", ".5" or "1." as numbers, unknown escapes such as
 * "\q", and control characters inside strings, none of which other JSON
 * tools a staff member might check a file with accept. Its messages are
 * also a scanner's, in English only. So this check says, in the reader's
 * language, where the text stops being JSON and why; it builds nothing.
 *
 * The text must be valid UTF-8; the loader checks that first.
 */

G_DEFINE_QUARK (atlas-json-error-quark, atlas_json_error)

/* A dataset needs about eight levels: outlines are arrays of arrays of
 * points. Deep enough for anything sensible, shallow enough for the stack.
 */
#define MAX_DEPTH 64

typedef struct
{
  const char      *data;
  const char      *p;
  const char      *end;
  guint            depth;
  guint            n_direct;        /* elements of the array checked last */
  guint            n_root_arrays;   /* members of the root object that are arrays */
  gboolean         escaped_names;   /* in the root object */
  AtlasJsonCounts  counts;
  guint           *error_line;
  guint           *error_column;
  GError         **error;
} Checker;

G_GNUC_PRINTF (4, 5)
static gboolean
fail (Checker    *checker,
      const char *at,
      int         code,
      const char *format,
      ...)
{
  guint line = 1;
  guint column = 1;
  va_list args;

  /* Only on failure: count lines and characters up to the problem. */
  for (const char *c = checker->data; c < at; c = g_utf8_next_char (c))
    {
      if (*c == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  if (checker->error_line != NULL)
    *checker->error_line = line;
  if (checker->error_column != NULL)
    *checker->error_column = column;

  va_start (args, format);
  g_propagate_error (checker->error, g_error_new_valist (ATLAS_JSON_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

/* What is at checker->p, for a message: a whole word if it starts one. */
static char *
found_here (Checker *checker)
{
  const char *end = g_utf8_next_char (checker->p);

  if (g_ascii_isalnum (*checker->p))
    while (end < checker->end && end - checker->p < 20 && (g_ascii_isalnum (*end) || *end == '_'))
      end++;

  return g_strndup (checker->p, end - checker->p);
}

/* Fails because what (a phrase such as "a value") is not at checker->p. */
static gboolean
expected (Checker    *checker,
          const char *what)
{
  g_autofree char *found = NULL;

  if (checker->p >= checker->end)
    return fail (checker, checker->p, ATLAS_JSON_ERROR_SYNTAX,
                 _("the file ends where %s should be"), what);

  if (*checker->p == '/' && checker->end - checker->p > 1 &&
      (checker->p[1] == '/' || checker->p[1] == '*'))
    return fail (checker, checker->p, ATLAS_JSON_ERROR_SYNTAX,
                 _("JSON does not allow comments"));

  found = found_here (checker);
  return fail (checker, checker->p, ATLAS_JSON_ERROR_SYNTAX,
               _("found “%s” where %s should be"), found, what);
}

static void
skip_space (Checker *checker)
{
  while (checker->p < checker->end &&
         (*checker->p == ' ' || *checker->p == '\n' || *checker->p == '\r' || *checker->p == '\t'))
    checker->p++;
}

/* The four hex digits at p, or -1. */
static int
read_hex4 (Checker    *checker,
           const char *p)
{
  int value = 0;

  if (checker->end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return value;
}

/* "\u" and its four digits, or two such for a character beyond the first
 * plane, at start; checker->p is on the "u".
 */
static gboolean
check_unicode_escape (Checker    *checker,
                      const char *start)
{
  int unit = read_hex4 (checker, checker->p + 1);

  if (unit < 0)
    return fail (checker, start, ATLAS_JSON_ERROR_SYNTAX,
                 _("“\\u” must be followed by four hexadecimal digits"));
  checker->p += 4;

  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      int low = -1;

      if (checker->end - checker->p >= 3 && checker->p[1] == '\\' && checker->p[2] == 'u')
        low = read_hex4 (checker, checker->p + 3);
      if (low < 0xDC00 || low > 0xDFFF)
        return fail (checker, start, ATLAS_JSON_ERROR_SYNTAX,
                     _("“\\u%04X” is half a character without its other half"), unit);
      checker->p += 6;
    }
  else if (unit >= 0xDC00 && unit <= 0xDFFF)
    return fail (checker, start, ATLAS_JSON_ERROR_SYNTAX,
                 _("“\\u%04X” is half a character without its other half"), unit);
  else if (unit == 0)
    return fail (checker, start, ATLAS_JSON_ERROR_SYNTAX,
                 _("text cannot hold the character “\\u0000”"));

  return TRUE;
}

/* One escape at checker->p, just after the backslash. */
static gboolean
check_escape (Checker *checker)
{
  const char *start = checker->p - 1;

  if (checker->p >= checker->end)
    return fail (checker, checker->p, ATLAS_JSON_ERROR_SYNTAX,
                 _("the file ends inside a string"));

  if (*checker->p == 'u')
    {
      if (!check_unicode_escape (checker, start))
        return FALSE;
    }
  else if (strchr ("\"\\/bfnrt", *checker->p) == NULL || *checker->p == '\0')
    return fail (checker, start, ATLAS_JSON_ERROR_SYNTAX,
                 _("“\\%c” is not an escape: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u"),
                 g_ascii_isprint (*checker->p) ? *checker->p : '?');

  checker->p++;
  return TRUE;
}

/* A string at checker->p, on its opening quote. */
static gboolean
check_string (Checker *checker)
{
  checker->p++;

  for (;;)
    {
      guchar c;

      while (checker->p < checker->end && (c = *checker->p) != '"' && c != '\\' && c >= 0x20)
        checker->p++;

      if (checker->p >= checker->end)
        return fail (checker, checker->p, ATLAS_JSON_ERROR_SYNTAX,
                     _("the file ends inside a string"));

      c = *checker->p;
      if (c == '"')
        {
          checker->p++;
          return TRUE;
        }

      if (c != '\\')
        return fail (checker, checker->p, ATLAS_JSON_ERROR_SYNTAX,
                     _("a line break or control character inside a string must be written "
                       "as an escape such as \\n"));

      checker->p++;
      if (!check_escape (checker))
        return FALSE;
    }
}

static gboolean
skip_digits (Checker *checker)
{
  const char *start = checker->p;

  while (checker->p < checker->end && g_ascii_isdigit (*checker->p))
    checker->p++;

  return checker->p > start;
}

static gboolean
check_number (Checker *checker)
{
  const char *start = checker->p;

  if (checker->p < checker->end && *checker->p == '-')
    checker->p++;
  if (checker->p < checker->end && *checker->p == '0')
    checker->p++;
  else if (!skip_digits (checker))
    return fail (checker, start, ATLAS_JSON_ERROR_SYNTAX, _("a number needs digits after “-”"));

  if (checker->p < checker->end && *checker->p == '.')
    {
      checker->p++;
      if (!skip_digits (checker))
        return fail (checker, start, ATLAS_JSON_ERROR_SYNTAX,
                     _("a number needs digits after its decimal point"));
    }

  if (checker->p < checker->end && (*checker->p == 'e' || *checker->p == 'E'))
    {
      checker->p++;
      if (checker->p < checker->end && (*checker->p == '+' || *checker->p == '-'))
        checker->p++;
      if (!skip_digits (checker))
        return fail (checker, start, ATLAS_JSON_ERROR_SYNTAX,
                     _("a number needs digits in its exponent"));
    }

  return TRUE;
}

static gboolean
check_word (Checker    *checker,
            const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (checker->end - checker->p) < length || memcmp (checker->p, word, length) != 0 ||
      (checker->p + length < checker->end && g_ascii_isalnum (checker->p[length])))
    return expected (checker, _("a value"));

  checker->p += length;
  return TRUE;
}

static gboolean check_value (Checker *checker);

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
check_separator (Checker *checker,
                 char     close)
{
  skip_space (checker);
  if (checker->p < checker->end && *checker->p == ',')
    {
      checker->p++;
      skip_space (checker);
      return NEXT_MORE;
    }
  if (checker->p < checker->end && *checker->p == close)
    {
      checker->p++;
      return NEXT_DONE;
    }

  /* Translated only here: this runs between every two values. */
  expected (checker, close == ']' ? _("“,” or “]”") : _("“,” or “}”"));
  return NEXT_FAILED;
}

/* Steps into an array or object at checker->p; TRUE when it closes at once
 * (close is its closing bracket).
 */
static gboolean
open_is_empty (Checker *checker,
               char     close)
{
  checker->p++;
  skip_space (checker);
  if (checker->p < checker->end && *checker->p == close)
    {
      checker->p++;
      return TRUE;
    }

  return FALSE;
}

static gboolean
check_array (Checker *checker)
{
  Next next = NEXT_DONE;
  guint n_direct = 0;

  if (!open_is_empty (checker, ']'))
    {
      do
        {
          if (!check_value (checker))
            return FALSE;
          n_direct++;
          next = check_separator (checker, ']');
        }
      while (next == NEXT_MORE);
    }

  checker->counts.n_elements += n_direct;
  checker->n_direct = n_direct;
  return next == NEXT_DONE;
}

/* After the value of a member of the root object, named by the text
 * between name and name_end: notes where the root's "items" is, the last
 * member of that name counting, as in json-glib.
 */
static void
note_root_member (Checker    *checker,
                  const char *name,
                  const char *name_end,
                  gboolean    is_array)
{
  if (is_array)
    checker->n_root_arrays++;

  if (memchr (name, '\\', name_end - name) != NULL)
    checker->escaped_names = TRUE;
  else if (name_end - name == 5 && memcmp (name, "items", 5) == 0)
    {
      checker->counts.items_array = is_array ? checker->n_root_arrays : 0;
      checker->counts.n_items = is_array ? checker->n_direct : 0;
    }
}

static gboolean
check_object (Checker *checker)
{
  Next next = NEXT_DONE;

  if (open_is_empty (checker, '}'))
    return TRUE;

  do
    {
      const char *name = checker->p + 1;
      const char *name_end;
      gboolean is_array;

      if (checker->p >= checker->end || *checker->p != '"')
        return expected (checker, _("a name in double quotes"));
      if (!check_string (checker))
        return FALSE;
      name_end = checker->p - 1;
      skip_space (checker);
      if (checker->p >= checker->end || *checker->p != ':')
        return expected (checker, "“:”");
      checker->p++;
      skip_space (checker);
      is_array = checker->p < checker->end && *checker->p == '[';
      if (!check_value (checker))
        return FALSE;
      if (checker->depth == 1)
        note_root_member (checker, name, name_end, is_array);
      next = check_separator (checker, '}');
    }
  while (next == NEXT_MORE);

  return next == NEXT_DONE;
}

static gboolean
check_value (Checker *checker)
{
  gboolean ok;

  if (checker->p >= checker->end)
    return expected (checker, _("a value"));

  switch (*checker->p)
    {
    case '{':
    case '[':
      if (checker->depth >= MAX_DEPTH)
        return fail (checker, checker->p, ATLAS_JSON_ERROR_DEPTH,
                     _("nested more than %u levels deep"), MAX_DEPTH);
      checker->depth++;
      ok = *checker->p == '{' ? check_object (checker) : check_array (checker);
      checker->depth--;
      return ok;

    case '"':
      return check_string (checker);

    case 't':
      return check_word (checker, "true");

    case 'f':
      return check_word (checker, "false");

    case 'n':
      return check_word (checker, "null");

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return check_number (checker);

    default:
      return expected (checker, _("a value"));
    }
}

/**
 * atlas_json_check:
 * @data: text, valid UTF-8
 * @length: its length in bytes
 * @counts: (out) (optional): what json-glib's parser will make of the text
 * @error_line: (out) (optional): on error, the line of the problem, from 1
 * @error_column: (out) (optional): on error, its column, in characters from 1
 *
 * Checks that @data is one JSON value as RFC 8259 writes it.
 *
 * Returns: whether it is, or %FALSE with @error set
 */
gboolean
atlas_json_check (const char  *data,
                  gsize        length,
                  AtlasJsonCounts *counts,
                  guint       *error_line,
                  guint       *error_column,
                  GError     **error)
{
  Checker checker = {
    .data = data, .p = data, .end = data + length,
    .error_line = error_line, .error_column = error_column, .error = error,
  };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  skip_space (&checker);
  if (!check_value (&checker))
    return FALSE;

  skip_space (&checker);
  if (checker.p < checker.end)
    {
      g_autofree char *found = found_here (&checker);

      return fail (&checker, checker.p, ATLAS_JSON_ERROR_SYNTAX,
                   _("found “%s” after the end of the JSON value"), found);
    }

  /* A name written with escapes might be "items" to json-glib. */
  if (checker.escaped_names)
    checker.counts.items_array = checker.counts.n_items = 0;
  if (counts != NULL)
    *counts = checker.counts;

  return TRUE;
}
