/* atlas-dataset-loader.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-dataset-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "atlas-article.h"
#include "atlas-dataset-loader-private.h"
#include "atlas-dataset-private.h"
#include "atlas-geopark.h"
#include "atlas-item-parser.h"
#include "atlas-json-check.h"
#include "atlas-place.h"
#include "atlas-schema.h"

/* Reads a dataset folder (or the bundled copy) into our objects: each file
 * checked as JSON (atlas-json-check.c), parsed by json-glib, then read item
 * by item with the schema of its type (atlas-schema-*.c), which reports
 * everything a staff member could get wrong by hand. Nothing stops at the
 * first problem; a dataset is only made when there is no problem at all.
 *
 * A load runs in the thread that calls it: the window loads a folder in a
 * worker thread (atlas-dataset-source.c), which gets the progress and may
 * cancel; the bundled dataset is preloaded in a thread of its own at
 * start-up.
 */

G_DEFINE_QUARK (atlas-dataset-error-quark, atlas_dataset_error)

/* Sane sizes: generous for ten years of news, small enough that a broken
 * file cannot take the machine down.
 */
#define MAX_FILE_SIZE       (256 * 1024 * 1024)
#define MAX_ITEMS           1000000

/* Reading the files is most of a load; the indexes and search texts made
 * afterwards are the rest. Within a file, json-glib's parse and the
 * reading of the items share the file's part about evenly; the check of
 * the text before them is quick.
 */
#define READING_SHARE  0.75
#define CHECKED_SHARE  0.05
#define PARSED_SHARE   0.55

/* The items of a file with this many or more are read while json-glib
 * makes them (atlas-item-parser.c): the tree of a large file then never
 * exists whole. For fewer, it does not pay for the signals it takes for
 * every object and array.
 */
#define MIN_ITEMS_TO_STREAM 1000

/* The search index is made in a thread of its own, while the dataset's
 * other indexes are made, for this many items or more.
 */
#define MIN_ITEMS_FOR_INDEX_THREAD 2000

static const char *file_names[ATLAS_DATASET_N_FILES] = {
  "dataset.json", "geoparks.json", "places.json", "news.json",
};

const char *
atlas_dataset_file_get_name (AtlasDatasetFile file)
{
  g_return_val_if_fail (file < ATLAS_DATASET_N_FILES, NULL);

  return file_names[file];
}

/* 0, or how many threads every load uses whatever its size (for the tests). */
static guint forced_n_threads;

/* 0, or from how many items every load reads them as json-glib makes them
 * (for the tests).
 */
static guint forced_min_items_to_stream;

/* With 2 or more, every load from now on makes the search index in a
 * thread of its own; with 1, in the thread that loads; 0 goes back to
 * choosing by the number of items.
 */
void
_atlas_dataset_loader_set_n_threads (guint n_threads)
{
  g_atomic_int_set (&forced_n_threads, n_threads);
}

/* Makes every load from now on read the items of files of at least
 * n_items items while json-glib makes them; 0 goes back to the default.
 */
void
_atlas_dataset_loader_set_min_items_to_stream (guint n_items)
{
  g_atomic_int_set (&forced_min_items_to_stream, n_items);
}

static guint
min_items_to_stream (void)
{
  guint forced = g_atomic_int_get (&forced_min_items_to_stream);

  return forced > 0 ? forced : MIN_ITEMS_TO_STREAM;
}

static gboolean
index_in_thread (guint n_items)
{
  guint forced = g_atomic_int_get (&forced_n_threads);

  if (forced > 0)
    return forced > 1;

  return n_items >= MIN_ITEMS_FOR_INDEX_THREAD && g_get_num_processors () > 1;
}

typedef gpointer (*ReadItemFunc) (AtlasSchemaReader *r,
                                  JsonObject        *item);

/* One load: where it reads, how far it is and whether to stop. */
typedef struct
{
  AtlasSchemaReader           reader;
  const AtlasDatasetProgress *progress;

  gsize            total_bytes;
  gsize            done_bytes;       /* of the files read before this one */
  gsize            file_bytes;       /* of this one */
  int              reported_permille;

  /* While json-glib parses the current file. */
  AtlasJsonCounts  counts;           /* what the check found it will make */
  double           parsed_share;     /* of the file, once parsed */

  /* The items read while json-glib makes them, and their problems, to be
   * taken in file order once the root is read.
   */
  ReadItemFunc     read_item;
  JsonArray       *streamed;         /* the root's "items", emptied */
  GPtrArray       *items;
  GPtrArray       *item_problems;
} Load;

static gboolean
cancelled (Load *load)
{
  return load->progress != NULL && g_cancellable_is_cancelled (load->progress->cancellable);
}

