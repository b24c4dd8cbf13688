/* atlas-sidebar-search.c: what a search finds, across the sidebar.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-sidebar-search"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-sidebar-private.h"

/* The geoparks a search finds, in a list above the news and places; how
 * many items both lists have, at once; what an empty list says, and the
 * other list it offers when the search found something there; and the
 * keyboard from the search entry to the first result, which is also what
 * Enter opens.
 */

static guint
n_shown (AtlasSidebarList *list)
{
  return list->shown != NULL ? g_list_model_get_n_items (list->shown) : 0;
}

/* "12 news items", or "12 of 42 news items" when something filters them. */
static char *
count_text (gboolean news,
            guint    n_found,
            guint    n_all)
{
  if (n_found == n_all && news)
    return g_strdup_printf (ngettext ("%u news item", "%u news items", n_all), n_all);
  if (n_found == n_all)
    return g_strdup_printf (ngettext ("%u place", "%u places", n_all), n_all);
  if (news)
    /* Translators: how many news items the search and filters leave, of all */
    return g_strdup_printf (ngettext ("%u of %u news item", "%u of %u news items", n_all),
                            n_found, n_all);

  /* Translators: how many places the search and filters leave, of all */
  return g_strdup_printf (ngettext ("%u of %u place", "%u of %u places", n_all), n_found, n_all);
}

/* The list shown's count; while a search is typed, both lists' counts, so
 * that a search that finds no news says at once that it found places.
 */
static void
update_count (AtlasSidebar *self)
{
  gboolean news = _atlas_sidebar_get_shown_list (self) == &self->news;
  guint n_news = g_list_model_get_n_items (atlas_dataset_get_articles (self->dataset));
  guint n_places = g_list_model_get_n_items (atlas_dataset_get_places (self->dataset));
  g_autofree char *news_count = count_text (TRUE, n_shown (&self->news), n_news);
  g_autofree char *places_count = count_text (FALSE, n_shown (&self->places), n_places);
  g_autofree char *both = NULL;
  const char *count;

  if (atlas_browse_filter_get_ranked (self->filter))
    /* Translators: the counts of both lists while a search is typed, such
     * as "6 of 42 news items · 7 of 120 places"
     */
    count = both = g_strdup_printf (_("%s · %s"), news_count, places_count);
  else
    count = news ? news_count : places_count;

  gtk_label_set_label (self->count_label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count,
                                  -1);
}

/* Whether anything but the search leaves items out of the list. The place,
 * topic and year picked are about news: they leave the places alone.
 */
static gboolean
filters_list (AtlasSidebar     *self,
              AtlasSidebarList *list)
{
  AtlasBrowseFilter *filter = self->filter;

  if (atlas_browse_filter_get_geopark_id (filter) != NULL)
    return TRUE;

  return list == &self->news &&
         (atlas_browse_filter_get_place_id (filter) != NULL ||
          atlas_browse_filter_get_topic (filter) != 0 ||
          atlas_browse_filter_get_year (filter) != 0);
}

/* What an empty list says: only what is true of this list and this search,
 * and the other list, with its count, when it has something.
 */
static void
update_no_results (AtlasSidebar     *self,
                   AtlasSidebarList *list,
                   AtlasSidebarList *other)
{
  gboolean news = list == &self->news;
  gboolean searched = atlas_browse_filter_get_ranked (self->filter);
  gboolean filtered = filters_list (self, list);
  guint n_other = n_shown (other);
  const char *description;
  g_autofree char *other_label = NULL;

  if (searched && filtered)
    description = news ? _("No news item matches both the search and the filters. Try other words, "
                           "or remove a filter.")
                       : _("No place of the geopark picked matches the search. Try other words, or "
                           "remove the filter.");
  else if (searched)
    description = news ? _("No news item matches the search. Try other or fewer words; accents "
                           "are not needed.")
                       : _("No place matches the search. Try other or fewer words; accents are "
                           "not needed.");
  else
    description = _("Nothing matches all the filters. Remove a filter to see more.");

  adw_status_page_set_title (list->no_results,
                             !searched ? _("No Results")
                                       : news ? _("No News Found") : _("No Places Found"));
  adw_status_page_set_description (list->no_results, description);

  gtk_widget_set_visible (GTK_WIDGET (list->other_button), n_other > 0);
  if (n_other == 0)
    return;

  if (news)
    other_label = g_strdup_printf (ngettext ("Show %u Place", "Show %u Places", n_other), n_other);
  else
    other_label = g_strdup_printf (ngettext ("Show %u News Item", "Show %u News Items", n_other),
                                   n_other);
  gtk_button_set_label (list->other_button, other_label);
}

