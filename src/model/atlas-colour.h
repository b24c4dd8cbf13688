/* atlas-colour.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A colour as the dataset writes it, each channel from 0 to 1 as cairo and
 * GdkRGBA take it. The model has its own type so that it needs no GDK. */
typedef struct
{
  double red;
  double green;
  double blue;
} AtlasColour;

gboolean atlas_colour_parse (AtlasColour *colour,
                             const char  *string);

G_END_DECLS
