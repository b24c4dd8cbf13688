/* atlas-window-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-browse-filter.h"
#include "atlas-dataset-source.h"
#include "atlas-history.h"
#include "atlas-map-view.h"
#include "atlas-sidebar.h"
#include "atlas-window.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  AtlasDatasetSource   *source;

  /* What the lists show, and what was opened in turn. */
  AtlasBrowseFilter    *filter;
  AtlasHistory         *history;

  /* The detail panel's pages, one per kind of item. */
  GtkWidget            *article_page;
  GtkWidget            *place_page;
  GtkWidget            *geopark_page;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkTextView          *error_problems_view;
  GtkWidget            *use_bundled_button;
  AdwLeaflet           *leaflet;
  AtlasSidebar         *sidebar;
  GtkWidget            *content;
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *forward_button;
  GtkRevealer          *problems_revealer;
  GtkLabel             *problems_label;
  AdwFlap              *detail_flap;
  AtlasMapView         *map_view;
  GtkWidget            *detail_panel;
  GtkStack             *detail_stack;
};

AtlasWindow *_atlas_window_new_with_settings (AtlasApplication   *application,
                                              GSettings          *settings,
                                              AtlasDatasetSource *source);
gboolean     _atlas_window_open_id           (AtlasWindow        *self,
                                              const char         *id);

G_END_DECLS