/* Reports that file_fraction of the current file is done. */
static void
advance (Load   *load,
         double  file_fraction)
{
  double done;
  int permille;

  if (load->progress == NULL || load->progress->func == NULL || load->total_bytes == 0 ||
      cancelled (load))
    return;

  done = load->done_bytes + load->file_bytes * CLAMP (file_fraction, 0.0, 1.0);
  /* A thousand calls at most, whatever the size. */
  permille = (int) (1000.0 * READING_SHARE * done / load->total_bytes);
  if (permille > load->reported_permille)
    {
      load->reported_permille = permille;
      load->progress->func (permille / 1000.0, load->progress->user_data);
    }
}

/* Reads the item at index of the root's "items", at the current path
 * "$.items".
 */
static void
read_item (Load     *load,
           JsonNode *node,
           guint     index)
{
  AtlasSchemaReader *r = &load->reader;
  gsize mark = atlas_schema_reader_push_index (r, index);
  JsonObject *item = atlas_schema_reader_expect_object (r, node);

  if (item != NULL)
    g_ptr_array_add (load->items, load->read_item (r, item));
  atlas_schema_reader_pop (r, mark);
}

/* An item of the root's "items", as soon as json-glib has made it: its
 * problems are kept apart, to be put after the root's own.
 */
static void
on_item_parsed (JsonNode *item,
                guint     index,
                gpointer  user_data)
{
  Load *load = user_data;
  AtlasSchemaReader *r = &load->reader;
  GPtrArray *problems = r->problems;

  if (cancelled (load))
    return;

  r->problems = load->item_problems;
  g_string_assign (r->path, "$.items");
  read_item (load, item, index);
  g_string_assign (r->path, "$");
  r->problems = problems;
}

static void
on_elements_parsed (guint    n_elements,
                    gpointer user_data)
{
  Load *load = user_data;

  advance (load, CHECKED_SHARE + (load->parsed_share - CHECKED_SHARE) *
                 n_elements / load->counts.n_elements);
}

/* A parser for the current file, which hands out its items as it makes
 * them when that pays (too many items are refused unread, once the root is
 * read), and tells the progress when there is someone to tell.
 */
static JsonParser *
new_parser (Load *load)
{
  gboolean streams = load->read_item != NULL && load->counts.items_array > 0 &&
                     load->counts.n_items >= min_items_to_stream () &&
                     load->counts.n_items <= MAX_ITEMS;

  load->parsed_share = streams ? 1.0 : CHECKED_SHARE + PARSED_SHARE;
  if (!streams && load->progress == NULL)
    return json_parser_new ();

  return JSON_PARSER (atlas_item_parser_new (streams ? load->counts.items_array : 0,
                                             on_item_parsed, on_elements_parsed, load));
}

/* Checks the bytes of one file and parses them; NULL (reported) if they
 * cannot be read as JSON at all.
 */
static JsonNode *
parse_file (Load   *load,
            GBytes *bytes)
{
  AtlasSchemaReader *r = &load->reader;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  const char *end;
  guint line = 0;
  guint column = 0;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (size > MAX_FILE_SIZE)
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_TOO_LARGE,
                                  _("the file is larger than %u MiB"),
                                  MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* An editor that saves by truncating first leaves this for a moment. */
  if (size == 0)
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_SYNTAX, _("the file is empty"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, size, &end))
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_ENCODING,
                                  _("the file is not valid UTF-8 text (at byte %lu)"),
                                  (unsigned long) (end - data));
      return NULL;
    }

  if (!atlas_json_check (data, size, &load->counts, &line, &column, &error))
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_SYNTAX,
                                  _("not valid JSON at line %u, column %u: %s"),
                                  line, column, error->message);
      return NULL;
    }
  advance (load, CHECKED_SHARE);

  /* Only what json-glib itself refuses of what the check let through. */
  parser = new_parser (load);
  if (!json_parser_load_from_data (parser, data, size, &error))
    {
      atlas_schema_reader_report (r, ATLAS_DATASET_ERROR_SYNTAX, _("not valid JSON: %s"),
                                  error->message);
      return NULL;
    }
  advance (load, load->parsed_share);

  if (ATLAS_IS_ITEM_PARSER (parser))
    load->streamed = atlas_item_parser_get_items (ATLAS_ITEM_PARSER (parser));

  return json_parser_steal_root (parser);
}

/* The items of array, not read while json-glib made them. */
static void
read_unstreamed_items (Load      *load,
                       JsonArray *array)
{
  guint length = json_array_get_length (array);
  double start = load->parsed_share;

  for (guint i = 0; i < length && !cancelled (load); i++)
    {
      read_item (load, json_array_get_element (array, i), i);
      advance (load, start + (1.0 - start) * (i + 1) / length);
    }
}

/* {"$schema": "…", "items": [ … ]}: reads every item, keeping the ones
 * that could be read at all so that references to them can be checked.
 * NULL when the file has no list of items to speak of.
 */
