/* atlas-sidebar-private.h: the sidebar's insides, for the window and the tests.
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-sidebar.h"
#include "atlas-wrap-box.h"

G_BEGIN_DECLS

struct _AtlasSidebar
{
  AdwBin               parent_instance;

  AtlasDataset        *dataset;
  AtlasBrowseFilter   *filter;
  AtlasHistory        *history;
  gboolean             folded;

  /* The lists as the filter leaves them, newest news first and places by
   * geopark; the filters' GtkFilter wraps the browse filter. The items come
   * from the dataset into lists of our own, filled when it changes: the news
   * sorted already, which at every keystroke is much cheaper than a
   * GtkSortListModel looking each item up in the dataset's list; and both
   * so that the views' slices shrink before a new dataset reaches them.
   */
  GListStore          *news_by_date;
  GListStore          *places_by_file;   /* the dataset's order */
  GtkFilter           *news_filter;
  GtkFilter           *places_filter;
  gboolean             filters_pass_all;  /* no function: nothing filters */
  GtkSorter           *places_sorter;
  GListModel          *news_model;
  GListModel          *places_model;

  /* What each list view is given: a slice of its list that starts a
   * screenful long and grows a few rows a frame (see "Rows").
   */
  GtkSliceListModel   *news_rows;
  GtkSliceListModel   *places_rows;
  guint                news_growth;    /* tick callbacks, while growing */
  guint                places_growth;
  gboolean             news_hold;      /* the next frame shows the screenful as it is */
  gboolean             places_hold;

  /* What each choice of the filter menus stands for. */
  GPtrArray           *geopark_choices;  /* ids, NULL first for "all" */
  GHashTable          *geopark_ranks;    /* id → 1 + its place in the dataset */
  AtlasLanguage        sort_language;    /* the language shown, asked once */
  GArray              *year_choices;     /* int, 0 first for "all" */
  gboolean             syncing;

  /* The filter menu: NULL until it is first opened (add_filter_popover). */
  GtkPopover          *filter_popover;
  GtkDropDown         *geopark_dropdown;
  GtkDropDown         *topic_dropdown;
  GtkDropDown         *year_dropdown;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton       *primary_menu_button;
  GMenuModel          *primary_menu;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  AtlasWrapBox        *chips_box;
  GtkLabel            *count_label;
  AdwViewStack        *stack;
  GtkStack            *news_stack;
  GtkListView         *news_list;
  GtkStack            *places_stack;
  GtkListView         *places_list;
};

G_END_DECLS
