/* atlas-sidebar.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-article-row.h"
#include "atlas-i18n.h"
#include "atlas-place-row.h"
#include "atlas-sidebar-private.h"

/* The sidebar: news and places, the search, the filters as menus and as
 * removable chips, and how many items they leave. It shows the window's
 * browse filter and says which item was activated; what opening an item
 * does is the window's business.
 */

G_DEFINE_FINAL_TYPE (AtlasSidebar, atlas_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_FOLDED,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const AtlasTopics topics[ATLAS_N_TOPICS] = {
  ATLAS_TOPIC_RECOGNITION,
  ATLAS_TOPIC_CONSERVATION,
  ATLAS_TOPIC_EDUCATION,
  ATLAS_TOPIC_COMMUNITY,
  ATLAS_TOPIC_TOURISM,
  ATLAS_TOPIC_COOPERATION,
  ATLAS_TOPIC_EVENTS,
};

const char *
atlas_sidebar_get_page (AtlasSidebar *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
atlas_sidebar_set_page (AtlasSidebar *self,
                        const char   *page)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));
  g_return_if_fail (page != NULL);

  adw_view_stack_set_visible_child_name (self->stack, page);
}

gboolean
atlas_sidebar_get_folded (AtlasSidebar *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), FALSE);

  return self->folded;
}

void
atlas_sidebar_set_folded (AtlasSidebar *self,
                          gboolean      folded)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

void
atlas_sidebar_focus_search (AtlasSidebar *self)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static guint
find_position (GListModel *model,
               gpointer    item)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void attach_list (AtlasSidebar *self,
                         GtkListView  *list);
static void show_all_rows (AtlasSidebar *self,
                           GtkListView  *list);

/* Brings the item into view in its list, when the filters show it. */
void
atlas_sidebar_scroll_to (AtlasSidebar *self,
                         gpointer      item)
{
  struct {
    GListModel  *model;
    GtkListView *list;
  } lists[] = {
    { self->news_model, self->news_list },
    { self->places_model, self->places_list },
  };

  g_return_if_fail (ATLAS_IS_SIDEBAR (self));
  g_return_if_fail (G_IS_OBJECT (item));

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      guint position = find_position (lists[i].model, item);

      if (position == GTK_INVALID_LIST_POSITION)
        continue;

      attach_list (self, lists[i].list);
      show_all_rows (self, lists[i].list);
      gtk_widget_activate_action (GTK_WIDGET (lists[i].list), "list.scroll-to-item", "u",
                                  position);
    }
}

/* The ids of the list shown, as the search and filters leave it: what a
 * presentation tours.
 */
GStrv
atlas_sidebar_dup_visible_ids (AtlasSidebar *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GListModel *model;

  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);

  model = g_strcmp0 (atlas_sidebar_get_page (self), "places") == 0 ? self->places_model :
                                                                    self->news_model;
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_strv_builder_add (ids, id);
    }

  return g_strv_builder_end (ids);
}

/* "12 news items", or "12 of 42 news items" when something filters them. */
static void
update_count (AtlasSidebar *self)
{
  gboolean news = g_strcmp0 (atlas_sidebar_get_page (self), "places") != 0;
  GListModel *shown = news ? self->news_model : self->places_model;
  GListModel *all;
  guint n_shown, n_all;
  g_autofree char *count = NULL;

  if (shown == NULL)
    return;

  all = news ? atlas_dataset_get_articles (self->dataset) : atlas_dataset_get_places (self->dataset);
  n_shown = g_list_model_get_n_items (shown);
  n_all = g_list_model_get_n_items (all);

  if (n_shown == n_all && news)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u news item", "%u news items", n_all),
                             n_all);
  else if (n_shown == n_all)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places", n_all), n_all);
  else if (news)
    /* Translators: how many news items the search and filters leave, of all */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u news item",
                                          "%u of %u news items", n_all),
                             n_shown, n_all);
  else
    /* Translators: how many places the search and filters leave, of all */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u place", "%u of %u places",
                                          n_all),
                             n_shown, n_all);

  gtk_label_set_label (self->count_label, count);
}

/* The status pages start hidden, so that start-up neither styles them nor
 * loads their icons: each is made visible when first switched to.
 */
static void
show_page (GtkStack   *stack,
           const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
}

