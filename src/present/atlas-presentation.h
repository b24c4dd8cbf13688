/* atlas-presentation.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_PRESENTATION (atlas_presentation_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPresentation, atlas_presentation, ATLAS, PRESENTATION, GObject)

/* How the window looked before presenting, to come back to it exactly. */
typedef struct
{
  char     *open_id;       /* may be NULL */
  double    latitude;
  double    longitude;
  double    zoom;
  gboolean  fullscreen;
  gboolean  details_revealed;
  gboolean  sidebar_shown;  /* the narrow window showed the sidebar */
} AtlasPresentationReturn;

AtlasPresentation             *atlas_presentation_new          (const char * const *ids,
                                                                guint               start);
guint                          atlas_presentation_get_n_steps  (AtlasPresentation  *self);
guint                          atlas_presentation_get_position (AtlasPresentation  *self);
const char                    *atlas_presentation_get_id       (AtlasPresentation  *self);
gboolean                       atlas_presentation_next         (AtlasPresentation  *self);
gboolean                       atlas_presentation_previous     (AtlasPresentation  *self);
gboolean                       atlas_presentation_first        (AtlasPresentation  *self);
gboolean                       atlas_presentation_last         (AtlasPresentation  *self);
gboolean                       atlas_presentation_get_blanked  (AtlasPresentation  *self);
void                           atlas_presentation_set_blanked  (AtlasPresentation  *self,
                                                                gboolean            blanked);
AtlasPresentationReturn       *atlas_presentation_get_return   (AtlasPresentation  *self);

G_END_DECLS
