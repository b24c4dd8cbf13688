/* atlas-pin-groups.c
 *
 * Copyright 2026 The Geopark Atlas developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-pin-groups"

#include "config.h"

#include <math.h>

#include "atlas-mercator.h"
#include "atlas-pin-groups.h"

/* Which places share a marker at a zoom level: those whose pins would
 * overlap. libshumate has no clustering of markers; this is ours, on a
 * grid, so that it stays linear in the number of places.
 */

/* A place where the map groups it: in Web Mercator, as fractions of the
 * world's width, worked out once per dataset rather than for every pair of
 * neighbours at every zoom level.
 */
typedef struct
{
  AtlasPlace *place;
  double      x;
  double      y;
} PlacePoint;

struct _AtlasPinGroups
{
  GArray    *points;     /* PlacePoint, the places */
  int        level;      /* the zoom level of the groups, or -1 */
  GArray    *groups;     /* AtlasPinGroup */
  GPtrArray *members;    /* AtlasPlace, borrowed from points, in runs per group */
};

/* The places' grid, at one zoom level: each cell's places chained by index
 * + 1 in the places' order.
 */
typedef struct
{
  GHashTable *cells;     /* gint64 key → first index + 1 */
  gint64     *keys;
  guint      *next;
  gboolean   *taken;
  gboolean   *selected;
} Grid;

static void
clear_place_point (gpointer data)
{
  PlacePoint *point = data;

  g_clear_object (&point->place);
}

AtlasPinGroups *
atlas_pin_groups_new (void)
{
  AtlasPinGroups *self = g_new0 (AtlasPinGroups, 1);

  self->points = g_array_new (FALSE, FALSE, sizeof (PlacePoint));
  g_array_set_clear_func (self->points, clear_place_point);
  self->groups = g_array_new (FALSE, FALSE, sizeof (AtlasPinGroup));
  self->members = g_ptr_array_new ();
  self->level = -1;

  return self;
}

void
atlas_pin_groups_free (AtlasPinGroups *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->groups);
  g_ptr_array_unref (self->members);
  g_array_unref (self->points);
  g_free (self);
}

/* Takes the places to group, and forgets the groups of those before. */
void
atlas_pin_groups_set_places (AtlasPinGroups *self,
                             GListModel     *places)
{
  guint n_places;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (places));

  atlas_pin_groups_clear (self);
  g_array_set_size (self->points, 0);
  n_places = g_list_model_get_n_items (places);
  for (guint i = 0; i < n_places; i++)
    {
      AtlasPlace *place = g_list_model_get_item (places, i);
      PlacePoint point = {
        place,
        atlas_mercator_x (atlas_place_get_longitude (place)),
        atlas_mercator_y (atlas_place_get_latitude (place)),
      };

      g_array_append_val (self->points, point);
    }
}

guint
atlas_pin_groups_get_n_places (AtlasPinGroups *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

AtlasPlace *
atlas_pin_groups_get_place (AtlasPinGroups *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->points->len, NULL);

  return g_array_index (self->points, PlacePoint, index).place;
}

static gint64
cell_key (gint64 column,
          gint64 row)
{
  return (gint64) ((guint64) column << 32) | (guint32) row;
}

static gint64
cell_of (double x,
         double y)
{
  return cell_key ((gint64) floor (x / ATLAS_PIN_GROUPS_DISTANCE_PX),
                   (gint64) floor (y / ATLAS_PIN_GROUPS_DISTANCE_PX));
}

static void
grid_init (Grid            *grid,
           const PlacePoint *points,
           guint            n_points,
           double           world,
           GPtrArray       *selected)
{
  grid->cells = g_hash_table_new (g_int64_hash, g_int64_equal);
  grid->keys = g_new (gint64, n_points);
  grid->next = g_new (guint, n_points);
  grid->taken = g_new0 (gboolean, n_points);
  grid->selected = g_new (gboolean, n_points);

  for (guint i = n_points; i > 0; i--)
    {
      const PlacePoint *point = &points[i - 1];

      grid->keys[i - 1] = cell_of (point->x * world, point->y * world);
      grid->next[i - 1] = GPOINTER_TO_UINT (g_hash_table_lookup (grid->cells, &grid->keys[i - 1]));
      g_hash_table_insert (grid->cells, &grid->keys[i - 1], GUINT_TO_POINTER (i));
      grid->selected[i - 1] = selected != NULL && g_ptr_array_find (selected, point->place, NULL);
    }
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->cells, g_hash_table_unref);
  g_clear_pointer (&grid->keys, g_free);
  g_clear_pointer (&grid->next, g_free);
  g_clear_pointer (&grid->taken, g_free);
  g_clear_pointer (&grid->selected, g_free);
}

