/* atlas-wrap-box.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_WRAP_BOX (atlas_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWrapBox, atlas_wrap_box, ATLAS, WRAP_BOX, GtkWidget)

void       atlas_wrap_box_set_spacing (AtlasWrapBox *self,
                                       int           spacing);
void       atlas_wrap_box_append     (AtlasWrapBox *self,
                                      GtkWidget    *child);
void       atlas_wrap_box_remove_all (AtlasWrapBox *self);

G_END_DECLS
