/* atlas-search.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *atlas_search_fold    (const char  *text);
char    **atlas_search_parse   (const char  *query);
gboolean  atlas_search_matches (const char  *folded_text,
                                const char * const *folded_words);

G_END_DECLS
