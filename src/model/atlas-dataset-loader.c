/* atlas-dataset-loader.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>

#include "atlas-article-private.h"
#include "atlas-dataset-loader-private.h"
#include "atlas-dataset-private.h"
#include "atlas-geopark-private.h"
#include "atlas-json.h"
#include "atlas-place-private.h"

/* Reads a dataset folder (or the bundled copy) into our objects, checking
 * everything a staff member could get wrong by hand. Nothing stops at the
 * first problem: every problem is collected, each naming its file, the JSON
 * path of the value and what is wrong with it, so that one run of the
 * validator lists everything to fix. A dataset is only made when there is
 * no problem at all.
 */

G_DEFINE_QUARK (atlas-dataset-error-quark, atlas_dataset_error)

/* Sane sizes: generous for ten years of news, small enough that a broken
 * file cannot take the machine down.
 */
#define MAX_FILE_SIZE       (256 * 1024 * 1024)
#define MAX_ITEMS           1000000
#define MAX_TEXT_LENGTH     20000
#define MAX_ID_LENGTH       80
#define MAX_LIST_LENGTH     500
#define MAX_OUTLINE_POINTS  100000
#define MIN_YEAR            1900
#define MAX_YEAR            2100
#define MAX_PRECISION_M     1000000.0
#define MAX_AREA_KM2        1000000.0

static const char *file_names[ATLAS_DATASET_N_FILES] = {
  "dataset.json", "geoparks.json", "places.json", "news.json",
};

const char *
atlas_dataset_file_get_name (AtlasDatasetFile file)
{
  g_return_val_if_fail (file < ATLAS_DATASET_N_FILES, NULL);

  return file_names[file];
}

/* A reference to check once every file is read. */
typedef struct
{
  char  *location;   /* "news.json: $.items[3].places[0]" */
  char  *id;
  GType  type;
} Reference;

static void
reference_free (gpointer data)
{
  Reference *reference = data;

  g_free (reference->location);
  g_free (reference->id);
  g_free (reference);
}

/* An item's own id, to check against the ids defined before it once every
 * item before it has been read: the items of a large file are read in
 * parts, each in a thread of its own, and a part cannot know the ids of
 * the parts before it.
 */
typedef struct
{
  char  *id;
  char  *location;     /* "news.json: $.items[3].id" */
  guint  n_problems;   /* how many problems its reader had found before it */
} NewId;

static void
new_id_clear (gpointer data)
{
  NewId *new_id = data;

  g_free (new_id->id);
  g_free (new_id->location);
}

/* How far a load is, shared by the readers of a file's parts. */
typedef struct
{
  const AtlasDatasetProgress *progress;
  gsize       total_bytes;
  gsize       done_bytes;          /* atomic: every reader adds to it */
  int         reported_permille;
} Tally;

typedef struct
{
  const char *file;
  GString    *path;
  GPtrArray  *problems;
  GHashTable *ids;          /* id → where it was first defined; NULL in a part's reader */
  GArray     *new_ids;      /* NewId, in the order read */
  GPtrArray  *references;   /* Reference */

  /* For a load in a worker thread: how far it is, and whether to stop.
   * Only the reader in the thread that called the loader reports progress.
   */
  Tally      *tally;
  gboolean    reports_progress;
} Reader;

/* Adds a problem with the value at location ("news.json: $.items[3].id"). */
static void
add_problem (GPtrArray         *problems,
             const char        *location,
             AtlasDatasetError  code,
             const char        *message)
{
  /* json-glib quotes the input in its messages and may cut a character in
   * half; whatever we print must stay valid text.
   */
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  g_ptr_array_add (problems, g_error_new (ATLAS_DATASET_ERROR, code, "%s: %s", location, valid));
}

/* "news.json: $.items[3].places[0]", the current value's file and path. */
static char *
describe_location (Reader *r)
{
  return g_strconcat (r->file, ": ", r->path->str, NULL);
}

G_GNUC_PRINTF (3, 4)
static void
report (Reader            *r,
        AtlasDatasetError  code,
        const char        *format,
        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *location = describe_location (r);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (r->problems, location, code, message);
}

/* The path grows and shrinks at every member and element of every item:
 * appended piece by piece, as printf-style formatting of each was a tenth of
 * a large load.
 */
static gsize
push_member (Reader     *r,
             const char *key)
{
  gsize mark = r->path->len;

  g_string_append_c (r->path, '.');
  g_string_append (r->path, key);

  return mark;
}

static gsize
push_index (Reader *r,
            guint   index)
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

static void
pop (Reader *r,
     gsize   mark)
{
  g_string_truncate (r->path, mark);
}

/* Reading the items is most of a load; the indexes and search texts made
 * afterwards are the rest.
 */
#define READING_SHARE 0.75

static void
advance (Reader *r,
         gsize   n_bytes)
{
  Tally *tally = r->tally;
  gsize done;
  int permille;

  done = (gsize) g_atomic_pointer_add (&tally->done_bytes, n_bytes) + n_bytes;
  if (!r->reports_progress || tally->progress == NULL || tally->progress->func == NULL ||
      tally->total_bytes == 0)
    return;

  /* A thousand calls at most, whatever the size. */
  permille = (int) (1000.0 * READING_SHARE * MIN (done, tally->total_bytes) / tally->total_bytes);
  if (permille > tally->reported_permille)
    {
      tally->reported_permille = permille;
      tally->progress->func (permille / 1000.0, tally->progress->user_data);
    }
}

static gboolean
cancelled (Reader *r)
{
  return r->tally->progress != NULL &&
         g_cancellable_is_cancelled (r->tally->progress->cancellable);
}

/* A large load is spread over the processors, at most two: the window's
 * main thread, drawing the progress, needs one too. A thread is only worth
 * it for a few thousand items, or a few MiB to check.
 */
#define MAX_THREADS           2
#define MIN_ITEMS_PER_THREAD  2000
#define MIN_BYTES_PER_THREAD  (1024 * 1024)

/* 0, or how many threads every load uses whatever its size (for the tests). */
static guint forced_n_threads;

/* Makes every load from now on read each file's items, and check each
 * file's UTF-8, in n_threads parts, and with more than one make the search
 * index in a thread of its own, whatever the sizes and processors; 0 goes
 * back to choosing.
 */
void
_atlas_dataset_loader_set_n_threads (guint n_threads)
{
  g_atomic_int_set (&forced_n_threads, n_threads);
}

/* How many threads to share n units of work between (items, bytes). */
static guint
count_threads (gsize n,
               gsize min_per_thread)
{
  guint forced = g_atomic_int_get (&forced_n_threads);
  guint n_processors = (guint) g_get_num_processors ();

  if (forced > 0)
    return forced;

  return (guint) CLAMP (n / min_per_thread, 1, MIN (MAX_THREADS, n_processors));
}

/* Calls func on each of the n_parts structures of part_size bytes at parts:
 * the first in this thread, the others each in a thread of its own (or here,
 * when no thread can be made). Returns once every part is done.
 */
static void
run_in_threads (GThreadFunc  func,
                gpointer     parts,
                gsize        part_size,
                guint        n_parts)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_parts);
  char *bytes = parts;

  for (guint i = 1; i < n_parts; i++)
    threads[i] = g_thread_try_new ("atlas-loader", func, bytes + i * part_size, NULL);

  func (parts);
  for (guint i = 1; i < n_parts; i++)
    {
      if (threads[i] != NULL)
        g_thread_join (threads[i]);
      else
        func (bytes + i * part_size);
    }
}

