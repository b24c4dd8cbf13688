/* atlas-place-page.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-place-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-detail-util.h"
#include "atlas-format.h"
#include "atlas-i18n.h"
#include "atlas-pin.h"
#include "atlas-place-page.h"

/* A place in the detail panel: its names, kind and geopark, where it is and
 * how well that is known, and the news that mention it.
 */

/* How long the copy button says "copied" before it offers to copy again. */
#define COPIED_TIMEOUT_MS 2000

/* Enough of the geopark's other news to give context; the rest in the sidebar. */
#define MAX_GEOPARK_NEWS 5

struct _AtlasPlacePage
{
  AtlasItemView      parent_instance;

  guint              copied_timeout_id;

  GtkScrolledWindow *scrolled_window;
  GtkLabel          *name_label;
  GtkLabel          *other_name_label;
  GtkImage          *kind_image;
  GtkLabel          *kind_label;
  AdwActionRow      *geopark_row;
  AdwActionRow      *country_row;
  GtkLabel          *coordinates_label;
  GtkLabel          *precision_label;
  GtkButton         *copy_button;
  GtkBox            *description_box;
  GtkWidget         *source_box;
  GtkLabel          *source_label;
  GtkListBox        *news_list;
  GtkWidget         *no_news_label;
  AdwPreferencesGroup *geopark_news_group;
  GtkListBox        *geopark_news_list;
};

G_DEFINE_FINAL_TYPE (AtlasPlacePage, atlas_place_page, ATLAS_TYPE_ITEM_VIEW)

/* The countries of the partner geoparks and venues abroad; any other code
 * is shown as it is.
 */
static const struct {
  const char *code;
  const char *name;
} countries[] = {
  { "DE", N_("Germany") },
  { "FR", N_("France") },
  { "PL", N_("Poland") },
  { "TH", N_("Thailand") },
  { "VN", N_("Vietnam") },
};

static const char *
country_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      if (g_ascii_strcasecmp (code, countries[i].code) == 0)
        return _(countries[i].name);
    }

  return code;
}

static AtlasLanguage
other_language (AtlasLanguage language)
{
  return language == ATLAS_LANGUAGE_VI ? ATLAS_LANGUAGE_EN : ATLAS_LANGUAGE_VI;
}

static void
show_names (AtlasPlacePage *self,
            AtlasPlace     *place,
            AtlasLanguage   language)
{
  AtlasText *names = atlas_place_get_name (place);
  const char *name = atlas_text_get (names, language);
  const char *other_name = atlas_text_get_exact (names, other_language (language));
  AtlasPlaceKind kind = atlas_place_get_kind (place);

  gtk_label_set_label (self->name_label, name);
  atlas_item_view_mark_language (GTK_WIDGET (self->name_label), names, language);
  gtk_label_set_label (self->other_name_label, other_name);
  gtk_widget_set_visible (GTK_WIDGET (self->other_name_label),
                          other_name != NULL && g_strcmp0 (name, other_name) != 0);
  gtk_image_set_from_icon_name (self->kind_image, atlas_place_kind_get_icon_name (kind));
  gtk_label_set_label (self->kind_label, atlas_place_kind_get_label (kind));
}

