/* atlas-sidebar-list.c: one list of the sidebar, news or places.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-sidebar-list"

#include "config.h"

#include "atlas-item-view.h"
#include "atlas-sidebar-private.h"

/* A list's items come from the dataset into a store of its own, which the
 * filter models see through; its view is given a slice of what the filter
 * leaves, and its stack says why the list is empty when it is.
 *
 * GTK 4.8's GtkListView makes, binds and measures a row for each of the
 * first ROWS_MADE_AT_ONCE items of its model as soon as it has them,
 * whatever is seen: all the news rows before the first frame, and as many
 * in the frame that swaps a large dataset in. So each view is given a slice
 * of its list instead: a screenful when the list is first shown or replaced
 * as a whole, then a few more rows each frame, until the slice reaches the
 * items no row is made for and becomes the whole list. Newer GTK makes
 * only the rows seen, and the slice costs it nothing.
 */

#define ROWS_MADE_AT_ONCE 200  /* GTK 4.8's GTK_LIST_VIEW_MAX_LIST_ITEMS */
#define ROWS_PER_FRAME 16
#define ROW_MIN_HEIGHT 60      /* a date, a one-line title and a geopark */
#define FALLBACK_HEIGHT 1080   /* no monitor says how tall it is */

/* Sorter NULL: the items are in order already. The rank function scores
 * an item against the search, for the list's order while one is typed.
 */
void
_atlas_sidebar_list_set_up (AtlasSidebarList   *list,
                            GType               item_type,
                            GtkSorter          *sorter,
                            GtkListItemFactory *factory,
                            AtlasRankFunc       rank_func,
                            gpointer            user_data)
{
  GListModel *sorted;

  g_assert (list != NULL);
  g_assert (GTK_IS_LIST_VIEW (list->view));
  g_assert (list->items == NULL);

  list->items = g_list_store_new (item_type);
  /* Without a function it passes everything: right until something filters. */
  list->filter = GTK_FILTER (gtk_custom_filter_new (NULL, NULL, NULL));

  sorted = g_object_ref (G_LIST_MODEL (list->items));
  if (sorter != NULL)
    sorted = G_LIST_MODEL (gtk_sort_list_model_new (sorted, g_object_ref (sorter)));
  list->matches = gtk_filter_list_model_new (sorted, g_object_ref (list->filter));
  list->shown = G_LIST_MODEL (atlas_ranked_model_new (list->matches, rank_func, user_data));
  list->rows = gtk_slice_list_model_new (g_object_ref (list->shown), 0, G_MAXUINT);

  gtk_list_view_set_factory (list->view, factory);
}

/* The height the list can have at most, before it is first laid out: the
 * window's less what stands above the sidebar's pages, or the tallest
 * monitor's for a window that fills it or has no size yet.
 */
static int
height_at_most (AtlasSidebarList *list)
{
  GtkWidget *view = GTK_WIDGET (list->view);
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *pages = gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK);
  GListModel *monitors;
  int width, height = 0;

  if (GTK_IS_WINDOW (root) && pages != NULL && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);

  if (height > 0)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (pages));
           child != pages;
           child = gtk_widget_get_next_sibling (child))
        {
          int above = 0;

          if (gtk_widget_get_visible (child))
            gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &above, NULL, NULL, NULL);
          height -= above;
        }
      return height;
    }

  monitors = gdk_display_get_monitors (gtk_widget_get_display (view));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }

  return height > 0 ? height : FALLBACK_HEIGHT;
}

/* As many rows as the list could show, at their smallest: once it is laid
 * out, its own height says.
 */
static guint
rows_in_a_screenful (AtlasSidebarList *list)
{
  int height = gtk_widget_get_height (GTK_WIDGET (list->view));

  if (height <= 0)
    height = height_at_most (list);

  return (guint) MAX (height, 0) / ROW_MIN_HEIGHT + 1;
}

/* Every item, rows made or not: the growing is over. */
void
_atlas_sidebar_list_show_all_rows (AtlasSidebarList *list)
{
  g_assert (list != NULL);

  if (list->growth != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (list->view), list->growth);
  list->growth = 0;
  gtk_slice_list_model_set_size (list->rows, G_MAXUINT);
}

