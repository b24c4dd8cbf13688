/* atlas-caption-card.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-caption-card"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-caption-card-private.h"
#include "atlas-caption-fit.h"
#include "atlas-format.h"
#include "atlas-i18n.h"

/* The card over the map while presenting, read from the back of a room:
 * what the step is (a date, or a kind of place), its title, what lines of
 * its text the screen allows, and its geopark; the step's number in the
 * tour. Its size and type are the room's (atlas-caption-fit.c): the
 * presenter tells it how large the map is.
 */

struct _AtlasCaptionCard
{
  AtlasItemView    parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkWidget       *header;
  GtkLabel        *meta_label;
  GtkLabel        *step_label;
  GtkLabel        *title_label;
  GtkLabel        *text_label;
  GtkLabel        *geopark_label;

  /* State */
  double           text_scale;
  int              room_width;    /* 0 until the presenter says */
  int              room_height;
  AtlasCaptionFit  fit;
};

G_DEFINE_FINAL_TYPE (AtlasCaptionCard, atlas_caption_card, ATLAS_TYPE_ITEM_VIEW)

static int
header_spacing (AtlasCaptionCard *self)
{
  return (int) (self->fit.padding_x / 2);
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static PangoAttrList *
size_attributes (double size)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes,
                          pango_attr_size_new_absolute ((int) round (size * PANGO_SCALE)));

  return attributes;
}

static void
set_size (GtkLabel *label,
          double    size)
{
  g_autoptr(PangoAttrList) attributes = size_attributes (size);

  gtk_label_set_attributes (label, attributes);
}

/* @label's text as the label sets it in @size pixels, or NULL for none. */
static PangoLayout *
create_layout (GtkLabel *label,
               double    size)
{
  const char *text = gtk_label_get_text (label);
  g_autoptr(PangoAttrList) attributes = NULL;
  PangoLayout *layout;

  if (*text == '\0')
    return NULL;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), text);
  attributes = size_attributes (size);
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  return layout;
}

/* The lines @label's text takes wrapped at @width, and their height. */
static guint
measure_label (GtkLabel *label,
               double    size,
               double    width,
               double   *height)
{
  g_autoptr(PangoLayout) layout = create_layout (label, size);
  int pixel_height;

  *height = 0;
  if (layout == NULL)
    return 0;

  pango_layout_set_width (layout, (int) floor (width) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &pixel_height);
  *height = pixel_height;

  return pango_layout_get_line_count (layout);
}

static guint
measure_part (AtlasCaptionPart  part,
              double            size,
              double            width,
              double           *height,
              gpointer          user_data)
{
  AtlasCaptionCard *self = user_data;

  g_assert (ATLAS_IS_CAPTION_CARD (self));

  switch (part)
    {
    case ATLAS_CAPTION_PART_HEADER:
      {
        g_autoptr(PangoLayout) step = create_layout (self->step_label, size);
        int step_width = 0, step_height = 0;
        guint lines;

        /* The step's number on one line, the date or kind wrapped beside it. */
        if (step != NULL)
          pango_layout_get_pixel_size (step, &step_width, &step_height);
        lines = measure_label (self->meta_label, size,
                               MAX (width - step_width - header_spacing (self), 1), height);
        *height = MAX (*height, step_height);

        return MAX (lines, step != NULL ? 1 : 0);
      }

    case ATLAS_CAPTION_PART_TITLE:
      return measure_label (self->title_label, size, width, height);

    case ATLAS_CAPTION_PART_TEXT:
      return measure_label (self->text_label, size, width, height);

    case ATLAS_CAPTION_PART_GEOPARK:
      return measure_label (self->geopark_label, size, width, height);

    default:
      g_assert_not_reached ();
    }
}