/* The news' order can be chosen while a search is typed, on the news page. */
static void
update_order_button (AtlasSidebar *self)
{
  gboolean shown = atlas_browse_filter_get_ranked (self->filter) &&
                   _atlas_sidebar_get_shown_list (self) == &self->news &&
                   n_shown (&self->news) > 1;

  gtk_widget_set_visible (GTK_WIDGET (self->order_button), shown);
  gtk_menu_button_set_label (self->order_button,
                             self->news_by_date ? _("Newest First") : _("Best Match First"));
}

/* The counts, the empty lists' pages and the order button, for the lists
 * as they are.
 */
void
_atlas_sidebar_update_results (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  if (self->filter == NULL || self->news.shown == NULL)
    return;

  update_count (self);
  update_no_results (self, &self->news, &self->places);
  update_no_results (self, &self->places, &self->news);
  update_order_button (self);
}

/* Geoparks -------------------------------------------------------------- */

static GtkWidget *
new_geopark_row (AtlasSidebar *self,
                 AtlasGeopark *geopark)
{
  const char *id = atlas_geopark_get_id (geopark);
  const char *name = atlas_text_get (atlas_geopark_get_name (geopark), self->sort_language);
  const char *short_name = atlas_text_get (atlas_geopark_get_short_name (geopark),
                                           self->sort_language);
  guint n_places = atlas_dataset_get_geopark_places (self->dataset, id)->len;
  guint n_news = atlas_dataset_get_geopark_articles (self->dataset, id)->len;
  g_autofree char *places = g_strdup_printf (ngettext ("%u place", "%u places", n_places),
                                             n_places);
  g_autofree char *news = g_strdup_printf (ngettext ("%u news item", "%u news items", n_news),
                                           n_news);
  /* Translators: what a geopark found by the search has, such as "Geopark · 12 places · 30 news
   * items"
   */
  g_autofree char *subtitle = g_strdup_printf (_("Geopark · %s · %s"), places, news);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* The short name, which the subtitle says is a geopark's, fits a narrow
   * sidebar on one line; a screen reader reads the full name.
   */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), short_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("atlas-geopark-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The row's own labels would make the name "short name" once more. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  return row;
}

typedef struct
{
  AtlasGeopark *geopark;
  guint         score;
} Found;

/* Best first; equal scores in the dataset's order. */
static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *found_a = a;
  const Found *found_b = b;

  if (found_a->score != found_b->score)
    return found_a->score > found_b->score ? -1 : 1;

  return 0;
}

static gboolean
same_geoparks (GPtrArray *before,
               GArray    *found)
{
  if (before->len != found->len)
    return FALSE;

  for (guint i = 0; i < found->len; i++)
    if (before->pdata[i] != g_array_index (found, Found, i).geopark)
      return FALSE;

  return TRUE;
}

/* The geoparks the search finds, above the lists: made again only when
 * they change, so that typing on does not make a screen reader read them
 * again.
 */
