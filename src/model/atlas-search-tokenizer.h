/* atlas-search-tokenizer.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One token: its folded form (folded_length bytes, NUL-terminated, valid
 * only during the call) and where it stands in the original text, as byte
 * offsets [start, end). Returns FALSE to stop the tokenizing.
 */
typedef gboolean (*AtlasSearchTokenFunc) (const char *folded,
                                          gsize       folded_length,
                                          gsize       start,
                                          gsize       end,
                                          gpointer    user_data);

void     atlas_search_tokenize         (const char           *text,
                                        gssize                length,
                                        AtlasSearchTokenFunc  func,
                                        gpointer              user_data);
gboolean atlas_search_is_syllable_char (gunichar              c);

G_END_DECLS