/* The list, or why there is none: nothing in the dataset, or nothing found. */
static void
update_list_page (AtlasSidebar *self,
                  GtkStack     *stack,
                  GListModel   *shown,
                  GListModel   *all)
{
  if (g_list_model_get_n_items (shown) > 0)
    show_page (stack, "list");
  else
    show_page (stack, g_list_model_get_n_items (all) > 0 ? "no-results" : "empty");
}

static void
on_articles_changed (AtlasSidebar *self)
{
  update_list_page (self, self->news_stack, self->news_model,
                    atlas_dataset_get_articles (self->dataset));
  update_count (self);
}

static void
on_places_changed (AtlasSidebar *self)
{
  update_list_page (self, self->places_stack, self->places_model,
                    atlas_dataset_get_places (self->dataset));
  update_count (self);
}

/* Rows -------------------------------------------------------------------
 *
 * GTK 4.8's GtkListView makes, binds and measures a row for each of the
 * first 200 items of its model as soon as it has them, whatever is seen:
 * all 42 news rows before the first frame, 200 in the frame that swaps a
 * large dataset in. So each view is given a slice of its list instead: a
 * screenful when the list is first shown or replaced as a whole, then a
 * few more rows each frame, until the slice reaches the items no row is
 * made for and becomes the whole list. Newer GTK makes only the rows seen,
 * and the slice costs it nothing.
 */

#define ROWS_MADE_AT_ONCE 200  /* GTK 4.8's GTK_LIST_VIEW_MAX_LIST_ITEMS */
#define ROWS_PER_FRAME 16
#define ROW_MIN_HEIGHT 60      /* a date, a one-line title and a geopark */

static GtkSliceListModel *
rows_of (AtlasSidebar *self,
         GtkListView  *list)
{
  return list == self->places_list ? self->places_rows : self->news_rows;
}

static guint *
growth_of (AtlasSidebar *self,
           GtkListView  *list)
{
  return list == self->places_list ? &self->places_growth : &self->news_growth;
}

static gboolean *
hold_of (AtlasSidebar *self,
         GtkListView  *list)
{
  return list == self->places_list ? &self->places_hold : &self->news_hold;
}

/* The height the lists can have at most, before they are first laid out:
 * the window's less what stands above them in the sidebar, or the tallest
 * monitor's for a window that fills it or has no size yet.
 */
static int
lists_height_at_most (AtlasSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *stack = GTK_WIDGET (self->stack);
  GListModel *monitors;
  int width, height = 0;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);

  if (height > 0)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (stack));
           child != stack;
           child = gtk_widget_get_next_sibling (child))
        {
          int above = 0;

          if (gtk_widget_get_visible (child))
            gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &above, NULL, NULL, NULL);
          height -= above;
        }
      return height;
    }

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }

  return height > 0 ? height : 1080;
}

/* As many rows as the list could show, at their smallest: once it is laid
 * out, its own height says.
 */
static guint
rows_in_a_screenful (AtlasSidebar *self,
                     GtkListView  *list)
{
  int height = gtk_widget_get_height (GTK_WIDGET (list));

  if (height <= 0)
    height = lists_height_at_most (self);

  return (guint) MAX (height, 0) / ROW_MIN_HEIGHT + 1;
}

/* Every item, rows made or not: the growing is over. */
static void
show_all_rows (AtlasSidebar *self,
               GtkListView  *list)
{
  guint *growth = growth_of (self, list);

  if (*growth != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (list), *growth);
  *growth = 0;
  gtk_slice_list_model_set_size (rows_of (self, list), G_MAXUINT);
}

static gboolean
grow_rows (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  AtlasSidebar *self = user_data;
  GtkListView *list = GTK_LIST_VIEW (widget);
  GtkSliceListModel *rows = rows_of (self, list);
  gboolean *hold = hold_of (self, list);
  guint size = gtk_slice_list_model_get_size (rows);

  /* This frame lays out and draws the screenful. */
  if (*hold)
    {
      *hold = FALSE;
      return G_SOURCE_CONTINUE;
    }

  if (size + ROWS_PER_FRAME >= ROWS_MADE_AT_ONCE ||
      size >= g_list_model_get_n_items (gtk_slice_list_model_get_model (rows)))
    {
      *growth_of (self, list) = 0;
      gtk_slice_list_model_set_size (rows, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (rows, size + ROWS_PER_FRAME);
  return G_SOURCE_CONTINUE;
}

/* Down to a screenful, growing from the frame after next. */
static void
start_rows (AtlasSidebar *self,
            GtkListView  *list)
{
  guint *growth = growth_of (self, list);

  gtk_slice_list_model_set_size (rows_of (self, list), rows_in_a_screenful (self, list));
  *hold_of (self, list) = TRUE;
  if (*growth == 0)
    *growth = gtk_widget_add_tick_callback (GTK_WIDGET (list), grow_rows, self, NULL);
}

/* A list gets its rows when its page is first shown, or when an item is to
 * be brought into view in it: the page not shown at start-up can wait for
 * them.
 */
static void
attach_list (AtlasSidebar *self,
             GtkListView  *list)
{
  if (rows_of (self, list) == NULL || gtk_list_view_get_model (list) != NULL)
    return;

  start_rows (self, list);
  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                   G_LIST_MODEL (g_object_ref (rows_of (self, list))))));
}

