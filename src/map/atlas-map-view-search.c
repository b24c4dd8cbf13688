/* atlas-map-view-search.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-view-private.h"

/* The search shown on the map: the places it finds stand out, the others
 * step back (atlas-pin.c dims them), a group's badge counts what it finds
 * in it, and a bar over the map says how many places match and frames them
 * (map.frame-results).
 *
 * The results are the sidebar's list of places as the search leaves it, a
 * model that changes at every keystroke, maybe item by item: the map looks
 * at it once per frame, not at each change.
 */

/* Room between the results bar and the note on approximate borders. */
#define BAR_SPACING 6

static void
update_bar (AtlasMapView *self)
{
  guint n_matches = _atlas_map_view_get_n_matches (self);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->search.bar, self->search.matches != NULL);
  if (self->search.matches == NULL)
    return;

  if (n_matches == 0)
    text = g_strdup (_("No places match the search"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place matches the search",
                                         "%u places match the search", n_matches),
                            n_matches);
  gtk_label_set_label (self->search.label, text);
  gtk_widget_set_visible (self->search.frame_button, n_matches > 0);
}

/* Looks at the results as they are now, and shows them. */
static void
update_matches (AtlasMapView *self)
{
  g_clear_pointer (&self->search.matches, g_hash_table_unref);

  if (self->search.results != NULL)
    {
      guint n_items = g_list_model_get_n_items (self->search.results);

      self->search.matches = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
      for (guint i = 0; i < n_items; i++)
        {
          gpointer item = g_list_model_get_item (self->search.results, i);

          if (ATLAS_IS_PLACE (item))
            g_hash_table_add (self->search.matches, item);
          else
            g_object_unref (item);
        }
    }

  _atlas_map_view_update_highlights (self);
  update_bar (self);
  _atlas_map_view_actions_update (self);
}

static gboolean
on_search_tick (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);

  g_assert (ATLAS_IS_MAP_VIEW (self));

  self->search.update_id = 0;
  update_matches (self);

  return G_SOURCE_REMOVE;
}

static void
cancel_update (AtlasMapView *self)
{
  if (self->search.update_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->search.update_id);
  self->search.update_id = 0;
}

/* Shows the results as they are now, rather than at the next frame. */
void
_atlas_map_view_flush_search_results (AtlasMapView *self)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->search.update_id == 0)
    return;

  cancel_update (self);
  update_matches (self);
}

static void
on_results_changed (AtlasMapView *self)
{
  g_assert (ATLAS_IS_MAP_VIEW (self));

  if (self->search.update_id == 0)
    self->search.update_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_search_tick,
                                                           NULL, NULL);
}

/**
 * atlas_map_view_set_search_results:
 * @self: a map view
 * @places: (nullable): the places the search finds, which may change, or
 *   %NULL when nothing is searched
 *
 * Shows a search on the map: the pins of @places stand out, the others
 * step back, and a bar over the map frames them. The map looks at @places
 * once per frame while it changes. %NULL puts the pins back as they were,
 * and leaves the view where it is.
 */
void
atlas_map_view_set_search_results (AtlasMapView *self,
                                   GListModel   *places)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (places == NULL || G_IS_LIST_MODEL (places));

  /* Shown already: the model says when what it holds changes. */
  if (places != NULL && places == self->search.results && self->search.matches != NULL)
    return;

  if (self->search.results != places)
    {
      if (self->search.results != NULL)
        g_signal_handlers_disconnect_by_data (self->search.results, self);
      g_set_object (&self->search.results, places);
      if (places != NULL)
        g_signal_connect_object (places, "items-changed",
                                 G_CALLBACK (on_results_changed), self, G_CONNECT_SWAPPED);
    }

  /* Clearing the search is shown at once; a search at the next frame. */
  if (places == NULL)
    {
      cancel_update (self);
      if (self->search.matches != NULL)
        update_matches (self);
      return;
    }

  on_results_changed (self);
}

/**
 * atlas_map_view_set_search_geoparks:
 * @self: a map view
 * @geoparks: (nullable) (element-type AtlasGeopark): the geoparks the search
 *   finds, or %NULL when nothing is searched
 *
 * While searching, the areas of the geoparks found stand out and the others
 * step back; %NULL draws them all as usual.
 */
void
atlas_map_view_set_search_geoparks (AtlasMapView *self,
                                    GPtrArray    *geoparks)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (geoparks != NULL)
    {
      builder = g_strv_builder_new ();
      for (guint i = 0; i < geoparks->len; i++)
        g_strv_builder_add (builder, atlas_geopark_get_id (g_ptr_array_index (geoparks, i)));
      ids = g_strv_builder_end (builder);
    }

  /* Typing seldom changes which geoparks are found: the areas are drawn
   * again only when it does.
   */
  if (ids == self->search.geopark_ids ||
      (ids != NULL && self->search.geopark_ids != NULL &&
       g_strv_equal ((const char * const *) ids,
                     (const char * const *) self->search.geopark_ids)))
    return;

  g_strfreev (self->search.geopark_ids);
  self->search.geopark_ids = g_steal_pointer (&ids);
  _atlas_map_view_update_areas (self);
}