/* A short, language-neutral picture of a JSON value for messages. */
static char *
describe (const AtlasJsonValue *value)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  switch (value->type)
    {
    case ATLAS_JSON_OBJECT:
      return g_strdup ("{…}");

    case ATLAS_JSON_ARRAY:
      return g_strdup ("[…]");

    case ATLAS_JSON_NULL:
      return g_strdup ("null");

    case ATLAS_JSON_BOOLEAN:
    case ATLAS_JSON_INTEGER:
    case ATLAS_JSON_DOUBLE:
    case ATLAS_JSON_STRING:
    default:
      /* Only for a problem: written as json-glib writes it. */
      node = atlas_json_value_to_node (value);
      text = json_to_string (node, FALSE);
      if (g_utf8_strlen (text, -1) > 40)
        {
          g_autofree char *start = g_utf8_substring (text, 0, 39);

          return g_strconcat (start, "…", NULL);
        }
      return g_steal_pointer (&text);
    }
}

static const AtlasJsonValue *
expect_object (Reader               *r,
               const AtlasJsonValue *node)
{
  g_autofree char *found = NULL;

  if (node->type == ATLAS_JSON_OBJECT)
    return node;

  found = describe (node);
  report (r, ATLAS_DATASET_ERROR_TYPE, _("must be an object, not %s"), found);
  return NULL;
}

static const AtlasJsonValue *
expect_array (Reader               *r,
              const AtlasJsonValue *node,
              guint                 min_length,
              guint                 max_length)
{
  g_autofree char *found = NULL;
  guint length;

  if (node->type != ATLAS_JSON_ARRAY)
    {
      found = describe (node);
      report (r, ATLAS_DATASET_ERROR_TYPE, _("must be an array, not %s"), found);
      return NULL;
    }

  length = node->length;
  if (length < min_length)
    {
      report (r, ATLAS_DATASET_ERROR_VALUE,
              g_dngettext (GETTEXT_PACKAGE,
                           "must have at least %u entry",
                           "must have at least %u entries", min_length),
              min_length);
      return NULL;
    }
  if (length > max_length)
    {
      report (r, ATLAS_DATASET_ERROR_TOO_LARGE, _("has more than %u entries"), max_length);
      return NULL;
    }

  return node;
}

/* Whether text, valid UTF-8, is NFC already without asking GLib, which
 * decomposes and recomposes every character: most of a large dataset's load
 * time. True only for text made of characters that are NFC whatever
 * surrounds them and have no combining class: everything below the
 * combining diacritics (U+0300), Vietnamese letters (Latin Extended
 * Additional, U+1E00–U+1EFF) and general punctuation such as dashes and
 * quotes (U+2010–U+2027). Anything else takes the slow path.
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
static char *
expect_string (Reader               *r,
               const AtlasJsonValue *node)
{
  g_autofree char *found = NULL;
  const char *string;

  if (node->type != ATLAS_JSON_STRING)
    {
      found = describe (node);
      report (r, ATLAS_DATASET_ERROR_TYPE, _("must be a string, not %s"), found);
      return NULL;
    }

  string = node->string;
  /* A character takes at least one byte: count them only when it matters. */
  if (node->length > MAX_TEXT_LENGTH && g_utf8_strlen (string, -1) > MAX_TEXT_LENGTH)
    {
      report (r, ATLAS_DATASET_ERROR_TOO_LARGE,
              _("is longer than %u characters"), MAX_TEXT_LENGTH);
      return NULL;
    }

  if (is_blank (string))
    {
      report (r, ATLAS_DATASET_ERROR_VALUE, _("must not be empty"));
      return NULL;
    }

  if (is_surely_nfc (string))
    return g_strdup (string);

  return g_utf8_normalize (string, -1, G_NORMALIZE_NFC);
}