static void
attach_visible_list (AtlasSidebar *self)
{
  attach_list (self, g_strcmp0 (atlas_sidebar_get_page (self), "places") == 0 ? self->places_list :
                                                                               self->news_list);
}

static void
on_page_changed (AtlasSidebar *self)
{
  attach_visible_list (self);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static gboolean
filter_article (gpointer item,
                gpointer user_data)
{
  AtlasSidebar *self = user_data;

  return atlas_browse_filter_match_article (self->filter, self->dataset, item);
}

static gboolean
filter_place (gpointer item,
              gpointer user_data)
{
  AtlasSidebar *self = user_data;

  return atlas_browse_filter_match_place (self->filter, self->dataset, item);
}

/* The geoparks' order, looked up by the places' sorter at every comparison:
 * made once per load, and before the list is first sorted, or the list
 * would open scrolled to wherever its first row went.
 */
static void
update_geopark_ranks (AtlasSidebar *self)
{
  GListModel *geoparks = atlas_dataset_get_geoparks (self->dataset);

  g_hash_table_remove_all (self->geopark_ranks);
  for (guint i = 0; i < g_list_model_get_n_items (geoparks); i++)
    {
      g_autoptr(AtlasGeopark) geopark = g_list_model_get_item (geoparks, i);

      g_hash_table_insert (self->geopark_ranks, g_strdup (atlas_geopark_get_id (geopark)),
                           GUINT_TO_POINTER (i + 1));
    }
}

/* The geopark's place in the dataset's order. */
static guint
geopark_rank (AtlasSidebar *self,
              AtlasPlace   *place)
{
  const char *id = atlas_place_get_geopark_id (place);
  guint rank = id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->geopark_ranks, id)) : 0;

  return rank > 0 ? rank : G_MAXUINT;
}

/* Places by geopark, in the dataset's order of geoparks; the places of
 * none (partner geoparks abroad, venues) last. Within a geopark, by name in
 * the alphabet of the language shown.
 */
static int
sort_places (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  AtlasSidebar *self = user_data;
  AtlasLanguage language = self->sort_language;
  guint rank_a = geopark_rank (self, (AtlasPlace *) a);
  guint rank_b = geopark_rank (self, (AtlasPlace *) b);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;

  return strcmp (atlas_place_get_sort_key ((AtlasPlace *) a, language),
                 atlas_place_get_sort_key ((AtlasPlace *) b, language));
}

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