void
_atlas_sidebar_update_geoparks (AtlasSidebar *self)
{
  GListModel *geoparks = atlas_dataset_get_geoparks (self->dataset);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  GtkWidget *child;

  g_assert (ATLAS_IS_SIDEBAR (self));

  for (guint i = 0; atlas_browse_filter_get_ranked (self->filter) &&
                    i < g_list_model_get_n_items (geoparks); i++)
    {
      g_autoptr(AtlasGeopark) geopark = g_list_model_get_item (geoparks, i);
      Found one = { geopark, atlas_browse_filter_get_score (self->filter, self->dataset, geopark) };

      if (one.score > 0 && atlas_browse_filter_match_geopark (self->filter, self->dataset, geopark))
        g_array_append_val (found, one);
    }
  /* g_array_sort is not stable: a few geoparks are sorted by insertion. */
  for (guint i = 1; i < found->len; i++)
    for (guint j = i; j > 0 && compare_found (&g_array_index (found, Found, j - 1),
                                              &g_array_index (found, Found, j)) > 0; j--)
      {
        Found swap = g_array_index (found, Found, j);

        g_array_index (found, Found, j) = g_array_index (found, Found, j - 1);
        g_array_index (found, Found, j - 1) = swap;
      }

  if (same_geoparks (self->geopark_results, found))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->geoparks_box))) != NULL)
    gtk_list_box_remove (self->geoparks_box, child);
  g_ptr_array_set_size (self->geopark_results, 0);

  for (guint i = 0; i < found->len; i++)
    {
      AtlasGeopark *geopark = g_array_index (found, Found, i).geopark;

      g_ptr_array_add (self->geopark_results, g_object_ref (geopark));
      gtk_list_box_append (self->geoparks_box, new_geopark_row (self, geopark));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->geoparks_box), found->len > 0);
}

static void
on_geopark_row_activated (AtlasSidebar  *self,
                          GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  g_assert (ATLAS_IS_SIDEBAR (self));
  g_assert (index >= 0 && (guint) index < self->geopark_results->len);

  _atlas_sidebar_activate_item (self, self->geopark_results->pdata[index]);
}

/* Down from the last geopark goes on to the list, Up from the first back
 * to the search.
 */
static gboolean
on_geoparks_keynav_failed (AtlasSidebar     *self,
                           GtkDirectionType  direction)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  if (direction == GTK_DIR_DOWN)
    return _atlas_sidebar_list_focus_first (_atlas_sidebar_get_shown_list (self));
  if (direction == GTK_DIR_UP)
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return FALSE;
}

/* The keyboard ------------------------------------------------------------ */

/* The focus on the first result: the first geopark found, or the first row
 * of the list shown. FALSE when there is none.
 */
gboolean
_atlas_sidebar_focus_results (AtlasSidebar *self)
{
  GtkListBoxRow *first_geopark;

  g_assert (ATLAS_IS_SIDEBAR (self));

  first_geopark = gtk_list_box_get_row_at_index (self->geoparks_box, 0);
  if (first_geopark != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (first_geopark));

  return _atlas_sidebar_list_focus_first (_atlas_sidebar_get_shown_list (self));
}

/* What Enter in the search opens, as Down then Enter would: the first
 * geopark found, or the first row of the list shown. NULL when nothing is.
 */
gpointer
_atlas_sidebar_dup_first_result (AtlasSidebar *self)
{
  AtlasSidebarList *list;

  g_assert (ATLAS_IS_SIDEBAR (self));

  if (self->geopark_results->len > 0)
    return g_object_ref (self->geopark_results->pdata[0]);

  list = _atlas_sidebar_get_shown_list (self);
  if (list->shown == NULL || g_list_model_get_n_items (list->shown) == 0)
    return NULL;

  return g_list_model_get_item (list->shown, 0);
}

void
_atlas_sidebar_search_init (AtlasSidebar *self)
{
  g_assert (ATLAS_IS_SIDEBAR (self));

  g_signal_connect_object (self->geoparks_box, "row-activated",
                           G_CALLBACK (on_geopark_row_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->geoparks_box, "keynav-failed",
                           G_CALLBACK (on_geoparks_keynav_failed), self, G_CONNECT_SWAPPED);
}
