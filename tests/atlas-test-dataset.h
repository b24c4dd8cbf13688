/* atlas-test-dataset.h: helpers shared by the tests of the dataset loader.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-dataset-loader-private.h"

static inline GPtrArray *
atlas_test_new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

static inline void
atlas_test_assert_no_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

static inline char *
atlas_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "datasets", name, NULL);
}

static inline GBytes *
atlas_test_read_fixture_file (const char *name)
{
  g_autofree char *path = atlas_test_fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* The ids of an array of articles or places, space-separated. */
static inline char *
atlas_test_join_ids (GPtrArray *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *id = NULL;

      g_object_get (g_ptr_array_index (items, i), "id", &id, NULL);
      g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);

  return g_strjoinv (" ", ids);
}

/* The problems' messages, one per line. */
static inline char *
atlas_test_join_problems (GPtrArray *problems)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);

      g_assert_true (problem->domain == ATLAS_DATASET_ERROR);
      g_string_append_printf (joined, "%s%s", i > 0 ? "\n" : "", problem->message);
    }

  return g_string_free (joined, FALSE);
}

typedef AtlasDataset *(*AtlasTestLoadFunc) (gconstpointer data,
                                            GPtrArray    *problems);

/* The dataset is refused with exactly the problems expected, whether its
 * items are read from json-glib's whole tree or while json-glib makes
 * them (however few they are).
 */
static inline void
atlas_test_assert_refused (AtlasTestLoadFunc  load,
                           gconstpointer      data,
                           const char        *expected)
{
  static const guint min_items_to_stream[] = { G_MAXUINT, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (min_items_to_stream); i++)
    {
      g_autoptr(GPtrArray) problems = atlas_test_new_problems ();
      g_autoptr(AtlasDataset) dataset = NULL;
      g_autofree char *actual = NULL;

      _atlas_dataset_loader_set_min_items_to_stream (min_items_to_stream[i]);
      dataset = load (data, problems);
      actual = atlas_test_join_problems (problems);

      g_test_message ("items read as made from %u", min_items_to_stream[i]);
      g_assert_null (dataset);
      g_assert_cmpstr (actual, ==, expected);
    }
  _atlas_dataset_loader_set_min_items_to_stream (0);
}

/* An AtlasTestLoadFunc: data is an array of ATLAS_DATASET_N_FILES bytes. */
static inline AtlasDataset *
atlas_test_load_files (gconstpointer  files,
                       GPtrArray     *problems)
{
  return atlas_dataset_load_bytes ((GBytes * const *) files, problems);
}
