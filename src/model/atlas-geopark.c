/* atlas-geopark.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-geopark"

#include "config.h"

#include "atlas-geopark-private.h"

/* A UNESCO Global Geopark in Vietnam: its facts, each with its source, and
 * an approximate outline of its area.
 */

G_DEFINE_FINAL_TYPE (AtlasGeopark, atlas_geopark, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_revalidation (gpointer data)
{
  AtlasRevalidation *revalidation = data;

  g_clear_pointer (&revalidation->note, atlas_text_unref);
  g_clear_pointer (&revalidation->source, g_free);
}

static void
clear_area (gpointer data)
{
  AtlasAreaFigure *area = data;

  g_clear_pointer (&area->note, atlas_text_unref);
  g_clear_pointer (&area->source, g_free);
}

AtlasGeopark *
_atlas_geopark_new (void)
{
  return g_object_new (ATLAS_TYPE_GEOPARK, NULL);
}

static void
atlas_geopark_finalize (GObject *object)
{
  AtlasGeopark *self = ATLAS_GEOPARK (object);

  g_free (self->id);
  g_clear_pointer (&self->name, atlas_text_unref);
  g_clear_pointer (&self->short_name, atlas_text_unref);
  g_clear_pointer (&self->description, atlas_text_unref);
  g_clear_pointer (&self->designated_note, atlas_text_unref);
  g_clear_pointer (&self->revalidations, g_array_unref);
  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_pointer (&self->province, atlas_text_unref);
  g_clear_pointer (&self->province_before_2025, atlas_text_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  g_clear_pointer (&self->outline_note, atlas_text_unref);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (atlas_geopark_parent_class)->finalize (object);
}

static void
atlas_geopark_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasGeopark *self = ATLAS_GEOPARK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_boxed (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_geopark_class_init (AtlasGeoparkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_geopark_finalize;
  object_class->get_property = atlas_geopark_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_boxed ("name", NULL, NULL, ATLAS_TYPE_TEXT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_geopark_init (AtlasGeopark *self)
{
  g_date_clear (&self->designated, 1);
  self->revalidations = g_array_new (FALSE, TRUE, sizeof (AtlasRevalidation));
  g_array_set_clear_func (self->revalidations, clear_revalidation);
  self->areas = g_array_new (FALSE, TRUE, sizeof (AtlasAreaFigure));
  g_array_set_clear_func (self->areas, clear_area);
  self->outline = g_array_new (FALSE, TRUE, sizeof (AtlasPoint));
  /* An outline that does not say otherwise is not an official boundary. */
  self->outline_approximate = TRUE;
}

const char *
atlas_geopark_get_id (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return self->id;
}

AtlasText *
atlas_geopark_get_name (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return self->name;
}

AtlasText *
atlas_geopark_get_short_name (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return self->short_name;
}

AtlasText *
atlas_geopark_get_description (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return self->description;
}

const AtlasColour *
atlas_geopark_get_colour (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return &self->colour;
}

const GDate *
atlas_geopark_get_designated (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return &self->designated;
}

AtlasDatePrecision
atlas_geopark_get_designated_precision (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), 0);
  return self->designated_precision;
}

AtlasText *
atlas_geopark_get_designated_note (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return self->designated_note;
}

const AtlasRevalidation *
atlas_geopark_get_revalidations (AtlasGeopark *self,
                                 guint        *n_revalidations)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  g_return_val_if_fail (n_revalidations != NULL, NULL);

  *n_revalidations = self->revalidations->len;
  return (const AtlasRevalidation *) (gpointer) self->revalidations->data;
}

const AtlasAreaFigure *
atlas_geopark_get_areas (AtlasGeopark *self,
                         guint        *n_areas)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  g_return_val_if_fail (n_areas != NULL, NULL);

  *n_areas = self->areas->len;
  return (const AtlasAreaFigure *) (gpointer) self->areas->data;
}

AtlasText *
atlas_geopark_get_province (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return self->province;
}

/* NULL when the province did not change on 1 July 2025. */
AtlasText *
atlas_geopark_get_province_before_2025 (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return self->province_before_2025;
}

double
atlas_geopark_get_latitude (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), 0);
  return self->latitude;
}

double
atlas_geopark_get_longitude (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), 0);
  return self->longitude;
}

const AtlasPoint *
atlas_geopark_get_outline (AtlasGeopark *self,
                           guint        *n_points)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->outline->len;
  return (const AtlasPoint *) (gpointer) self->outline->data;
}

/* Whether the outline is only approximate, not the geopark's official
 * boundary: the map draws it so.
 */
gboolean
atlas_geopark_get_outline_approximate (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), TRUE);
  return self->outline_approximate;
}

AtlasText *
atlas_geopark_get_outline_note (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return self->outline_note;
}

const char * const *
atlas_geopark_get_sources (AtlasGeopark *self)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (self), NULL);
  return (const char * const *) self->sources;
}
