/* atlas-history-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-history.h"

G_BEGIN_DECLS

/* For the tests */
void _atlas_history_clear (AtlasHistory *self);

G_END_DECLS
