/* atlas-pin-groups.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-place.h"

G_BEGIN_DECLS

/* Pins closer than this on screen become one badge with a count. */
#define ATLAS_PIN_GROUPS_DISTANCE_PX 30.0

/* From this zoom level on every place stands alone: it is as close as the
 * map fits places, and a badge that zooms in must not be all one finds
 * where several places share one coordinate.
 */
#define ATLAS_PIN_GROUPS_APART_ZOOM 14

/* Places that share one marker at a zoom level (often a single one): a run
 * of the groups' places, where it stands in world pixels at that level,
 * and the marker its user gives it while it is near the view.
 */
typedef struct
{
  guint    first;
  guint    n_places;
  double   x;
  double   y;
  gpointer marker;
} AtlasPinGroup;

typedef struct _AtlasPinGroups AtlasPinGroups;

AtlasPinGroups    *atlas_pin_groups_new          (void);
void               atlas_pin_groups_free         (AtlasPinGroups      *self);
void               atlas_pin_groups_set_places   (AtlasPinGroups      *self,
                                                  GListModel          *places);
guint              atlas_pin_groups_get_n_places (AtlasPinGroups      *self);
AtlasPlace        *atlas_pin_groups_get_place    (AtlasPinGroups      *self,
                                                  guint                index);
void               atlas_pin_groups_group        (AtlasPinGroups      *self,
                                                  int                  level,
                                                  GPtrArray           *selected);
void               atlas_pin_groups_clear        (AtlasPinGroups      *self);
int                atlas_pin_groups_get_level    (AtlasPinGroups      *self);
AtlasPinGroup     *atlas_pin_groups_get_groups   (AtlasPinGroups      *self,
                                                  guint               *n_groups);
AtlasPlace *const *atlas_pin_groups_get_members  (AtlasPinGroups      *self,
                                                  const AtlasPinGroup *group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasPinGroups, atlas_pin_groups_free)

G_END_DECLS
