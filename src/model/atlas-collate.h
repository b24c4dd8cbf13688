/* atlas-collate.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-text.h"

G_BEGIN_DECLS

char *atlas_collate_key (const char    *text,
                         AtlasLanguage  language);

G_END_DECLS
