/* atlas-dataset-source-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-dataset-source.h"

G_BEGIN_DECLS

/* For the tests */
void _atlas_dataset_source_reload (AtlasDatasetSource *self);

G_END_DECLS
