/* atlas-start-page-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-start-page.h"

G_BEGIN_DECLS

gboolean _atlas_start_page_get_pending (AtlasStartPage *self);

G_END_DECLS
