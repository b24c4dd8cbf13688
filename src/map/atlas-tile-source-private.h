/* atlas-tile-source-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-tile-source.h"

G_BEGIN_DECLS

const char *_atlas_tile_source_get_user_agent   (void);
char       *_atlas_tile_source_expand_template  (const char      *url_template,
                                                 int              x,
                                                 int              y,
                                                 int              zoom_level);

/* For the tests. */
const char *_atlas_tile_source_get_url_template (AtlasTileSource *self);

G_END_DECLS
