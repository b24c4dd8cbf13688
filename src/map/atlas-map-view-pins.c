/* atlas-map-view-pins.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-map-view"

#include "config.h"

#include <math.h>

#include "atlas-map-view-private.h"

/* The map view's markers: one for each group of places (atlas-pin-groups.c)
 * near the view, taken from a pool of markers let go rather than made
 * anew, a few per frame ahead of panning. Thousands of places stay cheap:
 * the marker layer only ever holds those near the view.
 */

/* Markers are made for the places in the view and this much of its size
 * around it, ahead of panning, and kept until they are this far: a view
 * going to and fro does not make and drop the same markers.
 */
#define NEAR_MARGIN 0.25
#define KEPT_MARGIN 0.5
/* Room around the view for a pin's head and a selected pin's size. */
#define PIN_EXTENT_PX 56.0
/* The work allowed per frame on markers ahead of the view, moving one on
 * to other places costing 1 and making one 8; those in the view are given
 * theirs at once.
 */
#define AHEAD_WORK_PER_FRAME 48
#define NEW_PIN_WORK 8
/* Markers kept hidden for places that come near later. */
#define MAX_SPARE_PINS 512

static void
on_pin_activate (AtlasPin     *pin,
                 AtlasMapView *self)
{
  g_assert (ATLAS_IS_MAP_VIEW (self));

  _atlas_map_view_activate_pin (self, pin);
}

static void
add_pin (AtlasMapView *self,
         AtlasPin     *pin)
{
  g_signal_connect_object (pin, "activate", G_CALLBACK (on_pin_activate), self, 0);
  shumate_marker_layer_add_marker (self->pin_layer, SHUMATE_MARKER (pin));
}

/* Where a pin is drawn among the others, bottom to top: those the search
 * leaves behind, the others, the selected places.
 */
static guint
pin_rank (AtlasPin *pin)
{
  if (atlas_pin_get_highlighted (pin))
    return 2;

  return atlas_pin_get_n_matches (pin) == 0 ? 0 : 1;
}

/* Marks the pins of the selected places and what the search finds in each,
 * and draws them in that order: the marker layer draws its markers in
 * order. They are moved only when they are out of order, as a move is news
 * to the accessibility tree.
 */
void
_atlas_map_view_update_highlights (AtlasMapView *self)
{
  GtkWidget *layer = GTK_WIDGET (self->pin_layer);
  GtkWidget *child;
  guint rank = 0;
  gboolean in_order = TRUE;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  for (child = gtk_widget_get_first_child (layer);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AtlasPin *pin = ATLAS_PIN (child);
      GPtrArray *places = atlas_pin_get_places (pin);
      gboolean visible = gtk_widget_get_visible (child);
      gboolean selected = visible && !atlas_pin_is_group (pin) &&
                          _atlas_map_view_is_selected (self, atlas_pin_get_place (pin));
      int n_matches = -1;

      if (visible)
        n_matches = _atlas_map_view_count_matches (self, (AtlasPlace *const *) places->pdata,
                                                   places->len);
      atlas_pin_set_highlighted (pin, selected);
      atlas_pin_set_n_matches (pin, n_matches);
      if (visible && pin_rank (pin) < rank)
        in_order = FALSE;
      else if (visible)
        rank = pin_rank (pin);
    }

  _atlas_map_view_update_label_obstacles (self);
  if (in_order)
    return;

  /* Those the search finds go to the top, then the selected ones, each in
   * the order they had; without a search, only the selected ones move.
   */
  for (rank = self->search.matches != NULL ? 1 : 2; rank <= 2; rank++)
    {
      g_autoptr(GPtrArray) raised = g_ptr_array_new ();

      for (child = gtk_widget_get_first_child (layer);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_visible (child) && pin_rank (ATLAS_PIN (child)) == rank)
          g_ptr_array_add (raised, child);

      for (guint i = 0; i < raised->len; i++)
        gtk_widget_insert_before (g_ptr_array_index (raised, i), layer, NULL);
    }
}

/* What the map shows, in world pixels at the zoom level, with margin
 * times its size and room for the pins added on each side; the whole
 * world before the map has a size.
 */
static AtlasWorldArea
view_area (AtlasMapView *self,
           int           level,
           double        margin)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (self);
  ShumateLocation *centre = SHUMATE_LOCATION (viewport);
  double world = atlas_mercator_world_size (level);
  double scale = exp2 (level - shumate_viewport_get_zoom_level (viewport));
  double width = gtk_widget_get_width (GTK_WIDGET (self->map)) * scale;
  double height = gtk_widget_get_height (GTK_WIDGET (self->map)) * scale;
  double x = atlas_mercator_x (shumate_location_get_longitude (centre)) * world;
  double y = atlas_mercator_y (shumate_location_get_latitude (centre)) * world;
  double half_width = width * (0.5 + margin) + PIN_EXTENT_PX * scale;
  double half_height = height * (0.5 + margin) + PIN_EXTENT_PX * scale;

  if (width <= 0 || height <= 0)
    return (AtlasWorldArea) { 0, 0, world, world };

  return (AtlasWorldArea) { x - half_width, y - half_height, x + half_width, y + half_height };
}

