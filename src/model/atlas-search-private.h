/* atlas-search-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-search.h"

G_BEGIN_DECLS

/* For the tests */
void     _atlas_search_fold_append (GString    *folded,
                                    const char *text);
gboolean _atlas_search_matches     (const char         *folded_text,
                                    const char * const *folded_words);

G_END_DECLS
