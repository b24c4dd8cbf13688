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

/* A strict JSON reader (RFC 8259) for the dataset loader. Ten years of news
 * is a 100 MB file; json-glib's parser reads it a character at a time and
 * holds the whole tree, four times the size of the text. This one reads a
 * few bytes at a time, and can leave the elements of one array of the root
 * object unbuilt: it checks them and says where each lies, so the loader
 * reads one item at a time.
 *
 * What it builds is not a json-glib tree, whose every value, array and
 * object is allocated, hashed and freed on its own (a quarter of a large
 * load), but plain AtlasJsonValue structures: the elements of an array, or
 * the members of an object, side by side in blocks of memory that the
 * document keeps from one parse to the next, strings NUL-terminated in the
 * same blocks. Reading one item after another with the same document
 * allocates nothing once the blocks are as large as the largest item.
 * atlas_json_value_to_node() makes the json-glib tree when one is wanted.
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

/* The document's memory comes in blocks of at least this many bytes. */
#define BLOCK_SIZE (64 * 1024)

/* Objects with more members than this find their duplicate names with a
 * hash table rather than by comparing every name with every other.
 */
#define MAX_MEMBERS_COMPARED 32

typedef struct
{
  gsize size;
  char  data[];
} Block;

struct _AtlasJsonDocument
{
  GPtrArray      *blocks;     /* Block, kept from one parse to the next */
  guint           block;      /* the one being filled */
  gsize           used;       /* how many of its bytes are taken */

  /* The elements and members of the arrays and objects being read, the
   * innermost last: each is moved into a block once it is complete.
   */
  GArray         *elements;   /* AtlasJsonValue */
  GArray         *members;    /* AtlasJsonMember */

  GString        *scratch;    /* a string with escapes, while it is decoded */
  GHashTable     *names;      /* name → index, in one large object at a time */
  AtlasJsonValue  root;
};