/* A selected place has its marker wherever the view is. */
static gboolean
is_always_pinned (AtlasMapView        *self,
                  const AtlasPinGroup *group)
{
  return group->n_places == 1 &&
         _atlas_map_view_is_selected (self,
                                      atlas_pin_groups_get_members (self->pin_groups, group)[0]);
}

/* Gives the group a marker: one just let go or kept hidden, moved on to the
 * group's places, or else a new one. Returns the work it took.
 */
static guint
give_pin (AtlasMapView  *self,
          AtlasPinGroup *group,
          GPtrArray     *released)
{
  AtlasPlace *const *places = atlas_pin_groups_get_members (self->pin_groups, group);
  AtlasPin *pin = NULL;

  if (released->len > 0)
    pin = g_ptr_array_steal_index_fast (released, released->len - 1);
  else if (self->spare_pins->len > 0)
    pin = g_ptr_array_steal_index_fast (self->spare_pins, self->spare_pins->len - 1);

  if (pin != NULL)
    {
      atlas_pin_set_places (pin, places, group->n_places);
      gtk_widget_set_visible (GTK_WIDGET (pin), TRUE);
      group->marker = pin;
      return 1;
    }

  pin = g_object_new (ATLAS_TYPE_PIN, NULL);
  atlas_pin_set_places (pin, places, group->n_places);
  atlas_pin_set_vector (pin, self->vector_pins);
  add_pin (self, pin);
  group->marker = pin;

  return NEW_PIN_WORK;
}

/* A marker no group needs waits hidden, out of the accessibility tree, for
 * places that come near; beyond a few hundred it goes.
 */
static void
keep_spare_pin (AtlasMapView *self,
                AtlasPin     *pin)
{
  if (self->spare_pins->len >= MAX_SPARE_PINS)
    {
      shumate_marker_layer_remove_marker (self->pin_layer, SHUMATE_MARKER (pin));
      return;
    }

  atlas_pin_set_highlighted (pin, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (pin), FALSE);
  g_ptr_array_add (self->spare_pins, pin);
}

/* After regrouping, the markers of the places that stood alone, in
 * @orphans by place, go back to those places if they still stand alone
 * and are near; the others join @released.
 */
static void
return_orphans (AtlasMapView   *self,
                const AtlasWorldArea *kept,
                GHashTable     *orphans,
                GPtrArray      *released)
{
  guint n_groups;
  AtlasPinGroup *groups = atlas_pin_groups_get_groups (self->pin_groups, &n_groups);
  GHashTableIter iter;
  gpointer pin;

  for (guint i = 0; i < n_groups; i++)
    if (groups[i].n_places == 1 &&
        (atlas_world_area_contains (kept, groups[i].x, groups[i].y) ||
         is_always_pinned (self, &groups[i])) &&
        g_hash_table_steal_extended (orphans,
                                     atlas_pin_groups_get_members (self->pin_groups, &groups[i])[0],
                                     NULL, &pin))
      groups[i].marker = pin;

  g_hash_table_iter_init (&iter, orphans);
  while (g_hash_table_iter_next (&iter, NULL, &pin))
    g_ptr_array_add (released, pin);
  g_hash_table_remove_all (orphans);
}

static gboolean on_pins_tick (GtkWidget     *widget,
                              GdkFrameClock *frame_clock,
                              gpointer       user_data);

/* Gives a marker to the groups in and around the view (and to the selected
 * places wherever they are), and takes it from those now far: panning
 * makes only the markers that come near, and moves on those left behind
 * rather than making new ones. Those in the view get theirs at once, those
 * around it a few per frame. After regrouping, @orphans holds the markers
 * of the places that stood alone, by place: a place still alone keeps its
 * own; @released, the others.
 */
