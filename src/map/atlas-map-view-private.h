/* atlas-map-view-private.h
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-map-package.h"
#include "atlas-map-view.h"
#include "atlas-mercator.h"
#include "atlas-pin.h"
#include "atlas-pin-groups.h"
#include "atlas-shape-layer-private.h"

G_BEGIN_DECLS

#define MAP_VIEW_MIN_ZOOM 4
#define MAP_VIEW_MAX_ZOOM 18

/* OpenStreetMap's own tiles, unless the settings name others. */
#define MAP_VIEW_DEFAULT_TILE_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

/* The search as the map shows it (atlas-map-view-search.c). */
typedef struct
{
  /* Template widgets: the bar over the map */
  GtkWidget          *bar;
  GtkLabel           *label;
  GtkWidget          *frame_button;

  /* Owned references */
  GListModel         *results;         /* the places found, or NULL: no search */
  GHashTable         *matches;         /* the same places as a set, once looked at */
  GStrv               geopark_ids;     /* the geoparks found, or NULL: no search */

  guint               update_id;       /* tick callback: the results changed */
} AtlasMapSearch;

/* A map package as the base map (atlas-map-view-package.c). */
typedef struct
{
  /* Template widgets */
  GtkWidget          *toasts;          /* an AdwToastOverlay: what went wrong */
  GMenu              *section;         /* the layers menu's package items */

  /* Owned references */
  char               *path;            /* the setting: the package to show, or NULL */
  AtlasMapPackage    *package;         /* open, or NULL */
  ShumateMapSource   *source;
  ShumateMapLayer    *layer;
  GCancellable       *opening;         /* a package being opened */
  char               *message;         /* the last problem told */

  /* State */
  gboolean            credited;        /* its attribution is in the credits */
  guint               look_id;         /* the layer told to look until it asks */
} AtlasMapViewPackage;
/* The labels as the map places them (atlas-map-view-labels.c). */
typedef struct
{
  /* Owned references */
  AtlasLabelPlacement *placement;
  GArray             *obstacles;       /* the pins and badges it kept out of */
  GtkWidget          *cover;           /* over the map, from outside: the caption card */

  /* The view it was made for */
  cairo_matrix_t      matrix;
  double              width;
  double              height;
  gboolean            dirty;           /* the pins changed since */
} AtlasMapLabels;

struct _AtlasMapView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkOverlay         *overlay;
  ShumateMap         *map;
  ShumateScale       *scale;
  ShumateLicense     *license;
  GtkRevealer        *offline_revealer;
  GtkWidget          *approximate_label;
  GtkWidget          *zoom_buttons;
  GtkWidget          *layers_button;
  GMenuModel         *layers_menu;

  /* Borrowed references: the map's layers, bottom to top */
  AtlasShapeLayer    *offline_layer;
  AtlasShapeLayer    *area_layer;
  AtlasShapeLayer    *precision_layer;
  ShumateMarkerLayer *pin_layer;
  GtkEventController *map_focus;       /* whether the map or a pin has the focus */

  /* Owned references */
  AtlasDataset       *dataset;
  ShumateMapLayer    *base_layer;
  ShumateMapSource   *base_source;
  /* What is open: one place, or the places of an article. They stand out
   * and never hide in a group.
   */
  GPtrArray          *selected_places;
  AtlasPinGroups     *pin_groups;      /* markers per group near the view */
  GPtrArray          *spare_pins;      /* hidden markers, for places to come */
  AtlasMapSearch      search;          /* its bar's widgets are template widgets */
  AtlasMapViewPackage package;         /* its toasts and menu are template widgets */
  AtlasMapLabels      labels;
  GCancellable       *world_reading;   /* the world's land, once asked for */

  /* Settings */
  char               *tile_url;
  char               *basemap;
  GtkBorder           fit_insets;
  double              fit_max_zoom;
  gboolean            animated;

  /* State */
  gboolean            reachable;
  gboolean            online_credited; /* the online source is in the credits */
  gboolean            circles_made;    /* the precision circles, made once shown */
  gboolean            vector_pins;     /* pins drawn afresh, for an image */
  AtlasWorldArea      pinned_area;     /* where every group has its marker */
  guint               pins_tick_id;    /* markers left for the next frame */
  guint               world_tick_id;   /* the world's land, asked for after a frame */
};

#define ATLAS_MAP_EXPORT_ERROR (atlas_map_export_error_quark ())

typedef enum
{
  ATLAS_MAP_EXPORT_ERROR_NOT_SHOWN,
  ATLAS_MAP_EXPORT_ERROR_RENDER,
} AtlasMapExportError;

GQuark      atlas_map_export_error_quark        (void);

