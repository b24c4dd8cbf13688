/* atlas-dataset-loader.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_DATASET_ERROR (atlas_dataset_error_quark ())

typedef enum
{
  ATLAS_DATASET_ERROR_IO,
  ATLAS_DATASET_ERROR_TOO_LARGE,
  ATLAS_DATASET_ERROR_ENCODING,
  ATLAS_DATASET_ERROR_SYNTAX,
  ATLAS_DATASET_ERROR_TYPE,
  ATLAS_DATASET_ERROR_MISSING,
  ATLAS_DATASET_ERROR_UNKNOWN_FIELD,
  ATLAS_DATASET_ERROR_VALUE,
  ATLAS_DATASET_ERROR_RANGE,
  ATLAS_DATASET_ERROR_DATE,
  ATLAS_DATASET_ERROR_DUPLICATE,
  ATLAS_DATASET_ERROR_REFERENCE,
  ATLAS_DATASET_ERROR_INVALID,
} AtlasDatasetError;

/* The files of a dataset folder, in the order they are read. */
typedef enum
{
  ATLAS_DATASET_FILE_DATASET,
  ATLAS_DATASET_FILE_GEOPARKS,
  ATLAS_DATASET_FILE_PLACES,
  ATLAS_DATASET_FILE_NEWS,
  ATLAS_DATASET_N_FILES
} AtlasDatasetFile;

#define ATLAS_DATASET_FORMAT 1

/* Called with how much of a load is done, from 0 to 1. */
typedef void (*AtlasDatasetProgressFunc) (double   fraction,
                                          gpointer user_data);

typedef struct
{
  GCancellable             *cancellable;
  AtlasDatasetProgressFunc  func;
  gpointer                  user_data;
} AtlasDatasetProgress;

GQuark        atlas_dataset_error_quark      (void);
const char   *atlas_dataset_file_get_name    (AtlasDatasetFile   file);
AtlasDataset *atlas_dataset_load_bytes       (GBytes * const    *files,
                                              GPtrArray         *problems);
AtlasDataset *atlas_dataset_load_directory   (GFile             *directory,
                                              GPtrArray         *problems);
AtlasDataset *atlas_dataset_load_directory_full (GFile                      *directory,
                                                 const AtlasDatasetProgress *progress,
                                                 GPtrArray                  *problems);
void          atlas_dataset_preload_bundled  (void);
AtlasDataset *atlas_dataset_load_bundled     (GPtrArray         *problems);
gboolean      atlas_dataset_export_bundled   (GFile             *directory,
                                              GError           **error);
GError       *atlas_dataset_summarize        (GPtrArray         *problems,
                                              const char        *where);

G_END_DECLS
