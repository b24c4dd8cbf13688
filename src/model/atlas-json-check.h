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

GQuark   atlas_json_error_quark (void);
gboolean atlas_json_check       (const char  *data,
                                 gsize        length,
                                 guint       *n_elements,
                                 guint       *error_line,
                                 guint       *error_column,
                                 GError     **error);

G_END_DECLS
