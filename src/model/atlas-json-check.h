/* atlas-json-check.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_JSON_ERROR (atlas_json_error_quark ())

typedef enum
{
  /* Not JSON (RFC 8259): the message says where and why. */
  ATLAS_JSON_ERROR_SYNTAX,
  /* JSON, but nested deeper than a dataset ever needs. */
  ATLAS_JSON_ERROR_DEPTH,
} AtlasJsonError;

/* What json-glib's parser will make of a text that passed the check. */
typedef struct
{
  /* How many elements all the arrays have together: as many times as the
   * parser emits JsonParser::array-element.
   */
  guint n_elements;
  /* Which of the arrays that are members of the root object, counting
   * from 1 in the order they start, is the root's "items" (the last member
   * of that name, as in json-glib), and how many elements it has; 0 when
   * the root has no such array or a member's name is written with escapes.
   */
  guint items_array;
  guint n_items;
} AtlasJsonCounts;

GQuark   atlas_json_error_quark (void);
gboolean atlas_json_check       (const char       *data,
                                 gsize             length,
                                 AtlasJsonCounts  *counts,
                                 guint            *error_line,
                                 guint            *error_column,
                                 GError          **error);

G_END_DECLS
