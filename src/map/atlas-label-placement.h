/* atlas-label-placement.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What goes first on the map, most important first. */
typedef enum
{
  ATLAS_LABEL_PRIORITY_SELECTED_PIN,
  ATLAS_LABEL_PRIORITY_PIN,
  ATLAS_LABEL_PRIORITY_GEOPARK,
  ATLAS_LABEL_PRIORITY_BASE_MAP,
} AtlasLabelPriority;

/* A box in widget pixels. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} AtlasLabelBox;

typedef struct _AtlasLabelPlacement AtlasLabelPlacement;

AtlasLabelPlacement *atlas_label_placement_new          (void);
void                 atlas_label_placement_free         (AtlasLabelPlacement *self);
void                 atlas_label_placement_clear        (AtlasLabelPlacement *self);
void                 atlas_label_placement_add_obstacle (AtlasLabelPlacement *self,
                                                         const AtlasLabelBox *box,
                                                         AtlasLabelPriority   priority);
guint                atlas_label_placement_add_label    (AtlasLabelPlacement *self,
                                                         AtlasLabelPriority   priority,
                                                         const AtlasLabelBox *candidates,
                                                         guint                n_candidates);
void                 atlas_label_placement_place        (AtlasLabelPlacement *self);
int                  atlas_label_placement_get_choice   (AtlasLabelPlacement *self,
                                                         guint                label);
const AtlasLabelBox *atlas_label_placement_get_box      (AtlasLabelPlacement *self,
                                                         guint                label);
guint                atlas_label_placement_get_n_labels (AtlasLabelPlacement *self);
gboolean             atlas_label_box_intersects         (const AtlasLabelBox *a,
                                                         const AtlasLabelBox *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLabelPlacement, atlas_label_placement_free)

G_END_DECLS
