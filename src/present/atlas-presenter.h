/* atlas-presenter.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-dataset.h"
#include "atlas-presentation.h"
#include "atlas-window.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PRESENTER (atlas_presenter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPresenter, atlas_presenter, ATLAS, PRESENTER, GObject)

AtlasPresenter    *atlas_presenter_new              (AtlasWindow       *window);
void               atlas_presenter_set_dataset      (AtlasPresenter    *self,
                                                     AtlasDataset      *dataset);
gboolean           atlas_presenter_get_presenting   (AtlasPresenter    *self);
AtlasPresentation *atlas_presenter_get_presentation (AtlasPresenter    *self);
void               atlas_presenter_toggle           (AtlasPresenter    *self,
                                                     GdkMonitor        *monitor);
void               atlas_presenter_start            (AtlasPresenter    *self,
                                                     AtlasPresentation *presentation,
                                                     GdkMonitor        *monitor);
void               atlas_presenter_stop             (AtlasPresenter    *self);
void               atlas_presenter_scale_text       (AtlasPresenter    *self,
                                                     double             factor);
void               atlas_presenter_switch_language  (AtlasPresenter    *self);

G_END_DECLS