static void
update_chips (AtlasSidebar *self)
{
  AtlasLanguage language = atlas_i18n_get_content_language ();
  const char *place_id = atlas_browse_filter_get_place_id (self->filter);
  const char *geopark_id = atlas_browse_filter_get_geopark_id (self->filter);
  AtlasTopics topic = atlas_browse_filter_get_topic (self->filter);
  int year = atlas_browse_filter_get_year (self->filter);
  gboolean any = FALSE;

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
static void
fill_choices (AtlasSidebar *self)
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
static void
fill_dropdowns (AtlasSidebar *self)
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
static void
sync_dropdowns (AtlasSidebar *self)
{
  const char *geopark_id = atlas_browse_filter_get_geopark_id (self->filter);
  AtlasTopics topic = atlas_browse_filter_get_topic (self->filter);
  int year = atlas_browse_filter_get_year (self->filter);
  guint geopark_choice = 0, topic_choice = 0, year_choice = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.clear-filters",
                                 !atlas_browse_filter_is_empty (self->filter));
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

/* Search ---------------------------------------------------------------- */

static void
on_search_changed (AtlasSidebar *self)
{
  if (self->filter != NULL && !self->syncing)
    atlas_browse_filter_set_search (self->filter,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Escape clears the search first, then the filters. */
static gboolean
clear_one_step (AtlasSidebar *self)
{
  if (self->filter == NULL || atlas_browse_filter_is_empty (self->filter))
    return FALSE;

  if (*atlas_browse_filter_get_search (self->filter) != '\0')
    atlas_browse_filter_set_search (self->filter, "");
  else
    atlas_browse_filter_clear (self->filter);

  return TRUE;
}

static void
on_stop_search (AtlasSidebar *self)
{
  clear_one_step (self);
}

static gboolean
escape_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  return clear_one_step (ATLAS_SIDEBAR (widget));
}

static GtkListView *
visible_list (AtlasSidebar *self)
{
  return g_strcmp0 (atlas_sidebar_get_page (self), "places") == 0 ? self->places_list :
                                                                   self->news_list;
}

static GListModel *
visible_model (AtlasSidebar *self)
{
  return g_strcmp0 (atlas_sidebar_get_page (self), "places") == 0 ? self->places_model :
                                                                   self->news_model;
}

/* Enter in the search opens the first result. */
static void
on_search_activate (AtlasSidebar *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (visible_model (self), 0);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/* Down from the search goes to the results. */
static gboolean
on_search_key_pressed (AtlasSidebar          *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      g_list_model_get_n_items (visible_model (self)) == 0)
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (visible_list (self)), GTK_DIR_TAB_FORWARD);
}

static void
on_news_activate (AtlasSidebar *self,
                  guint         position)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->news_model, position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
on_places_activate (AtlasSidebar *self,
                    guint         position)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->places_model, position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (widget);

  atlas_browse_filter_clear (self->filter);
  if (self->filter_popover != NULL)
    gtk_popover_popdown (self->filter_popover);
}

/* With nothing to filter by, the filters have no function: GTK's filter
 * models then pass every item through without asking about each, which
 * takes a large dataset's swap 15 ms less at 50,000 news. TRUE when that
 * changed, which refilters the lists.
 */
static gboolean
update_filter_funcs (AtlasSidebar *self)
{
  gboolean all = atlas_browse_filter_is_empty (self->filter);

  if (all == self->filters_pass_all)
    return FALSE;

  self->filters_pass_all = all;
  gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (self->news_filter),
                                     all ? NULL : filter_article, all ? NULL : self, NULL);
  gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (self->places_filter),
                                     all ? NULL : filter_place, all ? NULL : self, NULL);
  return TRUE;
}

/* The search entry, chips, menus, count and pages for the filter and the
 * lists as they are.
 */
static void
show_filter (AtlasSidebar *self)
{
  const char *search = atlas_browse_filter_get_search (self->filter);

  if (g_strcmp0 (search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
      self->syncing = FALSE;
    }

  update_chips (self);
  sync_dropdowns (self);
  on_articles_changed (self);
  on_places_changed (self);
}

static void
on_filter_changed (AtlasSidebar *self)
{
  /* Typing narrows: only what is shown needs a second look. */
  GtkFilterChange change = atlas_browse_filter_get_narrowed (self->filter)
                           ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT;

  if (update_filter_funcs (self))
    ;
  /* A space typed: the same words, the same lists. */
  else if (!atlas_browse_filter_get_matches_unchanged (self->filter))
    {
      gtk_filter_changed (self->news_filter, change);
      gtk_filter_changed (self->places_filter, change);
    }
  show_filter (self);
}

/* A list's items replaced by a dataset's: a long list starts again from a
 * screenful of rows, made smaller before the models below see the change.
 */
static void
replace_items (AtlasSidebar *self,
               GtkListView  *list,
               GListStore   *store,
               gpointer     *items,
               guint         n_items)
{
  if (n_items > rows_in_a_screenful (self, list))
    start_rows (self, list);
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items, n_items);
}

