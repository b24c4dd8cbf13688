/* atlas-window-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-dataset-source.h"
#include "atlas-map-view.h"
#include "atlas-window.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  AtlasDatasetSource   *source;

  /* The search: its folded words, and the filters of the two lists. */
  char                **search_words;
  GtkFilter            *news_filter;
  GtkFilter            *places_filter;
  GListModel           *news_model;
  GListModel           *places_model;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkTextView          *error_problems_view;
  GtkWidget            *use_bundled_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwViewStack         *sidebar_stack;
  GtkStack             *news_stack;
  GtkListView          *news_list;
  GtkStack             *places_stack;
  GtkListView          *places_list;
  AdwWindowTitle       *window_title;
  GtkRevealer          *problems_revealer;
  GtkLabel             *problems_label;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *primary_menu_button;
  AdwFlap              *detail_flap;
  AtlasMapView         *map_view;
  GtkWidget            *detail_panel;
};

AtlasWindow *_atlas_window_new_with_settings (AtlasApplication   *application,
                                              GSettings          *settings,
                                              AtlasDatasetSource *source);

G_END_DECLS