/* A place in a geopark links to it; one outside any names its country. */
static void
show_geopark (AtlasPlacePage *self,
              AtlasPlace     *place,
              AtlasLanguage   language)
{
  const char *geopark_id = atlas_place_get_geopark_id (place);
  const char *country = atlas_place_get_country (place);
  AtlasGeopark *geopark = NULL;

  if (geopark_id != NULL)
    geopark = atlas_dataset_lookup_geopark (atlas_item_view_get_dataset (ATLAS_ITEM_VIEW (self)),
                                            geopark_id);

  if (geopark != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->geopark_row),
                                     atlas_text_get (atlas_geopark_get_short_name (geopark),
                                                     language));
      adw_action_row_set_subtitle (self->geopark_row,
                                   atlas_text_get (atlas_geopark_get_name (geopark), language));
      /* The target first: the action takes a string, never nothing. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->geopark_row),
                                              g_variant_new_string (geopark_id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->geopark_row), "win.open-item");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->geopark_row), geopark != NULL);

  if (geopark == NULL && country != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->country_row), country_name (country));
  gtk_widget_set_visible (GTK_WIDGET (self->country_row), geopark == NULL && country != NULL);
}

static void
show_location (AtlasPlacePage *self,
               AtlasPlace     *place,
               AtlasLanguage   language)
{
  g_autofree char *coordinates = NULL;
  g_autofree char *precision = NULL;
  g_autofree char *approximate = NULL;

  coordinates = atlas_format_coordinates (atlas_place_get_latitude (place),
                                          atlas_place_get_longitude (place), language);
  precision = atlas_format_precision (atlas_place_get_precision_m (place), language);
  if (atlas_place_get_approximate (place))
    /* Translators: how far a place may be from its pin, such as “± 1 km”,
     * for a place whose location is only roughly known
     */
    approximate = g_strdup_printf (_("%s, approximate"), precision);

  gtk_label_set_label (self->coordinates_label, coordinates);
  gtk_label_set_label (self->precision_label, approximate != NULL ? approximate : precision);
}

static void
show_source (AtlasPlacePage *self,
             AtlasPlace     *place)
{
  const char *source = atlas_place_get_source (place);

  gtk_label_set_label (self->source_label, source);
  gtk_widget_set_visible (self->source_box, source != NULL);
}

static void
show_news (AtlasPlacePage *self,
           AtlasPlace     *place,
           AtlasLanguage   language)
{
  AtlasDataset *dataset = atlas_item_view_get_dataset (ATLAS_ITEM_VIEW (self));
  GPtrArray *articles = atlas_dataset_get_place_articles (dataset, atlas_place_get_id (place));

  atlas_detail_clear_list (self->news_list);
  for (guint i = 0; i < articles->len; i++)
    gtk_list_box_append (self->news_list,
                         atlas_detail_article_row_new (dataset, g_ptr_array_index (articles, i),
                                                       language));

  gtk_widget_set_visible (GTK_WIDGET (self->news_list), articles->len > 0);
  gtk_widget_set_visible (self->no_news_label, articles->len == 0);
}

/* The news of the place's geopark that do not name the place: honest
 * context, under a title that does not claim they are about it.
 */
static void
show_geopark_news (AtlasPlacePage *self,
                   AtlasPlace     *place,
                   AtlasLanguage   language)
{
  AtlasDataset *dataset = atlas_item_view_get_dataset (ATLAS_ITEM_VIEW (self));
  const char *geopark_id = atlas_place_get_geopark_id (place);
  AtlasGeopark *geopark = geopark_id != NULL ? atlas_dataset_lookup_geopark (dataset, geopark_id) :
                                               NULL;
  GPtrArray *mentions = atlas_dataset_get_place_articles (dataset, atlas_place_get_id (place));
  GPtrArray *articles;
  g_autofree char *title = NULL;
  guint n_shown = 0;

  atlas_detail_clear_list (self->geopark_news_list);
  gtk_widget_set_visible (GTK_WIDGET (self->geopark_news_group), FALSE);
  if (geopark == NULL)
    return;

  articles = atlas_dataset_get_geopark_articles (dataset, geopark_id);
  for (guint i = 0; i < articles->len && n_shown < MAX_GEOPARK_NEWS; i++)
    {
      AtlasArticle *article = g_ptr_array_index (articles, i);

      if (g_ptr_array_find (mentions, article, NULL))
        continue;
      gtk_list_box_append (self->geopark_news_list,
                           atlas_detail_article_row_new (dataset, article, language));
      n_shown++;
    }
  if (n_shown == 0)
    return;
  if (articles->len > n_shown)
    gtk_list_box_append (self->geopark_news_list,
                         atlas_detail_show_all_row_new (geopark_id, articles->len));

  /* Translators: a heading above news of a geopark; %s is its short name */
  title = g_strdup_printf (_("More News from %s"),
                           atlas_text_get (atlas_geopark_get_short_name (geopark), language));
  adw_preferences_group_set_title (self->geopark_news_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->geopark_news_group), TRUE);
}