static gboolean
grow_rows (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  AtlasSidebarList *list = user_data;
  guint size;

  g_assert (list != NULL);
  g_assert (widget == GTK_WIDGET (list->view));

  /* This frame lays out and draws the screenful. */
  if (list->hold)
    {
      list->hold = FALSE;
      return G_SOURCE_CONTINUE;
    }

  size = gtk_slice_list_model_get_size (list->rows);
  if (size + ROWS_PER_FRAME >= ROWS_MADE_AT_ONCE ||
      size >= g_list_model_get_n_items (list->shown))
    {
      list->growth = 0;
      gtk_slice_list_model_set_size (list->rows, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (list->rows, size + ROWS_PER_FRAME);
  return G_SOURCE_CONTINUE;
}

/* Down to a screenful, growing from the frame after next. */
static void
start_rows (AtlasSidebarList *list)
{
  gtk_slice_list_model_set_size (list->rows, rows_in_a_screenful (list));
  list->hold = TRUE;
  if (list->growth == 0)
    list->growth = gtk_widget_add_tick_callback (GTK_WIDGET (list->view), grow_rows, list, NULL);
}

/* A list gets its rows when its page is first shown, or when an item is to
 * be brought into view in it: the page not shown at start-up can wait for
 * them.
 */
void
_atlas_sidebar_list_attach (AtlasSidebarList *list)
{
  g_assert (list != NULL);

  if (list->rows == NULL || gtk_list_view_get_model (list->view) != NULL)
    return;

  start_rows (list);
  gtk_list_view_set_model (list->view, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                         G_LIST_MODEL (g_object_ref (list->rows)))));
}

/* The items replaced by a dataset's: a long list starts again from a
 * screenful of rows, made smaller before the models below see the change.
 */
void
_atlas_sidebar_list_replace_items (AtlasSidebarList *list,
                                   gpointer         *items,
                                   guint             n_items)
{
  g_assert (list != NULL);

  if (n_items > rows_in_a_screenful (list))
    start_rows (list);
  g_list_store_splice (list->items, 0, g_list_model_get_n_items (G_LIST_MODEL (list->items)),
                       items, n_items);
}

/* Brings the item into view, when the filter leaves it in the list. */
void
_atlas_sidebar_list_scroll_to (AtlasSidebarList *list,
                               gpointer          item)
{
  guint n_items;

  g_assert (list != NULL);

  n_items = g_list_model_get_n_items (list->shown);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (list->shown, i);

      if (other != item)
        continue;

      _atlas_sidebar_list_attach (list);
      _atlas_sidebar_list_show_all_rows (list);
      gtk_widget_activate_action (GTK_WIDGET (list->view), "list.scroll-to-item", "u", i);
      return;
    }
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

/* The list, or why there is none: nothing in the dataset (@all), or
 * nothing found.
 */
void
_atlas_sidebar_list_update_page (AtlasSidebarList *list,
                                 GListModel       *all)
{
  g_assert (list != NULL);
  g_assert (G_IS_LIST_MODEL (all));

  if (g_list_model_get_n_items (list->shown) > 0)
    show_page (list->stack, "list");
  else
    show_page (list->stack, g_list_model_get_n_items (all) > 0 ? "no-results" : "empty");
}

/* The list's sort and filter functions look into the sidebar: whatever
 * else still holds a list model (GTK may, for a while) must no longer hear
 * from the dataset, which outlives the window and is reloaded in the
 * background. The news list hears only from its own store, which only the
 * sidebar fills.
 */
void
_atlas_sidebar_list_clear (AtlasSidebarList *list,
                           gpointer          listener)
{
  g_assert (list != NULL);

  if (list->shown != NULL)
    {
      GListModel *sorted = gtk_filter_list_model_get_model (list->matches);

      g_signal_handlers_disconnect_by_data (list->shown, listener);
      atlas_ranked_model_unset (ATLAS_RANKED_MODEL (list->shown));
      if (GTK_IS_SORT_LIST_MODEL (sorted))
        gtk_sort_list_model_set_model (GTK_SORT_LIST_MODEL (sorted), NULL);
    }
  if (list->growth != 0 && list->view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (list->view), list->growth);
  list->growth = 0;

  g_clear_object (&list->rows);
  g_clear_object (&list->shown);
  g_clear_object (&list->matches);
  g_clear_object (&list->filter);
  g_clear_object (&list->items);
}

/* The row of the list's first item, once it is made. */
static GtkWidget *
first_row (AtlasSidebarList *list)
{
  g_autoptr(GObject) first = g_list_model_get_item (list->shown, 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (ATLAS_IS_ITEM_VIEW (row) && atlas_item_view_get_item (ATLAS_ITEM_VIEW (row)) == first)
        return child;
    }

  return NULL;
}

/* Moves the focus to the list's first row, scrolled into view. Moving the
 * focus into a GtkListView gives it back to the row that had it last,
 * wherever the search has moved that row since; GTK 4.8 has no call that
 * focuses a row by position, so the first row is found among the view's
 * children, where scrolling to it has made it.
 */
gboolean
_atlas_sidebar_list_focus_first (AtlasSidebarList *list)
{
  GtkWidget *row;

  g_assert (list != NULL);

  if (list->shown == NULL || g_list_model_get_n_items (list->shown) == 0)
    return FALSE;

  _atlas_sidebar_list_attach (list);
  gtk_widget_activate_action (GTK_WIDGET (list->view), "list.scroll-to-item", "u", 0);
  row = first_row (list);
  if (row != NULL)
    return gtk_widget_grab_focus (row);

  return gtk_widget_child_focus (GTK_WIDGET (list->view), GTK_DIR_TAB_FORWARD);
}
