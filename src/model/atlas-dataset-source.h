/* atlas-dataset-source.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  /* The dataset shows what the folder (or the bundled copy) holds. */
  ATLAS_DATASET_STATUS_OK,
  /* The folder has problems; the dataset still shows its last good version. */
  ATLAS_DATASET_STATUS_STALE,
  /* The folder has problems and never loaded: nothing of it can be shown. */
  ATLAS_DATASET_STATUS_FAILED,
  /* The folder is being loaded for the first time: the dataset still holds
   * whatever was shown before it.
   */
  ATLAS_DATASET_STATUS_LOADING,
} AtlasDatasetStatus;

#define ATLAS_TYPE_DATASET_SOURCE (atlas_dataset_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDatasetSource, atlas_dataset_source, ATLAS, DATASET_SOURCE, GObject)

AtlasDatasetSource  *atlas_dataset_source_new          (void);
AtlasDataset        *atlas_dataset_source_get_dataset  (AtlasDatasetSource *self);
GFile               *atlas_dataset_source_get_folder   (AtlasDatasetSource *self);
void                 atlas_dataset_source_set_folder   (AtlasDatasetSource *self,
                                                        GFile              *folder);
AtlasDatasetStatus   atlas_dataset_source_get_status   (AtlasDatasetSource *self);
const char * const  *atlas_dataset_source_get_problems (AtlasDatasetSource *self);
gboolean             atlas_dataset_source_get_loading  (AtlasDatasetSource *self);
double               atlas_dataset_source_get_progress (AtlasDatasetSource *self);

G_END_DECLS
