/* atlas-geopark-page.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-geopark-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-detail-util.h"
#include "atlas-format.h"
#include "atlas-geopark-page.h"
#include "atlas-i18n.h"

/* A geopark in the detail panel: what it is, its recognition by UNESCO, the
 * figures sources give for it, its places and the news about it.
 */

/* The page lists the newest news and the first places; the sidebar,
 * filtered, lists them all: a board's 130 geosites are fine here, ten
 * thousand are not.
 */
#define MAX_NEWS 10
#define MAX_PLACES 150

struct _AtlasGeoparkPage
{
  AtlasItemView      parent_instance;

  GtkScrolledWindow *scrolled_window;
  GtkLabel          *name_label;
  GtkLabel          *short_name_label;
  GtkBox            *description_box;
  GtkWidget         *designated_group;
  GtkListBox        *designated_list;
  GtkWidget         *revalidations_group;
  GtkListBox        *revalidations_list;
  GtkWidget         *area_group;
  GtkListBox        *area_list;
  GtkWidget         *province_group;
  GtkListBox        *province_list;
  GtkWidget         *outline_group;
  GtkLabel          *outline_label;
  GtkWidget         *places_group;
  GtkListBox        *places_list;
  GtkWidget         *news_group;
  GtkListBox        *news_list;
  GtkWidget         *sources_box;
  GtkLabel          *sources_label;
};

G_DEFINE_FINAL_TYPE (AtlasGeoparkPage, atlas_geopark_page, ATLAS_TYPE_ITEM_VIEW)

/* A fact: its value as the title, what qualifies it below. */
static GtkWidget *
fact_row_new (const char *value,
              const char *details)
{
  AdwActionRow *row = atlas_detail_row_new (value, details);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return GTK_WIDGET (row);
}

static gboolean
list_is_empty (GtkListBox *list)
{
  return gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL;
}

static const char *
get_text (AtlasText     *text,
          AtlasLanguage  language)
{
  return text != NULL ? atlas_text_get (text, language) : NULL;
}

static void
show_designation (AtlasGeoparkPage *self,
                  AtlasGeopark     *geopark,
                  AtlasLanguage     language)
{
  const GDate *designated = atlas_geopark_get_designated (geopark);
  const AtlasRevalidation *revalidations;
  guint n_revalidations;

  atlas_detail_clear_list (self->designated_list);
  if (designated != NULL && g_date_valid (designated))
    {
      AtlasText *note = atlas_geopark_get_designated_note (geopark);
      g_autofree char *date = NULL;

      date = atlas_format_date (designated, atlas_geopark_get_designated_precision (geopark),
                                language);
      gtk_list_box_append (self->designated_list, fact_row_new (date, get_text (note, language)));
    }
  gtk_widget_set_visible (self->designated_group, !list_is_empty (self->designated_list));

  atlas_detail_clear_list (self->revalidations_list);
  revalidations = atlas_geopark_get_revalidations (geopark, &n_revalidations);
  for (guint i = 0; i < n_revalidations; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", revalidations[i].year);

      gtk_list_box_append (self->revalidations_list,
                           fact_row_new (year, get_text (revalidations[i].note, language)));
    }
  gtk_widget_set_visible (self->revalidations_group, n_revalidations > 0);
}

/* "Rounded figure also given.\nSource: …": why the figure, then whose. */
static char *
describe_area (const AtlasAreaFigure *area,
               AtlasLanguage          language)
{
  g_autoptr(GString) details = g_string_new (get_text (area->note, language));

  if (area->source != NULL)
    {
      if (details->len > 0)
        g_string_append_c (details, '\n');
      /* Translators: where a figure comes from; %s is a list of web sites or documents */
      g_string_append_printf (details, _("Source: %s"), area->source);
    }

  return g_string_free (g_steal_pointer (&details), FALSE);
}

static void
show_areas (AtlasGeoparkPage *self,
            AtlasGeopark     *geopark,
            AtlasLanguage     language)
{
  const AtlasAreaFigure *areas;
  guint n_areas;

  atlas_detail_clear_list (self->area_list);
  areas = atlas_geopark_get_areas (geopark, &n_areas);
  for (guint i = 0; i < n_areas; i++)
    {
      g_autofree char *area = atlas_format_area (areas[i].km2, language);
      g_autofree char *details = describe_area (&areas[i], language);

      gtk_list_box_append (self->area_list, fact_row_new (area, details));
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->area_group),
                                         n_areas > 1 ? _("Sources give different figures.") : NULL);
  gtk_widget_set_visible (self->area_group, n_areas > 0);
}

/* Since 1 July 2025 several provinces were merged: today's name first, and
 * the one people knew before when it differs.
 */
static void
show_provinces (AtlasGeoparkPage *self,
                AtlasGeopark     *geopark,
                AtlasLanguage     language)
{
  const char *current = get_text (atlas_geopark_get_province (geopark), language);
  const char *before = get_text (atlas_geopark_get_province_before_2025 (geopark), language);

  atlas_detail_clear_list (self->province_list);
  if (current != NULL)
    /* Translators: the province a geopark is in today */
    gtk_list_box_append (self->province_list, fact_row_new (current, C_("province", "Current")));
  if (before != NULL && g_strcmp0 (before, current) != 0)
    /* Translators: the province a geopark was in until the provinces merged in 2025 */
    gtk_list_box_append (self->province_list,
                         fact_row_new (before, C_("province", "Before 2025")));

  gtk_widget_set_visible (self->province_group, !list_is_empty (self->province_list));
}

