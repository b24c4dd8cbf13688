/* atlas-pin-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-pin.h"

G_BEGIN_DECLS

void        _atlas_pin_get_body_box (AtlasPin        *self,
                                     graphene_rect_t *box);

/* For the tests */
const char *_atlas_pin_get_tooltip (AtlasPin *self);

G_END_DECLS