/* Whether the search finds the geopark, or -1 when nothing is searched. */
int
_atlas_map_view_geopark_found (AtlasMapView *self,
                               AtlasGeopark *geopark)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), -1);
  g_return_val_if_fail (ATLAS_IS_GEOPARK (geopark), -1);

  if (self->search.geopark_ids == NULL)
    return -1;

  return g_strv_contains ((const char * const *) self->search.geopark_ids,
                          atlas_geopark_get_id (geopark));
}

/* How many of the places the search finds, or -1 when nothing is searched. */
int
_atlas_map_view_count_matches (AtlasMapView      *self,
                               AtlasPlace *const *places,
                               guint              n_places)
{
  int n_matches = 0;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), -1);

  if (self->search.matches == NULL)
    return -1;

  for (guint i = 0; i < n_places; i++)
    n_matches += g_hash_table_contains (self->search.matches, places[i]);

  return n_matches;
}

/* Those of @places the search finds: all of them when nothing is searched
 * or none is found; a new array, its places borrowed.
 */
GPtrArray *
_atlas_map_view_dup_matches (AtlasMapView *self,
                             GPtrArray    *places)
{
  GPtrArray *matches;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);
  g_return_val_if_fail (places != NULL, NULL);

  matches = g_ptr_array_new ();
  for (guint i = 0; self->search.matches != NULL && i < places->len; i++)
    if (g_hash_table_contains (self->search.matches, g_ptr_array_index (places, i)))
      g_ptr_array_add (matches, g_ptr_array_index (places, i));

  if (matches->len == 0)
    g_ptr_array_extend (matches, places, NULL, NULL);

  return matches;
}

/* How many places the search finds; 0 when nothing is searched. */
guint
_atlas_map_view_get_n_matches (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), 0);

  return self->search.matches != NULL ? g_hash_table_size (self->search.matches) : 0;
}

/* Frames every place the search finds, as opening a place frames it when
 * there is only one.
 */
void
_atlas_map_view_frame_search_results (AtlasMapView *self)
{
  g_autoptr(GPtrArray) places = NULL;
  GHashTableIter iter;
  gpointer place;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  _atlas_map_view_flush_search_results (self);
  if (_atlas_map_view_get_n_matches (self) == 0)
    return;

  places = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->search.matches);
  while (g_hash_table_iter_next (&iter, &place, NULL))
    g_ptr_array_add (places, place);

  atlas_map_view_fit_places (self, places, TRUE);
}

/* The width of an overlay child at the top left: as wide as it likes if
 * there is room, never narrower than it can be. Sizes count the margins.
 */
static int
measure_width (GtkWidget  *widget,
               GtkOverlay *overlay)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);

  return MAX (minimum, MIN (natural, gtk_widget_get_width (GTK_WIDGET (overlay))));
}

/* The results bar stands at the top left, and the note on approximate
 * borders below it when it is there. GtkOverlay would give the bar no more
 * than the map's width, even less than the bar needs on a map not yet laid
 * out.
 */
static gboolean
on_get_child_position (GtkOverlay   *overlay,
                       GtkWidget    *widget,
                       GdkRectangle *allocation,
                       AtlasMapView *self)
{
  int top = 0;

  g_assert (ATLAS_IS_MAP_VIEW (self));

  if (widget != self->search.bar && widget != self->approximate_label)
    return FALSE;

  if (widget == self->approximate_label)
    {
      int bar_height;

      if (!gtk_widget_get_visible (self->search.bar))
        return FALSE;

      gtk_widget_measure (self->search.bar, GTK_ORIENTATION_VERTICAL,
                          measure_width (self->search.bar, overlay), NULL, &bar_height,
                          NULL, NULL);
      top = bar_height + BAR_SPACING - gtk_widget_get_margin_top (widget);
    }

  allocation->x = 0;
  allocation->y = top;
  allocation->width = measure_width (widget, overlay);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, allocation->width,
                      NULL, &allocation->height, NULL, NULL);

  return TRUE;
}

void
_atlas_map_view_search_init (AtlasMapView *self)
{
  g_signal_connect_object (self->overlay, "get-child-position",
                           G_CALLBACK (on_get_child_position), self, 0);
}

void
_atlas_map_view_search_dispose (AtlasMapView *self)
{
  cancel_update (self);
  if (self->search.results != NULL)
    g_signal_handlers_disconnect_by_data (self->search.results, self);
  g_clear_object (&self->search.results);
  g_clear_pointer (&self->search.matches, g_hash_table_unref);
  g_clear_pointer (&self->search.geopark_ids, g_strfreev);
}