/* atlas-map-view.c */
void        _atlas_map_view_go_to               (AtlasMapView *self,
                                                 double        latitude,
                                                 double        longitude,
                                                 double        zoom,
                                                 gboolean      animate);
gboolean    _atlas_map_view_is_selected         (AtlasMapView *self,
                                                 AtlasPlace   *place);
void        _atlas_map_view_activate_pin        (AtlasMapView *self,
                                                 AtlasPin     *pin);
void        _atlas_map_view_click               (AtlasMapView *self,
                                                 double        x,
                                                 double        y);
void        _atlas_map_view_set_animated        (AtlasMapView *self,
                                                 gboolean      animated);
void        _atlas_map_view_update_areas        (AtlasMapView *self);

/* atlas-map-view-pins.c */
void        _atlas_map_view_regroup_pins        (AtlasMapView *self,
                                                 gboolean      new_places);
void        _atlas_map_view_update_pins         (AtlasMapView *self);
void        _atlas_map_view_set_pins_vector     (AtlasMapView *self,
                                                 gboolean      vector);
void        _atlas_map_view_update_highlights   (AtlasMapView *self);

/* atlas-map-view-search.c */
void        _atlas_map_view_search_init         (AtlasMapView *self);
void        _atlas_map_view_search_dispose      (AtlasMapView *self);
int         _atlas_map_view_count_matches       (AtlasMapView      *self,
                                                 AtlasPlace *const *places,
                                                 guint              n_places);
GPtrArray  *_atlas_map_view_dup_matches         (AtlasMapView *self,
                                                 GPtrArray    *places);
guint       _atlas_map_view_get_n_matches       (AtlasMapView *self);
int         _atlas_map_view_geopark_found       (AtlasMapView *self,
                                                 AtlasGeopark *geopark);
void        _atlas_map_view_frame_search_results (AtlasMapView *self);
void        _atlas_map_view_flush_search_results (AtlasMapView *self);

/* atlas-map-view-package.c */
void        _atlas_map_view_class_package_init  (GtkWidgetClass *widget_class);
void        _atlas_map_view_package_dispose     (AtlasMapView *self);
gboolean    _atlas_map_view_shows_package       (AtlasMapView *self);
gboolean    _atlas_map_view_package_covers_view (AtlasMapView *self);
void        _atlas_map_view_package_update      (AtlasMapView *self);
/* atlas-map-view-basemap.c */
void        _atlas_map_view_update_basemap      (AtlasMapView *self);
void        _atlas_map_view_rebuild_base_layer  (AtlasMapView *self);
void        _atlas_map_view_remove_base_layer   (AtlasMapView *self);
void        _atlas_map_view_update_approximate_note (AtlasMapView *self);
/* atlas-map-view-labels.c */
void        _atlas_map_view_labels_init         (AtlasMapView   *self);
void        _atlas_map_view_labels_dispose      (AtlasMapView   *self);
void        _atlas_map_view_update_label_obstacles (AtlasMapView *self);
void        _atlas_map_view_add_legend          (AtlasMapView   *self,
                                                 GtkPopoverMenu *popover);
char       *_atlas_map_view_dup_outline_tooltip (AtlasMapView   *self,
                                                 double          x,
                                                 double          y);

/* atlas-map-view-actions.c */
void        _atlas_map_view_class_actions_init  (GtkWidgetClass *widget_class);
void        _atlas_map_view_actions_init        (AtlasMapView *self);
void        _atlas_map_view_actions_update      (AtlasMapView *self);
GdkTexture *_atlas_map_view_render              (AtlasMapView  *self,
                                                 int            scale,
                                                 GError       **error);

/* For the tests */
AtlasPlace *_atlas_map_view_get_selected_place  (AtlasMapView *self);
GPtrArray  *_atlas_map_view_get_selected_places (AtlasMapView *self);
GList      *_atlas_map_view_get_pins            (AtlasMapView *self);
GtkWidget  *_atlas_map_view_get_map             (AtlasMapView *self);
gboolean    _atlas_map_view_get_picture_pending (AtlasMapView *self);
guint       _atlas_map_view_count_circles       (AtlasMapView *self);
AtlasMapPackage *_atlas_map_view_get_package    (AtlasMapView *self);
gboolean    _atlas_map_view_get_package_opening (AtlasMapView *self);
const char *_atlas_map_view_get_package_message (AtlasMapView *self);
GArray     *_atlas_map_view_dup_label_boxes     (AtlasMapView *self);
gboolean    _atlas_map_view_export_png          (AtlasMapView  *self,
                                                 GFile         *file,
                                                 int            scale,
                                                 GError       **error);

G_END_DECLS