static void
show_pins_near_view (AtlasMapView *self,
                     GHashTable   *orphans,
                     GPtrArray    *released)
{
  int level = atlas_pin_groups_get_level (self->pin_groups);
  AtlasWorldArea visible = view_area (self, level, 0);
  AtlasWorldArea near = view_area (self, level, NEAR_MARGIN);
  AtlasWorldArea kept = view_area (self, level, KEPT_MARGIN);
  guint n_groups;
  AtlasPinGroup *groups = atlas_pin_groups_get_groups (self->pin_groups, &n_groups);
  g_autoptr(GPtrArray) own_released = NULL;
  guint work = 0;
  gboolean deferred = FALSE;

  if (released == NULL)
    released = own_released = g_ptr_array_new ();

  for (guint i = 0; i < n_groups; i++)
    if (groups[i].marker != NULL &&
        !atlas_world_area_contains (&kept, groups[i].x, groups[i].y) &&
        !is_always_pinned (self, &groups[i]))
      {
        g_ptr_array_add (released, groups[i].marker);
        groups[i].marker = NULL;
      }

  if (orphans != NULL)
    return_orphans (self, &kept, orphans, released);

  /* The focused marker is not moved on to another place under the
   * keyboard: hidden, it gives the focus back, as it did when removed.
   */
  for (guint i = released->len; i > 0; i--)
    if (gtk_widget_is_focus (g_ptr_array_index (released, i - 1)))
      keep_spare_pin (self, g_ptr_array_steal_index (released, i - 1));

  for (guint i = 0; i < n_groups; i++)
    if (groups[i].marker == NULL &&
        (atlas_world_area_contains (&visible, groups[i].x, groups[i].y) ||
         is_always_pinned (self, &groups[i])))
      give_pin (self, &groups[i], released);

  for (guint i = 0; i < n_groups; i++)
    if (groups[i].marker == NULL && atlas_world_area_contains (&near, groups[i].x, groups[i].y))
      {
        if (work < AHEAD_WORK_PER_FRAME)
          work += give_pin (self, &groups[i], released);
        else
          deferred = TRUE;
      }

  while (released->len > 0)
    keep_spare_pin (self, g_ptr_array_steal_index_fast (released, released->len - 1));

  self->pinned_area = deferred ? visible : near;
  if (deferred && self->pins_tick_id == 0)
    self->pins_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_pins_tick, NULL, NULL);

  _atlas_map_view_update_highlights (self);
}

static gboolean
on_pins_tick (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);

  g_assert (ATLAS_IS_MAP_VIEW (self));

  self->pins_tick_id = 0;
  if (atlas_pin_groups_get_level (self->pin_groups) >= 0)
    show_pins_near_view (self, NULL, NULL);

  return G_SOURCE_REMOVE;
}

/* The markers of the groups about to be remade: by place for those that
 * stand for one place, which keep it if it stays alone, the others let go.
 */
static void
take_pins (AtlasMapView *self,
           GHashTable   *orphans,
           GPtrArray    *released)
{
  guint n_groups;
  AtlasPinGroup *groups = atlas_pin_groups_get_groups (self->pin_groups, &n_groups);

  for (guint i = 0; i < n_groups; i++)
    {
      AtlasPin *pin = groups[i].marker;

      if (pin == NULL)
        continue;
      if (atlas_pin_is_group (pin))
        g_ptr_array_add (released, pin);
      else
        g_hash_table_insert (orphans, atlas_pin_get_place (pin), pin);
    }

  atlas_pin_groups_clear (self->pin_groups);
}

/* Groups the places anew for the zoom level (and the selection), and shows
 * the markers near the view; @new_places when the dataset's changed.
 */
void
_atlas_map_view_regroup_pins (AtlasMapView *self,
                              gboolean      new_places)
{
  double zoom;
  g_autoptr(GHashTable) orphans = NULL;
  g_autoptr(GPtrArray) released = NULL;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->dataset == NULL)
    return;

  zoom = shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (self));
  orphans = g_hash_table_new (NULL, NULL);
  released = g_ptr_array_new ();
  take_pins (self, orphans, released);
  if (new_places)
    atlas_pin_groups_set_places (self->pin_groups, atlas_dataset_get_places (self->dataset));
  atlas_pin_groups_group (self->pin_groups, (int) round (zoom), self->selected_places);
  show_pins_near_view (self, orphans, released);
}

/* The view moved or zoomed: new groups at a new zoom level, else markers
 * only once the view leaves the area where every group has one.
 */
void
_atlas_map_view_update_pins (AtlasMapView *self)
{
  int level;
  AtlasWorldArea visible;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->dataset == NULL)
    return;

  level = (int) round (shumate_viewport_get_zoom_level (atlas_map_view_get_viewport (self)));
  if (level != atlas_pin_groups_get_level (self->pin_groups))
    {
      _atlas_map_view_regroup_pins (self, FALSE);
      return;
    }

  visible = view_area (self, level, 0);
  if (!atlas_world_area_covers (&self->pinned_area, &visible))
    show_pins_near_view (self, NULL, NULL);
}

/* Pins are painted from bodies drawn once for the screen's scale, but drawn
 * afresh in an exported image, which may be larger.
 */
void
_atlas_map_view_set_pins_vector (AtlasMapView *self,
                                 gboolean      vector)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  self->vector_pins = vector;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pin_layer));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    atlas_pin_set_vector (ATLAS_PIN (child), vector);
}

/* The markers shown, bottom to top; not those kept hidden for later. */
GList *
_atlas_map_view_get_pins (AtlasMapView *self)
{
  GList *pins = NULL;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self->pin_layer));
       child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    if (gtk_widget_get_visible (child))
      pins = g_list_prepend (pins, child);

  return pins;
}
