/* atlas-preferences-dialog.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_PREFERENCES_DIALOG (atlas_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPreferencesDialog, atlas_preferences_dialog, ATLAS, PREFERENCES_DIALOG, AdwPreferencesWindow)

AtlasPreferencesDialog *atlas_preferences_dialog_new (GSettings *settings);

G_END_DECLS
