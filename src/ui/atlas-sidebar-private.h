/* atlas-sidebar-private.h: the sidebar's insides, for the window and the tests.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-ranked-model.h"
#include "atlas-sidebar.h"
#include "atlas-wrap-box.h"

G_BEGIN_DECLS

/* One list of the sidebar, news or places. */
typedef struct
{
  /* Template widgets */
  GtkStack            *stack;   /* the list, or why there is none */
  GtkListView         *view;
  AdwStatusPage       *no_results;
  GtkButton           *other_button;  /* to the other list, when it has results */

  /* Owned references: the items of the dataset in a store of our own, filled
   * when it changes (the news sorted already, which at every keystroke is
   * much cheaper than a GtkSortListModel looking each item up in the
   * dataset's list; and both so that the views' slices shrink before a new
   * dataset reaches them); the filter, which wraps the browse filter; what
   * it leaves; that, best first while a search is typed (an
   * AtlasRankedModel); and the slice of that the view is given.
   */
  GListStore          *items;
  GtkFilter           *filter;
  GtkFilterListModel  *matches;
  GListModel          *shown;
  GtkSliceListModel   *rows;

  guint                growth;  /* tick callback, while the rows grow */
  gboolean             hold;    /* the next frame shows the screenful as it is */
} AtlasSidebarList;

struct _AtlasSidebar
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton       *primary_menu_button;
  GMenuModel          *primary_menu;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  AtlasWrapBox        *chips_box;
  GtkLabel            *count_label;
  GtkMenuButton       *order_button;
  GMenuModel          *order_menu;
  GtkListBox          *geoparks_box;
  AdwViewStack        *stack;

  /* The lists as the filter leaves them: newest news first, places by
   * geopark. Their views and stacks are template widgets too.
   */
  AtlasSidebarList     news;
  AtlasSidebarList     places;

  /* Owned references: the window's */
  AtlasDataset        *dataset;
  AtlasBrowseFilter   *filter;
  AtlasHistory        *history;

  gboolean             folded;
  gboolean             filters_pass_all;  /* no function: nothing filters */
  gboolean             news_by_date;      /* newest first even while searching */

  /* The geoparks the search finds, shown above the lists, best first. */
  GPtrArray           *geopark_results;

  /* How places are sorted: by the rank of their geopark (id → 1 + its
   * place in the dataset), then by name in the language shown, asked once.
   */
  GtkSorter           *places_sorter;
  GHashTable          *geopark_ranks;
  AtlasLanguage        sort_language;

  /* What each choice of the filter menus stands for. */
  GPtrArray           *geopark_choices;  /* ids, NULL first for "all" */
  GArray              *year_choices;     /* int, 0 first for "all" */
  gboolean             syncing;

  /* Borrowed references: the filter menu, NULL until it is first opened
   * (atlas-sidebar-filters.c); its button owns it.
   */
  GtkPopover          *filter_popover;
  GtkDropDown         *geopark_dropdown;
  GtkDropDown         *topic_dropdown;
  GtkDropDown         *year_dropdown;
};

/* atlas-sidebar-list.c */
void              _atlas_sidebar_list_set_up        (AtlasSidebarList   *list,
                                                     GType               item_type,
                                                     GtkSorter          *sorter,
                                                     GtkListItemFactory *factory,
                                                     AtlasRankFunc       rank_func,
                                                     gpointer            user_data);
void              _atlas_sidebar_list_attach        (AtlasSidebarList   *list);
void              _atlas_sidebar_list_show_all_rows (AtlasSidebarList   *list);
void              _atlas_sidebar_list_replace_items (AtlasSidebarList   *list,
                                                     gpointer           *items,
                                                     guint               n_items);
void              _atlas_sidebar_list_scroll_to     (AtlasSidebarList   *list,
                                                     gpointer            item);
void              _atlas_sidebar_list_update_page   (AtlasSidebarList   *list,
                                                     GListModel         *all);
void              _atlas_sidebar_list_clear         (AtlasSidebarList   *list,
                                                     gpointer            listener);
gboolean          _atlas_sidebar_list_focus_first   (AtlasSidebarList   *list);

/* atlas-sidebar.c */
AtlasSidebarList *_atlas_sidebar_get_shown_list     (AtlasSidebar       *self);
void              _atlas_sidebar_activate_item      (AtlasSidebar       *self,
                                                     gpointer            item);

/* atlas-sidebar-search.c */
void              _atlas_sidebar_search_init        (AtlasSidebar       *self);
void              _atlas_sidebar_update_results     (AtlasSidebar       *self);
void              _atlas_sidebar_update_geoparks    (AtlasSidebar       *self);
gboolean          _atlas_sidebar_focus_results      (AtlasSidebar       *self);
gpointer          _atlas_sidebar_dup_first_result   (AtlasSidebar       *self);

/* atlas-sidebar-filters.c */
void _atlas_sidebar_update_chips        (AtlasSidebar       *self);
void _atlas_sidebar_fill_choices        (AtlasSidebar       *self);
void _atlas_sidebar_fill_dropdowns      (AtlasSidebar       *self);
void _atlas_sidebar_sync_dropdowns      (AtlasSidebar       *self);
void _atlas_sidebar_add_filter_popover  (GtkMenuButton      *button,
                                         gpointer            user_data);

G_END_DECLS
