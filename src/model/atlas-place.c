/* atlas-place.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-place"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-place-private.h"

/* A geosite, an event venue or a partner geopark: a point on the map, with
 * how precisely we know where it is.
 */

G_DEFINE_FINAL_TYPE (AtlasPlace, atlas_place, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *kind_names[ATLAS_N_PLACE_KINDS] = {
  "geology", "landscape", "culture", "biology", "venue", "partner-geopark",
};

const char *
atlas_place_kind_to_string (AtlasPlaceKind kind)
{
  g_return_val_if_fail (kind < ATLAS_N_PLACE_KINDS, NULL);

  return kind_names[kind];
}

gboolean
atlas_place_kind_from_string (const char     *string,
                              AtlasPlaceKind *kind)
{
  for (guint i = 0; i < ATLAS_N_PLACE_KINDS; i++)
    {
      if (g_strcmp0 (string, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* What the window calls a kind of place, in the interface's language. */
const char *
atlas_place_kind_get_label (AtlasPlaceKind kind)
{
  switch (kind)
    {
    case ATLAS_PLACE_KIND_GEOLOGY:
      return _("Geology");
    case ATLAS_PLACE_KIND_LANDSCAPE:
      return _("Landscape");
    case ATLAS_PLACE_KIND_CULTURE:
      return _("Culture");
    case ATLAS_PLACE_KIND_BIOLOGY:
      return _("Biodiversity");
    case ATLAS_PLACE_KIND_VENUE:
      return _("Event venue");
    case ATLAS_PLACE_KIND_PARTNER_GEOPARK:
      return _("Partner geopark");
    case ATLAS_N_PLACE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
atlas_place_finalize (GObject *object)
{
  AtlasPlace *self = ATLAS_PLACE (object);

  g_free (self->id);
  g_free (self->geopark_id);
  g_clear_pointer (&self->name, atlas_text_unref);
  g_clear_pointer (&self->description, atlas_text_unref);
  g_free (self->source);
  g_free (self->country);

  for (guint i = 0; i < ATLAS_N_LANGUAGES; i++)
    g_free (self->sort_keys[i]);

  G_OBJECT_CLASS (atlas_place_parent_class)->finalize (object);
}

static void
atlas_place_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasPlace *self = ATLAS_PLACE (object);

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
atlas_place_class_init (AtlasPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_place_finalize;
  object_class->get_property = atlas_place_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_boxed ("name", NULL, NULL, ATLAS_TYPE_TEXT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_place_init (AtlasPlace *self)
{
}

const char *
atlas_place_get_id (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);
  return self->id;
}

AtlasPlaceKind
atlas_place_get_kind (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), 0);
  return self->kind;
}

/* NULL for places outside the Vietnamese geoparks. */
const char *
atlas_place_get_geopark_id (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);
  return self->geopark_id;
}

AtlasText *
atlas_place_get_name (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);
  return self->name;
}

AtlasText *
atlas_place_get_description (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);
  return self->description;
}

double
atlas_place_get_latitude (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), 0);
  return self->latitude;
}

double
atlas_place_get_longitude (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), 0);
  return self->longitude;
}

double
atlas_place_get_precision_m (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), 0);
  return self->precision_m;
}

gboolean
atlas_place_get_approximate (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), FALSE);
  return self->approximate;
}

const char *
atlas_place_get_source (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);
  return self->source;
}

const char *
atlas_place_get_country (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);
  return self->country;
}

/* The name's sort key in the language (see atlas_collate_key()), for lists
 * in alphabetical order.
 */
const char *
atlas_place_get_sort_key (AtlasPlace    *self,
                          AtlasLanguage  language)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);
  g_return_val_if_fail (language < ATLAS_N_LANGUAGES, NULL);

  return self->sort_keys[language] != NULL ? self->sort_keys[language] : "";
}
