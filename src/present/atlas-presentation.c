/* atlas-presentation.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-presentation"

#include "config.h"

#include "atlas-presentation.h"

/* A tour through a list of items, one step at a time, as a clicker drives
 * it, and how the window looked before it, to return to. It holds ids, not
 * objects, so that it outlives a window rebuilt in another language.
 */

struct _AtlasPresentation
{
  GObject                  parent_instance;

  GStrv                    ids;
  guint                    n_steps;
  guint                    position;
  gboolean                 blanked;
  AtlasPresentationReturn  back;
};

G_DEFINE_FINAL_TYPE (AtlasPresentation, atlas_presentation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_BLANKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A tour of the ids, from @start (clamped to the list). */
AtlasPresentation *
atlas_presentation_new (const char * const *ids,
                        guint               start)
{
  AtlasPresentation *self = g_object_new (ATLAS_TYPE_PRESENTATION, NULL);

  g_return_val_if_fail (ids != NULL, NULL);

  self->ids = g_strdupv ((char **) ids);
  self->n_steps = g_strv_length (self->ids);
  self->position = self->n_steps > 0 ? MIN (start, self->n_steps - 1) : 0;

  return self;
}

guint
atlas_presentation_get_n_steps (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), 0);

  return self->n_steps;
}

guint
atlas_presentation_get_position (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), 0);

  return self->position;
}

/* The item of the current step, or NULL for an empty tour. */
const char *
atlas_presentation_get_id (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);

  return self->n_steps > 0 ? self->ids[self->position] : NULL;
}

/* Moves to a step; FALSE when it is outside the tour or already there. A
 * move shows the screen again if it was blanked.
 */
static gboolean
atlas_presentation_go_to (AtlasPresentation *self,
                          guint              position)
{
  g_assert (ATLAS_IS_PRESENTATION (self));

  if (position >= self->n_steps || position == self->position)
    return FALSE;

  self->position = position;
  atlas_presentation_set_blanked (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);

  return TRUE;
}

gboolean
atlas_presentation_next (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return atlas_presentation_go_to (self, self->position + 1);
}

gboolean
atlas_presentation_previous (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return self->position > 0 && atlas_presentation_go_to (self, self->position - 1);
}

gboolean
atlas_presentation_first (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return atlas_presentation_go_to (self, 0);
}

gboolean
atlas_presentation_last (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return self->n_steps > 0 && atlas_presentation_go_to (self, self->n_steps - 1);
}

gboolean
atlas_presentation_get_blanked (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return self->blanked;
}

/* A black screen, while the room talks. */
void
atlas_presentation_set_blanked (AtlasPresentation *self,
                                gboolean           blanked)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  blanked = !!blanked;
  if (self->blanked == blanked)
    return;

  self->blanked = blanked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANKED]);
}

/* Where to return to, filled by whoever starts the presentation. */
AtlasPresentationReturn *
atlas_presentation_get_return (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);

  return &self->back;
}

static void
atlas_presentation_finalize (GObject *object)
{
  AtlasPresentation *self = ATLAS_PRESENTATION (object);

  g_strfreev (self->ids);
  g_free (self->back.open_id);

  G_OBJECT_CLASS (atlas_presentation_parent_class)->finalize (object);
}

static void
atlas_presentation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasPresentation *self = ATLAS_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_BLANKED:
      g_value_set_boolean (value, self->blanked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_presentation_class_init (AtlasPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_presentation_finalize;
  object_class->get_property = atlas_presentation_get_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLANKED] =
    g_param_spec_boolean ("blanked", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_presentation_init (AtlasPresentation *self)
{
}
