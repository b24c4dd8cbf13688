/* atlas-i18n.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-text.h"

G_BEGIN_DECLS

void          atlas_i18n_init                  (void);
void          atlas_i18n_set_language          (const char *choice);
AtlasLanguage atlas_i18n_get_content_language  (void);

G_END_DECLS
