/* atlas-caption-card.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-item-view.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CAPTION_CARD (atlas_caption_card_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCaptionCard, atlas_caption_card, ATLAS, CAPTION_CARD, AtlasItemView)

GtkWidget *atlas_caption_card_new            (AtlasDataset     *dataset);
void       atlas_caption_card_set_step       (AtlasCaptionCard *self,
                                              guint             position,
                                              guint             n_steps);
void       atlas_caption_card_set_text_scale (AtlasCaptionCard *self,
                                              double            scale);
void       atlas_caption_card_set_room       (AtlasCaptionCard *self,
                                              int               width,
                                              int               height);
void       atlas_caption_card_get_map_insets (AtlasCaptionCard *self,
                                              GtkBorder        *insets);

G_END_DECLS
