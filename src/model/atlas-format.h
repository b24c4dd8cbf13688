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

char *atlas_format_date        (const GDate        *date,
                                AtlasDatePrecision  precision,
                                AtlasLanguage       language);
char *atlas_format_number      (double              value,
                                guint               decimals,
                                AtlasLanguage       language);
char *atlas_format_area        (double              km2,
                                AtlasLanguage       language);
char *atlas_format_coordinates (double              latitude,
                                double              longitude,
                                AtlasLanguage       language);
char *atlas_format_precision   (double              metres,
                                AtlasLanguage       language);

G_END_DECLS
