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
#include "atlas-presentation.h"
#include "atlas-sidebar.h"
#include "atlas-window.h"

G_BEGIN_DECLS

/* What opening an item does besides showing it. */
typedef enum {
  ATLAS_OPEN_PUSH_HISTORY = 1 << 0,  /* a new step, not back or forward */
  ATLAS_OPEN_MOVE_MAP     = 1 << 1,  /* frame the item on the map */
  ATLAS_OPEN_FILTER       = 1 << 2,  /* a place or a geopark filters the lists */
  ATLAS_OPEN_REVEAL       = 1 << 3,  /* show the detail panel, and the map on a narrow window */
} AtlasOpenFlags;

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  AtlasDatasetSource   *source;

  /* What the lists show, and what was opened in turn. */
  AtlasBrowseFilter    *filter;
  AtlasHistory         *history;

  /* Presenting: the tour, its caption over the map, and what keeps the
   * room's screen awake and the pointer out of sight.
   */
  AtlasPresentation    *presentation;
  GtkWidget            *caption_card;
  guint                 inhibit_cookie;
  guint                 cursor_timeout_id;
  guint                 advance_timeout_id;
  guint                 tick_id;
  int                   framed_width;
  int                   framed_height;

  /* The open item and filters of the last run wait for the folder that
   * holds them to load.
   */
  gboolean              restore_pending;

  /* The detail panel's pages, one per kind of item. */
  GtkWidget            *article_page;
  GtkWidget            *place_page;
  GtkWidget            *geopark_page;

  /* A first load's page and a failed folder's, in the main stack: NULL
   * until one is first needed (atlas-window-pages.ui).
   */
  AdwStatusPage        *loading_page;
  AdwWindowTitle       *loading_title;
  GtkProgressBar       *loading_progress;
  AdwStatusPage        *error_page;
  GtkTextView          *error_problems_view;
  GtkWidget            *use_bundled_button;

  /* Template widgets */
  GtkStack             *main_stack;
  GtkProgressBar       *reload_progress;
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
  GtkWidget            *content_header;
  GtkWidget            *map_overlay;
  GtkWidget            *presentation_blank;
  GtkMenuButton        *present_monitor_button;
  GtkWidget            *sidebar_separator;
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

/* atlas-window-present.c */
void         _atlas_window_class_init_presenting (GtkWidgetClass *widget_class);
void         _atlas_window_init_presenting   (AtlasWindow        *self);
void         _atlas_window_present           (AtlasWindow        *self,
                                              AtlasPresentation  *presentation,
                                              GdkMonitor         *monitor);
void         _atlas_window_stop_presenting   (AtlasWindow        *self);
gboolean     _atlas_window_is_presenting     (AtlasWindow        *self);

G_END_DECLS
