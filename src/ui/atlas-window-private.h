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
#include "atlas-presenter.h"
#include "atlas-sidebar.h"
#include "atlas-start-page.h"
#include "atlas-window.h"

G_BEGIN_DECLS

/* What opening an item does besides showing it. */
typedef enum {
  ATLAS_OPEN_PUSH_HISTORY = 1 << 0,  /* a new step, not back or forward */
  ATLAS_OPEN_MOVE_MAP     = 1 << 1,  /* frame the item on the map */
  ATLAS_OPEN_FILTER       = 1 << 2,  /* a place or a geopark filters the lists */
  ATLAS_OPEN_REVEAL       = 1 << 3,  /* show the detail panel, and the map on a narrow window */
} AtlasOpenFlags;

/* A first load's page and a failed folder's (atlas-window-pages.ui): most
 * starts need neither. The detail panel's pages, one per kind of item, are
 * found in the detail stack by name.
 */
typedef struct
{
  AdwStatusPage        *loading_page;
  AdwWindowTitle       *loading_title;
  GtkProgressBar       *loading_progress;
  AdwStatusPage        *error_page;
  GtkTextView          *error_problems_view;
  GtkWidget            *use_bundled_button;
} AtlasWindowStatusPages;

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *main_stack;
  GtkProgressBar       *reload_progress;
  AdwLeaflet           *leaflet;
  AtlasSidebar         *sidebar;
  GtkWidget            *sidebar_separator;
  GtkWidget            *content;
  GtkWidget            *content_header;
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *forward_button;
  GtkMenuButton        *present_monitor_button;
  GtkRevealer          *problems_revealer;
  GtkLabel             *problems_label;
  AdwFlap              *detail_flap;
  GtkWidget            *map_overlay;
  AtlasMapView         *map_view;
  GtkWidget            *presentation_blank;
  GtkWidget            *detail_panel;
  GtkStack             *detail_stack;
  AtlasStartPage       *start_page;

  /* Borrowed references: built when first needed, owned by the main stack */
  AtlasWindowStatusPages status_pages;

  /* Owned references: the application's settings and dataset, shared by its
   * windows; what the lists show and what was opened in turn, handed on to a
   * window that replaces this one; and presenting.
   */
  GSettings            *settings;
  AtlasDatasetSource   *source;
  AtlasBrowseFilter    *filter;
  AtlasHistory         *history;
  AtlasPresenter       *presenter;

  /* The open item and filters of the last run wait for the folder that
   * holds them to load.
   */
  gboolean              restore_pending;
};

AtlasWindow *_atlas_window_new_with_settings (AtlasApplication   *application,
                                              GSettings          *settings,
                                              AtlasDatasetSource *source);
gboolean     _atlas_window_open_id           (AtlasWindow        *self,
                                              const char         *id);
void         _atlas_window_open_item         (AtlasWindow        *self,
                                              GObject            *item,
                                              AtlasOpenFlags      flags);
GObject     *_atlas_window_lookup_item       (AtlasWindow        *self,
                                              const char         *id);
void         _atlas_window_close_item        (AtlasWindow        *self);
char        *_atlas_window_dup_problems_text (AtlasWindow        *self);

/* atlas-window-actions.c */
void         _atlas_window_class_actions_init (AtlasWindowClass  *klass);
void         _atlas_window_actions_init      (AtlasWindow        *self);
void         _atlas_window_actions_update    (AtlasWindow        *self);

G_END_DECLS
