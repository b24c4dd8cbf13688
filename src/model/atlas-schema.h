/* atlas-schema.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-schema-reader.h"

G_BEGIN_DECLS

/* The schema of each file of a dataset: each reads one item (or, for
 * dataset.json, the root) with the path of the reader pointing at it, and
 * reports everything wrong with it. An item is returned, with what could
 * be read of it, whenever it is an object at all, so that references to
 * it can be checked.
 */
void     atlas_schema_read_dataset_info (AtlasSchemaReader *r,
                                         JsonNode          *root);
gpointer atlas_schema_read_geopark      (AtlasSchemaReader *r,
                                         JsonObject        *item);
gpointer atlas_schema_read_place        (AtlasSchemaReader *r,
                                         JsonObject        *item);
gpointer atlas_schema_read_article      (AtlasSchemaReader *r,
                                         JsonObject        *item);

G_END_DECLS
