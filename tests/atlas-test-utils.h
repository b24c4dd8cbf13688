/* atlas-test-utils.h: helpers shared by the tests.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "atlas-dataset-loader.h"
#include "atlas-dataset-source.h"

/* A fresh folder holding a copy of the fixture dataset `name`. */
static inline char *
atlas_test_copy_dataset (const char *name)
{
  static const char *files[] = { "dataset.json", "geoparks.json", "places.json", "news.json" };
  g_autofree char *dir = g_dir_make_tmp ("atlas-dataset-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_test_build_filename (G_TEST_DIST, "fixtures", "datasets", name,
                                                     files[i], NULL);
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }

  return g_steal_pointer (&dir);
}

/* The bundled dataset's file, as a JSON tree to edit. */
static inline JsonNode *
atlas_test_bundled_json (AtlasDatasetFile file)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/dataset/",
                                       atlas_dataset_file_get_name (file), NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert_nonnull (bytes);
  return json_from_string (g_bytes_get_data (bytes, NULL), NULL);
}

/* The bundled dataset with one file's contents replaced by root, loaded
 * without a problem.
 */
static inline AtlasDataset *
atlas_test_load_bundled_with (AtlasDatasetFile  replaced,
                              JsonNode         *root)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *text = json_to_string (root, FALSE);
  GBytes *files[ATLAS_DATASET_N_FILES];
  AtlasDataset *dataset;

  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/dataset/",
                                           atlas_dataset_file_get_name (f), NULL);

      files[f] = f == replaced ? g_bytes_new (text, strlen (text)) :
                                 g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }

  dataset = atlas_dataset_load_bytes ((GBytes * const *) files, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_bytes_unref (files[f]);

  return dataset;
}

/* A folder of n news items, each a copy of the valid fixture's first. */
static inline char *
atlas_test_make_large_dataset (guint n)
{
  g_autofree char *dir = atlas_test_copy_dataset ("valid");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (dir, "news.json", NULL);
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *first = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  first = json_to_string (json_array_get_element (json_object_get_array_member (root, "items"), 0),
                          FALSE);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *copy = json_from_string (first, NULL);
      JsonObject *item = json_node_get_object (copy);
      g_autofree char *id = g_strdup_printf ("%s-%u", json_object_get_string_member (item, "id"), i);

      json_object_set_string_member (item, "id", id);
      json_array_add_element (items, copy);
    }
  json_object_set_array_member (root, "items", g_steal_pointer (&items));
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, NULL));

  return g_steal_pointer (&dir);
}

/* Writes a file of a dataset folder as an editor would. */
static inline void
atlas_test_write (const char *dir,
                  const char *file,
                  const char *contents)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static inline void
atlas_test_remove_dataset (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* Runs the main loop until the source has finished loading a folder. */
static inline void
atlas_test_wait_loaded (AtlasDatasetSource *source)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (atlas_dataset_source_get_loading (source) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_dataset_source_get_loading (source));
}
