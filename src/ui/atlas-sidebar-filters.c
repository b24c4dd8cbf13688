/* atlas-sidebar-filters.c: the sidebar's filter menu and chips.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-sidebar-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-i18n.h"
#include "atlas-sidebar-private.h"

/* What filters the lists besides the search, shown twice: as a menu of
 * three drop-downs (a geopark, a topic, a year), and as a chip for each
 * filter set, which removes it. Both show the window's browse filter,
 * whoever changed it.
 */

static const AtlasTopics topics[ATLAS_N_TOPICS] = {
  ATLAS_TOPIC_RECOGNITION,
  ATLAS_TOPIC_CONSERVATION,
  ATLAS_TOPIC_EDUCATION,
  ATLAS_TOPIC_COMMUNITY,
  ATLAS_TOPIC_TOURISM,
  ATLAS_TOPIC_COOPERATION,
  ATLAS_TOPIC_EVENTS,
};

/* Chips ----------------------------------------------------------------- */

typedef void (*ClearFunc) (AtlasBrowseFilter *filter);

static void
clear_place (AtlasBrowseFilter *filter)
{
  atlas_browse_filter_set_place_id (filter, NULL);
}

static void
clear_geopark (AtlasBrowseFilter *filter)
{
  atlas_browse_filter_set_geopark_id (filter, NULL);
}

static void
clear_topic (AtlasBrowseFilter *filter)
{
  atlas_browse_filter_set_topic (filter, 0);
}

static void
clear_year (AtlasBrowseFilter *filter)
{
  atlas_browse_filter_set_year (filter, 0);
}

static void
on_chip_clicked (GtkButton    *chip,
                 AtlasSidebar *self)
{
  ClearFunc clear = g_object_get_data (G_OBJECT (chip), "clear");

  g_assert (ATLAS_IS_SIDEBAR (self));

  clear (self->filter);
  /* The chip is gone: keep the keyboard in the sidebar. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_chip (AtlasSidebar *self,
          const char   *icon_name,
          const char   *label,
          ClearFunc     clear)
{
  g_autofree char *accessible = NULL;
  GtkWidget *chip;
  GtkWidget *box;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL,
                                               "label", label,
                                               "ellipsize", PANGO_ELLIPSIZE_END,
                                               "max-width-chars", 24,
                                               NULL));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));

  /* Translators: a button that removes one filter of the lists; %s is what it filters by */
  accessible = g_strdup_printf (_("Remove Filter: %s"), label);
  chip = g_object_new (GTK_TYPE_BUTTON,
                       "child", box,
                       "tooltip-text", _("Remove this filter"),
                       NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_add_css_class (chip, "filter-chip");
  g_object_set_data (G_OBJECT (chip), "clear", clear);
  g_signal_connect_object (chip, "clicked", G_CALLBACK (on_chip_clicked), self, 0);
  atlas_wrap_box_append (self->chips_box, chip);
}

void
_atlas_sidebar_update_chips (AtlasSidebar *self)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  const char *place_id = atlas_browse_filter_get_place_id (self->filter);
  const char *geopark_id = atlas_browse_filter_get_geopark_id (self->filter);
  AtlasTopics topic = atlas_browse_filter_get_topic (self->filter);
  int year = atlas_browse_filter_get_year (self->filter);
  gboolean any = FALSE;

  g_assert (ATLAS_IS_SIDEBAR (self));

  atlas_wrap_box_remove_all (self->chips_box);

  if (place_id != NULL)
    {
      AtlasPlace *place = atlas_dataset_lookup_place (self->dataset, place_id);

      add_chip (self, "mark-location-symbolic",
                place != NULL ? atlas_text_get (atlas_place_get_name (place), language) : place_id,
                clear_place);
      any = TRUE;
    }
  if (geopark_id != NULL)
    {
      AtlasGeopark *geopark = atlas_dataset_lookup_geopark (self->dataset, geopark_id);

      add_chip (self, "atlas-geopark-symbolic",
                geopark != NULL ? atlas_text_get (atlas_geopark_get_short_name (geopark), language) :
                                  geopark_id,
                clear_geopark);
      any = TRUE;
    }
  if (topic != 0)
    {
      add_chip (self, "atlas-topic-symbolic", atlas_topic_get_label (topic), clear_topic);
      any = TRUE;
    }
  if (year != 0)
    {
      g_autofree char *label = g_strdup_printf ("%d", year);

      add_chip (self, "x-office-calendar-symbolic", label, clear_year);
      any = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), any);
}

/* Filter menus ---------------------------------------------------------- */

