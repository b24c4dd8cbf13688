/* atlas-item-parser-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-item-parser.h"

G_BEGIN_DECLS

guint _atlas_item_parser_get_n_elements (AtlasItemParser *self);

G_END_DECLS
