/* atlas-caption-card-private.h: what only the tests look at.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-caption-card.h"
#include "atlas-caption-fit.h"

G_BEGIN_DECLS

GtkLabel              *_atlas_caption_card_get_title_label (AtlasCaptionCard *self);
const AtlasCaptionFit *_atlas_caption_card_get_fit         (AtlasCaptionCard *self);

G_END_DECLS