static gboolean
expect_number (Reader               *r,
               const AtlasJsonValue *node,
               double                min,
               double                max,
               double               *value)
{
  g_autofree char *found = NULL;

  if (node->type != ATLAS_JSON_DOUBLE && node->type != ATLAS_JSON_INTEGER)
    {
      found = describe (node);
      report (r, ATLAS_DATASET_ERROR_TYPE, _("must be a number, not %s"), found);
      return FALSE;
    }

  *value = node->type == ATLAS_JSON_INTEGER ? (double) node->integer : node->number;
  if (!(*value >= min && *value <= max))
    {
      report (r, ATLAS_DATASET_ERROR_RANGE, _("%.10g is out of range (%.10g to %.10g)"), *value, min, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
expect_boolean (Reader               *r,
                const AtlasJsonValue *node,
                gboolean             *value)
{
  g_autofree char *found = NULL;

  if (node->type != ATLAS_JSON_BOOLEAN)
    {
      found = describe (node);
      report (r, ATLAS_DATASET_ERROR_TYPE, _("must be true or false, not %s"), found);
      return FALSE;
    }

  *value = node->boolean;
  return TRUE;
}

static gboolean
expect_year (Reader               *r,
             const AtlasJsonValue *node,
             int                  *year)
{
  g_autofree char *found = NULL;
  gint64 value;

  if (node->type != ATLAS_JSON_INTEGER)
    {
      found = describe (node);
      report (r, ATLAS_DATASET_ERROR_TYPE, _("must be a whole number, not %s"), found);
      return FALSE;
    }

  value = node->integer;
  if (value < MIN_YEAR || value > MAX_YEAR)
    {
      report (r, ATLAS_DATASET_ERROR_RANGE, _("year %d is out of range (%d to %d)"),
              (int) CLAMP (value, G_MININT, G_MAXINT), MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  *year = (int) value;
  return TRUE;
}

/* Reports every member that is not one of known. */
static void
check_fields (Reader               *r,
              const AtlasJsonValue *object,
              const char * const   *known)
{
  for (guint i = 0; i < object->length; i++)
    {
      const char *name = object->members[i].name.string;

      if (!g_strv_contains (known, name))
        {
          gsize mark = push_member (r, name);

          report (r, ATLAS_DATASET_ERROR_UNKNOWN_FIELD, _("unknown field “%s”"), name);
          pop (r, mark);
        }
    }
}

/* The member, or NULL (reporting it when required). */
static const AtlasJsonValue *
member (Reader               *r,
        const AtlasJsonValue *object,
        const char           *key,
        gboolean              required)
{
  const AtlasJsonValue *node = atlas_json_value_get_member (object, key);

  if (node == NULL && required)
    report (r, ATLAS_DATASET_ERROR_MISSING, _("missing required field “%s”"), key);

  return node;
}

/* Enters the object at key and checks its fields: the path points into it
 * until pop (r, mark). NULL, with the path unchanged, when there is no such
 * object (reported when it matters).
 */
static const AtlasJsonValue *
enter_object (Reader               *r,
              const AtlasJsonValue *parent,
              const char           *key,
              gboolean              required,
              const char * const   *known,
              gsize                *mark)
{
  const AtlasJsonValue *node = member (r, parent, key, required);
  const AtlasJsonValue *object;

  if (node == NULL)
    return NULL;

  *mark = push_member (r, key);
  object = expect_object (r, node);
  if (object == NULL)
    {
      pop (r, *mark);
      return NULL;
    }

  check_fields (r, object, known);
  return object;
}

static char *
read_string (Reader               *r,
             const AtlasJsonValue *object,
             const char           *key,
             gboolean              required)
{
  const AtlasJsonValue *node = member (r, object, key, required);
  char *string;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = push_member (r, key);
  string = expect_string (r, node);
  pop (r, mark);

  return string;
}

static gboolean
read_number (Reader               *r,
             const AtlasJsonValue *object,
             const char           *key,
             double                min,
             double                max,
             double               *value)
{
  const AtlasJsonValue *node = member (r, object, key, TRUE);
  gboolean ok;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = push_member (r, key);
  ok = expect_number (r, node, min, max, value);
  pop (r, mark);

  return ok;
}

static void
read_boolean (Reader               *r,
              const AtlasJsonValue *object,
              const char           *key,
              gboolean             *value)
{
  const AtlasJsonValue *node = member (r, object, key, TRUE);
  gsize mark;

  if (node == NULL)
    return;

  mark = push_member (r, key);
  expect_boolean (r, node, value);
  pop (r, mark);
}

/* {"vi": "…", "en": "…"} with at least one of them. */
static AtlasText *
read_text (Reader               *r,
           const AtlasJsonValue *object,
           const char           *key,
           gboolean              required)
{
  const AtlasJsonValue *node = member (r, object, key, required);
  char *strings[ATLAS_N_LANGUAGES] = { NULL, };
  AtlasText *result = NULL;
  const AtlasJsonValue *text;
  gboolean complete = TRUE;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = push_member (r, key);
  text = expect_object (r, node);
  if (text == NULL)
    {
      pop (r, mark);
      return NULL;
    }

  for (guint i = 0; i < text->length; i++)
    {
      const char *code = text->members[i].name.string;
      AtlasLanguage language;
      gsize language_mark = push_member (r, code);

      if (!atlas_language_from_code (code, &language))
        {
          report (r, ATLAS_DATASET_ERROR_UNKNOWN_FIELD,
                  _("unknown language “%s”: use “vi” or “en”"), code);
          complete = FALSE;
        }
      else
        {
          g_free (strings[language]);
          strings[language] = expect_string (r, &text->members[i].value);
          complete &= strings[language] != NULL;
        }
      pop (r, language_mark);
    }

  if (complete && strings[ATLAS_LANGUAGE_VI] == NULL && strings[ATLAS_LANGUAGE_EN] == NULL)
    {
      report (r, ATLAS_DATASET_ERROR_MISSING,
              _("needs the text in at least one language (“vi” or “en”)"));
      complete = FALSE;
    }
  pop (r, mark);

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
static char *
expect_id (Reader               *r,
           const AtlasJsonValue *node)
{
  g_autofree char *id = expect_string (r, node);

  if (id == NULL)
    return NULL;

  if (!is_valid_id (id))
    {
      report (r, ATLAS_DATASET_ERROR_VALUE,
              _("“%s” is not a valid id: use up to %u lowercase letters, digits and hyphens"),
              id, MAX_ID_LENGTH);
      return NULL;
    }

  return g_steal_pointer (&id);
}

/* The item's own id, which must be unique across all the files: noted, to
 * be checked by check_new_ids() in file order.
 */
static char *
read_own_id (Reader               *r,
             const AtlasJsonValue *object)
{
  const AtlasJsonValue *node = member (r, object, "id", TRUE);
  g_autofree char *id = NULL;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = push_member (r, "id");
  id = expect_id (r, node);
  if (id != NULL)
    {
      NewId new_id = { g_strdup (id), describe_location (r), r->problems->len };

      g_array_append_val (r->new_ids, new_id);
    }
  pop (r, mark);

  return g_steal_pointer (&id);
}

/* Moves the problems a reader of part of a file found to problems, adding
 * at their places those about its ids that were defined before (in an
 * earlier file, part or item); the other ids go into ids. Readers must be
 * checked in file order.
 */
static void
check_new_ids (Reader     *reader,
               GHashTable *ids,
               GPtrArray  *problems)
{
  gsize n_found = 0;
  g_autofree gpointer *found = g_ptr_array_steal (reader->problems, &n_found);
  gsize next = 0;

  for (guint i = 0; i < reader->new_ids->len; i++)
    {
      NewId *new_id = &g_array_index (reader->new_ids, NewId, i);
      const char *first = g_hash_table_lookup (ids, new_id->id);

      while (next < new_id->n_problems)
        g_ptr_array_add (problems, found[next++]);

      if (first != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("duplicate id “%s”, already used at %s"), new_id->id, first);

          add_problem (problems, new_id->location, ATLAS_DATASET_ERROR_DUPLICATE, message);
        }
      else
        g_hash_table_insert (ids, g_steal_pointer (&new_id->id),
                             g_steal_pointer (&new_id->location));
    }

  while (next < n_found)
    g_ptr_array_add (problems, found[next++]);
  g_array_set_size (reader->new_ids, 0);
}

/* Remembers a reference to check when every file has been read. */
static void
add_reference (Reader     *r,
               const char *id,
               GType       type)
{
  Reference *reference = g_new0 (Reference, 1);

  reference->location = describe_location (r);
  reference->id = g_strdup (id);
  reference->type = type;
  g_ptr_array_add (r->references, reference);
}

/* A list of references to geoparks or places: ["caobang", …] */
static char **
read_references (Reader               *r,
                 const AtlasJsonValue *object,
                 const char           *key,
                 GType                 type)
{
  const AtlasJsonValue *node = member (r, object, key, TRUE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const AtlasJsonValue *array;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = push_member (r, key);
  array = expect_array (r, node, 0, MAX_LIST_LENGTH);
  for (guint i = 0; array != NULL && i < array->length; i++)
    {
      gsize item_mark = push_index (r, i);
      g_autofree char *id = expect_id (r, &array->elements[i]);

      if (id != NULL && g_hash_table_contains (seen, id))
        {
          report (r, ATLAS_DATASET_ERROR_DUPLICATE, _("“%s” is listed twice"), id);
        }
      else if (id != NULL)
        {
          add_reference (r, id, type);
          g_strv_builder_add (builder, id);
          g_hash_table_add (seen, g_steal_pointer (&id));
        }
      pop (r, item_mark);
    }
  pop (r, mark);

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

/* "2025-06-29", a day that exists, in a sensible range. */
static gboolean
read_date (Reader               *r,
           const AtlasJsonValue *object,
           const char           *key,
           GDate                *date)
{
  const AtlasJsonValue *node = member (r, object, key, TRUE);
  g_autofree char *string = NULL;
  int year, month, day;
  gboolean ok = FALSE;
  gsize mark;

  if (node == NULL)
    return FALSE;

  mark = push_member (r, key);
  string = expect_string (r, node);
  if (string == NULL)
    ;
  else if (!parse_iso_date (string, &year, &month, &day))
    report (r, ATLAS_DATASET_ERROR_DATE, _("“%s” is not a date of the form YYYY-MM-DD"), string);
  else if (year < MIN_YEAR || year > MAX_YEAR)
    report (r, ATLAS_DATASET_ERROR_RANGE, _("year %d is out of range (%d to %d)"),
            year, MIN_YEAR, MAX_YEAR);
  else if (!g_date_valid_dmy (day, month, year))
    report (r, ATLAS_DATASET_ERROR_DATE, _("%s is not a day that exists"), string);
  else
    {
      g_date_set_dmy (date, day, month, year);
      ok = TRUE;
    }
  pop (r, mark);

  return ok;
}

static char *
join_names (const char * const *names,
            guint               n_names)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? ", " : "", names[i]);

  return g_string_free (joined, FALSE);
}

static gboolean
read_date_precision (Reader               *r,
                     const AtlasJsonValue *object,
                     const char           *key,
                     AtlasDatePrecision   *precision)
{
  g_autofree char *string = read_string (r, object, key, TRUE);
  const char *names[ATLAS_N_DATE_PRECISIONS];
  g_autofree char *choices = NULL;
  gsize mark;

  if (string == NULL)
    return FALSE;
  if (atlas_date_precision_from_string (string, precision))
    return TRUE;

  for (guint i = 0; i < ATLAS_N_DATE_PRECISIONS; i++)
    names[i] = atlas_date_precision_to_string (i);
  choices = join_names (names, ATLAS_N_DATE_PRECISIONS);

  mark = push_member (r, key);
  report (r, ATLAS_DATASET_ERROR_VALUE, _("“%s” is not a date precision: use one of %s"),
          string, choices);
  pop (r, mark);

  return FALSE;
}

/* A month or a year is written as its first day. */
static void
check_date_precision (Reader             *r,
                      const GDate        *date,
                      AtlasDatePrecision  precision,
                      const char         *key)
{
  gsize mark;

  if (!g_date_valid (date))
    return;

  mark = push_member (r, key);
  if (precision == ATLAS_DATE_PRECISION_MONTH && g_date_get_day (date) != 1)
    report (r, ATLAS_DATASET_ERROR_DATE,
            _("with the precision “month”, the date must be the first day of the month"));
  else if (precision == ATLAS_DATE_PRECISION_YEAR &&
           (g_date_get_day (date) != 1 || g_date_get_month (date) != G_DATE_JANUARY))
    report (r, ATLAS_DATASET_ERROR_DATE,
            _("with the precision “year”, the date must be the first of January"));
  pop (r, mark);
}

typedef struct
{
  double latitude;
  double longitude;
  double precision_m;
} Location;

/* {"lat": …, "lon": …, "precision_m": …} */
static gboolean
read_location (Reader               *r,
               const AtlasJsonValue *object,
               const char           *key,
               Location             *location)
{
  static const char *known[] = { "lat", "lon", "precision_m", NULL };
  const AtlasJsonValue *value;
  gboolean ok = TRUE;
  gsize mark;

  if ((value = enter_object (r, object, key, TRUE, known, &mark)) == NULL)
    return FALSE;

  ok &= read_number (r, value, "lat", -90, 90, &location->latitude);
  ok &= read_number (r, value, "lon", -180, 180, &location->longitude);
  ok &= read_number (r, value, "precision_m", 1, MAX_PRECISION_M, &location->precision_m);
  pop (r, mark);

  return ok;
}

/* A part of a file to check for UTF-8. */
typedef struct
{
  const char *start;
  gsize       size;
  const char *end;      /* where valid text stops */
  gboolean    valid;
} Validation;

static gpointer
validate_part (gpointer data)
{
  Validation *part = data;

  part->valid = g_utf8_validate_len (part->start, part->size, &part->end);

  return NULL;
}

/* g_utf8_validate_len(), in parts for a large file. Each part but the
 * first starts at a byte that is not the continuation of a character: as
 * every character starts at such a byte, the text is valid when every part
 * is, and the first invalid part stops where a check of the whole would.
 */
static gboolean
validate_utf8 (const char  *data,
               gsize        size,
               const char **end)
{
  guint n_parts = count_threads (size, MIN_BYTES_PER_THREAD);
  g_autofree Validation *parts = g_new0 (Validation, n_parts);
  const char *start = data;

  for (guint i = 0; i < n_parts; i++)
    {
      const char *cut = i + 1 < n_parts ? data + size / n_parts * (i + 1) : data + size;

      while (cut > start && cut < data + size && ((guchar) *cut & 0xC0) == 0x80)
        cut--;
      parts[i].start = start;
      parts[i].size = cut - start;
      start = cut;
    }

  run_in_threads (validate_part, parts, sizeof (Validation), n_parts);

  for (guint i = 0; i < n_parts; i++)
    {
      if (!parts[i].valid)
        {
          *end = parts[i].end;
          return FALSE;
        }
    }

  *end = data + size;
  return TRUE;
}

/* Checks the bytes of one file and parses them into document; NULL
 * (reported) if it cannot be read as JSON at all. The elements of the
 * root's "items" array are only checked and located in items, to be read
 * one at a time.
 */
static const AtlasJsonValue *
parse_file (Reader            *r,
            AtlasJsonDocument *document,
            GBytes            *bytes,
            GArray            *items)
{
  g_autoptr(GError) error = NULL;
  const AtlasJsonValue *root;
  const char *data;
  const char *end;
  guint line = 0;
  guint column = 0;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (size > MAX_FILE_SIZE)
    {
      report (r, ATLAS_DATASET_ERROR_TOO_LARGE, _("the file is larger than %u MiB"),
              MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* An editor that saves by truncating first leaves this for a moment. */
  if (size == 0)
    {
      report (r, ATLAS_DATASET_ERROR_SYNTAX, _("the file is empty"));
      return NULL;
    }

  if (!validate_utf8 (data, size, &end))
    {
      report (r, ATLAS_DATASET_ERROR_ENCODING,
              _("the file is not valid UTF-8 text (at byte %lu)"),
              (unsigned long) (end - data));
      return NULL;
    }

  root = atlas_json_document_parse (document, data, size, "items", items, &line, &column,
                                    &error);
  if (root == NULL)
    report (r, ATLAS_DATASET_ERROR_SYNTAX, _("not valid JSON at line %u, column %u: %s"),
            line, column, error->message);

  return root;
}

/* The item that span locates, checked by parse_file already, parsed into
 * document.
 */
static const AtlasJsonValue *
parse_item (Reader              *r,
            AtlasJsonDocument   *document,
            GBytes              *bytes,
            const AtlasJsonSpan *span)
{
  const char *data = g_bytes_get_data (bytes, NULL);
  g_autoptr(GError) error = NULL;
  const AtlasJsonValue *node;

  node = atlas_json_document_parse (document, data + span->offset, span->length, NULL, NULL,
                                    NULL, NULL, &error);
  if (node == NULL)
    report (r, ATLAS_DATASET_ERROR_SYNTAX, _("not valid JSON: %s"), error->message);

  return node;
}

typedef gpointer (*ReadItemFunc) (Reader               *r,
                                  const AtlasJsonValue *item);

/* A run of items, [first, end) of spans, read by a reader of its own, in a
 * thread of its own unless it is the first.
 */
typedef struct
{
  Reader             reader;
  AtlasJsonDocument *document;   /* each item in turn */
  GBytes            *bytes;
  GArray            *spans;
  guint              first;
  guint              end;
  ReadItemFunc       read_item;
  GPtrArray         *items;
} Share;

/* A part's reader shares nothing with the others that it could change but
 * the count of bytes read: its path, problems, ids and references are its
 * own until they are taken in file order.
 */
static void
share_init (Share        *share,
            Reader       *r,
            gboolean      reports_progress,
            GBytes       *bytes,
            GArray       *spans,
            guint         first,
            guint         end,
            ReadItemFunc  read_item)
{
  share->reader = (Reader) {
    r->file, g_string_new (r->path->str),
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free), NULL,
    g_array_new (FALSE, FALSE, sizeof (NewId)),
    g_ptr_array_new_with_free_func (reference_free),
    r->tally, reports_progress,
  };
  g_array_set_clear_func (share->reader.new_ids, new_id_clear);
  share->document = atlas_json_document_new ();
  share->bytes = bytes;
  share->spans = spans;
  share->first = first;
  share->end = end;
  share->read_item = read_item;
  share->items = g_ptr_array_new_full (end - first, g_object_unref);
}

static void
share_clear (Share *share)
{
  g_string_free (share->reader.path, TRUE);
  g_clear_pointer (&share->reader.problems, g_ptr_array_unref);
  g_clear_pointer (&share->reader.new_ids, g_array_unref);
  g_clear_pointer (&share->reader.references, g_ptr_array_unref);
  g_clear_pointer (&share->items, g_ptr_array_unref);
  g_clear_pointer (&share->document, atlas_json_document_free);
}

static gpointer
read_share (gpointer data)
{
  Share *share = data;
  Reader *r = &share->reader;

  for (guint i = share->first; i < share->end && !cancelled (r); i++)
    {
      const AtlasJsonSpan *span = &g_array_index (share->spans, AtlasJsonSpan, i);
      gsize item_mark = push_index (r, i);
      const AtlasJsonValue *item = parse_item (r, share->document, share->bytes, span);
      const AtlasJsonValue *item_object = item != NULL ? expect_object (r, item) : NULL;

      if (item_object != NULL)
        g_ptr_array_add (share->items, share->read_item (r, item_object));
      pop (r, item_mark);
      advance (r, span->length);
    }

  return NULL;
}

/* Splits spans into n_shares runs of about as many bytes each, so that the
 * readers finish at about the same time: run s is [bounds[s], bounds[s + 1]).
 */
static void
split_spans (GArray *spans,
             guint   n_shares,
             guint  *bounds)
{
  gsize start = 0, size = 0;
  guint i = 0;

  if (spans->len > 0)
    {
      const AtlasJsonSpan *last = &g_array_index (spans, AtlasJsonSpan, spans->len - 1);

      start = g_array_index (spans, AtlasJsonSpan, 0).offset;
      size = last->offset + last->length - start;
    }

  bounds[0] = 0;
  for (guint s = 1; s < n_shares; s++)
    {
      gsize offset = start + size / n_shares * s;

      while (i < spans->len && g_array_index (spans, AtlasJsonSpan, i).offset < offset)
        i++;
      bounds[s] = i;
    }
  bounds[n_shares] = spans->len;
}

/* Reads the items, each in its part of the file: the first part in this
 * thread, the others each in a thread of its own. What each reader found
 * is taken into r in file order, so that nothing depends on how the items
 * were shared out: the same problems in the same order, the same items.
 */
static GPtrArray *
read_shares (Reader       *r,
             GBytes       *bytes,
             GArray       *spans,
             ReadItemFunc  read_item)
{
  guint n_shares = count_threads (spans->len, MIN_ITEMS_PER_THREAD);
  g_autofree Share *shares = g_new0 (Share, n_shares);
  g_autofree guint *bounds = g_new (guint, n_shares + 1);
  GPtrArray *items = g_ptr_array_new_full (spans->len, g_object_unref);

  split_spans (spans, n_shares, bounds);
  for (guint s = 0; s < n_shares; s++)
    share_init (&shares[s], r, r->reports_progress && s == 0, bytes, spans, bounds[s],
                bounds[s + 1], read_item);

  run_in_threads (read_share, shares, sizeof (Share), n_shares);

  for (guint s = 0; s < n_shares; s++)
    {
      Reader *reader = &shares[s].reader;

      check_new_ids (reader, r->ids, r->problems);
      g_ptr_array_extend_and_steal (r->references, g_steal_pointer (&reader->references));
      g_ptr_array_extend_and_steal (items, g_steal_pointer (&shares[s].items));
      share_clear (&shares[s]);
    }

  /* Where the other readers have got to as well. */
  advance (r, 0);

  return items;
}

/* {"$schema": "…", "items": [ … ]}: reads every item, keeping the ones
 * that could be read at all so that references to them can be checked.
 * The items were left out of root by parse_file; each is parsed from its
 * span of bytes and read before the next, so that a large file never lives
 * in memory as a whole. NULL when the file has no list of
 * items to speak of.
 */
static GPtrArray *
read_items (Reader               *r,
            const AtlasJsonValue *root,
            GBytes               *bytes,
            GArray               *spans,
            ReadItemFunc          read_item)
{
  static const char *known[] = { "$schema", "items", NULL };
  g_autoptr(GPtrArray) items = NULL;
  const AtlasJsonValue *object = expect_object (r, root);
  const AtlasJsonValue *node;
  gsize mark;

  if (object == NULL)
    return NULL;

  check_fields (r, object, known);
  g_free (read_string (r, object, "$schema", FALSE));

  node = member (r, object, "items", TRUE);
  if (node == NULL)
    return NULL;

  mark = push_member (r, "items");
  if (expect_array (r, node, 0, MAX_ITEMS) == NULL)
    ;
  else if (spans->len > MAX_ITEMS)
    report (r, ATLAS_DATASET_ERROR_TOO_LARGE, _("has more than %u entries"), MAX_ITEMS);
  else
    items = read_shares (r, bytes, spans, read_item);
  pop (r, mark);

  return g_steal_pointer (&items);
}

static gpointer
read_place (Reader               *r,
            const AtlasJsonValue *item)
{
  static const char *known[] = {
    "id", "kind", "geopark", "name", "location", "approximate", "description", "source",
    "country", NULL
  };
  AtlasPlace *place = g_object_new (ATLAS_TYPE_PLACE, NULL);
  g_autofree char *kind = NULL;
  g_autofree char *country = NULL;
  Location location = { 0, };
  const AtlasJsonValue *geopark;
  gsize mark;

  check_fields (r, item, known);
  place->id = read_own_id (r, item);

  kind = read_string (r, item, "kind", TRUE);
  if (kind != NULL && !atlas_place_kind_from_string (kind, &place->kind))
    {
      const char *names[ATLAS_N_PLACE_KINDS];
      g_autofree char *choices = NULL;

      for (guint i = 0; i < ATLAS_N_PLACE_KINDS; i++)
        names[i] = atlas_place_kind_to_string (i);
      choices = join_names (names, ATLAS_N_PLACE_KINDS);
      mark = push_member (r, "kind");
      report (r, ATLAS_DATASET_ERROR_VALUE, _("“%s” is not a kind of place: use one of %s"),
              kind, choices);
      pop (r, mark);
    }

  /* Partner geoparks abroad belong to none of ours: absent or null. */
  geopark = member (r, item, "geopark", FALSE);
  if (geopark != NULL && geopark->type != ATLAS_JSON_NULL)
    {
      mark = push_member (r, "geopark");
      place->geopark_id = expect_id (r, geopark);
      if (place->geopark_id != NULL)
        add_reference (r, place->geopark_id, ATLAS_TYPE_GEOPARK);
      pop (r, mark);
    }

  place->name = read_text (r, item, "name", TRUE);
  place->description = read_text (r, item, "description", FALSE);
  if (read_location (r, item, "location", &location))
    {
      place->latitude = location.latitude;
      place->longitude = location.longitude;
      place->precision_m = location.precision_m;
    }
  read_boolean (r, item, "approximate", &place->approximate);
  place->source = read_string (r, item, "source", TRUE);

  country = read_string (r, item, "country", TRUE);
  if (country != NULL && !(strlen (country) == 2 && g_ascii_isupper (country[0]) &&
                           g_ascii_isupper (country[1])))
    {
      mark = push_member (r, "country");
      report (r, ATLAS_DATASET_ERROR_VALUE,
              _("“%s” is not a two-letter country code such as “VN”"), country);
      pop (r, mark);
    }
  place->country = g_steal_pointer (&country);

  return place;
}

static AtlasTopics
read_topics (Reader               *r,
             const AtlasJsonValue *item)
{
  const AtlasJsonValue *node = member (r, item, "topics", TRUE);
  AtlasTopics topics = 0;
  const AtlasJsonValue *array;
  gsize mark;

  if (node == NULL)
    return 0;

  mark = push_member (r, "topics");
  array = expect_array (r, node, 1, ATLAS_N_TOPICS);
  for (guint i = 0; array != NULL && i < array->length; i++)
    {
      gsize item_mark = push_index (r, i);
      g_autofree char *name = expect_string (r, &array->elements[i]);
      AtlasTopics topic;

      if (name == NULL)
        ;
      else if (!atlas_topic_from_string (name, &topic))
        {
          const char *names[ATLAS_N_TOPICS];
          g_autofree char *choices = NULL;

          for (guint t = 0; t < ATLAS_N_TOPICS; t++)
            names[t] = atlas_topic_to_string (1u << t);
          choices = join_names (names, ATLAS_N_TOPICS);
          report (r, ATLAS_DATASET_ERROR_VALUE, _("“%s” is not a topic: use one of %s"),
                  name, choices);
        }
      else if (topics & topic)
        report (r, ATLAS_DATASET_ERROR_DUPLICATE, _("“%s” is listed twice"), name);
      else
        topics |= topic;
      pop (r, item_mark);
    }
  pop (r, mark);

  return topics;
}

static gpointer
read_article (Reader               *r,
              const AtlasJsonValue *item)
{
  static const char *known[] = {
    "id", "date", "date_precision", "date_note", "title", "summary", "body", "geoparks",
    "places", "topics", "source", NULL
  };
  AtlasArticle *article = g_object_new (ATLAS_TYPE_ARTICLE, NULL);

  check_fields (r, item, known);
  article->id = read_own_id (r, item);
  read_date (r, item, "date", &article->date);
  if (read_date_precision (r, item, "date_precision", &article->date_precision))
    check_date_precision (r, &article->date, article->date_precision, "date");
  article->date_note = read_text (r, item, "date_note", FALSE);
  article->title = read_text (r, item, "title", TRUE);
  article->summary = read_text (r, item, "summary", TRUE);
  article->body = read_text (r, item, "body", FALSE);
  article->geopark_ids = read_references (r, item, "geoparks", ATLAS_TYPE_GEOPARK);
  article->place_ids = read_references (r, item, "places", ATLAS_TYPE_PLACE);
  article->topics = read_topics (r, item);
  article->source = read_string (r, item, "source", FALSE);

  return article;
}

static void
read_colour (Reader               *r,
             const AtlasJsonValue *item,
             GdkRGBA              *colour)
{
  g_autofree char *string = read_string (r, item, "colour", TRUE);
  gboolean ok;
  gsize mark;

  if (string == NULL)
    return;

  ok = strlen (string) == 7 && string[0] == '#';
  for (guint i = 1; ok && i < 7; i++)
    ok = g_ascii_isxdigit (string[i]);

  if (ok && gdk_rgba_parse (colour, string))
    return;

  mark = push_member (r, "colour");
  report (r, ATLAS_DATASET_ERROR_VALUE, _("“%s” is not a colour of the form #rrggbb"), string);
  pop (r, mark);
}

/* {"date": …, "date_precision": …, "note": …, "source": …} */
static void
read_designation (Reader               *r,
                  const AtlasJsonValue *item,
                  AtlasGeopark         *geopark)
{
  static const char *known[] = { "date", "date_precision", "note", "source", NULL };
  const AtlasJsonValue *object;
  gsize mark;

  if ((object = enter_object (r, item, "designated", TRUE, known, &mark)) == NULL)
    return;

  read_date (r, object, "date", &geopark->designated);
  if (read_date_precision (r, object, "date_precision", &geopark->designated_precision))
    check_date_precision (r, &geopark->designated, geopark->designated_precision, "date");
  geopark->designated_note = read_text (r, object, "note", FALSE);
  geopark->designated_source = read_string (r, object, "source", TRUE);
  pop (r, mark);
}

typedef void (*ReadObjectFunc) (Reader               *r,
                                const AtlasJsonValue *object,
                                gpointer              user_data);

/* [{…}, …] at key: checks each object's fields and hands it to read_object,
 * with the path pointing into it.
 */
static void
read_object_list (Reader               *r,
                  const AtlasJsonValue *parent,
                  const char           *key,
                  guint                 min_length,
                  const char * const   *known,
                  ReadObjectFunc        read_object,
                  gpointer              user_data)
{
  const AtlasJsonValue *node = member (r, parent, key, min_length > 0);
  const AtlasJsonValue *array;
  gsize mark;

  if (node == NULL)
    return;

  mark = push_member (r, key);
  array = expect_array (r, node, min_length, MAX_LIST_LENGTH);
  for (guint i = 0; array != NULL && i < array->length; i++)
    {
      gsize item_mark = push_index (r, i);
      const AtlasJsonValue *object = expect_object (r, &array->elements[i]);

      if (object != NULL)
        {
          check_fields (r, object, known);
          read_object (r, object, user_data);
        }
      pop (r, item_mark);
    }
  pop (r, mark);
}

/* {"year": …, "note": …, "source": …} */
static void
read_revalidation (Reader               *r,
                   const AtlasJsonValue *object,
                   gpointer              user_data)
{
  AtlasGeopark *geopark = user_data;
  AtlasRevalidation revalidation = { 0, };
  const AtlasJsonValue *year;

  if ((year = member (r, object, "year", TRUE)) != NULL)
    {
      gsize mark = push_member (r, "year");

      expect_year (r, year, &revalidation.year);
      pop (r, mark);
    }
  revalidation.note = read_text (r, object, "note", FALSE);
  revalidation.source = read_string (r, object, "source", FALSE);
  g_array_append_val (geopark->revalidations, revalidation);
}

/* {"km2": …, "note": …, "source": …} */
static void
read_area (Reader               *r,
           const AtlasJsonValue *object,
           gpointer              user_data)
{
  AtlasGeopark *geopark = user_data;
  AtlasAreaFigure area = { 0, };

  read_number (r, object, "km2", 0.01, MAX_AREA_KM2, &area.km2);
  area.note = read_text (r, object, "note", FALSE);
  area.source = read_string (r, object, "source", TRUE);
  g_array_append_val (geopark->areas, area);
}

static void
read_province (Reader               *r,
               const AtlasJsonValue *item,
               AtlasGeopark         *geopark)
{
  static const char *known[] = { "current", "before_2025", NULL };
  const AtlasJsonValue *object;
  gsize mark;

  if ((object = enter_object (r, item, "province", TRUE, known, &mark)) == NULL)
    return;

  geopark->province = read_text (r, object, "current", TRUE);
  geopark->province_before_2025 = read_text (r, object, "before_2025", FALSE);
  pop (r, mark);
}

/* [[lon, lat], …], a closed ring */
static void
read_polygon (Reader               *r,
              const AtlasJsonValue *object,
              GArray               *points)
{
  const AtlasJsonValue *node = member (r, object, "polygon", TRUE);
  const AtlasJsonValue *array;
  gboolean complete = TRUE;
  gsize mark;

  if (node == NULL)
    return;

  mark = push_member (r, "polygon");
  array = expect_array (r, node, 4, MAX_OUTLINE_POINTS);
  for (guint i = 0; array != NULL && i < array->length; i++)
    {
      gsize point_mark = push_index (r, i);
      const AtlasJsonValue *element = &array->elements[i];
      AtlasPoint point;

      if (element->type != ATLAS_JSON_ARRAY || element->length != 2)
        {
          g_autofree char *found = describe (element);

          report (r, ATLAS_DATASET_ERROR_TYPE,
                  _("must be a point [longitude, latitude], not %s"), found);
          complete = FALSE;
        }
      else
        {
          gsize lon_mark = push_index (r, 0);

          complete &= expect_number (r, &element->elements[0], -180, 180, &point.longitude);
          pop (r, lon_mark);
          lon_mark = push_index (r, 1);
          complete &= expect_number (r, &element->elements[1], -90, 90, &point.latitude);
          pop (r, lon_mark);
          g_array_append_val (points, point);
        }
      pop (r, point_mark);
    }

  if (array != NULL && complete && points->len > 0)
    {
      const AtlasPoint *first = &g_array_index (points, AtlasPoint, 0);
      const AtlasPoint *last = &g_array_index (points, AtlasPoint, points->len - 1);

      if (first->longitude != last->longitude || first->latitude != last->latitude)
        report (r, ATLAS_DATASET_ERROR_VALUE,
                _("the outline is not closed: its last point must be its first"));
    }
  pop (r, mark);
}

static void
read_outline (Reader               *r,
              const AtlasJsonValue *item,
              AtlasGeopark         *geopark)
{
  static const char *known[] = { "approximate", "note", "source", "polygon", NULL };
  const AtlasJsonValue *object;
  gboolean approximate;
  gsize mark;

  if ((object = enter_object (r, item, "outline", TRUE, known, &mark)) == NULL)
    return;

  read_boolean (r, object, "approximate", &approximate);
  geopark->outline_note = read_text (r, object, "note", FALSE);
  geopark->outline_source = read_string (r, object, "source", TRUE);
  read_polygon (r, object, geopark->outline);
  pop (r, mark);
}

static char **
read_string_list (Reader               *r,
                  const AtlasJsonValue *item,
                  const char           *key)
{
  const AtlasJsonValue *node = member (r, item, key, FALSE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const AtlasJsonValue *array;
  gsize mark;

  if (node == NULL)
    return g_strv_builder_end (builder);

  mark = push_member (r, key);
  array = expect_array (r, node, 0, MAX_LIST_LENGTH);
  for (guint i = 0; array != NULL && i < array->length; i++)
    {
      gsize item_mark = push_index (r, i);
      g_autofree char *string = expect_string (r, &array->elements[i]);

      if (string != NULL)
        g_strv_builder_add (builder, string);
      pop (r, item_mark);
    }
  pop (r, mark);

  return g_strv_builder_end (builder);
}

static gpointer
read_geopark (Reader               *r,
              const AtlasJsonValue *item)
{
  static const char *known[] = {
    "id", "name", "short_name", "colour", "designated", "revalidations", "area", "province",
    "centre", "outline", "description", "sources", NULL
  };
  AtlasGeopark *geopark = _atlas_geopark_new ();
  Location centre = { 0, };

  check_fields (r, item, known);
  geopark->id = read_own_id (r, item);
  geopark->name = read_text (r, item, "name", TRUE);
  geopark->short_name = read_text (r, item, "short_name", TRUE);
  read_colour (r, item, &geopark->colour);
  read_designation (r, item, geopark);
  read_object_list (r, item, "revalidations", 0,
                    (const char *[]) { "year", "note", "source", NULL },
                    read_revalidation, geopark);
  read_object_list (r, item, "area", 1,
                    (const char *[]) { "km2", "note", "source", NULL },
                    read_area, geopark);
  read_province (r, item, geopark);
  if (read_location (r, item, "centre", &centre))
    {
      geopark->latitude = centre.latitude;
      geopark->longitude = centre.longitude;
      geopark->precision_m = centre.precision_m;
    }
  read_outline (r, item, geopark);
  geopark->description = read_text (r, item, "description", TRUE);
  geopark->sources = read_string_list (r, item, "sources");

  return geopark;
}

/* dataset.json: what the folder is, and in which format. */
static void
read_dataset_info (Reader               *r,
                   const AtlasJsonValue *root)
{
  static const char *known[] = {
    "$schema", "format", "title", "description", "licence", "attribution", "languages",
    "updated", NULL
  };
  const AtlasJsonValue *object = expect_object (r, root);
  g_autoptr(AtlasText) title = NULL;
  g_autoptr(AtlasText) description = NULL;
  g_autoptr(AtlasText) attribution = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *licence = NULL;
  g_auto(GStrv) languages = NULL;
  const AtlasJsonValue *format;
  GDate updated;

  if (object == NULL)
    return;

  check_fields (r, object, known);
  schema = read_string (r, object, "$schema", FALSE);

  if ((format = member (r, object, "format", TRUE)) != NULL)
    {
      gsize mark = push_member (r, "format");

      if (format->type != ATLAS_JSON_INTEGER || format->integer != ATLAS_DATASET_FORMAT)
        {
          g_autofree char *found = describe (format);

          report (r, ATLAS_DATASET_ERROR_VALUE,
                  _("format %s is not supported: this version of the app reads format %d"),
                  found, ATLAS_DATASET_FORMAT);
        }
      pop (r, mark);
    }

  title = read_text (r, object, "title", TRUE);
  description = read_text (r, object, "description", FALSE);
  licence = read_string (r, object, "licence", TRUE);
  attribution = read_text (r, object, "attribution", TRUE);

  if (member (r, object, "languages", TRUE) == NULL)
    return;
  languages = read_string_list (r, object, "languages");
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (!atlas_language_from_code (languages[i], NULL))
        {
          gsize mark = push_member (r, "languages");
          gsize index_mark = push_index (r, i);

          report (r, ATLAS_DATASET_ERROR_VALUE, _("unknown language “%s”: use “vi” or “en”"),
                  languages[i]);
          pop (r, index_mark);
          pop (r, mark);
        }
    }

  g_date_clear (&updated, 1);
  if (atlas_json_value_get_member (object, "updated") != NULL)
    read_date (r, object, "updated", &updated);
}

/* Checks every reference against the ids of the files that could be read:
 * a file that is not JSON at all is one problem, not one per reference.
 */
static void
check_references (Reader     *r,
                  GHashTable *types,
                  const GType unreadable_types[ATLAS_DATASET_N_FILES])
{
  for (guint i = 0; i < r->references->len; i++)
    {
      Reference *reference = g_ptr_array_index (r->references, i);
      gpointer type = g_hash_table_lookup (types, reference->id);
      g_autofree char *message = NULL;
      gboolean unreadable = FALSE;

      for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
        unreadable |= unreadable_types[f] == reference->type;

      if (unreadable || (type != NULL && GPOINTER_TO_SIZE (type) == reference->type))
        continue;

      if (reference->type == ATLAS_TYPE_GEOPARK)
        message = g_strdup_printf (_("unknown geopark “%s”"), reference->id);
      else
        message = g_strdup_printf (_("unknown place “%s”"), reference->id);

      g_ptr_array_add (r->problems,
                       g_error_new (ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_REFERENCE,
                                    "%s: %s", reference->location, message));
    }
}

static void
record_types (GHashTable *types,
              GPtrArray  *items,
              GType       type)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *id = NULL;

      /* The first definition of a duplicate id is the one that counts. */
      g_object_get (g_ptr_array_index (items, i), "id", &id, NULL);
      if (id != NULL && !g_hash_table_contains (types, id))
        g_hash_table_insert (types, g_steal_pointer (&id), GSIZE_TO_POINTER (type));
    }
}

static AtlasDataset *
load_bytes (GBytes * const             *files,
            const AtlasDatasetProgress *progress,
            GPtrArray                  *problems)
{
  static const ReadItemFunc readers[ATLAS_DATASET_N_FILES] = {
    NULL, read_geopark, read_place, read_article,
  };
  const GType item_types[ATLAS_DATASET_N_FILES] = {
    G_TYPE_NONE, ATLAS_TYPE_GEOPARK, ATLAS_TYPE_PLACE, ATLAS_TYPE_ARTICLE,
  };
  GType unreadable_types[ATLAS_DATASET_N_FILES] = { 0, };
  GPtrArray *items[ATLAS_DATASET_N_FILES] = { NULL, };
  AtlasDataset *dataset = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (reference_free);
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (NewId));
  g_autoptr(AtlasJsonDocument) document = atlas_json_document_new ();
  guint n_problems = problems->len;
  gboolean all_files = TRUE;
  Tally tally = { progress, 0, 0, 0 };
  Reader r = { NULL, path, problems, ids, new_ids, references, &tally, TRUE };

  g_array_set_clear_func (new_ids, new_id_clear);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    tally.total_bytes += files[f] != NULL ? g_bytes_get_size (files[f]) : 0;

  for (guint f = 0; f < ATLAS_DATASET_N_FILES && !cancelled (&r); f++)
    {
      const AtlasJsonValue *root = NULL;
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (AtlasJsonSpan));

      items[f] = g_ptr_array_new_with_free_func (g_object_unref);
      r.file = file_names[f];
      g_string_assign (path, "$");
      all_files &= files[f] != NULL;
      if (files[f] == NULL || (root = parse_file (&r, document, files[f], spans)) == NULL)
        {
          unreadable_types[f] = item_types[f];
          continue;
        }

      if (readers[f] == NULL)
        read_dataset_info (&r, root);
      else
        {
          g_autoptr(GPtrArray) read = read_items (&r, root, files[f], spans, readers[f]);

          if (read == NULL)
            unreadable_types[f] = item_types[f];
          else
            g_ptr_array_extend_and_steal (items[f], g_steal_pointer (&read));
        }
    }

  if (cancelled (&r))
    {
      g_autoptr(GError) error = NULL;

      /* Some files were not read: nothing more to check. */
      g_cancellable_set_error_if_cancelled (progress->cancellable, &error);
      g_ptr_array_add (problems, g_error_new (ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO,
                                              "%s", error->message));
      all_files = FALSE;
    }
  else
    {
      record_types (types, items[ATLAS_DATASET_FILE_GEOPARKS], ATLAS_TYPE_GEOPARK);
      record_types (types, items[ATLAS_DATASET_FILE_PLACES], ATLAS_TYPE_PLACE);
      record_types (types, items[ATLAS_DATASET_FILE_NEWS], ATLAS_TYPE_ARTICLE);
      check_references (&r, types, unreadable_types);
    }

  if (all_files && problems->len == n_problems)
    {
      guint n_items = items[ATLAS_DATASET_FILE_PLACES]->len + items[ATLAS_DATASET_FILE_NEWS]->len;

      dataset = _atlas_dataset_new_take (g_steal_pointer (&items[ATLAS_DATASET_FILE_GEOPARKS]),
                                         g_steal_pointer (&items[ATLAS_DATASET_FILE_PLACES]),
                                         g_steal_pointer (&items[ATLAS_DATASET_FILE_NEWS]),
                                         count_threads (n_items, MIN_ITEMS_PER_THREAD) > 1);
    }

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_clear_pointer (&items[f], g_ptr_array_unref);

  if (dataset != NULL && progress != NULL && progress->func != NULL)
    progress->func (1.0, progress->user_data);

  return dataset;
}

/**
 * atlas_dataset_load_bytes:
 * @files: (array fixed-size=4): the contents of each #AtlasDatasetFile, or
 *   %NULL for a file that could not be read (already reported)
 * @problems: (element-type GError): where to add every problem found
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL when any
 *   problem was found
 */
AtlasDataset *
atlas_dataset_load_bytes (GBytes * const *files,
                          GPtrArray      *problems)
{
  g_return_val_if_fail (files != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return load_bytes (files, NULL, problems);
}

static void
clear_files (GBytes **files)
{
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_clear_pointer (&files[f], g_bytes_unref);
}

/**
 * atlas_dataset_load_directory_full:
 * @directory: a dataset folder
 * @progress: (nullable): how to report progress and when to stop
 * @problems: (element-type GError): where to add every problem found
 *
 * Loads a folder; safe to call in a worker thread, from which
 * @progress's function is called. A cancelled load returns %NULL with a
 * problem saying so.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL when any
 *   problem was found
 */
AtlasDataset *
atlas_dataset_load_directory_full (GFile                      *directory,
                                   const AtlasDatasetProgress *progress,
                                   GPtrArray                  *problems)
{
  GBytes *files[ATLAS_DATASET_N_FILES] = { NULL, };
  AtlasDataset *dataset;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, file_names[f]);
      g_autoptr(GError) error = NULL;

      files[f] = g_file_load_bytes (file, progress != NULL ? progress->cancellable : NULL,
                                    NULL, &error);
      if (files[f] == NULL)
        g_ptr_array_add (problems,
                         g_error_new (ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO,
                                      "%s: $: %s", file_names[f], error->message));
    }

  dataset = load_bytes ((GBytes * const *) files, progress, problems);
  clear_files (files);

  return dataset;
}

AtlasDataset *
atlas_dataset_load_directory (GFile     *directory,
                              GPtrArray *problems)
{
  return atlas_dataset_load_directory_full (directory, NULL, problems);
}

static char *
bundled_path (const char *name)
{
  return g_strconcat (RESOURCE_PREFIX "/dataset/", name, NULL);
}

static AtlasDataset *
load_bundled_now (GPtrArray *problems)
{
  GBytes *files[ATLAS_DATASET_N_FILES] = { NULL, };
  AtlasDataset *dataset;

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *path = bundled_path (file_names[f]);

      files[f] = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (files[f] != NULL);
    }

  dataset = atlas_dataset_load_bytes ((GBytes * const *) files, problems);
  clear_files (files);

  return dataset;
}

