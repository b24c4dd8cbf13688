/* fuzz-dataset.c: libFuzzer target over the dataset loader.
 *
 * The first byte of the input picks which file of the dataset the rest
 * replaces; the other files are the bundled ones, so that references and
 * duplicate ids across files are exercised too. When the byte's next bit is
 * set, the files are loaded again with their items read while json-glib
 * makes them, however few: the same problems in the same order. The same
 * bytes also go
 * through the check the loader makes before json-glib parses a file:
 * whatever it accepts, json-glib must parse, making as many array elements
 * as the check counted, the root's "items" where the check found it (the
 * loader's progress and its reading of items while json-glib makes them
 * count on both).
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-dataset"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdint.h>

#include "atlas-dataset-loader-private.h"
#include "atlas-item-parser-private.h"
#include "atlas-json-check.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GBytes *bundled[ATLAS_DATASET_N_FILES];

static void
on_item (JsonNode *item,
         guint     index,
         gpointer  user_data)
{
  guint *n_items = user_data;

  g_assert (index == *n_items);
  (*n_items)++;
}

static void
compare_with_json_glib (const char *text,
                        gsize       length)
{
  g_autoptr(AtlasItemParser) parser = NULL;
  AtlasJsonCounts counts;
  guint n_items = 0;
  JsonNode *root;
  JsonNode *items;

  if (!g_utf8_validate_len (text, length, NULL) ||
      !atlas_json_check (text, length, &counts, NULL, NULL, NULL))
    return;

  parser = atlas_item_parser_new (counts.items_array, on_item, NULL, &n_items);
  g_assert (json_parser_load_from_data (JSON_PARSER (parser), text, length, NULL));
  g_assert (_atlas_item_parser_get_n_elements (parser) == counts.n_elements);
  g_assert (n_items == counts.n_items);
  if (counts.items_array == 0)
    return;

  root = json_parser_get_root (JSON_PARSER (parser));
  items = json_object_get_member (json_node_get_object (root), "items");
  g_assert (JSON_NODE_HOLDS_ARRAY (items));
  g_assert (json_node_get_array (items) == atlas_item_parser_get_items (parser));
}

/* The problems' messages, one per line. */
static char *
join_problems (GPtrArray *problems)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (joined, "%s\n", ((GError *) g_ptr_array_index (problems, i))->message);

  return g_string_free (joined, FALSE);
}

static void
compare_streamed (GBytes * const *files,
                  GPtrArray      *problems)
{
  g_autoptr(GPtrArray) streamed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *expected = join_problems (problems);
  g_autofree char *found = NULL;

  _atlas_dataset_loader_set_min_items_to_stream (1);
  dataset = atlas_dataset_load_bytes (files, streamed);
  _atlas_dataset_loader_set_min_items_to_stream (0);

  found = join_problems (streamed);
  g_assert (g_str_equal (found, expected));
}

static void
load_bundled_files (void)
{
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/dataset/",
                                           atlas_dataset_file_get_name (f), NULL);

      bundled[f] = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bundled[f] != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GBytes) input = NULL;
  GBytes *files[ATLAS_DATASET_N_FILES];
  guint target;

  if (size < 1)
    return 0;

  if (bundled[0] == NULL)
    load_bundled_files ();

  target = data[0] % ATLAS_DATASET_N_FILES;
  input = g_bytes_new (data + 1, size - 1);
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    files[f] = f == target ? input : bundled[f];

  dataset = atlas_dataset_load_bytes ((GBytes * const *) files, problems);
  if ((data[0] / ATLAS_DATASET_N_FILES) & 1)
    compare_streamed ((GBytes * const *) files, problems);
  compare_with_json_glib ((const char *) data + 1, size - 1);

  /* Either a dataset or problems, never both, never neither. */
  g_assert ((dataset == NULL) == (problems->len > 0));
  for (guint i = 0; i < problems->len; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);

      g_assert (problem->domain == ATLAS_DATASET_ERROR);
      g_assert (g_utf8_validate (problem->message, -1, NULL));
    }

  return 0;
}
