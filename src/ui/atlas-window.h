/* atlas-window.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-application.h"
#include "atlas-dataset-source.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow        *atlas_window_new        (AtlasApplication *application);
AtlasWindow        *atlas_window_new_replacing (AtlasWindow   *old);
void                atlas_window_open_map_package (AtlasWindow *self,
                                                   GFile       *file);

G_END_DECLS