/* Adds to @group the places not yet taken within the grouping distance of
 * its first, from the grid's cells around it, in the places' order per
 * cell.
 */
static void
add_neighbours (AtlasPinGroups *self,
                AtlasPinGroup  *group,
                double          world,
                Grid           *grid)
{
  const PlacePoint *points = (const PlacePoint *) (void *) self->points->data;
  gint64 column = (gint64) floor (group->x / ATLAS_PIN_GROUPS_DISTANCE_PX);
  gint64 row = (gint64) floor (group->y / ATLAS_PIN_GROUPS_DISTANCE_PX);

  for (gint64 dx = -1; dx <= 1; dx++)
    for (gint64 dy = -1; dy <= 1; dy++)
      {
        gint64 key = cell_key (column + dx, row + dy);
        guint j = GPOINTER_TO_UINT (g_hash_table_lookup (grid->cells, &key));

        for (; j != 0; j = grid->next[j - 1])
          {
            const PlacePoint *other = &points[j - 1];

            if (grid->taken[j - 1] || grid->selected[j - 1] ||
                hypot (other->x * world - group->x, other->y * world - group->y) >
                  ATLAS_PIN_GROUPS_DISTANCE_PX)
              continue;

            g_ptr_array_add (self->members, other->place);
            grid->taken[j - 1] = TRUE;
            group->n_places++;
          }
      }
}

/* Groups the places that would overlap at this zoom level: each place not
 * yet taken, in the places' order, takes those near it. A place in
 * @selected (of AtlasPlace, or NULL) always stands alone, and so does every
 * place from ATLAS_PIN_GROUPS_APART_ZOOM on. The groups made before are
 * forgotten, their markers with them: take those first.
 */
void
atlas_pin_groups_group (AtlasPinGroups *self,
                        int             level,
                        GPtrArray      *selected)
{
  const PlacePoint *points;
  guint n_points;
  double world = atlas_mercator_world_size (level);
  gboolean grouping = level < ATLAS_PIN_GROUPS_APART_ZOOM;
  Grid grid = { NULL, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (level >= 0);

  atlas_pin_groups_clear (self);
  self->level = level;
  points = (const PlacePoint *) (void *) self->points->data;
  n_points = self->points->len;
  if (grouping)
    grid_init (&grid, points, n_points, world, selected);

  for (guint i = 0; i < n_points; i++)
    {
      AtlasPinGroup group = {
        self->members->len, 1, points[i].x * world, points[i].y * world, NULL
      };

      if (grouping && grid.taken[i])
        continue;

      g_ptr_array_add (self->members, points[i].place);
      if (grouping)
        {
          grid.taken[i] = TRUE;
          if (!grid.selected[i])
            add_neighbours (self, &group, world, &grid);
        }
      g_array_append_val (self->groups, group);
    }

  grid_clear (&grid);
}

/* Forgets the groups (not the places). */
void
atlas_pin_groups_clear (AtlasPinGroups *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->members, 0);
  self->level = -1;
}

/* The zoom level the groups are made for, or -1 when there are none. */
int
atlas_pin_groups_get_level (AtlasPinGroups *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->level;
}

/* The groups, which the caller may give markers. */
AtlasPinGroup *
atlas_pin_groups_get_groups (AtlasPinGroups *self,
                             guint          *n_groups)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_groups != NULL, NULL);

  *n_groups = self->groups->len;
  return (AtlasPinGroup *) (void *) self->groups->data;
}

/* The group's places, group->n_places of them, its first place first. */
AtlasPlace *const *
atlas_pin_groups_get_members (AtlasPinGroups      *self,
                              const AtlasPinGroup *group)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (group != NULL, NULL);

  return (AtlasPlace *const *) self->members->pdata + group->first;
}
