/* atlas-dataset-bundled.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-dataset-bundled"

#include "config.h"

#include "atlas-dataset-loader.h"

/* The dataset compiled into the application as a GResource: loaded ahead
 * at start-up, loaded when no folder is chosen, and written out as a
 * starting point for a staff member's own folder.
 */

static void
clear_files (GBytes **files)
{
  for (guint f = 0; f < ATLAS_DATASET_N_FILES; f++)
    g_clear_pointer (&files[f], g_bytes_unref);
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
      g_autofree char *path = bundled_path (atlas_dataset_file_get_name (f));

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
 * atlas_dataset_load_bundled(): at start-up the main thread initializes
 * GTK meanwhile. Call it once the language is set, as problems are
 * translated in the thread (and the environment must not change while it
 * runs: PLATFORM.md §5).
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
