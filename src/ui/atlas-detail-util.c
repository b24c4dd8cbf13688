/* atlas-detail-util.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-detail-util"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-detail-util.h"
#include "atlas-format.h"
#include "atlas-pin.h"

/* What the article, place and geopark pages share: text split into
 * paragraphs, and the rows that link one item to another.
 */

static GtkWidget *
paragraph_new (const char *text)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "label", text,
                       "xalign", 0.0f,
                       "wrap", TRUE,
                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                       "selectable", TRUE,
                       NULL);
}

/* One label per paragraph: the dataset separates them with a blank line.
 * The box is hidden when there is no text.
 */
void
atlas_detail_show_paragraphs (GtkBox     *box,
                              const char *text)
{
  g_auto(GStrv) paragraphs = NULL;
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  paragraphs = g_strsplit (text != NULL ? text : "", "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] != '\0')
        gtk_box_append (box, paragraph_new (paragraphs[i]));
    }

  gtk_widget_set_visible (GTK_WIDGET (box), gtk_widget_get_first_child (GTK_WIDGET (box)) != NULL);
}

void
atlas_detail_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Names come from staff-edited files: "&" or "<" are text, not markup. The
 * row must know that before it has a title, hence no properties in
 * g_object_new(): their notifications come in no set order.
 */
AdwActionRow *
atlas_detail_row_new (const char *title,
                      const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);

  return row;
}

/* A row that opens another item; the window handles the action. */
static GtkWidget *
link_row_new (const char *title,
              const char *subtitle,
              const char *item_id)
{
  AdwActionRow *row = atlas_detail_row_new (title, subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (item_id));
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));

  return GTK_WIDGET (row);
}

/* A news item: its title, then its date and geoparks. */
GtkWidget *
atlas_detail_article_row_new (AtlasDataset  *dataset,
                              AtlasArticle  *article,
                              AtlasLanguage  language)
{
  g_autofree char *date = NULL;
  g_autofree char *geoparks = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ATLAS_IS_ARTICLE (article), NULL);

  date = atlas_format_date (atlas_article_get_date (article),
                            atlas_article_get_date_precision (article), language);
  geoparks = atlas_dataset_join_geopark_names (dataset,
                                               atlas_article_get_geopark_ids (article),
                                               language);
  subtitle = *geoparks != '\0' ? g_strdup_printf ("%s · %s", date, geoparks) : g_strdup (date);

  row = link_row_new (atlas_text_get (atlas_article_get_title (article), language), subtitle,
                      atlas_article_get_id (article));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  return row;
}

/* A place: the icon of its kind, its name, its kind and, unless the page is
 * about that geopark already, its geopark.
 */
GtkWidget *
atlas_detail_place_row_new (AtlasDataset  *dataset,
                            AtlasPlace    *place,
                            gboolean       with_geopark,
                            AtlasLanguage  language)
{
  AtlasPlaceKind kind;
  const char *geopark_id;
  AtlasGeopark *geopark = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ATLAS_IS_PLACE (place), NULL);

  kind = atlas_place_get_kind (place);
  geopark_id = atlas_place_get_geopark_id (place);
  if (with_geopark && geopark_id != NULL)
    geopark = atlas_dataset_lookup_geopark (dataset, geopark_id);

  if (geopark != NULL)
    /* Translators: a kind of place, then the geopark it belongs to */
    subtitle = g_strdup_printf (_("%s · %s"), atlas_place_kind_get_label (kind),
                                atlas_text_get (atlas_geopark_get_short_name (geopark), language));
  else
    subtitle = g_strdup (atlas_place_kind_get_label (kind));

  row = link_row_new (atlas_text_get (atlas_place_get_name (place), language), subtitle,
                      atlas_place_get_id (place));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (atlas_place_kind_get_icon_name (kind)));

  return row;
}

/* A geopark: its short name, and its full name below. */
GtkWidget *
atlas_detail_geopark_row_new (AtlasGeopark  *geopark,
                              AtlasLanguage  language)
{
  g_return_val_if_fail (ATLAS_IS_GEOPARK (geopark), NULL);

  return link_row_new (atlas_text_get (atlas_geopark_get_short_name (geopark), language),
                       atlas_text_get (atlas_geopark_get_name (geopark), language),
                       atlas_geopark_get_id (geopark));
}

/* A page shows a new item from its start, not where the last one was left. */
void
atlas_detail_scroll_to_top (GtkScrolledWindow *scrolled_window)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled_window));

  adjustment = gtk_scrolled_window_get_vadjustment (scrolled_window);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static GtkWidget *
show_all_row_new (const char *title,
                  const char *action_name,
                  const char *geopark_id)
{
  GtkWidget *row = GTK_WIDGET (atlas_detail_row_new (title, NULL));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (geopark_id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

/* The rest of the news are one click away, in the sidebar filtered to the geopark. */
GtkWidget *
atlas_detail_show_all_row_new (const char *geopark_id,
                               guint       n_articles)
{
  g_autofree char *title = NULL;

  title = g_strdup_printf (ngettext ("Show all %u news item", "Show all %u news items",
                                     n_articles),
                           n_articles);
  return show_all_row_new (title, "win.filter-geopark", geopark_id);
}

/* And the rest of its places, in the sidebar's list of places. */
GtkWidget *
atlas_detail_show_all_places_row_new (const char *geopark_id,
                                      guint       n_places)
{
  g_autofree char *title = NULL;

  title = g_strdup_printf (ngettext ("Show all %u place", "Show all %u places", n_places),
                           n_places);
  return show_all_row_new (title, "win.show-geopark-places", geopark_id);
}