/* The card's size and type for its room and its text. */
static void
refit (AtlasCaptionCard *self)
{
  AtlasCaptionFit *fit = &self->fit;
  int padding_x, padding_y;

  if (self->room_width <= 0 || self->room_height <= 0)
    return;

  atlas_caption_fit (self->room_width, self->room_height, self->text_scale, measure_part, self,
                     fit);

  set_size (self->meta_label, fit->small_size);
  set_size (self->step_label, fit->small_size);
  set_size (self->geopark_label, fit->small_size);
  set_size (self->title_label, fit->title_size);
  set_size (self->text_label, fit->text_size);
  gtk_label_set_lines (self->text_label, MAX (fit->text_lines, 1));
  gtk_widget_set_visible (GTK_WIDGET (self->text_label),
                          fit->text_lines > 0 && *gtk_label_get_text (self->text_label) != '\0');

  padding_x = (int) fit->padding_x;
  padding_y = (int) fit->padding_y;
  gtk_widget_set_margin_start (self->box, padding_x);
  gtk_widget_set_margin_end (self->box, padding_x);
  gtk_widget_set_margin_top (self->box, padding_y);
  gtk_widget_set_margin_bottom (self->box, padding_y);
  gtk_box_set_spacing (GTK_BOX (self->box), (int) fit->spacing);
  gtk_box_set_spacing (GTK_BOX (self->header), header_spacing (self));

  gtk_widget_set_size_request (GTK_WIDGET (self), (int) fit->width, -1);
  gtk_widget_set_margin_start (GTK_WIDGET (self), (int) fit->margin_side);
  gtk_widget_set_margin_end (GTK_WIDGET (self), (int) fit->margin_side);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), (int) fit->margin_bottom);
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
  refit (self);
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
  refit (self);
}

/* Larger or smaller type for the room (Ctrl+plus and Ctrl+minus). */
void
atlas_caption_card_set_text_scale (AtlasCaptionCard *self,
                                   double            scale)
{
  g_return_if_fail (ATLAS_IS_CAPTION_CARD (self));
  g_return_if_fail (scale > 0);

  self->text_scale = scale;
  refit (self);
}

/* The card takes its size from the map it covers: @width × @height
 * pixels.
 */
void
atlas_caption_card_set_room (AtlasCaptionCard *self,
                             int               width,
                             int               height)
{
  g_return_if_fail (ATLAS_IS_CAPTION_CARD (self));

  if (self->room_width == width && self->room_height == height)
    return;

  self->room_width = width;
  self->room_height = height;
  refit (self);
}

/* Room the map's framing leaves for the card, on the side where the map
 * keeps more of itself: the place framed is never under the card.
 */
void
atlas_caption_card_get_map_insets (AtlasCaptionCard *self,
                                   GtkBorder        *insets)
{
  AtlasCaptionInsets room;
  AtlasCaptionRect card;
  int height = 0;

  g_return_if_fail (ATLAS_IS_CAPTION_CARD (self));
  g_return_if_fail (insets != NULL);

  *insets = (GtkBorder) { 0, 0, 0, 0 };
  if (self->room_width <= 0 || self->room_height <= 0)
    return;

  /* The card as laid out, which the fit's sums only foresee; a widget
   * measures with its margins.
   */
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      GtkWidget *widget = GTK_WIDGET (self);

      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL,
                          (int) self->fit.width + gtk_widget_get_margin_start (widget) +
                          gtk_widget_get_margin_end (widget),
                          NULL, &height, NULL, NULL);
      height -= gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
    }
  card.width = self->fit.width;
  card.height = MAX (height, self->fit.height);
  card.x = self->fit.margin_side;
  card.y = self->room_height - self->fit.margin_bottom - card.height;
  atlas_caption_fit_insets (self->room_width, self->room_height, &card, &room);
  insets->top = (gint16) ceil (room.top);
  insets->right = (gint16) ceil (room.right);
  insets->bottom = (gint16) ceil (room.bottom);
  insets->left = (gint16) ceil (room.left);
}

GtkLabel *
_atlas_caption_card_get_title_label (AtlasCaptionCard *self)
{
  g_return_val_if_fail (ATLAS_IS_CAPTION_CARD (self), NULL);

  return self->title_label;
}

const AtlasCaptionFit *
_atlas_caption_card_get_fit (AtlasCaptionCard *self)
{
  g_return_val_if_fail (ATLAS_IS_CAPTION_CARD (self), NULL);

  return &self->fit;
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
  gtk_widget_class_bind_template_child (widget_class, AtlasCaptionCard, header);
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