static void
on_dataset_changed (AtlasSidebar *self)
{
  GPtrArray *news = atlas_dataset_get_articles_by_date (self->dataset);
  GListModel *places = atlas_dataset_get_places (self->dataset);
  guint n_places = g_list_model_get_n_items (places);
  g_autoptr(GPtrArray) place_items = g_ptr_array_new_full (n_places, g_object_unref);

  for (guint i = 0; i < n_places; i++)
    g_ptr_array_add (place_items, g_list_model_get_item (places, i));

  replace_items (self, self->news_list, self->news_by_date, news->pdata, news->len);
  replace_items (self, self->places_list, self->places_by_file, place_items->pdata,
                 place_items->len);
  update_geopark_ranks (self);
  gtk_sorter_changed (self->places_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  fill_choices (self);
  fill_dropdowns (self);
  /* The filter models have just filtered the new items, with the new
   * search index (the dataset swaps it in before its lists): filtering
   * 55,000 items again would only lengthen the frame that shows them.
   */
  show_filter (self);
}

/* Lists ----------------------------------------------------------------- */

static void
setup_article_row (GtkListItemFactory *factory,
                   GtkListItem        *list_item,
                   AtlasSidebar       *self)
{
  gtk_list_item_set_child (list_item, atlas_article_row_new (self->dataset, self->filter,
                                                             self->history));
}

static void
setup_place_row (GtkListItemFactory *factory,
                 GtkListItem        *list_item,
                 AtlasSidebar       *self)
{
  gtk_list_item_set_child (list_item, atlas_place_row_new (self->dataset, self->filter,
                                                           self->history));
}

static void
bind_row (GtkListItemFactory *factory,
          GtkListItem        *list_item,
          AtlasSidebar       *self)
{
  atlas_item_view_set_item (ATLAS_ITEM_VIEW (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item));
}

/* Sorter NULL: the items are in order already. Returns the list as the
 * filter leaves it; the view gets a slice of it when first shown.
 */
static GListModel *
set_up_list (AtlasSidebar       *self,
             GtkListView        *list,
             GListModel         *items,
             GtkSorter          *sorter,
             GtkFilter          *filter,
             GCallback           setup,
             GtkSliceListModel **rows)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GListModel *sorted;
  GListModel *shown;

  sorted = g_object_ref (items);
  if (sorter != NULL)
    sorted = G_LIST_MODEL (gtk_sort_list_model_new (sorted, sorter));
  shown = G_LIST_MODEL (gtk_filter_list_model_new (sorted, g_object_ref (filter)));
  *rows = gtk_slice_list_model_new (g_object_ref (shown), 0, G_MAXUINT);

  g_signal_connect_object (factory, "setup", setup, self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  gtk_list_view_set_factory (list, factory);

  return shown;
}

/* The window's dataset, filter and history, once, before it is shown. */
void
atlas_sidebar_set_up (AtlasSidebar      *self,
                      AtlasDataset      *dataset,
                      AtlasBrowseFilter *filter,
                      AtlasHistory      *history)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (ATLAS_IS_BROWSE_FILTER (filter));
  g_return_if_fail (ATLAS_IS_HISTORY (history));
  g_return_if_fail (self->dataset == NULL);

  self->dataset = g_object_ref (dataset);
  self->filter = g_object_ref (filter);
  self->history = g_object_ref (history);
  /* A window is made anew for another language: asking once is enough,
   * and asking for each comparison was most of a large reload's sorting.
   */
  self->sort_language = atlas_i18n_get_content_language ();

  /* Without a function they pass everything: right until something filters. */
  self->news_filter = GTK_FILTER (gtk_custom_filter_new (NULL, NULL, NULL));
  self->places_filter = GTK_FILTER (gtk_custom_filter_new (NULL, NULL, NULL));
  self->filters_pass_all = TRUE;
  update_filter_funcs (self);
  self->places_sorter = GTK_SORTER (gtk_custom_sorter_new (sort_places, self, NULL));
  update_geopark_ranks (self);

  self->news_by_date = g_list_store_new (ATLAS_TYPE_ARTICLE);
  self->news_model = set_up_list (self, self->news_list, G_LIST_MODEL (self->news_by_date),
                                  NULL, self->news_filter,
                                  G_CALLBACK (setup_article_row), &self->news_rows);
  self->places_by_file = g_list_store_new (ATLAS_TYPE_PLACE);
  self->places_model = set_up_list (self, self->places_list, G_LIST_MODEL (self->places_by_file),
                                    g_object_ref (self->places_sorter), self->places_filter,
                                    G_CALLBACK (setup_place_row), &self->places_rows);

  g_signal_connect_object (self->news_model, "items-changed",
                           G_CALLBACK (on_articles_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->places_model, "items-changed",
                           G_CALLBACK (on_places_changed), self, G_CONNECT_SWAPPED);
  attach_visible_list (self);
  g_signal_connect_object (filter, "changed",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  /* A reload replaces the articles last: the places, geoparks and years
   * change with them.
   */
  g_signal_connect_object (atlas_dataset_get_articles (dataset), "items-changed",
                           G_CALLBACK (on_dataset_changed), self, G_CONNECT_SWAPPED);

  on_dataset_changed (self);
}

/* The lists' sort and filter functions look into the sidebar: whatever
 * else still holds a list model (GTK may, for a while) must no longer hear
 * from the dataset, which outlives the window and is reloaded in the
 * background. The news list hears only from the sidebar's own list, which
 * only the sidebar fills.
 */
static void
detach_list (AtlasSidebar *self,
             GListModel   *shown)
{
  GListModel *sorted;

  if (shown == NULL)
    return;

  g_signal_handlers_disconnect_by_data (shown, self);
  sorted = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (shown));
  if (GTK_IS_SORT_LIST_MODEL (sorted))
    gtk_sort_list_model_set_model (GTK_SORT_LIST_MODEL (sorted), NULL);
}

static void
atlas_sidebar_dispose (GObject *object)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  detach_list (self, self->news_model);
  detach_list (self, self->places_model);
  if (self->dataset != NULL)
    {
      g_signal_handlers_disconnect_by_data (atlas_dataset_get_articles (self->dataset), self);
    }
  if (self->news_growth != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->news_list), self->news_growth);
  if (self->places_growth != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->places_list), self->places_growth);
  self->news_growth = self->places_growth = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SIDEBAR);
  /* The filter menu went with its button. */
  self->filter_popover = NULL;
  self->geopark_dropdown = self->topic_dropdown = self->year_dropdown = NULL;

  g_clear_object (&self->news_rows);
  g_clear_object (&self->places_rows);
  g_clear_object (&self->news_model);
  g_clear_object (&self->news_by_date);
  g_clear_object (&self->places_by_file);
  g_clear_object (&self->places_model);
  g_clear_object (&self->news_filter);
  g_clear_object (&self->places_filter);
  g_clear_object (&self->places_sorter);
  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (atlas_sidebar_parent_class)->dispose (object);
}