/* The choices of the menus: what each entry stands for, the first "all". */
void
_atlas_sidebar_fill_choices (AtlasSidebar *self)
{
  GListModel *geoparks = atlas_dataset_get_geoparks (self->dataset);
  g_autoptr(GArray) years = atlas_dataset_get_article_years (self->dataset);
  int all = 0;

  g_ptr_array_set_size (self->geopark_choices, 0);
  g_ptr_array_add (self->geopark_choices, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (geoparks); i++)
    {
      g_autoptr(AtlasGeopark) geopark = g_list_model_get_item (geoparks, i);

      g_ptr_array_add (self->geopark_choices, g_strdup (atlas_geopark_get_id (geopark)));
    }

  g_array_set_size (self->year_choices, 0);
  g_array_append_val (self->year_choices, all);
  g_array_append_vals (self->year_choices, years->data, years->len);
}

/* The menus' entries, once the menus are built. */
void
_atlas_sidebar_fill_dropdowns (AtlasSidebar *self)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  g_autoptr(GtkStringList) geopark_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) topic_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) year_names = gtk_string_list_new (NULL);

  if (self->filter_popover == NULL)
    return;

  gtk_string_list_append (geopark_names, _("All Geoparks"));
  for (guint i = 1; i < self->geopark_choices->len; i++)
    {
      const char *id = g_ptr_array_index (self->geopark_choices, i);
      AtlasGeopark *geopark = atlas_dataset_lookup_geopark (self->dataset, id);

      gtk_string_list_append (geopark_names,
                              atlas_text_get (atlas_geopark_get_short_name (geopark), language));
    }

  gtk_string_list_append (topic_names, _("All Topics"));
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    gtk_string_list_append (topic_names, atlas_topic_get_label (topics[i]));

  gtk_string_list_append (year_names, _("All Years"));
  for (guint i = 1; i < self->year_choices->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (self->year_choices, int, i));

      gtk_string_list_append (year_names, label);
    }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->geopark_dropdown, G_LIST_MODEL (geopark_names));
  gtk_drop_down_set_model (self->topic_dropdown, G_LIST_MODEL (topic_names));
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (year_names));
  self->syncing = FALSE;
}

/* The menus show what the filter holds, whoever changed it. */
void
_atlas_sidebar_sync_dropdowns (AtlasSidebar *self)
{
  const char *geopark_id = atlas_browse_filter_get_geopark_id (self->filter);
  AtlasTopics topic = atlas_browse_filter_get_topic (self->filter);
  int year = atlas_browse_filter_get_year (self->filter);
  guint geopark_choice = 0, topic_choice = 0, year_choice = 0;

  g_assert (ATLAS_IS_SIDEBAR (self));

  if (self->filter_popover == NULL)
    return;

  for (guint i = 1; i < self->geopark_choices->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->geopark_choices, i), geopark_id) == 0)
      geopark_choice = i;
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (topics[i] == topic)
      topic_choice = i + 1;
  for (guint i = 1; i < self->year_choices->len; i++)
    if (g_array_index (self->year_choices, int, i) == year)
      year_choice = i;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->geopark_dropdown, geopark_choice);
  gtk_drop_down_set_selected (self->topic_dropdown, topic_choice);
  gtk_drop_down_set_selected (self->year_dropdown, year_choice);
  self->syncing = FALSE;
}

static void
on_dropdown_selected (AtlasSidebar *self,
                      GParamSpec   *pspec,
                      GtkDropDown  *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  g_assert (ATLAS_IS_SIDEBAR (self));

  if (self->syncing || self->filter == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (dropdown == self->geopark_dropdown && selected < self->geopark_choices->len)
    atlas_browse_filter_set_geopark_id (self->filter,
                                        g_ptr_array_index (self->geopark_choices, selected));
  else if (dropdown == self->topic_dropdown)
    atlas_browse_filter_set_topic (self->filter, selected > 0 ? topics[selected - 1] : 0);
  else if (dropdown == self->year_dropdown && selected < self->year_choices->len)
    atlas_browse_filter_set_year (self->filter, g_array_index (self->year_choices, int, selected));
}

/* The filter menu, with its three drop-downs, is built when it is first
 * opened, not with the window, as the main menu is: it then shows the
 * dataset's choices and the filter as they are when it opens.
 */
void
_atlas_sidebar_add_filter_popover (GtkMenuButton *button,
                                   gpointer       user_data)
{
  AtlasSidebar *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkDropDown *dropdowns[3];

  g_assert (ATLAS_IS_SIDEBAR (self));

  if (self->filter_popover != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/atlas-filter-popover.ui");
  self->filter_popover = GTK_POPOVER (gtk_builder_get_object (builder, "filter_popover"));
  self->geopark_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "geopark_dropdown"));
  self->topic_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "topic_dropdown"));
  self->year_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "year_dropdown"));
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->filter_popover));

  if (self->dataset != NULL)
    {
      _atlas_sidebar_fill_dropdowns (self);
      _atlas_sidebar_sync_dropdowns (self);
    }

  dropdowns[0] = self->geopark_dropdown;
  dropdowns[1] = self->topic_dropdown;
  dropdowns[2] = self->year_dropdown;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_object (dropdowns[i], "notify::selected", G_CALLBACK (on_dropdown_selected),
                             self, G_CONNECT_SWAPPED);
}