/* The bundled dataset loaded ahead, and its problems. */
typedef struct
{
  AtlasDataset *dataset;
  GPtrArray    *problems;
} Preload;

static GThread *bundled_preload;

static gpointer
load_bundled_in_thread (gpointer data)
{
  Preload *preload = g_new0 (Preload, 1);

  preload->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  preload->dataset = load_bundled_now (preload->problems);

  return preload;
}

/**
 * atlas_dataset_preload_bundled:
 *
 * Starts loading the bundled dataset in a thread, for the next
 * atlas_dataset_load_bundled(): at start-up it takes about 5 ms that the
 * main thread spends initializing GTK meanwhile. Call it once the
 * language is set, as problems are translated in the thread (and the
 * environment must not change while it runs: PLATFORM.md §5).
 */
void
atlas_dataset_preload_bundled (void)
{
  g_return_if_fail (bundled_preload == NULL);

  bundled_preload = g_thread_new ("atlas-dataset", load_bundled_in_thread, NULL);
}

/**
 * atlas_dataset_load_bundled:
 * @problems: (element-type GError): where to add every problem found
 *
 * The dataset compiled into the application; what a preload made, if
 * one was started, waiting for it if need be.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL when any
 *   problem was found
 */
AtlasDataset *
atlas_dataset_load_bundled (GPtrArray *problems)
{
  GThread *thread = g_steal_pointer (&bundled_preload);
  Preload *preload;
  AtlasDataset *dataset;

  g_return_val_if_fail (problems != NULL, NULL);

  if (thread == NULL)
    return load_bundled_now (problems);

  preload = g_thread_join (thread);
  dataset = preload->dataset;
  g_ptr_array_extend_and_steal (problems, preload->problems);
  g_free (preload);

  return dataset;
}

/* Writes the bundled dataset and its schemas into directory, as a
 * starting point for a staff member's own.
 */
gboolean
atlas_dataset_export_bundled (GFile   *directory,
                              GError **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  if (!g_file_make_directory_with_parents (directory, NULL, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return FALSE;
      g_clear_error (error);
    }

  names = g_resources_enumerate_children (RESOURCE_PREFIX "/dataset/",
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = bundled_path (names[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         error);
      g_autoptr(GFile) file = g_file_get_child (directory, names[i]);

      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* One error that stands for all the problems found in where. */
GError *
atlas_dataset_summarize (GPtrArray  *problems,
                         const char *where)
{
  g_return_val_if_fail (problems != NULL && problems->len > 0, NULL);

  return g_error_new (ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_INVALID,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "%u problem in the dataset %s",
                                   "%u problems in the dataset %s", problems->len),
                      problems->len, where);
}
