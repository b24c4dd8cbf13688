/* atlas-history.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_HISTORY (atlas_history_get_type ())

G_DECLARE_FINAL_TYPE (AtlasHistory, atlas_history, ATLAS, HISTORY, GObject)

AtlasHistory *atlas_history_new            (void);
void          atlas_history_push           (AtlasHistory *self,
                                            const char   *id);
const char   *atlas_history_get_current    (AtlasHistory *self);
gboolean      atlas_history_can_go_back    (AtlasHistory *self);
gboolean      atlas_history_can_go_forward (AtlasHistory *self);
const char   *atlas_history_go_back        (AtlasHistory *self);
const char   *atlas_history_go_forward     (AtlasHistory *self);

G_END_DECLS
