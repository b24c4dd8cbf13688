/* atlas-window-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-map-view.h"
#include "atlas-window.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  AtlasDataset         *dataset;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwViewStack         *sidebar_stack;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *primary_menu_button;
  AdwFlap              *detail_flap;
  AtlasMapView         *map_view;
  GtkWidget            *detail_panel;
};

AtlasWindow *_atlas_window_new_with_settings (AtlasApplication *application,
                                              GSettings        *settings,
                                              AtlasDataset     *dataset);

G_END_DECLS