typedef struct
{
  const char        *data;
  const char        *p;
  const char        *end;
  guint              depth;
  const char        *deferred;
  GArray            *spans;
  AtlasJsonDocument *document;
  guint             *error_line;
  guint             *error_column;
  GError           **error;
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

/* size bytes of the document's memory, aligned for any value. */
static gpointer
allocate (AtlasJsonDocument *document,
          gsize              size)
{
  Block *block;

  size = (size + 7) & ~(gsize) 7;

  /* The next block that has room, or a new one. */
  while (document->block < document->blocks->len)
    {
      block = g_ptr_array_index (document->blocks, document->block);
      if (block->size - document->used >= size)
        {
          gpointer memory = block->data + document->used;

          document->used += size;
          return memory;
        }
      document->block++;
      document->used = 0;
    }

  block = g_malloc (sizeof (Block) + MAX (size, BLOCK_SIZE));
  block->size = MAX (size, BLOCK_SIZE);
  g_ptr_array_add (document->blocks, block);
  document->used = size;

  return block->data;
}

/* Makes out the string of length bytes at text, copied into the document. */
static void
set_string (Parser         *parser,
            AtlasJsonValue *out,
            const char     *text,
            gsize           length)
{
  char *copy = allocate (parser->document, length + 1);

  memcpy (copy, text, length);
  copy[length] = '\0';
  out->type = ATLAS_JSON_STRING;
  out->length = (guint) length;
  out->string = copy;
}

/* A string at parser->p (on its opening quote); made into out unless out
 * is NULL, when it is only checked.
 */
static gboolean
read_string (Parser         *parser,
             AtlasJsonValue *out)
{
  GString *escaped = NULL;
  const char *run = ++parser->p;

  for (;;)
    {
      guchar c;

      parser->p = skip_plain (parser->p, parser->end);

      if (parser->p >= parser->end)
        return fail (parser, parser->p, ATLAS_JSON_ERROR_SYNTAX,
                     _("the file ends inside a string"));

      c = *parser->p;
      if (c == '"')
        {
          /* Most strings have no escape: copied straight from the text. */
          if (out != NULL && escaped == NULL)
            set_string (parser, out, run, parser->p - run);
          else if (out != NULL)
            {
              g_string_append_len (escaped, run, parser->p - run);
              set_string (parser, out, escaped->str, escaped->len);
            }
          parser->p++;
          return TRUE;
        }

      if (c != '\\')
        return fail (parser, parser->p, ATLAS_JSON_ERROR_SYNTAX,
                     _("a line break or control character inside a string must be written as an escape such as \\n"));

      if (out != NULL && escaped == NULL)
        {
          escaped = parser->document->scratch;
          g_string_truncate (escaped, 0);
        }
      if (escaped != NULL)
        g_string_append_len (escaped, run, parser->p - run);

      parser->p++;
      if (!read_escape (parser, escaped))
        return FALSE;
      run = parser->p;
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
read_number (Parser         *parser,
             AtlasJsonValue *out)
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

  if (out == NULL)
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
          out->type = ATLAS_JSON_INTEGER;
          out->integer = value;
          return TRUE;
        }
      /* Too large for an integer: json-glib reads it as a double too. */
    }

  out->type = ATLAS_JSON_DOUBLE;
  out->number = g_ascii_strtod (text, NULL);
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

static gboolean read_value (Parser         *parser,
                            AtlasJsonValue *out);

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
read_array (Parser         *parser,
            AtlasJsonValue *out)
{
  GArray *elements = parser->document->elements;
  guint first = elements->len;
  Next next;

  if (!open_is_empty (parser, ']'))
    {
      for (;;)
        {
          AtlasJsonValue element;

          if (!read_value (parser, out != NULL ? &element : NULL))
            return FALSE;
          if (out != NULL)
            g_array_append_val (elements, element);

          next = read_separator (parser, ']');
          if (next == NEXT_FAILED)
            return FALSE;
          if (next == NEXT_DONE)
            break;
        }
    }

  if (out != NULL)
    {
      /* The elements of arrays inside this one are in their blocks already:
       * this one's are the last.
       */
      guint n = elements->len - first;
      AtlasJsonValue *copy = NULL;

      if (n > 0)
        {
          copy = allocate (parser->document, n * sizeof (AtlasJsonValue));
          memcpy (copy, &g_array_index (elements, AtlasJsonValue, first),
                  n * sizeof (AtlasJsonValue));
          g_array_set_size (elements, first);
        }
      out->type = ATLAS_JSON_ARRAY;
      out->length = n;
      out->elements = copy;
    }

  return TRUE;
}

static gboolean
same_name (const AtlasJsonMember *a,
           const AtlasJsonMember *b)
{
  return a->name.length == b->name.length &&
         memcmp (a->name.string, b->name.string, a->name.length) == 0;
}

/* Gives each name of the n members once, as json-glib's objects do: where
 * it first appears, with the value it has last. Returns how many are left.
 */
static guint
merge_duplicates (AtlasJsonDocument *document,
                  AtlasJsonMember   *members,
                  guint              n)
{
  guint kept = 0;

  if (n <= MAX_MEMBERS_COMPARED)
    {
      for (guint i = 0; i < n; i++)
        {
          guint same = 0;

          while (same < kept && !same_name (&members[same], &members[i]))
            same++;
          if (same < kept)
            members[same].value = members[i].value;
          else
            members[kept++] = members[i];
        }

      return kept;
    }

  for (guint i = 0; i < n; i++)
    {
      gpointer same;

      /* The names are in the document's blocks: they stay where they are. */
      if (g_hash_table_lookup_extended (document->names, members[i].name.string, NULL, &same))
        members[GPOINTER_TO_UINT (same)].value = members[i].value;
      else
        {
          g_hash_table_insert (document->names, (gpointer) members[i].name.string,
                               GUINT_TO_POINTER (kept));
          members[kept++] = members[i];
        }
    }
  g_hash_table_remove_all (document->names);

  return kept;
}

static gboolean
read_object (Parser         *parser,
             AtlasJsonValue *out)
{
  GArray *members = parser->document->members;
  guint first = members->len;
  gboolean root = parser->depth == 1;
  Next next;

  if (!open_is_empty (parser, '}'))
    {
      for (;;)
        {
          AtlasJsonMember member;

          if (parser->p >= parser->end || *parser->p != '"')
            return expected (parser, _("a name in double quotes"));
          if (!read_string (parser, out != NULL ? &member.name : NULL))
            return FALSE;
          skip_space (parser);
          if (parser->p >= parser->end || *parser->p != ':')
            return expected (parser, "“:”");
          parser->p++;
          skip_space (parser);

          if (root && out != NULL && parser->deferred != NULL &&
              strcmp (member.name.string, parser->deferred) == 0 &&
              parser->p < parser->end && *parser->p == '[')
            {
              /* Its elements are read later, one at a time. */
              if (!locate_elements (parser))
                return FALSE;
              member.value = (AtlasJsonValue) { .type = ATLAS_JSON_ARRAY, .elements = NULL };
            }
          else if (!read_value (parser, out != NULL ? &member.value : NULL))
            return FALSE;

          if (out != NULL)
            g_array_append_val (members, member);

          next = read_separator (parser, '}');
          if (next == NEXT_FAILED)
            return FALSE;
          if (next == NEXT_DONE)
            break;
        }
    }

  if (out != NULL)
    {
      guint n = members->len - first;
      AtlasJsonMember *copy = NULL;

      if (n > 0)
        {
          AtlasJsonMember *own = &g_array_index (members, AtlasJsonMember, first);

          n = merge_duplicates (parser->document, own, n);
          copy = allocate (parser->document, n * sizeof (AtlasJsonMember));
          memcpy (copy, own, n * sizeof (AtlasJsonMember));
          g_array_set_size (members, first);
        }
      out->type = ATLAS_JSON_OBJECT;
      out->length = n;
      out->members = copy;
    }

  return TRUE;
}

/* A value at parser->p; made into out unless out is NULL, when it is only
 * checked.
 */
static gboolean
read_value (Parser         *parser,
            AtlasJsonValue *out)
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
      ok = *parser->p == '{' ? read_object (parser, out) : read_array (parser, out);
      parser->depth--;
      return ok;

    case '"':
      return read_string (parser, out);

    case 't':
      ok = read_word (parser, "true");
      if (ok && out != NULL)
        *out = (AtlasJsonValue) { .type = ATLAS_JSON_BOOLEAN, .boolean = TRUE };
      return ok;

    case 'f':
      ok = read_word (parser, "false");
      if (ok && out != NULL)
        *out = (AtlasJsonValue) { .type = ATLAS_JSON_BOOLEAN, .boolean = FALSE };
      return ok;

    case 'n':
      ok = read_word (parser, "null");
      if (ok && out != NULL)
        *out = (AtlasJsonValue) { .type = ATLAS_JSON_NULL };
      return ok;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (out != NULL)
        out->length = 0;
      return read_number (parser, out);

    default:
      return expected (parser, _("a value"));
    }
}

