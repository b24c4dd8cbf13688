/* fuzz-dataset.c: libFuzzer target over the dataset loader.
 *
 * The first byte of the input picks which file of the dataset the rest
 * replaces; the other files are the bundled ones, so that references and
 * duplicate ids across files are exercised too. When the byte's next bit is
 * set, the files are also read in three threads (every file's items and
 * UTF-8 shared out, small as they are), which must find the same problems
 * in the same order. The same bytes also go through our JSON reader alone,
 * into one document reused from input to input: whatever it accepts,
 * json-glib must read as the same tree, its members in the same order.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "atlas-dataset-loader-private.h"
#include "atlas-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GBytes *bundled[ATLAS_DATASET_N_FILES];
static AtlasJsonDocument *document;

/* Whether the text holds a run of digits that may be an integer beyond 64
 * bits: we read such a number as a double (tests/test-json.c), json-glib
 * 1.6 as the 64-bit integer its scanner wrapped it to (-1 for
 * 3333333333333333333333).
 */
static gboolean
has_huge_integer (const char *text,
                  gsize       length)
{
  gsize run = 0;

  for (gsize i = 0; i < length; i++)
    {
      run = g_ascii_isdigit (text[i]) ? run + 1 : 0;
      if (run >= 19)
        return TRUE;
    }

  return FALSE;
}

static void
compare_with_json_glib (const char *text,
                        gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) ours = NULL;
  g_autofree char *ours_text = NULL;
  g_autofree char *theirs_text = NULL;
  const AtlasJsonValue *root;

  if (!g_utf8_validate_len (text, length, NULL) || has_huge_integer (text, length))
    return;

  if (document == NULL)
    document = atlas_json_document_new ();
  root = atlas_json_document_parse (document, text, length, NULL, NULL, NULL, NULL, NULL);
  if (root == NULL)
    return;

  ours = atlas_json_value_to_node (root);
  g_assert (json_parser_load_from_data (parser, text, length, NULL));
  g_assert (json_node_equal (ours, json_parser_get_root (parser)));

  /* json_node_equal() does not look at the order of members. */
  ours_text = json_to_string (ours, FALSE);
  theirs_text = json_to_string (json_parser_get_root (parser), FALSE);
  g_assert (g_str_equal (ours_text, theirs_text));
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

/* Loads the files in three threads: the same problems as in one. */
static void
compare_with_threads (GBytes * const *files,
                      GPtrArray      *problems)
{
  g_autoptr(GPtrArray) threaded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *expected = join_problems (problems);
  g_autofree char *found = NULL;

  _atlas_dataset_loader_set_n_threads (3);
  dataset = atlas_dataset_load_bytes (files, threaded);
  _atlas_dataset_loader_set_n_threads (0);

  found = join_problems (threaded);
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
    compare_with_threads ((GBytes * const *) files, problems);
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
