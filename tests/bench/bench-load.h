/* bench-load.h: the dataset a benchmark runs on, as the app loads it.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>

#include <gio/gio.h>

#include "atlas-dataset-loader.h"

/* The dataset of a folder, or the bundled one for NULL; a benchmark
 * without its data has nothing to measure, so it exits.
 */
static inline AtlasDataset *
bench_load (const char *dir)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  AtlasDataset *dataset;

  if (dir == NULL)
    dataset = atlas_dataset_load_bundled (problems);
  else
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (dir);

      dataset = atlas_dataset_load_directory (folder, problems);
    }

  if (dataset == NULL)
    {
      g_printerr ("%s: %u problems, first: %s\n", dir ? dir : "bundled", problems->len,
                  ((GError *) g_ptr_array_index (problems, 0))->message);
      exit (1);
    }

  return dataset;
}