/**
 * atlas_json_document_new:
 *
 * Returns: (transfer full): a document to parse JSON into, again and again
 */
AtlasJsonDocument *
atlas_json_document_new (void)
{
  AtlasJsonDocument *document = g_new0 (AtlasJsonDocument, 1);

  document->blocks = g_ptr_array_new_with_free_func (g_free);
  document->elements = g_array_new (FALSE, FALSE, sizeof (AtlasJsonValue));
  document->members = g_array_new (FALSE, FALSE, sizeof (AtlasJsonMember));
  document->scratch = g_string_new (NULL);
  document->names = g_hash_table_new (g_str_hash, g_str_equal);

  return document;
}

void
atlas_json_document_free (AtlasJsonDocument *document)
{
  if (document == NULL)
    return;

  g_ptr_array_unref (document->blocks);
  g_array_unref (document->elements);
  g_array_unref (document->members);
  g_string_free (document->scratch, TRUE);
  g_hash_table_unref (document->names);
  g_free (document);
}

/**
 * atlas_json_document_parse:
 * @document: where to put the values, replacing those of its last parse
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
 * Reads one JSON value. The deferred array, if any, is left empty; its
 * elements can each be read with another call on their spans.
 *
 * Returns: (transfer none) (nullable): the value, valid until @document
 *   parses again or is freed; or %NULL with @error set
 */
