/* atlas-article-row.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-article-row.h"
#include "atlas-format.h"
#include "atlas-i18n.h"

/* A news item in the sidebar: its date, its title and its geoparks. */

struct _AtlasArticleRow
{
  GtkWidget     parent_instance;

  AtlasDataset *dataset;

  GtkWidget    *box;
  AtlasArticle *item;

  GtkLabel     *date_label;
  GtkLabel     *title_label;
  GtkLabel     *geoparks_label;
};

G_DEFINE_FINAL_TYPE (AtlasArticleRow, atlas_article_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
join_geoparks (AtlasArticleRow *self,
               AtlasLanguage    language)
{
  const char * const *ids = atlas_article_get_geopark_ids (self->item);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      AtlasGeopark *geopark = atlas_dataset_lookup_geopark (self->dataset, ids[i]);

      if (geopark == NULL)
        continue;
      g_string_append_printf (names, "%s%s", names->len > 0 ? " · " : "",
                              atlas_text_get (atlas_geopark_get_short_name (geopark), language));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
update (AtlasArticleRow *self)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  g_autofree char *date = NULL;
  g_autofree char *geoparks = NULL;

  if (self->item == NULL)
    return;

  date = atlas_format_date (atlas_article_get_date (self->item),
                            atlas_article_get_date_precision (self->item), language);
  geoparks = join_geoparks (self, language);

  gtk_label_set_label (self->date_label, date);
  gtk_label_set_label (self->title_label,
                       atlas_text_get (atlas_article_get_title (self->item), language));
  gtk_label_set_label (self->geoparks_label, geoparks);
  gtk_widget_set_visible (GTK_WIDGET (self->geoparks_label), *geoparks != '\0');
}

AtlasArticle *
atlas_article_row_get_item (AtlasArticleRow *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE_ROW (self), NULL);

  return self->item;
}

void
atlas_article_row_set_item (AtlasArticleRow *self,
                            AtlasArticle    *item)
{
  g_return_if_fail (ATLAS_IS_ARTICLE_ROW (self));
  g_return_if_fail (!item || ATLAS_IS_ARTICLE (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

static void
atlas_article_row_dispose (GObject *object)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_ARTICLE_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_article_row_parent_class)->dispose (object);
}

static void
atlas_article_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_article_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      atlas_article_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_article_row_class_init (AtlasArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_article_row_dispose;
  object_class->get_property = atlas_article_row_get_property;
  object_class->set_property = atlas_article_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         ATLAS_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, box);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, geoparks_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_article_row_init (AtlasArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_article_row_new (AtlasDataset *dataset)
{
  AtlasArticleRow *self = g_object_new (ATLAS_TYPE_ARTICLE_ROW, NULL);

  g_set_object (&self->dataset, dataset);

  return GTK_WIDGET (self);
}