static GPtrArray *
read_items (Load     *load,
            JsonNode *root)
{
  static const char *known[] = { "$schema", "items", NULL };
  AtlasSchemaReader *r = &load->reader;
  JsonObject *object = atlas_schema_reader_expect_object (r, root);
  JsonArray *array;
  JsonNode *node;
  gsize mark;

  if (object == NULL)
    return NULL;

  atlas_schema_reader_check_fields (r, object, known);
  g_free (atlas_schema_reader_string (r, object, "$schema", FALSE));

  node = atlas_schema_reader_member (r, object, "items", TRUE);
  if (node == NULL)
    return NULL;

  mark = atlas_schema_reader_push_member (r, "items");
  array = atlas_schema_reader_expect_array (r, node, 0, MAX_ITEMS);
  if (array != NULL && array == load->streamed)
    g_ptr_array_extend_and_steal (r->problems, g_steal_pointer (&load->item_problems));
  else if (array != NULL)
    read_unstreamed_items (load, array);
  atlas_schema_reader_pop (r, mark);

  return array != NULL ? g_steal_pointer (&load->items) : NULL;
}

/* Checks every reference against the ids of the files that could be read:
 * a file that is not JSON at all is one problem, not one per reference.
 */
static void
check_references (AtlasSchemaReader *r,
                  GHashTable *types,
                  const GType unreadable_types[ATLAS_DATASET_N_FILES])
{
  for (guint i = 0; i < r->references->len; i++)
    {
      AtlasSchemaReference *reference = g_ptr_array_index (r->references, i);
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
make_dataset (GPtrArray **items)
{
  guint n_items = items[ATLAS_DATASET_FILE_PLACES]->len + items[ATLAS_DATASET_FILE_NEWS]->len;

  return _atlas_dataset_new_take (g_steal_pointer (&items[ATLAS_DATASET_FILE_GEOPARKS]),
                                  g_steal_pointer (&items[ATLAS_DATASET_FILE_PLACES]),
                                  g_steal_pointer (&items[ATLAS_DATASET_FILE_NEWS]),
                                  index_in_thread (n_items));
}

/* Reads file f of files into items[f]; FALSE when it could not be read
 * as a file of its kind at all.
 */
static gboolean
read_file (Load             *load,
           GBytes           *bytes,
           AtlasDatasetFile  f,
           GPtrArray        *items)
{
  static const ReadItemFunc readers[ATLAS_DATASET_N_FILES] = {
    NULL, atlas_schema_read_geopark, atlas_schema_read_place, atlas_schema_read_article,
  };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) read = NULL;

  load->file_bytes = g_bytes_get_size (bytes);
  load->read_item = readers[f];
  load->streamed = NULL;
  load->items = g_ptr_array_new_with_free_func (g_object_unref);
  load->item_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  atlas_schema_reader_start_file (&load->reader, file_names[f]);
  root = parse_file (load, bytes);

  if (root != NULL && !cancelled (load) && readers[f] == NULL)
    atlas_schema_read_dataset_info (&load->reader, root);
  else if (root != NULL && !cancelled (load))
    read = read_items (load, root);

  g_clear_pointer (&load->items, g_ptr_array_unref);
  g_clear_pointer (&load->item_problems, g_ptr_array_unref);

  if (root == NULL || (readers[f] != NULL && read == NULL && !cancelled (load)))
    return FALSE;

  if (read != NULL)
    g_ptr_array_extend_and_steal (items, g_steal_pointer (&read));
  return TRUE;
}

static AtlasDataset *
load_bytes (GBytes * const             *files,
            const AtlasDatasetProgress *progress,
            GPtrArray                  *problems)
{
  const GType item_types[ATLAS_DATASET_N_FILES] = {
    G_TYPE_NONE, ATLAS_TYPE_GEOPARK, ATLAS_TYPE_PLACE, ATLAS_TYPE_ARTICLE,
  };
  GType unreadable_types[ATLAS_DATASET_N_FILES] = { 0, };
  GPtrArray *items[ATLAS_DATASET_N_FILES] = { NULL, };
  AtlasDataset *dataset = NULL;
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_problems = problems->len;
  gboolean all_files = TRUE;
  Load load = { .progress = progress };

  atlas_schema_reader_init (&load.reader, problems);
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    load.total_bytes += files[f] != NULL ? g_bytes_get_size (files[f]) : 0;

  for (guint f = 0; f < ATLAS_DATASET_N_FILES && !cancelled (&load); f++)
    {
      items[f] = g_ptr_array_new_with_free_func (g_object_unref);
      all_files &= files[f] != NULL;
      if (files[f] == NULL || !read_file (&load, files[f], f, items[f]))
        unreadable_types[f] = item_types[f];
      load.done_bytes += files[f] != NULL ? g_bytes_get_size (files[f]) : 0;
    }

  if (cancelled (&load))
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
      check_references (&load.reader, types, unreadable_types);
    }

  if (all_files && problems->len == n_problems)
    dataset = make_dataset (items);

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_clear_pointer (&items[f], g_ptr_array_unref);
  atlas_schema_reader_clear (&load.reader);

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