const AtlasJsonValue *
atlas_json_document_parse (AtlasJsonDocument  *document,
                           const char         *data,
                           gsize               length,
                           const char         *deferred,
                           GArray             *deferred_spans,
                           guint              *error_line,
                           guint              *error_column,
                           GError            **error)
{
  Parser parser = {
    data, data, data + length, 0, deferred, deferred_spans, document,
    error_line, error_column, error,
  };

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  /* Lengths of strings, arrays and objects are guint. */
  g_return_val_if_fail (length < G_MAXUINT, NULL);
  g_return_val_if_fail (deferred == NULL || deferred_spans != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* What the last parse made, or left half made, goes. */
  document->block = 0;
  document->used = 0;
  g_array_set_size (document->elements, 0);
  g_array_set_size (document->members, 0);
  g_hash_table_remove_all (document->names);

  skip_space (&parser);
  if (!read_value (&parser, &document->root))
    return NULL;

  skip_space (&parser);
  if (parser.p < parser.end)
    {
      g_autofree char *found = found_here (&parser);

      fail (&parser, parser.p, ATLAS_JSON_ERROR_SYNTAX,
            _("found “%s” after the end of the JSON value"), found);
      return NULL;
    }

  return &document->root;
}

/**
 * atlas_json_value_get_member:
 * @object: an object
 * @name: the name of one of its members
 *
 * Returns: (transfer none) (nullable): the member's value, or %NULL
 */
const AtlasJsonValue *
atlas_json_value_get_member (const AtlasJsonValue *object,
                             const char           *name)
{
  g_return_val_if_fail (object != NULL && object->type == ATLAS_JSON_OBJECT, NULL);

  /* A handful of members: a hash table would cost more than it saves. */
  for (guint i = 0; i < object->length; i++)
    {
      if (strcmp (object->members[i].name.string, name) == 0)
        return &object->members[i].value;
    }

  return NULL;
}

/**
 * atlas_json_value_to_node:
 * @value: a value of a document
 *
 * Returns: (transfer full): the same value as a json-glib tree, the one
 *   json-glib's parser makes of the same text
 */
JsonNode *
atlas_json_value_to_node (const AtlasJsonValue *value)
{
  JsonNode *node = json_node_alloc ();

  switch (value->type)
    {
    case ATLAS_JSON_NULL:
      return json_node_init_null (node);

    case ATLAS_JSON_BOOLEAN:
      return json_node_init_boolean (node, value->boolean);

    case ATLAS_JSON_INTEGER:
      return json_node_init_int (node, value->integer);

    case ATLAS_JSON_DOUBLE:
      return json_node_init_double (node, value->number);

    case ATLAS_JSON_STRING:
      return json_node_init_string (node, value->string);

    case ATLAS_JSON_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_sized_new (value->length);

        for (guint i = 0; i < value->length; i++)
          json_array_add_element (array, atlas_json_value_to_node (&value->elements[i]));
        return json_node_init_array (node, array);
      }

    case ATLAS_JSON_OBJECT:
    default:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        for (guint i = 0; i < value->length; i++)
          json_object_set_member (object, value->members[i].name.string,
                                  atlas_json_value_to_node (&value->members[i].value));
        return json_node_init_object (node, object);
      }
    }
}

/**
 * atlas_json_parse:
 *
 * atlas_json_document_parse() with a document of its own, made into a
 * json-glib tree: for text read once, such as the base map.
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
  g_autoptr(AtlasJsonDocument) document = atlas_json_document_new ();
  const AtlasJsonValue *root;

  root = atlas_json_document_parse (document, data, length, deferred, deferred_spans,
                                    error_line, error_column, error);

  return root != NULL ? atlas_json_value_to_node (root) : NULL;
}