static void
atlas_sidebar_finalize (GObject *object)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  g_ptr_array_unref (self->geopark_choices);
  g_hash_table_unref (self->geopark_ranks);
  g_array_unref (self->year_choices);

  G_OBJECT_CLASS (atlas_sidebar_parent_class)->finalize (object);
}

static void
atlas_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, atlas_sidebar_get_page (self));
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      atlas_sidebar_set_page (self, g_value_get_string (value));
      break;

    case PROP_FOLDED:
      atlas_sidebar_set_folded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sidebar_class_init (AtlasSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_sidebar_dispose;
  object_class->finalize = atlas_sidebar_finalize;
  object_class->get_property = atlas_sidebar_get_property;
  object_class->set_property = atlas_sidebar_set_property;

  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         "news",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasSidebar::item-activated:
   * @item: the article or place
   *
   * A row was clicked, or chosen with Enter.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  g_type_ensure (ATLAS_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, chips_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, news_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, news_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, places_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, places_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_news_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_places_activate);

  gtk_widget_class_install_action (widget_class, "sidebar.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_shortcut, NULL);
}

/* The main menu's popover is built when it is first opened (by a click or
 * F10), not with the window: its rows are work before the first frame.
 */
static void
add_primary_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  AtlasSidebar *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* So is the filter menu, with its three drop-downs: it then shows the
 * dataset's choices and the filter as they are when it opens.
 */
static void
add_filter_popover (GtkMenuButton *button,
                    gpointer       user_data)
{
  AtlasSidebar *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkDropDown *dropdowns[3];

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
      fill_dropdowns (self);
      sync_dropdowns (self);
    }

  dropdowns[0] = self->geopark_dropdown;
  dropdowns[1] = self->topic_dropdown;
  dropdowns[2] = self->year_dropdown;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_object (dropdowns[i], "notify::selected", G_CALLBACK (on_dropdown_selected),
                             self, G_CONNECT_SWAPPED);
}

static void
atlas_sidebar_init (AtlasSidebar *self)
{
  GtkEventController *keys;

  self->geopark_choices = g_ptr_array_new_with_free_func (g_free);
  self->geopark_ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->year_choices = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, add_primary_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->filter_button, add_filter_popover, self, NULL);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}
