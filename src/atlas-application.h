/* atlas-application.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-dataset-source.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_APPLICATION (atlas_application_get_type ())

G_DECLARE_FINAL_TYPE (AtlasApplication, atlas_application, ATLAS, APPLICATION, AdwApplication)

AtlasApplication *atlas_application_new         (void);
GSettings        *atlas_application_get_settings (AtlasApplication *self);
AtlasDatasetSource *atlas_application_get_source (AtlasApplication *self);

G_END_DECLS
