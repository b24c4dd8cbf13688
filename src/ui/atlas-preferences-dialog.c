/* atlas-preferences-dialog.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-preferences-dialog.h"
#include "atlas-tile-source.h"

struct _AtlasPreferencesDialog
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *language_row;
  GtkSpinButton        *auto_advance_spin;
  AdwComboRow          *style_row;
  AdwComboRow          *basemap_row;
  AdwEntryRow          *tile_url_row;
};

G_DEFINE_FINAL_TYPE (AtlasPreferencesDialog, atlas_preferences_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Combo rows list an enum's values in the schema's order: user_data is the
 * NULL-terminated list of their nicks.
 */
static const char *languages[] = { "system", "vi", "en", NULL };
static const char *color_schemes[] = { "default", "light", "dark", NULL };
static const char *basemaps[] = { "automatic", "online", "offline", "package", NULL };

static gboolean
nick_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      if (g_str_equal (nick, nicks[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[selected]);
}

static void
bind_combo_row (AtlasPreferencesDialog *self,
                const char             *key,
                AdwComboRow            *row,
                const char            **nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_selected, selected_to_nick,
                                nicks, NULL);
}

/* A tile address is only saved once it is valid; meanwhile the row says
 * what is wrong with it.
 */
static void
on_tile_url_apply (AtlasPreferencesDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->tile_url_row));
  g_autoptr(GError) error = NULL;

  g_assert (ATLAS_IS_PREFERENCES_DIALOG (self));

  if (!atlas_tile_source_validate_template (url, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->tile_url_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }

  g_settings_set_string (self->settings, "tile-url", url);
}

static void
on_tile_url_changed (AtlasPreferencesDialog *self)
{
  g_assert (ATLAS_IS_PREFERENCES_DIALOG (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->tile_url_row), "error");
}

static void
on_tile_url_reset (AtlasPreferencesDialog *self)
{
  g_autofree char *url = NULL;

  g_assert (ATLAS_IS_PREFERENCES_DIALOG (self));

  g_settings_reset (self->settings, "tile-url");
  url = g_settings_get_string (self->settings, "tile-url");
  gtk_editable_set_text (GTK_EDITABLE (self->tile_url_row), url);
  gtk_widget_remove_css_class (GTK_WIDGET (self->tile_url_row), "error");
}

static void
atlas_preferences_dialog_constructed (GObject *object)
{
  AtlasPreferencesDialog *self = ATLAS_PREFERENCES_DIALOG (object);
  g_autofree char *tile_url = NULL;

  G_OBJECT_CLASS (atlas_preferences_dialog_parent_class)->constructed (object);

  bind_combo_row (self, "language", self->language_row, languages);
  bind_combo_row (self, "color-scheme", self->style_row, color_schemes);
  bind_combo_row (self, "basemap", self->basemap_row, basemaps);
  g_settings_bind (self->settings, "present-auto-advance",
                   gtk_spin_button_get_adjustment (self->auto_advance_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  tile_url = g_settings_get_string (self->settings, "tile-url");
  gtk_editable_set_text (GTK_EDITABLE (self->tile_url_row), tile_url);
}

static void
atlas_preferences_dialog_dispose (GObject *object)
{
  AtlasPreferencesDialog *self = ATLAS_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_preferences_dialog_parent_class)->dispose (object);
}

static void
atlas_preferences_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AtlasPreferencesDialog *self = ATLAS_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_preferences_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AtlasPreferencesDialog *self = ATLAS_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_preferences_dialog_class_init (AtlasPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_preferences_dialog_constructed;
  object_class->dispose = atlas_preferences_dialog_dispose;
  object_class->get_property = atlas_preferences_dialog_get_property;
  object_class->set_property = atlas_preferences_dialog_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/atlas-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesDialog, auto_advance_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesDialog, basemap_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesDialog, tile_url_row);
  gtk_widget_class_bind_template_callback (widget_class, on_tile_url_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_tile_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tile_url_reset);
}

static void
atlas_preferences_dialog_init (AtlasPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AtlasPreferencesDialog *
atlas_preferences_dialog_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (ATLAS_TYPE_PREFERENCES_DIALOG,
                       "settings", settings,
                       NULL);
}
