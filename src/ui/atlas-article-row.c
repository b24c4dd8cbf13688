/* atlas-article-row.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-article-row"

#include "config.h"

#include "atlas-article-row.h"
#include "atlas-format.h"
#include "atlas-i18n.h"

/* A news item in the sidebar: its date, its title and its geoparks. */

struct _AtlasArticleRow
{
  AtlasItemRow   parent_instance;

  GtkWidget    *box;
  GtkLabel     *date_label;
  GtkLabel     *title_label;
  GtkLabel     *geoparks_label;
};

G_DEFINE_FINAL_TYPE (AtlasArticleRow, atlas_article_row, ATLAS_TYPE_ITEM_ROW)

static void
atlas_article_row_update (AtlasItemView *view)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (view);
  AtlasArticle *article = atlas_item_view_get_item (view);
  AtlasLanguage language = atlas_i18n_get_content_language ();
  g_autofree char *date = NULL;
  g_autofree char *geoparks = NULL;
  g_autofree char *title = NULL;
  g_autofree char *geoparks_markup = NULL;

  date = atlas_format_date (atlas_article_get_date (article),
                            atlas_article_get_date_precision (article), language);
  geoparks = atlas_dataset_join_geopark_names (atlas_item_view_get_dataset (view),
                                               atlas_article_get_geopark_ids (article),
                                               language);

  title = atlas_item_row_highlight (ATLAS_ITEM_ROW (self),
                                    atlas_text_get (atlas_article_get_title (article), language));
  geoparks_markup = atlas_item_row_highlight (ATLAS_ITEM_ROW (self), geoparks);

  gtk_label_set_label (self->date_label, date);
  gtk_label_set_markup (self->title_label, title);
  atlas_item_view_mark_language (GTK_WIDGET (self->title_label),
                                 atlas_article_get_title (article), language);
  gtk_label_set_markup (self->geoparks_label, geoparks_markup);
  gtk_widget_set_visible (GTK_WIDGET (self->geoparks_label), *geoparks != '\0');
}

static void
atlas_article_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_ARTICLE_ROW);

  G_OBJECT_CLASS (atlas_article_row_parent_class)->dispose (object);
}

static void
atlas_article_row_class_init (AtlasArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AtlasItemViewClass *view_class = ATLAS_ITEM_VIEW_CLASS (klass);

  object_class->dispose = atlas_article_row_dispose;
  view_class->update = atlas_article_row_update;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, box);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, geoparks_label);
}

static void
atlas_article_row_init (AtlasArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_article_row_new (AtlasDataset      *dataset,
                       AtlasBrowseFilter *filter,
                       AtlasHistory      *history)
{
  return g_object_new (ATLAS_TYPE_ARTICLE_ROW,
                       "dataset", dataset,
                       "filter", filter,
                       "history", history,
                       NULL);
}