static void
show_outline (AtlasGeoparkPage *self,
              AtlasGeopark     *geopark,
              AtlasLanguage     language)
{
  const char *note = get_text (atlas_geopark_get_outline_note (geopark), language);

  gtk_label_set_label (self->outline_label, note);
  gtk_widget_set_visible (self->outline_group, note != NULL);
}

static void
show_places (AtlasGeoparkPage *self,
             AtlasGeopark     *geopark,
             AtlasLanguage     language)
{
  AtlasDataset *dataset = atlas_item_view_get_dataset (ATLAS_ITEM_VIEW (self));
  GPtrArray *places = atlas_dataset_get_geopark_places (dataset, atlas_geopark_get_id (geopark));

  atlas_detail_clear_list (self->places_list);
  for (guint i = 0; i < MIN (places->len, MAX_PLACES); i++)
    gtk_list_box_append (self->places_list,
                         atlas_detail_place_row_new (dataset, g_ptr_array_index (places, i),
                                                     FALSE, language));
  if (places->len > MAX_PLACES)
    gtk_list_box_append (self->places_list,
                         atlas_detail_show_all_places_row_new (atlas_geopark_get_id (geopark),
                                                               places->len));

  gtk_widget_set_visible (self->places_group, places->len > 0);
}

static void
show_news (AtlasGeoparkPage *self,
           AtlasGeopark     *geopark,
           AtlasLanguage     language)
{
  AtlasDataset *dataset = atlas_item_view_get_dataset (ATLAS_ITEM_VIEW (self));
  const char *geopark_id = atlas_geopark_get_id (geopark);
  GPtrArray *articles = atlas_dataset_get_geopark_articles (dataset, geopark_id);

  atlas_detail_clear_list (self->news_list);
  for (guint i = 0; i < MIN (articles->len, MAX_NEWS); i++)
    gtk_list_box_append (self->news_list,
                         atlas_detail_article_row_new (dataset, g_ptr_array_index (articles, i),
                                                       language));
  if (articles->len > MAX_NEWS)
    gtk_list_box_append (self->news_list, atlas_detail_show_all_row_new (geopark_id, articles->len));

  gtk_widget_set_visible (self->news_group, articles->len > 0);
}

static void
show_sources (AtlasGeoparkPage *self,
              AtlasGeopark     *geopark)
{
  const char * const *sources = atlas_geopark_get_sources (geopark);
  g_autofree char *text = NULL;

  if (sources != NULL)
    text = g_strjoinv ("\n", (char **) sources);

  gtk_label_set_label (self->sources_label, text);
  gtk_widget_set_visible (self->sources_box, text != NULL && *text != '\0');
}

static void
atlas_geopark_page_update (AtlasItemView *view)
{
  AtlasGeoparkPage *self = ATLAS_GEOPARK_PAGE (view);
  AtlasGeopark *geopark = atlas_item_view_get_item (view);
  AtlasLanguage language = atlas_i18n_get_content_language ();

  gtk_label_set_label (self->name_label,
                       atlas_text_get (atlas_geopark_get_name (geopark), language));
  atlas_item_view_mark_language (GTK_WIDGET (self->name_label),
                                 atlas_geopark_get_name (geopark), language);
  gtk_label_set_label (self->short_name_label,
                       atlas_text_get (atlas_geopark_get_short_name (geopark), language));
  atlas_detail_show_paragraphs (self->description_box,
                                get_text (atlas_geopark_get_description (geopark), language));
  atlas_item_view_mark_language (GTK_WIDGET (self->description_box),
                                 atlas_geopark_get_description (geopark), language);
  show_designation (self, geopark, language);
  show_areas (self, geopark, language);
  show_provinces (self, geopark, language);
  show_outline (self, geopark, language);
  show_places (self, geopark, language);
  show_news (self, geopark, language);
  show_sources (self, geopark);

  atlas_detail_scroll_to_top (self->scrolled_window);
}

static void
atlas_geopark_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_GEOPARK_PAGE);

  G_OBJECT_CLASS (atlas_geopark_page_parent_class)->dispose (object);
}

static void
atlas_geopark_page_class_init (AtlasGeoparkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AtlasItemViewClass *view_class = ATLAS_ITEM_VIEW_CLASS (klass);

  object_class->dispose = atlas_geopark_page_dispose;
  view_class->update = atlas_geopark_page_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/atlas-geopark-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, short_name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, description_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, designated_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, designated_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, revalidations_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, revalidations_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, area_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, area_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, province_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, province_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, outline_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, outline_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, places_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, places_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, news_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, news_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, sources_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasGeoparkPage, sources_label);
}

static void
atlas_geopark_page_init (AtlasGeoparkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_geopark_page_new (AtlasDataset *dataset)
{
  return g_object_new (ATLAS_TYPE_GEOPARK_PAGE, "dataset", dataset, NULL);
}
