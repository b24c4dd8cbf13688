/* atlas-caption-card.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-caption-card"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-caption-card.h"
#include "atlas-format.h"
#include "atlas-i18n.h"

/* The card over the map while presenting, read from the back of a room:
 * what the step is (a date, or a kind of place), its title, two or three
 * lines of text, and its geopark; the step's number in the tour.
 */

struct _AtlasCaptionCard
{
  AtlasItemView  parent_instance;

  double         text_scale;

  GtkWidget     *box;
  GtkLabel      *meta_label;
  GtkLabel      *step_label;
  GtkLabel      *title_label;
  GtkLabel      *text_label;
  GtkLabel      *geopark_label;
};

G_DEFINE_FINAL_TYPE (AtlasCaptionCard, atlas_caption_card, ATLAS_TYPE_ITEM_VIEW)

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
atlas_caption_card_update (AtlasItemView *view)
{
  AtlasCaptionCard *self = ATLAS_CAPTION_CARD (view);
  AtlasDataset *dataset = atlas_item_view_get_dataset (view);
  GObject *item = atlas_item_view_get_item (view);
  AtlasLanguage language = atlas_i18n_get_content_language ();
  g_autofree char *meta = NULL;
  g_autofree char *geoparks = NULL;
  const char *title = NULL, *text = NULL;

  if (ATLAS_IS_ARTICLE (item))
    {
      AtlasArticle *article = ATLAS_ARTICLE (item);

      meta = atlas_format_date (atlas_article_get_date (article),
                                atlas_article_get_date_precision (article), language);
      title = atlas_text_get (atlas_article_get_title (article), language);
      text = atlas_text_get (atlas_article_get_summary (article), language);
      geoparks = atlas_dataset_join_geopark_names (dataset, atlas_article_get_geopark_ids (article),
                                                   language);
    }
  else if (ATLAS_IS_PLACE (item))
    {
      AtlasPlace *place = ATLAS_PLACE (item);
      const char *geopark_id = atlas_place_get_geopark_id (place);
      const char *ids[] = { geopark_id, NULL };

      meta = g_strdup (atlas_place_kind_get_label (atlas_place_get_kind (place)));
      title = atlas_text_get (atlas_place_get_name (place), language);
      text = atlas_text_get (atlas_place_get_description (place), language);
      geoparks = atlas_dataset_join_geopark_names (dataset, ids, language);
    }
  else if (ATLAS_IS_GEOPARK (item))
    {
      AtlasGeopark *geopark = ATLAS_GEOPARK (item);
      AtlasText *description = atlas_geopark_get_description (geopark);

      meta = g_strdup (_("UNESCO Global Geopark"));
      title = atlas_text_get (atlas_geopark_get_name (geopark), language);
      text = description != NULL ? atlas_text_get (description, language) : NULL;
    }

  set_text (self->meta_label, meta);
  set_text (self->title_label, title);
  set_text (self->text_label, text);
  set_text (self->geopark_label, geoparks);
}

/* "3 / 12": where the tour is. */
void
atlas_caption_card_set_step (AtlasCaptionCard *self,
                             guint             position,
                             guint             n_steps)
{
  g_autofree char *step = NULL;

  g_return_if_fail (ATLAS_IS_CAPTION_CARD (self));

  /* Translators: the step of a presentation, then how many there are */
  step = g_strdup_printf (_("%u / %u"), position + 1, n_steps);
  gtk_label_set_label (self->step_label, step);
}

/* Larger or smaller type for the room (Ctrl+plus and Ctrl+minus). */
void
atlas_caption_card_set_text_scale (AtlasCaptionCard *self,
                                   double            scale)
{
  GtkLabel *labels[] = {
    self->meta_label, self->step_label, self->title_label, self->text_label, self->geopark_label,
  };

  g_return_if_fail (ATLAS_IS_CAPTION_CARD (self));

  self->text_scale = scale;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
      gtk_label_set_attributes (labels[i], attributes);
    }
}

static void
atlas_caption_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_CAPTION_CARD);

  G_OBJECT_CLASS (atlas_caption_card_parent_class)->dispose (object);
}

static void
atlas_caption_card_class_init (AtlasCaptionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AtlasItemViewClass *view_class = ATLAS_ITEM_VIEW_CLASS (klass);

  object_class->dispose = atlas_caption_card_dispose;
  view_class->update = atlas_caption_card_update;

  gtk_widget_class_set_css_name (widget_class, "captioncard");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-caption-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasCaptionCard, box);
  gtk_widget_class_bind_template_child (widget_class, AtlasCaptionCard, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCaptionCard, step_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCaptionCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCaptionCard, text_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCaptionCard, geopark_label);
}

static void
atlas_caption_card_init (AtlasCaptionCard *self)
{
  self->text_scale = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_caption_card_new (AtlasDataset *dataset)
{
  return g_object_new (ATLAS_TYPE_CAPTION_CARD, "dataset", dataset, NULL);
}
