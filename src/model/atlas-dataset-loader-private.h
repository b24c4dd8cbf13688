/* atlas-dataset-loader-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-dataset-loader.h"

G_BEGIN_DECLS

void _atlas_dataset_loader_set_n_threads             (guint n_threads);
void _atlas_dataset_loader_set_min_items_to_stream (guint n_items);

G_END_DECLS
