/* atlas-article-page.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-article-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-article-page.h"
#include "atlas-detail-util.h"
#include "atlas-format.h"
#include "atlas-i18n.h"
#include "atlas-wrap-box.h"

/* A news item in the detail panel: what it says, when, where it comes from,
 * and the places, geoparks and other news it leads to.
 */

#define MAX_RELATED 5

struct _AtlasArticlePage
{
  AtlasItemView      parent_instance;

  GtkScrolledWindow *scrolled_window;
  GtkLabel          *title_label;
  GtkLabel          *date_label;
  GtkLabel          *date_note_label;
  AtlasWrapBox      *topics_box;
  GtkBox            *summary_box;
  GtkBox            *body_box;
  GtkLabel          *source_label;
  GtkWidget         *places_group;
  GtkListBox        *places_list;
  GtkWidget         *geoparks_group;
  GtkListBox        *geoparks_list;
  GtkWidget         *related_group;
  GtkListBox        *related_list;
};

G_DEFINE_FINAL_TYPE (AtlasArticlePage, atlas_article_page, ATLAS_TYPE_ITEM_VIEW)

/* An approximate date always says why; a known one only when it has a note. */
static void
show_date (AtlasArticlePage *self,
           AtlasArticle     *article,
           AtlasLanguage     language)
{
  AtlasDatePrecision precision = atlas_article_get_date_precision (article);
  AtlasText *note = atlas_article_get_date_note (article);
  g_autofree char *date = atlas_format_date (atlas_article_get_date (article), precision,
                                             language);
  const char *explanation = NULL;

  if (note != NULL)
    explanation = atlas_text_get (note, language);
  else if (precision == ATLAS_DATE_PRECISION_APPROXIMATE)
    explanation = _("The exact date is not known.");

  gtk_label_set_label (self->date_label, date);
  gtk_label_set_label (self->date_note_label, explanation);
  gtk_widget_set_visible (GTK_WIDGET (self->date_note_label), explanation != NULL);
}

static GtkWidget *
topic_new (AtlasTopics topic)
{
  GtkWidget *label = gtk_label_new (atlas_topic_get_label (topic));

  gtk_widget_add_css_class (label, "topic");
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static void
show_topics (AtlasArticlePage *self,
             AtlasTopics       topics)
{
  atlas_wrap_box_remove_all (self->topics_box);
  for (guint i = 0; i < ATLAS_N_TOPICS; i++)
    {
      if ((topics & (1u << i)) != 0)
        atlas_wrap_box_append (self->topics_box, topic_new (1u << i));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->topics_box), topics != 0);
}

static void
show_source (AtlasArticlePage *self,
             AtlasArticle     *article)
{
  const char *source = atlas_article_get_source (article);

  if (source != NULL)
    {
      gtk_label_set_label (self->source_label, source);
      gtk_widget_remove_css_class (GTK_WIDGET (self->source_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->source_label,
                           _("The listing this item comes from does not name its publisher."));
      gtk_widget_add_css_class (GTK_WIDGET (self->source_label), "dim-label");
    }
}

static void
show_places (AtlasArticlePage *self,
             AtlasArticle     *article,
             AtlasDataset     *dataset,
             AtlasLanguage     language)
{
  const char * const *ids = atlas_article_get_place_ids (article);

  atlas_detail_clear_list (self->places_list);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      AtlasPlace *place = atlas_dataset_lookup_place (dataset, ids[i]);

      if (place != NULL)
        gtk_list_box_append (self->places_list,
                             atlas_detail_place_row_new (dataset, place, TRUE, language));
    }

  gtk_widget_set_visible (self->places_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->places_list)) != NULL);
}

static void
show_geoparks (AtlasArticlePage *self,
               AtlasArticle     *article,
               AtlasDataset     *dataset,
               AtlasLanguage     language)
{
  const char * const *ids = atlas_article_get_geopark_ids (article);

  atlas_detail_clear_list (self->geoparks_list);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      AtlasGeopark *geopark = atlas_dataset_lookup_geopark (dataset, ids[i]);

      if (geopark != NULL)
        gtk_list_box_append (self->geoparks_list, atlas_detail_geopark_row_new (geopark, language));
    }

  gtk_widget_set_visible (self->geoparks_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->geoparks_list)) != NULL);
}

static void
show_related (AtlasArticlePage *self,
              AtlasArticle     *article,
              AtlasDataset     *dataset,
              AtlasLanguage     language)
{
  g_autoptr(GPtrArray) related = atlas_dataset_get_related_articles (dataset, article,
                                                                     MAX_RELATED);

  atlas_detail_clear_list (self->related_list);
  for (guint i = 0; i < related->len; i++)
    gtk_list_box_append (self->related_list,
                         atlas_detail_article_row_new (dataset, g_ptr_array_index (related, i),
                                                       language));

  gtk_widget_set_visible (self->related_group, related->len > 0);
}

static void
atlas_article_page_update (AtlasItemView *view)
{
  AtlasArticlePage *self = ATLAS_ARTICLE_PAGE (view);
  AtlasArticle *article = atlas_item_view_get_item (view);
  AtlasDataset *dataset = atlas_item_view_get_dataset (view);
  AtlasLanguage language = atlas_i18n_get_content_language ();
  AtlasText *body = atlas_article_get_body (article);
  const char *body_text = body != NULL ? atlas_text_get (body, language) : NULL;

  gtk_label_set_label (self->title_label,
                       atlas_text_get (atlas_article_get_title (article), language));
  atlas_item_view_mark_language (GTK_WIDGET (self->title_label),
                                 atlas_article_get_title (article), language);
  show_date (self, article, language);
  show_topics (self, atlas_article_get_topics (article));
  atlas_detail_show_paragraphs (self->summary_box,
                                atlas_text_get (atlas_article_get_summary (article), language));
  atlas_item_view_mark_language (GTK_WIDGET (self->summary_box),
                                 atlas_article_get_summary (article), language);
  atlas_detail_show_paragraphs (self->body_box, body_text);
  show_source (self, article);
  show_places (self, article, dataset, language);
  show_geoparks (self, article, dataset, language);
  show_related (self, article, dataset, language);

  atlas_detail_scroll_to_top (self->scrolled_window);
}

static void
atlas_article_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_ARTICLE_PAGE);

  G_OBJECT_CLASS (atlas_article_page_parent_class)->dispose (object);
}

static void
atlas_article_page_class_init (AtlasArticlePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AtlasItemViewClass *view_class = ATLAS_ITEM_VIEW_CLASS (klass);

  object_class->dispose = atlas_article_page_dispose;
  view_class->update = atlas_article_page_update;

  g_type_ensure (ATLAS_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/atlas-article-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, date_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, date_note_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, topics_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, body_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, source_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, places_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, places_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, geoparks_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, geoparks_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, related_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticlePage, related_list);
}

static void
atlas_article_page_init (AtlasArticlePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_article_page_new (AtlasDataset *dataset)
{
  return g_object_new (ATLAS_TYPE_ARTICLE_PAGE, "dataset", dataset, NULL);
}