static void
show_copy_icon (AtlasPlacePage *self)
{
  g_clear_handle_id (&self->copied_timeout_id, g_source_remove);
  gtk_button_set_icon_name (self->copy_button, "edit-copy-symbolic");
}

static void
atlas_place_page_update (AtlasItemView *view)
{
  AtlasPlacePage *self = ATLAS_PLACE_PAGE (view);
  AtlasPlace *place = atlas_item_view_get_item (view);
  AtlasLanguage language = atlas_i18n_get_content_language ();

  show_names (self, place, language);
  show_geopark (self, place, language);
  show_location (self, place, language);
  show_copy_icon (self);
  atlas_detail_show_paragraphs (self->description_box,
                                atlas_text_get (atlas_place_get_description (place), language));
  atlas_item_view_mark_language (GTK_WIDGET (self->description_box),
                                 atlas_place_get_description (place), language);
  show_source (self, place);
  show_news (self, place, language);
  show_geopark_news (self, place, language);

  atlas_detail_scroll_to_top (self->scrolled_window);
}

static gboolean
copied_timeout_cb (gpointer user_data)
{
  AtlasPlacePage *self = user_data;

  g_assert (ATLAS_IS_PLACE_PAGE (self));

  self->copied_timeout_id = 0;
  gtk_button_set_icon_name (self->copy_button, "edit-copy-symbolic");

  return G_SOURCE_REMOVE;
}

/* Plain decimal degrees with a dot, latitude first: what map apps and
 * search boxes accept, whatever the language on screen.
 */
static void
copy_coordinates_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AtlasPlacePage *self = ATLAS_PLACE_PAGE (widget);
  AtlasPlace *place = atlas_item_view_get_item (ATLAS_ITEM_VIEW (self));
  char latitude[G_ASCII_DTOSTR_BUF_SIZE];
  char longitude[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;

  g_assert (ATLAS_IS_PLACE_PAGE (self));

  if (place == NULL)
    return;

  g_ascii_formatd (latitude, sizeof latitude, "%.6f", atlas_place_get_latitude (place));
  g_ascii_formatd (longitude, sizeof longitude, "%.6f", atlas_place_get_longitude (place));
  text = g_strdup_printf ("%s, %s", latitude, longitude);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  /* Say it worked where the user looked, then go back to copying. */
  g_clear_handle_id (&self->copied_timeout_id, g_source_remove);
  gtk_button_set_icon_name (self->copy_button, "object-select-symbolic");
  self->copied_timeout_id = g_timeout_add (COPIED_TIMEOUT_MS, copied_timeout_cb, self);
}

static void
atlas_place_page_dispose (GObject *object)
{
  AtlasPlacePage *self = ATLAS_PLACE_PAGE (object);

  g_clear_handle_id (&self->copied_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_PLACE_PAGE);

  G_OBJECT_CLASS (atlas_place_page_parent_class)->dispose (object);
}

static void
atlas_place_page_class_init (AtlasPlacePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AtlasItemViewClass *view_class = ATLAS_ITEM_VIEW_CLASS (klass);

  object_class->dispose = atlas_place_page_dispose;
  view_class->update = atlas_place_page_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/atlas-place-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, other_name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, kind_image);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, geopark_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, country_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, coordinates_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, precision_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, description_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, source_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, source_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, news_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, no_news_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, geopark_news_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlacePage, geopark_news_list);

  gtk_widget_class_install_action (widget_class, "place.copy-coordinates", NULL,
                                   copy_coordinates_action);
}

static void
atlas_place_page_init (AtlasPlacePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_place_page_new (AtlasDataset *dataset)
{
  return g_object_new (ATLAS_TYPE_PLACE_PAGE, "dataset", dataset, NULL);
}
