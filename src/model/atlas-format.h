/* atlas-format.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-article.h"
#include "atlas-text.h"

G_BEGIN_DECLS

char *atlas_format_date (const GDate        *date,
                         AtlasDatePrecision  precision,
                         AtlasLanguage       language);

G_END_DECLS
