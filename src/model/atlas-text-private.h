/* atlas-text-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-text.h"

G_BEGIN_DECLS

/* For the tests */
const char *_atlas_language_to_code (AtlasLanguage language);

G_END_DECLS
