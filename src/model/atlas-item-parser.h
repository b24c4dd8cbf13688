/* atlas-item-parser.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_ITEM_PARSER (atlas_item_parser_get_type ())

G_DECLARE_FINAL_TYPE (AtlasItemParser, atlas_item_parser, ATLAS, ITEM_PARSER, JsonParser)

/* Given each element of the root's "items" as soon as json-glib has made
 * it, with its index; it is dropped from the tree afterwards.
 */
typedef void (*AtlasItemParserItemFunc)     (JsonNode *item,
                                             guint     index,
                                             gpointer  user_data);

/* Told every few array elements made, with how many so far. */
typedef void (*AtlasItemParserProgressFunc) (guint     n_elements,
                                             gpointer  user_data);

AtlasItemParser *atlas_item_parser_new       (guint                        items_array,
                                              AtlasItemParserItemFunc      item_func,
                                              AtlasItemParserProgressFunc  progress_func,
                                              gpointer                     user_data);
JsonArray       *atlas_item_parser_get_items (AtlasItemParser             *self);

G_END_DECLS
