/* atlas-presenter-private.h: what only the tests look at.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-presenter.h"

G_BEGIN_DECLS

GtkWidget *_atlas_presenter_get_caption_card (AtlasPresenter *self);

G_END_DECLS
